"""Charts as pure functions returning `alt.Chart`: pages and the COMEX pack only display them.

`portfolio`: values, costs, KPI progress, frontier and value chain; `depth`: journey,
maturity staircase, employee–customer circle and robustness.
"""

from __future__ import annotations

from cxprior.charts import depth, portfolio
from cxprior.charts.portfolio import (
    GOAL_COLOUR,
    SELECTED_COLOUR,
    TARGET_COLOUR,
    kpi_progress_chart,
    vega_locale,
)

__all__ = [
    "GOAL_COLOUR",
    "SELECTED_COLOUR",
    "TARGET_COLOUR",
    "depth",
    "kpi_progress_chart",
    "portfolio",
    "vega_locale",
]
