"""Strategy: goal weights (direct or pairwise), KPIs and their links, the value chain."""

from __future__ import annotations

import streamlit as st

import ui
from cxprior import charts
from cxprior.analysis import value_chain_table

lang = ui.lang()
ws = ui.workspace()
scores = ui.scores()

st.title(ui.t("ui.page.strategy"))
st.caption(ui.t("ui.strategy.intro"))
st.subheader(ui.t("ui.strategy.weights"))
ui.read_only_note("edit")
direct, pairwise = st.tabs([ui.t("ui.strategy.direct"), ui.t("ui.strategy.pairwise")])
with direct:
    ui.direct_weights(ws)
with pairwise:
    ui.pairwise_section(ws)

st.subheader(ui.t("ui.strategy.kpis"))
ui.kpi_section(ws, scores)

st.subheader(ui.t("ui.strategy.chain"))
# more than about 15 lines per column cannot be read: the top 15 by value, the table has them all
chain = charts.value_chain(ws, scores, max_initiatives=15, by_value=True)
st.caption(ui.t("ui.strategy.chain_help", shown=chain.shown_initiatives, total=chain.total_initiatives))
st.altair_chart(charts.value_chain_chart(chain, lang), width="stretch")
with st.expander(ui.t("ui.strategy.chain_table", count=chain.total_initiatives)):
    chain_frame = value_chain_table(ws, scores)
    names = ui.goal_names(ws)
    chain_frame["goal"] = [names.get(g, ui.t("ui.no_goal")) for g in chain_frame["goal"]]
    chain_labels = {k: ui.t(f"ui.col.{k}") for k in ("initiative_id", "name", "kpi", "goal", "points")}
    ui.show_table(chain_frame, chain_labels, decimals={"points": 1})
ui.weights_section()
