"""The workspace at a glance: headline figures and the warnings the Overview page shows.

Warnings cover the two errors the product exists to cure (CX_PRIMER.md): disconnection
from strategic value (KPIs linked to no goal, initiatives worth nothing) and
fragmentation (many small initiatives, spend spread evenly over every journey phase).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from cxprior.domain import TOTAL_PERIOD, Scores, Workspace, fold, kpi_goal_weights, phases_of, score
from cxprior.i18n import format_money, format_percent, tr

# An initiative asking less than half the average cost is "small"; a backlog where at least
# 40 % of initiatives (and at least 5) are small funds many things a little.
SMALL_COST_RATIO = 0.5
MANY_SMALL_SHARE = 0.4
MANY_SMALL_MIN_COUNT = 5
# Spend is "spread over all phases" when there are at least 4 phases and none takes more
# than 1.5 × its even share: no phase of the journey stands out as the priority.
SPREAD_MIN_PHASES = 4
SPREAD_TOP_FACTOR = 1.5

Level = Literal["warning", "info"]


@dataclass(frozen=True)
class Insight:
    code: (
        str  # kpi_disconnected | initiative_disconnected | initiative_no_impact | many_small | spread_phases
    )
    level: Level
    message: str
    subject_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Overview:
    """Counts and money of one workspace; budgets come from its Budget sheet."""

    goals: int
    kpis: int
    linked_kpis: int
    initiatives: int
    mandatory: int
    phases: int
    asked_total: float
    asked_by_period: dict[str, float]
    budget_total: float | None
    budget_by_period: dict[str, float]

    @property
    def asked_to_budget(self) -> float | None:
        """How many times the budget the backlog asks for; None without a budget."""
        if not self.budget_total:
            return None
        return self.asked_total / self.budget_total


def overview(workspace: Workspace) -> Overview:
    budgets = workspace.budget_by_period
    by_period = {p: v for p, v in budgets.items() if p != TOTAL_PERIOD}
    budget_total = budgets.get(TOTAL_PERIOD)
    if budget_total is None and by_period:
        budget_total = sum(by_period.values())
    linked = {link.kpi_id for link in workspace.links if link.goal_id in workspace.goal_by_id}
    return Overview(
        goals=len(workspace.goals),
        kpis=len(workspace.kpis),
        linked_kpis=sum(1 for k in workspace.kpis if k.kpi_id in linked),
        initiatives=len(workspace.initiatives),
        mandatory=sum(1 for i in workspace.initiatives if i.mandatory),
        phases=len(workspace.journey_phases),
        asked_total=sum(i.cost for i in workspace.initiatives),
        asked_by_period={p: sum(i.cost_in(p) for i in workspace.initiatives) for p in workspace.periods},
        budget_total=budget_total,
        budget_by_period=by_period,
    )


def phase_spend(workspace: Workspace, initiative_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Cost, count and share of cost per journey phase, largest first.

    Phases are read as the journey reads them (`phases_of`, names folded): an initiative on a
    transition ("A > B") counts in both phases with half its cost in each, so these figures
    are the Journey page's. Initiatives without a phase are grouped under "" so that the
    shares add up to 1.
    """
    wanted = None if initiative_ids is None else set(initiative_ids)
    canonical: dict[str, str] = {}
    cost: dict[str, float] = {}
    count: dict[str, int] = {}
    for i in workspace.initiatives:
        named = [canonical.setdefault(fold(p), p) for p in phases_of(i.journey_phase)]
        if wanted is not None and i.initiative_id not in wanted:
            continue
        touched = tuple(dict.fromkeys(named)) or ("",)
        for phase in touched:
            cost[phase] = cost.get(phase, 0.0) + i.cost / len(touched)
            count[phase] = count.get(phase, 0) + 1
    total = sum(cost.values())
    frame = pd.DataFrame(
        {
            "journey_phase": list(cost),
            "cost": list(cost.values()),
            "count": [count[p] for p in cost],
            "share": [c / total if total > 0 else 0.0 for c in cost.values()],
        },
        columns=["journey_phase", "cost", "count", "share"],
    )
    return frame.sort_values(["cost", "journey_phase"], ascending=[False, True], ignore_index=True)


def _many_small(workspace: Workspace, lang: str) -> Insight | None:
    costs = [i.cost for i in workspace.initiatives]
    if not costs or sum(costs) <= 0:
        return None
    threshold = SMALL_COST_RATIO * sum(costs) / len(costs)
    small = [i for i in workspace.initiatives if i.cost < threshold]
    if len(small) < MANY_SMALL_MIN_COUNT or len(small) < MANY_SMALL_SHARE * len(costs):
        return None
    message = tr(
        "ui.insight.many_small",
        lang,
        count=len(small),
        total=len(costs),
        share=format_percent(len(small) / len(costs), lang),
        threshold=format_money(threshold, lang),
        spend_share=format_percent(sum(i.cost for i in small) / sum(costs), lang),
    )
    return Insight("many_small", "warning", message, tuple(i.initiative_id for i in small))


def _spread_phases(workspace: Workspace, lang: str) -> Insight | None:
    spend = phase_spend(workspace)
    spend = spend[spend["journey_phase"] != ""]
    phases = len(spend)
    if phases < SPREAD_MIN_PHASES or spend["cost"].sum() <= 0:
        return None
    shares = spend["cost"] / spend["cost"].sum()
    top_share = float(shares.iloc[0])
    if top_share > SPREAD_TOP_FACTOR / phases:
        return None
    message = tr(
        "ui.insight.spread_phases",
        lang,
        count=phases,
        phase=spend["journey_phase"].iloc[0],
        share=format_percent(top_share, lang),
    )
    return Insight("spread_phases", "warning", message, tuple(spend["journey_phase"]))


def workspace_insights(
    workspace: Workspace, lang: str = "en", scores: Scores | None = None
) -> tuple[Insight, ...]:
    """Disconnection warnings first (they make value wrong), then fragmentation signs."""
    scores = scores or score(workspace, lang)
    levels: dict[str, Level] = {
        "kpi_disconnected": "warning",
        "initiative_disconnected": "warning",
        "initiative_no_impact": "info",
    }
    found = [
        Insight(w.code, levels.get(w.code, "warning"), w.message, (w.subject_id,))
        for w in sorted(scores.warnings, key=lambda w: list(levels).index(w.code) if w.code in levels else 9)
    ]
    for check in (_many_small, _spread_phases):
        insight = check(workspace, lang)
        if insight is not None:
            found.append(insight)
    return tuple(found)


def disconnected_kpis(workspace: Workspace) -> tuple[str, ...]:
    """Ids of KPIs that serve no goal (their impacts are worth nothing)."""
    linked = {link.kpi_id for link in workspace.links if link.goal_id in workspace.goal_by_id}
    return tuple(k.kpi_id for k in workspace.kpis if k.kpi_id not in linked)


def value_chain_table(workspace: Workspace, scores: Scores) -> pd.DataFrame:
    """The chain initiative → KPI → goal as rows, with the value points flowing along each.

    An initiative's points on a KPI are split between the KPI's goals in proportion to
    w_g × strength, so the rows of one initiative add up to its value. A KPI serving no
    goal gets one row with goal "" and 0 points: the dead end made visible.
    """
    per_goal = kpi_goal_weights(workspace)
    rows = []
    for initiative in workspace.initiatives:
        iid = initiative.initiative_id
        for imp in workspace.impacts_by_initiative.get(iid, ()):
            if imp.kpi_id not in per_goal:
                continue
            parts = per_goal[imp.kpi_id]
            total = sum(parts.values())
            points = scores.by_kpi.get(iid, {}).get(imp.kpi_id, 0.0)
            if not parts:
                rows.append((iid, initiative.name, imp.kpi_id, "", 0.0))
            for goal_id, weight in parts.items():
                rows.append(
                    (iid, initiative.name, imp.kpi_id, goal_id, points * weight / total if total else 0.0)
                )
    frame = pd.DataFrame(rows, columns=["initiative_id", "name", "kpi", "goal", "points"])
    return frame.groupby(["initiative_id", "name", "kpi", "goal"], sort=False, as_index=False)["points"].sum()
