"""Persistent storage: workspaces and their versions, scenarios, COMEX decisions, maturity
self-assessments, robustness analyses, survey analyses (key drivers, with who and when), and
every version of an approved scenario's follow-up.

One entry point, `Store.open(url=None)`: a SQLite file by default (no set-up), or the
PostgreSQL database in `DATABASE_URL`; same code and migrations on both.
"""

from typing import TYPE_CHECKING

from cxprior.lazy import lazy_face

# what readers, type checkers and import-linter see; at run time a name loads on first use
if TYPE_CHECKING:
    from cxprior.store.config import resolve_url
    from cxprior.store.errors import (
        InvalidInput,
        NotFoundError,
        StaleVersionError,
        StoreError,
        StoreUnavailable,
        TransitionError,
        format_when,
    )
    from cxprior.store.records import (
        MAX_NAME_LENGTH,
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
        summarise_survey,
    )
    from cxprior.store.repository import TRANSITIONS, Store, as_person
    from cxprior.store.serialize import dumps, scenario_to_json, workspace_fingerprint

__all__ = [
    "MAX_NAME_LENGTH",
    "TRANSITIONS",
    "Decision",
    "DefaultWorkspaceChange",
    "FollowUpRecord",
    "InvalidInput",
    "MaturityRecord",
    "NotFoundError",
    "Person",
    "RobustnessRecord",
    "ScenarioStatus",
    "ScenarioSummary",
    "StaleVersionError",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "StoredScenario",
    "StoredWorkspace",
    "SurveyAnalysis",
    "SurveyRecord",
    "TransitionError",
    "WorkspaceHead",
    "WorkspaceRef",
    "WorkspaceVersion",
    "as_person",
    "dumps",
    "format_when",
    "resolve_url",
    "scenario_to_json",
    "summarise_survey",
    "workspace_fingerprint",
]

__getattr__, __dir__ = lazy_face(__name__)
