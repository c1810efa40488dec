"""Infeasible scenarios are explained in words: which of the user's constraints conflict."""

from __future__ import annotations

import pytest
from test_optimizer_support import Item, make_workspace

from cxprior.domain import Scenario
from cxprior.portfolio import optimize


@pytest.fixture
def backlog():
    return make_workspace(
        [
            Item("M", 1, 6, mandatory=True, name="Accessibility law"),
            Item("A", 10, 5, phase="Buy"),
            Item("B", 6, 4, needs=("A",), phase="Use"),
            Item("C", 1, 1, group="X"),
            Item("D", 1, 1, group="X"),
        ]
    )


def explain(ws, lang="en", **scenario):
    result = optimize(ws, Scenario(**scenario), lang=lang)
    assert result.status == "infeasible"
    assert result.objective is None and result.selected == ()
    return list(result.explanation)


def test_a_mandatory_item_left_out(backlog):
    assert explain(backlog, force_out=("M",)) == [
        "M (Accessibility law) is mandatory but is also left out by the scenario."
    ]


def test_an_item_both_forced_in_and_out(backlog):
    assert explain(backlog, force_in=("A",), force_out=("A",)) == [
        "A (Initiative A) is both forced in and left out by the scenario."
    ]


def test_a_forced_item_whose_prerequisite_is_left_out(backlog):
    assert explain(backlog, force_in=("B",), force_out=("A",)) == [
        "B (Initiative B) must be funded but needs A (Initiative A), which the scenario leaves out."
    ]


def test_two_forced_items_in_one_exclusive_group(backlog):
    assert explain(backlog, force_in=("C", "D")) == [
        "Exclusive group X allows one initiative, but the scenario requires several: "
        "C (Initiative C), D (Initiative D)."
    ]


def test_required_cost_above_a_budget_names_the_items_and_amounts(backlog):
    assert explain(backlog, budget_total=10, force_in=("B",)) == [
        "The mandatory and forced-in initiatives (with their prerequisites) cost €15, more than the "
        "total budget of €10: M (Accessibility law, €6), A (Initiative A, €5), B (Initiative B, €4)."
    ]


def test_required_cost_above_a_period_budget_in_french():
    ws = make_workspace(
        [
            Item("M", 1, {"2027": 300_000}, mandatory=True, name="Loi accessibilité"),
            Item("A", 5, {"2026": 1}),
        ],
        periods=("2026", "2027"),
    )
    assert explain(ws, lang="fr", budget_by_period={"2026": 10, "2027": 250_000}) == [
        "Les initiatives obligatoires et imposées (avec leurs prérequis) coûtent 300\u202f000\u00a0€, plus "
        "que le budget 2027 de 250\u202f000\u00a0€ : M (Loi accessibilité, 300\u202f000\u00a0€)."
    ]


def test_more_required_items_than_the_maximum_count(backlog):
    assert explain(backlog, max_initiatives=1, force_in=("B",)) == [
        "The scenario requires 3 initiatives (mandatory, forced in and their prerequisites) but allows at "
        "most 1: A (Initiative A), B (Initiative B), M (Accessibility law)."
    ]


def test_required_items_touching_too_many_phases(backlog):
    assert explain(backlog, max_phases=1, force_in=("B",)) == [
        "The required initiatives touch 2 journey phases (Buy, Use) but at most 1 are allowed."
    ]


def test_goal_shares_adding_up_to_more_than_everything():
    ws = make_workspace([Item("A", 10, 5, goal="G1"), Item("B", 6, 4, goal="G2")], goals=("G1", "G2"))
    assert explain(ws, min_goal_share={"G1": 0.6, "G2": 0.5}) == [
        "The minimum goal shares add up to 110.0%, more than all of the portfolio's value."
    ]


def test_a_goal_that_no_fundable_initiative_serves():
    ws = make_workspace([Item("A", 10, 5, goal="G1"), Item("B", 6, 4, goal="G2")], goals=("G1", "G2", "G3"))
    assert explain(ws, lang="fr", min_goal_share={"G3": 0.3}) == [
        "Aucune initiative finançable ne sert l'objectif G3 (Goal G3) : aucun portefeuille ne peut lui "
        "consacrer 30\u00a0% de sa valeur."
    ]
    assert explain(ws, min_goal_share={"G2": 0.3}, force_out=("B",)) == [
        "No initiative that may be funded serves goal G2 (Goal G2): no portfolio can give it 30% of its "
        "value."
    ]


def test_a_goal_share_that_forced_items_make_unreachable():
    ws = make_workspace([Item("A", 10, 5, goal="G1"), Item("B", 2, 5, goal="G2")], goals=("G1", "G2"))
    assert explain(ws, force_in=("A",), min_goal_share={"G2": 0.3}) == [
        "Goal G2 (Goal G2) cannot reach 30% of the portfolio's value: the required initiatives serve other "
        "goals and even every initiative serving G2 would not make up for it."
    ]


def test_other_conflicts_name_the_smallest_set_of_constraints_to_relax():
    # three goals served by three phases: one phase cannot give every goal its share
    ws = make_workspace(
        [
            Item("A", 10, 5, goal="G1", phase="P1"),
            Item("B", 10, 5, goal="G2", phase="P2"),
            Item("C", 10, 5, goal="G3", phase="P3"),
        ],
        goals=("G1", "G2", "G3"),
    )
    scenario = {"max_phases": 1, "min_goal_share": {"G1": 0.2, "G2": 0.2, "G3": 0.2}}
    assert explain(ws, **scenario) == [
        "No portfolio meets all the constraints of this scenario together.",
        "The smallest change that makes it feasible: raise the maximum of 1 journey phase by at least 2.",
    ]
    assert explain(ws, lang="fr", **scenario)[1] == (
        "Le plus petit changement qui le rend réalisable : relever le maximum de 1 phase du parcours d'au "
        "moins 2."
    )
    relaxed = optimize(ws, Scenario(**{**scenario, "max_phases": 3}), explain=False)
    assert relaxed.status == "optimal"


def test_a_budget_too_small_for_the_goal_shares_asks_for_the_missing_amount():
    ws = make_workspace(
        [Item("A", 10, 5, goal="G1"), Item("B", 10, 5, goal="G2"), Item("C", 10, 5, goal="G3")],
        goals=("G1", "G2", "G3"),
    )
    assert explain(ws, budget_total=8, min_goal_share={"G1": 0.2, "G2": 0.2}) == [
        "No portfolio meets all the constraints of this scenario together.",
        "The smallest change that makes it feasible: raise the total budget of €8 by at least €2.",
    ]


def test_an_infeasible_scenario_does_not_raise_and_keeps_its_scenario(backlog):
    scenario = Scenario(force_out=("M",))
    result = optimize(backlog, scenario)
    assert result.scenario == scenario
    assert result.to_json()["status"] == "infeasible"
    assert result.to_json()["objective"] is None
    assert not result.is_solved


def test_shares_over_100_percent_bind_nothing_when_no_initiative_is_worth_anything():
    # both initiatives are worth less than nothing: the only portfolio with positive value
    # that the shares ask for does not exist, so the empty portfolio (0 ≥ share × 0) is the answer
    ws = make_workspace([Item("A", -3, 1, goal="G1"), Item("B", -1, 1, goal="G2")], goals=("G1", "G2"))
    result = optimize(ws, Scenario(min_goal_share={"G1": 0.5, "G2": 0.8}))
    assert (result.status, result.selected, result.objective) == ("optimal", (), 0.0)
