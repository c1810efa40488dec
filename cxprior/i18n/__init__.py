"""One translation catalog for every user-facing string, in English and French.

Each concern keeps its strings in its own module (`workbook`, `optimizer`, `ui`, …) as
`MESSAGES = {key: {"en": …, "fr": …}}`; keys are prefixed by concern ("wb.", "opt.",
"ui.") so modules never collide. Messages are `str.format` templates.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from cxprior.i18n import (
    cli,
    core,
    depth,
    editing,
    export,
    followup,
    listening,
    optimizer,
    pilotage,
    report,
    roadmap,
    security,
    store,
    teamspace,
    ui,
    weights,
    weights_app,
    workbook,
)

if TYPE_CHECKING:
    from babel import Locale

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

CATALOG: dict[str, dict[str, str | dict[str, str]]] = {}
for _module in (
    cli,
    core,
    workbook,
    export,
    optimizer,
    ui,
    store,
    report,
    depth,
    security,
    listening,
    followup,
    pilotage,
    roadmap,
    weights,
    weights_app,
    editing,
    teamspace,
):
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
    """The message `key` in `lang`, filled with `params`; falls back to English.

    A message that depends on a number is a mapping of plural forms, {"one": …, "other": …},
    chosen by the language's own rule for `params["count"]`: French says "0 initiative,
    1 initiative, 2 initiatives" where English says "0 initiatives"."""
    entry = CATALOG.get(key)
    if entry is None:
        raise KeyError(f"no translation for {key!r}")
    language = normalise_language(lang)
    template = entry.get(language) or entry[DEFAULT_LANGUAGE]
    if isinstance(template, Mapping):
        form = _locale(language).plural_form(abs(params["count"]))  # type: ignore[arg-type]
        template = template.get(form) or template["other"]
    return template.format(**params) if params else template


# Babel's locales give the separators (French: narrow no-break space between thousands, comma
# for decimals, a no-break space before € and %); the patterns fix the decimals we show.
# Babel is loaded at the first number or plural shown, so that `--help` does not wait for it.
_LOCALE_NAMES = {"en": "en_GB", "fr": "fr_FR"}


@functools.cache
def _locale(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(_LOCALE_NAMES[language])


_MONEY_PATTERN = {"en": "¤#,##0", "fr": "#,##0\u00a0¤"}
_PERCENT_SUFFIX = {"en": "%", "fr": "\u00a0%"}


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _unsigned_zero(value: float, decimals: int) -> float:
    # −0.04 shown with one decimal is 0.0, not "-0.0"
    return 0.0 if round(value, max(decimals, 0)) == 0 else value


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def format_number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1 234 567,5 in French (narrow no-break spaces), 1,234,567.5 in English."""
    if _missing(value):
        return "–"
    from babel.numbers import format_decimal

    number = _unsigned_zero(value, decimals)
    return format_decimal(number, format=_pattern(decimals), locale=_locale(normalise_language(lang)))


def format_money(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """1 234 567 € in French, €1,234,567 in English."""
    if _missing(value):
        return "–"
    from babel.numbers import format_currency

    language = normalise_language(lang)
    pattern = _MONEY_PATTERN[language].replace("#,##0", _pattern(decimals))
    amount = _unsigned_zero(value, decimals)
    return format_currency(amount, "EUR", format=pattern, locale=_locale(language), currency_digits=False)


def format_percent(share: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.125 → 12,5 % (fr) / 12.5% (en)."""
    if _missing(share):
        return "–"
    language = normalise_language(lang)
    return format_number(share * 100, language, decimals) + _PERCENT_SUFFIX[language]
