"""CX maturity: the questionnaire and its result, the recommended competency share applied to
the scenarios (or withdrawn), the history of saved assessments, and the Scenario page's note
on the constraint a run carries or misses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd
import streamlit as st

from cxprior import charts
from cxprior.analysis import (
    COMPETENCIES,
    QUESTIONNAIRE,
    MaturityAnswers,
    MaturityAssessment,
    ScenarioRun,
    competency_label,
    overall_sentence,
    recommendation_sentence,
    recommendation_warning,
    step_name,
)
from cxprior.domain import Competency, CxpriorError, Workspace
from cxprior.i18n import format_number, format_percent
from cxprior.store import MaturityRecord, format_when
from ui import access, state, store
from ui.runs import solve
from ui.tables import show_table
from ui.text import lang, md, t

HISTORY_SHOWN = 50


def _question_key(competency: Competency, number: int) -> str:
    return f"maturity_q_{competency.value}_{number}"


def questionnaire() -> dict[Competency, list[int | None]]:
    """Five 1–5 statements per competency. Answers survive page switches; a new session
    starts from the last assessment saved for the workspace."""
    if not state.has_answers():
        start = saved_answers()
        state.set_answers(
            {
                _question_key(c, n): score
                for c, scores in (start.scores.items() if start else ())
                for n, score in enumerate(scores, start=1)
            }
        )
    st.caption(" · ".join(t(f"depth.scale.{s}") for s in range(1, 6)))
    keys = {c: [_question_key(c, n) for n in range(1, len(QUESTIONNAIRE[c]) + 1)] for c in COMPETENCIES}
    state.restore_answers(k for ks in keys.values() for k in ks)
    # fixed tab titles: a title that changed with the answers would reopen the first tab
    titles = [competency_label(c, lang()) for c in COMPETENCIES]
    answers: dict[Competency, list[int | None]] = {}
    for tab, competency in zip(st.tabs(titles), COMPETENCIES, strict=True):
        with tab:
            answers[competency] = [
                st.radio(
                    t(statement),  # catalog text, not user text
                    [1, 2, 3, 4, 5],
                    index=None,
                    horizontal=True,
                    key=key,
                    on_change=state.keep_answer,
                    args=(key,),
                )
                for statement, key in zip(QUESTIONNAIRE[competency], keys[competency], strict=True)
            ]
    return answers


def maturity_result(assessment: MaturityAssessment) -> None:
    """Overall step on the staircase, a chart per competency, the weakest one and what to do."""
    language = lang()
    weakest = assessment.weakest
    st.metric(
        t("depth.ui.maturity.overall_metric"),
        t("depth.ui.maturity.step_of", step=assessment.overall_step),
        step_name(assessment.overall_step, language),
        delta_color="off",
        delta_arrow="off",
    )
    st.markdown(md(overall_sentence(assessment, language)))
    st.altair_chart(charts.staircase_chart(assessment, language), width="stretch")
    weakest_line = t(
        "depth.ui.maturity.weakest_line",
        competency=competency_label(weakest, language),
        score=format_number(assessment.score[weakest], language, 1),
        step=assessment.step[weakest],
        step_name=step_name(assessment.step[weakest], language),
    )
    st.markdown(f"**{md(weakest_line)}**")
    st.altair_chart(charts.competency_chart(assessment, language), width="stretch")
    st.markdown(md(recommendation_sentence(assessment, language)))


def apply_section(assessment: MaturityAssessment, workspace: Workspace) -> None:
    """Apply the recommended share to the scenarios, or withdraw it."""
    setting = assessment.recommendation.setting
    warning = recommendation_warning(workspace, assessment, lang())
    if warning:
        st.warning(md(warning), icon=":material/warning:")
    applied = state.recommendation()
    if applied:
        st.success(md(_constraint_text("depth.ui.maturity.applied", applied)), icon=":material/check:")
        if st.button(t("depth.ui.rec.remove"), key="maturity_remove"):
            state.set_recommendation({})
            st.rerun()
    elif setting and st.button(t("depth.ui.maturity.apply"), key="maturity_apply", type="primary"):
        state.set_recommendation(setting)
        st.rerun()


def _constraint_text(key: str, shares: Mapping[str, float]) -> str:
    language = lang()
    return " ".join(
        t(key, share=format_percent(share, language), competency=competency_label(c, language))
        for c, share in shares.items()
    )


def _history_frame(records: tuple[MaturityRecord, ...]) -> pd.DataFrame:
    language = lang()
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
    ref = state.workspace_ref()
    return ref.name if ref is not None else None


def saved_answers() -> MaturityAnswers | None:
    """The answers of the last assessment saved for this workspace, if any."""
    db = store.store()
    try:
        latest = db.maturity_history(_workspace_name(), limit=1) if db is not None else ()
    except CxpriorError as error:
        store.store_failed(error)
        return None
    return latest[0].answers if latest else None


def history_section(assessment: MaturityAssessment | None) -> None:
    """Save the assessment with its author; the history (date, author, step) and its trend."""
    st.subheader(t("depth.ui.maturity.history"))
    db = store.store()
    if db is None:
        error = state.store_error()
        reason = store.error_text(error) if error is not None else ""
        st.warning(md(t("depth.ui.store_unavailable", reason=reason)), icon=":material/cloud_off:")
        return
    if (
        assessment is not None
        and st.button(t("depth.ui.maturity.save"), key="maturity_save", icon=":material/save:")
        and (author := access.require_author()) is not None
    ):
        try:
            access.require("save")
            db.save_maturity(assessment, author, workspace_name=_workspace_name())
            st.toast(md(t("depth.ui.maturity.saved", author=author.name)))
        except CxpriorError as error:
            st.error(md(t("depth.ui.store_unavailable", reason=store.error_text(error))))
    try:
        records = db.maturity_history(_workspace_name(), limit=HISTORY_SHOWN)
    except CxpriorError as error:
        st.error(md(t("depth.ui.store_unavailable", reason=store.error_text(error))))
        return
    if not records:
        st.info(t("depth.ui.maturity.no_history"), icon=":material/history:")
        return
    frame = _history_frame(records)
    columns = {"when": "when", "author": "author", "overall_step": "step", "step_name": "step_name"}
    labels = {column: t(f"depth.col.{key}") for column, key in columns.items()}
    labels["weakest"] = t("depth.col.weakest")
    show_table(frame, labels)
    st.altair_chart(charts.maturity_trend_chart(frame, lang()), width="stretch")


# --- the Scenario page's note --------------------------------------------------------------------


def _solve_again(run: ScenarioRun, shares: dict[str, float], notice: str) -> None:
    solve(run.name, replace(run.scenario, min_competency_share=shares), run.workspace)
    state.notify(notice)
    st.rerun()


def constraint_section(run: ScenarioRun) -> None:
    """Under a solved run: the maturity constraint it carries (remove it) or misses (apply it)."""
    in_force = dict(run.scenario.min_competency_share)
    pending = {c: s for c, s in state.recommendation().items() if in_force.get(c, 0.0) < s}
    if in_force:
        with st.container(border=True):
            st.markdown(md(_constraint_text("depth.ui.rec.active", in_force)))
            if st.button(t("depth.ui.rec.remove"), key="scenario_rec_remove"):
                state.set_recommendation({})
                _solve_again(run, {}, t("depth.ui.rec.removed", name=run.name))
    if pending:
        with st.container(border=True):
            st.markdown(md(_constraint_text("depth.ui.rec.pending", pending)))
            if st.button(t("depth.ui.rec.apply_run"), key="scenario_rec_apply", type="primary"):
                notice = " ".join(
                    t(
                        "depth.ui.maturity.applied_run",
                        name=run.name,
                        share=format_percent(share, lang()),
                        competency=competency_label(c, lang()),
                    )
                    for c, share in pending.items()
                )
                _solve_again(run, {**in_force, **pending}, notice)
