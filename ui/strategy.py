"""The Strategy page's sections: goal weights entered directly or derived from pairwise
judgments (each applied as a new version of the workspace), and the KPIs with their links."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxprior.analysis import disconnected_kpis
from cxprior.domain import Scores, Workspace, consistency_message, goal_weights, with_goal_weights
from cxprior.i18n import format_percent
from ui import access, store
from ui.pairwise import pairwise_sliders
from ui.tables import show_table
from ui.text import lang, md, t

KPI_COLUMNS = ["connection", "kpi_id", "name", "unit", "direction", "baseline", "target"]
KPI_COLUMNS += ["linked_goals", "strategic_weight"]


def direct_weights(workspace: Workspace) -> None:
    """A weight per goal, applied together (disabled for a role that may not edit)."""
    with st.form("strategy_weights_form", border=False):
        columns = st.columns(min(5, max(1, len(workspace.goals))))
        entered = {
            g.goal_id: columns[n % len(columns)].number_input(
                md(g.name),
                min_value=0.01,
                value=float(g.weight),
                step=1.0,
                format="%g",
                key=f"strategy_weight_{g.goal_id}",
                help=md(g.goal_id),
            )
            for n, g in enumerate(workspace.goals)
        }
        locked = not access.can("edit")  # and store.set_workspace checks again
        label = t("ui.strategy.apply_weights")
        if st.form_submit_button(label, key="strategy_weights_apply", type="primary", disabled=locked):
            weighted = with_goal_weights(workspace, entered, lang())
            if store.set_workspace(weighted, "ui.app.origin_edit", note=t("ui.note.weights")):
                st.rerun()


def pairwise_section(workspace: Workspace) -> None:
    """Each pair of goals judged on a scale; the weights they imply, their consistency, and
    "use these weights"."""
    language = lang()
    names = {g.goal_id: g.name for g in workspace.goals}
    st.caption(t("ui.strategy.pairwise_help"))
    weight = {g.goal_id: g.weight for g in workspace.goals}
    result = pairwise_sliders(workspace.goals, weight, "strategy_pair")
    if result is None:
        return
    message = md(consistency_message(result, names, language))
    (st.success if result.is_consistent else st.warning)(message)
    current = goal_weights(workspace)
    table = pd.DataFrame(
        [(g.goal_id, g.name, current[g.goal_id], result.weights[g.goal_id]) for g in workspace.goals],
        columns=["goal_id", "name", "current", "pairwise"],
    )
    labels = {"goal_id": t("ui.col.goal_id"), "name": t("ui.col.name")}
    labels |= {"current": t("ui.strategy.current_share"), "pairwise": t("ui.strategy.pairwise_share")}
    show_table(table, labels, percent=["current", "pairwise"])
    locked = not access.can("edit")
    if st.button(t("ui.strategy.use_pairwise"), key="strategy_pairwise_apply", disabled=locked):
        weights = {g: round(w * 100, 2) for g, w in result.weights.items()}
        weighted = with_goal_weights(workspace, weights, language)
        if store.set_workspace(weighted, "ui.app.origin_edit", note=t("ui.note.pairwise")):
            st.rerun()


def kpi_section(workspace: Workspace, scores: Scores) -> None:
    """A warning per KPI linked to no goal, then every KPI: its links and strategic weight."""
    language = lang()
    names = {g.goal_id: g.name for g in workspace.goals}
    orphans = disconnected_kpis(workspace)
    for kpi_id in orphans:
        kpi = workspace.kpi_by_id[kpi_id]
        message = md(t("ui.strategy.kpi_orphan", kpi_id=kpi_id, name=kpi.name))
        st.warning(message, icon=":material/link_off:")
    goals_of: dict[str, list[str]] = {}
    for link in workspace.links:
        goals_of.setdefault(link.kpi_id, []).append(
            f"{names.get(link.goal_id, link.goal_id)} ({format_percent(link.strength, language)})"
        )
    frame = pd.DataFrame(
        [
            (
                t("ui.strategy.disconnected") if k.kpi_id in orphans else t("ui.strategy.connected"),
                k.kpi_id,
                k.name,
                k.unit,
                t(f"ui.direction.{k.direction.value}"),
                k.baseline,
                k.target,
                ", ".join(goals_of.get(k.kpi_id, [])),
                scores.kpi_weight.get(k.kpi_id, 0.0),
            )
            for k in workspace.kpis
        ],
        columns=KPI_COLUMNS,
    )
    labels = {"connection": t("ui.col.connection"), "kpi_id": t("ui.col.kpi")}
    labels |= {k: t(f"ui.col.{k}") for k in ("name", "unit", "direction", "baseline", "target")}
    labels |= {"linked_goals": t("ui.col.linked_goals"), "strategic_weight": t("ui.col.strategic_weight")}
    show_table(frame, labels, percent=["strategic_weight"], decimals={"baseline": 1, "target": 1})
