"""CX-depth charts: staircase, competencies, history, journey, circle, emotions, robustness.

Each returns an Altair chart whose data, tooltips and labels are those the user should read.
"""

from __future__ import annotations

import datetime as dt
import json

import altair as alt
import pandas as pd
import pytest

from cxprior import charts
from cxprior.analysis import EmotionRatio, SideSplit, assess, journey_focus, journey_frame, parse_answers
from cxprior.domain import Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Scenario, Workspace
from cxprior.portfolio import monte_carlo, optimize, robustness_frame


def layers(spec):
    found = []
    for part in spec.get("vconcat", [spec]):
        found.extend(part.get("layer", [part]))
    return found


def tooltip_titles(spec):
    return {tip["title"] for layer in layers(spec) for tip in layer.get("encoding", {}).get("tooltip", [])}


def dataset(spec, column):
    for rows in spec["datasets"].values():
        if rows and column in rows[0]:
            return rows
    raise AssertionError(f"no dataset with {column}")


def label_array(expression: str) -> list[list[str]]:
    """The literal array at the start of a labelExpr (`[...][index]`)."""
    return json.JSONDecoder().raw_decode(expression)[0]


@pytest.fixture
def assessment():
    # 2, 3, 4, 5 → overall 3.5, step 4; customer understanding is the weakest (step 2)
    return assess(
        parse_answers(
            {
                "customer_understanding": [2] * 5,
                "strategy_engagement": [3] * 5,
                "culture_management": [4] * 5,
                "design_improvement": [5] * 5,
            }
        )
    )


def test_the_staircase_marks_the_companys_step_and_where_french_companies_stand(assessment):
    chart = charts.staircase_chart(assessment, "en")
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    rows = dataset(spec, "mark")
    assert [r["step"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r["company"] for r in rows] == [False, False, False, True, False, False]
    assert [r["mark"] for r in rows] == ["", "French companies", "", "You are here", "", ""]
    assert tooltip_titles(spec) == {"Step", "Name", "What it looks like"}
    axis = layers(spec)[0]["encoding"]["x"]["axis"]
    assert label_array(axis["labelExpr"])[5] == ["6. Embedded", "culture"]


def test_the_staircase_in_french(assessment):
    spec = charts.staircase_chart(assessment, "fr").to_dict()
    rows = dataset(spec, "mark")
    assert rows[3]["mark"] == "Vous êtes ici" and rows[3]["name"] == "Déploiement"
    assert rows[1]["mark"] == "Entreprises\nfrançaises"
    assert tooltip_titles(spec) == {"Marche", "Nom", "À quoi elle ressemble"}


def test_the_competency_chart_shows_scores_steps_and_the_weakest(assessment):
    spec = charts.competency_chart(assessment, "fr").to_dict()
    rows = dataset(spec, "score")
    assert [(r["competency"], r["score"], r["step_text"], r["status"]) for r in rows] == [
        ("Compréhension du client", 2.0, "2. Exploration", "La plus faible"),
        ("Stratégie et engagement", 3.0, "4. Déploiement", "Autres compétences"),
        ("Culture et management", 4.0, "5. Intégration", "Autres compétences"),
        ("Design et amélioration continue", 5.0, "6. Culture ancrée", "Autres compétences"),
    ]
    assert rows[0]["score_text"] == "2,0"


def test_the_trend_follows_the_overall_step_over_time():
    history = pd.DataFrame(
        {
            "assessed_at": [dt.datetime(2026, 1, 5, tzinfo=dt.UTC), dt.datetime(2026, 6, 1, tzinfo=dt.UTC)],
            "when": ["05/01/2026 à 09:00 UTC", "01/06/2026 à 14:00 UTC"],
            "author": ["Léa", "Paul"],
            "overall_step": [2, 3],
        }
    )
    spec = charts.maturity_trend_chart(history, "fr").to_dict()
    rows = dataset(spec, "step_text")
    assert [(r["author"], r["overall_step"], r["step_text"]) for r in rows] == [
        ("Léa", 2, "2. Exploration"),
        ("Paul", 3, "3. Structuration"),
    ]
    assert layers(spec)[0]["encoding"]["x"]["axis"]["format"] == "%d/%m/%Y"
    assert tooltip_titles(spec) == {"Date", "Auteur", "Marche globale"}


@pytest.fixture
def journey_ws():
    """Phases Buy, Onboard, Use; a transition "Buy > Onboard"; Use has the most value."""
    return Workspace(
        goals=(Goal("G", "Grow", 1.0),),
        kpis=(Kpi("K", "NPS", Direction.INCREASE, 0.0, 100.0),),
        links=(KpiGoalLink("K", "G"),),
        initiatives=(
            Initiative("B1", "Offer", 100.0, journey_phase="Buy"),
            Initiative("T1", "Hand-off", 40.0, journey_phase="Buy > Onboard"),
            Initiative("O1", "Welcome", 60.0, journey_phase="Onboard"),
            Initiative("U1", "App", 200.0, journey_phase='Use "]+alert(1)+["'),
        ),
        impacts=(
            Impact("B1", "K", 5.0),
            Impact("T1", "K", 4.0),
            Impact("O1", "K", 3.0),
            Impact("U1", "K", 20.0),
        ),
    )


def test_the_journey_charts_draw_phases_in_order_and_gaps_between_them(journey_ws):
    result = optimize(journey_ws, Scenario(budget_total=240.0))
    frame = journey_frame(journey_focus(journey_ws, result), "en")
    spec = charts.journey_value_chart(frame, "en").to_dict()
    rows = dataset(spec, "highlight")
    by_label = {r["label"]: r for r in rows}
    gap = by_label["Gap Buy → Onboard"]
    assert gap["where"] == "Gap between phases" and gap["position"] == 0.5
    # the gap bar sits between the Buy bar (0) and the Onboard bar (1), narrower than them
    assert by_label["Buy"]["right"] < gap["left"] < gap["right"] < by_label["Onboard"]["left"]
    assert by_label['Use "]+alert(1)+["']["highlight"] == "Most value at stake"
    assert by_label["Buy"]["highlight"] == "Phase"
    assert by_label['Use "]+alert(1)+["']["funded_text"] == "€200"
    assert {"Value at stake (points)", "Asked", "Funded", "Initiatives (funded)"} <= tooltip_titles(spec)
    axis = spec["encoding"]["x"]["axis"]
    # a phase name full of quotes and brackets stays text in the axis labels (wrapped on 2 lines)
    assert label_array(axis["labelExpr"]) == [["Buy"], ["Onboard"], ["Use", '"]+alert(1)+["']]
    assert axis["values"] == [0.0, 1.0, 2.0]


def test_the_cost_chart_draws_the_funded_cost_inside_the_asked_cost(journey_ws):
    result = optimize(journey_ws, Scenario(budget_total=240.0))
    frame = journey_frame(journey_focus(journey_ws, result), "fr")
    spec = charts.journey_cost_chart(frame, "fr").to_dict()
    asked, funded = layers(spec)
    # each layer names its series with a string literal: "Demandé" and "Financé"
    assert [json.loads(layer["transform"][0]["calculate"]) for layer in (asked, funded)] == [
        "Demandé",
        "Financé",
    ]
    assert (asked["encoding"]["y"]["field"], funded["encoding"]["y"]["field"]) == (
        "asked_cost",
        "funded_cost",
    )
    rows = {r["label"]: r for r in dataset(spec, "funded_left")}
    use = rows['Use "]+alert(1)+["']
    assert use["left"] < use["funded_left"] < use["funded_right"] < use["right"]
    assert (use["asked_text"], use["funded_text"]) == ("200\u00a0€", "200\u00a0€")


def test_the_side_split_chart_gives_each_sides_value_and_share():
    spec = charts.side_split_chart(SideSplit(customer=60.0, employee=20.0), "fr").to_dict()
    rows = dataset(spec, "side")
    assert [(r["side"], r["value_text"], r["share_text"]) for r in rows] == [
        ("Côté clients", "60,0", "75\u00a0%"),
        ("Côté collaborateurs", "20,0", "25\u00a0%"),
    ]


def test_the_emotion_chart_compares_each_level_with_the_three_to_one_benchmark():
    ratio = EmotionRatio("EMO", "Emotion ratio", baseline=1.7, target=3.0, projected=2.4)
    spec = charts.emotion_chart([ratio], "en").to_dict()
    points = dataset(spec, "ratio_text")
    assert [(r["level"], r["ratio_text"]) for r in points] == [
        ("Baseline", "1.7 : 1"),
        ("With the portfolio", "2.4 : 1"),
        ("Target", "3.0 : 1"),
    ]
    benchmark = dataset(spec, "label")
    assert benchmark == [
        {"ratio": 3.0, "label": "CX leaders' benchmark: 3 positive experiences for 1 negative"}
    ]
    without_portfolio = EmotionRatio("EMO", "Emotion ratio", baseline=1.7, target=3.0, projected=None)
    levels = [r["level"] for r in dataset(charts.emotion_chart([without_portfolio]).to_dict(), "ratio_text")]
    assert levels == ["Baseline", "Target"]


@pytest.fixture(scope="module")
def rivals():
    """One slot: A worth 20 when it delivers (60 %), B a certain 10, C worth nothing."""
    ws = Workspace(
        goals=(Goal("G", "Grow", 1.0),),
        kpis=(Kpi("K", "NPS", Direction.INCREASE, 0.0, 100.0),),
        links=(KpiGoalLink("K", "G"),),
        initiatives=(
            Initiative("A", "Risky", 1.0, confidence=0.6),
            Initiative("B", "Safe", 1.0),
            Initiative("C", "Idle", 1.0),
        ),
        impacts=(Impact("A", "K", 20.0), Impact("B", "K", 10.0)),
    )
    return ws, monte_carlo(ws, Scenario(max_initiatives=1), draws=200, seed=0)


def test_the_core_index_chart_shows_initiatives_kept_or_funded_with_the_thresholds(rivals):
    ws, mc = rivals
    spec = charts.core_index_chart(robustness_frame(mc, ws, "en"), "en").to_dict()
    rows = dataset(spec, "index_text")
    # C is never kept and not funded: left out of the chart
    assert [r["label"] for r in rows] == ["A – Risky", "B – Safe"]
    assert [r["category_text"] for r in rows] == ["Borderline", "Borderline"]
    assert [r["chosen_text"] for r in rows] == ["Yes", "No"]
    assert rows[0]["index_text"] == f"{round(mc.core_index['A'] * 100)}%"
    thresholds = [rows for rows in spec["datasets"].values() if list(rows[0]) == ["core_index"]]
    assert thresholds == [[{"core_index": 0.1}, {"core_index": 0.9}]]


def test_the_value_histogram_counts_every_draw_and_marks_the_percentiles(rivals):
    _, mc = rivals
    spec = charts.value_distribution_chart(mc.chosen_value, mc.percentiles(), "fr", bins=4).to_dict()
    bins = dataset(spec, "range_text")
    assert sum(b["draws"] for b in bins) == 200
    assert bins[0]["range_text"] == "0,0 et 5,0"
    assert bins[0]["draws"] == mc.chosen_value.count(0.0)
    assert bins[-1]["draws"] == mc.chosen_value.count(20.0)
    marks = dataset(spec, "value_text")
    assert [(m["label"], m["value"]) for m in marks] == [("P10", 0.0), ("P50", 20.0), ("P90", 20.0)]


def test_a_histogram_of_identical_values_still_has_a_bin_around_them():
    spec = charts.value_distribution_chart([45.0] * 10, {10: 45.0, 50: 45.0, 90: 45.0}).to_dict()
    bins = dataset(spec, "range_text")
    assert sum(b["draws"] for b in bins) == 10
    assert bins[0]["start"] < 45.0 < bins[-1]["end"]
