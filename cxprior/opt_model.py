"""The portfolio model: workspace + scenario → one PuLP problem, built in bulk (the "build" step).

`Instance` turns a workspace and its scores into arrays in a fixed column order (sorted by
initiative id, so the same data in any row order gives the same model and portfolio).
`build_model` makes the PuLP problem: one binary variable per initiative id, every
constraint named from the data, and a `rows` table saying what each named row means so the
explanations can speak about it. Expressions are made with `LpAffineExpression(zip(…))`
and constraints created together, never by repeated `+=` of single terms (SOLVER_NOTES.md).

Forced-in, mandatory and forced-out items are variable bounds, not rows: presolve removes
them at once and `infeasible.py` reasons about them directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pulp

from cxprior.domain import TOTAL_PERIOD, Scenario, Workspace
from cxprior.value import Scores, score

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.]")


@dataclass(frozen=True)
class Instance:
    """The numbers of one workspace, in column order (initiative ids sorted)."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    value: np.ndarray
    cost: np.ndarray
    period_cost: dict[str, np.ndarray]
    goal_value: dict[str, np.ndarray]
    phase: tuple[str, ...]
    competency: tuple[str, ...]
    mandatory: np.ndarray  # bool
    depends_on: tuple[tuple[str, ...], ...]
    group: tuple[str, ...]
    periods: tuple[str, ...]
    index: dict[str, int] = field(repr=False)

    @property
    def n(self) -> int:
        return len(self.ids)

    def cost_in(self, period: str) -> np.ndarray:
        return self.cost if period == TOTAL_PERIOD else self.period_cost[period]


def make_instance(workspace: Workspace, scores: Scores | None = None) -> Instance:
    scores = scores or score(workspace)
    initiatives = sorted(workspace.initiatives, key=lambda i: i.initiative_id)
    ids = tuple(i.initiative_id for i in initiatives)
    goal_ids = [g.goal_id for g in workspace.goals]
    return Instance(
        ids=ids,
        names=tuple(i.name for i in initiatives),
        value=np.array([scores.value.get(i, 0.0) for i in ids], dtype=float),
        cost=np.array([i.cost for i in initiatives], dtype=float),
        period_cost={
            p: np.array([i.period_costs.get(p, 0.0) for i in initiatives], dtype=float)
            for p in workspace.periods
        },
        goal_value={
            g: np.array([scores.by_goal.get(i, {}).get(g, 0.0) for i in ids], dtype=float) for g in goal_ids
        },
        phase=tuple(i.journey_phase for i in initiatives),
        competency=tuple(str(i.competency) if i.competency else "" for i in initiatives),
        mandatory=np.array([i.mandatory for i in initiatives], dtype=bool),
        depends_on=tuple(i.depends_on for i in initiatives),
        group=tuple(i.exclusive_group for i in initiatives),
        periods=tuple(workspace.periods),
        index={iid: k for k, iid in enumerate(ids)},
    )


@dataclass(frozen=True)
class Row:
    """What one named row of the model stands for.

    kind: "budget" (key = period or "total"), "budget_sum" (the implied sum of the period
    budgets), "depends" (key = (item, prerequisite)),
    "exclusive" (key = group), "max_initiatives", "phase_link" (key = phase),
    "max_phases", "goal_share" (key = goal id), "positive_value" (with goal shares: the
    portfolio must be worth something), "competency_share" (key = competency).
    """

    kind: str
    key: object = None


@dataclass
class PortfolioModel:
    """A built PuLP problem and what its parts mean. Internal: the solver layer owns it."""

    instance: Instance
    scenario: Scenario
    prob: pulp.LpProblem
    x: dict[str, pulp.LpVariable]  # by initiative id, in column order
    columns: list[pulp.LpVariable]  # x in column order, then one phase variable per phase
    rows: dict[str, Row]  # by constraint name, in the problem's order
    lower: np.ndarray  # bounds of the x columns: 1 for forced in, 0 for forced out
    upper: np.ndarray
    phases: tuple[str, ...] = ()

    def row_names(self, kind: str) -> list[str]:
        return [name for name, row in self.rows.items() if row.kind == kind]

    def budget_rows(self) -> dict[str, str]:
        """Budget period (or "total") → row name."""
        return {row.key: name for name, row in self.rows.items() if row.kind == "budget"}

    def budget_bounds(self, levels: dict[str, float]) -> dict[str, float]:
        """Row name → upper bound for new budget levels (period or "total" → euros).

        Periods not in `levels` keep the scenario's budget; the implied sum of the period
        budgets (see `needs_budget_sum`) follows them.
        """
        rows = self.budget_rows()
        bounds = {rows[key]: float(amount) for key, amount in levels.items() if key in rows}
        for name, row in self.rows.items():
            if row.kind == "budget_sum":
                periods = {**self.scenario.budget_by_period, **levels}
                bounds[name] = float(sum(periods[p] for p in self.scenario.budget_by_period))
        return bounds


def forced_bounds(instance: Instance, scenario: Scenario) -> tuple[np.ndarray, np.ndarray]:
    """Column bounds: mandatory and forced-in items at 1, forced-out items at 0.

    An item both forced in and out gets lower 1 > upper 0; `infeasible.direct_conflicts`
    names that before any solve.
    """
    lower = instance.mandatory.astype(float)
    upper = np.ones(instance.n)
    for iid in scenario.force_in:
        lower[instance.index[iid]] = 1.0
    for iid in scenario.force_out:
        upper[instance.index[iid]] = 0.0
    return lower, upper


def needs_budget_sum(instance: Instance, scenario: Scenario) -> bool:
    """Whether to add the sum of the period budget rows as one more (implied) row.

    It changes no answer (any portfolio within each period budget is within their sum) but
    gives the solver the aggregate at once: on synthetic portfolios with three yearly
    budgets (1,000 items, seeds 0–2) HiGHS took 6.9 / 1.6 / 2.9 s CPU without it and
    1.6 / 1.5 / 3.0 s with it (scripts/bench_optimize.py). Not added when a total budget
    row with the same costs is already at least as tight.
    """
    if len(scenario.budget_by_period) < 2:
        return False
    if scenario.budget_total is None:
        return True
    costs = sum(instance.period_cost[p] for p in scenario.budget_by_period)
    same_costs = bool(np.allclose(costs, instance.cost))
    return not (same_costs and scenario.budget_total <= sum(scenario.budget_by_period.values()))


def _safe(name: str) -> str:
    return _UNSAFE_NAME.sub("_", name)


class _Names:
    """Unique PuLP-safe names derived from the data (ids may hold any character)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, *parts: str) -> str:
        base = "_".join(_safe(p) for p in parts)
        name, k = base, 1
        while name in self.used:
            k += 1
            name = f"{base}_{k}"
        self.used.add(name)
        return name


def _expr(variables: list[pulp.LpVariable], coefs: np.ndarray, idx: np.ndarray) -> pulp.LpAffineExpression:
    return pulp.LpAffineExpression(zip([variables[k] for k in idx], coefs[idx].tolist(), strict=True))


def build_model(instance: Instance, scenario: Scenario) -> PortfolioModel:
    """The MILP of DESIGN.md "Optimizer": maximise Σ value·x under the scenario's constraints."""
    names = _Names()
    prob = pulp.LpProblem("cx_portfolio", pulp.LpMaximize)
    lower, upper = forced_bounds(instance, scenario)
    # binary = integer in [0, 1]; forced items narrow the bounds (PuLP resets LpBinary bounds)
    xs = [
        prob.add_variable(names("x", iid), lowBound=lo, upBound=up, cat=pulp.LpInteger)
        for iid, lo, up in zip(instance.ids, lower.tolist(), upper.tolist(), strict=True)
    ]
    columns = list(xs)
    constraints: list[tuple[pulp.LpConstraint, Row]] = []
    le, ge = pulp.LpConstraintLE, pulp.LpConstraintGE

    def add(expr: pulp.LpAffineExpression, sense: int, rhs: float, row: Row, *name_parts: str) -> None:
        constraints.append((pulp.LpConstraint(expr, sense, names(*name_parts), rhs), row))

    everyone = np.arange(instance.n)
    budgets = dict(scenario.budget_by_period)
    if scenario.budget_total is not None:
        budgets[TOTAL_PERIOD] = scenario.budget_total
    for period, amount in budgets.items():
        costs = instance.cost_in(period)
        add(
            _expr(xs, costs, np.flatnonzero(costs)),
            le,
            float(amount),
            Row("budget", period),
            "budget",
            period,
        )
    if needs_budget_sum(instance, scenario):
        costs = sum(instance.period_cost[p] for p in scenario.budget_by_period)
        rhs = float(sum(scenario.budget_by_period.values()))
        add(_expr(xs, costs, np.flatnonzero(costs)), le, rhs, Row("budget_sum"), "budget_sum")

    for k, prerequisites in enumerate(instance.depends_on):
        for pre in prerequisites:
            j = instance.index.get(pre)
            if j is None or j == k:
                continue
            expr = pulp.LpAffineExpression([(xs[k], 1.0), (xs[j], -1.0)])
            add(expr, le, 0.0, Row("depends", (instance.ids[k], pre)), "needs", instance.ids[k], pre)

    members: dict[str, list[int]] = {}
    for k, g in enumerate(instance.group):
        if g:
            members.setdefault(g, []).append(k)
    for g, ks in members.items():
        if len(ks) > 1:
            expr = pulp.LpAffineExpression([(xs[k], 1.0) for k in ks])
            add(expr, le, 1.0, Row("exclusive", g), "exclusive", g)

    if scenario.max_initiatives is not None:
        ones = np.ones(instance.n)
        add(
            _expr(xs, ones, everyone),
            le,
            float(scenario.max_initiatives),
            Row("max_initiatives"),
            "max_count",
        )

    phases: tuple[str, ...] = ()
    if scenario.max_phases is not None:
        by_phase: dict[str, list[int]] = {}
        for k, p in enumerate(instance.phase):
            if p:
                by_phase.setdefault(p, []).append(k)
        phases = tuple(by_phase)
        ys = [prob.add_variable(names("phase", p), lowBound=0, upBound=1, cat=pulp.LpBinary) for p in phases]
        columns.extend(ys)
        for p, y in zip(phases, ys, strict=True):
            ks = by_phase[p]
            # aggregated link (few phases, so branching on y is cheap); x in p ⇒ y_p = 1
            expr = pulp.LpAffineExpression([*((xs[k], 1.0) for k in ks), (y, -float(len(ks)))])
            add(expr, le, 0.0, Row("phase_link", p), "phase_used", p)
        add(
            pulp.LpAffineExpression((y, 1.0) for y in ys),
            le,
            float(scenario.max_phases),
            Row("max_phases"),
            "max_phases",
        )

    for goal_id, share in scenario.min_goal_share.items():
        if share <= 0:
            continue
        # value of goal g ≥ share × portfolio value, made linear
        coefs = instance.goal_value[goal_id] - share * instance.value
        add(
            _expr(xs, coefs, np.flatnonzero(coefs)),
            ge,
            0.0,
            Row("goal_share", goal_id),
            "goal_share",
            goal_id,
        )

    if any(share > 0 for share in scenario.min_goal_share.values()) and instance.value.max(initial=0.0) > 0:
        # an empty portfolio meets every share trivially (0 ≥ s × 0): ask for some value
        floor = 1e-6 * float(instance.value.max())
        add(_expr(xs, instance.value, everyone), ge, floor, Row("positive_value"), "shares_need_value")

    for competency, share in scenario.min_competency_share.items():
        if share <= 0:
            continue
        builds = np.array([c == competency for c in instance.competency], dtype=float)
        coefs = builds * instance.cost - share * instance.cost
        add(
            _expr(xs, coefs, np.flatnonzero(coefs)),
            ge,
            0.0,
            Row("competency_share", competency),
            "competency_share",
            competency,
        )

    prob.setObjective(_expr(xs, instance.value, everyone))
    rows: dict[str, Row] = {}
    for constraint, row in constraints:
        prob.addConstraint(constraint)
        rows[constraint.name] = row
    return PortfolioModel(
        instance=instance,
        scenario=scenario,
        prob=prob,
        x=dict(zip(instance.ids, xs, strict=True)),
        columns=columns,
        rows=rows,
        lower=lower,
        upper=upper,
        phases=phases,
    )
