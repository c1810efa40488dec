"""Characters that reorder or hide text are neutralised once, on read, for everything shown.

"abc" + RIGHT-TO-LEFT OVERRIDE + "gnp.exe" + POP DIRECTIONAL FORMATTING displays as
"abcexe.png". Read from any text cell of a workbook, or given to the store as a name, a note or
a comment, it becomes "abc⟨U+202E⟩gnp.exe⟨U+202C⟩" (the token `reveal` writes, U+27E8 and
U+27E9 around the code point), so pages, tooltips, PDF, Excel and the command line all show the
same visible text. Ids are refused instead: they must match exactly.
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from workbooks import good_sheets, with_cell, xlsx

from cxprior.cli import main
from cxprior.domain import Scenario, WorkbookError
from cxprior.portfolio import optimize
from cxprior.report import build_comex_pack
from cxprior.store import Person
from cxprior.workbook import (
    ID_FORBIDDEN,
    contract,
    neutralise,
    read_workbook,
    reveal,
    validate_initiatives_frame,
    workspace_to_frames,
)

HOSTILE = "abc\u202egnp.exe\u202c"
SHOWN = "abc⟨U+202E⟩gnp.exe⟨U+202C⟩"
# what neutralise replaces: bidirectional controls, zero-width and other invisible characters
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
ANY_NEUTRALISED = re.compile(
    f"[{BIDI}{ZERO_WIDTH}\u180e\u2061-\u2064\u206a-\u206f\U000e0001\U000e0020-\U000e007f]"
)


# --- the function ------------------------------------------------------------------------------


@pytest.mark.parametrize("char", BIDI + ZERO_WIDTH, ids=lambda c: f"U+{ord(c):04X}")
def test_each_bidirectional_control_and_zero_width_character_becomes_its_visible_token(char):
    assert neutralise(f"a{char}b") == f"a⟨U+{ord(char):04X}⟩b"


def test_the_token_is_the_one_reveal_writes_and_neutralising_twice_changes_nothing():
    assert neutralise(HOSTILE) == SHOWN == reveal(HOSTILE)
    assert neutralise(SHOWN) == SHOWN


def test_visible_text_of_any_script_is_kept_exactly():
    for text in ("Fidélité 💙 وفاء", "Rappel client 📞 שירות", "I-🚀", "coût\u00a0total", "co\u00adopérer"):
        assert neutralise(text) == text  # the soft hyphen is shown where a word breaks: kept


def test_only_format_characters_are_neutralised():
    # a letter, a digit or a space is never turned into a token
    replaced = [chr(c) for c in range(sys.maxunicode + 1) if neutralise(chr(c)) != chr(c)]
    assert {unicodedata.category(c) for c in replaced} == {"Cf"}
    assert all(ID_FORBIDDEN.match(c) for c in replaced)  # and every one is refused in an id
    assert set(BIDI + ZERO_WIDTH) <= set(replaced)


# --- every text column of the workbook ---------------------------------------------------------

# (sheet, Excel row, column, where the read workspace keeps the cell)
SHOWN_TEXT = [
    ("Goals", 2, "name", lambda ws: ws.goal_by_id["G1"].name),
    ("Goals", 2, "description", lambda ws: ws.goal_by_id["G1"].description),
    ("KPIs", 2, "name", lambda ws: ws.kpi_by_id["NPS"].name),
    ("KPIs", 2, "unit", lambda ws: ws.kpi_by_id["NPS"].unit),
    ("Initiatives", 2, "name", lambda ws: ws.initiative_by_id["I-1"].name),
    ("Initiatives", 2, "team", lambda ws: ws.initiative_by_id["I-1"].team),
    ("Initiatives", 2, "owner", lambda ws: ws.initiative_by_id["I-1"].owner),
    ("Initiatives", 2, "journey_phase", lambda ws: ws.initiative_by_id["I-1"].journey_phase),
    ("Initiatives", 2, "description", lambda ws: ws.initiative_by_id["I-1"].description),
]
# text columns that are not shown as typed: ids (refused) and words (matched against a list)
EXACT = {"exclusive_group", "period", "latest_start"}
WORDS = {"direction", "side", "competency"}
# Capacity and Effort name the Initiatives' teams: tested together below
ROADMAP_TEAMS = {("Capacity", "team"), ("Effort", "team")}


def test_the_table_covers_every_text_column_the_contract_shows():
    shown = {(sheet, column) for sheet, _, column, _ in SHOWN_TEXT} | ROADMAP_TEAMS
    for spec in contract.SHEETS:
        for column in spec.columns:
            if column.kind != "text" or column.key.endswith("_id") or column.key in EXACT | WORDS:
                continue
            assert (spec.key, column.key) in shown, f"{spec.key}.{column.key} is shown: add it to SHOWN_TEXT"


@pytest.mark.parametrize(
    ("sheet", "row", "column", "read"), SHOWN_TEXT, ids=lambda v: v if isinstance(v, str) else None
)
def test_a_hidden_character_in_a_text_cell_is_shown_as_its_token_once_read(sheet, row, column, read):
    ws = read_workbook(xlsx(with_cell(good_sheets(), sheet, row, column, HOSTILE))).workspace
    assert read(ws) == SHOWN


def test_the_teams_of_the_roadmap_sheets_still_match_the_initiatives_team():
    # neutralised the same way on each sheet, a team with a hidden character stays one team
    sheets = with_cell(good_sheets(), "Initiatives", 2, "team", HOSTILE)
    sheets["Capacity"] = [["team", "period", "capacity"], [HOSTILE, "2026", 10]]
    sheets["Effort"] = [["initiative_id", "team", "period", "effort"], ["I-1", HOSTILE, "2026", 4]]
    ws = read_workbook(xlsx(sheets)).workspace
    assert ws.initiative_by_id["I-1"].team == SHOWN
    assert [c.team for c in ws.capacities] == [SHOWN]
    assert [e.team for e in ws.efforts] == [SHOWN]


def test_a_word_with_a_hidden_character_is_refused_and_quoted_with_its_token():
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(with_cell(good_sheets(), "KPIs", 2, "direction", "increase\u200b")))
    assert [str(p) for p in caught.value.problems] == [
        "KPIs, row 2, direction: “increase⟨U+200B⟩” is not a direction; write increase or decrease "
        "(hausse or baisse)."
    ]


def test_ids_taken_from_headers_are_refused_like_ids_in_cells():
    sheets = good_sheets()
    sheets["Initiatives"][0][sheets["Initiatives"][0].index("cost_2027")] = "cost_2027\u202e"
    sheets["Initiatives"][0].append("impact:NPS\u200b")
    for line in sheets["Initiatives"][1:]:
        line.append(None)
    sheets["Budget"] = [["period", "budget"], ["total", 400]]
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(sheets))
    assert [str(p) for p in caught.value.problems] == [
        "Initiatives, cost_2027⟨U+202E⟩: The id “2027⟨U+202E⟩” contains an invisible or control character "
        "(U+202E); ids must be plain visible text. Retype it.",
        "Initiatives, impact:NPS⟨U+200B⟩: The id “NPS⟨U+200B⟩” contains an invisible or control character "
        "(U+200B); ids must be plain visible text. Retype it.",
    ]


def test_an_edited_initiatives_table_is_neutralised_by_the_same_rules():
    ws = read_workbook(xlsx(good_sheets())).workspace
    frame = workspace_to_frames(ws)["Initiatives"].copy()
    frame.loc[frame.index[0], "name"] = HOSTILE
    frame.loc[frame.index[0], "owner"] = "Ana\u2066"
    edited = validate_initiatives_frame(frame, ws)
    first = edited.initiatives[0]
    assert (first.name, first.owner) == (SHOWN, "Ana⟨U+2066⟩")


# --- what the store receives -------------------------------------------------------------------


def test_free_text_given_to_the_store_is_neutralised_as_it_is_saved(store):
    ws = read_workbook(xlsx(good_sheets())).workspace
    saved = store.save_workspace(f"Acme {HOSTILE}", ws, Person(f"Alice {HOSTILE}"), None, note=HOSTILE)
    assert (saved.name, saved.author.name, saved.note) == (f"Acme {SHOWN}", f"Alice {SHOWN}", SHOWN)
    assert store.load_workspace(f"Acme {HOSTILE}").meta.name == f"Acme {SHOWN}"
    scenario = Scenario(HOSTILE, budget_total=400.0, force_in=("I-1",), force_reasons={"I-1": HOSTILE})
    result = optimize(ws, scenario)
    kept = store.save_scenario(scenario, result, saved, HOSTILE)
    assert kept.scenario.name == SHOWN
    assert kept.scenario.force_reasons == {"I-1": SHOWN}
    submitted = store.submit_scenario(kept.scenario_id, "Bo", f"OK {HOSTILE}", kept.version)
    decisions = store.decision_log(submitted.scenario_id)
    assert [d.author.name for d in decisions] == [SHOWN, "Bo"]
    assert decisions[-1].comment == f"OK {SHOWN}"


# --- the exports and the command line ----------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory):
    """A workspace with the hidden characters in every text column that is shown."""
    sheets = good_sheets()
    for sheet, row, column, _ in SHOWN_TEXT:
        sheets = with_cell(sheets, sheet, row, column, HOSTILE)
    for n in (3, 4, 5):  # every initiative's name and description too
        sheets = with_cell(sheets, "Initiatives", n, "name", f"{HOSTILE} {n}")
        sheets = with_cell(sheets, "Initiatives", n, "description", HOSTILE)
    path = tmp_path_factory.mktemp("hidden") / "book.xlsx"
    path.write_bytes(xlsx(sheets))
    return path


def test_the_comex_pack_pdf_and_excel_hold_no_hidden_character(hostile_book):
    ws = read_workbook(hostile_book).workspace
    result = optimize(ws, Scenario(HOSTILE, budget_total=400.0))
    decisions = [{"status": "approved", "author": HOSTILE, "comment": HOSTILE}]
    pack = build_comex_pack(ws, result, decisions=decisions, company=HOSTILE, lang="fr")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pack.pdf)).pages)
    assert ANY_NEUTRALISED.search(text) is None
    assert "U+202E" in "".join(text.split())  # the token is printed
    book = load_workbook(io.BytesIO(pack.xlsx))
    texts = [c.value for s in book.worksheets for r in s.iter_rows() for c in r if isinstance(c.value, str)]
    assert [t for t in texts if ANY_NEUTRALISED.search(t)] == []
    assert SHOWN in texts  # the company, the scenario name, the goal and KPI names


def test_the_command_line_prints_no_hidden_character(hostile_book, capsys, tmp_path):
    # the Budget sheet's 250 for 2026 is less than the mandatory I-2 and its prerequisite I-1 cost
    # (300): that infeasible scenario's explanation names them too
    book = str(hostile_book)
    runs = {
        "infeasible": (["optimize", book], 2),
        "summary": (["optimize", book, "--budget-period", "2026=400"], 0),
        "json": (["optimize", book, "--budget-period", "2026=400", "--json", "-"], 0),
        "validate": (["validate", book], 0),
        "frontier": (["frontier", book, "--points", "2"], 0),
    }
    outputs = {}
    for name, (argv, code) in runs.items():
        assert main(argv) == code, name
        captured = capsys.readouterr()
        outputs[name] = captured.out + captured.err
        assert ANY_NEUTRALISED.search(outputs[name]) is None, name
    assert f"I-1 ({SHOWN}, €100)" in outputs["infeasible"]
    assert f"  I-1  {SHOWN}  €150" in outputs["summary"]
