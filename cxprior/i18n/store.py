"""Translations for the store concern; see cxprior.i18n for the conventions."""

MESSAGES: dict[str, dict[str, str]] = {}
