"""Plan against actual (`track`) and the calibration of estimates, on a case solved by hand.

The workspace: goals G1 (weight 3) and G2 (weight 1), so w = 0.75 and 0.25. KPIs NPS (increase,
10 → 30, span 20) and CHURN (decrease, 12 → 8, span 4). Links NPS–G1 (1), CHURN–G1 (0.5),
CHURN–G2 (1), so W_NPS = 0.75 and W_CHURN = 0.75 × 0.5 + 0.25 × 1 = 0.625. Periods 2026–2028.

The plan funds A, B and C (D is left out):
- A costs 100 in 2026 (finish 2026), confidence 0.8, NPS +5: +4.0 from the end of 2026;
- B costs 50 in 2026 and 50 in 2027 (finish 2027), confidence 1, NPS +2 and CHURN −1;
- C costs 80 in 2028 (finish 2028), confidence 0.5, NPS +4: +2.0 from the end of 2028.

Planned NPS: 2026 = 10 + 4 = 14; 2027 = 14 + 2 = 16; 2028 = 16 + 2 = 18.
Planned CHURN: 2026 = 12; 2027 = 12 − 1 = 11; 2028 = 11.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from cxprior.analysis import calibrate, planned_levels, scorecard_frame, track, trajectory_frame
from cxprior.domain import (
    Budget,
    Direction,
    FollowUp,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Measurement,
    PortfolioResult,
    Progress,
    ScenarioError,
    Status,
    Workspace,
    finish_period,
    planned_costs,
)

PERIODS = ("2026", "2027", "2028")


def _initiative(iid: str, costs: dict[str, float], confidence: float = 1.0, team: str = "", phase: str = ""):
    full = {p: float(costs.get(p, 0.0)) for p in PERIODS}
    return Initiative(
        iid,
        f"Initiative {iid}",
        sum(full.values()),
        full,
        team=team,
        journey_phase=phase,
        confidence=confidence,
    )


def case_workspace(budgets: tuple[Budget, ...] = ()) -> Workspace:
    """The module's case; with `budgets` (2026: 150) an optimizer funds exactly A, B and C."""
    return Workspace(
        goals=(Goal("G1", "Loyalty", 3.0), Goal("G2", "Cost to serve", 1.0)),
        kpis=(
            Kpi("NPS", "Net promoter score", Direction.INCREASE, 10.0, 30.0, "pts"),
            Kpi("CHURN", "Churn", Direction.DECREASE, 12.0, 8.0, "%"),
        ),
        links=(
            KpiGoalLink("NPS", "G1", 1.0),
            KpiGoalLink("CHURN", "G1", 0.5),
            KpiGoalLink("CHURN", "G2", 1.0),
        ),
        initiatives=(
            _initiative("A", {"2026": 100}, 0.8, team="Care", phase="Get help"),
            _initiative("B", {"2026": 50, "2027": 50}, 1.0, team="Digital", phase="Use"),
            _initiative("C", {"2028": 80}, 0.5, team="Digital", phase="Use"),
            _initiative("D", {"2026": 30}, 1.0, team="Care"),
        ),
        impacts=(
            Impact("A", "NPS", 5.0),
            Impact("B", "NPS", 2.0),
            Impact("B", "CHURN", -1.0),
            Impact("C", "NPS", 4.0),
            Impact("D", "NPS", 1.0),
        ),
        budgets=budgets,
        periods=PERIODS,
    )


@pytest.fixture
def ws() -> Workspace:
    return case_workspace()


def _plan(selected=("A", "B", "C"), **extra) -> PortfolioResult:
    return PortfolioResult("optimal", 0.0, 0.0, tuple(selected), 280.0, {}, {}, "highs", 0.0, **extra)


def case_followup() -> FollowUp:
    return FollowUp(
        progress=(
            Progress("A", Status.DELIVERED, {"2026": 120.0}, "2026"),
            Progress("B", Status.IN_PROGRESS, {"2026": 50.0, "2027": 20.0}, "2026"),
            Progress("D", Status.IN_PROGRESS, {"2026": 10.0}),
        ),
        measurements=(
            Measurement("NPS", "2026", 13.0),
            Measurement("NPS", "2027", 17.0),
            Measurement("CHURN", "2027", 11.5),
        ),
    )


@pytest.fixture
def followup() -> FollowUp:
    return case_followup()


# --- the plan's timing ------------------------------------------------------------------------


def test_an_initiative_finishes_in_the_last_period_of_its_cost_profile(ws):
    assert [finish_period(ws, _plan(), i) for i in "ABC"] == ["2026", "2027", "2028"]


def test_an_initiative_that_costs_nothing_finishes_in_the_first_period(ws):
    free = Workspace(initiatives=(_initiative("F", {}),), periods=PERIODS)
    assert finish_period(free, None, "F") == "2026"


def test_the_plans_own_finish_periods_win_when_the_roadmap_gives_them(ws):
    roadmap = SimpleNamespace(finish={"A": "2027"})
    assert finish_period(ws, roadmap, "A") == "2027"
    assert finish_period(ws, roadmap, "B") == "2027"  # not in the roadmap's map: its profile


def test_the_planned_kpi_is_a_step_at_each_finish_weighted_by_confidence(ws):
    levels = planned_levels(ws, _plan())
    assert levels["NPS"] == pytest.approx({"2026": 14.0, "2027": 16.0, "2028": 18.0})
    assert levels["CHURN"] == pytest.approx({"2026": 12.0, "2027": 11.0, "2028": 11.0})


# --- per KPI ----------------------------------------------------------------------------------


def test_each_measured_kpi_and_period_gets_planned_actual_and_variance_in_unit_and_value_points(ws, followup):
    result = track(ws, _plan(), followup)
    got = {(k.kpi_id, k.period): k for k in result.kpis}
    assert set(got) == {("NPS", "2026"), ("NPS", "2027"), ("CHURN", "2027")}
    nps_2026 = got["NPS", "2026"]
    # 13 − 14 = −1 pt; 100 × 0.75 × (−1 / 20) = −3.75 value points
    assert (nps_2026.planned, nps_2026.actual) == pytest.approx((14.0, 13.0))
    assert nps_2026.variance == pytest.approx(-1.0)
    assert nps_2026.variance_points == pytest.approx(-3.75)
    # 17 − 16 = +1 pt, ahead: +3.75
    assert got["NPS", "2027"].variance_points == pytest.approx(3.75)
    churn = got["CHURN", "2027"]
    # 11.5 − 11 = +0.5 % on a decrease KPI is behind: 100 × 0.625 × (−0.5 / 4) = −7.8125
    assert churn.variance == pytest.approx(0.5)
    assert churn.variance_points == pytest.approx(-7.8125)


# --- per goal ---------------------------------------------------------------------------------


def test_a_goals_points_count_its_kpis_measured_in_the_period_with_its_share_of_their_weight(ws, followup):
    goals = {(g.goal_id, g.period): g for g in track(ws, _plan(), followup).goals}
    # G2 has only CHURN, measured in 2027 only
    assert set(goals) == {("G1", "2026"), ("G1", "2027"), ("G2", "2027")}
    # 2026, G1, NPS only: planned 100 × 0.75 × 4/20 = 15, actual 100 × 0.75 × 3/20 = 11.25
    assert goals["G1", "2026"].planned_points == pytest.approx(15.0)
    assert goals["G1", "2026"].actual_points == pytest.approx(11.25)
    # 2027, G1: NPS 100 × 0.75 × 6/20 = 22.5 planned, × 7/20 = 26.25 actual; CHURN with
    # 0.75 × 0.5 = 0.375: 100 × 0.375 × 1/4 = 9.375 planned, × 0.5/4 = 4.6875 actual
    assert goals["G1", "2027"].planned_points == pytest.approx(22.5 + 9.375)
    assert goals["G1", "2027"].actual_points == pytest.approx(26.25 + 4.6875)
    # 2027, G2: CHURN with 0.25: 100 × 0.25 × 1/4 = 6.25 planned, × 0.5/4 = 3.125 actual
    assert goals["G2", "2027"].planned_points == pytest.approx(6.25)
    assert goals["G2", "2027"].actual_points == pytest.approx(3.125)


def test_the_goals_gaps_add_up_to_the_kpis_variances_in_value_points(ws, followup):
    result = track(ws, _plan(), followup)
    goal_gap = sum(g.gap for g in result.goals if g.period == "2027")
    kpi_gap = sum(k.variance_points for k in result.kpis if k.period == "2027")
    assert goal_gap == pytest.approx(kpi_gap) == pytest.approx(3.75 - 7.8125)


# --- per initiative ---------------------------------------------------------------------------


def test_each_initiative_gets_status_planned_cost_spent_and_overrun(ws, followup):
    rows = {i.initiative_id: i for i in track(ws, _plan(), followup).initiatives}
    # the plan's three, then D: not in the plan but started
    assert list(rows) == ["A", "B", "C", "D"]
    assert (rows["A"].status, rows["A"].planned_cost, rows["A"].spent, rows["A"].overrun) == (
        Status.DELIVERED,
        100.0,
        120.0,
        20.0,
    )
    # 50 + 20 spent of 100: no overrun
    assert (rows["B"].spent, rows["B"].overrun) == (70.0, 0.0)
    # no Progress row: planned, nothing spent
    assert (rows["C"].status, rows["C"].spent) == (Status.PLANNED, 0.0)
    assert (rows["D"].in_plan, rows["D"].planned_cost, rows["D"].spent, rows["D"].overrun) == (
        False,
        0.0,
        10.0,
        10.0,
    )


def test_an_initiative_not_delivered_by_its_planned_finish_is_late_once_that_period_is_over(ws, followup):
    # the latest period with spend or a measurement is 2027: B (finish 2027) is not late yet
    assert track(ws, _plan(), followup).as_of == "2027"
    assert [i.initiative_id for i in track(ws, _plan(), followup).late] == []
    # in 2028, B (still in progress, planned to finish in 2027) is late; C (finish 2028) is not
    assert [i.initiative_id for i in track(ws, _plan(), followup, as_of="2028").late] == ["B"]


def test_a_current_period_outside_the_horizon_is_refused_with_the_periods(ws, followup):
    with pytest.raises(ScenarioError, match=r"--as-of 2030 is not one of .* \(2026, 2027, 2028\)"):
        track(ws, _plan(), followup, as_of="2030")


# --- alerts -----------------------------------------------------------------------------------


def test_the_alerts_name_the_kpi_goal_and_initiatives_and_say_how_far_off(ws, followup):
    alerts = track(ws, _plan(), followup, as_of="2028").alerts
    assert alerts == (
        # CHURN at its latest period (2027): 11.50 against 11.00, +0.50 %, −7.8 value points
        "CHURN (Churn) is behind plan at the end of 2027: 11.50 measured against 11.00 planned "
        "(+0.50 %, \u22127.8 value points).",
        # G2 2027: 3.125 against 6.25, 3.125 behind, beyond 1 % × 100 × 0.25 = 0.25. G1 is 0.9375
        # behind (30.9375 against 31.875), within 1 % × 100 × (0.75 + 0.375) = 1.125: no alert
        "Goal G2 (Cost to serve) is 3.1 value points behind plan at the end of 2027: 3.1 reached "
        "against 6.2 planned.",
        "A (Initiative A) is over budget: €120 spent against €100 planned (€20 more, +20%).",
        "B (Initiative B) is late: planned to finish in 2027, still in progress in 2028.",
        "D (Initiative D) is not in the plan, yet it is in progress with €10 spent.",
    )


def test_a_kpi_ahead_of_plan_is_a_highlight_not_an_alert(ws, followup):
    result = track(ws, _plan(), followup)
    assert not any(a.startswith("NPS") for a in result.alerts)
    assert result.highlights == (
        "NPS (Net promoter score) is ahead of plan at the end of 2027: 17.0 measured against 16.0 "
        "planned (+1.0 pts, +3.8 value points).",
    )


def test_a_dropped_initiative_of_the_plan_is_an_alert_with_the_value_it_will_not_bring(ws):
    followup = FollowUp((Progress("B", Status.DROPPED, {"2026": 30.0}),))
    # B's value: 100 × 1 × (0.75 × 2/20 + 0.625 × 1/4) = 7.5 + 15.625 = 23.125
    assert track(ws, _plan(), followup).alerts == (
        "B (Initiative B) was dropped after €30 spent: the 23.1 value points the plan expected from it "
        "will not come.",
    )


def test_a_kpi_within_one_percent_of_its_span_of_the_plan_raises_no_alert(ws):
    # NPS planned 14 at the end of 2026; 13.81 is 0.19 / 20 = 0.95 % short: noise
    followup = FollowUp(measurements=(Measurement("NPS", "2026", 13.81),))
    assert track(ws, _plan(), followup).alerts == ()


def test_the_alerts_speak_french(ws, followup):
    alerts = track(ws, _plan(), followup, as_of="2028", lang="fr").alerts
    assert alerts[0] == (
        "CHURN (Churn) est en retard sur le plan fin 2027 : 11,50 mesuré contre 11,00 prévu "
        "(+0,50 %, \u22127,8 points de valeur)."
    )
    assert (
        "B (Initiative B) est en retard : sa fin était prévue en 2027, elle est encore en cours en 2028."
        in alerts
    )


# --- JSON -------------------------------------------------------------------------------------


def test_the_json_is_exactly_the_contract(ws, followup):
    document = track(ws, _plan(), followup).to_json()
    assert list(document) == ["kpis", "goals", "initiatives", "alerts"]
    assert document["kpis"]["NPS"]["2026"] == {
        "planned": 14.0,
        "actual": 13.0,
        "variance": -1.0,
        "variance_points": -3.75,
    }
    assert document["goals"]["G2"] == {"2027": {"planned_points": 6.25, "actual_points": 3.125}}
    assert document["initiatives"]["A"] == {
        "status": "delivered",
        "planned_cost": 100.0,
        "spent": 120.0,
        "overrun": 20.0,
    }
    assert document["initiatives"]["C"]["status"] == "planned"


# --- calibration ------------------------------------------------------------------------------


def test_a_delivered_initiative_alone_on_its_kpi_takes_the_whole_measured_movement(ws, followup):
    calibration = calibrate(ws, _plan(), followup)
    # A is the only delivered initiative; NPS's latest measurement (2027) is 17: movement 7,
    # all of it A's, against its estimate 5 × 0.8 = 4
    assert [(r.initiative_id, r.kpi_id, r.period) for r in calibration.rows] == [("A", "NPS", "2027")]
    row = calibration.rows[0]
    assert (row.estimated, row.attributed, row.share) == pytest.approx((4.0, 7.0, 1.0))
    # value points: 100 × 0.75 × 4/20 = 15 estimated, 100 × 0.75 × 7/20 = 26.25 measured
    assert (row.estimated_points, row.measured_points) == pytest.approx((15.0, 26.25))
    (care,) = calibration.by_team
    assert (care.name, care.initiatives, care.ratio) == ("Care", 1, pytest.approx(1.75))


def test_several_delivered_initiatives_share_a_kpis_movement_by_their_planned_shares_and_say_so(ws, followup):
    both = FollowUp(
        (Progress("A", Status.DELIVERED, {"2026": 100.0}), Progress("B", Status.DELIVERED, {"2026": 100.0})),
        followup.measurements,
    )
    calibration = calibrate(ws, _plan(), both)
    rows = {(r.initiative_id, r.kpi_id): r for r in calibration.rows}
    # NPS moved 7; A expected 4, B 2: shares 2/3 and 1/3 → 14/3 and 7/3
    assert rows["A", "NPS"].attributed == pytest.approx(14 / 3)
    assert rows["B", "NPS"].attributed == pytest.approx(7 / 3)
    # CHURN moved 11.5 − 12 = −0.5, all B's (expected −1)
    assert rows["B", "CHURN"].attributed == pytest.approx(-0.5)
    teams = {g.name: g for g in calibration.by_team}
    # Digital (B): NPS 100 × 0.75 × 2/20 = 7.5 and CHURN 100 × 0.625 × 1/4 = 15.625 estimated;
    # measured 100 × 0.75 × (7/3)/20 = 8.75 and 100 × 0.625 × 0.5/4 = 7.8125
    assert teams["Digital"].estimated_points == pytest.approx(23.125)
    assert teams["Digital"].measured_points == pytest.approx(16.5625)
    # Care (A): 15 estimated, 100 × 0.75 × (14/3)/20 = 17.5 measured
    assert teams["Care"].measured_points == pytest.approx(17.5)
    assert {g.name for g in calibration.by_phase} == {"Get help", "Use"}
    assert calibration.caveats[0].startswith("Attribution is shared: when several delivered initiatives")
    assert calibration.caveats[1] == (
        "NPS: the measured movement (+7.0 pts at the end of 2027) is shared between A (67%), B (33%), "
        "by their planned shares."
    )


def test_a_delivered_initiative_whose_kpi_was_last_measured_before_its_finish_is_not_calibrated(ws):
    # B finishes in 2027; CHURN and NPS measured only at the end of 2026
    followup = FollowUp(
        (Progress("B", Status.DELIVERED, {"2026": 100.0}),),
        (Measurement("NPS", "2026", 12.0), Measurement("CHURN", "2026", 11.0)),
    )
    calibration = calibrate(ws, _plan(), followup)
    assert calibration.rows == ()
    assert calibration.caveats == (
        "No delivered initiative has a measured KPI yet: there is nothing to calibrate.",
    )


def test_the_plans_start_moves_the_planned_spend_and_the_finish(ws):
    # the roadmap starts A a year after its earliest start
    roadmap = SimpleNamespace(start={"A": "2027"})
    assert planned_costs(ws, roadmap, "A") == {"2026": 0.0, "2027": 100.0, "2028": 0.0}
    assert finish_period(ws, roadmap, "A") == "2027"
    assert planned_costs(ws, None, "B") == {"2026": 50.0, "2027": 50.0, "2028": 0.0}


def test_the_trajectory_frame_holds_baseline_plan_actual_and_target_per_period(ws, followup):
    frame = trajectory_frame(ws, track(ws, _plan(), followup), followup)
    nps = frame[frame.kpi_id == "NPS"].pivot(index="period", columns="series", values="value")
    assert nps["plan"].tolist() == pytest.approx([14.0, 16.0, 18.0])
    assert nps["baseline"].tolist() == [10.0] * 3 and nps["target"].tolist() == [30.0] * 3
    # measured in 2026 and 2027 only
    assert nps["actual"].tolist()[:2] == [13.0, 17.0]
    assert nps["actual"].isna().tolist() == [False, False, True]


def test_the_scorecard_frame_lists_each_goal_and_period_with_its_gap(ws, followup):
    card = scorecard_frame(ws, track(ws, _plan(), followup))
    g2 = card[card.goal_id == "G2"].iloc[0]
    assert (g2["period"], g2["gap"], g2["behind"]) == ("2027", pytest.approx(-3.125), True)
