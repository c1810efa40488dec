"""The portfolio optimizer and what is built on it.

`optimize` (build → solve → extract, one constraint family per block, one solve path),
with explanations of every choice, infeasible scenarios explained in words, the efficient
frontier, the score-and-rank comparison (`greedy_gap`) and the robustness of the portfolio
to uncertain impacts (`monte_carlo`).
"""

from __future__ import annotations

from cxprior.portfolio.cbc import read_log
from cxprior.portfolio.efficient_frontier import frontier
from cxprior.portfolio.greedy import greedy_gap, greedy_portfolio
from cxprior.portfolio.highs import HighsSession, new_highs, set_option
from cxprior.portfolio.infeasible import required_items
from cxprior.portfolio.model import build_model, forced_bounds, make_instance
from cxprior.portfolio.optimizer import optimize
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
from cxprior.portfolio.solve import drop_worthless, solve_with_highs

__all__ = [
    "BORDERLINE",
    "BORDERLINE_FROM",
    "CORE",
    "CORE_FROM",
    "DEFAULT_DRAWS",
    "RARE",
    "HighsSession",
    "UncertaintyResult",
    "build_model",
    "category_label",
    "distribution_frame",
    "drop_worthless",
    "forced_bounds",
    "frontier",
    "greedy_gap",
    "greedy_portfolio",
    "make_instance",
    "monte_carlo",
    "new_highs",
    "optimize",
    "read_log",
    "required_items",
    "robustness_frame",
    "set_option",
    "solve_with_highs",
    "summary_sentences",
]
