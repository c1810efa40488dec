"""A small portfolio whose figures one can redo by hand, for the COMEX pack tests.

Goal weights 3 and 1 (w = 0.75, 0.25). KPI weights: NPS 0.75, CHURN 0.625, ENPS 0.375.
Values: A 15, B 7.8125, C 30.3125, D 9.375 (funded: 62.5 points); by goal G1 56.25, G2 6.25.
Costs: A 150k, B 100k, C 300k, D 60k → 610k (2026: 440k, 2027: 170k).
Expected KPI movement: NPS 20 → 30 (half way to 40), CHURN 12 → 11 (a quarter of the way
to 8), ENPS 5 → 10 (a quarter of the way to 25).
Some user text is hostile (starts with = + - @) and must stay text in the Excel pack.
"""

from __future__ import annotations

import datetime as dt

from cxprior.domain import (
    Direction,
    ExclusionReason,
    FocusIndicators,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    PortfolioResult,
    Scenario,
    Workspace,
)

HOSTILE_NAME = '=HYPERLINK("http://evil.example","clic")'
HOSTILE_OWNER = "+33 6 12 34 56 78"
HOSTILE_TEAM = "@équipe"
HOSTILE_COMMENT = "-1 pour moi : =SUM(A1:A9)"


def _initiative(iid: str, name: str, c26: float, c27: float, **kwargs: object) -> Initiative:
    return Initiative(iid, name, c26 + c27, {"2026": c26, "2027": c27}, **kwargs)


def pack_workspace() -> Workspace:
    return Workspace(
        goals=(Goal("G1", "Fidéliser les clients", 3.0), Goal("G2", "Réduire le coût de service", 1.0)),
        kpis=(
            Kpi("NPS", "Net promoter score", Direction.INCREASE, 20.0, 40.0, "pts"),
            Kpi("CHURN", "Taux d'attrition", Direction.DECREASE, 12.0, 8.0, "%"),
            Kpi("ENPS", "eNPS des conseillers", Direction.INCREASE, 5.0, 25.0, "pts", side="employee"),
        ),
        links=(
            KpiGoalLink("NPS", "G1", 1.0),
            KpiGoalLink("CHURN", "G1", 0.5),
            KpiGoalLink("CHURN", "G2", 1.0),
            KpiGoalLink("ENPS", "G1", 0.5),
        ),
        initiatives=(
            _initiative(
                "A",
                "Rappel client « en moins d'une heure »",
                100_000,
                50_000,
                team="Service client",
                owner="Élodie Martin",
                journey_phase="Obtenir de l'aide",
            ),
            _initiative(
                "B",
                HOSTILE_NAME,
                80_000,
                20_000,
                team=HOSTILE_TEAM,
                owner=HOSTILE_OWNER,
                journey_phase="Acheter",
                confidence=0.5,
            ),
            _initiative(
                "C",
                "Portail self-care",
                200_000,
                100_000,
                team="Digital",
                owner="Chloé Dubois",
                journey_phase="Utiliser",
                exclusive_group="canal",
            ),
            _initiative(
                "D",
                "Formation des conseillers",
                60_000,
                0,
                team="RH",
                owner="Hervé Lefèvre",
                journey_phase="Obtenir de l'aide",
                mandatory=True,
            ),
            _initiative("E", "Refonte du site", 300_000, 200_000, team="Digital", journey_phase="Découvrir"),
            _initiative(
                "F",
                "Chatbot",
                50_000,
                50_000,
                team="Digital",
                journey_phase="Obtenir de l'aide",
                exclusive_group="canal",
            ),
        ),
        impacts=(
            Impact("A", "NPS", 4.0),
            Impact("B", "CHURN", -1.0),
            Impact("C", "NPS", 6.0),
            Impact("C", "CHURN", -0.5),
            Impact("D", "ENPS", 5.0),
            Impact("E", "NPS", 3.0),
            Impact("F", "NPS", 2.0),
        ),
        periods=("2026", "2027"),
    )


def pack_scenario() -> Scenario:
    return Scenario(
        name="Budget 2026–2027",
        budget_by_period={"2026": 450_000.0, "2027": 200_000.0},
        max_phases=3,
        min_goal_share={"G2": 0.1},
        force_in=("A",),
        force_reasons={"A": "engagement du COMEX"},
    )


E_REASON = "Pas assez de place : il faudrait qu'elle coûte 400 000 € de moins."
F_REASON = "Groupe exclusif « canal » : C est retenue à sa place."


def pack_result() -> PortfolioResult:
    return PortfolioResult(
        status="optimal",
        objective=62.5,
        gap=0.0,
        selected=("A", "B", "C", "D"),
        total_cost=610_000.0,
        cost_by_period={"2026": 440_000.0, "2027": 170_000.0},
        value_by_goal={"G1": 56.25, "G2": 6.25},
        solver="highs",
        solve_seconds=0.02,
        scenario=pack_scenario(),
        focus=FocusIndicators(4, 3, "Utiliser", 300 / 610, 144_100 / 372_100),
        exclusions=(
            ExclusionReason("E", "no_room", E_REASON, cost_cut_needed=400_000.0),
            ExclusionReason("F", "exclusive_group", F_REASON, other_ids=("C",)),
        ),
        forced_in_cost={"A": 0.0},
        marginal_value_per_euro={"2026": 0.00005},
    )


def pack_decisions() -> list[object]:
    """Submitted, then approved: given newest first, as the store might list them."""
    return [
        {
            "status": "approved",
            "author": "Anne Lévêque",
            "at": dt.datetime(2026, 11, 20, 17, 30),
            "comment": HOSTILE_COMMENT,
        },
        {"status": "submitted", "author": "Léa Moreau", "at": dt.datetime(2026, 11, 18, 9, 5), "comment": ""},
    ]
