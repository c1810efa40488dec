"""Goal-weight sensitivity, the COMEX members' portfolios, the core index and the Weights sheet.

The workspaces below have one KPI per goal (increase, baseline 0, target 100, strength 1), so
an initiative with impact u on goal g's KPI is worth w_g · u points, w the normalised weights:
every breakpoint is a line crossing one can solve by hand.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook
from workbooks import good_sheets, xlsx

from cxprior.cli import main
from cxprior.domain import (
    TOTAL_PERIOD,
    Budget,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Scenario,
    ScenarioError,
    WorkbookError,
    Workspace,
    consensus_from_judgements,
    consensus_weights,
    default_scenario,
    member_weights,
    pairwise_weights,
)
from cxprior.portfolio import (
    draw_weightings,
    members_frame,
    optimize,
    range_sentences,
    ranges_frame,
    weight_sensitivity,
)
from cxprior.workbook import read_member_weights, read_workbook, write_member_weights, write_workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
SAMPLE_WEIGHTS = ROOT / "sample_data" / "comex_ponderations_fr.xlsx"


def workspace(
    items: dict[str, tuple[float, dict[str, float]]],
    weights: dict[str, float],
    budget: float,
    *,
    unlinked: tuple[str, ...] = (),
    mandatory: tuple[str, ...] = (),
) -> Workspace:
    """items: id → (cost, {goal: impact on that goal's KPI}); goals in `unlinked` have no KPI."""
    linked = [g for g in weights if g not in unlinked]
    return Workspace(
        goals=tuple(Goal(g, f"Goal {g}", w) for g, w in weights.items()),
        kpis=tuple(Kpi(f"K{g}", f"KPI {g}", Direction.INCREASE, 0.0, 100.0) for g in linked),
        links=tuple(KpiGoalLink(f"K{g}", g, 1.0) for g in linked),
        initiatives=tuple(
            Initiative(iid, f"Initiative {iid}", float(cost), mandatory=iid in mandatory)
            for iid, (cost, _) in items.items()
        ),
        impacts=tuple(
            Impact(iid, f"K{g}", u) for iid, (_, parts) in items.items() for g, u in parts.items() if u
        ),
        budgets=(Budget(TOTAL_PERIOD, float(budget)),),
    )


def two_goals(w1: float = 3.0, w2: float = 2.0, **extra) -> Workspace:
    """A (G1, impact 6) or B (G2, impact 4), budget for one: A wins while 6·w1 > 4·w2."""
    return workspace({"A": (1, {"G1": 6}), "B": (1, {"G2": 4})}, {"G1": w1, "G2": w2}, 1, **extra)


def scenario(ws: Workspace, **changes) -> Scenario:
    return replace(default_scenario(ws), **changes)


# --- goal-weight ranges -----------------------------------------------------------------------


def test_two_goals_hold_until_the_lines_of_the_two_initiatives_cross():
    # today w1 = 3/5 = 0.6: A is worth 3.6, B 0.4·4 = 1.6, so A is funded.
    # G1 at t (G2 at 1 − t): A holds while 6t ≥ 4(1 − t) ⇔ t ≥ 4/10 = 0.4, up to t = 1.
    # G2 at t (G1 at 1 − t): A holds while 6(1 − t) ≥ 4t ⇔ t ≤ 6/10 = 0.6, down to t = 0.
    result = weight_sensitivity(two_goals(), scenario(two_goals()), samples=0)
    assert result.selected == ("A",)
    g1, g2 = result.ranges["G1"], result.ranges["G2"]
    assert (g1.current, g1.low, g1.high) == pytest.approx((0.6, 0.4, 1.0), abs=1e-9)
    assert (g2.current, g2.low, g2.high) == pytest.approx((0.4, 0.0, 0.6), abs=1e-9)
    assert (g1.below.enter, g1.below.leave) == (("B",), ("A",))
    assert g1.above is None  # nothing lies past 100 %
    assert (g2.above.enter, g2.above.leave) == (("B",), ("A",))
    assert g2.below is None


def test_intervals_that_touch_0_or_1_say_whatever_its_weight():
    result = weight_sensitivity(two_goals(), scenario(two_goals()), samples=0)
    assert range_sentences(result.ranges["G1"], "en") == (
        "The portfolio holds whatever Goal G1 weighs above 40.0% (today 60.0%).",
        "Below 40.0%, B replaces A.",
    )
    assert range_sentences(result.ranges["G2"], "fr") == (
        "Le portefeuille tient quel que soit le poids de Goal G2 sous 60,0\u00a0% (aujourd'hui 40,0\u00a0%).",
        "Au-dessus de 60,0\u00a0%, B remplace A.",
    )


def test_three_goals_keep_the_others_in_proportion():
    # weights 5 : 3 : 2 → 0.5, 0.3, 0.2; A, B, C are worth 10 on G1, G2, G3; budget for one.
    # G1 at t: G2 = 0.6(1 − t), G3 = 0.4(1 − t). A holds while 10t ≥ 6(1 − t) ⇔ t ≥ 6/16.
    # G2 at t: G1 = (5/7)(1 − t). A holds while (50/7)(1 − t) ≥ 10t ⇔ t ≤ 50/120 = 5/12.
    # G3 at t: G1 = (5/8)(1 − t). A holds while (50/8)(1 − t) ≥ 10t ⇔ t ≤ 50/130 = 5/13.
    ws = workspace(
        {"A": (1, {"G1": 10}), "B": (1, {"G2": 10}), "C": (1, {"G3": 10})}, {"G1": 5, "G2": 3, "G3": 2}, 1
    )
    result = weight_sensitivity(ws, scenario(ws), samples=0)
    assert result.selected == ("A",)
    ranges = result.ranges
    assert (ranges["G1"].low, ranges["G1"].high) == pytest.approx((6 / 16, 1.0), abs=1e-9)
    assert (ranges["G2"].low, ranges["G2"].high) == pytest.approx((0.0, 5 / 12), abs=1e-9)
    assert (ranges["G3"].low, ranges["G3"].high) == pytest.approx((0.0, 5 / 13), abs=1e-9)
    assert ranges["G1"].below.enter == ("B",)  # below 6/16 the next goal in line, G2, wins
    assert ranges["G3"].above.enter == ("C",)


def test_a_two_slot_budget_ends_where_the_first_rival_pair_crosses():
    # budget for two of A (G1: 9), B (G1: 4, G2: 4), C (G2: 7); weights 1 : 1 → t = 0.5.
    # Values at G1 = t: A = 9t, B = 4, C = 7(1 − t). Pairs: AB = 4 + 9t, AC = 7 + 2t,
    # BC = 11 − 7t. At 0.5: AB 8.5, AC 8, BC 7.5 → AB. AB ≥ AC ⇔ t ≥ 3/7 = 0.4286 but
    # AB ≥ BC ⇔ t ≥ 7/16 = 0.4375, the nearer: below it BC, C instead of A. At t = 1 AB = 13
    # beats AC = 9 and BC = 4, so AB holds up to 1.
    ws = workspace(
        {"A": (1, {"G1": 9}), "B": (1, {"G1": 4, "G2": 4}), "C": (1, {"G2": 7})}, {"G1": 1, "G2": 1}, 2
    )
    result = weight_sensitivity(ws, scenario(ws), samples=0)
    assert result.selected == ("A", "B")
    g1 = result.ranges["G1"]
    assert (g1.low, g1.high) == pytest.approx((7 / 16, 1.0), abs=1e-9)
    assert (g1.below.enter, g1.below.leave) == (("C",), ("A",))


def test_a_goal_with_no_linked_kpi_only_scales_every_value_and_says_why():
    # G3 has no KPI: every value is (1 − t)·(its value without G3), the same for all, so the
    # choice never changes below 100 %. For G1 the others keep G2 : G3 = 2 : 5, so at G1 = t,
    # G2 = (2/7)(1 − t): A holds while 6t ≥ 4·(2/7)(1 − t) ⇔ 42t ≥ 8 − 8t ⇔ t ≥ 8/50 = 0.16.
    ws = workspace(
        {"A": (1, {"G1": 6}), "B": (1, {"G2": 4})}, {"G1": 3, "G2": 2, "G3": 5}, 1, unlinked=("G3",)
    )
    result = weight_sensitivity(ws, scenario(ws), samples=0)
    g3 = result.ranges["G3"]
    assert (g3.reason, g3.current, g3.low, g3.high) == ("no_kpi", 0.5, 0.0, 1.0)
    (sentence,) = range_sentences(g3, "en")
    assert "whatever Goal G3 weighs below 100% (today 50.0%)" in sentence
    assert "no KPI is linked to this goal, so its weight only scales every initiative's value" in sentence
    assert (result.ranges["G1"].low, result.ranges["G1"].high) == pytest.approx((0.16, 1.0), abs=1e-9)


def test_a_single_goal_weighs_100_percent_whatever():
    ws = workspace({"A": (1, {"G1": 6}), "B": (1, {"G1": 4})}, {"G1": 7}, 1)
    (only,) = weight_sensitivity(ws, scenario(ws), samples=0).ranges.values()
    assert (only.reason, only.low, only.high) == ("only_goal", 1.0, 1.0)
    assert "only goal" in range_sentences(only)[0]


def test_a_twin_initiative_is_a_tie_not_a_change():
    # A and A2 are the same (G1: 6): whichever the solver returns, the portfolio of one of them
    # stays optimal exactly where A alone would: from 0.4 (B's crossing, as above) up to 1
    ws = workspace({"A": (1, {"G1": 6}), "A2": (1, {"G1": 6}), "B": (1, {"G2": 4})}, {"G1": 3, "G2": 2}, 1)
    g1 = weight_sensitivity(ws, scenario(ws), samples=0).ranges["G1"]
    assert (g1.low, g1.high) == pytest.approx((0.4, 1.0), abs=1e-9)
    assert g1.below.enter == ("B",)


def test_a_tie_today_leaves_the_portfolio_optimal_on_one_side_only():
    # weights 2 : 3 → w1 = 0.4: A = 6·0.4 = 2.4 = B = 4·0.6. Whichever is funded stops being
    # the only best as soon as the weight moves toward the other: one end is today's weight.
    ws = two_goals(2.0, 3.0)
    result = weight_sensitivity(ws, scenario(ws), samples=0)
    g1 = result.ranges["G1"]
    if result.selected == ("A",):
        assert (g1.low, g1.high) == pytest.approx((0.4, 1.0), abs=1e-9)
    else:
        assert result.selected == ("B",)
        assert (g1.low, g1.high) == pytest.approx((0.0, 0.4), abs=1e-9)


def test_minimum_goal_shares_bound_the_portfolio_where_its_own_shares_stop_holding():
    # budget for two of A (G1: 10), B (G2: 6), C (G2: 5); weights 1 : 1; G2 must bring ≥ 30 %.
    # G1 at t: A = 10t, B = 6(1 − t), C = 5(1 − t). At 0.5 AB = 8 with G2 share 3/8 ≥ 0.3 → AB.
    # AB ≥ BC ⇔ 6 + 4t ≥ 11 − 11t ⇔ t ≥ 1/3 (AC is always below AB).
    # AB's G2 share 6(1 − t) / (6 + 4t) ≥ 0.3 ⇔ 4.2 ≥ 7.2t ⇔ t ≤ 7/12: past it AB is not allowed,
    # nor AC (share 5(1 − t)/(5 + 5t) ≥ 0.3 ⇔ t ≤ 7/13), so BC (share 1) takes over.
    ws = workspace({"A": (1, {"G1": 10}), "B": (1, {"G2": 6}), "C": (1, {"G2": 5})}, {"G1": 1, "G2": 1}, 2)
    result = weight_sensitivity(ws, scenario(ws, min_goal_share={"G2": 0.3}), samples=0)
    assert result.selected == ("A", "B")
    g1 = result.ranges["G1"]
    assert (g1.low, g1.high) == pytest.approx((1 / 3, 7 / 12), abs=1e-6)
    assert (g1.above.cause, g1.above.enter, g1.above.leave) == ("shares", ("C",), ("A",))
    assert (g1.below.cause, g1.below.enter, g1.below.leave) == ("overtaken", ("C",), ("A",))
    assert "the minimum goal shares no longer allow this portfolio: C replaces A" in range_sentences(g1)[1]


def test_the_portfolio_is_the_one_optimize_chooses_with_every_constraint():
    ws = workspace(
        {"A": (4, {"G1": 9}), "B": (2, {"G1": 4, "G2": 4}), "C": (3, {"G2": 7}), "M": (1, {})},
        {"G1": 2, "G2": 1},
        8,
        mandatory=("M",),
    )
    sc = scenario(ws, max_initiatives=3, force_out=("C",))
    result = weight_sensitivity(ws, sc, samples=0)
    assert result.selected == optimize(ws, sc, explain=False).selected == ("A", "B", "M")


def test_an_infeasible_scenario_says_why_and_computes_nothing():
    # the mandatory M alone breaks a cap of zero initiatives
    ws = workspace({"A": (1, {"G1": 6}), "M": (1, {"G1": 1})}, {"G1": 1, "G2": 1}, 5, mandatory=("M",))
    result = weight_sensitivity(ws, scenario(ws, max_initiatives=0), samples=0)
    assert result.status == "infeasible" and not result.is_solved
    assert result.explanation and result.ranges == {}


def test_a_scenario_naming_an_unknown_initiative_is_refused():
    with pytest.raises(ScenarioError, match="Z"):
        weight_sensitivity(two_goals(), scenario(two_goals(), force_in=("Z",)))


def test_the_ranges_table_has_one_row_per_goal():
    frame = ranges_frame(weight_sensitivity(two_goals(), scenario(two_goals()), samples=0))
    assert frame["goal_id"].tolist() == ["G1", "G2"]
    assert frame.loc[0, "below_enter"] == "B" and frame.loc[1, "above_leave"] == "A"


# --- members, core index, consensus -----------------------------------------------------------


def three_members():
    # Ana 3 : 1 (w1 = 0.75), Bo 1 : 3 (0.25), Cy 1 : 1 (0.5)
    return member_weights(
        {"Ana": {"G1": 3, "G2": 1}, "Bo": {"G1": 1, "G2": 3}, "Cy": {"G1": 1, "G2": 1}}, ("G1", "G2")
    )


def members_case() -> Workspace:
    """two_goals plus a mandatory M worth nothing and Z that no budget of 1 affords."""
    return workspace(
        {"A": (1, {"G1": 6}), "B": (1, {"G2": 4}), "M": (0, {}), "Z": (5, {"G1": 50})},
        {"G1": 3, "G2": 2},
        1,
        mandatory=("M",),
    )


def test_each_member_gets_their_own_portfolio_and_its_cost_under_the_agreed_weights():
    # A wins when w1 > 0.4 (as above): Ana (0.75) and Cy (0.5) fund A, Bo (0.25) funds B.
    # Own values: Ana 0.75·6 = 4.5, Bo 0.75·4 = 3, Cy 0.5·6 = 3. Under the agreed 0.6 / 0.4:
    # A is worth 3.6 (regret 0), B 1.6 (regret 3.6 − 1.6 = 2).
    ws = members_case()
    result = weight_sensitivity(ws, scenario(ws), members=three_members(), samples=0)
    ana, bo, cy = (result.members[m] for m in ("Ana", "Bo", "Cy"))
    assert (ana.selected, bo.selected, cy.selected) == (("A", "M"), ("B", "M"), ("A", "M"))
    assert (ana.objective_own, bo.objective_own, cy.objective_own) == pytest.approx((4.5, 3.0, 3.0))
    assert (ana.objective_workspace, bo.objective_workspace) == pytest.approx((3.6, 1.6))
    assert (ana.regret, bo.regret, cy.regret) == pytest.approx((0.0, 2.0, 0.0))


def test_the_core_index_over_the_members_splits_core_borderline_and_exterior():
    # A in 2 of 3 portfolios, B in 1, M (mandatory) in all, Z in none
    ws = members_case()
    result = weight_sensitivity(ws, scenario(ws), members=three_members(), samples=0)
    core = result.member_core
    assert core.index == pytest.approx({"A": 2 / 3, "B": 1 / 3, "M": 1.0, "Z": 0.0})
    assert (core.core, core.borderline, core.exterior) == (("M",), ("A", "B"), ("Z",))
    frame = members_frame(result, ws)
    assert frame["initiative_id"].tolist() == ["M", "A", "B", "Z"]  # most robust first
    assert frame.loc[1, ["Ana", "Bo", "Cy", "agreed"]].tolist() == [True, False, True, True]


def test_the_sampled_core_index_follows_the_share_of_the_members_range_where_each_wins():
    # members' ranges: w1 in [0.25, 0.75] (and w2 = 1 − w1 in the same range), drawn uniformly:
    # A wins when w1 > 0.4, a share (0.75 − 0.4) / 0.5 = 0.7 of the range; B the other 0.3
    ws = members_case()
    result = weight_sensitivity(ws, scenario(ws), members=three_members(), samples=400, seed=3)
    drawn = result.sampled_core
    assert drawn.portfolios == 400 and drawn.method == "polytope"
    assert drawn.index["A"] == pytest.approx(0.7, abs=0.08)
    assert drawn.index["B"] == pytest.approx(0.3, abs=0.08)
    assert (drawn.index["M"], drawn.index["Z"]) == (1.0, 0.0)
    again = weight_sensitivity(ws, scenario(ws), members=three_members(), samples=400, seed=3)
    assert again.sampled_core.index == drawn.index  # seeded


def test_drawn_weightings_stay_within_every_range_and_sum_to_one():
    ranges = [(0.1, 0.5), (0.2, 0.3), (0.25, 0.6)]
    draws, method = draw_weightings(ranges, 500, np.random.default_rng(0))
    assert method == "polytope" and draws.shape == (500, 3)
    assert np.allclose(draws.sum(axis=1), 1.0)
    for k, (low, high) in enumerate(ranges):
        assert draws[:, k].min() >= low - 1e-12 and draws[:, k].max() <= high + 1e-12


def test_members_who_agree_give_that_single_weighting():
    draws, _ = draw_weightings([(0.6, 0.6), (0.4, 0.4)], 3, np.random.default_rng(0))
    assert np.allclose(draws, [[0.6, 0.4]] * 3)


def test_the_consensus_of_direct_weights_is_their_geometric_mean_and_perfectly_consistent():
    # w1/w2 ratios 3, 1/3 and 1: geometric mean (3 · 1/3 · 1)^(1/3) = 1 → 50 / 50
    consensus = consensus_weights(three_members())
    assert consensus.weights == pytest.approx({"G1": 0.5, "G2": 0.5})
    assert consensus.consistency_ratio == pytest.approx(0.0, abs=1e-9) and consensus.members == 3


def test_the_consensus_of_pairwise_judgements_is_the_geometric_mean_of_each_pair():
    # a/b: √(2·8) = 4; b/c: √(2·2) = 2; a/c: √(4·1) = 2 — and 4 · 2 ≠ 2, so not consistent
    judgements = {
        "Ana": {("a", "b"): 2, ("b", "c"): 2, ("a", "c"): 4},
        "Bo": {("a", "b"): 8, ("c", "b"): 0.5, ("a", "c"): 1},  # (c, b) = 1/2 is b/c = 2
    }
    consensus = consensus_from_judgements(("a", "b", "c"), judgements)
    expected = pairwise_weights(("a", "b", "c"), {("a", "b"): 4, ("b", "c"): 2, ("a", "c"): 2})
    assert consensus.weights == pytest.approx(expected.weights)
    assert (
        consensus.consistency_ratio == pytest.approx(expected.consistency_ratio)
        and consensus.consistency_ratio > 0
    )


def test_members_weights_given_in_the_app_are_checked_and_normalised():
    weights = member_weights({" Ana ": {"G1": 3, "G2": 1}}, ("G1", "G2"))
    assert weights.weights == {"Ana": {"G1": 0.75, "G2": 0.25}}
    with pytest.raises(ScenarioError, match="Bo gives no weight to G2"):
        member_weights({"Bo": {"G1": 1}}, ("G1", "G2"))
    with pytest.raises(ScenarioError, match="greater than 0"):
        member_weights({"Bo": {"G1": 1, "G2": 0}}, ("G1", "G2"))


def test_members_who_weigh_other_goals_are_refused():
    others = member_weights({"Ana": {"G1": 1, "G3": 1}}, ("G1", "G3"))
    with pytest.raises(ScenarioError, match="goals G1, G3, but the workspace's goals are G1, G2"):
        weight_sensitivity(two_goals(), scenario(two_goals()), members=others)


# --- the Weights sheet ------------------------------------------------------------------------


def weights_book(rows, *, sheet="Pondérations", headers=("membre", "id_objectif", "poids"), extra=None):
    return xlsx({**(extra or {}), sheet: [list(headers), *rows]})


def read(rows, **kwargs):
    ws = read_workbook(xlsx(good_sheets())).workspace  # goals G1 (weight 3) and G2 (1)
    return read_member_weights(weights_book(rows, **kwargs), ws, lang="en")


def problems_of(rows, **kwargs) -> list[tuple]:
    with pytest.raises(WorkbookError) as caught:
        read(rows, **kwargs)
    return [(p.sheet, p.row, p.column, p.message) for p in caught.value.problems]


def test_a_weights_workbook_in_french_reads_into_normalised_weights_per_member():
    members = read([["Claire", "G1", 3], ["Claire", "G2", 1], ["Marc", "G1", "1"], ["Marc", "G2", "1,5"]])
    assert members.members == ("Claire", "Marc")
    assert members.weights["Claire"] == {"G1": 0.75, "G2": 0.25}
    assert members.weights["Marc"] == pytest.approx({"G1": 0.4, "G2": 0.6})


def test_english_names_and_members_written_two_ways_are_one_member():
    members = read(
        [["Claire", "G1", 3], [" claire", "G2", 1]], sheet="Weights", headers=("member", "goal_id", "weight")
    )
    assert members.weights == {"Claire": {"G1": 0.75, "G2": 0.25}}


def test_an_unknown_goal_is_located_with_a_suggestion():
    # and only there: the goal Claire misses is most likely the one mistyped
    assert problems_of([["Claire", "G1", 3], ["Claire", "g2", 1]]) == [
        (
            "Pondérations",
            3,
            "id_objectif",
            "Goal g2 (did you mean G2?) is not on the Goals sheet; fix the id or add the goal.",
        )
    ]


def test_a_member_who_leaves_a_goal_out_is_told_at_their_first_row():
    assert problems_of([["Claire", "G1", 3], ["Claire", "G2", 1], ["Marc", "G1", 2]]) == [
        (
            "Pondérations",
            4,
            "membre",
            "Marc gives no weight to G2: every member weighs every goal (one that matters little gets a "
            "small weight, e.g. 1).",
        )
    ]


def test_weights_must_be_positive_numbers():
    found = problems_of(
        [["Claire", "G1", 0], ["Claire", "G2", "beaucoup"], ["Marc", "G1", -1], ["Marc", "G2", 1]]
    )
    assert [(row, column) for _, row, column, _ in found] == [(2, "poids"), (3, "poids"), (4, "poids")]
    assert found[0][3] == "0 must be greater than 0."


def test_a_goal_weighed_twice_by_a_member_is_refused_where_it_repeats():
    found = problems_of([["Claire", "G1", 3], ["Claire", "G2", 1], ["Claire", "G1", 2]])
    assert found == [
        (
            "Pondérations",
            4,
            "id_objectif",
            "Claire already weighs G1 on row 2; give each goal once per member.",
        )
    ]


def test_a_missing_column_and_an_empty_member_cell_are_located():
    found = problems_of([["Claire", 3]], headers=("membre", "poids"))
    assert found == [
        (
            "Pondérations",
            None,
            "goal_id",
            "This required column is missing; add a column headed goal_id / id_objectif.",
        )
    ]
    found = problems_of([[None, "G1", 3], ["Claire", "G1", 3], ["Claire", "G2", 1]])
    assert found[0][:3] == ("Pondérations", 2, "membre")


def test_a_workbook_without_weights_says_so_unless_the_sheet_is_optional():
    ws = read_workbook(xlsx(good_sheets())).workspace
    with pytest.raises(WorkbookError, match="No Weights sheet"):
        read_member_weights(xlsx(good_sheets()), ws)
    assert read_member_weights(xlsx(good_sheets()), ws, required=False) is None


def test_the_weights_sheet_may_sit_in_the_workspace_workbook_which_reads_as_before():
    book = weights_book([["Claire", "G1", 3], ["Claire", "G2", 1]], extra=good_sheets())
    read_back = read_workbook(book)
    assert read_back.workspace == read_workbook(xlsx(good_sheets())).workspace
    assert [(n.sheet, "sensitivity" in n.message) for n in read_back.notes] == [("Pondérations", True)]
    assert read_member_weights(book, read_back.workspace).weights == {"Claire": {"G1": 0.75, "G2": 0.25}}


def test_written_weights_read_back_normalised():
    ws = read_workbook(xlsx(good_sheets())).workspace
    for lang in ("en", "fr"):
        data = write_member_weights({"Ana": {"G1": 1, "G2": 3}}, lang)
        assert read_member_weights(data, ws).weights == {"Ana": {"G1": 0.25, "G2": 0.75}}


# --- the sample --------------------------------------------------------------------------------


def test_the_sample_weights_are_what_their_script_writes_and_split_the_backlog():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_weights", ROOT / "scripts" / "build_weights_sample.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    ws = read_workbook(SAMPLE).workspace
    members = read_member_weights(SAMPLE_WEIGHTS, ws, lang="fr")
    given = script.sample_weights()
    assert members.members == tuple(given)
    for member, points in given.items():
        total = sum(points.values())
        assert members.weights[member] == pytest.approx({g: p / total for g, p in points.items()})
    assert 4 <= len(members) <= 5
    result = weight_sensitivity(ws, default_scenario(ws), members=members, samples=0, lang="fr")
    core = result.member_core
    assert core.core and core.borderline and core.exterior  # some in whatever, a few disputed
    assert len(core.borderline) < len(core.core)


# --- the command line -------------------------------------------------------------------------


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def books(tmp_path):
    ws = members_case()
    book = tmp_path / "book.xlsx"
    book.write_bytes(write_workspace(ws))
    weights = tmp_path / "members.xlsx"
    weights.write_bytes(write_member_weights({"Ana": {"G1": 3, "G2": 1}, "Bo": {"G1": 1, "G2": 3}}, "fr"))
    return book, weights


def test_the_json_starts_with_the_contract_fields(books, capsys):
    book, weights = books
    code, out, _ = run(capsys, "sensitivity", book, "--weights", weights, "--samples", 20, "--json", "-")
    assert code == 0
    document = json.loads(out)  # standard output holds exactly one JSON document
    assert list(document)[:3] == ["goal_weight_ranges", "members", "core_index"]
    g1 = document["goal_weight_ranges"]["G1"]
    assert (g1["current"], g1["low"], g1["high"]) == (0.6, 0.4, 1.0)
    assert document["members"]["Bo"] == {
        **document["members"]["Bo"],
        "selected": ["B", "M"],
        "objective_own": pytest.approx(3.0),
        "objective_workspace": pytest.approx(1.6),
    }
    assert document["core_index"] == {"A": 0.5, "B": 0.5, "M": 1.0, "Z": 0.0}
    assert document["samples"] == 20 and not math.isnan(document["sampled_core_index"]["A"])


def test_the_text_summary_speaks_in_the_chosen_language(books, capsys):
    book, weights = books
    code, out, _ = run(capsys, "sensitivity", book, "--weights", weights, "--samples", 0, "--lang", "fr")
    assert code == 0
    assert "Sous 40,0\u00a0%, B remplace A." in out
    assert "Bo : 2 initiatives, 3,0 points avec ses poids" in out


def test_an_infeasible_scenario_exits_2_with_its_explanation_on_standard_error(books, capsys):
    book, _ = books
    code, out, err = run(capsys, "sensitivity", book, "--max-initiatives", 0, "--json", "-")
    assert code == 2
    assert json.loads(out)["status"] == "infeasible"
    assert "No portfolio for this scenario" in err and "at most 0" in err


def test_a_bad_weights_sheet_exits_1_listing_its_problems(books, capsys, tmp_path):
    book, _ = books
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(weights_book([["Ana", "G1", 3], ["Ana", "G9", 1], ["Bo", "G1", 1]]))
    code, out, err = run(capsys, "sensitivity", book, "--weights", bad)
    assert code == 1 and out == ""
    assert "Pondérations, row 3, id_objectif: Goal G9" in err
    assert "Pondérations, row 4, membre: Bo gives no weight to G2" in err


def test_a_weights_sheet_inside_the_workspace_is_used_without_the_option(books, capsys, tmp_path):
    book = load_workbook(books[0])
    sheet = book.create_sheet("Pondérations")
    for row in (["membre", "id_objectif", "poids"], ["Ana", "G1", 1], ["Ana", "G2", 1]):
        sheet.append(row)
    path = tmp_path / "with_weights.xlsx"
    book.save(path)
    code, out, err = run(capsys, "sensitivity", path, "--samples", 0, "--json", "-")
    assert code == 0 and list(json.loads(out)["members"]) == ["Ana"]
    assert "Weights sheet" in err
