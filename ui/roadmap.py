"""The Roadmap view of a solved run: when each funded initiative runs (grouped by team or by
goal), each team's capacity used, spend per period against budget, which initiatives start
later than they could and why, and what letting them start later buys.

What the workspace cannot show is said in words instead of an empty chart: no cost per period
(no roadmap at all), no Capacity sheet (no capacity chart), nothing moved (no table).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxprior import charts
from cxprior.analysis import ScenarioRun
from cxprior.domain import Scores, has_flexible_starts
from cxprior.i18n import format_number, tr
from cxprior.portfolio import capacity_frame, spend_frame
from ui import cached, state
from ui.tables import show_in_full, show_table
from ui.text import lang, md, t

GROUPS = ("team", "goal")


def roadmap_section(run: ScenarioRun, scores: Scores) -> None:
    """The three charts, the initiatives moved and why, and the gain of later starts."""
    ws, result, language = run.workspace, run.result, lang()
    frame = cached.roadmap_cached(state.key_of(ws), ws, result, language)
    if not ws.periods:
        st.info(t("road.ui.no_periods"), icon=":material/info:")
        return
    _shifting_note(run, scores)
    if not frame.empty:
        by = st.segmented_control(
            t("road.ui.group_by"),
            GROUPS,
            default="team",
            required=True,
            format_func=lambda k: t(f"road.ui.group_{k}"),
            key="scenario_roadmap_group",
        )
        groups = charts.roadmap_groups(ws, frame, by or "team", scores, language)
        st.altair_chart(charts.roadmap_chart(frame, ws.periods, groups, values=scores.value, lang=language))
        _moved_table(frame)
    # one panel per team: the capacity chart takes the whole width, the spend chart goes under it
    st.subheader(t("road.ui.capacity"))
    if ws.capacities:
        st.caption(t("road.ui.capacity_help", unit=tr("opt.road.unit", language)))
        st.altair_chart(charts.capacity_chart(capacity_frame(ws, result), ws.periods, language))
        _capacity_values(run, scores)
    else:
        st.info(t("road.ui.no_capacity"), icon=":material/groups:")
    st.subheader(t("road.ui.spend"))
    st.caption(t("road.ui.spend_help"))
    left, _ = st.columns([3, 2])
    left.altair_chart(charts.spend_budget_chart(spend_frame(ws, result), language), width="stretch")


def _shifting_note(run: ScenarioRun, scores: Scores) -> None:
    """Whether starts could move in this run and, when they could, what that bought."""
    ws = run.workspace
    if not has_flexible_starts(ws):
        st.caption(t("road.ui.no_flexible"))
        return
    if not run.scenario.allow_shift:
        st.caption(t("road.ui.shift_off"))
        return
    gain = cached.shifting_gain_cached(state.key_of(ws), ws, run.scenario, run.result, lang(), scores)
    if gain.gain is not None:
        st.success(md(gain.message(lang())), icon=":material/event_repeat:")


def _capacity_values(run: ScenarioRun, scores: Scores) -> None:
    """On demand (one re-solve per team and period): what a little more capacity would buy."""
    ws, language = run.workspace, lang()
    if not st.toggle(
        t("road.ui.values_toggle"), key="scenario_capacity_values", help=t("road.ui.values_help")
    ):
        return
    with st.spinner(t("road.ui.values_running"), show_time=True):
        table = cached.capacity_values_cached(
            state.key_of(ws), ws, run.scenario, run.result, language, scores
        )
    if table.empty:
        return
    unit = tr("opt.road.unit", language)
    best = table.sort_values("value_gain", ascending=False).iloc[0]
    if best["value_gain"] < 0.05:
        st.info(t("road.ui.values_none"), icon=":material/groups:")
    else:
        st.markdown(
            md(
                t(
                    "road.ui.values_best",
                    step=format_number(best["step"], language, 0 if float(best["step"]).is_integer() else 1),
                    unit=unit,
                    team=best["team"],
                    period=best["period"],
                    value=format_number(best["value_gain"], language, 1),
                )
            )
        )
    labels = {
        k: t(f"road.ui.values_col.{k}", unit=unit) for k in ("team", "period", "capacity", "used", "step")
    }
    labels |= {
        "value_gain": t("road.ui.values_col.value_gain"),
        "value_per_unit": t("road.ui.values_col.per_unit", unit=unit),
    }
    show_table(
        table, labels, decimals={"capacity": 0, "used": 0, "step": 1, "value_gain": 1, "value_per_unit": 2}
    )


def _moved_table(frame: pd.DataFrame) -> None:
    st.subheader(t("road.ui.moved"))
    moved = frame[frame["moved"]]
    if moved.empty:
        st.info(t("road.ui.none_moved"), icon=":material/check_circle:")
        return
    labels = {
        "initiative_id": t("ui.col.initiative_id"),
        "name": t("ui.col.name"),
        "teams": t("road.ui.col.teams"),
        "earliest_start": t("road.ui.col.earliest_start"),
        "start": t("road.ui.col.start"),
        "finish": t("road.ui.col.finish"),
        "why": t("road.ui.col.why"),
    }
    show_table(moved, labels, wide=["why"])
    show_in_full(
        [
            (f"{i} – {n}", why)
            for i, n, why in zip(moved["initiative_id"], moved["name"], moved["why"], strict=True)
        ]
    )
