"""What the store hands back: frozen dataclasses, never ORM objects.

Records are detached from the database, so pages can cache them, compare them and pass
them around without a session. Authors are `Person`s: today a name the user types once
per session; `user_id` is there for the identity provider's subject or e-mail once
access control arrives, and the tables already have the column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cxprior.analysis import MaturityAnswers, MaturityAssessment, assess
from cxprior.domain import Competency, PortfolioResult, Scenario, Workspace
from cxprior.portfolio import UncertaintyResult

MAX_NAME_LENGTH = 200
MAX_USER_ID_LENGTH = 320  # the longest e-mail address


class ScenarioStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    SENT_BACK = "sent_back"
    DELETED = "deleted"


@dataclass(frozen=True)
class Person:
    """Who did something. Compare people by `user_id` when it is set, else by name."""

    name: str
    user_id: str | None = None


@dataclass(frozen=True)
class WorkspaceRef:
    """One version of one named workspace: what a scenario was computed on."""

    name: str
    version: int


@dataclass(frozen=True)
class WorkspaceHead:
    """A named workspace and its latest version."""

    name: str
    current_version: int
    created_at: datetime
    updated_at: datetime
    updated_by: Person


@dataclass(frozen=True)
class WorkspaceVersion:
    """One saved version of a workspace, without its content (cheap to list)."""

    name: str
    version: int
    saved_at: datetime
    author: Person
    note: str
    restored_from: int | None
    goals: int
    kpis: int
    initiatives: int

    @property
    def ref(self) -> WorkspaceRef:
        return WorkspaceRef(self.name, self.version)


@dataclass(frozen=True)
class StoredWorkspace:
    """A workspace as loaded, with the version it is; save edits with that version as expected."""

    meta: WorkspaceVersion
    workspace: Workspace
    # the newest version when this one was loaded; older than it means "not the latest"
    current_version: int

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def version(self) -> int:
        return self.meta.version

    @property
    def ref(self) -> WorkspaceRef:
        return self.meta.ref

    @property
    def is_current(self) -> bool:
        return self.meta.version == self.current_version


@dataclass(frozen=True)
class ScenarioSummary:
    """A saved scenario for lists: headline figures, no parameters or result to decode."""

    scenario_id: int
    name: str
    status: ScenarioStatus
    version: int
    workspace: WorkspaceRef
    result_status: str | None
    objective: float | None
    total_cost: float | None
    selected_count: int | None
    created_at: datetime
    created_by: Person
    updated_at: datetime
    updated_by: Person
    copied_from: int | None


@dataclass(frozen=True)
class StoredScenario:
    """A saved scenario in full: what was asked, what the optimizer answered, its status."""

    scenario_id: int
    name: str
    status: ScenarioStatus
    version: int
    scenario: Scenario
    result: PortfolioResult | None
    workspace: WorkspaceRef
    created_at: datetime
    created_by: Person
    updated_at: datetime
    updated_by: Person
    copied_from: int | None


@dataclass(frozen=True)
class Decision:
    """One recorded step of a scenario's life: who moved it from which status to which, why."""

    decision_id: int
    scenario_id: int
    scenario_version: int
    from_status: ScenarioStatus | None
    to_status: ScenarioStatus
    author: Person
    comment: str
    decided_at: datetime


@dataclass(frozen=True)
class MaturityRecord:
    """One saved maturity self-assessment: who answered, when, and where the company stood."""

    record_id: int
    assessed_at: datetime
    author: Person
    workspace_name: str | None
    answers: MaturityAnswers
    overall_score: float
    overall_step: int
    weakest: Competency

    @property
    def assessment(self) -> MaturityAssessment:
        """The full assessment (scores and step per competency, recommendation) of the answers."""
        return assess(self.answers)


@dataclass(frozen=True)
class RobustnessRecord:
    """A robustness analysis of a portfolio: when, who ran it, and what it found. The store's
    records always name their author; None is an analysis shown but not (yet) kept."""

    portfolio_key: str
    computed_at: datetime
    author: Person | None
    result: UncertaintyResult
