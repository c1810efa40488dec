"""Scenario, Compare and COMEX review pages on a small workspace whose best portfolios are
known by hand (one goal, one KPI from 0 to 100, value = impact × confidence)."""

from __future__ import annotations

import pytest
from app_helpers import (
    failures,
    open_page,
    shown,
    start,
    table_with,
    texts,
    upload,
)

from cxprior.domain import Budget, Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Workspace
from cxprior.workbook import write_workspace

SMALL = Workspace(
    goals=(Goal("G1", "Fidéliser", 1.0),),
    kpis=(Kpi("NPS", "Net promoter score", Direction.INCREASE, 0.0, 100.0, "pts"),),
    links=(KpiGoalLink("NPS", "G1", 1.0),),
    initiatives=(
        Initiative("A", "Rappel client", 100.0, journey_phase="Utiliser"),
        Initiative("B", "Offres de fidélité", 100.0, journey_phase="Renouveler"),
        Initiative("C", "Refonte du parcours", 200.0, journey_phase="Utiliser"),
        Initiative("D", "FAQ", 50.0, journey_phase="Obtenir de l'aide"),
        Initiative("M", "Mise en conformité", 50.0, journey_phase="Souscrire", mandatory=True),
    ),
    impacts=(
        Impact("A", "NPS", 30.0),
        Impact("B", "NPS", 20.0),
        Impact("C", "NPS", 35.0),
        Impact("D", "NPS", 5.0),
        Impact("M", "NPS", 1.0),
    ),
    budgets=(Budget("total", 300.0),),
)


@pytest.fixture
def scenario_page():
    at = open_page(start(), "backlog")
    upload(at, "small.xlsx", write_workspace(SMALL))
    return open_page(at, "scenario")


def run_scenario(at, budget, name=None):
    if name is not None:
        at.text_input(key="scenario_name").set_value(name)
    at.number_input(key="scenario_budget_total").set_value(budget)
    return at.button(key="scenario_run").click().run()


def funded(at):
    return sorted(table_with(at, "Main goal")["Id"])


def test_the_budget_starts_from_the_budget_sheet_and_nothing_is_run_yet(scenario_page):
    assert scenario_page.number_input(key="scenario_budget_total").value == 300.0
    assert shown(scenario_page.info) == ["Set the budget and constraints, then run the optimizer."]


def test_running_the_optimizer_shows_the_best_portfolio(scenario_page):
    run_scenario(scenario_page, 300.0)
    assert failures(scenario_page) == []
    assert shown(scenario_page.header) == ["Result: Scenario 1"]
    metrics = {m.label: m.value for m in scenario_page.metric}
    assert metrics["Value (points)"] == "56.0"
    assert metrics["Cost"] == "€300"
    assert metrics["Initiatives funded"] == "4"
    assert funded(scenario_page) == ["A", "B", "D", "M"]
    left_out = table_with(scenario_page, "Why it is left out").set_index("Id")
    assert list(left_out.index) == ["C"]
    assert left_out.loc["C", "Why it is left out"] != "—"


def test_a_smaller_budget_gives_another_portfolio(scenario_page):
    run_scenario(scenario_page, 300.0)
    run_scenario(scenario_page, 150.0)
    assert funded(scenario_page) == ["A", "M"]
    assert {m.label: m.value for m in scenario_page.metric}["Value (points)"] == "31.0"


def test_a_budget_typed_but_not_run_leaves_the_result_alone(scenario_page):
    run_scenario(scenario_page, 300.0)
    scenario_page.number_input(key="scenario_budget_total").set_value(150.0).run()
    assert funded(scenario_page) == ["A", "B", "D", "M"]


def test_forcing_changes_are_flagged_until_the_optimizer_runs_again(scenario_page):
    run_scenario(scenario_page, 300.0)
    scenario_page.multiselect(key="scenario_force_out").set_value(["A"]).run()
    assert "The parameters above have changed since this result: run the optimizer to update it." in shown(
        scenario_page.caption
    )
    assert funded(scenario_page) == ["A", "B", "D", "M"]
    scenario_page.button(key="scenario_run").click().run()
    assert "A" not in funded(scenario_page)


def test_an_infeasible_scenario_shows_the_explanation_not_an_error(scenario_page):
    run_scenario(scenario_page, 40.0)
    assert failures(scenario_page) == []
    warning = shown(scenario_page.warning)[0]
    assert warning.startswith("No portfolio satisfies this scenario. Here is what conflicts:")
    assert "M" in warning


def test_forcing_an_initiative_in_changes_the_portfolio(scenario_page):
    scenario_page.multiselect(key="scenario_force_in").set_value(["C"]).run()
    scenario_page.text_input(key="scenario_reason_C").set_value("Engagement pris devant le COMEX")
    run_scenario(scenario_page, 300.0)
    assert funded(scenario_page) == ["C", "D", "M"]
    assert scenario_page.session_state["scenario_runs"]["Scenario 1"].scenario.force_reasons == {
        "C": "Engagement pris devant le COMEX"
    }


def test_each_result_view_shows_its_charts_and_tables(scenario_page):
    run_scenario(scenario_page, 300.0)
    charts_in = {}
    for view in ("portfolio", "bubble", "spend", "frontier", "greedy"):
        scenario_page.segmented_control(key="scenario_view").set_value(view).run()
        assert failures(scenario_page) == [], view
        charts_in[view] = len(scenario_page.get("vega_lite_chart"))
    assert charts_in == {"portfolio": 0, "bubble": 1, "spend": 2, "frontier": 1, "greedy": 0}
    greedy = table_with(scenario_page, "Optimizer gain (points)").set_index("Method")
    assert greedy.loc["Optimized portfolio", "Value (points)"] == "56.0"
    assert set(greedy.index) == {"Ranking by value", "Ranking by value per €", "Optimized portfolio"}


def tick_for_compare(at, name):
    return at.checkbox(key=f"scenario_compare_{name}").check().run()


def test_two_runs_ticked_for_compare_are_compared_with_their_constraints(scenario_page):
    at = scenario_page
    run_scenario(at, 300.0, name="Large")
    tick_for_compare(at, "Large")
    at.number_input(key="scenario_max_initiatives").set_value(2)
    run_scenario(at, 150.0, name="Serré")
    tick_for_compare(at, "Serré")
    open_page(at, "compare")
    assert failures(at) == []
    metrics = at.dataframe[0].value
    # the headers are the names only; whether each is saved is a row of its own
    assert list(metrics.columns) == ["Large", "Serré"]
    assert list(metrics.loc["Saved status"]) == ["not saved", "not saved"]
    assert metrics.loc["Value (points)", "Serré"] == "31.0"
    texts_shown = shown(at.markdown)
    # each scenario's constraints, under its name
    assert texts_shown[:4] == [
        "**Large**",
        "- Total budget: €300.",
        "**Serré**",
        "- Total budget: €150.\n- At most 2 initiatives.",
    ]
    # Large {A, B, D, M}, Serré {A, M}: Serré gives up B (20 points, €100) and D (5, €50)
    assert "−25.0 points overall" in texts_shown[4]
    matrix = table_with(at, "initiative_id").set_index("initiative_id")
    assert bool(matrix.loc["B", "Large"]) and not bool(matrix.loc["B", "Serré"])


def test_compare_takes_only_saved_or_ticked_runs_and_never_an_infeasible_one(scenario_page):
    at = scenario_page
    run_scenario(at, 300.0, name="Large")
    at.button(key="scenario_save").click().run()
    run_scenario(at, 40.0, name="Impossible")  # M alone costs 50: nothing fits in 40
    run_scenario(at, 200.0, name="Not ticked")
    run_scenario(at, 150.0, name="Serré")
    tick_for_compare(at, "Serré")
    open_page(at, "compare")
    assert failures(at) == []
    assert at.multiselect(key="compare_runs").options == ["Large", "Serré"]
    metrics = at.dataframe[0].value
    assert list(metrics.columns) == ["Large", "Serré"]
    assert list(metrics.loc["Saved status"]) == ["draft", "not saved"]
    assert not any("Impossible" in text for text in shown(at.markdown))


def test_compare_asks_for_two_scenarios_first(scenario_page):
    run_scenario(scenario_page, 300.0)
    open_page(scenario_page, "compare")
    assert shown(scenario_page.info)[0].startswith("Save at least two scenarios on the Scenario page")


def test_comex_sees_the_handed_over_scenario_read_only(scenario_page):
    open_page(scenario_page, "review")
    assert shown(scenario_page.info)[0].startswith("No scenario has been handed to COMEX yet")
    open_page(scenario_page, "scenario")
    run_scenario(scenario_page, 300.0, name="Proposition")
    scenario_page.button(key="scenario_submit_review").click().run()
    open_page(scenario_page, "review")
    assert failures(scenario_page) == []
    assert shown(scenario_page.header) == ["Proposition"]
    assert shown(scenario_page.subheader)[:3] == [
        "Assumptions",
        "Funded initiatives by goal",
        "Expected KPI movement",
    ]
    kpis = table_with(scenario_page, "Projected").set_index("KPI")
    assert kpis.loc["NPS", "Projected"] == "56\u00a0pts"
    assert kpis.loc["NPS", "Way to target"] == "56%"
    editing = (
        "text_input",
        "number_input",
        "selectbox",
        "multiselect",
        "slider",
        "select_slider",
        "radio",
        "checkbox",
        "toggle",
        "text_area",
        "date_input",
        "file_uploader",
        "button",
    )
    main = scenario_page.main
    # the only inputs: which scenario to look at, and the decision on it; nothing edits the scenario
    # besides the decision, the only control is the button computing the weight sensitivity
    widgets = sorted(w.key for kind in editing for w in main.get(kind) if not w.key.startswith("wsens_"))
    assert widgets == ["review_approve", "review_choice", "review_comment", "review_send_back"]
    assert [d for d in main.get("dataframe") if d.editing_mode != "read_only"] == []
    assert [b.key for b in main.get("download_button")] == ["review_pack_xlsx", "review_pack_pdf"]
    assert texts(scenario_page.title) == ["COMEX review"]


def test_reasons_follow_the_language_after_the_run(scenario_page):
    run_scenario(scenario_page, 300.0, name="Proposition")
    english = table_with(scenario_page, "Why it is left out").set_index("Id").loc["C", "Why it is left out"]
    scenario_page.button(key="scenario_submit_review").click().run()
    scenario_page.selectbox(key="sidebar_language").set_value("fr").run()
    open_page(scenario_page, "review")
    assert failures(scenario_page) == []
    french = (
        table_with(scenario_page, "Pourquoi elle est écartée")
        .set_index("Id")
        .loc["C", "Pourquoi elle est écartée"]
    )
    assert english.startswith("No room at the margin")
    assert french.startswith("Pas de place à la marge : le budget rapporte plus de valeur ailleurs.")


def test_every_cap_set_then_emptied_is_gone_from_the_next_run(scenario_page):
    at = scenario_page
    at.number_input(key="scenario_max_initiatives").set_value(2)
    at.number_input(key="scenario_max_phases").set_value(3)
    at.number_input(key="scenario_share_G1").set_value(50.0)
    at.number_input(key="scenario_time_limit").set_value(20.0)
    run_scenario(at, 300.0)
    # at most 2 with M mandatory (50): M + C (200, worth 35) beats M + A (30): {C, M}
    assert funded(at) == ["C", "M"]
    asked = at.session_state["scenario_runs"]["Scenario 1"].scenario
    assert (asked.max_initiatives, asked.max_phases, asked.min_goal_share, asked.time_limit) == (
        2,
        3,
        {"G1": 0.5},
        20.0,
    )
    for key in (
        "scenario_max_initiatives",
        "scenario_max_phases",
        "scenario_share_G1",
        "scenario_time_limit",
    ):
        at.number_input(key=key).set_value(None)
    at.button(key="scenario_run").click().run()
    # no cap left: the best portfolio within 300 is back, A + B + D + M (see the test above)
    assert funded(at) == ["A", "B", "D", "M"]
    asked = at.session_state["scenario_runs"]["Scenario 1"].scenario
    assert (asked.max_initiatives, asked.max_phases, asked.min_goal_share, asked.time_limit) == (
        None,
        None,
        {},
        None,
    )
    reasons = " ".join(table_with(at, "Why it is left out")["Why it is left out"])
    assert "maximum" not in reasons.lower()
    # the emptied fields stay empty ("no limit") after the run
    assert at.number_input(key="scenario_max_initiatives").value is None
    assert at.number_input(key="scenario_share_G1").value is None
