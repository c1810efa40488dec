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

from cxprior.domain import ExclusionReason, PortfolioResult, Workspace
from cxprior.i18n import format_money, format_number, tr
from cxprior.portfolio.highs import INF, HighsSession
from cxprior.portfolio.model import PortfolioModel
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
    best = float(solved.objective)
    session = session or HighsSession(model)
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
        exclusions=tuple(_exclusions(model, session, x, best, gap, limit, exact, lang)),
        forced_in_cost=_forced_in_cost(model, session, x, best, gap, limit),
        marginal_value_per_euro=_marginal_values(model, session, x, best, gap, limit),
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
        prerequisites = [p for p in inst.depends_on[k] if p in inst.index]
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
        else _swap_margins(model, x, margin_items)
    )
    reasons = dict(structural)
    for k in margin_items:
        iid = inst.ids[k]
        missing = [p for p in inst.depends_on[k] if p in inst.index and not chosen[inst.index[p]]]
        cut, gain = margins.get(k, (None, None))
        if missing:
            code = "prerequisite"
            lead = tr("opt.why.prerequisite", lang, prerequisites=", ".join(_name(model, p) for p in missing))
            others = tuple(missing)
        elif inst.group[k] in selected_group:
            code = "exclusive_group"
            winner = selected_group[inst.group[k]]
            lead = tr("opt.why.exclusive", lang, group=inst.group[k], winner=_name(model, winner))
            others = (winner,)
        elif count_full:
            code = "focus"
            lead = tr("opt.why.focus_count", lang, limit=scenario.max_initiatives)
            others = ()
        elif phases_full and inst.phase[k] not in touched:
            code = "focus"
            lead = tr("opt.why.focus_phases", lang, limit=scenario.max_phases, phase=inst.phase[k])
            others = ()
        else:
            code = "no_room"
            lead = tr("opt.why.no_room", lang)
            others = ()
        message = f"{lead} {_margin_sentence(inst.cost[k], cut, gain, best, exact, lang)}"
        reasons[k] = ExclusionReason(iid, code, message, others, cut, gain)
    return [reasons[k] for k in sorted(reasons)]


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
        for row, costs in costs_in_rows.items():
            cut_session.change_coefficient(row, t, -float(costs[k]))
        cut_session.set_x_bounds(np.array([k]), np.array([1.0]), np.array([1.0]))
        out = cut_session.solve(gap=1e-6, abs_gap=1e-9, time_limit=limit)
        cut_session.set_x_bounds(np.array([k]), np.array([model.lower[k]]), np.array([model.upper[k]]))
        for row in costs_in_rows:
            cut_session.change_coefficient(row, t, 0.0)
        if out.x is None:
            cuts[k] = None
        else:
            share = float(np.asarray(cut_session.highs.getSolution().col_value)[t])
            cuts[k] = share * float(inst.cost[k])
    return {k: (cuts[k], gains[k]) for k in items}


def _swap_margins(
    model: PortfolioModel, x: np.ndarray, items: list[int]
) -> dict[int, tuple[float | None, float | None]]:
    """The cheapest-swap estimate of the margins (see module doc)."""
    if not items:
        return {}
    inst = model.instance
    chosen = x > 0.5
    needed_by_chosen = {p for k in np.flatnonzero(chosen) for p in inst.depends_on[k]}
    removable = [
        int(k) for k in np.flatnonzero(chosen) if model.lower[k] == 0 and inst.ids[k] not in needed_by_chosen
    ]
    ratio = np.array([inst.value[k] / max(inst.cost[k], 1e-9) for k in removable])
    order = [removable[j] for j in np.lexsort((np.array(removable, dtype=float), ratio))] if removable else []
    limits = model.scenario.budget_limits
    periods = list(limits)
    slack = np.array([limits[p] - float(inst.cost_in(p) @ x) for p in periods])
    if order:
        freed = (
            np.vstack([np.concatenate([[0.0], np.cumsum(inst.cost_in(p)[order])]) for p in periods])
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
        need = np.array([max(0.0, float(inst.cost_in(p)[k]) - slack[j]) for j, p in enumerate(periods)])
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
                c = float(inst.cost_in(p)[k])
                if c > 0:
                    room = slack[j] + float(freed[j][affordable])  # type: ignore[index]
                    share = max(share, 1.0 - room / c)
            cut = min(1.0, max(0.0, share)) * float(inst.cost[k])
        margins[k] = (cut, gain)
    return margins
