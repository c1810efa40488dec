"""Scenarios side by side: metrics, the selection matrix, and what each gains and gives up."""

from __future__ import annotations

from dataclasses import replace

from portfolio_helpers import solved

from cxprior.analysis import ScenarioRun, delta_sentence, metrics_frame, scenario_delta, selection_matrix
from cxprior.domain import Scenario


def _run(workspace, name, selected, budget=None):
    scenario = Scenario(name=name, budget_total=budget)
    return ScenarioRun(name, scenario, solved(workspace, selected, scenario), workspace)


def test_metrics_put_scenarios_in_columns_with_formatted_figures(two_goal_workspace):
    runs = [
        _run(two_goal_workspace, "Tight", ("A",), 150.0),
        _run(two_goal_workspace, "Wide", ("A", "B"), 400.0),
    ]
    frame = metrics_frame(runs, "fr")
    assert list(frame.columns) == ["Tight", "Wide"]
    assert frame.loc["Coût", "Wide"] == "300\u00a0€"
    assert frame.loc["Budget", "Tight"] == "150\u00a0€"
    assert frame.loc["Initiatives financées", "Wide"] == "2"
    assert frame.loc["Statut", "Tight"] == "le meilleur portefeuille possible"
    assert frame.loc["Valeur (points)", "Tight"] == "18,8"
    assert frame.loc["Valeur par M€", "Tight"] == "187\u202f500,0"


def test_an_infeasible_scenario_shows_dashes_not_numbers(two_goal_workspace):
    scenario = Scenario(name="Impossible", budget_total=1.0)
    result = replace(solved(two_goal_workspace, ()), status="infeasible", objective=None)
    frame = metrics_frame([ScenarioRun("Impossible", scenario, result, two_goal_workspace)])
    assert frame.loc["Status", "Impossible"] == "infeasible"
    assert frame.loc["Cost", "Impossible"] == "–"
    assert frame.loc["Initiatives funded", "Impossible"] == "–"


def test_selection_matrix_lists_each_funded_initiative_once_common_ones_first(two_goal_workspace):
    runs = [_run(two_goal_workspace, "S1", ("B", "C")), _run(two_goal_workspace, "S2", ("A", "B"))]
    matrix = selection_matrix(runs)
    assert list(matrix["initiative_id"]) == ["B", "A", "C"]
    assert matrix.set_index("initiative_id").loc["A"].to_dict() == {
        "name": "Callback",
        "S1": False,
        "S2": True,
    }


def test_delta_says_what_a_scenario_gains_and_gives_up(two_goal_workspace):
    reference = _run(two_goal_workspace, "Base", ("A", "C"))
    other = _run(two_goal_workspace, "Retention", ("A", "B"))
    delta = scenario_delta(reference, other)
    assert (delta.gained, delta.given_up) == (("B",), ("C",))
    assert (delta.gained_cost, delta.given_up_cost) == (200.0, 50.0)
    assert delta_sentence(delta) == (
        "Compared with Base, Retention adds initiatives worth 7.8 points (1 for €200) and gives up "
        "initiatives worth 0.0 points (1 for €50): +7.8 points overall."
    )


def test_identical_selections_say_so(two_goal_workspace):
    delta = scenario_delta(_run(two_goal_workspace, "A1", ("A",)), _run(two_goal_workspace, "A2", ("A",)))
    assert delta_sentence(delta, "fr") == "A2 finance exactement les mêmes initiatives que A1."
