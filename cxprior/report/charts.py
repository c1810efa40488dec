"""Charts of the COMEX pack that `cxprior.charts.portfolio` does not have, and their offline rendering.

`goal_value_chart` and `period_budget_chart` follow the dashboard's conventions (colours,
Vega locale, translated labels); `chart_png` renders any Altair chart to PNG with
vl-convert, offline, in the bundled DejaVu font so the PDF and its charts match.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import altair as alt
import pandas as pd

from cxprior.charts import GOAL_COLOUR, SELECTED_COLOUR, TARGET_COLOUR, kpi_progress_chart, vega_locale
from cxprior.domain import TOTAL_PERIOD
from cxprior.i18n import format_money, format_number, format_percent, tr
from cxprior.report.data import GoalLine, KpiLine, PeriodLine

FONT_DIR = Path(__file__).with_name("fonts")
FONT_FAMILY = "DejaVu Sans"
MONEY_AXIS = "$,.3~s"


def goal_value_chart(goals: Sequence[GoalLine], lang: str = "en") -> alt.LayerChart:
    """Portfolio value per strategic goal, bars labelled with their share of the value."""
    data = pd.DataFrame(
        {
            "goal": [g.name for g in goals],
            "value": [g.value for g in goals],
            "label": [
                f"{format_number(g.value, lang, 1)} ({format_percent(g.share, lang)})"
                if g.share is not None
                else format_number(g.value, lang, 1)
                for g in goals
            ],
        }
    )
    base = alt.Chart(data).encode(
        y=alt.Y("goal:N", title=None, sort=None),
        x=alt.X("value:Q", title=tr("report.col.value", lang)),
    )
    bars = base.mark_bar(color=GOAL_COLOUR)
    labels = base.mark_text(align="left", dx=4, color="#333333").encode(text="label:N")
    chart = alt.layer(bars, labels).properties(
        title=tr("report.chart.goals", lang), height=max(80, 30 * len(goals))
    )
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)


def period_budget_chart(periods: Sequence[PeriodLine], lang: str = "en") -> alt.LayerChart:
    """Cost per period as bars, each period's budget as a tick; the total alone when there are no periods."""
    shown = [p for p in periods if p.period != TOTAL_PERIOD] or list(periods)
    total_label = tr("report.total", lang)
    data = pd.DataFrame(
        {
            "period": [total_label if p.period == TOTAL_PERIOD else p.period for p in shown],
            "cost": [p.cost for p in shown],
            "budget": [p.budget for p in shown],
            # labels go after the bar or the budget tick, whichever is further right
            "label_at": [max(p.cost, p.budget or 0.0) for p in shown],
            "label": [
                f"{format_money(p.cost, lang)} ({format_percent(p.used, lang)})"
                if p.used is not None
                else format_money(p.cost, lang)
                for p in shown
            ],
        }
    )
    cost_label, budget_label = tr("report.chart.cost", lang), tr("report.chart.budget", lang)
    data["cost_series"] = cost_label
    data["budget_series"] = budget_label
    colour = alt.Scale(domain=[cost_label, budget_label], range=[SELECTED_COLOUR, TARGET_COLOUR])
    legend = alt.Legend(orient="top", title=None)
    base = alt.Chart(data).encode(y=alt.Y("period:N", title=None, sort=None))
    bars = base.mark_bar().encode(
        x=alt.X("cost:Q", title=tr("report.chart.amount", lang), axis=alt.Axis(format=MONEY_AXIS)),
        color=alt.Color("cost_series:N", scale=colour, legend=legend),
    )
    budget = base.mark_tick(thickness=3).encode(
        x="budget:Q", color=alt.Color("budget_series:N", scale=colour, legend=legend)
    )
    labels = base.mark_text(align="left", dx=6, color="#333333").encode(x="label_at:Q", text="label:N")
    chart = alt.layer(bars, budget, labels).properties(
        title=tr("report.chart.periods", lang), height=max(80, 30 * len(shown))
    )
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)


def kpi_chart(kpis: Sequence[KpiLine], lang: str = "en") -> alt.LayerChart:
    """The dashboard's KPI progress chart, fed from the pack's figures."""
    projection = pd.DataFrame(
        {
            "kpi_id": [k.kpi_id for k in kpis],
            "name": [k.name for k in kpis],
            "unit": [k.unit for k in kpis],
            "baseline": [k.baseline for k in kpis],
            "projected": [k.projected for k in kpis],
            "target": [k.target for k in kpis],
            "progress": [k.progress for k in kpis],
        }
    )
    return kpi_progress_chart(projection, lang).properties(title=tr("report.chart.kpis", lang))


@cache
def _register_fonts() -> None:
    import vl_convert

    vl_convert.register_font_directory(str(FONT_DIR))


def _with_inline_data(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A copy of `chart` whose tables are already inline JSON values.

    Altair turns a DataFrame into data through its data transformer, a process-wide setting.
    Streamlit switches it to its own Arrow transformer while it draws a chart on a page, from
    whichever session's thread: a pack rendered at that moment got data references that
    vl-convert cannot resolve, and the PDF showed axes with no bars. Inline values never go
    through the transformer, whatever another thread has enabled."""
    chart = chart.copy(deep=True)
    pending = [chart]
    while pending:
        part = pending.pop()
        data = getattr(part, "data", alt.Undefined)
        if isinstance(data, pd.DataFrame):
            part.data = alt.InlineData(values=json.loads(data.to_json(orient="records", date_format="iso")))
        for attribute in ("layer", "hconcat", "vconcat", "concat"):
            pending.extend(getattr(part, attribute, None) or ())
        inner = getattr(part, "spec", alt.Undefined)
        if isinstance(inner, alt.TopLevelMixin | alt.SchemaBase) and inner is not alt.Undefined:
            pending.append(inner)
    return chart


def chart_png(chart: alt.TopLevelMixin, *, width: int, scale: float = 2.0) -> bytes:
    """PNG bytes of `chart`, `width` CSS pixels wide (×`scale` for print), rendered offline."""
    import vl_convert

    _register_fonts()
    spec = _with_inline_data(chart).to_dict()
    spec["width"] = width
    config = spec.setdefault("config", {})
    config["font"] = FONT_FAMILY
    # long KPI and goal names: print has room for more of the label than a dashboard tile
    config.setdefault("axis", {}).setdefault("labelLimit", 230)
    config.setdefault("background", "white")
    return vl_convert.vegalite_to_png(spec, scale=scale)
