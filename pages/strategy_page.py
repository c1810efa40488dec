"""Strategy: goal weights (direct or pairwise), KPIs and their links, the value chain."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
import ui_access
from cxprior import charts
from cxprior.i18n import format_percent, tr
from cxprior.insights import disconnected_kpis, value_chain_table
from cxprior.pairwise import (
    SCALE,
    consistency_message,
    pairs,
    pairwise_weights,
    ratio_from_scale,
    with_goal_weights,
)
from cxprior.value import goal_weights

KPI_COLUMNS = ["connection", "kpi_id", "name", "unit", "direction", "baseline", "target"]
KPI_COLUMNS += ["linked_goals", "strategic_weight"]
lang = ui.lang()
ws = ui.workspace()
scores = ui.scores()
names = {g.goal_id: g.name for g in ws.goals}

st.title(ui.t("ui.page.strategy"))
st.caption(ui.t("ui.strategy.intro"))
st.subheader(ui.t("ui.strategy.weights"))
ui_access.read_only_note("edit")
locked = not ui_access.can("edit")  # and ui.set_workspace checks again
direct, pairwise = st.tabs([ui.t("ui.strategy.direct"), ui.t("ui.strategy.pairwise")])
with direct, st.form("strategy_weights_form", border=False):
    columns = st.columns(min(5, max(1, len(ws.goals))))
    entered = {
        g.goal_id: columns[n % len(columns)].number_input(
            ui.md(g.name),
            min_value=0.01,
            value=float(g.weight),
            step=1.0,
            format="%g",
            key=f"strategy_weight_{g.goal_id}",
            help=ui.md(g.goal_id),
        )
        for n, g in enumerate(ws.goals)
    }
    if st.form_submit_button(
        ui.t("ui.strategy.apply_weights"), key="strategy_weights_apply", type="primary", disabled=locked
    ):
        weighted = with_goal_weights(ws, entered, lang)
        if ui.set_workspace(weighted, "ui.app.origin_edit", note=ui.t("ui.note.weights")):
            st.rerun()

with pairwise:
    st.caption(ui.t("ui.strategy.pairwise_help"))

    def step_label(step: int) -> str:
        # format functions may run outside the script (tests): no session lookups here
        if step == 1:
            return tr("ui.pairwise.equal", lang)
        return tr("ui.pairwise.left" if step > 1 else "ui.pairwise.right", lang, times=abs(step))

    judgments = {}
    for a, b in pairs([g.goal_id for g in ws.goals]):
        left, middle, right = st.columns([2, 3, 2], vertical_alignment="center")
        left.text(names[a])
        step = middle.select_slider(
            ui.md(ui.t("ui.pairwise.label", first=names[a], second=names[b])),
            options=list(SCALE),
            value=1,
            format_func=step_label,
            key=f"strategy_pair_{a}__{b}",
            label_visibility="collapsed",
        )
        right.text(names[b])
        judgments[(a, b)] = ratio_from_scale(step)
    if len(ws.goals) >= 2:
        result = pairwise_weights([g.goal_id for g in ws.goals], judgments)
        message = ui.md(consistency_message(result, names, lang))
        (st.success if result.is_consistent else st.warning)(message)
        current = goal_weights(ws)
        table = pd.DataFrame(
            [(g.goal_id, g.name, current[g.goal_id], result.weights[g.goal_id]) for g in ws.goals],
            columns=["goal_id", "name", "current", "pairwise"],
        )
        labels = {"goal_id": ui.t("ui.col.goal_id"), "name": ui.t("ui.col.name")}
        labels |= {
            "current": ui.t("ui.strategy.current_share"),
            "pairwise": ui.t("ui.strategy.pairwise_share"),
        }
        ui.show_table(table, labels, percent=["current", "pairwise"])
        if st.button(ui.t("ui.strategy.use_pairwise"), key="strategy_pairwise_apply", disabled=locked):
            weights = {g: round(w * 100, 2) for g, w in result.weights.items()}
            weighted = with_goal_weights(ws, weights, lang)
            if ui.set_workspace(weighted, "ui.app.origin_edit", note=ui.t("ui.note.pairwise")):
                st.rerun()

st.subheader(ui.t("ui.strategy.kpis"))
orphans = disconnected_kpis(ws)
for kpi_id in orphans:
    kpi = ws.kpi_by_id[kpi_id]
    st.warning(
        ui.md(ui.t("ui.strategy.kpi_orphan", kpi_id=kpi_id, name=kpi.name)), icon=":material/link_off:"
    )
goals_of: dict[str, list[str]] = {}
for link in ws.links:
    goals_of.setdefault(link.kpi_id, []).append(
        f"{names.get(link.goal_id, link.goal_id)} ({format_percent(link.strength, lang)})"
    )
kpi_frame = pd.DataFrame(
    [
        (
            ui.t("ui.strategy.disconnected") if k.kpi_id in orphans else ui.t("ui.strategy.connected"),
            k.kpi_id,
            k.name,
            k.unit,
            ui.t(f"ui.direction.{k.direction.value}"),
            k.baseline,
            k.target,
            ", ".join(goals_of.get(k.kpi_id, [])),
            scores.kpi_weight.get(k.kpi_id, 0.0),
        )
        for k in ws.kpis
    ],
    columns=KPI_COLUMNS,
)
kpi_labels = {"connection": ui.t("ui.col.connection"), "kpi_id": ui.t("ui.col.kpi")}
kpi_labels |= {k: ui.t(f"ui.col.{k}") for k in ("name", "unit", "direction", "baseline", "target")}
kpi_labels |= {
    "linked_goals": ui.t("ui.col.linked_goals"),
    "strategic_weight": ui.t("ui.col.strategic_weight"),
}
ui.show_table(kpi_frame, kpi_labels, percent=["strategic_weight"], decimals={"baseline": 1, "target": 1})

st.subheader(ui.t("ui.strategy.chain"))
chain = charts.value_chain(ws, scores, max_initiatives=40)
st.caption(ui.t("ui.strategy.chain_help", shown=chain.shown_initiatives, total=chain.total_initiatives))
st.altair_chart(charts.value_chain_chart(chain, lang), width="stretch")
with st.expander(ui.t("ui.strategy.chain_table")):
    chain_frame = value_chain_table(ws, scores)
    chain_frame["goal"] = [names.get(g, ui.t("ui.no_goal")) for g in chain_frame["goal"]]
    chain_labels = {k: ui.t(f"ui.col.{k}") for k in ("initiative_id", "name", "kpi", "goal", "points")}
    ui.show_table(chain_frame, chain_labels, decimals={"points": 1})
