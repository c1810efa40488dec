"""Re-plan mid-course: what the follow-up keeps, drops and sinks, and the changes against the plan.

The case (values are exact, see test_optimizer_support): periods 2026 and 2027, budgets 100 in
2026, 110 in 2027 and 200 in total.

    A  value 10  costs 50 + 50      B  value 8  costs 40 + 20      C  value 6  costs 0 + 60
    D  value 5   costs 30 + 30      E  value 4  costs 0 + 40

The plan is A + B + E: 90 in 2026, 110 in 2027, 200 in total, value 22. A + B + C needs 130 in
2027; the other sets within the budgets are worth less (B + C + D 19, B + D + E 17, A + C 16).
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from test_optimizer_support import Item, make_workspace

from cxprior.domain import (
    Capacity,
    Effort,
    FollowUp,
    Progress,
    Scenario,
    ScenarioError,
    Status,
    default_scenario,
)
from cxprior.portfolio import optimize, replan, replan_inputs

PERIODS = ("2026", "2027")


@pytest.fixture
def ws():
    return make_workspace(
        [
            Item("A", 10, {"2026": 50, "2027": 50}),
            Item("B", 8, {"2026": 40, "2027": 20}),
            Item("C", 6, {"2027": 60}),
            Item("D", 5, {"2026": 30, "2027": 30}),
            Item("E", 4, {"2027": 40}),
        ],
        periods=PERIODS,
        budgets={"2026": 100, "2027": 110, "total": 200},
    )


@pytest.fixture
def scenario(ws) -> Scenario:
    return default_scenario(ws)


def test_the_plan_of_the_case_is_a_b_and_e(ws, scenario):
    plan = optimize(ws, scenario, explain=False)
    assert set(plan.selected) == {"A", "B", "E"}
    assert plan.objective == pytest.approx(22.0)


def _followup(*rows: Progress) -> FollowUp:
    return FollowUp(tuple(rows))


def test_delivered_stays_funded_at_no_further_cost_and_dropped_is_out(ws, scenario):
    followup = _followup(
        Progress("A", Status.DELIVERED, {"2026": 50.0}),
        Progress("B", Status.DROPPED, {"2026": 40.0}),
    )
    inputs = replan_inputs(ws, scenario, followup, "2027")
    costs = {i.initiative_id: i.period_costs for i in inputs.workspace.initiatives}
    assert inputs.workspace.periods == ("2027",)
    assert costs["A"] == {"2027": 0.0}
    assert inputs.kept == ("A",) and inputs.dropped == ("B",)
    assert "A" in inputs.scenario.force_in and "B" in inputs.scenario.force_out
    assert inputs.scenario.force_reasons["B"] == "dropped, according to the follow-up."


def test_spend_before_the_re_plan_is_sunk_and_budgets_before_it_are_ignored(ws, scenario):
    followup = _followup(
        Progress("A", Status.IN_PROGRESS, {"2026": 70.0}),  # 20 more than planned in 2026
        Progress("B", Status.DELIVERED, {"2026": 40.0}),
    )
    inputs = replan_inputs(ws, scenario, followup, "2027")
    # A's 2027 cost is its profile's, whatever it spent in 2026
    assert {i.initiative_id: i.cost for i in inputs.workspace.initiatives}["A"] == 50.0
    # the 2026 budget is gone, 2027's is untouched, the total is what is left: 200 − (70 + 40)
    assert inputs.scenario.budget_by_period == {"2027": 110.0}
    assert inputs.sunk == 110.0
    assert inputs.scenario.budget_total == 90.0
    assert inputs.workspace.budget_by_period == {"2027": 110.0, "total": 90.0}


def test_an_overrun_before_the_re_plan_leaves_less_of_the_total_for_the_rest(ws, scenario):
    # A delivered at 80 in 2026, B dropped after 40: sunk 120, 200 − 120 = 80 left in total.
    # From 2027: A costs nothing more; C (60, value 6) and E (40, value 4) do not both fit 80,
    # D cannot start in 2026 any more; so A + C (value 16): E leaves, C enters
    followup = _followup(
        Progress("A", Status.DELIVERED, {"2026": 80.0}),
        Progress("B", Status.DROPPED, {"2026": 40.0}),
    )
    outcome = replan(ws, scenario, followup, "2027")
    assert set(outcome.result.selected) == {"A", "C"}
    assert outcome.result.objective == pytest.approx(16.0)
    assert outcome.removed == ("B", "E")
    assert outcome.added == ("C",)
    codes = {c.initiative_id: c.code for c in outcome.changes}
    assert codes == {"B": "dropped", "E": "reoptimised", "C": "freed"}


def test_the_changes_say_what_leaves_and_what_enters_and_why(ws, scenario):
    # A delivered, B dropped (sunk 90): 110 left in total and in 2027 for C (60) + E (40)
    followup = _followup(
        Progress("A", Status.DELIVERED, {"2026": 50.0}),
        Progress("B", Status.DROPPED, {"2026": 40.0}),
    )
    outcome = replan(ws, scenario, followup, "2027")
    assert set(outcome.result.selected) == {"A", "C", "E"}
    messages = {c.initiative_id: c.message for c in outcome.changes}
    assert messages == {
        "B": "B (Initiative B) leaves the plan: it was dropped (€40 spent on it is sunk).",
        # B's 2027 cost (20) is freed
        "C": "C (Initiative C) enters the plan: with €20 freed from 2027 on by what leaves it (B), it "
        "now fits and brings 6.0 value points.",
    }
    document = outcome.to_json()
    assert document["changes"] == {"added": ["C"], "removed": ["B"]}
    assert document["cost_by_period"] == {"2027": 100.0}


def test_an_initiative_not_started_moves_later_or_leaves_when_it_no_longer_fits(ws, scenario):
    inputs = replan_inputs(ws, scenario, FollowUp(), "2027")
    costs = {i.initiative_id: i.period_costs for i in inputs.workspace.initiatives}
    # C and E start in 2027 anyway; A, B and D started their profile in 2026 and have two
    # periods of cost: they no longer fit in 2027 alone
    assert costs["C"] == {"2027": 60.0} and costs["E"] == {"2027": 40.0}
    assert inputs.no_time == ("A", "B", "D")
    assert inputs.scenario.force_reasons["D"] == (
        "it has not started, and its 2 periods of cost no longer fit between 2027 and 2027."
    )


def test_a_one_period_profile_not_started_is_moved_to_start_at_the_re_plan():
    ws = make_workspace([Item("S", 3, {"2026": 30})], periods=("2026", "2027", "2028"))
    inputs = replan_inputs(ws, default_scenario(ws), FollowUp(), "2027")
    (moved,) = inputs.workspace.initiatives
    assert moved.period_costs == {"2027": 30.0, "2028": 0.0}
    assert inputs.shifted == {"S": 1}


def test_a_late_initiative_in_progress_keeps_what_is_left_of_its_cost_in_the_re_plan_period():
    # L's profile ended in 2026 (40); 30 spent: 10 left, in 2027
    ws = make_workspace([Item("L", 3, {"2026": 40})], periods=("2026", "2027"))
    followup = _followup(Progress("L", Status.IN_PROGRESS, {"2026": 30.0}))
    (late,) = replan_inputs(ws, default_scenario(ws), followup, "2027").workspace.initiatives
    assert late.period_costs == {"2027": 10.0}
    assert late.cost == 10.0


def test_a_delivered_initiative_outside_the_plan_enters_it_because_it_is_delivered(ws, scenario):
    followup = _followup(Progress("D", Status.DELIVERED, {"2026": 30.0}))
    outcome = replan(ws, scenario, followup, "2027")
    change = next(c for c in outcome.changes if c.initiative_id == "D")
    assert (change.kind, change.code) == ("added", "kept")
    assert change.message == (
        "D (Initiative D) enters the plan: the follow-up says it is delivered, so it stays funded."
    )


def test_a_re_plan_from_a_period_that_is_not_a_cost_period_is_refused(ws, scenario):
    with pytest.raises(ScenarioError, match=r"Cannot re-plan from 2030: .* \(2026, 2027\)"):
        replan_inputs(ws, scenario, FollowUp(), "2030")


def test_a_scenario_may_not_leave_out_what_the_follow_up_keeps(ws):
    scenario = Scenario(force_out=("A",))
    followup = _followup(Progress("A", Status.IN_PROGRESS, {"2026": 50.0}))
    with pytest.raises(ScenarioError, match="A is in progress: it stays funded in a re-plan"):
        replan_inputs(ws, scenario, followup, "2027")


def test_a_scenario_may_not_force_in_what_the_follow_up_dropped(ws):
    scenario = Scenario(force_in=("B",))
    followup = _followup(Progress("B", Status.DROPPED, {"2026": 40.0}))
    with pytest.raises(ScenarioError, match=r"B cannot be forced in: dropped, according to the follow-up\."):
        replan_inputs(ws, scenario, followup, "2027")


# --- with the roadmap: start periods, efforts and capacities ------------------------------------

THREE = ("2026", "2027", "2028")


def test_a_started_initiative_keeps_the_rest_of_its_profile_from_its_actual_start():
    # X costs 10 then 20 from its earliest start (2026) and may start up to 2027
    ws = make_workspace(
        [Item("X", 3, {"2026": 10, "2027": 20}, extra={"latest_start": "2027"})], periods=THREE
    )
    started_late = _followup(Progress("X", Status.IN_PROGRESS, {"2027": 5.0}, "2027"))
    (x,) = replan_inputs(ws, default_scenario(ws), started_late, "2028").workspace.initiatives
    # started in 2027: its profile is 0, 10, 20; 20 is left in 2028, and its start is fixed
    assert x.period_costs == {"2028": 20.0}
    assert x.latest_start is None
    # without a start on the Progress sheet its profile is 10, 20, 0: it is late, and what is
    # left of its cost (30 − 5) falls in 2028
    no_start = _followup(Progress("X", Status.IN_PROGRESS, {"2027": 5.0}))
    (x,) = replan_inputs(ws, default_scenario(ws), no_start, "2028").workspace.initiatives
    assert x.period_costs == {"2028": 25.0}


def test_without_an_actual_start_the_plans_start_places_the_profile():
    ws = make_workspace(
        [Item("X", 3, {"2026": 10, "2027": 20}, extra={"latest_start": "2027"})], periods=THREE
    )
    followup = _followup(Progress("X", Status.IN_PROGRESS, {"2027": 5.0}))
    roadmap = SimpleNamespace(start={"X": "2027"}, finish={"X": "2028"})
    (x,) = replan_inputs(ws, default_scenario(ws), followup, "2028", plan=roadmap).workspace.initiatives
    assert x.period_costs == {"2028": 20.0}


def test_a_latest_start_still_ahead_stays_open_and_one_passed_is_closed():
    ws = make_workspace(
        [
            Item("OPEN", 3, {"2026": 10}, extra={"latest_start": "2028"}),
            Item("SHUT", 3, {"2026": 10}, extra={"latest_start": "2026"}),
        ],
        periods=THREE,
    )
    moved = {
        i.initiative_id: i
        for i in replan_inputs(ws, default_scenario(ws), FollowUp(), "2027").workspace.initiatives
    }
    assert moved["OPEN"].period_costs == {"2027": 10.0, "2028": 0.0}
    assert moved["OPEN"].latest_start == "2028"
    assert moved["SHUT"].period_costs == {"2027": 10.0, "2028": 0.0}
    assert moved["SHUT"].latest_start is None


def test_efforts_move_with_the_cost_profiles_and_past_capacities_are_dropped():
    base = make_workspace(
        [Item("N", 3, {"2026": 10}), Item("K", 3, {"2026": 10, "2027": 10})], periods=("2026", "2027")
    )
    ws = replace(
        base,
        capacities=(Capacity("Care", "2026", 10.0), Capacity("Care", "2027", 10.0)),
        efforts=(
            Effort("N", "Care", "2026", 5.0),
            Effort("K", "Care", "2026", 4.0),
            Effort("K", "Care", "2027", 3.0),
        ),
    )
    followup = _followup(Progress("K", Status.IN_PROGRESS, {"2026": 10.0}))
    inputs = replan_inputs(ws, default_scenario(ws), followup, "2027")
    # N has not started: its 2026 effort moves to 2027 with its cost; K's 2026 effort is past
    assert inputs.workspace.efforts == (Effort("N", "Care", "2027", 5.0), Effort("K", "Care", "2027", 3.0))
    assert inputs.workspace.capacities == (Capacity("Care", "2027", 10.0),)


def test_a_delivered_initiative_no_longer_holds_back_those_that_start_after_it():
    ws = make_workspace(
        [Item("A", 3, {"2026": 10}), Item("B", 3, {"2027": 10}, extra={"starts_after": ("A",)})],
        periods=("2026", "2027"),
    )
    followup = _followup(Progress("A", Status.DELIVERED, {"2026": 10.0}))
    moved = {
        i.initiative_id: i
        for i in replan_inputs(ws, default_scenario(ws), followup, "2027").workspace.initiatives
    }
    assert moved["B"].starts_after == ()


def test_a_re_plan_with_team_capacities_solves_against_the_capacities_left():
    # N (value 5) and M (value 4) each ask 6 person-days of Care; from 2027 Care has 10: one fits
    base = make_workspace([Item("N", 5, {"2026": 10}), Item("M", 4, {"2027": 10})], periods=("2026", "2027"))
    ws = replace(
        base,
        capacities=(Capacity("Care", "2026", 10.0), Capacity("Care", "2027", 10.0)),
        efforts=(Effort("N", "Care", "2026", 6.0), Effort("M", "Care", "2027", 6.0)),
    )
    outcome = replan(ws, default_scenario(ws), FollowUp(), "2027", explain=False)
    assert outcome.result.selected == ("N",)
    assert outcome.result.effort_by_team == {"Care": {"2027": 6.0}}


def test_when_the_plan_itself_is_infeasible_the_changes_count_against_an_empty_plan(ws):
    # A and B forced in need 90 in 2026 against 80: no plan. From 2027 the 2026 budget is
    # ignored and A and B are delivered: the re-plan solves, and all it funds is "added"
    followup = _followup(
        Progress("A", Status.DELIVERED, {"2026": 50.0}), Progress("B", Status.DELIVERED, {"2026": 40.0})
    )
    scenario = Scenario(force_in=("A", "B"), budget_by_period={"2026": 80.0})
    outcome = replan(ws, scenario, followup, "2027")
    assert not outcome.plan.is_solved
    assert outcome.notes == (
        "The plan itself is infeasible under this scenario: the changes are counted against an empty plan.",
    )
    assert outcome.result.is_solved
    assert set(outcome.added) == set(outcome.result.selected) >= {"A", "B"}
    assert outcome.removed == ()
