"""The portfolio optimizer and what is built on it.

`optimize` (build → solve → extract, one constraint family per block, one solve path),
with explanations of every choice, infeasible scenarios explained in words, the efficient
frontier, the score-and-rank comparison (`greedy_gap`) and the robustness of the portfolio
to uncertain impacts (`monte_carlo`), and the re-plan of an approved portfolio mid-course
(`replan`: what the follow-up keeps, drops and leaves to re-optimise), and how far the
goal weights can move before the portfolio changes, with the COMEX members' own portfolios
(`weight_sensitivity`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxprior.lazy import lazy_face

# what readers, type checkers and import-linter see; at run time a name loads on first use
if TYPE_CHECKING:
    from cxprior.portfolio.cbc import read_log
    from cxprior.portfolio.draw_pool import start_workers
    from cxprior.portfolio.efficient_frontier import frontier
    from cxprior.portfolio.greedy import greedy_gap, greedy_portfolio
    from cxprior.portfolio.highs import HighsSession, new_highs, set_option
    from cxprior.portfolio.infeasible import required_items
    from cxprior.portfolio.model import build_model, forced_bounds, make_instance
    from cxprior.portfolio.optimizer import StagedResult, optimize, optimize_staged
    from cxprior.portfolio.replanning import Change, Replan, ReplanInputs, plan_changes, replan, replan_inputs
    from cxprior.portfolio.roadmap import (
        ShiftingGain,
        capacity_frame,
        capacity_values,
        moved_reasons,
        roadmap_frame,
        shifting_gain,
        spend_frame,
    )
    from cxprior.portfolio.robustness import (
        BORDERLINE,
        BORDERLINE_FROM,
        CORE,
        CORE_FROM,
        DEFAULT_DRAWS,
        RARE,
        UncertaintyResult,
        category_label,
        distribution_frame,
        monte_carlo,
        robustness_frame,
        summary_sentences,
    )
    from cxprior.portfolio.sensitivity import (
        DEFAULT_SAMPLES,
        CoreIndex,
        Crossing,
        GoalRange,
        MemberPortfolio,
        SensitivityResult,
        change_sentence,
        core_sentences,
        draw_weightings,
        member_sentences,
        members_frame,
        range_sentences,
        ranges_frame,
        weight_sensitivity,
    )
    from cxprior.portfolio.solve import drop_worthless, solve_with_highs

__all__ = [
    "BORDERLINE",
    "BORDERLINE_FROM",
    "CORE",
    "CORE_FROM",
    "DEFAULT_DRAWS",
    "DEFAULT_SAMPLES",
    "RARE",
    "Change",
    "CoreIndex",
    "Crossing",
    "GoalRange",
    "HighsSession",
    "MemberPortfolio",
    "Replan",
    "ReplanInputs",
    "SensitivityResult",
    "ShiftingGain",
    "StagedResult",
    "UncertaintyResult",
    "build_model",
    "capacity_frame",
    "capacity_values",
    "category_label",
    "change_sentence",
    "core_sentences",
    "distribution_frame",
    "draw_weightings",
    "drop_worthless",
    "forced_bounds",
    "frontier",
    "greedy_gap",
    "greedy_portfolio",
    "make_instance",
    "member_sentences",
    "members_frame",
    "monte_carlo",
    "moved_reasons",
    "new_highs",
    "optimize",
    "optimize_staged",
    "plan_changes",
    "range_sentences",
    "ranges_frame",
    "read_log",
    "replan",
    "replan_inputs",
    "required_items",
    "roadmap_frame",
    "robustness_frame",
    "set_option",
    "shifting_gain",
    "solve_with_highs",
    "spend_frame",
    "start_workers",
    "summary_sentences",
    "weight_sensitivity",
]

__getattr__, __dir__ = lazy_face(__name__)
