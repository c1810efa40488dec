"""Listening data on the Journey page: a survey uploaded, its outcome and drivers chosen, the
key-driver analysis (importance × performance quadrant with its 90 % intervals, in words),
importance against funded spend per journey phase, and "set a minimum share for this phase"
for the Scenario form. The summary and the analysis are kept in the store with who and when;
the raw answers only when the user ticks the box, because they can be personal data."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from cxprior import charts
from cxprior.analysis import (
    DriverAnalysis,
    ScenarioRun,
    alignment_sentence,
    analyse_drivers,
    drivers_sentences,
    journey_focus,
    phase_alignment,
    phase_order,
)
from cxprior.domain import CxpriorError, Workspace
from cxprior.i18n import format_percent
from cxprior.store import SurveyAnalysis, summarise_survey
from cxprior.workbook import Survey, SurveyError, propose_drivers, propose_outcome, read_survey, select_survey
from ui import access, state, store
from ui.runs import scores_of
from ui.text import lang, md, t

RESAMPLES = 500


@dataclass(frozen=True)
class Listening:
    """The session's last analysis: what the page shows after a rerun or a page switch."""

    analysis: DriverAnalysis
    summary: SurveyAnalysis


def listening_section(run: ScenarioRun | None, workspace: Workspace) -> None:
    """Upload a survey, choose outcome and drivers, run; then the quadrant, the alignment and the
    minimum-share button."""
    st.caption(md(t("listen.ui.intro")))
    upload = st.file_uploader(t("listen.ui.upload"), type=["csv", "xlsx"], key=state.LISTENING_UPLOAD)
    if upload is not None:
        survey = _read(upload.getvalue(), upload.name)
        if survey is not None:
            _choose_and_run(survey, workspace)
    current = state.listening()
    if isinstance(current, Listening):
        _results(current, run, workspace)


def _read(data: bytes, name: str) -> Survey | None:
    try:
        return read_survey(data, name=name, lang=lang())
    except SurveyError as error:
        _show_problems(error)
        return None


def _show_problems(error: SurveyError) -> None:
    problems = getattr(error, "problems", ()) or ()
    lines = [str(p) for p in problems] or [str(error)]
    st.error(md("\n".join(f"- {line}" for line in lines)), icon=":material/error:")


def _choose_and_run(survey: Survey, workspace: Workspace) -> None:
    numeric = list(survey.numeric_columns())
    if not numeric:
        st.error(md(t("listen.ui.no_numbers")), icon=":material/error:")
        return
    proposed = propose_outcome(survey)
    top = st.columns(2)
    outcome = top[0].selectbox(
        t("listen.ui.outcome"),
        numeric,
        index=numeric.index(proposed) if proposed in numeric else 0,
        key="listening_outcome",
    )
    others = [None, *(c for c in survey.columns if c != outcome)]
    segment = top[1].selectbox(
        t("listen.ui.segment"),
        others,
        format_func=lambda c: t("listen.ui.no_segment") if c is None else c,
        key="listening_segment",
    )
    proposal = propose_drivers(survey, phase_order(workspace), outcome=outcome, segment=segment)
    drivers = st.multiselect(
        t("listen.ui.drivers"),
        list(proposal.ordered),
        default=list(proposal.phase_columns) or list(proposal.ordered),
        key="listening_drivers",
        help=t("listen.ui.drivers_help"),
    )
    keep = st.checkbox(t("listen.ui.keep_answers"), key="listening_keep", help=t("listen.ui.keep_why"))
    st.caption(md(t("listen.ui.privacy")))
    if st.button(t("listen.ui.run"), key="listening_run", type="primary", icon=":material/insights:"):
        _run(survey, outcome, drivers, segment, keep)


def _run(survey: Survey, outcome: str, drivers: list[str], segment: str | None, keep: bool) -> None:
    language = lang()
    try:
        selection = select_survey(survey, outcome, drivers, segment, lang=language)
        bar = st.progress(0.0, text=t("listen.ui.progress"))
        analysis = analyse_drivers(
            selection.outcome,
            selection.drivers,
            selection.driver_names,
            outcome_name=selection.outcome_name,
            segments=selection.segments,
            resamples=RESAMPLES,
            seed=0,
            progress=lambda done, total: bar.progress(done / total if total else 1.0),
            lang=language,
        )
        bar.empty()
    except SurveyError as error:
        _show_problems(error)
        return
    except CxpriorError as error:
        st.error(md(str(error)), icon=":material/error:")
        return
    summary = summarise_survey(survey, selection, analysis, keep_answers=keep)
    state.set_listening(Listening(analysis, summary))
    _keep(summary)


def _keep(summary: SurveyAnalysis) -> None:
    """Save the analysis with its author; say so, or why not."""
    db = store.store()
    author = access.current_author()
    if db is None or author is None:
        st.caption(md(t("listen.ui.not_kept")))
        return
    ref = state.workspace_ref()
    try:
        db.save_survey_analysis(summary, author, workspace_name=ref.name if ref is not None else None)
    except CxpriorError as error:
        st.warning(md(t("depth.ui.store_unavailable", reason=store.error_text(error))))
        return
    key = "listen.ui.kept_with_answers" if summary.answers is not None else "listen.ui.kept"
    st.toast(md(t(key, author=author.name)))


def _results(current: Listening, run: ScenarioRun | None, workspace: Workspace) -> None:
    language = lang()
    analysis = current.analysis
    st.markdown(md(t("listen.ui.of_survey", source=current.summary.source, outcome=analysis.outcome)))
    for sentence in drivers_sentences(analysis, language):
        st.markdown(md(sentence))
    st.altair_chart(charts.quadrant_chart(analysis, language), width="stretch")
    st.caption(md(t("listen.ui.quadrant_help")))
    if run is None:
        st.info(md(t("listen.ui.needs_run")), icon=":material/info:")
        return
    focus = journey_focus(workspace, run.result, scenario=run.scenario, scores=scores_of(workspace))
    alignment = phase_alignment(analysis, workspace, run.result, focus=focus)
    st.markdown(md(alignment_sentence(alignment, language, phases=phase_order(workspace))))
    if alignment.phases:
        st.altair_chart(charts.alignment_chart(alignment, language), width="stretch")
    _share_button(alignment)


def _share_button(alignment: object) -> None:
    """Ask the Scenario form for at least the phase's share of importance, as a share of spend."""
    phase = getattr(alignment, "most_significant_phase", None)
    row = next((p for p in getattr(alignment, "phases", ()) if p.phase == phase), None)
    if row is None:
        return
    share = round(row.importance_share, 2)
    text = format_percent(share, lang())
    if st.button(
        t("listen.ui.set_share", phase=phase, share=text), key="listening_set_share", icon=":material/tune:"
    ):
        state.set_phase_share({phase: share})
        state.notify(t("listen.ui.share_set", phase=phase, share=text))
        st.rerun()
    if state.phase_share():
        st.caption(md(t("listen.ui.share_pending")))
