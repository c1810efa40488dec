"""Explanations of a solved portfolio, in words a COMEX member understands.

- Every initiative left out gets a reason (`ExclusionReason`): forced out; a prerequisite
  forced out or not funded; its exclusive group went to another; it adds no value; the
  focus caps (count, journey phases) are full; or no room at the margin — with how much
  cheaper (`cost_cut_needed`, all its period costs cut in the same proportion) or how
  much more valuable (`value_gain_needed`) it would need to be to get in.
- The value of more budget: for each budget, re-solved with 10 % more (not LP duals, which
  mean nothing on a MILP), as value points per extra euro.
- The value given up by each forced-in item: re-solved without forcing it.
- Focus indicators: count, phases touched, share of spend in the top phase, and the
  Herfindahl–Hirschman concentration of spend across phases.

Roadmap: an initiative that starts after one not funded is left out for that
("prerequisite"); one that must start after a funded initiative that finishes too late for
its latest start, for timing ("timing"); one that would fit the budgets beside the funded
portfolio at some start it may take, but not a team's capacity, for want of capacity
("capacity": which team lacks how much in which period at its best start, and the first
later start, beyond its window, where it would fit). For flexible items the exact cost cut
is the least over their allowed starts (one re-solve per start, the start fixed), and the
swap estimate uses the funded items' shifted spend.

Margins are exact re-solves up to `EXACT_EXPLAIN_LIMIT` initiatives when the portfolio was
easy to solve (`EXACT_EXPLAIN_MAX_NODES`): two small MILPs per left-out item (the best portfolio that
includes it gives `value_gain_needed`; the least proportional cost cut that lets a
portfolio with it reach the optimum gives `cost_cut_needed`). Otherwise re-solving per item
would take minutes, so the margin is the cheapest swap: drop the funded items of lowest
value per euro (never forced ones nor prerequisites of funded ones) until the item fits;
the value so lost, less its own value, is the value it would need, and the cost cut is what
it must shed for the swap to pay. Such messages start with "Estimate:".
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from cxprior.domain import TOTAL_PERIOD, ExclusionReason, PortfolioResult, Workspace
from cxprior.i18n import format_money, format_number, tr
from cxprior.portfolio.highs import INF, HighsSession
from cxprior.portfolio.model import PortfolioModel, shifted_row
from cxprior.portfolio.solve import Solved

EXACT_EXPLAIN_LIMIT = 150
# ... and only when the portfolio itself was easy: two re-solves per left-out item of a model
# that takes seconds (Chu–Beasley's 100 items: 11 s) would take an hour. Nodes, not seconds,
# so the same input always gets the same kind of explanation.
EXACT_EXPLAIN_MAX_NODES = 2000
MARGINAL_STEP = 0.10
# auxiliary re-solves on big models: a looser gap and a clock (a warm start keeps them honest:
# the value found is never below the portfolio they start from)
AUX_GAP_LARGE = 1e-4
AUX_TIME_LIMIT = 10.0


def _name(model: PortfolioModel, iid: str) -> str:
    inst = model.instance
    name = inst.names[inst.index[iid]]
    return f"{iid} ({name})" if name and name != iid else iid


def _points(value: float, lang: str) -> str:
    return format_number(value, lang, 1)


def explain_portfolio(
    workspace: Workspace,
    model: PortfolioModel,
    solved: Solved,
    result: PortfolioResult,
    *,
    lang: str = "en",
    session: HighsSession | None = None,
) -> PortfolioResult:
    """`result` with exclusions, forced-in costs and marginal values filled in."""
    assert solved.x is not None and solved.objective is not None
    x = np.asarray(solved.x, dtype=float)
    shift = solved.shift if solved.shift is not None else np.zeros(model.instance.n, dtype=int)
    best = float(solved.objective)
    session = session or HighsSession(model)
    # re-solves warm-start from the portfolio: every column of it on a roadmap model
    start = model.full_solution(x, shift) if model.flexible else x
    seconds = float(solved.seconds)
    exact = (
        model.instance.n <= EXACT_EXPLAIN_LIMIT
        and solved.nodes <= EXACT_EXPLAIN_MAX_NODES
        and solved.status == "optimal"
    )
    gap = model.scenario.mip_gap if exact else max(model.scenario.mip_gap, AUX_GAP_LARGE)
    # a clock on every re-solve, never longer than the user allowed the portfolio itself
    limit = max(2.0, 10 * seconds) if exact else AUX_TIME_LIMIT
    if model.scenario.time_limit is not None:
        limit = min(limit, model.scenario.time_limit)
    return replace(
        result,
        exclusions=tuple(_exclusions(model, session, x, shift, best, gap, limit, exact, lang)),
        forced_in_cost=_forced_in_cost(model, session, start, best, gap, limit),
        marginal_value_per_euro=_marginal_values(model, session, start, best, gap, limit),
    )


def _solve_value(session: HighsSession, model: PortfolioModel, gap: float, limit: float | None, start=None):
    out = session.solve(gap=gap, time_limit=limit, start=start)
    if out.x is None:
        return None
    return float(model.instance.value @ out.x)


def _forced_in_cost(
    model: PortfolioModel, session: HighsSession, x: np.ndarray, best: float, gap: float, limit: float | None
) -> dict[str, float]:
    inst = model.instance
    costs: dict[str, float] = {}
    for iid in model.scenario.force_in:
        k = inst.index[iid]
        if inst.mandatory[k]:
            continue
        session.set_x_bounds(np.array([k]), np.array([0.0]), np.array([model.upper[k]]))
        try:
            without = _solve_value(session, model, gap, limit, start=x)
        finally:
            session.set_x_bounds(np.array([k]), np.array([model.lower[k]]), np.array([model.upper[k]]))
        if without is not None:
            costs[iid] = max(0.0, without - best)
    return costs


def _marginal_values(
    model: PortfolioModel, session: HighsSession, x: np.ndarray, best: float, gap: float, limit: float | None
) -> dict[str, float]:
    inst = model.instance
    values: dict[str, float] = {}
    limits = model.scenario.budget_limits
    for period in model.budget_rows():
        amount = limits[period]
        step = MARGINAL_STEP * amount if amount > 0 else MARGINAL_STEP * float(inst.cost_in(period).sum())
        if step <= 0:
            continue
        for row, bound in model.budget_bounds({period: amount + step}).items():
            session.set_row_bounds(row, None, bound)
        try:
            more = _solve_value(session, model, gap, limit, start=x)
        finally:
            for row, bound in model.budget_bounds(limits).items():
                session.set_row_bounds(row, None, bound)
        if more is not None:
            values[period] = max(0.0, more - best) / step
    return values


# --- exclusions ------------------------------------------------------------------------


def _exclusions(
    model: PortfolioModel,
    session: HighsSession,
    x: np.ndarray,
    shift: np.ndarray,
    best: float,
    gap: float,
    limit: float | None,
    exact: bool,
    lang: str,
) -> list[ExclusionReason]:
    inst = model.instance
    scenario = model.scenario
    chosen = x > 0.5
    selected_group = {inst.group[k]: inst.ids[k] for k in np.flatnonzero(chosen) if inst.group[k]}
    touched = {inst.phase[k] for k in np.flatnonzero(chosen) if inst.phase[k]}
    count_full = scenario.max_initiatives is not None and chosen.sum() >= scenario.max_initiatives
    phases_full = scenario.max_phases is not None and len(touched) >= scenario.max_phases
    out = set(scenario.force_out)

    structural: dict[int, ExclusionReason] = {}
    margin_items: list[int] = []
    for k in np.flatnonzero(~chosen):
        iid = inst.ids[k]
        # what it starts after must be funded too: like a prerequisite, it can be left out
        prerequisites = [p for p in (*inst.depends_on[k], *inst.starts_after[k]) if p in inst.index]
        if iid in out:
            reason = scenario.force_reasons.get(iid, "")
            message = (
                tr("opt.why.forced_out_reason", lang, reason=reason)
                if reason
                else tr("opt.why.forced_out", lang)
            )
            structural[k] = ExclusionReason(iid, "forced_out", message)
        elif blocked := [p for p in prerequisites if p in out]:
            structural[k] = ExclusionReason(
                iid,
                "prerequisite",
                tr(
                    "opt.why.prerequisite_out",
                    lang,
                    prerequisites=", ".join(_name(model, p) for p in blocked),
                ),
                other_ids=tuple(blocked),
            )
        elif inst.value[k] <= 0:
            key = "opt.why.no_value" if inst.value[k] == 0 else "opt.why.negative_value"
            structural[k] = ExclusionReason(
                iid, "no_value", tr(key, lang, value=_points(inst.value[k], lang))
            )
        else:
            margin_items.append(int(k))

    margins = (
        _exact_margins(model, session, margin_items, best, gap, limit)
        if exact
        else _swap_margins(model, x, margin_items, shift)
    )
    reasons = dict(structural)
    fit = _Fit(model, x, shift) if margin_items else None
    for k in margin_items:
        iid = inst.ids[k]
        missing = [p for p in inst.depends_on[k] if p in inst.index and not chosen[inst.index[p]]]
        after = [p for p in inst.starts_after[k] if p in inst.index and not chosen[inst.index[p]]]
        cut, gain = margins.get(k, (None, None))
        late = fit.too_late(k) if fit is not None else None
        capacity = fit.capacity(k) if fit is not None and late is None else None
        if missing:
            code = "prerequisite"
            lead = tr("opt.why.prerequisite", lang, prerequisites=", ".join(_name(model, p) for p in missing))
            others = tuple(missing)
        elif after:
            code = "prerequisite"
            lead = tr(
                "opt.road.why.after_unfunded", lang, prerequisites=", ".join(_name(model, p) for p in after)
            )
            others = tuple(after)
        elif late is not None:
            other, finish, latest = late
            code = "timing"
            reasons[k] = ExclusionReason(
                iid,
                code,
                tr("opt.road.why.after_late", lang, other=_name(model, other), finish=finish, latest=latest),
                (other,),
                cut,
                gain,
            )
            continue
        elif inst.group[k] in selected_group:
            code = "exclusive_group"
            winner = selected_group[inst.group[k]]
            lead = tr("opt.why.exclusive", lang, group=inst.group[k], winner=_name(model, winner))
            others = (winner,)
        elif count_full:
            code = "focus"
            limit = scenario.max_initiatives
            lead = tr("opt.why.focus_count", lang, limit=limit, count=limit)
            others = ()
        elif phases_full and inst.phase[k] not in touched:
            code = "focus"
            limit = scenario.max_phases
            lead = tr("opt.why.focus_phases", lang, limit=limit, count=limit, phase=inst.phase[k])
            others = ()
        elif capacity is not None:
            needed, later = capacity
            message = _capacity_sentence(needed, later, lang)
            reasons[k] = ExclusionReason(iid, "capacity", message, (), cut, gain, tuple(needed), later)
            continue
        else:
            code = "no_room"
            lead = tr("opt.why.no_room", lang)
            others = ()
        message = f"{lead} {_margin_sentence(inst.cost[k], cut, gain, best, exact, lang)}"
        reasons[k] = ExclusionReason(iid, code, message, others, cut, gain)
    return [reasons[k] for k in sorted(reasons)]


def _amount(value: float, lang: str) -> str:
    return format_number(value, lang, 0 if float(value).is_integer() else 1)


def _capacity_sentence(needed: list[tuple[str, str, float]], later: str | None, lang: str) -> str:
    """ "Left out for want of capacity in team X in 2026; it would fit if X had N more
    person-days, or if it could start in 2028." """
    unit = tr("opt.road.unit", lang)
    joiner = tr("opt.road.and", lang)
    where = joiner.join(tr("opt.road.where", lang, team=team, period=period) for team, period, _ in needed)
    if len(needed) == 1:
        team, _, more = needed[0]
        needs = tr("opt.road.need_one", lang, team=team, more=_amount(more, lang), unit=unit)
    else:
        needs = joiner.join(
            tr("opt.road.need_in", lang, team=team, period=period, more=_amount(more, lang), unit=unit)
            for team, period, more in needed
        )
    tail = tr("opt.road.or_later", lang, period=later) if later else ""
    return tr("opt.road.why.capacity", lang, where=where, needs=needs, later=tail)


class _Fit:
    """Whether a left-out item would fit beside the funded portfolio, start by start."""

    def __init__(self, model: PortfolioModel, x: np.ndarray, shift: np.ndarray) -> None:
        inst = model.instance
        self.model = model
        self.x = x
        self.shift = shift
        self.allowed = model.max_shift()
        self.profile = inst.cost_profile()
        self.spend = inst.spend(x, shift)
        self.total = float(inst.cost[x > 0.5].sum())
        self.use = inst.team_use(x, shift)
        self.limits = model.scenario.budget_limits

    def _finish(self, k: int) -> int:
        return int(self.model.instance.end[k] + self.shift[k])

    def too_late(self, k: int) -> tuple[str, str, str] | None:
        """(other, its finish, my latest start) when a funded item I start after finishes too late."""
        inst = self.model.instance
        if not inst.periods:
            return None
        latest = int(inst.earliest[k] + self.allowed[k])
        for other in inst.starts_after[k]:
            a = inst.index.get(other)
            if a is not None and self.x[a] > 0.5 and self._finish(a) >= latest:
                return other, inst.periods[self._finish(a)], inst.periods[latest]
        return None

    def _start_ok(self, k: int, o: int) -> bool:
        inst = self.model.instance
        first = int(inst.earliest[k]) + o
        return all(
            self._finish(inst.index[a]) < first
            for a in inst.starts_after[k]
            if a in inst.index and self.x[inst.index[a]] > 0.5
        )

    def _budgets_ok(self, k: int, o: int) -> bool:
        inst = self.model.instance
        moved = shifted_row(self.profile[k], o)
        for key, limit in self.limits.items():
            spent = (
                self.total + inst.cost[k]
                if key == TOTAL_PERIOD
                else self.spend[key] + moved[inst.periods.index(key)]
            )
            if spent > limit + 1e-9 * max(1.0, abs(limit)):
                return False
        return True

    def _short(self, k: int, o: int) -> list[tuple[str, str, float]]:
        inst = self.model.instance
        short = []
        for (team, period), limit in self.model.capacity.items():
            profile = inst.effort.get(team)
            if profile is None or period not in inst.periods:
                continue
            t = inst.periods.index(period)
            more = shifted_row(profile[k], o)[t]
            if more <= 0:
                continue
            lack = self.use[team][period] + more - limit
            if lack > 1e-9 * max(1.0, abs(limit)):
                short.append((team, period, float(lack)))
        return sorted(short, key=lambda s: (-s[2], s[0], s[1]))

    def capacity(self, k: int) -> tuple[list[tuple[str, str, float]], str | None] | None:
        """(what it lacks at its best start, the first later start that fits) when only team
        capacity keeps it out beside the funded portfolio; None otherwise."""
        inst = self.model.instance
        if not self.model.capacity or not inst.periods:
            return None
        horizon = len(inst.periods) - 1 - int(inst.end[k])
        best: list[tuple[str, str, float]] | None = None
        for o in range(int(self.allowed[k]) + 1):
            if not (self._start_ok(k, o) and self._budgets_ok(k, o)):
                continue
            short = self._short(k, o)
            if not short:
                return None  # it fits here: something else keeps it out
            if best is None or sum(s[2] for s in short) < sum(s[2] for s in best):
                best = short
        if best is None:
            return None
        later = next(
            (
                inst.periods[int(inst.earliest[k]) + o]
                for o in range(int(self.allowed[k]) + 1, horizon + 1)
                if self._start_ok(k, o) and self._budgets_ok(k, o) and not self._short(k, o)
            ),
            None,
        )
        return best, later


def _margin_sentence(
    cost: float, cut: float | None, gain: float | None, best: float, exact: bool, lang: str
) -> str:
    prefix = "" if exact else tr("opt.margin.estimate", lang) + " "
    if gain is not None and gain <= 1e-6 * max(1.0, abs(best)):
        return tr("opt.margin.tie", lang)
    if cut is not None and gain is not None:
        text = tr(
            "opt.margin.both",
            lang,
            cut=format_money(cut, lang),
            new=format_money(max(0.0, cost - cut), lang),
            cost=format_money(cost, lang),
            gain=_points(gain, lang),
        )
    elif gain is not None:
        text = tr("opt.margin.value_only", lang, gain=_points(gain, lang))
    elif cut is not None:
        text = tr(
            "opt.margin.cost_only",
            lang,
            cut=format_money(cut, lang),
            new=format_money(max(0.0, cost - cut), lang),
            cost=format_money(cost, lang),
        )
    else:
        return tr("opt.margin.none", lang)
    return prefix + text


def _exact_margins(
    model: PortfolioModel,
    session: HighsSession,
    items: list[int],
    best: float,
    gap: float,
    limit: float | None,
) -> dict[int, tuple[float | None, float | None]]:
    """Per item: (cost cut needed, value gain needed), each from one re-solve."""
    if not items:
        return {}
    inst = model.instance
    session.light_heuristics()
    gains: dict[int, float | None] = {}
    for k in items:
        session.set_x_bounds(np.array([k]), np.array([1.0]), np.array([1.0]))
        try:
            with_it = _solve_value(session, model, gap, limit)
        finally:
            session.set_x_bounds(np.array([k]), np.array([model.lower[k]]), np.array([model.upper[k]]))
        gains[k] = None if with_it is None else max(0.0, best - with_it)

    # row → the item's cost in it: each budget, and the implied sum of the period budgets
    costs_in_rows = {row: inst.cost_in(period) for period, row in model.budget_rows().items()}
    period_sum = sum((inst.period_cost[p] for p in model.scenario.budget_by_period), np.zeros(inst.n))
    costs_in_rows.update({row: period_sum for row in model.row_names("budget_sum")})
    if not costs_in_rows:
        return {k: (None, gains[k]) for k in items}
    allowed = model.max_shift()
    profile = inst.cost_profile() if model.flexible else None
    # the least share t of its cost to cut so that a portfolio with it still reaches `best`
    cut_session = HighsSession(model)
    cut_session.light_heuristics()
    floor = best - 1e-7 * max(1.0, abs(best))
    cut_session.add_row("value_floor", floor, INF, np.arange(inst.n), inst.value)
    t = cut_session.add_column(0.0, 0.0, 1.0, [], [])
    objective = np.zeros(cut_session.n_cols)
    objective[t] = -1.0  # maximise −t
    cut_session.set_objective(objective)
    cuts: dict[int, float | None] = {}
    for k in items:
        shares = []
        # a flexible item's cost in a row depends on its start: the least cut over its starts,
        # each start fixed in turn (a fixed item has one start, its earliest)
        for o in range(int(allowed[k]) + 1):
            rows = costs_in_rows if allowed[k] == 0 else _costs_at(model, profile, k, o)
            for row, costs in rows.items():
                cut_session.change_coefficient(row, t, -float(costs[k]))
            start_col = model.start_cols[(model.start_item == k) & (model.start_shift == o)]
            fixed = np.concatenate([[k], start_col]).astype(int)
            cut_session.set_x_bounds(fixed, np.ones(len(fixed)), np.ones(len(fixed)))
            out = cut_session.solve(gap=1e-6, abs_gap=1e-9, time_limit=limit)
            cut_session.set_x_bounds(np.array([k]), np.array([model.lower[k]]), np.array([model.upper[k]]))
            if len(start_col):
                cut_session.set_x_bounds(start_col, np.zeros(len(start_col)), np.ones(len(start_col)))
            for row in rows:
                cut_session.change_coefficient(row, t, 0.0)
            if out.x is not None:
                shares.append(float(np.asarray(cut_session.highs.getSolution().col_value)[t]))
        cuts[k] = min(shares) * float(inst.cost[k]) if shares else None
    return {k: (cuts[k], gains[k]) for k in items}


def _costs_at(
    model: PortfolioModel, profile: np.ndarray | None, k: int, shift: int
) -> dict[str, dict[int, float]]:
    """Row → {k: item k's cost in that budget row when it starts `shift` periods late}."""
    inst = model.instance
    moved = shifted_row(profile[k], shift) if profile is not None else np.zeros(len(inst.periods))
    at = {p: float(c) for p, c in zip(inst.periods, moved.tolist(), strict=True)}
    rows = {
        row: {k: float(inst.cost[k]) if period == TOTAL_PERIOD else at[period]}
        for period, row in model.budget_rows().items()
    }
    for row in model.row_names("budget_sum"):
        rows[row] = {k: sum(at[p] for p in model.scenario.budget_by_period)}
    return rows


def _swap_margins(
    model: PortfolioModel, x: np.ndarray, items: list[int], shift: np.ndarray | None = None
) -> dict[int, tuple[float | None, float | None]]:
    """The cheapest-swap estimate of the margins (see module doc)."""
    if not items:
        return {}
    inst = model.instance
    chosen = x > 0.5
    # what each item costs in each budget where it stands: the funded ones started as chosen,
    # the others at their earliest start (the estimate places them there)
    cost_in = _spend_in(model, x, shift)
    needed_by_chosen = {p for k in np.flatnonzero(chosen) for p in inst.depends_on[k]}
    removable = [
        int(k) for k in np.flatnonzero(chosen) if model.lower[k] == 0 and inst.ids[k] not in needed_by_chosen
    ]
    ratio = np.array([inst.value[k] / max(inst.cost[k], 1e-9) for k in removable])
    order = [removable[j] for j in np.lexsort((np.array(removable, dtype=float), ratio))] if removable else []
    limits = model.scenario.budget_limits
    periods = list(limits)
    slack = np.array([limits[p] - float(cost_in(p) @ x) for p in periods])
    if order:
        freed = (
            np.vstack([np.concatenate([[0.0], np.cumsum(cost_in(p)[order])]) for p in periods])
            if periods
            else None
        )
        lost = np.maximum.accumulate(np.concatenate([[0.0], np.cumsum(inst.value[order])]))
    else:
        freed = np.zeros((len(periods), 1)) if periods else None
        lost = np.zeros(1)
    count_full = model.scenario.max_initiatives is not None and chosen.sum() >= model.scenario.max_initiatives
    margins: dict[int, tuple[float | None, float | None]] = {}
    for k in items:
        need = np.array([max(0.0, float(cost_in(p)[k]) - slack[j]) for j, p in enumerate(periods)])
        cover = 1 if count_full else 0
        possible = True
        for j in range(len(periods)):
            pos = int(np.searchsorted(freed[j], need[j] - 1e-9))  # type: ignore[index]
            if pos >= freed.shape[1]:  # type: ignore[union-attr]
                possible = False
                break
            cover = max(cover, pos)
        if cover >= len(lost):
            possible = False
        gain = max(0.0, float(lost[cover]) - float(inst.value[k])) if possible else None
        if gain is not None and gain <= 0:
            gain = None  # the swap cannot tell a tie from a constraint it does not model
        # the longest swap its own value pays for, and what its cost must shrink to
        affordable = int(np.searchsorted(lost, inst.value[k], side="right")) - 1
        if (count_full and affordable < 1) or not periods:
            cut = None
        else:
            share = 0.0
            for j, p in enumerate(periods):
                c = float(cost_in(p)[k])
                if c > 0:
                    room = slack[j] + float(freed[j][affordable])  # type: ignore[index]
                    share = max(share, 1.0 - room / c)
            cut = min(1.0, max(0.0, share)) * float(inst.cost[k])
        margins[k] = (cut, gain)
    return margins


def _spend_in(model: PortfolioModel, x: np.ndarray, shift: np.ndarray | None):
    """period (or "total") → per-item cost in it, funded items at their chosen start."""
    inst = model.instance
    if shift is None or not np.any(shift[x > 0.5]):
        return inst.cost_in
    profile = inst.cost_profile()
    moved = profile.copy()
    for k in np.flatnonzero((x > 0.5) & (shift > 0)):
        moved[k] = shifted_row(profile[k], int(shift[k]))
    columns = {p: moved[:, t] for t, p in enumerate(inst.periods)}
    return lambda period: inst.cost if period == TOTAL_PERIOD else columns[period]
