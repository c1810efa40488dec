"""Strategy page: goal weights by direct entry and by pairwise comparison, disconnected KPIs."""

from __future__ import annotations

import pytest
from app_helpers import (
    failures,
    open_page,
    shown,
    start,
    table_with,
)


@pytest.fixture
def strategy_page():
    return open_page(start(), "strategy")


def _weights(at):
    return {g.goal_id: g.weight for g in at.session_state["workspace"].goals}


def test_direct_weights_are_applied_to_the_workspace(strategy_page):
    strategy_page.number_input(key="strategy_weight_OBJ-CONF").set_value(40.0)
    strategy_page.button(key="strategy_weights_apply").click().run()
    assert _weights(strategy_page)["OBJ-CONF"] == 40.0
    assert _weights(strategy_page)["OBJ-FID"] == 35.0
    assert failures(strategy_page) == []


def test_weights_typed_but_not_applied_change_nothing(strategy_page):
    strategy_page.number_input(key="strategy_weight_OBJ-CONF").set_value(40.0).run()
    assert _weights(strategy_page)["OBJ-CONF"] == 10.0


def test_the_pairwise_sliders_start_from_the_current_weights(strategy_page):
    # sample weights 35, 25, 15, 15, 10; each slider starts at the step nearest the ratio on a log scale:
    # FID/COUT 1.4 → 1 (ln 1.4 = 0.34 is nearer 0 than ln 2 = 0.69); FID/VERT 2.33 → 2 (ln 2.33 = 0.85:
    # 0.15 from ln 2, 0.25 from ln 3); FID/CONF 3.5 → 4 (ln 8/7 = 0.13 < ln 7/6 = 0.15);
    # ENG/CONF 1.5 → 2 (ln 4/3 = 0.29 < ln 1.5 = 0.41)
    slider = {s.key: s.value for s in strategy_page.select_slider}
    assert slider["strategy_pair_OBJ-FID__OBJ-COUT"] == 1
    assert slider["strategy_pair_OBJ-FID__OBJ-VERT"] == 2
    assert slider["strategy_pair_OBJ-FID__OBJ-CONF"] == 4
    assert slider["strategy_pair_OBJ-ENG__OBJ-CONF"] == 2
    assert slider["strategy_pair_OBJ-VERT__OBJ-ENG"] == 1  # 15 / 15


def test_equal_pairwise_judgments_give_equal_weights_and_are_consistent(strategy_page):
    for slider in strategy_page.select_slider:
        slider.set_value(1)
    strategy_page.run()
    assert shown(strategy_page.success)[0].startswith("Consistent judgments: consistency ratio 0.00")
    strategy_page.button(key="strategy_pairwise_apply").click().run()
    assert set(_weights(strategy_page).values()) == {20.0}


def test_contradictory_pairwise_judgments_are_flagged(strategy_page):
    strategy_page.select_slider(key="strategy_pair_OBJ-FID__OBJ-COUT").set_value(9)
    strategy_page.select_slider(key="strategy_pair_OBJ-COUT__OBJ-VERT").set_value(9)
    strategy_page.select_slider(key="strategy_pair_OBJ-FID__OBJ-VERT").set_value(-9).run()
    warnings = shown(strategy_page.warning)
    assert any(w.startswith("Inconsistent judgments: consistency ratio ") for w in warnings)
    assert any("revisit it before using these weights" in w for w in warnings)


def test_pairwise_judgments_set_the_weights_in_their_ratio(strategy_page):
    strategy_page.select_slider(key="strategy_pair_OBJ-FID__OBJ-COUT").set_value(3).run()
    table = table_with(strategy_page, "Pairwise weight").set_index("Goal id")
    fid, cout = (float(table.loc[g, "Pairwise weight"].rstrip("%")) for g in ("OBJ-FID", "OBJ-COUT"))
    assert fid > cout
    strategy_page.button(key="strategy_pairwise_apply").click().run()
    weights = _weights(strategy_page)
    assert weights["OBJ-FID"] > weights["OBJ-COUT"]


def test_a_kpi_linked_to_no_goal_is_flagged(strategy_page):
    assert shown(strategy_page.warning)[0] == (
        "KPI NEWSLETTER (Taux d'ouverture de la newsletter) serves no goal: whatever initiatives move it is "
        "worth nothing."
    )
    kpis = table_with(strategy_page, "Connection").set_index("KPI")
    assert kpis.loc["NEWSLETTER", "Connection"] == "⚠ serves no goal"
    assert kpis.loc["NPS", "Connection"] == "✓ serves a goal"
    assert kpis.loc["NEWSLETTER", "Strategic weight"] == "0%"


def test_the_value_chain_is_drawn_and_tabulated(strategy_page):
    assert len(strategy_page.get("vega_lite_chart")) == 1
    chain = table_with(strategy_page, "Value points")
    newsletter = chain[chain["KPI"] == "NEWSLETTER"]
    assert set(newsletter["Goal"]) == {"(no goal)"}


def test_the_value_chain_draws_the_top_15_by_value_and_the_table_lists_all(strategy_page):
    # the sample's 48 initiatives are too many lines to read: 15 drawn, the expander has them all
    caption = [c for c in shown(strategy_page.caption) if "Line width is the flow of value" in c]
    assert caption[0].endswith(
        "The 15 initiatives of largest value are drawn, out of 48; the table below lists every one."
    )
    assert "See all: the value chain as a table (48 initiatives)" in [e.label for e in strategy_page.expander]
