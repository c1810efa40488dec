"""COMEX review: the scenarios handed over, each read-only — what it funds by goal and year,
what it buys on each KPI, what was left out and why — then the decision (approve, or send
back with a comment), the decision log and the COMEX pack. Nothing here edits a scenario."""

from __future__ import annotations

import streamlit as st

import ui
import ui_depth
import ui_results
import ui_scenarios
from cxprior import charts
from cxprior.i18n import format_money
from cxprior.portfolio_tables import funded_by_goal
from cxprior.projection import format_level, kpi_projection

lang = ui.lang()

st.title(ui.t("ui.page.review"))
summary, run = ui_scenarios.review_picker()
if run is None:
    st.info(ui.t("ui.review.none"), icon=":material/info:")
    st.stop()

run = ui.in_language(run)
ws, result = run.workspace, run.result
st.header(ui.md(run.name))
if ui.is_stale(run):
    st.caption(ui.t("ui.review.stale"))
if not result.is_solved:
    ui_results.explain_infeasible(result)
    st.stop()
ui_results.headline(run)
scores = ui.scores_for(ui.key_of(ws), ws, lang)

st.subheader(ui.t("ui.review.funded_by_goal"))
funded = funded_by_goal(ws, result, scores)
names = ui.goal_names(ws)
labels = ui.initiative_labels(ws.periods, "value")
money = ["cost", *(f"cost_{p}" for p in ws.periods)]
for goal_id, group in funded.groupby("main_goal", sort=False):
    total = format_money(group["cost"].sum(), lang)
    line = ui.t("ui.review.goal_line", count=len(group), cost=total)
    st.markdown(f"**{ui.md(names.get(goal_id, goal_id))}** · {ui.md(line)}")
    rows = min(len(group), 12)  # longer lists scroll
    ui.show_table(group, labels, money=money, decimals={"value": 1}, height=35 * (rows + 1) + 3)

st.subheader(ui.t("ui.review.kpis"))
st.caption(ui.t("ui.review.kpis_help"))
projection = kpi_projection(ws, result.selected)
shown = projection.copy()
for column in ("baseline", "projected", "target"):
    shown[column] = [format_level(v, u, lang) for v, u in zip(shown[column], shown["unit"], strict=True)]
shown["projected_range"] = [
    f"{format_level(lo, u, lang)} – {format_level(hi, u, lang)}" if abs(hi - lo) > 1e-9 else "—"
    for lo, hi, u in zip(shown["projected_low"], shown["projected_high"], shown["unit"], strict=True)
]
shown["linked_goals"] = [
    ", ".join(names.get(g, g) for g in goals) or names[""] for goals in shown["goal_ids"]
]
kpi_labels = {"kpi_id": ui.t("ui.col.kpi"), "name": ui.t("ui.col.name")}
kpi_labels |= {
    k: ui.t(f"ui.col.{k}") for k in ("baseline", "projected", "projected_range", "target", "progress")
}
kpi_labels |= {"linked_goals": ui.t("ui.col.linked_goals")}
ui.show_table(shown, kpi_labels, percent=["progress"])
st.altair_chart(charts.kpi_progress_chart(projection, lang), width="stretch")

st.subheader(ui.t("ui.review.left_out", count=len(ws.initiatives) - len(result.selected)))
ui_results.excluded_section(run, scores)
if summary is not None:
    ui_scenarios.decision_section(summary)
ui_results.pack_downloads(run, st.columns(2), "review", scenario_id=summary and summary.scenario_id)
ui_depth.uncertainty_section(run, readonly=True)
