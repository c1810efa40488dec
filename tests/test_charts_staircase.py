"""The maturity staircase's marks: "You are here" never drawn over another label or its bar."""

from __future__ import annotations

import pytest

from cxprior import charts
from cxprior.analysis import assess, parse_answers

COMPETENCIES = ("customer_understanding", "strategy_engagement", "culture_management", "design_improvement")


def label_lines(spec) -> list[dict]:
    return next(rows for rows in spec["datasets"].values() if rows and "label_y" in rows[0])


def test_you_are_here_sits_above_the_benchmark_label_when_both_mark_step_2():
    # scores 2, 2, 2, 3 → overall 2.25, step 2: the step French companies were said to be at
    assessment = assess(parse_answers({k: [v] * 5 for k, v in zip(COMPETENCIES, (2, 2, 2, 3), strict=True)}))
    assert assessment.overall_step == 2
    lines = {row["line"]: row for row in label_lines(charts.staircase_chart(assessment, "en").to_dict())}
    assert set(lines) == {"You are here", "French companies"}
    # the bar's top is at 2; the lower line 0.15 step above it, the next 0.4 step higher: at 40 pixels
    # a step (300 pixels for 7.5 steps), 16 pixels apart for 12-pixel text
    assert lines["French companies"]["label_y"] == pytest.approx(2.15)
    assert lines["You are here"]["label_y"] == pytest.approx(2.55)
    assert {row["step"] for row in lines.values()} == {2}


def test_a_two_line_french_label_keeps_its_lines_apart():
    # scores 2, 3, 4, 5 → overall 3.5, step 4
    assessment = assess(parse_answers({k: [v] * 5 for k, v in zip(COMPETENCIES, (2, 3, 4, 5), strict=True)}))
    rows = label_lines(charts.staircase_chart(assessment, "fr").to_dict())
    # "Entreprises françaises" wraps in two lines at step 2, "Vous êtes ici" is alone at step 4
    assert [(r["step"], r["line"], round(r["label_y"], 2)) for r in rows] == [
        (2, "Entreprises", 2.55),
        (2, "françaises", 2.15),
        (4, "Vous êtes ici", 4.15),
    ]
