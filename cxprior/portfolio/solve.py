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
With flexible starts (roadmap) the second criterion is "then earlier starts": the
second solve minimises M·count + Σ shifts (M above any sum of shifts, so the count comes
first), and `earliest_starts` then moves each funded item's start earlier, one at a time,
while every row stays satisfied (for any size, after either solve).
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
    fold,
    phases_of,
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


class RowCheck:
    """Row activities of one full column vector, and whether a change keeps every row satisfied."""

    def __init__(self, arrays: Arrays, full: np.ndarray) -> None:
        n_rows = len(arrays.row_names)
        self.arrays = arrays
        self.row_of_entry = np.repeat(np.arange(n_rows), np.diff(arrays.start))
        self.order = np.argsort(arrays.index, kind="stable")
        self.first = np.searchsorted(arrays.index[self.order], np.arange(len(arrays.cost) + 1))
        self.activity = np.zeros(n_rows)
        np.add.at(self.activity, self.row_of_entry, arrays.value * full[arrays.index])
        # each finite bound with a tolerance relative to itself; infinite bounds stay infinite
        upper, lower = arrays.row_upper, arrays.row_lower
        self.upper_ok = upper + 1e-9 * np.maximum(1.0, np.abs(np.nan_to_num(upper, posinf=0.0)))
        self.lower_ok = lower - 1e-9 * np.maximum(1.0, np.abs(np.nan_to_num(lower, neginf=0.0)))

    def change(self, cols: np.ndarray, deltas: np.ndarray) -> np.ndarray:
        """Row activities after adding `deltas` to the columns `cols`."""
        after = self.activity.copy()
        for col, delta in zip(cols.tolist(), deltas.tolist(), strict=True):
            entries = self.order[self.first[col] : self.first[col + 1]]
            np.add.at(after, self.row_of_entry[entries], delta * self.arrays.value[entries])
        return after

    def ok(self, activity: np.ndarray) -> bool:
        return bool(np.all(activity <= self.upper_ok) and np.all(activity >= self.lower_ok))


def drop_worthless(
    model: PortfolioModel, x: np.ndarray, arrays: Arrays | None = None, shift: np.ndarray | None = None
) -> np.ndarray:
    """`x` without the funded items of value ≤ 0 that can leave with every row still satisfied."""
    inst = model.instance
    candidates = [k for k in np.flatnonzero(x > 0.5) if inst.value[k] <= 0 and model.lower[k] == 0]
    if not candidates:
        return x
    # a phase variable is 1 where a funded item needs it (what the solver may have set
    # beyond that changes no row that matters here), a start variable where its item starts
    full = model.full_solution(x, shift)
    check = RowCheck(arrays or to_arrays(model), full)
    kept = x.copy()
    # worst first (most negative value), then by id: the same answer every time
    for k in sorted(candidates, key=lambda k: (inst.value[k], inst.ids[k])):
        cols = model.columns_of(k)
        on = cols[full[cols] > 0.5]
        after = check.change(on, -np.ones(len(on)))
        if check.ok(after):
            check.activity = after
            full[on] = 0.0
            kept[k] = 0.0
    return kept


def earliest_starts(
    model: PortfolioModel, x: np.ndarray, shift: np.ndarray, arrays: Arrays | None = None
) -> np.ndarray:
    """`shift` with each funded item started as early as every row allows, one item at a time
    (by id, again until nothing moves): among equal portfolios, earlier starts."""
    if not model.flexible:
        return shift
    shift = shift.copy()
    late = [k for k in np.unique(model.start_item) if x[k] > 0.5 and shift[k] > 0]
    if not late:
        return shift
    full = model.full_solution(x, shift)
    check = RowCheck(arrays or to_arrays(model), full)
    ids = model.instance.ids
    moved = True
    while moved:
        moved = False
        for k in sorted(late, key=lambda k: ids[k]):
            mine = model.start_item == k
            now = int(model.start_cols[mine & (model.start_shift == shift[k])][0])
            for earlier in range(int(shift[k])):
                col = int(model.start_cols[mine & (model.start_shift == earlier)][0])
                after = check.change(np.array([now, col]), np.array([-1.0, 1.0]))
                if check.ok(after):
                    check.activity = after
                    full[now], full[col] = 0.0, 1.0
                    shift[k] = earlier
                    moved = True
                    break
        late = [k for k in late if shift[k] > 0]
    return shift


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
    phases = {fold(p): p for i in workspace.initiatives for p in phases_of(i.journey_phase)}
    unknown_phases = [p for p in scenario.min_phase_share if fold(p) not in phases]
    if unknown_phases:
        problems.append(
            tr(
                "listen.scenario.unknown_phases",
                lang,
                phases=", ".join(unknown_phases),
                known=", ".join(phases.values()) or "–",
            )
        )
    shares = {**scenario.min_goal_share, **scenario.min_competency_share, **scenario.min_phase_share}
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
    problems += _capacity_override_problems(workspace, scenario, lang)
    if problems:
        raise ScenarioError(" ".join(problems))


def _capacity_override_problems(workspace: Workspace, scenario: Scenario, lang: str) -> list[str]:
    """Overrides must name teams of the Capacity sheet, cost periods and numbers ≥ 0."""
    overrides = scenario.capacity_overrides
    if not overrides:
        return []
    teams = workspace.teams
    problems = []
    unknown = [team for team in overrides if team not in teams]
    if unknown:
        problems.append(
            tr(
                "opt.road.scenario.unknown_teams",
                lang,
                teams=", ".join(unknown),
                known=", ".join(teams) or "–",
            )
        )
    for team, by_period in overrides.items():
        if team in unknown:
            continue
        periods = [p for p in by_period if p not in workspace.periods]
        if periods:
            problems.append(
                tr(
                    "opt.road.scenario.unknown_periods",
                    lang,
                    team=team,
                    periods=", ".join(periods),
                    known=", ".join(workspace.periods) or "–",
                )
            )
        for period, amount in by_period.items():
            if period in workspace.periods and not (np.isfinite(amount) and amount >= 0):
                problems.append(tr("opt.road.scenario.bad_capacity", lang, team=team, period=period))
    return problems


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
    # roadmap: per initiative, the periods its start is shifted by (0 for a fixed start)
    shift: np.ndarray | None = None

    def full_solution(self, model: PortfolioModel) -> np.ndarray | None:
        """Every column's value (a warm start for another solve of the same model)."""
        return None if self.x is None else model.full_solution(self.x, self.shift)


def _finish(
    model: PortfolioModel,
    first: Outcome,
    x: np.ndarray,
    seconds: float,
    gap: float,
    shift: np.ndarray | None = None,
) -> Solved:
    objective = float(model.instance.value @ x)
    bound = first.bound if first.bound is not None else None
    found_gap = (
        relative_gap(objective, max(bound, objective)) if bound is not None and np.isfinite(bound) else None
    )
    status = first.status
    if status == "optimal" and (found_gap is None or found_gap > gap + 1e-9):
        status = "feasible"
    if shift is None:
        shift = np.zeros(model.instance.n, dtype=int)
    return Solved(status, x, objective, bound, found_gap, seconds, first.nodes, shift)


def _shift(model: PortfolioModel, outcome: Outcome) -> np.ndarray:
    if outcome.values is None:
        return np.zeros(model.instance.n, dtype=int)
    return model.shift_of(outcome.values)


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
    shift = _shift(model, first)
    if tie_break:
        x = drop_worthless(model, x, session.arrays, shift)
        if first.status == "optimal" and model.instance.n <= TIE_BREAK_MILP_LIMIT:
            x, shift = _fewest_initiatives_highs(
                model, session, replace(first, x=x), shift, _remaining(time_limit, began)
            )
        shift = earliest_starts(model, x, shift, session.arrays)
    return _finish(model, first, x, time.perf_counter() - began, gap, shift)


def tie_break_costs(model: PortfolioModel, n_cols: int) -> np.ndarray:
    """Costs of the second solve, to maximise: −(M·count + Σ shifts), M > any sum of shifts."""
    inst = model.instance
    costs = np.zeros(n_cols)
    weight = 1.0 + float(model.start_shift.sum()) if model.flexible else 1.0
    costs[: inst.n] = -weight
    if model.flexible:
        costs[model.start_cols] = -model.start_shift.astype(float)
    return costs


def _lexicographic(model: PortfolioModel, x: np.ndarray, shift: np.ndarray) -> tuple[int, int]:
    """(count, Σ shifts) of a portfolio: smaller is the better tie."""
    chosen = x > 0.5
    return int(chosen.sum()), int(shift[chosen].sum())


def _fewest_initiatives_highs(
    model: PortfolioModel,
    session: HighsSession,
    first: Outcome,
    shift: np.ndarray,
    time_limit: float | None,
) -> tuple[np.ndarray, np.ndarray]:
    inst = model.instance
    x1 = first.x
    assert x1 is not None
    if x1.sum() <= model.lower.sum() and not model.flexible:
        return x1, shift  # only forced items: nothing to drop
    value1 = float(inst.value @ x1)
    floor = value1 - TIE_BREAK_TOLERANCE * max(1.0, abs(value1))
    kept_objective = session.objective.copy()
    session.add_row("tie_break_value", floor, INF, np.arange(inst.n), inst.value)
    session.set_objective(tie_break_costs(model, session.n_cols))
    try:
        # counts and shifts are whole numbers: an absolute gap below 1 proves the best tie
        second = session.solve(
            gap=0.0,
            abs_gap=0.5,
            time_limit=time_limit,
            # v1 models warm-start from x alone, as they always did (same ties, same answers)
            start=model.full_solution(x1, shift) if model.flexible else x1,
            max_nodes=TIE_BREAK_MAX_NODES,
        )
    finally:
        session.delete_last_row("tie_break_value")
        session.set_objective(kept_objective)
    if second.x is not None and inst.value @ second.x >= floor - 1e-7:
        shift2 = _shift(model, second)
        if _lexicographic(model, second.x, shift2) < _lexicographic(model, x1, shift):
            return second.x, shift2
    return x1, shift


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
    shift = _shift(model, first)
    x = drop_worthless(model, first.x, shift=shift) if tie_break else first.x
    inst = model.instance
    if (
        tie_break
        and first.status == "optimal"
        and inst.n <= TIE_BREAK_MILP_LIMIT
        and (x.sum() > model.lower.sum() or model.flexible)
    ):
        value1 = float(inst.value @ x)
        floor = value1 - TIE_BREAK_TOLERANCE * max(1.0, abs(value1))
        variant = model.prob.copy()
        xs = list(model.x.values())
        costs = tie_break_costs(model, len(model.columns))
        variant.setObjective(
            pulp.LpAffineExpression(
                (v, float(c)) for v, c in zip(model.columns, costs.tolist(), strict=True) if c
            )
        )
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
            start=model.full_solution(x, shift) if model.flexible else x,
            prob=variant,
            max_nodes=TIE_BREAK_MAX_NODES,
        )
        if second.x is not None and inst.value @ second.x >= floor - 1e-7:
            shift2 = _shift(model, second)
            if _lexicographic(model, second.x, shift2) < _lexicographic(model, x, shift):
                x, shift = second.x, shift2
    if tie_break:
        shift = earliest_starts(model, x, shift)
    return _finish(model, first, x, time.perf_counter() - began, gap, shift)


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
