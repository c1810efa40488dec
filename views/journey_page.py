"""Customer journey: where the value at stake lies along the journey and where the money goes,
phase by phase and on the gaps between phases; how concentrated the portfolio is; and the
employee–customer circle (employee-side KPIs, value split, emotion ratio against 3 : 1); and
listening data: which phase a survey says matters most, against where the money goes."""

from __future__ import annotations

import streamlit as st

import ui

st.title(ui.t("ui.page.journey"))
run = ui.solved_run()
ws = run.workspace if run is not None else ui.workspace()
if run is None:
    st.info(ui.t("depth.ui.journey.backlog_only"), icon=":material/info:")
else:
    st.caption(ui.md(ui.t("depth.ui.journey.of_run", name=run.name)))
    if ui.is_stale(run):
        st.warning(ui.t("depth.ui.journey.stale"), icon=":material/history:")

st.subheader(ui.t("depth.ui.journey.phases"))
ui.journey_section(run, ws)

st.subheader(ui.t("depth.ui.journey.circle"))
ui.circle_section(run, ws)

st.subheader(ui.t("listen.ui.title"))
ui.listening_section(run, ws)
