"""The KPI trajectory chart draws each series of `trajectory_frame` in its own layer: the
baseline and the target as dashed lines, the plan as a step, the measurements as dots."""

from __future__ import annotations

import pandas as pd

from cxprior.charts import scorecard_chart, trajectory_chart

ROWS = [
    # NPS: baseline 8, plan 8 then 10 once an initiative finishes in 2027, measured 6.5 in 2026
    ("NPS", "NPS", "pts", "2026", "baseline", 8.0),
    ("NPS", "NPS", "pts", "2026", "plan", 8.0),
    ("NPS", "NPS", "pts", "2026", "actual", 6.5),
    ("NPS", "NPS", "pts", "2026", "target", 25.0),
    ("NPS", "NPS", "pts", "2027", "baseline", 8.0),
    ("NPS", "NPS", "pts", "2027", "plan", 10.0),
    ("NPS", "NPS", "pts", "2027", "target", 25.0),
    ("CES", "Effort", "", "2026", "plan", 3.0),
]
FRAME = pd.DataFrame(ROWS, columns=["kpi_id", "name", "unit", "period", "series", "value"])


def _layers(spec: dict) -> list[tuple[object, dict]]:
    return [(layer["transform"][0]["filter"], layer["mark"]) for layer in spec["layer"]]


def test_each_series_has_its_layer_the_plan_a_step_and_only_the_chosen_kpi_is_drawn():
    spec = trajectory_chart(FRAME, "NPS", "fr").to_dict()
    filters = [f for f, _ in _layers(spec)]
    assert filters == [
        {"field": "series", "oneOf": ["baseline", "target"]},
        {"field": "series", "equal": "plan"},
        {"field": "series", "equal": "actual"},
    ]
    marks = [m for _, m in _layers(spec)]
    assert marks[0]["strokeDash"] == [4, 4] and marks[1]["interpolate"] == "step-after"
    (values,) = [d for d in spec["datasets"].values()]
    assert {v["kpi_id"] for v in values} == {"NPS"} and len(values) == 7
    assert {v["series_label"] for v in values} == {"Référence", "Plan", "Réalisé", "Cible"}


def test_the_scorecard_has_a_planned_and_an_actual_bar_per_goal_and_period():
    frame = pd.DataFrame(
        [("G1", "Fidéliser", "2026", 0.0, -2.5, -2.5, True)],
        columns=["goal_id", "name", "period", "planned_points", "actual_points", "gap", "behind"],
    )
    (values,) = list(scorecard_chart(frame, "en").to_dict()["datasets"].values())
    assert [(v["what"], v["value"]) for v in values] == [("Planned", 0.0), ("Actual", -2.5)]
