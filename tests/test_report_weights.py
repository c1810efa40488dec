"""The COMEX pack's half page on the goal weights, when a weight sensitivity is given: the
robust core whatever the members' weights and the disputed initiatives, in the PDF and as a
sheet of the workbook.

By hand (the members case of test_sensitivity): A (G1, impact 6) or B (G2, impact 4), budget
for one, M mandatory and worth nothing, Z unaffordable. A wins while w1 > 0.4: Ana (w1 0.75)
and Cy (0.5) fund A and M, Bo (0.25) funds B and M. So M is the core (3 of 3), A (2 of 3,
in the agreed portfolio: w1 = 0.6) and B (1 of 3) are disputed, Z is exterior.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from test_sensitivity import members_case, scenario, three_members

from cxprior.portfolio import optimize, weight_sensitivity
from cxprior.report import build_comex_pack, build_report


@pytest.fixture(scope="module")
def case():
    ws = members_case()
    sensitivity = weight_sensitivity(ws, scenario(ws), members=three_members(), samples=0)
    return ws, optimize(ws, scenario(ws), explain=False), sensitivity


def test_the_report_lists_the_core_and_the_disputed_initiatives_most_members_first(case):
    ws, result, sensitivity = case
    weights = build_report(ws, result, sensitivity=sensitivity).weights
    assert weights.core == ("M",)
    assert [(d.initiative_id, d.funded_by, d.members, d.agreed) for d in weights.disputed] == [
        ("A", 2, 3, True),
        ("B", 1, 3, False),
    ]
    assert weights.sentences[0].startswith("Over the 3 members' portfolios")


def test_without_a_sensitivity_the_pack_has_no_weights_page(case):
    ws, result, _ = case
    assert build_report(ws, result).weights is None
    pack = build_comex_pack(ws, result, with_frontier=False)
    assert "Weights" not in load_workbook(io.BytesIO(pack.xlsx)).sheetnames


def test_the_workbook_and_the_pdf_carry_the_half_page_in_french(case):
    ws, result, sensitivity = case
    pack = build_comex_pack(ws, result, with_frontier=False, lang="fr", sensitivity=sensitivity)
    sheet = load_workbook(io.BytesIO(pack.xlsx))["Pondérations"]
    rows = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Noyau robuste quels que soient les poids"]
    assert ["A", "Initiative A", "2 / 3", pytest.approx(2 / 3), "oui"] in rows
    assert ["B", "Initiative B", "1 / 3", pytest.approx(1 / 3)] in rows
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pack.pdf)).pages)
    assert "Noyau robuste quels que soient les poids" in text
    assert "2 / 3" in text and "1 / 3" in text
