"""User text is shown and exported as text: never HTML, never a formula, never a link.

Names such as `**x**`, `[link](javascript:…)` or `<img onerror>` are data, not markup. This
file checks the text helpers, the exports (workspace workbook, portfolio workbook, COMEX
pack in Excel and PDF) and the sources of the pages; test_app_access.py and
test_app_hostile.py check what AppTest shows.
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cxprior.domain import Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Scenario, Workspace
from cxprior.portfolio import optimize
from cxprior.report import write_pack_pdf, write_pack_xlsx
from cxprior.workbook import (
    ID_FORBIDDEN,
    forbidden_in_id,
    forbidden_in_text,
    one_line,
    read_workbook,
    reveal,
    unescape_xstring,
    write_workspace,
)

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (
    "**gras** et _italique_",
    "[cliquez ici](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    '=HYPERLINK("http://evil.example","clic")',
    "+33 1 23 45 67 89",
    "-2+3",
    "@SUM(A1:A9)",
    "\tonglet",
    "$x^2$ et :material/warning: et :red[rouge]",
    "Plan _x0041_ littéral",
)


# --- hidden characters -------------------------------------------------------------------------


def test_ids_may_hold_no_control_line_break_or_format_character():
    assert forbidden_in_id("I-1") is None
    assert forbidden_in_id("I-🚀 é") is None
    assert [forbidden_in_id(f"I{c}1") for c in "\x07\n\t\x1b\u202e\u200b\ufeff\u00ad\x85"] == list(
        "\x07\n\t\x1b\u202e\u200b\ufeff\u00ad\x85"
    )


def test_text_may_hold_tabs_and_line_breaks_but_no_other_control_character():
    assert forbidden_in_text("deux\nlignes\tet\r\nretour") is None
    assert forbidden_in_text("droite \u202e gauche") is None  # shown revealed, not refused
    assert forbidden_in_text("efface\x1b[2J") == "\x1b"
    assert forbidden_in_text("nul\x00") == "\x00"


def test_the_format_characters_written_out_are_every_format_character_of_unicode():
    format_characters = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert [c for c in format_characters if not ID_FORBIDDEN.match(c)] == []


def test_hidden_characters_are_revealed_and_lines_kept_on_one_line():
    assert reveal("I-\u202e3\u200b") == "I-⟨U+202E⟩3⟨U+200B⟩"
    assert reveal("a\nb\tc") == "a\nb\tc"
    assert reveal("a\nb", breaks=True) == "a⟨U+000A⟩b"
    assert one_line("Initiative\nfausse ligne\x1b[31m\u202erouge") == (
        "Initiative fausse ligne⟨U+001B⟩[31m⟨U+202E⟩rouge"
    )


def test_office_escapes_are_decoded_as_excel_does():
    assert unescape_xstring("I-1_x0007_") == "I-1\x07"
    assert unescape_xstring("_x005F_x0041_") == "_x0041_"
    assert unescape_xstring("a_x00e9_b _x12_ _xD83D_") == "aéb _x12_ _xD83D_"
    assert unescape_xstring("rien à décoder") == "rien à décoder"


# --- exports -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_workspace() -> Workspace:
    """Every text field of a small workspace holds one of the hostile strings."""
    initiatives = tuple(
        Initiative(
            f"I-{n}",
            text,
            100.0 + n,
            team=text,
            owner=HOSTILE[-1 - n],
            journey_phase=f"Phase {text[:12]}",
            exclusive_group="",
            description=text,
        )
        for n, text in enumerate(HOSTILE)
    )
    return Workspace(
        goals=(Goal("G1", HOSTILE[0], 1.0, HOSTILE[1]), Goal("G2", HOSTILE[2], 2.0, HOSTILE[4])),
        kpis=(Kpi("NPS", HOSTILE[3], Direction.INCREASE, 0.0, 10.0, HOSTILE[5]),),
        links=(KpiGoalLink("NPS", "G1", 1.0), KpiGoalLink("NPS", "G2", 0.5)),
        initiatives=initiatives,
        impacts=tuple(Impact(i.initiative_id, "NPS", 1.0 + n) for n, i in enumerate(initiatives)),
    )


@pytest.fixture(scope="module")
def solved(hostile_workspace):
    total = sum(i.cost for i in hostile_workspace.initiatives)
    return optimize(hostile_workspace, Scenario(budget_total=total / 2), lang="fr")


def cells(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def exports(ws: Workspace, result) -> dict[str, bytes]:
    return {
        "workspace": write_workspace(ws, "fr"),
        "pack": write_pack_xlsx(ws, result, lang="fr", company=HOSTILE[4]),
    }


def test_no_exported_cell_is_a_formula_and_hostile_text_is_written_as_typed(hostile_workspace, solved):
    for name, data in exports(hostile_workspace, solved).items():
        everything = cells(data)
        assert [c.coordinate for c in everything if c.data_type == "f"] == [], name
        texts = {str(c.value) for c in everything if c.value is not None}
        for text in ("[cliquez ici](javascript:alert(1))", "<img src=x onerror=alert(1)>", "@SUM(A1:A9)"):
            assert any(text in t for t in texts), (name, text)


def test_text_that_spreadsheets_would_read_as_a_formula_is_marked_as_text_for_excel(hostile_workspace):
    initiatives = load_workbook(io.BytesIO(write_workspace(hostile_workspace)))["Initiatives"]
    names = {row[1].value: row[1] for row in initiatives.iter_rows(min_row=2)}
    for text in ('=HYPERLINK("http://evil.example","clic")', "+33 1 23 45 67 89", "-2+3", "@SUM(A1:A9)"):
        assert str(names[text].value) == text and names[text].quotePrefix, text


def test_hostile_text_comes_back_from_the_workspace_workbook_exactly(hostile_workspace):
    back = read_workbook(write_workspace(hostile_workspace, "fr")).workspace
    # cells are read trimmed, like every cell (the leading tab goes)
    assert [i.name for i in back.initiatives] == [text.strip() for text in HOSTILE]
    assert [i.description for i in back.initiatives] == [text.strip() for text in HOSTILE]
    assert back.goals == hostile_workspace.goals


def test_the_pdf_pack_prints_hostile_text_literally_and_holds_no_link(hostile_workspace, solved):
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(write_pack_pdf(hostile_workspace, solved, lang="fr", company=HOSTILE[1])))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    assert "[cliquez ici](javascript:alert(1))" in text
    assert "<img src=x onerror=alert(1)>" in text or "<img src=x" in text
    links = [
        annotation.get_object().get("/A", {})
        for page in pdf.pages
        for annotation in page.get("/Annots", []) or []
    ]
    assert [link for link in links if "javascript" in str(link).casefold()] == []


def test_an_initiative_named_like_a_formula_stays_text_through_a_round_trip_of_the_pack(
    hostile_workspace, solved
):
    selected = [i for i in hostile_workspace.initiatives if i.initiative_id in solved.selected]
    assert selected, "the budget funds some initiatives"
    pack = cells(write_pack_xlsx(hostile_workspace, solved, lang="en"))
    # as Excel shows them: openpyxl leaves Office's _x005F_ escape in inline strings
    shown = {unescape_xstring(str(c.value)) for c in pack if c.value is not None}
    assert {i.name for i in selected} <= shown


# --- the pages ---------------------------------------------------------------------------------

UI_SOURCES = sorted([ROOT / "app.py", *(ROOT / "ui").glob("*.py"), *(ROOT / "views").glob("*.py")])


@pytest.mark.parametrize("path", UI_SOURCES, ids=lambda p: p.name)
def test_no_page_lets_streamlit_interpret_html(path):
    source = path.read_text()
    assert (
        re.findall(r"unsafe_allow_html\s*=\s*True|\bst\.html\(|components\.v1|components\.html", source) == []
    )


def test_markdown_escaping_leaves_no_markup_active():
    import ui

    for text in HOSTILE:
        escaped = ui.md(text)
        assert re.search(r"(?<!\\)[*_\[\]()<>`$:]", escaped) is None, escaped


# --- what the app shows (AppTest) ----------------------------------------------------------------

# raw markup a hostile name would bring into Markdown if it were not escaped
MARKUP = ("**gras**", "](javascript:", "<img src=x", "<script>", "$x^2$", ":red[", ":material/warning:")
# elements whose text is plain (shown as typed, no Markdown): nothing to escape there
PLAIN = ("text", "code", "json", "arrow_data_frame", "arrow_table", "exception", "dataframe", "table")


def _markdown_strings(at) -> list[str]:
    """Every string the app hands to Streamlit as Markdown: bodies, labels, help texts."""
    found = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is not None and kind not in PLAIN:
            for name in ("body", "label", "help", "placeholder"):
                value = getattr(proto, name, None)
                if isinstance(value, str) and value:
                    found.append(value)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


@pytest.fixture
def hostile_app(hostile_workspace, tmp_path, monkeypatch):
    """The app with the hostile workspace uploaded, a scenario named like markup run twice,
    and one of them handed to COMEX."""
    monkeypatch.setenv("CXPRIOR_DB_PATH", str(tmp_path / "cxprior.db"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    from app_helpers import open_page, start, upload

    at = start()
    upload(open_page(at, "backlog"), "hostile.xlsx", write_workspace(hostile_workspace))
    scenario = open_page(at, "scenario")
    for name, budget in (
        ("**Plan** <img src=x onerror=alert(1)>", 600.0),
        ("[B](javascript:alert(2))", 400.0),
    ):
        scenario.text_input(key="scenario_name").set_value(name)
        scenario.number_input(key="scenario_budget_total").set_value(budget)
        scenario.button(key="scenario_run").click().run()
        # saved, so that Compare lists it (it compares saved scenarios only)
        scenario.button(key="scenario_save").click().run()
    scenario.button(key="scenario_submit_review").click().run()
    return at


def test_no_page_turns_user_text_into_markup(hostile_app):
    from app_helpers import PAGES, failures, open_page

    import ui

    everything = []
    for page in (*PAGES, "journey", "maturity"):
        at = open_page(hostile_app, page)
        assert failures(at) == [], page
        strings = _markdown_strings(at)
        assert [s for s in strings if any(m in s for m in MARKUP)] == [], page
        everything += strings
    # the hostile names are on screen, escaped: the check above had something to look at
    for text in ("**Plan** <img src=x onerror=alert(1)>", HOSTILE[0], HOSTILE[2]):
        assert any(ui.md(text) in s for s in everything), text


def test_the_check_above_would_see_unescaped_markup():
    """The walker finds what a careless page would show: Markdown built from raw user text."""
    from streamlit.testing.v1 import AppTest

    def careless() -> None:
        import streamlit as st

        st.markdown("Initiative **gras** et _italique_")
        st.caption("[cliquez ici](javascript:alert(1))")
        st.text("<img src=x onerror=alert(1)>")  # plain text: harmless, not reported

    at = AppTest.from_function(careless).run()
    assert [s for s in _markdown_strings(at) if any(m in s for m in MARKUP)] == [
        "Initiative **gras** et _italique_",
        "[cliquez ici](javascript:alert(1))",
    ]
