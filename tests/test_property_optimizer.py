"""Property: on small random workspaces and scenarios, the optimizer's answer is checked
against every portfolio there is.

With at most 12 initiatives all 2ⁿ portfolios can be listed, so each answer is checked
without trusting the model: a returned portfolio keeps every constraint it was given
(budgets per period and in total, dependencies, exclusive groups, forced in and out,
mandatory items, count and phase caps, minimum goal and competency shares); "optimal"
means no feasible portfolio is worth more (beyond the gap), and among those worth as much
none has fewer initiatives; "infeasible" means no portfolio is feasible at all. The
feasibility test below is written from DESIGN.md, not from opt_model.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cxprior.domain import (
    Competency,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Scenario,
    ScenarioError,
    Workspace,
    score,
)
from cxprior.portfolio import optimize

EXAMPLES = int(os.environ.get("CXPRIOR_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PHASES = ("", "Discover", "Buy", "Use", "Get help")
GROUPS = ("", "", "A", "B")
PERIODS = ("2026", "2027")
# a constraint met within this (relative to its scale) counts as met: solvers work in floats
TOL = 1e-6


@st.composite
def workspaces(draw, max_items: int = 12) -> Workspace:
    n_goals = draw(st.integers(1, 3))
    goals = tuple(Goal(f"G{g}", f"Goal {g}", float(draw(st.integers(1, 5)))) for g in range(n_goals))
    kpis, links = [], []
    for k in range(draw(st.integers(1, 3))):
        baseline = float(draw(st.integers(0, 50)))
        span = float(draw(st.integers(1, 40)))
        increase = draw(st.booleans())
        target = baseline + span if increase else baseline - span
        kpis.append(
            Kpi(f"K{k}", f"KPI {k}", Direction.INCREASE if increase else Direction.DECREASE, baseline, target)
        )
        for goal in goals:
            if draw(st.integers(0, 2)) > 0:
                links.append(KpiGoalLink(f"K{k}", goal.goal_id, draw(st.sampled_from([0.25, 0.5, 1.0]))))
    periods = PERIODS[: draw(st.integers(0, 2))]
    n = draw(st.integers(0, max_items))
    ids = [f"I{i:02d}" for i in range(n)]
    initiatives, impacts = [], []
    for i, iid in enumerate(ids):
        by_period = {p: float(draw(st.integers(0, 60))) for p in periods}
        cost = sum(by_period.values()) if periods else float(draw(st.integers(0, 100)))
        # prerequisites only among earlier items: the backlog has no cycle, as the reader ensures
        deps = tuple(sorted(set(draw(st.lists(st.sampled_from(ids[:i]), max_size=2))))) if i else ()
        initiatives.append(
            Initiative(
                iid,
                f"Initiative {i}",
                cost,
                by_period,
                journey_phase=draw(st.sampled_from(PHASES)),
                confidence=draw(st.sampled_from([0.5, 0.8, 1.0])),
                mandatory=draw(st.sampled_from([False] * 11 + [True])),
                depends_on=deps,
                exclusive_group=draw(st.sampled_from(GROUPS)),
                competency=draw(st.sampled_from([None, None, *Competency])),
            )
        )
        for kpi in draw(st.lists(st.sampled_from(kpis), max_size=2, unique_by=lambda k: k.kpi_id)):
            impacts.append(Impact(iid, kpi.kpi_id, float(draw(st.integers(-5, 20)))))
    return Workspace(goals, tuple(kpis), tuple(links), tuple(initiatives), tuple(impacts), periods=periods)


def _sometimes(draw, strategy, odds: int = 3):
    """A value from `strategy` once in `odds` draws, else None: most scenarios set a few
    constraints, so that feasible and infeasible ones both come up often."""
    # the simplest draw (0, what hypothesis shrinks toward) is "no constraint"
    return draw(strategy) if draw(st.integers(0, odds - 1)) == odds - 1 else None


@st.composite
def scenarios(draw, ws: Workspace) -> Scenario:
    ids = [i.initiative_id for i in ws.initiatives]
    fraction = st.sampled_from([0.0, 0.2, 0.35, 0.5, 0.7, 1.0])
    asked = sum(i.cost for i in ws.initiatives)
    share = _sometimes(draw, fraction, 2)
    by_period = {}
    for period in ws.periods:
        period_share = _sometimes(draw, fraction, 2)
        if period_share is not None:
            by_period[period] = round(sum(i.period_costs[period] for i in ws.initiatives) * period_share)
    goal_shares = {}
    for goal in ws.goals:
        goal_share = _sometimes(draw, st.sampled_from([0.1, 0.25, 0.5, 0.8]), 5)
        if goal_share is not None:
            goal_shares[goal.goal_id] = goal_share
    competency_shares = {}
    for competency in Competency:
        competency_share = _sometimes(draw, st.sampled_from([0.1, 0.3]), 8)
        if competency_share is not None:
            competency_shares[str(competency)] = competency_share
    pick = st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True)
    force_in = tuple(_sometimes(draw, pick, 4) or ()) if ids else ()
    clash = draw(st.integers(0, 9)) == 9  # now and then the same item forced in and out
    return Scenario(
        name="property",
        budget_total=None if share is None else round(asked * share),
        budget_by_period=by_period,
        max_initiatives=_sometimes(draw, st.integers(0, 6)),
        max_phases=_sometimes(draw, st.integers(0, 3)),
        min_goal_share=goal_shares,
        min_competency_share=competency_shares,
        force_in=force_in,
        force_out=tuple(
            i for i in (_sometimes(draw, pick, 4) if ids else None) or () if i not in force_in or clash
        ),
        solver=draw(st.sampled_from(["highs", "highs", "highs", "cbc"])),
    )


@dataclass(frozen=True)
class Portfolios:
    """Every portfolio of a workspace (one row of `chosen` each) and what it is worth."""

    chosen: np.ndarray  # bool, portfolios × initiatives, initiatives in workspace order
    value: np.ndarray
    ids: tuple[str, ...]


def every_portfolio(ws: Workspace) -> Portfolios:
    n = len(ws.initiatives)
    chosen = np.array(list(itertools.product([False, True], repeat=n)), dtype=bool).reshape(2**n, n)
    values = score(ws).value
    value = chosen.astype(float) @ np.array([values[i.initiative_id] for i in ws.initiatives], dtype=float)
    return Portfolios(chosen, value, tuple(i.initiative_id for i in ws.initiatives))


def feasible(ws: Workspace, scenario: Scenario, every: Portfolios, slack: float) -> np.ndarray:
    """Which portfolios keep every constraint, each allowed `slack` × its scale (a negative
    slack asks for a margin: those portfolios are feasible beyond any rounding)."""
    chosen, items = every.chosen, ws.initiatives
    ok = np.ones(len(chosen), dtype=bool)
    index = {iid: k for k, iid in enumerate(every.ids)}

    def at_most(amounts: np.ndarray, limit: float) -> np.ndarray:
        return amounts <= limit + slack * max(1.0, abs(limit))

    cost = np.array([i.cost for i in items])
    if scenario.budget_total is not None:
        ok &= at_most(chosen @ cost, scenario.budget_total)
    for period, budget in scenario.budget_by_period.items():
        ok &= at_most(chosen @ np.array([i.period_costs.get(period, 0.0) for i in items]), budget)
    for k, item in enumerate(items):
        for dep in item.depends_on:
            ok &= ~chosen[:, k] | chosen[:, index[dep]]
        if item.mandatory:
            ok &= chosen[:, k]
    for iid in scenario.force_in:
        ok &= chosen[:, index[iid]]
    for iid in scenario.force_out:
        ok &= ~chosen[:, index[iid]]
    for group in {i.exclusive_group for i in items if i.exclusive_group}:
        members = np.array([i.exclusive_group == group for i in items])
        ok &= chosen[:, members].sum(axis=1) <= 1
    if scenario.max_initiatives is not None:
        ok &= chosen.sum(axis=1) <= scenario.max_initiatives
    if scenario.max_phases is not None:
        phases = sorted({i.journey_phase for i in items if i.journey_phase})
        touched = sum(chosen[:, [i.journey_phase == p for i in items]].any(axis=1) for p in phases)
        ok &= np.asarray(touched) <= scenario.max_phases
    scores = score(ws)
    scale = max([1.0, *(abs(v) for v in scores.value.values())])
    shares = {g: s for g, s in scenario.min_goal_share.items() if s > 0}
    for goal_id, share in shares.items():
        by_goal = chosen @ np.array([scores.by_goal[i.initiative_id][goal_id] for i in items])
        ok &= by_goal - share * every.value >= -slack * scale
    best_single = max(scores.value.values(), default=0.0)
    if shares and best_single > 0:
        # an empty portfolio would meet every share (0 ≥ s × 0): it must be worth something
        ok &= every.value >= 1e-6 * best_single - slack * scale
    for competency, share in scenario.min_competency_share.items():
        if share <= 0:
            continue
        builds = np.array([str(i.competency) == competency if i.competency else False for i in items])
        spent = chosen @ (cost * builds)
        ok &= spent - share * (chosen @ cost) >= -slack * max(1.0, cost.sum())
    return ok


def _row_of(every: Portfolios, selected: tuple[str, ...]) -> int:
    wanted = np.array([iid in selected for iid in every.ids], dtype=bool)
    return int(np.flatnonzero((every.chosen == wanted).all(axis=1))[0])


@SETTINGS
@given(st.data())
def test_every_answer_of_the_optimizer_is_checked_against_all_portfolios(data):
    ws = data.draw(workspaces())
    scenario = data.draw(scenarios(ws))
    status = check_against_every_portfolio(ws, scenario)
    event(f"{status}, {scenario.solver}")


def check_against_every_portfolio(ws: Workspace, scenario: Scenario) -> str:
    """Optimize, then check the answer against all 2ⁿ portfolios; returns the status."""
    result = optimize(ws, scenario, explain=False)
    every = every_portfolio(ws)
    assert result.status in ("optimal", "infeasible"), result  # no time limit: proven either way
    if result.status == "infeasible":
        assert result.selected == () and result.objective is None
        assert result.explanation and all(s.strip() for s in result.explanation)
        strictly = feasible(ws, scenario, every, slack=-TOL)
        assert not strictly.any(), f"feasible portfolio missed: {_ids(every, strictly)}"
        return result.status
    row = _row_of(every, result.selected)
    loosely = feasible(ws, scenario, every, slack=TOL)
    assert loosely[row], f"the portfolio {result.selected} breaks a constraint"
    assert result.objective == pytest.approx(every.value[row], rel=1e-9, abs=1e-9)
    strictly = feasible(ws, scenario, every, slack=-TOL)
    best = every.value[strictly].max(initial=-np.inf)
    tolerance = scenario.mip_gap * max(1.0, abs(result.objective)) + 1e-7
    assert best <= result.objective + tolerance, (
        f"{_ids(every, strictly & (every.value == best))} is worth {best}, more than {result.objective}"
    )
    # ties: the optimizer keeps the value to 1e-9 (relative) when it looks for fewer initiatives
    as_good = strictly & (every.value >= result.objective - 1e-9 * max(1.0, abs(result.objective)))
    fewest = every.chosen[as_good].sum(axis=1).min(initial=len(ws.initiatives))
    assert len(result.selected) <= fewest, "an equally valuable portfolio has fewer initiatives"
    _check_reported_figures(ws, result, every.chosen[row])
    return result.status


def _check_reported_figures(ws: Workspace, result, row: np.ndarray) -> None:
    items = [i for i, chosen in zip(ws.initiatives, row, strict=True) if chosen]
    assert result.total_cost == pytest.approx(sum(i.cost for i in items))
    for period in ws.periods:
        assert result.cost_by_period[period] == pytest.approx(sum(i.period_costs[period] for i in items))
    assert sum(result.value_by_goal.values()) == pytest.approx(result.objective, abs=1e-7)


def _ids(every: Portfolios, mask: np.ndarray) -> list[tuple[str, ...]]:
    return [tuple(np.array(every.ids)[row]) for row in every.chosen[mask][:3]]


@st.composite
def broken_scenarios(draw, ws: Workspace) -> Scenario:
    """Scenarios naming things that do not exist or numbers that cannot be."""
    ids = [i.initiative_id for i in ws.initiatives]
    unknown = draw(st.sampled_from(["I-99", "", "i00", " I00"]))
    how = draw(
        st.sampled_from(["force_in", "force_out", "goal", "period", "budget", "share", "count", "gap"])
    )
    base = Scenario(force_in=tuple(ids[:1]))
    changes = {
        "force_in": {"force_in": (*base.force_in, unknown)},
        "force_out": {"force_out": (unknown,)},
        "goal": {"min_goal_share": {"G-none": 0.1}},
        "period": {"budget_by_period": {"2031": 10.0}},
        "budget": {"budget_total": draw(st.sampled_from([-1.0, float("nan"), float("inf")]))},
        "share": {"min_goal_share": {ws.goals[0].goal_id: draw(st.sampled_from([-0.1, 1.5]))}},
        "count": {"max_initiatives": -1},
        "gap": {"mip_gap": draw(st.sampled_from([-1e-3, 1.0, 2.0]))},
    }[how]
    return Scenario(**{**base.__dict__, **changes})


@SETTINGS
@given(st.data())
def test_a_scenario_naming_what_does_not_exist_is_refused_with_a_message(data):
    ws = data.draw(workspaces(max_items=4))
    scenario = data.draw(broken_scenarios(ws))
    with pytest.raises(ScenarioError) as caught:
        optimize(ws, scenario, explain=False)
    assert caught.value.message.strip()


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_a_workspace_without_initiatives_has_the_empty_portfolio_as_its_proven_optimum(solver):
    ws = Workspace(goals=(Goal("G1", "Goal", 1.0),))
    result = optimize(ws, Scenario(solver=solver), explain=False)
    assert (result.status, result.selected, result.objective) == ("optimal", (), 0.0)
