"""Persistent storage: workspaces and their versions, scenarios, COMEX decisions, maturity
self-assessments, robustness analyses.

One entry point, `Store.open(url=None)`: a SQLite file by default (no set-up), or the
PostgreSQL database in `DATABASE_URL`; same code and migrations on both.
"""

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
    Decision,
    MaturityRecord,
    Person,
    RobustnessRecord,
    ScenarioStatus,
    ScenarioSummary,
    StoredScenario,
    StoredWorkspace,
    WorkspaceHead,
    WorkspaceRef,
    WorkspaceVersion,
)
from cxprior.store.repository import TRANSITIONS, Store, as_person

__all__ = [
    "TRANSITIONS",
    "Decision",
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
    "TransitionError",
    "WorkspaceHead",
    "WorkspaceRef",
    "WorkspaceVersion",
    "as_person",
    "format_when",
]
