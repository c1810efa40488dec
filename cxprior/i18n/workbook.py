"""Translations for the workbook concern; see cxprior.i18n for the conventions."""

MESSAGES: dict[str, dict[str, str]] = {}
