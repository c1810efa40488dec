"""What a score-and-rank tool funds, and the value the optimizer adds over it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_optimizer_support import Item, make_workspace

from cxprior.domain import Scenario
from cxprior.portfolio import greedy_gap, greedy_portfolio, optimize


@pytest.fixture
def backlog():
    return make_workspace([Item("A", 10, 6), Item("B", 7, 4), Item("C", 6, 3), Item("D", 1, 1)])


def test_ranked_by_value_it_funds_down_the_list_while_the_budget_lasts(backlog):
    result = greedy_portfolio(backlog, Scenario(budget_total=7), rank_by="value")
    # A (6) first; B and C no longer fit; D does
    assert result.selected == ("A", "D")
    assert result.objective == 11
    assert result.status == "feasible"
    assert result.solver == "greedy:value"


def test_ranked_by_value_per_euro(backlog):
    result = greedy_portfolio(backlog, Scenario(budget_total=7), rank_by="value_per_euro")
    # C (2 points per €), then B (1.75)
    assert result.selected == ("B", "C")
    assert result.objective == 13


def test_the_optimizer_adds_value_over_the_ranked_list(backlog):
    comparison = greedy_gap(backlog, Scenario(budget_total=7), rank_by="value")
    assert comparison.optimal.objective == 13
    assert comparison.value_added == pytest.approx(2)
    assert comparison.value_added_share == pytest.approx(2 / 11)
    assert comparison.message() == (
        "At the same budget the optimizer buys 2.0 more value points (18.2%) than funding down the list "
        "ranked by value."
    )
    assert comparison.message("fr") == (
        "À budget égal, l'optimiseur obtient 2,0 points de valeur de plus (18,2\u00a0%) qu'un financement "
        "dans l'ordre du classement par valeur."
    )


def test_mandatory_items_and_their_prerequisites_come_first():
    ws = make_workspace(
        [Item("M", 1, 4, mandatory=True, needs=("P",)), Item("P", 0, 2), Item("A", 10, 3), Item("B", 9, 1)]
    )
    result = greedy_portfolio(ws, Scenario(budget_total=7), rank_by="value")
    assert result.selected == ("B", "M", "P")


def test_prerequisites_come_along_and_groups_and_caps_are_respected():
    ws = make_workspace(
        [
            Item("A", 10, 2, needs=("P",), group="X"),
            Item("P", 0, 2),
            Item("B", 9, 1, group="X"),
            Item("C", 8, 1, phase="Use"),
            Item("D", 7, 1, phase="Buy"),
            Item("E", 1, 1),
        ]
    )
    result = greedy_portfolio(ws, Scenario(max_initiatives=4, max_phases=1), rank_by="value")
    # A brings P; B is in A's group; C opens phase Use; D would be a second phase; E fills the count
    assert result.selected == ("A", "C", "E", "P")


def test_a_goal_below_its_share_is_topped_up_with_what_still_fits():
    ws = make_workspace(
        [Item("A", 10, 5, goal="G1"), Item("B", 9, 4, goal="G1"), Item("C", 3, 1, goal="G2")],
        goals=("G1", "G2"),
    )
    result = greedy_portfolio(ws, Scenario(budget_total=10, min_goal_share={"G2": 0.1}), rank_by="value")
    assert result.selected == ("A", "B", "C")
    assert result.explanation == ()


def test_a_ranked_list_that_misses_a_goal_share_says_so():
    ws = make_workspace(
        [Item("A", 10, 5, goal="G1"), Item("B", 9, 5, goal="G1"), Item("C", 3, 5, goal="G2")],
        goals=("G1", "G2"),
    )
    scenario = Scenario(budget_total=10, min_goal_share={"G2": 0.2})
    result = greedy_portfolio(ws, scenario, rank_by="value")
    assert result.selected == ("A", "B")
    assert result.explanation == (
        "This ranked list gives goal G2 0.0% of its value, below the minimum of 20.0%: a ranked list cannot "
        "plan for shares.",
    )
    comparison = greedy_gap(ws, scenario, rank_by="value")
    assert not comparison.greedy_meets_scenario
    assert comparison.message().endswith(
        "Its value is not comparable with the optimizer's, which meets every share."
    )


def test_the_greedy_portfolio_never_beats_the_optimizer():
    from cxprior.domain import synthetic_scenario, synthetic_workspace

    for seed in range(3):
        ws = synthetic_workspace(120, seed=seed)
        scenario = synthetic_scenario(ws)
        best = optimize(ws, scenario, explain=False)
        for rank_by in ("value", "value_per_euro"):
            comparison = greedy_gap(ws, scenario, rank_by=rank_by, optimal=best)
            if comparison.greedy_meets_scenario:
                assert comparison.greedy.objective <= best.objective + 1e-6
                assert comparison.value_added >= -1e-6
        without_shares = replace(scenario, min_goal_share={})
        best = optimize(ws, without_shares, explain=False)
        for rank_by in ("value", "value_per_euro"):
            comparison = greedy_gap(ws, without_shares, rank_by=rank_by, optimal=best)
            assert comparison.greedy_meets_scenario
            assert comparison.greedy.objective <= best.objective + 1e-6


def test_conflicting_scenarios_are_infeasible_for_the_ranked_list_too(backlog):
    result = greedy_portfolio(backlog, Scenario(force_in=("A",), force_out=("A",)), rank_by="value")
    assert result.status == "infeasible"
    assert result.explanation == ("A (Initiative A) is both forced in and left out by the scenario.",)
