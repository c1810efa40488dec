"""The customer journey and the employee–customer circle: value at stake, cost asked and
funded per phase and on the gaps between phases, concentration against the limit; the
employee-side KPIs, the value split customer/employee and the emotion ratio against 3 : 1."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxprior import charts
from cxprior.analysis import (
    ScenarioRun,
    circle_sentence,
    concentration_sentence,
    emotion_ratios,
    emotion_sentence,
    employee_kpis,
    gap_sentence,
    journey_focus,
    journey_frame,
    most_significant_sentence,
    portfolio_split,
)
from cxprior.domain import Workspace
from cxprior.i18n import format_money
from ui.runs import scores_of
from ui.tables import show_table
from ui.text import lang, md, t


def journey_section(run: ScenarioRun | None, workspace: Workspace) -> None:
    """Value at stake, cost asked and funded per phase and gap; concentration against the limit."""
    language = lang()
    result = run.result if run is not None else None
    scenario = run.scenario if run is not None else None
    focus = journey_focus(workspace, result, scenario=scenario, scores=scores_of(workspace))
    st.markdown(md(most_significant_sentence(focus, language)))
    concentration = concentration_sentence(focus, language)
    if concentration:
        st.markdown(md(concentration))
    frame = journey_frame(focus, language)
    if frame.empty:
        return
    st.altair_chart(charts.journey_value_chart(frame, language), width="stretch")
    st.altair_chart(charts.journey_cost_chart(frame, language), width="stretch")
    for gap in focus.gaps:
        st.caption(md(gap_sentence(gap, language)))
    if focus.unphased.count:
        cost = format_money(focus.unphased.asked_cost, language)
        st.caption(md(t("depth.ui.journey.unphased", count=focus.unphased.count, cost=cost)))
    labels = {"label": t("depth.col.phase"), "value_potential": t("depth.col.value_potential")}
    labels |= {k: t(f"depth.col.{k}") for k in ("asked_cost", "funded_cost", "count", "funded_count")}
    show_table(frame, labels, money=["asked_cost", "funded_cost"], decimals={"value_potential": 1})


def circle_section(run: ScenarioRun | None, workspace: Workspace) -> None:
    """Employee-side KPIs, the value split customer/employee, the emotion ratio against 3 : 1."""
    language = lang()
    selected = run.result.selected if run is not None else None
    kpis = employee_kpis(workspace)
    if kpis:
        st.markdown(f"**{md(t('depth.ui.journey.employee_kpis'))}**")
        frame = pd.DataFrame(
            [(k.kpi_id, k.name, k.unit, k.baseline, k.target) for k in kpis],
            columns=["kpi", "name", "unit", "baseline", "target"],
        )
        labels = {k: t(f"depth.col.{k}") for k in frame.columns}
        show_table(frame, labels, decimals={"baseline": 1, "target": 1})
    chosen = selected if selected is not None else [i.initiative_id for i in workspace.initiatives]
    split = portfolio_split(workspace, chosen, scores_of(workspace))
    st.markdown(md(circle_sentence(workspace, split, language)))
    if selected is None:
        st.caption(t("depth.ui.journey.split_backlog"))
    st.altair_chart(charts.side_split_chart(split, language), width="stretch")
    st.markdown(f"**{md(t('depth.ui.journey.emotions'))}**")
    ratios = emotion_ratios(workspace, selected)
    if not ratios:
        st.info(t("depth.ui.journey.no_emotion"), icon=":material/sentiment_neutral:")
        return
    for ratio in ratios:
        st.markdown(md(emotion_sentence(ratio, language)))
    st.altair_chart(charts.emotion_chart(ratios, language), width="stretch")
