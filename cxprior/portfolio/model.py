"""The portfolio model: workspace + scenario → one PuLP problem, built in bulk (the "build" step).

`Instance` turns a workspace and its scores into arrays in a fixed column order (sorted by
initiative id, so the same data in any row order gives the same model and portfolio).
`build_model` makes the PuLP problem: one binary variable per initiative id, every
constraint named from the data, and a `rows` table saying what each named row means so the
explanations can speak about it. Expressions are made with `LpAffineExpression(zip(…))`
and constraints created together, never by repeated `+=` of single terms (SOLVER_NOTES.md).

Forced-in, mandatory and forced-out items are variable bounds, not rows: presolve removes
them at once and `infeasible.py` reasons about them directly.

Roadmap (DESIGN.md, "Contract v2 › When and by whom"). An initiative whose `latest_start` is
later than its earliest start is **flexible** (unless the scenario forbids shifting): it gets
one binary start variable per allowed start, s[i, o] for a shift of o periods, with
Σ_o s[i, o] = x_i. Every row whose coefficient depends on the start (a yearly budget, the
implied sum of the period budgets, a team's capacity in a period) takes the shifted
profile through the s variables; a row the start does not change (the total budget, goal
and competency shares, the count) keeps x. `starts_after` (B after A) is x_B ≤ x_A and, for
each start period t of B, "B started by t ⇒ A finished before t":
Σ_{o: start_B(o) ≤ t} s[B, o] ≤ Σ_{j: finish_A(j) < t} s[A, j] (x for a fixed start). Team
capacity rows are Σ effort after shifting ≤ capacity per (team, period). Fixed-start
initiatives cost no extra variable: a workspace without flexible initiatives, start-after
links or capacities builds exactly the v1 model (same rows, columns and order). The start
variables come after the phase variables, and the roadmap rows after the v1 rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pulp

from cxprior.domain import TOTAL_PERIOD, Scenario, Scores, Workspace, fold, phases_of, score, window

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
    # roadmap: positions in `periods` of each earliest start and profile end, the largest shift
    # `latest_start` allows (0: fixed), start-after prerequisites, and team work
    earliest: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int), repr=False)
    end: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int), repr=False)
    max_shift: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int), repr=False)
    starts_after: tuple[tuple[str, ...], ...] = ()
    capacity: dict[tuple[str, str], float] = field(default_factory=dict)  # (team, period) → capacity
    effort: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # team → n × periods

    @property
    def n(self) -> int:
        return len(self.ids)

    def cost_in(self, period: str) -> np.ndarray:
        return self.cost if period == TOTAL_PERIOD else self.period_cost[period]

    @property
    def teams(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(team for team, _ in self.capacity))

    def cost_profile(self) -> np.ndarray:
        """Period costs at the earliest starts, n × periods."""
        if not self.periods:
            return np.zeros((self.n, 0))
        return np.column_stack([self.period_cost[p] for p in self.periods])

    def shifts_allowed(self, scenario: Scenario) -> np.ndarray:
        """The largest shift of each item under the scenario (0 everywhere without shifting)."""
        if not scenario.allow_shift or len(self.max_shift) != self.n:
            return np.zeros(self.n, dtype=int)
        return self.max_shift

    def spend(self, x: np.ndarray, shift: np.ndarray | None = None) -> dict[str, float]:
        """What the portfolio `x` spends per period, each item started `shift` periods late."""
        chosen = np.flatnonzero(np.asarray(x) > 0.5)
        if shift is None or not np.any(shift[chosen]):
            return {p: float(self.period_cost[p][chosen].sum()) for p in self.periods}
        return dict(zip(self.periods, _shifted_sum(self.cost_profile(), chosen, shift).tolist(), strict=True))

    def team_use(self, x: np.ndarray, shift: np.ndarray | None = None) -> dict[str, dict[str, float]]:
        """The portfolio's efforts per team and period, after shifting."""
        chosen = np.flatnonzero(np.asarray(x) > 0.5)
        shift = np.zeros(self.n, dtype=int) if shift is None else shift
        return {
            team: dict(zip(self.periods, _shifted_sum(profile, chosen, shift).tolist(), strict=True))
            for team, profile in self.effort.items()
        }


def shifted_row(profile: np.ndarray, shift: int) -> np.ndarray:
    """One item's per-period profile started `shift` periods later (what passes the end is lost)."""
    if shift <= 0:
        return profile
    moved = np.zeros_like(profile)
    moved[shift:] = profile[: len(profile) - shift]
    return moved


def _shifted_sum(profile: np.ndarray, chosen: np.ndarray, shift: np.ndarray) -> np.ndarray:
    total = np.zeros(profile.shape[1])
    for o in np.unique(shift[chosen]):
        rows = chosen[shift[chosen] == o]
        total += shifted_row(profile[rows].sum(axis=0), int(o))
    return total


def make_instance(workspace: Workspace, scores: Scores | None = None) -> Instance:
    scores = scores or score(workspace)
    initiatives = sorted(workspace.initiatives, key=lambda i: i.initiative_id)
    ids = tuple(i.initiative_id for i in initiatives)
    goal_ids = [g.goal_id for g in workspace.goals]
    periods = tuple(workspace.periods)
    efforts = workspace.efforts_by_initiative
    windows = [window(i, periods, efforts.get(i.initiative_id, ())) for i in initiatives]
    position = {p: t for t, p in enumerate(periods)}
    row_of = {iid: k for k, iid in enumerate(ids)}
    teams = workspace.teams
    effort = {team: np.zeros((len(ids), len(periods))) for team in teams}
    for e in workspace.efforts:
        if e.team in effort and e.initiative_id in row_of and e.period in position:
            effort[e.team][row_of[e.initiative_id], position[e.period]] += e.effort
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
        periods=periods,
        index=row_of,
        earliest=np.array([w.earliest for w in windows], dtype=int),
        end=np.array([w.end for w in windows], dtype=int),
        max_shift=np.array([w.max_shift for w in windows], dtype=int),
        starts_after=tuple(i.starts_after for i in initiatives),
        capacity={(c.team, c.period): float(c.capacity) for c in workspace.capacities},
        effort=effort,
    )


@dataclass(frozen=True)
class Row:
    """What one named row of the model stands for.

    kind: "budget" (key = period or "total"), "budget_sum" (the implied sum of the period
    budgets), "depends" (key = (item, prerequisite)),
    "exclusive" (key = group), "max_initiatives", "phase_link" (key = phase),
    "max_phases", "goal_share" (key = goal id), "positive_value" (with goal shares: the
    portfolio must be worth something), "competency_share" (key = competency), "phase_share"
    (key = phase, as the scenario names it).
    Roadmap: "start_choice" (key = item: one start if funded), "after_funding" (key = (item,
    the one it starts after)), "starts_after" (key = (item, other, start period t): started by
    t only once the other finished), "capacity" (key = (team, period)).
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
    columns: list[pulp.LpVariable]  # x in column order, one variable per phase, then the starts
    rows: dict[str, Row]  # by constraint name, in the problem's order
    lower: np.ndarray  # bounds of the x columns: 1 for forced in, 0 for forced out
    upper: np.ndarray
    phases: tuple[str, ...] = ()
    # start variables (after the phase columns): their column, item and shift in periods
    start_cols: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    start_item: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    start_shift: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    capacity: dict[tuple[str, str], float] = field(default_factory=dict)  # with the overrides

    def row_names(self, kind: str) -> list[str]:
        return [name for name, row in self.rows.items() if row.kind == kind]

    @property
    def flexible(self) -> bool:
        return len(self.start_cols) > 0

    def max_shift(self) -> np.ndarray:
        """The largest shift of each item in this model (0 for a fixed start)."""
        largest = np.zeros(self.instance.n, dtype=int)
        np.maximum.at(largest, self.start_item, self.start_shift)
        return largest

    def shift_of(self, values: np.ndarray) -> np.ndarray:
        """Per item, the shift its start variables choose in a full column vector (0 if none)."""
        shift = np.zeros(self.instance.n, dtype=int)
        if self.flexible:
            on = np.asarray(values)[self.start_cols] > 0.5
            shift[self.start_item[on]] = self.start_shift[on]
        return shift

    def full_solution(self, x: np.ndarray, shift: np.ndarray | None = None) -> np.ndarray:
        """Every column's value for the portfolio `x` started with `shift`: a phase variable is 1
        where a funded item needs it, a start variable where its item starts."""
        inst = self.instance
        full = np.zeros(len(self.columns))
        full[: inst.n] = x
        touched = {inst.phase[k] for k in np.flatnonzero(np.asarray(x) > 0.5)}
        for offset, phase in enumerate(self.phases):
            full[inst.n + offset] = 1.0 if phase in touched else 0.0
        if self.flexible:
            shift = np.zeros(inst.n, dtype=int) if shift is None else shift
            on = (np.asarray(x)[self.start_item] > 0.5) & (shift[self.start_item] == self.start_shift)
            full[self.start_cols[on]] = 1.0
        return full

    def columns_of(self, k: int) -> np.ndarray:
        """Item k's columns: its x, then its start variables."""
        return np.concatenate([[k], self.start_cols[self.start_item == k]]).astype(int)

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
class _Starts:
    """The start variables of the flexible items: per item (column k), one per shift 0..K."""

    items: list[int] = field(default_factory=list)
    variables: list[list[pulp.LpVariable]] = field(default_factory=list)

    def of(self) -> dict[int, list[pulp.LpVariable]]:
        return dict(zip(self.items, self.variables, strict=True))


@dataclass
class _Rows:
    """The model under construction: columns so far, and each row with what it stands for."""

    prob: pulp.LpProblem
    names: _Names
    xs: list[pulp.LpVariable]
    columns: list[pulp.LpVariable]
    constraints: list[tuple[pulp.LpConstraint, Row]] = field(default_factory=list)
    starts: _Starts = field(default_factory=_Starts)

    def add(self, expr: pulp.LpAffineExpression, sense: int, rhs: float, row: Row, *name_parts: str) -> None:
        self.constraints.append((pulp.LpConstraint(expr, sense, self.names(*name_parts), rhs), row))

    def weighted(self, coefs: np.ndarray, where: np.ndarray | None = None) -> pulp.LpAffineExpression:
        """Σ coef·x over `where` (by default the items with a non-zero coefficient)."""
        return _expr(self.xs, coefs, np.flatnonzero(coefs) if where is None else where)

    def timed(self, coefs: np.ndarray, profile: np.ndarray, weights: np.ndarray) -> pulp.LpAffineExpression:
        """Σ coef·x for the fixed items; for a flexible item whose coefficient depends on its start,
        Σ_o (shifted profile · weights)·s[o] instead (`coefs` are the values at the earliest
        starts, computed as v1 does, so a model without flexible items is v1's to the bit)."""
        if not self.starts.items:
            return self.weighted(coefs)
        items = np.array(self.starts.items)
        sizes = np.array([len(v) for v in self.starts.variables])
        # values[j, o]: flexible item j's coefficient when started o periods late (NaN: not allowed)
        ours = profile[items]
        values = np.full((len(items), int(sizes.max())), np.nan)
        for o in range(values.shape[1]):
            moved = np.zeros_like(ours)
            moved[:, o:] = ours[:, : ours.shape[1] - o]
            values[:, o] = np.where(sizes > o, moved @ weights, np.nan)
        allowed = ~np.isnan(values)
        first = values[:, :1]
        same = np.where(allowed, np.isclose(values, first, rtol=1e-12, atol=0.0), True).all(axis=1)
        coefs = np.array(coefs, dtype=float)
        coefs[items[~same]] = 0.0  # these take the row through their start variables
        expr = self.weighted(coefs)
        varying = (~same)[:, None] & allowed & (np.nan_to_num(values) != 0)
        rows, shifts = np.nonzero(varying)
        if len(rows):
            extra = [
                (self.starts.variables[j][o], float(values[j, o]))
                for j, o in zip(rows.tolist(), shifts.tolist(), strict=True)
            ]
            expr = pulp.LpAffineExpression([*expr.items(), *extra])
        return expr


_LE, _GE, _EQ = pulp.LpConstraintLE, pulp.LpConstraintGE, pulp.LpConstraintEQ


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
    _start_variables(rows, instance, scenario)
    _budget_rows(rows, instance, scenario)
    _dependency_rows(rows, instance)
    _exclusive_group_rows(rows, instance)
    _count_cap_row(rows, instance, scenario)
    phases = _phase_cap_rows(rows, instance, scenario)
    _goal_share_rows(rows, instance, scenario)
    _competency_share_rows(rows, instance, scenario)
    _phase_share_rows(rows, instance, scenario)
    # the roadmap: after every v1 family, and its columns after the phase variables
    start_cols, start_item, start_shift = _start_columns(rows)
    _start_choice_rows(rows, instance)
    _starts_after_rows(rows, instance, scenario)
    capacity = capacity_limits(instance, scenario)
    _capacity_rows(rows, instance, capacity)

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
        start_cols=start_cols,
        start_item=start_item,
        start_shift=start_shift,
        capacity=capacity,
    )


def capacity_limits(instance: Instance, scenario: Scenario) -> dict[tuple[str, str], float]:
    """(team, period) → capacity: the Capacity sheet's, with the scenario's overrides."""
    limits = dict(instance.capacity)
    for team, by_period in scenario.capacity_overrides.items():
        for period, amount in by_period.items():
            limits[team, period] = float(amount)
    return limits


def _start_variables(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """One binary per allowed start of each flexible item (added to the columns later)."""
    allowed = instance.shifts_allowed(scenario)
    for k in np.flatnonzero(allowed > 0):
        first = int(instance.earliest[k])
        variables = [
            rows.prob.add_variable(
                rows.names("start", instance.ids[k], instance.periods[first + o]),
                lowBound=0,
                upBound=1,
                cat=pulp.LpBinary,
            )
            for o in range(int(allowed[k]) + 1)
        ]
        rows.starts.items.append(int(k))
        rows.starts.variables.append(variables)


def _start_columns(rows: _Rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    first = len(rows.columns)
    cols, items, shifts = [], [], []
    for k, variables in zip(rows.starts.items, rows.starts.variables, strict=True):
        for o, variable in enumerate(variables):
            cols.append(first + len(cols))
            items.append(k)
            shifts.append(o)
            rows.columns.append(variable)
    return np.array(cols, dtype=int), np.array(items, dtype=int), np.array(shifts, dtype=int)


def _start_choice_rows(rows: _Rows, instance: Instance) -> None:
    """A funded flexible item starts once: Σ_o s[o] = x."""
    for k, variables in zip(rows.starts.items, rows.starts.variables, strict=True):
        expr = pulp.LpAffineExpression([(rows.xs[k], -1.0), *((v, 1.0) for v in variables)])
        iid = instance.ids[k]
        rows.add(expr, _EQ, 0.0, Row("start_choice", iid), "starts_once", iid)


def _starts_after_rows(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """B starts after A: A funded (x_B ≤ x_A) and finished before B starts (see module doc)."""
    starts = rows.starts.of()
    allowed = instance.shifts_allowed(scenario)
    for b, others in enumerate(instance.starts_after):
        for other in others:
            a = instance.index.get(other)
            if a is None or a == b:
                continue
            bid = instance.ids[b]
            expr = pulp.LpAffineExpression([(rows.xs[b], 1.0), (rows.xs[a], -1.0)])
            rows.add(expr, _LE, 0.0, Row("after_funding", (bid, other)), "after", bid, other)
            b_starts = starts.get(b, [rows.xs[b]])
            a_starts = starts.get(a, [rows.xs[a]])
            a_finish = [int(instance.end[a]) + j for j in range(int(allowed[a]) + 1)]
            for o in range(len(b_starts)):
                t = int(instance.earliest[b]) + o
                finished = [v for v, f in zip(a_starts, a_finish, strict=True) if f < t]
                if len(finished) == len(a_starts):
                    break  # from t on, every start of A is over: x_B ≤ x_A says the rest
                expr = pulp.LpAffineExpression(
                    [*((v, 1.0) for v in b_starts[: o + 1]), *((v, -1.0) for v in finished)]
                )
                period = instance.periods[t]
                rows.add(
                    expr, _LE, 0.0, Row("starts_after", (bid, other, period)), "after", bid, other, period
                )


def _capacity_rows(rows: _Rows, instance: Instance, capacity: dict[tuple[str, str], float]) -> None:
    """Each team's efforts in a period, after shifting, fit its capacity."""
    position = {p: t for t, p in enumerate(instance.periods)}
    for (team, period), amount in capacity.items():
        profile = instance.effort.get(team)
        if profile is None or period not in position:
            continue
        t = position[period]
        weights = np.zeros(len(instance.periods))
        weights[t] = 1.0
        expr = rows.timed(profile[:, t], profile, weights)
        if len(expr):
            rows.add(expr, _LE, float(amount), Row("capacity", (team, period)), "capacity", team, period)


def _budget_rows(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """Spend ≤ budget, for the total and for each period the scenario caps."""
    profile = instance.cost_profile() if rows.starts.items else None
    for period, amount in scenario.budget_limits.items():
        if period == TOTAL_PERIOD or profile is None:  # shifting never changes the total cost
            expr = rows.weighted(instance.cost_in(period))
        else:
            expr = rows.timed(instance.cost_in(period), profile, _selector(instance, [period]))
        rows.add(expr, _LE, float(amount), Row("budget", period), "budget", period)
    if needs_budget_sum(instance, scenario):
        costs = sum(instance.period_cost[p] for p in scenario.budget_by_period)
        rhs = float(sum(scenario.budget_by_period.values()))
        if profile is None:
            expr = rows.weighted(costs)
        else:
            expr = rows.timed(costs, profile, _selector(instance, list(scenario.budget_by_period)))
        rows.add(expr, _LE, rhs, Row("budget_sum"), "budget_sum")


def _selector(instance: Instance, periods: list[str]) -> np.ndarray:
    return np.array([1.0 if p in periods else 0.0 for p in instance.periods])


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


def _phase_share_rows(rows: _Rows, instance: Instance, scenario: Scenario) -> None:
    """Listening: at least a share of the spend goes to a journey phase (names compared folded).
    An item of the phase spends all its cost there, a transition "A > B" half in each."""
    for phase, share in scenario.min_phase_share.items():
        if share <= 0:
            continue
        wanted = fold(phase)
        in_phase = np.array(
            [
                sum(fold(p) == wanted for p in parts) / len(parts) if (parts := phases_of(jp)) else 0.0
                for jp in instance.phase
            ]
        )
        # Σ spend_in_phase·x ≥ share × Σ cost·x, made linear
        coefs = (in_phase - share) * instance.cost
        rows.add(rows.weighted(coefs), _GE, 0.0, Row("phase_share", phase), "phase_share", phase)
