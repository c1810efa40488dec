"""The goal-weight ranges: per goal, a bar for the interval of its normalised weight over which
the portfolio stays optimal, and a tick at today's weight."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxprior.charts.portfolio import SELECTED_COLOUR, TARGET_COLOUR
from cxprior.i18n import format_percent, tr


def weight_ranges_chart(frame: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """`frame` is `portfolio.ranges_frame(result)`: one bar per goal from `low` to `high`
    (on the 0–100 % axis, so that a narrow interval reads as narrow), today's weight marked."""
    data = frame[["goal_id", "name", "current", "low", "high"]].copy()
    data["label"] = [n or g for g, n in zip(data["goal_id"], data["name"], strict=True)]
    for column in ("current", "low", "high"):
        data[f"{column}_text"] = [format_percent(v, lang) for v in data[column]]
    y = alt.Y("label:N", title=tr("chart.wsens.goal", lang), sort=None, axis=alt.Axis(labelLimit=260))
    tooltip = [
        alt.Tooltip("label:N", title=tr("chart.wsens.goal", lang)),
        alt.Tooltip("low_text:N", title=tr("chart.wsens.low", lang)),
        alt.Tooltip("high_text:N", title=tr("chart.wsens.high", lang)),
        alt.Tooltip("current_text:N", title=tr("chart.wsens.current", lang)),
    ]
    scale = alt.Scale(domain=[0, 1])
    x_title = tr("chart.wsens.weight", lang)
    bars = (
        alt.Chart(data)
        .mark_bar(color=SELECTED_COLOUR, opacity=0.6, height=14)
        .encode(
            x=alt.X("low:Q", title=x_title, scale=scale, axis=alt.Axis(format="%")),
            x2="high:Q",
            y=y,
            tooltip=tooltip,
        )
    )
    today = (
        alt.Chart(data)
        .mark_tick(color=TARGET_COLOUR, thickness=3, size=22)
        .encode(x=alt.X("current:Q", scale=scale), y=y, tooltip=tooltip)
    )
    return alt.layer(bars, today)
