"""The Roadmap result view and the Scenario form's roadmap fields (later starts, team capacity),
on the sample and on a two-initiative workspace whose best portfolios are known by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest
from app_helpers import failures, open_page, shown, start, table_with, upload
from test_app_saved_scenarios import open_saved, save
from test_optimizer_support import Item, make_workspace

from cxprior.domain import Capacity, Effort
from cxprior.workbook import write_workspace

TWO_YEARS = ("2026", "2027")
# Team Digital has 10 person-days a year. A (5 points) needs 8 of them in 2026; B (4 points)
# needs 6 in 2026 and may start in 2027. The budgets (200 a year) never bind: each costs 100.
# Later starts on: A in 2026, B in 2027 (8 ≤ 10 and 6 ≤ 10), 9 points.
# Later starts off: 8 + 6 = 14 > 10 in 2026, so only A, 5 points.
# Off, with Digital at 14 in 2026: both fit in 2026, 9 points.
TEAM = replace(
    make_workspace(
        [
            Item("A", 5, {"2026": 100}, name="Rappel client"),
            Item("B", 4, {"2026": 100}, name="Chat en ligne", extra={"latest_start": "2027"}),
        ],
        periods=TWO_YEARS,
        budgets={"2026": 200, "2027": 200},
    ),
    capacities=(Capacity("Digital", "2026", 10.0), Capacity("Digital", "2027", 10.0)),
    efforts=(Effort("A", "Digital", "2026", 8.0), Effort("B", "Digital", "2026", 6.0)),
)
SHIFT, DIGITAL_2026 = "scenario_allow_shift", "scenario_capacity_Digital_2026"


@pytest.fixture
def team_page():
    at = open_page(start(), "backlog")
    upload(at, "team.xlsx", write_workspace(TEAM))
    return open_page(at, "scenario")


def run(at, *, shift=None, digital_2026="keep", name=None):
    if name is not None:
        at.text_input(key="scenario_name").set_value(name)
    if shift is not None:
        at.toggle(key=SHIFT).set_value(shift)
    if digital_2026 != "keep":
        at.number_input(key=DIGITAL_2026).set_value(digital_2026)
    return at.button(key="scenario_run").click().run()


def roadmap_view(at):
    return at.segmented_control(key="scenario_view").set_value("roadmap").run()


def value_and_funded(at):
    metrics = {m.label: m.value for m in at.metric}
    return metrics["Value (points)"], sorted(table_with(at, "Main goal")["Id"])


def test_the_roadmap_view_of_the_sample_draws_the_plan_and_says_why_initiatives_moved():
    at = open_page(start(locale="fr-FR"), "scenario")
    at.button(key="scenario_run").click().run()
    roadmap_view(at)
    assert failures(at) == []
    assert [
        s for s in shown(at.subheader) if s.startswith(("Initiatives décalées", "Capacité", "Dépense"))
    ] == [
        "Initiatives décalées après leur début au plus tôt, et pourquoi",
        "Capacité des équipes utilisée",
        "Dépense par période face au budget",
    ]
    moved = table_with(at, "Pourquoi elle commence plus tard")
    assert len(moved) > 0
    # every row says where it starts instead of where it could have
    assert all(
        w.startswith("Commence en ") and " au lieu de " in w
        for w in moved["Pourquoi elle commence plus tard"]
    )
    assert all(s > e for s, e in zip(moved["Début"], moved["Début au plus tôt"], strict=True))
    (gain,) = shown(at.success)
    assert gain.startswith("Laisser des initiatives commencer plus tard finance ")
    assert len(at.get("vega_lite_chart")) == 3


def test_with_later_starts_b_moves_to_2027_for_want_of_digital_capacity(team_page):
    assert team_page.toggle(key=SHIFT).value is True  # on: B may start later
    run(team_page)
    assert value_and_funded(team_page) == ("9.0", ["A", "B"])
    roadmap_view(team_page)
    assert failures(team_page) == []
    moved = table_with(team_page, "Why it starts later")
    assert moved[["Id", "Earliest start", "Start", "Finish"]].values.tolist() == [
        ["B", "2026", "2027", "2027"]
    ]
    assert moved["Why it starts later"].tolist() == [
        "Starts in 2027 instead of 2026: starting in 2026, team Digital would lack capacity in 2026."
    ]
    # 9 points against 5 with fixed starts: 4 more, 80 %
    assert shown(team_page.success) == [
        "Letting initiatives start later funds 4.0 more value points (80.0%) than fixed starts, at the "
        "same budgets: 9.0 vs 5.0."
    ]


def test_with_later_starts_off_the_fixed_start_result_funds_a_only(team_page):
    run(team_page, shift=False)
    assert value_and_funded(team_page) == ("5.0", ["A"])
    roadmap_view(team_page)
    assert failures(team_page) == []
    assert "Later starts are off in this scenario: every initiative starts at its earliest start." in shown(
        team_page.caption
    )
    assert shown(team_page.info) == [
        "Every funded initiative starts at its earliest start: nothing had to move."
    ]


def test_more_digital_capacity_in_2026_funds_both_at_their_earliest_start(team_page):
    run(team_page, shift=False, digital_2026=14.0)
    assert value_and_funded(team_page) == ("9.0", ["A", "B"])
    assert "Capacity changed in this scenario: Digital in 2026, 14 person-days instead of 10." in shown(
        team_page.caption
    )
    assert team_page.session_state["scenario_runs"]["Scenario 1"].scenario.capacity_overrides == {
        "Digital": {"2026": 14.0}
    }
    # the field emptied again: the Capacity sheet's 10 is back, and B no longer fits in 2026
    run(team_page, digital_2026=None)
    assert value_and_funded(team_page) == ("5.0", ["A"])


def test_opening_a_saved_scenario_brings_back_its_toggle_and_capacities(team_page):
    run(team_page, shift=False, digital_2026=14.0, name="Renfort")
    save(team_page)
    run(team_page, shift=True, digital_2026=None, name="Sans renfort")
    assert team_page.toggle(key=SHIFT).value is True
    assert team_page.number_input(key=DIGITAL_2026).value is None
    open_saved(team_page, 1)
    assert failures(team_page) == []
    assert team_page.toggle(key=SHIFT).value is False
    assert team_page.number_input(key=DIGITAL_2026).value == 14.0
    assert team_page.number_input(key="scenario_capacity_Digital_2027").value is None
    assert value_and_funded(team_page) == ("9.0", ["A", "B"])


def test_a_workspace_without_capacity_or_latest_starts_has_no_roadmap_fields_and_says_so():
    from test_app_scenario import SMALL

    at = open_page(start(), "backlog")
    upload(at, "small.xlsx", write_workspace(SMALL))
    at = open_page(at, "scenario")
    assert [t.key for t in at.toggle] == []
    run(at)
    roadmap_view(at)
    assert failures(at) == []
    assert shown(at.info) == [
        "The initiatives of this workspace have one cost each, not a cost per period: there is no roadmap "
        "to draw. Give them cost_2026, cost_2027… columns to see when they run."
    ]


def test_with_capacity_but_no_latest_start_the_toggle_is_off_and_disabled_and_says_why():
    fixed = replace(TEAM, initiatives=tuple(replace(i, latest_start=None) for i in TEAM.initiatives))
    at = open_page(start(), "backlog")
    upload(at, "fixed.xlsx", write_workspace(fixed))
    at = open_page(at, "scenario")
    toggle = at.toggle(key=SHIFT)
    assert (toggle.value, toggle.disabled) == (False, True)
    assert "No initiative of this workspace has a latest start" in toggle.help
    # the capacity fields are there all the same: with 14 in 2026, A and B fit together
    run(at, digital_2026=14.0)
    assert value_and_funded(at) == ("9.0", ["A", "B"])


def test_on_demand_the_view_says_what_a_little_more_capacity_would_fund(team_page):
    # later starts off and Digital at 13 in 2026: A (8) fits, B (6) does not (14 > 13). A tenth
    # more, 1.3 person-days, makes 14.3: B fits too, +4 points. 2027 has nothing to deliver.
    at = run(team_page, shift=False, digital_2026=13.0)
    roadmap_view(at)
    at.toggle(key="scenario_capacity_values").set_value(True).run()
    assert failures(at) == []
    assert (
        "The most useful extra capacity: **1.3 person-days** more for **Digital** in 2026 would fund "
        "**4.0** more value points."
    ) in shown(at.markdown)
    table = table_with(at, "Value gained (points)")
    gains = dict(zip(table["Period"], table["Value gained (points)"], strict=True))
    assert gains == {"2026": "4.0", "2027": "0.0"}  # as the table writes them


def test_when_a_tenth_more_capacity_funds_nothing_the_view_says_so(team_page):
    # off, Digital at 10 in 2026: 11 is still short of 14 for A and B together
    at = run(team_page, shift=False)
    roadmap_view(at)
    at.toggle(key="scenario_capacity_values").set_value(True).run()
    assert "A tenth more capacity for any one team, in any one period, would fund nothing more." in shown(
        at.info
    )
