"""Reused UI pieces: session state, cached loaders, language, safe text and tables.

State lives in `st.session_state` as domain objects, created once by `init_state()`:
the workspace (with a content fingerprint used as cache key), where it came from, the
scenario runs (name → ScenarioRun) and the name of the run handed to COMEX. Parsing and
solving are cached with `st.cache_data`, keyed by bytes or by the workspace fingerprint,
so a rerun that changes nothing recomputes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from cxprior import charts
from cxprior.compare import ScenarioRun
from cxprior.domain import Scenario, TeamBacklog, Workspace, default_scenario
from cxprior.errors import Problem, UnsafeFileError, WorkbookError
from cxprior.i18n import format_money, format_number, format_percent, normalise_language, tr
from cxprior.insights import phase_spend
from cxprior.portfolio_tables import excluded_table, initiative_frame, selected_table, spend_by_goal
from cxprior.results import PortfolioResult
from cxprior.value import Scores, score

LOG = logging.getLogger("cxprior.app")
SAMPLE_PATH = Path(__file__).parent / "sample_data" / "cx_workspace_fr.xlsx"
LANGUAGE_KEY = "sidebar_language"  # the widget
LANGUAGE = "language"  # the choice; widget state does not survive every page switch
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
# session-state keys of shared (non-widget) state
WORKSPACE, WORKSPACE_KEY, ORIGIN = "workspace", "workspace_key", "workspace_origin"
RUNS, CURRENT_RUN, REVIEW_RUN, STARTUP_ERROR = "scenario_runs", "current_run", "review_run", "startup_error"


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


def fingerprint(workspace: Workspace) -> str:
    """A content key for a workspace: equal workspaces share cached scores and solves."""
    return hashlib.sha256(pickle.dumps(workspace, protocol=5)).hexdigest()


@st.cache_data(max_entries=32, show_spinner=False)
def scores_for(key: str, _workspace: Workspace, language: str) -> Scores:
    return score(_workspace, language)


@st.cache_data(max_entries=64, show_spinner=False)
def optimize_cached(key: str, _workspace: Workspace, scenario: Scenario, language: str) -> PortfolioResult:
    from cxprior.optimizer import optimize

    return optimize(_workspace, scenario, lang=language)


@st.cache_data(max_entries=16, show_spinner=False)
def frontier_cached(
    key: str, _workspace: Workspace, scenario: Scenario, points: int, language: str
) -> pd.DataFrame:
    """The efficient frontier as a table: budget, value, cost, status (one row per level)."""
    from cxprior.frontier import frontier

    levels = frontier(_workspace, scenario, points=points, lang=language)
    rows = [
        {"budget": p.budget, "value": p.value, "cost": p.cost, "status": p.status}
        for p in levels.points
        if p.value is not None
    ]
    return pd.DataFrame(rows, columns=["budget", "value", "cost", "status"])


@st.cache_data(max_entries=32, show_spinner=False)
def greedy_cached(key: str, _workspace: Workspace, scenario: Scenario, rank_by: str) -> PortfolioResult:
    from cxprior.greedy import greedy_portfolio

    return greedy_portfolio(_workspace, scenario, rank_by=rank_by)


# --- session state ------------------------------------------------------------------------


def init_state() -> None:
    """Create the shared state once per session: the bundled sample, no runs yet."""
    if WORKSPACE in st.session_state:
        return
    workspace, origin, problem = Workspace(), ("ui.app.origin_empty", {}), ""
    try:
        parsed = read_bytes(SAMPLE_PATH.read_bytes(), "en")
        if parsed.workspace is not None:
            workspace, origin = parsed.workspace, ("ui.app.origin_sample", {})
        else:
            problem = parsed.message
    except OSError as error:
        problem = error.strerror or str(error)
    st.session_state[STARTUP_ERROR] = problem
    st.session_state[RUNS] = {}
    st.session_state[CURRENT_RUN] = None
    st.session_state[REVIEW_RUN] = None
    set_workspace(workspace, *origin)


def workspace() -> Workspace:
    return st.session_state[WORKSPACE]


def workspace_key() -> str:
    return st.session_state[WORKSPACE_KEY]


def set_workspace(new: Workspace, origin_key: str, origin_params: dict[str, object] | None = None) -> None:
    """Replace the workspace; runs keep the workspace they were solved on."""
    st.session_state[WORKSPACE] = new
    st.session_state[WORKSPACE_KEY] = fingerprint(new)
    st.session_state[ORIGIN] = (origin_key, origin_params or {})


def origin() -> str:
    key, params = st.session_state[ORIGIN]
    return t(key, **params)


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


def submit_for_review(name: str) -> None:
    """The one place that chooses the scenario COMEX sees."""
    if name in runs():
        st.session_state[REVIEW_RUN] = name


def review_run() -> ScenarioRun | None:
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


def headline(run: ScenarioRun) -> None:
    """Headline figures of a solved run: value, cost against budget, count, focus."""
    result, language = run.result, lang()
    focus = result.focus
    budget = scenario_budget(run.scenario)

    def against(limit: float | None) -> str | None:
        return (
            t("ui.overview.period_budget", budget=format_money(limit, language))
            if limit is not None
            else None
        )

    cols = st.columns(4)
    cols[0].metric(t("ui.metric.value"), format_number(result.objective, language, 1))
    cols[1].metric(
        t("ui.metric.total_cost"),
        format_money(result.total_cost, language),
        against(budget),
        delta_color="off",
        delta_arrow="off",
    )
    cols[2].metric(t("ui.metric.count"), format_number(len(result.selected), language))
    if focus is not None:
        cols[3].metric(
            t("ui.metric.phases"),
            format_number(focus.phases_touched, language),
            t("ui.result.top_phase", share=format_percent(focus.top_phase_spend_share, language)),
            delta_color="off",
            delta_arrow="off",
            help=t(
                "ui.result.focus_help",
                phase=focus.top_phase or t("ui.no_phase"),
                share=format_percent(focus.top_phase_spend_share, language),
                index=format_number(focus.concentration_index, language, 2),
            ),
        )
    if result.cost_by_period:
        period_cols = st.columns(max(4, len(result.cost_by_period)))
        for col, (period, cost) in zip(period_cols, result.cost_by_period.items(), strict=False):
            limit = run.scenario.budget_by_period.get(period)
            col.metric(
                period_label(period),
                format_money(cost, language),
                against(limit),
                delta_color="off",
                delta_arrow="off",
            )
    status = t(f"ui.status.{result.status}")
    gap = format_percent(result.gap or 0.0, language, 2)
    st.caption(
        md(
            t(
                "ui.result.status_line",
                status=status,
                gap=gap,
                seconds=format_number(result.solve_seconds, language, 2),
            )
        )
    )


def explain_infeasible(result: PortfolioResult) -> None:
    """An infeasible scenario is a message about the user's constraints, not an error."""
    sentences = "\n".join(f"- {md(s)}" for s in result.explanation) or md(t("ui.result.infeasible_default"))
    st.warning(f"{md(t('ui.result.infeasible'))}\n\n{sentences}")


# --- result sections (Scenario page; the COMEX review reuses the tables) ---------------------


def selected_section(run: ScenarioRun, scores_: Scores) -> None:
    frame = selected_table(run.workspace, run.result, scores_)
    frame["main_goal"] = [goal_names(run.workspace).get(g, g) for g in frame["main_goal"]]
    labels = initiative_labels(run.workspace.periods, "value", "value_per_meur", "main_goal")
    money = ["cost", *(f"cost_{p}" for p in run.workspace.periods)]
    show_table(frame, labels, money=money, decimals={"value": 1, "value_per_meur": 1})


def excluded_section(run: ScenarioRun, scores_: Scores) -> None:
    frame = excluded_table(run.workspace, run.result, scores_)
    frame["reason"] = [r or t("ui.result.no_reason") for r in frame["reason"]]
    labels = initiative_labels((), "value", "reason")
    show_table(frame, labels, money=["cost"], decimals={"value": 1}, wide=["reason"])


RESULT_VIEWS = ("portfolio", "bubble", "spend", "frontier", "greedy")


def result_sections(run: ScenarioRun) -> None:
    """One view of a solved run at a time (in and out, value vs cost, spend, frontier, greedy):
    unlike tabs, a view not shown is not computed nor sent to the browser, which keeps
    reruns fast on large workspaces."""
    language = lang()
    view = st.segmented_control(
        t("ui.result.view"),
        RESULT_VIEWS,
        default="portfolio",
        required=True,
        format_func=lambda k: tr(f"ui.result.tab_{k}", language),
        label_visibility="collapsed",
        key="scenario_view",
    )
    scores_ = scores_for(key_of(run.workspace), run.workspace, language)
    {
        "portfolio": portfolio_section,
        "bubble": bubble_section,
        "spend": spend_section,
        "frontier": lambda r, _: frontier_section(r),
        "greedy": lambda r, _: greedy_section(r),
    }[view or "portfolio"](run, scores_)


def portfolio_section(run: ScenarioRun, scores_: Scores) -> None:
    language, result = lang(), run.result
    st.subheader(t("ui.result.selected", count=len(result.selected)))
    selected_section(run, scores_)
    for iid, lost in result.forced_in_cost.items():
        st.caption(md(t("ui.result.forced_cost", item=iid, value=format_number(lost, language, 1))))
    for period, gain in result.marginal_value_per_euro.items():
        if gain * 100_000 < 0.05:  # a budget that is not binding buys nothing more
            continue
        label = t("ui.result.total_budget") if period == "total" else period
        per_100k = format_number(gain * 100_000, language, 1)
        st.caption(md(t("ui.result.marginal", period=label, value=per_100k)))
    st.subheader(t("ui.result.excluded", count=len(run.workspace.initiatives) - len(result.selected)))
    excluded_section(run, scores_)


def bubble_section(run: ScenarioRun, scores_: Scores) -> None:
    language = lang()
    size_by = st.radio(
        t("ui.result.bubble_size"),
        ["cost", "confidence"],
        format_func=lambda k: tr(f"ui.chart.{k}", language),
        horizontal=True,
        key="scenario_bubble_size",
    )
    frame = initiative_frame(run.workspace, scores_, run.result.selected)
    st.altair_chart(charts.value_cost_chart(frame, language, size_by=size_by), width="stretch")


def spend_section(run: ScenarioRun, scores_: Scores) -> None:
    language, ws, selected = lang(), run.workspace, run.result.selected
    left, right = st.columns(2)
    left.subheader(t("ui.result.spend_by_goal"))
    by_goal = spend_by_goal(ws, scores_, selected)
    left.altair_chart(
        charts.spend_chart(by_goal, "goal_id", goal_names(ws), t("ui.chart.goal_axis"), language),
        width="stretch",
    )
    right.subheader(t("ui.result.spend_by_phase"))
    phases = phase_spend(ws, selected)
    right.altair_chart(
        charts.spend_chart(
            phases, "journey_phase", {"": t("ui.no_phase")}, t("ui.chart.phase_axis"), language
        ),
        width="stretch",
    )


FRONTIER_AUTO_LIMIT = 300  # larger workspaces draw the frontier on request only
FRONTIER_POINTS = 20


def frontier_section(run: ScenarioRun) -> None:
    ws, language = run.workspace, lang()
    st.caption(t("ui.result.frontier_help"))
    wanted = (
        len(ws.initiatives) <= FRONTIER_AUTO_LIMIT
        or st.session_state.get("scenario_frontier_for") == run.name
    )
    if not wanted:
        if st.button(t("ui.result.frontier_button"), key="scenario_frontier"):
            st.session_state["scenario_frontier_for"] = run.name
            st.rerun()
        return
    # the frontier scans budgets itself: only which budgets are set matters, not their amounts,
    # so a budget change reuses the frontier already drawn
    shape = replace(
        run.scenario,
        name="",
        budget_total=None if run.scenario.budget_total is None else 0.0,
        budget_by_period=dict.fromkeys(run.scenario.budget_by_period, 0.0),
    )
    with st.spinner(t("ui.result.frontier_running"), show_time=True):
        points = frontier_cached(key_of(ws), ws, shape, FRONTIER_POINTS, language)
    if points.empty:
        st.info(t("ui.result.frontier_empty"))
        return
    here = scenario_budget(run.scenario)
    here = run.result.total_cost if here is None else here
    chart = charts.frontier_chart(points, here, run.result.objective, language)
    st.altair_chart(chart, width="stretch")


def greedy_section(run: ScenarioRun) -> None:
    """What a score-and-rank tool would fund at the same budget, and what optimizing adds."""
    ws = run.workspace
    st.caption(t("ui.result.greedy_help"))
    rows = []
    for rank_by in ("value", "value_per_euro"):
        greedy = greedy_cached(key_of(ws), ws, run.scenario, rank_by)
        value = greedy.objective or 0.0
        gain = (run.result.objective or 0.0) - value
        rows.append(
            (
                t(f"ui.result.rank_{rank_by}"),
                value,
                greedy.total_cost,
                len(greedy.selected),
                gain,
                gain / abs(value) if value else float("nan"),
            )
        )
    rows.append(
        (
            t("ui.result.optimizer"),
            run.result.objective,
            run.result.total_cost,
            len(run.result.selected),
            0.0,
            0.0,
        )
    )
    frame = pd.DataFrame(rows, columns=["method", "value", "cost", "count", "gain", "gain_share"])
    labels = {
        k: t(f"ui.result.greedy_{k}") for k in ("method", "value", "cost", "count", "gain", "gain_share")
    }
    show_table(frame, labels, money=["cost"], percent=["gain_share"], decimals={"value": 1, "gain": 1})


def portfolio_download(run: ScenarioRun, where: object, key: str) -> None:
    """A button that downloads the portfolio workbook of a run (built only when clicked)."""
    from cxprior.portfolio_export import portfolio_workbook

    language = lang()
    where.download_button(  # type: ignore[attr-defined]
        t("ui.result.download"),
        data=lambda: portfolio_workbook(run.workspace, run.scenario, run.result, lang=language),
        file_name=t("ui.result.portfolio_file", name=re.sub(r"[^\w.-]+", "_", run.name)),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=key,
        icon=":material/download:",
    )
