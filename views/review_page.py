"""COMEX review: the scenarios handed over, each read-only — the assumptions it was run under
(budgets, caps, minimum shares, forced items and why), what it funds by goal and year,
what it buys on each KPI, what was left out and why — then the decision (approve, or send
back with a comment), the decision log and the COMEX pack. Nothing here edits a scenario."""

from __future__ import annotations

import streamlit as st

import ui

st.title(ui.t("ui.page.review"))
summary, run = ui.review_picker()
if run is None:
    st.info(ui.t("ui.review.none"), icon=":material/info:")
    st.stop()

run = ui.in_language(run)
ws, result = run.workspace, run.result
st.header(ui.md(run.name))
if ui.is_stale(run):
    st.caption(ui.t("ui.review.stale"))
if not result.is_solved:
    ui.explain_infeasible(result)
    st.stop()
ui.headline(run)
ui.assumptions_section(run)
scores = ui.scores_of(ws)

st.subheader(ui.t("ui.review.funded_by_goal"))
ui.funded_section(run, scores)

st.subheader(ui.t("ui.review.kpis"))
st.caption(ui.t("ui.review.kpis_help"))
ui.projected_kpis_section(run)

ui.excluded_section(run, scores)
if summary is not None:
    ui.decision_section(summary)
ui.pack_downloads(run, st.columns(2), "review", scenario_id=summary and summary.scenario_id)
ui.uncertainty_section(run, readonly=True)
ui.weights_section(run, section="review")
