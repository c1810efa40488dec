"""Scenario: budget, focus constraints and forced items; run the optimizer; see why each
initiative is in or out, spend, the efficient frontier and the gain over score-and-rank."""

from __future__ import annotations

import streamlit as st

import ui
import ui_access
import ui_depth
import ui_results
import ui_scenarios
from cxprior.compare import ScenarioRun
from cxprior.domain import Scenario
from cxprior.i18n import tr

lang = ui.lang()
ws = ui.workspace()
run = ui.current_run()
base = ui.starting_scenario(run.name if run else ui.t("ui.scenario.default_name", n=len(ui.runs()) + 1))
ids = [i.initiative_id for i in ws.initiatives]
label_of = {i.initiative_id: f"{i.initiative_id} – {i.name}" for i in ws.initiatives}
money = {"min_value": 0.0, "step": 10_000.0, "format": "%.0f"}
cap = {"min_value": 1, "step": 1, "placeholder": ui.t("ui.scenario.no_cap")}
pick = {"format_func": label_of.get, "placeholder": ui.t("ui.scenario.choose")}

st.title(ui.t("ui.page.scenario"))
ui_scenarios.library()
with st.container(border=True):
    # widgets that change what the form shows stay outside it; the rest is sent with "Run"
    top = st.columns([2, 3])
    modes = ["total", "period", "both"] if ws.periods else ["total"]
    by_period_default = bool(base.budget_by_period) and bool(ws.periods)
    default_mode = ("both" if base.budget_total is not None else "period") if by_period_default else "total"
    mode = top[0].radio(
        ui.t("ui.scenario.budget_mode"), modes, index=modes.index(default_mode), horizontal=True,
        format_func=lambda m: tr(f"ui.scenario.mode_{m}", lang), key="scenario_budget_mode",
    )  # fmt: skip
    with top[1].expander(ui.t("ui.scenario.forced"), expanded=bool(base.force_in or base.force_out)):
        force_in = st.multiselect(
            ui.t("ui.scenario.force_in"), ids, [i for i in base.force_in if i in ids],
            key="scenario_force_in", **pick,
        )  # fmt: skip
        force_out = st.multiselect(
            ui.t("ui.scenario.force_out"), ids, [i for i in base.force_out if i in ids],
            key="scenario_force_out", **pick,
        )  # fmt: skip
        reasons = {
            iid: st.text_input(
                ui.md(ui.t("ui.scenario.reason", item=label_of[iid])), base.force_reasons.get(iid, ""),
                key=f"scenario_reason_{iid}",
            )
            for iid in [*force_in, *force_out]
        }  # fmt: skip
    with st.form("scenario_form", border=False, enter_to_submit=False):
        top = st.columns([3, 1])
        name = (
            top[0].text_input(ui.t("ui.scenario.name"), base.name, key="scenario_name").strip() or base.name
        )
        time_limit = top[1].number_input(
            ui.t("ui.scenario.time_limit"), min_value=1.0, max_value=600.0, value=base.time_limit or 30.0,
            step=5.0, format="%.0f", key="scenario_time_limit",
        )  # fmt: skip
        budget_total, by_period = None, {}
        budget_cols = st.columns(1 + len(ws.periods))
        if mode in ("total", "both"):
            asked = sum(i.cost for i in ws.initiatives)
            budget_total = budget_cols[0].number_input(
                ui.t("ui.scenario.budget_total"), value=float(base.budget_total or asked),
                key="scenario_budget_total", help=ui.t("ui.scenario.budget_help"), **money,
            )  # fmt: skip
        if mode in ("period", "both"):
            for col, period in zip(budget_cols[1:], ws.periods, strict=True):
                default = base.budget_by_period.get(period, sum(i.cost_in(period) for i in ws.initiatives))
                by_period[period] = col.number_input(
                    ui.t("ui.scenario.budget_period", period=period), value=float(default),
                    key=f"scenario_budget_{period}", **money,
                )  # fmt: skip
        with st.expander(ui.t("ui.scenario.focus")):
            st.caption(ui.t("ui.scenario.focus_help"))
            left, right = st.columns(2)
            max_count = left.number_input(
                ui.t("ui.scenario.max_initiatives"), value=base.max_initiatives,
                key="scenario_max_initiatives", **cap,
            )  # fmt: skip
            max_phases = right.number_input(
                ui.t("ui.scenario.max_phases"), value=base.max_phases, key="scenario_max_phases", **cap
            )
            st.markdown(ui.t("ui.scenario.min_share"))
            shares = {
                goal.goal_id: col.number_input(
                    ui.md(goal.name), min_value=0.0, max_value=100.0, step=5.0, format="%.0f",
                    value=100 * base.min_goal_share.get(goal.goal_id, 0.0),
                    key=f"scenario_share_{goal.goal_id}",
                ) / 100
                for col, goal in zip(st.columns(max(1, len(ws.goals))), ws.goals, strict=False)
            }  # fmt: skip
        clicked = st.form_submit_button(
            ui.t("ui.scenario.run"), key="scenario_run", type="primary", icon=":material/play_arrow:",
            disabled=not ui_access.can("optimize"),
        )  # fmt: skip
    scenario = Scenario(
        name=name, budget_total=budget_total, budget_by_period=by_period, max_initiatives=max_count,
        max_phases=max_phases, min_goal_share={g: s for g, s in shares.items() if s > 0},
        min_competency_share=ui_depth.recommended_shares(),
        force_in=tuple(force_in), force_out=tuple(force_out),
        force_reasons={i: r.strip() for i, r in reasons.items() if r.strip()}, time_limit=time_limit,
    )  # fmt: skip

if clicked:
    ui_access.require("optimize")
    with st.spinner(ui.t("ui.scenario.solving", count=len(ws.initiatives)), show_time=True):
        result = ui.optimize_cached(ui.workspace_key(), ws, scenario, lang)
    ui.save_run(ScenarioRun(name, scenario, result, ws, lang))
    run = ui.current_run()

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
    ui_results.explain_infeasible(run.result)
    st.stop()

ui_results.headline(run)
ui_scenarios.run_actions(run)
ui_results.result_sections(run)
ui_depth.scenario_depth(run)
