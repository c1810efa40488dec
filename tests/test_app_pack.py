"""The COMEX pack from the app: download buttons on the Scenario and COMEX pages, and the bytes
they serve — the Excel and PDF pack of the run shown, with the saved scenario's decision log,
built once per content (the PDF takes about a second)."""

from __future__ import annotations

import io

from app_helpers import (
    database_path,
    failures,
    open_page,
    start,
)
from openpyxl import load_workbook
from pypdf import PdfReader
from test_app_saved_scenarios import session
from test_app_scenario import run_scenario

from cxprior.store import Store
from ui import pack


def pack_buttons(at):
    return {b.key: b.label for b in at.main.get("download_button")}


def test_the_scenario_page_offers_the_pack_in_excel_and_pdf_in_the_interface_language():
    at = session()
    run_scenario(at, 300.0, name="Large")
    assert pack_buttons(at) == {
        "scenario_pack_xlsx": "COMEX pack (Excel)",
        "scenario_pack_pdf": "COMEX pack (PDF)",
    }
    at.selectbox(key="sidebar_language").set_value("fr").run()
    assert pack_buttons(at) == {
        "scenario_pack_xlsx": "Dossier COMEX (Excel)",
        "scenario_pack_pdf": "Dossier COMEX (PDF)",
    }


def test_an_infeasible_run_has_no_pack():
    at = session()
    run_scenario(at, 40.0)
    assert failures(at) == []
    assert pack_buttons(at) == {}


def approved_run():
    """A scenario saved, submitted and approved in the app; its run and decision log."""
    at = session()
    run_scenario(at, 300.0, name="Proposition")
    at.button(key="scenario_submit_review").click().run()
    comex = open_page(start(author="Marc Durand"), "review")
    comex.text_area(key="review_comment").set_value("Go, with quarterly reviews.")
    comex.button(key="review_approve").click().run()
    assert pack_buttons(comex) == {
        "review_pack_xlsx": "COMEX pack (Excel)",
        "review_pack_pdf": "COMEX pack (PDF)",
    }
    with Store.open(str(database_path())) as db:
        log = db.decision_log(1)
    return at.session_state["scenario_runs"]["Proposition"], log


def test_the_excel_pack_holds_the_portfolio_and_the_decision_log():
    run, log = approved_run()
    entries = pack.decision_entries(log)
    assert [(e.status, e.author, e.comment) for e in entries] == [
        ("draft", "Claire Martin", ""),
        ("submitted", "Claire Martin", ""),
        ("approved", "Marc Durand", "Go, with quarterly reviews."),
    ]
    data = pack.pack_bytes("xlsx", run.workspace, run.result, key="approved", decisions=entries, lang="en")
    book = load_workbook(io.BytesIO(data), read_only=True)
    assert {"Summary", "Portfolio", "Left out", "Frontier", "Decisions"} <= set(book.sheetnames)
    cells = [str(c) for row in book["Decisions"].iter_rows(values_only=True) for c in row if c is not None]
    assert "Marc Durand" in cells and "Go, with quarterly reviews." in cells
    funded = [
        row[0]
        for row in book["Portfolio"].iter_rows(min_row=2, values_only=True)
        if row[0] in {"A", "B", "C", "D", "M"}
    ]
    assert sorted(funded) == ["A", "B", "D", "M"]


def test_the_pdf_pack_is_built_once_per_content_and_language():
    run, log = approved_run()
    entries = pack.decision_entries(log)
    first = pack.pack_bytes("pdf", run.workspace, run.result, key="pdf-case", decisions=entries, lang="fr")
    again = pack.pack_bytes("pdf", run.workspace, run.result, key="pdf-case", decisions=entries, lang="fr")
    assert again is first
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(first)).pages)
    assert "Marc Durand" in text
    assert "Approuvé" in text
    english = pack.pack_bytes("pdf", run.workspace, run.result, key="pdf-case", decisions=entries, lang="en")
    assert english is not first and english.startswith(b"%PDF")
