"""The Overview's figures and warnings: disconnection from value and fragmentation signs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cxprior.analysis import disconnected_kpis, overview, phase_spend, workspace_insights
from cxprior.domain import Budget, Initiative


def _with_initiatives(workspace, initiatives):
    return replace(workspace, initiatives=tuple(initiatives), impacts=())


def test_overview_counts_the_workspace_and_compares_asked_with_budget(two_goal_workspace):
    ws = replace(two_goal_workspace, budgets=(Budget("total", 180.0),))
    figures = overview(ws)
    assert (figures.goals, figures.kpis, figures.linked_kpis, figures.initiatives) == (2, 3, 2, 4)
    assert figures.asked_total == 360.0
    assert figures.budget_total == 180.0
    assert figures.asked_to_budget == pytest.approx(2.0)


def test_overview_budget_is_the_sum_of_period_budgets_without_a_total(two_goal_workspace):
    ws = replace(
        two_goal_workspace,
        periods=("2026", "2027"),
        budgets=(Budget("2026", 100.0), Budget("2027", 50.0)),
        initiatives=(Initiative("A", "Callback", 30.0, {"2026": 10.0, "2027": 20.0}),),
    )
    figures = overview(ws)
    assert figures.budget_total == 150.0
    assert figures.budget_by_period == {"2026": 100.0, "2027": 50.0}
    assert figures.asked_by_period == {"2026": 10.0, "2027": 20.0}


def test_overview_without_budget_has_no_ratio(two_goal_workspace):
    assert overview(two_goal_workspace).asked_to_budget is None


def test_disconnected_kpis_are_those_linked_to_no_goal(two_goal_workspace):
    assert disconnected_kpis(two_goal_workspace) == ("ORPHAN",)


def test_disconnection_warnings_come_first_and_name_the_kpi(two_goal_workspace):
    insights = workspace_insights(two_goal_workspace)
    assert [i.code for i in insights] == [
        "kpi_disconnected",
        "initiative_disconnected",
        "initiative_no_impact",
    ]
    assert insights[0].subject_ids == ("ORPHAN",)
    assert insights[0].level == "warning"
    assert insights[2].level == "info"


def test_many_small_initiatives_is_a_fragmentation_sign(two_goal_workspace):
    big = [Initiative(f"B{k}", f"Structural {k}", 1000.0) for k in range(3)]
    small = [Initiative(f"S{k}", f"Quick fix {k}", 50.0) for k in range(5)]
    insights = workspace_insights(_with_initiatives(two_goal_workspace, big + small))
    many_small = next(i for i in insights if i.code == "many_small")
    assert many_small.subject_ids == tuple(f"S{k}" for k in range(5))
    # average cost 3250 / 8 = 406.25, half of it 203.13; the five small ones take 250 / 3250
    assert many_small.message == (
        "Fragmentation sign: 5 of 8 initiatives (62%) each ask less than half the average cost (€203); "
        "together they take only 8% of the money asked. Funding many things a little funds none enough: "
        "concentrate means on fewer, structural initiatives."
    )


def test_a_few_small_initiatives_are_not_a_sign(two_goal_workspace):
    initiatives = [Initiative(f"B{k}", f"Structural {k}", 1000.0) for k in range(8)]
    initiatives += [Initiative(f"S{k}", f"Quick fix {k}", 50.0) for k in range(4)]
    codes = {i.code for i in workspace_insights(_with_initiatives(two_goal_workspace, initiatives))}
    assert "many_small" not in codes


def test_spend_spread_evenly_over_every_phase_is_a_fragmentation_sign(two_goal_workspace):
    phases = ["Découvrir", "Acheter", "Utiliser", "Obtenir de l'aide"]
    initiatives = [Initiative(f"I{k}", f"I{k}", 100.0 + k, journey_phase=p) for k, p in enumerate(phases)]
    insights = workspace_insights(_with_initiatives(two_goal_workspace, initiatives), lang="fr")
    spread = next(i for i in insights if i.code == "spread_phases")
    assert spread.message.startswith(
        "Signe de fragmentation : les dépenses sont réparties sur les 4 phases du parcours (la plus "
        "importante, Obtenir de l'aide, n'en prend que 25\u00a0%)."
    )


def test_spend_concentrated_on_one_phase_is_not_spread(two_goal_workspace):
    phases = ["Découvrir", "Acheter", "Utiliser", "Obtenir de l'aide"]
    initiatives = [Initiative(f"I{k}", f"I{k}", 100.0, journey_phase=p) for k, p in enumerate(phases)]
    initiatives.append(Initiative("BIG", "Refonte", 900.0, journey_phase="Utiliser"))
    codes = {i.code for i in workspace_insights(_with_initiatives(two_goal_workspace, initiatives))}
    assert "spread_phases" not in codes


def test_phase_spend_shares_add_up_and_restrict_to_a_selection(two_goal_workspace):
    initiatives = [
        Initiative("A", "a", 300.0, journey_phase="Use"),
        Initiative("B", "b", 100.0, journey_phase="Buy"),
        Initiative("C", "c", 100.0),
    ]
    ws = _with_initiatives(two_goal_workspace, initiatives)
    spend = phase_spend(ws)
    assert list(spend["journey_phase"]) == ["Use", "", "Buy"]
    assert spend["share"].sum() == pytest.approx(1.0)
    selected = phase_spend(ws, ["A", "B"])
    assert dict(zip(selected["journey_phase"], selected["share"], strict=True)) == {"Use": 0.75, "Buy": 0.25}


def test_value_chain_rows_split_an_initiatives_value_between_goals(two_goal_workspace):
    from cxprior.analysis import value_chain_table
    from cxprior.domain import score

    scores = score(two_goal_workspace)
    table = value_chain_table(two_goal_workspace, scores)
    b_rows = table[table["initiative_id"] == "B"].set_index("goal")["points"]
    assert b_rows["G1"] == pytest.approx(scores.value["B"] * 0.375 / 0.625)
    assert b_rows.sum() == pytest.approx(scores.value["B"])
    orphan = table[table["kpi"] == "ORPHAN"]
    assert list(zip(orphan["initiative_id"], orphan["goal"], orphan["points"], strict=True)) == [
        ("C", "", 0.0)
    ]


def test_an_initiative_on_a_transition_spends_half_in_each_phase_as_on_the_journey_page():
    from test_optimizer_support import Item, make_workspace

    ws = make_workspace([Item("A", 1, 100, phase="Buy"), Item("T", 1, 60, phase="Buy > Onboard")])
    spend = phase_spend(ws).set_index("journey_phase")
    # Buy: A's 100 and half of T's 60; Onboard: the other half
    assert spend.loc["Buy", "cost"] == 130 and spend.loc["Onboard", "cost"] == 30
    assert (spend.loc["Buy", "count"], spend.loc["Onboard", "count"]) == (2, 1)
    assert "Buy > Onboard" not in spend.index
