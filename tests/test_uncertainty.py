"""Monte Carlo robustness: drawn impacts and delivery, core index, value percentiles."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from cxprior.domain import (
    Direction,
    Goal,
    Impact,
    InfeasibleScenario,
    Initiative,
    Kpi,
    KpiGoalLink,
    Scenario,
    ScenarioError,
    Workspace,
    score,
)
from cxprior.portfolio.robustness import (
    BORDERLINE,
    CORE,
    RARE,
    _triangular,
    categorise,
    category_label,
    distribution_frame,
    draw_values,
    monte_carlo,
    robustness_frame,
    summary_sentences,
)


def points_ws(*rows: tuple, goals: tuple[Goal, ...] = (Goal("G", "Grow", 1.0),)) -> Workspace:
    """KPI K from 0 to 100 linked to every goal: an impact of 10 is worth 10 value points.

    rows: (id, cost, impact, confidence, low, high, extra Initiative fields as a dict).
    """
    initiatives, impacts = [], []
    for iid, cost, impact, confidence, low, high, *extra in rows:
        initiatives.append(
            Initiative(iid, f"Initiative {iid}", cost, confidence=confidence, **(extra[0] if extra else {}))
        )
        impacts.append(Impact(iid, "K", impact, low, high))
    return Workspace(
        goals=goals,
        kpis=(Kpi("K", "Satisfaction", Direction.INCREASE, 0.0, 100.0),),
        links=tuple(KpiGoalLink("K", g.goal_id) for g in goals),
        initiatives=tuple(initiatives),
        impacts=tuple(impacts),
    )


@pytest.fixture
def knapsack() -> Workspace:
    # budget 100: A + C (value 45) beats B + C (35) and A alone (30)
    return points_ws(
        ("A", 60.0, 30.0, 1.0, None, None),
        ("B", 50.0, 20.0, 1.0, None, None),
        ("C", 40.0, 15.0, 1.0, None, None),
    )


def test_triangular_inverse_cdf_on_hand_checked_points():
    low, mode, high = np.array([0.0]), np.array([5.0]), np.array([10.0])
    for u, expected in [(0.125, 2.5), (0.5, 5.0), (0.875, 7.5), (0.0, 0.0), (1.0, 10.0)]:
        assert _triangular(np.array([[u]]), low, mode, high)[0, 0] == pytest.approx(expected)
    # a range of zero width is the likely value whatever the draw
    assert _triangular(np.array([[0.3]]), mode, mode, mode)[0, 0] == 5.0


def test_without_ranges_and_with_full_confidence_every_draw_is_the_value_model(knapsack):
    ids = ("A", "B", "C")
    drawn = draw_values(knapsack, ids, 20, np.random.default_rng(1))
    expected = [score(knapsack).value[i] for i in ids]
    assert np.allclose(drawn.value, expected)
    assert np.allclose(drawn.goal_value["G"], expected)


def test_a_drawn_impact_stays_within_its_range_and_averages_the_triangle():
    ws = points_ws(("A", 1.0, 10.0, 1.0, 0.0, 30.0))
    values = draw_values(ws, ("A",), 20_000, np.random.default_rng(0)).value[:, 0]
    assert values.min() >= 0.0 and values.max() <= 30.0
    assert values.mean() == pytest.approx((0 + 10 + 30) / 3, abs=0.2)


def test_a_missing_bound_collapses_onto_the_likely_impact_and_a_wrong_side_is_widened():
    only_low = points_ws(("A", 1.0, 10.0, 1.0, 4.0, None))
    values = draw_values(only_low, ("A",), 500, np.random.default_rng(0)).value[:, 0]
    assert values.min() >= 4.0 and values.max() <= 10.0 and values.min() < 9.0
    wrong_side = points_ws(("A", 1.0, 10.0, 1.0, 12.0, 15.0))
    values = draw_values(wrong_side, ("A",), 500, np.random.default_rng(0)).value[:, 0]
    assert values.min() >= 10.0 and values.max() <= 15.0


def test_an_initiative_delivers_with_its_confidence_and_is_then_worth_its_full_value():
    ws = points_ws(("A", 1.0, 20.0, 0.25, None, None))
    values = draw_values(ws, ("A",), 4000, np.random.default_rng(0)).value[:, 0]
    assert set(np.unique(values)) == {0.0, 20.0}
    assert (values == 20.0).mean() == pytest.approx(0.25, abs=0.03)


def test_certain_impacts_give_the_deterministic_optimum_in_every_draw(knapsack):
    result = monte_carlo(knapsack, Scenario(budget_total=100.0), draws=30, seed=3)
    assert result.chosen == ("A", "C")
    assert result.core_index == {"A": 1.0, "B": 0.0, "C": 1.0}
    assert result.category == {"A": CORE, "B": RARE, "C": CORE}
    assert result.chosen_value == pytest.approx((45.0,) * 30)
    assert result.optimum_value == pytest.approx((45.0,) * 30)
    assert result.percentiles() == pytest.approx({10: 45.0, 50: 45.0, 90: 45.0})
    assert (result.infeasible_draws, result.unproven_draws) == (0, 0)


def test_the_core_index_of_an_uncertain_rival_is_its_chance_of_being_worth_more():
    # one slot; B's impact ~ triangular(0, 10, 30) beats A's certain 9 with P = 1 − 9²/(30 × 10) = 0.73
    ws = points_ws(("A", 1.0, 9.0, 1.0, None, None), ("B", 1.0, 10.0, 1.0, 0.0, 30.0))
    result = monte_carlo(ws, Scenario(max_initiatives=1), draws=1000, seed=7)
    assert result.chosen == ("B",)
    assert result.core_index["B"] == pytest.approx(0.73, abs=0.04)
    assert result.core_index["A"] == pytest.approx(1 - result.core_index["B"])
    assert result.category == {"A": BORDERLINE, "B": BORDERLINE}
    assert result.expected_chosen_value == pytest.approx(10.0)


def test_an_initiative_that_may_not_deliver_splits_the_draws():
    # A is worth 20 when it delivers (60 %), B a certain 10; one slot
    ws = points_ws(("A", 1.0, 20.0, 0.6, None, None), ("B", 1.0, 10.0, 1.0, None, None))
    result = monte_carlo(ws, Scenario(max_initiatives=1), draws=400, seed=0)
    assert result.chosen == ("A",)
    assert result.core_index["A"] == pytest.approx(0.6, abs=0.06)
    assert set(result.chosen_value) == {0.0, 20.0}
    delivered = result.chosen_value.count(20.0) / 400
    assert result.core_index["A"] == pytest.approx(delivered)
    assert result.percentiles() == {10: 0.0, 50: 20.0, 90: 20.0}
    # the clairvoyant optimum takes B whenever A fails: never below 10
    assert min(result.optimum_value) == pytest.approx(10.0)


def test_an_initiative_worth_nothing_in_a_draw_is_not_selected_even_with_budget_to_spare():
    ws = points_ws(("A", 10.0, 10.0, 0.5, None, None), ("B", 10.0, 5.0, 1.0, None, None))
    result = monte_carlo(ws, Scenario(budget_total=1000.0), draws=200, seed=2)
    assert result.core_index["B"] == 1.0
    assert result.core_index["A"] == pytest.approx(0.5, abs=0.08)


def test_without_delivery_risk_only_the_ranges_vary_and_values_are_weighted_by_confidence():
    ws = points_ws(("A", 1.0, 20.0, 0.6, None, None), ("B", 1.0, 10.0, 1.0, None, None))
    drawn = draw_values(ws, ("A", "B"), 50, np.random.default_rng(0), delivery_risk=False)
    assert np.allclose(drawn.value, [12.0, 10.0])
    result = monte_carlo(ws, Scenario(max_initiatives=1), draws=50, delivery_risk=False)
    assert result.core_index == {"A": 1.0, "B": 0.0}
    assert result.chosen_value == pytest.approx((12.0,) * 50)
    assert summary_sentences(result, "en")[0].startswith(
        "Each draw picks every impact between its low and high"
    )
    assert "weighted by the initiative's confidence" in summary_sentences(result, "en")[0]


def test_mandatory_and_forced_in_items_are_in_every_draw():
    ws = points_ws(
        ("A", 50.0, 1.0, 0.3, None, None, {"mandatory": True}),
        ("B", 50.0, 1.0, 0.3, None, None),
        ("C", 50.0, 40.0, 1.0, None, None),
    )
    result = monte_carlo(ws, Scenario(budget_total=100.0, force_in=("B",)), draws=50, seed=0)
    assert result.core_index == {"A": 1.0, "B": 1.0, "C": 0.0}


def test_a_goal_share_that_a_draw_cannot_meet_counts_as_an_infeasible_draw():
    # A is mandatory and serves G1 only; G2 needs 10 % of the value and only B (50 %) serves it
    goals = (Goal("G1", "Grow", 1.0), Goal("G2", "Trust", 1.0))
    trust = Workspace(
        goals=goals,
        kpis=(
            Kpi("K", "Satisfaction", Direction.INCREASE, 0.0, 100.0),
            Kpi("T", "Trust", Direction.INCREASE, 0.0, 100.0),
        ),
        links=(KpiGoalLink("K", "G1"), KpiGoalLink("T", "G2")),
        initiatives=(
            Initiative("A", "Initiative A", 1.0, mandatory=True),
            Initiative("B", "Initiative B", 1.0, confidence=0.5),
        ),
        impacts=(Impact("A", "K", 10.0), Impact("B", "T", 10.0)),
    )
    result = monte_carlo(trust, Scenario(min_goal_share={"G2": 0.1}), draws=200, seed=4)
    assert result.chosen == ("A", "B")
    assert result.infeasible_draws == pytest.approx(100, abs=20)
    assert result.feasible_draws == 200 - result.infeasible_draws
    assert result.core_index == {"A": 1.0, "B": 1.0}
    assert np.isnan(result.optimum_value).sum() == result.infeasible_draws
    assert summary_sentences(result, "en")[3].startswith(f"In {result.infeasible_draws} draws (")


def test_without_a_mandatory_item_a_failed_draw_drops_what_the_goal_share_no_longer_allows():
    goals = (Goal("G1", "Grow", 1.0), Goal("G2", "Trust", 1.0))
    trust = Workspace(
        goals=goals,
        kpis=(
            Kpi("K", "Satisfaction", Direction.INCREASE, 0.0, 100.0),
            Kpi("T", "Trust", Direction.INCREASE, 0.0, 100.0),
        ),
        links=(KpiGoalLink("K", "G1"), KpiGoalLink("T", "G2")),
        initiatives=(
            Initiative("A", "Initiative A", 1.0),
            Initiative("B", "Initiative B", 1.0, confidence=0.5),
        ),
        impacts=(Impact("A", "K", 10.0), Impact("B", "T", 10.0)),
    )
    result = monte_carlo(trust, Scenario(min_goal_share={"G2": 0.1}), draws=200, seed=4)
    assert result.infeasible_draws == 0
    assert result.core_index["A"] == result.core_index["B"] == pytest.approx(0.5, abs=0.1)


def test_the_same_seed_gives_the_same_result_and_another_seed_another():
    ws = points_ws(("A", 1.0, 9.0, 0.8, 5.0, 12.0), ("B", 1.0, 10.0, 0.9, 0.0, 30.0))
    first = monte_carlo(ws, Scenario(max_initiatives=1), draws=100, seed=11)
    again = monte_carlo(ws, Scenario(max_initiatives=1), draws=100, seed=11)
    other = monte_carlo(ws, Scenario(max_initiatives=1), draws=100, seed=12)
    assert replace(first, seconds=0.0) == replace(again, seconds=0.0)
    assert first.chosen_value != other.chosen_value


def test_progress_is_reported_after_every_draw_in_one_process(knapsack):
    calls = []
    monte_carlo(
        knapsack,
        Scenario(budget_total=100.0),
        draws=5,
        workers=0,
        progress=lambda d, t, left: calls.append((d, t)),
    )
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_a_chosen_portfolio_other_than_the_optimum_can_be_assessed(knapsack):
    result = monte_carlo(knapsack, Scenario(budget_total=100.0), draws=10, chosen=("B", "C"))
    assert result.chosen == ("B", "C")
    assert result.chosen_value == pytest.approx((35.0,) * 10)
    assert result.core_index["B"] == 0.0


def test_bad_requests_are_named_errors(knapsack):
    with pytest.raises(ScenarioError) as caught:
        monte_carlo(knapsack, Scenario(), draws=5, chosen=("A", "Z9"))
    assert (
        caught.value.message == "The portfolio to assess names initiatives that are not in the workspace: Z9."
    )
    with pytest.raises(ScenarioError, match="at least 1, not 0"):
        monte_carlo(knapsack, Scenario(), draws=0)
    with pytest.raises(ScenarioError, match="au moins égal à 1"):
        monte_carlo(knapsack, Scenario(), draws=-3, lang="fr")
    with pytest.raises(ScenarioError, match=r"not 2\.5"):
        monte_carlo(knapsack, Scenario(), draws=2.5)


def test_an_infeasible_scenario_is_refused_with_its_explanation():
    ws = points_ws(("A", 50.0, 1.0, 1.0, None, None, {"mandatory": True}))
    with pytest.raises(InfeasibleScenario):
        monte_carlo(ws, Scenario(budget_total=10.0), draws=5)


@pytest.mark.parametrize(
    ("index", "category"),
    [(1.0, CORE), (0.9, CORE), (0.89, BORDERLINE), (0.1, BORDERLINE), (0.09, RARE), (0.0, RARE)],
)
def test_core_index_thresholds(index, category):
    assert categorise(index) == category


def test_labels_tell_never_from_rare():
    assert category_label(RARE, 0.0, "en") == "Never"
    assert category_label(RARE, 0.05, "fr") == "Rare"
    assert category_label(CORE, 1.0, "fr") == "Noyau robuste"


def test_summary_and_tables_of_a_deterministic_run(knapsack):
    result = monte_carlo(knapsack, Scenario(budget_total=100.0), draws=20)
    assert summary_sentences(result, "en")[1:] == (
        "Over 20 draws of the impacts, the portfolio's value lies between 45.0 and 45.0 value points "
        "8 times out of 10 (median 45.0; 45.0 expected).",
        "2 of its 2 initiatives are in the robust core: the best portfolio keeps them in at least 90% "
        "of the draws.",
    )
    assert summary_sentences(result, "en")[0].endswith(
        "An initiative can only be in the robust core if its confidence is at least 90%."
    )
    assert summary_sentences(result, "fr")[1] == (
        "Sur 20 tirages des impacts, la valeur du portefeuille est comprise entre 45,0 et 45,0 points "
        "8 fois sur 10 (médiane 45,0 ; 45,0 attendus)."
    )
    table = robustness_frame(result, knapsack, "en")
    assert table["initiative_id"].tolist() == ["A", "C", "B"]
    assert table["category_label"].tolist() == ["Robust core", "Robust core", "Never"]
    assert table["in_chosen"].tolist() == [True, True, False]
    frame = distribution_frame(result)
    assert frame["draw"].tolist() == list(range(1, 21))
    assert frame["chosen_value"].tolist() == pytest.approx([45.0] * 20)


def test_on_the_french_sample_mandatory_items_are_core_and_the_run_is_reproducible():
    from pathlib import Path

    from cxprior.domain import default_scenario
    from cxprior.portfolio import optimize
    from cxprior.workbook import read_workbook

    ws = read_workbook(Path(__file__).parents[1] / "sample_data" / "cx_workspace_fr.xlsx").workspace
    scenario = default_scenario(ws)
    first = monte_carlo(ws, scenario, draws=20, seed=5)
    assert first.chosen == optimize(ws, scenario, explain=False).selected
    mandatory = [i.initiative_id for i in ws.initiatives if i.mandatory]
    assert mandatory and all(first.core_index[i] == 1.0 for i in mandatory)
    p = first.percentiles()
    assert p[10] <= p[50] <= p[90]
    # each draw's optimum is at least the chosen portfolio's value, up to the tie-break's ε per
    # initiative (10 × 1e-6 of the optimum each, so well under 1e-3 for a few dozen items)
    assert all(o >= c - 1e-3 * abs(c) for o, c in zip(first.optimum_value, first.chosen_value, strict=True))
    assert sum(o > c + 1e-6 for o, c in zip(first.optimum_value, first.chosen_value, strict=True)) > 10
    assert replace(monte_carlo(ws, scenario, draws=20, seed=5), seconds=0.0) == replace(first, seconds=0.0)
