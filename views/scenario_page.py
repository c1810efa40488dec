"""Scenario: budget, focus constraints and forced items; run the optimizer; see why each
initiative is in or out, spend, the efficient frontier and the gain over score-and-rank."""

from __future__ import annotations

import streamlit as st

import ui

ws = ui.workspace()

st.title(ui.t("ui.page.scenario"))
ui.library()
scenario, clicked = ui.scenario_from_form(ws, ui.starting_scenario())
run = ui.solve(scenario.name, scenario, ws) if clicked else ui.current_run()
if run is None:
    st.info(ui.t("ui.scenario.not_run"), icon=":material/info:")
    st.stop()

run = ui.in_language(run)
st.header(ui.md(ui.t("ui.scenario.result_title", name=run.name)))
if ui.is_stale(run):
    st.warning(ui.t("ui.scenario.stale"), icon=":material/history:")
elif run.scenario != scenario:
    st.caption(ui.t("ui.scenario.changed"))
if not run.result.is_solved:
    ui.explain_infeasible(run.result)
    st.stop()

ui.headline(run)
ui.replan_changes_section(run)
ui.run_actions(run)
ui.result_sections(run)
ui.constraint_section(run)
ui.uncertainty_section(run)
