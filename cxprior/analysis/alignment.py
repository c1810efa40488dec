"""Does the money follow what customers feel? Importance per journey phase against spend.

For each journey phase that is also a driver of the survey analysis (names compared as
`fold` does), two shares are set side by side:

- its **importance share**: its Shapley importance over the importances of the phases
  compared (so the compared phases' importance shares add up to 1);
- its **spend share**: the portfolio's funded spend in that phase over the funded spend of
  the phases compared, with an initiative on a transition ("A > B") counting half in A and
  half in B, exactly as on the journey page (`journey_focus`).

The **misalignment index** is half the L1 distance between the two share vectors,
½ Σ |spend share − importance share|, in [0, 1]: the share of the compared spend that would
have to move from one phase to another for spend to be shared exactly like importance.
0 means spend follows importance exactly; 1 means every euro goes to phases whose
importance is zero. The index reads "aligned" up to ALIGNED_UP_TO (0.2, a fifth of the
spend in the wrong place), "misaligned" above.

Spend on initiatives without a phase, and on phases the survey does not cover, is left out
of the comparison and reported as `outside_spend` (and its share of the whole funded spend).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cxprior.analysis.drivers import DriverAnalysis
from cxprior.analysis.journey import JourneyFocus, journey_focus
from cxprior.domain import PortfolioResult, Workspace, fold
from cxprior.i18n import format_number, format_percent, tr

ALIGNED_UP_TO = 0.2


@dataclass(frozen=True)
class PhaseAlignment:
    """One phase compared: its importance (part of R²) and funded spend, and their shares."""

    phase: str
    importance: float
    importance_share: float
    spend: float
    spend_share: float

    @property
    def gap(self) -> float:
        """Spend share minus importance share: > 0 over-funded, < 0 under-funded."""
        return self.spend_share - self.importance_share


@dataclass(frozen=True)
class Alignment:
    """Importance against spend over the phases that are both in the survey and the journey.

    `phases` follow the journey's order. `index` is None when there is nothing to compare
    (no phase in common, or no spend in the compared phases). `unsurveyed_phases` are journey
    phases no driver is named after; `unmatched_drivers` drivers named after no phase.
    """

    phases: tuple[PhaseAlignment, ...]
    index: float | None
    compared_spend: float
    outside_spend: float
    total_spend: float
    unsurveyed_phases: tuple[str, ...]
    unmatched_drivers: tuple[str, ...]
    most_significant_phase: str | None
    solved: bool = True

    @property
    def aligned(self) -> bool | None:
        return None if self.index is None else self.index <= ALIGNED_UP_TO

    @property
    def most_over_funded(self) -> PhaseAlignment | None:
        return max(self.phases, key=lambda p: p.gap, default=None) if self.index is not None else None

    @property
    def most_under_funded(self) -> PhaseAlignment | None:
        return min(self.phases, key=lambda p: p.gap, default=None) if self.index is not None else None


def misalignment_index(importance_shares: list[float], spend_shares: list[float]) -> float:
    """½ Σ |spend − importance| of two share vectors that each add up to 1: the share of the
    spend to move for spend to follow importance exactly (0 aligned … 1 opposite)."""
    return 0.5 * sum(abs(s - i) for i, s in zip(importance_shares, spend_shares, strict=True))


def phase_alignment(
    analysis: DriverAnalysis,
    workspace: Workspace,
    result: PortfolioResult | None,
    *,
    focus: JourneyFocus | None = None,
) -> Alignment:
    """Each surveyed phase's share of importance against its share of the funded spend.

    `focus` (the journey figures of this workspace and result) is computed when not given.
    An unsolved or missing result compares against no spend (`index` None).
    """
    focus = focus or journey_focus(workspace, result)
    importance = {fold(d.name): d for d in analysis.drivers}
    journey = list(focus.phases)
    compared = [f for f in journey if fold(f.phase) in importance]
    solved = result is not None and result.is_solved
    spend = {f.phase: (f.funded_cost if solved else 0.0) for f in compared}
    total_importance = sum(importance[fold(f.phase)].importance for f in compared)
    compared_spend = sum(spend.values())
    total_spend = (sum(f.funded_cost for f in journey) + focus.unphased.funded_cost) if solved else 0.0
    rows = tuple(
        PhaseAlignment(
            phase=f.phase,
            importance=importance[fold(f.phase)].importance,
            importance_share=(
                importance[fold(f.phase)].importance / total_importance if total_importance > 0 else 0.0
            ),
            spend=spend[f.phase],
            spend_share=spend[f.phase] / compared_spend if compared_spend > 0 else 0.0,
        )
        for f in compared
    )
    index = (
        misalignment_index([r.importance_share for r in rows], [r.spend_share for r in rows])
        if rows and compared_spend > 0 and total_importance > 0
        else None
    )
    phase_keys = {fold(f.phase) for f in journey}
    top = next((d.name for d in analysis.drivers if fold(d.name) in phase_keys), None)
    return Alignment(
        phases=rows,
        index=index,
        compared_spend=compared_spend,
        outside_spend=total_spend - compared_spend,
        total_spend=total_spend,
        unsurveyed_phases=tuple(f.phase for f in journey if fold(f.phase) not in importance),
        unmatched_drivers=tuple(d.name for d in analysis.drivers if fold(d.name) not in phase_keys),
        most_significant_phase=next((f.phase for f in compared if fold(f.phase) == fold(top or "")), None),
        solved=solved,
    )


def alignment_sentence(alignment: Alignment, lang: str = "en", *, phases: tuple[str, ...] = ()) -> str:
    """The alignment in words: aligned, or which phase is over-funded and which under-funded.

    `phases` (the workspace's phases) are named when no driver matches any of them.
    """
    if not alignment.phases:
        return tr(
            "listen.align.no_phase", lang, phases=", ".join(phases or alignment.unsurveyed_phases) or "–"
        )
    if not alignment.solved:
        return tr("listen.align.unsolved", lang)
    if alignment.index is None:
        return tr("listen.align.no_spend", lang)
    index = format_number(alignment.index, lang, 2)
    if alignment.aligned:
        return tr("listen.align.aligned", lang, index=index)
    over, under = alignment.most_over_funded, alignment.most_under_funded
    assert over is not None and under is not None
    return tr(
        "listen.align.misaligned",
        lang,
        index=index,
        index_share=format_percent(alignment.index, lang),
        over=over.phase,
        over_spend=format_percent(over.spend_share, lang),
        over_importance=format_percent(over.importance_share, lang),
        under=under.phase,
        under_spend=format_percent(under.spend_share, lang),
        under_importance=format_percent(under.importance_share, lang),
    )


def alignment_frame(alignment: Alignment) -> pd.DataFrame:
    """One row per compared phase, in journey order, for the alignment chart.

    Columns: phase, importance, importance_share, spend, spend_share, gap, most_significant.
    """
    rows = [
        {
            "phase": p.phase,
            "importance": p.importance,
            "importance_share": p.importance_share,
            "spend": p.spend,
            "spend_share": p.spend_share,
            "gap": p.gap,
            "most_significant": p.phase == alignment.most_significant_phase,
        }
        for p in alignment.phases
    ]
    columns = ["phase", "importance", "importance_share", "spend", "spend_share", "gap", "most_significant"]
    return pd.DataFrame(rows, columns=columns)
