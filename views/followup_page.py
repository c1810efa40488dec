"""Follow-up ("Pilotage"): the portfolio the COMEX approved against what happened. First the
follow-up itself (the workbook uploaded, or its two tables edited; each version kept with who
and when), then the alerts, each KPI's trajectory, the goals' scorecard, the initiatives late
or over budget, the calibration of the estimates and the COMEX pack with its follow-up page;
last, the re-plan from a period, shown against the plan and saved as a new draft scenario."""

from __future__ import annotations

import streamlit as st

import ui

st.title(ui.t("ui.page.followup"))
st.caption(ui.t("ui.fu.intro"))
approved = ui.approved_run()
if approved is None:
    st.stop()
summary, run = approved
st.header(ui.md(run.name))

st.subheader(ui.t("ui.fu.data"))
followup = ui.current_followup(summary, run)
ui.followup_data_section(summary, run, followup)
ui.followup_versions_section(summary)
if followup is None:
    st.info(ui.t("ui.fu.waiting"), icon=":material/upload_file:")
    st.stop()
tracking = ui.tracking_of(run, followup)

st.subheader(ui.t("ui.fu.alerts"))
ui.alerts_section(tracking)

st.subheader(ui.t("ui.fu.trajectory"))
ui.trajectory_section(run, tracking, followup)

st.subheader(ui.t("ui.fu.scorecard"))
ui.scorecard_section(run, tracking)

st.subheader(ui.t("ui.fu.late_over"))
ui.late_section(tracking)

st.subheader(ui.t("ui.fu.calibration"))
ui.calibration_section(run, followup)

st.subheader(ui.t("ui.fu.pack"))
ui.followup_pack_section(summary, run, tracking)

st.subheader(ui.t("ui.fu.replan"))
ui.replan_section(summary, run, followup, tracking.as_of)
