"""The Scenario page's form, read into a `Scenario`: budget (total, per period or both),
focus constraints (counts, phases, minimum goal shares), forced items with their reasons,
later starts and team capacity (roadmap workspaces), and the maturity recommendation applied on
the Maturity page.

The widgets that change what the form shows (budget mode, forced items) stay outside the
`st.form`; the rest is sent with "Run". Widget keys start with "scenario_" (see
`state.SCENARIO_FORM_KEYS`). Their values come from `form_values`, through the state rather
than the widgets' defaults: the form starts from the scenario it is given, shows a saved
scenario opened (`load`) and lets every cap be emptied again ("no limit").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import streamlit as st

from cxprior.domain import Scenario, Workspace, has_flexible_starts
from cxprior.i18n import format_money, format_number, format_percent, tr
from ui import access, state
from ui.text import lang, md, t

MONEY = {"min_value": 0.0, "step": 10_000.0, "format": "%.0f"}


@dataclass(frozen=True)
class Forced:
    """What the user forces in and out, and why."""

    force_in: tuple[str, ...]
    force_out: tuple[str, ...]
    reasons: dict[str, str]


def form_values(workspace: Workspace, scenario: Scenario) -> dict[str, object]:
    """What each widget of the form shows for `scenario` (None: an empty field, "no limit")."""
    ids = {i.initiative_id for i in workspace.initiatives}
    force_in = [i for i in scenario.force_in if i in ids]
    force_out = [i for i in scenario.force_out if i in ids]
    values: dict[str, object] = {
        "scenario_name": scenario.name,
        "scenario_time_limit": scenario.time_limit,
        "scenario_budget_mode": _mode_of(workspace, scenario),
        "scenario_budget_total": float(
            scenario.budget_total
            if scenario.budget_total is not None
            else sum(i.cost for i in workspace.initiatives)
        ),
        "scenario_max_initiatives": scenario.max_initiatives,
        "scenario_max_phases": scenario.max_phases,
        "scenario_force_in": force_in,
        "scenario_force_out": force_out,
    }
    for period in workspace.periods:
        asked = sum(i.cost_in(period) for i in workspace.initiatives)
        values[f"scenario_budget_{period}"] = float(scenario.budget_by_period.get(period, asked))
    for goal in workspace.goals:
        share = scenario.min_goal_share.get(goal.goal_id, 0.0)
        values[f"scenario_share_{goal.goal_id}"] = 100 * share if share > 0 else None
    for iid in [*force_in, *force_out]:
        values[f"scenario_reason_{iid}"] = scenario.force_reasons.get(iid, "")
    values[state.ALLOW_SHIFT] = scenario.allow_shift and has_flexible_starts(workspace)
    for capacity in workspace.capacities:
        changed = scenario.capacity_overrides.get(capacity.team, {}).get(capacity.period)
        values[state.capacity_key(capacity.team, capacity.period)] = (
            None if changed is None else float(changed)
        )
    return values


def load(workspace: Workspace, scenario: Scenario) -> None:
    """Show `scenario` in the form (a saved scenario was opened): every value is replaced."""
    state.load_scenario_form(form_values(workspace, scenario))


def scenario_from_form(workspace: Workspace, base: Scenario) -> tuple[Scenario, bool]:
    """The form, starting from `base`: the scenario it describes, and whether "Run" was clicked.
    What the form does not show (phase shares, solver settings) is kept from `base`."""
    starting = form_values(workspace, base)
    state.seed_scenario_form(starting)
    with st.container(border=True):
        top = st.columns([2, 3])
        mode = _budget_mode(top[0], workspace)
        with top[1].expander(t("ui.scenario.forced"), expanded=bool(base.force_in or base.force_out)):
            forced = _forced(workspace, base, starting)
        phase_shares = _phase_share_note(base)
        with st.form("scenario_form", border=False, enter_to_submit=False):
            top = st.columns([3, 1])
            name = top[0].text_input(t("ui.scenario.name"), key="scenario_name").strip()
            time_limit = top[1].number_input(
                t("ui.scenario.time_limit"),
                min_value=1.0,
                max_value=600.0,
                value=None,
                step=5.0,
                format="%.0f",
                placeholder=t("ui.scenario.no_cap"),
                key="scenario_time_limit",
            )
            budget_total, by_period = _budgets(workspace, mode)
            with st.expander(t("ui.scenario.focus")):
                max_count, max_phases, shares = _focus(workspace)
            allow_shift, overrides = _roadmap(workspace, base)
            clicked = st.form_submit_button(
                t("ui.scenario.run"),
                key="scenario_run",
                type="primary",
                icon=":material/play_arrow:",
                disabled=not access.can("optimize"),
            )
    scenario = replace(
        base,
        name=name or base.name,
        budget_total=budget_total,
        budget_by_period=by_period,
        max_initiatives=max_count,
        max_phases=max_phases,
        min_goal_share={g: s for g, s in shares.items() if s > 0},
        min_competency_share=state.recommendation(),
        min_phase_share=phase_shares,
        force_in=forced.force_in,
        force_out=forced.force_out,
        force_reasons={i: r.strip() for i, r in forced.reasons.items() if r.strip()},
        time_limit=time_limit,
        allow_shift=allow_shift,
        capacity_overrides=overrides,
    )
    return scenario, clicked


def _mode_of(workspace: Workspace, scenario: Scenario) -> str:
    if scenario.budget_by_period and workspace.periods:
        return "both" if scenario.budget_total is not None else "period"
    return "total"


def _budget_mode(where: object, workspace: Workspace) -> str:
    """Total budget, per period, or both (per period only when the workspace has periods)."""
    language = lang()
    modes = ["total", "period", "both"] if workspace.periods else ["total"]
    return where.radio(  # type: ignore[attr-defined]
        t("ui.scenario.budget_mode"),
        modes,
        horizontal=True,
        format_func=lambda m: tr(f"ui.scenario.mode_{m}", language),
        key="scenario_budget_mode",
    )


def _forced(workspace: Workspace, base: Scenario, starting: Mapping[str, object]) -> Forced:
    ids = [i.initiative_id for i in workspace.initiatives]
    label_of = {i.initiative_id: f"{i.initiative_id} – {i.name}" for i in workspace.initiatives}
    pick = {"format_func": label_of.get, "placeholder": t("ui.scenario.choose")}
    chosen = {}
    for side in ("in", "out"):
        chosen[side] = st.multiselect(
            t(f"ui.scenario.force_{side}"), ids, key=f"scenario_force_{side}", **pick
        )
    reasons = {}
    for iid in [*chosen["in"], *chosen["out"]]:
        key = f"scenario_reason_{iid}"
        # an item just ticked starts from the reason `base` gives it
        state.seed_scenario_form({key: starting.get(key, base.force_reasons.get(iid, ""))})
        reasons[iid] = st.text_input(md(t("ui.scenario.reason", item=label_of[iid])), key=key)
    return Forced(tuple(chosen["in"]), tuple(chosen["out"]), reasons)


def _budgets(workspace: Workspace, mode: str) -> tuple[float | None, dict[str, float]]:
    """The total budget (None when the mode has none, or the field is emptied) and the budget
    of each period (an emptied period has no cap)."""
    budget_total, by_period = None, {}
    columns = st.columns(1 + len(workspace.periods))
    if mode in ("total", "both"):
        budget_total = columns[0].number_input(
            t("ui.scenario.budget_total"),
            value=None,
            key="scenario_budget_total",
            help=t("ui.scenario.budget_help"),
            placeholder=t("ui.scenario.no_cap"),
            **MONEY,
        )
    if mode in ("period", "both"):
        for column, period in zip(columns[1:], workspace.periods, strict=True):
            amount = column.number_input(
                t("ui.scenario.budget_period", period=period),
                value=None,
                key=f"scenario_budget_{period}",
                placeholder=t("ui.scenario.no_cap"),
                **MONEY,
            )
            if amount is not None:
                by_period[period] = amount
    _echo_budgets(budget_total, by_period)
    return budget_total, by_period


def _echo_budgets(budget_total: float | None, by_period: Mapping[str, float]) -> None:
    """The amounts typed, written as money (a number field cannot group thousands)."""
    language = lang()
    amounts = (
        []
        if budget_total is None
        else [t("ui.scenario.echo_total", amount=format_money(budget_total, language))]
    )
    amounts += [
        t("ui.scenario.echo_period", period=p, amount=format_money(a, language)) for p, a in by_period.items()
    ]
    if amounts:
        st.caption(t("ui.scenario.budget_echo", amounts=" · ".join(amounts)))


def _focus(workspace: Workspace) -> tuple[int | None, int | None, dict[str, float]]:
    """At most so many initiatives and phases; a minimum share of the value for each goal.
    Every field starts empty when it sets no limit, so that emptying it removes the limit."""
    st.caption(t("ui.scenario.focus_help"))
    cap = {"min_value": 1, "step": 1, "value": None, "placeholder": t("ui.scenario.no_cap")}
    left, right = st.columns(2)
    max_count = left.number_input(t("ui.scenario.max_initiatives"), key="scenario_max_initiatives", **cap)
    max_phases = right.number_input(t("ui.scenario.max_phases"), key="scenario_max_phases", **cap)
    st.markdown(t("ui.scenario.min_share"))
    columns = st.columns(max(1, len(workspace.goals)))
    shares = {}
    for column, goal in zip(columns, workspace.goals, strict=False):
        percent = column.number_input(
            md(goal.name),
            min_value=0.0,
            max_value=100.0,
            value=None,
            step=5.0,
            format="%.0f",
            placeholder=t("ui.scenario.no_cap"),
            key=f"scenario_share_{goal.goal_id}",
        )
        shares[goal.goal_id] = (percent or 0.0) / 100
    return max_count, max_phases, shares


def _phase_share_note(base: Scenario) -> dict[str, float]:
    """The minimum spend share per journey phase (set on the Journey page from the survey, else
    the starting scenario's), shown with a button that removes it."""
    chosen = state.phase_share()
    shares = base.min_phase_share if chosen is None else chosen
    if not shares:
        return {}
    text = " ".join(
        t("listen.ui.share_in_form", phase=phase, share=format_percent(share, lang()))
        for phase, share in shares.items()
    )
    left, right = st.columns([4, 1])
    left.info(md(text), icon=":material/hearing:")
    if right.button(t("listen.ui.share_clear"), key="scenario_phase_share_clear"):
        state.set_phase_share({})
        st.rerun()
    return dict(shares)


def _roadmap(workspace: Workspace, base: Scenario) -> tuple[bool, dict[str, dict[str, float]]]:
    """Later starts on or off, and each team's capacity per period (an empty field keeps the
    Capacity sheet's). Shown only when the workspace has a Capacity sheet or initiatives that
    may start later; the toggle is disabled, with why, when none may."""
    flexible = has_flexible_starts(workspace)
    if not flexible and not workspace.capacities:
        return base.allow_shift, {}
    with st.expander(t("road.form.section"), expanded=bool(base.capacity_overrides) or not base.allow_shift):
        allow = st.toggle(
            t("road.form.allow_shift"),
            key=state.ALLOW_SHIFT,
            disabled=not flexible,
            help=t("road.form.allow_shift_help" if flexible else "road.form.no_flexible_help"),
        )
        overrides = _capacities(workspace) if workspace.capacities else {}
    return (allow if flexible else base.allow_shift), overrides


def _capacities(workspace: Workspace) -> dict[str, dict[str, float]]:
    """One field per team and period of the Capacity sheet, empty unless the scenario changes it;
    the changes are repeated under the fields with the language's thousands separators."""
    language, unit = lang(), tr("opt.road.unit", lang())
    sheet = {(c.team, c.period): c.capacity for c in workspace.capacities}
    st.caption(t("road.form.capacity", unit=unit))
    overrides: dict[str, dict[str, float]] = {}
    for row, team in enumerate(workspace.teams):
        columns = st.columns([1.4, *([1] * len(workspace.periods))], vertical_alignment="bottom")
        columns[0].markdown(f"**{md(team)}**")
        for column, period in zip(columns[1:], workspace.periods, strict=True):
            if (team, period) not in sheet:
                continue
            amount = column.number_input(
                period,
                min_value=0.0,
                value=None,
                step=10.0,
                format="%.0f",
                placeholder=t("road.form.sheet_value", amount=format_number(sheet[team, period], language)),
                key=state.capacity_key(team, period),
                label_visibility="visible" if row == 0 else "collapsed",
            )
            if amount is not None and amount != sheet[team, period]:
                overrides.setdefault(team, {})[period] = float(amount)
    if overrides:
        changes = [
            t(
                "road.form.override",
                team=team,
                period=period,
                amount=format_number(amount, language),
                unit=unit,
                sheet=format_number(sheet[team, period], language),
            )
            for team, by_period in overrides.items()
            for period, amount in by_period.items()
        ]
        st.caption(md(t("road.form.overrides", items="; ".join(changes))))
    return overrides
