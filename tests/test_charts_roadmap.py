"""The roadmap's charts: one block per period an initiative runs, a dashed outline for the periods
it waits, one panel per team or goal; capacity used against capacity per team; spend against
budget per period. The frames are written by hand in the shape `cxprior.portfolio` gives."""

from __future__ import annotations

import math

import pandas as pd

from cxprior.charts import capacity_chart, roadmap_chart, roadmap_groups, spend_budget_chart
from cxprior.domain import Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Workspace, score

PERIODS = ("2026", "2027", "2028")
UP = Direction.INCREASE
COLUMNS = ["initiative_id", "name", "journey_phase", "team", "teams", "earliest_start", "latest_start"]
COLUMNS += ["start", "finish", "moved", "why"]
# A runs 2026–2027 at its earliest start; B could start in 2026 and runs in 2028 only
ROADMAP = pd.DataFrame(
    [
        ("A", "Rappel client", "Utiliser", "Digital", "Digital", "2026", "2026", "2026", "2027", False, ""),
        ("B", "FAQ", "", "", "Service client", "2026", "2028", "2028", "2028", True, "Budget 2026."),
    ],
    columns=COLUMNS,
)


def _values(spec: dict) -> list[dict]:
    (values,) = spec["datasets"].values()
    return values


def test_an_initiative_runs_one_block_per_period_and_waits_in_a_dashed_outline():
    groups = {"A": "Digital", "B": "Service client"}
    spec = roadmap_chart(ROADMAP, PERIODS, groups, lang="en").to_dict()
    cells = [(v["label"], v["period"], v["kind"]) for v in _values(spec)]
    # A: 2026 and 2027; B: waits 2026 and 2027 (its earliest start is 2026), runs 2028
    assert cells == [
        ("A · Rappel client", "2026", "runs"),
        ("A · Rappel client", "2027", "runs"),
        ("B · FAQ", "2026", "waits"),
        ("B · FAQ", "2027", "waits"),
        ("B · FAQ", "2028", "runs"),
    ]
    waits, runs = spec["spec"]["layer"]
    assert waits["mark"]["strokeDash"] == [4, 3] and waits["mark"]["fill"] == "white"
    assert runs["encoding"]["color"]["field"] == "phase"
    assert spec["facet"]["row"]["field"] == "group"
    assert {v["group"] for v in _values(spec)} == {"Digital", "Service client"}
    # no phase is named, and the reason a block waits is in the tooltip
    assert {v["phase"] for v in _values(spec) if v["label"].startswith("B")} == {"(no phase)"}
    assert {v["why"] for v in _values(spec)} == {"Starts at its earliest start", "Budget 2026."}


def test_the_panels_are_teams_or_goals_and_an_initiative_without_team_takes_its_efforts_team():
    ws = Workspace(
        goals=(Goal("G1", "Fidéliser", 1.0), Goal("G2", "Réduire les coûts", 1.0)),
        kpis=(Kpi("K1", "NPS", UP, 0.0, 100.0), Kpi("K2", "Coût", UP, 0.0, 100.0)),
        links=(KpiGoalLink("K1", "G1", 1.0), KpiGoalLink("K2", "G2", 1.0)),
        initiatives=(Initiative("A", "Rappel client", 1.0), Initiative("B", "FAQ", 1.0)),
        impacts=(Impact("A", "K1", 10.0), Impact("B", "K2", 10.0)),
    )
    assert roadmap_groups(ws, ROADMAP, "team") == {"A": "Digital", "B": "Service client"}
    by_goal = roadmap_groups(ws, ROADMAP, "goal", score(ws), "fr")
    assert by_goal == {"A": "Fidéliser", "B": "Réduire les coûts"}


def test_beyond_the_limit_the_most_valuable_are_drawn_and_the_title_says_how_many():
    spec = roadmap_chart(
        ROADMAP, PERIODS, {"A": "X", "B": "X"}, values={"A": 1.0, "B": 9.0}, limit=1, lang="fr"
    ).to_dict()
    assert {v["label"] for v in _values(spec)} == {"B · FAQ"}  # B is worth 9, A 1
    assert spec["title"]["subtitle"][1] == (
        "Les 1 plus précieuses des 2 initiatives financées sont dessinées ; le tableau des débuts les "
        "liste toutes."
    )
    assert spec["title"]["text"] == "Quand chaque initiative financée se déroule"


def test_capacity_is_a_line_across_the_bar_of_use_and_a_full_team_is_shown_in_orange():
    # Digital uses 95 of 100 in 2026 (95 %, full) and 40 of 100 in 2027 (40 %)
    frame = pd.DataFrame(
        [("Digital", "2026", 100.0, 95.0, 5.0, 0.95), ("Digital", "2027", 100.0, 40.0, 60.0, 0.40)],
        columns=["team", "period", "capacity", "used", "free", "share_used"],
    )
    spec = capacity_chart(frame, ("2026", "2027"), "fr").to_dict()
    values = _values(spec)
    assert [v["state"] for v in values] == ["Utilisée à 95 % ou plus", "Utilisée, avec de la marge"]
    assert [v["share_text"] for v in values] == ["95\u00a0%", "40\u00a0%"]
    assert [v["used_text"] for v in values] == ["95 jours-personnes", "40 jours-personnes"]
    bars, line, _ = spec["spec"]["layer"]
    assert bars["mark"]["type"] == "bar" and line["mark"]["type"] == "tick"
    assert line["encoding"]["y"]["field"] == "capacity"
    assert spec["resolve"]["scale"]["y"] == "independent"


def test_spend_is_labelled_with_its_share_of_the_budget_and_a_period_without_budget_has_no_line():
    # 2026: 900 000 of 1 000 000 (90 %); 2027: 200 000 with no budget
    frame = pd.DataFrame(
        {"period": ["2026", "2027"], "spend": [900_000.0, 200_000.0], "budget": [1e6, math.nan]}
    )
    spec = spend_budget_chart(frame, "fr").to_dict()
    values = _values(spec)
    assert [v["label"] for v in values] == ["900\u202f000\u00a0€ (90\u00a0%)", "200\u202f000\u00a0€"]
    assert [v["budget_text"] for v in values] == ["1\u202f000\u202f000\u00a0€", "sans budget"]
    _, budget, _ = spec["layer"]
    assert budget["transform"] == [{"filter": "isValid(datum.budget)"}]
    assert spec["config"]["locale"]["number"]["thousands"] == "\u202f"
