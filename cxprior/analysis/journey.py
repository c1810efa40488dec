"""Journey focus: where along the customer journey the value lies, and where the money goes.

Per journey phase: value potential (sum of the positive values of its initiatives — what is
at stake there), asked cost (all its initiatives), funded cost and count (the selected ones).
The most significant phase is the one with the largest value potential (ties: earlier in
the journey).

Transitions. A `journey_phase` such as "Achat > Onboarding" (also "A→B", "A -> B") names the
gap between two phases, where customers feel ruptures (CX_PRIMER.md). It is not a phase of
its own: it is reported on the gap between A and B with its full value and cost, and in the
per-phase totals it counts half in A and half in B (a chain "A > B > C" counts a third in
each phase, and half on each of its two gaps). That way the per-phase totals, plus the
initiatives without a phase, add up to the backlog's totals, and a portfolio that funds the
gap between A and B touches both phases.

Concentration (the cure for fragmentation): the spend of the portfolio per phase, split as
above, as shares of the portfolio's whole cost (spend on initiatives without a phase counts
in the whole but in no phase); the Herfindahl–Hirschman index Σ share² (1 = everything in
one phase); the share of the top phase; the number of phases touched, against the scenario's
`max_phases`. The optimizer counts a transition label as one more phase; here it touches
its two phases, which is how the journey page shows it.

Phase order: when every phase is recognised by a usual journey word in its name (discover,
buy, onboard, use, get help, renew and French equivalents such as découvrir, souscrire,
emménager, consommer, aide, renouveler), the journey's natural order; otherwise the order in
which phases first appear in the backlog.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd

from cxprior.domain import (
    FocusIndicators,
    PortfolioResult,
    Scenario,
    Scores,
    Workspace,
    focus_indicators,
    fold,
    phases_of,
    score,
)
from cxprior.i18n import format_number, format_percent, tr

# usual phase words, by position along the journey (accents stripped, case-folded); a phase
# is placed by its whole name or else by the first of its words found here
_JOURNEY_WORDS: tuple[tuple[str, ...], ...] = (
    ("discover", "discovery", "awareness", "decouverte", "decouvrir", "notoriete"),
    ("consider", "consideration", "compare", "comparer", "evaluation", "choisir", "choix"),
    ("buy", "purchase", "achat", "acheter", "souscription", "souscrire", "subscribe", "vente"),
    (
        "onboard",
        "onboarding",
        "installation",
        "accueil",
        "bienvenue",
        "livraison",
        "delivery",
        "activation",
        "emmenager",
        "emmenagement",
    ),
    ("use", "usage", "utilisation", "utiliser", "consommer", "consommation", "payer", "paiement"),
    (
        "get help",
        "help",
        "support",
        "assistance",
        "aide",
        "service client",
        "sav",
        "reclamation",
        "reclamations",
    ),
    (
        "renew",
        "renewal",
        "renouvellement",
        "renouveler",
        "fidelisation",
        "loyalty",
        "resiliation",
        "demenager",
    ),
)
_JOURNEY_RANK = {word: rank for rank, words in enumerate(_JOURNEY_WORDS) for word in words}


@dataclass(frozen=True)
class PhaseFigures:
    """One journey phase (or, with phase "", the initiatives that name no phase)."""

    phase: str
    value_potential: float
    asked_cost: float
    funded_cost: float
    count: int  # initiatives touching this phase, those on a gap to a neighbour included
    funded_count: int  # likewise, funded ones
    transition_count: int  # of them, initiatives on a gap that touches this phase
    value_share: float  # of the backlog's whole value potential


@dataclass(frozen=True)
class GapFigures:
    """Initiatives that work on the gap between two phases, with their full amounts."""

    from_phase: str
    to_phase: str
    value_potential: float
    asked_cost: float
    funded_cost: float
    initiative_ids: tuple[str, ...]
    funded_ids: tuple[str, ...]


@dataclass(frozen=True)
class Concentration:
    """How concentrated the portfolio's spend is across journey phases."""

    phases_touched: int
    max_phases: int | None
    top_phase: str | None
    top_phase_share: float
    hhi: float
    within_limit: bool | None  # None when the scenario sets no limit


@dataclass(frozen=True)
class JourneyFocus:
    phases: tuple[PhaseFigures, ...]
    gaps: tuple[GapFigures, ...]
    unphased: PhaseFigures
    most_significant: str | None
    concentration: Concentration | None  # None without a solved portfolio


parse_phase = phases_of  # the journey reads phases as the domain defines them


def _journey_rank(folded: str) -> int | None:
    if folded in _JOURNEY_RANK:
        return _JOURNEY_RANK[folded]
    return next((_JOURNEY_RANK[w] for w in re.findall(r"[a-z]+", folded) if w in _JOURNEY_RANK), None)


def phase_order(workspace: Workspace) -> tuple[str, ...]:
    """The workspace's distinct phases (transitions contribute both ends), in journey order.

    Phases that differ only by case, accents or spaces are one phase, named as first written.
    """
    seen: dict[str, str] = {}
    for initiative in workspace.initiatives:
        for phase in parse_phase(initiative.journey_phase):
            seen.setdefault(fold(phase), phase)
    ranks = {key: _journey_rank(key) for key in seen}
    if seen and None not in ranks.values():
        # stable: two phases of the same rank keep the order they first appear in
        return tuple(seen[key] for key in sorted(seen, key=lambda k: ranks[k]))
    return tuple(seen.values())


def journey_focus(
    workspace: Workspace,
    result: PortfolioResult | None = None,
    *,
    scenario: Scenario | None = None,
    scores: Scores | None = None,
    order: Sequence[str] | None = None,
) -> JourneyFocus:
    """Figures per phase and per gap; concentration when `result` is a solved portfolio.

    `scenario` gives the `max_phases` the concentration is compared with (default: the one
    the result carries). `order` overrides the phase order (phases missing from it follow).
    """
    scores = scores or score(workspace)
    natural = phase_order(workspace)
    canonical = {fold(p): p for p in natural}
    if order:
        wanted = [canonical[fold(p)] for p in order if fold(p) in canonical]
        natural = (*dict.fromkeys(wanted), *(p for p in natural if p not in wanted))
    solved = result is not None and result.is_solved
    funded = set(result.selected) if solved else set()

    tally = {p: _Tally() for p in natural}
    loose = _Tally()
    gaps: dict[tuple[str, str], _Tally] = {}
    for initiative in workspace.initiatives:
        iid = initiative.initiative_id
        named = [canonical[fold(p)] for p in parse_phase(initiative.journey_phase)]
        potential = max(scores.value.get(iid, 0.0), 0.0)
        is_funded = iid in funded
        spend = initiative.cost if is_funded else 0.0
        if len(named) <= 1:
            own = tally[named[0]] if named else loose
            own.add(potential, initiative.cost, spend, 1.0)
            own.count += 1
            own.funded_count += int(is_funded)
            continue
        for p in named:
            tally[p].add(potential, initiative.cost, spend, 1.0 / len(named))
        for p in dict.fromkeys(named):
            tally[p].transitions += 1
            tally[p].count += 1
            tally[p].funded_count += int(is_funded)
        pairs = list(pairwise(named))
        for pair in pairs:
            gap = gaps.setdefault(pair, _Tally())
            gap.add(potential, initiative.cost, spend, 1.0 / len(pairs))
            gap.ids.append(iid)
            if is_funded:
                gap.funded_ids.append(iid)

    total_potential = sum(t.value for t in tally.values()) + loose.value
    phases = tuple(_figures(p, t, total_potential) for p, t in tally.items())
    position = {p: k for k, p in enumerate(natural)}
    gap_figures = tuple(
        GapFigures(a, b, g.value, g.asked, g.funded, tuple(g.ids), tuple(g.funded_ids))
        for (a, b), g in sorted(gaps.items(), key=lambda item: (position[item[0][0]], position[item[0][1]]))
    )
    best = max(phases, key=lambda f: f.value_potential, default=None)
    most_significant = best.phase if best is not None and best.value_potential > 0 else None
    concentration = None
    if solved:
        limit = scenario.max_phases if scenario is not None else _scenario_limit(result)
        focus = result.focus or focus_indicators(workspace, result.selected)
        concentration = _concentration(focus, limit)
    return JourneyFocus(
        phases, gap_figures, _figures("", loose, total_potential), most_significant, concentration
    )


@dataclass
class _Tally:
    """Running totals while walking the backlog (private and short-lived, hence mutable)."""

    value: float = 0.0
    asked: float = 0.0
    funded: float = 0.0
    count: int = 0
    funded_count: int = 0
    transitions: int = 0
    ids: list[str] = field(default_factory=list)
    funded_ids: list[str] = field(default_factory=list)

    def add(self, potential: float, asked: float, spend: float, part: float) -> None:
        self.value += potential * part
        self.asked += asked * part
        self.funded += spend * part


def _figures(name: str, t: _Tally, total_potential: float) -> PhaseFigures:
    share = t.value / total_potential if total_potential > 0 else 0.0
    return PhaseFigures(name, t.value, t.asked, t.funded, t.count, t.funded_count, t.transitions, share)


def _scenario_limit(result: PortfolioResult) -> int | None:
    return result.scenario.max_phases if result.scenario is not None else None


def _concentration(focus: FocusIndicators, limit: int | None) -> Concentration:
    top = focus.top_phase or None
    within = None if limit is None else focus.phases_touched <= limit
    return Concentration(
        focus.phases_touched, limit, top, focus.top_phase_spend_share, focus.concentration_index, within
    )


def most_significant_sentence(focus: JourneyFocus, lang: str = "en") -> str:
    if focus.most_significant is None:
        return tr("depth.journey.no_phase", lang)
    best = next(f for f in focus.phases if f.phase == focus.most_significant)
    return tr(
        "depth.journey.most_significant",
        lang,
        phase=best.phase,
        share=format_percent(best.value_share, lang),
        value=format_number(best.value_potential, lang, 1),
    )


def concentration_sentence(focus: JourneyFocus, lang: str = "en") -> str | None:
    """The portfolio's concentration in words, against the scenario's limit; None unsolved."""
    c = focus.concentration
    if c is None:
        return None
    if c.top_phase is None:
        return tr("depth.journey.no_spend", lang, touched=c.phases_touched)
    params = {
        "touched": c.phases_touched,
        "limit": c.max_phases,
        "top_phase": c.top_phase,
        "top_share": format_percent(c.top_phase_share, lang),
        "hhi": format_number(c.hhi, lang, 2),
    }
    if c.within_limit is None:
        return tr("depth.journey.concentration_no_limit", lang, **params)
    key = "depth.journey.concentration_within" if c.within_limit else "depth.journey.concentration_over"
    return tr(key, lang, **params)


def gap_label(gap: GapFigures, lang: str = "en") -> str:
    return tr("depth.journey.gap_label", lang, from_phase=gap.from_phase, to_phase=gap.to_phase)


def gap_sentence(gap: GapFigures, lang: str = "en") -> str:
    return tr(
        "depth.journey.gap_sentence",
        lang,
        count=len(gap.initiative_ids),
        funded=len(gap.funded_ids),
        from_phase=gap.from_phase,
        to_phase=gap.to_phase,
    )


def journey_frame(focus: JourneyFocus, lang: str = "en") -> pd.DataFrame:
    """One row per phase and per gap, positioned along the journey for a chart.

    Columns: kind ("phase" | "gap"), position (phase k at k; a gap between phases at the
    midpoint of their positions), label, from_phase, to_phase, value_potential, asked_cost,
    funded_cost, count, funded_count, most_significant (bool).
    """
    position = {f.phase: float(k) for k, f in enumerate(focus.phases)}
    rows = [
        {
            "kind": "phase",
            "position": position[f.phase],
            "label": f.phase,
            "from_phase": f.phase,
            "to_phase": f.phase,
            "value_potential": f.value_potential,
            "asked_cost": f.asked_cost,
            "funded_cost": f.funded_cost,
            "count": f.count,
            "funded_count": f.funded_count,
            "most_significant": f.phase == focus.most_significant,
        }
        for f in focus.phases
    ]
    rows += [
        {
            "kind": "gap",
            "position": (position[g.from_phase] + position[g.to_phase]) / 2,
            "label": gap_label(g, lang),
            "from_phase": g.from_phase,
            "to_phase": g.to_phase,
            "value_potential": g.value_potential,
            "asked_cost": g.asked_cost,
            "funded_cost": g.funded_cost,
            "count": len(g.initiative_ids),
            "funded_count": len(g.funded_ids),
            "most_significant": False,
        }
        for g in focus.gaps
    ]
    columns = [
        "kind",
        "position",
        "label",
        "from_phase",
        "to_phase",
        "value_potential",
        "asked_cost",
        "funded_cost",
        "count",
        "funded_count",
        "most_significant",
    ]
    return pd.DataFrame(rows, columns=columns).sort_values("position", kind="stable").reset_index(drop=True)
