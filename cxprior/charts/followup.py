"""The follow-up charts: a KPI's trajectory (baseline, plan, actual, target) and the goals'
value points planned against actual. Data come from `trajectory_frame` and `scorecard_frame`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxprior.charts.portfolio import GOAL_COLOUR, SELECTED_COLOUR, TARGET_COLOUR, vega_locale
from cxprior.i18n import format_number, tr

SERIES = ("baseline", "plan", "actual", "target")
SERIES_COLOURS = ("#9aa5ad", SELECTED_COLOUR, "#c2410c", TARGET_COLOUR)


def trajectory_chart(frame: pd.DataFrame, kpi_id: str, lang: str = "en") -> alt.LayerChart:
    """One KPI over the periods: baseline and target as dashed rules, the plan as a step that
    rises at each planned finish, the measurements as dots joined by a line."""
    data = frame[frame["kpi_id"] == kpi_id].copy()
    labels = {s: tr(f"chart.fu.series.{s}", lang) for s in SERIES}
    data["series_label"] = data["series"].map(labels)
    data["value_text"] = [format_number(v, lang, 1) for v in data["value"]]
    unit = str(data["unit"].iloc[0]) if len(data) and str(data["unit"].iloc[0]) else ""
    value_title = f"{tr('chart.fu.value', lang)} ({unit})" if unit else tr("chart.fu.value", lang)
    colour = alt.Color(
        "series_label:N",
        title=tr("chart.fu.series", lang),
        scale=alt.Scale(domain=[labels[s] for s in SERIES], range=list(SERIES_COLOURS)),
    )
    x = alt.X(
        "period:O",
        title=tr("chart.fu.period", lang),
        sort=list(dict.fromkeys(data["period"])),
        axis=alt.Axis(labelAngle=0),
    )
    y = alt.Y("value:Q", title=value_title, scale=alt.Scale(zero=False))
    tooltip = [
        alt.Tooltip("series_label:N", title=tr("chart.fu.series", lang)),
        alt.Tooltip("period:O", title=tr("chart.fu.period", lang)),
        alt.Tooltip("value_text:N", title=tr("chart.fu.value", lang)),
    ]
    base = alt.Chart(data).encode(x=x, y=y, color=colour, tooltip=tooltip)
    rules = base.transform_filter(
        alt.FieldOneOfPredicate(field="series", oneOf=["baseline", "target"])
    ).mark_line(strokeDash=[4, 4])
    plan = base.transform_filter(alt.FieldEqualPredicate(field="series", equal="plan")).mark_line(
        interpolate="step-after", point=True
    )
    actual = base.transform_filter(alt.FieldEqualPredicate(field="series", equal="actual")).mark_line(
        point=alt.OverlayMarkDef(size=80, filled=True)
    )
    return (rules + plan + actual).properties(height=280).configure(locale=vega_locale(lang))


def scorecard_chart(frame: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Value points planned against actual, per goal and measured period (grouped bars)."""
    planned, actual = tr("chart.fu.planned_points", lang), tr("chart.fu.actual_points", lang)
    data = frame.melt(
        id_vars=["goal_id", "name", "period"], value_vars=["planned_points", "actual_points"], var_name="what"
    )
    data["what"] = data["what"].map({"planned_points": planned, "actual_points": actual})
    data["value_text"] = [format_number(v, lang, 1) for v in data["value"]]
    data["label"] = data["name"] + " · " + data["period"].astype(str)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
            yOffset=alt.YOffset("what:N", sort=[planned, actual]),
            x=alt.X("value:Q", title=tr("chart.fu.points", lang)),
            color=alt.Color(
                "what:N", title="", scale=alt.Scale(domain=[planned, actual], range=[GOAL_COLOUR, "#c2410c"])
            ),
            tooltip=[
                alt.Tooltip("label:N", title=tr("chart.fu.goal", lang)),
                alt.Tooltip("what:N", title=""),
                alt.Tooltip("value_text:N", title=tr("chart.fu.points", lang)),
            ],
        )
        .configure(locale=vega_locale(lang))
    )
