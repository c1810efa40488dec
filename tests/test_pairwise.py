"""Goal weights from pairwise comparisons (AHP) and the consistency ratio that flags contradictions."""

from __future__ import annotations

import pytest

from cxprior.domain import (
    ScenarioError,
    consistency_message,
    pairs,
    pairwise_weights,
    ratio_from_scale,
    with_goal_weights,
)


def test_consistent_judgments_give_the_implied_weights_and_a_zero_ratio():
    # G1 = 2 × G2 = 4 × G3 exactly: weights 4/7, 2/7, 1/7
    result = pairwise_weights(["G1", "G2", "G3"], {("G1", "G2"): 2, ("G1", "G3"): 4, ("G2", "G3"): 2})
    assert result.weights == pytest.approx({"G1": 4 / 7, "G2": 2 / 7, "G3": 1 / 7})
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert result.is_consistent


def test_a_pair_given_the_other_way_round_is_its_reciprocal():
    forward = pairwise_weights(["A", "B"], {("A", "B"): 3})
    backward = pairwise_weights(["A", "B"], {("B", "A"): 1 / 3})
    assert forward.weights == pytest.approx({"A": 0.75, "B": 0.25})
    assert backward.weights == pytest.approx(forward.weights)


def test_missing_judgments_mean_equal_importance():
    result = pairwise_weights(["A", "B", "C", "D"], {})
    assert result.weights == pytest.approx(dict.fromkeys("ABCD", 0.25))


def test_contradictory_judgments_are_flagged_with_the_pair_to_revisit():
    # A > B, B > C, yet C ≫ A: a cycle no weights can honour
    judgments = {("A", "B"): 3, ("B", "C"): 3, ("A", "C"): 1 / 7}
    result = pairwise_weights(["A", "B", "C"], judgments)
    assert result.consistency_ratio > 0.10
    assert not result.is_consistent
    assert result.worst_pair is not None
    message = consistency_message(result, {"A": "Fidéliser", "B": "Conquérir", "C": "Réduire les coûts"})
    assert message.startswith("Inconsistent judgments: consistency ratio ")
    assert "revisit it before using these weights" in message


def test_the_consistency_message_speaks_french():
    result = pairwise_weights(["A", "B", "C"], {("A", "B"): 2, ("A", "C"): 4, ("B", "C"): 2})
    assert consistency_message(result, {}, "fr") == (
        "Jugements cohérents : ratio de cohérence 0,00 (au plus 0,10 est acceptable)."
    )


def test_saaty_scale_steps_turn_into_ratios():
    assert ratio_from_scale(1) == 1.0
    assert ratio_from_scale(5) == 5.0
    assert ratio_from_scale(-4) == 0.25
    with pytest.raises(ValueError):
        ratio_from_scale(0)


def test_every_pair_is_judged_once():
    assert pairs(["A", "B", "C"]) == [("A", "B"), ("A", "C"), ("B", "C")]


def test_new_weights_make_a_new_workspace_and_leave_the_old_one_alone(two_goal_workspace):
    updated = with_goal_weights(two_goal_workspace, {"G2": 3.0})
    assert [g.weight for g in updated.goals] == [3.0, 3.0]
    assert [g.weight for g in two_goal_workspace.goals] == [3.0, 1.0]


def test_weights_must_be_positive_and_goals_known(two_goal_workspace):
    with pytest.raises(ScenarioError) as unknown:
        with_goal_weights(two_goal_workspace, {"G9": 1.0})
    assert unknown.value.message == "No goal has the id G9."
    with pytest.raises(ScenarioError) as zero:
        with_goal_weights(two_goal_workspace, {"G1": 0.0}, lang="fr")
    assert zero.value.message == "Le poids d'un objectif doit être supérieur à 0 (objectif G1)."
