"""The employee–customer circle: employee-side KPIs, value split, emotion ratio vs 3 : 1."""

from __future__ import annotations

import pytest

from cxprior.analysis import (
    SideSplit,
    circle_frame,
    circle_sentence,
    emotion_ratios,
    emotion_sentence,
    employee_kpis,
    is_emotion_ratio,
    kpi_side,
    portfolio_split,
    value_split,
)
from cxprior.domain import Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Workspace, score


@pytest.fixture
def circle_ws() -> Workspace:
    """KPI weights: NPS 1, eNPS 0.5, attrition 0.5; the emotion ratio is linked to no goal."""
    return Workspace(
        goals=(Goal("G", "Grow", 1.0),),
        kpis=(
            Kpi("NPS", "NPS", Direction.INCREASE, 0.0, 100.0, "pts"),
            Kpi("ENPS", "eNPS", Direction.INCREASE, 0.0, 50.0, "pts", side="employee"),
            Kpi("ATTR", "Attrition", Direction.DECREASE, 20.0, 10.0, "%", side="salarié"),
            Kpi("EMO", "Ratio émotions", Direction.INCREASE, 1.5, 3.5, ":1"),
        ),
        links=(KpiGoalLink("NPS", "G"), KpiGoalLink("ENPS", "G", 0.5), KpiGoalLink("ATTR", "G", 0.5)),
        initiatives=(
            Initiative("A", "Advisor coaching", 100.0),
            Initiative("B", "Retention of advisors", 50.0, confidence=0.5),
            Initiative("C", "Callback", 80.0),
            Initiative("D", "Delight moments", 20.0, confidence=0.6),
        ),
        impacts=(
            Impact("A", "NPS", 10.0),
            Impact("A", "ENPS", 5.0),
            Impact("B", "ATTR", -2.0),
            Impact("C", "NPS", 20.0),
            Impact("C", "EMO", 1.0),
            Impact("D", "EMO", 1.0),
        ),
    )


def test_kpis_marked_employee_or_salarie_are_employee_side(circle_ws):
    assert [k.kpi_id for k in employee_kpis(circle_ws)] == ["ENPS", "ATTR"]
    assert kpi_side(Kpi("X", "X", Direction.INCREASE, 0, 1, side="Collaborateur")) == "employee"
    assert kpi_side(Kpi("X", "X", Direction.INCREASE, 0, 1, side="")) == "customer"


def test_each_initiative_value_splits_by_side_and_adds_up(circle_ws):
    splits = value_split(circle_ws)
    # A: +10 NPS of 100 × weight 1 = 10 points; +5 eNPS of 50 × weight 0.5 = 5 points
    assert splits["A"] == SideSplit(pytest.approx(10.0), pytest.approx(5.0))
    # B: attrition −2 of a 10-point span × weight 0.5 × confidence 0.5 = 5 points
    assert splits["B"] == SideSplit(0.0, pytest.approx(5.0))
    scores = score(circle_ws)
    for iid, split in splits.items():
        assert split.total == pytest.approx(scores.value[iid])


def test_a_portfolio_split_sums_its_initiatives(circle_ws):
    split = portfolio_split(circle_ws, ["A", "B", "C"])
    assert (split.customer, split.employee) == (pytest.approx(30.0), pytest.approx(10.0))
    assert split.employee_share == pytest.approx(0.25)
    assert portfolio_split(circle_ws, []).employee_share == 0.0


def test_circle_sentence_names_the_employee_kpis_and_their_share(circle_ws):
    split = portfolio_split(circle_ws, ["A", "B"])
    assert circle_sentence(circle_ws, split, "en") == (
        "Employee-side KPIs (eNPS, Attrition) bring 50% of the portfolio's value (10.0 of 20.0 value "
        "points): engaged employees make satisfied customers."
    )
    assert circle_sentence(circle_ws, split, "fr").startswith(
        "Les indicateurs côté collaborateurs (eNPS, Attrition) apportent 50\u00a0% de la valeur"
    )


def test_without_employee_kpis_the_sentence_says_how_to_add_them():
    ws = Workspace(kpis=(Kpi("NPS", "NPS", Direction.INCREASE, 0, 10),))
    assert circle_sentence(ws, SideSplit(0.0, 0.0), "en").startswith("No KPI is marked employee-side")


def test_circle_frame_has_one_row_per_initiative(circle_ws):
    frame = circle_frame(circle_ws, ["A"]).set_index("initiative_id")
    assert frame.loc["A", "employee_value"] == pytest.approx(5.0)
    assert frame.loc["A", "customer_value"] == pytest.approx(10.0)
    assert frame["selected"].tolist() == [True, False, False, False]


@pytest.mark.parametrize(
    ("kpi_id", "name", "unit", "expected"),
    [
        ("EMOTION_RATIO", "Positive vs negative", "", True),
        ("EMO", "Positive vs negative", "", False),
        ("R1", "Ratio émotionnel achat", "", True),
        ("R2", "Positive experiences", "x : 1", True),
        ("R3", "Positive experiences", "Ratio", True),
        ("NPS", "Net promoter score", "pts", False),
        ("CSAT", "Satisfaction", "%", False),
    ],
)
def test_emotion_ratio_kpis_are_found_by_unit_or_name(kpi_id, name, unit, expected):
    assert is_emotion_ratio(Kpi(kpi_id, name, Direction.INCREASE, 1.0, 3.0, unit)) is expected


def test_emotion_ratio_compares_the_baseline_with_the_three_to_one_benchmark(circle_ws):
    [ratio] = emotion_ratios(circle_ws)
    assert (ratio.kpi_id, ratio.baseline, ratio.benchmark, ratio.projected) == ("EMO", 1.5, 3.0, None)
    assert ratio.status == "below"
    assert emotion_sentence(ratio, "en") == "Ratio émotions is 1.5 : 1, below the 3 : 1 of CX leaders."
    assert emotion_sentence(ratio, "fr") == (
        "Ratio émotions : 1,5 pour 1, sous le repère des leaders CX (3 pour 1)."
    )


def test_projected_emotion_ratio_adds_confidence_weighted_impacts(circle_ws):
    [below] = emotion_ratios(circle_ws, ["C"])
    assert below.projected == pytest.approx(2.5) and below.status == "below"
    [leader] = emotion_ratios(circle_ws, ["C", "D"])
    # 1.5 + 1.0 × 1 + 1.0 × 0.6 = 3.1
    assert leader.projected == pytest.approx(3.1) and leader.status == "leader"
    assert leader.meets(leader.target) is True
    assert emotion_sentence(leader, "en") == (
        "Ratio émotions goes from 1.5 : 1 to 3.1 : 1 with this portfolio, reaching the 3 : 1 of CX leaders."
    )


def test_no_emotion_ratio_without_such_a_kpi():
    ws = Workspace(kpis=(Kpi("NPS", "NPS", Direction.INCREASE, 0, 10, "pts"),))
    assert emotion_ratios(ws, ["A"]) == ()


def test_the_french_sample_counts_employee_engagement_in_the_optimum_and_has_an_emotion_ratio():
    from pathlib import Path

    from cxprior.domain import default_scenario
    from cxprior.portfolio import optimize
    from cxprior.workbook import read_workbook

    ws = read_workbook(Path(__file__).parents[1] / "sample_data" / "cx_workspace_fr.xlsx").workspace
    assert [k.kpi_id for k in employee_kpis(ws)] == ["ENPS", "ATTRITION"]
    result = optimize(ws, default_scenario(ws), explain=False)
    split = portfolio_split(ws, result.selected)
    assert split.total == pytest.approx(result.objective)
    assert split.customer > 0 and split.employee > 0
    [ratio] = emotion_ratios(ws, result.selected)
    assert (ratio.kpi_id, ratio.baseline) == ("EMOTIONS", 1.7)
    assert ratio.projected > ratio.baseline
