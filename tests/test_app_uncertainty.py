"""Robustness section: run on a button on the Scenario page (with a progress bar), kept per
portfolio, draws and seed, and shown read-only on the COMEX page.

Workspace: one KPI from 0 to 100 (an impact of 10 is worth 10 points), budget 300. A (100 €,
30 points), C (100 €, 20) and D (50 €, 5) are certain; B (50 €, worth 40 when it delivers)
delivers half the time, so its value is 20. The best portfolio is A, B, C, D (75 points, 300 €):
in a draw it is worth 95 when B delivers and 55 when it does not, and the best portfolio of a
draw where B fails funds A, C and D only.
"""

from __future__ import annotations

import re

import pytest
from app_helpers import failures, open_page, shown, start, table_with, upload

from cxprior.domain import Budget, Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Workspace
from cxprior.workbook import write_workspace
from ui import cached, robustness

ROBUST = Workspace(
    goals=(Goal("G1", "Grow", 1.0),),
    kpis=(Kpi("NPS", "NPS", Direction.INCREASE, 0.0, 100.0, "pts"),),
    links=(KpiGoalLink("NPS", "G1"),),
    initiatives=(
        Initiative("A", "Callback", 100.0),
        Initiative("B", "Chatbot", 50.0, confidence=0.5),
        Initiative("C", "FAQ", 100.0),
        Initiative("D", "Survey", 50.0),
    ),
    impacts=(
        Impact("A", "NPS", 30.0),
        Impact("B", "NPS", 40.0),
        Impact("C", "NPS", 20.0),
        Impact("D", "NPS", 5.0),
    ),
    budgets=(Budget("total", 300.0),),
)


@pytest.fixture
def scenario_page(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("CXPRIOR_DB_PATH", str(tmp_path / "cx.db"))
    cached.robustness_memo.clear()  # analyses are kept for the whole server: start each test afresh
    at = start()
    at.text_input(key="sidebar_author").set_value("Léa").run()
    upload(open_page(at, "backlog"), "robust.xlsx", write_workspace(ROBUST))
    at = open_page(at, "scenario")
    at.button(key="scenario_run").click().run()
    return at


def run_analysis(at, draws=20, seed=0):
    at.number_input(key="scenario_mc_draws").set_value(draws)
    at.number_input(key="scenario_mc_seed").set_value(seed)
    return at.button(key="scenario_mc_run").click().run()


ROBUSTNESS_FIGURES = ("Pessimistic (P10)", "Median (P50)", "Optimistic (P90)", "Expected value")


def figures(at):
    return {m.label: m.value for m in at.metric if m.label in ROBUSTNESS_FIGURES}


def test_the_analysis_runs_only_on_its_button_and_shows_the_value_range_and_the_core(scenario_page):
    at = scenario_page
    assert failures(at) == []
    assert shown(at.subheader)[-1] == "How robust is this portfolio?"
    assert at.number_input(key="scenario_mc_draws").value == 500
    assert figures(at) == {}

    run_analysis(at)
    assert failures(at) == []
    p = figures(at)
    assert set(p) == set(ROBUSTNESS_FIGURES)
    assert (p["Pessimistic (P10)"], p["Optimistic (P90)"], p["Expected value"]) == ("55.0", "95.0", "75.0")
    assert p["Median (P50)"] in ("55.0", "75.0", "95.0")
    texts = shown(at.markdown)
    assert (
        "3 of its 4 initiatives are in the robust core: the best portfolio keeps them in at least 90% "
        "of the draws."
    ) in texts
    assert "20 draws (series 0), computed in" in " ".join(shown(at.caption))
    table = table_with(at, "Core index").set_index("Id")
    assert table.loc[["A", "C", "D"], "Robustness"].tolist() == ["Robust core"] * 3
    assert table.loc["B", "Robustness"] == "Borderline"
    assert table.loc["A", "Core index"] == "100%"
    assert set(table["In the portfolio"]) == {"Yes"}
    assert len(at.get("vega_lite_chart")) >= 2


def test_the_same_portfolio_draws_and_seed_are_not_drawn_again(scenario_page, monkeypatch):
    calls = []
    real = robustness.monte_carlo

    def counted(*args, **kwargs):
        calls.append(kwargs["draws"])
        return real(*args, **kwargs)

    monkeypatch.setattr(robustness, "monte_carlo", counted)
    at = run_analysis(scenario_page)
    at.run()  # a rerun shows the result without drawing
    run_analysis(at)
    assert calls == [20]
    run_analysis(at, draws=30)
    assert calls == [20, 30]
    assert "30 draws (series 0), computed in" in " ".join(shown(at.caption))


def test_a_new_portfolio_does_not_show_the_analysis_of_the_previous_one(scenario_page):
    at = run_analysis(scenario_page)
    assert figures(at) != {}
    at.number_input(key="scenario_budget_total").set_value(200.0)
    at.button(key="scenario_run").click().run()
    assert failures(at) == []
    assert figures(at) == {}


def test_comex_sees_the_last_analysis_read_only(scenario_page):
    at = scenario_page
    at.button(key="scenario_submit_review").click().run()
    review = open_page(at, "review")
    assert failures(review) == []
    assert (
        "No robustness analysis has been run for this portfolio yet: it is run on the Scenario page."
    ) in shown(review.info)

    at = run_analysis(open_page(review, "scenario"))
    review = open_page(at, "review")
    assert failures(review) == []
    assert figures(review)["Optimistic (P90)"] == "95.0"
    assert "scenario_mc_run" not in [b.key for b in review.button]
    assert "scenario_mc_draws" not in [n.key for n in review.number_input]


def test_after_a_restart_a_new_session_on_the_comex_page_sees_the_analysis_and_who_ran_it(scenario_page):
    at = run_analysis(scenario_page)
    at.button(key="scenario_submit_review").click().run()
    assert failures(at) == []
    cached.robustness_memo.clear()  # the server restarts: only the store remembers

    review = open_page(start(author="Marc"), "review")
    assert failures(review) == []
    assert figures(review)["Optimistic (P90)"] == "95.0"
    assert re.search(
        r"20 draws \(series 0\), computed in [\d.]+ s by Léa on \d{4}-\d\d-\d\d at",
        " ".join(shown(review.caption)),
    )


def test_after_a_restart_the_same_portfolio_solved_again_shows_its_analysis_without_drawing_again(
    scenario_page, monkeypatch
):
    run_analysis(scenario_page)
    cached.robustness_memo.clear()
    calls = []
    monkeypatch.setattr(robustness, "monte_carlo", lambda *a, **k: calls.append(k) or None)

    at = open_page(start(), "scenario")
    at.button(key="scenario_run").click().run()
    assert figures(at)["Optimistic (P90)"] == "95.0"
    run_analysis(at)
    assert failures(at) == []
    assert calls == []
    assert figures(at)["Optimistic (P90)"] == "95.0"


def test_without_a_name_the_analysis_is_shown_but_kept_only_once_a_name_is_given(scenario_page):
    at = scenario_page
    at.text_input(key="sidebar_author").set_value("").run()
    run_analysis(at)
    assert failures(at) == []
    assert figures(at)["Optimistic (P90)"] == "95.0"
    assert "computed in" in (caption := " ".join(shown(at.caption)))
    assert "not kept for the COMEX: enter your name in the sidebar and run it again to keep it." in caption

    at.text_input(key="sidebar_author").set_value("Léa").run()
    run_analysis(at)
    kept = r"20 draws \(series 0\), computed in [\d.]+ s by Léa on "
    assert re.search(kept, " ".join(shown(at.caption)))
    at.button(key="scenario_submit_review").click().run()
    cached.robustness_memo.clear()
    review = open_page(start(author="Marc"), "review")
    assert re.search(kept, " ".join(shown(review.caption)))


def test_the_section_speaks_french(scenario_page):
    at = scenario_page
    at.selectbox(key="sidebar_language").set_value("fr").run()
    run_analysis(at)
    assert failures(at) == []
    assert "Ce portefeuille est-il robuste ?" in shown(at.subheader)
    labels = [m.label for m in at.metric]
    assert {"Pessimiste (P10)", "Médiane (P50)", "Optimiste (P90)", "Valeur attendue"} <= set(labels)
    table = table_with(at, "Indice de noyau").set_index("Id")
    assert table.loc["B", "Robustesse"] == "À la marge"
    assert table.loc["A", "Indice de noyau"] == "100\u00a0%"
