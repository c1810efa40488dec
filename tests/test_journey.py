"""Journey focus: value, cost and spend per phase, transitions on gaps, concentration."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cxprior.analysis import (
    concentration_sentence,
    gap_sentence,
    journey_focus,
    journey_frame,
    most_significant_sentence,
    parse_phase,
    phase_order,
)
from cxprior.domain import (
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    PortfolioResult,
    Scenario,
    Workspace,
)


def points_workspace(rows: list[tuple[str, str, float, float]]) -> Workspace:
    """One goal, one KPI from 0 to 100: an initiative's impact is its value in points."""
    return Workspace(
        goals=(Goal("G", "Grow", 1.0),),
        kpis=(Kpi("K", "Satisfaction", Direction.INCREASE, 0.0, 100.0),),
        links=(KpiGoalLink("K", "G"),),
        initiatives=tuple(Initiative(iid, iid, cost, journey_phase=phase) for iid, phase, cost, _ in rows),
        impacts=tuple(Impact(iid, "K", value) for iid, _, _, value in rows),
    )


@pytest.fixture
def journey_ws() -> Workspace:
    return points_workspace(
        [
            ("A", "Achat", 100.0, 30.0),
            ("B", "achat ", 50.0, 10.0),
            ("C", "Usage", 200.0, 20.0),
            ("D", "Achat > Onboarding", 80.0, 40.0),
            ("E", "Découverte", 10.0, -5.0),
            ("F", "", 20.0, 6.0),
        ]
    )


def solved(*selected: str, max_phases: int | None = None) -> PortfolioResult:
    return PortfolioResult(
        status="optimal",
        objective=0.0,
        gap=0.0,
        selected=selected,
        total_cost=0.0,
        cost_by_period={},
        value_by_goal={},
        solver="highs",
        solve_seconds=0.0,
        scenario=Scenario(max_phases=max_phases),
    )


@pytest.mark.parametrize(
    ("text", "phases"),
    [
        ("Achat > Onboarding", ("Achat", "Onboarding")),
        ("Achat→Onboarding", ("Achat", "Onboarding")),
        ("Achat -> Onboarding", ("Achat", "Onboarding")),
        ("Achat", ("Achat",)),
        ("", ()),
        (" > Achat", ("Achat",)),
        ("Achat > achat", ("Achat",)),
        ("Achat > Usage > Renouvellement", ("Achat", "Usage", "Renouvellement")),
    ],
)
def test_a_journey_phase_names_one_phase_or_a_transition(text, phases):
    assert parse_phase(text) == phases


def test_usual_phase_words_follow_the_journey_and_variants_are_one_phase(journey_ws):
    assert phase_order(journey_ws) == ("Découverte", "Achat", "Onboarding", "Usage")


def test_unknown_phase_words_keep_the_order_they_first_appear_in():
    ws = points_workspace([("A", "Usage", 1.0, 1.0), ("B", "Parrainage > Communauté", 1.0, 1.0)])
    assert phase_order(ws) == ("Usage", "Parrainage", "Communauté")


def test_phases_named_with_a_usual_word_follow_the_journey():
    names = [
        "Obtenir de l'aide",
        "Consommer et payer",
        "Renouveler ou déménager",
        "Souscrire > Emménager",
        "Découvrir",
    ]
    ws = points_workspace([(f"I{k}", name, 1.0, 1.0) for k, name in enumerate(names)])
    assert phase_order(ws) == (
        "Découvrir",
        "Souscrire",
        "Emménager",
        "Consommer et payer",
        "Obtenir de l'aide",
        "Renouveler ou déménager",
    )


def test_value_potential_sums_positive_values_and_a_transition_counts_half_in_each_phase(journey_ws):
    focus = journey_focus(journey_ws)
    by_phase = {f.phase: f for f in focus.phases}
    assert list(by_phase) == ["Découverte", "Achat", "Onboarding", "Usage"]
    # Achat: A 30 + B 10 + half of D's 40; Découverte's only initiative has negative value
    assert by_phase["Achat"].value_potential == pytest.approx(60.0)
    assert by_phase["Onboarding"].value_potential == pytest.approx(20.0)
    assert by_phase["Découverte"].value_potential == 0.0
    assert by_phase["Achat"].asked_cost == pytest.approx(190.0)
    assert by_phase["Onboarding"].asked_cost == pytest.approx(40.0)
    # Achat: A, B and the transition D touch it; Onboarding: only D
    assert (by_phase["Achat"].count, by_phase["Achat"].transition_count) == (3, 1)
    assert (by_phase["Onboarding"].count, by_phase["Onboarding"].transition_count) == (1, 1)


def test_per_phase_totals_and_unphased_initiatives_add_up_to_the_backlog(journey_ws):
    focus = journey_focus(journey_ws)
    assert focus.unphased.asked_cost == 20.0 and focus.unphased.value_potential == 6.0
    assert sum(f.asked_cost for f in focus.phases) + focus.unphased.asked_cost == pytest.approx(460.0)
    assert sum(f.value_share for f in focus.phases) + focus.unphased.value_share == pytest.approx(1.0)


def test_a_transition_is_reported_on_the_gap_with_its_full_amounts(journey_ws):
    focus = journey_focus(journey_ws, solved("D"))
    [gap] = focus.gaps
    assert (gap.from_phase, gap.to_phase) == ("Achat", "Onboarding")
    assert (gap.value_potential, gap.asked_cost, gap.funded_cost) == (40.0, 80.0, 80.0)
    assert gap.initiative_ids == ("D",) and gap.funded_ids == ("D",)
    assert "Achat > Onboarding" not in {f.phase for f in focus.phases}
    assert gap_sentence(gap, "en") == (
        "1 initiative (1 funded) works on the gap between Achat and Onboarding, "
        "where customers feel ruptures."
    )


def test_the_most_significant_phase_has_the_largest_value_at_stake(journey_ws):
    focus = journey_focus(journey_ws)
    assert focus.most_significant == "Achat"
    assert most_significant_sentence(focus, "en") == (
        "The phase with the most value at stake is Achat: 57% of the backlog's value potential "
        "(60.0 value points)."
    )
    assert most_significant_sentence(focus, "fr") == (
        "La phase où l'enjeu est le plus fort est Achat : 57\u00a0% du potentiel de valeur de l'ensemble "
        "des initiatives (60,0 points de valeur)."
    )


def test_without_phases_there_is_no_most_significant_phase():
    focus = journey_focus(points_workspace([("A", "", 1.0, 5.0)]))
    assert focus.phases == () and focus.most_significant is None
    assert most_significant_sentence(focus, "en").startswith("No initiative with positive value names")


def test_funded_cost_and_concentration_of_a_portfolio(journey_ws):
    focus = journey_focus(journey_ws, solved("A", "C", "D", max_phases=3))
    by_phase = {f.phase: f for f in focus.phases}
    assert by_phase["Achat"].funded_cost == pytest.approx(140.0)
    # A alone and D on the gap: a phase with funded cost always has funded initiatives
    assert by_phase["Achat"].funded_count == 2
    assert by_phase["Usage"].funded_cost == 200.0
    c = focus.concentration
    assert (c.phases_touched, c.max_phases, c.top_phase, c.within_limit) == (3, 3, "Usage", True)
    assert c.top_phase_share == pytest.approx(200 / 380)
    assert c.hhi == pytest.approx((140**2 + 40**2 + 200**2) / 380**2)
    assert concentration_sentence(focus, "en") == (
        "The portfolio touches 3 phases, within the scenario's limit of 3; 53% of its spend goes to Usage "
        "(concentration index 0.42, 1 = a single phase)."
    )


def test_a_funded_gap_touches_both_phases_which_can_exceed_the_limit(journey_ws):
    focus = journey_focus(journey_ws, solved("D"), scenario=Scenario(max_phases=1))
    c = focus.concentration
    assert (c.phases_touched, c.within_limit, c.hhi) == (2, False, pytest.approx(0.5))
    assert concentration_sentence(focus, "fr").startswith(
        "Le portefeuille touche 2 phases, plus que la limite de 1 du scénario"
    )


def test_unphased_spend_counts_in_the_whole_but_in_no_phase(journey_ws):
    c = journey_focus(journey_ws, solved("A", "F")).concentration
    assert c.top_phase == "Achat" and c.top_phase_share == pytest.approx(100 / 120)
    assert c.within_limit is None
    assert "the scenario sets no limit" in concentration_sentence(journey_focus(journey_ws, solved("A", "F")))


def test_no_concentration_without_a_solved_portfolio(journey_ws):
    infeasible = replace(solved(), status="infeasible", objective=None)
    focus = journey_focus(journey_ws, infeasible)
    assert focus.concentration is None and concentration_sentence(focus) is None
    assert all(f.funded_cost == 0 for f in focus.phases)


def test_a_chain_spreads_over_its_phases_and_gaps():
    ws = points_workspace([("A", "Achat > Usage > Renouvellement", 90.0, 30.0)])
    focus = journey_focus(ws)
    assert [f.asked_cost for f in focus.phases] == pytest.approx([30.0, 30.0, 30.0])
    assert [(g.from_phase, g.to_phase, g.asked_cost) for g in focus.gaps] == [
        ("Achat", "Usage", 45.0),
        ("Usage", "Renouvellement", 45.0),
    ]


def test_the_caller_can_impose_the_phase_order(journey_ws):
    focus = journey_focus(journey_ws, order=["usage", "Onboarding"])
    assert [f.phase for f in focus.phases] == ["Usage", "Onboarding", "Découverte", "Achat"]


def test_frame_places_each_gap_between_its_two_phases(journey_ws):
    frame = journey_frame(journey_focus(journey_ws), "fr")
    assert frame["label"].tolist() == [
        "Découverte",
        "Achat",
        "Passage Achat → Onboarding",
        "Onboarding",
        "Usage",
    ]
    assert frame["position"].tolist() == [0.0, 1.0, 1.5, 2.0, 3.0]
    assert frame.loc[frame["most_significant"], "label"].tolist() == ["Achat"]


def test_the_workspace_is_not_changed(journey_ws):
    before = repr(journey_ws)
    journey_focus(journey_ws, solved("A", "D"))
    assert repr(journey_ws) == before


def test_the_french_sample_shows_its_journey_in_order_with_a_gap_and_a_concentrated_optimum():
    from pathlib import Path

    from cxprior.domain import default_scenario
    from cxprior.portfolio import optimize
    from cxprior.workbook import read_workbook

    ws = read_workbook(Path(__file__).parents[1] / "sample_data" / "cx_workspace_fr.xlsx").workspace
    scenario = replace(default_scenario(ws), max_phases=3)
    result = optimize(ws, scenario, explain=False)
    focus = journey_focus(ws, result)
    assert [f.phase for f in focus.phases] == [
        "Découvrir",
        "Souscrire",
        "Emménager",
        "Consommer et payer",
        "Obtenir de l'aide",
        "Renouveler ou déménager",
    ]
    assert [(g.from_phase, g.to_phase) for g in focus.gaps] == [("Souscrire", "Emménager")]
    assert focus.most_significant == "Obtenir de l'aide"
    funded = sum(f.funded_cost for f in focus.phases) + focus.unphased.funded_cost
    assert funded == pytest.approx(result.total_cost)
    assert focus.concentration.max_phases == 3
    assert 0 < focus.concentration.hhi <= 1
