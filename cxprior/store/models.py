"""Tables of the store (SQLAlchemy 2 ORM). Changing them needs a migration in `migrations/`.

Content is JSON text written by `cxprior.store.serialize` (never pickle). Headline figures are
copied into columns so lists never decode a payload. Every author is a name plus an
optional user id, ready for authenticated users.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    Double,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cxprior.store.records import MAX_NAME_LENGTH, MAX_USER_ID_LENGTH, ScenarioStatus

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
STATUSES = tuple(s.value for s in ScenarioStatus)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both back ends (SQLite keeps no time zone: store naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:  # type: ignore[no-untyped-def]
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Name = String(MAX_NAME_LENGTH)
UserId = String(MAX_USER_ID_LENGTH)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime()}  # noqa: RUF012


class WorkspaceRow(Base):
    """A named workspace; `current_version` is its optimistic lock."""

    __tablename__ = "workspaces"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Name, unique=True)
    # the company's name as it should read on the COMEX pack ("" until someone sets it)
    company: Mapped[str] = mapped_column(Name, default="", server_default="")
    current_version: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    updated_by_name: Mapped[str] = mapped_column(Name)
    updated_by_id: Mapped[str | None] = mapped_column(UserId)


class WorkspaceVersionRow(Base):
    """One saved version of a workspace; never changed once written."""

    __tablename__ = "workspace_versions"
    __table_args__ = (UniqueConstraint("workspace_id", "version", name="uq_workspace_versions_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))
    version: Mapped[int]
    saved_at: Mapped[datetime]
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)
    note: Mapped[str] = mapped_column(Text, default="")
    restored_from: Mapped[int | None]
    goals: Mapped[int]
    kpis: Mapped[int]
    initiatives: Mapped[int]
    payload: Mapped[str] = mapped_column(Text)


class ScenarioRow(Base):
    """A saved scenario; `version` is its optimistic lock, bumped by edits and decisions."""

    __tablename__ = "scenarios"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES!r}", name="status"),
        Index("ix_scenarios_status", "status"),
        Index("ix_scenarios_workspace_version_id", "workspace_version_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Name)
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int]
    workspace_version_id: Mapped[int] = mapped_column(ForeignKey("workspace_versions.id"))
    parameters: Mapped[str] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    result_status: Mapped[str | None] = mapped_column(String(20))
    objective: Mapped[float | None] = mapped_column(Double)
    total_cost: Mapped[float | None] = mapped_column(Double)
    selected_count: Mapped[int | None]
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("scenarios.id"))
    created_at: Mapped[datetime]
    created_by_name: Mapped[str] = mapped_column(Name)
    created_by_id: Mapped[str | None] = mapped_column(UserId)
    updated_at: Mapped[datetime]
    updated_by_name: Mapped[str] = mapped_column(Name)
    updated_by_id: Mapped[str | None] = mapped_column(UserId)


class DecisionRow(Base):
    """One status change of a scenario (creation included); never changed once written."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_scenario_id", "scenario_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"))
    scenario_version: Mapped[int]
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)
    comment: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime]


class MaturityAssessmentRow(Base):
    """One CX maturity self-assessment (the staircase); never changed once written.

    The answers are the record; the headline figures beside them are computed from the
    answers when saved, so a history lists without decoding anything.
    """

    __tablename__ = "maturity_assessments"
    __table_args__ = (
        CheckConstraint("overall_step BETWEEN 1 AND 6", name="overall_step"),
        Index("ix_maturity_assessments_workspace_name", "workspace_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessed_at: Mapped[datetime]
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)
    # the company's workspace it was made for, by name; None for an assessment on its own
    workspace_name: Mapped[str | None] = mapped_column(Name)
    answers: Mapped[str] = mapped_column(Text)
    overall_score: Mapped[float] = mapped_column(Double)
    overall_step: Mapped[int]
    weakest: Mapped[str] = mapped_column(String(40))


class RobustnessAnalysisRow(Base):
    """A Monte Carlo robustness analysis of one portfolio; never changed once written.

    `portfolio_key` digests what the analysis depends on (the workspace's content, the
    scenario's constraints, the initiatives chosen): a run of one session and the same
    portfolio saved and opened on the COMEX page, even after a restart, find it again.
    """

    __tablename__ = "robustness_analyses"
    __table_args__ = (
        UniqueConstraint("portfolio_key", "draws", "seed"),
        Index("ix_robustness_analyses_portfolio_key", "portfolio_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_key: Mapped[str] = mapped_column(String(64))
    draws: Mapped[int]
    seed: Mapped[int]
    computed_at: Mapped[datetime]
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)
    payload: Mapped[str] = mapped_column(Text)


class SurveyAnalysisRow(Base):
    """A key-driver analysis of a survey (summary and figures; the raw answers only when the
    user asked); never changed once written."""

    __tablename__ = "survey_analyses"
    __table_args__ = (Index("ix_survey_analyses_workspace_name", "workspace_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    analysed_at: Mapped[datetime]
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)
    workspace_name: Mapped[str | None] = mapped_column(Name)
    source: Mapped[str] = mapped_column(Name)
    respondents: Mapped[int]
    most_significant: Mapped[str] = mapped_column(Name)
    with_answers: Mapped[bool]
    payload: Mapped[str] = mapped_column(Text)


class FollowUpRow(Base):
    """One version of a scenario's follow-up (numbered from 1 per scenario); never changed
    once written."""

    __tablename__ = "followups"
    __table_args__ = (UniqueConstraint("scenario_id", "version", name="uq_followups_scenario_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"))
    version: Mapped[int]
    saved_at: Mapped[datetime]
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)
    source: Mapped[str] = mapped_column(Name)
    payload: Mapped[str] = mapped_column(Text)


class DefaultWorkspaceRow(Base):
    """One change of the team's default workspace (the one every new session opens): the
    latest row is the default; the rows before it are the log of who changed it and when.
    Never changed once written."""

    __tablename__ = "default_workspace_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))
    set_at: Mapped[datetime]
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)


class MemberWeightsRow(Base):
    """A COMEX member's own goal weights for a workspace, as they entered them in the app;
    never changed once written (the latest row per member is their current weighting)."""

    __tablename__ = "member_weights"
    __table_args__ = (Index("ix_member_weights_workspace_name", "workspace_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entered_at: Mapped[datetime]
    author_name: Mapped[str] = mapped_column(Name)
    author_id: Mapped[str | None] = mapped_column(UserId)
    workspace_name: Mapped[str] = mapped_column(Name)
    payload: Mapped[str] = mapped_column(Text)  # {goal_id: weight}, as entered (not normalised)
