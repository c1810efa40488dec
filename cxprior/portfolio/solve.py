"""One solve path for every caller: solve → check the status → keep the portfolio.

`solve_model` runs the scenario's solver (HiGHS through one `HighsSession`, or CBC) with its
gap and time limit, checks the status before any value is read, and breaks ties.

Tie-break ("among equal-value portfolios prefer fewer initiatives") is lexicographic: the
first solve maximises the plain value; then
- every funded initiative worth nothing (value ≤ 0) that can leave without breaking a
  constraint leaves (a check of the rows, for any size): the common tie, made by
  initiatives with no impact or on KPIs linked to no goal;
- up to `TIE_BREAK_MILP_LIMIT` initiatives, a second solve keeps value ≥ the first
  portfolio's value (minus 1e-9 relative, far below any gap we claim) and minimises the
  count, warm-started from the first portfolio and capped by a node limit so it stays
  deterministic. It settles every tie (A alone = B + C). Above that size its root alone
  costs as much as the first solve (measured: 1.8 s CPU after a 1.9 s solve at 1,000
  items), for ties that continuous values almost never produce.
A tiny ε per initiative in one objective was rejected: to never outweigh a value difference
at a 1e-6 gap it must be so small (≈1e-12 of a value) that HiGHS cannot see it, so it would
break no tie reliably. `objective` is always recomputed as the sum of the chosen values.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from cxprior.domain import (
    Competency,
    Scenario,
    ScenarioError,
    Workspace,
)
from cxprior.i18n import tr
from cxprior.portfolio.cbc import solve_cbc
from cxprior.portfolio.highs import INF, Arrays, HighsSession, Outcome, relative_gap, to_arrays
from cxprior.portfolio.model import PortfolioModel

SOLVERS = ("highs", "cbc")
# the tie-break solve explores at most this many nodes: a node count, unlike a clock, gives
# the same answer on a loaded machine, and it bounds the cost (at 1,000 items with three
# yearly budgets 100 nodes take about 1.5 s, 2,000 nodes about 10 s); the warm start from
# the first portfolio means it can only improve on it
TIE_BREAK_MAX_NODES = 100
TIE_BREAK_MILP_LIMIT = 500
TIE_BREAK_TOLERANCE = 1e-9


def drop_worthless(model: PortfolioModel, x: np.ndarray, arrays: Arrays | None = None) -> np.ndarray:
    """`x` without the funded items of value ≤ 0 that can leave with every row still satisfied."""
    inst = model.instance
    candidates = [k for k in np.flatnonzero(x > 0.5) if inst.value[k] <= 0 and model.lower[k] == 0]
    if not candidates:
        return x
    arrays = arrays or to_arrays(model)
    n_rows = len(arrays.row_names)
    row_of_entry = np.repeat(np.arange(n_rows), np.diff(arrays.start))
    full = np.zeros(len(arrays.cost))
    full[: inst.n] = x
    # a phase variable is 1 where a funded item needs it (what the solver may have set
    # beyond that changes no row that matters here)
    touched = {inst.phase[k] for k in np.flatnonzero(x > 0.5)}
    for offset, phase in enumerate(model.phases):
        full[inst.n + offset] = 1.0 if phase in touched else 0.0
    activity = np.zeros(n_rows)
    np.add.at(activity, row_of_entry, arrays.value * full[arrays.index])
    # each finite bound with a tolerance relative to itself; infinite bounds stay infinite
    upper_ok = arrays.row_upper + 1e-9 * np.maximum(1.0, np.abs(np.nan_to_num(arrays.row_upper, posinf=0.0)))
    lower_ok = arrays.row_lower - 1e-9 * np.maximum(1.0, np.abs(np.nan_to_num(arrays.row_lower, neginf=0.0)))
    kept = x.copy()
    # worst first (most negative value), then by id: the same answer every time
    for k in sorted(candidates, key=lambda k: (inst.value[k], inst.ids[k])):
        entries = np.flatnonzero(arrays.index == k)
        change = np.zeros(n_rows)
        np.add.at(change, row_of_entry[entries], -arrays.value[entries])
        after = activity + change
        if np.all(after <= upper_ok) and np.all(after >= lower_ok):
            activity = after
            kept[k] = 0.0
    return kept


def check_scenario(workspace: Workspace, scenario: Scenario, lang: str = "en") -> None:
    """Raise ScenarioError naming every id or number of the scenario that cannot be used."""
    known = workspace.initiative_by_id
    problems: list[str] = []
    for label, ids in (("force_in", scenario.force_in), ("force_out", scenario.force_out)):
        unknown = [i for i in ids if i not in known]
        if unknown:
            problems.append(tr(f"opt.scenario.unknown_{label}", lang, ids=", ".join(unknown)))
    unknown_goals = [g for g in scenario.min_goal_share if g not in workspace.goal_by_id]
    if unknown_goals:
        problems.append(
            tr(
                "opt.scenario.unknown_goals",
                lang,
                ids=", ".join(unknown_goals),
                known=", ".join(workspace.goal_by_id) or "–",
            )
        )
    unknown_periods = [p for p in scenario.budget_by_period if p not in workspace.periods]
    if unknown_periods:
        problems.append(
            tr(
                "opt.scenario.unknown_periods",
                lang,
                periods=", ".join(unknown_periods),
                known=", ".join(workspace.periods) or "–",
            )
        )
    competencies = {str(c) for c in Competency}
    unknown_competencies = [c for c in scenario.min_competency_share if c not in competencies]
    if unknown_competencies:
        problems.append(tr("opt.scenario.unknown_competencies", lang, ids=", ".join(unknown_competencies)))
    budgets = scenario.budget_limits
    for period, amount in budgets.items():
        if not np.isfinite(amount) or amount < 0:
            problems.append(tr("opt.scenario.bad_budget", lang, period=period))
    shares = {**scenario.min_goal_share, **scenario.min_competency_share}
    for key, share in shares.items():
        if not 0 <= share <= 1:
            problems.append(tr("opt.scenario.bad_share", lang, subject=key))
    for label, count in (("max_initiatives", scenario.max_initiatives), ("max_phases", scenario.max_phases)):
        if count is not None and count < 0:
            problems.append(tr("opt.scenario.bad_count", lang, option=label))
    if scenario.solver not in SOLVERS:
        problems.append(tr("opt.scenario.bad_solver", lang, solver=scenario.solver))
    if scenario.time_limit is not None and not scenario.time_limit > 0:
        problems.append(tr("opt.scenario.bad_time_limit", lang))
    if not 0 <= scenario.mip_gap < 1:
        problems.append(tr("opt.scenario.bad_gap", lang))
    if problems:
        raise ScenarioError(" ".join(problems))


@dataclass(frozen=True)
class Solved:
    """A solved model: the proven outcome of the value solve and the portfolio kept."""

    status: str  # as Outcome.status
    x: np.ndarray | None
    objective: float | None  # plain sum of values of x
    bound: float | None
    gap: float | None
    seconds: float
    nodes: int = 0  # of the value solve


def _finish(model: PortfolioModel, first: Outcome, x: np.ndarray, seconds: float, gap: float) -> Solved:
    objective = float(model.instance.value @ x)
    bound = first.bound if first.bound is not None else None
    found_gap = (
        relative_gap(objective, max(bound, objective)) if bound is not None and np.isfinite(bound) else None
    )
    status = first.status
    if status == "optimal" and (found_gap is None or found_gap > gap + 1e-9):
        status = "feasible"
    return Solved(status, x, objective, bound, found_gap, seconds, first.nodes)


def _nothing_to_choose() -> Solved:
    """A workspace without initiatives: the empty portfolio, proven best (solvers refuse an
    empty model)."""
    return Solved("optimal", np.zeros(0), 0.0, 0.0, 0.0, 0.0)


def _remaining(time_limit: float | None, began: float) -> float | None:
    if time_limit is None:
        return None
    return max(0.05, time_limit - (time.perf_counter() - began))


def solve_with_highs(
    model: PortfolioModel,
    session: HighsSession,
    *,
    gap: float,
    time_limit: float | None,
    start: np.ndarray | None = None,
    tie_break: bool = True,
) -> Solved:
    """Maximise value, then keep that value and minimise the count (see module doc)."""
    if not model.columns:
        return _nothing_to_choose()
    began = time.perf_counter()
    first = session.solve(gap=gap, time_limit=time_limit, start=start)
    if first.x is None:
        return Solved(first.status, None, None, None, None, time.perf_counter() - began)
    x = first.x
    if tie_break:
        x = drop_worthless(model, x, session.arrays)
        if first.status == "optimal" and model.instance.n <= TIE_BREAK_MILP_LIMIT:
            x = _fewest_initiatives_highs(model, session, replace(first, x=x), _remaining(time_limit, began))
    return _finish(model, first, x, time.perf_counter() - began, gap)


def _fewest_initiatives_highs(
    model: PortfolioModel, session: HighsSession, first: Outcome, time_limit: float | None
) -> np.ndarray:
    inst = model.instance
    x1 = first.x
    assert x1 is not None
    if x1.sum() <= model.lower.sum():
        return x1  # only forced items: nothing to drop
    value1 = float(inst.value @ x1)
    floor = value1 - TIE_BREAK_TOLERANCE * max(1.0, abs(value1))
    kept_objective = session.objective.copy()
    session.add_row("tie_break_value", floor, INF, np.arange(inst.n), inst.value)
    count_cost = np.zeros(session.n_cols)
    count_cost[: inst.n] = -1.0
    session.set_objective(count_cost)
    try:
        # counts are whole numbers: an absolute gap below 1 proves the fewest
        second = session.solve(
            gap=0.0, abs_gap=0.5, time_limit=time_limit, start=x1, max_nodes=TIE_BREAK_MAX_NODES
        )
    finally:
        session.delete_last_row("tie_break_value")
        session.set_objective(kept_objective)
    if second.x is not None and second.x.sum() < x1.sum() and inst.value @ second.x >= floor - 1e-7:
        return second.x
    return x1


def solve_with_cbc(
    model: PortfolioModel,
    *,
    gap: float,
    time_limit: float | None,
    start: np.ndarray | None = None,
    tie_break: bool = True,
) -> Solved:
    import pulp

    if not model.columns:
        return _nothing_to_choose()
    began = time.perf_counter()
    first = solve_cbc(model, gap=gap, time_limit=time_limit, start=start)
    if first.x is None:
        return Solved(first.status, None, None, None, None, time.perf_counter() - began)
    x = drop_worthless(model, first.x) if tie_break else first.x
    inst = model.instance
    if (
        tie_break
        and first.status == "optimal"
        and inst.n <= TIE_BREAK_MILP_LIMIT
        and x.sum() > model.lower.sum()
    ):
        value1 = float(inst.value @ x)
        floor = value1 - TIE_BREAK_TOLERANCE * max(1.0, abs(value1))
        variant = model.prob.copy()
        xs = list(model.x.values())
        variant.setObjective(pulp.LpAffineExpression((v, -1.0) for v in xs))
        variant.addConstraint(
            pulp.LpConstraint(
                pulp.LpAffineExpression(zip(xs, inst.value.tolist(), strict=True)),
                pulp.LpConstraintGE,
                "tie_break_value",
                floor,
            )
        )
        second = solve_cbc(
            model,
            gap=0.0,
            time_limit=_remaining(time_limit, began),
            start=x,
            prob=variant,
            max_nodes=TIE_BREAK_MAX_NODES,
        )
        if second.x is not None and second.x.sum() < x.sum() and inst.value @ second.x >= floor - 1e-7:
            x = second.x
    return _finish(model, first, x, time.perf_counter() - began, gap)


def solve_model(
    model: PortfolioModel,
    scenario: Scenario,
    *,
    session: HighsSession | None = None,
    start: np.ndarray | None = None,
) -> Solved:
    """Solve with the scenario's solver, gap and time limit."""
    if scenario.solver == "cbc":
        return solve_with_cbc(model, gap=scenario.mip_gap, time_limit=scenario.time_limit, start=start)
    if not model.columns:
        return _nothing_to_choose()
    session = session or HighsSession(model)
    return solve_with_highs(model, session, gap=scenario.mip_gap, time_limit=scenario.time_limit, start=start)
