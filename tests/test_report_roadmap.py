"""The COMEX pack of a workspace that plans when and by whom: the roadmap chart and the table of
starts in the PDF, a Roadmap sheet in the workbook, and costs per year after shifting. A v1
workspace's pack has none of it.

By hand. Budgets are 100 a year, 2026–2028. A (5 points) costs 60 then 40 from 2026, at a
fixed start; B (4 points) costs 50 then 30 from 2026 and may start in 2027. Both in 2026 would
spend 60 + 50 = 110 > 100, so B starts in 2027: 2026 spends 60 (A), 2027 40 + 50 = 90, 2028
30 (B's second year), 180 in all, 9 points. Team Digital (100 person-days a year, never short)
delivers both: 10 each in their first year.
"""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from report_cases import pack_result, pack_scenario, pack_workspace
from test_optimizer_support import Item, make_workspace

from cxprior.domain import Capacity, Effort, default_scenario
from cxprior.portfolio import optimize
from cxprior.report import build_comex_pack, build_report, render_pack_pdf

YEARS = ("2026", "2027", "2028")


@pytest.fixture(scope="module")
def shifted():
    ws = make_workspace(
        [
            Item("A", 5, {"2026": 60, "2027": 40}, name="Rappel client", phase="Utiliser"),
            Item("B", 4, {"2026": 50, "2027": 30}, name="FAQ", phase="Aide", extra={"latest_start": "2027"}),
        ],
        periods=YEARS,
        budgets=dict.fromkeys(YEARS, 100),
    )
    ws = replace(
        ws,
        capacities=tuple(Capacity("Digital", p, 100.0) for p in YEARS),
        efforts=(Effort("A", "Digital", "2026", 10.0), Effort("B", "Digital", "2026", 10.0)),
    )
    result = optimize(ws, default_scenario(ws))
    assert (result.selected, result.start) == (("A", "B"), {"A": "2026", "B": "2027"})
    return ws, result


def images(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_table_of_starts_says_who_starts_when_and_why_b_waits(shifted):
    ws, result = shifted
    lines = build_report(ws, result).roadmap.lines
    assert [(x.initiative_id, x.teams, x.earliest_start, x.start, x.finish, x.moved) for x in lines] == [
        ("A", "Digital", "2026", "2026", "2027", False),
        ("B", "Digital", "2026", "2027", "2028", True),
    ]
    assert lines[0].why == ""
    assert lines[1].why == "Starts in 2027 instead of 2026: starting in 2026 would exceed the 2026 budget."


def test_the_costs_per_year_are_the_shifted_profiles(shifted):
    ws, result = shifted
    data = build_report(ws, result)
    assert [(p.period, p.cost) for p in data.period_lines] == [
        ("2026", 60.0),
        ("2027", 90.0),
        ("2028", 30.0),
        ("total", 180.0),
    ]
    assert {f.initiative_id: f.period_costs for f in data.funded} == {
        "A": (60.0, 40.0, 0.0),
        "B": (0.0, 50.0, 30.0),  # B's 50 and 30 a year later
    }


def test_the_workbook_has_a_roadmap_sheet_and_its_portfolio_sheet_sums_to_the_shifted_spend(shifted):
    ws, result = shifted
    book = load_workbook(
        io.BytesIO(build_comex_pack(ws, result, formats=("xlsx",), with_frontier=False).xlsx)
    )
    assert book.sheetnames == ["Summary", "Portfolio", "Left out", "Roadmap", "Scenario parameters"]
    rows = list(book["Roadmap"].iter_rows(values_only=True))
    assert rows[0] == (
        "ID",
        "Initiative",
        "Team",
        "Teams that deliver it",
        "Journey phase",
        "Earliest start",
        "Start",
        "Finish",
        "Moved?",
        "Why",
    )
    assert [r[:1] + r[3:9] for r in rows[1:]] == [
        ("A", "Digital", "Utiliser", "2026", "2026", "2027", "No"),
        ("B", "Digital", "Aide", "2026", "2027", "2028", "Yes"),
    ]
    portfolio = {r[0]: r[5:8] for r in book["Portfolio"].iter_rows(values_only=True) if r[0] in ("A", "B")}
    assert portfolio == {"A": (60, 40, 0), "B": (0, 50, 30)}
    total = next(r for r in book["Portfolio"].iter_rows(values_only=True) if r[0] == "Total")
    assert total[5:9] == (60, 90, 30, 180)


def test_the_pdf_has_the_roadmap_chart_and_the_table_of_starts_in_french(shifted):
    ws, result = shifted
    pack = build_comex_pack(ws, result, formats=("pdf",), lang="fr")
    text = pdf_text(pack.pdf)
    assert "Feuille de route : quand chaque initiative commence" in text
    assert "1 initiative financée commence après son début au plus tôt" in text
    assert "Tableau des débuts" in text
    assert "B – FAQ Digital 2027 2028 Oui Commence en 2027 au lieu de 2026" in text
    assert "A – Rappel client Digital 2026 2027 Non" in text
    # one more picture than the same figures without their roadmap: the chart
    plain = render_pack_pdf(replace(pack.report, roadmap=None))
    assert images(pack.pdf) == images(plain) + 1


def test_a_v1_workspace_s_pack_has_no_roadmap_and_its_costs_are_its_own():
    ws, result = pack_workspace(), replace(pack_result(), scenario=pack_scenario())
    assert build_report(ws, result).roadmap is None
    book = load_workbook(
        io.BytesIO(build_comex_pack(ws, result, formats=("xlsx",), with_frontier=False).xlsx)
    )
    assert book.sheetnames == ["Summary", "Portfolio", "Left out", "Scenario parameters"]
    data = build_report(ws, result)
    # without a start, each funded initiative's costs are those of its cost_2026 and cost_2027
    assert {f.initiative_id: f.period_costs for f in data.funded} == {
        "A": (100_000, 50_000),
        "B": (80_000, 20_000),
        "C": (200_000, 100_000),
        "D": (60_000, 0),
    }
    assert [(p.period, p.cost) for p in data.period_lines][:2] == [("2026", 440_000), ("2027", 170_000)]
    text = pdf_text(build_comex_pack(ws, result, formats=("pdf",), with_frontier=False).pdf)
    assert "Roadmap" not in text and "Table of starts" not in text
