"""Workspaces and their versions, scenarios, decisions, maturity self-assessments, robustness
analyses.

    store = Store.open()                     # SQLite file, or DATABASE_URL
    saved = store.save_workspace("Acme 2026", ws, "Alice", expected_version=None)
    loaded = store.load_workspace("Acme 2026")
    store.save_workspace("Acme 2026", edited, "Alice", expected_version=loaded.version)

Every save is one transaction. Every record carries a version; saving over a version
that is no longer the latest raises `StaleVersionError` naming who changed it and when.
The check is done in SQL (row locked, then `UPDATE … WHERE version = :expected`), so two
sessions, threads or processes racing to save the same version cannot both win.

Scenario life cycle (every step is a `Decision`: who, when, from, to, comment):

    step        from                  to
    (create)    -                     draft
    submit      draft, sent_back      submitted    needs a result
    withdraw    submitted             draft        the author takes it back
    approve     submitted             approved     final
    send_back   submitted             sent_back    needs a comment
    reopen      sent_back             draft
    delete      draft, sent_back      deleted      kept with its log, hidden from lists

Only drafts and sent-back scenarios can be edited or deleted. A submitted scenario is
frozen while the COMEX decides, so what is approved is exactly what was submitted. An
approved scenario is final: it records a decision; to change it, duplicate it into a
new draft. Sending back needs a comment (the COMEX says why). Edits and steps bump the
scenario's version, so a decision taken on a version someone changed meanwhile is refused.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, defer

from cxprior.analysis import MaturityAnswers, MaturityAssessment, assess, parse_answers
from cxprior.domain import Competency, FollowUp, PortfolioResult, Scenario, Workspace
from cxprior.i18n import tr
from cxprior.portfolio import UncertaintyResult
from cxprior.store import serialize
from cxprior.store.config import WRITE_OPTION, describe, make_engine, resolve_url
from cxprior.store.errors import (
    InvalidInput,
    Label,
    NotFoundError,
    StaleVersionError,
    StoreUnavailable,
    TransitionError,
)
from cxprior.store.migrate import upgrade_to_head
from cxprior.store.models import (
    DecisionRow,
    DefaultWorkspaceRow,
    FollowUpRow,
    MaturityAssessmentRow,
    MemberWeightsRow,
    RobustnessAnalysisRow,
    ScenarioRow,
    SurveyAnalysisRow,
    WorkspaceRow,
    WorkspaceVersionRow,
)
from cxprior.store.records import (
    MAX_NAME_LENGTH,
    MAX_USER_ID_LENGTH,
    Decision,
    DefaultWorkspaceChange,
    FollowUpRecord,
    MaturityRecord,
    Person,
    RobustnessRecord,
    ScenarioStatus,
    ScenarioSummary,
    StoredScenario,
    StoredWorkspace,
    SurveyAnalysis,
    SurveyRecord,
    WorkspaceHead,
    WorkspaceRef,
    WorkspaceVersion,
)
from cxprior.workbook import neutralise

Status = ScenarioStatus
EDITABLE = frozenset({Status.DRAFT, Status.SENT_BACK})
# action → (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[ScenarioStatus], ScenarioStatus]] = {
    "submit": (frozenset({Status.DRAFT, Status.SENT_BACK}), Status.SUBMITTED),
    "withdraw": (frozenset({Status.SUBMITTED}), Status.DRAFT),
    "approve": (frozenset({Status.SUBMITTED}), Status.APPROVED),
    "send_back": (frozenset({Status.SUBMITTED}), Status.SENT_BACK),
    "reopen": (frozenset({Status.SENT_BACK}), Status.DRAFT),
    "delete": (EDITABLE, Status.DELETED),
}
MAX_COPIES = 100


def _now() -> datetime:
    return datetime.now(UTC)


def as_person(author: Person | str) -> Person:
    """The author of a change, checked: a name is required, every save records who made it."""
    person = author if isinstance(author, Person) else Person(str(author) if author is not None else "")
    name = clean_text(person.name)
    if not name:
        raise InvalidInput("store.author_required")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput("store.author_too_long", limit=MAX_NAME_LENGTH)
    user_id = (person.user_id or "").strip() or None
    if user_id is not None and len(user_id) > MAX_USER_ID_LENGTH:
        raise InvalidInput("store.author_too_long", limit=MAX_USER_ID_LENGTH)
    return Person(name, user_id)


def clean_text(text: str | None, *, one_line: bool = True) -> str:
    """Free text as the store keeps it: trimmed (runs of spaces and line breaks made one space
    with `one_line`, for names), bidirectional controls and invisible characters shown as
    ⟨U+XXXX⟩ by the same function the workbook reader applies to its cells."""
    text = str(text or "")
    return neutralise(" ".join(text.split()) if one_line else text.strip())


def _clean_name(name: str, what: str) -> str:
    cleaned = clean_text(name)
    if not cleaned:
        raise InvalidInput(f"store.{what}_name_required")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidInput(f"store.{what}_name_too_long", limit=MAX_NAME_LENGTH)
    return cleaned


def _portfolio_key(key: str) -> str:
    # a digest (64 hex characters) made by the caller, never typed by a user
    if not (isinstance(key, str) and len(key) == 64 and all(c in "0123456789abcdef" for c in key)):
        raise ValueError(f"not a portfolio key: {key!r}")
    return key


def _finite_or_none(value: float | None) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


class Store:
    """Workspaces with their versions, scenarios with their decisions, in one database."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        """Open (and on first start create) the store; tables are brought to the latest schema.

        `url`: a SQLAlchemy URL or a SQLite file path; None reads `DATABASE_URL`, then
        `CXPRIOR_DB_PATH`, then uses `.cxprior/cxprior.db`.
        """
        resolved = resolve_url(url)
        try:
            engine = make_engine(resolved)
        except (OSError, ValueError) as error:
            raise StoreUnavailable("store.unavailable", where=describe(resolved), reason=str(error)) from None
        store = cls(engine)
        if migrate:
            try:
                upgrade_to_head(engine)
            except OperationalError as error:
                engine.dispose()
                raise store._unavailable(error) from None
            except BaseException:
                engine.dispose()
                raise
        return store

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._engine.dialect.name

    @property
    def location(self) -> str:
        """Where the data lives, as shown to users (no password)."""
        return describe(self._engine.url)

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _unavailable(self, error: OperationalError) -> StoreUnavailable:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        return StoreUnavailable("store.unavailable", where=self.location, reason=reason)

    @contextmanager
    def _session(self, *, write: bool) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        try:
            engine = self._write_engine if write else self._engine
            with Session(engine, expire_on_commit=False) as session, session.begin():
                yield session
        except OperationalError as error:
            raise self._unavailable(error) from None

    # --- workspaces --------------------------------------------------------------------

    def save_workspace(
        self,
        name: str,
        workspace: Workspace,
        author: Person | str,
        expected_version: int | None,
        *,
        note: str = "",
    ) -> WorkspaceVersion:
        """Save `workspace` as the next version of `name`.

        `expected_version` is the version the edit started from (`StoredWorkspace.version`
        of what was loaded), or None for a new workspace. Anything else being the latest
        version raises `StaleVersionError` and saves nothing.
        """
        person = as_person(author)
        name = _clean_name(name, "workspace")
        payload = serialize.dumps(serialize.workspace_to_json(workspace))
        now = _now()
        try:
            with self._session(write=True) as session:
                if expected_version is None:
                    head = WorkspaceRow(
                        name=name,
                        current_version=1,
                        created_at=now,
                        updated_at=now,
                        updated_by_name=person.name,
                        updated_by_id=person.user_id,
                    )
                    session.add(head)
                    session.flush()  # a workspace of that name already there fails here
                    version = 1
                else:
                    head = self._lock_workspace(session, name)
                    if head.current_version != expected_version:
                        raise self._stale_workspace(head, expected_version)
                    version = self._bump_workspace(session, head, expected_version, person, now)
                row = self._add_version(
                    session, head.id, version, workspace, payload, person, now, note, None
                )
                return self._version_record(name, row)
        except IntegrityError:
            existing = self._find_workspace(name)
            if existing is None:
                raise
            raise self._stale_workspace(existing, None) from None

    def save_workspace_as_copy(
        self,
        name: str,
        workspace: Workspace,
        author: Person | str,
        *,
        note: str = "",
        lang: str = "en",
    ) -> WorkspaceVersion:
        """Save under a free name derived from `name` — "Acme (copy)", "Acme (copy 2)", …"""
        base = _clean_name(name, "workspace")
        for n in range(1, MAX_COPIES + 1):
            key = "store.copy_name" if n == 1 else "store.copy_name_n"
            candidate = tr(key, lang, name=base, n=n)
            overflow = len(candidate) - MAX_NAME_LENGTH
            if overflow > 0:  # shorten the name, never the "(copy n)" that tells it apart
                candidate = tr(key, lang, name=base[:-overflow], n=n)
            try:
                return self.save_workspace(candidate, workspace, author, None, note=note)
            except StaleVersionError:
                continue
        raise InvalidInput("store.too_many_copies", name=base)

    def restore_workspace_version(
        self,
        name: str,
        version: int,
        author: Person | str,
        expected_version: int | None = None,
        *,
        note: str = "",
    ) -> WorkspaceVersion:
        """Make an old version the latest again, as a new version (history is never rewritten).

        With `expected_version`, refuse (StaleVersionError) if the latest version is not it.
        """
        person = as_person(author)
        now = _now()
        with self._session(write=True) as session:
            head = self._lock_workspace(session, name)
            if expected_version is not None and head.current_version != expected_version:
                raise self._stale_workspace(head, expected_version)
            old = session.scalar(
                select(WorkspaceVersionRow).where(
                    WorkspaceVersionRow.workspace_id == head.id, WorkspaceVersionRow.version == version
                )
            )
            if old is None:
                raise NotFoundError("store.workspace_version_not_found", name=head.name, version=version)
            new_version = self._bump_workspace(session, head, head.current_version, person, now)
            row = WorkspaceVersionRow(
                workspace_id=head.id,
                version=new_version,
                saved_at=now,
                author_name=person.name,
                author_id=person.user_id,
                note=note,
                restored_from=version,
                goals=old.goals,
                kpis=old.kpis,
                initiatives=old.initiatives,
                payload=old.payload,
            )
            session.add(row)
            session.flush()
            return self._version_record(head.name, row)

    def list_workspaces(self) -> tuple[WorkspaceHead, ...]:
        """Every workspace, by name."""
        with self._session(write=False) as session:
            rows = session.scalars(select(WorkspaceRow).order_by(WorkspaceRow.name)).all()
            return tuple(
                WorkspaceHead(
                    name=r.name,
                    current_version=r.current_version,
                    created_at=r.created_at,
                    updated_at=r.updated_at,
                    updated_by=Person(r.updated_by_name, r.updated_by_id),
                    company=r.company,
                )
                for r in rows
            )

    def company_of(self, name: str) -> str:
        """The company the workspace `name` belongs to, as the COMEX pack names it ("" unset).
        NotFoundError when no workspace has that name."""
        with self._session(write=False) as session:
            return self._get_workspace(session, name).company

    def set_company(self, name: str, company: str, author: Person | str) -> str:
        """Name the company of the workspace `name` (one line, at most 200 characters; "" clears
        it). The change is written with who made it; the workspace's versions are untouched,
        since the company is not part of the workbook."""
        person = as_person(author)
        cleaned = clean_text(company)
        if len(cleaned) > MAX_NAME_LENGTH:
            raise InvalidInput("store.company_too_long", limit=MAX_NAME_LENGTH)
        with self._session(write=True) as session:
            head = self._get_workspace(session, name)
            head.company = cleaned
            head.updated_at = _now()
            head.updated_by_name = person.name
            head.updated_by_id = person.user_id
            return cleaned

    def list_workspace_versions(self, name: str) -> tuple[WorkspaceVersion, ...]:
        """The saved versions of a workspace, newest first (contents not loaded)."""
        columns = [c for c in WorkspaceVersionRow.__table__.c if c.name != "payload"]
        with self._session(write=False) as session:
            head = self._get_workspace(session, name)
            rows = session.execute(
                select(*columns)
                .where(WorkspaceVersionRow.workspace_id == head.id)
                .order_by(WorkspaceVersionRow.version.desc())
            ).all()
            return tuple(self._version_record(head.name, r) for r in rows)

    def load_workspace(self, name: str, version: int | None = None) -> StoredWorkspace:
        """A version of a workspace (the latest by default), decoded."""
        with self._session(write=False) as session:
            head = self._get_workspace(session, name)
            wanted = head.current_version if version is None else version
            row = session.scalar(
                select(WorkspaceVersionRow).where(
                    WorkspaceVersionRow.workspace_id == head.id, WorkspaceVersionRow.version == wanted
                )
            )
            if row is None:
                raise NotFoundError("store.workspace_version_not_found", name=head.name, version=wanted)
            meta = self._version_record(head.name, row)
            payload, current = row.payload, head.current_version
        workspace = serialize.workspace_from_json(serialize.loads(payload))
        return StoredWorkspace(meta=meta, workspace=workspace, current_version=current)

    # --- the team's default workspace ---------------------------------------------------

    def set_default_workspace(self, name: str, author: Person | str) -> DefaultWorkspaceChange:
        """Make the saved workspace `name` the team's default (the one every new session
        opens); the change is logged with who made it and when. NotFoundError when no
        workspace has that name."""
        person = as_person(author)
        now = _now()
        with self._session(write=True) as session:
            head = self._get_workspace(session, name)
            session.add(
                DefaultWorkspaceRow(
                    workspace_id=head.id, set_at=now, author_name=person.name, author_id=person.user_id
                )
            )
            return DefaultWorkspaceChange(head.name, now, person)

    def default_workspace(self) -> str | None:
        """The name of the team's default workspace; None when no one has set one yet."""
        changes = self.default_workspace_log(limit=1)
        return changes[0].name if changes else None

    def default_workspace_log(self, limit: int = 50) -> tuple[DefaultWorkspaceChange, ...]:
        """The latest changes of the default workspace, newest first (the first is the default)."""
        query = (
            select(WorkspaceRow.name, DefaultWorkspaceRow)
            .join(WorkspaceRow, WorkspaceRow.id == DefaultWorkspaceRow.workspace_id)
            .order_by(DefaultWorkspaceRow.id.desc())
            .limit(limit)
        )
        with self._session(write=False) as session:
            return tuple(
                DefaultWorkspaceChange(name, row.set_at, Person(row.author_name, row.author_id))
                for name, row in session.execute(query).all()
            )

    def _find_workspace(self, name: str) -> WorkspaceRow | None:
        with self._session(write=False) as session:
            return session.scalar(
                select(WorkspaceRow).where(WorkspaceRow.name == _clean_name(name, "workspace"))
            )

    def _get_workspace(self, session: Session, name: str) -> WorkspaceRow:
        cleaned = _clean_name(name, "workspace")
        head = session.scalar(select(WorkspaceRow).where(WorkspaceRow.name == cleaned))
        if head is None:
            raise NotFoundError("store.workspace_not_found", name=cleaned)
        return head

    def _lock_workspace(self, session: Session, name: str) -> WorkspaceRow:
        cleaned = _clean_name(name, "workspace")
        head = session.scalar(select(WorkspaceRow).where(WorkspaceRow.name == cleaned).with_for_update())
        if head is None:
            raise NotFoundError("store.workspace_not_found", name=cleaned)
        return head

    @staticmethod
    def _bump_workspace(
        session: Session, head: WorkspaceRow, expected: int, person: Person, now: datetime
    ) -> int:
        # the row is locked already; the version condition keeps the update safe on its own
        done = session.execute(
            update(WorkspaceRow)
            .where(WorkspaceRow.id == head.id, WorkspaceRow.current_version == expected)
            .values(
                current_version=expected + 1,
                updated_at=now,
                updated_by_name=person.name,
                updated_by_id=person.user_id,
            )
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:
            session.refresh(head)
            raise Store._stale_workspace(head, expected)
        return expected + 1

    @staticmethod
    def _add_version(
        session: Session,
        workspace_id: int,
        version: int,
        workspace: Workspace,
        payload: str,
        person: Person,
        now: datetime,
        note: str,
        restored_from: int | None,
    ) -> WorkspaceVersionRow:
        row = WorkspaceVersionRow(
            workspace_id=workspace_id,
            version=version,
            saved_at=now,
            author_name=person.name,
            author_id=person.user_id,
            note=clean_text(note, one_line=False),
            restored_from=restored_from,
            goals=len(workspace.goals),
            kpis=len(workspace.kpis),
            initiatives=len(workspace.initiatives),
            payload=payload,
        )
        session.add(row)
        session.flush()
        return row

    @staticmethod
    def _version_record(name: str, row: object) -> WorkspaceVersion:
        return WorkspaceVersion(
            name=name,
            version=row.version,  # type: ignore[attr-defined]
            saved_at=row.saved_at,  # type: ignore[attr-defined]
            author=Person(row.author_name, row.author_id),  # type: ignore[attr-defined]
            note=row.note,  # type: ignore[attr-defined]
            restored_from=row.restored_from,  # type: ignore[attr-defined]
            goals=row.goals,  # type: ignore[attr-defined]
            kpis=row.kpis,  # type: ignore[attr-defined]
            initiatives=row.initiatives,  # type: ignore[attr-defined]
        )

    @staticmethod
    def _stale_workspace(head: WorkspaceRow, expected: int | None) -> StaleVersionError:
        return StaleVersionError(
            "store.workspace_exists" if expected is None else "store.stale_workspace",
            name=head.name,
            expected=expected,
            current=head.current_version,
            changed_by=Person(head.updated_by_name, head.updated_by_id),
            changed_at=head.updated_at,
        )

    # --- maturity self-assessments ------------------------------------------------------

    def save_maturity(
        self,
        assessment: MaturityAssessment | MaturityAnswers,
        author: Person | str,
        *,
        workspace_name: str | None = None,
    ) -> MaturityRecord:
        """Add a self-assessment to the history (of `workspace_name`, when given).

        The answers are what is kept; the overall score, step and weakest competency are
        computed again from them, so the history never disagrees with its answers. Answers
        that are not 5 scores of 1–5 per competency raise `MaturityError`.
        """
        person = as_person(author)
        answers = assessment.answers if isinstance(assessment, MaturityAssessment) else assessment
        figures = assess(answers)
        name = None if workspace_name is None else _clean_name(workspace_name, "workspace")
        with self._session(write=True) as session:
            row = MaturityAssessmentRow(
                assessed_at=_now(),
                author_name=person.name,
                author_id=person.user_id,
                workspace_name=name,
                answers=json.dumps(answers.to_dict(), separators=(",", ":")),
                overall_score=figures.overall_score,
                overall_step=figures.overall_step,
                weakest=figures.weakest.value,
            )
            session.add(row)
            session.flush()
            return self._maturity_record(row)

    def maturity_history(
        self, workspace_name: str | None = None, *, limit: int | None = None
    ) -> tuple[MaturityRecord, ...]:
        """Saved self-assessments, newest first: those of one workspace, or every one."""
        query = select(MaturityAssessmentRow).order_by(
            MaturityAssessmentRow.assessed_at.desc(), MaturityAssessmentRow.id.desc()
        )
        if workspace_name is not None:
            query = query.where(
                MaturityAssessmentRow.workspace_name == _clean_name(workspace_name, "workspace")
            )
        if limit is not None:
            query = query.limit(limit)
        with self._session(write=False) as session:
            return tuple(self._maturity_record(row) for row in session.scalars(query))

    @staticmethod
    def _maturity_record(row: MaturityAssessmentRow) -> MaturityRecord:
        answers = parse_answers(json.loads(row.answers))
        return MaturityRecord(
            record_id=row.id,
            assessed_at=row.assessed_at,
            author=Person(row.author_name, row.author_id),
            workspace_name=row.workspace_name,
            answers=answers,
            overall_score=row.overall_score,
            overall_step=row.overall_step,
            weakest=Competency(row.weakest),
        )

    # --- robustness analyses -----------------------------------------------------------

    def save_robustness(
        self, portfolio_key: str, result: UncertaintyResult, author: Person | str
    ) -> RobustnessRecord:
        """Keep a robustness analysis of the portfolio `portfolio_key` digests. The same
        portfolio, draws and seed give the same result (seeded), so a second save of them
        keeps the first and returns it."""
        person = as_person(author)
        key = _portfolio_key(portfolio_key)
        payload = serialize.dumps(serialize.to_document("robustness", result))
        try:
            with self._session(write=True) as session:
                row = RobustnessAnalysisRow(
                    portfolio_key=key,
                    draws=result.draws,
                    seed=result.seed,
                    computed_at=_now(),
                    author_name=person.name,
                    author_id=person.user_id,
                    payload=payload,
                )
                session.add(row)
                session.flush()
                return self._robustness_record(row)
        except IntegrityError:
            found = self.find_robustness(key, draws=result.draws, seed=result.seed)
            assert found is not None, "an analysis refused as a duplicate must exist"
            return found

    def find_robustness(
        self, portfolio_key: str, *, draws: int | None = None, seed: int | None = None
    ) -> RobustnessRecord | None:
        """The analysis of that portfolio with those draws and seed, or (without them) the
        latest one; None when there is none."""
        query = select(RobustnessAnalysisRow).where(
            RobustnessAnalysisRow.portfolio_key == _portfolio_key(portfolio_key)
        )
        if draws is not None:
            query = query.where(RobustnessAnalysisRow.draws == draws)
        if seed is not None:
            query = query.where(RobustnessAnalysisRow.seed == seed)
        query = query.order_by(RobustnessAnalysisRow.computed_at.desc(), RobustnessAnalysisRow.id.desc())
        with self._session(write=False) as session:
            row = session.scalars(query.limit(1)).first()
            return None if row is None else self._robustness_record(row)

    @staticmethod
    def _robustness_record(row: RobustnessAnalysisRow) -> RobustnessRecord:
        return RobustnessRecord(
            portfolio_key=row.portfolio_key,
            computed_at=row.computed_at,
            author=Person(row.author_name, row.author_id),
            result=serialize.from_document("robustness", serialize.loads(row.payload)),
        )

    # --- survey analyses ---------------------------------------------------------------

    def save_survey_analysis(
        self, survey: SurveyAnalysis, author: Person | str, *, workspace_name: str | None = None
    ) -> SurveyRecord:
        """Keep a survey's key-driver analysis with who ran it and when (for `workspace_name`,
        when given). Raw answers are kept only when `survey.answers` holds them."""
        person = as_person(author)
        name = None if workspace_name is None else _clean_name(workspace_name, "workspace")
        with self._session(write=True) as session:
            row = SurveyAnalysisRow(
                analysed_at=_now(),
                author_name=person.name,
                author_id=person.user_id,
                workspace_name=name,
                source=clean_text(survey.source)[:MAX_NAME_LENGTH],
                respondents=survey.respondents,
                most_significant=survey.most_significant[:MAX_NAME_LENGTH],
                with_answers=survey.answers is not None,
                payload=serialize.dumps(serialize.to_document("survey_analysis", survey)),
            )
            session.add(row)
            session.flush()
            return self._survey_record(row)

    def survey_history(self, workspace_name: str | None, *, limit: int = 20) -> tuple[SurveyRecord, ...]:
        """The latest survey analyses of `workspace_name` (None: those kept for no workspace)."""
        column = SurveyAnalysisRow.workspace_name
        query = select(SurveyAnalysisRow).where(
            column.is_(None) if workspace_name is None else column == workspace_name
        )
        query = query.order_by(SurveyAnalysisRow.analysed_at.desc(), SurveyAnalysisRow.id.desc()).limit(limit)
        with self._session(write=False) as session:
            return tuple(self._survey_record(row) for row in session.scalars(query))

    @staticmethod
    def _survey_record(row: SurveyAnalysisRow) -> SurveyRecord:
        return SurveyRecord(
            record_id=row.id,
            analysed_at=row.analysed_at,
            author=Person(row.author_name, row.author_id),
            workspace_name=row.workspace_name,
            survey=serialize.from_document("survey_analysis", serialize.loads(row.payload)),
        )

    # --- follow-ups of approved scenarios ----------------------------------------------

    def save_followup(
        self, scenario_id: int, followup: FollowUp, author: Person | str, *, source: str = ""
    ) -> FollowUpRecord:
        """Keep a new version of a scenario's follow-up (1, 2, …), with who, when and from where."""
        person = as_person(author)
        with self._session(write=True) as session:
            # lock the scenario so that two uploads at once get versions n and n + 1
            self._lock_scenario(session, scenario_id)
            latest = session.scalar(
                select(FollowUpRow.version)
                .where(FollowUpRow.scenario_id == scenario_id)
                .order_by(FollowUpRow.version.desc())
                .limit(1)
            )
            row = FollowUpRow(
                scenario_id=scenario_id,
                version=(latest or 0) + 1,
                saved_at=_now(),
                author_name=person.name,
                author_id=person.user_id,
                source=clean_text(source)[:MAX_NAME_LENGTH],
                payload=serialize.dumps(serialize.to_document("followup", followup)),
            )
            session.add(row)
            session.flush()
            return self._followup_record(row)

    def followup_history(self, scenario_id: int, *, limit: int = 50) -> tuple[FollowUpRecord, ...]:
        """The follow-up versions of a scenario, newest first."""
        query = (
            select(FollowUpRow)
            .where(FollowUpRow.scenario_id == scenario_id)
            .order_by(FollowUpRow.version.desc())
            .limit(limit)
        )
        with self._session(write=False) as session:
            return tuple(self._followup_record(row) for row in session.scalars(query))

    @staticmethod
    def _followup_record(row: FollowUpRow) -> FollowUpRecord:
        return FollowUpRecord(
            record_id=row.id,
            scenario_id=row.scenario_id,
            version=row.version,
            saved_at=row.saved_at,
            author=Person(row.author_name, row.author_id),
            source=row.source,
            followup=serialize.from_document("followup", serialize.loads(row.payload)),
        )

    # --- COMEX members' weights ---------------------------------------------------------

    def save_member_weights(
        self, workspace_name: str, author: Person | str, weights: dict[str, float]
    ) -> None:
        """Keep a member's own goal weights for a workspace (their latest replaces the earlier
        ones in `member_weights_of`). Weights must be positive finite numbers."""
        person = as_person(author)
        name = _clean_name(workspace_name, "workspace")
        clean = {str(g): float(w) for g, w in weights.items()}
        if not clean or not all(math.isfinite(w) and w > 0 for w in clean.values()):
            raise InvalidInput("store.member_weights_not_positive")
        with self._session(write=True) as session:
            session.add(
                MemberWeightsRow(
                    entered_at=_now(),
                    author_name=person.name,
                    author_id=person.user_id,
                    workspace_name=name,
                    payload=json.dumps(clean, separators=(",", ":")),
                )
            )

    def member_weights_of(self, workspace_name: str) -> dict[str, dict[str, float]]:
        """Each member's latest weights for a workspace ({member name: {goal_id: weight}}),
        in the order the members first entered them."""
        query = (
            select(MemberWeightsRow)
            .where(MemberWeightsRow.workspace_name == workspace_name)
            .order_by(MemberWeightsRow.entered_at, MemberWeightsRow.id)
        )
        latest: dict[str, dict[str, float]] = {}
        with self._session(write=False) as session:
            for row in session.scalars(query):
                latest[row.author_name] = json.loads(row.payload)
        return latest

    # --- scenarios ---------------------------------------------------------------------

    def save_scenario(
        self,
        scenario: Scenario,
        result: PortfolioResult | None,
        workspace_ref: WorkspaceRef | WorkspaceVersion | StoredWorkspace,
        author: Person | str,
        expected_version: int | None = None,
        *,
        scenario_id: int | None = None,
        as_copy: bool = False,
    ) -> StoredScenario:
        """Save a scenario with its result (None before it is optimised).

        New scenario: `scenario_id=None`; it starts as a draft. Edit: the id and the
        `expected_version` it was loaded at; refused with StaleVersionError if someone
        changed it since, with TransitionError unless it is a draft or sent back.
        `as_copy=True` saves a new draft that remembers `scenario_id` as its origin,
        whatever happened to that one meanwhile.
        """
        person = as_person(author)
        name = _clean_name(scenario.name, "scenario")
        reasons = {iid: clean_text(reason, one_line=False) for iid, reason in scenario.force_reasons.items()}
        if name != scenario.name or reasons != scenario.force_reasons:
            scenario = replace(scenario, name=name, force_reasons=reasons)
        if scenario_id is not None and not as_copy and expected_version is None:
            raise ValueError("editing a saved scenario needs the version it was loaded at")
        ref = workspace_ref if isinstance(workspace_ref, WorkspaceRef) else workspace_ref.ref
        parameters = serialize.dumps(serialize.scenario_to_json(scenario))
        result_text = serialize.dumps(serialize.result_to_json(result)) if result is not None else None
        now = _now()
        figures = {
            "result": result_text,
            "result_status": result.status if result is not None else None,
            "objective": _finite_or_none(result.objective) if result is not None else None,
            "total_cost": _finite_or_none(result.total_cost) if result is not None else None,
            "selected_count": len(result.selected) if result is not None else None,
        }
        with self._session(write=True) as session:
            workspace_version_id = self._workspace_version_id(session, ref)
            if scenario_id is None or as_copy:
                if scenario_id is not None:
                    self._get_scenario(session, scenario_id)
                row = ScenarioRow(
                    name=name,
                    status=Status.DRAFT.value,
                    version=1,
                    workspace_version_id=workspace_version_id,
                    parameters=parameters,
                    copied_from_id=scenario_id,
                    created_at=now,
                    created_by_name=person.name,
                    created_by_id=person.user_id,
                    updated_at=now,
                    updated_by_name=person.name,
                    updated_by_id=person.user_id,
                    **figures,
                )
                session.add(row)
                session.flush()
                self._record(session, row, None, "", person, now)
            else:
                row = self._lock_scenario(session, scenario_id)
                self._check(row, expected_version, EDITABLE, "edit")
                self._bump_scenario(
                    session,
                    row,
                    name=name,
                    workspace_version_id=workspace_version_id,
                    parameters=parameters,
                    updated_at=now,
                    updated_by_name=person.name,
                    updated_by_id=person.user_id,
                    **figures,
                )
            return self._scenario_record(row, scenario, result, ref)

    def duplicate_scenario(self, scenario_id: int, new_name: str, author: Person | str) -> StoredScenario:
        """A new draft with the same parameters, result and workspace version, whatever its status."""
        original = self.load_scenario(scenario_id)
        scenario = replace(original.scenario, name=_clean_name(new_name, "scenario"))
        return self.save_scenario(
            scenario, original.result, original.workspace, author, scenario_id=scenario_id, as_copy=True
        )

    def load_scenario(self, scenario_id: int) -> StoredScenario:
        with self._session(write=False) as session:
            row = self._get_scenario(session, scenario_id)
            ref = self._workspace_ref(session, row.workspace_version_id)
        scenario = serialize.scenario_from_json(serialize.loads(row.parameters))
        result = serialize.result_from_json(serialize.loads(row.result)) if row.result is not None else None
        return self._scenario_record(row, scenario, result, ref)

    def list_scenarios(
        self,
        status: ScenarioStatus | str | Iterable[ScenarioStatus | str] | None = None,
        *,
        workspace_name: str | None = None,
    ) -> tuple[ScenarioSummary, ...]:
        """Saved scenarios, most recently changed first; deleted ones only when asked by status."""
        if status is None:
            wanted = [s.value for s in Status if s is not Status.DELETED]
        elif isinstance(status, str):
            wanted = [Status(status).value]
        else:
            wanted = [Status(s).value for s in status]
        query = (
            select(ScenarioRow, WorkspaceRow.name, WorkspaceVersionRow.version)
            .join(WorkspaceVersionRow, ScenarioRow.workspace_version_id == WorkspaceVersionRow.id)
            .join(WorkspaceRow, WorkspaceVersionRow.workspace_id == WorkspaceRow.id)
            .where(ScenarioRow.status.in_(wanted))
            .order_by(ScenarioRow.updated_at.desc(), ScenarioRow.id.desc())
        )
        if workspace_name is not None:
            query = query.where(WorkspaceRow.name == _clean_name(workspace_name, "workspace"))
        # the payload columns are not needed for a list: don't fetch them
        query = query.options(defer(ScenarioRow.parameters), defer(ScenarioRow.result))
        with self._session(write=False) as session:
            return tuple(
                ScenarioSummary(
                    scenario_id=r.id,
                    name=r.name,
                    status=Status(r.status),
                    version=r.version,
                    workspace=WorkspaceRef(ws_name, ws_version),
                    result_status=r.result_status,
                    objective=r.objective,
                    total_cost=r.total_cost,
                    selected_count=r.selected_count,
                    created_at=r.created_at,
                    created_by=Person(r.created_by_name, r.created_by_id),
                    updated_at=r.updated_at,
                    updated_by=Person(r.updated_by_name, r.updated_by_id),
                    copied_from=r.copied_from_id,
                )
                for r, ws_name, ws_version in session.execute(query)
            )

    def decision_log(self, scenario_id: int) -> tuple[Decision, ...]:
        """Every step of the scenario's life, oldest first."""
        with self._session(write=False) as session:
            self._get_scenario(session, scenario_id)
            rows = session.scalars(
                select(DecisionRow).where(DecisionRow.scenario_id == scenario_id).order_by(DecisionRow.id)
            ).all()
            return tuple(
                Decision(
                    decision_id=r.id,
                    scenario_id=r.scenario_id,
                    scenario_version=r.scenario_version,
                    from_status=Status(r.from_status) if r.from_status else None,
                    to_status=Status(r.to_status),
                    author=Person(r.author_name, r.author_id),
                    comment=r.comment,
                    decided_at=r.decided_at,
                )
                for r in rows
            )

    def submit_scenario(
        self, scenario_id: int, author: Person | str, comment: str = "", expected_version: int | None = None
    ) -> StoredScenario:
        """Draft or sent back → submitted to the COMEX; it must have a result."""
        return self._transition(scenario_id, "submit", author, comment, expected_version)

    def withdraw_scenario(
        self, scenario_id: int, author: Person | str, comment: str = "", expected_version: int | None = None
    ) -> StoredScenario:
        """Submitted → draft, before the COMEX decides."""
        return self._transition(scenario_id, "withdraw", author, comment, expected_version)

    def approve_scenario(
        self, scenario_id: int, author: Person | str, comment: str = "", expected_version: int | None = None
    ) -> StoredScenario:
        """Submitted → approved (final)."""
        return self._transition(scenario_id, "approve", author, comment, expected_version)

    def send_back_scenario(
        self, scenario_id: int, author: Person | str, comment: str, expected_version: int | None = None
    ) -> StoredScenario:
        """Submitted → sent back, with a comment saying why (required)."""
        return self._transition(scenario_id, "send_back", author, comment, expected_version)

    def reopen_scenario(
        self, scenario_id: int, author: Person | str, comment: str = "", expected_version: int | None = None
    ) -> StoredScenario:
        """Sent back → draft."""
        return self._transition(scenario_id, "reopen", author, comment, expected_version)

    def delete_scenario(
        self, scenario_id: int, author: Person | str, expected_version: int | None, comment: str = ""
    ) -> StoredScenario:
        """Draft or sent back → deleted: hidden from lists, kept with its decisions."""
        return self._transition(scenario_id, "delete", author, comment, expected_version)

    def _transition(
        self,
        scenario_id: int,
        action: str,
        author: Person | str,
        comment: str,
        expected_version: int | None,
    ) -> StoredScenario:
        person = as_person(author)
        comment = clean_text(comment, one_line=False)
        if action == "send_back" and not comment:
            raise InvalidInput("store.comment_required")
        allowed, target = TRANSITIONS[action]
        now = _now()
        with self._session(write=True) as session:
            row = self._lock_scenario(session, scenario_id)
            self._check(row, expected_version, allowed, action)
            if action == "submit" and row.result is None:
                raise TransitionError("store.submit_needs_result", name=row.name)
            before = Status(row.status)
            self._bump_scenario(
                session,
                row,
                status=target.value,
                updated_at=now,
                updated_by_name=person.name,
                updated_by_id=person.user_id,
            )
            self._record(session, row, before, comment, person, now)
            ref = self._workspace_ref(session, row.workspace_version_id)
        scenario = serialize.scenario_from_json(serialize.loads(row.parameters))
        result = serialize.result_from_json(serialize.loads(row.result)) if row.result is not None else None
        return self._scenario_record(row, scenario, result, ref)

    @staticmethod
    def _check(
        row: ScenarioRow, expected_version: int | None, allowed: frozenset[ScenarioStatus], action: str
    ) -> None:
        status = Status(row.status)
        if expected_version is not None and row.version != expected_version:
            raise Store._stale_scenario(row, expected_version)
        if status not in allowed:
            raise TransitionError(
                "store.transition_refused",
                name=row.name,
                action=Label(f"store.action.{action}"),
                status=status,
                hint=Label(f"store.hint.{status.value}"),
            )

    @staticmethod
    def _stale_scenario(row: ScenarioRow, expected_version: int) -> StaleVersionError:
        status = Status(row.status)
        return StaleVersionError(
            "store.scenario_deleted" if status is Status.DELETED else "store.stale_scenario",
            name=row.name,
            expected=expected_version,
            current=row.version,
            changed_by=Person(row.updated_by_name, row.updated_by_id),
            changed_at=row.updated_at,
            status=status,
        )

    def _bump_scenario(self, session: Session, row: ScenarioRow, **values: object) -> None:
        # the row is locked already; the version condition keeps the update safe on its own
        expected = row.version
        done = session.execute(
            update(ScenarioRow)
            .where(ScenarioRow.id == row.id, ScenarioRow.version == expected)
            .values(version=expected + 1, **values)
            .execution_options(synchronize_session=False)
        )
        session.refresh(row)
        if done.rowcount != 1:
            raise self._stale_scenario(row, expected)

    @staticmethod
    def _record(
        session: Session,
        row: ScenarioRow,
        before: ScenarioStatus | None,
        comment: str,
        person: Person,
        now: datetime,
    ) -> None:
        session.add(
            DecisionRow(
                scenario_id=row.id,
                scenario_version=row.version,
                from_status=before.value if before is not None else None,
                to_status=row.status,
                author_name=person.name,
                author_id=person.user_id,
                comment=comment,
                decided_at=now,
            )
        )
        session.flush()

    @staticmethod
    def _get_scenario(session: Session, scenario_id: int) -> ScenarioRow:
        row = session.get(ScenarioRow, scenario_id)
        if row is None:
            raise NotFoundError("store.scenario_not_found", scenario_id=scenario_id)
        return row

    @staticmethod
    def _lock_scenario(session: Session, scenario_id: int) -> ScenarioRow:
        row = session.scalar(select(ScenarioRow).where(ScenarioRow.id == scenario_id).with_for_update())
        if row is None:
            raise NotFoundError("store.scenario_not_found", scenario_id=scenario_id)
        return row

    @staticmethod
    def _workspace_version_id(session: Session, ref: WorkspaceRef) -> int:
        found = session.scalar(
            select(WorkspaceVersionRow.id)
            .join(WorkspaceRow, WorkspaceVersionRow.workspace_id == WorkspaceRow.id)
            .where(WorkspaceRow.name == ref.name, WorkspaceVersionRow.version == ref.version)
        )
        if found is None:
            raise NotFoundError("store.workspace_version_not_found", name=ref.name, version=ref.version)
        return found

    @staticmethod
    def _workspace_ref(session: Session, workspace_version_id: int) -> WorkspaceRef:
        name, version = session.execute(
            select(WorkspaceRow.name, WorkspaceVersionRow.version)
            .join(WorkspaceRow, WorkspaceVersionRow.workspace_id == WorkspaceRow.id)
            .where(WorkspaceVersionRow.id == workspace_version_id)
        ).one()
        return WorkspaceRef(name, version)

    @staticmethod
    def _scenario_record(
        row: ScenarioRow, scenario: Scenario, result: PortfolioResult | None, ref: WorkspaceRef
    ) -> StoredScenario:
        return StoredScenario(
            scenario_id=row.id,
            name=row.name,
            status=Status(row.status),
            version=row.version,
            scenario=scenario,
            result=result,
            workspace=ref,
            created_at=row.created_at,
            created_by=Person(row.created_by_name, row.created_by_id),
            updated_at=row.updated_at,
            updated_by=Person(row.updated_by_name, row.updated_by_id),
            copied_from=row.copied_from_id,
        )
