"""Every cache of the app (`st.cache_data`, `st.cache_resource`) and the workspace fingerprint
that keys them.

Parsing and solving are cached with `st.cache_data`, keyed by bytes or by the workspace
fingerprint, so a rerun that changes nothing recomputes nothing. What never changes once saved
(a stored workspace version, a stored scenario version) and what is shared by every session
(the store, the robustness analyses seen by this server) is kept with `st.cache_resource`.
This module reads no session state: every function is given what it depends on.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from cxprior.domain import (
    PortfolioResult,
    Problem,
    Scenario,
    Scores,
    TeamBacklog,
    UnsafeFileError,
    WorkbookError,
    Workspace,
    score,
)
from cxprior.portfolio import (
    ShiftingGain,
    StagedResult,
    capacity_values,
    frontier,
    greedy_gap,
    optimize,
    optimize_staged,
    roadmap_frame,
    shifting_gain,
)
from cxprior.store import RobustnessRecord, Store, StoredScenario, StoredWorkspace, workspace_fingerprint
from cxprior.workbook import BacklogRows, read_workbook

FRONTIER_AUTO_LIMIT = 300  # larger workspaces draw the frontier (and put it in the pack) on request only
FRONTIER_POINTS = 20
ROBUSTNESS_KEPT = 64  # analyses kept in memory by the server; the store keeps them all


# --- reading and solving -----------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    """What reading an uploaded workbook gave: a workspace, a backlog, or problems."""

    kind: str  # "workspace" | "backlog" | "invalid"
    workspace: Workspace | None = None
    backlog: TeamBacklog | None = None
    notes: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()
    message: str = ""
    rows: BacklogRows | None = None  # a backlog's rows, to locate its merge problems


@st.cache_data(max_entries=16, show_spinner=False)
def read_bytes(data: bytes, language: str) -> Parsed:
    """Parse a workbook once per content and language; errors are returned, not raised,
    so that an invalid upload is not parsed again on every rerun."""
    try:
        result = read_workbook(data, lang=language)
    except UnsafeFileError as error:
        return Parsed("invalid", problems=error.problems, message=error.message)
    except WorkbookError as error:
        return Parsed("invalid", problems=error.problems, message=error.message)
    return Parsed(result.kind, result.workspace, result.backlog, tuple(result.notes), rows=result.rows)


# workspace object id → its fingerprint, dropped when the object is freed (so an id is never
# reused while listed): runs keep older workspaces, whose key is asked many times per rerun
_fingerprints: dict[int, str] = {}


def fingerprint(workspace: Workspace) -> str:
    """A content key for a workspace: equal workspaces share cached scores and solves, and
    taking in a file equal to the saved version saves nothing. Computed once per object (the
    canonical JSON takes about 20 ms at 1,000 initiatives)."""
    key = _fingerprints.get(id(workspace))
    if key is None:
        key = workspace_fingerprint(workspace)
        _fingerprints[id(workspace)] = key
        weakref.finalize(workspace, _fingerprints.pop, id(workspace), None)
    return key


@st.cache_data(max_entries=32, show_spinner=False)
def scores_for(key: str, _workspace: Workspace, language: str) -> Scores:
    return score(_workspace, language)


@st.cache_data(max_entries=64, show_spinner=False)
def optimize_cached(key: str, _workspace: Workspace, scenario: Scenario, language: str) -> PortfolioResult:
    return optimize(_workspace, scenario, lang=language)


# The portfolio is shown as soon as it is solved, its reasons once written (`optimize_staged`):
# the solved model waits here, shared by every session, until someone asks for its reasons. A
# plain memo, not st.cache_data, because the pack and the Save button ask for the reasons
# outside the page script too (a download's bytes are built at the click).
STAGED_KEPT = 16
_staged: OrderedDict[tuple[str, str, str], StagedResult] = OrderedDict()
_explained: OrderedDict[tuple[str, str, str], PortfolioResult] = OrderedDict()
_staged_lock = threading.Lock()
_explaining: dict[tuple[str, str, str], threading.Lock] = {}


def _staged_key(key: str, scenario: Scenario, language: str) -> tuple[str, str, str]:
    return key, repr(scenario), language


def _keep(memo: OrderedDict, entry: tuple[str, str, str], value: object) -> None:
    memo[entry] = value
    memo.move_to_end(entry)
    while len(memo) > STAGED_KEPT:
        memo.popitem(last=False)


def forget_solved() -> None:
    """Forget every portfolio solved and explained (tests start from an empty memo)."""
    with _staged_lock:
        _staged.clear()
        _explained.clear()


def solve_first(
    key: str, workspace: Workspace, scenario: Scenario, language: str
) -> tuple[PortfolioResult, bool]:
    """The portfolio of a scenario without its reasons yet, and whether it has them already
    (a scenario whose reasons were written before, or with nothing to explain)."""
    entry = _staged_key(key, scenario, language)
    with _staged_lock:
        if entry in _explained:
            return _explained[entry], True
        if entry in _staged:
            staged = _staged[entry]
            return staged.result, staged.explain is None
    staged = optimize_staged(workspace, scenario, lang=language)
    with _staged_lock:
        _keep(_staged, entry, staged)
    return staged.result, staged.explain is None


def explained_result(key: str, workspace: Workspace, scenario: Scenario, language: str) -> PortfolioResult:
    """The portfolio with its reasons, forced-in costs and marginal values, written from the
    model already solved by `solve_first` (solved again only if the server has forgotten it).
    One session writes a given portfolio's reasons; the others wait for them."""
    entry = _staged_key(key, scenario, language)
    with _staged_lock:
        if entry in _explained:
            return _explained[entry]
        writing = _explaining.setdefault(entry, threading.Lock())
    with writing:
        with _staged_lock:
            if entry in _explained:
                return _explained[entry]
            staged = _staged.get(entry)
        if staged is not None and staged.explain is None:
            result = staged.result
        elif staged is not None:
            result = staged.explain()
        else:
            result = optimize(workspace, scenario, lang=language)
        with _staged_lock:
            _keep(_explained, entry, result)
            _staged.pop(entry, None)
            _explaining.pop(entry, None)
    return result


@st.cache_data(max_entries=16, show_spinner=False)
def frontier_cached(
    key: str, _workspace: Workspace, scenario: Scenario, points: int, language: str
) -> pd.DataFrame:
    """The efficient frontier as a table: budget, value, cost, status (one row per level)."""
    levels = frontier(_workspace, scenario, points=points, lang=language)
    rows = [
        {"budget": p.budget, "value": p.value, "cost": p.cost, "status": p.status}
        for p in levels.points
        if p.value is not None
    ]
    return pd.DataFrame(rows, columns=["budget", "value", "cost", "status"])


@st.cache_data(max_entries=32, show_spinner=False)
def greedy_gap_cached(
    key: str,
    _workspace: Workspace,
    scenario: Scenario,
    rank_by: str,
    optimal: PortfolioResult,
    language: str,
    _scores: Scores,
) -> tuple[PortfolioResult, float | None, float | None]:
    """What a score-and-rank tool funds at the scenario's budget (`cxprior.portfolio.greedy_gap`),
    and the value `optimal` adds over it: points, and share of the ranked list's value."""
    gap = greedy_gap(_workspace, scenario, rank_by=rank_by, optimal=optimal, lang=language, scores=_scores)  # type: ignore[arg-type]
    return gap.greedy, gap.value_added, gap.value_added_share


@st.cache_data(max_entries=32, show_spinner=False)
def roadmap_cached(key: str, _workspace: Workspace, result: PortfolioResult, language: str) -> pd.DataFrame:
    """The roadmap of a solved result (`cxprior.portfolio.roadmap_frame`): starts, finishes and
    why each moved initiative starts later."""
    return roadmap_frame(_workspace, result, language)


@st.cache_data(max_entries=16, show_spinner=False)
def capacity_values_cached(
    key: str,
    _workspace: Workspace,
    scenario: Scenario,
    result: PortfolioResult,
    language: str,
    _scores: Scores,
) -> pd.DataFrame:
    """The value of more capacity per team and period, one re-solve per pair (`capacity_values`)."""
    return capacity_values(_workspace, scenario, result=result, lang=language, scores=_scores)


@st.cache_data(max_entries=32, show_spinner=False)
def shifting_gain_cached(
    key: str,
    _workspace: Workspace,
    scenario: Scenario,
    shifted: PortfolioResult,
    language: str,
    _scores: Scores,
) -> ShiftingGain:
    """The scenario solved again with every start fixed, beside `shifted` (`shifting_gain`)."""
    return shifting_gain(_workspace, scenario, shifted=shifted, lang=language, scores=_scores)


# --- the store and what it holds ---------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def open_store(url: str) -> Store:
    """One store per server process and database."""
    return Store.open(url)


@st.cache_resource(max_entries=32, show_spinner=False)
def stored_version(location: str, name: str, version: int, _db: Store) -> StoredWorkspace:
    """A saved workspace version: it never changes, so it is decoded once per server and
    shared by every session."""
    return _db.load_workspace(name, version)


@st.cache_resource(max_entries=64, show_spinner=False)
def stored_scenario(location: str, scenario_id: int, version: int, _db: Store) -> StoredScenario:
    """A saved scenario at a version (a saved version never changes)."""
    return _db.load_scenario(scenario_id)


@dataclass
class RobustnessMemo:
    """Robustness analyses seen by this server: (portfolio, draws, seed) → analysis, and the
    latest (draws, seed) per portfolio. The store keeps them across restarts; this spares a
    query on each rerun."""

    found: OrderedDict[tuple[str, int, int], RobustnessRecord]
    latest: dict[str, tuple[int, int]]
    lock: threading.Lock

    def remember(self, record: RobustnessRecord) -> RobustnessRecord:
        result = record.result
        with self.lock:
            self.found[(record.portfolio_key, result.draws, result.seed)] = record
            self.latest[record.portfolio_key] = (result.draws, result.seed)
            while len(self.found) > ROBUSTNESS_KEPT:
                self.found.popitem(last=False)
        return record

    def last(self, key: str) -> RobustnessRecord | None:
        with self.lock:
            where = self.latest.get(key)
            return None if where is None else self.found[(key, *where)]

    def get(self, key: str, draws: int, seed: int) -> RobustnessRecord | None:
        with self.lock:
            return self.found.get((key, draws, seed))


@st.cache_resource(show_spinner=False)
def robustness_memo() -> RobustnessMemo:
    """The server's robustness analyses (one memo shared by every session)."""
    return RobustnessMemo(OrderedDict(), {}, threading.Lock())
