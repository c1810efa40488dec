"""Customer journey page on a workspace whose figures are known by hand.

One goal; KPIs NPS and eNPS (employee side) from 0 to 100 and an emotion ratio from 1 to 3,
each linked with strength 1, so an impact of 10 points is worth 10 value points and +0.5 on
the ratio is worth 25. Initiatives (cost, phase, value): E 200 Discover 5; C 50 "Buy > Onboard"
10; D 100 Onboard 25 (ratio +0.5); A 100 Use 40; B 100 Get help 20 (eNPS). The value at stake
is 100 points: Discover 5, Buy 5 and Onboard 30 (C counts half in each), Use 40, Get help 20.
With a budget of 350 the best portfolio is A, B, C, D (95 points), E is left out.
"""

from __future__ import annotations

import pytest
from app_helpers import failures, open_page, shown, start, upload

from cxprior.domain import Budget, Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Workspace
from cxprior.workbook import write_workspace

JOURNEY = Workspace(
    goals=(Goal("G1", "Grow", 1.0),),
    kpis=(
        Kpi("NPS", "NPS", Direction.INCREASE, 0.0, 100.0, "pts"),
        Kpi("ENPS", "eNPS", Direction.INCREASE, 0.0, 100.0, "pts", side="employee"),
        Kpi("EMO", "Emotion ratio", Direction.INCREASE, 1.0, 3.0, "ratio"),
    ),
    links=(KpiGoalLink("NPS", "G1"), KpiGoalLink("ENPS", "G1"), KpiGoalLink("EMO", "G1")),
    initiatives=(
        Initiative("A", "Callback", 100.0, journey_phase="Use"),
        Initiative("B", "Advisor coaching", 100.0, journey_phase="Get help"),
        Initiative("C", "Hand-off", 50.0, journey_phase="Buy > Onboard"),
        Initiative("D", "Welcome call", 100.0, journey_phase="Onboard"),
        Initiative("E", "Ads", 200.0, journey_phase="Discover"),
    ),
    impacts=(
        Impact("A", "NPS", 40.0),
        Impact("B", "ENPS", 20.0),
        Impact("C", "NPS", 10.0),
        Impact("D", "EMO", 0.5),
        Impact("E", "NPS", 5.0),
    ),
    budgets=(Budget("total", 350.0),),
)


@pytest.fixture
def journey_page(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("CXPRIOR_DB_PATH", str(tmp_path / "cx.db"))
    at = start()
    at.text_input(key="sidebar_author").set_value("Léa").run()
    upload(open_page(at, "backlog"), "journey.xlsx", write_workspace(JOURNEY))
    return open_page(at, "journey")


def phase_table(at):
    for frame in at.dataframe:
        if "Journey phase or gap" in frame.value.columns:
            return frame.value.set_index("Journey phase or gap")
    raise AssertionError("no journey table")


def test_before_any_run_the_page_shows_the_backlog_along_the_journey(journey_page):
    at = journey_page
    assert failures(at) == []
    assert shown(at.title) == ["Customer journey"]
    assert shown(at.info)[0] == (
        "No scenario has been run yet: these are the backlog's figures (value at stake and cost asked "
        "per phase). Run the optimizer on the Scenario page to see what the portfolio funds."
    )
    assert shown(at.markdown)[0] == (
        "The phase with the most value at stake is Use: 40% of the backlog's value potential "
        "(40.0 value points)."
    )
    table = phase_table(at)
    assert list(table.index) == ["Discover", "Buy", "Gap Buy → Onboard", "Onboard", "Use", "Get help"]
    assert table.loc["Onboard", "Value at stake (points)"] == "30.0"
    assert table.loc["Gap Buy → Onboard", "Cost asked"] == "€50"
    assert set(table["Cost funded"]) == {"€0"}
    assert (
        "1 initiative (0 funded) works on the gap between Buy and Onboard, where customers feel ruptures."
        in (shown(at.caption))
    )
    assert len(at.get("vega_lite_chart")) == 4  # value and cost along the journey, value split, emotions


def test_the_circle_counts_employee_side_value_and_the_emotion_ratio_before_a_run(journey_page):
    texts = shown(journey_page.markdown)
    assert (
        "Employee-side KPIs (eNPS) bring 20% of the portfolio's value (20.0 of 100.0 value points): "
        "engaged employees make satisfied customers."
    ) in texts
    assert "Without a portfolio, the split is that of every initiative in the backlog." in shown(
        journey_page.caption
    )
    assert "Emotion ratio is 1.0 : 1, below the 3 : 1 of CX leaders." in texts
    employee = next(f.value for f in journey_page.dataframe if "KPI" in f.value.columns)
    assert employee["KPI"].tolist() == ["ENPS"]


def test_after_a_run_the_page_shows_what_the_portfolio_funds_and_how_concentrated_it_is(journey_page):
    at = open_page(journey_page, "scenario")
    at.number_input(key="scenario_max_phases").set_value(4)
    at.button(key="scenario_run").click().run()
    at = open_page(at, "journey")
    assert failures(at) == []
    assert not any(text.startswith("No scenario has been run yet") for text in shown(at.info))
    assert "Funded figures are those of the scenario “Scenario 1”." in shown(at.caption)
    texts = shown(at.markdown)
    # spend: Buy 25, Onboard 100 + 25, Use 100, Get help 100 — Onboard has 125 / 350
    assert (
        "The portfolio touches 4 phases, within the scenario's limit of 4; 36% of its spend goes to "
        "Onboard (concentration index 0.30, 1 = a single phase)."
    ) in texts
    assert (
        "Employee-side KPIs (eNPS) bring 21% of the portfolio's value (20.0 of 95.0 value points): "
        "engaged employees make satisfied customers."
    ) in texts
    assert (
        "Emotion ratio goes from 1.0 : 1 to 1.5 : 1 with this portfolio, still below the 3 : 1 of CX leaders."
    ) in texts
    table = phase_table(at)
    assert table.loc["Onboard", "Cost funded"] == "€125"
    assert table.loc["Discover", "Cost funded"] == "€0"
    assert table.loc["Use", "Funded"] == 1
    assert (
        "1 initiative (1 funded) works on the gap between Buy and Onboard, where customers feel ruptures."
        in (shown(at.caption))
    )


def test_the_page_speaks_french(journey_page):
    at = journey_page
    at.selectbox(key="sidebar_language").set_value("fr").run()
    assert failures(at) == []
    assert shown(at.title) == ["Parcours client"]
    assert shown(at.markdown)[0] == (
        "La phase où l'enjeu est le plus fort est Use : 40\u00a0% du potentiel de valeur de l'ensemble "
        "des initiatives (40,0 points de valeur)."
    )
    assert "Emotion ratio : 1,0 pour 1, sous le repère des leaders CX (3 pour 1)." in shown(at.markdown)
    assert list(phase_table_fr(at).index)[2] == "Passage Buy → Onboard"


def phase_table_fr(at):
    for frame in at.dataframe:
        if "Phase ou passage du parcours" in frame.value.columns:
            return frame.value.set_index("Phase ou passage du parcours")
    raise AssertionError("no journey table")
