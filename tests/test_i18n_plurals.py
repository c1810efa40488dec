"""Sentences that carry a count agree with it: French says "0 initiative, 1 initiative,
2 initiatives" (Babel's rule: 0 and 1 are singular), English "0 initiatives, 1 initiative,
2 initiatives". Each sentence below was once written in the plural whatever the count
("1 initiatives sont financées")."""

from __future__ import annotations

import pytest

from cxprior.i18n import tr
from cxprior.portfolio import core_sentences
from cxprior.portfolio.sensitivity import CoreIndex, SensitivityResult

# key, its parameters besides count, and a word that is singular for 0 and 1 and plural for 2
CASES = [
    ("weights.core.part.core_members", {}, "initiative est financée", "initiatives sont financées"),
    ("weights.core.part.core_sampled", {}, "initiative est financée", "initiatives sont financées"),
    ("weights.core.part.borderline_members", {}, "dépend des poids", "dépendent des poids"),
    ("weights.core.part.borderline_sampled", {}, "en dépend ", "en dépendent "),
    ("weights.core.part.exterior", {}, "n'est jamais financée", "ne sont jamais financées"),
    (
        "weights.core.sampled_infeasible",
        {},
        "pondération tirée ne laissait",
        "pondérations tirées ne laissaient",
    ),
    ("ui.wsens.uploaded", {"file": "poids.xlsx"}, "membre lues", "membres lues"),
    ("ui.wsens.consensus_note", {}, "membre", "membres"),
    ("ui.wsens.consensus_used", {}, "membre sont", "membres sont"),
    ("report.count", {}, "initiative", "initiatives"),
    ("report.count_of", {"candidates": 48}, "initiative sur", "initiatives sur"),
    ("report.more_left_out", {}, "autre, listée", "autres, listées"),
    ("opt.and_more", {}, "autre", "autres"),
    ("opt.cli.spend", {"cost": "1 €"}, "initiative financée", "initiatives financées"),
    ("opt.cli.more", {}, "autre (toutes", "autres (toutes"),
    (
        "opt.cli.frontier_point",
        {"budget": "1 €", "value": "1", "cost": "1 €", "status": "optimal"},
        "initiative (optimal)",
        "initiatives (optimal)",
    ),
    ("opt.conflict.max_initiatives", {"limit": 0, "items": "I-1"}, "impose {n} initiative ", "initiatives"),
    ("opt.conflict.max_phases", {"limit": 0, "phases": "Achat"}, "phase du parcours", "phases du parcours"),
    ("opt.relax.max_initiatives", {"limit": 0, "more": 1}, "initiative d'au moins", "initiatives d'au moins"),
    ("opt.relax.max_phases", {"limit": 0, "more": 1}, "phase du parcours", "phases du parcours"),
    ("opt.why.focus_count", {"limit": 0}, "initiative, et celle", "initiatives, et chacune"),
    ("opt.why.focus_phases", {"limit": 0, "phase": "Achat"}, "phase du parcours", "phases du parcours"),
    (
        "weights.members.portfolio",
        {"member": "Ana", "own": "1", "agreed": "1", "regret": "0"},
        "initiative,",
        "initiatives,",
    ),
    (
        "weights.cli.head",
        {"value": "1", "status": "optimal", "solves": 3, "seconds": "0,1"},
        "initiative,",
        "initiatives,",
    ),
]


@pytest.mark.parametrize(("key", "params", "singular", "plural"), CASES, ids=[c[0] for c in CASES])
def test_in_french_zero_and_one_are_singular_and_two_is_plural(key, params, singular, plural):
    def say(n: int) -> str:
        # the limits of the optimizer's sentences are their count too
        extra = {"limit": n} if "limit" in params else {}
        return tr(key, "fr", **{**params, **extra, "count": n})

    for n in (0, 1):
        assert singular.replace("{n}", str(n)) in say(n), say(n)
        assert plural in singular or plural not in say(n), say(n)
    assert plural in say(2), say(2)


def test_in_english_one_is_singular_and_zero_and_two_are_plural():
    assert tr("report.count", "en", count=0) == "0 initiatives"
    assert tr("report.count", "en", count=1) == "1 initiative"
    assert tr("report.count", "en", count=2) == "2 initiatives"
    assert tr("ui.wsens.consensus_note", "en", count=1) == "consensus weights of 1 member"


def core(portfolios: int, inside: tuple[str, ...], borderline: tuple[str, ...], outside: tuple[str, ...]):
    index = {i: 1.0 for i in inside} | {i: 0.5 for i in borderline} | {i: 0.0 for i in outside}
    return CoreIndex(index=index, portfolios=portfolios)


def test_the_core_sentence_agrees_each_part_with_its_own_count():
    # one initiative in every member's portfolio, two in some, none in none
    result = SensitivityResult(
        status="optimal",
        objective=1.0,
        selected=("A",),
        weights={"G1": 1.0},
        member_core=core(3, ("A",), ("B", "C"), ()),
    )
    fr = core_sentences(result, "fr")[0]
    assert fr == (
        "Sur les portefeuilles des 3 membres : 1 initiative est financée quel que soit le membre "
        "(noyau), 2 dépendent des poids retenus (limite), 0 n'est jamais financée (extérieur)."
    )
    en = core_sentences(result, "en")[0]
    assert en == (
        "Over the 3 members' portfolios: 1 initiative is funded whatever the member (core), "
        "2 depend on whose weights are used (borderline), 0 are never funded (exterior)."
    )
