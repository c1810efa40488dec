"""Overview: the workspace at a glance — goals, KPIs, initiatives, asked vs budget, warnings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from cxprior import charts
from cxprior.analysis import initiative_frame, overview, phase_spend, spend_by_goal, workspace_insights
from cxprior.domain import goal_weights
from cxprior.i18n import format_money, format_number, format_percent

lang = ui.lang()
ws = ui.workspace()
scores = ui.scores()
figures = overview(ws)

st.title(ui.t("ui.page.overview"))
st.caption(ui.t("ui.overview.intro"))

cols = st.columns(4)
cols[0].metric(ui.t("ui.metric.goals"), format_number(figures.goals, lang))
cols[1].metric(
    ui.t("ui.metric.kpis"),
    format_number(figures.linked_kpis, lang),
    ui.t("ui.metric.of_kpis", count=figures.kpis),
    delta_color="off",
    delta_arrow="off",
)
cols[2].metric(
    ui.t("ui.metric.initiatives"),
    format_number(figures.initiatives, lang),
    ui.t("ui.metric.mandatory", count=figures.mandatory),
    delta_color="off",
    delta_arrow="off",
)
ratio = figures.asked_to_budget
cols[3].metric(
    ui.t("ui.metric.asked"),
    format_money(figures.asked_total, lang),
    ui.t("ui.metric.asked_vs_budget", ratio=format_number(ratio, lang, 1))
    if ratio
    else ui.t("ui.metric.no_budget"),
    delta_color="inverse" if ratio and ratio > 1 else "off",
    help=ui.t("ui.overview.budget_help", budget=format_money(figures.budget_total, lang))
    if figures.budget_total
    else None,
)
if figures.asked_by_period:
    period_cols = st.columns(max(4, len(figures.asked_by_period)))
    for col, (period, asked) in zip(period_cols, figures.asked_by_period.items(), strict=False):
        budget = figures.budget_by_period.get(period)
        col.metric(
            ui.period_label(period),
            format_money(asked, lang),
            ui.t("ui.overview.period_budget", budget=format_money(budget, lang))
            if budget is not None
            else None,
            delta_color="off",
            delta_arrow="off",
        )

st.subheader(ui.t("ui.overview.warnings"))
insights = workspace_insights(ws, lang, scores)
if not insights:
    st.success(ui.t("ui.overview.no_warning"))
for insight in insights:
    show = st.warning if insight.level == "warning" else st.info
    show(
        ui.md(insight.message), icon=":material/warning:" if insight.level == "warning" else ":material/info:"
    )

left, right = st.columns(2)
with left:
    st.subheader(ui.t("ui.overview.goals"))
    weights = goal_weights(ws)
    goal_frame = pd.DataFrame(
        [(g.goal_id, g.name, g.weight, weights.get(g.goal_id, 0.0)) for g in ws.goals],
        columns=["goal_id", "name", "weight", "normalised_weight"],
    )
    ui.show_table(
        goal_frame,
        {k: ui.t(f"ui.col.{k}") for k in ("goal_id", "name", "weight", "normalised_weight")},
        percent=["normalised_weight"],
        decimals={"weight": 1},
    )
    st.subheader(ui.t("ui.overview.asked_by_goal"))
    by_goal = spend_by_goal(ws, scores, [i.initiative_id for i in ws.initiatives])
    st.altair_chart(
        charts.spend_chart(by_goal, "goal_id", ui.goal_names(ws), ui.t("ui.chart.goal_axis"), lang),
        width="stretch",
    )
with right:
    st.subheader(ui.t("ui.overview.asked_by_phase"))
    spend = phase_spend(ws)
    st.altair_chart(
        charts.spend_chart(
            spend, "journey_phase", {"": ui.t("ui.no_phase")}, ui.t("ui.chart.phase_axis"), lang
        ),
        width="stretch",
    )
    st.caption(
        ui.t(
            "ui.overview.phase_caption",
            count=len(spend),
            share=format_percent(float(spend["share"].iloc[0]) if len(spend) else 0.0, lang),
        )
    )

st.subheader(ui.t("ui.overview.value_vs_cost"))
# the scale, said once: 100 points is every KPI at target only when each goal's link strengths add to 1
every_kpi_at_target = 100 * sum(scores.kpi_weight.values())
st.caption(ui.t("ui.overview.value_vs_cost_caption", full=format_number(every_kpi_at_target, lang)))
st.altair_chart(charts.value_cost_chart(initiative_frame(ws, scores), lang, highlight=False), width="stretch")
