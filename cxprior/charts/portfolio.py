"""Chart builders: each returns an Altair chart with tooltips; pages only display them.

Labels are translated and numbers use the language's conventions: tooltips carry text
formatted by `cxprior.i18n`, and axes use a Vega locale (1 234 567 € in French).
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from cxprior.analysis import format_level
from cxprior.domain import Scores, Workspace, kpi_goal_weights
from cxprior.i18n import format_money, format_number, format_percent, normalise_language, tr

SELECTED_COLOUR = "#2f6f73"
EXCLUDED_COLOUR = "#b9c2c8"
WARNING_COLOUR = "#c2410c"
GOAL_COLOUR = "#4c5b9b"
TARGET_COLOUR = "#7a3e9d"
STAGE_COLOURS = {"initiative": SELECTED_COLOUR, "kpi": "#8a6d3b", "goal": GOAL_COLOUR}
MONEY_AXIS = "$,.3~s"  # SI prefix and the locale's currency: €1.2M / 1,2M €


def vega_locale(lang: str) -> alt.Locale:
    """Number conventions for axes: the euro sign where each language puts it."""
    if normalise_language(lang) == "fr":
        number = alt.NumberLocale(decimal=",", thousands="\u202f", grouping=[3], currency=["", "\u00a0€"])
    else:
        number = alt.NumberLocale(decimal=".", thousands=",", grouping=[3], currency=["€", ""])
    return alt.Locale(number=number)


def _finish(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    return chart.configure(locale=vega_locale(lang)).configure_view(stroke=None)


def value_cost_chart(
    frame: pd.DataFrame, lang: str = "en", size_by: str = "cost", highlight: bool = True
) -> alt.Chart:
    """Value against cost, one bubble per initiative, the selected ones highlighted.

    `frame` is `portfolio_tables.initiative_frame(...)`; `size_by` is "cost" or "confidence";
    without `highlight` (no portfolio yet) every bubble is coloured by its journey phase.
    """
    data = frame[["initiative_id", "name", "journey_phase", "cost", "value", "confidence", "selected"]].copy()
    selected_label, excluded_label = tr("ui.chart.selected", lang), tr("ui.chart.excluded", lang)
    data["status"] = [selected_label if s else excluded_label for s in data["selected"]]
    data["cost_text"] = [format_money(c, lang) for c in data["cost"]]
    data["value_text"] = [format_number(v, lang, 1) for v in data["value"]]
    data["confidence_text"] = [format_percent(c, lang) for c in data["confidence"]]
    data = data.drop(columns="selected")
    size_field = "confidence" if size_by == "confidence" else "cost"
    size_title = tr(f"ui.chart.{size_field}", lang)
    phase_title = tr("ui.col.journey_phase", lang)
    if highlight:
        colour = alt.Color(
            "status:N",
            title=None,
            scale=alt.Scale(
                domain=[selected_label, excluded_label], range=[SELECTED_COLOUR, EXCLUDED_COLOUR]
            ),
            legend=alt.Legend(orient="top"),
        )
    else:
        data["journey_phase"] = [p or tr("ui.no_phase", lang) for p in data["journey_phase"]]
        colour = alt.Color("journey_phase:N", title=phase_title, legend=alt.Legend(orient="right"))
    status_tip = [alt.Tooltip("status:N", title=tr("ui.chart.status", lang))] if highlight else []
    chart = (
        alt.Chart(data)
        .mark_circle(opacity=0.75, stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("cost:Q", title=tr("ui.chart.cost", lang), axis=alt.Axis(format=MONEY_AXIS)),
            y=alt.Y("value:Q", title=tr("ui.chart.value", lang)),
            size=alt.Size(f"{size_field}:Q", title=size_title, legend=None, scale=alt.Scale(range=[30, 900])),
            color=colour,
            order=alt.Order("status:N", sort="descending"),
            tooltip=[
                alt.Tooltip("initiative_id:N", title=tr("ui.col.initiative_id", lang)),
                alt.Tooltip("name:N", title=tr("ui.col.name", lang)),
                alt.Tooltip("journey_phase:N", title=phase_title),
                alt.Tooltip("cost_text:N", title=tr("ui.chart.cost", lang)),
                alt.Tooltip("value_text:N", title=tr("ui.chart.value", lang)),
                alt.Tooltip("confidence_text:N", title=tr("ui.chart.confidence", lang)),
                *status_tip,
            ],
        )
        .properties(height=380)
    )
    return _finish(chart, lang)


def spend_chart(
    frame: pd.DataFrame, category: str, labels: dict[str, str], title: str, lang: str = "en"
) -> alt.Chart:
    """Horizontal bars of cost per category (goal or journey phase), largest first.

    `frame` has `category` and `cost` columns (`portfolio_tables.spend_by_goal`,
    `insights.phase_spend`); `labels` maps category keys to display names.
    """
    data = frame[[category, "cost"]].copy()
    total = float(data["cost"].sum())
    data["label"] = [labels.get(k, k) for k in data[category]]
    data["cost_text"] = [format_money(c, lang) for c in data["cost"]]
    data["share_text"] = [format_percent(c / total if total > 0 else 0.0, lang) for c in data["cost"]]
    data = data[["label", "cost", "cost_text", "share_text"]]
    chart = (
        alt.Chart(data)
        .mark_bar(color=SELECTED_COLOUR)
        .encode(
            x=alt.X("cost:Q", title=tr("ui.chart.cost", lang), axis=alt.Axis(format=MONEY_AXIS)),
            y=alt.Y("label:N", title=title, sort="-x", axis=alt.Axis(labelLimit=220)),
            tooltip=[
                alt.Tooltip("label:N", title=title),
                alt.Tooltip("cost_text:N", title=tr("ui.chart.cost", lang)),
                alt.Tooltip("share_text:N", title=tr("ui.chart.share", lang)),
            ],
        )
        # Streamlit's theme uses large axis labels: leave room for every category name
        .properties(height=max(140, 36 * len(data)))
    )
    return _finish(chart, lang)


def frontier_chart(
    points: pd.DataFrame, current_cost: float | None, current_value: float | None, lang: str = "en"
) -> alt.LayerChart:
    """Best value reachable at each budget (line), with the current scenario marked.

    `points` has columns budget, value, cost, status (one row per frontier level). Each point
    is solved; between two levels the best value is at most the next level's, so the line
    steps up at the level before (never drawn below what a budget between them attains) and
    the scenario's own diamond, its spend at its value, is always on or under it.
    """
    data = points[["budget", "value", "cost", "status"]].copy()
    data["budget_text"] = [format_money(b, lang) for b in data["budget"]]
    data["value_text"] = [format_number(v, lang, 1) for v in data["value"]]
    data["cost_text"] = [format_money(c, lang) for c in data["cost"]]
    data["status"] = [tr(f"ui.status.{s}", lang) for s in data["status"]]
    base = alt.Chart(data).encode(
        x=alt.X("budget:Q", title=tr("ui.chart.budget", lang), axis=alt.Axis(format=MONEY_AXIS)),
        y=alt.Y("value:Q", title=tr("ui.chart.best_value", lang)),
        tooltip=[
            alt.Tooltip("budget_text:N", title=tr("ui.chart.budget", lang)),
            alt.Tooltip("value_text:N", title=tr("ui.chart.best_value", lang)),
            alt.Tooltip("cost_text:N", title=tr("ui.chart.spent", lang)),
            alt.Tooltip("status:N", title=tr("ui.chart.status", lang)),
        ],
    )
    layers = [
        base.mark_line(color=GOAL_COLOUR, interpolate="step-before"),
        base.mark_point(color=GOAL_COLOUR, filled=True),
    ]
    if current_cost is not None and current_value is not None:
        here = pd.DataFrame(
            {
                "budget": [current_cost],
                "value": [current_value],
                "label": [tr("ui.chart.this_scenario", lang)],
                "cost_text": [format_money(current_cost, lang)],
                "value_text": [format_number(current_value, lang, 1)],
            }
        )
        marker = alt.Chart(here).encode(
            x="budget:Q",
            y="value:Q",
            tooltip=[
                alt.Tooltip("label:N", title=tr("ui.chart.scenario", lang)),
                alt.Tooltip("cost_text:N", title=tr("ui.chart.spent", lang)),
                alt.Tooltip("value_text:N", title=tr("ui.chart.value", lang)),
            ],
        )
        layers.append(marker.mark_point(shape="diamond", size=220, color=WARNING_COLOUR, filled=True))
        layers.append(
            marker.mark_text(align="left", dx=10, dy=-10, color=WARNING_COLOUR).encode(text="label:N")
        )
    return _finish(alt.layer(*layers).properties(height=340), lang)


def kpi_progress_chart(projection: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Share of the way to each KPI's target that the portfolio is expected to cover.

    `projection` is `projection.kpi_projection(...)`; a rule marks the target (100 %).
    """
    data = projection[["kpi_id", "name", "unit", "baseline", "projected", "target", "progress"]].copy()
    data["label"] = [f"{k} – {n}" for k, n in zip(data["kpi_id"], data["name"], strict=True)]
    data["baseline_text"] = [
        format_level(v, u, lang) for v, u in zip(data["baseline"], data["unit"], strict=True)
    ]
    data["projected_text"] = [
        format_level(v, u, lang) for v, u in zip(data["projected"], data["unit"], strict=True)
    ]
    data["target_text"] = [
        format_level(v, u, lang) for v, u in zip(data["target"], data["unit"], strict=True)
    ]
    data["progress_text"] = [format_percent(p, lang) for p in data["progress"]]
    reached, short = tr("ui.chart.target_reached", lang), tr("ui.chart.target_not_reached", lang)
    data["state"] = [reached if p >= 1.0 - 1e-9 else short for p in data["progress"]]
    data = data.drop(columns=["kpi_id", "name", "unit"])
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("progress:Q", title=tr("ui.chart.progress", lang), axis=alt.Axis(format="%")),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "state:N",
                title=None,
                scale=alt.Scale(domain=[reached, short], range=[SELECTED_COLOUR, "#d8a24a"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("label:N", title=tr("ui.col.kpi", lang)),
                alt.Tooltip("baseline_text:N", title=tr("ui.col.baseline", lang)),
                alt.Tooltip("projected_text:N", title=tr("ui.col.projected", lang)),
                alt.Tooltip("target_text:N", title=tr("ui.col.target", lang)),
                alt.Tooltip("progress_text:N", title=tr("ui.chart.progress", lang)),
            ],
        )
    )
    target = (
        alt.Chart(pd.DataFrame({"progress": [1.0]}))
        .mark_rule(color=TARGET_COLOUR, strokeDash=[4, 3])
        .encode(x="progress:Q")
    )
    return _finish(alt.layer(bars, target).properties(height=max(160, 36 * len(data))), lang)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ValueChain:
    """Nodes (stage, id, label, x, y, disconnected) and edges (x, y, x2, y2, weight, …)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    shown_initiatives: int
    total_initiatives: int


def value_chain(
    workspace: Workspace, scores: Scores, max_initiatives: int = 40, by_value: bool = False
) -> ValueChain:
    """Layout of the chain initiative → KPI → goal, in three columns.

    Initiative → KPI edges weigh the confidence-weighted progress the initiative brings
    (before goal weights, so flows into a disconnected KPI stay visible as dead ends);
    KPI → goal edges weigh w_g × strength. Only the `max_initiatives` initiatives with the
    largest progress (`by_value`: the largest value points, progress breaking ties) are
    drawn; the rest are counted.
    """
    goal_ids = [g.goal_id for g in workspace.goals]
    per_goal = kpi_goal_weights(workspace)
    flow: dict[str, dict[str, float]] = {}
    for imp in workspace.impacts:
        initiative = workspace.initiative_by_id.get(imp.initiative_id)
        kpi = workspace.kpi_by_id.get(imp.kpi_id)
        if initiative is None or kpi is None or kpi.span == 0:
            continue
        points = abs(100.0 * initiative.confidence * kpi.progress(imp.impact))
        parts = flow.setdefault(imp.initiative_id, {})
        parts[imp.kpi_id] = parts.get(imp.kpi_id, 0.0) + points
    ranked = sorted(
        flow, key=lambda i: (-scores.value.get(i, 0.0) if by_value else 0.0, -sum(flow[i].values()), i)
    )
    shown = ranked[:max_initiatives]

    def goal_rank(kpi_id: str) -> int:
        linked = [goal_ids.index(g) for g in per_goal.get(kpi_id, {})]
        return min(linked) if linked else len(goal_ids)

    kpi_ids = sorted((k.kpi_id for k in workspace.kpis), key=lambda k: (goal_rank(k), k))
    kpi_pos = {k: n for n, k in enumerate(kpi_ids)}
    shown.sort(key=lambda i: (min(kpi_pos[k] for k in flow[i]), i))

    def column(ids: list[str]) -> dict[str, float]:
        return {x: 1.0 - (n + 0.5) / len(ids) for n, x in enumerate(ids)}

    y_init, y_kpi, y_goal = column(shown), column(kpi_ids), column(goal_ids)
    disconnected = {k for k in kpi_ids if not per_goal.get(k)}
    nodes = [
        {
            "stage": "initiative",
            "id": i,
            "label": workspace.initiative_by_id[i].name,
            "x": 0.0,
            "y": y_init[i],
            "disconnected": all(k in disconnected for k in flow[i]),
        }
        for i in shown
    ]
    nodes += [
        {
            "stage": "kpi",
            "id": k,
            "label": workspace.kpi_by_id[k].name,
            "x": 1.0,
            "y": y_kpi[k],
            "disconnected": k in disconnected,
        }
        for k in kpi_ids
    ]
    nodes += [
        {
            "stage": "goal",
            "id": g,
            "label": workspace.goal_by_id[g].name,
            "x": 2.0,
            "y": y_goal[g],
            "disconnected": False,
        }
        for g in goal_ids
    ]
    edges = [
        {
            "stage": "initiative_kpi",
            "source": i,
            "target": k,
            "x": 0.0,
            "y": y_init[i],
            "x2": 1.0,
            "y2": y_kpi[k],
            "weight": w,
            "disconnected": k in disconnected,
        }
        for i in shown
        for k, w in sorted(flow[i].items())
    ]
    edges += [
        {
            "stage": "kpi_goal",
            "source": k,
            "target": g,
            "x": 1.0,
            "y": y_kpi[k],
            "x2": 2.0,
            "y2": y_goal[g],
            "weight": w,
            "disconnected": False,
        }
        for k in kpi_ids
        for g, w in per_goal.get(k, {}).items()
    ]
    node_columns = ["stage", "id", "label", "x", "y", "disconnected"]
    edge_columns = ["stage", "source", "target", "x", "y", "x2", "y2", "weight", "disconnected"]
    return ValueChain(
        pd.DataFrame(nodes, columns=node_columns),
        pd.DataFrame(edges, columns=edge_columns),
        len(shown),
        len(workspace.initiatives),
    )


def value_chain_chart(chain: ValueChain, lang: str = "en") -> alt.LayerChart:
    """The chain drawn Sankey-like: line width is the flow, dead ends in orange."""
    edges = chain.edges.copy()
    # widths are comparable within a stage, not across (points vs weights)
    for stage in ("initiative_kpi", "kpi_goal"):
        mask = edges["stage"] == stage
        top = edges.loc[mask, "weight"].max() if mask.any() else 0
        edges.loc[mask, "width"] = 0.5 + 5.5 * edges.loc[mask, "weight"] / top if top else 1.0
    dead, alive = tr("ui.chart.dead_end", lang), tr("ui.chart.serves_goal", lang)
    edges["flow"] = [dead if d else alive for d in edges["disconnected"]]
    edges["weight_text"] = [
        format_number(w, lang, 1) if s == "initiative_kpi" else format_percent(w, lang)
        for s, w in zip(edges["stage"], edges["weight"], strict=True)
    ]
    nodes = chain.nodes.copy()
    nodes["stage_label"] = [tr(f"ui.chart.stage_{s}", lang) for s in nodes["stage"]]
    nodes["text"] = [
        _shorten(f"{i} · {label}" if s != "goal" else label, 46)
        for i, label, s in zip(nodes["id"], nodes["label"], nodes["stage"], strict=True)
    ]
    nodes["flow"] = [dead if d else alive for d in nodes["disconnected"]]
    colour = alt.Color(
        "flow:N",
        title=None,
        scale=alt.Scale(domain=[alive, dead], range=["#9fb3c8", WARNING_COLOUR]),
        legend=alt.Legend(orient="top"),
    )
    x_scale = alt.Scale(domain=[-1.5, 3.1])
    y_scale = alt.Scale(domain=[0, 1])
    links = (
        alt.Chart(edges)
        .mark_rule(opacity=0.6)
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=None),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("width:Q", legend=None, scale=None),
            color=colour,
            tooltip=[
                alt.Tooltip("source:N", title=tr("ui.chart.from", lang)),
                alt.Tooltip("target:N", title=tr("ui.chart.to", lang)),
                alt.Tooltip("weight_text:N", title=tr("ui.chart.flow", lang)),
            ],
        )
    )
    points = alt.Chart(nodes).encode(
        x=alt.X("x:Q", scale=x_scale, axis=None),
        y=alt.Y("y:Q", scale=y_scale, axis=None),
        tooltip=[
            alt.Tooltip("stage_label:N", title=tr("ui.chart.stage", lang)),
            alt.Tooltip("id:N", title="id"),
            alt.Tooltip("label:N", title=tr("ui.col.name", lang)),
        ],
    )
    dots = points.mark_circle(size=90, opacity=1).encode(
        color=alt.Color(
            "stage_label:N",
            title=None,
            legend=None,
            scale=alt.Scale(
                domain=[tr(f"ui.chart.stage_{s}", lang) for s in STAGE_COLOURS],
                range=list(STAGE_COLOURS.values()),
            ),
        )
    )
    dots_dead = points.transform_filter("datum.disconnected").mark_circle(size=160, color=WARNING_COLOUR)
    left = points.transform_filter("datum.stage == 'initiative'").mark_text(align="right", dx=-8, fontSize=11)
    middle = points.transform_filter("datum.stage == 'kpi'").mark_text(align="center", dy=-10, fontSize=11)
    right = points.transform_filter("datum.stage == 'goal'").mark_text(
        align="left", dx=8, fontSize=12, fontWeight="bold"
    )
    labels = [layer.encode(text="text:N") for layer in (left, middle, right)]
    tallest = (
        max(len(chain.nodes[chain.nodes["stage"] == s]) for s in STAGE_COLOURS) if len(chain.nodes) else 1
    )
    chart = (
        alt.layer(links, dots_dead, dots, *labels)
        .resolve_scale(color="independent")
        .properties(height=max(260, 22 * tallest))
    )
    return _finish(chart, lang)
