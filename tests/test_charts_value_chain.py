"""The value chain drawn for many initiatives: the ones of largest value, the rest counted."""

from __future__ import annotations

from cxprior import charts
from cxprior.domain import score


def test_the_value_chain_by_value_draws_the_initiatives_worth_most(two_goal_workspace):
    # goal weights 3 and 1 → shares 0.75 and 0.25. A: NPS +5 over a 10 → 30 span, progress 0.25, NPS serves
    # G1 alone: 100 × 0.25 × 0.75 = 18.75 points. B: churn −1 over a 12 → 8 span, progress 0.25 at
    # confidence 0.5, churn serves G1 (strength 0.5) and G2 (1): 100 × 0.125 × (0.75 × 0.5 + 0.25 × 1)
    # = 7.8 points. C moves a KPI that serves no goal: 0 points, although its progress (100) is the largest.
    scores = score(two_goal_workspace)
    assert round(scores.value["A"], 2) == 18.75 and round(scores.value["B"], 2) == 7.81
    chain = charts.value_chain(two_goal_workspace, scores, max_initiatives=2, by_value=True)
    drawn = set(chain.nodes[chain.nodes["stage"] == "initiative"]["id"])
    assert drawn == {"A", "B"}
    assert (chain.shown_initiatives, chain.total_initiatives) == (2, 4)
