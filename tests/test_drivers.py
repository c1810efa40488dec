"""Key-driver analysis: exact Shapley shares of R², bootstrap intervals, words, alignment."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest

from cxprior.analysis import (
    DriverAnalysis,
    DriverResult,
    DriversError,
    alignment_sentence,
    analyse_drivers,
    bootstrap_importances,
    drivers_frame,
    drivers_sentences,
    headline_sentence,
    misalignment_index,
    phase_alignment,
    shapley_importances,
    shapley_weights,
    subset_r2,
)
from cxprior.domain import Initiative, PortfolioResult, Workspace

# --- a reference computed the slow, obvious way --------------------------------------------------


def refit_r2(x: np.ndarray, y: np.ndarray, columns: list[int]) -> float:
    """R² of an OLS fit with an intercept on `columns`, refitted from the rows."""
    design = np.column_stack([np.ones(len(y)), x[:, columns]])
    coefficients, *_ = np.linalg.lstsq(design, y, rcond=None)
    residuals = y - design @ coefficients
    centred = y - y.mean()
    return 1.0 - residuals @ residuals / (centred @ centred)


def brute_force_shapley(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """φ_j = Σ over subsets S of the others of |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S))."""
    p = x.shape[1]
    values = np.zeros(p)
    for j in range(p):
        others = [k for k in range(p) if k != j]
        for size in range(p):
            weight = math.factorial(size) * math.factorial(p - size - 1) / math.factorial(p)
            for subset in itertools.combinations(others, size):
                with_j = refit_r2(x, y, [*subset, j])
                without = refit_r2(x, y, list(subset)) if subset else 0.0
                values[j] += weight * (with_j - without)
    return values


def correlated_data(seed: int, n: int = 80, p: int = 4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, p)) + rng.normal(size=(n, 1)) * 0.8  # drivers correlated about 0.4
    y = x @ rng.normal(size=p) + rng.normal(size=n) * 2.0
    return x, y


def names_for(p: int) -> list[str]:
    return [f"D{k}" for k in range(p)]


# --- exactness --------------------------------------------------------------------------------


@pytest.mark.parametrize("seed,p", [(1, 1), (2, 2), (3, 4), (4, 5)])
def test_the_importances_are_the_shapley_values_of_refitting_every_subset(seed, p):
    x, y = correlated_data(seed, p=p)
    analysis = analyse_drivers(y, x, names_for(p), resamples=0)
    expected = brute_force_shapley(x, y)
    for k, name in enumerate(names_for(p)):
        assert analysis.driver(name).importance == pytest.approx(expected[k], abs=1e-10)


def test_every_subsets_r2_from_the_correlations_is_the_r2_of_refitting_it():
    x, y = correlated_data(5, p=4)
    r2 = subset_r2(np.corrcoef(np.column_stack([x, y]), rowvar=False))
    for mask in range(16):
        columns = [k for k in range(4) if mask >> k & 1]
        assert r2[mask] == pytest.approx(refit_r2(x, y, columns) if columns else 0.0, abs=1e-10)


def test_the_importances_add_up_to_the_r2_of_the_full_fit():
    x, y = correlated_data(6, p=6)
    analysis = analyse_drivers(y, x, names_for(6), resamples=0)
    assert sum(d.importance for d in analysis.drivers) == pytest.approx(analysis.r2, abs=1e-12)
    assert analysis.r2 == pytest.approx(refit_r2(x, y, list(range(6))), abs=1e-10)
    assert sum(d.share for d in analysis.drivers) == pytest.approx(1.0, abs=1e-12)


def test_the_order_of_the_columns_changes_no_importance():
    x, y = correlated_data(7, p=5)
    names = names_for(5)
    first = analyse_drivers(y, x, names, resamples=0)
    order = [3, 0, 4, 2, 1]
    second = analyse_drivers(y, x[:, order], [names[k] for k in order], resamples=0)
    for name in names:
        assert second.driver(name).importance == pytest.approx(first.driver(name).importance, abs=1e-12)
    assert [d.name for d in second.drivers] == [d.name for d in first.drivers]


def test_two_orthogonal_drivers_get_their_squared_correlations():
    # x1 = (1,−1,1,−1), x2 = (1,1,−1,−1) and e = (1,−1,−1,1) are orthogonal and centred;
    # y = 2·x1 + x2 + e. |y|² = 4·4 + 4 + 4 = 24, y·x1 = 8, y·x2 = 4, |x|² = 4, so
    # r(y,x1)² = 64 / (24·4) = 2/3 and r(y,x2)² = 16 / 96 = 1/6; R² = 5/6 (e is unexplained).
    # With orthogonal drivers a driver's gain is the same in every subset: its r².
    # The pattern is repeated three times to reach the 12 rows needed (2 drivers + 10).
    x1 = np.array([1, -1, 1, -1] * 3, dtype=float)
    x2 = np.array([1, 1, -1, -1] * 3, dtype=float)
    e = np.array([1, -1, -1, 1] * 3, dtype=float)
    y = 2 * x1 + x2 + e
    analysis = analyse_drivers(y, np.column_stack([x1, x2]), ["x1", "x2"], resamples=0)
    assert analysis.driver("x1").importance == pytest.approx(2 / 3)
    assert analysis.driver("x2").importance == pytest.approx(1 / 6)
    assert analysis.r2 == pytest.approx(5 / 6)
    assert analysis.driver("x1").share == pytest.approx(0.8)  # (2/3) / (5/6)
    # the OLS slopes are the ones y was built with; the intercept is 0 (everything centred)
    assert analysis.driver("x1").coefficient == pytest.approx(2.0)
    assert analysis.driver("x2").coefficient == pytest.approx(1.0)
    assert analysis.intercept == pytest.approx(0.0, abs=1e-12)
    assert analysis.most_significant == "x1"


def test_two_drivers_that_play_the_same_part_share_r2_equally():
    # every row (a, b, y) also appears as (b, a, y): the data cannot tell the drivers apart,
    # so by symmetry each gets half of R²
    x, y = correlated_data(8, n=40, p=2)
    swapped = np.vstack([x, x[:, ::-1]])
    analysis = analyse_drivers(np.concatenate([y, y]), swapped, ["a", "b"], resamples=0)
    assert analysis.driver("a").importance == pytest.approx(analysis.r2 / 2, abs=1e-12)


def test_the_weights_of_three_drivers_are_the_shapley_weights():
    # p = 3: a driver joining the empty set counts 1/3, a set of one 1/6 (2 of them), a set of two 1/3
    weights = shapley_weights(3)
    assert weights[0b001, 0] == pytest.approx(1 / 3)  # R²({0}) enters φ_0 as "joined the empty set"
    assert weights[0b011, 0] == pytest.approx(1 / 6)
    assert weights[0b111, 0] == pytest.approx(1 / 3)
    assert weights[0b010, 0] == pytest.approx(-1 / 6)  # R²({1}) is what 0 adds to
    assert weights[0b110, 0] == pytest.approx(-1 / 3)
    assert weights[0b000, 0] == pytest.approx(-1 / 3)


def test_a_driver_that_adds_nothing_new_in_a_subset_gains_nothing_there():
    # a zero-variance column (a row and column of zeros) is skipped by the recursion
    x, y = correlated_data(9, p=2)
    correlation = np.corrcoef(np.column_stack([x, y]), rowvar=False)
    padded = np.zeros((4, 4))
    padded[np.ix_([0, 1, 3], [0, 1, 3])] = correlation
    importances = shapley_importances(padded)
    assert importances[2] == 0.0
    assert importances[:2].sum() == pytest.approx(refit_r2(x, y, [0, 1]))


# --- the bootstrap ------------------------------------------------------------------------------


def test_the_intervals_contain_the_estimate_and_come_back_the_same_with_the_same_seed():
    x, y = correlated_data(10, n=400, p=4)
    first = analyse_drivers(y, x, names_for(4), resamples=200, seed=7)
    again = analyse_drivers(y, x, names_for(4), resamples=200, seed=7)
    other = analyse_drivers(y, x, names_for(4), resamples=200, seed=8)
    for d in first.drivers:
        assert d.low <= d.importance <= d.high
    assert first == again
    assert [d.low for d in other.drivers] != [d.low for d in first.drivers]


def test_resamples_give_the_same_draws_whatever_their_grouping(monkeypatch):
    import cxprior.analysis.drivers as drivers_module

    x, y = correlated_data(11, n=60, p=3)
    whole, _ = bootstrap_importances(y, x, 12, 3)
    monkeypatch.setattr(drivers_module, "_CHUNK_CELLS", 1)  # one resample per group
    one_by_one, _ = bootstrap_importances(y, x, 12, 3)
    np.testing.assert_allclose(one_by_one, whole, rtol=0, atol=1e-13)


def test_without_resamples_there_is_no_interval_and_no_overlap_sentence():
    x, y = correlated_data(12, p=3)
    analysis = analyse_drivers(y, x, names_for(3), resamples=0)
    assert all(d.low is None and d.high is None for d in analysis.drivers)
    assert not analysis.top_two_overlap
    assert analysis.to_json()["drivers"][0]["low"] is None


def test_progress_counts_every_resample_of_everyone_and_of_each_segment():
    x, y = correlated_data(13, n=120, p=2)
    labels = ["A"] * 60 + ["B"] * 60
    calls = []
    analyse_drivers(
        y, x, ["a", "b"], segments=labels, resamples=30, progress=lambda d, t: calls.append((d, t))
    )
    assert calls[-1] == (90, 90)  # 30 for everyone + 30 per segment
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


# --- what the analysis reports --------------------------------------------------------------------


def test_rows_with_a_missing_value_are_left_out_and_counted():
    x, y = correlated_data(14, n=50, p=3)
    x[4, 1] = np.nan
    y[9] = np.nan
    analysis = analyse_drivers(y, x, names_for(3), resamples=0)
    assert (analysis.n, analysis.dropped) == (48, 2)
    kept = np.ones(50, dtype=bool)
    kept[[4, 9]] = False
    assert analysis.driver("D1").mean == pytest.approx(x[kept, 1].mean())


def test_the_json_is_the_contract_and_nothing_more():
    x, y = correlated_data(15, p=3)
    document = analyse_drivers(y, x, names_for(3), resamples=20).to_json()
    assert list(document) == ["n", "dropped", "r2", "drivers", "most_significant"]
    assert [list(d) for d in document["drivers"]] == [
        ["name", "importance", "share", "low", "high", "mean"]
    ] * 3
    importances = [d["importance"] for d in document["drivers"]]
    assert importances == sorted(importances, reverse=True)
    assert document["most_significant"] == document["drivers"][0]["name"]


def test_two_drivers_above_090_correlation_get_a_warning_naming_both():
    rng = np.random.default_rng(16)
    a = rng.normal(size=200)
    b = a + rng.normal(size=200) * 0.2  # r = 1 / sqrt(1.04) ≈ 0.98
    c = rng.normal(size=200)
    y = a + c + rng.normal(size=200)
    analysis = analyse_drivers(y, np.column_stack([a, b, c]), ["a", "b", "c"], resamples=0)
    assert [(w.kind, w.subjects) for w in analysis.warnings] == [("collinear", ("a", "b"))]
    assert "a and b move together" in drivers_sentences(analysis)[2]


def headline_case(first: float, second: float, overlap: bool) -> DriverAnalysis:
    low_second, high_second = second - 0.02, second + 0.02
    low_first = low_second + 0.01 if overlap else high_second + 0.01
    drivers = (
        DriverResult("Get help", first, first / 0.52, low_first, first + 0.03, 6.1, 1.0),
        DriverResult("Buy", second, second / 0.52, low_second, high_second, 7.0, 1.0),
    )
    return DriverAnalysis(n=800, dropped=3, r2=0.52, drivers=drivers, most_significant="Get help")


def test_the_headline_names_the_most_significant_driver_with_its_share_of_r2():
    analysis = headline_case(0.208, 0.10, overlap=False)
    # 0.208 / 0.52 = 40 %
    assert headline_sentence(analysis) == "Get help matters most: 40% of the explained variance (R² 0.52)."
    assert headline_sentence(analysis, "fr") == (
        "Get help compte le plus : 40\u00a0% de la variance expliquée (R² 0,52)."
    )


def test_when_the_top_two_intervals_overlap_the_headline_says_they_matter_about_as_much():
    analysis = headline_case(0.15, 0.13, overlap=True)
    assert analysis.top_two_overlap
    assert headline_sentence(analysis).startswith("Get help and Buy matter about as much")
    assert headline_sentence(analysis, "fr").startswith("Get help et Buy comptent à peu près autant")


def test_the_frame_has_one_row_per_driver_most_significant_first():
    x, y = correlated_data(17, p=3)
    frame = drivers_frame(analyse_drivers(y, x, names_for(3), resamples=0))
    assert list(frame["rank"]) == [1, 2, 3]
    assert list(frame["most_significant"]) == [True, False, False]
    assert frame["low"].isna().all()


# --- segments ---------------------------------------------------------------------------------


def test_each_segment_large_enough_is_analysed_on_its_own_and_a_small_one_is_named():
    x, y = correlated_data(18, n=130, p=3)
    # 13 rows needed (3 drivers + 10): "Pros" (written two ways) has 70, "Autre" 12
    labels = ["Particuliers"] * 48 + ["pros"] * 35 + ["Pros "] * 35 + ["Autre"] * 12
    analysis = analyse_drivers(y, x, names_for(3), segments=labels, resamples=0)
    assert [(s.segment, s.n) for s in analysis.segments] == [("Particuliers", 48), ("pros", 70)]
    rows = slice(48, 118)
    alone = analyse_drivers(y[rows], x[rows], names_for(3), resamples=0)
    assert analysis.segments[1].r2 == pytest.approx(alone.r2)
    assert [(w.kind, w.subjects, w.value) for w in analysis.warnings] == [
        ("segment_too_small", ("Autre",), 12.0)
    ]
    assert "Segment Autre: 12 complete answers, fewer than the 13" in drivers_sentences(analysis)[2]


def test_everyones_intervals_do_not_depend_on_the_segments():
    x, y = correlated_data(19, n=100, p=2)
    alone = analyse_drivers(y, x, ["a", "b"], resamples=40, seed=5)
    with_segments = analyse_drivers(y, x, ["a", "b"], segments=["u", "v"] * 50, resamples=40, seed=5)
    assert [d.low for d in with_segments.drivers] == [d.low for d in alone.drivers]


# --- answers that cannot be analysed --------------------------------------------------------------


def test_fewer_rows_than_drivers_plus_ten_is_refused_with_the_counts():
    x, y = correlated_data(20, n=14, p=5)
    x[0, 0] = np.nan
    with pytest.raises(DriversError) as caught:
        analyse_drivers(y, x, names_for(5))
    # 13 complete rows, 1 left out, 15 needed (5 + 10)
    assert caught.value.message == (
        "Only 13 respondents answered every chosen question (1 left out for a missing answer); "
        "the analysis needs at least 15 (the number of drivers + 10)."
    )


def test_more_than_fifteen_drivers_is_refused():
    x, y = correlated_data(21, n=40, p=16)
    with pytest.raises(DriversError, match="16 drivers are chosen; the analysis takes at most 15"):
        analyse_drivers(y, x, names_for(16))


def test_a_constant_driver_is_refused_by_name():
    x, y = correlated_data(22, p=3)
    x[:, 2] = 7.0
    with pytest.raises(DriversError, match=r"Every respondent gave D2 the same answer \(7\)"):
        analyse_drivers(y, x, names_for(3), resamples=0)


def test_drivers_tied_by_an_exact_relation_are_named():
    x, y = correlated_data(23, p=3)
    x = np.column_stack([x, x[:, 0] + x[:, 1]])  # a "total" column
    with pytest.raises(DriversError) as caught:
        analyse_drivers(y, x, ["a", "b", "c", "total"], resamples=0)
    assert "The drivers a, b, total are tied by an exact relation" in caught.value.message


def test_the_same_driver_twice_is_refused():
    x, y = correlated_data(24, p=2)
    with pytest.raises(DriversError, match="obtenir de l'AIDE is chosen twice as a driver"):
        analyse_drivers(y, x, ["Obtenir de l'aide", "obtenir de l'AIDE"], resamples=0)


# --- alignment with the portfolio ------------------------------------------------------------------


def alignment_case() -> tuple[Workspace, PortfolioResult, DriverAnalysis]:
    workspace = Workspace(
        goals=(),
        kpis=(),
        links=(),
        initiatives=(
            Initiative("A1", "A1", 100.0, journey_phase="Aide"),
            Initiative("B1", "B1", 200.0, journey_phase="Achat"),
            Initiative("AB", "AB", 200.0, journey_phase="Achat > Aide"),
            Initiative("C1", "C1", 80.0, journey_phase="Usage"),
            Initiative("X1", "X1", 50.0),
            Initiative("N1", "N1", 999.0, journey_phase="Aide"),
        ),
        impacts=(),
    )
    result = PortfolioResult(
        status="optimal",
        objective=1.0,
        gap=0.0,
        selected=("A1", "B1", "AB", "X1"),
        total_cost=550.0,
        cost_by_period={},
        value_by_goal={},
        solver="highs",
        solve_seconds=0.0,
    )
    drivers = (
        DriverResult("aide", 0.30, 0.5, None, None, 5.0, 1.0),
        DriverResult("Prix", 0.10, 1 / 6, None, None, 6.0, 1.0),
        DriverResult("Achat", 0.10, 1 / 6, None, None, 7.0, 1.0),
        DriverResult("Usage", 0.0, 0.0, None, None, 7.0, 1.0),
    )
    analysis = DriverAnalysis(n=100, dropped=0, r2=0.5, drivers=drivers, most_significant="aide")
    return workspace, result, analysis


def test_alignment_compares_importance_and_spend_shares_over_the_surveyed_phases():
    workspace, result, analysis = alignment_case()
    alignment = phase_alignment(analysis, workspace, result)
    # phases in common: Aide, Achat, Usage (Prix is no phase). Importance 0.30, 0.10, 0 →
    # shares 0.75, 0.25, 0. Spend: Aide 100 + half of AB = 200, Achat 200 + 100 = 300, Usage 0
    # (C1 not funded); compared 500 → shares 0.4, 0.6, 0. X1 (no phase, 50) is outside.
    # Index = ½ (|0.4 − 0.75| + |0.6 − 0.25| + 0) = 0.35.
    by_phase = {p.phase: p for p in alignment.phases}
    shares = {p: (a.importance_share, a.spend_share) for p, a in by_phase.items()}
    assert shares.keys() == {"Achat", "Aide", "Usage"}
    assert shares["Aide"] == pytest.approx((0.75, 0.4))
    assert shares["Achat"] == pytest.approx((0.25, 0.6))
    assert shares["Usage"] == (0.0, 0.0)
    assert alignment.index == pytest.approx(0.35)
    assert (alignment.compared_spend, alignment.outside_spend, alignment.total_spend) == (500.0, 50.0, 550.0)
    assert alignment.unmatched_drivers == ("Prix",)
    assert alignment.most_significant_phase == "Aide"
    assert alignment_sentence(alignment) == (
        "Money does not follow what customers feel (misalignment index 0.35): Achat gets 60% of the "
        "spend for 25% of the importance, Aide 40% for 75%. Moving 35% of the spend would align them."
    )


def test_spend_shared_exactly_like_importance_is_aligned():
    # importance 0.75 / 0.25 and spend 300 / 100 (each share the same): index 0
    assert misalignment_index([0.75, 0.25], [0.75, 0.25]) == 0.0
    # everything spent where nothing matters: index 1
    assert misalignment_index([1.0, 0.0], [0.0, 1.0]) == 1.0
    workspace, result, _ = alignment_case()
    drivers = (
        DriverResult("Aide", 0.2, 0.4, None, None, 5.0, 1.0),  # spend 200 of 500 → 0.4
        DriverResult("Achat", 0.3, 0.6, None, None, 5.0, 1.0),  # spend 300 of 500 → 0.6
    )
    aligned = phase_alignment(
        DriverAnalysis(n=100, dropped=0, r2=0.5, drivers=drivers, most_significant="Achat"), workspace, result
    )
    assert aligned.index == pytest.approx(0.0)
    assert alignment_sentence(aligned, "fr").startswith("L'argent suit ce que vivent les clients")


def test_without_a_solved_portfolio_or_a_common_phase_the_alignment_says_so():
    workspace, result, analysis = alignment_case()
    unsolved = phase_alignment(analysis, workspace, None)
    assert unsolved.index is None
    assert alignment_sentence(unsolved).startswith("No portfolio to compare with")
    only_price = DriverAnalysis(
        n=100,
        dropped=0,
        r2=0.5,
        drivers=(DriverResult("Prix", 0.5, 1.0, None, None, 5.0, 1.0),),
        most_significant="Prix",
    )
    none = phase_alignment(only_price, workspace, result)
    assert none.phases == () and none.index is None
    assert alignment_sentence(none).startswith("No driver is named like a journey phase")


def test_an_analysis_comes_back_from_its_json_as_the_store_keeps_it():
    rng = np.random.default_rng(5)
    drivers = rng.normal(size=(200, 2))
    outcome = 2 * drivers[:, 0] + drivers[:, 1] + rng.normal(size=200)
    analysis = analyse_drivers(outcome, drivers, ["Get help", "Buy"], resamples=20, seed=1)
    back = DriverAnalysis.from_json(json.loads(json.dumps(analysis.to_json())))
    assert back.to_json() == analysis.to_json()
    assert back.most_significant == "Get help" and back.has_intervals
