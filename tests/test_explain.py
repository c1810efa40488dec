"""Every initiative left out has a reason a COMEX member understands, with numbers one can check."""

from __future__ import annotations

import pytest
from test_optimizer_support import Item, make_workspace

from cxprior.domain import Scenario, focus_indicators
from cxprior.portfolio import optimize


@pytest.fixture
def backlog():
    """With €102,000: A + B + G (value 25, €101,000) is the best portfolio."""
    return make_workspace(
        [
            Item("A", 10, 60_000, phase="Buy"),
            Item("B", 7, 40_000, phase="Use"),
            Item("C", 9, 50_000, phase="Use"),
            Item("D", 5, 10_000, needs=("E",)),
            Item("E", 0, 90_000),
            Item("F", 3, 1_000, group="X"),
            Item("G", 8, 1_000, group="X"),
            Item("N", -2, 0),
            Item("O", 50, 1_000),
        ]
    )


@pytest.fixture
def result(backlog):
    scenario = Scenario(budget_total=102_000, force_out=("O",), force_reasons={"O": "Regulator said no"})
    return optimize(backlog, scenario)


def reason(result, iid):
    return next(e for e in result.exclusions if e.initiative_id == iid)


def test_every_initiative_left_out_has_exactly_one_reason(result):
    assert result.selected == ("A", "B", "G")
    assert [e.initiative_id for e in result.exclusions] == ["C", "D", "E", "F", "N", "O"]


def test_no_room_at_the_margin_says_how_much_cheaper_or_more_valuable(result):
    c = reason(result, "C")
    assert c.code == "no_room"
    # with C at full price the best is C + B + G = 24, one point short of 25;
    # C + A + G = 27 fits once C costs €41,000 instead of €50,000
    assert c.value_gain_needed == pytest.approx(1.0)
    assert c.cost_cut_needed == pytest.approx(9_000)
    assert c.message == (
        "No room at the margin: the budget buys more value elsewhere. To get in it would need to cost "
        "€9,000 less (€41,000 instead of €50,000) or bring 1.0 more value points."
    )


def test_no_room_in_french(backlog):
    result = optimize(backlog, Scenario(budget_total=102_000, force_out=("O",)), lang="fr")
    assert reason(result, "C").message == (
        "Pas de place à la marge : le budget rapporte plus de valeur ailleurs. Pour entrer, elle devrait "
        "coûter 9\u202f000\u00a0€ de moins (41\u202f000\u00a0€ au lieu de 50\u202f000\u00a0€) ou apporter "
        "1,0 points de valeur de plus."
    )


def test_cost_cuts_apply_to_every_year_in_proportion():
    ws = make_workspace(
        [Item("A", 10, {"2026": 60}), Item("B", 7, {"2026": 40}), Item("C", 9, {"2026": 25, "2027": 25})],
        periods=("2026", "2027"),
    )
    result = optimize(ws, Scenario(budget_by_period={"2026": 85, "2027": 20}))
    assert result.selected == ("A",)
    c = reason(result, "C")
    # C does not fit 2027 (25 > 20) at any value; 20 % off both years (€50 → €40) lets C + A in
    assert c.value_gain_needed is None
    assert c.cost_cut_needed == pytest.approx(10)
    assert c.message.endswith("To get in it would need to cost €10 less (€40 instead of €50).")
    b = reason(result, "B")
    # B beside A needs 2026 to shrink from €40 to €25
    assert (b.cost_cut_needed, b.value_gain_needed) == (pytest.approx(15), pytest.approx(3))


def test_a_prerequisite_not_funded(result):
    d = reason(result, "D")
    assert d.code == "prerequisite"
    assert d.other_ids == ("E",)
    # D + E cost €100,000: with G that is 13 points, 12 short of 25, whatever D costs
    assert d.value_gain_needed == pytest.approx(12.0)
    assert d.cost_cut_needed is None
    assert d.message == (
        "It needs E (Initiative E), which is not funded; funding them together does not pay. "
        "Even free it would not get in; it would need 12.0 more value points."
    )


def test_an_exclusive_group_lost_to_another_initiative(result):
    f = reason(result, "F")
    assert f.code == "exclusive_group"
    assert f.other_ids == ("G",)
    assert f.message.startswith(
        "Its exclusive group X went to G (Initiative G), which serves the portfolio better."
    )
    assert f.value_gain_needed == pytest.approx(5.0)


def test_initiatives_without_value_say_so(result):
    assert reason(result, "E").message == (
        "It adds no value to the strategic goals (0.0 points): its KPIs serve no goal or it has no "
        "expected impact."
    )
    assert reason(result, "N").message == "It moves KPIs away from their targets: its value is -2.0 points."
    assert {reason(result, i).code for i in "EN"} == {"no_value"}


def test_forced_out_gives_the_reason_the_user_wrote(result):
    o = reason(result, "O")
    assert o.code == "forced_out"
    assert o.message == "Left out by decision in this scenario: Regulator said no"


def test_a_prerequisite_left_out_by_the_scenario():
    ws = make_workspace([Item("A", 5, 1, needs=("B",)), Item("B", 1, 1)])
    result = optimize(ws, Scenario(force_out=("B",)))
    assert reason(result, "A").message == "It needs B (Initiative B), which this scenario leaves out."


def test_full_focus_caps_are_named():
    ws = make_workspace(
        [Item("A", 5, 1, phase="Buy"), Item("B", 4, 1, phase="Buy"), Item("C", 3, 1, phase="Use")]
    )
    by_count = optimize(ws, Scenario(max_initiatives=1))
    assert reason(by_count, "B").code == "focus"
    assert reason(by_count, "B").message.startswith(
        "The portfolio is at its maximum of 1 initiative, and the funded one is worth more."
    )
    by_phase = optimize(ws, Scenario(max_phases=1))
    assert reason(by_phase, "C").message.startswith(
        "The portfolio already touches its maximum of 1 journey phase, and it is not Use."
    )


def test_a_tie_lost_to_fewer_initiatives_is_explained():
    ws = make_workspace([Item("A", 10, 5), Item("B", 6, 2), Item("C", 4, 3)])
    result = optimize(ws, Scenario(budget_total=5))
    assert result.selected == ("A",)
    assert reason(result, "B").message == (
        "No room at the margin: the budget buys more value elsewhere. A portfolio with it is worth as much; "
        "the one with fewer initiatives was preferred."
    )


def test_the_value_of_more_budget_is_measured_by_re_solving(result):
    # 10 % more (€10,200) funds A + C + G = 27 instead of 25
    assert result.marginal_value_per_euro == {"total": pytest.approx(2 / 10_200)}


def test_the_value_of_more_budget_per_period():
    ws = make_workspace(
        [Item("A", 5, {"2026": 100}), Item("B", 4, {"2027": 100}), Item("C", 3, {"2027": 10})],
        periods=("2026", "2027"),
    )
    result = optimize(ws, Scenario(budget_by_period={"2026": 100, "2027": 100}))
    assert result.selected == ("A", "B")
    # 2026 has nothing more to buy; 10 more in 2027 buys C
    assert result.marginal_value_per_euro == {"2026": 0.0, "2027": pytest.approx(3 / 10)}


def test_the_value_given_up_by_each_forced_item(backlog):
    result = optimize(backlog, Scenario(budget_total=102_000, force_in=("C",)))
    assert result.selected == ("B", "C", "G", "O")
    # forced: B + C + G + O = 74 for €92,000; free: A + B + G + O = 75 for €102,000
    assert result.forced_in_cost == {"C": pytest.approx(1.0)}


def test_focus_indicators_measure_concentration(backlog, result):
    focus = result.focus
    assert (focus.count, focus.phases_touched, focus.top_phase) == (3, 2, "Buy")
    # spend: Buy 60,000, Use 40,000, no phase 1,000: the unphased spend is in the total, in no phase
    assert focus.top_phase_spend_share == pytest.approx(60 / 101)
    assert focus.concentration_index == pytest.approx((60**2 + 40**2) / 101**2)
    empty = focus_indicators(backlog, ())
    assert (empty.count, empty.phases_touched, empty.top_phase, empty.concentration_index) == (0, 0, "", 0.0)


def test_explanations_can_be_skipped(backlog):
    result = optimize(backlog, Scenario(budget_total=102_000), explain=False)
    assert result.exclusions == ()
    assert result.marginal_value_per_euro == {}
    assert result.focus is not None


def test_big_portfolios_get_the_cheapest_swap_estimate():
    from cxprior.domain import synthetic_scenario, synthetic_workspace

    ws = synthetic_workspace(400, seed=4)
    result = optimize(ws, synthetic_scenario(ws))
    margins = [e for e in result.exclusions if e.code in ("no_room", "focus")]
    assert margins
    assert all(e.message.split(". ", 1)[1].startswith("Estimate:") for e in margins)
    assert all(e.value_gain_needed is None or e.value_gain_needed >= 0 for e in margins)
    assert len(result.exclusions) == len(ws.initiatives) - len(result.selected)
