"""Exit codes scripts can trust (DESIGN.md: 0 success, 1 invalid input, 2 infeasible), and every
mistake said once, on one line of standard error, naming the argument and what it expects.

The table below is every bad argument a user can type, for every command; each row gives the
one line the command must print. The workbook is small enough to read every figure off it:
A costs 10 (2026) and is worth 6 on G1, B costs 7 (2026) and is worth 4 on G2, C costs 6 (2027)
and is worth 3 on G1; the Budget sheet allows 20 in total. Forcing A in with a budget of 5 is
infeasible (A alone costs 10 > 5): exit code 2.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_optimizer_support import Item, make_workspace
from workbooks import backlog_sheets, xlsx

from cxprior.cli import main
from cxprior.cli.entry import build_parser
from cxprior.workbook import write_workspace

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    """The paths the table's rows use, by the name their placeholders give."""
    tmp = tmp_path_factory.mktemp("exit_codes")
    ws = make_workspace(
        [
            Item("A", 6, {"2026": 10}),
            Item("B", 4, {"2026": 7}, goal="G2"),
            Item("C", 3, {"2027": 6}),
        ],
        goals=("G1", "G2"),
        periods=("2026", "2027"),
        budgets={"total": 20},
    )
    book = tmp / "book.xlsx"
    book.write_bytes(write_workspace(ws))
    backlog = tmp / "backlog.xlsx"
    backlog.write_bytes(xlsx(backlog_sheets()))
    notes = tmp / "notes.xlsx"
    notes.write_text("hello, not a workbook", encoding="utf-8")
    return {
        "book": str(book),
        "backlog": str(backlog),
        "notes": str(notes),
        "tmp": str(tmp),
        "missing": str(tmp / "missing.xlsx"),
        "nowhere": str(tmp / "nowhere"),
    }


def _commands() -> list[str]:
    """Every command of the parser, in its order (the list grows with the product)."""
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


EXPECT_EUROS = "expected a number of euros, zero or more"
EXPECT_PERIOD = "expected PERIOD=AMOUNT, e.g. 2026=500000, with an amount in euros, zero or more"
EXPECT_SHARE = "expected GOAL=SHARE, e.g. OBJ-VERT=0.2, with a share from 0 to 1"
EXPECT_COUNT = "expected a whole number, zero or more"
EXPECT_POINTS = "expected a whole number, at least 2"
EXPECT_SECONDS = "expected a number of seconds, above 0"
EXPECT_GAP = "expected a number from 0 up to (not including) 1, e.g. 1e-6"
NOT_XLSX = (
    "This file is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as "
    "“Excel Workbook (.xlsx)”, or start from the template."
)
SCENARIO_COMMANDS = ("optimize", "report")

# (command and arguments, exit code, the one line on standard error); {book} etc. are `files`
BAD_ARGUMENTS = [
    # --- numbers ------------------------------------------------------------------------------
    (["--budget", "abc"], 1, f"error: --budget: {EXPECT_EUROS}, got 'abc'"),
    (["--budget", "-5"], 1, f"error: --budget: {EXPECT_EUROS}, got '-5'"),
    (["--budget", "nan"], 1, f"error: --budget: {EXPECT_EUROS}, got 'nan'"),
    (["--budget", "inf"], 1, f"error: --budget: {EXPECT_EUROS}, got 'inf'"),
    (["--budget", "12 %"], 1, f"error: --budget: {EXPECT_EUROS}, got '12 %'"),
    (
        ["--budget", "500,000"],
        1,
        "error: --budget: “500,000” is ambiguous: it could be 500000 or 500.000. Type it without a "
        "thousands separator (500000) or with a decimal point (500.000).",
    ),
    (["--budget"], 1, f"error: --budget: a value is missing: {EXPECT_EUROS}"),
    (["--max-initiatives", "-1"], 1, f"error: --max-initiatives: {EXPECT_COUNT}, got '-1'"),
    (["--max-initiatives", "2.5"], 1, f"error: --max-initiatives: {EXPECT_COUNT}, got '2.5'"),
    (["--max-initiatives", "two"], 1, f"error: --max-initiatives: {EXPECT_COUNT}, got 'two'"),
    (["--max-phases", "-2"], 1, f"error: --max-phases: {EXPECT_COUNT}, got '-2'"),
    (["--time-limit", "-1"], 1, f"error: --time-limit: {EXPECT_SECONDS}, got '-1'"),
    (["--time-limit", "0"], 1, f"error: --time-limit: {EXPECT_SECONDS}, got '0'"),
    (["--time-limit", "soon"], 1, f"error: --time-limit: {EXPECT_SECONDS}, got 'soon'"),
    (["--gap", "1"], 1, f"error: --gap: {EXPECT_GAP}, got '1'"),
    (["--gap", "-0.1"], 1, f"error: --gap: {EXPECT_GAP}, got '-0.1'"),
    # --- pairs --------------------------------------------------------------------------------
    (["--budget-period", "2026"], 1, f"error: --budget-period: {EXPECT_PERIOD}, got '2026'"),
    (["--budget-period", "=5"], 1, f"error: --budget-period: {EXPECT_PERIOD}, got '=5'"),
    (["--budget-period", "2026=abc"], 1, f"error: --budget-period: {EXPECT_PERIOD}, got '2026=abc'"),
    (["--budget-period", "2026=-5"], 1, f"error: --budget-period: {EXPECT_PERIOD}, got '2026=-5'"),
    (
        ["--budget-period", "2099=5"],
        1,
        "error: --budget-period: unknown budget periods 2099 (periods with a cost column: 2026, 2027)",
    ),
    (["--min-goal-share", "G1"], 1, f"error: --min-goal-share: {EXPECT_SHARE}, got 'G1'"),
    (["--min-goal-share", "G1=1.5"], 1, f"error: --min-goal-share: {EXPECT_SHARE}, got 'G1=1.5'"),
    (["--min-goal-share", "G1=-0.1"], 1, f"error: --min-goal-share: {EXPECT_SHARE}, got 'G1=-0.1'"),
    (["--min-goal-share", "G1=a lot"], 1, f"error: --min-goal-share: {EXPECT_SHARE}, got 'G1=a lot'"),
    (
        ["--min-goal-share", "G9=0.2"],
        1,
        "error: --min-goal-share: unknown goal ids G9 (the workbook's goals: G1, G2)",
    ),
    # --- ids and words ------------------------------------------------------------------------
    (
        ["--force-in", "A,ZZ-9"],
        1,
        "error: --force-in: unknown initiative ids ZZ-9: they are not on the workbook's Initiatives sheet",
    ),
    (
        ["--force-out", "ZZ-8;B"],
        1,
        "error: --force-out: unknown initiative ids ZZ-8: they are not on the workbook's Initiatives sheet",
    ),
    (
        ["--force-in", "A,B\u202e"],
        1,
        "error: --force-in: The id “B⟨U+202E⟩” contains an invisible or control character (U+202E); ids "
        "must be plain visible text. Retype it.",
    ),
    (["--solver", "nonsense"], 1, "error: --solver: expected highs or cbc, got 'nonsense'"),
    (["--lang", "de"], 1, "error: --lang: expected en or fr, got 'de'"),
    (
        ["--max", "3"],
        1,
        "error: --max: ambiguous: could be --max-initiatives, --max-phases; write the option in full",
    ),
    # --- in French ----------------------------------------------------------------------------
    (
        ["--budget", "abc", "--lang", "fr"],
        1,
        "error: --budget : attendu un montant en euros, positif ou nul ; reçu « abc »",
    ),
    (["--lang", "fr", "--solver", "x"], 1, "error: --solver : attendu highs ou cbc ; reçu « x »"),
    (
        ["--force-in", "ZZ-9", "--lang=fr"],
        1,
        "error: --force-in : identifiants d'initiative inconnus ZZ-9 : ils ne sont pas sur la feuille "
        "Initiatives du classeur",
    ),
]

# whole command lines: (arguments, exit code, the one line on standard error)
COMMAND_LINES = [
    # --- no command, a wrong command ------------------------------------------------------------
    (["bogus"], 1, "error: COMMAND: expected a command: {commands}, got 'bogus'"),
    ([], 1, "error: COMMAND: missing: expected a command: {commands}"),
    # --- template -------------------------------------------------------------------------------
    (
        ["template", "{nowhere}/t.xlsx"],
        1,
        "error: OUT.xlsx: cannot write {nowhere}/t.xlsx: the folder {nowhere} does not exist",
    ),
    (["template", "{tmp}"], 1, "error: OUT.xlsx: {tmp} is a folder: give the name of a file to write in it"),
    (
        ["template", "{book}/t.xlsx"],
        1,
        "error: OUT.xlsx: cannot write {book}/t.xlsx: {book} is not a folder",
    ),
    (
        ["template", "a.xlsx", "b.xlsx"],
        1,
        "error: 'b.xlsx': one argument too many for python -m cxprior template; see python -m cxprior "
        "template --help",
    ),
    (
        ["template", "{nowhere}/t.xlsx", "--lang", "fr"],
        1,
        "error: OUT.xlsx : impossible d'écrire {nowhere}/t.xlsx : le dossier {nowhere} n'existe pas",
    ),
    # --- validate -------------------------------------------------------------------------------
    (["validate"], 1, "error: BOOK.xlsx: missing: expected the path of a workbook (.xlsx)"),
    (["validate", "{book}", "--json=yes"], 1, "error: --json: takes no value, got 'yes'"),
    (
        ["validate", "{book}", "--budget", "5"],
        1,
        "error: --budget: not an option of python -m cxprior validate; see python -m cxprior validate --help",
    ),
    # --- optimize: files --------------------------------------------------------------------------
    (["optimize"], 1, "error: BOOK.xlsx: missing: expected the path of a workbook (.xlsx)"),
    (["optimize", "{missing}"], 1, "error: No file at {missing}. Check the path and try again."),
    (
        ["optimize", "{tmp}"],
        1,
        "error: {tmp} is a folder, not a workbook file. Give the path of an .xlsx file.",
    ),
    (["optimize", "{notes}"], 1, f"error: {NOT_XLSX}"),
    (
        ["optimize", "{backlog}"],
        1,
        "error: {backlog} is a team backlog (initiatives only): optimizing needs a whole workspace with "
        "goals and KPIs.",
    ),
    (
        ["optimize", "{book}", "--json", "{nowhere}/out.json"],
        1,
        "error: --json: cannot write {nowhere}/out.json: the folder {nowhere} does not exist",
    ),
    (
        ["optimize", "{book}", "--json", "{tmp}"],
        1,
        "error: --json: {tmp} is a folder: give the name of a file to write in it",
    ),
    (
        ["optimize", "{book}", "--out", "{nowhere}/portfolio.xlsx"],
        1,
        "error: --out: cannot write {nowhere}/portfolio.xlsx: the folder {nowhere} does not exist",
    ),
    (
        ["optimize", "{book}", "--json", "{nowhere}/out.json", "--lang", "fr"],
        1,
        "error: --json : impossible d'écrire {nowhere}/out.json : le dossier {nowhere} n'existe pas",
    ),
    (
        ["optimize", "{book}", "--points", "3"],
        1,
        "error: --points: not an option of python -m cxprior optimize; see python -m cxprior optimize --help",
    ),
    (
        ["optimize", "{book}", "{book}"],
        1,
        "error: '{book}': one argument too many for python -m cxprior optimize; see python -m cxprior "
        "optimize --help",
    ),
    # --- frontier -------------------------------------------------------------------------------
    (["frontier", "{book}", "--points", "0"], 1, f"error: --points: {EXPECT_POINTS}, got '0'"),
    (["frontier", "{book}", "--points", "1"], 1, f"error: --points: {EXPECT_POINTS}, got '1'"),
    (["frontier", "{book}", "--points", "2.5"], 1, f"error: --points: {EXPECT_POINTS}, got '2.5'"),
    (["frontier", "{book}", "--points"], 1, f"error: --points: a value is missing: {EXPECT_POINTS}"),
    (["frontier", "{book}", "--time-limit", "-1"], 1, f"error: --time-limit: {EXPECT_SECONDS}, got '-1'"),
    (["frontier", "{book}", "--gap", "2"], 1, f"error: --gap: {EXPECT_GAP}, got '2'"),
    (["frontier", "{book}", "--solver", "glpk"], 1, "error: --solver: expected highs or cbc, got 'glpk'"),
    (
        ["frontier", "{book}", "--budget", "5"],
        1,
        "error: --budget: not an option of python -m cxprior frontier; see python -m cxprior frontier --help",
    ),
    (
        ["frontier", "{book}", "--json", "{nowhere}/curve.json"],
        1,
        "error: --json: cannot write {nowhere}/curve.json: the folder {nowhere} does not exist",
    ),
    (["frontier", "{missing}"], 1, "error: No file at {missing}. Check the path and try again."),
    (
        ["frontier", "{tmp}"],
        1,
        "error: {tmp} is a folder, not a workbook file. Give the path of an .xlsx file.",
    ),
    (["frontier", "{notes}"], 1, f"error: {NOT_XLSX}"),
    # --- report ---------------------------------------------------------------------------------
    (["report", "{book}"], 1, "error: --pdf: missing: expected the path of the file to write"),
    (
        ["report", "{book}", "--pdf"],
        1,
        "error: --pdf: a value is missing: expected the path of the file to write",
    ),
    (
        ["report", "{book}", "--pdf", "{nowhere}/pack.pdf"],
        1,
        "error: --pdf: cannot write {nowhere}/pack.pdf: the folder {nowhere} does not exist",
    ),
    (
        ["report", "{book}", "--pdf", "{tmp}/pack.pdf", "--xlsx", "{nowhere}/pack.xlsx"],
        1,
        "error: --xlsx: cannot write {nowhere}/pack.xlsx: the folder {nowhere} does not exist",
    ),
    (
        ["report", "{missing}", "--pdf", "{tmp}/pack.pdf"],
        1,
        "error: No file at {missing}. Check the path and try again.",
    ),
    (
        ["report", "{tmp}", "--pdf", "{tmp}/pack.pdf"],
        1,
        "error: {tmp} is a folder, not a workbook file. Give the path of an .xlsx file.",
    ),
    (["report", "{notes}", "--pdf", "{tmp}/pack.pdf"], 1, f"error: {NOT_XLSX}"),
    (
        ["report", "{backlog}", "--pdf", "{tmp}/pack.pdf"],
        1,
        "error: {backlog} is a team backlog (initiatives only): the COMEX pack needs a full workbook with "
        "goals and KPIs.",
    ),
]


def _case_id(value: object) -> str | None:
    return " ".join(value) if isinstance(value, list) else None


def _filled(argv: list[str], files: dict[str, str]) -> list[str]:
    return [arg.format(**files) for arg in argv]


def _scenario_argv(command: str, arguments: list[str], files: dict[str, str]) -> list[str]:
    argv = [command, files["book"], *arguments]
    if command == "report":
        argv += ["--pdf", str(Path(files["tmp"]) / "never.pdf")]
    return argv


@pytest.mark.parametrize("command", SCENARIO_COMMANDS)
@pytest.mark.parametrize(("arguments", "code", "line"), BAD_ARGUMENTS, ids=_case_id)
def test_a_bad_scenario_option_exits_1_with_one_line_naming_it(files, capsys, command, arguments, code, line):
    argv = _scenario_argv(command, arguments, files)
    if arguments == ["--budget"] and command == "report":
        argv = [command, files["book"], "--pdf", str(Path(files["tmp"]) / "never.pdf"), "--budget"]
    exit_code, out, err = run(capsys, argv)
    assert (exit_code, err) == (code, line + "\n")
    assert out == ""
    assert not (Path(files["tmp"]) / "never.pdf").exists()


@pytest.mark.parametrize(("argv", "code", "line"), COMMAND_LINES, ids=_case_id)
def test_a_bad_command_line_exits_1_with_one_line(files, capsys, argv, code, line):
    exit_code, out, err = run(capsys, _filled(argv, files))
    assert err == line.format(**files, commands=", ".join(_commands())) + "\n"
    assert (exit_code, out) == (code, "")


def test_an_unreadable_workbook_is_said_once(capsys, tmp_path):
    if os.geteuid() == 0:  # root reads any file: take one whose reading fails
        path = Path("/proc/self/mem")
        if not path.exists():
            pytest.skip("no unreadable file for root on this system")
    else:
        path = tmp_path / "locked.xlsx"
        path.write_bytes(b"PK")
        path.chmod(0)
    for command in ("optimize", "frontier"):
        code, out, err = run(capsys, [command, str(path)])
        assert code == 1 and out == ""
        assert err.startswith(f"error: The file {path} cannot be read (") and err.count("\n") == 1


def test_an_infeasible_scenario_exits_2(files, capsys, tmp_path):
    # A alone costs 10; with a budget of 5 no portfolio holds it
    code, out, err = run(capsys, ["optimize", files["book"], "--budget", "5", "--force-in", "A"])
    assert code == 2
    assert out.splitlines()[0] == "No portfolio for this scenario:"
    pdf = tmp_path / "pack.pdf"
    code, out, err = run(
        capsys, ["report", files["book"], "--budget", "5", "--force-in", "A", "--pdf", str(pdf)]
    )
    assert code == 2
    assert err.splitlines()[0] == "No portfolio satisfies this scenario, so no pack was written:"
    assert not pdf.exists()


def test_a_good_command_line_exits_0(files, capsys, tmp_path):
    # budget 20: A + B (17, value 10) beats A + C (16, value 9) and B + C (13, value 7); all three cost 23
    target = tmp_path / "result.json"
    code, _, err = run(capsys, ["optimize", files["book"], "--json", str(target)])
    assert (code, err) == (0, "")
    assert '"selected": [\n    "A",\n    "B"\n  ]' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _commands())
def test_every_command_refuses_an_unknown_language_in_one_line(capsys, command):
    assert run(capsys, [command, "--lang", "de"]) == (1, "", "error: --lang: expected en or fr, got 'de'\n")


@pytest.mark.parametrize("command", _commands())
def test_every_command_says_a_mistyped_argument_on_one_line_with_exit_code_1(files, capsys, command):
    code, out, err = run(capsys, [command, files["book"], "--no-such-option", "1"])
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "usage:" not in err


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_still_exits_0(capsys, command):
    code, out, err = run(capsys, [command, "--help"] if command else ["--help"])
    assert (code, err) == (0, "")
    assert out.startswith("usage: python -m cxprior")


# --- the real process: what a script sees ------------------------------------------------------


def _process(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "cxprior", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_a_script_sees_1_for_a_typo_and_2_for_an_infeasible_scenario(files):
    book, nowhere, tmp = files["book"], files["nowhere"], files["tmp"]
    typos = {
        ("optimize", book, "--budget", "abc"): f"error: --budget: {EXPECT_EUROS}, got 'abc'\n",
        ("optimize", book, "--solver", "x"): "error: --solver: expected highs or cbc, got 'x'\n",
        ("optimize", book, "--json", f"{nowhere}/out.json"): (
            f"error: --json: cannot write {nowhere}/out.json: the folder {nowhere} does not exist\n"
        ),
        (
            "frontier",
            tmp,
        ): f"error: {tmp} is a folder, not a workbook file. Give the path of an .xlsx file.\n",
        ("bogus",): f"error: COMMAND: expected a command: {', '.join(_commands())}, got 'bogus'\n",
    }
    for argv, line in typos.items():
        done = _process(*argv)
        assert (done.returncode, done.stdout, done.stderr) == (1, "", line), argv
    infeasible = _process("optimize", files["book"], "--budget", "5", "--force-in", "A")
    assert infeasible.returncode == 2
    assert _process("--help").returncode == 0
