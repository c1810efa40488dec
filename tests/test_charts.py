"""Chart builders return Altair charts with tooltips, translated labels and the language's numbers."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from cxprior import charts
from cxprior.analysis import initiative_frame, kpi_projection, phase_spend
from cxprior.domain import score


def _layers(spec):
    return spec.get("layer", [spec])


def _tooltip_titles(spec):
    titles = []
    for layer in _layers(spec):
        for tip in layer.get("encoding", {}).get("tooltip", []):
            titles.append(tip["title"])
    return titles


def _dataset(spec, column):
    for rows in spec["datasets"].values():
        if rows and column in rows[0]:
            return rows
    raise AssertionError(f"no dataset with {column}")


def test_value_cost_chart_highlights_the_selection_with_french_tooltips(two_goal_workspace):
    frame = initiative_frame(two_goal_workspace, score(two_goal_workspace), ["A"])
    chart = charts.value_cost_chart(frame, "fr")
    assert isinstance(chart, alt.Chart)
    spec = chart.to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == ["Financée", "Écartée"]
    assert "Coût" in _tooltip_titles(spec)
    rows = {r["initiative_id"]: r for r in _dataset(spec, "cost_text")}
    assert rows["B"]["cost_text"] == "200\u00a0€"
    assert rows["A"]["status"] == "Financée"
    assert spec["config"]["locale"]["number"]["currency"] == ["", "\u00a0€"]


def test_bubble_size_can_show_confidence(two_goal_workspace):
    frame = initiative_frame(two_goal_workspace, score(two_goal_workspace), [])
    spec = charts.value_cost_chart(frame, "en", size_by="confidence").to_dict()
    assert spec["encoding"]["size"]["field"] == "confidence"
    assert spec["config"]["locale"]["number"]["currency"] == ["€", ""]


def test_spend_chart_labels_categories_and_gives_shares(two_goal_workspace):
    spend = phase_spend(two_goal_workspace)
    spec = charts.spend_chart(spend, "journey_phase", {"": "(no phase)"}, "Journey phase").to_dict()
    rows = _dataset(spec, "share_text")
    assert rows == [{"label": "(no phase)", "cost": 360.0, "cost_text": "€360", "share_text": "100%"}]
    assert "Journey phase" in _tooltip_titles(spec)


def test_frontier_marks_the_current_scenario():
    points = pd.DataFrame(
        {
            "budget": [0.0, 100.0, 200.0],
            "value": [0.0, 18.75, 26.5],
            "cost": [0.0, 100.0, 200.0],
            "status": ["optimal"] * 3,
        }
    )
    chart = charts.frontier_chart(points, 100.0, 18.75, "fr")
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    assert len(spec["layer"]) == 4
    marker = _dataset(spec, "label")
    assert marker[0]["label"] == "ce scénario"
    assert "Meilleure valeur atteignable (points de valeur)" in _tooltip_titles(spec)
    # between two levels the best value is at most the next one's: the line steps up before
    assert spec["layer"][0]["mark"]["interpolate"] == "step-before"


def test_kpi_progress_chart_marks_the_target(two_goal_workspace):
    chart = charts.kpi_progress_chart(kpi_projection(two_goal_workspace, ["A"]))
    spec = chart.to_dict()
    rows = {r["label"]: r for r in _dataset(spec, "progress_text")}
    assert rows["NPS – Net promoter score"]["projected_text"] == "15\u00a0pts"
    assert rows["NPS – Net promoter score"]["state"] == "Short of target"
    assert "Target" in _tooltip_titles(spec)


def test_value_chain_shows_dead_ends_for_disconnected_kpis(two_goal_workspace):
    chain = charts.value_chain(two_goal_workspace, score(two_goal_workspace))
    nodes = chain.nodes.set_index("id")
    assert bool(nodes.loc["ORPHAN", "disconnected"])
    assert bool(nodes.loc["C", "disconnected"])
    assert not bool(nodes.loc["NPS", "disconnected"])
    edges = chain.edges
    kpi_goal = edges[edges["stage"] == "kpi_goal"]
    assert set(zip(kpi_goal["source"], kpi_goal["target"], strict=True)) == {
        ("NPS", "G1"),
        ("CHURN", "G1"),
        ("CHURN", "G2"),
    }
    assert edges.set_index(["source", "target"]).loc[("A", "NPS"), "weight"] == pytest.approx(25.0)
    # D has no impact: it is not drawn
    assert chain.shown_initiatives == 3
    spec = charts.value_chain_chart(chain, "fr").to_dict()
    assert "Ne sert aucun objectif" in str(spec)


def test_value_chain_draws_only_the_largest_initiatives_when_asked(two_goal_workspace):
    chain = charts.value_chain(two_goal_workspace, score(two_goal_workspace), max_initiatives=1)
    assert chain.shown_initiatives == 1
    assert chain.total_initiatives == 4
    assert list(chain.nodes[chain.nodes["stage"] == "initiative"]["id"]) == ["C"]
