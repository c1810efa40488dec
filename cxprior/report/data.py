"""The figures of the COMEX pack, computed once for both the Excel workbook and the PDF.

`build_report(ws, result, …)` turns a solved portfolio into plain frozen dataclasses:
headline figures, cost per period against budget, value by goal, expected KPI movement,
the funded and left-out tables, focus indicators, scenario parameters, the frontier and
the decisions, and — when a Monte Carlo analysis is given — how robust the choice is. A
workspace with team capacity or initiatives that may start later adds the roadmap: when each
funded initiative starts and finishes, and why those that start later do; costs per period
are then the shifted ones (`result.cost_by_period`, and each initiative's shifted profile).
Nothing here formats or writes: the documents only lay these figures out.

The portfolio-level figures (value, cost, cost per period, value per goal, focus) are
the optimizer's own; per-initiative figures come from the value model (`cxprior.domain.value`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cxprior.analysis import (
    Alignment,
    InitiativeTrack,
    Tracking,
    alignment_sentence,
    kpi_projection,
    main_goal,
    phase_order,
)
from cxprior.charts import roadmap_groups
from cxprior.domain import (
    TOTAL_PERIOD,
    CxpriorError,
    PortfolioResult,
    Scenario,
    Scores,
    Workspace,
    earliest_index,
    focus_indicators,
    has_flexible_starts,
    score,
    shift_profile,
    value_per_meur,
)
from cxprior.i18n import CATALOG, format_money, format_number, format_percent, normalise_language, tr
from cxprior.portfolio import (
    SensitivityResult,
    UncertaintyResult,
    category_label,
    roadmap_frame,
    robustness_frame,
    summary_sentences,
)
from cxprior.report.weights import ReportWeights, report_weights
from cxprior.workbook import neutralise

WORKFLOW_STATUSES = ("draft", "submitted", "approved", "sent_back")
DECIDED_STATUSES = ("approved", "sent_back")


@dataclass(frozen=True)
class Headline:
    value: float
    total_cost: float
    # the budget the cost is measured against: the total cap, else the sum of period caps
    budget: float | None
    budget_used: float | None
    funded_count: int
    candidate_count: int
    solver_status: str
    gap: float | None

    @property
    def value_per_meur(self) -> float | None:
        return value_per_meur(self.value, self.total_cost)


@dataclass(frozen=True)
class PeriodLine:
    period: str
    cost: float
    budget: float | None
    used: float | None


@dataclass(frozen=True)
class GoalLine:
    goal_id: str
    name: str
    weight: float  # normalised, sums to 1
    value: float
    share: float | None  # of the portfolio value


@dataclass(frozen=True)
class KpiLine:
    """Expected movement of one KPI if the portfolio is delivered.

    `movement` is Σ confidence × impact over the funded initiatives: the expected change,
    consistent with the value model, which also weighs impacts by confidence.
    `progress` is the share of the way from baseline to target (can exceed 1 or be < 0).
    """

    kpi_id: str
    name: str
    unit: str
    direction: str
    side: str
    baseline: float
    movement: float
    projected: float
    target: float
    progress: float
    goals: tuple[str, ...]


@dataclass(frozen=True)
class FundedLine:
    initiative_id: str
    name: str
    team: str
    owner: str
    journey_phase: str
    cost: float
    period_costs: tuple[float, ...]  # in the order of ReportData.periods, shifted to its start
    value: float
    kpis: tuple[str, ...]
    goals: tuple[str, ...]
    mandatory: bool
    forced_in: bool
    main_goal: str = ""  # name of the goal it contributes most to

    @property
    def value_per_meur(self) -> float | None:
        return value_per_meur(self.value, self.cost)


@dataclass(frozen=True)
class LeftOutLine:
    initiative_id: str
    name: str
    team: str
    owner: str
    journey_phase: str
    cost: float
    value: float
    reason_code: str
    reason: str


@dataclass(frozen=True)
class FocusLine:
    """One focus indicator with the scenario's limit on it, if any."""

    key: str  # count | phases | top_phase | top_share | hhi
    value: float | str
    limit: int | None = None


@dataclass(frozen=True)
class Parameter:
    key: str
    label: str
    value: float | int | str | None
    kind: str = "text"  # text | money | percent | integer | number | points


@dataclass(frozen=True)
class FrontierLine:
    budget: float
    cost: float
    value: float | None  # None: no portfolio fits this budget level
    count: int
    solver_status: str
    gap: float | None


@dataclass(frozen=True)
class DecisionEntry:
    status: str
    author: str
    at: dt.datetime | None
    comment: str


@dataclass(frozen=True)
class RobustnessLine:
    """One initiative's core index: the share of drawn worlds whose best portfolio keeps it."""

    initiative_id: str
    name: str
    funded: bool
    core_index: float
    category: str  # core | borderline | rare
    category_label: str


@dataclass(frozen=True)
class Robustness:
    """How robust the funded portfolio is when impacts and delivery are uncertain.

    Percentiles are of the funded portfolio's value over the draws (value points); `lines`
    hold the funded initiatives and every other one kept in some draw, most robust first.
    """

    draws: int
    seed: int
    p10: float
    p50: float
    p90: float
    expected: float
    infeasible_draws: int
    sentences: tuple[str, ...]
    lines: tuple[RobustnessLine, ...]

    def funded_in(self, category: str) -> tuple[RobustnessLine, ...]:
        """The funded initiatives of one category (core, borderline or rare)."""
        return tuple(line for line in self.lines if line.funded and line.category == category)


@dataclass(frozen=True)
class ReportAlignment:
    """A survey's importance per journey phase against the portfolio's spend, and its sentence."""

    alignment: Alignment
    sentence: str


@dataclass(frozen=True)
class TrackLine:
    """A KPI at its latest measured period: planned against actual, the gap in value points."""

    kpi_id: str
    name: str
    unit: str
    period: str
    planned: float
    actual: float
    variance: float
    variance_points: float


@dataclass(frozen=True)
class GoalTrackLine:
    goal_id: str
    name: str
    period: str
    planned_points: float
    actual_points: float


@dataclass(frozen=True)
class ReportTracking:
    """The approved plan against what happened (`cxprior.analysis.track`), for the pack's
    follow-up page: the alerts, each KPI and goal at its latest measured period, and the
    initiatives late or over budget."""

    as_of: str | None
    alerts: tuple[str, ...]
    highlights: tuple[str, ...]
    kpis: tuple[TrackLine, ...]
    goals: tuple[GoalTrackLine, ...]
    late_or_over: tuple[InitiativeTrack, ...]


def report_tracking(ws: Workspace, tracking: Tracking) -> ReportTracking:
    """Each KPI and goal at its latest measured period (the periods follow the workspace's order)."""
    rank = {p: n for n, p in enumerate(ws.periods)}
    latest_kpi = {}
    for k in sorted(tracking.kpis, key=lambda k: rank.get(k.period, -1)):
        latest_kpi[k.kpi_id] = k
    latest_goal = {}
    for g in sorted(tracking.goals, key=lambda g: rank.get(g.period, -1)):
        latest_goal[g.goal_id] = g
    kpis = ws.kpi_by_id
    lines = tuple(
        TrackLine(
            k.kpi_id,
            neutralise(kpis[k.kpi_id].name),
            neutralise(kpis[k.kpi_id].unit),
            k.period,
            k.planned,
            k.actual,
            k.variance,
            k.variance_points,
        )
        for kpi in ws.kpis
        if (k := latest_kpi.get(kpi.kpi_id)) is not None
    )
    goals = tuple(
        GoalTrackLine(g.goal_id, neutralise(goal.name), g.period, g.planned_points, g.actual_points)
        for goal in ws.goals
        if (g := latest_goal.get(goal.goal_id)) is not None
    )
    late_or_over = tuple({i.initiative_id: i for i in (*tracking.late, *tracking.over_budget)}.values())
    return ReportTracking(tracking.as_of, tracking.alerts, tracking.highlights, lines, goals, late_or_over)


@dataclass(frozen=True)
class StartLine:
    """When one funded initiative starts and finishes, and why when it starts later than it could."""

    initiative_id: str
    name: str
    team: str  # the Initiatives sheet's team
    teams: str  # the teams of its efforts, "Digital, Marketing"
    journey_phase: str
    earliest_start: str
    start: str
    finish: str
    moved: bool
    why: str
    value: float
    group: str  # the panel of the roadmap chart: its team (`cxprior.charts.roadmap_groups`)


@dataclass(frozen=True)
class ReportRoadmap:
    """The pack's roadmap: one line per funded initiative, by start then id."""

    lines: tuple[StartLine, ...]

    @property
    def moved(self) -> tuple[StartLine, ...]:
        return tuple(line for line in self.lines if line.moved)


def has_roadmap(ws: Workspace) -> bool:
    """The workspace plans when and by whom: it has team capacity, or initiatives that may
    start later than their earliest start (a v1 workspace has neither)."""
    return bool(ws.capacities) or has_flexible_starts(ws)


def report_roadmap(ws: Workspace, result: PortfolioResult, scores: Scores, lang: str) -> ReportRoadmap | None:
    """The roadmap of `result`, None for a workspace without one (or without cost periods)."""
    if not ws.periods or not has_roadmap(ws):
        return None
    frame = roadmap_frame(ws, result, lang)
    groups = roadmap_groups(ws, frame, "team", scores, lang)
    return ReportRoadmap(
        tuple(
            StartLine(
                row.initiative_id,
                neutralise(row.name),
                neutralise(row.team),
                neutralise(row.teams),
                neutralise(row.journey_phase),
                row.earliest_start,
                row.start,
                row.finish,
                bool(row.moved),
                row.why,
                scores.value.get(row.initiative_id, 0.0),
                neutralise(groups[row.initiative_id]),
            )
            for row in frame.itertuples(index=False)
        )
    )


def shifted_costs(ws: Workspace, result: PortfolioResult, iid: str) -> tuple[float, ...]:
    """An initiative's cost per period of `ws.periods` as funded: its profile shifted to its start."""
    initiative = ws.initiative_by_id[iid]
    start = result.start.get(iid)
    shift = ws.periods.index(start) - earliest_index(initiative, ws.periods) if start in ws.periods else 0
    profile = shift_profile(initiative.period_costs, ws.periods, shift) if shift > 0 else {}
    return tuple(profile.get(p, initiative.cost_in(p)) for p in ws.periods)


@dataclass(frozen=True)
class ReportData:
    lang: str
    company: str
    scenario_name: str
    generated_on: dt.date
    workflow_status: str
    periods: tuple[str, ...]
    headline: Headline
    period_lines: tuple[PeriodLine, ...]
    goal_lines: tuple[GoalLine, ...]
    kpi_lines: tuple[KpiLine, ...]
    funded: tuple[FundedLine, ...]
    left_out: tuple[LeftOutLine, ...]
    focus: tuple[FocusLine, ...]
    parameters: tuple[Parameter, ...]
    frontier: tuple[FrontierLine, ...]
    decisions: tuple[DecisionEntry, ...]
    robustness: Robustness | None = None
    # page one in words: what is funded and what is given up, and what the scenario assumed
    summary: str = ""
    assumptions: tuple[str, ...] = ()
    # listening: importance against funded spend per journey phase, when a survey is loaded
    alignment: ReportAlignment | None = None
    # follow-up of an approved scenario: the plan against what happened, when a follow-up exists
    tracking: ReportTracking | None = None
    # the robust core whatever the members' weights, and the disputed initiatives
    weights: ReportWeights | None = None
    # when each funded initiative starts (workspaces with team capacity or later starts)
    roadmap: ReportRoadmap | None = None

    @property
    def decision(self) -> DecisionEntry | None:
        """The latest approval or send-back, if the scenario has been decided."""
        decided = [d for d in self.decisions if d.status in DECIDED_STATUSES]
        return decided[-1] if decided else None


def build_report(
    ws: Workspace,
    result: PortfolioResult,
    *,
    company: str = "",
    frontier: object | None = None,
    decisions: Iterable[object] = (),
    lang: str = "en",
    today: dt.date | None = None,
    scores: Scores | None = None,
    uncertainty: UncertaintyResult | None = None,
    alignment: Alignment | None = None,
    tracking: Tracking | None = None,
    sensitivity: SensitivityResult | None = None,
) -> ReportData:
    """All the figures of the pack for a solved `result` of `ws`.

    `frontier` is a `cxprior.portfolio.efficient_frontier.Frontier` (anything with `.points` whose items have
    budget, cost, value, selected, status, gap). `decisions` are status changes as objects
    or dicts with status, author, at (datetime) and comment, in any order. `uncertainty` is
    a `cxprior.portfolio.robustness.monte_carlo` result for this very portfolio.
    `alignment` (`cxprior.analysis.phase_alignment` of a survey's analysis and this result)
    adds importance against spend per journey phase. `tracking` (`cxprior.analysis.track` of
    this result and its follow-up, in `lang`) adds the follow-up page.
    `sensitivity` (`cxprior.portfolio.weight_sensitivity` with the COMEX members' weights)
    adds the half page on the robust core whatever the weights and the disputed initiatives.
    Raises CxpriorError when the result has no portfolio to present (infeasible), or when
    `uncertainty` assessed another portfolio than `result`'s.
    """
    lang = normalise_language(lang)
    if not result.is_solved:
        raise CxpriorError(tr("report.not_solved", lang, status=solver_label(result.status, lang)))
    scores = scores or score(ws, lang)
    scenario = result.scenario or Scenario()
    entries = decision_entries(decisions)
    workflow = entries[-1].status if entries else "draft"
    return ReportData(
        lang=lang,
        # typed in the app or on the command line, not read from the workbook: made neutral here
        company=neutralise(company),
        scenario_name=neutralise(scenario.name),
        generated_on=today or dt.date.today(),
        workflow_status=workflow,
        periods=tuple(ws.periods),
        headline=_headline(ws, result, scenario),
        period_lines=_period_lines(ws, result, scenario),
        goal_lines=_goal_lines(ws, result, scores),
        kpi_lines=_kpi_lines(ws, result.selected),
        funded=_funded(ws, result, scenario, scores),
        left_out=_left_out(ws, result, scores, lang),
        focus=_focus_lines(ws, result, scenario),
        parameters=_parameters(ws, result, scenario, lang),
        frontier=_frontier_lines(frontier),
        decisions=entries,
        robustness=None if uncertainty is None else robustness(ws, result, uncertainty, lang),
        summary=summary_sentence(ws, result, scores, lang),
        assumptions=assumption_sentences(ws, scenario, lang),
        alignment=(
            None
            if alignment is None
            else ReportAlignment(alignment, alignment_sentence(alignment, lang, phases=phase_order(ws)))
        ),
        tracking=None if tracking is None else report_tracking(ws, tracking),
        weights=None if sensitivity is None else report_weights(ws, sensitivity, lang),
        roadmap=report_roadmap(ws, result, scores, lang),
    )


def summary_sentence(ws: Workspace, result: PortfolioResult, scores: Scores, lang: str = "en") -> str:
    """What is funded and what is given up, in one sentence (the value given up counts only
    the initiatives worth something)."""
    selected = set(result.selected)
    left = [i for i in ws.initiatives if i.initiative_id not in selected]
    given_up = sum(max(scores.value.get(i.initiative_id, 0.0), 0.0) for i in left)
    return tr(
        "report.summary",
        lang,
        count=len(selected),
        cost=format_money(result.total_cost, lang),
        value=format_number(float(result.objective or 0.0), lang, 1),
        left=tr("report.summary.left", lang, count=len(left)),
        left_cost=format_money(sum(i.cost for i in left), lang),
        left_value=format_number(given_up, lang, 1),
    )


def assumption_sentences(ws: Workspace, scenario: Scenario, lang: str = "en") -> tuple[str, ...]:
    """The scenario's assumptions as the committee reads them: budgets, focus limits, minimum
    shares, and the initiatives imposed or excluded, with the reasons given."""
    lines = []
    if scenario.budget_total is not None:
        lines.append(tr("report.assume.budget_total", lang, amount=format_money(scenario.budget_total, lang)))
    for period, amount in scenario.budget_by_period.items():
        lines.append(
            tr("report.assume.budget_period", lang, period=period, amount=format_money(amount, lang))
        )
    if not scenario.budget_limits:
        lines.append(tr("report.assume.no_budget", lang))
    if scenario.max_initiatives is not None:
        lines.append(tr("report.assume.max_initiatives", lang, count=scenario.max_initiatives))
    if scenario.max_phases is not None:
        lines.append(tr("report.assume.max_phases", lang, count=scenario.max_phases))
    for goal_id, share in scenario.min_goal_share.items():
        goal = ws.goal_by_id.get(goal_id)
        name = neutralise(goal.name) if goal and goal.name else goal_id
        lines.append(tr("report.assume.min_goal_share", lang, goal=name, share=format_percent(share, lang)))
    for competency, share in scenario.min_competency_share.items():
        key = f"report.competency.{competency}"
        name = tr(key, lang) if key in CATALOG else str(competency)
        share_text = format_percent(share, lang)
        lines.append(tr("report.assume.min_competency_share", lang, competency=name, share=share_text))
    for phase, share in scenario.min_phase_share.items():
        share_text = format_percent(share, lang)
        lines.append(tr("listen.report.assume", lang, phase=neutralise(phase), share=share_text))
    for how, ids in (("force_in", scenario.force_in), ("force_out", scenario.force_out)):
        for iid in ids:
            initiative = ws.initiative_by_id.get(iid)
            item = f"{iid} ({neutralise(initiative.name)})" if initiative and initiative.name else iid
            reason = neutralise(scenario.force_reasons.get(iid, ""))
            key = f"report.assume.{how}_because" if reason else f"report.assume.{how}"
            lines.append(tr(key, lang, item=item, reason=reason))
    return tuple(lines)


def robustness(
    ws: Workspace, result: PortfolioResult, uncertainty: UncertaintyResult, lang: str = "en"
) -> Robustness:
    """The pack's robustness figures from a Monte Carlo result on `result`'s portfolio."""

    lang = normalise_language(lang)
    if set(uncertainty.chosen) != set(result.selected):
        raise CxpriorError(tr("depth.report.other_portfolio", lang))
    frame = robustness_frame(uncertainty, ws, lang)
    kept = frame[frame["in_chosen"] | (frame["core_index"] > 0)]
    percentiles = uncertainty.percentiles("chosen")
    return Robustness(
        draws=uncertainty.draws,
        seed=uncertainty.seed,
        p10=percentiles[10],
        p50=percentiles[50],
        p90=percentiles[90],
        expected=uncertainty.expected_chosen_value,
        infeasible_draws=uncertainty.infeasible_draws,
        sentences=summary_sentences(uncertainty, lang),
        lines=tuple(
            RobustnessLine(
                row.initiative_id,
                row.name,
                bool(row.in_chosen),
                float(row.core_index),
                row.category,
                category_label(row.category, row.core_index, lang),
            )
            for row in kept.itertuples(index=False)
        ),
    )


def _headline_budget(scenario: Scenario) -> float | None:
    if scenario.budget_total is not None:
        return scenario.budget_total
    if scenario.budget_by_period:
        return sum(scenario.budget_by_period.values())
    return None


def _headline(ws: Workspace, result: PortfolioResult, scenario: Scenario) -> Headline:
    budget = _headline_budget(scenario)
    return Headline(
        value=float(result.objective or 0.0),
        total_cost=result.total_cost,
        budget=budget,
        budget_used=result.total_cost / budget if budget else None,
        funded_count=len(result.selected),
        candidate_count=len(ws.initiatives),
        solver_status=result.status,
        gap=result.gap,
    )


def _period_lines(ws: Workspace, result: PortfolioResult, scenario: Scenario) -> tuple[PeriodLine, ...]:
    chosen = [i for i in result.selected if i in ws.initiative_by_id]
    lines = []
    for offset, period in enumerate(ws.periods):
        cost = result.cost_by_period.get(period)
        if cost is None:  # the optimizer's spend after shifting, else each one's shifted profile
            cost = sum(shifted_costs(ws, result, i)[offset] for i in chosen)
        budget = scenario.budget_by_period.get(period)
        lines.append(PeriodLine(period, cost, budget, cost / budget if budget else None))
    budget = _headline_budget(scenario)
    lines.append(
        PeriodLine(TOTAL_PERIOD, result.total_cost, budget, result.total_cost / budget if budget else None)
    )
    return tuple(lines)


def _goal_lines(ws: Workspace, result: PortfolioResult, scores: Scores) -> tuple[GoalLine, ...]:
    total = result.objective or 0.0
    by_goal = result.value_by_goal or scores.value_by_goal(result.selected)
    return tuple(
        GoalLine(
            goal.goal_id,
            goal.name,
            scores.goal_weight.get(goal.goal_id, 0.0),
            by_goal.get(goal.goal_id, 0.0),
            by_goal.get(goal.goal_id, 0.0) / total if total > 0 else None,
        )
        for goal in ws.goals
    )


def _kpi_lines(ws: Workspace, selected: Sequence[str]) -> tuple[KpiLine, ...]:
    projection = kpi_projection(ws, selected)
    lines = []
    for row in projection.itertuples(index=False):
        kpi = ws.kpi_by_id[row.kpi_id]
        goals = tuple(dict.fromkeys(ws.goal_by_id[g].name for g in row.goal_ids))
        lines.append(
            KpiLine(
                row.kpi_id,
                row.name,
                row.unit,
                row.direction,
                kpi.side,
                float(row.baseline),
                float(row.movement),
                float(row.projected),
                float(row.target),
                float(row.progress),
                goals,
            )
        )
    return tuple(lines)


def _served(ws: Workspace, iid: str, scores: Scores) -> tuple[tuple[str, ...], tuple[str, ...]]:
    kpis = tuple(k for k, part in scores.by_kpi.get(iid, {}).items() if part != 0)
    goals = tuple(
        ws.goal_by_id[g].name
        for g, part in scores.by_goal.get(iid, {}).items()
        if part > 0 and g in ws.goal_by_id
    )
    return kpis, goals


def _main_goal(ws: Workspace, iid: str, scores: Scores) -> str:
    goal_id = main_goal(scores, iid)
    goal = ws.goal_by_id.get(goal_id)
    return goal.name if goal else ""


def _funded(
    ws: Workspace, result: PortfolioResult, scenario: Scenario, scores: Scores
) -> tuple[FundedLine, ...]:
    forced = set(scenario.force_in)
    lines = []
    for iid in result.selected:
        initiative = ws.initiative_by_id.get(iid)
        if initiative is None:
            continue
        kpis, goals = _served(ws, iid, scores)
        lines.append(
            FundedLine(
                iid,
                initiative.name,
                initiative.team,
                initiative.owner,
                initiative.journey_phase,
                initiative.cost,
                shifted_costs(ws, result, iid),
                scores.value.get(iid, 0.0),
                kpis,
                goals,
                initiative.mandatory,
                iid in forced,
                _main_goal(ws, iid, scores),
            )
        )
    return tuple(sorted(lines, key=lambda line: (-line.value, line.initiative_id)))


def _left_out(ws: Workspace, result: PortfolioResult, scores: Scores, lang: str) -> tuple[LeftOutLine, ...]:
    reasons = {r.initiative_id: r for r in result.exclusions}
    selected = set(result.selected)
    lines = []
    for initiative in ws.initiatives:
        iid = initiative.initiative_id
        if iid in selected:
            continue
        reason = reasons.get(iid)
        lines.append(
            LeftOutLine(
                iid,
                initiative.name,
                initiative.team,
                initiative.owner,
                initiative.journey_phase,
                initiative.cost,
                scores.value.get(iid, 0.0),
                reason.code if reason else "not_selected",
                reason.message if reason else tr("report.reason.not_selected", lang),
            )
        )
    return tuple(sorted(lines, key=lambda line: (-line.value, line.initiative_id)))


def _focus_lines(ws: Workspace, result: PortfolioResult, scenario: Scenario) -> tuple[FocusLine, ...]:
    focus = result.focus or focus_indicators(ws, result.selected)
    return (
        FocusLine("count", focus.count, scenario.max_initiatives),
        FocusLine("phases", focus.phases_touched, scenario.max_phases),
        FocusLine("top_phase", focus.top_phase),
        FocusLine("top_share", focus.top_phase_spend_share),
        FocusLine("hhi", focus.concentration_index),
    )


def _parameters(
    ws: Workspace, result: PortfolioResult, scenario: Scenario, lang: str
) -> tuple[Parameter, ...]:
    no_cap = tr("report.param.no_cap", lang)
    params = [
        Parameter("name", tr("report.param.name", lang), neutralise(scenario.name)),
        Parameter(
            "budget_total",
            tr("report.param.budget_total", lang),
            scenario.budget_total if scenario.budget_total is not None else no_cap,
            "money" if scenario.budget_total is not None else "text",
        ),
    ]
    for period in ws.periods:
        amount = scenario.budget_by_period.get(period)
        params.append(
            Parameter(
                f"budget:{period}",
                tr("report.param.budget_period", lang, period=period),
                amount if amount is not None else no_cap,
                "money" if amount is not None else "text",
            )
        )
    no_limit = tr("report.focus.no_limit", lang)
    for key, limit in (("max_initiatives", scenario.max_initiatives), ("max_phases", scenario.max_phases)):
        params.append(
            Parameter(
                key,
                tr(f"report.param.{key}", lang),
                limit if limit is not None else no_limit,
                "integer" if limit is not None else "text",
            )
        )
    for goal_id, share in scenario.min_goal_share.items():
        goal = ws.goal_by_id.get(goal_id)
        label = f"{goal_id} – {goal.name}" if goal else goal_id
        params.append(
            Parameter(
                f"min_goal_share:{goal_id}",
                tr("report.param.min_goal_share", lang, goal=label),
                share,
                "percent",
            )
        )
    for competency, share in scenario.min_competency_share.items():
        key = f"report.competency.{competency}"
        name = tr(key, lang) if key in CATALOG else str(competency)
        params.append(
            Parameter(
                f"min_competency_share:{competency}",
                tr("report.param.min_competency_share", lang, competency=name),
                share,
                "percent",
            )
        )
    none = tr("report.no_initiative", lang)
    params += [
        Parameter(
            "force_in",
            tr("report.param.force_in", lang),
            _ids_with_reasons(scenario.force_in, scenario) or none,
        ),
        Parameter(
            "force_out",
            tr("report.param.force_out", lang),
            _ids_with_reasons(scenario.force_out, scenario) or none,
        ),
        Parameter("solver", tr("report.param.solver", lang), result.solver or scenario.solver),
        Parameter(
            "time_limit",
            tr("report.param.time_limit", lang),
            scenario.time_limit if scenario.time_limit is not None else no_limit,
            "number" if scenario.time_limit is not None else "text",
        ),
        Parameter("mip_gap", tr("report.param.gap", lang), scenario.mip_gap, "percent"),
        Parameter("status", tr("report.param.status", lang), solver_label(result.status, lang)),
        Parameter("proven_gap", tr("report.param.proven_gap", lang), result.gap, "percent"),
        Parameter("solve_seconds", tr("report.param.solve_seconds", lang), result.solve_seconds, "number"),
    ]
    for period, per_euro in result.marginal_value_per_euro.items():
        label = tr("report.total", lang) if period == TOTAL_PERIOD else period
        params.append(
            Parameter(
                f"marginal:{period}",
                tr("report.param.marginal", lang, period=label),
                per_euro * 1000,
                "points",
            )
        )
    for iid, lost in result.forced_in_cost.items():
        params.append(
            Parameter(
                f"forced_cost:{iid}", tr("report.param.forced_cost", lang, initiative=iid), lost, "points"
            )
        )
    return tuple(params)


def _ids_with_reasons(ids: Sequence[str], scenario: Scenario) -> str:
    parts = []
    for iid in ids:
        reason = neutralise(scenario.force_reasons.get(iid, ""))
        parts.append(f"{iid} ({reason})" if reason else iid)
    return ", ".join(parts)


def _frontier_lines(frontier: object | None) -> tuple[FrontierLine, ...]:
    if frontier is None:
        return ()
    lines = []
    for point in getattr(frontier, "points", frontier):
        selected = _field(point, "selected", default=()) or ()
        lines.append(
            FrontierLine(
                float(_field(point, "budget", default=0.0)),
                float(_field(point, "cost", default=0.0) or 0.0),
                _optional_float(_field(point, "value", default=None)),
                len(selected),
                str(_field(point, "status", default="")),
                _field(point, "gap", default=None),
            )
        )
    return tuple(lines)


def _optional_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _field(item: object, *names: str, default: object = "") -> object:
    for name in names:
        if isinstance(item, Mapping):
            if name in item:
                return item[name]
        elif hasattr(item, name):
            return getattr(item, name)
    return default


def decision_entries(decisions: Iterable[object]) -> tuple[DecisionEntry, ...]:
    """Status changes as plain entries, oldest first (entries without a time keep their order)."""
    entries = []
    for item in decisions:
        status = _field(item, "status", "to_status", "new_status", default="")
        status = getattr(status, "value", status)
        at = _field(item, "at", "created_at", "decided_at", default=None)
        entries.append(
            DecisionEntry(
                str(status),
                neutralise(str(_field(item, "author", default="") or "")),
                at if isinstance(at, dt.datetime) else None,
                neutralise(str(_field(item, "comment", default="") or "")),
            )
        )
    stamped = [e for e in entries if e.at is not None]
    if len(stamped) == len(entries):
        entries.sort(key=lambda e: _comparable(e.at or dt.datetime.min))
    return tuple(entries)


def _comparable(moment: dt.datetime) -> dt.datetime:
    # naive and aware datetimes cannot be compared; read naive ones as UTC
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def workflow_label(status: str, lang: str) -> str:
    """ "Approved", "Brouillon"… for a workflow status; an unknown status is shown as is."""
    key = f"report.workflow.{status}"
    return tr(key, lang) if key in CATALOG else status


def solver_label(status: str, lang: str) -> str:
    key = f"report.solver.{status}"
    return tr(key, lang) if key in CATALOG else status
