"""The roadmap's charts: when each funded initiative runs, each team's capacity used, and the
spend per period against budget. Their data come from `cxprior.portfolio.roadmap_frame`,
`capacity_frame` and `spend_frame`; nothing is computed here but the layout. The page puts
the titles of the capacity and spend charts above them.

- `roadmap_chart`: a Gantt-like chart, one row per funded initiative, one block per period
  it runs (start to finish), coloured by journey phase, in one panel per team or per main goal
  (`roadmap_groups`); a dashed outline marks the periods between its earliest start and its
  start. Beyond `limit` initiatives only the most valuable are drawn, and the title says so.
- `capacity_chart`: per team (one panel each, its own scale), the effort used per period as
  bars, the capacity as a line across each bar, and the share used above.
- `spend_budget_chart`: spend per period as bars, the budget as a line across each bar.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from cxprior.analysis import main_goal
from cxprior.charts.portfolio import MONEY_AXIS, SELECTED_COLOUR, TARGET_COLOUR, WARNING_COLOUR, vega_locale
from cxprior.domain import Scores, Workspace
from cxprior.i18n import format_money, format_number, format_percent, tr

ROADMAP_LIMIT = 40  # initiatives drawn at most; the table of starts lists them all
FULL_SHARE = 0.95  # a team using this share of its capacity or more is shown as full
LABEL_LENGTH = 44
TEAMS_PER_ROW = 5  # capacity panels per row before they wrap
INK = "#1f2933"  # labels dark enough to read on a screen and in print


def _shorten(text: str, limit: int = LABEL_LENGTH) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def roadmap_groups(
    workspace: Workspace,
    frame: pd.DataFrame,
    by: str = "team",
    scores: Scores | None = None,
    lang: str = "en",
) -> dict[str, str]:
    """Initiative id → the panel it is drawn in: its team (the Initiatives sheet's, else the
    first team of its efforts) or, with `by="goal"`, the name of the goal it serves most."""
    groups = {}
    for row in frame.itertuples(index=False):
        if by == "goal":
            goal = workspace.goal_by_id.get(main_goal(scores, row.initiative_id)) if scores else None
            groups[row.initiative_id] = goal.name if goal is not None else tr("road.chart.no_goal", lang)
        else:
            first = str(row.teams).split(", ")[0] if row.teams else ""
            groups[row.initiative_id] = row.team or first or tr("road.chart.no_team", lang)
    return groups


def _cells(frame: pd.DataFrame, periods: Sequence[str], groups: Mapping[str, str], lang: str) -> pd.DataFrame:
    """One row per initiative and period it runs ("runs") or waits for its start ("waits")."""
    at = {p: k for k, p in enumerate(periods)}
    group_order = list(dict.fromkeys(groups[i] for i in frame["initiative_id"]))
    rows = []
    for n, row in enumerate(frame.itertuples(index=False)):
        group = groups[row.initiative_id]
        label = _shorten(f"{row.initiative_id} · {row.name}")
        phase = row.journey_phase or tr("ui.no_phase", lang)
        why = row.why or tr("road.chart.on_time", lang)
        first, start, finish = at[row.earliest_start], at[row.start], at[row.finish]
        for k in range(first, finish + 1):
            rows.append(
                {
                    "label": label,
                    "group": group,
                    "order": group_order.index(group) * 100_000 + n,
                    "period": periods[k],
                    "kind": "runs" if k >= start else "waits",
                    "phase": phase,
                    "name": row.name,
                    "start": row.start,
                    "finish": row.finish,
                    "earliest": row.earliest_start,
                    "why": why,
                }
            )
    columns = ["label", "group", "order", "period", "kind", "phase", "name", "start", "finish"]
    return pd.DataFrame(rows, columns=[*columns, "earliest", "why"])


def roadmap_chart(
    frame: pd.DataFrame,
    periods: Sequence[str],
    groups: Mapping[str, str],
    *,
    group_title: str | None = None,
    values: Mapping[str, float] | None = None,
    limit: int = ROADMAP_LIMIT,
    row_height: int = 22,
    lang: str = "en",
) -> alt.FacetChart:
    """The funded initiatives by start and finish period, one panel per group (`groups`: id →
    panel name, from `roadmap_groups`), sorted by start within each panel, `row_height` pixels
    per initiative. With more than `limit` initiatives, the `limit` worth most (`values`: id →
    value points) are drawn."""
    count = len(frame)
    shown = frame
    if count > limit:
        worth = values or {}
        keep = sorted(frame["initiative_id"], key=lambda i: (-worth.get(i, 0.0), i))[:limit]
        shown = frame[frame["initiative_id"].isin(set(keep))]
    data = _cells(shown, periods, groups, lang)
    subtitle = [tr("road.chart.gantt_note", lang)]
    if count > limit:
        subtitle.append(tr("road.chart.others", lang, count=count, shown=len(shown)))
    title = alt.TitleParams(tr("road.chart.gantt_title", lang), subtitle=subtitle, anchor="start")
    years = {"labelFontSize": 12, "labelColor": INK}
    band = alt.Scale(domain=list(periods), paddingInner=0.04)
    x = alt.X(
        "period:O",
        title=tr("road.chart.period", lang),
        scale=band,
        axis=alt.Axis(labelAngle=0, orient="bottom", titleColor=INK, **years),
    )
    y = alt.Y(
        "label:N",
        title=None,
        sort=alt.EncodingSortField("order", op="min"),
        scale=alt.Scale(paddingOuter=0.05),
        axis=alt.Axis(labelLimit=300, labelFontSize=11, labelColor=INK),
    )
    tooltip = [
        alt.Tooltip("label:N", title=tr("road.chart.initiative", lang)),
        alt.Tooltip("phase:N", title=tr("road.chart.phase", lang)),
        alt.Tooltip("earliest:N", title=tr("road.chart.earliest", lang)),
        alt.Tooltip("start:N", title=tr("road.chart.start", lang)),
        alt.Tooltip("finish:N", title=tr("road.chart.finish", lang)),
        alt.Tooltip("why:N", title=tr("road.chart.why", lang)),
    ]
    base = alt.Chart(data).encode(x=x, y=y, tooltip=tooltip)
    runs = (
        base.transform_filter(alt.datum.kind == "runs")
        .mark_bar(height={"band": 0.72})
        .encode(
            color=alt.Color(
                "phase:N",
                title=tr("road.chart.phase", lang),
                scale=alt.Scale(domain=sorted(set(data["phase"]))),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=260),
            )
        )
    )
    # the periods are written above the first panel too: a long roadmap is read from the top
    top = alt.X("period:O", scale=band, title=None, axis=alt.Axis(labelAngle=0, orient="top", **years))
    waits = (
        base.encode(x=top)
        .transform_filter(alt.datum.kind == "waits")
        .mark_bar(height={"band": 0.72}, fill="white", stroke="#7b8794", strokeDash=[4, 3], strokeWidth=1.2)
    )
    header = alt.Header(
        title=group_title,
        labelOrient="top",
        labelAngle=0,
        labelAlign="left",
        labelAnchor="start",
        labelFontWeight="bold",
        labelFontSize=13,
        labelColor=INK,
        labelBaseline="bottom",
        labelPadding=3,
    )
    chart = (
        alt.layer(waits, runs)
        .resolve_axis(x="independent")
        .properties(width=alt.Step(170), height=alt.Step(row_height))
        .facet(
            row=alt.Row("group:N", header=header, sort=list(dict.fromkeys(data["group"])), title=None),
            spacing=24,
        )
        .resolve_scale(y="independent")
        .properties(title=title)
    )
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)


def capacity_chart(frame: pd.DataFrame, periods: Sequence[str], lang: str = "en") -> alt.FacetChart:
    """Each team's effort used per period (bars) against its capacity (a line across each bar),
    the share used written above; one panel per team, each on its own scale."""
    data = frame.copy()
    unit = tr("opt.road.unit", lang)
    full, within = tr("road.chart.full", lang), tr("road.chart.within", lang)
    data["state"] = [full if s >= FULL_SHARE else within for s in data["share_used"]]
    data["share_text"] = [format_percent(s, lang) if s != float("inf") else "–" for s in data["share_used"]]
    data["used_text"] = [f"{format_number(v, lang)} {unit}" for v in data["used"]]
    data["capacity_text"] = [f"{format_number(v, lang)} {unit}" for v in data["capacity"]]
    data["top"] = data[["used", "capacity"]].max(axis=1)
    x = alt.X("period:O", title=None, scale=alt.Scale(domain=list(periods)), axis=alt.Axis(labelAngle=0))
    tooltip = [
        alt.Tooltip("team:N", title=tr("road.chart.team", lang)),
        alt.Tooltip("period:N", title=tr("road.chart.period", lang)),
        alt.Tooltip("used_text:N", title=tr("road.chart.used", lang)),
        alt.Tooltip("capacity_text:N", title=tr("road.chart.capacity", lang)),
        alt.Tooltip("share_text:N", title=tr("road.chart.share_used", lang)),
    ]
    capacity = tr("road.chart.capacity", lang)
    data["capacity_series"] = capacity
    colour = alt.Scale(
        domain=[within, full, capacity], range=[SELECTED_COLOUR, WARNING_COLOUR, TARGET_COLOUR]
    )
    legend = alt.Legend(orient="top", title=None)
    base = alt.Chart(data).encode(x=x, tooltip=tooltip)
    bars = base.mark_bar(width={"band": 0.7}).encode(
        y=alt.Y("used:Q", title=None, axis=alt.Axis(format=",.0f")),
        color=alt.Color("state:N", scale=colour, legend=legend),
    )
    line = base.mark_tick(thickness=3, size=34).encode(
        y="capacity:Q", color=alt.Color("capacity_series:N", scale=colour, legend=legend)
    )
    share = base.mark_text(dy=-8, fontSize=11, color="#333333").encode(y="top:Q", text="share_text:N")
    header = alt.Header(title=None, labelFontWeight="bold", labelFontSize=12, labelColor=INK, labelLimit=150)
    chart = (
        alt.layer(bars, line, share)
        .properties(width=alt.Step(44), height=170)
        .facet(
            facet=alt.Facet("team:N", header=header, sort=list(dict.fromkeys(data["team"])), title=None),
            columns=TEAMS_PER_ROW,
        )
        .resolve_scale(y="independent")
    )
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)


def spend_budget_chart(frame: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Spend per period (bars, after shifting) against each period's budget (a line across)."""
    data = frame.copy()
    data["budget"] = data["budget"].astype(float)
    data["spend_text"] = [format_money(v, lang) for v in data["spend"]]
    data["budget_text"] = [
        format_money(b, lang) if pd.notna(b) else tr("road.chart.no_budget", lang) for b in data["budget"]
    ]
    data["label"] = [
        f"{format_money(s, lang)} ({format_percent(s / b, lang)})"
        if pd.notna(b) and b > 0
        else format_money(s, lang)
        for s, b in zip(data["spend"], data["budget"], strict=True)
    ]
    data["top"] = data[["spend", "budget"]].max(axis=1)
    spend_label, budget_label = tr("road.chart.spend", lang), tr("road.chart.budget", lang)
    data["spend_series"], data["budget_series"] = spend_label, budget_label
    colour = alt.Scale(domain=[spend_label, budget_label], range=[SELECTED_COLOUR, TARGET_COLOUR])
    legend = alt.Legend(orient="top", title=None)
    tooltip = [
        alt.Tooltip("period:N", title=tr("road.chart.period", lang)),
        alt.Tooltip("spend_text:N", title=spend_label),
        alt.Tooltip("budget_text:N", title=budget_label),
    ]
    base = alt.Chart(data).encode(
        x=alt.X("period:O", title=None, sort=list(data["period"]), axis=alt.Axis(labelAngle=0)),
        tooltip=tooltip,
    )
    bars = base.mark_bar(width={"band": 0.6}).encode(
        y=alt.Y("spend:Q", title=tr("road.chart.amount", lang), axis=alt.Axis(format=MONEY_AXIS)),
        color=alt.Color("spend_series:N", scale=colour, legend=legend),
    )
    budget = (
        base.transform_filter("isValid(datum.budget)")
        .mark_tick(thickness=3, size=60)
        .encode(y="budget:Q", color=alt.Color("budget_series:N", scale=colour, legend=legend))
    )
    labels = base.mark_text(dy=-9, fontSize=11, color="#333333").encode(y="top:Q", text="label:N")
    chart = alt.layer(bars, budget, labels).properties(height=260)
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)
