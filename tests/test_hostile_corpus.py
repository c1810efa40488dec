"""Every hostile or careless file gets a clear message, from the reader and from the command
line: no traceback, exit code 1, within 20 seconds and 500 MB.

The corpus is generated here (tests/hostile_files.py). The app's side of the same files (the
upload shows the message and keeps the workspace) is in test_app_hostile.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hostile_files import CORPUS, EMOJI_RTL, LONGEST
from workbooks import good_sheets, with_cell, xlsx

from cxprior.cli import format_problem
from cxprior.domain import UnsafeFileError, WorkbookError
from cxprior.workbook import read_workbook

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
SECONDS = 20
PEAK_BYTES = 500 * MB

NOT_XLSX = (
    "This file is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as “Excel "
    "Workbook (.xlsx)”, or start from the template."
)
DAMAGED = (
    "The file is damaged or incomplete and cannot be opened as a workbook. Save it again from Excel or "
    "LibreOffice, or download it again if it came by e-mail."
)
MACROS = (
    "This workbook contains macros (.xlsm); for safety, workbooks with macros are refused. Save it as "
    "“Excel Workbook (.xlsx)”, which removes the macros, and upload it again."
)
NO_RESULT = (
    "The cell contains a formula with no saved result; open and save the file in Excel or LibreOffice, "
    "or type the value."
)


def hidden(row: int, shown: str, code: str) -> str:
    return (
        f"Initiatives, row {row}, initiative_id: The id “{shown}” contains an invisible or control "
        f"character ({code}); ids must be plain visible text. Retype it."
    )


def twice(header: str, other: str) -> str:
    return (
        f"Initiatives, {header}: This column and the column {other} are the same column of the "
        "template; keep only one."
    )


# the problems each refused file gets, as `validate` prints them (`sheet, row, column: message`)
EXPECTED: dict[str, list[str]] = {
    "not_a_zip": [f"workbook: {NOT_XLSX}"],
    "truncated_zip": [f"workbook: {DAMAGED}"],
    "zip_bomb": [
        "workbook: The part xl/worksheets/sheet4.xml is compressed 1,029 times (limit 200); the file is "
        "refused as a possible zip bomb."
    ],
    "lying_zip_bomb": [f"workbook: {DAMAGED}"],
    "entity_expansion": [
        "workbook: The file contains an XML document type declaration (DTD) in xl/worksheets/sheet4.xml; "
        "Excel never writes one and it can hide an entity-expansion attack, so the file is refused. Save it "
        "again from Excel or LibreOffice."
    ],
    "million_rows": [
        "workbook: The workbook is too large to read: once opened it would take 166.3 MB (limit 50.0 MB), "
        "more than a backlog of 20,000 initiatives needs. Split the backlog into several files, or remove "
        "unused sheets, images or formatting."
    ],
    "million_compact_rows": [
        "Initiatives: The sheet has more than 20,000 rows of data; reading stopped there. Split the backlog "
        "into several files."
    ],
    "ten_thousand_columns": [
        "Initiatives: The sheet has cells beyond column 500; those cells were not read. Delete the columns "
        "you do not need."
    ],
    "overlong_cell": [
        "Initiatives, row 3, description: The cell holds 32,768 characters (limit 32,767); shorten it."
    ],
    "formulas_without_results": [
        f"Initiatives, row 2, cost: {NO_RESULT}",
        f"Initiatives, row 5, cost: {NO_RESULT}",
    ],
    "macro_workbook_renamed": [f"workbook: {MACROS}"],
    "control_characters": [
        hidden(2, "I-1⟨U+0007⟩", "U+0007"),
        hidden(3, "I-⟨U+000A⟩2", "U+000A"),
        hidden(4, "I-⟨U+202E⟩3", "U+202E"),
        hidden(5, "I-⟨U+200B⟩4", "U+200B"),
    ],
    "duplicate_headers": [twice("Cost", "cost"), twice("nom", "name")],
    "headers_not_on_row_1": [
        "Initiatives: The column headers must be on row 1, and they are on row 3. Delete the rows above them."
    ],
}
# legal, if extreme: they must load, with every character kept
ACCEPTED = ("longest_cells", "emoji_and_right_to_left")


def test_the_corpus_covers_every_file_the_issue_lists():
    assert sorted(CORPUS) == sorted([*EXPECTED, *ACCEPTED])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, build in CORPUS.items():
        paths[name] = folder / f"{name}.xlsx"
        paths[name].write_bytes(build())
    return paths


# --- the reader ----------------------------------------------------------------------------


def problems_of(path: Path, lang: str = "en") -> list[str]:
    """The problems as `validate` prints them (`sheet, row, column: message`)."""
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, lang=lang)
    return [format_problem(p, lang) for p in caught.value.problems]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_reader_refuses_each_hostile_file_with_a_message_saying_why(corpus, name):
    assert problems_of(corpus[name]) == EXPECTED[name]


def test_files_refused_before_any_parsing_are_unsafe_files_the_rest_located_problems(corpus):
    unsafe = {"not_a_zip", "truncated_zip", "zip_bomb", "lying_zip_bomb", "entity_expansion"}
    unsafe |= {"million_rows", "macro_workbook_renamed"}
    for name in EXPECTED:
        with pytest.raises(WorkbookError) as caught:
            read_workbook(corpus[name])
        assert isinstance(caught.value, UnsafeFileError) == (name in unsafe), name


def test_the_longest_cells_excel_allows_are_kept_whole(corpus):
    ws = read_workbook(corpus["longest_cells"]).workspace
    assert [len(i.name) for i in ws.initiatives] == [LONGEST] * 4
    assert {i.description for i in ws.initiatives} == {"🙂" * LONGEST}


def test_emoji_and_right_to_left_text_are_kept_exactly(corpus):
    result = read_workbook(corpus["emoji_and_right_to_left"])
    ws = result.workspace
    assert ws.goal_by_id["G1"].name == EMOJI_RTL["goal"]
    assert ws.initiative_by_id["I-1"].name == EMOJI_RTL["initiative"]
    assert ws.initiative_by_id[EMOJI_RTL["id"]].team == EMOJI_RTL["team"]
    assert [i.initiative_id for i in ws.impacts if i.kpi_id == "CES"] == [EMOJI_RTL["id"]]
    assert [str(n) for n in result.notes] == [
        "ملاحظات 📝: This sheet is not part of the template and was ignored."
    ]


def test_a_sheet_name_with_a_hidden_character_is_shown_with_it_revealed():
    sheets = good_sheets()
    sheets["Notes\u202e\u200b"] = [["free text"]]
    assert [str(n) for n in read_workbook(xlsx(sheets)).notes] == [
        "Notes⟨U+202E⟩⟨U+200B⟩: This sheet is not part of the template and was ignored."
    ]


def test_control_characters_other_than_line_breaks_are_refused_in_any_text():
    sheets = with_cell(good_sheets(), "Initiatives", 2, "name", "Rappel _x001B_[2J client")
    sheets = with_cell(sheets, "Initiatives", 3, "description", "deux\nlignes\tet tabulation")
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(sheets))
    assert [str(p) for p in caught.value.problems] == [
        "Initiatives, row 2, name: The cell contains a control character (U+001B) that has no place in "
        "text; remove it."
    ]


def test_ids_in_dependency_lists_and_groups_are_checked_like_ids():
    sheets = with_cell(good_sheets(), "Initiatives", 4, "depends_on", "I-1; I-\u200d2")
    sheets = with_cell(sheets, "Initiatives", 3, "exclusive_group", "G-A\u2066")
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(sheets))
    assert [str(p) for p in caught.value.problems] == [
        "Initiatives, row 3, exclusive_group: The id “G-A⟨U+2066⟩” contains an invisible or control "
        "character (U+2066); ids must be plain visible text. Retype it.",
        "Initiatives, row 4, depends_on: The id “I-⟨U+200D⟩2” contains an invisible or control "
        "character (U+200D); ids must be plain visible text. Retype it.",
    ]


def test_messages_about_hidden_characters_headers_and_long_cells_are_in_french_too(corpus):
    assert problems_of(corpus["control_characters"], "fr")[2] == (
        "Initiatives, ligne 4, initiative_id: L'identifiant « I-⟨U+202E⟩3 » contient un caractère "
        "invisible ou de contrôle (U+202E) ; un identifiant doit être du texte visible. Retapez-le."
    )
    assert problems_of(corpus["headers_not_on_row_1"], "fr") == [
        "Initiatives: Les en-têtes de colonnes doivent être sur la ligne 1, et ils sont sur la ligne 3. "
        "Supprimez les lignes au-dessus."
    ]
    assert problems_of(corpus["overlong_cell"], "fr") == [
        "Initiatives, ligne 3, description: La cellule contient 32\u202f768 caractères "
        "(limite 32\u202f767) ; raccourcissez-la."
    ]


def test_a_title_above_the_headers_of_a_sheet_with_an_empty_first_row_is_found_too():
    sheets = good_sheets()
    width = len(sheets["Goals"][0])
    sheets["Goals"] = [[None] * width, *sheets["Goals"]]
    assert problems_of_bytes(xlsx(sheets)) == [
        "Goals: The column headers must be on row 1, and they are on row 2. Delete the rows above them."
    ]


def problems_of_bytes(data: bytes) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(data)
    return [str(p) for p in caught.value.problems]


# --- the command line ------------------------------------------------------------------------


# `python -m cxprior validate …`, plus a note of the process's peak resident memory at exit.
# The kernel's rusage figures (wait4, RUSAGE_CHILDREN) cannot be used: at exec a child
# inherits the peak of the process it was forked from, here pytest's own. VmHWM, in
# /proc/self/status, is the peak of the memory map of the program that runs now.
_RUN_AND_MEASURE = """
import atexit, os, runpy, sys

def note_peak():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["CXPRIOR_PEAK_FILE"], "w") as out:
        out.write(peak)

atexit.register(note_peak)
sys.argv = ["cxprior", *sys.argv[1:]]
runpy.run_module("cxprior", run_name="__main__", alter_sys=True)
"""


def validate_in_subprocess(path: Path, *args: str) -> tuple[int, str, str, float, int]:
    """`python -m cxprior validate PATH`: exit code, stdout, stderr, seconds, and the peak
    resident memory of that process in bytes."""
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CXPRIOR_PEAK_FILE": str(peak_file)}
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, "-c", _RUN_AND_MEASURE, "validate", str(path), *args],
                cwd=ROOT,
                env=env,
                capture_output=True,
                timeout=SECONDS,
            )
        except subprocess.TimeoutExpired:
            raise AssertionError(f"validate {path.name} took more than {SECONDS} s") from None
        seconds = time.perf_counter() - started
        peak = int(peak_file.read_text()) * 1024
    return done.returncode, done.stdout.decode(), done.stderr.decode(), seconds, peak


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_validate_on_the_command_line_says_why_without_traceback_in_bounded_time_and_memory(corpus, name):
    code, out, err, seconds, peak = validate_in_subprocess(corpus[name])
    assert "Traceback" not in out + err
    assert seconds <= SECONDS, f"{seconds:.1f} s"
    assert peak < PEAK_BYTES, f"{peak / MB:.0f} MB"
    if name in ACCEPTED:
        assert (code, err) == (0, "")
        assert out.startswith(f"{corpus[name]}: valid workspace.")
    else:
        assert (code, err) == (1, "")
        lines = out.splitlines()
        count = len(EXPECTED[name])
        assert lines[0] == f"{corpus[name]}: {count} problem{'s' if count > 1 else ''} to fix:"
        assert lines[1:] == [f"  {line}" for line in EXPECTED[name]]
