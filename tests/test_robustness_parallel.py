"""Robustness draws on several processes, early stop once the core index has converged, progress."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from cxprior.domain import Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Scenario, Workspace
from cxprior.portfolio.draw_pool import chunk_size, chunk_starts
from cxprior.portfolio.robustness import (
    STOP_HALF_WIDTH,
    converged,
    monte_carlo,
    summary_sentences,
    wilson_half_width,
)


def points_ws(*rows: tuple) -> Workspace:
    """KPI K from 0 to 100 linked to goal G: an impact of 10 is worth 10 value points.

    rows: (id, cost, impact, confidence, low, high).
    """
    return Workspace(
        goals=(Goal("G", "Grow", 1.0),),
        kpis=(Kpi("K", "Satisfaction", Direction.INCREASE, 0.0, 100.0),),
        links=(KpiGoalLink("K", "G"),),
        initiatives=tuple(
            Initiative(iid, f"Initiative {iid}", cost, confidence=confidence)
            for iid, cost, _, confidence, _, _ in rows
        ),
        impacts=tuple(Impact(iid, "K", impact, low, high) for iid, _, impact, _, low, high in rows),
    )


@pytest.fixture
def certain_knapsack() -> Workspace:
    # budget 100: A + C (value 45) beats B + C (35) and A alone (30) in every draw
    return points_ws(
        ("A", 60.0, 30.0, 1.0, None, None),
        ("B", 50.0, 20.0, 1.0, None, None),
        ("C", 40.0, 15.0, 1.0, None, None),
    )


@pytest.fixture
def rivals() -> Workspace:
    # one slot: B ~ triangular(0, 10, 30) beats A's certain 9 with P = 1 − 9²/(30 × 10) = 0.73
    return points_ws(("A", 1.0, 9.0, 1.0, None, None), ("B", 1.0, 10.0, 1.0, 0.0, 30.0))


@pytest.fixture
def mixed() -> Workspace:
    # one slot among three, with uncertain impacts and delivery: draws differ in every way
    return points_ws(
        ("A", 1.0, 9.0, 1.0, None, None),
        ("B", 1.0, 10.0, 0.9, 0.0, 30.0),
        ("C", 1.0, 8.0, 0.6, 4.0, 12.0),
    )


def test_one_and_two_workers_give_the_same_result_for_the_same_seed(mixed):
    scenario = Scenario(max_initiatives=1)
    here = monte_carlo(mixed, scenario, draws=150, seed=4, workers=1, early_stop=None)
    parallel = monte_carlo(mixed, scenario, draws=150, seed=4, workers=2, early_stop=None)
    # 150 draws on 2 workers go in chunks of 9 (150 // 16): answers come back in draw order
    assert chunk_size(150, 2) == 9
    assert replace(parallel, seconds=0.0) == replace(here, seconds=0.0)
    # a genuinely uncertain choice: every initiative wins some draws and loses others
    assert all(0.05 < share < 0.95 for share in here.core_index.values())
    other_seed = monte_carlo(mixed, scenario, draws=150, seed=5, workers=2, early_stop=None)
    assert other_seed.chosen_value != parallel.chosen_value


def test_without_exact_ties_the_workers_give_the_result_of_this_process(mixed):
    # no two portfolios of this workspace are ever worth exactly the same in a draw (see
    # draw_pool: only such ties may be broken differently by HiGHS on one thread)
    scenario = Scenario(max_initiatives=1)
    default = monte_carlo(mixed, scenario, draws=120, seed=2, early_stop=None)
    here = monte_carlo(mixed, scenario, draws=120, seed=2, workers=0, early_stop=None)
    assert replace(default, seconds=0.0) == replace(here, seconds=0.0)


def test_a_goal_share_every_portfolio_meets_changes_no_draw(mixed):
    # every value point of this workspace serves goal G, so a portfolio's G share is 100 %
    # and a minimum of 50 % binds nothing; its row is still rewritten in every draw (the
    # model passed again with the draw's coefficients), on a worker as in this process
    plain = Scenario(max_initiatives=1)
    shared = Scenario(max_initiatives=1, min_goal_share={"G": 0.5})
    reference = monte_carlo(mixed, plain, draws=80, seed=6, workers=0, early_stop=None)
    for workers in (0, 2):
        result = monte_carlo(mixed, shared, draws=80, seed=6, workers=workers, early_stop=None)
        assert result.core_index == reference.core_index
        assert result.optimum_value == reference.optimum_value
        assert result.infeasible_draws == 0


def test_the_last_tasks_are_smaller_so_that_both_workers_finish_together():
    # 100 draws on 2 workers: chunks of 100 // 16 = 6 while a quarter of the draws left
    # rounds up to 6 or more (more than 20 left: 14 chunks, draws 0–83), then that quarter:
    # ⌈16/4⌉ = 4, ⌈12/4⌉ = 3, ⌈9/4⌉ = 3, then MIN_CHUNK (2) for the last 6
    starts = chunk_starts(100, 2)
    sizes = [end - begin for begin, end in zip(starts, [*starts[1:], 100], strict=True)]
    assert sizes == [6] * 14 + [4, 3, 3, 2, 2, 2]
    assert sum(sizes) == 100 and starts == sorted(starts)


def test_the_wilson_half_width_on_hand_computed_shares():
    # z = 1.96: a share of 0 after 100 draws keeps z² / (2 (100 + z²)) = 3.8415 / 207.68 = 0.0185;
    # a share of 0.5: z / (1 + z²/100) × √(0.25/100 + z²/40,000) = 1.8875 × 0.050951 = 0.0962
    widths = wilson_half_width(np.array([0.0, 100.0, 50.0]), 100)
    assert widths == pytest.approx([0.0185, 0.0185, 0.0962], abs=1e-4)
    # checked only at 100, 150, 200… draws: the same stop whatever the order results arrive in
    assert converged(np.array([0.0, 100.0]), 100, 100, STOP_HALF_WIDTH)
    assert not converged(np.array([0.0, 99.0]), 99, 99, STOP_HALF_WIDTH)
    assert not converged(np.array([0.0, 120.0]), 120, 120, STOP_HALF_WIDTH)
    assert not converged(np.array([0.0, 50.0]), 100, 100, STOP_HALF_WIDTH)


def test_a_portfolio_that_no_draw_changes_stops_at_the_first_check_and_says_so(certain_knapsack):
    # every draw selects A and C and never B: every core index is 0 or 1, whose half-width
    # after 100 draws is 0.0185 ≤ 0.02, so the analysis stops at its first check (draw 100)
    result = monte_carlo(certain_knapsack, Scenario(budget_total=100.0), draws=500, seed=1, workers=0)
    assert (result.draws, result.draws_asked, result.stopped_early) == (100, 500, True)
    assert result.stop_half_width == STOP_HALF_WIDTH
    assert result.core_index == {"A": 1.0, "B": 0.0, "C": 1.0}
    assert len(result.chosen_value) == len(result.optimum_value) == 100
    assert summary_sentences(result, "en")[-1] == (
        "The analysis stopped after 100 of the 500 draws asked for: every initiative's core index "
        "was then known within ± 2.0 points (95% confidence), so more draws would not have changed "
        "the picture."
    )
    assert summary_sentences(result, "fr")[-1] == (
        "L'analyse s'est arrêtée après 100 des 500 tirages demandés\u00a0: l'indice de noyau de chaque "
        "initiative était alors connu à ±\u00a02,0\u00a0points près (confiance de 95\u00a0%), d'autres "
        "tirages n'auraient pas changé le tableau."
    )
    assert "Over 100 draws" in summary_sentences(result, "en")[1]


def test_an_early_stop_keeps_the_first_draws_of_the_full_run(certain_knapsack):
    scenario = Scenario(budget_total=100.0)
    stopped = monte_carlo(certain_knapsack, scenario, draws=300, seed=3, workers=2)
    full = monte_carlo(certain_knapsack, scenario, draws=300, seed=3, workers=2, early_stop=None)
    assert (stopped.draws, full.draws, full.stopped_early) == (100, 300, False)
    assert stopped.chosen_value == full.chosen_value[:100]
    assert stopped.optimum_value == full.optimum_value[:100]


def test_a_genuinely_uncertain_initiative_runs_every_draw(rivals):
    # B is chosen in about 73 % of the draws: after 500 draws its half-width is still about
    # 1.96 × √(0.73 × 0.27 / 500) = 0.039 > 0.02 (it would take some 1,900 draws)
    result = monte_carlo(rivals, Scenario(max_initiatives=1), draws=500, seed=0, workers=2)
    assert result.core_index["B"] == pytest.approx(0.73, abs=0.05)
    assert (result.draws, result.draws_asked, result.stopped_early) == (500, 500, False)
    assert result.stop_half_width is None
    assert not any("stopped after" in sentence for sentence in summary_sentences(result, "en"))


def test_progress_counts_increase_to_the_total_with_a_time_left_estimate(mixed):
    scenario = Scenario(max_initiatives=1)
    for workers in (0, 2):
        calls: list[tuple[int, int, float | None]] = []
        monte_carlo(
            mixed,
            scenario,
            draws=60,
            seed=0,
            workers=workers,
            progress=lambda done, total, left: calls.append((done, total, left)),  # noqa: B023
        )
        counts = [done for done, _, _ in calls]
        assert counts == sorted(set(counts)) and counts[-1] == 60
        assert all(total == 60 for _, total, _ in calls)
        assert all(left is not None and left >= 0 for _, _, left in calls)
        assert calls[-1][2] == 0.0
    assert len(calls) == len(chunk_starts(60, 2))  # with workers, once per chunk of draws


def test_starting_the_workers_again_hands_the_pool_no_more_tasks(monkeypatch):
    # the Scenario page asks for the workers on every rerun: only the first asking starts them
    from cxprior.portfolio import draw_pool

    submitted = []

    class Pool:
        def submit(self, task):
            submitted.append(task)

    pool = Pool()
    monkeypatch.setattr(draw_pool, "_pool", lambda size: pool)
    monkeypatch.setattr(draw_pool, "_STARTED", None)
    draw_pool.start_workers(2)
    draw_pool.start_workers(2)
    assert len(submitted) == 2
