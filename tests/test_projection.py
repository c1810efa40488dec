"""Expected KPI movement of a portfolio: baseline → projected against the target."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cxprior.analysis import format_level, kpi_projection
from cxprior.domain import Impact


def test_projection_adds_confidence_weighted_impacts_to_the_baseline(two_goal_workspace):
    frame = kpi_projection(two_goal_workspace, ["A", "B"]).set_index("kpi_id")
    # A moves NPS by +5 at confidence 1; B moves churn by −1 at confidence 0.5
    assert frame.loc["NPS", "projected"] == pytest.approx(15.0)
    assert frame.loc["NPS", "progress"] == pytest.approx(0.25)
    assert frame.loc["CHURN", "projected"] == pytest.approx(11.5)
    assert frame.loc["CHURN", "progress"] == pytest.approx(0.125)
    assert frame.loc["ORPHAN", "movement"] == 0.0
    assert frame.loc["CHURN", "goal_ids"] == ("G1", "G2")
    assert frame.loc["ORPHAN", "goal_ids"] == ()


def test_only_the_portfolio_moves_kpis(two_goal_workspace):
    frame = kpi_projection(two_goal_workspace, ["B"]).set_index("kpi_id")
    assert frame.loc["NPS", "projected"] == 10.0
    assert frame.loc["NPS", "initiatives"] == 0
    assert frame.loc["CHURN", "initiatives"] == 1


def test_target_reached_when_the_movement_covers_the_span(two_goal_workspace):
    ws = replace(two_goal_workspace, impacts=(Impact("A", "NPS", 20.0),))
    frame = kpi_projection(ws, ["A"]).set_index("kpi_id")
    assert bool(frame.loc["NPS", "reaches_target"])
    assert not bool(frame.loc["CHURN", "reaches_target"])


def test_the_range_puts_the_pessimistic_end_first_for_a_decreasing_kpi(two_goal_workspace):
    ws = replace(two_goal_workspace, impacts=(Impact("B", "CHURN", -1.0, impact_low=-0.5, impact_high=-2.0),))
    row = kpi_projection(ws, ["B"]).set_index("kpi_id").loc["CHURN"]
    # confidence 0.5: pessimistic −0.25 (churn 11.75), optimistic −1 (churn 11)
    assert row["projected_low"] == pytest.approx(11.75)
    assert row["projected_high"] == pytest.approx(11.0)


def test_levels_are_written_with_their_unit_and_no_useless_decimals():
    assert format_level(42.0, "pts") == "42\u00a0pts"
    assert format_level(12.5, "%", "fr") == "12,5\u00a0%"
    assert format_level(1234.25, "s") == "1,234.25\u00a0s"
    assert format_level(float("nan"), "s") == "–"
