"""The approved plan against what happened (DESIGN.md, "Contract v2 › Follow-up of the approved plan").

The **plan** is the scenario's portfolio (in the app: the approved one). An initiative's
planned finish is `finish_period`; the planned value of KPI k at the end of period p is

    planned_k(p) = baseline_k + Σ impact_ik × confidence_i

over the planned initiatives whose finish is p or earlier. For each KPI and measured period,
`track` gives planned, actual and the variance (actual − planned) in the KPI's unit and in
value points: `100 × W_k × variance / |target_k − baseline_k|`, signed so that being ahead
toward the target is positive. A goal's value points in a period are the same sum with the
goal's part of each KPI weight (w_g × strength), over its KPIs measured in that period — so
the goals' gaps add up to the KPIs' variances. Per initiative: status, planned cost, spent and
overrun; late ones, given the current period. The alerts are sentences.

`calibrate` compares the delivered initiatives' estimates with the measured movement of their
KPIs, shared between them by their planned shares, per team and per journey phase.

Everything is computed here once; the command line and the pages only show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from cxprior.domain import (
    FollowUp,
    Kpi,
    PortfolioResult,
    ScenarioError,
    Scores,
    Status,
    Workspace,
    finish_period,
    kpi_goal_weights,
    score,
)
from cxprior.i18n import format_money, format_number, format_percent, tr

# a KPI is called behind (or ahead of) plan when it misses it by at least this share of the
# way from baseline to target: smaller gaps are measurement noise, not drift
KPI_TOLERANCE = 0.01
# a goal is called behind plan when it misses it by as much as its KPIs missing the plan by
# KPI_TOLERANCE each: KPI_TOLERANCE × 100 × its part of their weights (`GoalTrack.weight`)
# an initiative is over budget when it spent more than its planned cost by at least this (euros)
MONEY_TOLERANCE = 0.5


# --- the plan's timing ------------------------------------------------------------------------


def planned_levels(
    workspace: Workspace, plan: PortfolioResult, finishes: dict[str, str | None] | None = None
) -> dict[str, dict[str, float]]:
    """KPI id → period → planned value at the end of the period (every KPI, every period)."""
    periods = workspace.periods
    rank = {p: n for n, p in enumerate(periods)}
    if finishes is None:
        finishes = {iid: finish_period(workspace, plan, iid) for iid in plan.selected}
    gains: dict[str, list[float]] = {k.kpi_id: [0.0] * len(periods) for k in workspace.kpis}
    by_id = workspace.initiative_by_id
    impacts = workspace.impacts_by_initiative
    for iid in plan.selected:
        finish = finishes.get(iid)
        if finish not in rank:
            continue
        confidence = by_id[iid].confidence
        for imp in impacts.get(iid, ()):
            if imp.kpi_id in gains:
                gains[imp.kpi_id][rank[finish]] += imp.impact * confidence
    levels: dict[str, dict[str, float]] = {}
    for kpi in workspace.kpis:
        level = kpi.baseline
        levels[kpi.kpi_id] = {}
        for n, period in enumerate(periods):
            level += gains[kpi.kpi_id][n]
            levels[kpi.kpi_id][period] = level
    return levels


def default_as_of(workspace: Workspace, followup: FollowUp) -> str | None:
    """The current period when none is given: the latest one with spend or a measurement."""
    used = {p for row in followup.progress for p, v in row.spent.items() if v > 0}
    used |= {m.period for m in followup.measurements}
    latest = [p for p in workspace.periods if p in used]
    return latest[-1] if latest else None


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiTrack:
    """One KPI at the end of one measured period."""

    kpi_id: str
    period: str
    planned: float
    actual: float
    variance: float  # actual − planned, in the KPI's unit
    variance_points: float  # signed toward the target: negative = behind plan

    @property
    def behind(self) -> bool:
        return self.variance_points < 0


@dataclass(frozen=True)
class GoalTrack:
    """One goal at the end of one period, over its KPIs measured in that period."""

    goal_id: str
    period: str
    planned_points: float
    actual_points: float
    weight: float = 0.0  # Σ w_g × strength over the goal's KPIs measured in the period

    @property
    def gap(self) -> float:
        return self.actual_points - self.planned_points

    @property
    def behind(self) -> bool:
        return self.gap <= -KPI_TOLERANCE * 100.0 * self.weight and self.gap < 0


@dataclass(frozen=True)
class InitiativeTrack:
    initiative_id: str
    name: str
    status: Status
    in_plan: bool
    planned_cost: float  # 0 for an initiative outside the plan
    spent: float
    overrun: float  # spent − planned cost when positive, else 0
    planned_finish: str | None
    late: bool


@dataclass(frozen=True)
class Tracking:
    """The plan against what happened, as `track` reports it (JSON: `to_json`)."""

    as_of: str | None
    kpis: tuple[KpiTrack, ...]
    goals: tuple[GoalTrack, ...]
    initiatives: tuple[InitiativeTrack, ...]
    alerts: tuple[str, ...]
    highlights: tuple[str, ...] = ()  # KPIs ahead of plan, in words (not in the JSON)
    # KPI id → period → planned value, for every period: the plan's step trajectory
    planned: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def late(self) -> tuple[InitiativeTrack, ...]:
        return tuple(i for i in self.initiatives if i.late)

    @property
    def over_budget(self) -> tuple[InitiativeTrack, ...]:
        return tuple(i for i in self.initiatives if i.overrun > 0)

    def to_json(self) -> dict[str, object]:
        """The `track` JSON of DESIGN.md: kpis, goals, initiatives, alerts; nothing more."""
        kpis: dict[str, dict[str, dict[str, float]]] = {}
        for k in self.kpis:
            kpis.setdefault(k.kpi_id, {})[k.period] = {
                "planned": _clean(k.planned),
                "actual": _clean(k.actual),
                "variance": _clean(k.variance),
                "variance_points": _clean(k.variance_points),
            }
        goals: dict[str, dict[str, dict[str, float]]] = {}
        for g in self.goals:
            goals.setdefault(g.goal_id, {})[g.period] = {
                "planned_points": _clean(g.planned_points),
                "actual_points": _clean(g.actual_points),
            }
        initiatives = {
            i.initiative_id: {
                "status": i.status.value,
                "planned_cost": _clean(i.planned_cost),
                "spent": _clean(i.spent),
                "overrun": _clean(i.overrun),
            }
            for i in self.initiatives
        }
        return {"kpis": kpis, "goals": goals, "initiatives": initiatives, "alerts": list(self.alerts)}


def _clean(value: float) -> float:
    # 8.0 + 2.4 + 1.2 is 11.600000000000001 in floating point: the JSON says 11.6
    rounded = round(float(value), 9)
    return 0.0 if rounded == 0 else rounded


# --- plan against actual ----------------------------------------------------------------------


def check_as_of(workspace: Workspace, as_of: str | None, lang: str = "en") -> None:
    if as_of is not None and as_of not in workspace.periods:
        periods = ", ".join(workspace.periods) or tr("fu.no_periods", lang)
        raise ScenarioError(tr("fu.as_of_unknown", lang, value=as_of, periods=periods))


def track(
    workspace: Workspace,
    plan: PortfolioResult,
    followup: FollowUp,
    *,
    as_of: str | None = None,
    lang: str = "en",
    scores: Scores | None = None,
) -> Tracking:
    """The plan (a solved portfolio) against the follow-up, at the current period `as_of`
    (default: `default_as_of`). Raises ScenarioError for an `as_of` that is not a period."""
    check_as_of(workspace, as_of, lang)
    scores = scores or score(workspace, lang)
    as_of = as_of or default_as_of(workspace, followup)
    finishes = {iid: finish_period(workspace, plan, iid) for iid in plan.selected}
    levels = planned_levels(workspace, plan, finishes)
    kpis = _kpi_tracks(workspace, followup, levels, scores)
    goals = _goal_tracks(workspace, followup, levels)
    initiatives = _initiative_tracks(workspace, plan, followup, finishes, as_of)
    alerts = [
        *_kpi_sentences(workspace, kpis, lang, behind=True),
        *_goal_alerts(workspace, goals, lang),
        *_initiative_alerts(workspace, initiatives, scores, as_of, lang),
    ]
    highlights = _kpi_sentences(workspace, kpis, lang, behind=False)
    return Tracking(as_of, kpis, goals, initiatives, tuple(alerts), tuple(highlights), levels)


def _kpi_tracks(
    workspace: Workspace, followup: FollowUp, levels: dict[str, dict[str, float]], scores: Scores
) -> tuple[KpiTrack, ...]:
    tracks = []
    for kpi in workspace.kpis:
        measured = followup.measured.get(kpi.kpi_id, {})
        for period in workspace.periods:
            if period not in measured:
                continue
            planned = levels[kpi.kpi_id][period]
            actual = measured[period]
            variance = actual - planned
            points = 100.0 * scores.kpi_weight.get(kpi.kpi_id, 0.0) * kpi.progress(variance)
            tracks.append(KpiTrack(kpi.kpi_id, period, planned, actual, variance, points))
    return tuple(tracks)


def _goal_tracks(
    workspace: Workspace, followup: FollowUp, levels: dict[str, dict[str, float]]
) -> tuple[GoalTrack, ...]:
    parts = kpi_goal_weights(workspace)  # KPI → goal → w_g × strength
    kpis = workspace.kpi_by_id
    tracks = []
    for goal in workspace.goals:
        linked = [k for k in kpis if goal.goal_id in parts.get(k, {})]
        for period in workspace.periods:
            measured = [k for k in linked if period in followup.measured.get(k, {})]
            if not measured:
                continue
            planned = actual = total = 0.0
            for kpi_id in measured:
                kpi, weight = kpis[kpi_id], parts[kpi_id][goal.goal_id]
                planned += 100.0 * weight * kpi.progress(levels[kpi_id][period] - kpi.baseline)
                actual += 100.0 * weight * kpi.progress(followup.measured[kpi_id][period] - kpi.baseline)
                total += weight
            tracks.append(GoalTrack(goal.goal_id, period, planned, actual, total))
    return tuple(tracks)


def _initiative_tracks(
    workspace: Workspace,
    plan: PortfolioResult,
    followup: FollowUp,
    finishes: dict[str, str | None],
    as_of: str | None,
) -> tuple[InitiativeTrack, ...]:
    rank = {p: n for n, p in enumerate(workspace.periods)}
    by_id = workspace.initiative_by_id
    in_plan = set(plan.selected)
    others = [
        p.initiative_id
        for p in followup.progress
        if p.initiative_id not in in_plan and (p.status is not Status.PLANNED or p.total_spent > 0)
    ]
    tracks = []
    for iid in (*plan.selected, *others):
        initiative = by_id[iid]
        status = followup.status(iid)
        spent = followup.spent(iid)
        planned_cost = initiative.cost if iid in in_plan else 0.0
        finish = finishes.get(iid)
        late = (
            iid in in_plan
            and status in (Status.PLANNED, Status.IN_PROGRESS)
            and as_of is not None
            and finish in rank
            and rank[finish] < rank[as_of]
        )
        overrun = spent - planned_cost if spent - planned_cost >= MONEY_TOLERANCE else 0.0
        tracks.append(
            InitiativeTrack(
                iid, initiative.name, status, iid in in_plan, planned_cost, spent, overrun, finish, late
            )
        )
    return tuple(tracks)


# --- tables for the pages -------------------------------------------------------------------


def trajectory_frame(workspace: Workspace, tracking: Tracking, followup: FollowUp) -> pd.DataFrame:
    """The KPI trajectory chart's data: one row per KPI, period and series.

    Columns: kpi_id, name, unit, period, series ("baseline", "plan", "actual", "target"),
    value. The plan is the planned value at the end of each period (a step at each finish);
    "actual" has a row only where the KPI was measured.
    """
    rows = []
    for kpi in workspace.kpis:
        common = {"kpi_id": kpi.kpi_id, "name": kpi.name, "unit": kpi.unit}
        measured = followup.measured.get(kpi.kpi_id, {})
        for period in workspace.periods:
            rows.append({**common, "period": period, "series": "baseline", "value": kpi.baseline})
            rows.append(
                {**common, "period": period, "series": "plan", "value": tracking.planned[kpi.kpi_id][period]}
            )
            if period in measured:
                rows.append({**common, "period": period, "series": "actual", "value": measured[period]})
            rows.append({**common, "period": period, "series": "target", "value": kpi.target})
    return pd.DataFrame(rows, columns=["kpi_id", "name", "unit", "period", "series", "value"])


def scorecard_frame(workspace: Workspace, tracking: Tracking) -> pd.DataFrame:
    """The goal scorecard: goal_id, name, period, planned_points, actual_points, gap, behind."""
    rows = [
        {
            "goal_id": g.goal_id,
            "name": workspace.goal_by_id[g.goal_id].name,
            "period": g.period,
            "planned_points": g.planned_points,
            "actual_points": g.actual_points,
            "gap": g.gap,
            "behind": g.behind,
        }
        for g in tracking.goals
    ]
    columns = ["goal_id", "name", "period", "planned_points", "actual_points", "gap", "behind"]
    return pd.DataFrame(rows, columns=columns)


# --- sentences ------------------------------------------------------------------------------


def kpi_decimals(kpi: Kpi) -> int:
    """Enough decimals to see a KPI move: 2 for small scales (a 1–7 effort score), else 1."""
    return 2 if kpi.span < 5 else 1


def signed_number(value: float, lang: str, decimals: int = 1) -> str:
    """+2.0 / −1.5 (a real minus sign), 0.0 without a sign."""
    text = format_number(abs(value), lang, decimals)
    if round(abs(value), decimals) == 0:
        return text
    return ("+" if value > 0 else "\u2212") + text


def _kpi_sentences(workspace: Workspace, kpis: tuple[KpiTrack, ...], lang: str, *, behind: bool) -> list[str]:
    """Each KPI at its latest measured period, when it is behind (or ahead of) plan."""
    latest: dict[str, KpiTrack] = {}
    for track_ in kpis:
        latest[track_.kpi_id] = track_  # periods come in order
    sentences = []
    for kpi_id, point in latest.items():
        kpi = workspace.kpi_by_id[kpi_id]
        share = kpi.progress(point.variance)
        if (behind and share > -KPI_TOLERANCE) or (not behind and share < KPI_TOLERANCE):
            continue
        decimals = kpi_decimals(kpi)
        sentences.append(
            tr(
                "fu.alert.kpi_behind" if behind else "fu.highlight.kpi_ahead",
                lang,
                kpi=kpi_id,
                name=kpi.name,
                period=point.period,
                actual=format_number(point.actual, lang, decimals),
                planned=format_number(point.planned, lang, decimals),
                variance=signed_number(point.variance, lang, decimals),
                unit=kpi.unit,
                points=signed_number(point.variance_points, lang, 1),
            ).replace(" ,", ",")
        )
    return sentences


def _goal_alerts(workspace: Workspace, goals: tuple[GoalTrack, ...], lang: str) -> list[str]:
    latest: dict[str, GoalTrack] = {}
    for point in goals:
        latest[point.goal_id] = point
    sentences = []
    for goal_id, point in latest.items():
        if not point.behind:
            continue
        sentences.append(
            tr(
                "fu.alert.goal_behind",
                lang,
                goal=goal_id,
                name=workspace.goal_by_id[goal_id].name,
                period=point.period,
                gap=format_number(-point.gap, lang, 1),
                actual=format_number(point.actual_points, lang, 1),
                planned=format_number(point.planned_points, lang, 1),
            )
        )
    return sentences


def status_label(status: Status, lang: str = "en") -> str:
    return tr(f"fu.status.{status.value}", lang)


def _initiative_alerts(
    workspace: Workspace,
    initiatives: tuple[InitiativeTrack, ...],
    scores: Scores,
    as_of: str | None,
    lang: str,
) -> list[str]:
    over, late, dropped, unplanned = [], [], [], []
    for item in initiatives:
        common = {"initiative": item.initiative_id, "name": item.name}
        if item.overrun > 0 and item.in_plan:
            share = item.overrun / item.planned_cost if item.planned_cost > 0 else float("nan")
            over.append(
                tr(
                    "fu.alert.over_budget",
                    lang,
                    **common,
                    spent=format_money(item.spent, lang),
                    planned=format_money(item.planned_cost, lang),
                    overrun=format_money(item.overrun, lang),
                    share=format_percent(share, lang, 0),
                )
            )
        if item.late:
            late.append(
                tr(
                    "fu.alert.late",
                    lang,
                    **common,
                    finish=item.planned_finish,
                    status=status_label(item.status, lang),
                    as_of=as_of,
                )
            )
        if item.status is Status.DROPPED and item.in_plan:
            dropped.append(
                tr(
                    "fu.alert.dropped",
                    lang,
                    **common,
                    spent=format_money(item.spent, lang),
                    points=format_number(scores.value.get(item.initiative_id, 0.0), lang, 1),
                )
            )
        if not item.in_plan:
            unplanned.append(
                tr(
                    "fu.alert.unplanned",
                    lang,
                    **common,
                    status=status_label(item.status, lang),
                    spent=format_money(item.spent, lang),
                )
            )
    return [*over, *late, *dropped, *unplanned]


# --- calibration of the estimates -------------------------------------------------------------


@dataclass(frozen=True)
class CalibrationRow:
    """One delivered initiative on one measured KPI: its estimate against its share of the
    measured movement (both in the KPI's unit and in value points)."""

    initiative_id: str
    team: str
    journey_phase: str
    kpi_id: str
    period: str  # the KPI's latest measured period
    estimated: float  # impact × confidence
    attributed: float  # the measured movement × the initiative's planned share
    share: float  # its planned share of the KPI's movement, in [0, 1]
    estimated_points: float
    measured_points: float


@dataclass(frozen=True)
class CalibrationGroup:
    """A team or a journey phase: its delivered initiatives' estimates against measurements."""

    name: str
    initiatives: int
    estimated_points: float
    measured_points: float

    @property
    def ratio(self) -> float | None:
        """Measured / estimated: below 1 the estimates were optimistic, above 1 cautious."""
        return self.measured_points / self.estimated_points if self.estimated_points else None


@dataclass(frozen=True)
class Calibration:
    rows: tuple[CalibrationRow, ...]
    by_team: tuple[CalibrationGroup, ...]
    by_phase: tuple[CalibrationGroup, ...]
    caveats: tuple[str, ...]  # the shared attribution, in words

    def sentences(self, lang: str = "en") -> list[str]:
        """One sentence per team, then per journey phase."""
        return [_group_sentence(g, lang) for g in (*self.by_team, *self.by_phase)]


def _group_sentence(group: CalibrationGroup, lang: str) -> str:
    ratio = group.ratio
    return tr(
        "fu.calibration.group",
        lang,
        group=group.name,
        count=group.initiatives,
        estimated=format_number(group.estimated_points, lang, 1),
        measured=format_number(group.measured_points, lang, 1),
        ratio=format_percent(ratio, lang, 0) if ratio is not None else "–",
    )


def calibrate(
    workspace: Workspace,
    plan: PortfolioResult | None,
    followup: FollowUp,
    *,
    lang: str = "en",
    scores: Scores | None = None,
) -> Calibration:
    """Estimated impact against measured movement, for the delivered initiatives.

    For each KPI, at its latest measured period p, the measured movement is
    `actual_k(p) − baseline_k`. It is shared between the delivered initiatives that move the
    KPI and were planned to finish by p, in proportion to their planned shares
    `|impact × confidence|` (each initiative's share of the KPI's expected movement); their
    estimate is `impact × confidence`. Value points use the KPI's weight W_k.
    """
    scores = scores or score(workspace, lang)
    rank = {p: n for n, p in enumerate(workspace.periods)}
    delivered = [iid for iid in followup.with_status(Status.DELIVERED) if iid in workspace.initiative_by_id]
    by_id = workspace.initiative_by_id
    contributors: dict[str, list[tuple[str, float]]] = {}
    for iid in delivered:
        finish = finish_period(workspace, plan, iid)
        for imp in workspace.impacts_by_initiative.get(iid, ()):
            measured = followup.measured.get(imp.kpi_id, {})
            latest = [p for p in workspace.periods if p in measured]
            if not latest or finish not in rank or rank[finish] > rank[latest[-1]]:
                continue
            contributors.setdefault(imp.kpi_id, []).append((iid, imp.impact * by_id[iid].confidence))
    rows: list[CalibrationRow] = []
    caveats: list[str] = []
    for kpi in workspace.kpis:
        members = contributors.get(kpi.kpi_id)
        if not members:
            continue
        measured = followup.measured[kpi.kpi_id]
        period = [p for p in workspace.periods if p in measured][-1]
        movement = measured[period] - kpi.baseline
        total = sum(abs(e) for _, e in members)
        weight = scores.kpi_weight.get(kpi.kpi_id, 0.0)
        for iid, estimate in members:
            share = abs(estimate) / total if total else 1.0 / len(members)
            initiative = by_id[iid]
            rows.append(
                CalibrationRow(
                    iid,
                    initiative.team,
                    initiative.journey_phase,
                    kpi.kpi_id,
                    period,
                    estimate,
                    movement * share,
                    share,
                    100.0 * weight * kpi.progress(estimate),
                    100.0 * weight * kpi.progress(movement * share),
                )
            )
        if len(members) > 1:
            shares = ", ".join(
                f"{iid} ({format_percent(abs(e) / total if total else 1 / len(members), lang, 0)})"
                for iid, e in members
            )
            caveats.append(
                tr(
                    "fu.calibration.shared",
                    lang,
                    kpi=kpi.kpi_id,
                    movement=signed_number(movement, lang, kpi_decimals(kpi)),
                    unit=kpi.unit,
                    period=period,
                    shares=shares,
                ).replace(" )", ")")
            )
    if rows:
        caveats.insert(0, tr("fu.calibration.caveat", lang))
    else:
        caveats.append(tr("fu.calibration.none", lang))
    return Calibration(
        tuple(rows),
        _groups(rows, lambda r: r.team or tr("fu.no_team", lang)),
        _groups(rows, lambda r: r.journey_phase or tr("fu.no_phase", lang)),
        tuple(caveats),
    )


def _groups(rows: list[CalibrationRow], name_of) -> tuple[CalibrationGroup, ...]:
    found: dict[str, list[CalibrationRow]] = {}
    for row in rows:
        found.setdefault(name_of(row), []).append(row)
    return tuple(
        CalibrationGroup(
            name,
            len({r.initiative_id for r in members}),
            sum(r.estimated_points for r in members),
            sum(r.measured_points for r in members),
        )
        for name, members in found.items()
    )
