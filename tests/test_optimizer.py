"""The optimizer on small cases one can solve by hand: one case per constraint type."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_optimizer_support import Item, make_workspace

import cxprior.portfolio.optimizer as optimizer_module
from cxprior.domain import NegativeBudgetError, Scenario, ScenarioError, default_scenario
from cxprior.portfolio import optimize, optimize_staged

SOLVERS = ("highs", "cbc")


def solve(ws, solver="highs", **scenario):
    return optimize(ws, Scenario(solver=solver, **scenario), explain=False)


@pytest.mark.parametrize("solver", SOLVERS)
def test_budget_buys_the_most_value_not_the_biggest_item(solver):
    ws = make_workspace([Item("A", 10, 6), Item("B", 7, 4), Item("C", 6, 3), Item("D", 1, 1)])
    result = solve(ws, solver, budget_total=7)
    # A + D = 11 for 7, but B + C = 13 for 7
    assert result.selected == ("B", "C")
    assert result.objective == pytest.approx(13)
    assert result.total_cost == 7
    assert result.status == "optimal"
    assert result.gap == pytest.approx(0, abs=1e-6)
    assert result.solver == solver


def test_per_period_budgets_bind_each_year_separately():
    items = [
        Item("A", 5, {"2026": 4}),
        Item("B", 4, {"2027": 4}),
        Item("C", 6, {"2026": 3, "2027": 3}),
    ]
    ws = make_workspace(items, periods=("2026", "2027"))
    assert solve(ws, budget_total=10).selected == ("A", "C")  # 11 for 10 in all
    by_year = solve(ws, budget_by_period={"2026": 5, "2027": 5})
    assert by_year.selected == ("A", "B")  # A + C would spend 7 in 2026
    assert by_year.cost_by_period == {"2026": 4.0, "2027": 4.0}
    assert by_year.objective == pytest.approx(9)


@pytest.mark.parametrize("solver", SOLVERS)
def test_an_initiative_comes_with_its_prerequisite(solver):
    ws = make_workspace([Item("A", 10, 5, needs=("B",)), Item("B", 0, 5), Item("C", 8, 5), Item("D", 1, 5)])
    result = solve(ws, solver, budget_total=10)
    # without the dependency A + C = 18; with it A + B = 10 beats C + D = 9
    assert result.selected == ("A", "B")
    assert result.objective == pytest.approx(10)


def test_at_most_one_initiative_per_exclusive_group():
    ws = make_workspace([Item("A", 10, 5, group="X"), Item("B", 9, 5, group="X"), Item("C", 3, 5)])
    result = solve(ws, budget_total=10)
    assert result.selected == ("A", "C")
    assert result.objective == pytest.approx(13)


@pytest.mark.parametrize("solver", SOLVERS)
def test_mandatory_items_are_funded_first(solver):
    ws = make_workspace([Item("M", 1, 6, mandatory=True), Item("A", 10, 5), Item("B", 6, 4)])
    result = solve(ws, solver, budget_total=10)
    assert result.selected == ("B", "M")
    assert result.objective == pytest.approx(7)


def test_forced_in_items_are_funded_even_when_they_are_poor_value():
    ws = make_workspace([Item("M", 1, 6), Item("A", 10, 5), Item("B", 6, 4)])
    assert solve(ws, budget_total=10).selected == ("A", "B")
    assert solve(ws, budget_total=10, force_in=("M",)).selected == ("B", "M")


def test_forced_out_items_are_never_funded():
    ws = make_workspace([Item("A", 10, 5), Item("B", 6, 4), Item("C", 5, 5)])
    result = solve(ws, budget_total=10, force_out=("A",))
    assert result.selected == ("B", "C")


def test_the_sum_of_period_budgets_is_given_to_the_solver_as_one_more_row():
    from cxprior.portfolio import build_model, make_instance

    ws = make_workspace(
        [Item("A", 5, {"2026": 4}), Item("B", 4, {"2027": 4}), Item("C", 6, {"2026": 3, "2027": 3})],
        periods=("2026", "2027"),
    )
    inst = make_instance(ws)
    periods_only = build_model(inst, Scenario(budget_by_period={"2026": 5, "2027": 5}))
    assert [row.kind for row in periods_only.rows.values()] == ["budget", "budget", "budget_sum"]
    assert periods_only.prob.get_constraint_by_name("budget_sum").getUb() == 10
    tight_total = build_model(inst, Scenario(budget_total=9, budget_by_period={"2026": 5, "2027": 5}))
    assert "budget_sum" not in [row.kind for row in tight_total.rows.values()]
    assert periods_only.budget_bounds({"2026": 7}) == {"budget_2026": 7.0, "budget_sum": 12.0}


def test_maximum_number_of_initiatives():
    ws = make_workspace([Item("A", 5, 1), Item("B", 4, 1), Item("C", 9, 2)])
    assert solve(ws, max_initiatives=1).selected == ("C",)
    assert solve(ws, max_initiatives=2).selected == ("A", "C")
    assert solve(ws).selected == ("A", "B", "C")


def test_maximum_number_of_journey_phases():
    ws = make_workspace(
        [
            Item("A", 5, 1, phase="Buy"),
            Item("B", 5, 1, phase="Buy"),
            Item("C", 8, 1, phase="Use"),
            Item("D", 3, 1, phase="Renew"),
        ]
    )
    result = solve(ws, max_phases=1)
    assert result.selected == ("A", "B")
    assert result.focus.phases_touched == 1
    assert solve(ws, max_phases=2).selected == ("A", "B", "C")


def test_minimum_share_of_value_for_a_goal():
    items = [Item("A", 10, 5, goal="G1"), Item("B", 9, 5, goal="G1"), Item("C", 3, 5, goal="G2")]
    ws = make_workspace(items, goals=("G1", "G2"))
    assert solve(ws, budget_total=10).selected == ("A", "B")
    result = solve(ws, budget_total=10, min_goal_share={"G2": 0.2})
    assert result.selected == ("A", "C")
    assert result.value_by_goal == {"G1": pytest.approx(10), "G2": pytest.approx(3)}


def test_minimum_share_of_budget_for_a_competency():
    items = [
        Item("A", 10, 5),
        Item("B", 9, 5),
        Item("C", 3, 5, extra={"competency": "culture_management"}),
    ]
    ws = make_workspace(items)
    result = solve(ws, budget_total=10, min_competency_share={"culture_management": 0.5})
    assert result.selected == ("A", "C")


@pytest.mark.parametrize("solver", SOLVERS)
def test_among_equal_values_the_portfolio_with_fewer_initiatives_wins(solver):
    ws = make_workspace([Item("A", 10, 5), Item("B", 6, 2), Item("C", 4, 3), Item("Z", 0, 0)])
    result = solve(ws, solver, budget_total=5)
    # A alone and B + C are both worth 10; Z is free but worth nothing
    assert result.selected == ("A",)
    assert result.objective == 10


def test_worthless_funded_items_leave_when_no_constraint_needs_them():
    import numpy as np

    from cxprior.portfolio import build_model, drop_worthless, make_instance

    ws = make_workspace(
        [
            Item("A", 10, 1, needs=("N",)),
            Item("N", -1, 1),
            Item("Z", 0, 0),
            Item("Y", 0, 1),
            Item("M", 0, 1, mandatory=True),
        ]
    )
    model = build_model(make_instance(ws), Scenario(budget_total=10))
    everything = np.ones(5)  # columns in id order: A, M, N, Y, Z
    kept = drop_worthless(model, everything)
    # N stays (A needs it), M stays (mandatory); Y and Z go
    assert kept.tolist() == [1.0, 1.0, 1.0, 0.0, 0.0]


def test_the_tie_break_never_lowers_the_reported_value():
    ws = make_workspace([Item("A", 10, 5), Item("B", 6, 2), Item("C", 4.000001, 3)])
    result = solve(ws, budget_total=5)
    assert result.selected == ("B", "C")
    assert result.objective == pytest.approx(10.000001, abs=1e-9)


def test_initiatives_that_destroy_value_are_left_out_unless_needed():
    ws = make_workspace([Item("A", 10, 1, needs=("N",)), Item("N", -2, 1), Item("W", -1, 1)])
    result = solve(ws, budget_total=10)
    assert result.selected == ("A", "N")
    assert result.objective == pytest.approx(8)


@pytest.mark.parametrize("solver", SOLVERS)
def test_a_workspace_without_initiatives_has_the_empty_portfolio_as_its_proven_optimum(solver):
    ws = make_workspace([], goals=("G1",))
    result = solve(ws, solver)
    assert (result.status, result.selected, result.objective, result.gap) == ("optimal", (), 0.0, 0.0)


def test_goal_shares_bind_nothing_when_no_initiative_has_value():
    ws = make_workspace([Item("A", 0, 1, goal="G1"), Item("B", -2, 1, goal="G2")], goals=("G1", "G2"))
    result = solve(ws, min_goal_share={"G2": 0.5})
    assert (result.status, result.selected, result.objective) == ("optimal", (), 0.0)


def test_budgets_default_to_the_budget_sheet():
    ws = make_workspace(
        [Item("A", 5, {"2026": 4}), Item("B", 4, {"2027": 4}), Item("C", 6, {"2026": 3, "2027": 3})],
        periods=("2026", "2027"),
        budgets={"2026": 5, "2027": 5},
    )
    result = optimize(ws, default_scenario(ws), explain=False)
    assert result.selected == ("A", "B")


def test_no_budget_funds_everything_of_positive_value():
    ws = make_workspace([Item("A", 5, 100), Item("B", 0, 1), Item("C", 2, 50)])
    assert solve(ws).selected == ("A", "C")


def test_the_same_input_gives_the_same_portfolio_whatever_the_row_order():
    from cxprior.domain import synthetic_scenario, synthetic_workspace

    ws = synthetic_workspace(150, seed=3)
    scenario = synthetic_scenario(ws)
    first = optimize(ws, scenario, explain=False)
    again = optimize(ws, scenario, explain=False)
    shuffled = optimize(replace(ws, initiatives=ws.initiatives[::-1]), scenario, explain=False)
    assert first.status == "optimal"
    assert first.selected == again.selected == shuffled.selected
    assert first.objective == again.objective


def test_highs_and_cbc_agree_on_a_synthetic_portfolio():
    from cxprior.domain import synthetic_scenario, synthetic_workspace

    ws = synthetic_workspace(120, seed=5)
    scenario = synthetic_scenario(ws)
    highs = optimize(ws, scenario, explain=False)
    cbc = optimize(ws, replace(scenario, solver="cbc"), explain=False)
    assert highs.status == cbc.status == "optimal"
    assert cbc.objective == pytest.approx(highs.objective, rel=2e-6)


def test_a_time_limit_returns_the_best_portfolio_found_with_its_proven_gap():
    from cxprior.domain import synthetic_workspace

    ws = synthetic_workspace(1000, seed=1)
    # three yearly budgets only: hard to prove at 1e-6 (several seconds), easy to fill. The
    # limit is wall-clock time: on a loaded machine 0.3 s may end before the first portfolio,
    # so the limit grows until one is found — still far below the time a proof takes.
    for limit in (0.3, 0.8, 2.0):
        result = optimize(ws, replace(default_scenario(ws), time_limit=limit), explain=False)
        if result.objective is not None:
            break
    assert result.status == "time_limit"
    assert result.objective is not None and result.objective > 0
    assert result.gap is not None and 1e-6 < result.gap < 0.05
    assert result.explanation[0].startswith(
        f"Stopped at the time limit of {limit:g} s: this is the best portfolio found"
    )


def test_a_solve_stopped_for_another_reason_is_feasible_not_optimal():
    from cxprior.domain import synthetic_workspace
    from cxprior.portfolio import HighsSession, build_model, make_instance

    ws = synthetic_workspace(1000, seed=1)
    model = build_model(make_instance(ws), default_scenario(ws))
    outcome = HighsSession(model).solve(gap=1e-6, max_nodes=1)
    assert outcome.status == "feasible"
    assert outcome.gap > 1e-6
    assert outcome.bound > outcome.objective


def test_cbc_verdict_and_bound_are_read_from_its_log():
    from cxprior.portfolio import read_log

    log = (
        "Cbc0005I Partial search - best objective -1673.9887 (best possible -1674.0442)\n"
        "Result - Stopped on time limit\n\n"
        "Objective value:                1673.98872342\n"
        "Upper bound:                    1674.051\n"
        "Gap:                            -0.00\n"
    )
    assert read_log(log) == ("Stopped on time limit", 1674.051)
    assert read_log("Result - Optimal solution found\n\nObjective value: 3800\n") == (
        "Optimal solution found",
        None,
    )


def test_optimal_is_claimed_only_within_the_requested_gap():
    from cxprior.domain import synthetic_workspace

    ws = synthetic_workspace(300, seed=2)
    loose = optimize(ws, replace(default_scenario(ws), mip_gap=0.05), explain=False)
    assert loose.status == "optimal"
    assert loose.gap <= 0.05
    tight = optimize(ws, replace(default_scenario(ws), mip_gap=1e-6), explain=False)
    assert tight.status == "optimal" and tight.gap <= 1e-6
    assert tight.objective >= loose.objective


def test_unknown_ids_in_the_scenario_are_named():
    ws = make_workspace([Item("A", 1, 1)], periods=("2026",))
    with pytest.raises(ScenarioError) as error:
        optimize(ws, Scenario(force_in=("A", "Z9"), force_out=("Q1",), budget_by_period={"2031": 5}))
    assert error.value.message == (
        "Unknown initiative ids to force in: Z9. Unknown initiative ids to leave out: Q1. "
        "Unknown budget periods: 2031 (periods with cost columns: 2026)."
    )


def test_unknown_goal_in_a_minimum_share_is_named_in_french():
    ws = make_workspace([Item("A", 1, 1)])
    with pytest.raises(ScenarioError) as error:
        optimize(ws, Scenario(min_goal_share={"G7": 0.2}), lang="fr")
    assert error.value.message == (
        "Identifiants d'objectif inconnus dans les parts minimales : G7 (objectifs connus : G1)."
    )


def test_a_negative_budget_is_refused_when_the_scenario_is_made_not_solved_as_zero():
    with pytest.raises(NegativeBudgetError) as total:
        Scenario(budget_total=-5)
    assert (
        total.value.message == "The total budget cannot be -€5: a budget is an amount in euros, zero or more."
    )
    with pytest.raises(NegativeBudgetError) as yearly:
        Scenario(budget_by_period={"2026": 100.0, "2027": -250_000.0})
    assert yearly.value.in_language("fr") == (
        "Le budget 2027 ne peut pas être de -250\u202f000\u00a0€ : "
        "un budget est un montant en euros, positif ou nul."
    )
    with pytest.raises(NegativeBudgetError):
        Scenario(budget_total=float("nan"))
    assert Scenario(budget_total=0).budget_limits == {"total": 0}


def test_an_impossible_share_is_refused():
    ws = make_workspace([Item("A", 1, 1)])
    with pytest.raises(ScenarioError, match="between 0 and 1"):
        optimize(ws, Scenario(min_goal_share={"G1": 20}))


def test_the_json_result_has_exactly_the_contract_keys_and_types():
    ws = make_workspace(
        [Item("A", 5, {"2026": 4}), Item("B", 4, {"2027": 4})],
        periods=("2026", "2027"),
        goals=("G1", "G2"),
    )
    document = optimize(ws, Scenario(budget_total=8)).to_json()
    assert set(document) == {
        "status",
        "objective",
        "gap",
        "selected",
        "total_cost",
        "cost_by_period",
        "value_by_goal",
        "solver",
        "solve_seconds",
        "explanation",
        "start",
        "finish",
        "effort_by_team",
    }
    assert document["status"] == "optimal"
    assert isinstance(document["objective"], float)
    assert isinstance(document["gap"], float)
    assert document["selected"] == ["A", "B"]
    assert isinstance(document["total_cost"], float)
    assert document["cost_by_period"] == {"2026": 4.0, "2027": 4.0}
    assert document["value_by_goal"] == {"G1": pytest.approx(9.0), "G2": 0.0}
    assert document["solver"] == "highs"
    assert isinstance(document["solve_seconds"], float)
    assert document["explanation"] == []
    # fixed starts: each at its first period with a cost, finishing there (one-year profiles)
    assert document["start"] == {"A": "2026", "B": "2027"}
    assert document["finish"] == {"A": "2026", "B": "2027"}
    assert document["effort_by_team"] == {}  # no Capacity sheet


def test_the_portfolio_comes_first_and_its_reasons_after_without_solving_it_twice(monkeypatch):
    # A (value 5, cost 4) and B (4, 4) compete for a budget of 6: A is funded, B is left out
    ws = make_workspace([Item("A", 5, 4), Item("B", 4, 4)])
    scenario = Scenario(budget_total=6)
    solves = []
    real_solve = optimizer_module.solve_model
    monkeypatch.setattr(
        optimizer_module, "solve_model", lambda *a, **k: solves.append(1) or real_solve(*a, **k)
    )
    staged = optimize_staged(ws, scenario)
    assert staged.result.selected == ("A",)
    assert staged.result.exclusions == ()  # no reasons yet: the screen shows the portfolio first
    explained = staged.explain()
    assert solves == [1]  # the reasons are written around the solution found, not from a new solve
    assert explained.selected == ("A",)
    assert [e.initiative_id for e in explained.exclusions] == ["B"]
    assert explained.exclusions == optimize(ws, scenario).exclusions


def test_an_infeasible_scenario_has_nothing_to_explain_later():
    ws = make_workspace([Item("A", 5, 4, mandatory=True)])
    staged = optimize_staged(ws, Scenario(budget_total=3))
    assert staged.result.status == "infeasible" and staged.explain is None
