"""The COMEX pack with a survey loaded: importance against funded spend per journey phase, as a
section of the PDF (after the focus table) and a sheet of the workbook.

By hand: B (Get help, €100) and A (Buy, €300) are both funded under a €400 budget, so Get help
has 100/400 = 25 % of the spend and Buy 75 %. The survey gives Get help an importance of 0.30
and Buy 0.10: shares 75 % and 25 %. The misalignment index is ½(|25 − 75| + |75 − 25|) % = 0.50.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from test_optimizer_support import Item, make_workspace

from cxprior.analysis import DriverAnalysis, DriverResult, phase_alignment
from cxprior.domain import Scenario
from cxprior.portfolio import optimize
from cxprior.report import build_comex_pack

FOCUS_FR = "Concentration du portefeuille"  # the focus table's section


@pytest.fixture
def solved():
    ws = make_workspace([Item("A", 10, 300, phase="Buy"), Item("B", 5, 100, phase="Get help")])
    result = optimize(ws, Scenario(budget_total=400), explain=False)
    assert result.selected == ("A", "B")
    analysis = DriverAnalysis(
        n=100,
        dropped=0,
        r2=0.4,
        drivers=(
            DriverResult("Get help", 0.30, 0.75, 0.25, 0.35, 5.0, 0.5),
            DriverResult("Buy", 0.10, 0.25, 0.05, 0.15, 7.0, 0.2),
        ),
        most_significant="Get help",
        outcome="recommendation",
    )
    return ws, result, phase_alignment(analysis, ws, result)


def test_the_workbook_has_a_listening_sheet_with_the_shares_per_phase(solved):
    ws, result, alignment = solved
    pack = build_comex_pack(ws, result, formats=("xlsx",), with_frontier=False, alignment=alignment)
    sheet = load_workbook(io.BytesIO(pack.xlsx))["Listening"]
    rows = {r[0]: r[1:4] for r in sheet.iter_rows(values_only=True) if r[0] in ("Buy", "Get help")}
    assert rows["Get help"] == pytest.approx((0.75, 0.25, 100))
    assert rows["Buy"] == pytest.approx((0.25, 0.75, 300))
    index = next(r[1] for r in sheet.iter_rows(values_only=True) if r[0] == "Misalignment index")
    assert index == pytest.approx(0.5)


def images(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_draws_the_alignment_after_the_focus_table(solved):
    ws, result, alignment = solved
    pack = build_comex_pack(ws, result, formats=("pdf",), lang="fr", alignment=alignment)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pack.pdf)).pages).split())
    section = "Ce que vivent les clients et là où va l'argent"
    assert section in text
    assert text.index(section) > text.index(FOCUS_FR)
    assert "indice de désalignement 0,50" in text
    # the alignment chart is one more picture than the pack without a survey
    plain = build_comex_pack(ws, result, formats=("pdf",), lang="fr")
    assert section not in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(plain.pdf)).pages)
    assert images(pack.pdf) == images(plain.pdf) + 1


def test_without_a_survey_the_pack_has_no_listening_part(solved):
    ws, result, _ = solved
    pack = build_comex_pack(ws, result, formats=("xlsx",), with_frontier=False)
    assert "Listening" not in load_workbook(io.BytesIO(pack.xlsx)).sheetnames
    assert pack.report.alignment is None


def test_the_pack_states_a_minimum_phase_share_among_its_assumptions(solved):
    ws, _, _ = solved
    # Get help (B, €100) needs 25 % of the €400: A + B still meets it
    result = optimize(ws, Scenario(budget_total=400, min_phase_share={"Get help": 0.25}), explain=False)
    pack = build_comex_pack(ws, result, formats=("xlsx",), with_frontier=False)
    assert "At least 25% of the spend goes to the journey phase Get help." in pack.report.assumptions
