"""The roadmap on the command line: `optimize` and `report` read the new sheets, `--no-shift`
fixes every start, the JSON gains start, finish and effort_by_team, `template` has the sheets."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from test_optimizer_support import Item, make_workspace

from cxprior.cli import main
from cxprior.domain import Capacity, Effort
from cxprior.workbook import write_workspace


@pytest.fixture
def book(tmp_path):
    """Team Digital has 10 person-days a year. A (5 points) needs 8 in 2026; B (4 points) needs 6
    in 2026 and may start in 2027. Both fit only with B in 2027 (8 ≤ 10, then 6 ≤ 10): 9 points;
    with fixed starts A alone (5). Each costs 1 in its first year; no budget binds."""
    ws = make_workspace(
        [
            Item("A", 5, {"2026": 1}, name="CRM"),
            Item("B", 4, {"2026": 1}, name="Espace client", extra={"latest_start": "2027"}),
        ],
        periods=("2026", "2027"),
    )
    ws = replace(
        ws,
        capacities=(Capacity("Digital", "2026", 10.0), Capacity("Digital", "2027", 10.0)),
        efforts=(Effort("A", "Digital", "2026", 8.0), Effort("B", "Digital", "2026", 6.0)),
    )
    path = tmp_path / "roadmap.xlsx"
    path.write_bytes(write_workspace(ws, "fr"))
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_optimize_writes_start_finish_and_effort_by_team_in_the_json(book, capsys):
    code, out, _ = run(capsys, "optimize", book, "--json", "-")
    assert code == 0
    document = json.loads(out)
    assert document["selected"] == ["A", "B"]
    assert document["start"] == {"A": "2026", "B": "2027"}
    assert document["finish"] == {"A": "2026", "B": "2027"}
    assert document["effort_by_team"] == {"Digital": {"2026": 8.0, "2027": 6.0}}
    assert document["cost_by_period"] == {"2026": 1.0, "2027": 1.0}


def test_no_shift_starts_everything_at_its_earliest_start(book, capsys):
    code, out, _ = run(capsys, "optimize", book, "--no-shift", "--json", "-")
    assert code == 0
    document = json.loads(out)
    assert (document["selected"], document["start"]) == (["A"], {"A": "2026"})
    assert document["effort_by_team"] == {"Digital": {"2026": 8.0, "2027": 0.0}}


def test_the_summary_ends_with_the_roadmap_and_the_capacity_used(book, capsys):
    code, out, _ = run(capsys, "optimize", book)
    assert code == 0
    lines = out.splitlines()
    at = lines.index("Roadmap (start → finish; * = later than its earliest start):")
    assert lines[at + 1 : at + 6] == [
        "  A  2026 → 2026",
        "  B  2027 → 2027 *",
        "Team capacity used:",
        "  Team Digital, 2026: 8 of 10 person-days",
        "  Team Digital, 2027: 6 of 10 person-days",
    ]


def test_the_summary_in_french_explains_a_left_out_initiative_by_capacity(book, capsys):
    code, out, _ = run(capsys, "optimize", book, "--no-shift", "--lang", "fr")
    assert code == 0
    assert (
        "  B  Espace client: Écartée faute de capacité : équipe Digital en 2026 ; elle passerait si "
        "Digital avait 4 jours-personnes de plus, ou si elle pouvait commencer en 2027."
    ) in out


def test_report_reads_the_roadmap_and_takes_no_shift(book, tmp_path, capsys):
    pdf = tmp_path / "pack.pdf"
    assert main(["report", str(book), "--pdf", str(pdf), "--no-shift"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_workbook_whose_effort_has_no_capacity_is_invalid_with_exit_code_1(book, tmp_path, capsys):
    sheets = load_workbook(book)
    sheets["Charge"]["B2"] = "Data"  # a team without capacity
    broken = tmp_path / "broken.xlsx"
    sheets.save(broken)
    code, _, err = run(capsys, "optimize", broken)
    assert code == 1
    # located on the sheet and column as the French workbook names them
    assert (
        "Charge, row 2, équipe: Team Data has no capacity in 2026 on the Capacity sheet; add that row, "
        "or fix the team or the period."
    ) in err


def test_template_writes_the_capacity_and_effort_sheets(tmp_path, capsys):
    target = tmp_path / "template.xlsx"
    assert main(["template", str(target)]) == 0
    names = load_workbook(target).sheetnames
    assert names[-2:] == ["Capacity", "Effort"]
