"""Every page opens from app.py without an exception or an error box, in English and in French."""

from __future__ import annotations

import pytest
from app_helpers import (
    PAGES,
    failures,
    open_page,
    start,
    texts,
)

TITLES = {
    "en": ["Overview", "Backlog", "Strategy", "Scenario", "Compare", "COMEX review"],
    "fr": ["Vue d'ensemble", "Backlog", "Stratégie", "Scénario", "Comparer", "Revue COMEX"],
}


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("fr-FR", "fr")])
def test_every_page_opens_in_the_browser_language(locale, lang):
    at = start(locale)
    assert failures(at) == []
    seen = []
    for name in PAGES:
        open_page(at, name)
        assert failures(at) == [], name
        assert "48 initiatives" in texts(at.sidebar.caption)[0], name
        seen.append(texts(at.title)[0])
    assert seen == TITLES[lang]


def test_an_unknown_browser_language_falls_back_to_english():
    at = start("de-DE")
    assert at.selectbox(key="sidebar_language").value == "en"
    assert texts(at.title) == ["Overview"]


def test_without_a_browser_locale_the_app_speaks_english():
    at = start(None)
    assert texts(at.title) == ["Overview"]


def test_the_sidebar_switch_changes_the_language_and_it_stays_on_other_pages():
    at = start("en-GB")
    at.selectbox(key="sidebar_language").set_value("fr").run()
    assert texts(at.title) == ["Vue d'ensemble"]
    open_page(at, "strategy")
    assert texts(at.title) == ["Stratégie"]
    assert at.selectbox(key="sidebar_language").value == "fr"


def test_the_app_starts_on_the_bundled_sample():
    at = start()
    caption = texts(at.sidebar.caption)[0]
    assert "bundled sample" in caption
    assert "48 initiatives" in caption
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Initiatives"] == "48"
    assert metrics["Total asked"] == "€8,675,000"


def test_french_figures_use_french_number_formats():
    at = start("fr-FR")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Total demandé"] == "8\u202f675\u202f000\u00a0€"


def test_with_the_sample_solved_every_page_shows_it_in_french():
    at = start("fr-FR")
    open_page(at, "scenario")
    at.button(key="scenario_run").click().run()
    at.button(key="scenario_submit_review").click().run()
    for view in ("portfolio", "bubble", "spend", "frontier", "greedy"):
        at.segmented_control(key="scenario_view").set_value(view).run()
        assert failures(at) == [], view
    for name in PAGES:
        open_page(at, name)
        assert failures(at) == [], name
    assert texts(at.title) == ["Revue COMEX"]
    assert texts(at.header) == ["Scénario 1"]
