"""Translations for the ui concern; see cxprior.i18n for the conventions."""

MESSAGES: dict[str, dict[str, str]] = {}
