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

from cxprior.domain import TOTAL_PERIOD, Scenario, Scores, Workspace, score

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


@dataclass
class _Rows:
    """The model under construction: columns so far, and each row with what it stands for."""

    prob: pulp.LpProblem
    names: _Names
    xs: list[pulp.LpVariable]
    columns: list[pulp.LpVariable]
    constraints: list[tuple[pulp.LpConstraint, Row]] = field(default_factory=list)

    def add(self, expr: pulp.LpAffineExpression, sense: int, rhs: float, row: Row, *name_parts: str) -> None:
        self.constraints.append((pulp.LpConstraint(expr, sense, self.names(*name_parts), rhs), row))

    def weighted(self, coefs: np.ndarray, where: np.ndarray | None = None) -> pulp.LpAffineExpression:
        """Σ coef·x over `where` (by default the items with a non-zero coefficient)."""
        return _expr(self.xs, coefs, np.flatnonzero(coefs) if where is None else where)


_LE, _GE = pulp.LpConstraintLE, pulp.LpConstraintGE


def build_model(instance: Instance, scenario: Scenario) -> PortfolioModel:
    """The MILP of DESIGN.md "Optimizer": maximise Σ value·x under the scenario's constraints,
    one block of rows per constraint family."""
    names = _Names()
    prob = pulp.LpProblem("cx_portfolio", pulp.LpMaximize)
    lower, upper = forced_bounds(instance, scenario)
    # binary = integer in [0, 1]; forced items narrow the bounds (PuLP resets LpBinary bounds)
    xs = [
        prob.add_variable(names("x", iid), lowBound=lo, upBound=up, cat=pulp.LpInteger)
        for iid, lo, up in zip(instance.ids, lower.tolist(), upper.tolist(), strict=True)
    ]
    rows = _Rows(prob, names, xs, list(xs))
    _budget_rows(rows, instance, scenario)
    _dependency_rows(rows, instance)
    _exclusive_group_rows(rows, instance)
    _count_cap_row(rows, instance, scenario)
    phases = _phase_cap_rows(rows, instance, scenario)
    _goal_share_rows(rows, instance, scenario)
    _competency_share_rows(rows, instance, scenario)

    prob.setObjective(rows.weighted(instance.value, np.arange(instance.n)))
    by_name: dict[str, Row] = {}
    for constraint, row in rows.constraints:
        prob.addConstraint(constraint)
        by_name[constraint.name] = row
    return PortfolioModel(
        instance=instance,
        scenario=scenario,
        prob=prob,
        x=dict(zip(instance.ids, xs, strict=True)),
        columns=rows.columns,
        rows=by_name,
        lower=lower,
        upper=upper,
        phases=phases,
    )


def _budget_rows(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """Spend ≤ budget, for the total and for each period the scenario caps."""
    for period, amount in scenario.budget_limits.items():
        rows.add(
            rows.weighted(instance.cost_in(period)),
            _LE,
            float(amount),
            Row("budget", period),
            "budget",
            period,
        )
    if needs_budget_sum(instance, scenario):
        costs = sum(instance.period_cost[p] for p in scenario.budget_by_period)
        rhs = float(sum(scenario.budget_by_period.values()))
        rows.add(rows.weighted(costs), _LE, rhs, Row("budget_sum"), "budget_sum")


def _dependency_rows(rows: _Rows, instance: Instance) -> None:
    """An initiative is funded only with its prerequisites: x_k ≤ x_pre."""
    xs = rows.xs
    for k, prerequisites in enumerate(instance.depends_on):
        for pre in prerequisites:
            j = instance.index.get(pre)
            if j is None or j == k:
                continue
            expr = pulp.LpAffineExpression([(xs[k], 1.0), (xs[j], -1.0)])
            rows.add(expr, _LE, 0.0, Row("depends", (instance.ids[k], pre)), "needs", instance.ids[k], pre)


def _exclusive_group_rows(rows: _Rows, instance: Instance) -> None:
    """At most one initiative of each exclusive group."""
    members: dict[str, list[int]] = {}
    for k, g in enumerate(instance.group):
        if g:
            members.setdefault(g, []).append(k)
    for g, ks in members.items():
        if len(ks) > 1:
            expr = pulp.LpAffineExpression([(rows.xs[k], 1.0) for k in ks])
            rows.add(expr, _LE, 1.0, Row("exclusive", g), "exclusive", g)


def _count_cap_row(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """Focus: at most `max_initiatives` funded."""
    if scenario.max_initiatives is not None:
        ones = np.ones(instance.n)
        cap = float(scenario.max_initiatives)
        rows.add(rows.weighted(ones, np.arange(instance.n)), _LE, cap, Row("max_initiatives"), "max_count")


def _phase_cap_rows(rows: _Rows, instance: Instance, scenario: Scenario) -> tuple[str, ...]:
    """Focus: at most `max_phases` journey phases touched, with one binary per phase."""
    if scenario.max_phases is None:
        return ()
    by_phase: dict[str, list[int]] = {}
    for k, p in enumerate(instance.phase):
        if p:
            by_phase.setdefault(p, []).append(k)
    phases = tuple(by_phase)
    ys = [
        rows.prob.add_variable(rows.names("phase", p), lowBound=0, upBound=1, cat=pulp.LpBinary)
        for p in phases
    ]
    rows.columns.extend(ys)
    for p, y in zip(phases, ys, strict=True):
        ks = by_phase[p]
        # aggregated link (few phases, so branching on y is cheap); x in p ⇒ y_p = 1
        expr = pulp.LpAffineExpression([*((rows.xs[k], 1.0) for k in ks), (y, -float(len(ks)))])
        rows.add(expr, _LE, 0.0, Row("phase_link", p), "phase_used", p)
    expr = pulp.LpAffineExpression((y, 1.0) for y in ys)
    rows.add(expr, _LE, float(scenario.max_phases), Row("max_phases"), "max_phases")
    return phases


def _goal_share_rows(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """Focus: each goal gets at least its share of the portfolio's value."""
    for goal_id, share in scenario.min_goal_share.items():
        if share <= 0:
            continue
        # value of goal g ≥ share × portfolio value, made linear
        coefs = instance.goal_value[goal_id] - share * instance.value
        rows.add(rows.weighted(coefs), _GE, 0.0, Row("goal_share", goal_id), "goal_share", goal_id)
    if any(share > 0 for share in scenario.min_goal_share.values()) and instance.value.max(initial=0.0) > 0:
        # an empty portfolio meets every share trivially (0 ≥ s × 0): ask for some value
        floor = 1e-6 * float(instance.value.max())
        everyone = np.arange(instance.n)
        rows.add(
            rows.weighted(instance.value, everyone), _GE, floor, Row("positive_value"), "shares_need_value"
        )


def _competency_share_rows(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """Maturity: at least a share of the spend builds the competency the diagnostic names."""
    for competency, share in scenario.min_competency_share.items():
        if share <= 0:
            continue
        builds = np.array([c == competency for c in instance.competency], dtype=float)
        coefs = builds * instance.cost - share * instance.cost
        row = Row("competency_share", competency)
        rows.add(rows.weighted(coefs), _GE, 0.0, row, "competency_share", competency)
