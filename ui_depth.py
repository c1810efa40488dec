"""CX-depth sections: the maturity questionnaire and its history, the journey and the
employee–customer circle, the robustness (Monte Carlo) of a portfolio, and the Scenario
page's hook that shows the maturity constraint and the robustness of the run.

The computations are in `cxprior` (maturity, journey, circle, uncertainty, charts_depth);
this module holds widgets and rendering only. A robustness analysis runs on a button, never
on a rerun, and its result is kept per portfolio (workspace, scenario, selection), draws and
seed for every session of the server, so the COMEX page and the pack read the last one.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

import pandas as pd
import streamlit as st

import ui
import ui_access
import ui_store
from cxprior import charts_depth, serialize
from cxprior.circle import circle_sentence, emotion_ratios, emotion_sentence, employee_kpis, portfolio_split
from cxprior.compare import ScenarioRun
from cxprior.domain import Competency, Workspace
from cxprior.errors import CxpriorError
from cxprior.i18n import format_money, format_number, format_percent
from cxprior.journey import (
    concentration_sentence,
    gap_sentence,
    journey_focus,
    journey_frame,
    most_significant_sentence,
)
from cxprior.maturity import (
    COMPETENCIES,
    QUESTIONNAIRE,
    MaturityAnswers,
    MaturityAssessment,
    competency_label,
    overall_sentence,
    recommendation_sentence,
    recommendation_warning,
    step_name,
)
from cxprior.store import MaturityRecord, RobustnessRecord, format_when
from cxprior.uncertainty import (
    DEFAULT_DRAWS,
    UncertaintyResult,
    distribution_frame,
    monte_carlo,
    robustness_frame,
    summary_sentences,
)

RECOMMENDATION = "maturity_recommendation"  # {competency: minimum budget share}, set on the Maturity page
ANSWERS = "maturity_answers"  # widget key → score, kept across page switches
MAX_DRAWS = 5_000
HISTORY_SHOWN = 50


# --- maturity ------------------------------------------------------------------------------


def recommended_shares() -> dict[str, float]:
    """The minimum competency shares the user applied from the maturity diagnostic ({} if none);
    a scenario built on the Scenario page takes them as its `min_competency_share`."""
    return dict(st.session_state.get(RECOMMENDATION) or {})


def _question_key(competency: Competency, number: int) -> str:
    return f"maturity_q_{competency.value}_{number}"


def questionnaire() -> dict[Competency, list[int | None]]:
    """Five 1–5 statements per competency. Answers survive page switches; a new session
    starts from the last assessment saved for the workspace."""
    if ANSWERS not in st.session_state:
        start = saved_answers()
        st.session_state[ANSWERS] = {
            _question_key(c, n): score
            for c, scores in (start.scores.items() if start else ())
            for n, score in enumerate(scores, start=1)
        }
    kept = st.session_state[ANSWERS]

    def remember(key: str) -> None:
        kept[key] = st.session_state[key]

    st.caption(" · ".join(ui.t(f"depth.scale.{s}") for s in range(1, 6)))
    keys = {c: [_question_key(c, n) for n in range(1, len(QUESTIONNAIRE[c]) + 1)] for c in COMPETENCIES}
    for key in (k for ks in keys.values() for k in ks):
        if key not in st.session_state and kept.get(key) is not None:
            # restored through the state, not `index`: the widget keeps one identity
            st.session_state[key] = kept[key]
    # fixed tab titles: a title that changed with the answers would reopen the first tab
    titles = [competency_label(c, ui.lang()) for c in COMPETENCIES]
    answers: dict[Competency, list[int | None]] = {}
    for tab, competency in zip(st.tabs(titles), COMPETENCIES, strict=True):
        with tab:
            answers[competency] = [
                st.radio(
                    ui.t(statement),  # catalog text, not user text
                    [1, 2, 3, 4, 5],
                    index=None,
                    horizontal=True,
                    key=key,
                    on_change=remember,
                    args=(key,),
                )
                for statement, key in zip(QUESTIONNAIRE[competency], keys[competency], strict=True)
            ]
    return answers


def maturity_result(assessment: MaturityAssessment) -> None:
    """Overall step on the staircase, a chart per competency, the weakest one and what to do."""
    language = ui.lang()
    weakest = assessment.weakest
    st.metric(
        ui.t("depth.ui.maturity.overall_metric"),
        ui.t("depth.ui.maturity.step_of", step=assessment.overall_step),
        step_name(assessment.overall_step, language),
        delta_color="off",
        delta_arrow="off",
    )
    st.markdown(ui.md(overall_sentence(assessment, language)))
    st.altair_chart(charts_depth.staircase_chart(assessment, language), width="stretch")
    weakest_line = ui.t(
        "depth.ui.maturity.weakest_line",
        competency=competency_label(weakest, language),
        score=format_number(assessment.score[weakest], language, 1),
        step=assessment.step[weakest],
        step_name=step_name(assessment.step[weakest], language),
    )
    st.markdown(f"**{ui.md(weakest_line)}**")
    st.altair_chart(charts_depth.competency_chart(assessment, language), width="stretch")
    st.markdown(ui.md(recommendation_sentence(assessment, language)))


def apply_section(assessment: MaturityAssessment, workspace: Workspace) -> None:
    """Apply the recommended share to the scenarios, or withdraw it."""
    setting = assessment.recommendation.setting
    warning = recommendation_warning(workspace, assessment, ui.lang())
    if warning:
        st.warning(ui.md(warning), icon=":material/warning:")
    applied = recommended_shares()
    if applied:
        st.success(ui.md(_constraint_text("depth.ui.maturity.applied", applied)), icon=":material/check:")
        if st.button(ui.t("depth.ui.rec.remove"), key="maturity_remove"):
            st.session_state[RECOMMENDATION] = {}
            st.rerun()
    elif setting and st.button(ui.t("depth.ui.maturity.apply"), key="maturity_apply", type="primary"):
        st.session_state[RECOMMENDATION] = setting
        st.rerun()


def _constraint_text(key: str, shares: Mapping[str, float]) -> str:
    language = ui.lang()
    return " ".join(
        ui.t(key, share=format_percent(share, language), competency=competency_label(c, language))
        for c, share in shares.items()
    )


def _history_frame(records: tuple[MaturityRecord, ...]) -> pd.DataFrame:
    language = ui.lang()
    return pd.DataFrame(
        {
            "assessed_at": [r.assessed_at for r in records],
            "when": [format_when(r.assessed_at, language) for r in records],
            "author": [r.author.name for r in records],
            "overall_step": [r.overall_step for r in records],
            "step_name": [step_name(r.overall_step, language) for r in records],
            "weakest": [competency_label(r.weakest, language) for r in records],
        }
    )


def _workspace_name() -> str | None:
    ref = ui.workspace_ref()
    return ref.name if ref is not None else None


def saved_answers() -> MaturityAnswers | None:
    """The answers of the last assessment saved for this workspace, if any."""
    db = ui_store.store()
    try:
        latest = db.maturity_history(_workspace_name(), limit=1) if db is not None else ()
    except CxpriorError as error:
        ui_store.store_failed(error)
        return None
    return latest[0].answers if latest else None


def history_section(assessment: MaturityAssessment | None) -> None:
    """Save the assessment with its author; the history (date, author, step) and its trend."""
    st.subheader(ui.t("depth.ui.maturity.history"))
    db = ui_store.store()
    if db is None:
        error = st.session_state.get(ui.STORE_ERROR)
        reason = ui_store.error_text(error) if error is not None else ""
        st.warning(ui.md(ui.t("depth.ui.store_unavailable", reason=reason)), icon=":material/cloud_off:")
        return
    if (
        assessment is not None
        and st.button(ui.t("depth.ui.maturity.save"), key="maturity_save", icon=":material/save:")
        and (author := ui.require_author()) is not None
    ):
        try:
            ui_access.require("save")
            db.save_maturity(assessment, author, workspace_name=_workspace_name())
            st.toast(ui.md(ui.t("depth.ui.maturity.saved", author=author.name)))
        except CxpriorError as error:
            st.error(ui.md(ui.t("depth.ui.store_unavailable", reason=ui_store.error_text(error))))
    try:
        records = db.maturity_history(_workspace_name(), limit=HISTORY_SHOWN)
    except CxpriorError as error:
        st.error(ui.md(ui.t("depth.ui.store_unavailable", reason=ui_store.error_text(error))))
        return
    if not records:
        st.info(ui.t("depth.ui.maturity.no_history"), icon=":material/history:")
        return
    frame = _history_frame(records)
    columns = {"when": "when", "author": "author", "overall_step": "step", "step_name": "step_name"}
    labels = {column: ui.t(f"depth.col.{key}") for column, key in columns.items()}
    labels["weakest"] = ui.t("depth.col.weakest")
    ui.show_table(frame, labels)
    st.altair_chart(charts_depth.maturity_trend_chart(frame, ui.lang()), width="stretch")


# --- journey and circle --------------------------------------------------------------------------


def journey_section(run: ScenarioRun | None, workspace: Workspace) -> None:
    """Value at stake, cost asked and funded per phase and gap; concentration against the limit."""
    language = ui.lang()
    result = run.result if run is not None else None
    scores = ui.scores_for(ui.key_of(workspace), workspace, language)
    focus = journey_focus(workspace, result, scenario=run.scenario if run else None, scores=scores)
    st.markdown(ui.md(most_significant_sentence(focus, language)))
    concentration = concentration_sentence(focus, language)
    if concentration:
        st.markdown(ui.md(concentration))
    frame = journey_frame(focus, language)
    if frame.empty:
        return
    st.altair_chart(charts_depth.journey_value_chart(frame, language), width="stretch")
    st.altair_chart(charts_depth.journey_cost_chart(frame, language), width="stretch")
    for gap in focus.gaps:
        st.caption(ui.md(gap_sentence(gap, language)))
    if focus.unphased.count:
        cost = format_money(focus.unphased.asked_cost, language)
        st.caption(ui.md(ui.t("depth.ui.journey.unphased", count=focus.unphased.count, cost=cost)))
    labels = {"label": ui.t("depth.col.phase"), "value_potential": ui.t("depth.col.value_potential")}
    labels |= {k: ui.t(f"depth.col.{k}") for k in ("asked_cost", "funded_cost", "count", "funded_count")}
    ui.show_table(frame, labels, money=["asked_cost", "funded_cost"], decimals={"value_potential": 1})


def circle_section(run: ScenarioRun | None, workspace: Workspace) -> None:
    """Employee-side KPIs, the value split customer/employee, the emotion ratio against 3 : 1."""
    language = ui.lang()
    selected = run.result.selected if run is not None else None
    scores = ui.scores_for(ui.key_of(workspace), workspace, language)
    kpis = employee_kpis(workspace)
    if kpis:
        st.markdown(f"**{ui.md(ui.t('depth.ui.journey.employee_kpis'))}**")
        frame = pd.DataFrame(
            [(k.kpi_id, k.name, k.unit, k.baseline, k.target) for k in kpis],
            columns=["kpi", "name", "unit", "baseline", "target"],
        )
        labels = {k: ui.t(f"depth.col.{k}") for k in frame.columns}
        ui.show_table(frame, labels, decimals={"baseline": 1, "target": 1})
    chosen = selected if selected is not None else [i.initiative_id for i in workspace.initiatives]
    split = portfolio_split(workspace, chosen, scores)
    st.markdown(ui.md(circle_sentence(workspace, split, language)))
    if selected is None:
        st.caption(ui.t("depth.ui.journey.split_backlog"))
    st.altair_chart(charts_depth.side_split_chart(split, language), width="stretch")
    st.markdown(f"**{ui.md(ui.t('depth.ui.journey.emotions'))}**")
    ratios = emotion_ratios(workspace, selected)
    if not ratios:
        st.info(ui.t("depth.ui.journey.no_emotion"), icon=":material/sentiment_neutral:")
        return
    for ratio in ratios:
        st.markdown(ui.md(emotion_sentence(ratio, language)))
    st.altair_chart(charts_depth.emotion_chart(ratios, language), width="stretch")


# --- robustness ------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _results() -> tuple[
    OrderedDict[tuple[str, int, int], RobustnessRecord], dict[str, tuple[int, int]], threading.Lock
]:
    """Analyses seen by this server: (portfolio, draws, seed) → analysis, and the latest one per
    portfolio. The store keeps them across restarts; this spares a query on each rerun."""
    return OrderedDict(), {}, threading.Lock()


def _remember(record: RobustnessRecord) -> RobustnessRecord:
    found, latest, lock = _results()
    result = record.result
    with lock:
        found[(record.portfolio_key, result.draws, result.seed)] = record
        latest[record.portfolio_key] = (result.draws, result.seed)
        while len(found) > 64:
            found.popitem(last=False)
    return record


def portfolio_key(run: ScenarioRun) -> str:
    """What a robustness analysis depends on: the data, the constraints, the portfolio chosen —
    the same for a run of this session and for that run saved and opened on the COMEX page."""
    scenario = replace(run.scenario, name="", force_reasons={})
    parts = [
        ui.key_of(run.workspace),
        serialize.dumps(serialize.scenario_to_json(scenario)),
        *sorted(run.result.selected),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def last_analysis(run: ScenarioRun) -> RobustnessRecord | None:
    """The latest robustness analysis of this run's portfolio: seen by this server, else
    saved in the store (by anyone, before a restart too); None when there is none."""
    found, latest, lock = _results()
    key = portfolio_key(run)
    with lock:
        where = latest.get(key)
        if where is not None:
            return found[(key, *where)]
    db = ui_store.store()
    if db is None:
        return None
    try:
        record = db.find_robustness(key)
    except CxpriorError as error:
        ui_store.store_failed(error)
        return None
    return None if record is None else _remember(record)


def last_uncertainty(run: ScenarioRun) -> UncertaintyResult | None:
    """The latest robustness analysis of this run's portfolio, or None (for the pack)."""
    record = last_analysis(run)
    return None if record is None else record.result


def _analyse(run: ScenarioRun, draws: int, seed: int) -> RobustnessRecord | None:
    ui_access.require("optimize")  # the page filter is not enough: check the action itself
    found, _latest, lock = _results()
    key = portfolio_key(run)
    with lock:
        record = found.get((key, draws, seed))
    if record is None:
        result = _draw(run, draws, seed)
        if result is None:
            return None
        record = RobustnessRecord(key, datetime.now(UTC), None, result)
    return _remember(_saved(record))


def _draw(run: ScenarioRun, draws: int, seed: int) -> UncertaintyResult | None:
    bar = st.progress(0.0, text=ui.t("depth.ui.mc.progress", done=0, total=draws))
    every = max(1, draws // 50)

    def progress(done: int, total: int) -> None:
        if done % every == 0 or done == total:
            bar.progress(done / total, text=ui.t("depth.ui.mc.progress", done=done, total=total))

    ws = run.workspace
    try:
        return monte_carlo(
            ws,
            run.scenario,
            draws=draws,
            seed=seed,
            chosen=tuple(run.result.selected),
            progress=progress,
            lang=ui.lang(),
            scores=ui.scores_for(ui.key_of(ws), ws, ui.lang()),
        )
    except CxpriorError as error:
        st.error(ui.md(error.message))
        return None
    finally:
        bar.empty()


def _saved(record: RobustnessRecord) -> RobustnessRecord:
    """The analysis kept in the store for the COMEX, with who ran it; left as it is (shown,
    not kept) when no name is known yet or the store cannot be reached."""
    author = ui.current_author()
    db = ui_store.store()
    if record.author is not None or author is None or db is None:
        return record
    try:
        return db.save_robustness(record.portfolio_key, record.result, author)
    except CxpriorError as error:
        ui_store.store_failed(error)  # the sidebar says so; the analysis is still shown
        return record


def uncertainty_section(run: ScenarioRun, *, readonly: bool = False) -> None:
    """Robustness of a solved run: run on a button (Scenario page), or read-only (COMEX page)."""
    if not run.result.is_solved:
        return
    st.subheader(ui.t("depth.ui.mc.title"))
    st.caption(ui.t("depth.ui.mc.help"))
    analysis = last_analysis(run)
    if not readonly:
        cols = st.columns([1, 1, 2], vertical_alignment="bottom")
        draws = cols[0].number_input(
            ui.t("depth.ui.mc.draws"), 1, MAX_DRAWS, DEFAULT_DRAWS, 100, key="scenario_mc_draws"
        )
        seed = cols[1].number_input(ui.t("depth.ui.mc.seed"), 0, 2**31 - 1, 0, 1, key="scenario_mc_seed")
        if cols[2].button(ui.t("depth.ui.mc.run"), key="scenario_mc_run", icon=":material/casino:"):
            analysis = _analyse(run, int(draws), int(seed)) or analysis
    if analysis is None:
        if readonly:
            st.info(ui.t("depth.ui.mc.review_none"), icon=":material/casino:")
        return
    _show_uncertainty(run, analysis)


def _show_uncertainty(run: ScenarioRun, analysis: RobustnessRecord) -> None:
    language, result = ui.lang(), analysis.result
    p = result.percentiles("chosen")
    cols = st.columns(4)
    for col, (key, value) in zip(
        cols,
        [("p10", p[10]), ("p50", p[50]), ("p90", p[90]), ("expected", result.expected_chosen_value)],
        strict=True,
    ):
        col.metric(ui.t(f"depth.ui.mc.{key}"), format_number(value, language, 1))
    for sentence in summary_sentences(result, language)[1:]:
        st.markdown(ui.md(sentence))
    seconds = format_number(result.seconds, language, 1)
    figures = {"draws": result.draws, "seed": result.seed, "seconds": seconds}
    if analysis.author is None:
        st.caption(ui.md(ui.t("depth.ui.mc.computed_unsaved", **figures)))
    else:
        when = format_when(analysis.computed_at, language)
        st.caption(ui.md(ui.t("depth.ui.mc.computed", **figures, who=analysis.author.name, when=when)))
    st.caption(ui.md(summary_sentences(result, language)[0]))
    st.markdown(f"**{ui.md(ui.t('depth.ui.mc.distribution_title'))}**")
    values = distribution_frame(result)["chosen_value"]
    st.altair_chart(charts_depth.value_distribution_chart(values, p, language), width="stretch")
    frame = robustness_frame(result, run.workspace, language)
    st.markdown(f"**{ui.md(ui.t('depth.ui.mc.core_title'))}**")
    st.altair_chart(charts_depth.core_index_chart(frame, language), width="stretch")
    yes, no = ui.t("depth.ui.yes"), ui.t("depth.ui.no")
    frame["in_portfolio"] = [yes if c else no for c in frame["in_chosen"]]
    labels = {k: ui.t(f"depth.col.{k}") for k in ("initiative_id", "name", "core_index")}
    labels |= {"category_label": ui.t("depth.col.category"), "in_portfolio": ui.t("depth.col.in_portfolio")}
    ui.show_table(frame, labels, percent=["core_index"], height=min(400, 35 * (len(frame) + 1) + 3))


# --- the Scenario page's hook ----------------------------------------------------------------


def _solve_again(run: ScenarioRun, shares: dict[str, float], notice: str) -> None:
    ui_access.require("optimize")
    scenario = replace(run.scenario, min_competency_share=shares)
    ws, language = run.workspace, ui.lang()
    with st.spinner(ui.t("ui.scenario.solving", count=len(ws.initiatives)), show_time=True):
        result = ui.optimize_cached(ui.key_of(ws), ws, scenario, language)
    ui.save_run(ScenarioRun(run.name, scenario, result, ws, language))
    ui.notify(notice)
    st.rerun()


def scenario_depth(run: ScenarioRun) -> None:
    """Under a solved run: the maturity constraint it carries or misses, and its robustness."""
    in_force = dict(run.scenario.min_competency_share)
    pending = {c: s for c, s in recommended_shares().items() if in_force.get(c, 0.0) < s}
    if in_force:
        with st.container(border=True):
            st.markdown(ui.md(_constraint_text("depth.ui.rec.active", in_force)))
            if st.button(ui.t("depth.ui.rec.remove"), key="scenario_rec_remove"):
                st.session_state[RECOMMENDATION] = {}
                _solve_again(run, {}, ui.t("depth.ui.rec.removed", name=run.name))
    if pending:
        with st.container(border=True):
            st.markdown(ui.md(_constraint_text("depth.ui.rec.pending", pending)))
            if st.button(ui.t("depth.ui.rec.apply_run"), key="scenario_rec_apply", type="primary"):
                shares = {**in_force, **pending}
                notice = " ".join(
                    ui.t(
                        "depth.ui.maturity.applied_run",
                        name=run.name,
                        share=format_percent(share, ui.lang()),
                        competency=competency_label(c, ui.lang()),
                    )
                    for c, share in pending.items()
                )
                _solve_again(run, shares, notice)
    uncertainty_section(run)
