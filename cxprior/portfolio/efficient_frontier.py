"""The efficient frontier: best portfolio value against budget, at N budget levels.

Levels run from the required cost (mandatory and forced-in items with their
prerequisites: below it nothing is feasible) to the total cost of every initiative that
may be funded (above it the budget no longer binds). ONE model is built: only the budget
bounds change. The top level is solved first; its portfolio is the best one at any
budget, so every level it fits in gets it without a solve (on focused scenarios, where the
count cap binds first, that is most of the curve). The other levels are solved in
increasing order, each starting from the previous level's portfolio, which still fits
since budgets only grow.

Which budgets move: the scenario's own. With one budget per period, every period budget
goes from its required cost to its full cost in the same proportion (level k of N puts
each period at required + k/(N−1) × (full − required)), so the periods keep their
relative tightness; a point's `budget` is then the sum of its period budgets. A scenario
with no budget gets a total budget.

Each level is solved to `gap` (default 0.1 %, SOLVER_NOTES.md: tight levels can take
minutes to prove at 1e-6 while the incumbents are within 0.35 %), and reports its own
proven gap and status. The fewer-initiatives tie-break of `optimize` is not applied: at a
0.1 % gap, portfolios within the gap are not ties, and the second solve would double the
time of every level.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np

from cxprior.domain import TOTAL_PERIOD, Scenario, Scores, Workspace, score
from cxprior.portfolio.highs import HighsSession
from cxprior.portfolio.infeasible import direct_conflicts, required_items
from cxprior.portfolio.model import build_model, forced_bounds, make_instance
from cxprior.portfolio.solve import Solved, check_scenario, solve_with_cbc, solve_with_highs

FRONTIER_GAP = 1e-3


@dataclass(frozen=True)
class FrontierPoint:
    budget: float
    value: float | None
    cost: float
    selected: tuple[str, ...]
    status: str
    gap: float | None
    budget_by_period: dict[str, float] = field(default_factory=dict)
    cost_by_period: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "budget": self.budget,
            "budget_by_period": dict(self.budget_by_period),
            "value": self.value,
            "cost": self.cost,
            "cost_by_period": dict(self.cost_by_period),
            "status": self.status,
            "gap": self.gap,
            "selected": list(self.selected),
            "solve_seconds": round(self.seconds, 4),
        }


@dataclass(frozen=True)
class Frontier:
    points: tuple[FrontierPoint, ...]
    solver: str
    gap: float
    solve_seconds: float
    explanation: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "solver": self.solver,
            "gap": self.gap,
            "solve_seconds": round(self.solve_seconds, 4),
            "explanation": list(self.explanation),
            "points": [p.to_json() for p in self.points],
        }

    def value_at(self, budget: float) -> float | None:
        """Best value known at a budget: the last solved level at or below it."""
        known = [p for p in self.points if p.budget <= budget + 1e-9 and p.value is not None]
        return known[-1].value if known else None

    def next_step(self, budget: float, step: float) -> tuple[float | None, tuple[str, ...]]:
        """What `step` more euros would buy from `budget`: (extra value, initiatives added)."""
        here = [p for p in self.points if p.budget <= budget + 1e-9 and p.value is not None]
        there = [p for p in self.points if p.budget <= budget + step + 1e-9 and p.value is not None]
        if not here or not there:
            return None, ()
        a, b = here[-1], there[-1]
        return (b.value or 0.0) - (a.value or 0.0), tuple(i for i in b.selected if i not in set(a.selected))


def _levels(instance, scenario: Scenario, points: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Varied budget keys, and their lowest and highest budgets."""
    keys = list(scenario.budget_by_period)
    if scenario.budget_total is not None or not keys:
        keys.append(TOTAL_PERIOD)
    _, upper = forced_bounds(instance, scenario)
    required = [instance.index[i] for i in required_items(instance, scenario).ids]
    low = np.array([float(instance.cost_in(p)[required].sum()) for p in keys])
    high = np.array([float(instance.cost_in(p)[upper > 0].sum()) for p in keys])
    return keys, low, np.maximum(high, low)


def _own_fraction(scenario: Scenario, keys: list[str], low: np.ndarray, high: np.ndarray) -> list[float]:
    """Where the scenario's own budgets lie on the path from `low` to `high` ([] when off it).

    The scenario's budget is always one of the computed levels, so its own portfolio sits on
    the curve instead of between two sampled levels. With period budgets it is on the path
    only when every period is at the same fraction of its range."""
    limits = scenario.budget_limits
    if any(k not in limits for k in keys):
        return []
    spans = high - low
    fractions = {
        round(float((limits[k] - lo) / span), 9) if span > 0 else None
        for k, lo, span in zip(keys, low, spans, strict=True)
    }
    fractions.discard(None)
    if len(fractions) != 1:
        return []
    (t,) = fractions
    return [t] if 0.0 < t < 1.0 else []


def frontier(
    workspace: Workspace,
    scenario: Scenario,
    *,
    points: int = 20,
    lang: str = "en",
    gap: float | None = None,
    time_limit_per_point: float | None = None,
    scores: Scores | None = None,
) -> Frontier:
    """Best value at `points` budget levels (see module doc), one model reused."""
    check_scenario(workspace, scenario, lang)
    points = max(2, int(points))
    gap = FRONTIER_GAP if gap is None else gap
    limit = time_limit_per_point if time_limit_per_point is not None else scenario.time_limit
    scores = scores or score(workspace, lang)
    instance = make_instance(workspace, scores)
    keys, low, high = _levels(instance, scenario, points)
    fractions = sorted({*np.linspace(0.0, 1.0, points).tolist(), *_own_fraction(scenario, keys, low, high)})

    def budgets_at(t: float) -> dict[str, float]:
        # to the cent: 9.999999999999998 is not a budget anyone set
        return {k: round(float(lo + t * (hi - lo)), 2) for k, lo, hi in zip(keys, low, high, strict=True)}

    def scenario_at(t: float) -> Scenario:
        b = budgets_at(t)
        return replace(
            scenario,
            budget_total=b.get(TOTAL_PERIOD),
            budget_by_period={k: v for k, v in b.items() if k != TOTAL_PERIOD},
        )

    began = time.perf_counter()
    top = scenario_at(1.0)
    conflicts = direct_conflicts(workspace, instance, top, lang)
    if conflicts:
        empty = tuple(_point(instance, keys, budgets_at(t), None, 0.0) for t in fractions)
        return Frontier(empty, scenario.solver, gap, 0.0, tuple(conflicts))

    model = build_model(instance, scenario_at(0.0))
    session = HighsSession(model) if scenario.solver == "highs" else None
    if session is not None:
        session.frontier_settings()

    def solve_at(level: dict[str, float], start: np.ndarray | None) -> Solved:
        for row, amount in model.budget_bounds(level).items():
            if session is not None:
                session.set_row_bounds(row, None, amount)
            else:
                model.prob.get_constraint_by_name(row).changeRHS(amount)
        if session is not None:
            return solve_with_highs(model, session, gap=gap, time_limit=limit, start=start, tie_break=False)
        return solve_with_cbc(model, gap=gap, time_limit=limit, start=start, tie_break=False)

    # the top level first: its portfolio is the best at any budget, so every level it fits
    # in has it as answer without a solve (typically the upper half of the curve)
    top_level = budgets_at(1.0)
    top_solved = solve_at(top_level, None)

    def fits(level: dict[str, float]) -> bool:
        if top_solved.x is None:
            return False
        # with flexible starts, the spend of the top portfolio as it was started
        spend = instance.spend(top_solved.x, top_solved.shift)
        spend[TOTAL_PERIOD] = float(instance.cost @ top_solved.x)
        return all(spend[k] <= level[k] + 1e-9 * max(1.0, level[k]) for k in level)

    result: list[FrontierPoint] = []
    start: np.ndarray | None = None
    for t in fractions:
        level = budgets_at(t)
        if fits(level):
            result.append(_point(instance, keys, level, top_solved, 0.0))
            continue
        solved = solve_at(level, start)
        if solved.x is not None:
            # a roadmap model warm-starts from every column of the previous level's portfolio
            start = solved.full_solution(model) if model.flexible else solved.x
        result.append(_point(instance, keys, level, solved, solved.seconds))
    return Frontier(_never_down(result), scenario.solver, gap, time.perf_counter() - began)


def _never_down(points: list[FrontierPoint]) -> tuple[FrontierPoint, ...]:
    """A level solved within the gap may fall below a lower level's portfolio, which still
    fits there: take that better portfolio (its level's status and gap remain true bounds;
    a level stopped by the clock before any portfolio gets the lower level's)."""
    best: FrontierPoint | None = None
    kept = []
    for point in points:
        if best is not None and (point.value is None or point.value < best.value):
            point = replace(
                point,
                value=best.value,
                cost=best.cost,
                selected=best.selected,
                cost_by_period=best.cost_by_period,
                status=point.status if point.value is not None else "time_limit",
            )
        if point.value is not None:
            best = point
        kept.append(point)
    return tuple(kept)


def _point(
    instance, keys: list[str], level: dict[str, float], solved: Solved | None, seconds: float
) -> FrontierPoint:
    budget = level[TOTAL_PERIOD] if TOTAL_PERIOD in level else float(sum(level.values()))
    by_period = {k: v for k, v in level.items() if k != TOTAL_PERIOD}
    if solved is None or solved.x is None:
        status = "infeasible" if solved is None or solved.status == "infeasible" else "time_limit"
        return FrontierPoint(budget, None, 0.0, (), status, None, by_period, {}, seconds)
    chosen = np.flatnonzero(solved.x > 0.5)
    return FrontierPoint(
        budget=budget,
        value=solved.objective,
        cost=float(instance.cost[chosen].sum()),
        selected=tuple(instance.ids[k] for k in chosen),
        status=solved.status,
        gap=solved.gap,
        budget_by_period=by_period,
        cost_by_period=instance.spend(solved.x, solved.shift),
        seconds=seconds,
    )
