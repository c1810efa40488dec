"""Charts as pure functions returning `alt.Chart`: pages and the COMEX pack only display them.

`portfolio`: values, costs, KPI progress, frontier and value chain; `depth`: journey,
maturity staircase, employee–customer circle and robustness; `listening`: the key-driver
quadrant and importance against spend per phase; `roadmap`: when each funded initiative runs,
team capacity used and spend per period against budget.
"""

from __future__ import annotations

from cxprior.charts.depth import (
    competency_chart,
    core_index_chart,
    emotion_chart,
    journey_cost_chart,
    journey_value_chart,
    maturity_trend_chart,
    side_split_chart,
    staircase_chart,
    value_distribution_chart,
)
from cxprior.charts.followup import scorecard_chart, trajectory_chart
from cxprior.charts.listening import alignment_chart, quadrant_chart
from cxprior.charts.portfolio import (
    GOAL_COLOUR,
    SELECTED_COLOUR,
    TARGET_COLOUR,
    frontier_chart,
    kpi_progress_chart,
    spend_chart,
    value_chain,
    value_chain_chart,
    value_cost_chart,
    vega_locale,
)
from cxprior.charts.roadmap import (
    ROADMAP_LIMIT,
    capacity_chart,
    roadmap_chart,
    roadmap_groups,
    spend_budget_chart,
)
from cxprior.charts.weights import weight_ranges_chart

__all__ = [
    "GOAL_COLOUR",
    "ROADMAP_LIMIT",
    "SELECTED_COLOUR",
    "TARGET_COLOUR",
    "alignment_chart",
    "capacity_chart",
    "competency_chart",
    "core_index_chart",
    "emotion_chart",
    "frontier_chart",
    "journey_cost_chart",
    "journey_value_chart",
    "kpi_progress_chart",
    "maturity_trend_chart",
    "quadrant_chart",
    "roadmap_chart",
    "roadmap_groups",
    "scorecard_chart",
    "side_split_chart",
    "spend_budget_chart",
    "spend_chart",
    "staircase_chart",
    "trajectory_chart",
    "value_chain",
    "value_chain_chart",
    "value_cost_chart",
    "value_distribution_chart",
    "vega_locale",
    "weight_ranges_chart",
]
