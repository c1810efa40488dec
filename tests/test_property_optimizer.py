"""Property: on small random workspaces and scenarios, the optimizer's answer is checked
against every portfolio there is.

With at most 12 initiatives all 2ⁿ portfolios can be listed, so each answer is checked
without trusting the model: a returned portfolio keeps every constraint it was given
(budgets per period and in total, dependencies, exclusive groups, forced in and out,
mandatory items, count and phase caps, minimum goal and competency shares); "optimal"
means no feasible portfolio is worth more (beyond the gap), and among those worth as much
none has fewer initiatives; "infeasible" means no portfolio is feasible at all. The
feasibility test below is written from DESIGN.md, not from opt_model. The roadmap (start
windows, start-after links, team capacity) is checked the same way against every subset and
every start of each (see the end of the file).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cxprior.domain import (
    Capacity,
    Competency,
    Direction,
    Effort,
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
def broken_scenarios(draw, ws: Workspace) -> Callable[[], Scenario]:
    """Scenarios naming things that do not exist or numbers that cannot be, to be made in the
    test (a negative budget is refused as soon as the scenario is made)."""
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
    return lambda: Scenario(**{**base.__dict__, **changes})


@SETTINGS
@given(st.data())
def test_a_scenario_naming_what_does_not_exist_is_refused_with_a_message(data):
    ws = data.draw(workspaces(max_items=4))
    make_scenario = data.draw(broken_scenarios(ws))
    with pytest.raises(ScenarioError) as caught:
        optimize(ws, make_scenario(), explain=False)
    assert caught.value.message.strip()


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_a_workspace_without_initiatives_has_the_empty_portfolio_as_its_proven_optimum(solver):
    ws = Workspace(goals=(Goal("G1", "Goal", 1.0),))
    result = optimize(ws, Scenario(solver=solver), explain=False)
    assert (result.status, result.selected, result.objective) == ("optimal", (), 0.0)


# --- the roadmap: start windows, start-after links and team capacity ------------------------------
#
# Tiny workspaces over three years, each checked against every (subset × starts) there is: a
# portfolio is a set of initiatives and, for each, a shift of its start within its window. The
# check below is written from DESIGN.md ("Contract v2 › When and by whom"), not from the model:
# a shifted profile moves every cost and effort; B starting after A needs A funded and
# start(B) > finish(A); each team's efforts per year fit its capacity. "Optimal" means no
# feasible roadmap is worth more, none worth as much has fewer initiatives, and none worth as
# much with as few initiatives starts earlier in total.

YEARS = ("2026", "2027", "2028")


@dataclass(frozen=True)
class Timed:
    """What the brute force needs of one initiative, drawn by hand (not read from the model)."""

    costs: tuple[float, float, float]
    efforts: dict[str, tuple[float, float, float]]
    earliest: int
    end: int
    max_shift: int


@st.composite
def roadmap_workspaces(draw, max_items: int = 5) -> tuple[Workspace, dict[str, Timed]]:
    goals = (Goal("G0", "Goal 0", 1.0),)
    kpis = (Kpi("K0", "KPI 0", Direction.INCREASE, 0.0, 100.0),)
    links = (KpiGoalLink("K0", "G0", 1.0),)
    teams = ("T1", "T2")[: draw(st.integers(1, 2))]
    n = draw(st.integers(1, max_items))
    ids = [f"I{i}" for i in range(n)]
    initiatives, impacts, efforts, timed = [], [], [], {}
    for i, iid in enumerate(ids):
        earliest = draw(st.integers(0, 2))
        length = draw(st.integers(1, 3 - earliest))
        costs = [0.0, 0.0, 0.0]
        for t in range(earliest, earliest + length):
            costs[t] = float(draw(st.integers(1 if t == earliest else 0, 20)))
        work = {team: [0.0, 0.0, 0.0] for team in teams}
        for team in teams:
            for t in range(earliest, earliest + length):
                work[team][t] = float(draw(st.sampled_from([0, 0, 2, 5, 8])))
        used = [t for t in range(3) if costs[t] > 0 or any(work[team][t] > 0 for team in teams)]
        end = max(used)
        max_shift = draw(st.integers(0, 2 - end))
        group = draw(st.sampled_from(["", "", "", "X"]))
        before = [j for j in ids[:i] if draw(st.integers(0, 3)) == 0]
        deps = tuple(before[:1]) if draw(st.booleans()) else ()
        # start after an earlier initiative only when the window allows it (the reader refuses
        # the others) and not in its exclusive group
        after = tuple(
            a
            for a in before[1:2] or before[:1]
            if timed[a].end < earliest + max_shift
            and not (group and initiatives[ids.index(a)].exclusive_group == group)
        )
        initiatives.append(
            Initiative(
                iid,
                f"Initiative {i}",
                sum(costs),
                dict(zip(YEARS, costs, strict=True)),
                mandatory=draw(st.sampled_from([False] * 9 + [True])),
                depends_on=deps,
                exclusive_group=group,
                latest_start=YEARS[earliest + max_shift] if max_shift or draw(st.booleans()) else None,
                starts_after=after,
            )
        )
        value = float(draw(st.integers(-2, 20)))
        if value:
            impacts.append(Impact(iid, "K0", value))
        for team in teams:
            efforts += [Effort(iid, team, YEARS[t], w) for t, w in enumerate(work[team]) if w > 0]
        timed[iid] = Timed(
            tuple(costs), {team: tuple(w) for team, w in work.items()}, earliest, end, max_shift
        )
    capacities = tuple(
        Capacity(team, year, float(draw(st.sampled_from([0, 5, 8, 10, 15, 30]))))
        for team in teams
        for year in YEARS
    )
    ws = Workspace(
        goals,
        kpis,
        links,
        tuple(initiatives),
        tuple(impacts),
        periods=YEARS,
        capacities=capacities,
        efforts=tuple(efforts),
    )
    return ws, timed


def _moved(profile: tuple[float, float, float], shift: int) -> np.ndarray:
    out = np.zeros(3)
    out[shift:] = np.asarray(profile)[: 3 - shift]
    return out


def every_roadmap(ws: Workspace, timed: dict[str, Timed], allow_shift: bool):
    """Every (subset, shifts) pair: yields (chosen ids, {id: shift})."""
    ids = [i.initiative_id for i in ws.initiatives]
    for mask in itertools.product([False, True], repeat=len(ids)):
        chosen = [iid for iid, on in zip(ids, mask, strict=True) if on]
        ranges = [range(timed[iid].max_shift + 1 if allow_shift else 1) for iid in chosen]
        for shifts in itertools.product(*ranges):
            yield tuple(chosen), dict(zip(chosen, shifts, strict=True))


def roadmap_feasible(
    ws: Workspace, timed: dict[str, Timed], scenario: Scenario, chosen, shifts, slack: float
) -> bool:
    def at_most(amount: float, limit: float) -> bool:
        # nothing used fits any limit, even 0, without a margin
        return amount == 0 or amount <= limit + slack * max(1.0, abs(limit))

    chosen = set(chosen)
    by_id = ws.initiative_by_id
    spend = sum((_moved(timed[i].costs, shifts[i]) for i in chosen), np.zeros(3))
    for year, budget in scenario.budget_by_period.items():
        if not at_most(float(spend[YEARS.index(year)]), budget):
            return False
    if scenario.budget_total is not None and not at_most(float(spend.sum()), scenario.budget_total):
        return False
    for initiative in ws.initiatives:
        iid = initiative.initiative_id
        if initiative.mandatory and iid not in chosen:
            return False
        if iid not in chosen:
            continue
        if any(dep not in chosen for dep in initiative.depends_on):
            return False
        for other in initiative.starts_after:
            if other not in chosen:
                return False
            if timed[iid].earliest + shifts[iid] <= timed[other].end + shifts[other]:
                return False
    for group in {i.exclusive_group for i in ws.initiatives if i.exclusive_group}:
        if sum(by_id[i].exclusive_group == group for i in chosen) > 1:
            return False
    if scenario.max_initiatives is not None and len(chosen) > scenario.max_initiatives:
        return False
    for capacity in ws.capacities:
        t = YEARS.index(capacity.period)
        work = sum(float(_moved(timed[i].efforts[capacity.team], shifts[i])[t]) for i in chosen)
        if not at_most(work, capacity.capacity):
            return False
    return True


@st.composite
def roadmap_scenarios(draw, ws: Workspace) -> Scenario:
    by_period = {}
    for year in YEARS:
        share = _sometimes(draw, st.sampled_from([0.3, 0.5, 0.8]), 2)
        if share is not None:
            by_period[year] = round(sum(i.period_costs[year] for i in ws.initiatives) * share)
    total = _sometimes(draw, st.sampled_from([0.4, 0.7]), 4)
    return Scenario(
        name="roadmap property",
        budget_by_period=by_period,
        budget_total=None if total is None else round(sum(i.cost for i in ws.initiatives) * total),
        max_initiatives=_sometimes(draw, st.integers(1, 4), 4),
        allow_shift=draw(st.sampled_from([True, True, True, False])),
        solver=draw(st.sampled_from(["highs", "highs", "highs", "cbc"])),
    )


@SETTINGS
@given(st.data())
def test_every_roadmap_answer_is_checked_against_every_subset_and_start(data):
    ws, timed = data.draw(roadmap_workspaces())
    scenario = data.draw(roadmap_scenarios(ws))
    result = optimize(ws, scenario, explain=False)
    values = score(ws).value
    assert result.status in ("optimal", "infeasible"), result
    strictly = [
        (chosen, shifts)
        for chosen, shifts in every_roadmap(ws, timed, scenario.allow_shift)
        if roadmap_feasible(ws, timed, scenario, chosen, shifts, -TOL)
    ]
    event(f"{result.status}, {scenario.solver}, shift={scenario.allow_shift}")
    if result.status == "infeasible":
        assert not strictly, f"feasible roadmap missed: {strictly[:2]}"
        assert result.explanation
        return
    shifts = {iid: YEARS.index(result.start[iid]) - timed[iid].earliest for iid in result.selected}
    assert all(0 <= s <= (timed[i].max_shift if scenario.allow_shift else 0) for i, s in shifts.items())
    assert roadmap_feasible(ws, timed, scenario, result.selected, shifts, TOL), (result.selected, shifts)
    worth = {chosen: sum(values[i] for i in chosen) for chosen, _ in strictly}
    best = max(worth.values(), default=-np.inf)
    assert result.objective == pytest.approx(sum(values[i] for i in result.selected), abs=1e-9)
    assert best <= result.objective + scenario.mip_gap * max(1.0, abs(result.objective)) + 1e-7
    as_good = [
        (c, s) for c, s in strictly if worth[c] >= result.objective - 1e-9 * max(1.0, abs(result.objective))
    ]
    fewest = min((len(c) for c, _ in as_good), default=len(result.selected))
    assert len(result.selected) <= fewest, "an equally valuable roadmap has fewer initiatives"
    # (roadmaps exactly at a limit are not "strictly" feasible: with none left, nothing to compare)
    earliest = min((sum(s.values()) for c, s in as_good if len(c) == fewest), default=sum(shifts.values()))
    assert sum(shifts.values()) <= earliest, "an equally valuable roadmap starts earlier"
    # the figures the JSON reports are the shifted ones
    spend = sum((_moved(timed[i].costs, shifts[i]) for i in result.selected), np.zeros(3))
    assert [result.cost_by_period[y] for y in YEARS] == pytest.approx(spend.tolist())
    for iid in result.selected:
        assert result.finish[iid] == YEARS[timed[iid].end + shifts[iid]]
    for team in ws.teams:
        work = sum((_moved(timed[i].efforts[team], shifts[i]) for i in result.selected), np.zeros(3))
        assert [result.effort_by_team[team][y] for y in YEARS] == pytest.approx(work.tolist())
