"""Result sections of a solved run (Scenario page; the COMEX review reuses the tables) and
the COMEX pack downloads.

Split from `ui.py`, which keeps the session state and the small reused widgets. Views are
drawn one at a time and every figure they need is cached, so a rerun stays fast.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace

import pandas as pd
import streamlit as st

import ui
import ui_depth
import ui_store
from cxprior import charts
from cxprior.compare import ScenarioRun
from cxprior.domain import Scenario, Workspace
from cxprior.i18n import format_money, format_number, format_percent, tr
from cxprior.insights import phase_spend
from cxprior.portfolio_tables import excluded_table, initiative_frame, selected_table, spend_by_goal
from cxprior.report_data import DecisionEntry
from cxprior.results import PortfolioResult
from cxprior.store import Decision
from cxprior.uncertainty import UncertaintyResult
from cxprior.value import Scores

FRONTIER_AUTO_LIMIT = 300  # larger workspaces draw the frontier on request only
FRONTIER_POINTS = 20


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


def headline(run: ScenarioRun) -> None:
    """Headline figures of a solved run: value, cost against budget, count, focus."""
    result, language = run.result, ui.lang()
    focus = result.focus
    budget = ui.scenario_budget(run.scenario)

    def against(limit: float | None) -> str | None:
        return (
            ui.t("ui.overview.period_budget", budget=format_money(limit, language))
            if limit is not None
            else None
        )

    cols = st.columns(4)
    cols[0].metric(ui.t("ui.metric.value"), format_number(result.objective, language, 1))
    cols[1].metric(
        ui.t("ui.metric.total_cost"),
        format_money(result.total_cost, language),
        against(budget),
        delta_color="off",
        delta_arrow="off",
    )
    cols[2].metric(ui.t("ui.metric.count"), format_number(len(result.selected), language))
    if focus is not None:
        cols[3].metric(
            ui.t("ui.metric.phases"),
            format_number(focus.phases_touched, language),
            ui.t("ui.result.top_phase", share=format_percent(focus.top_phase_spend_share, language)),
            delta_color="off",
            delta_arrow="off",
            help=ui.t(
                "ui.result.focus_help",
                phase=focus.top_phase or ui.t("ui.no_phase"),
                share=format_percent(focus.top_phase_spend_share, language),
                index=format_number(focus.concentration_index, language, 2),
            ),
        )
    if result.cost_by_period:
        period_cols = st.columns(max(4, len(result.cost_by_period)))
        for col, (period, cost) in zip(period_cols, result.cost_by_period.items(), strict=False):
            limit = run.scenario.budget_by_period.get(period)
            col.metric(
                ui.period_label(period),
                format_money(cost, language),
                against(limit),
                delta_color="off",
                delta_arrow="off",
            )
    status = ui.t(f"ui.status.{result.status}")
    gap = format_percent(result.gap or 0.0, language, 2)
    st.caption(
        ui.md(
            ui.t(
                "ui.result.status_line",
                status=status,
                gap=gap,
                seconds=format_number(result.solve_seconds, language, 2),
            )
        )
    )


def explain_infeasible(result: PortfolioResult) -> None:
    """An infeasible scenario is a message about the user's constraints, not an error."""
    sentences = "\n".join(f"- {ui.md(s)}" for s in result.explanation) or ui.md(
        ui.t("ui.result.infeasible_default")
    )
    st.warning(f"{ui.md(ui.t('ui.result.infeasible'))}\n\n{sentences}")


def selected_section(run: ScenarioRun, scores_: Scores) -> None:
    frame = selected_table(run.workspace, run.result, scores_)
    frame["main_goal"] = [ui.goal_names(run.workspace).get(g, g) for g in frame["main_goal"]]
    labels = ui.initiative_labels(run.workspace.periods, "value", "value_per_meur", "main_goal")
    money = ["cost", *(f"cost_{p}" for p in run.workspace.periods)]
    ui.show_table(frame, labels, money=money, decimals={"value": 1, "value_per_meur": 1})


def excluded_section(run: ScenarioRun, scores_: Scores) -> None:
    frame = excluded_table(run.workspace, run.result, scores_)
    frame["reason"] = [r or ui.t("ui.result.no_reason") for r in frame["reason"]]
    labels = ui.initiative_labels((), "value", "reason")
    ui.show_table(frame, labels, money=["cost"], decimals={"value": 1}, wide=["reason"])


RESULT_VIEWS = ("portfolio", "bubble", "spend", "frontier", "greedy")


def result_sections(run: ScenarioRun) -> None:
    """One view of a solved run at a time (in and out, value vs cost, spend, frontier, greedy):
    unlike tabs, a view not shown is not computed nor sent to the browser, which keeps
    reruns fast on large workspaces."""
    language = ui.lang()
    view = st.segmented_control(
        ui.t("ui.result.view"),
        RESULT_VIEWS,
        default="portfolio",
        required=True,
        format_func=lambda k: tr(f"ui.result.tab_{k}", language),
        label_visibility="collapsed",
        key="scenario_view",
    )
    scores_ = ui.scores_for(ui.key_of(run.workspace), run.workspace, language)
    {
        "portfolio": portfolio_section,
        "bubble": bubble_section,
        "spend": spend_section,
        "frontier": lambda r, _: frontier_section(r),
        "greedy": lambda r, _: greedy_section(r),
    }[view or "portfolio"](run, scores_)


def portfolio_section(run: ScenarioRun, scores_: Scores) -> None:
    language, result = ui.lang(), run.result
    st.subheader(ui.t("ui.result.selected", count=len(result.selected)))
    selected_section(run, scores_)
    for iid, lost in result.forced_in_cost.items():
        st.caption(ui.md(ui.t("ui.result.forced_cost", item=iid, value=format_number(lost, language, 1))))
    for period, gain in result.marginal_value_per_euro.items():
        if gain * 100_000 < 0.05:  # a budget that is not binding buys nothing more
            continue
        label = ui.t("ui.result.total_budget") if period == "total" else period
        per_100k = format_number(gain * 100_000, language, 1)
        st.caption(ui.md(ui.t("ui.result.marginal", period=label, value=per_100k)))
    st.subheader(ui.t("ui.result.excluded", count=len(run.workspace.initiatives) - len(result.selected)))
    excluded_section(run, scores_)


def bubble_section(run: ScenarioRun, scores_: Scores) -> None:
    language = ui.lang()
    size_by = st.radio(
        ui.t("ui.result.bubble_size"),
        ["cost", "confidence"],
        format_func=lambda k: tr(f"ui.chart.{k}", language),
        horizontal=True,
        key="scenario_bubble_size",
    )
    frame = initiative_frame(run.workspace, scores_, run.result.selected)
    st.altair_chart(charts.value_cost_chart(frame, language, size_by=size_by), width="stretch")


def spend_section(run: ScenarioRun, scores_: Scores) -> None:
    language, ws, selected = ui.lang(), run.workspace, run.result.selected
    left, right = st.columns(2)
    left.subheader(ui.t("ui.result.spend_by_goal"))
    by_goal = spend_by_goal(ws, scores_, selected)
    left.altair_chart(
        charts.spend_chart(by_goal, "goal_id", ui.goal_names(ws), ui.t("ui.chart.goal_axis"), language),
        width="stretch",
    )
    right.subheader(ui.t("ui.result.spend_by_phase"))
    phases = phase_spend(ws, selected)
    right.altair_chart(
        charts.spend_chart(
            phases, "journey_phase", {"": ui.t("ui.no_phase")}, ui.t("ui.chart.phase_axis"), language
        ),
        width="stretch",
    )


def frontier_section(run: ScenarioRun) -> None:
    ws, language = run.workspace, ui.lang()
    st.caption(ui.t("ui.result.frontier_help"))
    wanted = (
        len(ws.initiatives) <= FRONTIER_AUTO_LIMIT
        or st.session_state.get("scenario_frontier_for") == run.name
    )
    if not wanted:
        if st.button(ui.t("ui.result.frontier_button"), key="scenario_frontier"):
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
    with st.spinner(ui.t("ui.result.frontier_running"), show_time=True):
        points = frontier_cached(ui.key_of(ws), ws, shape, FRONTIER_POINTS, language)
    if points.empty:
        st.info(ui.t("ui.result.frontier_empty"))
        return
    here = ui.scenario_budget(run.scenario)
    here = run.result.total_cost if here is None else here
    chart = charts.frontier_chart(points, here, run.result.objective, language)
    st.altair_chart(chart, width="stretch")


def greedy_section(run: ScenarioRun) -> None:
    """What a score-and-rank tool would fund at the same budget, and what optimizing adds."""
    ws = run.workspace
    st.caption(ui.t("ui.result.greedy_help"))
    rows = []
    for rank_by in ("value", "value_per_euro"):
        greedy = greedy_cached(ui.key_of(ws), ws, run.scenario, rank_by)
        value = greedy.objective or 0.0
        gain = (run.result.objective or 0.0) - value
        rows.append(
            (
                ui.t(f"ui.result.rank_{rank_by}"),
                value,
                greedy.total_cost,
                len(greedy.selected),
                gain,
                gain / abs(value) if value else float("nan"),
            )
        )
    rows.append(
        (
            ui.t("ui.result.optimizer"),
            run.result.objective,
            run.result.total_cost,
            len(run.result.selected),
            0.0,
            0.0,
        )
    )
    frame = pd.DataFrame(rows, columns=["method", "value", "cost", "count", "gain", "gain_share"])
    labels = {
        k: ui.t(f"ui.result.greedy_{k}") for k in ("method", "value", "cost", "count", "gain", "gain_share")
    }
    ui.show_table(frame, labels, money=["cost"], percent=["gain_share"], decimals={"value": 1, "gain": 1})


# --- the COMEX pack ----------------------------------------------------------------------------

PACK_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
PACK_CACHE_SIZE = 8
_packs: OrderedDict[tuple[object, ...], bytes] = OrderedDict()
_packs_lock = threading.Lock()


def pack_bytes(
    kind: str,
    workspace: Workspace,
    result: PortfolioResult,
    *,
    key: str,
    decisions: Sequence[DecisionEntry] = (),
    lang: str = "en",
    company: str = "",
    uncertainty: UncertaintyResult | None = None,
) -> bytes:
    """The COMEX pack of a solved portfolio as .xlsx or .pdf bytes, built once per content.

    A download's bytes are built when its button is clicked, outside the page script, so
    this reads no session state: `key` names the workspace and result it is given. The PDF
    takes about a second, hence the small cache shared by every session. The Excel pack
    adds the efficient frontier when the workspace is small enough to draw it at once."""
    from cxprior.errors import CxpriorError
    from cxprior.frontier import frontier
    from cxprior.report_pdf import write_pack_pdf
    from cxprior.report_xlsx import write_pack_xlsx

    entries = tuple(decisions)
    robustness = None if uncertainty is None else (uncertainty.draws, uncertainty.seed)
    cache_key = (kind, key, entries, lang, company, robustness)
    with _packs_lock:
        if cache_key in _packs:
            _packs.move_to_end(cache_key)
            return _packs[cache_key]
    if kind == "pdf":
        data = write_pack_pdf(
            workspace, result, decisions=entries, lang=lang, company=company, uncertainty=uncertainty
        )
    else:
        curve = None
        if len(workspace.initiatives) <= FRONTIER_AUTO_LIMIT and result.scenario is not None:
            try:
                curve = frontier(workspace, result.scenario, points=FRONTIER_POINTS, lang=lang)
            except CxpriorError:  # the pack goes out without its frontier sheet
                ui.LOG.warning("frontier left out of the pack", exc_info=True)
        data = write_pack_xlsx(
            workspace,
            result,
            frontier=curve,
            decisions=entries,
            lang=lang,
            company=company,
            uncertainty=uncertainty,
        )
    with _packs_lock:
        _packs[cache_key] = data
        while len(_packs) > PACK_CACHE_SIZE:
            _packs.popitem(last=False)
    return data


def decision_entries(log: Sequence[Decision]) -> tuple[DecisionEntry, ...]:
    """The store's decision log as the pack's entries: status, author's name, when, comment."""
    return tuple(DecisionEntry(d.to_status.value, d.author.name, d.decided_at, d.comment) for d in log)


def pack_downloads(
    run: ScenarioRun, where: Sequence[object], prefix: str, *, scenario_id: int | None = None
) -> None:
    """Two buttons, the COMEX pack in Excel and in PDF, built only when clicked. A saved
    scenario's pack carries its decision log as it stands at the click."""
    if not run.result.is_solved:
        return
    language = ui.lang()
    result = replace(run.result, scenario=replace(run.scenario, name=run.name))
    key = hashlib.sha256(pickle.dumps((ui.key_of(run.workspace), result), protocol=5)).hexdigest()
    db = ui_store.store() if scenario_id is not None else None
    ref = ui.ref_of(run.workspace)
    company = ref.name if ref is not None else ""
    safe_name = re.sub(r"[^\w.-]+", "_", run.name).strip("_") or "scenario"
    # read while the page is drawn: the builders run at the click, outside the script run, where
    # session state cannot be read (running the robustness analysis redraws the page anyway)
    uncertainty = ui_depth.last_uncertainty(run)

    def builder(kind: str) -> Callable[[], bytes]:
        def build() -> bytes:
            log: Sequence[Decision] = ()
            if db is not None and scenario_id is not None:
                try:
                    log = db.decision_log(scenario_id)
                except Exception:  # the pack still goes out, without its decision log
                    ui.LOG.warning("decision log left out of the pack", exc_info=True)
            entries = decision_entries(log)
            return pack_bytes(
                kind,
                run.workspace,
                result,
                key=key,
                decisions=entries,
                lang=language,
                company=company,
                uncertainty=uncertainty,
            )

        return build

    for kind, where_ in zip(("xlsx", "pdf"), where, strict=True):
        where_.download_button(  # type: ignore[attr-defined]
            ui.t(f"ui.pack.download_{kind}"),
            data=builder(kind),
            file_name=ui.t(f"ui.pack.file_{kind}", name=safe_name),
            mime=PACK_MIME[kind],
            key=f"{prefix}_pack_{kind}",
            icon=":material/download:",
        )
