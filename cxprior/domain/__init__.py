"""The domain: what a CX workspace is, what a scenario asks, what a portfolio result says.

Frozen dataclasses (`Workspace`, `Scenario`, `PortfolioResult`…) and pure functions on them:
the value model (`score`: goal weights → KPI weights → value points per initiative), the
focus indicators of a portfolio, pairwise goal weights, roles, named errors carrying a
user-facing message. Nothing here reads a file, a database or draws anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxprior.lazy import lazy_face

# what readers, type checkers and import-linter see; at run time a name loads on first use
if TYPE_CHECKING:
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
        NegativeBudgetError,
        Problem,
        ScenarioError,
        SolverError,
        UnsafeFileError,
        WorkbookError,
    )
    from cxprior.domain.followup import (
        STATUS_WORDS,
        FollowUp,
        Measurement,
        Progress,
        Status,
        finish_period,
        planned_costs,
        status_of,
    )
    from cxprior.domain.members import (
        Consensus,
        MemberWeights,
        consensus_from_judgements,
        consensus_weights,
        judgements_from_weights,
        member_weights,
    )
    from cxprior.domain.result import ExclusionReason, FocusIndicators, PortfolioResult, focus_indicators
    from cxprior.domain.scenario import Scenario, default_scenario
    from cxprior.domain.synthetic import synthetic_scenario, synthetic_workspace
    from cxprior.domain.timing import (
        Window,
        costs_as_started,
        earliest_index,
        has_flexible_starts,
        profile_end_index,
        shift_profile,
        starts_in,
        window,
    )
    from cxprior.domain.value import (
        EUROS_PER_MEUR,
        Scores,
        goal_weights,
        kpi_goal_weights,
        nan_if_none,
        score,
        value_per_meur,
        value_table,
    )
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
        Capacity,
        Competency,
        Direction,
        Effort,
        Goal,
        Impact,
        Initiative,
        Kpi,
        KpiGoalLink,
        TeamBacklog,
        Workspace,
        competency_of,
        fold,
        phases_of,
        side_of,
    )

__all__ = [
    "ACTIONS",
    "COMPETENCY_WORDS",
    "EDIT_PAGES",
    "EUROS_PER_MEUR",
    "LOCAL",
    "READ_PAGES",
    "SCALE",
    "SIDE_WORDS",
    "STATUS_WORDS",
    "TOTAL_PERIOD",
    "AccessError",
    "Budget",
    "Capacity",
    "Competency",
    "Consensus",
    "CxpriorError",
    "Direction",
    "Effort",
    "ExclusionReason",
    "FocusIndicators",
    "FollowUp",
    "Goal",
    "Identity",
    "Impact",
    "InfeasibleScenario",
    "Initiative",
    "Kpi",
    "KpiGoalLink",
    "Measurement",
    "MemberWeights",
    "NegativeBudgetError",
    "PortfolioResult",
    "Problem",
    "Progress",
    "Role",
    "Scenario",
    "ScenarioError",
    "Scores",
    "SolverError",
    "Status",
    "TeamBacklog",
    "UnsafeFileError",
    "Window",
    "WorkbookError",
    "Workspace",
    "access",
    "allowed_pages",
    "can",
    "competency_of",
    "consensus_from_judgements",
    "consensus_weights",
    "consistency_message",
    "costs_as_started",
    "default_scenario",
    "earliest_index",
    "finish_period",
    "focus_indicators",
    "fold",
    "goal_weights",
    "has_flexible_starts",
    "identity_from_claims",
    "judgements_from_weights",
    "kpi_goal_weights",
    "member_weights",
    "nan_if_none",
    "pairs",
    "pairwise_weights",
    "phases_of",
    "planned_costs",
    "policy_from_config",
    "profile_end_index",
    "ratio_from_scale",
    "require",
    "score",
    "shift_profile",
    "side_of",
    "starts_in",
    "status_of",
    "synthetic_scenario",
    "synthetic_workspace",
    "value_per_meur",
    "value_table",
    "window",
    "with_goal_weights",
]

__getattr__, __dir__ = lazy_face(__name__)
