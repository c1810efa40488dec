"""Reused UI pieces: session state, who is acting, cached loaders, language, safe text and
tables.

State lives in `st.session_state` as domain objects, created once per session by
`init_state()`: the workspace (with a content fingerprint used as cache key), the saved
version it is, where it came from, the scenario runs (name → ScenarioRun) and which of them
are saved. `set_workspace` saves every accepted change as a new version in the store
(`ui_store`), so a browser refresh or a restart opens the latest version, never the sample
again. Parsing and solving are cached with `st.cache_data`, keyed by bytes or by the
workspace fingerprint, so a rerun that changes nothing recomputes nothing.

Result sections live in `ui_results.py`, saved scenarios and COMEX decisions in
`ui_scenarios.py`; the result sections' old names still resolve here.
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import pandas as pd
import streamlit as st

import ui_store
from cxprior import serialize
from cxprior.compare import ScenarioRun
from cxprior.domain import Scenario, TeamBacklog, Workspace, default_scenario
from cxprior.errors import Problem, UnsafeFileError, WorkbookError
from cxprior.i18n import format_money, format_number, format_percent, normalise_language, tr
from cxprior.results import PortfolioResult
from cxprior.store import InvalidInput, Person, WorkspaceRef, as_person, format_when
from cxprior.store.records import MAX_NAME_LENGTH
from cxprior.value import Scores, score

LOG = logging.getLogger("cxprior.app")
LANGUAGE_KEY = "sidebar_language"  # the widget
LANGUAGE = "language"  # the choice; widget state does not survive every page switch
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
AUTHOR_KEY, AUTHOR = "sidebar_author", "author"  # the widget, the name typed
# session-state keys of shared (non-widget) state
WORKSPACE, WORKSPACE_KEY, ORIGIN = "workspace", "workspace_key", "workspace_origin"
WORKSPACE_REF, SAVED_REFS, PENDING = "workspace_ref", "workspace_refs", "workspace_pending"
RUNS, CURRENT_RUN, REVIEW_RUN, STARTUP_ERROR = "scenario_runs", "current_run", "review_run", "startup_error"
LINKS, REVIEW_ID, STORE_ERROR, NOTICES = "scenario_links", "review_scenario_id", "store_error", "notices"


# --- language and safe text --------------------------------------------------------------


def lang() -> str:
    return st.session_state.get(LANGUAGE, "en")


def t(key: str, **params: object) -> str:
    """A message of the catalog in the session's language."""
    return tr(key, lang(), **params)


_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def md(text: object) -> str:
    """Text shown literally by Markdown widgets: every ASCII punctuation is escaped, so user
    strings like `**x**`, `[a](javascript:…)`, `$x$` or `<img onerror>` never turn into
    formatting, links, formulas or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def language_switch() -> str:
    """Sidebar language choice; the first visit follows the browser's locale, else English."""
    if LANGUAGE not in st.session_state:
        st.session_state[LANGUAGE] = normalise_language(st.context.locale)

    def remember() -> None:
        st.session_state[LANGUAGE] = st.session_state[LANGUAGE_KEY]

    options = list(LANGUAGE_NAMES)
    st.sidebar.selectbox(
        tr("ui.app.language", lang()),
        options,
        index=options.index(lang()),
        format_func=LANGUAGE_NAMES.get,
        key=LANGUAGE_KEY,
        on_change=remember,
    )
    return lang()


# --- who is acting -------------------------------------------------------------------------


def _signed_in() -> Person | None:
    """The signed-in user once access control is on (st.login), else None."""
    user = st.user
    if not user.get("is_logged_in"):
        return None
    email = str(user.get("email") or "").strip() or None
    try:
        return as_person(Person(str(user.get("name") or email or ""), email))
    except InvalidInput:
        return None


def current_author() -> Person | None:
    """Who saves, submits and decides: the signed-in user, else the name typed in the
    sidebar for this session; None when there is neither."""
    signed = _signed_in()
    if signed is not None:
        return signed
    try:
        return as_person(st.session_state.get(AUTHOR, ""))
    except InvalidInput:
        return None


def require_author() -> Person | None:
    """`current_author()`, or None after a warning, where it is called, that a name is needed."""
    author = current_author()
    if author is None:
        st.warning(t("ui.identity.required"), icon=":material/badge:")
    return author


def author_input() -> None:
    """The sidebar's "Your name", typed once per session; a signed-in user is shown instead."""
    signed = _signed_in()
    if signed is not None:
        st.sidebar.caption(md(t("ui.identity.signed_in", name=signed.name)))
        return

    def remember() -> None:
        st.session_state[AUTHOR] = " ".join(str(st.session_state[AUTHOR_KEY] or "").split())

    st.sidebar.text_input(
        t("ui.identity.name"),
        value=st.session_state.get(AUTHOR, ""),
        max_chars=MAX_NAME_LENGTH,
        placeholder=t("ui.identity.placeholder"),
        help=t("ui.identity.help"),
        key=AUTHOR_KEY,
        on_change=remember,
    )


def notify(message: str) -> None:
    """A message shown once, after the rerun that an action starts."""
    st.session_state[NOTICES] = [*st.session_state.get(NOTICES, []), message]


def show_notices() -> None:
    for message in st.session_state.get(NOTICES, []):
        st.toast(md(message), icon=":material/check_circle:")
    st.session_state[NOTICES] = []


# --- cached work ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    """What reading an uploaded workbook gave: a workspace, a backlog, or problems."""

    kind: str  # "workspace" | "backlog" | "invalid"
    workspace: Workspace | None = None
    backlog: TeamBacklog | None = None
    notes: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()
    message: str = ""


@st.cache_data(max_entries=16, show_spinner=False)
def read_bytes(data: bytes, language: str) -> Parsed:
    """Parse a workbook once per content and language; errors are returned, not raised,
    so that an invalid upload is not parsed again on every rerun."""
    from cxprior.workbook_read import read_workbook

    try:
        result = read_workbook(data, lang=language)
    except UnsafeFileError as error:
        return Parsed("invalid", problems=error.problems, message=error.message)
    except WorkbookError as error:
        return Parsed("invalid", problems=error.problems, message=error.message)
    return Parsed(result.kind, result.workspace, result.backlog, tuple(result.notes))


# workspace object id → its fingerprint, dropped when the object is freed (so an id is never
# reused while listed): runs keep older workspaces, whose key is asked many times per rerun
_fingerprints: dict[int, str] = {}


def fingerprint(workspace: Workspace) -> str:
    """A content key for a workspace: equal workspaces share cached scores and solves, and
    taking in a file equal to the saved version saves nothing. Computed once per object (the
    canonical JSON takes about 20 ms at 1,000 initiatives)."""
    key = _fingerprints.get(id(workspace))
    if key is None:
        key = serialize.workspace_fingerprint(workspace)
        _fingerprints[id(workspace)] = key
        weakref.finalize(workspace, _fingerprints.pop, id(workspace), None)
    return key


@st.cache_data(max_entries=32, show_spinner=False)
def scores_for(key: str, _workspace: Workspace, language: str) -> Scores:
    return score(_workspace, language)


@st.cache_data(max_entries=64, show_spinner=False)
def optimize_cached(key: str, _workspace: Workspace, scenario: Scenario, language: str) -> PortfolioResult:
    from cxprior.optimizer import optimize

    return optimize(_workspace, scenario, lang=language)


# --- session state ------------------------------------------------------------------------


def init_state() -> None:
    """Create the shared state once per session: the latest saved workspace (on first start
    the bundled sample, saved as its first version: `ui_store.open_workspace`), no runs yet."""
    if WORKSPACE in st.session_state:
        return
    st.session_state.update(
        {RUNS: {}, CURRENT_RUN: None, REVIEW_RUN: None, REVIEW_ID: None, LINKS: {}, SAVED_REFS: {}}
    )
    st.session_state.update({WORKSPACE_REF: None, PENDING: None, STARTUP_ERROR: "", STORE_ERROR: None})
    st.session_state[NOTICES] = []
    ui_store.open_workspace()


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
    st.session_state[WORKSPACE] = new
    st.session_state[WORKSPACE_KEY] = key
    st.session_state[ORIGIN] = (origin_key, origin_params)
    st.session_state[PENDING] = None
    if ref is not None:
        st.session_state[WORKSPACE_REF] = ref
        st.session_state[SAVED_REFS][key] = ref


def workspace() -> Workspace:
    return st.session_state[WORKSPACE]


def workspace_key() -> str:
    return st.session_state[WORKSPACE_KEY]


def workspace_ref() -> WorkspaceRef | None:
    """The saved version the session's workspace is, or builds on when it could not be saved."""
    return st.session_state[WORKSPACE_REF]


def ref_of(workspace_: Workspace) -> WorkspaceRef | None:
    """The saved version a workspace is, None if it was never saved."""
    return st.session_state[SAVED_REFS].get(key_of(workspace_))


def pending() -> ui_store.Pending | None:
    """A change not saved because someone saved a newer version first (the frame shows it)."""
    return st.session_state[PENDING]


def can_save() -> bool:
    """True when a change may be taken: the author is known, or there is no store to save to
    (a warning asks for the name otherwise)."""
    return ui_store.store() is None or require_author() is not None


def set_workspace(
    new: Workspace, origin_key: str, origin_params: dict[str, object] | None = None, *, note: str = ""
) -> bool:
    """Make `new` the workspace, saved as the next version of the stored one (`note` says
    what changed); runs keep the workspace they were solved on. True when the workspace
    changed; False when it is the same content, no author is known or someone saved a newer
    version first (`ui_store.take_workspace` says how each case is shown). Raises AccessError
    when the role may not upload (a file taken in) or edit (any other change)."""
    import ui_access

    ui_access.require("upload" if origin_key.endswith(("_upload", "_merge")) else "edit")
    return ui_store.take_workspace(new, origin_key, origin_params or {}, note)


def origin() -> str:
    key, params = st.session_state[ORIGIN]
    language = lang()
    shown = {k: format_when(v, language) if isinstance(v, datetime) else v for k, v in params.items()}
    return t(key, **shown)


def origin_file() -> str | None:
    """The file the workspace came from, when it came from an upload or a merge."""
    return st.session_state[ORIGIN][1].get("file")  # type: ignore[return-value]


def key_of(workspace_: Workspace) -> str:
    """Cache key of a workspace: the stored fingerprint for the current one."""
    return workspace_key() if workspace_ is workspace() else fingerprint(workspace_)


def scores() -> Scores:
    return scores_for(workspace_key(), workspace(), lang())


def runs() -> dict[str, ScenarioRun]:
    return st.session_state[RUNS]


def save_run(run: ScenarioRun) -> None:
    st.session_state[RUNS] = {**runs(), run.name: run}
    st.session_state[CURRENT_RUN] = run.name


def current_run() -> ScenarioRun | None:
    return runs().get(st.session_state[CURRENT_RUN] or "")


def in_language(run: ScenarioRun) -> ScenarioRun:
    """The run with its sentences (reasons, explanations) in the session's language.

    They are written by the optimizer when it solves; a run solved in another language is
    solved again (cached) in this one. Only proven results are re-solved, so the portfolio
    shown never changes; a time-limited result keeps its original wording.
    """
    language = lang()
    if run.lang == language or run.result.status not in ("optimal", "infeasible"):
        return run
    with st.spinner(t("ui.result.translating")):
        result = optimize_cached(key_of(run.workspace), run.workspace, run.scenario, language)
    if result.selected != run.result.selected or result.status != run.result.status:
        return run
    return replace(run, result=result, lang=language)


def forget_run(name: str) -> None:
    st.session_state[RUNS] = {k: v for k, v in runs().items() if k != name}
    st.session_state[LINKS] = {k: v for k, v in st.session_state[LINKS].items() if k != name}
    if st.session_state[CURRENT_RUN] == name:
        st.session_state[CURRENT_RUN] = None


def submit_for_review(name: str) -> bool:
    """The one place that hands a scenario to COMEX: saved (if needed) and submitted in the
    store. Without a database, COMEX sees it in this session only."""
    import ui_access

    ui_access.require("submit")
    run = runs().get(name)
    if run is None:
        return False
    if ui_store.store() is None:
        st.session_state[REVIEW_RUN] = name
        return True
    import ui_scenarios

    return ui_scenarios.submit_run(run) is not None


def review_run() -> ScenarioRun | None:
    """The run handed to COMEX in this session (used when there is no database)."""
    return runs().get(st.session_state[REVIEW_RUN] or "")


def is_stale(run: ScenarioRun) -> bool:
    """The run was solved on a workspace that has since been replaced or edited."""
    return run.workspace is not workspace()


def starting_scenario(name: str) -> Scenario:
    """The last run's scenario when there is one (so edits start from it), else the Budget sheet."""
    run = current_run()
    if run is not None and not is_stale(run):
        return replace(run.scenario, name=name)
    return default_scenario(workspace(), name)


# --- display helpers ----------------------------------------------------------------------


def show_table(
    frame: pd.DataFrame,
    labels: dict[str, str],
    *,
    money: Iterable[str] = (),
    percent: Iterable[str] = (),
    decimals: dict[str, int] | None = None,
    wide: Iterable[str] = (),
    height: int | str = "auto",
) -> None:
    """Show the `labels` columns of `frame` under translated headers, numbers formatted for
    the session's language (1 234 567 € in French whatever the browser's locale)."""
    language = lang()
    shown = frame[list(labels)].copy()
    for column in money:
        shown[column] = [format_money(v, language) for v in shown[column]]
    for column in percent:
        shown[column] = [format_percent(v, language) for v in shown[column]]
    for column, places in (decimals or {}).items():
        shown[column] = [format_number(v, language, places) for v in shown[column]]
    # long sentences (reasons, messages) get room; the rest keeps Streamlit's widths
    config = {labels[c]: st.column_config.TextColumn(labels[c], width="large") for c in wide}
    st.dataframe(
        shown.rename(columns=labels), hide_index=True, width="stretch", height=height, column_config=config
    )


def show_problems(problems: Sequence[Problem]) -> None:
    """The validation report: one row per problem, located as Excel users locate things."""
    frame = pd.DataFrame(
        [(p.sheet, "" if p.row is None else str(p.row), p.column, p.message) for p in problems],
        columns=["sheet", "row", "column", "message"],
    )
    show_table(frame, {k: t(f"ui.col.{k}") for k in ("sheet", "row", "column", "message")}, wide=["message"])


def period_label(period: str) -> str:
    return t("ui.col.cost_period", period=period)


def initiative_labels(periods: Sequence[str] = (), *extra: str) -> dict[str, str]:
    """Translated headers of the usual initiative columns, period costs included."""
    labels = {k: t(f"ui.col.{k}") for k in ("initiative_id", "name", "journey_phase")}
    labels |= {f"cost_{p}": period_label(p) for p in periods}
    labels["cost"] = t("ui.col.cost")
    labels |= {k: t(f"ui.col.{k}") for k in extra}
    return labels


def goal_names(workspace_: Workspace) -> dict[str, str]:
    names = {g.goal_id: g.name for g in workspace_.goals}
    names[""] = t("ui.no_goal")
    return names


def scenario_budget(scenario: Scenario) -> float | None:
    """The total budget, else the sum of the period budgets, else None (no cap)."""
    if scenario.budget_total is not None:
        return scenario.budget_total
    return sum(scenario.budget_by_period.values()) if scenario.budget_by_period else None


# the result sections moved to ui_results.py; pages written before the split still find them here
_MOVED = frozenset(
    {
        "headline", "explain_infeasible", "selected_section", "excluded_section", "result_sections",
        "portfolio_section", "bubble_section", "spend_section", "frontier_section", "greedy_section",
        "frontier_cached", "greedy_cached", "RESULT_VIEWS", "FRONTIER_AUTO_LIMIT", "FRONTIER_POINTS",
    }
)  # fmt: skip


def __getattr__(name: str) -> object:
    if name in _MOVED:
        import ui_results

        return getattr(ui_results, name)
    raise AttributeError(f"module 'ui' has no attribute {name!r}")
