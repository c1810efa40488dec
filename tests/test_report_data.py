"""The COMEX pack's figures, checked against a portfolio one can redo by hand (report_cases)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from report_cases import E_REASON, F_REASON, pack_decisions, pack_result, pack_scenario, pack_workspace

from cxprior.domain import CxpriorError, focus_indicators
from cxprior.report import build_report, decision_entries

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def report():
    return build_report(
        pack_workspace(), pack_result(), company="Acme", decisions=pack_decisions(), lang="fr", today=TODAY
    )


def test_headline_figures_are_the_optimizers_own(report):
    head = report.headline
    assert (head.value, head.total_cost, head.funded_count, head.candidate_count) == (62.5, 610_000, 4, 6)
    assert head.solver_status == "optimal"
    assert head.gap == 0.0


def test_budget_used_is_measured_against_the_sum_of_period_budgets_when_there_is_no_total(report):
    assert report.headline.budget == 650_000
    assert report.headline.budget_used == pytest.approx(610 / 650)


def test_a_total_budget_takes_precedence_over_period_budgets():
    result = pack_result()
    result = replace(result, scenario=replace(result.scenario, budget_total=700_000.0))
    head = build_report(pack_workspace(), result).headline
    assert head.budget == 700_000
    assert head.budget_used == pytest.approx(610 / 700)


def test_cost_per_period_comes_with_its_budget_and_the_share_used_then_the_total(report):
    lines = [(p.period, p.cost, p.budget) for p in report.period_lines]
    assert lines == [("2026", 440_000, 450_000), ("2027", 170_000, 200_000), ("total", 610_000, 650_000)]
    assert report.period_lines[0].used == pytest.approx(440 / 450)


def test_value_by_goal_names_each_goal_and_its_share_of_the_portfolio_value(report):
    goals = [(g.goal_id, g.name, g.weight, g.value, g.share) for g in report.goal_lines]
    assert goals == [
        ("G1", "Fidéliser les clients", 0.75, 56.25, 0.9),
        ("G2", "Réduire le coût de service", 0.25, 6.25, 0.1),
    ]


def test_expected_kpi_movement_weighs_impacts_by_confidence(report):
    kpis = {k.kpi_id: (k.baseline, k.projected, k.target, k.progress) for k in report.kpi_lines}
    assert kpis["NPS"] == (20, 30, 40, 0.5)
    # churn: B moves it −1 at confidence 0.5, C −0.5 → 12 − 1 = 11, a quarter of the way to 8
    assert kpis["CHURN"] == (12, 11, 8, 0.25)
    assert kpis["ENPS"] == (5, 10, 25, 0.25)
    churn = next(k for k in report.kpi_lines if k.kpi_id == "CHURN")
    assert churn.goals == ("Fidéliser les clients", "Réduire le coût de service")


def test_funded_initiatives_come_most_valuable_first_with_what_they_serve(report):
    assert [f.initiative_id for f in report.funded] == ["C", "A", "D", "B"]
    portal = report.funded[0]
    assert portal.value == pytest.approx(30.3125)
    assert portal.period_costs == (200_000, 100_000)
    assert portal.kpis == ("NPS", "CHURN")
    assert portal.goals == ("Fidéliser les clients", "Réduire le coût de service")
    flags = {f.initiative_id: (f.mandatory, f.forced_in) for f in report.funded}
    assert flags == {"C": (False, False), "A": (False, True), "D": (True, False), "B": (False, False)}


def test_every_initiative_left_out_has_the_optimizers_reason(report):
    assert [(x.initiative_id, x.reason_code, x.reason) for x in report.left_out] == [
        ("E", "no_room", E_REASON),
        ("F", "exclusive_group", F_REASON),
    ]


def test_an_initiative_the_optimizer_gave_no_reason_for_gets_a_plain_one_in_the_packs_language():
    result = replace(pack_result(), exclusions=())
    left = build_report(pack_workspace(), result, lang="fr").left_out
    assert {x.reason for x in left} == {"Non retenue : le budget rapporte plus de valeur ailleurs."}
    left = build_report(pack_workspace(), result, lang="en").left_out
    assert {x.reason for x in left} == {"Not selected: the budget buys more value elsewhere."}


def test_focus_indicators_are_the_optimizers_with_the_scenarios_limits(report):
    focus = {f.key: (f.value, f.limit) for f in report.focus}
    assert focus["count"] == (4, None)
    assert focus["phases"] == (3, 3)
    assert focus["top_phase"] == ("Utiliser", None)
    assert focus["top_share"][0] == pytest.approx(300 / 610)


def test_focus_indicators_are_computed_when_the_optimizer_did_not_attach_them():
    ws = pack_workspace()
    focus = focus_indicators(ws, ("A", "B", "C", "D"))
    # spend: Obtenir de l'aide 210k, Acheter 100k, Utiliser 300k out of 610k
    assert (focus.count, focus.phases_touched, focus.top_phase) == (4, 3, "Utiliser")
    assert focus.concentration_index == pytest.approx((210**2 + 100**2 + 300**2) / 610**2)
    report = build_report(ws, replace(pack_result(), focus=None))
    assert {f.key: f.value for f in report.focus}["hhi"] == pytest.approx(focus.concentration_index)


def test_decisions_are_listed_oldest_first_and_the_latest_approval_is_the_decision(report):
    assert [d.status for d in report.decisions] == ["submitted", "approved"]
    assert report.workflow_status == "approved"
    assert report.decision.author == "Anne Lévêque"
    assert report.decision.at == dt.datetime(2026, 11, 20, 17, 30)


def test_decisions_may_be_objects_from_the_store_with_an_enum_status():
    @dataclass(frozen=True)
    class Stored:
        status: object
        author: str
        at: dt.datetime
        comment: str

    class Status:
        value = "sent_back"

    entries = decision_entries(
        [Stored(Status(), "Paul", dt.datetime(2026, 1, 2, tzinfo=dt.UTC), "Trop cher")]
    )
    assert [(e.status, e.author, e.comment) for e in entries] == [("sent_back", "Paul", "Trop cher")]


def test_a_submitted_scenario_has_no_decision_yet():
    report = build_report(pack_workspace(), pack_result(), decisions=pack_decisions()[1:])
    assert report.workflow_status == "submitted"
    assert report.decision is None


def test_without_decisions_the_scenario_is_a_draft():
    report = build_report(pack_workspace(), pack_result())
    assert (report.workflow_status, report.decisions, report.decision) == ("draft", (), None)


def test_scenario_parameters_name_budgets_limits_and_forced_items_with_their_reason(report):
    params = {p.key: (p.label, p.value) for p in report.parameters}
    assert params["budget_total"] == ("Budget total (€)", "sans plafond")
    assert params["budget:2026"] == ("Budget 2026 (€)", 450_000)
    assert params["max_initiatives"] == ("Nombre maximal d'initiatives", "sans limite")
    assert params["max_phases"][1] == 3
    assert params["min_goal_share:G2"] == (
        "Part minimale de la valeur pour G2 – Réduire le coût de service",
        0.1,
    )
    assert params["force_in"] == ("Imposées", "A (engagement du COMEX)")
    assert params["force_out"] == ("Exclues d'office", "aucune")
    assert params["status"] == ("Résultat", "le meilleur possible (prouvé)")
    # 0.00005 value points per euro = 0.05 per thousand euros
    assert params["marginal:2026"][1] == pytest.approx(0.05)


def test_frontier_points_are_read_from_any_object_with_points():
    @dataclass(frozen=True)
    class Point:
        budget: float
        value: float
        cost: float
        selected: tuple[str, ...]
        status: str
        gap: float

    @dataclass(frozen=True)
    class Frontier:
        points: tuple[Point, ...]

    frontier = Frontier(
        (
            Point(100.0, 5.0, 90.0, ("A",), "optimal", 0.0),
            Point(200.0, 9.0, 200.0, ("A", "B"), "optimal", 0.0),
        )
    )
    lines = build_report(pack_workspace(), pack_result(), frontier=frontier).frontier
    assert [(p.budget, p.value, p.cost, p.count) for p in lines] == [(100, 5, 90, 1), (200, 9, 200, 2)]


def test_an_infeasible_result_has_no_pack_and_says_so_in_the_users_language():
    infeasible = replace(pack_result(), status="infeasible", objective=None, selected=())
    with pytest.raises(CxpriorError) as error:
        build_report(pack_workspace(), infeasible, lang="fr")
    assert (
        error.value.message
        == "Le portefeuille n'a pas de solution à présenter (impossible sous ces contraintes)."
    )


def test_every_report_message_is_in_english_and_french_with_the_same_placeholders():
    import string

    from cxprior.i18n.report import MESSAGES

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    def forms(template: str | dict[str, str]) -> list[str]:
        return list(template.values()) if isinstance(template, dict) else [template]

    for key, texts in MESSAGES.items():
        assert key.startswith("report."), key
        assert texts.get("en") and texts.get("fr"), key
        every = {frozenset(fields(form)) for lang in ("en", "fr") for form in forms(texts[lang])}
        assert len(every) == 1, key


def test_page_one_says_in_one_sentence_what_is_funded_and_what_is_given_up(report):
    # E (NPS +3 of the 20 points to go, NPS weighs 0.75): 100 × 0.75 × 3/20 = 11.25 points, €500,000;
    # F (NPS +2): 7.5 points, €100,000 → 18.75 points given up for €600,000
    assert report.summary == (
        "Financées : 4 initiatives pour 610\u202f000\u00a0€, soit 62,5 points de valeur. "
        "Écartées : 2 initiatives demandant 600\u202f000\u00a0€, soit 18,8 points."
    )
    one = build_report(pack_workspace(), replace(pack_result(), selected=("D",)), lang="en")
    assert one.summary.startswith("Funded: 1 initiative for ")


def test_the_scenarios_assumptions_are_listed_with_the_reasons_given(report):
    assert report.assumptions == (
        "Budget 2026 : 450\u202f000\u00a0€.",
        "Budget 2027 : 200\u202f000\u00a0€.",
        "Au plus 3 phases du parcours touchées.",
        "Au moins 10\u00a0% de la valeur pour Réduire le coût de service.",
        "Imposée : A (Rappel client « en moins d'une heure »), car engagement du COMEX.",
    )


def test_a_scenario_without_budget_says_nothing_caps_it():
    result = replace(pack_result(), scenario=replace(pack_scenario(), budget_by_period={}))
    assumptions = build_report(pack_workspace(), result, lang="en").assumptions
    assert assumptions[0] == "No budget cap: every initiative worth something may be funded."
