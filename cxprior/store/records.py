"""What the store hands back: frozen dataclasses, never ORM objects.

Records are detached from the database, so pages can cache them, compare them and pass
them around without a session. Authors are `Person`s: today a name the user types once
per session; `user_id` is there for the identity provider's subject or e-mail once
access control arrives, and the tables already have the column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cxprior.analysis import DriverAnalysis, MaturityAnswers, MaturityAssessment, assess
from cxprior.domain import Competency, FollowUp, PortfolioResult, Scenario, Workspace
from cxprior.portfolio import UncertaintyResult
from cxprior.workbook import Survey, SurveySelection

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
    company: str = ""


@dataclass(frozen=True)
class DefaultWorkspaceChange:
    """One change of the team's default workspace: which one it became, who set it, when."""

    name: str
    set_at: datetime
    author: Person


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


@dataclass(frozen=True)
class SurveyAnalysis:
    """What is kept of a key-driver analysis of a survey: the file's name and shape, the
    columns chosen, the headline figures and the analysis (its `drivers` JSON, as text).

    `answers` (the raw cells, column by column, as text) is None unless the user asked to keep
    them: survey answers can be personal data, so by default they never reach the database.
    """

    source: str
    respondents: int
    columns: tuple[str, ...]
    outcome: str
    drivers: tuple[str, ...]
    segment: str | None
    n: int
    dropped: int
    r2: float
    most_significant: str
    analysis: str
    answers: tuple[tuple[str, ...], ...] | None = None


@dataclass(frozen=True)
class SurveyRecord:
    """A survey analysis kept in the store: who ran it, when, for which workspace."""

    record_id: int
    analysed_at: datetime
    author: Person
    workspace_name: str | None
    survey: SurveyAnalysis


@dataclass(frozen=True)
class FollowUpRecord:
    """One version of an approved scenario's follow-up (progress and measurements), with who
    saved it, when, and where it came from (the file's name, or the tables edited)."""

    record_id: int
    scenario_id: int
    version: int
    saved_at: datetime
    author: Person
    source: str
    followup: FollowUp


def summarise_survey(
    survey: Survey, selection: SurveySelection, analysis: DriverAnalysis, *, keep_answers: bool = False
) -> SurveyAnalysis:
    """What the store keeps of an analysed survey; the raw answers only with `keep_answers`."""
    answers = None
    if keep_answers:
        answers = tuple(tuple("" if c is None else str(c) for c in column) for column in survey.cells)
    return SurveyAnalysis(
        source=survey.source,
        respondents=len(survey.rows),
        columns=tuple(survey.columns),
        outcome=selection.outcome_name,
        drivers=tuple(selection.driver_names),
        segment=selection.segment_name,
        n=analysis.n,
        dropped=analysis.dropped,
        r2=analysis.r2,
        most_significant=analysis.most_significant,
        analysis=json.dumps(analysis.to_json(), ensure_ascii=False, allow_nan=False),
        answers=answers,
    )
