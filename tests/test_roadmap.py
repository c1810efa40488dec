"""The roadmap in the optimizer: when each initiative starts, under budgets, team capacity and
start-after links (DESIGN.md, "Contract v2 › When and by whom").

Every case is small enough to solve by hand; the derivation is in each test. Workspaces come
from `make_workspace`: an initiative is worth exactly its `value` points.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_optimizer_support import Item, make_workspace

from cxprior.domain import Capacity, Effort, Scenario, ScenarioError, default_scenario
from cxprior.portfolio import (
    capacity_frame,
    capacity_values,
    frontier,
    greedy_portfolio,
    optimize,
    roadmap_frame,
    shifting_gain,
    spend_frame,
)

YEARS = ("2026", "2027", "2028")
TWO = ("2026", "2027")


def later(latest: str, **extra: object) -> dict[str, object]:
    return {"latest_start": latest, **extra}


def with_team(ws, capacity: dict[str, float], efforts: dict[str, dict[str, float]], team: str = "Digital"):
    """The workspace with one team's capacity per period and each initiative's effort for it."""
    return replace(
        ws,
        capacities=tuple(Capacity(team, p, float(c)) for p, c in capacity.items()),
        efforts=tuple(Effort(i, team, p, float(e)) for i, by in efforts.items() for p, e in by.items()),
    )


# --- shifting by budget -----------------------------------------------------------------------


@pytest.fixture
def budget_case():
    """A (5 points) and B (4 points) each cost 10 in 2026; the 2026 and 2027 budgets are 10 each.
    With fixed starts only one fits 2026: A (5). B may start in 2027, where it costs its 10
    instead: A in 2026 + B in 2027 fit both budgets, 9 points."""
    return make_workspace(
        [Item("A", 5, {"2026": 10}), Item("B", 4, {"2026": 10}, extra=later("2027"))],
        periods=TWO,
        budgets={"2026": 10, "2027": 10},
    )


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_a_budget_full_in_2026_funds_a_later_start_in_2027(budget_case, solver):
    result = optimize(budget_case, replace(default_scenario(budget_case), solver=solver))
    assert (result.status, result.selected) == ("optimal", ("A", "B"))
    assert result.objective == pytest.approx(9.0)
    assert result.start == {"A": "2026", "B": "2027"}
    assert result.finish == {"A": "2026", "B": "2027"}
    assert result.cost_by_period == {"2026": 10.0, "2027": 10.0}  # B's spend moved with it
    assert result.total_cost == 20.0


def test_with_fixed_starts_the_same_budgets_fund_only_a(budget_case):
    result = optimize(budget_case, replace(default_scenario(budget_case), allow_shift=False))
    assert result.selected == ("A",) and result.objective == pytest.approx(5.0)
    assert result.cost_by_period == {"2026": 10.0, "2027": 0.0}


def test_shifting_gain_says_how_much_more_value_later_starts_fund(budget_case):
    gain = shifting_gain(budget_case, default_scenario(budget_case))
    # 9 with shifting against 5 with fixed starts: 4 more, 80 % more
    assert gain.gain == pytest.approx(4.0) and gain.share == pytest.approx(0.8)
    assert gain.message("en") == (
        "Letting initiatives start later funds 4.0 more value points (80.0%) than fixed starts, "
        "at the same budgets: 9.0 vs 5.0."
    )


def test_the_roadmap_table_says_which_initiative_moved_and_that_the_budget_is_why(budget_case):
    result = optimize(budget_case, default_scenario(budget_case), explain=False)
    frame = roadmap_frame(budget_case, result)
    assert frame["initiative_id"].tolist() == ["A", "B"]  # by start
    assert frame["moved"].tolist() == [False, True]
    assert frame.loc[1, ["earliest_start", "latest_start", "start", "finish"]].tolist() == [
        "2026",
        "2027",
        "2027",
        "2027",
    ]
    # back in 2026 B would add its 10 to A's 10 against a 2026 budget of 10
    assert frame.loc[1, "why"] == (
        "Starts in 2027 instead of 2026: starting in 2026 would exceed the 2026 budget."
    )
    assert spend_frame(budget_case, result).to_dict("list") == {
        "period": ["2026", "2027"],
        "spend": [10.0, 10.0],
        "budget": [10.0, 10.0],
    }


def test_a_whole_profile_shifts_so_a_two_year_initiative_started_late_spends_a_year_late():
    """C costs 6 then 4 from 2026; it may start in 2027. The 2026 budget is 5: it cannot start in
    2026 (6 > 5). Started in 2027 it spends 6 in 2027 and 4 in 2028, within budgets of 6 and 4."""
    ws = make_workspace(
        [Item("C", 3, {"2026": 6, "2027": 4}, extra=later("2027"))],
        periods=YEARS,
        budgets={"2026": 5, "2027": 6, "2028": 4},
    )
    result = optimize(ws, default_scenario(ws))
    assert result.selected == ("C",)
    assert (result.start, result.finish) == ({"C": "2027"}, {"C": "2028"})
    assert result.cost_by_period == {"2026": 0.0, "2027": 6.0, "2028": 4.0}


def test_among_equal_portfolios_the_earliest_starts_are_kept():
    """Nothing binds: D and E could start in any year of their windows for the same 5 points;
    the tie-break starts each at its earliest start."""
    ws = make_workspace(
        [
            Item("D", 2, {"2026": 4}, extra=later("2028")),
            Item("E", 3, {"2027": 4}, extra=later("2028")),
        ],
        periods=YEARS,
        budgets={"2026": 100, "2027": 100, "2028": 100},
    )
    result = optimize(ws, default_scenario(ws))
    assert result.start == {"D": "2026", "E": "2027"}  # E's earliest start is its first cost, 2027


def test_fewer_initiatives_come_before_earlier_starts_in_the_tie_break():
    """F (2 points, 10 in 2026, may start in 2027), G and H (1 point each, 5 in 2026, fixed);
    budgets of 10 in 2026 and in 2027. F in 2027 with G and H in 2026 fits both (10 and 10):
    4 points, the only optimum. With a 2027 budget of 0, F cannot move: the 2026 budget holds
    F (2 points, one initiative) or G + H (2 points, two): fewer initiatives win."""
    ws = make_workspace(
        [
            Item("F", 2, {"2026": 10}, extra=later("2027")),
            Item("G", 1, {"2026": 5}),
            Item("H", 1, {"2026": 5}),
        ],
        periods=TWO,
        budgets={"2026": 10, "2027": 10},
    )
    result = optimize(ws, default_scenario(ws))
    assert result.selected == ("F", "G", "H") and result.start["F"] == "2027"
    tight = optimize(ws, replace(default_scenario(ws), budget_by_period={"2026": 10, "2027": 0}))
    assert tight.selected == ("F",) and tight.start == {"F": "2026"}


# --- shifting by capacity ---------------------------------------------------------------------


@pytest.fixture
def capacity_case():
    """Team Digital has 10 person-days a year. A (5 points) needs 8 in 2026, B (4 points) 6 in
    2026 and may start in 2027: 8 + 6 > 10 in 2026, so fixed starts fund A only (5), shifted
    starts fund A in 2026 and B in 2027 (8 ≤ 10, 6 ≤ 10): 9 points. No budget binds."""
    ws = make_workspace(
        [Item("A", 5, {"2026": 1}), Item("B", 4, {"2026": 1}, extra=later("2027"))], periods=TWO
    )
    return with_team(ws, {"2026": 10, "2027": 10}, {"A": {"2026": 8}, "B": {"2026": 6}})


def test_a_team_full_in_2026_delivers_the_second_initiative_in_2027(capacity_case):
    result = optimize(capacity_case, default_scenario(capacity_case))
    assert result.selected == ("A", "B") and result.start == {"A": "2026", "B": "2027"}
    assert result.effort_by_team == {"Digital": {"2026": 8.0, "2027": 6.0}}
    assert result.to_json()["effort_by_team"] == {"Digital": {"2026": 8.0, "2027": 6.0}}
    frame = roadmap_frame(capacity_case, result)
    assert frame.loc[frame["initiative_id"] == "B", "why"].item() == (
        "Starts in 2027 instead of 2026: starting in 2026, team Digital would lack capacity in 2026."
    )
    use = capacity_frame(capacity_case, result)
    assert use[["team", "period", "capacity", "used", "free"]].values.tolist() == [
        ["Digital", "2026", 10.0, 8.0, 2.0],
        ["Digital", "2027", 10.0, 6.0, 4.0],
    ]


def test_left_out_for_want_of_capacity_says_how_much_more_or_when_it_would_fit(capacity_case):
    """With fixed starts B is left out: 8 + 6 = 14 against 10, so Digital lacks 4 in 2026; it
    would fit in 2027 (6 ≤ 10), were it allowed to start then."""
    result = optimize(capacity_case, replace(default_scenario(capacity_case), allow_shift=False))
    (reason,) = result.exclusions
    assert (reason.initiative_id, reason.code) == ("B", "capacity")
    assert reason.capacity_needed == (("Digital", "2026", 4.0),)
    assert reason.start_that_fits == "2027"
    assert reason.message == (
        "Left out for want of capacity in team Digital in 2026; it would fit if Digital had 4 more "
        "person-days, or if it could start in 2027."
    )
    french = optimize(capacity_case, replace(default_scenario(capacity_case), allow_shift=False), lang="fr")
    assert french.exclusions[0].message == (
        "Écartée faute de capacité : équipe Digital en 2026 ; elle passerait si Digital avait "
        "4 jours-personnes de plus, ou si elle pouvait commencer en 2027."
    )


def test_a_capacity_override_of_the_scenario_replaces_the_capacity_sheet(capacity_case):
    # 14 person-days in 2026 hold A and B together at their earliest starts
    scenario = replace(
        default_scenario(capacity_case), allow_shift=False, capacity_overrides={"Digital": {"2026": 14.0}}
    )
    result = optimize(capacity_case, scenario)
    assert result.selected == ("A", "B") and result.start == {"A": "2026", "B": "2026"}
    assert result.effort_by_team == {"Digital": {"2026": 14.0, "2027": 0.0}}


def test_a_capacity_override_for_an_unknown_team_or_period_or_below_zero_is_refused(capacity_case):
    base = default_scenario(capacity_case)
    for overrides, message in (
        (
            {"Data": {"2026": 5.0}},
            "Capacity given for unknown teams: Data. Teams of the Capacity sheet: Digital.",
        ),
        (
            {"Digital": {"2031": 5.0}},
            "Capacity of team Digital given for unknown periods: 2031. Cost periods: 2026, 2027.",
        ),
        ({"Digital": {"2026": -1.0}}, "The capacity of team Digital in 2026 must be a number ≥ 0."),
    ):
        with pytest.raises(ScenarioError) as refused:
            optimize(capacity_case, replace(base, capacity_overrides=overrides))
        assert refused.value.message == message


def test_the_value_of_more_capacity_is_measured_by_re_solving(capacity_case):
    """Fixed starts: A uses 8 of 10 in 2026 and B (4 points) needs 6 more. A step of 30 % (3
    person-days) gives 13 < 14: nothing; 40 % (4) gives 14: B gets in, 4 points for 4 person-days,
    1 point each. 2027 capacity is unused: more of it buys nothing."""
    scenario = replace(default_scenario(capacity_case), allow_shift=False)
    small = capacity_values(capacity_case, scenario, step_share=0.3)
    assert small["value_gain"].tolist() == [0.0, 0.0]
    table = capacity_values(capacity_case, scenario, step_share=0.4)
    assert table[["team", "period", "capacity", "used", "step"]].values.tolist() == [
        ["Digital", "2026", 10.0, 8.0, 4.0],
        ["Digital", "2027", 10.0, 0.0, 4.0],
    ]
    assert table["value_gain"].tolist() == pytest.approx([4.0, 0.0])
    assert table["value_per_unit"].tolist() == pytest.approx([1.0, 0.0])


def test_a_ranked_list_starts_everything_at_its_earliest_start_within_the_teams_capacity(capacity_case):
    # by value per euro A (5/1) comes before B (4/1); B does not fit Digital's 2026 capacity
    result = greedy_portfolio(capacity_case, default_scenario(capacity_case))
    assert result.selected == ("A",)


# --- precedence ---------------------------------------------------------------------------------


@pytest.fixture
def precedence_case():
    """A (5 points) costs 5 in 2026 and 5 in 2027: it finishes in 2027. B (4 points) costs 3 and
    starts after A, by 2028 at the latest: it can only start in 2028 (its 2026 and 2027 starts
    are not after A's finish)."""
    return make_workspace(
        [
            Item("A", 5, {"2026": 5, "2027": 5}),
            Item("B", 4, {"2026": 3}, extra=later("2028", starts_after=("A",))),
        ],
        periods=YEARS,
    )


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_an_initiative_starts_after_the_one_it_follows_has_finished(precedence_case, solver):
    result = optimize(precedence_case, Scenario(solver=solver))
    assert result.selected == ("A", "B")
    assert result.start == {"A": "2026", "B": "2028"} and result.finish["A"] == "2027"
    assert result.cost_by_period == {"2026": 5.0, "2027": 5.0, "2028": 3.0}


def test_starting_after_an_initiative_means_it_is_funded_too(precedence_case):
    result = optimize(precedence_case, Scenario(force_out=("A",)))
    assert result.selected == ()
    reasons = {r.initiative_id: (r.code, r.message) for r in result.exclusions}
    assert reasons["B"] == ("prerequisite", "It needs A (Initiative A), which this scenario leaves out.")
    forced = optimize(precedence_case, Scenario(force_in=("B",), force_out=("A",)))
    assert forced.status == "infeasible"


def test_without_shifting_an_initiative_that_must_follow_a_longer_one_cannot_be_funded(precedence_case):
    """With fixed starts B would start in 2026, before A finishes: B is left out, and the reason
    says A finishes in 2027 while B cannot start later than 2026."""
    result = optimize(precedence_case, Scenario(allow_shift=False))
    assert result.selected == ("A",)
    (reason,) = result.exclusions
    assert (reason.code, reason.other_ids) == ("timing", ("A",))
    assert reason.message == (
        "It must start after A (Initiative A) finishes, in 2027, and it cannot start later than 2026."
    )
    required = optimize(precedence_case, Scenario(allow_shift=False, force_in=("B",)))
    assert required.status == "infeasible"
    assert required.explanation == (
        "B (Initiative B) must start after A (Initiative A) finishes (2027 at the earliest), but it "
        "cannot start later than 2026, and both are required.",
    )


def test_a_flexible_initiative_followed_by_another_starts_early_enough_for_both():
    """P (3 points, 4 in 2026, may start until 2027) and Q (3 points, 4, starts after P, fixed in
    2027). Q needs P finished by 2026, so P must start in 2026, although a 2027 start of P would
    fit the budgets too."""
    ws = make_workspace(
        [
            Item("P", 3, {"2026": 4}, extra=later("2027")),
            Item("Q", 3, {"2027": 4}, extra={"starts_after": ("P",)}),
        ],
        periods=TWO,
        budgets={"2026": 10, "2027": 10},
    )
    result = optimize(ws, default_scenario(ws))
    assert result.selected == ("P", "Q") and result.start == {"P": "2026", "Q": "2027"}


# --- infeasible capacity, in words ----------------------------------------------------------------


@pytest.fixture
def overloaded():
    """Two mandatory initiatives: A needs 8 person-days of Digital in 2026, C 5 in 2026 (it may
    start in 2027 instead). Digital has 10 in 2026 and 3 in 2027."""
    ws = make_workspace(
        [
            Item("A", 5, {"2026": 1}, mandatory=True),
            Item("C", 3, {"2026": 1}, mandatory=True, extra=later("2027")),
        ],
        periods=TWO,
    )
    return with_team(ws, {"2026": 10, "2027": 3}, {"A": {"2026": 8}, "C": {"2026": 5}})


def test_required_initiatives_needing_more_than_a_team_has_are_named_with_the_figures(overloaded):
    # fixed starts: 8 + 5 = 13 person-days in 2026 against 10, before any solve
    result = optimize(overloaded, Scenario(allow_shift=False))
    assert result.status == "infeasible"
    assert result.explanation == (
        "Team Digital has 10 person-days in 2026, but the mandatory and forced-in initiatives (with "
        "their prerequisites) need at least 13 there: A (Initiative A, 8), C (Initiative C, 5).",
    )


def test_when_shifting_cannot_help_enough_the_smallest_capacity_change_is_given(overloaded):
    """C in 2026 overloads 2026 (13 > 10); C in 2027 needs 5 of the 3 there. Giving Digital 2 more
    person-days in 2027 is the smallest change (3 more in 2026 would do too, but is more)."""
    result = optimize(overloaded, Scenario())
    assert result.status == "infeasible"
    assert result.explanation[1] == (
        "The smallest change that makes it feasible: give team Digital at least 2 more person-days "
        "in 2027 (it has 3), which the mandatory and forced-in initiatives may need there: "
        "C (Initiative C)."
    )


# --- the frontier and the JSON on a roadmap ----------------------------------------------------


def test_the_frontier_reports_the_shifted_spend_of_each_level(budget_case):
    curve = frontier(budget_case, default_scenario(budget_case), points=2)
    top = curve.points[-1]
    # at the top level (every period budget at its full cost: 20 in 2026, 0 in 2027) A and B
    # both fit in 2026
    assert top.selected == ("A", "B") and top.cost_by_period == {"2026": 20.0, "2027": 0.0}


def test_the_json_gains_start_finish_and_effort_by_team_exactly_as_the_design_says(capacity_case):
    document = optimize(capacity_case, default_scenario(capacity_case)).to_json()
    assert list(document)[-3:] == ["start", "finish", "effort_by_team"]
    assert document["start"] == {"A": "2026", "B": "2027"}
    assert document["finish"] == {"A": "2026", "B": "2027"}
    assert document["effort_by_team"] == {"Digital": {"2026": 8.0, "2027": 6.0}}
    assert document["cost_by_period"] == {"2026": 1.0, "2027": 1.0}


# --- the store keeps a roadmap -----------------------------------------------------------------


def test_a_roadmap_workspace_scenario_and_result_round_trip_through_the_store_documents(capacity_case):
    from cxprior.store import serialize

    scenario = replace(
        default_scenario(capacity_case), allow_shift=False, capacity_overrides={"Digital": {"2027": 12.0}}
    )
    result = optimize(capacity_case, scenario)
    assert result.exclusions[0].capacity_needed  # B is left out for capacity: the reason holds figures
    for kind, value in (("workspace", capacity_case), ("scenario", scenario), ("portfolio_result", result)):
        text = serialize.dumps(serialize.to_document(kind, value))
        assert serialize.from_document(kind, serialize.loads(text)) == value


def test_documents_saved_before_the_roadmap_load_with_fixed_starts_and_no_team():
    from cxprior.store import serialize

    # what an older version wrote: no allow_shift, no capacity_overrides, no start or finish
    old = serialize.to_document("scenario", Scenario())
    for key in ("allow_shift", "capacity_overrides"):
        del old["data"][key]
    assert serialize.from_document("scenario", old) == Scenario()
    assert Scenario().allow_shift is True  # a v1 workbook has no start window: nothing shifts
