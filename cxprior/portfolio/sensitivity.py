"""How far each goal's weight can move before the portfolio changes, and the COMEX members' portfolios.

**Goal-weight ranges** (DESIGN.md, "COMEX members' weights and weight sensitivity"). An
initiative's value is linear in the normalised goal weights: value_i = Σ_g w_g · u_ig, with
u_ig = its value points per unit weight of goal g (`Instance.goal_value[g] / w_g`). Moving
goal g's weight to t, the others keeping their relative weights (w_h scaled by
(1 − t) / (1 − w_g)), is the segment w(t) = (1 − t)·w_rest + t·e_g, so every portfolio S is
worth a line F_S(t) = F_S(0) + t·(F_S(1) − F_S(0)), and the best value V(t) = max_S F_S(t) is
convex and piecewise linear. The scenario's portfolio X* (exactly `optimize`'s, tie-break
included) stays an optimal answer while F_X*(t) ≥ V(t) − tolerance: an interval around
today's weight.

Its ends are found by Newton's method on V − F_X*, from the far end (1 upward, 0 downward):
solve at t; if the solver's portfolio S beats X* there, the lines of S and X* cross at
t' = (F_X*(0) − F_S(0)) / (slope_S − slope_X*), beyond which no breakpoint lies nearer t0;
solve at t' … until X* is optimal where we solve. Each step finds a portfolio strictly
better at the previous point, so it ends after a few solves, at the exact crossing (no
bisection, no 1e-3 grid: the interval is exact up to the solver's gap). The portfolios found
by earlier searches (any goal's) are kept in a pool: the nearest point where one of them
beats X* is where the first solve goes, often the answer at once. Ties: X* "stays optimal"
when no portfolio beats it by more than `TIE_TOLERANCE` relative (1e-6, or the scenario's gap
if larger); the solver's own selection is never compared. Past each end: the rival that the
last solve found is, without goal shares, the portfolio just past it (V is convex), minus
what is worth nothing there; otherwise one more solve at `PROBE_STEP` beyond says which
initiatives enter and leave.

ONE model is built and handed to HiGHS once (`HighsSession`), as for the frontier: a weight
vector changes the objective (`set_objective`) and, with minimum goal shares, the
coefficients of the goal-share rows (w_h·u_ih − share·value_i) and of the "portfolio worth
something" row that comes with them, changed in place with `change_coefficient`: no rebuild.

Goal shares move the feasible set with the weights. X* is then also bounded by the weights at
which its own share rows stop holding (computed exactly: each row is affine in t), and a
rival counts only from where its own share rows hold. The Newton argument needs V convex,
which shares can break: rivals allowed only up to a point just inside the last one solved
make a staircase, which the search brackets (the nearest point where a rival is known to
win, the farthest where X* is known optimal) and halves down to `BRACKET` (1e-4); the end
found is then checked once more halfway from t0. A portfolio allowed only inside a window of
weights that no solve falls in would still be missed: with shares the ends are the first
change the solves see, to 1e-4.

Special goals: with one goal its weight is always 100 % ("only_goal"); a goal with no linked
KPI, or whose KPIs no initiative moves, gives u_ig = 0, so its weight only scales every value
by (1 − t): the portfolio holds for every weight below 1 ("no_kpi", "no_impact"), without a
solve.

**Members' portfolios**: each member's optimum under their weights, its value under the
workspace's weights, and the regret (workspace optimum − that). **Core index**: per
initiative, the share of members' portfolios that fund it, and the share of portfolios
optimal for weight vectors drawn uniformly among those that keep every goal within the
members' range (uniform on that polytope of the simplex, by rejection; seeded). Robust
Portfolio Modeling's sets: core (index 1), borderline (between), exterior (0). Those solves
break ties as the robustness analysis does: each initiative's value is lowered by a tiny ε
(10 × the gap × the optimum), so an initiative worth nothing under some weights is not
counted as funded.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from cxprior.domain import (
    Consensus,
    MemberWeights,
    Scenario,
    ScenarioError,
    Scores,
    Workspace,
    consensus_weights,
    score,
)
from cxprior.i18n import format_number, format_percent, tr
from cxprior.portfolio.highs import HighsSession, Outcome
from cxprior.portfolio.infeasible import direct_conflicts, elastic_explanation
from cxprior.portfolio.model import Instance, PortfolioModel, build_model, make_instance
from cxprior.portfolio.solve import check_scenario, drop_worthless, solve_model

TIE_TOLERANCE = 1e-6
PROBE_STEP = 1e-4
MAX_STEPS = 50
DEFAULT_SAMPLES = 100
TIE_BREAK = 10.0
# rejection sampling of the members' polytope gives up below this acceptance rate and
# falls back to the box of ranges, renormalised (said in `CoreIndex.method`)
MIN_ACCEPTANCE = 1e-3
CORE, BORDERLINE, EXTERIOR = "core", "borderline", "exterior"
# how many ids a sentence lists before "and N more"
LIST_LIMIT = 6


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crossing:
    """What happens just past one end of a goal's interval.

    cause: "overtaken" (another portfolio becomes better), "shares" (the minimum goal shares
    no longer allow the portfolio), "infeasible" (past it no portfolio meets the shares).
    """

    weight: float
    enter: tuple[str, ...]
    leave: tuple[str, ...]
    cause: str

    def to_json(self) -> dict[str, object]:
        return {
            "weight": round(self.weight, 6),
            "enter": list(self.enter),
            "leave": list(self.leave),
            "cause": self.cause,
        }


@dataclass(frozen=True)
class GoalRange:
    """The interval of goal `goal_id`'s normalised weight over which the portfolio stays optimal.

    `below` / `above`: what changes past `low` / `high` (None at 0 / 1, where nothing lies
    beyond). `reason`: "" (computed), "only_goal", "no_kpi" or "no_impact" (see module doc).
    `proven`: every solve proved its optimum (False when a time limit stopped one).
    """

    goal_id: str
    name: str
    current: float
    low: float
    high: float
    below: Crossing | None = None
    above: Crossing | None = None
    reason: str = ""
    proven: bool = True

    def to_json(self) -> dict[str, object]:
        return {
            "current": round(self.current, 6),
            "low": round(self.low, 6),
            "high": round(self.high, 6),
            "name": self.name,
            "reason": self.reason or None,
            "below": self.below.to_json() if self.below else None,
            "above": self.above.to_json() if self.above else None,
            "proven": self.proven,
        }


@dataclass(frozen=True)
class MemberPortfolio:
    """One member's optimal portfolio and what adopting it would cost under the agreed weights."""

    member: str
    weights: dict[str, float]
    status: str  # "optimal", "feasible", "time_limit" or "infeasible" (no portfolio meets the shares)
    selected: tuple[str, ...] = ()
    objective_own: float | None = None
    objective_workspace: float | None = None
    regret: float | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "selected": list(self.selected),
            "objective_own": self.objective_own,
            "objective_workspace": self.objective_workspace,
            "regret": self.regret,
            "status": self.status,
            "weights": dict(self.weights),
        }


@dataclass(frozen=True)
class CoreIndex:
    """Per initiative (every one, in id order), the share of the counted portfolios funding it."""

    index: dict[str, float]
    portfolios: int  # portfolios counted (members, or feasible drawn weightings)
    infeasible: int = 0  # weightings under which no portfolio meets the goal shares
    method: str = "members"  # "members", "polytope" or "box"

    def category(self, iid: str) -> str:
        value = self.index[iid]
        if self.portfolios and value >= 1.0:
            return CORE
        return EXTERIOR if value <= 0.0 else BORDERLINE

    def members_of(self, category: str) -> tuple[str, ...]:
        return tuple(i for i in self.index if self.category(i) == category)

    @property
    def core(self) -> tuple[str, ...]:
        return self.members_of(CORE)

    @property
    def borderline(self) -> tuple[str, ...]:
        return self.members_of(BORDERLINE)

    @property
    def exterior(self) -> tuple[str, ...]:
        return self.members_of(EXTERIOR)

    def sets_json(self) -> dict[str, object]:
        return {
            "core": list(self.core),
            "borderline": list(self.borderline),
            "exterior": list(self.exterior),
            "portfolios": self.portfolios,
            "infeasible": self.infeasible,
            "method": self.method,
        }


@dataclass(frozen=True)
class SensitivityResult:
    """Everything `sensitivity` says; `to_json` is the JSON of DESIGN.md (then added fields)."""

    status: str  # the scenario's portfolio: "optimal", "feasible", "time_limit" or "infeasible"
    objective: float | None
    selected: tuple[str, ...]
    weights: dict[str, float]
    ranges: dict[str, GoalRange] = field(default_factory=dict)
    members: dict[str, MemberPortfolio] = field(default_factory=dict)
    member_core: CoreIndex | None = None
    sampled_core: CoreIndex | None = None
    consensus: Consensus | None = None
    samples: int = 0
    seed: int = 0
    explanation: tuple[str, ...] = ()
    solves: int = 0
    seconds: float = 0.0

    @property
    def is_solved(self) -> bool:
        return self.objective is not None and self.status != "infeasible"

    def to_json(self) -> dict[str, object]:
        return {
            "goal_weight_ranges": {g: r.to_json() for g, r in self.ranges.items()},
            "members": {m: p.to_json() for m, p in self.members.items()},
            "core_index": dict(self.member_core.index) if self.member_core else {},
            "status": self.status,
            "objective": self.objective,
            "selected": list(self.selected),
            "weights": dict(self.weights),
            "core_sets": self.member_core.sets_json() if self.member_core else None,
            "sampled_core_index": dict(self.sampled_core.index) if self.sampled_core else {},
            "sampled_core_sets": self.sampled_core.sets_json() if self.sampled_core else None,
            "samples": self.samples,
            "seed": self.seed,
            "consensus": self.consensus.to_json() if self.consensus else None,
            "solver": "highs",
            "solves": self.solves,
            "solve_seconds": round(self.seconds, 4),
            "explanation": list(self.explanation),
        }


# --- one model, re-weighted -------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """A portfolio's value along a path of weights: F(t) = at0 + t · slope."""

    at0: float
    slope: float

    def __call__(self, t: float) -> float:
        return self.at0 + t * self.slope


class _Reweighted:
    """The scenario's model in one HiGHS session, solved under any goal weights."""

    def __init__(
        self,
        instance: Instance,
        scenario: Scenario,
        model: PortfolioModel,
        session: HighsSession,
        weights: dict[str, float],
    ):
        self.instance = instance
        self.scenario = scenario
        self.session = session
        self.goal_ids = tuple(instance.goal_value)
        n = instance.n
        self.weights0 = np.array([weights[g] for g in self.goal_ids], dtype=float)
        self.unit = np.zeros((n, len(self.goal_ids)))
        for k, g in enumerate(self.goal_ids):
            # the goal part is w_g · u_ig (value.py): dividing by today's weight gives u_ig
            if self.weights0[k] > 0:
                self.unit[:, k] = instance.goal_value[g] / self.weights0[k]
        self.active = np.flatnonzero(np.any(self.unit != 0.0, axis=1))
        goal_index = {g: k for k, g in enumerate(self.goal_ids)}
        self.share_rows = [
            (name, goal_index[row.key], float(scenario.min_goal_share[row.key]))
            for name, row in model.rows.items()
            if row.kind == "goal_share"
        ]
        self.positive_rows = model.row_names("positive_value")
        self.extra = np.zeros(session.n_cols - n)
        self.gap = scenario.mip_gap
        self.solves = 0
        self.proven = True
        self._set: tuple[bytes, float] | None = None
        self.values = instance.value

    @property
    def has_shares(self) -> bool:
        return bool(self.share_rows)

    def values_at(self, w: np.ndarray) -> np.ndarray:
        return self.unit @ w

    def set_weights(self, w: np.ndarray, penalty: float = 0.0) -> None:
        key = (np.asarray(w, dtype=float).tobytes(), penalty)
        if self._set == key:
            return
        reweigh = self._set is None or self._set[0] != key[0]
        values = self.values_at(w)
        self.session.set_objective(np.concatenate([values - penalty, self.extra]))
        if reweigh:
            change = self.session.change_coefficient
            active = self.active.tolist()
            for name, h, share in self.share_rows:
                coefs = (w[h] * self.unit[:, h] - share * values).tolist()
                for k in active:
                    change(name, k, coefs[k])
            top = float(values.max(initial=0.0))
            for name in self.positive_rows:
                row_values = values.tolist()
                for k in active:
                    change(name, k, row_values[k])
                # as the optimizer builds it: a floor only when some initiative is worth something
                self.session.set_row_bounds(name, 1e-6 * top if top > 0 else None, None)
        self.values = values
        self._set = key

    def solve(self, start: np.ndarray | None = None) -> Outcome:
        self.solves += 1
        outcome = self.session.solve(gap=self.gap, time_limit=self.scenario.time_limit, start=start)
        if outcome.status not in ("optimal", "infeasible"):
            self.proven = False
        return outcome

    def share_activity(self, w: np.ndarray, x: np.ndarray) -> np.ndarray:
        """The goal-share rows' activity (≥ 0 when met) of portfolio x under weights w,
        then the portfolio's value when the scenario asks for one worth something."""
        values = self.values_at(w)
        rows = [float((w[h] * self.unit[:, h] - share * values) @ x) for _, h, share in self.share_rows]
        if self.positive_rows:
            rows.append(float(values @ x))
        return np.array(rows)

    def allowed(self, x: np.ndarray, wa: np.ndarray, wb: np.ndarray) -> tuple[float, float] | None:
        """The t ∈ [0, 1] where portfolio x meets the goal shares along (1 − t)·wa + t·wb
        (each row is affine in t, so this is one interval), or None if nowhere."""
        if not self.has_shares:
            return 0.0, 1.0
        ra, rb = self.share_activity(wa, x), self.share_activity(wb, x)
        low, high = 0.0, 1.0
        for a, b in zip(ra.tolist(), rb.tolist(), strict=True):
            tol = 1e-9 * max(1.0, abs(a), abs(b))
            slope = b - a
            if abs(slope) <= tol * 1e-3:
                if a < -tol:
                    return None
                continue
            root = (-tol - a) / slope
            if slope > 0:
                low = max(low, root)
            else:
                high = min(high, root)
        return (low, high) if low <= high else None


def _selection(instance: Instance, x: np.ndarray) -> tuple[str, ...]:
    return tuple(instance.ids[k] for k in np.flatnonzero(x > 0.5))


def _tolerance(engine: _Reweighted, value: float) -> float:
    """How much better another portfolio must be to say the portfolio is no longer optimal."""
    return max(TIE_TOLERANCE, engine.gap) * max(1.0, abs(value))


@dataclass(frozen=True)
class _Path:
    """Goal k's weight moving from 0 to 1, the others keeping their relative weights."""

    wa: np.ndarray  # t = 0
    wb: np.ndarray  # t = 1
    va: np.ndarray  # initiative values at t = 0
    vb: np.ndarray  # and at t = 1

    def at(self, t: float) -> np.ndarray:
        return (1.0 - t) * self.wa + t * self.wb

    def line(self, x: np.ndarray) -> _Line:
        fa = float(self.va @ x)
        return _Line(fa, float(self.vb @ x) - fa)


def _path(engine: _Reweighted, k: int) -> _Path:
    wb = np.zeros(len(engine.goal_ids))
    wb[k] = 1.0
    rest = engine.weights0.copy()
    rest[k] = 0.0
    rest = rest / rest.sum()
    return _Path(rest, wb, engine.values_at(rest), engine.values_at(wb))


@dataclass(frozen=True)
class _Lead:
    """Where a rival starts to beat the portfolio, nearest t0: `point`, and whether that is
    where their lines cross (`at_line`: they tie there, so the portfolio may hold at it) or
    where the rival's own goal shares stop holding (it still leads there)."""

    point: float
    at_line: bool


def _crossing(
    engine: _Reweighted, star: _Line, rival: np.ndarray, path: _Path, t0: float, direction: int
) -> _Lead | None:
    """Where `rival` starts to beat the portfolio on t0's `direction` side, where its own goal
    shares hold; None if it does nowhere on that side.

    The rival's lead is affine in t, so it leads on a half-line (or everywhere, or nowhere);
    its shares hold on an interval: the two meet in an interval, whose end nearest t0 is the
    answer."""
    line = path.line(rival)
    lead0, lead_slope = line.at0 - star.at0, line.slope - star.slope
    allowed = engine.allowed(rival, path.wa, path.wb)
    if allowed is None:
        return None
    low, high = allowed
    if direction > 0:
        low = max(low, t0)
    else:
        high = min(high, t0)
    if lead_slope > 0:
        low = max(low, -lead0 / lead_slope)
    elif lead_slope < 0:
        high = min(high, -lead0 / lead_slope)
    elif lead0 <= 0:
        return None
    if low > high + 1e-12:
        return None
    near, far = (low, high) if direction > 0 else (high, low)
    # leading only by a hair (a tie within the tolerance) is no lead: e.g. a rival that ties
    # today and leads only on the other side meets this side at a single point
    lead_near, lead_far = lead0 + near * lead_slope, lead0 + far * lead_slope
    if max(lead_near, lead_far) <= _tolerance(engine, star(far if lead_far >= lead_near else near)):
        return None
    return _Lead(near, lead_near <= _tolerance(engine, star(near)))


@dataclass
class _End:
    """One end of a goal's interval: where, why, and the rival that takes over past it.

    `from_search`: the rival was optimal at the last point solved beyond the end, so without
    goal shares it is the portfolio just past it (V is convex: a better one there would beat
    it where it was optimal); a rival from the pool of known portfolios needs a probe."""

    weight: float
    cause: str  # "limit", "shares" or "overtaken"
    rival: np.ndarray | None = None
    from_search: bool = False


# with goal shares, a bracket [holds, beaten] this narrow ends the search (see `_Search`)
BRACKET = 1e-4
# with goal shares, where between t0 and an end found the portfolio is checked once more
VERIFY_AT = (0.5,)


def _end(
    engine: _Reweighted,
    x_star: np.ndarray,
    path: _Path,
    t0: float,
    direction: int,
    pool: list[np.ndarray],
) -> _End:
    """Where the portfolio stops being optimal going up (+1) or down (−1) from t0 (see
    `_Search`). `pool` holds the portfolios found so far (by any goal's search): the nearest
    point where one of them beats the portfolio is where the first solve goes, often the
    answer at once. New portfolios found are added to it."""
    star = path.line(x_star)
    allowed = engine.allowed(x_star, path.wa, path.wb)
    lo, hi = allowed if allowed is not None else (t0, t0)
    # today's weight is where the portfolio was found optimal: never past it
    bound = max(hi, t0) if direction > 0 else min(lo, t0)
    search = _Search(engine, x_star, star, path, t0, direction, pool, t=bound, good=t0)
    for candidate in pool:
        lead = _crossing(engine, star, candidate, path, t0, direction)
        if lead is not None and (lead.point - search.t) * direction < 0:
            search.t, search.rival, search.at_line = lead.point, candidate, lead.at_line
            search.bad = lead.point
    if search.bad is not None and not search.at_line:
        search.t = (search.good + search.bad) / 2  # the rival still leads at its point
    search.run()
    while engine.has_shares and search.steps < MAX_STEPS and (search.t - t0) * direction > 1e-12:
        if not search.verify():
            break
        search.run()
    if search.steps >= MAX_STEPS:
        engine.proven = False
    t = search.t
    if (t >= 1.0 - 1e-12) if direction > 0 else (t <= 1e-12):
        return _End(1.0 if direction > 0 else 0.0, "limit")
    if search.rival is None:
        return _End(t, "shares")
    return _End(t, "overtaken", search.rival, search.from_search)


@dataclass
class _Search:
    """One end's search: Newton's method on V − F_X*, bracketed.

    `good` is the farthest point from t0 where the portfolio is known optimal, `bad` the
    nearest where a rival is known to beat it. Each solve at t either shows the portfolio
    optimal there (good = t) or returns a rival, which beats it from `_crossing`'s point on
    (bad = that point). The next solve goes to that point when it is where the lines cross
    (Newton's step: without goal shares the first point where the portfolio holds is exact,
    the answer), and otherwise — the rival stops being allowed by its own goal shares just
    inside, a staircase of such rivals can follow — halfway between good and bad (bisection),
    until they are `BRACKET` apart; the end is then `good`."""

    engine: _Reweighted
    x_star: np.ndarray
    star: _Line
    path: _Path
    t0: float
    direction: int
    pool: list[np.ndarray]
    t: float = 0.0
    good: float = 0.0
    bad: float | None = None
    rival: np.ndarray | None = None
    at_line: bool = False  # is t where the rival's line crosses the portfolio's?
    from_search: bool = False
    steps: int = 0

    def _beaten_at(self, t: float) -> np.ndarray | None:
        """Solve at t: the portfolio that beats X* there (beyond the tolerance), or None."""
        self.steps += 1
        engine = self.engine
        engine.set_weights(self.path.at(t))
        outcome = engine.solve(start=self.x_star)
        if outcome.x is None:
            # X* meets the scenario at t, so this is a solver stop, not infeasibility
            engine.proven = False
            return None
        if float(outcome.objective) <= self.star(t) + _tolerance(engine, self.star(t)):
            return None
        self.pool.append(outcome.x)
        return outcome.x

    def _beaten_by(self, found: np.ndarray, at: float) -> None:
        """`found` beats X* at `at`: the bracket and the next point to solve."""
        self.rival, self.from_search = found, True
        lead = _crossing(self.engine, self.star, found, self.path, self.t0, self.direction)
        if lead is None:  # it ties with X* at t0 within the gap
            self.bad, self.t, self.at_line = self.t0, self.t0, True
            return
        if (lead.point - self.good) * self.direction < 0:
            # it beats X* nearer t0 than a point where X* held: the optimal weights are not one
            # interval there; what held says nothing of the points nearer t0
            self.good = self.t0
        self.bad = lead.point
        if lead.at_line:
            self.t, self.at_line = lead.point, True
        else:
            self.t, self.at_line = (self.good + self.bad) / 2, False

    def run(self) -> None:
        d, t0 = self.direction, self.t0
        while self.steps < MAX_STEPS:
            if (self.t - t0) * d <= 1e-12:
                self.t = t0  # optimal at t0 by construction: no solve
                return
            found = self._beaten_at(self.t)
            if found is not None:
                self._beaten_by(found, self.t)
                if self.bad is not None and abs(self.bad - self.good) <= BRACKET and not self.at_line:
                    self.t = self.good
                    return
                continue
            self.good = self.t
            if self.at_line or self.bad is None or abs(self.bad - self.good) <= BRACKET:
                return
            self.t = (self.good + self.bad) / 2

    def verify(self) -> bool:
        """True (and the search set to go on) when a rival beats X* between t0 and the end."""
        for fraction in VERIFY_AT:
            at = self.t0 + fraction * (self.t - self.t0)
            found = self._beaten_at(at)
            if found is not None:
                # what was known to hold beyond `at` says nothing of the points nearer t0
                self.good = self.t0
                self._beaten_by(found, at)
                return True
        return False


def _past(
    engine: _Reweighted,
    model: PortfolioModel,
    x_star: np.ndarray,
    path: _Path,
    end: _End,
    direction: int,
    penalty: float,
) -> Crossing:
    """Which initiatives enter and leave just past an end."""
    probe = min(1.0, max(0.0, end.weight + direction * PROBE_STEP))
    after: np.ndarray | None
    if end.from_search and not engine.has_shares and not model.flexible:
        # the rival is the portfolio just past the end (see `_End`); it leaves out what is
        # worth nothing there, as the optimizer's tie-break would (rows do not move without
        # goal shares, so the model's rows as built are the rows; with flexible starts the
        # rival's starts are not kept, so it is probed)
        values = engine.values_at(path.at(probe))
        probed = replace(model, instance=replace(engine.instance, value=values))
        after = drop_worthless(probed, end.rival, engine.session.arrays)
    else:
        engine.set_weights(path.at(probe), penalty)
        outcome = engine.solve(start=end.rival)
        after = outcome.x
        if after is None and end.rival is None:
            return Crossing(end.weight, (), (), "infeasible")
        if after is None or (np.array_equal(after > 0.5, x_star > 0.5) and end.rival is not None):
            # a step too small to tell them apart at the tolerance: the rival found is the answer
            after = end.rival
    inst = engine.instance
    enter = tuple(inst.ids[k] for k in np.flatnonzero((after > 0.5) & (x_star < 0.5)))
    leave = tuple(inst.ids[k] for k in np.flatnonzero((x_star > 0.5) & (after < 0.5)))
    return Crossing(end.weight, enter, leave, end.cause)


def goal_range(
    engine: _Reweighted,
    model: PortfolioModel,
    workspace: Workspace,
    x_star: np.ndarray,
    k: int,
    penalty: float,
    pool: list[np.ndarray],
) -> GoalRange:
    """Goal k's interval and what changes past each end (see the module doc)."""
    goal_id = engine.goal_ids[k]
    goal = workspace.goal_by_id[goal_id]
    t0 = float(engine.weights0[k])
    if len(engine.goal_ids) == 1 or t0 >= 1.0:
        return GoalRange(goal_id, goal.name, 1.0, 1.0, 1.0, reason="only_goal")
    if not np.any(engine.unit[:, k]):
        linked = any(link.goal_id == goal_id for link in workspace.links)
        return GoalRange(goal_id, goal.name, t0, 0.0, 1.0, reason="no_impact" if linked else "no_kpi")
    path = _path(engine, k)
    proven_before = engine.proven
    engine.proven = True
    sides: dict[int, tuple[float, Crossing | None]] = {}
    for direction in (-1, 1):
        end = _end(engine, x_star, path, t0, direction, pool)
        crossing = None
        if end.cause != "limit":
            crossing = _past(engine, model, x_star, path, end, direction, penalty)
        sides[direction] = (end.weight, crossing)
    proven = engine.proven
    engine.proven = proven_before and proven
    (low, below), (high, above) = sides[-1], sides[1]
    return GoalRange(goal_id, goal.name, t0, low, high, below, above, proven=proven)


# --- members and drawn weightings -------------------------------------------------------------


def _portfolio_under(
    engine: _Reweighted, w: np.ndarray, penalty: float, start: np.ndarray | None
) -> tuple[str, np.ndarray | None]:
    engine.set_weights(w, penalty)
    outcome = engine.solve(start=start)
    if outcome.x is None:
        return ("infeasible" if outcome.status == "infeasible" else "time_limit"), None
    return outcome.status, outcome.x


def member_portfolios(
    engine: _Reweighted, members: MemberWeights, x_star: np.ndarray, penalty: float
) -> dict[str, MemberPortfolio]:
    inst = engine.instance
    base_values = engine.values_at(engine.weights0)
    optimum = float(base_values @ x_star)
    result = {}
    for member, weights in members.weights.items():
        w = np.array([weights[g] for g in engine.goal_ids], dtype=float)
        status, x = _portfolio_under(engine, w, penalty, x_star)
        if x is None:
            result[member] = MemberPortfolio(member, dict(weights), status)
            continue
        own = float(engine.values_at(w) @ x)
        agreed = float(base_values @ x)
        result[member] = MemberPortfolio(
            member, dict(weights), status, _selection(inst, x), own, agreed, optimum - agreed
        )
    return result


def members_core(instance: Instance, portfolios: dict[str, MemberPortfolio]) -> CoreIndex:
    counted = [p for p in portfolios.values() if p.objective_own is not None]
    counts = dict.fromkeys(instance.ids, 0)
    for portfolio in counted:
        for iid in portfolio.selected:
            counts[iid] += 1
    total = len(counted)
    index = {iid: (c / total if total else 0.0) for iid, c in counts.items()}
    return CoreIndex(index, total, len(portfolios) - total, "members")


def draw_weightings(
    ranges: list[tuple[float, float]], count: int, rng: np.random.Generator
) -> tuple[np.ndarray, str]:
    """`count` weight vectors (rows, summing to 1) uniform among those keeping each goal within
    its range: the goal with the widest range takes up the rest (1 − the others), which
    maps the polytope onto a box of the others with a constant Jacobian, so rejection from
    that box is uniform on it. Falls back to the box renormalised (method "box") when almost
    every draw is rejected."""
    lo = np.array([r[0] for r in ranges], dtype=float)
    hi = np.array([r[1] for r in ranges], dtype=float)
    goals = len(ranges)
    if count <= 0 or goals == 0:
        return np.zeros((0, goals)), "polytope"
    width = hi - lo
    if goals == 1 or np.all(width <= 1e-12):
        point = lo / lo.sum() if lo.sum() > 0 else np.full(goals, 1.0 / goals)
        return np.tile(point, (count, 1)), "polytope"
    dep = int(np.argmax(width))
    others = [k for k in range(goals) if k != dep]
    kept: list[np.ndarray] = []
    drawn = 0
    limit = int(count / MIN_ACCEPTANCE)
    batch = max(256, 4 * count)
    while sum(len(a) for a in kept) < count and drawn < limit:
        u = rng.random((batch, len(others)))
        rest = lo[others] + u * width[others]
        last = 1.0 - rest.sum(axis=1)
        ok = (last >= lo[dep] - 1e-12) & (last <= hi[dep] + 1e-12)
        block = np.zeros((int(ok.sum()), goals))
        block[:, others] = rest[ok]
        block[:, dep] = last[ok]
        kept.append(block)
        drawn += batch
    accepted = np.concatenate(kept) if kept else np.zeros((0, goals))
    if len(accepted) >= count:
        return accepted[:count], "polytope"
    box = lo + rng.random((count, goals)) * width
    return box / box.sum(axis=1, keepdims=True), "box"


def sampled_core(
    engine: _Reweighted,
    members: MemberWeights,
    samples: int,
    seed: int,
    penalty: float,
    x_star: np.ndarray,
    progress: Callable[[int, int], None] | None = None,
) -> CoreIndex:
    ranges = members.ranges()
    rng = np.random.default_rng(seed)
    draws, method = draw_weightings([ranges[g] for g in engine.goal_ids], samples, rng)
    counts = np.zeros(engine.instance.n)
    feasible = infeasible = 0
    start: np.ndarray | None = x_star
    for d, w in enumerate(draws):
        _, x = _portfolio_under(engine, w, penalty, start)
        if x is None:
            infeasible += 1
        else:
            counts += x > 0.5
            feasible += 1
            start = x
        if progress is not None:
            progress(d + 1, len(draws))
    index = {
        iid: (float(counts[k]) / feasible if feasible else 0.0) for k, iid in enumerate(engine.instance.ids)
    }
    return CoreIndex(index, feasible, infeasible, method)


# --- the whole analysis -----------------------------------------------------------------------


def weight_sensitivity(
    workspace: Workspace,
    scenario: Scenario,
    *,
    members: MemberWeights | None = None,
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    lang: str = "en",
    scores: Scores | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SensitivityResult:
    """Goal-weight ranges of the scenario's portfolio; with `members`, each member's portfolio,
    the core index over the members and over `samples` weightings drawn within their ranges
    (seeded by `seed`), and the consensus weighting.

    Raises ScenarioError for unknown ids or impossible numbers in the scenario, or members
    who do not weigh the workspace's goals. An infeasible scenario returns status
    "infeasible" with sentences in `explanation` (as `optimize`). The scenario's portfolio is
    `optimize`'s (its solver, gap and tie-break); every re-solve is HiGHS on one model, with
    the scenario's gap and time limit per solve. `progress(done, total)` follows the draws.
    """
    check_scenario(workspace, scenario, lang)
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 0:
        raise ScenarioError(tr("weights.bad_samples", lang, samples=samples))
    goal_ids = tuple(g.goal_id for g in workspace.goals)
    if members is not None and set(members.goal_ids) != set(goal_ids):
        raise ScenarioError(
            tr(
                "weights.members_other_goals",
                lang,
                theirs=", ".join(members.goal_ids) or "–",
                ours=", ".join(goal_ids) or "–",
            )
        )
    began = time.perf_counter()
    scores = scores or score(workspace, lang)
    weights = dict(scores.goal_weight)
    instance = make_instance(workspace, scores)
    conflicts = direct_conflicts(workspace, instance, scenario, lang)
    if conflicts:
        return SensitivityResult("infeasible", None, (), weights, explanation=tuple(conflicts))
    model = build_model(instance, scenario)
    if not model.columns:
        ranges = {
            g.goal_id: GoalRange(g.goal_id, g.name, weights[g.goal_id], 0.0, 1.0, reason="no_impact")
            for g in workspace.goals
        }
        return SensitivityResult("optimal", 0.0, (), weights, ranges, seconds=time.perf_counter() - began)
    session = HighsSession(model)
    solved = solve_model(model, scenario, session=session)
    if solved.status == "infeasible":
        explanation = tuple(elastic_explanation(workspace, model, lang))
        return SensitivityResult("infeasible", None, (), weights, explanation=explanation, solves=1)
    if solved.x is None:
        limit = f"{scenario.time_limit:g}" if scenario.time_limit else "?"
        explanation = (tr("opt.no_solution_in_time", lang, seconds=limit),)
        return SensitivityResult("time_limit", None, (), weights, explanation=explanation, solves=1)
    x_star = solved.x
    if instance.n < 600:
        # many re-solves of a small model: sub-MIP heuristics cost more than they find there
        session.light_heuristics()
    engine = _Reweighted(instance, scenario, model, session, weights)
    engine.solves = 1
    penalty = TIE_BREAK * max(scenario.mip_gap, 1e-6) * max(abs(float(solved.objective or 0.0)), 1.0)
    pool: list[np.ndarray] = []
    ranges = {
        g: goal_range(engine, model, workspace, x_star, k, penalty, pool)
        for k, g in enumerate(engine.goal_ids)
    }
    portfolios: dict[str, MemberPortfolio] = {}
    core = drawn = None
    consensus = None
    if members is not None and len(members):
        portfolios = member_portfolios(engine, members, x_star, penalty)
        core = members_core(instance, portfolios)
        if samples:
            drawn = sampled_core(engine, members, samples, seed, penalty, x_star, progress)
        consensus = consensus_weights(members)
    return SensitivityResult(
        status=solved.status,
        objective=float(solved.objective),
        selected=_selection(instance, x_star),
        weights=weights,
        ranges=ranges,
        members=portfolios,
        member_core=core,
        sampled_core=drawn,
        consensus=consensus,
        samples=samples if drawn is not None else 0,
        seed=seed,
        solves=engine.solves,
        seconds=time.perf_counter() - began,
    )


# --- words and tables for the pages, the pack and the command line ----------------------------


def _percent(share: float, lang: str) -> str:
    return format_percent(share, lang, 1)


def _list(ids: tuple[str, ...], lang: str) -> str:
    """ "A", "A and B", "A, B and C", "A, B, … F and 3 more" (the ids in the given order)."""
    if len(ids) > LIST_LIMIT:
        return f"{', '.join(ids[:LIST_LIMIT])} {tr('opt.and_more', lang, count=len(ids) - LIST_LIMIT)}"
    if len(ids) <= 1:
        return "".join(ids)
    return f"{', '.join(ids[:-1])} {tr('weights.and', lang)} {ids[-1]}"


def change_sentence(crossing: Crossing, side: str, lang: str = "en") -> str:
    """ "Above 47 %, HEL-25 replaces HEL-11." — `side` is "above" or "below"."""
    where = tr(f"weights.side.{side}", lang, weight=_percent(crossing.weight, lang))
    if crossing.cause == "infeasible":
        return tr("weights.change.infeasible", lang, side=where)
    enter, leave = _list(crossing.enter, lang), _list(crossing.leave, lang)
    if crossing.enter and crossing.leave:
        change = tr("weights.change.replace", lang, enter=enter, leave=leave, count=len(crossing.enter))
    elif crossing.enter:
        change = tr("weights.change.enter", lang, enter=enter, count=len(crossing.enter))
    elif crossing.leave:
        change = tr("weights.change.leave", lang, leave=leave, count=len(crossing.leave))
    else:
        change = tr("weights.change.same", lang)
    key = "weights.change.shares" if crossing.cause == "shares" else "weights.change.plain"
    return tr(key, lang, side=where, change=change)


def range_sentences(goal_range: GoalRange, lang: str = "en") -> tuple[str, ...]:
    """The interval in words, then what changes past each end (above first)."""
    r = goal_range
    params = {
        "goal": r.name or r.goal_id,
        "current": _percent(r.current, lang),
        "low": _percent(r.low, lang),
        "high": _percent(r.high, lang),
    }
    if r.reason:
        return (tr(f"weights.range.{r.reason}", lang, **params),)
    opens_low, opens_high = r.low <= 1e-9, r.high >= 1.0 - 1e-9
    if opens_low and opens_high:
        key = "always"
    elif opens_low:
        key = "below"
    elif opens_high:
        key = "above"
    elif r.high - r.low <= 1e-9:
        key = "only_here"
    else:
        key = "between"
    sentences = [tr(f"weights.range.{key}", lang, **params)]
    if r.above is not None:
        sentences.append(change_sentence(r.above, "above", lang))
    if r.below is not None:
        sentences.append(change_sentence(r.below, "below", lang))
    if not r.proven:
        sentences.append(tr("weights.range.unproven", lang))
    return tuple(sentences)


def member_sentences(result: SensitivityResult, lang: str = "en") -> tuple[str, ...]:
    sentences = []
    for portfolio in result.members.values():
        if portfolio.objective_own is None:
            sentences.append(tr("weights.members.infeasible", lang, member=portfolio.member))
            continue
        if portfolio.selected == result.selected:
            own = format_number(portfolio.objective_own, lang, 1)
            sentences.append(tr("weights.members.same", lang, member=portfolio.member, own=own))
            continue
        sentences.append(
            tr(
                "weights.members.portfolio",
                lang,
                member=portfolio.member,
                count=len(portfolio.selected),
                own=format_number(portfolio.objective_own, lang, 1),
                agreed=format_number(portfolio.objective_workspace, lang, 1),
                regret=format_number(max(portfolio.regret or 0.0, 0.0), lang, 1),
            )
        )
    return tuple(sentences)


def core_sentences(result: SensitivityResult, lang: str = "en") -> tuple[str, ...]:
    """The robust core whatever the weights and the disputed initiatives (the pack's half page)."""
    sentences = []
    for key, core in (("members", result.member_core), ("sampled", result.sampled_core)):
        if core is None or not core.portfolios:
            continue
        # each part has its own count, so its own plural form ("1 initiative est financée")
        sentences.append(
            tr(
                f"weights.core.{key}",
                lang,
                count=core.portfolios,
                core=tr(f"weights.core.part.core_{key}", lang, count=len(core.core)),
                borderline=tr(f"weights.core.part.borderline_{key}", lang, count=len(core.borderline)),
                exterior=tr("weights.core.part.exterior", lang, count=len(core.exterior)),
            )
        )
        if core.borderline:
            sentences.append(tr("weights.core.disputed", lang, ids=_list(core.borderline, lang)))
        if key == "sampled" and core.infeasible:
            sentences.append(tr("weights.core.sampled_infeasible", lang, count=core.infeasible))
    if result.consensus is not None:
        weights = ", ".join(f"{g} {_percent(w, lang)}" for g, w in result.consensus.weights.items())
        ratio = format_number(result.consensus.consistency_ratio, lang, 2)
        sentences.append(tr("weights.consensus", lang, weights=weights, ratio=ratio))
    return tuple(sentences)


def ranges_frame(result: SensitivityResult) -> pd.DataFrame:
    """One row per goal: goal_id, name, current, low, high (normalised weights), reason, and
    the ids entering and leaving past each end (comma-separated) — for a bar per goal."""
    rows = []
    for r in result.ranges.values():
        rows.append(
            {
                "goal_id": r.goal_id,
                "name": r.name,
                "current": r.current,
                "low": r.low,
                "high": r.high,
                "reason": r.reason,
                "below_enter": ", ".join(r.below.enter) if r.below else "",
                "below_leave": ", ".join(r.below.leave) if r.below else "",
                "above_enter": ", ".join(r.above.enter) if r.above else "",
                "above_leave": ", ".join(r.above.leave) if r.above else "",
                "proven": r.proven,
            }
        )
    columns = ["goal_id", "name", "current", "low", "high", "reason"]
    columns += ["below_enter", "below_leave", "above_enter", "above_leave", "proven"]
    return pd.DataFrame(rows, columns=columns)


def members_frame(result: SensitivityResult, workspace: Workspace) -> pd.DataFrame:
    """Initiatives × members: initiative_id, name, agreed (in the scenario's portfolio), one
    True/False column per member (in the member's portfolio), core_index (over the members),
    sampled_index (over the drawn weightings, NaN without draws) and category (core,
    borderline, exterior, over the members). Most robust first, then by id."""
    members = list(result.members)
    agreed = set(result.selected)
    chosen = {m: set(p.selected) for m, p in result.members.items()}
    core = result.member_core
    drawn = result.sampled_core
    rows = []
    for initiative in sorted(workspace.initiatives, key=lambda i: i.initiative_id):
        iid = initiative.initiative_id
        row: dict[str, object] = {"initiative_id": iid, "name": initiative.name, "agreed": iid in agreed}
        for member in members:
            row[member] = iid in chosen[member]
        row["core_index"] = core.index.get(iid, 0.0) if core else float("nan")
        row["sampled_index"] = drawn.index.get(iid, 0.0) if drawn else float("nan")
        row["category"] = core.category(iid) if core and iid in core.index else ""
        rows.append(row)
    frame = pd.DataFrame(
        rows, columns=["initiative_id", "name", "agreed", *members, "core_index", "sampled_index", "category"]
    )
    if frame.empty:
        return frame
    return frame.sort_values(
        ["core_index", "initiative_id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
