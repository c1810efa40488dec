"""The domain: what a CX workspace is, what a scenario asks, what a portfolio result says.

Frozen dataclasses (`Workspace`, `Scenario`, `PortfolioResult`…) and pure functions on them:
the value model (`score`: goal weights → KPI weights → value points per initiative), the
focus indicators of a portfolio, pairwise goal weights, roles, named errors carrying a
user-facing message. Nothing here reads a file, a database or draws anything.
"""

from __future__ import annotations

from cxprior.domain import access
from cxprior.domain.access import (
    ACTIONS,
    EDIT_PAGES,
    LOCAL,
    READ_PAGES,
    AccessError,
    Identity,
    Role,
    allowed_pages,
    can,
    identity_from_claims,
    policy_from_config,
    require,
)
from cxprior.domain.errors import (
    CxpriorError,
    InfeasibleScenario,
    Problem,
    ScenarioError,
    SolverError,
    UnsafeFileError,
    WorkbookError,
)
from cxprior.domain.result import ExclusionReason, FocusIndicators, PortfolioResult, focus_indicators
from cxprior.domain.scenario import Scenario, default_scenario
from cxprior.domain.synthetic import synthetic_scenario, synthetic_workspace
from cxprior.domain.value import Scores, goal_weights, kpi_goal_weights, score, value_table
from cxprior.domain.weights import (
    SCALE,
    consistency_message,
    pairs,
    pairwise_weights,
    ratio_from_scale,
    with_goal_weights,
)
from cxprior.domain.workspace import (
    COMPETENCY_WORDS,
    SIDE_WORDS,
    TOTAL_PERIOD,
    Budget,
    Competency,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    TeamBacklog,
    Workspace,
    competency_of,
    fold,
    side_of,
)

__all__ = [
    "ACTIONS",
    "COMPETENCY_WORDS",
    "EDIT_PAGES",
    "LOCAL",
    "READ_PAGES",
    "SCALE",
    "SIDE_WORDS",
    "TOTAL_PERIOD",
    "AccessError",
    "Budget",
    "Competency",
    "CxpriorError",
    "Direction",
    "ExclusionReason",
    "FocusIndicators",
    "Goal",
    "Identity",
    "Impact",
    "InfeasibleScenario",
    "Initiative",
    "Kpi",
    "KpiGoalLink",
    "PortfolioResult",
    "Problem",
    "Role",
    "Scenario",
    "ScenarioError",
    "Scores",
    "SolverError",
    "TeamBacklog",
    "UnsafeFileError",
    "WorkbookError",
    "Workspace",
    "access",
    "allowed_pages",
    "can",
    "competency_of",
    "consistency_message",
    "default_scenario",
    "focus_indicators",
    "fold",
    "goal_weights",
    "identity_from_claims",
    "kpi_goal_weights",
    "pairs",
    "pairwise_weights",
    "policy_from_config",
    "ratio_from_scale",
    "require",
    "score",
    "side_of",
    "synthetic_scenario",
    "synthetic_workspace",
    "value_table",
    "with_goal_weights",
]
