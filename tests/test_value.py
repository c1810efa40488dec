"""The value model of DESIGN.md, checked on numbers one can redo by hand."""

from __future__ import annotations

import pytest

from cxprior.domain import goal_weights, score, value_table


def test_goal_weights_are_normalised_to_one(two_goal_workspace):
    assert goal_weights(two_goal_workspace) == {"G1": 0.75, "G2": 0.25}


def test_kpi_weight_sums_goal_weight_times_link_strength(two_goal_workspace):
    scores = score(two_goal_workspace)
    assert scores.kpi_weight["NPS"] == pytest.approx(0.75)
    assert scores.kpi_weight["CHURN"] == pytest.approx(0.75 * 0.5 + 0.25)
    assert scores.kpi_weight["ORPHAN"] == 0


def test_value_is_weighted_progress_toward_target(two_goal_workspace):
    scores = score(two_goal_workspace)
    # A: +5 NPS points out of a 20-point span = 25 % progress, weight 0.75 → 18.75
    assert scores.value["A"] == pytest.approx(18.75)
    # B: churn −1 out of a 4-point span toward a lower target = +25 %, × 0.625 × confidence 0.5
    assert scores.value["B"] == pytest.approx(100 * 0.5 * 0.625 * 0.25)


def test_moving_away_from_target_is_negative_value(two_goal_workspace):
    from dataclasses import replace

    from cxprior.domain import Impact

    worse = replace(two_goal_workspace, impacts=(Impact("A", "CHURN", +1.0),))
    assert score(worse).value["A"] < 0


def test_contributions_per_goal_add_up_to_the_value(two_goal_workspace):
    scores = score(two_goal_workspace)
    for iid, value in scores.value.items():
        assert sum(scores.by_goal[iid].values()) == pytest.approx(value)
    assert scores.by_goal["B"]["G2"] == pytest.approx(100 * 0.5 * 0.25 * 0.25)


def test_disconnected_kpi_and_worthless_initiatives_are_warnings(two_goal_workspace):
    warnings = {(w.code, w.subject_id) for w in score(two_goal_workspace).warnings}
    assert ("kpi_disconnected", "ORPHAN") in warnings
    assert ("initiative_disconnected", "C") in warnings
    assert ("initiative_no_impact", "D") in warnings
    assert not any(subject == "A" for _, subject in warnings)


def test_warnings_speak_french_when_asked(two_goal_workspace):
    messages = [w.message for w in score(two_goal_workspace, lang="fr").warnings]
    assert any("n'est relié à aucun objectif" in m for m in messages)


def test_value_table_has_value_per_thousand_euros_and_goal_columns(two_goal_workspace):
    table = value_table(two_goal_workspace)
    row = table.set_index("initiative_id").loc["A"]
    assert row["value_per_meur"] == pytest.approx(18.75 / 100 * 1_000_000)  # 18.75 points for 100 €
    assert {"goal:G1", "goal:G2"} <= set(table.columns)
