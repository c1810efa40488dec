"""One translation catalog for every user-facing string, in English and French.

Each concern keeps its strings in its own module (`workbook`, `optimizer`, `ui`, …) as
`MESSAGES = {key: {"en": …, "fr": …}}`; keys are prefixed by concern ("wb.", "opt.",
"ui.") so modules never collide. Messages are `str.format` templates.
"""

from __future__ import annotations

import math

from cxprior.i18n import core, depth, export, optimizer, report, security, store, ui, workbook

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

CATALOG: dict[str, dict[str, str]] = {}
for _module in (core, workbook, export, optimizer, ui, store, report, depth, security):
    _clash = CATALOG.keys() & _module.MESSAGES.keys()
    if _clash:
        raise RuntimeError(f"translation keys defined twice: {sorted(_clash)}")
    CATALOG.update(_module.MESSAGES)


def normalise_language(lang: str | None) -> str:
    """'fr-FR', 'FR', 'fr_CA' → 'fr'; anything unknown → English."""
    if not lang:
        return DEFAULT_LANGUAGE
    short = lang.replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The message `key` in `lang`, filled with `params`; falls back to English."""
    entry = CATALOG.get(key)
    if entry is None:
        raise KeyError(f"no translation for {key!r}")
    template = entry.get(normalise_language(lang)) or entry[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


def format_number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1 234 567,5 in French (narrow no-break spaces), 1,234,567.5 in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if normalise_language(lang) == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def format_money(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1 234 567 € in French, €1,234,567 in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = format_number(abs(value), lang, decimals)
    sign = "-" if value < 0 else ""
    if normalise_language(lang) == "fr":
        return f"{sign}{number}\u00a0€"
    return f"{sign}€{number}"


def format_percent(share: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.125 → 12,5 % (fr) / 12.5% (en)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    number = format_number(share * 100, lang, decimals)
    return f"{number}\u00a0%" if normalise_language(lang) == "fr" else f"{number}%"
