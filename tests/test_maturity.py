"""The maturity self-diagnostic: scores, staircase steps, weakest competency, recommendation."""

from __future__ import annotations

import json

import pytest

from cxprior.analysis import (
    COMPETENCIES,
    QUESTIONNAIRE,
    MaturityAnswers,
    MaturityError,
    apply_recommendation,
    assess,
    competency_cost,
    overall_sentence,
    parse_answers,
    recommendation_sentence,
    recommendation_warning,
    statements,
    step_for_score,
    step_name,
)
from cxprior.domain import Competency, Initiative, Scenario, Workspace
from cxprior.i18n import CATALOG

CU, SE, CM, DI = COMPETENCIES


def answers(cu=(3,) * 5, se=(3,) * 5, cm=(3,) * 5, di=(3,) * 5) -> MaturityAnswers:
    return parse_answers({CU: cu, SE: se, CM: cm, DI: di})


def test_questionnaire_has_five_statements_per_competency_in_both_languages():
    assert [len(QUESTIONNAIRE[c]) for c in COMPETENCIES] == [5, 5, 5, 5]
    for competency in COMPETENCIES:
        english, french = statements(competency, "en"), statements(competency, "fr")
        assert len(set(english)) == 5 and len(set(french)) == 5
        assert english != french
    assert "reproductible" in statements(CU, "fr")[0]


def test_the_staircase_has_six_named_steps_and_step_two_is_exploration():
    assert [step_name(s, "en") for s in range(1, 7)] == [
        "Unaware",
        "Exploration",
        "Structuring",
        "Deployment",
        "Integration",
        "Embedded culture",
    ]
    assert step_name(2, "fr") == "Exploration"
    assert step_name(6, "fr") == "Culture ancrée"


@pytest.mark.parametrize(
    ("score", "step"),
    [
        (1.0, 1),
        (1.6, 1),
        (1.8, 2),
        (2.2, 2),
        (2.4, 3),
        (2.8, 3),
        (3.0, 4),
        (3.6, 4),
        (3.8, 5),
        (4.2, 5),
        (4.4, 6),
        (5.0, 6),
    ],
)
def test_scores_map_to_six_equal_bands_of_the_one_to_five_range(score, step):
    assert step_for_score(score) == step


def test_competency_score_is_the_mean_of_its_answers_and_maps_to_a_step():
    result = assess(answers(cu=(1, 2, 2, 2, 2), se=(4, 4, 4, 4, 3), cm=(5, 5, 5, 5, 5), di=(3, 3, 3, 3, 3)))
    assert result.score == {CU: pytest.approx(1.8), SE: pytest.approx(3.8), CM: 5.0, DI: 3.0}
    assert result.step == {CU: 2, SE: 5, CM: 6, DI: 4}


def test_overall_step_comes_from_the_mean_of_the_four_competency_scores():
    # (1.8 + 3.8 + 5 + 3) / 4 = 3.4 → step 4
    result = assess(answers(cu=(1, 2, 2, 2, 2), se=(4, 4, 4, 4, 3), cm=(5,) * 5))
    assert result.overall_score == pytest.approx(3.4)
    assert result.overall_step == 4


def test_weakest_competency_has_the_lowest_score():
    result = assess(answers(cm=(2, 2, 3, 3, 3)))
    assert result.weakest is CM


def test_a_tie_goes_to_the_competency_earlier_in_the_questionnaire():
    assert assess(answers(se=(2,) * 5, di=(2,) * 5)).weakest is SE
    assert assess(answers()).weakest is CU


def test_recommendation_is_a_minimum_budget_share_on_the_weakest_competency():
    result = assess(answers(di=(2, 2, 1, 2, 2)))
    assert result.recommendation.competency is DI
    assert result.recommendation.step == 2
    assert result.recommendation.setting == {"design_improvement": 0.2}
    assert assess(answers(di=(1,) * 5), share=0.3).recommendation.setting == {"design_improvement": 0.3}


def test_recommendation_sentence_names_competency_step_and_share():
    result = assess(answers(di=(2, 2, 1, 2, 2)))
    assert recommendation_sentence(result, "en") == (
        "Build “Design and continuous improvement” first: it is your weakest competency (step 2, "
        "Exploration). Put at least 20% of the portfolio's budget on initiatives that build it — the "
        "company climbs the staircase only as fast as its weakest competency."
    )
    assert recommendation_sentence(result, "fr").startswith(
        "Développez d'abord « Design et amélioration continue » : c'est votre compétence la plus "
        "faible (marche 2, Exploration). Consacrez-lui au moins 20\u00a0% du budget"
    )


def test_nothing_is_recommended_when_every_competency_is_on_the_top_step():
    top = assess(answers(cu=(5,) * 5, se=(5,) * 5, cm=(5, 5, 5, 5, 4), di=(5,) * 5))
    assert top.step[CM] == 6
    assert top.recommendation.competency is None
    assert top.recommendation.setting == {}
    assert apply_recommendation(Scenario(budget_total=100.0), top) == Scenario(budget_total=100.0)
    assert "no minimum budget share" in recommendation_sentence(top, "en")


def test_overall_sentence_compares_with_french_companies_on_step_two():
    low = assess(answers(cu=(2,) * 5, se=(2,) * 5, cm=(2,) * 5, di=(2,) * 5))
    assert overall_sentence(low, "en") == (
        "Overall, the company is on step 2 of 6, Exploration. French companies were said to be on "
        "step 2, Exploration."
    )
    high = assess(answers())
    assert overall_sentence(high, "fr") == (
        "Globalement, l'entreprise est sur la marche 4 sur 6, Déploiement : au-dessus de la marche 2, "
        "Exploration, où étaient décrites les entreprises françaises."
    )


def test_applying_the_recommendation_adds_the_share_without_touching_the_input():
    scenario = Scenario(budget_total=1000.0, min_competency_share={"culture_management": 0.1})
    result = assess(answers(cu=(1,) * 5))
    applied = apply_recommendation(scenario, result)
    assert applied.min_competency_share == {"culture_management": 0.1, "customer_understanding": 0.2}
    assert applied.budget_total == 1000.0
    assert scenario.min_competency_share == {"culture_management": 0.1}


def test_applying_the_recommendation_never_loosens_a_stricter_share():
    scenario = Scenario(min_competency_share={"customer_understanding": 0.35})
    applied = apply_recommendation(scenario, assess(answers(cu=(1,) * 5)))
    assert applied.min_competency_share == {"customer_understanding": 0.35}


def test_answers_accept_french_competency_labels_and_round_trip_through_json():
    parsed = parse_answers(
        {
            "Compréhension du client": [1, 2, 3, 4, 5],
            "stratégie_engagement": [2] * 5,
            "culture et management": [3] * 5,
            "design_improvement": [4] * 5,
        }
    )
    assert parsed.scores[CU] == (1, 2, 3, 4, 5)
    assert parse_answers(json.loads(json.dumps(parsed.to_dict()))) == parsed


def test_every_bad_answer_is_named_in_one_error():
    with pytest.raises(MaturityError) as caught:
        parse_answers(
            {
                "customer_understanding": [1, 2, 3, 4],
                "strategy_engagement": [1, 2, 6, 4, 5],
                "culture_management": [1, 2, 3, 4, 5],
                "brand": [1, 2, 3, 4, 5],
            }
        )
    assert caught.value.problems == (
        "Unknown competency “brand”. Expected one of: customer_understanding, strategy_engagement, "
        "culture_management, design_improvement.",
        "“Customer understanding”: 4 answers for 5 statements.",
        "“Strategy and engagement”, statement 3: “6” is not a score from 1 to 5.",
        "No answers for “Design and continuous improvement”: score its 5 statements.",
    )


def test_answer_errors_speak_french():
    with pytest.raises(MaturityError) as caught:
        parse_answers({CU: (0, 1, 1, 1, 1), SE: (1,) * 5, CM: (1,) * 5, DI: (1,) * 5}, lang="fr")
    assert caught.value.message == (
        "« Compréhension du client », affirmation 1 : « 0 » n'est pas une note de 1 à 5."
    )


@pytest.mark.parametrize("bad", [2.5, True, "4", None])
def test_a_score_must_be_a_whole_number_from_one_to_five(bad):
    with pytest.raises(MaturityError, match="statement 2"):
        parse_answers({CU: (1, bad, 1, 1, 1), SE: (1,) * 5, CM: (1,) * 5, DI: (1,) * 5})


def test_assess_checks_answers_built_by_hand():
    with pytest.raises(MaturityError, match="No answers for “Culture and management”"):
        assess(MaturityAnswers({CU: (1,) * 5, SE: (1,) * 5, DI: (1,) * 5}))


def test_warning_when_no_initiative_builds_the_recommended_competency():
    result = assess(answers(cu=(1,) * 5))
    without = Workspace(
        initiatives=(Initiative("A", "Chatbot", 10.0, competency=Competency.DESIGN_IMPROVEMENT),)
    )
    assert recommendation_warning(without, result, "en") == (
        "No initiative in the backlog builds “Customer understanding”: add some (column competency) "
        "before applying this minimum share, or no portfolio can meet it."
    )
    with_one = Workspace(initiatives=(Initiative("B", "Panel", 5.0, competency=CU),))
    assert recommendation_warning(with_one, result) is None


def test_competency_cost_sums_the_cost_of_initiatives_building_each_competency():
    ws = Workspace(
        initiatives=(
            Initiative("A", "Panel", 10.0, competency=CU),
            Initiative("B", "Voice of customer", 30.0, competency=CU),
            Initiative("C", "Manager rituals", 5.0, competency=CM),
            Initiative("D", "No competency", 7.0),
        )
    )
    assert competency_cost(ws) == {CU: 40.0, SE: 0.0, CM: 5.0, DI: 0.0}
    assert competency_cost(ws, ["B", "C", "D"]) == {CU: 30.0, SE: 0.0, CM: 5.0, DI: 0.0}


def test_every_depth_message_has_english_and_french():
    for key, entry in CATALOG.items():
        if key.startswith("depth."):
            assert entry.get("en") and entry.get("fr"), key


def test_the_optimizer_honours_the_recommended_minimum_share_of_spend():
    # budget 100: B + C (value 35) wins, but with 20 % of spend on customer understanding
    # the best is A + B (value 25, 30 % of spend on A)
    from cxprior.domain import Direction, Goal, Impact, Kpi, KpiGoalLink
    from cxprior.portfolio import optimize

    ws = Workspace(
        goals=(Goal("G", "Grow", 1.0),),
        kpis=(Kpi("K", "Satisfaction", Direction.INCREASE, 0.0, 100.0),),
        links=(KpiGoalLink("K", "G"),),
        initiatives=(
            Initiative("A", "Customer panel", 30.0, competency=CU),
            Initiative("B", "New app", 70.0, competency=DI),
            Initiative("C", "Chatbot", 30.0, competency=DI),
        ),
        impacts=(Impact("A", "K", 5.0), Impact("B", "K", 20.0), Impact("C", "K", 15.0)),
    )
    scenario = Scenario(budget_total=100.0)
    assert optimize(ws, scenario, explain=False).selected == ("B", "C")
    applied = apply_recommendation(scenario, assess(answers(cu=(1,) * 5)))
    result = optimize(ws, applied, explain=False)
    assert result.selected == ("A", "B")
    assert result.objective == pytest.approx(25.0)


def test_on_the_french_sample_the_recommended_share_is_met_by_the_optimum():
    from pathlib import Path

    from cxprior.domain import default_scenario
    from cxprior.portfolio import optimize
    from cxprior.workbook import read_workbook

    ws = read_workbook(Path(__file__).parents[1] / "sample_data" / "cx_workspace_fr.xlsx").workspace
    assessment = assess(answers(cm=(2, 1, 2, 2, 1)))
    assert assessment.weakest is CM
    assert recommendation_warning(ws, assessment) is None
    result = optimize(ws, apply_recommendation(default_scenario(ws), assessment), explain=False)
    assert result.is_solved
    assert competency_cost(ws, result.selected)[CM] >= 0.2 * result.total_cost - 1e-6
