"""What the optimizer returns (DESIGN.md, "JSON result of optimize") and its explanations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from cxprior.domain.scenario import Scenario
from cxprior.domain.workspace import Workspace, fold, phases_of

Status = Literal["optimal", "feasible", "infeasible", "time_limit"]


@dataclass(frozen=True)
class ExclusionReason:
    """Why one initiative is left out, in words a COMEX member understands.

    code: "forced_out" | "prerequisite" | "exclusive_group" | "no_room" | "no_value" | "focus"
    | "capacity" | "timing".
    For "no_room", `cost_cut_needed` / `value_gain_needed` say how much cheaper or more
    valuable it would need to be to get in (None when no such change would do).
    For "capacity" (it would fit the budgets beside the funded portfolio, not the teams),
    `capacity_needed` lists (team, period, more capacity it would need) and `start_that_fits`
    the first start period, beyond those it may start in, where it would fit (None if none).
    "timing": it must start after an initiative that finishes too late for its latest start.
    """

    initiative_id: str
    code: str
    message: str
    other_ids: tuple[str, ...] = ()
    cost_cut_needed: float | None = None
    value_gain_needed: float | None = None
    capacity_needed: tuple[tuple[str, str, float], ...] = ()
    start_that_fits: str | None = None


@dataclass(frozen=True)
class FocusIndicators:
    """How concentrated the portfolio is — the cure for fragmentation."""

    count: int
    phases_touched: int
    top_phase: str
    top_phase_spend_share: float
    # Herfindahl–Hirschman index of spend across journey phases: 1 = all in one phase
    concentration_index: float


@dataclass(frozen=True)
class PortfolioResult:
    status: Status
    objective: float | None
    gap: float | None
    selected: tuple[str, ...]
    total_cost: float
    cost_by_period: dict[str, float]
    value_by_goal: dict[str, float]
    solver: str
    solve_seconds: float
    explanation: tuple[str, ...] = ()
    scenario: Scenario | None = None
    focus: FocusIndicators | None = None
    exclusions: tuple[ExclusionReason, ...] = ()
    # value given up by forcing each forced-in item (re-solved without forcing it)
    forced_in_cost: dict[str, float] = field(default_factory=dict)
    # extra value per extra euro of budget, per budget period ("total" for the total budget)
    marginal_value_per_euro: dict[str, float] = field(default_factory=dict)
    # roadmap: start and finish period of each selected initiative (empty without cost
    # periods), and the funded efforts per team and period, after shifting
    start: dict[str, str] = field(default_factory=dict)
    finish: dict[str, str] = field(default_factory=dict)
    effort_by_team: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def is_solved(self) -> bool:
        return self.status in ("optimal", "feasible", "time_limit") and self.objective is not None

    def to_json(self) -> dict[str, object]:
        """The JSON result contract; nothing more, nothing renamed."""
        return {
            "status": self.status,
            "objective": self.objective,
            "gap": self.gap,
            "selected": list(self.selected),
            "total_cost": self.total_cost,
            "cost_by_period": dict(self.cost_by_period),
            "value_by_goal": dict(self.value_by_goal),
            "solver": self.solver,
            "solve_seconds": self.solve_seconds,
            "explanation": list(self.explanation),
            # contract v2, after the v1 fields so their order stays as it was
            "start": dict(self.start),
            "finish": dict(self.finish),
            "effort_by_team": {team: dict(by_period) for team, by_period in self.effort_by_team.items()},
        }


def focus_indicators(workspace: Workspace, selected: tuple[str, ...] | list[str]) -> FocusIndicators:
    """How concentrated a portfolio is over the journey: the one definition every page, the
    pack and the command line show.

    An initiative on a transition ("Souscrire > Emménager") touches both phases and its spend
    is split evenly between them; phases that differ only by case, accents or spaces are one
    phase. Spend without a phase counts in the total but in no phase. `concentration_index` is
    the Herfindahl index of the phases' spend shares (1 when all the spend is in one phase).
    """
    canonical: dict[str, str] = {}
    order: dict[str, int] = {}
    for initiative in workspace.initiatives:
        for phase in phases_of(initiative.journey_phase):
            canonical.setdefault(fold(phase), phase)
            order.setdefault(canonical[fold(phase)], len(order))
    by_id = workspace.initiative_by_id
    spend: dict[str, float] = {}
    total = 0.0
    for iid in selected:
        initiative = by_id[iid]
        total += initiative.cost
        named = dict.fromkeys(canonical[fold(p)] for p in phases_of(initiative.journey_phase))
        for phase in named:
            spend[phase] = spend.get(phase, 0.0) + initiative.cost / len(named)
    top_phase = min(spend, key=lambda p: (-spend[p], order[p])) if spend else ""
    share = spend.get(top_phase, 0.0) / total if total > 0 else 0.0
    hhi = sum((amount / total) ** 2 for amount in spend.values()) if total > 0 else 0.0
    return FocusIndicators(
        count=len(selected),
        phases_touched=len(spend),
        top_phase=top_phase,
        top_phase_spend_share=share,
        concentration_index=hhi,
    )
