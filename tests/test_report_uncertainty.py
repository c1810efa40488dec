"""The COMEX pack says how robust the choice is when given a Monte Carlo analysis of it.

Hand-checkable cases: a knapsack whose impacts are certain (every draw funds A and C, worth
45 points), and a one-slot choice between A (20 points, delivers 60 % of the time) and B
(a certain 10 points).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from cxprior.domain import (
    CxpriorError,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Scenario,
    Workspace,
)
from cxprior.portfolio import monte_carlo, optimize
from cxprior.report import build_report, write_pack_pdf, write_pack_xlsx


def points_ws(*rows: tuple[str, float, float, float]) -> Workspace:
    """KPI K from 0 to 100 serving one goal: an impact of 10 is worth 10 value points.

    rows: (id, cost, impact, confidence).
    """
    return Workspace(
        goals=(Goal("G", "Grow", 1.0),),
        kpis=(Kpi("K", "Satisfaction", Direction.INCREASE, 0.0, 100.0),),
        links=(KpiGoalLink("K", "G"),),
        initiatives=tuple(
            Initiative(iid, f"Initiative {iid}", cost, confidence=conf, journey_phase="Use")
            for iid, cost, _, conf in rows
        ),
        impacts=tuple(Impact(iid, "K", impact) for iid, _, impact, _ in rows),
    )


@pytest.fixture(scope="module")
def certain():
    ws = points_ws(("A", 60.0, 30.0, 1.0), ("B", 50.0, 20.0, 1.0), ("C", 40.0, 15.0, 1.0))
    scenario = Scenario("Budget 100", budget_total=100.0)
    result = optimize(ws, scenario)
    return ws, result, monte_carlo(ws, scenario, draws=30, seed=3)


@pytest.fixture(scope="module")
def risky():
    ws = points_ws(("A", 1.0, 20.0, 0.6), ("B", 1.0, 10.0, 1.0))
    scenario = Scenario("One slot", max_initiatives=1)
    result = optimize(ws, scenario)
    return ws, result, monte_carlo(ws, scenario, draws=400, seed=0)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pack_figures_carry_the_value_range_and_the_robust_core(certain):
    ws, result, mc = certain
    robustness = build_report(ws, result, uncertainty=mc).robustness

    assert result.selected == ("A", "C")
    assert (robustness.draws, robustness.seed, robustness.infeasible_draws) == (30, 3, 0)
    assert (robustness.p10, robustness.p50, robustness.p90, robustness.expected) == pytest.approx(
        (45.0, 45.0, 45.0, 45.0)
    )
    assert [line.initiative_id for line in robustness.funded_in("core")] == ["A", "C"]
    assert robustness.funded_in("borderline") == robustness.funded_in("rare") == ()
    # B is neither funded nor ever kept: nothing to say about it
    assert [(line.initiative_id, line.funded, line.core_index) for line in robustness.lines] == [
        ("A", True, 1.0),
        ("C", True, 1.0),
    ]
    assert robustness.sentences[1] == (
        "Over 30 draws of the impacts, the portfolio's value lies between 45.0 and 45.0 value points "
        "8 times out of 10 (median 45.0; 45.0 expected)."
    )


def test_an_initiative_that_may_not_deliver_is_borderline_and_its_rival_is_listed(risky):
    ws, result, mc = risky
    robustness = build_report(ws, result, uncertainty=mc, lang="fr").robustness

    assert result.selected == ("A",)
    (line_a,) = robustness.funded_in("borderline")
    assert line_a.initiative_id == "A"
    assert line_a.core_index == pytest.approx(0.6, abs=0.06)
    assert line_a.category_label == "À la marge"
    line_b = next(line for line in robustness.lines if line.initiative_id == "B")
    assert not line_b.funded
    assert line_b.core_index == pytest.approx(1 - line_a.core_index)
    # A is worth 20 when it delivers and 0 when it does not
    assert (robustness.p10, robustness.p50, robustness.p90) == (0.0, 20.0, 20.0)
    assert robustness.expected == pytest.approx(12.0)


def test_without_an_analysis_the_pack_says_nothing_about_robustness(certain):
    ws, result, _ = certain
    assert build_report(ws, result).robustness is None
    book = load_workbook(io.BytesIO(write_pack_xlsx(ws, result)))
    assert "Robustness" not in book.sheetnames
    summary = [row[0] for row in book["Summary"].iter_rows(values_only=True)]
    assert "Robustness of the choice" not in summary
    assert "Robustness of the choice" not in pdf_text(write_pack_pdf(ws, result))


def test_the_workbook_has_a_robustness_sheet_and_a_summary_block(certain):
    ws, result, mc = certain
    book = load_workbook(io.BytesIO(write_pack_xlsx(ws, result, uncertainty=mc)))

    assert book.sheetnames[:4] == ["Summary", "Portfolio", "Left out", "Robustness"]
    sheet = book["Robustness"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[:3] == [
        ("Id", "Initiative", "Funded", "Core index", "Robustness"),
        ("A", "Initiative A", "Yes", 1, "Robust core"),
        ("C", "Initiative C", "Yes", 1, "Robust core"),
    ]
    assert sheet["D2"].number_format.endswith("%")
    assert rows[4][0].startswith("Each draw picks every impact between its low and high estimates")

    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert "Robustness of the choice" in summary
    assert summary["Draws"] == 30
    assert summary["Portfolio value, pessimistic (P10)"] == pytest.approx(45.0)
    assert summary["Portfolio value, optimistic (P90)"] == pytest.approx(45.0)
    assert summary["Robust core"] == "A – Initiative A; C – Initiative C"
    assert summary["Borderline"] == summary["Rarely kept"] == "none"


def test_the_french_workbook_names_the_sheet_and_categories_in_french(risky):
    ws, result, mc = risky
    book = load_workbook(io.BytesIO(write_pack_xlsx(ws, result, uncertainty=mc, lang="fr")))
    rows = list(book["Robustesse"].iter_rows(values_only=True))
    assert rows[0] == ("Id", "Initiative", "Financée", "Indice de noyau", "Robustesse")
    assert rows[1][:3] == ("A", "Initiative A", "Oui")
    assert rows[1][4] == "À la marge"
    assert rows[2][:3] == ("B", "Initiative B", "Non")
    summary = {row[0]: row[1] for row in book["Synthèse"].iter_rows(values_only=True) if row[0]}
    assert summary["Noyau robuste"] == "aucune"
    assert summary["À la marge"] == "A – Initiative A"


def test_the_pdf_states_the_value_range_and_the_robust_core(certain):
    ws, result, mc = certain
    text = pdf_text(write_pack_pdf(ws, result, uncertainty=mc))
    assert "Robustness of the choice" in text
    assert "2 of its 2 initiatives are in the robust core" in text
    assert "Robust core (2)" in text
    assert "A Initiative A (100%); C Initiative C (100%)" in text
    assert "Borderline (0)" in text


def test_the_french_pdf_speaks_french(risky):
    ws, result, mc = risky
    text = pdf_text(write_pack_pdf(ws, result, uncertainty=mc, lang="fr"))
    assert "Robustesse du choix" in text
    assert "Sur 400 tirages des impacts" in text
    assert "À la marge (1)" in text


def test_an_analysis_of_another_portfolio_is_refused(certain):
    ws, result, _ = certain
    other = monte_carlo(ws, Scenario(budget_total=100.0), draws=5, chosen=("B", "C"))
    message = (
        "The robustness analysis was run on another portfolio than this one: run it again for this "
        "scenario before making the pack."
    )
    with pytest.raises(CxpriorError) as caught:
        build_report(ws, result, uncertainty=other)
    assert caught.value.message == message
    with pytest.raises(CxpriorError, match="relancez-la pour ce scénario"):
        write_pack_pdf(ws, result, uncertainty=other, lang="fr")


def test_the_v1_sample_pack_with_its_robustness_stays_within_four_pages():
    # the v2 sample adds its roadmap's pages (tests/test_report_cli.py): the rest stays within four
    from cxprior.domain import default_scenario
    from cxprior.workbook import read_workbook

    ws = read_workbook(Path(__file__).parents[1] / "sample_data" / "cx_workspace_fr_v1.xlsx").workspace
    scenario = default_scenario(ws)
    result = optimize(ws, scenario, lang="fr")
    mc = monte_carlo(ws, scenario, draws=20, seed=0, lang="fr")
    pdf = write_pack_pdf(ws, result, uncertainty=mc, lang="fr", company="Hélios Énergie")
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert 2 <= len(pages) <= 4
    assert "Robustesse du choix" in pages[-1].extract_text()
