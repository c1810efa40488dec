"""The session's state: every key of `st.session_state` the app uses, and its accessors.

This is the only module that reads or writes `st.session_state`. State is kept as domain
objects, created once per session by `init()`: the workspace (with the content fingerprint
used as cache key), the saved version it is, where it came from, the scenario runs
(name → ScenarioRun), the saved scenarios they are linked to, and the notices to show after
the next rerun. The widgets whose values other code reads (the language and name in the
sidebar, the COMEX page's choice and comment, the backlog editor, the maturity answers) have
their keys here too; widgets nobody reads back keep their key where they are drawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import streamlit as st

from cxprior.analysis import ScenarioRun
from cxprior.domain import CxpriorError, Role, Workspace
from cxprior.store import ScenarioStatus, StaleVersionError, WorkspaceRef
from ui.cached import fingerprint

# --- the keys ------------------------------------------------------------------------------------

LANGUAGE, LANGUAGE_WIDGET = "language", "sidebar_language"  # the choice outlives the widget's state
AUTHOR, AUTHOR_WIDGET = "author", "sidebar_author"  # the name typed, the widget
AUTHOR_PARAM = "author"  # the URL query parameter that keeps the name typed across a refresh
ROLE, REFUSAL = "access_role", "access_refusal"  # the role of this run; why someone may not come in
WORKSPACE, WORKSPACE_KEY, ORIGIN = "workspace", "workspace_key", "workspace_origin"
WORKSPACE_REF, SAVED_REFS, PENDING = "workspace_ref", "workspace_refs", "workspace_pending"
STARTUP_ERROR, STORE_ERROR, NOTICES = "startup_error", "store_error", "notices"
RUNS, CURRENT_RUN, REVIEW_RUN = "scenario_runs", "current_run", "review_run"
LINKS, REVIEW_ID, CONFLICT = "scenario_links", "review_scenario_id", "scenario_conflict"
COMPARE_TICKED = "compare_ticked"  # names of the unsaved runs ticked "Add to Compare"
REOPENED = "scenario_reopened"  # the session reopened (or tried) the last saved scenario
FRONTIER_FOR = "scenario_frontier_for"  # the run whose frontier was asked for (large workspaces)
APPLIED_UPLOAD = "backlog_applied_upload"  # file id of the upload already taken in
RECOMMENDATION = "maturity_recommendation"  # {competency: minimum budget share}, set on the Maturity page
ANSWERS = "maturity_answers"  # question widget key → score, kept across page switches
# listening (Journey page): {phase: minimum spend share} for the Scenario form; the last analysis
PHASE_SHARE, LISTENING = "listening_phase_share", "listening_analysis"
LISTENING_UPLOAD = "listening_upload"  # the survey file widget
# widgets read back by code
REVIEW_CHOICE, REVIEW_COMMENT, BACKLOG_EDITOR = "review_choice", "review_comment", "backlog_editor"
# the Scenario form's widgets, reset when a saved scenario is opened so that they show it
SCENARIO_FORM_KEYS = ("scenario_name", "scenario_time_limit", "scenario_budget_", "scenario_max_")
SCENARIO_FORM_KEYS += ("scenario_share_", "scenario_force_", "scenario_reason_")
# roadmap: the "allow later starts" toggle, and one capacity field per team and period
ALLOW_SHIFT, CAPACITY_FIELD = "scenario_allow_shift", "scenario_capacity_"
SCENARIO_FORM_KEYS += (ALLOW_SHIFT, CAPACITY_FIELD)


@dataclass(frozen=True)
class Pending:
    """A workspace change that was not saved because someone saved a newer version first."""

    workspace: Workspace
    key: str
    origin_key: str
    origin_params: dict[str, object]
    note: str
    error: StaleVersionError


@dataclass(frozen=True)
class Link:
    """The saved scenario a run of this session was saved as, at the version it was saved."""

    scenario_id: int
    version: int
    status: ScenarioStatus
    run: ScenarioRun  # the run as saved: another run under the same name is unsaved work


_session = st.session_state


def init() -> bool:
    """Create the shared state once per session; True when it was created now (the caller
    then opens the session's first workspace)."""
    if WORKSPACE in _session:
        return False
    _session.update({RUNS: {}, CURRENT_RUN: None, REVIEW_RUN: None, REVIEW_ID: None, LINKS: {}})
    _session.update({SAVED_REFS: {}, WORKSPACE_REF: None, PENDING: None})
    _session.update({STARTUP_ERROR: "", STORE_ERROR: None, NOTICES: []})
    return True


# --- language, author, role ----------------------------------------------------------------------


def language() -> str | None:
    """The language chosen for this session; None before the first choice."""
    return _session.get(LANGUAGE)


def set_language(code: str) -> None:
    _session[LANGUAGE] = code


def keep_language() -> None:
    """on_change of the language widget: widget state does not survive every page switch."""
    _session[LANGUAGE] = _session[LANGUAGE_WIDGET]


def typed_author() -> str:
    """The name typed in the sidebar in this session ("" when none). A refresh starts a new
    session: the name then comes back from the URL, where it is kept (a signed-in user's name
    takes precedence wherever the author counts: see `access.current_author`)."""
    if AUTHOR not in _session:
        _session[AUTHOR] = _tidy(st.query_params.get(AUTHOR_PARAM, ""))
    name = _session[AUTHOR]
    if name and st.query_params.get(AUTHOR_PARAM) != name:
        st.query_params[AUTHOR_PARAM] = name  # a page switch may drop the query parameters
    return name


def keep_author() -> None:
    """on_change of the name widget: the name, its spaces tidied, also kept in the URL."""
    _session[AUTHOR] = _tidy(_session[AUTHOR_WIDGET])
    if _session[AUTHOR]:
        st.query_params[AUTHOR_PARAM] = _session[AUTHOR]
    elif AUTHOR_PARAM in st.query_params:
        del st.query_params[AUTHOR_PARAM]


def _tidy(name: object) -> str:
    return " ".join(str(name or "").split())


def role(default: Role | None) -> Role | None:
    """The role the gate gave this run; `default` when the gate has not run."""
    return _session.get(ROLE, default)


def set_role(role_: Role | None, refusal: str | None = None) -> None:
    _session[ROLE] = role_
    _session[REFUSAL] = refusal


def refusal() -> str | None:
    """Why someone signed in may not come in (None when they may, or are not signed in)."""
    return _session.get(REFUSAL)


def notify(message: str) -> None:
    """A message shown once, after the rerun that an action starts."""
    _session[NOTICES] = [*_session.get(NOTICES, []), message]


def take_notices() -> list[str]:
    """The messages to show now; they are shown once."""
    notices = _session.get(NOTICES, [])
    _session[NOTICES] = []
    return notices


# --- the workspace -------------------------------------------------------------------------------


def use_workspace(
    new: Workspace,
    ref: WorkspaceRef | None,
    origin_key: str,
    origin_params: dict[str, object],
    *,
    key: str | None = None,
) -> None:
    """Make `new` the session's workspace. `ref` is the saved version it is; None when it
    could not be saved, and the next save then still builds on the version before."""
    key = key or fingerprint(new)
    _session[WORKSPACE] = new
    _session[WORKSPACE_KEY] = key
    _session[ORIGIN] = (origin_key, origin_params)
    _session[PENDING] = None
    if ref is not None:
        _session[WORKSPACE_REF] = ref
        _session[SAVED_REFS][key] = ref


def workspace() -> Workspace:
    return _session[WORKSPACE]


def workspace_key() -> str:
    return _session[WORKSPACE_KEY]


def key_of(workspace_: Workspace) -> str:
    """Cache key of a workspace: the stored fingerprint for the current one."""
    return workspace_key() if workspace_ is workspace() else fingerprint(workspace_)


def workspace_ref() -> WorkspaceRef | None:
    """The saved version the session's workspace is, or builds on when it could not be saved."""
    return _session[WORKSPACE_REF]


def ref_of(workspace_: Workspace) -> WorkspaceRef | None:
    """The saved version a workspace is, None if it was never saved."""
    return _session[SAVED_REFS].get(key_of(workspace_))


def remember_ref(workspace_: Workspace, ref: WorkspaceRef) -> None:
    """Note that a workspace opened from the store is that saved version."""
    _session[SAVED_REFS][fingerprint(workspace_)] = ref


def origin() -> tuple[str, dict[str, object]]:
    """Where the workspace came from: a catalog key and its parameters."""
    return _session[ORIGIN]


def origin_file() -> str | None:
    """The file the workspace came from, when it came from an upload or a merge."""
    return _session[ORIGIN][1].get("file")  # type: ignore[return-value]


def pending() -> Pending | None:
    """A change not saved because someone saved a newer version first (the frame shows it)."""
    return _session[PENDING]


def set_pending(waiting: Pending) -> None:
    _session[PENDING] = waiting


def startup_error() -> str:
    """Why the bundled sample could not be read ("" when it could)."""
    return _session[STARTUP_ERROR]


def set_startup_error(problem: str) -> None:
    _session[STARTUP_ERROR] = problem


def store_error() -> CxpriorError | None:
    """The last storage failure, for the sidebar (None once a save worked again)."""
    return _session.get(STORE_ERROR)


def set_store_error(error: CxpriorError | None) -> None:
    _session[STORE_ERROR] = error


# --- scenario runs and saved scenarios -----------------------------------------------------------


def runs() -> dict[str, ScenarioRun]:
    return _session[RUNS]


def save_run(run: ScenarioRun) -> None:
    """Keep a run under its name and make it the current one."""
    _session[RUNS] = {**runs(), run.name: run}
    _session[CURRENT_RUN] = run.name


def current_run() -> ScenarioRun | None:
    return runs().get(_session[CURRENT_RUN] or "")


def forget_run(name: str) -> None:
    _session[RUNS] = {k: v for k, v in runs().items() if k != name}
    _session[LINKS] = {k: v for k, v in links().items() if k != name}
    if _session[CURRENT_RUN] == name:
        _session[CURRENT_RUN] = None


def links() -> dict[str, Link]:
    """Run name → the saved scenario it was saved as."""
    return _session[LINKS]


def set_link(name: str, link: Link) -> None:
    _session[LINKS] = {**links(), name: link}


def conflict() -> tuple[str, str] | None:
    """(run name, why its save was refused): the Scenario page offers "save as a copy"."""
    return _session.get(CONFLICT)


def set_conflict(found: tuple[str, str] | None) -> None:
    _session[CONFLICT] = found


def review_run() -> ScenarioRun | None:
    """The run handed to COMEX in this session (used when there is no database)."""
    return runs().get(_session[REVIEW_RUN] or "")


def set_review(name: str, scenario_id: int | None = None) -> None:
    """Hand a run to COMEX in this session (and the saved scenario it is, when there is one)."""
    _session[REVIEW_RUN] = name
    if scenario_id is not None:
        _session[REVIEW_ID] = scenario_id


def review_id() -> int | None:
    """The saved scenario the COMEX page shows first."""
    return _session.get(REVIEW_ID)


def keep_review_choice() -> None:
    """on_change of the COMEX page's choice: it stays chosen across page switches."""
    _session[REVIEW_ID] = _session[REVIEW_CHOICE]


def clear_review_comment() -> None:
    """Empty the decision comment once the decision is taken."""
    del _session[REVIEW_COMMENT]


def reset_scenario_form() -> None:
    """Drop the Scenario form's widget values, so that it shows the run opened."""
    for key in [k for k in _session if str(k).startswith(SCENARIO_FORM_KEYS)]:
        del _session[key]


def seed_scenario_form(values: Mapping[str, object]) -> None:
    """Give the Scenario form's widgets these values where they have none yet. The values go
    through the state, not the widgets' defaults: a browser shows and sends back a value set
    this way, and a number field started empty can be emptied again (a cap can be cleared)."""
    for key, value in values.items():
        if key not in _session:
            _session[key] = value


def load_scenario_form(values: Mapping[str, object]) -> None:
    """Replace every value of the Scenario form by these (a saved scenario was opened)."""
    reset_scenario_form()
    _session.update(dict(values))


def capacity_key(team: str, period: str) -> str:
    """The Scenario form's capacity field of one team and period."""
    return f"{CAPACITY_FIELD}{team}_{period}"


def ticked_for_compare() -> frozenset[str]:
    """The runs of this session ticked "Add to Compare" (saved scenarios are offered anyway)."""
    return frozenset(_session.get(COMPARE_TICKED, ()))


def tick_for_compare(name: str, ticked: bool) -> None:
    kept = ticked_for_compare()
    _session[COMPARE_TICKED] = kept | {name} if ticked else kept - {name}


def first_reopen() -> bool:
    """True once per session: the Scenario page then reopens the last saved scenario."""
    if _session.get(REOPENED):
        return False
    _session[REOPENED] = True
    return True


def frontier_wanted(run_name: str) -> bool:
    return _session.get(FRONTIER_FOR) == run_name


def want_frontier(run_name: str) -> None:
    _session[FRONTIER_FOR] = run_name


# --- backlog and maturity ------------------------------------------------------------------------


def upload_taken(file_id: str) -> bool:
    """The upload with this id was taken in already (it is not taken twice)."""
    return _session.get(APPLIED_UPLOAD) == file_id


def take_upload(file_id: str) -> None:
    _session[APPLIED_UPLOAD] = file_id


def backlog_edited() -> bool:
    """The backlog editor holds edited, added or deleted rows."""
    changes = _session.get(BACKLOG_EDITOR) or {}
    return any(changes.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))


def recommendation() -> dict[str, float]:
    """The minimum competency shares applied from the maturity diagnostic ({} if none)."""
    return dict(_session.get(RECOMMENDATION) or {})


def set_recommendation(shares: Mapping[str, float]) -> None:
    _session[RECOMMENDATION] = dict(shares)


def has_answers() -> bool:
    return ANSWERS in _session


def set_answers(answers: Mapping[str, int | None]) -> None:
    _session[ANSWERS] = dict(answers)


def restore_answers(keys: Iterable[str]) -> None:
    """Give each question widget the answer kept for it, through the state rather than an
    index, so that the widget keeps one identity."""
    kept = _session[ANSWERS]
    for key in keys:
        if key not in _session and kept.get(key) is not None:
            _session[key] = kept[key]


def keep_answer(key: str) -> None:
    """on_change of a question widget: the answer survives page switches."""
    _session[ANSWERS][key] = _session[key]


# --- listening data --------------------------------------------------------------------------------


def phase_share() -> dict[str, float] | None:
    """The minimum spend share per journey phase set from the survey or cleared in the Scenario
    form ({} once cleared), or None when the session never touched it."""
    shares = _session.get(PHASE_SHARE)
    return None if shares is None else dict(shares)


def set_phase_share(shares: Mapping[str, float]) -> None:
    _session[PHASE_SHARE] = dict(shares)


def listening() -> object | None:
    """The last key-driver analysis of the session (a `ui.listening.Listening`), or None."""
    return _session.get(LISTENING)


def set_listening(value: object | None) -> None:
    _session[LISTENING] = value


# --- follow-up (the Follow-up page) ----------------------------------------------------------------

FOLLOWUP = "followup_by_scenario"  # approved scenario id → its current FollowUp
REPLAN = "followup_replan"  # (scenario id, period, Replan) of the last re-plan asked for
FOLLOWUP_UPLOAD = "followup_upload"  # the follow-up workbook's file widget
FOLLOWUP_TAKEN = "followup_taken_upload"  # file id of the follow-up upload already taken in


def followup(scenario_id: int) -> object | None:
    """The follow-up (a `FollowUp`) this session uses for an approved scenario, or None."""
    return _session.get(FOLLOWUP, {}).get(scenario_id)


def set_followup(scenario_id: int, value: object) -> None:
    _session.setdefault(FOLLOWUP, {})[scenario_id] = value
    _session[REPLAN] = None  # a re-plan was computed from the previous follow-up


def followup_upload_taken(file_id: str) -> bool:
    return _session.get(FOLLOWUP_TAKEN) == file_id


def take_followup_upload(file_id: str) -> None:
    _session[FOLLOWUP_TAKEN] = file_id


def replan() -> tuple[int, str, object] | None:
    return _session.get(REPLAN)


def set_replan(value: tuple[int, str, object] | None) -> None:
    _session[REPLAN] = value


# --- weights and consensus (Strategy and COMEX review pages) ----------------------------------------

WEIGHTS_UPLOAD = "wsens_upload"  # the members' Weights workbook widget
MEMBERS_READ = "wsens_members_read"  # (file id, file name, {member: {goal: weight}}) of the last upload
OWN_WEIGHTS = "wsens_own_weights"  # {member: {goal: weight}} entered in this session when nothing saves
SENSITIVITY = "wsens_result"  # {section key: (what it was computed on, SensitivityResult)}


def members_read() -> tuple[str, str, dict[str, dict[str, float]]] | None:
    return _session.get(MEMBERS_READ)


def set_members_read(value: tuple[str, str, dict[str, dict[str, float]]] | None) -> None:
    _session[MEMBERS_READ] = value


def own_weights() -> dict[str, dict[str, float]]:
    return dict(_session.get(OWN_WEIGHTS) or {})


def set_own_weights(member: str, weights: Mapping[str, float]) -> None:
    _session[OWN_WEIGHTS] = {**own_weights(), member: dict(weights)}


def sensitivity(section: str, basis: str) -> object | None:
    """The weight sensitivity computed for `section` on `basis` (a `SensitivityResult`), or None."""
    kept = _session.get(SENSITIVITY, {}).get(section)
    return kept[1] if kept is not None and kept[0] == basis else None


def set_sensitivity(section: str, basis: str, result: object) -> None:
    _session[SENSITIVITY] = {**_session.get(SENSITIVITY, {}), section: (basis, result)}
