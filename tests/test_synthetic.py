"""Synthetic CX portfolios: reproducible, shaped as SOLVER_NOTES.md says, valid, feasible."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from cxprior.domain import TOTAL_PERIOD, synthetic_scenario, synthetic_workspace
from cxprior.workbook import read_workbook, write_workspace

N = 400


@pytest.fixture(scope="module")
def ws():
    return synthetic_workspace(N, seed=7)


def test_the_same_seed_gives_the_same_workspace_and_another_seed_another():
    assert synthetic_workspace(60, seed=3) == synthetic_workspace(60, seed=3)
    assert synthetic_workspace(60, seed=3) != synthetic_workspace(60, seed=4)


def test_it_has_n_initiatives_five_goals_and_twelve_kpis_all_linked(ws):
    assert len(ws.initiatives) == N
    assert len({i.initiative_id for i in ws.initiatives}) == N
    assert len(ws.goals) == 5 and len(ws.kpis) == 12
    assert {link.kpi_id for link in ws.links} == {k.kpi_id for k in ws.kpis}
    assert {k.kpi_id for k in ws.kpis if k.side == "employee"} == {"ENPS", "ATTRITION"}


def test_costs_are_split_over_three_yearly_periods_in_whole_euros(ws):
    assert ws.periods == ("2026", "2027", "2028")
    for item in ws.initiatives:
        assert set(item.period_costs) == set(ws.periods)
        assert sum(item.period_costs.values()) == item.cost
        assert all(v >= 0 and float(v).is_integer() for v in item.period_costs.values())
    costs = sorted(i.cost for i in ws.initiatives)
    assert costs[-1] > 10 * costs[len(costs) // 2]  # lognormal: a long tail of big initiatives


def test_the_budget_sheet_holds_forty_percent_of_the_asked_cost(ws):
    budgets = ws.budget_by_period
    assert budgets[TOTAL_PERIOD] == pytest.approx(0.40 * sum(i.cost for i in ws.initiatives), abs=1)
    for period in ws.periods:
        asked = sum(i.period_costs[period] for i in ws.initiatives)
        assert budgets[period] == pytest.approx(0.40 * asked, abs=1)


def test_constraint_features_come_in_the_promised_proportions(ws):
    assert sum(i.mandatory for i in ws.initiatives) == round(0.02 * N)
    grouped = [i for i in ws.initiatives if i.exclusive_group]
    assert 0.08 * N <= len(grouped) <= 0.10 * N
    assert all(2 <= size <= 4 for size in Counter(i.exclusive_group for i in grouped).values())
    with_prerequisite = [i for i in ws.initiatives if i.depends_on]
    assert 0.04 * N <= len(with_prerequisite) <= 0.05 * N
    assert len(set(ws.journey_phases)) == 6
    assert {i.competency for i in ws.initiatives if i.competency} == {
        "customer_understanding",
        "strategy_engagement",
        "culture_management",
        "design_improvement",
    }


def test_prerequisites_are_earlier_initiatives_so_there_is_no_cycle(ws):
    position = {i.initiative_id: k for k, i in enumerate(ws.initiatives)}
    for item in ws.initiatives:
        for prerequisite in item.depends_on:
            assert position[prerequisite] < position[item.initiative_id]


def test_impacts_touch_one_to_three_kpis_with_ordered_ranges(ws):
    per_initiative = Counter(imp.initiative_id for imp in ws.impacts)
    assert set(per_initiative) == {i.initiative_id for i in ws.initiatives}
    assert set(per_initiative.values()) <= {1, 2, 3}
    ranged = [imp for imp in ws.impacts if imp.impact_low is not None]
    assert 0.2 * len(ws.impacts) < len(ranged) < 0.4 * len(ws.impacts)
    assert all(imp.impact_low <= imp.impact <= imp.impact_high for imp in ranged)
    assert all(imp.impact != 0 for imp in ws.impacts)


def test_the_full_scenario_caps_count_forces_some_out_and_keeps_mandatory_items_feasible(ws):
    scenario = synthetic_scenario(ws)
    assert scenario.budget_by_period == {p: ws.budget_by_period[p] for p in ws.periods}
    assert scenario.max_initiatives == math.ceil(0.15 * N)
    assert len(scenario.force_out) == round(0.02 * N)
    mandatory = [i for i in ws.initiatives if i.mandatory]
    assert not {i.initiative_id for i in mandatory} & set(scenario.force_out)
    for period in ws.periods:
        assert sum(i.period_costs[period] for i in mandatory) < 0.25 * scenario.budget_by_period[period]
    assert len(mandatory) < scenario.max_initiatives
    assert set(scenario.min_goal_share) == {g.goal_id for g in ws.goals}
    assert sum(scenario.min_goal_share.values()) == pytest.approx(0.5, abs=1e-3)
    assert synthetic_scenario(ws) == scenario


def test_without_periods_initiatives_have_a_single_cost_and_a_total_budget():
    ws = synthetic_workspace(50, seed=1, periods=0)
    assert ws.periods == ()
    assert all(i.period_costs == {} for i in ws.initiatives)
    assert [b.period for b in ws.budgets] == [TOTAL_PERIOD]
    assert synthetic_scenario(ws).budget_total == ws.budget_by_period[TOTAL_PERIOD]


def test_a_synthetic_workspace_round_trips_through_the_workbook_reader():
    ws = synthetic_workspace(150, seed=11)
    result = read_workbook(write_workspace(ws))
    assert result.kind == "workspace"
    assert result.workspace == ws
