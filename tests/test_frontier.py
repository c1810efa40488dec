"""The efficient frontier: best value at each budget level, from the required cost to the total."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_optimizer_support import Item, make_workspace

import cxprior.portfolio.efficient_frontier as frontier_module
from cxprior.domain import Scenario
from cxprior.portfolio import frontier


@pytest.fixture
def backlog():
    return make_workspace([Item("A", 10, 6), Item("B", 7, 4), Item("C", 6, 3), Item("D", 1, 1)])


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_best_value_at_each_budget_level(backlog, solver):
    result = frontier(backlog, Scenario(budget_total=7, solver=solver), points=8, gap=1e-6)
    # eight levels, and the scenario's own €7 among them
    assert [p.budget for p in result.points] == pytest.approx([0, 2, 4, 6, 7, 8, 10, 12, 14])
    # by hand: D; B or C + D; A; B + C (€7); B + C + D; A + B; A + B + D; everything
    assert [p.value for p in result.points] == pytest.approx([0, 1, 7, 10, 13, 14, 17, 18, 24])
    assert all(p.status == "optimal" for p in result.points)
    assert all(p.cost <= p.budget for p in result.points)
    assert result.points[4].selected == ("B", "C")
    assert result.points[5].selected == ("B", "C", "D")
    assert result.solver == solver


def test_levels_start_at_the_required_cost(backlog):
    ws = make_workspace([Item("M", 1, 5, mandatory=True), Item("A", 10, 6), Item("B", 7, 4)])
    result = frontier(ws, Scenario(force_out=("B",)), points=3, gap=1e-6)
    # mandatory M costs 5; B is left out, so the most one can spend is M + A = 11
    assert [p.budget for p in result.points] == pytest.approx([5, 8, 11])
    assert [p.selected for p in result.points] == [("M",), ("M",), ("A", "M")]


def test_period_budgets_move_together_in_proportion():
    ws = make_workspace(
        [
            Item("A", 5, {"2026": 40, "2027": 0}),
            Item("B", 4, {"2026": 0, "2027": 100}),
            Item("C", 1, {"2026": 60}),
        ],
        periods=("2026", "2027"),
    )
    result = frontier(ws, Scenario(budget_by_period={"2026": 10, "2027": 10}), points=3, gap=1e-6)
    # the scenario's 10 + 10 is a tenth of both ranges: on the path, so a level of its own
    assert [p.budget_by_period for p in result.points] == [
        {"2026": 0, "2027": 0},
        {"2026": 10, "2027": 10},
        {"2026": 50, "2027": 50},
        {"2026": 100, "2027": 100},
    ]
    assert [p.budget for p in result.points] == pytest.approx([0, 20, 100, 200])
    assert [p.selected for p in result.points] == [(), (), ("A",), ("A", "B", "C")]


def test_the_frontier_never_goes_down_and_builds_one_model(monkeypatch):
    from cxprior.domain import synthetic_scenario, synthetic_workspace

    builds = []
    real_build = frontier_module.build_model
    monkeypatch.setattr(
        frontier_module, "build_model", lambda *a, **k: builds.append(1) or real_build(*a, **k)
    )
    ws = synthetic_workspace(200, seed=7)
    # without goal shares: the lowest level (mandatory items only) is feasible too
    result = frontier(ws, replace(synthetic_scenario(ws), min_goal_share={}), points=6)
    values = [p.value for p in result.points]
    assert all(v is not None for v in values)
    assert values == sorted(values)
    assert all(p.gap is not None and p.gap <= 1e-3 for p in result.points)
    assert len(builds) == 1


def test_levels_the_top_portfolio_fits_in_need_no_solve(backlog, monkeypatch):
    solves = []
    real_solve = frontier_module.solve_with_highs
    monkeypatch.setattr(
        frontier_module, "solve_with_highs", lambda *a, **k: solves.append(1) or real_solve(*a, **k)
    )
    result = frontier(backlog, Scenario(max_initiatives=1), points=8, gap=1e-6)
    # with one initiative at most, A (€6) is the best at any budget from €6 up
    assert [p.value for p in result.points] == pytest.approx([0, 1, 7, 10, 10, 10, 10, 10])
    assert [p.selected for p in result.points][3:] == [("A",)] * 5
    assert len(solves) == 4  # the top level, then €0, €2 and €4


def test_levels_where_goal_shares_cannot_be_met_are_marked_infeasible():
    ws = make_workspace([Item("A", 10, 1, goal="G1"), Item("B", 10, 5, goal="G2")], goals=("G1", "G2"))
    result = frontier(ws, Scenario(min_goal_share={"G2": 0.3}), points=3, gap=1e-6)
    assert [p.status for p in result.points] == ["infeasible", "infeasible", "optimal"]
    assert result.points[0].value is None


def test_what_the_next_euros_would_buy(backlog):
    result = frontier(backlog, Scenario(), points=8, gap=1e-6)
    assert result.value_at(9) == pytest.approx(14)
    gain, added = result.next_step(6, 2)
    assert gain == pytest.approx(4)
    assert set(added) == {"B", "C", "D"}


def test_the_frontier_json_lists_every_point(backlog):
    document = frontier(backlog, Scenario(), points=2, gap=1e-6).to_json()
    assert set(document) == {"solver", "gap", "solve_seconds", "explanation", "points"}
    assert set(document["points"][0]) == {
        "budget",
        "budget_by_period",
        "value",
        "cost",
        "cost_by_period",
        "status",
        "gap",
        "selected",
        "solve_seconds",
    }
    assert document["points"][1]["selected"] == ["A", "B", "C", "D"]


def test_conflicts_that_no_budget_cures_are_explained(backlog):
    result = frontier(backlog, Scenario(force_in=("A",), force_out=("A",)), points=3)
    assert result.explanation == ("A (Initiative A) is both forced in and left out by the scenario.",)
    assert {p.status for p in result.points} == {"infeasible"}


def test_the_scenarios_own_budget_is_one_of_the_levels_with_its_own_best_value():
    # A (value 6, €5), B (5, €4), C (4, €3); levels 0, 6, 12 and the scenario's own €7:
    # at €7 the best is B + C (9 points, €7); neither sampled level says so (€6: A, 6 points)
    ws = make_workspace([Item("A", 6, 5), Item("B", 5, 4), Item("C", 4, 3)])
    curve = frontier(ws, Scenario(budget_total=7), points=3)
    assert [p.budget for p in curve.points] == [0, 6, 7, 12]
    at_own = curve.points[2]
    assert (at_own.value, set(at_own.selected)) == (pytest.approx(9), {"B", "C"})
    assert curve.points[1].value == pytest.approx(6)
