"""The COMEX pack workbook: sheets, the optimizer's figures, formats, hostile text kept as text."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import openpyxl
import pytest
from report_cases import (
    E_REASON,
    HOSTILE_COMMENT,
    HOSTILE_NAME,
    HOSTILE_OWNER,
    HOSTILE_TEAM,
    pack_decisions,
    pack_result,
    pack_workspace,
)

from cxprior.report import write_pack_xlsx

EURO_FR = '#,##0\\ "€"'
EURO_EN = '"€"#,##0'


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


FRONTIER = Frontier(
    (
        Point(60_000.0, 9.375, 60_000.0, ("D",), "optimal", 0.0),
        Point(650_000.0, 62.5, 610_000.0, ("A", "B", "C", "D"), "optimal", 0.0),
    )
)


def open_pack(lang: str, *, frontier=FRONTIER, decisions=None) -> openpyxl.Workbook:
    data = write_pack_xlsx(
        pack_workspace(),
        pack_result(),
        frontier=frontier,
        decisions=pack_decisions() if decisions is None else decisions,
        lang=lang,
        company="Acme",
        today=dt.date(2026, 11, 22),
    )
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def fr_pack():
    return open_pack("fr")


@pytest.fixture(scope="module")
def en_pack():
    return open_pack("en")


def labelled(sheet, label: str):
    """The cell right of the first cell of column A that reads `label`."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return sheet.cell(row=row[0].row, column=2)
    raise AssertionError(f"no row labelled {label!r} on {sheet.title}")


def rows_of(sheet) -> list[tuple]:
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


def test_the_pack_has_its_sheets_named_in_french(fr_pack):
    assert fr_pack.sheetnames == [
        "Synthèse",
        "Portefeuille",
        "Écartées",
        "Frontière",
        "Paramètres",
        "Décisions",
    ]


def test_the_pack_has_its_sheets_named_in_english(en_pack):
    assert en_pack.sheetnames == [
        "Summary",
        "Portfolio",
        "Left out",
        "Frontier",
        "Scenario parameters",
        "Decisions",
    ]


def test_frontier_and_decisions_sheets_appear_only_when_there_is_something_to_show():
    pack = open_pack("en", frontier=None, decisions=[])
    assert pack.sheetnames == ["Summary", "Portfolio", "Left out", "Scenario parameters"]


def test_summary_key_figures_equal_the_optimizers_result(fr_pack):
    result = pack_result()
    summary = fr_pack["Synthèse"]
    assert labelled(summary, "Valeur du portefeuille (points de valeur)").value == result.objective
    assert labelled(summary, "Coût total").value == result.total_cost
    assert labelled(summary, "Initiatives financées").value == len(result.selected)
    assert labelled(summary, "Entreprise").value == "Acme"
    assert labelled(summary, "Statut").value == "Approuvé"
    rows = rows_of(summary)
    assert ("2026", 440_000, 450_000, pytest.approx(440 / 450)) in [r[:4] for r in rows]
    assert ("G1 – Fidéliser les clients", 0.75, 56.25, 0.9) in [r[:4] for r in rows]
    assert ("NPS – Net promoter score", 20, 30, 40, 0.5, "pts") in [r[:6] for r in rows]


def test_summary_states_the_decision_with_its_comment_in_guillemets(fr_pack):
    texts = [r[0] for r in rows_of(fr_pack["Synthèse"])]
    assert "Approuvé par Anne Lévêque le 20/11/2026 à 17:30." in texts
    assert f"Commentaire : « {HOSTILE_COMMENT} »" in texts


def test_money_and_percent_cells_carry_number_formats_after_the_language(fr_pack, en_pack):
    assert labelled(fr_pack["Synthèse"], "Coût total").number_format == EURO_FR
    assert labelled(en_pack["Summary"], "Total cost").number_format == EURO_EN
    assert labelled(en_pack["Summary"], "Budget used").number_format == "0.0%"
    portfolio = en_pack["Portfolio"]
    header = [c.value for c in portfolio[1]]
    assert header[5:8] == ["Cost 2026 (€)", "Cost 2027 (€)", "Cost (€)"]
    assert {portfolio.cell(row=2, column=col).number_format for col in (6, 7, 8)} == {EURO_EN}


def test_portfolio_lists_the_funded_initiatives_with_owner_phase_kpis_and_goals(en_pack):
    portfolio = en_pack["Portfolio"]
    rows = rows_of(portfolio)
    assert [r[0] for r in rows[1:5]] == ["C", "A", "D", "B"]
    portal = rows[1]
    assert portal[:10] == (
        "C",
        "Portail self-care",
        "Chloé Dubois",
        "Digital",
        "Utiliser",
        200_000,
        100_000,
        300_000,
        30.3125,
        pytest.approx(30.3125 / 300_000 * 1_000_000),  # points per million euros
    )
    assert portal[10:] == ("NPS, CHURN", "Fidéliser les clients, Réduire le coût de service", None)
    assert rows[2][12] == "forced in" and rows[3][12] == "mandatory"


def test_portfolio_totals_equal_the_optimizers_costs_and_value(en_pack):
    result = pack_result()
    totals = rows_of(en_pack["Portfolio"])[5]
    assert totals[0] == "Total"
    assert totals[5:9] == (
        result.cost_by_period["2026"],
        result.cost_by_period["2027"],
        result.total_cost,
        62.5,
    )


def test_table_sheets_have_a_styled_frozen_filtered_header(en_pack):
    for name in ("Portfolio", "Left out", "Frontier", "Scenario parameters", "Decisions"):
        sheet = en_pack[name]
        assert sheet.freeze_panes is not None, name
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:"), name
        assert sheet["A1"].font.bold, name
    # the totals row stays outside the filter, so filtering never hides it
    assert en_pack["Portfolio"].auto_filter.ref == "A1:M5"


def test_left_out_sheet_gives_each_reason(en_pack):
    rows = rows_of(en_pack["Left out"])
    assert rows[0][-1] == "Why it is left out"
    assert rows[1][0] == "E" and rows[1][-1] == E_REASON


def test_hostile_user_text_stays_text_never_a_formula(en_pack):
    portfolio = en_pack["Portfolio"]
    hostile_row = next(r for r in portfolio.iter_rows(min_row=2) if r[0].value == "B")
    for cell, expected in zip(hostile_row[1:4], (HOSTILE_NAME, HOSTILE_OWNER, HOSTILE_TEAM), strict=True):
        assert cell.data_type == "s", cell.coordinate
        assert cell.value == expected
    comment = en_pack["Decisions"]["D3"]
    assert (comment.data_type, comment.value) == ("s", HOSTILE_COMMENT)
    formulas = [
        c.coordinate
        for sheet in en_pack.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []


def test_hostile_text_is_literal_in_the_files_xml():
    import zipfile

    data = write_pack_xlsx(pack_workspace(), pack_result(), decisions=pack_decisions())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml
    # an inline string, shown literally by Excel: never <f>, the formula element
    assert '<t>=HYPERLINK("http://evil.example","clic")</t>' in xml


def test_frontier_sheet_lists_each_budget_level(en_pack):
    rows = rows_of(en_pack["Frontier"])
    assert rows[0] == ("Budget (€)", "Cost (€)", "Value (points)", "Initiatives", "Result", "Proven gap")
    assert rows[2] == (650_000, 610_000, 62.5, 4, "the best possible (proven)", 0)
    assert en_pack["Frontier"]["A2"].number_format == EURO_EN


def test_parameters_sheet_writes_each_setting_with_its_format(fr_pack):
    sheet = fr_pack["Paramètres"]
    assert labelled(sheet, "Budget 2026 (€)").value == 450_000
    assert labelled(sheet, "Budget 2026 (€)").number_format == EURO_FR
    assert labelled(sheet, "Budget total (€)").value == "sans plafond"
    share = labelled(sheet, "Part minimale de la valeur pour G2 – Réduire le coût de service")
    assert (share.value, share.number_format) == (0.1, "0.0###%")
    assert labelled(sheet, "Imposées").value == "A (engagement du COMEX)"


def test_decisions_sheet_records_who_changed_the_status_when(fr_pack):
    rows = rows_of(fr_pack["Décisions"])
    assert rows[0] == ("Statut", "Par", "Quand", "Commentaire")
    assert rows[1][:3] == ("Soumis au COMEX", "Léa Moreau", dt.datetime(2026, 11, 18, 9, 5))
    assert rows[2][:3] == ("Approuvé", "Anne Lévêque", dt.datetime(2026, 11, 20, 17, 30))
    assert fr_pack["Décisions"]["C2"].number_format == "dd/mm/yyyy hh:mm"


def test_decision_times_with_a_time_zone_are_written_in_utc():
    paris = dt.timezone(dt.timedelta(hours=1))
    decisions = [
        {
            "status": "approved",
            "author": "A",
            "at": dt.datetime(2026, 11, 20, 18, 30, tzinfo=paris),
            "comment": "",
        }
    ]
    pack = open_pack("en", decisions=decisions)
    assert pack["Decisions"]["C2"].value == dt.datetime(2026, 11, 20, 17, 30)
