"""The Follow-up page's sections ("Pilotage"): the approved scenario, its follow-up (uploaded
or edited, each version kept in the store with who and when), the plan against what happened
(alerts, KPI trajectory, goal scorecard, late or over-budget initiatives, calibration) and the
re-plan from a period, saved as a new version of the workspace (what is delivered and spent
fixed) with a draft scenario on it, copied from the approved one.

Every figure comes from `cxprior.analysis.track`/`calibrate` and `cxprior.portfolio.replan`."""

from __future__ import annotations

import logging
from dataclasses import replace

import pandas as pd
import streamlit as st

from cxprior.analysis import ScenarioRun, calibrate, scorecard_frame, status_label, track, trajectory_frame
from cxprior.charts import scorecard_chart, trajectory_chart
from cxprior.domain import CxpriorError, FollowUp, WorkbookError
from cxprior.i18n import format_money
from cxprior.portfolio import Replan, replan
from cxprior.report import build_comex_pack
from cxprior.store import ScenarioStatus, ScenarioSummary, format_when
from cxprior.workbook import followup_frames, read_followup, read_followup_frames, write_followup
from ui import access, cached, scenarios, state, store
from ui.pack import PACK_MIME, decision_entries
from ui.tables import show_problems, show_table
from ui.text import lang, md, t

LOG = logging.getLogger("cxprior.app")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- the approved scenario -------------------------------------------------------------------------


def approved_run() -> tuple[ScenarioSummary, ScenarioRun] | None:
    """The approved scenario followed up (a choice when there are several, newest first) as a
    run in the session's language; None after saying why there is none."""
    db = store.store()
    if db is None:
        st.warning(t("ui.fu.no_store"), icon=":material/cloud_off:")
        return None
    approved = [s for s in db.list_scenarios([ScenarioStatus.APPROVED]) if s.result_status is not None]
    if not approved:
        st.info(t("ui.fu.none"), icon=":material/info:")
        st.page_link("views/review_page.py", label=t("ui.fu.to_review"), icon=":material/gavel:")
        return None
    summary = st.selectbox(
        t("ui.fu.scenario"), approved, format_func=scenarios.option_label, key="fu_scenario"
    )
    run = scenarios.stored_run(summary)
    if run is None or not run.result.is_solved:
        st.error(md(t("ui.saved.no_result", name=summary.name)))
        return None
    return summary, replace(run, lang=lang())


# --- the follow-up: upload, edit, versions --------------------------------------------------------


def current_followup(summary: ScenarioSummary, run: ScenarioRun) -> FollowUp | None:
    """The follow-up of this session, else the latest version stored for the scenario."""
    found = state.followup(summary.scenario_id)
    db = store.store()
    if found is None and db is not None:
        history = db.followup_history(summary.scenario_id)
        if history:
            found = history[0].followup
            state.set_followup(summary.scenario_id, found)
    return found


def _keep(summary: ScenarioSummary, followup: FollowUp, source: str) -> None:
    """Use a follow-up read without errors, and keep it in the store as a new version."""
    state.set_followup(summary.scenario_id, followup)
    db, author = store.store(), access.require_author()
    if db is None or author is None:
        return
    try:
        saved = db.save_followup(summary.scenario_id, followup, author, source=source)
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return
    when = format_when(saved.saved_at, lang())
    st.toast(md(t("ui.fu.saved", version=saved.version, who=saved.author.name, when=when)))


def _read_or_report(read) -> FollowUp | None:
    try:
        result = read()
    except WorkbookError as error:
        show_problems(error.problems)
        return None
    if result.warnings:
        show_problems(result.warnings)
    return result.followup


def followup_data_section(summary: ScenarioSummary, run: ScenarioRun, followup: FollowUp | None) -> None:
    """Upload the workbook or edit its two tables; download the template filled for the plan."""
    ws, plan, language = run.workspace, run.result.selected, lang()
    template = write_followup(ws, plan=plan, followup=followup, lang=language)
    st.download_button(t("ui.fu.template"), template, file_name="followup.xlsx", mime=XLSX, key="fu_template")
    allowed = access.can("upload")
    access.read_only_note("upload")
    upload = st.file_uploader(
        t("ui.fu.upload"), type=["xlsx"], key=state.FOLLOWUP_UPLOAD, disabled=not allowed
    )
    if upload is not None and not state.followup_upload_taken(upload.file_id):
        access.require("upload")
        state.take_followup_upload(upload.file_id)
        read = _read_or_report(lambda: read_followup(upload.getvalue(), ws, lang=language))
        if read is not None:
            _keep(summary, read, upload.name)
            st.rerun()
    with st.expander(t("ui.fu.edit")):
        progress, measurements = followup_frames(ws, plan=plan, followup=followup, lang=language)
        progress = st.data_editor(progress, num_rows="dynamic", key="fu_progress", disabled=not allowed)
        measurements = st.data_editor(
            measurements, num_rows="dynamic", key="fu_measurements", disabled=not allowed
        )
        if st.button(t("ui.fu.apply"), key="fu_apply", disabled=not allowed):
            access.require("edit")
            read = _read_or_report(lambda: read_followup_frames(progress, measurements, ws, lang=language))
            if read is not None:
                _keep(summary, read, t("ui.fu.edit"))
                st.rerun()


def followup_versions_section(summary: ScenarioSummary) -> None:
    db = store.store()
    history = db.followup_history(summary.scenario_id) if db is not None else ()
    if not history:
        return
    with st.expander(t("ui.fu.versions")):
        frame = pd.DataFrame(
            [(r.version, r.author.name, format_when(r.saved_at, lang()), r.source) for r in history],
            columns=["version", "who", "when", "source"],
        )
        show_table(frame, {c: t(f"ui.fu.col.{c}") for c in frame.columns})


# --- the plan against what happened ---------------------------------------------------------------


def tracking_of(run: ScenarioRun, followup: FollowUp):
    return track(run.workspace, run.result, followup, lang=lang())


def alerts_section(tracking) -> None:
    if tracking.as_of:
        st.caption(t("ui.fu.as_of", period=tracking.as_of))
    for alert in tracking.alerts:
        st.warning(md(alert), icon=":material/warning:")
    if not tracking.alerts:
        st.success(t("ui.fu.no_alerts"), icon=":material/check_circle:")
    for highlight in tracking.highlights:
        st.success(md(highlight), icon=":material/trending_up:")


def trajectory_section(run: ScenarioRun, tracking, followup: FollowUp) -> None:
    st.caption(t("ui.fu.trajectory_help"))
    frame = trajectory_frame(run.workspace, tracking, followup)
    measured = [k.kpi_id for k in run.workspace.kpis if k.kpi_id in followup.measured]
    options = measured + [k.kpi_id for k in run.workspace.kpis if k.kpi_id not in measured]
    names = {k.kpi_id: f"{k.kpi_id} — {k.name}" for k in run.workspace.kpis}
    kpi_id = st.selectbox(t("ui.fu.kpi"), options, format_func=names.get, key="fu_kpi")
    if kpi_id is not None:
        st.altair_chart(trajectory_chart(frame, kpi_id, lang()), width="stretch")


def scorecard_section(run: ScenarioRun, tracking) -> None:
    frame = scorecard_frame(run.workspace, tracking)
    if frame.empty:
        st.caption(t("ui.fu.no_scorecard"))
        return
    st.altair_chart(scorecard_chart(frame, lang()), width="stretch")


def late_section(tracking) -> None:
    rows = {i.initiative_id: i for i in (*tracking.late, *tracking.over_budget)}.values()
    if not rows:
        st.caption(t("ui.fu.none_late"))
        return
    yes_no = {True: t("ui.fu.col.late"), False: ""}
    frame = pd.DataFrame(
        [
            (
                f"{i.initiative_id} — {i.name}",
                status_label(i.status, lang()),
                i.planned_cost,
                i.spent,
                i.overrun,
                i.planned_finish or "",
                yes_no[i.late],
            )
            for i in rows
        ],
        columns=["initiative", "status", "planned_cost", "spent", "overrun", "finish", "late"],
    )
    labels = {c: t(f"ui.fu.col.{c}") for c in frame.columns}
    show_table(frame, labels, money=["planned_cost", "spent", "overrun"])


def calibration_section(run: ScenarioRun, followup: FollowUp) -> None:
    calibration = calibrate(run.workspace, run.result, followup, lang=lang())
    for sentence in calibration.sentences(lang()):
        st.markdown(f"- {md(sentence)}")
    for caveat in calibration.caveats:
        st.caption(md(caveat))


def followup_pack_section(summary: ScenarioSummary, run: ScenarioRun, tracking) -> None:
    """The COMEX pack of the approved scenario with its follow-up page, built when clicked."""
    language, db = lang(), store.store()
    result = replace(run.result, scenario=replace(run.scenario, name=run.name))

    company = store.company_of(summary.workspace)  # read while the page is drawn, not at the click

    def builder(kind: str):
        def build() -> bytes:
            log = db.decision_log(summary.scenario_id) if db is not None else ()
            pack = build_comex_pack(
                run.workspace,
                result,
                formats=(kind,),
                decisions=decision_entries(log),
                lang=language,
                company=company,
                with_frontier=False,
                tracking=tracking,
            )
            return pack.pdf if kind == "pdf" else pack.xlsx

        return build

    for kind, column in zip(("xlsx", "pdf"), st.columns(2), strict=True):
        column.download_button(
            t(f"ui.pack.download_{kind}"),
            data=builder(kind),
            file_name=f"comex_followup.{kind}",
            mime=PACK_MIME[kind],
            key=f"fu_pack_{kind}",
            icon=":material/download:",
        )


# --- the re-plan -----------------------------------------------------------------------------------


def replan_section(summary: ScenarioSummary, run: ScenarioRun, followup: FollowUp, as_of: str | None) -> None:
    """Re-plan from a period; the changes side by side, each with its reason; save as a draft."""
    st.caption(t("ui.fu.replan_help"))
    periods = list(run.workspace.periods[1:]) or list(run.workspace.periods)
    index = periods.index(as_of) if as_of in periods else 0
    period = st.selectbox(t("ui.fu.replan_from"), periods, index=index, key="fu_replan_from")
    allowed = access.can("optimize")
    if st.button(
        t("ui.fu.replan_button", period=period), key="fu_replan", disabled=not allowed, type="primary"
    ):
        access.require("optimize")
        try:
            found = replan(run.workspace, run.scenario, followup, period, plan=run.result, lang=lang())
        except CxpriorError as error:
            st.error(md(error.message))
            return
        state.set_replan((summary.scenario_id, period, found))
    kept = state.replan()
    if kept is None or kept[0] != summary.scenario_id:
        return
    _show_replan(summary, kept[1], kept[2])


def _show_replan(summary: ScenarioSummary, period: str, found: Replan) -> None:
    for note in (*found.notes, *found.inputs.sentences):
        st.caption(md(note))
    if not found.result.is_solved:
        st.error(t("ui.fu.replan_infeasible"))
        for sentence in found.result.explanation:
            st.markdown(f"- {md(sentence)}")
        return
    money = lambda value: format_money(value, lang())  # noqa: E731
    st.markdown(
        md(
            t(
                "ui.fu.replan_figures",
                plan_count=len(found.plan.selected),
                plan_cost=money(found.plan.total_cost),
                count=len(found.result.selected),
                cost=money(found.result.total_cost),
            )
        )
    )
    changes_columns(found)
    if st.button(t("ui.fu.save_replan"), key="fu_save_replan", disabled=not access.can("save")):
        save_replan(summary, period, found)


def changes_columns(found: Replan) -> None:
    """What enters and what leaves the plan, side by side, each with its reason."""
    enters, leaves = st.columns(2)
    for column, kind, title in ((enters, "added", "ui.fu.enters"), (leaves, "removed", "ui.fu.leaves")):
        column.subheader(t(title))
        changes = [c for c in found.changes if c.kind == kind]
        for change in changes:
            column.markdown(f"- {md(change.message)}")
        if not changes:
            column.caption(t("ui.fu.no_change"))


def replan_changes_section(run: ScenarioRun) -> None:
    """On the Scenario page, for the re-plan draft saved in this session: its changes against
    the approved plan, side by side (the run is on exactly the re-plan's workspace)."""
    kept = state.replan()
    if kept is None or not run.result.is_solved:
        return
    period, found = kept[1], kept[2]
    if state.key_of(run.workspace) != cached.fingerprint(found.inputs.workspace):
        return
    st.subheader(t("ui.fu.replan_changes", period=period))
    for note in found.inputs.sentences:
        st.caption(md(note))
    changes_columns(found)


def save_replan(summary: ScenarioSummary, period: str, found: Replan) -> None:
    """The re-plan saved as it was solved: its workspace (delivered and spent fixed, from the
    period on) as the next version of the approved scenario's workspace, with a note saying so,
    and the draft scenario on that version, copied from the approved one, so that reopening it
    solves to the same portfolio. The session then works on that version, the draft open on the
    Scenario page."""
    access.require("save")
    access.require("edit")  # a new version of the workspace too
    author, db = access.require_author(), store.store()
    if author is None or db is None:
        return
    name = t("ui.fu.replan_name", name=summary.name, period=period)
    scenario = replace(found.inputs.scenario, name=name)
    base = summary.workspace.name
    sunk = format_money(found.inputs.sunk, lang())
    note = t("ui.note.replan", name=summary.name, period=period, sunk=sunk)
    try:
        latest = db.list_workspace_versions(base)[0].version
        version = db.save_workspace(base, found.inputs.workspace, author, latest, note=note)
        draft = db.save_scenario(
            scenario, found.result, version.ref, author, scenario_id=summary.scenario_id, as_copy=True
        )
        store.use_stored(store.stored_workspace(db, base, version.version))
        opened = scenarios.latest_summary(db, draft.scenario_id)
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return
    LOG.info("re-plan of %d from %s saved as %d", summary.scenario_id, period, draft.scenario_id)
    state.notify(t("ui.fu.replan_saved", name=name, version=version.version))
    if opened is not None and scenarios.open_saved(opened):
        st.switch_page("views/scenario_page.py")
    st.rerun()
