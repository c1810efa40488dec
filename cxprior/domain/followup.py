"""What happened to the approved plan (DESIGN.md, "Contract v2 › Follow-up of the approved plan").

A `FollowUp` holds the progress of initiatives (status, actual spend per cost period, actual
start) and the KPI measurements (the KPI's value at the end of a cost period). It is kept
apart from the `Workspace`: the workspace says what was planned, the follow-up what was done.

`finish_period` and `planned_costs` say when the plan expects each initiative to finish and
to spend: from the plan's roadmap (`PortfolioResult.start` / `finish`) when it has one, else
from the initiative's own cost profile. Every follow-up figure takes the plan's timing from
these two functions only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from cxprior.domain.result import PortfolioResult
from cxprior.domain.timing import earliest_index, shift_profile
from cxprior.domain.workspace import Workspace, fold


class Status(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    DROPPED = "dropped"


# the words a Progress sheet may use for a status, French ones included; compared after
# `status_key` (case, accents, spaces and hyphens ignored)
STATUS_WORDS: dict[str, str] = {
    "planned": "planned",
    "in_progress": "in_progress",
    "delivered": "delivered",
    "dropped": "dropped",
    "prévue": "planned",
    "en_cours": "in_progress",
    "livrée": "delivered",
    "abandonnée": "dropped",
}


def status_key(word: object) -> str:
    """How status words compare: "Livrée", "livree" and " LIVRÉE " are one word, "en cours" is en_cours."""
    return fold(str(word or "")).replace(" ", "_").replace("-", "_")


_STATUS_BY_KEY = {status_key(word): Status(value) for word, value in STATUS_WORDS.items()}


def status_of(word: object) -> Status | None:
    """The status a word names (English or French), or None."""
    if isinstance(word, Status):
        return word
    return _STATUS_BY_KEY.get(status_key(word))


@dataclass(frozen=True)
class Progress:
    """One row of the Progress sheet: where an initiative stands and what it cost so far."""

    initiative_id: str
    status: Status
    spent: dict[str, float] = field(default_factory=dict)  # cost period → actual spend (≥ 0)
    start: str | None = None  # the period it actually started, when given

    @property
    def total_spent(self) -> float:
        return float(sum(self.spent.values()))

    def spent_before(self, periods: tuple[str, ...], period: str) -> float:
        """Actual spend in the periods of `periods` that come before `period`."""
        before = periods[: periods.index(period)] if period in periods else ()
        return float(sum(self.spent.get(p, 0.0) for p in before))


@dataclass(frozen=True)
class Measurement:
    """One row of the Measurements sheet: a KPI's measured value at the end of a period."""

    kpi_id: str
    period: str
    value: float


@dataclass(frozen=True)
class FollowUp:
    """Progress rows and measurements of one plan; initiatives without a row are `planned`."""

    progress: tuple[Progress, ...] = ()
    measurements: tuple[Measurement, ...] = ()

    @cached_property
    def progress_by_id(self) -> dict[str, Progress]:
        return {p.initiative_id: p for p in self.progress}

    @cached_property
    def measured(self) -> dict[str, dict[str, float]]:
        """KPI id → period → measured value."""
        found: dict[str, dict[str, float]] = {}
        for m in self.measurements:
            found.setdefault(m.kpi_id, {})[m.period] = m.value
        return found

    def status(self, initiative_id: str) -> Status:
        row = self.progress_by_id.get(initiative_id)
        return row.status if row is not None else Status.PLANNED

    def spent(self, initiative_id: str) -> float:
        row = self.progress_by_id.get(initiative_id)
        return row.total_spent if row is not None else 0.0

    def with_status(self, status: Status) -> tuple[str, ...]:
        """Ids of the initiatives with this status, in the sheet's order."""
        return tuple(p.initiative_id for p in self.progress if p.status is status)

    def __getstate__(self) -> dict[str, object]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}

    def __setstate__(self, state: dict[str, object]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)


# --- the plan's timing --------------------------------------------------------------------------


def _shift(workspace: Workspace, plan: PortfolioResult | None, initiative_id: str) -> int:
    """How many periods after its earliest start the plan starts the initiative."""
    start = (getattr(plan, "start", None) or {}).get(initiative_id)
    if start not in workspace.periods:
        return 0
    initiative = workspace.initiative_by_id[initiative_id]
    return max(0, workspace.periods.index(start) - earliest_index(initiative, workspace.periods))


def finish_period(workspace: Workspace, plan: PortfolioResult | None, initiative_id: str) -> str | None:
    """The period in which the plan expects an initiative to finish.

    The plan's own finish when it has one (`plan.finish`, the roadmap's); otherwise the last
    period of its cost profile, or its first period when it costs nothing. None when the
    workspace has no cost periods.
    """
    finish = (getattr(plan, "finish", None) or {}).get(initiative_id)
    if finish is not None:
        return finish
    if not workspace.periods:
        return None
    costs = planned_costs(workspace, plan, initiative_id)
    costing = [p for p in workspace.periods if costs.get(p, 0.0) > 0]
    return costing[-1] if costing else workspace.periods[0]


def planned_costs(workspace: Workspace, plan: PortfolioResult | None, initiative_id: str) -> dict[str, float]:
    """What the plan expects an initiative to spend in each cost period: its cost profile,
    moved to the plan's start for it when the plan starts it later than its earliest start."""
    initiative = workspace.initiative_by_id[initiative_id]
    shift = _shift(workspace, plan, initiative_id)
    return shift_profile(initiative.period_costs, workspace.periods, shift)
