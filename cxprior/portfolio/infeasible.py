"""Infeasibility in words: which of the user's constraints conflict.

Two steps. `direct_conflicts` names, before any solve, the conflicts one can see on the
data: items both forced in and out, a forced item whose prerequisite chain is forced out,
two required items in one exclusive group, required items costing more than a budget
(with the items and amounts), more required items than the maximum count or phases, and
minimum goal shares no portfolio can reach, required items needing more of a team than it
has in a period, and a required item that must start after another required one finishes
too late for it. With flexible starts the budget and capacity checks count each required
item at its least spend in the period over the starts it may take. Every check is sound:
it only fires when no portfolio can satisfy the scenario. ("Required" = mandatory, forced
in, and everything those need through `depends_on` and `starts_after`.)

For anything else `elastic_explanation` relaxes constraint groups with elastic variables:
each group (a budget, the count cap, the phase cap, a goal share, a competency share, a
phase share, a team's capacity in a period, each forced or mandatory item) gets a binary
"relaxed" switch and slack bounded by a big-M, and
a MILP finds the smallest set of groups whose relaxation makes the scenario feasible, then
the least slack (weighted so it never outweighs one more group). Dependencies and
exclusive groups, like start windows and `starts_after`, are facts of the backlog, not
choices of the scenario: never relaxed.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np

from cxprior.domain import TOTAL_PERIOD, Scenario, Workspace
from cxprior.i18n import format_money, format_number, format_percent, tr
from cxprior.portfolio.highs import INF, new_highs, set_option, to_arrays
from cxprior.portfolio.model import Instance, PortfolioModel, capacity_limits, forced_bounds

# the roadmap's rows that say what the data is, not what the scenario asks: never relaxed
_ROADMAP_FACTS = ("start_choice", "after_funding", "starts_after")
# how many items a sentence lists before "and N more"
LIST_LIMIT = 8
ELASTIC_TIME_LIMIT = 30.0


def _item(instance: Instance, iid: str, amount: str = "") -> str:
    """ "I-7 (Callback)", or "I-7 (Callback, €40,000)" with an amount."""
    name = instance.names[instance.index[iid]]
    inside = [part for part in (name if name != iid else "", amount) if part]
    return f"{iid} ({', '.join(inside)})" if inside else iid


def _items(instance: Instance, ids: list[str], lang: str, amounts: np.ndarray | None = None) -> str:
    parts = []
    for iid in ids[:LIST_LIMIT]:
        amount = "" if amounts is None else format_money(float(amounts[instance.index[iid]]), lang)
        parts.append(_item(instance, iid, amount))
    if len(ids) > LIST_LIMIT:
        parts.append(tr("opt.and_more", lang, count=len(ids) - LIST_LIMIT))
    return ", ".join(parts)


def _period_label(period: str, lang: str) -> str:
    return (
        tr("opt.total_budget", lang)
        if period == TOTAL_PERIOD
        else tr("opt.period_budget", lang, period=period)
    )


@dataclass(frozen=True)
class Required:
    """Items the scenario requires and why: `because[i]` = the required item that needs i."""

    ids: tuple[str, ...]  # column order
    because: dict[str, str]


def required_items(instance: Instance, scenario: Scenario) -> Required:
    """Mandatory and forced-in items, and transitively everything they depend on (`depends_on`
    and `starts_after`, which implies funding too)."""
    roots = [iid for k, iid in enumerate(instance.ids) if instance.mandatory[k]]
    roots += [iid for iid in scenario.force_in if iid not in roots]
    because: dict[str, str] = {}
    seen: set[str] = set()
    stack = [(iid, iid) for iid in reversed(roots)]
    while stack:
        iid, root = stack.pop()
        if iid in seen or iid not in instance.index:
            continue
        seen.add(iid)
        if iid != root:
            because[iid] = root
        k = instance.index[iid]
        after = instance.starts_after[k] if instance.starts_after else ()
        for pre in (*instance.depends_on[k], *after):
            stack.append((pre, root))
    return Required(tuple(i for i in instance.ids if i in seen), because)


def least_in_period(profile: np.ndarray, period: int, allowed: np.ndarray) -> np.ndarray:
    """Per item, the least it puts in one period over the starts it may take."""
    least = profile[:, period].copy()
    for o in range(1, int(allowed.max(initial=0)) + 1):
        can = allowed >= o
        if period - o >= 0:
            least[can] = np.minimum(least[can], profile[can, period - o])
        else:
            least[can] = 0.0
    return least


def direct_conflicts(
    workspace: Workspace, instance: Instance, scenario: Scenario, lang: str = "en"
) -> list[str]:
    """Sentences naming the conflicts visible without solving; empty when none is found."""
    sentences: list[str] = []
    forced = {iid for k, iid in enumerate(instance.ids) if instance.mandatory[k]} | set(scenario.force_in)
    out = set(scenario.force_out)
    for iid in instance.ids:
        if iid in forced and iid in out:
            key = (
                "opt.conflict.mandatory_and_out"
                if instance.mandatory[instance.index[iid]]
                else "opt.conflict.in_and_out"
            )
            sentences.append(tr(key, lang, item=_item(instance, iid)))

    required = required_items(instance, scenario)
    for iid in required.ids:
        if iid in out and iid not in forced:
            root = required.because[iid]
            sentences.append(
                tr(
                    "opt.conflict.prerequisite_out",
                    lang,
                    item=_item(instance, root),
                    prerequisite=_item(instance, iid),
                )
            )

    in_group: dict[str, list[str]] = {}
    for iid in required.ids:
        group = instance.group[instance.index[iid]]
        if group:
            in_group.setdefault(group, []).append(iid)
    for group, ids in in_group.items():
        if len(ids) > 1:
            sentences.append(
                tr("opt.conflict.exclusive", lang, group=group, items=_items(instance, ids, lang))
            )

    cols = np.array([instance.index[i] for i in required.ids], dtype=int)
    budgets = scenario.budget_limits
    allowed = instance.shifts_allowed(scenario)
    profile = instance.cost_profile()
    for period, amount in budgets.items():
        costs = instance.cost_in(period)
        if period != TOTAL_PERIOD and allowed.any():
            # a required item that may start later needs only its least spend here
            costs = least_in_period(profile, instance.periods.index(period), allowed)
        needed = float(costs[cols].sum()) if len(cols) else 0.0
        if needed > amount + 1e-6 * max(1.0, amount):
            paying = [instance.ids[k] for k in cols if costs[k] > 0]
            paying.sort(key=lambda i: (-costs[instance.index[i]], i))
            sentences.append(
                tr(
                    "opt.conflict.budget",
                    lang,
                    budget=_period_label(period, lang),
                    needed=format_money(needed, lang),
                    amount=format_money(amount, lang),
                    items=_items(instance, paying, lang, costs),
                )
            )

    if scenario.max_initiatives is not None and len(required.ids) > scenario.max_initiatives:
        sentences.append(
            tr(
                "opt.conflict.max_initiatives",
                lang,
                count=len(required.ids),
                limit=scenario.max_initiatives,
                items=_items(instance, list(required.ids), lang),
            )
        )
    if scenario.max_phases is not None:
        phases = list(dict.fromkeys(instance.phase[k] for k in cols if instance.phase[k]))
        if len(phases) > scenario.max_phases:
            sentences.append(
                tr(
                    "opt.conflict.max_phases",
                    lang,
                    count=len(phases),
                    limit=scenario.max_phases,
                    phases=", ".join(phases),
                )
            )
    sentences += _goal_share_conflicts(workspace, instance, scenario, required, lang)
    sentences += _roadmap_conflicts(instance, scenario, required, cols, lang)
    return sentences


def _roadmap_conflicts(
    instance: Instance, scenario: Scenario, required: Required, cols: np.ndarray, lang: str
) -> list[str]:
    """Required items that need more of a team than it has in a period (at their least over
    the starts they may take), or that must start after another finishes too late."""
    sentences = []
    allowed = instance.shifts_allowed(scenario)
    unit = tr("opt.road.unit", lang)
    capacity = capacity_limits(instance, scenario)
    for (team, period), amount in capacity.items():
        profile = instance.effort.get(team)
        if profile is None or period not in instance.periods or not len(cols):
            continue
        least = least_in_period(profile, instance.periods.index(period), allowed)
        needed = float(least[cols].sum())
        if needed > amount + 1e-6 * max(1.0, amount):
            users = [instance.ids[k] for k in cols if least[k] > 0]
            users.sort(key=lambda i: (-least[instance.index[i]], i))
            parts = [_item(instance, i, format_number(float(least[instance.index[i]]), lang)) for i in users]
            if len(users) > LIST_LIMIT:
                parts = [*parts[:LIST_LIMIT], tr("opt.and_more", lang, count=len(users) - LIST_LIMIT)]
            sentences.append(
                tr(
                    "opt.road.conflict.capacity",
                    lang,
                    team=team,
                    period=period,
                    capacity=format_number(amount, lang),
                    needed=format_number(needed, lang),
                    unit=unit,
                    items=", ".join(parts),
                )
            )
    if instance.periods and instance.starts_after:
        chosen = set(required.ids)
        for iid in required.ids:
            b = instance.index[iid]
            latest = int(instance.earliest[b] + allowed[b])
            for other in instance.starts_after[b]:
                a = instance.index.get(other)
                if other in chosen and a is not None and int(instance.end[a]) >= latest:
                    sentences.append(
                        tr(
                            "opt.road.conflict.after_late",
                            lang,
                            item=_item(instance, iid),
                            other=_item(instance, other),
                            finish=instance.periods[int(instance.end[a])],
                            latest=instance.periods[latest],
                        )
                    )
    return sentences


def _goal_share_conflicts(
    workspace: Workspace, instance: Instance, scenario: Scenario, required: Required, lang: str
) -> list[str]:
    shares = {g: s for g, s in scenario.min_goal_share.items() if s > 0}
    if not shares:
        return []
    sentences = []
    # shares only bind a portfolio worth something (the model's "positive_value" row): when
    # nothing has value, the empty portfolio meets them all, whatever they add up to
    some_value = instance.value.max(initial=0.0) > 0
    total = sum(shares.values())
    if some_value and total > 1 + 1e-9:
        sentences.append(tr("opt.conflict.shares_over_100", lang, total=format_percent(total, lang, 1)))
        return sentences
    _, upper = forced_bounds(instance, scenario)
    req = np.zeros(instance.n, dtype=bool)
    req[[instance.index[i] for i in required.ids]] = True
    allowed = upper > 0
    for goal_id, share in shares.items():
        goal = workspace.goal_by_id[goal_id]
        label = f"{goal_id} ({goal.name})" if goal.name else goal_id
        serves = instance.goal_value[goal_id] > 0
        if some_value and not (serves & allowed).any():
            sentences.append(
                tr("opt.conflict.goal_unserved", lang, goal=label, share=format_percent(share, lang, 0))
            )
            continue
        coefs = instance.goal_value[goal_id] - share * instance.value
        best = coefs[req].sum() + np.clip(coefs[allowed & ~req], 0, None).sum()
        if best < -1e-9:
            sentences.append(
                tr(
                    "opt.conflict.goal_unreachable",
                    lang,
                    goal=label,
                    goal_id=goal_id,
                    share=format_percent(share, lang, 0),
                )
            )
    return sentences


# --- elastic relaxation ------------------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    # budget | max_initiatives | max_phases | goal_share | positive_value | competency_share | phase_share
    # | force_in | mandatory | force_out
    kind: str
    key: object = None


def elastic_explanation(workspace: Workspace, model: PortfolioModel, lang: str = "en") -> list[str]:
    """The smallest set of constraint groups whose relaxation makes the scenario feasible."""
    relaxed = smallest_relaxation(model)
    if relaxed is None:
        return [tr("opt.infeasible.unknown", lang)]
    parts = [_describe(workspace, model, group, amount, lang) for group, amount in relaxed]
    return [tr("opt.infeasible.intro", lang), tr("opt.infeasible.relax", lang, changes="; ".join(parts))]


def smallest_relaxation(model: PortfolioModel) -> list[tuple[_Group, float]] | None:
    """[(group, slack needed)] of a smallest relaxing set, or None if HiGHS finds none."""
    inst = model.instance
    scenario = model.scenario
    arrays = to_arrays(model)
    n_rows = len(arrays.row_names)
    n_base = len(arrays.cost)

    groups: list[_Group] = []
    group_of: dict[_Group, int] = {}

    def group(g: _Group) -> int:
        if g not in group_of:
            group_of[g] = len(groups)
            groups.append(g)
        return group_of[g]

    rows = list(model.rows.values())
    relax_rows: list[tuple[int, int, float, float]] = []  # row, group, sign, big-M
    for r, row in enumerate(rows):
        # facts of the backlog (and the implied sum), never relaxed; capacity rows are
        if row.kind in ("depends", "exclusive", "phase_link", "budget_sum", *_ROADMAP_FACTS):
            continue
        start, end = arrays.start[r], arrays.start[r + 1]
        a = arrays.value[start:end]
        # every column is relaxed to [0, 1] here, forced ones included
        hi, lo = np.clip(a, 0, None).sum(), np.clip(a, None, 0).sum()
        if arrays.row_upper[r] < INF:  # a·x ≤ b, relaxed as a·x − s ≤ b
            relax_rows.append(
                (r, group(_Group(row.kind, row.key)), -1.0, max(0.0, hi - arrays.row_upper[r]) + 1.0)
            )
        else:  # a·x ≥ b, relaxed as a·x + s ≥ b
            relax_rows.append(
                (r, group(_Group(row.kind, row.key)), 1.0, max(0.0, arrays.row_lower[r] - lo) + 1.0)
            )

    forced_rows: list[tuple[int, int, str]] = []  # column, group, "in"/"out"
    force_in = set(scenario.force_in)
    for k, iid in enumerate(inst.ids):
        if inst.mandatory[k] or iid in force_in:
            kind = "mandatory" if inst.mandatory[k] else "force_in"
            forced_rows.append((k, group(_Group(kind, iid)), "in"))
        if model.upper[k] == 0:
            forced_rows.append((k, group(_Group("force_out", iid)), "out"))

    n_groups = len(groups)
    n_slack = len(relax_rows)
    n_cols = n_base + n_groups + n_slack
    cost = np.zeros(n_cols)
    cost[n_base : n_base + n_groups] = 1.0
    # giving up all value is the last resort, after any one real constraint
    for g, grp in enumerate(groups):
        if grp.kind == "positive_value":
            cost[n_base + g] = 1.5
    big_m = np.array([m for *_, m in relax_rows], dtype=float)
    # slack weights sum to < 1: the fewest groups first, then the least slack
    slack_scale = 1.0
    if any(grp.kind == "capacity" for grp in groups):
        # among sets of as many groups, more team capacity beats dropping a mandatory item or
        # a budget rule: a discount smaller than any one group, with the slack kept below it
        discount = 1.0 / (2 * (n_groups + 1))
        for g, grp in enumerate(groups):
            if grp.kind == "capacity":
                cost[n_base + g] = 1.0 - discount
        slack_scale = discount / 2
    cost[n_base + n_groups :] = slack_scale / (big_m * (n_slack + 1))
    col_lower = np.zeros(n_cols)
    col_upper = np.ones(n_cols)
    col_upper[n_base + n_groups :] = big_m
    integrality = np.ones(n_cols, dtype=np.int32)
    integrality[n_base + n_groups :] = 0

    # base rows, with the slack column appended to relaxable ones
    slack_of_row = {r: (n_base + n_groups + s, sign) for s, (r, _g, sign, _m) in enumerate(relax_rows)}
    starts, index, value = [0], [], []
    row_lower, row_upper = list(arrays.row_lower), list(arrays.row_upper)
    for r in range(n_rows):
        if rows[r].kind == "budget_sum":
            # implied by the period rows: relaxing them must relax it too, so it goes
            row_lower[r], row_upper[r] = -INF, INF
        start, end = arrays.start[r], arrays.start[r + 1]
        index.extend(arrays.index[start:end].tolist())
        value.extend(arrays.value[start:end].tolist())
        if r in slack_of_row:
            col, sign = slack_of_row[r]
            index.append(col)
            value.append(sign)
        starts.append(len(index))
    for s, (_r, g, _sign, m) in enumerate(relax_rows):  # s ≤ M·z
        index.extend([n_base + n_groups + s, n_base + g])
        value.extend([1.0, -m])
        starts.append(len(index))
        row_lower.append(-INF)
        row_upper.append(0.0)
    for k, g, how in forced_rows:
        index.extend([k, n_base + g])
        if how == "in":  # x ≥ 1 − z
            value.extend([1.0, 1.0])
            row_lower.append(1.0)
            row_upper.append(INF)
        else:  # x ≤ z
            value.extend([1.0, -1.0])
            row_lower.append(-INF)
            row_upper.append(0.0)
        starts.append(len(index))

    h = new_highs()
    h.passModel(
        n_cols,
        len(row_lower),
        len(index),
        int(highspy.MatrixFormat.kRowwise),
        int(highspy.ObjSense.kMinimize),
        0.0,
        cost,
        col_lower,
        col_upper,
        np.array(row_lower, dtype=float),
        np.array(row_upper, dtype=float),
        np.array(starts, dtype=np.int32),
        np.array(index, dtype=np.int32),
        np.array(value, dtype=float),
        integrality,
    )
    set_option(h, "time_limit", ELASTIC_TIME_LIMIT)
    set_option(h, "mip_rel_gap", 1e-6)
    h.run()
    if h.getInfo().primal_solution_status != 2:
        return None
    values = np.asarray(h.getSolution().col_value)
    switched = values[n_base : n_base + n_groups] > 0.5
    slack = values[n_base + n_groups :]
    needed = np.zeros(n_groups)
    for s, (_r, g, _sign, _m) in enumerate(relax_rows):
        needed[g] = max(needed[g], slack[s])
    return [(groups[g], float(needed[g])) for g in range(n_groups) if switched[g]]


def _describe(workspace: Workspace, model: PortfolioModel, group: _Group, amount: float, lang: str) -> str:
    inst = model.instance
    scenario = model.scenario
    if group.kind == "budget":
        period = str(group.key)
        limit = scenario.budget_total if period == TOTAL_PERIOD else scenario.budget_by_period[period]
        return tr(
            "opt.relax.budget",
            lang,
            budget=_period_label(period, lang),
            amount=format_money(limit, lang),
            more=format_money(np.ceil(amount), lang),
        )
    if group.kind == "max_initiatives":
        return tr(
            "opt.relax.max_initiatives",
            lang,
            limit=scenario.max_initiatives,
            count=scenario.max_initiatives,  # the plural form of "initiatives"
            more=int(np.ceil(amount - 1e-6)),
        )
    if group.kind == "max_phases":
        limit = scenario.max_phases
        return tr("opt.relax.max_phases", lang, limit=limit, count=limit, more=int(np.ceil(amount - 1e-6)))
    if group.kind == "goal_share":
        goal = workspace.goal_by_id[str(group.key)]
        return tr(
            "opt.relax.goal_share",
            lang,
            goal=f"{goal.goal_id} ({goal.name})" if goal.name else goal.goal_id,
            share=format_percent(scenario.min_goal_share[goal.goal_id], lang, 0),
        )
    if group.kind == "competency_share":
        key = str(group.key)
        return tr(
            "opt.relax.competency_share",
            lang,
            competency=tr(f"opt.competency.{key}", lang),
            share=format_percent(scenario.min_competency_share[key], lang, 0),
        )
    if group.kind == "phase_share":
        phase = str(group.key)
        return tr(
            "listen.relax.phase_share",
            lang,
            phase=phase,
            share=format_percent(scenario.min_phase_share[phase], lang, 0),
        )
    if group.kind == "positive_value":
        return tr("opt.relax.positive_value", lang)
    if group.kind == "capacity":
        team, period = group.key  # type: ignore[misc]
        text = tr(
            "opt.road.relax.capacity",
            lang,
            team=team,
            period=period,
            more=format_number(np.ceil(amount - 1e-9), lang),
            unit=tr("opt.road.unit", lang),
            capacity=format_number(model.capacity[team, period], lang),
        )
        users = _required_users(model, team, period)
        if users:
            text += tr("opt.road.relax.capacity_users", lang, items=_items(inst, users, lang))
        return text
    item = _item(inst, str(group.key))
    return tr(f"opt.relax.{group.kind}", lang, item=item)


def _required_users(model: PortfolioModel, team: str, period: str) -> list[str]:
    """Required items whose effort for `team` may fall in `period` at a start they may take."""
    inst = model.instance
    profile = inst.effort.get(team)
    if profile is None:
        return []
    t = inst.periods.index(period)
    allowed = model.max_shift()
    users = []
    for iid in required_items(inst, model.scenario).ids:
        k = inst.index[iid]
        if any(t - o >= 0 and profile[k, t - o] > 0 for o in range(int(allowed[k]) + 1)):
            users.append(iid)
    return users
