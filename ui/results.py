"""Result sections of a solved run: the headline figures, why a scenario is infeasible, the
initiatives in and out, and one view at a time (portfolio, value vs cost, spend, roadmap,
efficient frontier, gain over score-and-rank). The COMEX review reuses the headline and the tables.

Views are drawn one at a time and every figure they need is cached, so a rerun stays fast.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import streamlit as st

from cxprior import charts
from cxprior.analysis import (
    ScenarioRun,
    excluded_table,
    initiative_frame,
    phase_spend,
    selected_table,
    spend_by_goal,
)
from cxprior.domain import PortfolioResult, Scenario, Scores
from cxprior.i18n import format_money, format_number, format_percent, tr
from ui import cached, state
from ui.roadmap import roadmap_section
from ui.runs import scores_of, with_reasons
from ui.tables import goal_names, initiative_labels, period_label, show_table
from ui.text import lang, md, t

RESULT_VIEWS = ("portfolio", "bubble", "spend", "roadmap", "frontier", "greedy")


def scenario_budget(scenario: Scenario) -> float | None:
    """The total budget, else the sum of the period budgets, else None (no cap)."""
    if scenario.budget_total is not None:
        return scenario.budget_total
    return sum(scenario.budget_by_period.values()) if scenario.budget_by_period else None


def headline(run: ScenarioRun) -> None:
    """Headline figures of a solved run: value, cost against budget, count, focus."""
    result, language = run.result, lang()
    focus = result.focus

    def against(limit: float | None) -> str | None:
        return (
            t("ui.overview.period_budget", budget=format_money(limit, language))
            if limit is not None
            else None
        )

    cols = st.columns(4)
    cols[0].metric(t("ui.metric.value"), format_number(result.objective, language, 1))
    cols[1].metric(
        t("ui.metric.total_cost"),
        format_money(result.total_cost, language),
        against(scenario_budget(run.scenario)),
        delta_color="off",
        delta_arrow="off",
    )
    cols[2].metric(t("ui.metric.count"), format_number(len(result.selected), language))
    if focus is not None:
        share = format_percent(focus.top_phase_spend_share, language)
        cols[3].metric(
            t("ui.metric.phases"),
            format_number(focus.phases_touched, language),
            t("ui.result.top_phase", share=share),
            delta_color="off",
            delta_arrow="off",
            help=t(
                "ui.result.focus_help",
                phase=focus.top_phase or t("ui.no_phase"),
                share=share,
                index=format_number(focus.concentration_index, language, 2),
            ),
        )
    if result.cost_by_period:
        period_cols = st.columns(max(4, len(result.cost_by_period)))
        for col, (period, cost) in zip(period_cols, result.cost_by_period.items(), strict=False):
            col.metric(
                period_label(period),
                format_money(cost, language),
                against(run.scenario.budget_by_period.get(period)),
                delta_color="off",
                delta_arrow="off",
            )
    status = t(f"ui.status.{result.status}")
    gap = format_percent(result.gap or 0.0, language, 2)
    seconds = format_number(result.solve_seconds, language, 2)
    st.caption(md(t("ui.result.status_line", status=status, gap=gap, seconds=seconds)))


def explain_infeasible(result: PortfolioResult) -> None:
    """An infeasible scenario is a message about the user's constraints, not an error."""
    sentences = "\n".join(f"- {md(s)}" for s in result.explanation) or md(t("ui.result.infeasible_default"))
    st.warning(f"{md(t('ui.result.infeasible'))}\n\n{sentences}")


def selected_section(run: ScenarioRun, scores: Scores) -> None:
    frame = selected_table(run.workspace, run.result, scores)
    frame["main_goal"] = [goal_names(run.workspace).get(g, g) for g in frame["main_goal"]]
    labels = initiative_labels(run.workspace.periods, "value", "value_per_meur", "main_goal")
    money = ["cost", *(f"cost_{p}" for p in run.workspace.periods)]
    show_table(frame, labels, money=money, decimals={"value": 1, "value_per_meur": 1})


def excluded_section(run: ScenarioRun, scores: Scores) -> None:
    frame = excluded_table(run.workspace, run.result, scores)
    st.subheader(t("ui.result.excluded", count=format_number(len(frame), lang())))
    frame["reason"] = [r or t("ui.result.no_reason") for r in frame["reason"]]
    labels = initiative_labels((), "value", "reason")
    show_table(frame, labels, money=["cost"], decimals={"value": 1}, wide=["reason"])


def result_sections(run: ScenarioRun) -> None:
    """One view of a solved run at a time (in and out, value vs cost, spend, roadmap, frontier, greedy):
    unlike tabs, a view not shown is not computed nor sent to the browser, which keeps
    reruns fast on large workspaces."""
    language = lang()
    view = st.segmented_control(
        t("ui.result.view"),
        RESULT_VIEWS,
        default="portfolio",
        required=True,
        format_func=lambda k: tr(f"ui.result.tab_{k}", language),
        label_visibility="collapsed",
        key="scenario_view",
    )
    scores = scores_of(run.workspace)
    {
        "portfolio": portfolio_section,
        "bubble": bubble_section,
        "spend": spend_section,
        "roadmap": roadmap_section,
        "frontier": lambda r, _: frontier_section(r),
        "greedy": greedy_section,
    }[view or "portfolio"](run, scores)


def portfolio_section(run: ScenarioRun, scores: Scores) -> None:
    st.subheader(t("ui.result.selected", count=format_number(len(run.result.selected), lang())))
    selected_section(run, scores)
    # the funded list is on screen: now the reasons, costs of forcing and value of more budget
    run = with_reasons(run)
    language, result = lang(), run.result
    for iid, lost in result.forced_in_cost.items():
        st.caption(md(t("ui.result.forced_cost", item=iid, value=format_number(lost, language, 1))))
    for period, gain in result.marginal_value_per_euro.items():
        if gain * 100_000 < 0.05:  # a budget that is not binding buys nothing more
            continue
        label = t("ui.result.total_budget") if period == "total" else period
        per_100k = format_number(gain * 100_000, language, 1)
        st.caption(md(t("ui.result.marginal", period=label, value=per_100k)))
    excluded_section(run, scores)


def bubble_section(run: ScenarioRun, scores: Scores) -> None:
    language = lang()
    size_by = st.radio(
        t("ui.result.bubble_size"),
        ["cost", "confidence"],
        format_func=lambda k: tr(f"ui.chart.{k}", language),
        horizontal=True,
        key="scenario_bubble_size",
    )
    frame = initiative_frame(run.workspace, scores, run.result.selected)
    st.altair_chart(charts.value_cost_chart(frame, language, size_by=size_by), width="stretch")


def spend_section(run: ScenarioRun, scores: Scores) -> None:
    language, ws, selected = lang(), run.workspace, run.result.selected
    left, right = st.columns(2)
    left.subheader(t("ui.result.spend_by_goal"))
    by_goal = spend_by_goal(ws, scores, selected)
    left.altair_chart(
        charts.spend_chart(by_goal, "goal_id", goal_names(ws), t("ui.chart.goal_axis"), language),
        width="stretch",
    )
    right.subheader(t("ui.result.spend_by_phase"))
    phases = phase_spend(ws, selected)
    right.altair_chart(
        charts.spend_chart(
            phases, "journey_phase", {"": t("ui.no_phase")}, t("ui.chart.phase_axis"), language
        ),
        width="stretch",
    )


def frontier_section(run: ScenarioRun) -> None:
    ws = run.workspace
    st.caption(t("ui.result.frontier_help"))
    if len(ws.initiatives) > cached.FRONTIER_AUTO_LIMIT and not state.frontier_wanted(run.name):
        if st.button(t("ui.result.frontier_button"), key="scenario_frontier"):
            state.want_frontier(run.name)
            st.rerun()
        return
    # the frontier scans budgets itself: only which budgets are set matters, not their amounts,
    # so a budget change reuses the frontier already drawn
    shape = replace(
        run.scenario,
        name="",
        budget_total=None if run.scenario.budget_total is None else 0.0,
        budget_by_period=dict.fromkeys(run.scenario.budget_by_period, 0.0),
    )
    with st.spinner(t("ui.result.frontier_running"), show_time=True):
        points = cached.frontier_cached(state.key_of(ws), ws, shape, cached.FRONTIER_POINTS, lang())
    if points.empty:
        st.info(t("ui.result.frontier_empty"))
        return
    here = scenario_budget(run.scenario)
    here = run.result.total_cost if here is None else here
    st.altair_chart(charts.frontier_chart(points, here, run.result.objective, lang()), width="stretch")


def greedy_section(run: ScenarioRun, scores: Scores) -> None:
    """What a score-and-rank tool would fund at the same budget, and what optimizing adds
    (`cxprior.portfolio.greedy_gap`)."""
    ws, result = run.workspace, run.result
    st.caption(t("ui.result.greedy_help"))
    rows = []
    for rank_by in ("value", "value_per_euro"):
        greedy, gain, share = cached.greedy_gap_cached(
            state.key_of(ws), ws, run.scenario, rank_by, result, lang(), scores
        )
        gain, share = (math.nan if x is None else x for x in (gain, share))
        label = t(f"ui.result.rank_{rank_by}")
        rows.append((label, greedy.objective, greedy.total_cost, len(greedy.selected), gain, share))
    rows.append(
        (t("ui.result.optimizer"), result.objective, result.total_cost, len(result.selected), 0.0, 0.0)
    )
    columns = ["method", "value", "cost", "count", "gain", "gain_share"]
    labels = {k: t(f"ui.result.greedy_{k}") for k in columns}
    show_table(
        pd.DataFrame(rows, columns=columns),
        labels,
        money=["cost"],
        percent=["gain_share"],
        decimals={"value": 1, "gain": 1},
    )
