"""The workbook writer: template structure, safe text cells, styled tables, frames."""

from __future__ import annotations

import math
import zipfile
from io import BytesIO

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from cxprior.domain import (
    COMPETENCY_WORDS,
    SIDE_WORDS,
    Budget,
    Competency,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Workspace,
)
from cxprior.workbook import (
    FRENCH_WORDS,
    contract,
    safe_cell_value,
    workspace_to_frames,
    write_cell,
    write_table,
    write_template,
    write_workspace,
)

HOSTILE = ['=HYPERLINK("http://evil.example","clic")', "+33 1 23", "-x", "@SUM(A1)", "\tx", "#N/A"]


def load(data: bytes):
    return load_workbook(BytesIO(data))


def headers(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def validation_for(sheet, header: str):
    """The data validation covering the column whose header is `header` (None if none)."""
    letter = next(c.column_letter for c in sheet[1] if c.value == header)
    for dv in sheet.data_validations.dataValidation:
        if any(str(r).startswith(f"{letter}2:") for r in dv.sqref.ranges):
            return dv
    return None


@pytest.fixture
def periodic_workspace() -> Workspace:
    return Workspace(
        goals=(Goal("G1", "Fidéliser", 3.0, "Garder nos clients"),),
        kpis=(Kpi("NPS", "Net promoter score", Direction.INCREASE, 10.0, 30.0, "pts"),),
        links=(KpiGoalLink("NPS", "G1", 0.5),),
        initiatives=(
            Initiative(
                "A",
                "Rappel",
                300.0,
                {"2026": 100.0, "2027": 200.0},
                team="Care",
                mandatory=True,
                competency=Competency.DESIGN_IMPROVEMENT,
            ),
            Initiative("B", "Selfcare", 50.0, {"2026": 50.0, "2027": 0.0}, depends_on=("A", "C")),
            Initiative("C", "Chat", 10.0, {"2026": 10.0, "2027": 0.0}),
        ),
        impacts=(Impact("A", "NPS", 5.0, 2.0, 8.0), Impact("B", "NPS", 1.5)),
        budgets=(Budget("2026", 120.0), Budget("total", 300.0)),
        periods=("2026", "2027"),
    )


# --- the template ----------------------------------------------------------------------


def test_the_english_template_opens_on_instructions_then_has_every_contract_sheet():
    book = load(write_template("en"))
    assert book.sheetnames == [
        "Instructions",
        "Goals",
        "KPIs",
        "KPI_Goals",
        "Initiatives",
        "Impacts",
        "Budget",
        "Capacity",
        "Effort",
    ]
    assert book.active.title == "Instructions"


def test_the_french_template_uses_the_french_sheet_names_and_a_mode_d_emploi():
    book = load(write_template("fr"))
    assert book.sheetnames == [
        "Mode d'emploi",
        "Objectifs",
        "Indicateurs",
        "Liens",
        "Initiatives",
        "Impacts",
        "Budget",
        "Capacité",
        "Charge",
    ]


def test_the_instructions_sheet_is_not_a_contract_sheet_so_the_reader_ignores_it():
    contract_names = {contract.normalise_name(n) for s in contract.SHEETS for n in s.names}
    for lang in ("en", "fr"):
        assert contract.normalise_name(load(write_template(lang)).sheetnames[0]) not in contract_names


def test_template_headers_are_the_contract_columns_with_example_yearly_cost_columns():
    book = load(write_template("en"))
    for spec in contract.SHEETS:
        expected = [c.key for c in spec.columns]
        if spec is contract.INITIATIVES:
            at = expected.index("cost") + 1
            expected[at:at] = ["cost_2026", "cost_2027", "cost_2028"]
        assert headers(book[spec.key]) == expected
        assert book[spec.key].max_row == 1  # no hint row that the reader would take as data


def test_french_template_headers_are_accepted_french_aliases():
    sheet = load(write_template("fr"))["Initiatives"]
    assert headers(sheet)[:9] == [
        "id_initiative",
        "nom",
        "équipe",
        "responsable",
        "phase_parcours",
        "coût",
        "coût_2026",
        "coût_2027",
        "coût_2028",
    ]
    for header in headers(sheet):
        is_period = contract.PERIOD_COST_PATTERN.match(header) is not None
        known = {contract.normalise_name(n) for c in contract.INITIATIVES.columns for n in c.names}
        assert is_period or contract.normalise_name(header) in known


def test_every_template_header_carries_a_note_saying_what_the_column_expects():
    book = load(write_template("en"))
    for spec in contract.SHEETS:
        for cell in book[spec.key][1]:
            assert cell.comment is not None and cell.comment.text.strip(), (spec.key, cell.value)
    kpis = book["KPIs"]
    assert kpis["D1"].comment.text == "Required. increase (higher is better) or decrease (lower is better)."
    assert book["Initiatives"]["G1"].comment.text.startswith("Cost in euros in budget period 2026, ≥ 0.")


def test_french_template_notes_are_in_french():
    sheet = load(write_template("fr"))["Indicateurs"]
    assert sheet["D1"].comment.text == (
        "Obligatoire. hausse (plus c'est haut, mieux c'est) ou baisse (plus c'est bas, mieux c'est)."
    )


def test_template_offers_drop_downs_for_words_in_the_chosen_language():
    english, french = load(write_template("en")), load(write_template("fr"))
    assert validation_for(english["KPIs"], "direction").formula1 == '"increase,decrease"'
    assert validation_for(french["Indicateurs"], "sens").formula1 == '"hausse,baisse"'
    assert validation_for(english["Initiatives"], "mandatory").formula1 == '"yes,no"'
    assert validation_for(french["Initiatives"], "obligatoire").formula1 == '"oui,non"'
    assert validation_for(english["Initiatives"], "competency").formula1 == (
        '"customer_understanding,strategy_engagement,culture_management,design_improvement"'
    )
    assert validation_for(english["Initiatives"], "name") is None


def test_template_checks_numbers_where_the_contract_has_a_rule():
    book = load(write_template("en"))
    confidence = validation_for(book["Initiatives"], "confidence")
    assert (confidence.type, confidence.operator, confidence.formula1, confidence.formula2) == (
        "decimal",
        "between",
        "0",
        "1",
    )
    assert validation_for(book["Initiatives"], "cost_2027").operator == "greaterThanOrEqual"
    assert validation_for(book["Goals"], "weight").operator == "greaterThan"
    assert validation_for(book["Initiatives"], "confidence").error == "Expected a number between 0 and 1."


def test_french_words_in_drop_downs_are_words_the_reader_accepts():
    assert set(FRENCH_WORDS["direction"].values()) <= set(contract.DIRECTION_WORDS)
    assert set(FRENCH_WORDS["yesno"].values()) <= contract.YES_WORDS | contract.NO_WORDS
    for canonical, word in FRENCH_WORDS["competency"].items():
        assert COMPETENCY_WORDS[word] == canonical
    for canonical, word in FRENCH_WORDS["side"].items():
        assert SIDE_WORDS[word] == canonical


def test_template_headers_are_frozen_styled_and_filterable():
    book = load(write_template("en"))
    for spec in contract.SHEETS:
        sheet = book[spec.key]
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold
        assert sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
        assert sheet.auto_filter.ref.startswith("A1:")


# --- safe cell values ---------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_written_as_a_text_cell_and_read_back_exactly(text):
    book = Workbook()
    sheet = book.active
    sheet["A1"] = safe_cell_value(text)  # safe even without write_cell
    write_cell(sheet, 2, 1, text)
    buffer = BytesIO()
    book.save(buffer)
    reread = load_workbook(BytesIO(buffer.getvalue())).active
    for coordinate in ("A1", "A2"):
        assert reread[coordinate].data_type == "s"
        assert reread[coordinate].value == text
    assert reread["A2"].quotePrefix  # Excel keeps it text even when the user edits it
    sheet_xml = zipfile.ZipFile(BytesIO(buffer.getvalue())).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml


def test_ordinary_values_pass_through_unchanged():
    assert safe_cell_value("Fidéliser 🚀") == "Fidéliser 🚀"
    assert safe_cell_value("a-b") == "a-b"
    assert safe_cell_value(12.5) == 12.5
    assert safe_cell_value(-3) == -3
    assert safe_cell_value(True) is True


def test_missing_and_numpy_values_become_plain_python_or_empty():
    assert safe_cell_value(None) is None
    assert safe_cell_value(math.nan) is None
    assert safe_cell_value(pd.NA) is None
    assert safe_cell_value(math.inf) is None
    value = safe_cell_value(np.int64(7))
    assert value == 7 and type(value) is int
    assert safe_cell_value(np.bool_(True)) is True


def test_what_xml_cannot_carry_is_normalised_not_lost_silently():
    assert safe_cell_value("ligne 1\r\nligne 2") == "ligne 1\nligne 2"
    assert safe_cell_value("bip\x07") == "bip"
    assert str(safe_cell_value("\rx")) == "\nx"


# --- write_table ------------------------------------------------------------------------------


def test_write_table_formats_money_and_percent_and_freezes_a_filtered_header():
    frame = pd.DataFrame({"name": ["A", "=B"], "cost": [1200.0, 50.0], "share": [0.25, 0.5]})
    book = Workbook()
    write_table(
        book.active,
        frame,
        money_columns=["cost"],
        percent_columns=["share"],
        comments={"cost": "euros"},
        lang="fr",
    )
    sheet = book.active
    assert headers(sheet) == ["name", "cost", "share"]
    assert sheet["B2"].number_format == '#,##0\\ "€"'
    assert sheet["C3"].number_format == "0.0%"
    assert sheet["A2"].number_format == "General"
    assert str(sheet["A3"].value) == "=B" and sheet["A3"].data_type == "s"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    assert sheet["B1"].comment.text == "euros"
    assert sheet.column_dimensions["A"].width >= 8


def test_write_table_uses_the_english_euro_format_by_default():
    book = Workbook()
    write_table(book.active, pd.DataFrame({"budget": [1.0]}), money_columns=["budget"])
    assert book.active["A2"].number_format == '"€"#,##0'


# --- frames and export -------------------------------------------------------------------------


def test_frames_have_canonical_columns_with_period_costs_after_cost(periodic_workspace):
    frames = workspace_to_frames(periodic_workspace)
    assert list(frames) == [
        "Goals",
        "KPIs",
        "KPI_Goals",
        "Initiatives",
        "Impacts",
        "Budget",
        "Capacity",
        "Effort",
    ]
    initiatives = frames["Initiatives"]
    assert list(initiatives.columns) == [
        "initiative_id",
        "name",
        "team",
        "owner",
        "journey_phase",
        "cost",
        "cost_2026",
        "cost_2027",
        "confidence",
        "mandatory",
        "depends_on",
        "exclusive_group",
        "competency",
        "description",
        "latest_start",
        "starts_after",
    ]
    assert initiatives["mandatory"].tolist() == ["yes", "no", "no"]
    assert initiatives["depends_on"].tolist() == ["", "A, C", ""]
    assert initiatives["competency"].tolist() == ["design_improvement", "", ""]
    assert initiatives["cost_2027"].tolist() == [200.0, 0.0, 0.0]
    assert frames["KPIs"]["direction"].tolist() == ["increase"]
    assert frames["Budget"].to_dict("list") == {"period": ["2026", "total"], "budget": [120.0, 300.0]}
    impacts = frames["Impacts"]
    assert impacts["impact_low"].iloc[0] == 2.0 and math.isnan(impacts["impact_low"].iloc[1])


def test_frames_of_an_empty_workspace_still_have_their_columns():
    frames = workspace_to_frames(Workspace())
    assert all(len(f) == 0 for f in frames.values())
    assert list(frames["Impacts"].columns) == [
        "initiative_id",
        "kpi_id",
        "impact",
        "impact_low",
        "impact_high",
    ]


def test_french_export_writes_french_headers_and_words(periodic_workspace):
    book = load(write_workspace(periodic_workspace, "fr"))
    assert book.sheetnames == ["Objectifs", "Indicateurs", "Liens", "Initiatives", "Impacts", "Budget"]
    assert book["Indicateurs"]["D2"].value == "hausse"
    initiatives = book["Initiatives"]
    row = dict(zip(headers(initiatives), (c.value for c in initiatives[2]), strict=True))
    assert row["obligatoire"] == "oui"
    assert row["compétence"] == "design_amélioration"
    assert row["coût_2026"] == 100


def test_export_of_hostile_names_contains_no_formula(periodic_workspace):
    hostile = Workspace(
        goals=tuple(Goal(f"G{k}", text, 1.0) for k, text in enumerate(HOSTILE)),
        initiatives=tuple(Initiative(f"I{k}", text, 1.0, owner=text) for k, text in enumerate(HOSTILE)),
    )
    data = write_workspace(hostile)
    archive = zipfile.ZipFile(BytesIO(data))
    for name in archive.namelist():
        if name.startswith("xl/worksheets/sheet"):
            assert b"<f>" not in archive.read(name)
    book = load(data)
    assert [c.value for c in book["Goals"]["B"][1:]] == HOSTILE
    assert all(c.quotePrefix for c in book["Initiatives"]["B"][1:])


def test_money_columns_of_the_export_show_euros(periodic_workspace):
    book = load(write_workspace(periodic_workspace, "en"))
    assert book["Initiatives"]["F2"].number_format == '"€"#,##0'
    assert book["Budget"]["B2"].number_format == '"€"#,##0'


def test_empty_text_is_an_empty_cell():
    assert safe_cell_value("") is None
