"""The app speaks plain words where it used to speak solver: the result's status line and the
computing-time field."""

from __future__ import annotations

from app_helpers import open_page, shown, start


def test_the_status_line_says_what_the_result_is_without_solver_words():
    at = open_page(start(), "scenario")
    at.button(key="scenario_run").click().run()
    line = next(c for c in shown(at.caption) if c.startswith("Result: "))
    # the sample solves to optimality: its gap is 0, so nothing can be worth more than 0.00 % above it
    assert line.startswith("Result: the best portfolio possible. No portfolio can be worth more than 0.00%")
    for jargon in ("solver", "proven", "gap"):
        assert jargon not in line.lower()
