"""Charts of listening data: the importance × performance quadrant of a key-driver analysis,
and importance against funded spend per journey phase.

Pure functions of the analysis figures (`drivers_frame`, `alignment_frame`); labels are
translated and tooltip numbers formatted for the language.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxprior.analysis import Alignment, DriverAnalysis, alignment_frame, drivers_frame
from cxprior.charts.portfolio import EXCLUDED_COLOUR, SELECTED_COLOUR, WARNING_COLOUR, vega_locale
from cxprior.i18n import format_number, format_percent, tr


def _finish(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)


def quadrant_chart(analysis: DriverAnalysis, lang: str = "en") -> alt.LayerChart:
    """Each driver's importance (its share of the explained variance, with its bootstrap interval
    as an error bar)
    against its performance (mean answer); the rules at the average importance and the
    average performance cut the four quadrants: top left is "fix first"."""
    frame = drivers_frame(analysis)
    # importance as each driver's share of the explained variance, as the sentences and the
    # alignment chart say it ("79 %"), its interval scaled the same way
    scale = (frame["share"] / frame["importance"]).where(frame["importance"].abs() > 1e-12, 0.0)
    share = frame["share"]
    middle = (frame["mean"].min() + frame["mean"].max()) / 2
    order = frame["mean"].rank(method="first")
    data = pd.DataFrame(
        {
            "name": frame["name"],
            "importance": share,
            "low": (frame["low"] * scale).fillna(share),
            "high": (frame["high"] * scale).fillna(share),
            "mean": frame["mean"],
            "key": frame["most_significant"].map({True: "top", False: "other"}),
            # labels right of the points on the left half, left of them on the right half, and
            # every other one below its point, so that neighbours do not write over each other
            "side": ["left" if m <= middle else "right" for m in frame["mean"]],
            "below": [int(r) % 2 == 0 for r in order],
            "share_text": [format_percent(s, lang) for s in share],
            "mean_text": [format_number(m, lang, 2) for m in frame["mean"]],
            "interval_text": [
                "–" if pd.isna(lo) else f"{format_percent(lo * k, lang)} – {format_percent(hi * k, lang)}"
                for lo, hi, k in zip(frame["low"], frame["high"], scale, strict=True)
            ],
        }
    )
    x = alt.X("mean:Q", title=tr("listen.chart.performance", lang), scale=alt.Scale(zero=False, nice=True))
    y = alt.Y("importance:Q", title=tr("listen.chart.importance", lang), axis=alt.Axis(format="%"))
    colour = alt.Color(
        "key:N",
        scale=alt.Scale(domain=["top", "other"], range=[WARNING_COLOUR, SELECTED_COLOUR]),
        legend=None,
    )
    tooltip = [
        alt.Tooltip("name:N", title=tr("listen.chart.driver", lang)),
        alt.Tooltip("share_text:N", title=tr("listen.chart.share", lang)),
        alt.Tooltip("interval_text:N", title=tr("listen.chart.interval", lang)),
        alt.Tooltip("mean_text:N", title=tr("listen.chart.performance", lang)),
    ]
    base = alt.Chart(data)
    bars = base.mark_rule(strokeWidth=2, opacity=0.6).encode(x=x, y="low:Q", y2="high:Q", color=colour)
    points = base.mark_circle(size=110, opacity=1).encode(x=x, y=y, color=colour, tooltip=tooltip)
    labels = [
        base.transform_filter(f"datum.side == '{side}' && datum.below == {str(below).lower()}")
        .mark_text(
            align="left" if side == "left" else "right",
            dx=8 if side == "left" else -8,
            dy=12 if below else -8,
        )
        .encode(x=x, y=y, text="name:N")
        for side in ("left", "right")
        for below in (False, True)
    ]
    means = pd.DataFrame({"mean": [data["mean"].mean()], "importance": [data["importance"].mean()]})
    rule = {"color": EXCLUDED_COLOUR, "strokeDash": [4, 4]}
    cut_x = alt.Chart(means).mark_rule(**rule).encode(x="mean:Q")
    cut_y = alt.Chart(means).mark_rule(**rule).encode(y="importance:Q")
    return _finish(alt.layer(cut_x, cut_y, bars, points, *labels).properties(height=320), lang)


def alignment_chart(alignment: Alignment, lang: str = "en") -> alt.Chart:
    """Per journey phase, its share of the importance beside its share of the funded spend."""
    frame = alignment_frame(alignment)
    importance_word, spend_word = (
        tr("listen.chart.importance_share", lang),
        tr("listen.chart.spend_share", lang),
    )
    data = pd.concat(
        [
            pd.DataFrame({"phase": frame["phase"], "series": word, "share": frame[column]})
            for word, column in ((importance_word, "importance_share"), (spend_word, "spend_share"))
        ],
        ignore_index=True,
    )
    data["share_text"] = [format_percent(s, lang) for s in data["share"]]
    order = list(frame["phase"])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("phase:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelLimit=140)),
            xOffset=alt.XOffset("series:N", sort=[importance_word, spend_word]),
            y=alt.Y("share:Q", title=None, axis=alt.Axis(format="%")),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(
                    domain=[importance_word, spend_word], range=[WARNING_COLOUR, SELECTED_COLOUR]
                ),
                legend=alt.Legend(orient="top", labelLimit=320),
            ),
            tooltip=[
                alt.Tooltip("phase:N", title=tr("listen.chart.phase", lang)),
                alt.Tooltip("series:N", title=" "),
                alt.Tooltip("share_text:N", title=tr("listen.chart.share", lang)),
            ],
        )
        .properties(height=280)
    )
    return _finish(chart, lang)
