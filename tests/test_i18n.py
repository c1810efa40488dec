"""The translation catalog: every message in both languages, plurals by each language's rule,
numbers and money in each language's own typography."""

from __future__ import annotations

import string

import pytest

from cxprior.i18n import CATALOG, format_money, format_number, format_percent, tr


def forms(template: str | dict[str, str]) -> list[str]:
    return list(template.values()) if isinstance(template, dict) else [template]


def fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def test_every_message_exists_in_english_and_french_with_the_same_placeholders_in_every_form():
    for key, entry in CATALOG.items():
        assert set(entry) >= {"en", "fr"}, key
        # a plural form may leave the count out ("{enter} replaces {leave}")
        every = {fields(form) - {"count"} for lang in ("en", "fr") for form in forms(entry[lang])}
        assert len(every) == 1, key


def test_a_plural_message_has_an_other_form_in_both_languages():
    plural = {key: entry for key, entry in CATALOG.items() if isinstance(entry["en"], dict)}
    assert plural, "the catalog has plural messages"
    for key, entry in plural.items():
        for lang in ("en", "fr"):
            assert isinstance(entry[lang], dict) and "other" in entry[lang], (key, lang)


def test_french_says_zero_initiative_in_the_singular_where_english_says_zero_initiatives():
    # CLDR: French "one" covers 0 and 1; English "one" is 1 only
    assert tr("report.summary.left", "fr", count=0) == "0 initiative"
    assert tr("report.summary.left", "en", count=0) == "0 initiatives"
    assert tr("report.summary.left", "fr", count=1) == "1 initiative"
    assert tr("report.summary.left", "en", count=2) == "2 initiatives"


@pytest.mark.parametrize(
    ("lang", "number", "money", "percent"),
    [
        ("en", "1,234,567.5", "€1,234,568", "12.5%"),
        ("fr", "1\u202f234\u202f567,5", "1\u202f234\u202f568\u00a0€", "12,5\u00a0%"),
    ],
)
def test_numbers_money_and_percentages_follow_each_languages_typography(lang, number, money, percent):
    assert format_number(1_234_567.5, lang, 1) == number
    assert format_money(1_234_567.5, lang) == money
    assert format_percent(0.125, lang, 1) == percent


def test_a_value_that_rounds_to_zero_shows_no_minus_sign():
    assert format_number(-0.04, "en", 1) == "0.0"
    assert format_money(-0.2, "fr") == "0\u00a0€"
