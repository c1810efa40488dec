"""Charts of the CX-depth views: maturity staircase, journey, employee–customer circle, robustness.

Like `cxprior.charts.portfolio`, each function returns an Altair chart with tooltips; labels are
translated and numbers in tooltips are formatted by `cxprior.i18n` for the language.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping, Sequence

import altair as alt
import pandas as pd

from cxprior.analysis import (
    COMPETENCIES,
    EMOTION_BENCHMARK,
    FRENCH_BENCHMARK_STEP,
    STEP_COUNT,
    EmotionRatio,
    MaturityAssessment,
    SideSplit,
    competency_label,
    step_description,
    step_name,
)
from cxprior.charts.portfolio import (
    EXCLUDED_COLOUR,
    GOAL_COLOUR,
    MONEY_AXIS,
    SELECTED_COLOUR,
    TARGET_COLOUR,
    WARNING_COLOUR,
    vega_locale,
)
from cxprior.i18n import format_money, format_number, format_percent, normalise_language, tr
from cxprior.portfolio import BORDERLINE, BORDERLINE_FROM, CORE, CORE_FROM, RARE

BORDERLINE_COLOUR = "#d8a24a"
CATEGORY_COLOURS = {CORE: SELECTED_COLOUR, BORDERLINE: BORDERLINE_COLOUR, RARE: EXCLUDED_COLOUR}
STEP_GREY = "#d5dbe0"
# numeric dates: month names would come out in English whatever the language
DATE_AXIS = {"en": "%Y-%m-%d", "fr": "%d/%m/%Y"}


def _finish(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)


def _lines(text: str, width: int = 14) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False) or [""]


def _labels_expr(labels: Sequence[str], index: str, width: int = 14) -> str:
    """A Vega expression picking multi-line axis labels from a literal array of JSON strings:
    whatever the user named things, each name stays a string, never read as an expression."""
    return f"{json.dumps([_lines(str(label), width) for label in labels], ensure_ascii=True)}[{index}]"


# --- maturity ------------------------------------------------------------------------------

STAIRCASE_HEIGHT = 300  # pixels, for 7.5 steps of scale: 40 pixels a step
LABEL_GAP = 0.15  # steps between a bar's top and its lowest label line (6 pixels)
LINE_STEP = 0.4  # steps between label lines: 16 pixels, more than a 12-pixel line


def staircase_chart(assessment: MaturityAssessment, lang: str = "en") -> alt.LayerChart:
    """The six steps as a staircase, the company's step coloured and marked "You are here";
    step 2, where French companies were said to be, is marked too."""
    here, benchmark = tr("depth.chart.you_are_here", lang), tr("depth.chart.benchmark", lang)
    rows = []
    for step in range(1, STEP_COUNT + 1):
        marks = [here] if step == assessment.overall_step else []
        if step == FRENCH_BENCHMARK_STEP:
            marks.append(benchmark)
        rows.append(
            {
                "step": step,
                "name": step_name(step, lang),
                "description": step_description(step, lang),
                "company": step == assessment.overall_step,
                "mark": "\n".join(line for m in marks for line in _lines(m, 16)),
            }
        )
    data = pd.DataFrame(rows)
    names = [f"{r['step']}. {r['name']}" for r in rows]
    base = alt.Chart(data).encode(
        x=alt.X(
            "step:O",
            title=None,
            axis=alt.Axis(labelAngle=0, labelExpr=_labels_expr(names, "datum.value - 1"), labelLimit=160),
        ),
        y=alt.Y(
            "step:Q",
            title=tr("depth.chart.step", lang),
            stack=None,
            scale=alt.Scale(domain=[0, STEP_COUNT + 1.5]),
            axis=alt.Axis(values=list(range(1, STEP_COUNT + 1)), format="d"),
        ),
        tooltip=[
            alt.Tooltip("step:Q", title=tr("depth.chart.step", lang)),
            alt.Tooltip("name:N", title=tr("depth.chart.step_name", lang)),
            alt.Tooltip("description:N", title=tr("depth.chart.description", lang)),
        ],
    )
    bars = base.mark_bar(width={"band": 0.96}).encode(
        color=alt.condition("datum.company", alt.value(SELECTED_COLOUR), alt.value(STEP_GREY))
    )
    # one text mark per line, stacked upwards from the bar's top: a multi-line text mark grows
    # downwards from its baseline, into the bar and onto the labels under it
    lines = [
        {"step": row["step"], "line": line, "company": row["company"], "label_y": row["step"] + LABEL_GAP}
        for row in rows
        for line in row["mark"].split("\n")
        if line
    ]
    per_step: dict[int, int] = {}
    for line in reversed(lines):
        line["label_y"] += LINE_STEP * per_step.get(line["step"], 0)
        per_step[line["step"]] = per_step.get(line["step"], 0) + 1
    labels = (
        alt.Chart(pd.DataFrame(lines, columns=["step", "line", "company", "label_y"]))
        .mark_text(baseline="bottom", fontWeight="bold", fontSize=12)
        .encode(
            x=alt.X("step:O"),
            y=alt.Y("label_y:Q"),
            text="line:N",
            color=alt.condition("datum.company", alt.value(SELECTED_COLOUR), alt.value(GOAL_COLOUR)),
        )
    )
    return _finish(alt.layer(bars, labels).properties(height=STAIRCASE_HEIGHT), lang)


def competency_chart(assessment: MaturityAssessment, lang: str = "en") -> alt.LayerChart:
    """Score (1–5) of each competency, with its step; the weakest one stands out."""
    weakest, other = tr("depth.chart.weakest", lang), tr("depth.chart.other", lang)
    data = pd.DataFrame(
        [
            {
                "competency": competency_label(c, lang),
                "score": assessment.score[c],
                "score_text": format_number(assessment.score[c], lang, 1),
                "step_text": f"{assessment.step[c]}. {step_name(assessment.step[c], lang)}",
                "status": weakest if c == assessment.weakest else other,
            }
            for c in COMPETENCIES
        ]
    )
    base = alt.Chart(data).encode(
        y=alt.Y("competency:N", title=None, sort=None, axis=alt.Axis(labelLimit=260, labelOverlap=False)),
        # room right of 5 for the step written after each bar
        x=alt.X(
            "score:Q",
            title=tr("depth.chart.score", lang),
            scale=alt.Scale(domain=[0, 6.6]),
            axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d"),
        ),
        tooltip=[
            alt.Tooltip("competency:N", title=tr("depth.chart.competency", lang)),
            alt.Tooltip("score_text:N", title=tr("depth.chart.score", lang)),
            alt.Tooltip("step_text:N", title=tr("depth.chart.step", lang)),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "status:N",
            title=None,
            scale=alt.Scale(domain=[weakest, other], range=[WARNING_COLOUR, SELECTED_COLOUR]),
            legend=alt.Legend(orient="top"),
        )
    )
    labels = base.mark_text(align="left", dx=4).encode(text="step_text:N")
    return _finish(alt.layer(bars, labels).properties(height=260), lang)


def maturity_trend_chart(history: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """The overall step of each saved assessment over time.

    `history` has columns assessed_at (datetime), when (text), author, overall_step.
    """
    data = history[["assessed_at", "when", "author", "overall_step"]].copy()
    data["assessed_at"] = pd.to_datetime(data["assessed_at"], utc=True)
    data["step_text"] = [f"{s}. {step_name(int(s), lang)}" for s in data["overall_step"]]
    base = alt.Chart(data).encode(
        x=alt.X(
            "assessed_at:T",
            title=tr("depth.chart.when", lang),
            axis=alt.Axis(format=DATE_AXIS[normalise_language(lang)], labelAngle=0),
        ),
        y=alt.Y(
            "overall_step:Q",
            title=tr("depth.chart.overall_step", lang),
            scale=alt.Scale(domain=[1, STEP_COUNT]),
            axis=alt.Axis(values=list(range(1, STEP_COUNT + 1)), format="d"),
        ),
        tooltip=[
            alt.Tooltip("when:N", title=tr("depth.chart.when", lang)),
            alt.Tooltip("author:N", title=tr("depth.chart.author", lang)),
            alt.Tooltip("step_text:N", title=tr("depth.chart.overall_step", lang)),
        ],
    )
    chart = alt.layer(
        base.mark_line(color=GOAL_COLOUR, interpolate="step-after"),
        base.mark_point(color=GOAL_COLOUR, filled=True, size=70),
    )
    return _finish(chart.properties(height=220), lang)


# --- journey -------------------------------------------------------------------------------


def _journey_base(frame: pd.DataFrame, lang: str) -> tuple[alt.Chart, alt.Scale, alt.Axis]:
    """The journey's data with bar extents and tooltips, and the shared x scale and axis.

    Phases are wide bars at integer positions; transitions "A > B" narrow bars on the gap
    between A and B. Extents are in data units, so bars keep their proportions at any width.
    """
    data = frame.copy()
    phase_word, gap_word = tr("depth.chart.kind_phase", lang), tr("depth.chart.kind_gap", lang)
    is_phase = data["kind"] == "phase"
    data["where"] = [phase_word if p else gap_word for p in is_phase]
    half = [0.36 if p else 0.09 for p in is_phase]
    data["left"] = data["position"] - half
    data["right"] = data["position"] + half
    inner = [0.2 if p else 0.05 for p in is_phase]
    data["funded_left"] = data["position"] - inner
    data["funded_right"] = data["position"] + inner
    data["value_text"] = [format_number(v, lang, 1) for v in data["value_potential"]]
    data["asked_text"] = [format_money(v, lang) for v in data["asked_cost"]]
    data["funded_text"] = [format_money(v, lang) for v in data["funded_cost"]]
    data["count_text"] = [f"{c} ({f})" for c, f in zip(data["count"], data["funded_count"], strict=True)]
    significant = tr("depth.chart.most_significant", lang)
    data["highlight"] = [
        significant if m else w for m, w in zip(data["most_significant"], data["where"], strict=True)
    ]
    phases = data[is_phase].sort_values("position")
    axis = alt.Axis(
        values=[float(p) for p in phases["position"]],
        labelExpr=_labels_expr(phases["label"].tolist(), "round(datum.value)"),
        labelAngle=0,
        labelLimit=160,
        labelOverlap=False,
        grid=False,
        title=None,
    )
    scale = alt.Scale(domain=[-0.5, max(len(phases), 1) - 0.5], nice=False, zero=False)
    tooltip = [
        alt.Tooltip("label:N", title=tr("depth.chart.phase", lang)),
        alt.Tooltip("where:N", title=tr("depth.chart.kind", lang)),
        alt.Tooltip("value_text:N", title=tr("depth.chart.value_potential", lang)),
        alt.Tooltip("asked_text:N", title=tr("depth.chart.asked_cost", lang)),
        alt.Tooltip("funded_text:N", title=tr("depth.chart.funded_cost", lang)),
        alt.Tooltip("count_text:N", title=tr("depth.chart.count", lang)),
    ]
    return alt.Chart(data).encode(tooltip=tooltip), scale, axis


def journey_value_chart(frame: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Value at stake along the journey (`journey.journey_frame(...)`): phases and the gaps
    between them, the most significant phase in the warning colour."""
    base, scale, axis = _journey_base(frame, lang)
    significant = tr("depth.chart.most_significant", lang)
    domain = [significant, tr("depth.chart.kind_phase", lang), tr("depth.chart.kind_gap", lang)]
    chart = base.mark_bar().encode(
        x=alt.X("left:Q", scale=scale, axis=axis),
        x2="right:Q",
        y=alt.Y("value_potential:Q", title=tr("depth.chart.value_potential", lang)),
        y2=alt.datum(0),
        color=alt.Color(
            "highlight:N",
            title=None,
            scale=alt.Scale(domain=domain, range=[WARNING_COLOUR, GOAL_COLOUR, TARGET_COLOUR]),
            legend=alt.Legend(orient="top"),
        ),
    )
    return _finish(chart.properties(height=280), lang)


def journey_cost_chart(frame: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Cost asked (light) behind cost funded (dark) along the journey: how much of what the
    teams ask in each phase, and on each gap, the portfolio funds."""
    base, scale, axis = _journey_base(frame, lang)
    money = alt.Axis(format=MONEY_AXIS)
    asked_word, funded_word = tr("depth.chart.asked_cost", lang), tr("depth.chart.funded_cost", lang)
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=[asked_word, funded_word], range=[EXCLUDED_COLOUR, SELECTED_COLOUR]),
        legend=alt.Legend(orient="top"),
    )
    layers = [
        base.transform_calculate(series=json.dumps(word))
        .mark_bar()
        .encode(
            x=alt.X(f"{left}:Q", scale=scale, axis=axis),
            x2=f"{right}:Q",
            y=alt.Y(f"{field}:Q", title=tr("depth.chart.cost", lang), axis=money),
            y2=alt.datum(0),
            color=colour,
        )
        for word, field, left, right in (
            (asked_word, "asked_cost", "left", "right"),
            (funded_word, "funded_cost", "funded_left", "funded_right"),
        )
    ]
    return _finish(alt.layer(*layers).properties(height=260), lang)


# --- employee–customer circle ------------------------------------------------------------------


def side_split_chart(split: SideSplit, lang: str = "en") -> alt.LayerChart:
    """The portfolio's value from customer-side and from employee-side KPIs."""
    customer, employee = tr("depth.circle.customer", lang), tr("depth.circle.employee", lang)
    total = split.total
    data = pd.DataFrame(
        {
            "side": [customer, employee],
            "value": [split.customer, split.employee],
        }
    )
    data["value_text"] = [format_number(v, lang, 1) for v in data["value"]]
    data["share_text"] = [format_percent(v / total if total > 0 else 0.0, lang) for v in data["value"]]
    base = alt.Chart(data).encode(
        y=alt.Y("side:N", title=None, sort=[customer, employee]),
        x=alt.X("value:Q", title=tr("depth.chart.value", lang)),
        tooltip=[
            alt.Tooltip("side:N", title=tr("depth.chart.side", lang)),
            alt.Tooltip("value_text:N", title=tr("depth.chart.value", lang)),
            alt.Tooltip("share_text:N", title=tr("depth.chart.share", lang)),
        ],
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "side:N",
            title=None,
            scale=alt.Scale(domain=[customer, employee], range=[GOAL_COLOUR, SELECTED_COLOUR]),
            legend=None,
        )
    )
    labels = base.mark_text(align="left", dx=4).encode(text="share_text:N")
    return _finish(alt.layer(bars, labels).properties(height=170), lang)


def emotion_chart(ratios: Sequence[EmotionRatio], lang: str = "en") -> alt.LayerChart:
    """Each emotion-ratio KPI at baseline, with the portfolio (when any) and at target, against
    the 3 : 1 benchmark of CX leaders (dashed rule)."""
    levels = {
        "baseline": tr("depth.chart.baseline", lang),
        "projected": tr("depth.chart.projected", lang),
        "target": tr("depth.chart.target", lang),
    }
    rows = []
    for ratio in ratios:
        for key, label in levels.items():
            level = getattr(ratio, key)
            if level is None:
                continue
            rows.append(
                {
                    "kpi": ratio.name,
                    "level": label,
                    "ratio": float(level),
                    "ratio_text": f"{format_number(level, lang, 1)} : 1",
                }
            )
    data = pd.DataFrame(rows, columns=["kpi", "level", "ratio", "ratio_text"])
    shown = [levels[k] for k in levels if (data["level"] == levels[k]).any()]
    top = max([EMOTION_BENCHMARK, *data["ratio"].tolist()]) * 1.15
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=140)
        .encode(
            x=alt.X("ratio:Q", title=tr("depth.chart.ratio", lang), scale=alt.Scale(domain=[0, top])),
            y=alt.Y("kpi:N", title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "level:N",
                title=None,
                scale=alt.Scale(
                    domain=shown,
                    range=[
                        {"baseline": EXCLUDED_COLOUR, "projected": SELECTED_COLOUR, "target": TARGET_COLOUR}[
                            k
                        ]
                        for k in levels
                        if levels[k] in shown
                    ],
                ),
                legend=alt.Legend(orient="top"),
            ),
            shape=alt.Shape("level:N", title=None, scale=alt.Scale(domain=shown), legend=None),
            tooltip=[
                alt.Tooltip("kpi:N", title=tr("depth.col.kpi", lang)),
                alt.Tooltip("level:N", title=tr("depth.chart.level", lang)),
                alt.Tooltip("ratio_text:N", title=tr("depth.chart.ratio", lang)),
            ],
        )
    )
    benchmark = pd.DataFrame({"ratio": [EMOTION_BENCHMARK], "label": [tr("depth.circle.benchmark", lang)]})
    rule = alt.Chart(benchmark).encode(x="ratio:Q", tooltip=[alt.Tooltip("label:N", title=None)])
    layers = alt.layer(
        rule.mark_rule(color=WARNING_COLOUR, strokeDash=[5, 3], strokeWidth=2),
        rule.mark_text(align="right", dx=-4, color=WARNING_COLOUR, baseline="top", y=0).encode(
            text="label:N"
        ),
        points,
    )
    # the height holds the legend and the axis too (Streamlit fits the whole chart in it)
    return _finish(layers.properties(height=160 + 50 * len(ratios)), lang)


# --- robustness (Monte Carlo) ---------------------------------------------------------------


def core_index_chart(frame: pd.DataFrame, lang: str = "en", *, limit: int = 40) -> alt.LayerChart:
    """Core index per initiative, most robust first, coloured by category, with the 10 % and
    90 % thresholds. `frame` is `uncertainty.robustness_frame(...)`; initiatives never kept
    and not in the portfolio are left out, and at most `limit` rows are drawn."""
    data = frame[frame["in_chosen"] | (frame["core_index"] > 0)].head(limit).copy()
    data["label"] = [f"{i} – {n}" for i, n in zip(data["initiative_id"], data["name"], strict=True)]
    data["index_text"] = [format_percent(v, lang) for v in data["core_index"]]
    yes, no = tr("depth.ui.yes", lang), tr("depth.ui.no", lang)
    data["chosen_text"] = [yes if c else no for c in data["in_chosen"]]
    labels = {c: tr(f"depth.mc.category.{c}", lang) for c in (CORE, BORDERLINE, RARE)}
    data["category_text"] = [labels[c] for c in data["category"]]
    data = data[["label", "core_index", "index_text", "chosen_text", "category_text"]]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "core_index:Q",
                title=tr("depth.chart.core_index", lang),
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
            ),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=280, labelOverlap=False)),
            color=alt.Color(
                "category_text:N",
                title=None,
                scale=alt.Scale(domain=list(labels.values()), range=[CATEGORY_COLOURS[c] for c in labels]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("label:N", title=tr("depth.chart.initiative", lang)),
                alt.Tooltip("index_text:N", title=tr("depth.chart.core_index", lang)),
                alt.Tooltip("category_text:N", title=tr("depth.chart.category", lang)),
                alt.Tooltip("chosen_text:N", title=tr("depth.chart.in_portfolio", lang)),
            ],
        )
    )
    thresholds = (
        alt.Chart(pd.DataFrame({"core_index": [BORDERLINE_FROM, CORE_FROM]}))
        .mark_rule(color=TARGET_COLOUR, strokeDash=[4, 3])
        .encode(x="core_index:Q")
    )
    return _finish(alt.layer(bars, thresholds).properties(height=120 + 24 * len(data)), lang)


def value_distribution_chart(
    values: Iterable[float], percentiles: Mapping[int, float], lang: str = "en", *, bins: int = 30
) -> alt.LayerChart:
    """Histogram of the portfolio's value over the draws, with P10, P50 and P90 as rules.

    The bins are computed here (not by Vega) so the tooltips can say each bin's range in the
    language's numbers.
    """
    series = pd.Series(list(values), dtype=float).dropna()
    low, high = (float(series.min()), float(series.max())) if len(series) else (0.0, 0.0)
    if high - low < 1e-9:
        low, high = low - 0.5, high + 0.5
    edges = [low + (high - low) * k / bins for k in range(bins + 1)]
    counts = pd.cut(series, edges, include_lowest=True, right=True).value_counts(sort=False).tolist()
    data = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "draws": counts})
    data["range_text"] = [
        tr("depth.chart.range", lang, low=format_number(a, lang, 1), high=format_number(b, lang, 1))
        for a, b in zip(data["start"], data["end"], strict=True)
    ]
    bars = (
        alt.Chart(data)
        .mark_bar(color=GOAL_COLOUR, opacity=0.85)
        .encode(
            x=alt.X("start:Q", title=tr("depth.chart.portfolio_value", lang), scale=alt.Scale(zero=False)),
            x2="end:Q",
            y=alt.Y("draws:Q", title=tr("depth.chart.draws", lang), axis=alt.Axis(tickMinStep=1, format="d")),
            y2=alt.datum(0),
            tooltip=[
                alt.Tooltip("range_text:N", title=tr("depth.chart.value_range", lang)),
                alt.Tooltip("draws:Q", title=tr("depth.chart.draws", lang)),
            ],
        )
    )
    marks = pd.DataFrame(
        [
            {"value": float(v), "label": f"P{p}", "value_text": format_number(v, lang, 1)}
            for p, v in sorted(percentiles.items())
            if v == v  # NaN when no draw was feasible
        ],
        columns=["value", "label", "value_text"],
    )
    rule = alt.Chart(marks).encode(
        x="value:Q",
        tooltip=[alt.Tooltip("label:N", title=None), alt.Tooltip("value_text:N", title=None)],
    )
    layers = alt.layer(
        bars,
        rule.mark_rule(color=WARNING_COLOUR, strokeDash=[4, 3], strokeWidth=2),
        rule.mark_text(align="left", dx=3, y=0, baseline="top", color=WARNING_COLOUR).encode(text="label:N"),
    )
    return _finish(layers.properties(height=240), lang)
