"""Workspaces, scenarios and results survive JSON exactly — the store keeps nothing else."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from enum import Enum

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxprior.domain import (
    Budget,
    Competency,
    Direction,
    ExclusionReason,
    FocusIndicators,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    PortfolioResult,
    Scenario,
    Workspace,
)
from cxprior.store import serialize
from cxprior.store.serialize import SerializationError


def reject_nan_literals(token: str) -> float:
    raise AssertionError(f"non-standard JSON literal {token}")


def through_text(document: dict) -> dict:
    """What the database hands back: the document written as JSON text and parsed again."""
    return json.loads(serialize.dumps(document), parse_constant=reject_nan_literals)


@pytest.fixture
def full_workspace() -> Workspace:
    """Every kind of field a workspace holds: enums, None, period costs, tuples of ids."""
    return Workspace(
        goals=(Goal("G1", "Fidéliser", 3.0, "Keep customers"), Goal("G2", "Réduire les coûts", 1.0)),
        kpis=(
            Kpi("NPS", "Net promoter score", Direction.INCREASE, 10.0, 30.0, "pts"),
            Kpi("CHURN", "Churn", Direction.DECREASE, 12.0, 8.0, "%"),
        ),
        links=(KpiGoalLink("NPS", "G1"), KpiGoalLink("CHURN", "G2", 0.5)),
        initiatives=(
            Initiative(
                "I-1",
                "Rappel client",
                300.0,
                period_costs={"2027": 100.0, "2026": 200.0},
                team="Care",
                owner="Zoé",
                journey_phase="Get help",
                confidence=0.8,
                mandatory=True,
                competency=Competency.DESIGN_IMPROVEMENT,
                description="Callback <b>within</b> 2h; =SUM(A1)",
            ),
            Initiative("I-2", "Offres", 50.0, depends_on=("I-1",), exclusive_group="retention"),
        ),
        impacts=(Impact("I-1", "NPS", 5.0, 2.0, 8.0), Impact("I-2", "CHURN", -0.5)),
        budgets=(Budget("total", 1_000.0), Budget("2026", 400.0)),
        periods=("2026", "2027"),
    )


@pytest.fixture
def full_result() -> PortfolioResult:
    return PortfolioResult(
        status="time_limit",
        objective=1234.5,
        gap=0.0125,
        selected=("I-7", "I-1"),
        total_cost=950_000.0,
        cost_by_period={"2027": 450_000.0, "2026": 500_000.0},
        value_by_goal={"G2": 434.5, "G1": 800.0},
        solver="highs",
        solve_seconds=0.12,
        explanation=("Budget reached.",),
        scenario=Scenario(
            "Tight",
            budget_total=1e6,
            budget_by_period={"2026": 5e5},
            max_initiatives=12,
            min_goal_share={"G1": 0.25},
            min_competency_share={"design_improvement": 0.1},
            force_in=("I-1",),
            force_out=("I-9", "I-3"),
            force_reasons={"I-1": "régulateur"},
            time_limit=30.0,
        ),
        focus=FocusIndicators(2, 1, "Get help", 1.0, 1.0),
        exclusions=(
            ExclusionReason("I-2", "no_room", "Too expensive", cost_cut_needed=1500.0),
            ExclusionReason("I-3", "prerequisite", "Needs I-9", other_ids=("I-9",)),
        ),
        forced_in_cost={"I-1": 12.5},
        marginal_value_per_euro={"total": 0.002},
    )


def test_a_workspace_comes_back_equal_with_tuples_enums_and_none_in_place(full_workspace):
    back = serialize.workspace_from_json(through_text(serialize.workspace_to_json(full_workspace)))

    assert back == full_workspace
    assert isinstance(back.initiatives, tuple) and isinstance(back.initiatives[1].depends_on, tuple)
    assert back.kpis[1].direction is Direction.DECREASE
    assert back.initiatives[0].competency is Competency.DESIGN_IMPROVEMENT
    assert back.initiatives[1].competency is None
    assert back.impacts[1].impact_low is None


def test_a_workspace_loaded_back_has_the_fingerprint_of_the_original_and_an_edit_changes_it(
    full_workspace,
):
    loaded = serialize.workspace_from_json(through_text(serialize.workspace_to_json(full_workspace)))
    renamed = replace(full_workspace, goals=(replace(full_workspace.goals[0], name="Autre"),))

    assert serialize.workspace_fingerprint(loaded) == serialize.workspace_fingerprint(full_workspace)
    assert serialize.workspace_fingerprint(renamed) != serialize.workspace_fingerprint(full_workspace)


def test_dict_keys_stay_text_and_keep_their_order(full_workspace, full_result):
    workspace = serialize.workspace_from_json(through_text(serialize.workspace_to_json(full_workspace)))
    result = serialize.result_from_json(through_text(serialize.result_to_json(full_result)))

    assert list(workspace.initiatives[0].period_costs) == ["2027", "2026"]
    assert list(result.value_by_goal.items()) == [("G2", 434.5), ("G1", 800.0)]


def test_a_full_portfolio_result_comes_back_equal_with_its_scenario_and_explanations(full_result):
    back = serialize.result_from_json(through_text(serialize.result_to_json(full_result)))

    assert back == full_result
    assert back.exclusions[1].other_ids == ("I-9",)
    assert isinstance(back.scenario, Scenario) and back.scenario.force_out == ("I-9", "I-3")
    assert back.focus == FocusIndicators(2, 1, "Get help", 1.0, 1.0)


def test_an_unsolved_result_keeps_its_none_objective_and_gap():
    result = PortfolioResult("infeasible", None, None, (), 0.0, {}, {}, "cbc", 0.5, ("No room.",))

    assert serialize.result_from_json(through_text(serialize.result_to_json(result))) == result


def test_non_finite_numbers_are_written_as_standard_json_and_come_back():
    result = PortfolioResult(
        "feasible", math.nan, math.inf, ("A",), 10.0, {}, {"G1": -math.inf}, "highs", 0.1
    )
    document = serialize.result_to_json(result)
    text = serialize.dumps(document)

    back = serialize.result_from_json(json.loads(text, parse_constant=reject_nan_literals))

    assert document["data"]["objective"] == "NaN"
    assert math.isnan(back.objective)
    assert back.gap == math.inf
    assert back.value_by_goal == {"G1": -math.inf}


def test_a_negative_zero_and_long_decimals_come_back_bit_for_bit():
    kpi = Kpi("K", "k", Direction.INCREASE, -0.0, 0.1 + 0.2)

    back = serialize.from_data(through_text({"k": serialize.to_data(kpi, Kpi)})["k"], Kpi)

    assert math.copysign(1.0, back.baseline) == -1.0
    assert back.target == 0.30000000000000004


def test_numbers_from_pandas_and_whole_numbers_in_money_fields_are_accepted():
    initiative = Initiative("A", "a", np.float64(2.5), period_costs={"2026": np.float32(1.5)}, confidence=1)
    scenario = Scenario(max_initiatives=np.int64(5), budget_total=100)

    back_initiative = serialize.from_data(serialize.to_data(initiative, Initiative), Initiative)
    back_scenario = serialize.scenario_from_json(through_text(serialize.scenario_to_json(scenario)))

    assert back_initiative == initiative
    assert type(back_initiative.cost) is float
    assert back_scenario == scenario
    assert type(back_scenario.max_initiatives) is int


def test_the_document_names_its_kind_and_schema_version(full_workspace):
    document = serialize.workspace_to_json(full_workspace)

    assert document["format"] == "cxprior"
    assert document["kind"] == "workspace"
    assert document["schema_version"] == serialize.SCHEMA_VERSION == 1


class Risk(Enum):
    LOW = 1
    HIGH = 2


@dataclass(frozen=True)
class ExtendedResult:
    """A result type as another engineer might grow it: new fields, all with defaults."""

    status: str
    risk: Risk | None = None
    by_risk: dict[Risk, float] = field(default_factory=dict)
    by_year: dict[int, tuple[str, ...]] = field(default_factory=dict)
    pair: tuple[str, float] = ("", 0.0)
    nested: tuple[FocusIndicators, ...] = ()


def test_any_dataclass_round_trips_including_non_text_dict_keys_and_fixed_tuples():
    value = ExtendedResult(
        "optimal",
        Risk.HIGH,
        {Risk.HIGH: 1.5, Risk.LOW: 0.5},
        {2027: ("B",), 2026: ("A", "C")},
        ("x", math.inf),
        (FocusIndicators(1, 1, "Buy", 1.0, 1.0),),
    )

    back = serialize.from_data(
        through_text({"v": serialize.to_data(value, ExtendedResult)})["v"], ExtendedResult
    )

    assert back == value
    assert list(back.by_year) == [2027, 2026]


def test_fields_missing_from_an_older_document_take_their_defaults(full_result):
    document = through_text(serialize.result_to_json(full_result))
    for added_later in ("exclusions", "forced_in_cost", "marginal_value_per_euro", "focus"):
        del document["data"][added_later]

    back = serialize.result_from_json(document)

    assert back == replace(
        full_result, exclusions=(), forced_in_cost={}, marginal_value_per_euro={}, focus=None
    )


def test_fields_written_by_a_newer_version_are_ignored_when_reading(full_workspace):
    document = through_text(serialize.workspace_to_json(full_workspace))
    document["data"]["goals"][0]["colour"] = "teal"

    assert serialize.workspace_from_json(document) == full_workspace


def test_a_missing_required_field_is_reported_with_where_it_is(full_workspace):
    document = through_text(serialize.workspace_to_json(full_workspace))
    del document["data"]["goals"][1]["weight"]

    with pytest.raises(SerializationError) as caught:
        serialize.workspace_from_json(document)

    assert caught.value.message == "The saved document (a workspace) is damaged at goals[1].weight: missing."
    assert caught.value.in_language("fr") == (
        "Le document enregistré (un espace de travail) est endommagé à l'emplacement "
        "goals[1].weight : missing."
    )


def test_a_value_of_the_wrong_type_is_reported_with_where_it_is(full_workspace):
    document = through_text(serialize.workspace_to_json(full_workspace))
    document["data"]["initiatives"][0]["period_costs"]["2026"] = "lots"

    with pytest.raises(SerializationError) as caught:
        serialize.workspace_from_json(document)

    assert caught.value.message == (
        "The saved document (a workspace) is damaged at initiatives[0].period_costs['2026']: "
        "expected a number, found str 'lots'."
    )


def test_an_unknown_enum_value_is_reported(full_workspace):
    document = through_text(serialize.workspace_to_json(full_workspace))
    document["data"]["kpis"][0]["direction"] = "sideways"

    with pytest.raises(
        SerializationError, match=r"kpis\[0\]\.direction: expected one of \['increase', 'decrease'\]"
    ):
        serialize.workspace_from_json(document)


def test_a_document_of_another_kind_is_refused_in_both_languages(full_workspace):
    document = serialize.workspace_to_json(full_workspace)

    with pytest.raises(SerializationError) as caught:
        serialize.scenario_from_json(document)

    assert caught.value.message == "This document holds “workspace”, not a scenario."
    assert caught.value.in_language("fr") == "Ce document contient « workspace », et non un scénario."


def test_a_document_from_a_newer_version_is_refused_with_advice(full_workspace):
    document = serialize.workspace_to_json(full_workspace) | {"schema_version": 7}

    with pytest.raises(SerializationError) as caught:
        serialize.workspace_from_json(document)

    assert caught.value.message == (
        "This document (a workspace) was saved by a newer version of cxprior (format 7; this version "
        "reads up to format 1). Update the application to open it."
    )


def test_something_that_is_not_a_cxprior_document_is_refused():
    with pytest.raises(SerializationError) as caught:
        serialize.workspace_from_json({"goals": []})

    assert caught.value.message == "This is not a saved cxprior document: a workspace was expected."
    assert caught.value.in_language("fr") == (
        "Ce n'est pas un document cxprior enregistré : un espace de travail était attendu."
    )


def test_text_that_is_not_json_is_refused():
    with pytest.raises(SerializationError) as caught:
        serialize.loads("{not json")

    assert caught.value.message == (
        "The saved document is not valid JSON: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)."
    )


def test_a_workspace_holding_a_wrong_value_is_not_written_and_the_error_says_where():
    broken = Workspace(initiatives=(Initiative("A", "a", 1.0), Initiative("B", "b", 1.0, team=math.nan)))

    with pytest.raises(TypeError, match=r"at initiatives\[1\]\.team: expected text, found float nan"):
        serialize.workspace_to_json(broken)


texts = st.text(max_size=12)
numbers = st.floats(allow_nan=True, allow_infinity=True)
ids = st.text(alphabet="ABCXYZ0123-", min_size=1, max_size=6)
initiatives = st.builds(
    Initiative,
    initiative_id=ids,
    name=texts,
    cost=numbers,
    period_costs=st.dictionaries(st.sampled_from(["2026", "2027", "total"]), numbers, max_size=3),
    team=texts,
    confidence=numbers,
    mandatory=st.booleans(),
    depends_on=st.lists(ids, max_size=3).map(tuple),
    competency=st.none() | st.sampled_from(Competency),
)
workspaces = st.builds(
    Workspace,
    goals=st.lists(st.builds(Goal, ids, texts, numbers, texts), max_size=3).map(tuple),
    kpis=st.lists(
        st.builds(Kpi, ids, texts, st.sampled_from(Direction), numbers, numbers, texts), max_size=3
    ).map(tuple),
    initiatives=st.lists(initiatives, max_size=4).map(tuple),
    impacts=st.lists(
        st.builds(Impact, ids, ids, numbers, st.none() | numbers, st.none() | numbers), max_size=4
    ).map(tuple),
    periods=st.lists(texts, max_size=3).map(tuple),
)


@settings(max_examples=60, deadline=None)
@given(workspaces)
def test_any_workspace_written_and_read_back_writes_the_same_document(workspace):
    document = through_text(serialize.workspace_to_json(workspace))

    back = serialize.workspace_from_json(document)

    # NaN ≠ NaN, so compare what the two write; without NaN compare the objects themselves
    assert serialize.workspace_to_json(back) == document
    if "NaN" not in serialize.dumps(document):
        assert back == workspace
