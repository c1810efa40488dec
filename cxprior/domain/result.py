"""What the optimizer returns (DESIGN.md, "JSON result of optimize") and its explanations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from cxprior.domain.scenario import Scenario
from cxprior.domain.workspace import Workspace

Status = Literal["optimal", "feasible", "infeasible", "time_limit"]


@dataclass(frozen=True)
class ExclusionReason:
    """Why one initiative is left out, in words a COMEX member understands.

    code: "forced_out" | "prerequisite" | "exclusive_group" | "no_room" | "no_value" | "focus".
    For "no_room", `cost_cut_needed` / `value_gain_needed` say how much cheaper or more
    valuable it would need to be to get in (None when no such change would do).
    """

    initiative_id: str
    code: str
    message: str
    other_ids: tuple[str, ...] = ()
    cost_cut_needed: float | None = None
    value_gain_needed: float | None = None


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
        }


def focus_indicators(workspace: Workspace, selected: tuple[str, ...] | list[str]) -> FocusIndicators:
    """How concentrated a portfolio is; initiatives without a phase count as no phase."""
    by_id = workspace.initiative_by_id
    spend: dict[str, float] = {}
    for iid in selected:
        initiative = by_id[iid]
        spend[initiative.journey_phase] = spend.get(initiative.journey_phase, 0.0) + initiative.cost
    phased = {p: c for p, c in spend.items() if p}
    total = sum(spend.values())
    top_phase = ""
    if phased:
        order = {p: k for k, p in enumerate(workspace.journey_phases)}
        top_phase = min(phased, key=lambda p: (-phased[p], order.get(p, 0)))
    share = phased.get(top_phase, 0.0) / total if total > 0 else 0.0
    hhi = sum((c / total) ** 2 for c in spend.values()) if total > 0 else 0.0
    return FocusIndicators(
        count=len(selected),
        phases_touched=len(phased),
        top_phase=top_phase,
        top_phase_spend_share=share,
        concentration_index=hhi,
    )
