"""Re-plan mid-course (DESIGN.md, "Contract v2 › Follow-up of the approved plan", re-plan).

`optimize … --progress F --replan-from P`: delivered and in-progress initiatives stay funded,
dropped ones are out, spend before P is sunk (it uses no budget of P or later), budgets before
P are ignored, and the rest is re-optimised. It is done without touching the model: a pure
transformation (`replan_inputs`) turns the workspace, the scenario and the follow-up into a
re-plan workspace and scenario, which `optimize` solves like any other:

- the horizon becomes P and the periods after it; period budgets before P are dropped, and a
  total budget is what is left of it once the spend before P is taken off;
- a delivered initiative is forced in at no further cost, and no longer holds back the
  initiatives that must start after it (`starts_after`);
- an in-progress one is forced in with the rest of its cost profile (from P on), the profile
  placed at its actual start (the Progress sheet's `start`), else at the plan's start; when
  that profile ended before P (it is late), what is left of its planned cost (cost − spent)
  falls in P; its start is fixed;
- a dropped one is forced out;
- one that has not started keeps its whole cost profile, moved later so that it starts in P
  at the earliest (a latest start still ahead stays open to the optimizer); a profile that no
  longer fits before the horizon ends forces it out.

Efforts move with the cost profiles, and the capacities of the periods before P are dropped.

`plan_changes` then says, against the plan (the same scenario without the follow-up), what
enters and what leaves, and why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from cxprior.domain import (
    TOTAL_PERIOD,
    Budget,
    Effort,
    FollowUp,
    Initiative,
    PortfolioResult,
    Scenario,
    ScenarioError,
    Status,
    Workspace,
    earliest_index,
    planned_costs,
    score,
    shift_profile,
    window,
)
from cxprior.i18n import format_money, format_number, tr
from cxprior.portfolio.optimizer import optimize


@dataclass(frozen=True)
class ReplanInputs:
    """The re-plan workspace and scenario, and what the transformation decided."""

    workspace: Workspace
    scenario: Scenario
    replan_from: str
    sunk: float  # actual spend before `replan_from`, every initiative together
    kept: tuple[str, ...]  # delivered and in progress: forced in
    dropped: tuple[str, ...]  # forced out
    no_time: tuple[str, ...]  # not started, and their profile no longer fits: forced out
    shifted: dict[str, int]  # not started: how many periods later their profile now starts
    sentences: tuple[str, ...]  # what the re-plan keeps, drops and ignores, in words


def _status_word(status: Status, lang: str) -> str:
    return tr(f"fu.status.{status.value}", lang)


def _started_shift(workspace: Workspace, plan: PortfolioResult | None, followup: FollowUp, iid: str) -> int:
    """Where a started initiative's profile lies: from its actual start (the Progress sheet's
    `start`) when given, else from the plan's start, as a shift after its earliest start."""
    periods = workspace.periods
    initiative = workspace.initiative_by_id[iid]
    row = followup.progress_by_id.get(iid)
    actual = row.start if row is not None else None
    start = actual if actual in periods else (getattr(plan, "start", None) or {}).get(iid)
    if start not in periods:
        return 0
    return max(0, periods.index(start) - earliest_index(initiative, periods))


def _moved_efforts(
    efforts: tuple[Effort, ...], periods: tuple[str, ...], shift: int, future: tuple[str, ...]
):
    """An initiative's efforts started `shift` periods later, those from the re-plan on only."""
    moved = []
    for effort in efforts:
        k = periods.index(effort.period) + shift if effort.period in periods else len(periods)
        if k < len(periods) and periods[k] in future:
            moved.append(replace(effort, period=periods[k]))
    return moved


def replan_inputs(
    workspace: Workspace,
    scenario: Scenario,
    followup: FollowUp,
    replan_from: str,
    *,
    plan: PortfolioResult | None = None,
    lang: str = "en",
) -> ReplanInputs:
    """The workspace and scenario of a re-plan from period `replan_from` (see the module doc).

    `plan` (the approved portfolio) gives the start of the initiatives it started later than
    their earliest start, for those the Progress sheet gives no actual start. Raises
    ScenarioError when `replan_from` is not a cost period, or when the scenario forces out a
    delivered or in-progress initiative, or forces in one that the follow-up rules out.
    """
    periods = workspace.periods
    if replan_from not in periods:
        known = ", ".join(periods) or tr("fu.no_periods", lang)
        raise ScenarioError(tr("fu.replan.bad_period", lang, value=replan_from, periods=known))
    first = periods.index(replan_from)
    future = periods[first:]
    sunk = math.fsum(row.spent_before(periods, replan_from) for row in followup.progress)
    efforts_of = workspace.efforts_by_initiative
    delivered = set(followup.with_status(Status.DELIVERED))

    kept: list[str] = []
    dropped: list[str] = []
    no_time: list[str] = []
    shifted: dict[str, int] = {}
    reasons: dict[str, str] = {}
    initiatives: list[Initiative] = []
    efforts: list[Effort] = []
    for initiative in workspace.initiatives:
        iid = initiative.initiative_id
        status = followup.status(iid)
        own_efforts = efforts_of.get(iid, ())
        shift = 0
        latest = initiative.latest_start
        if status is Status.DELIVERED:
            kept.append(iid)
            reasons[iid] = tr("fu.reason.delivered", lang)
            costs = dict.fromkeys(future, 0.0)
            own_efforts, latest = (), None
        elif status is Status.IN_PROGRESS:
            kept.append(iid)
            reasons[iid] = tr("fu.reason.in_progress", lang)
            shift = _started_shift(workspace, plan, followup, iid)
            costs = {p: shift_profile(initiative.period_costs, periods, shift)[p] for p in future}
            if not any(v > 0 for v in costs.values()):
                # its profile ended before the re-plan (it is late): what is left of its cost falls in P
                costs[replan_from] = max(0.0, initiative.cost - followup.spent(iid))
            latest = None  # it has started: its start is fixed
        elif status is Status.DROPPED:
            dropped.append(iid)
            reasons[iid] = tr("fu.reason.dropped", lang)
            costs = {p: initiative.period_costs.get(p, 0.0) for p in future}
        else:
            span = window(initiative, periods, own_efforts)
            shift = max(0, first - span.earliest)
            if span.end + shift >= len(periods):
                no_time.append(iid)
                count = span.end - span.earliest + 1
                reasons[iid] = tr("fu.reason.no_time", lang, count=count, start=replan_from, end=periods[-1])
            elif shift:
                shifted[iid] = shift
            costs = {p: shift_profile(initiative.period_costs, periods, shift)[p] for p in future}
            if latest in periods and periods.index(latest) < span.earliest + shift:
                latest = None  # its latest start has passed: it starts at the re-plan, or never
        efforts += _moved_efforts(own_efforts, periods, shift, future)
        initiatives.append(
            replace(
                initiative,
                period_costs=costs,
                cost=math.fsum(costs.values()),
                latest_start=latest,
                # what is delivered is finished: nothing waits for it any more
                starts_after=tuple(i for i in initiative.starts_after if i not in delivered),
            )
        )

    _check_forced(scenario, kept, dropped + no_time, reasons, followup, lang)
    force_in = tuple(dict.fromkeys([*scenario.force_in, *kept]))
    force_out = tuple(dict.fromkeys([*scenario.force_out, *dropped, *no_time]))
    total = scenario.budget_total
    budget_total = None if total is None else max(0.0, total - sunk)
    new_scenario = replace(
        scenario,
        name=tr("fu.replan.name", lang, name=scenario.name, period=replan_from),
        budget_total=budget_total,
        budget_by_period={p: v for p, v in scenario.budget_by_period.items() if p in future},
        force_in=force_in,
        force_out=force_out,
        force_reasons={**reasons, **scenario.force_reasons},
    )
    budgets = [
        Budget(TOTAL_PERIOD, max(0.0, b.amount - sunk)) if b.period == TOTAL_PERIOD else b
        for b in workspace.budgets
        if b.period == TOTAL_PERIOD or b.period in future
    ]
    new_workspace = replace(
        workspace,
        initiatives=tuple(initiatives),
        budgets=tuple(budgets),
        periods=future,
        capacities=tuple(c for c in workspace.capacities if c.period in future),
        efforts=tuple(efforts),
    )
    context = [
        tr("fu.replan.context", lang, period=replan_from, sunk=format_money(sunk, lang)),
        tr("fu.replan.kept", lang, count=len(kept)),
        tr("fu.replan.dropped", lang, count=len(dropped)),
    ]
    if total is not None:
        context.append(
            tr(
                "fu.replan.total_left",
                lang,
                total=format_money(total, lang),
                sunk=format_money(sunk, lang),
                left=format_money(budget_total, lang),
            )
        )
    return ReplanInputs(
        new_workspace,
        new_scenario,
        replan_from,
        sunk,
        tuple(kept),
        tuple(dropped),
        tuple(no_time),
        shifted,
        tuple(context),
    )


def _check_forced(
    scenario: Scenario,
    kept: list[str],
    out: list[str],
    reasons: dict[str, str],
    followup: FollowUp,
    lang: str,
) -> None:
    """A scenario may not leave out what the follow-up keeps, nor force in what it rules out."""
    for iid in scenario.force_out:
        if iid in kept:
            status = _status_word(followup.status(iid), lang)
            raise ScenarioError(tr("fu.replan.kept_forced_out", lang, initiative=iid, status=status))
    for iid in scenario.force_in:
        if iid in out:
            raise ScenarioError(tr("fu.replan.out_forced_in", lang, initiative=iid, reason=reasons[iid]))


# --- the changes against the plan -------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One initiative entering or leaving the plan, and why.

    kind: "added" | "removed". code: for removed, "dropped" | "no_time" | "forced_out" |
    "reoptimised"; for added, "kept" (in progress or delivered outside the plan) | "freed"
    (money freed by what leaves) | "fits" (the re-optimised budgets make room).
    """

    initiative_id: str
    kind: str
    code: str
    message: str


@dataclass(frozen=True)
class Replan:
    """A re-plan: the plan, the re-planned portfolio, the transformation and the changes."""

    plan: PortfolioResult
    result: PortfolioResult
    inputs: ReplanInputs
    changes: tuple[Change, ...]
    notes: tuple[str, ...] = ()  # about the comparison itself (a plan that was infeasible)

    @property
    def added(self) -> tuple[str, ...]:
        return tuple(c.initiative_id for c in self.changes if c.kind == "added")

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(c.initiative_id for c in self.changes if c.kind == "removed")

    def to_json(self) -> dict[str, object]:
        """The `optimize` JSON of the re-plan, plus "changes": {"added": […], "removed": […]}."""
        document = self.result.to_json()
        document["changes"] = {"added": list(self.added), "removed": list(self.removed)}
        return document


def plan_changes(
    workspace: Workspace,
    plan: PortfolioResult,
    result: PortfolioResult,
    inputs: ReplanInputs,
    followup: FollowUp,
    *,
    lang: str = "en",
) -> tuple[Change, ...]:
    """What leaves the plan and what enters it, each with a sentence saying why.

    Removed first, in the plan's order, then added, in the re-plan's order. `workspace` is the
    original one (the plan's costs and names).
    """
    by_id = workspace.initiative_by_id
    before = list(plan.selected) if plan.is_solved else []
    after = list(result.selected) if result.is_solved else []
    period = inputs.replan_from
    future = inputs.workspace.periods
    user_out = set(plan.scenario.force_out) if plan.scenario else set()
    exclusions = {e.initiative_id: e.message for e in result.exclusions}
    changes: list[Change] = []
    removed = [iid for iid in before if iid not in set(after)]
    for iid in removed:
        common = {"initiative": iid, "name": by_id[iid].name}
        if iid in inputs.dropped:
            code = "dropped"
            message = tr(
                "fu.change.removed.dropped", lang, **common, spent=format_money(followup.spent(iid), lang)
            )
        elif iid in inputs.no_time:
            code = "no_time"
            message = tr(
                "fu.change.removed.no_time", lang, **common, reason=inputs.scenario.force_reasons[iid]
            )
        elif iid in user_out:
            code = "forced_out"
            message = tr("fu.change.removed.forced_out", lang, **common)
        else:
            code = "reoptimised"
            reason = exclusions.get(iid) or tr("fu.change.removed.generic", lang, period=period)
            message = tr("fu.change.removed.reoptimised", lang, **common, reason=reason)
        changes.append(Change(iid, "removed", code, message))
    freed = math.fsum(planned_costs(workspace, plan, iid).get(p, 0.0) for iid in removed for p in future)
    values = score(inputs.workspace, lang).value
    for iid in after:
        if iid in set(before):
            continue
        common = {"initiative": iid, "name": by_id[iid].name}
        if iid in inputs.kept:
            status = _status_word(followup.status(iid), lang)
            changes.append(
                Change(iid, "added", "kept", tr("fu.change.added.kept", lang, **common, status=status))
            )
        elif freed > 0:
            message = tr(
                "fu.change.added.freed",
                lang,
                **common,
                freed=format_money(freed, lang),
                period=period,
                ids=", ".join(removed),
                points=format_number(values.get(iid, 0.0), lang, 1),
            )
            changes.append(Change(iid, "added", "freed", _with_shift(message, iid, inputs, lang)))
        else:
            message = tr(
                "fu.change.added.fits",
                lang,
                **common,
                period=period,
                points=format_number(values.get(iid, 0.0), lang, 1),
            )
            changes.append(Change(iid, "added", "fits", _with_shift(message, iid, inputs, lang)))
    return tuple(changes)


def _with_shift(message: str, iid: str, inputs: ReplanInputs, lang: str) -> str:
    offset = inputs.shifted.get(iid)
    if not offset:
        return message
    return f"{message} {tr('fu.replan.shifted', lang, count=offset, start=inputs.replan_from)}"


def replan(
    workspace: Workspace,
    scenario: Scenario,
    followup: FollowUp,
    replan_from: str,
    *,
    plan: PortfolioResult | None = None,
    lang: str = "en",
    explain: bool = True,
) -> Replan:
    """Re-optimise from `replan_from` and compare with the plan.

    `plan` is the approved portfolio when the caller has it (the app's approved scenario);
    otherwise the scenario is optimised without the follow-up. The re-plan's exclusion
    reasons explain what the re-optimisation leaves out, so `explain` is on by default.
    """
    if plan is None:
        plan = optimize(workspace, scenario, lang=lang, explain=False)
    inputs = replan_inputs(workspace, scenario, followup, replan_from, plan=plan, lang=lang)
    result = optimize(inputs.workspace, inputs.scenario, lang=lang, explain=explain)
    changes = plan_changes(workspace, plan, result, inputs, followup, lang=lang)
    notes = () if plan.is_solved else (tr("fu.change.plan_infeasible", lang),)
    return Replan(plan, result, inputs, changes, notes)
