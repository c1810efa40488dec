"""`python -m cxprior optimize` and `frontier`: exit codes, JSON contract, text and the --out workbook."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_optimizer_support import Item, make_workspace

from cxprior.cli import main
from cxprior.workbook import write_workspace

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "cx_workspace_fr.xlsx"


@pytest.fixture
def book(tmp_path):
    """With a €10 total budget: B + C (13) beats A + D (11); E's name looks like a formula."""
    ws = make_workspace(
        [
            Item("A", 10, 6, phase="Buy", name="Callback"),
            Item("B", 7, 4, phase="Use", name="Retention offers"),
            Item("C", 6, 3, phase="Use", name='=HYPERLINK("http://x","click")'),
            Item("D", 1, 1, name="@SUM(A1)"),
            Item("M", 0, 0, mandatory=True, name="Accessibility"),
        ],
        budgets={"total": 7},
    )
    path = tmp_path / "book.xlsx"
    path.write_bytes(write_workspace(ws))
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_optimize_prints_a_readable_summary_and_exits_0(book, capsys):
    code, out, _ = run(capsys, "optimize", book)
    assert code == 0
    assert out.splitlines()[0].startswith(
        "Portfolio optimal (proven): 13.0 value points (proven gap 0.0000%)"
    )
    assert "3 initiatives funded for €7." in out
    assert "  A  Callback: No room at the margin" in out


def test_json_on_standard_output_is_exactly_the_contract(book, capsys):
    code, out, _ = run(capsys, "optimize", book, "--json", "-")
    assert code == 0
    document = json.loads(out)
    assert list(document) == [
        "status",
        "objective",
        "gap",
        "selected",
        "total_cost",
        "cost_by_period",
        "value_by_goal",
        "solver",
        "solve_seconds",
        "explanation",
        "start",
        "finish",
        "effort_by_team",
    ]
    assert document["status"] == "optimal"
    assert document["objective"] == pytest.approx(13.0)
    assert document["selected"] == ["B", "C", "M"]
    assert document["total_cost"] == 7.0
    assert document["cost_by_period"] == {}
    assert document["value_by_goal"] == {"G1": pytest.approx(13.0)}
    assert document["solver"] == "highs"
    assert isinstance(document["gap"], float) and isinstance(document["solve_seconds"], float)
    assert document["explanation"] == []
    # a single cost column and no roadmap: no periods to start in, no team to load
    assert (document["start"], document["finish"], document["effort_by_team"]) == ({}, {}, {})


def test_budget_options_override_the_budget_sheet(book, capsys, tmp_path):
    target = tmp_path / "result.json"
    code, out, _ = run(capsys, "optimize", book, "--budget", "17", "--json", target)
    assert code == 0
    assert out.strip() == f"JSON result written to {target}."
    assert json.loads(target.read_text())["selected"] == ["A", "B", "C", "D", "M"]


def test_focus_and_forcing_options(book, capsys):
    code, out, _ = run(
        capsys, "optimize", book, "--budget", "100", "--max-phases", "1", "--force-out", "B", "--json", "-"
    )
    assert code == 0
    assert json.loads(out)["selected"] == ["A", "D", "M"]
    code, out, _ = run(capsys, "optimize", book, "--force-in", "A;D", "--max-initiatives", "3", "--json", "-")
    assert json.loads(out)["selected"] == ["A", "D", "M"]


def test_an_infeasible_scenario_exits_2_with_its_explanation(book, capsys):
    code, out, _ = run(capsys, "optimize", book, "--force-in", "A", "--force-out", "A")
    assert code == 2
    assert out.splitlines() == [
        "No portfolio for this scenario:",
        "  - A (Callback) is both forced in and left out by the scenario.",
    ]


def test_an_infeasible_scenario_in_json_keeps_standard_output_clean(book, capsys):
    code, out, err = run(
        capsys, "optimize", book, "--budget", "3", "--force-in", "A", "--json", "-", "--lang", "fr"
    )
    assert code == 2
    assert json.loads(out)["status"] == "infeasible"
    assert json.loads(out)["objective"] is None
    assert err.splitlines()[0] == "Aucun portefeuille pour ce scénario :"


def test_an_unknown_id_exits_1_naming_it(book, capsys):
    code, _, err = run(capsys, "optimize", book, "--force-in", "A,ZZ-9")
    assert code == 1
    assert err == (
        "error: --force-in: unknown initiative ids ZZ-9: they are not on the workbook's Initiatives sheet\n"
    )


def test_a_malformed_period_budget_exits_1(book, capsys):
    code, _, err = run(capsys, "optimize", book, "--budget-period", "2026")
    assert code == 1
    assert err == (
        "error: --budget-period: expected PERIOD=AMOUNT, e.g. 2026=500000, with an amount in euros, "
        "zero or more, got '2026'\n"
    )


def test_a_bad_workbook_lists_its_problems_and_exits_1(tmp_path, capsys):
    from test_optimizer_support import make_workspace as mk

    ws = mk([Item("A", 1, 1)])
    path = tmp_path / "bad.xlsx"
    book = load_workbook(io.BytesIO(write_workspace(ws)))
    book["Initiatives"]["F2"] = "lots"  # cost
    book["Initiatives"]["G2"] = 7  # confidence
    book.save(path)
    code, out, err = run(capsys, "optimize", path)
    assert code == 1
    assert out == ""
    problems = err.splitlines()[1:]
    assert [line.split(":")[0].strip() for line in problems] == [
        "Initiatives, row 2, cost",
        "Initiatives, row 2, confidence",
    ]


def test_a_file_that_is_not_a_workbook_exits_1(tmp_path, capsys):
    path = tmp_path / "notes.xlsx"
    path.write_text("hello")
    code, _, err = run(capsys, "optimize", path)
    assert code == 1
    assert err.startswith("error: ")
    assert "Traceback" not in err


def test_the_out_workbook_is_the_comex_pack(book, capsys, tmp_path):
    target = tmp_path / "portfolio.xlsx"
    code, out, _ = run(capsys, "optimize", book, "--out", target, "--max-initiatives", "4")
    assert code == 0
    assert f"Portfolio workbook written to {target}." in out
    wb = load_workbook(target)
    assert wb.sheetnames == ["Summary", "Portfolio", "Left out", "Frontier", "Scenario parameters"]
    summary = {row[0]: row[1] for row in wb["Summary"].iter_rows(values_only=True)}
    assert summary["Company"] == "book"
    assert summary["Portfolio value (value points)"] == pytest.approx(13.0)
    assert summary["Initiatives funded"] == 3
    portfolio = list(wb["Portfolio"].iter_rows(values_only=True))
    assert portfolio[0][:2] == ("ID", "Initiative")
    assert [row[0] for row in portfolio[1:-1]] == ["B", "C", "M"]
    # user text that looks like a formula is written as text, exactly as typed
    cell = wb["Portfolio"]["B3"]
    assert cell.value == '=HYPERLINK("http://x","click")'
    assert cell.data_type != "f"
    left_out = {
        row[0]: row for row in wb["Left out"].iter_rows(min_row=2, values_only=True) if row[0] != "Total"
    }
    assert set(left_out) == {"A", "D"}
    assert left_out["D"][1] == "@SUM(A1)"
    assert left_out["A"][7].startswith("No room at the margin: the budget buys more value elsewhere.")
    parameters = {row[0]: row[1] for row in wb["Scenario parameters"].iter_rows(min_row=2, values_only=True)}
    assert parameters["Total budget (€)"] == 7
    assert parameters["Maximum number of initiatives"] == 4
    frontier = list(wb["Frontier"].iter_rows(min_row=2, values_only=True))
    assert frontier[-1][2] == pytest.approx(23.0)  # A, B, C and M: the cap of 4 initiatives leaves D out


def test_the_out_workbook_in_french(book, capsys, tmp_path):
    target = tmp_path / "portefeuille.xlsx"
    assert run(capsys, "optimize", book, "--out", target, "--lang", "fr")[0] == 0
    wb = load_workbook(target)
    assert wb.sheetnames == ["Synthèse", "Portefeuille", "Écartées", "Frontière", "Paramètres"]
    assert wb["Portefeuille"]["A1"].value == "ID"


def test_frontier_prints_each_level(book, capsys):
    code, out, _ = run(capsys, "frontier", book, "--points", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Best value at 3 budget levels (")
    assert lines[1:] == [
        "  budget €0: 0.0 points for €0, 1 initiative (optimal (proven))",
        "  budget €7: 13.0 points for €7, 3 initiatives (optimal (proven))",
        "  budget €14: 24.0 points for €14, 5 initiatives (optimal (proven))",
    ]


def test_frontier_json(book, capsys):
    code, out, _ = run(capsys, "frontier", book, "--points", "4", "--json", "-", "--solver", "cbc")
    assert code == 0
    document = json.loads(out)
    assert document["solver"] == "cbc"
    # budgets 0, 4.67, the workbook's own 7, 9.33, 14: B (or C + D); B + C; A + C; everything
    assert [p["value"] for p in document["points"]] == pytest.approx([0, 7, 13, 16, 24], abs=1e-6)


def test_the_bundled_sample_optimizes_as_a_process():
    completed = subprocess.run(
        [sys.executable, "-m", "cxprior", "optimize", str(SAMPLE), "--json", "-"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    document = json.loads(completed.stdout)
    assert document["status"] == "optimal"
    assert set(document["cost_by_period"]) == {"2026", "2027", "2028"}
