"""The pack's charts are drawn whatever data transformer another thread has switched on.

Streamlit enables its own Altair data transformer (process-wide) while a page draws a chart;
a pack rendered in another session's thread at that moment used to come out with axes and no
bars. These tests switch such a transformer on, then count the bars' pixels.
"""

from __future__ import annotations

import io

import altair as alt
import numpy as np
import pytest
from PIL import Image

from cxprior.charts import GOAL_COLOUR, SELECTED_COLOUR
from cxprior.report.charts import chart_png, goal_value_chart, period_budget_chart
from cxprior.report.data import GoalLine, PeriodLine

GOALS = [GoalLine("G1", "Fidéliser", 0.6, 80.0, 0.8), GoalLine("G2", "Réduire les coûts", 0.4, 20.0, 0.2)]
PERIODS = [PeriodLine("2026", 300_000.0, 400_000.0, 0.75), PeriodLine("2027", 100_000.0, 400_000.0, 0.25)]


def pixels_of(png: bytes, colour: str) -> int:
    """How many pixels are (nearly) the given colour."""
    target = np.array([int(colour[k : k + 2], 16) for k in (1, 3, 5)])
    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    return int((np.abs(image - target) <= 12).all(axis=-1).sum())


def streamlit_like_transformer(data, **kwargs):
    # what Streamlit's Arrow transformer does: the table is replaced by a reference to a
    # dataset that travels separately, which vl-convert never receives
    return {"name": f"dataset-{id(data)}"}


@pytest.fixture
def foreign_transformer():
    alt.data_transformers.register("foreign", streamlit_like_transformer)
    with alt.data_transformers.enable("foreign"):
        yield


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_goal_bars_are_drawn_while_another_thread_has_its_own_transformer_on(foreign_transformer, lang):
    png = chart_png(goal_value_chart(GOALS, lang), width=150)
    # two bars, the longer 80 / 100 of the axis: far more than a thousand pixels at scale 2
    assert pixels_of(png, GOAL_COLOUR) > 1000


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_period_bars_are_drawn_while_another_thread_has_its_own_transformer_on(foreign_transformer, lang):
    png = chart_png(period_budget_chart(PERIODS, lang), width=250)
    assert pixels_of(png, SELECTED_COLOUR) > 1000


def test_the_chart_given_is_left_as_it_was():
    chart = goal_value_chart(GOALS, "en")
    before = chart.to_dict()
    chart_png(chart, width=150)
    assert chart.to_dict() == before
