"""Tables of one portfolio: funded, left out with reasons, spend by goal, funded by goal."""

from __future__ import annotations

from dataclasses import replace

import pytest
from portfolio_helpers import solved

from cxprior.analysis import (
    NO_GOAL,
    excluded_table,
    funded_by_goal,
    initiative_frame,
    main_goal,
    selected_table,
    spend_by_goal,
)
from cxprior.domain import ExclusionReason, Initiative, score


@pytest.fixture
def periodic(two_goal_workspace):
    initiatives = tuple(
        replace(i, period_costs={"2026": i.cost / 2, "2027": i.cost / 2})
        for i in two_goal_workspace.initiatives
    )
    return replace(two_goal_workspace, initiatives=initiatives, periods=("2026", "2027"))


def test_main_goal_is_the_goal_served_most_and_none_for_worthless_items(two_goal_workspace):
    scores = score(two_goal_workspace)
    assert main_goal(scores, "A") == "G1"
    # B moves churn: 0.375 of its weight goes to G1 and 0.25 to G2
    assert main_goal(scores, "B") == "G1"
    assert main_goal(scores, "C") == NO_GOAL


def test_initiative_frame_has_period_costs_and_the_selection(periodic):
    frame = initiative_frame(periodic, score(periodic), ["A"])
    assert list(frame.columns[:7]) == [
        "initiative_id",
        "name",
        "team",
        "journey_phase",
        "cost",
        "cost_2026",
        "cost_2027",
    ]
    assert frame.set_index("initiative_id")["selected"].to_dict() == {
        "A": True,
        "B": False,
        "C": False,
        "D": False,
    }


def test_selected_table_lists_funded_items_most_valuable_first(two_goal_workspace):
    result = solved(two_goal_workspace, ("B", "A"))
    table = selected_table(two_goal_workspace, result, score(two_goal_workspace))
    assert list(table["initiative_id"]) == ["A", "B"]


def test_excluded_table_carries_the_optimizer_reason(two_goal_workspace):
    reason = ExclusionReason("B", "no_room", "No room in the budget.")
    result = solved(two_goal_workspace, ("A",), exclusions=(reason,))
    table = excluded_table(two_goal_workspace, result, score(two_goal_workspace)).set_index("initiative_id")
    assert list(table.index) == ["B", "C", "D"]
    assert table.loc["B", "reason"] == "No room in the budget."
    assert table.loc["B", "reason_code"] == "no_room"
    assert table.loc["C", "reason"] == ""


def test_spend_by_goal_splits_cost_by_contribution(two_goal_workspace):
    frame = spend_by_goal(two_goal_workspace, score(two_goal_workspace), ["A", "B", "C"]).set_index("goal_id")
    assert frame.loc["G1", "cost"] == pytest.approx(100.0 + 200.0 * 0.375 / 0.625)
    assert frame.loc["G2", "cost"] == pytest.approx(200.0 * 0.25 / 0.625)
    assert frame.loc[NO_GOAL, "cost"] == pytest.approx(50.0)
    assert frame["cost"].sum() == pytest.approx(350.0)
    assert frame.loc["G1", "count"] == 2


def test_spend_by_goal_without_worthless_items_has_no_unassigned_row(two_goal_workspace):
    frame = spend_by_goal(two_goal_workspace, score(two_goal_workspace), ["A"])
    assert list(frame["goal_id"]) == ["G1", "G2"]


def test_funded_by_goal_groups_under_the_main_goal_with_costs_per_year(periodic):
    extra = Initiative("E", "Self-care", 40.0, {"2026": 40.0, "2027": 0.0})
    ws = replace(periodic, initiatives=(*periodic.initiatives, extra))
    from cxprior.domain import Impact

    ws = replace(ws, impacts=(*ws.impacts, Impact("E", "CHURN", -4.0)))
    table = funded_by_goal(ws, solved(ws, ("A", "B", "E")), score(ws))
    assert list(table.columns) == [
        "main_goal",
        "initiative_id",
        "name",
        "journey_phase",
        "cost_2026",
        "cost_2027",
        "cost",
        "value",
    ]
    assert list(zip(table["main_goal"], table["initiative_id"], strict=True)) == [
        ("G1", "E"),
        ("G1", "A"),
        ("G1", "B"),
    ]
    assert table.set_index("initiative_id").loc["E", "cost_2026"] == 40.0
