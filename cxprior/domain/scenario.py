"""What the CX director asks of one optimisation: budgets, focus constraints, forced items."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from cxprior.domain.errors import NegativeBudgetError
from cxprior.domain.workspace import TOTAL_PERIOD, Workspace


@dataclass(frozen=True)
class Scenario:
    """What the CX director asks of one optimisation.

    Budgets: `budget_total` caps the whole cost; `budget_by_period` caps each period's
    cost (keys are cost periods). Either, both or neither may be set; None/empty means
    no cap of that kind. Shares are fractions in [0, 1]. `capacity_overrides` replace the
    capacity of (team, period) pairs of the Capacity sheet, e.g. {"Digital": {"2026": 900.0}}.
    """

    name: str = "Scenario"
    budget_total: float | None = None
    budget_by_period: dict[str, float] = field(default_factory=dict)
    max_initiatives: int | None = None
    max_phases: int | None = None
    min_goal_share: dict[str, float] = field(default_factory=dict)
    min_competency_share: dict[str, float] = field(default_factory=dict)
    # listening: journey phase → minimum share of the spend (a transition counts half in each end)
    min_phase_share: dict[str, float] = field(default_factory=dict)
    force_in: tuple[str, ...] = ()
    force_out: tuple[str, ...] = ()
    force_reasons: dict[str, str] = field(default_factory=dict)
    solver: str = "highs"
    time_limit: float | None = None
    mip_gap: float = 1e-6
    # roadmap: let initiatives with a `latest_start` start later (False: every start fixed at
    # the earliest start, as in v1); team → period → capacity replacing the Capacity sheet's
    allow_shift: bool = True
    capacity_overrides: dict[str, dict[str, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for period, amount in self.budget_limits.items():
            is_number = isinstance(amount, int | float) and not isinstance(amount, bool)
            if not is_number or not math.isfinite(amount) or amount < 0:
                raise NegativeBudgetError(period, amount, is_total=period == TOTAL_PERIOD)

    @property
    def budget_limits(self) -> dict[str, float]:
        """Every budget cap of the scenario: period → amount, the total under `TOTAL_PERIOD`."""
        limits = dict(self.budget_by_period)
        if self.budget_total is not None:
            limits[TOTAL_PERIOD] = self.budget_total
        return limits


def default_scenario(workspace: Workspace, name: str = "Scenario") -> Scenario:
    """The scenario a user starts from: the workbook's Budget sheet, nothing forced."""
    budgets = workspace.budget_by_period
    return Scenario(
        name=name,
        budget_total=budgets.get(TOTAL_PERIOD),
        budget_by_period={p: v for p, v in budgets.items() if p != TOTAL_PERIOD},
    )
