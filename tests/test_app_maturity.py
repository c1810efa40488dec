"""CX maturity page: the self-assessment, the staircase, the recommendation applied to the
scenario, and the history of assessments in the store.

Answers used: every "customer understanding" statement 1, every other statement 3 — overall
2.5 (step 3, Structuring), the weakest competency is customer understanding (step 1).
The workspace (one KPI from 0 to 100, an impact of 10 is worth 10 points; budget 400):
A 100 € builds customer understanding (5 points), B 300 € (40) and C 100 € (20) design, D 100 €
(10) culture. The best portfolio is B + C (60); with at least 20 % of the budget on customer
understanding it is A + B (45: A is a quarter of the 400 € spent).
"""

from __future__ import annotations

import pytest
from app_helpers import failures, open_page, shown, start, table_with, upload

from cxprior.domain import (
    Budget,
    Competency,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Workspace,
)
from cxprior.workbook import write_workspace

MATURITY = Workspace(
    goals=(Goal("G1", "Grow", 1.0),),
    kpis=(Kpi("NPS", "NPS", Direction.INCREASE, 0.0, 100.0, "pts"),),
    links=(KpiGoalLink("NPS", "G1"),),
    initiatives=(
        Initiative("A", "Voice of the customer", 100.0, competency=Competency.CUSTOMER_UNDERSTANDING),
        Initiative("B", "App redesign", 300.0, competency=Competency.DESIGN_IMPROVEMENT),
        Initiative("C", "New FAQ", 100.0, competency=Competency.DESIGN_IMPROVEMENT),
        Initiative("D", "Manager rituals", 100.0, competency=Competency.CULTURE_MANAGEMENT),
    ),
    impacts=(
        Impact("A", "NPS", 5.0),
        Impact("B", "NPS", 40.0),
        Impact("C", "NPS", 20.0),
        Impact("D", "NPS", 10.0),
    ),
    budgets=(Budget("total", 400.0),),
)
COMPETENCIES = [c.value for c in Competency]


def question(competency: str, number: int) -> str:
    return f"maturity_q_{competency}_{number}"


def answer_all(at, skip_last: bool = False):
    for competency in COMPETENCIES:
        score = 1 if competency == "customer_understanding" else 3
        for number in range(1, 6):
            if skip_last and competency == COMPETENCIES[-1] and number == 5:
                continue
            at.radio(key=question(competency, number)).set_value(score)
    return at.run()


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    path = tmp_path / "cx.db"
    monkeypatch.setenv("CXPRIOR_DB_PATH", str(path))
    return path


@pytest.fixture
def maturity_page(db_path):
    at = start()
    at.text_input(key="sidebar_author").set_value("Léa Moreau").run()
    upload(open_page(at, "backlog"), "maturity.xlsx", write_workspace(MATURITY))
    return open_page(at, "maturity")


def funded(at):
    return sorted(table_with(at, "Main goal")["Id"])


def test_every_statement_is_scored_before_the_company_is_placed_on_the_staircase(maturity_page):
    at = maturity_page
    assert failures(at) == []
    assert shown(at.title) == ["CX maturity"]
    assert len(at.radio) == 20
    assert shown(at.info)[0] == "Score every statement to see where the company stands (0 of 20 scored)."
    answer_all(at, skip_last=True)
    assert shown(at.info)[0] == "Score every statement to see where the company stands (19 of 20 scored)."
    at.radio(key=question("design_improvement", 5)).set_value(3).run()

    assert failures(at) == []
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["Overall step"] == ("3 of 6", "Structuring")
    texts = shown(at.markdown)
    assert "**Weakest competency: Customer understanding (score 1.0 of 5, step 1, Unaware).**" in texts
    assert (
        "Overall, the company is on step 3 of 6, Structuring: above step 2, Exploration, where French "
        "companies were said to be."
    ) in texts
    assert (
        "Build “Customer understanding” first: it is your weakest competency (step 1, Unaware). Put at "
        "least 20% of the portfolio's budget on initiatives that build it — the company climbs the "
        "staircase only as fast as its weakest competency."
    ) in texts
    assert len(at.get("vega_lite_chart")) == 2  # the staircase and the competencies


def test_answers_are_kept_when_the_user_visits_another_page(maturity_page):
    at = answer_all(maturity_page)
    at = open_page(open_page(at, "overview"), "maturity")
    assert at.radio(key=question("customer_understanding", 2)).value == 1
    assert at.radio(key=question("culture_management", 4)).value == 3
    assert {m.label: m.value for m in at.metric}["Overall step"] == "3 of 6"


def test_the_recommendation_applied_on_the_scenario_keeps_a_share_of_budget_until_removed(maturity_page):
    at = open_page(maturity_page, "scenario")
    at.button(key="scenario_run").click().run()
    assert funded(at) == ["B", "C"]

    at = answer_all(open_page(at, "maturity"))
    at.button(key="maturity_apply").click().run()
    assert at.session_state["maturity_recommendation"] == {"customer_understanding": 0.2}
    assert shown(at.success) == [
        "Applied: scenarios now keep at least 20% of their budget for “Customer understanding”."
    ]

    # the result on the Scenario page was computed without it: the page says so and offers to apply it
    at = open_page(at, "scenario")
    assert (
        "The maturity diagnostic recommends at least 20% of the budget on “Customer understanding”, but "
        "this result was computed without it."
    ) in shown(at.markdown)
    at.button(key="scenario_rec_apply").click().run()
    assert failures(at) == []
    assert funded(at) == ["A", "B"]
    assert (
        "Maturity constraint in force: at least 20% of the budget on initiatives that build "
        "“Customer understanding”."
    ) in shown(at.markdown)
    assert "scenario_rec_apply" not in [b.key for b in at.button]

    at.button(key="scenario_rec_remove").click().run()
    assert funded(at) == ["B", "C"]
    assert at.session_state["maturity_recommendation"] == {}
    assert not any(text.startswith("Maturity constraint in force") for text in shown(at.markdown))


def test_an_assessment_is_saved_with_its_author_and_the_history_outlives_the_session(maturity_page, db_path):
    at = answer_all(maturity_page)
    assert shown(at.info)[-1] == "No assessment saved yet: save this one to start the history."
    at.text_input(key="sidebar_author").set_value("").run()
    at.button(key="maturity_save").click().run()
    assert shown(at.warning)[0].startswith("Enter your name in the sidebar first")
    assert not any(f.value.columns.tolist()[:2] == ["Date", "Author"] for f in at.dataframe)

    at.text_input(key="sidebar_author").set_value("Léa Moreau").run()
    at.button(key="maturity_save").click().run()
    assert failures(at) == []
    history = table_with(at, "Staircase step")
    assert history[["Author", "Step", "Staircase step", "Weakest competency"]].values.tolist() == [
        ["Léa Moreau", 3, "Structuring", "Customer understanding"]
    ]
    assert len(at.get("vega_lite_chart")) == 3  # staircase, competencies, trend

    # a new session on the same database (a browser refresh, a restart) starts from the saved answers
    again = open_page(start(), "maturity")
    assert failures(again) == []
    assert again.radio(key=question("customer_understanding", 1)).value == 1
    assert again.radio(key=question("strategy_engagement", 5)).value == 3
    assert table_with(again, "Staircase step")["Author"].tolist() == ["Léa Moreau"]


def test_the_page_speaks_french(maturity_page):
    at = answer_all(maturity_page)
    at.selectbox(key="sidebar_language").set_value("fr").run()
    assert failures(at) == []
    assert shown(at.title) == ["Maturité CX"]
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["Marche globale"] == ("3 sur 6", "Structuration")
    assert (
        "**Compétence la plus faible : Compréhension du client (note 1,0 sur 5, marche 1, Méconnaissance).**"
    ) in shown(at.markdown)
    assert at.button(key="maturity_apply").label == "Appliquer au scénario"
