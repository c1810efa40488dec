"""The CX director's journey in a real browser: open, give a name, upload, budget, optimize,
chart, save, French, hand to COMEX, approve on the COMEX page, download the pack (PDF and
Excel), then refresh the browser and find the saved scenario and its decision still there."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import ROOT, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
SHOTS = Path("/tmp/cxprior_journey")


def _nav(page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    # the review page draws the whole portfolio, its assumptions and the weights section: on a
    # loaded 2-core machine its first run can take longer than Playwright's default 30 s
    wait_idle(page, timeout=120_000)
    page.get_by_role("heading", level=1, name=title).wait_for(timeout=120_000)


def _number_input(page, label: str):
    return page.get_by_test_id("stNumberInput").filter(has_text=label).locator("input")


def test_a_cx_director_goes_from_backlog_to_comex_review(page, app_url):
    SHOTS.mkdir(exist_ok=True)
    page.goto(app_url)
    wait_idle(page)
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    assert page.get_by_text("bundled sample").first.is_visible()
    _give_name(page, "Claire Martin")

    _nav(page, "Backlog")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(SAMPLE))
    wait_idle(page)
    page.get_by_text("cx_workspace_fr.xlsx is valid and is now the workspace.").wait_for()
    assert page.get_by_text("uploaded cx_workspace_fr.xlsx").first.is_visible()

    _nav(page, "Scenario")
    page.get_by_test_id("stRadio").get_by_text("one total", exact=True).click()
    wait_idle(page)
    budget = _number_input(page, "Total budget (€)")
    budget.fill("2500000")
    page.get_by_role("button", name="Run the optimizer").click()
    wait_idle(page, timeout=120_000)
    page.get_by_role("heading", name=re.compile("^Result: ")).wait_for()
    cost = page.get_by_test_id("stMetric").filter(has_text="Cost").first.get_by_test_id("stMetricValue")
    amount = int(re.sub(r"[^\d]", "", cost.inner_text()))
    assert 0 < amount <= 2_500_000

    page.get_by_test_id("stButtonGroup").get_by_text("Value vs cost", exact=True).click()
    wait_idle(page)
    chart = page.get_by_test_id("stVegaLiteChart").locator("canvas, svg").first
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 200
    page.screenshot(path=str(SHOTS / "scenario_en.png"), full_page=True)
    page.get_by_role("button", name="Save", exact=True).click()
    wait_idle(page)
    page.get_by_text("Saved as scenario #1, version 1, status “draft”.").wait_for()

    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name="Français").click()
    wait_idle(page)
    page.get_by_role("heading", level=1, name="Scénario").wait_for()
    page.get_by_role("button", name="Soumettre à la revue COMEX").click()
    # on a loaded machine the submission's run may not have begun when wait_idle looks: a click
    # on the sidebar during that run is dropped, so wait for the submission's own message
    page.get_by_text("est désormais le scénario soumis au COMEX").wait_for(timeout=120_000)
    wait_idle(page)

    _nav(page, "Revue COMEX")
    page.get_by_role("heading", name="Initiatives financées par objectif").wait_for()
    page.get_by_role("heading", name=re.compile("^Écartées, et pourquoi")).wait_for()
    # nothing edits the scenario here: the only inputs are the scenario picker and the comment
    body = page.get_by_test_id("stMain")
    for kind in ("stNumberInput", "stFileUploader", "stMultiSelect", "stDataFrameGlideDataEditor"):
        expect(body.get_by_test_id(kind)).to_have_count(0)
    expect(body.locator("textarea")).to_have_count(1)
    page.screenshot(path=str(SHOTS / "review_fr.png"), full_page=True)
    metrics = body.get_by_test_id("stMetric")
    cost_fr = metrics.filter(has_text="Coût").first.get_by_test_id("stMetricValue").inner_text()
    assert re.fullmatch(r"\d{1,3}(\u202f\d{3})*\u00a0€", cost_fr), cost_fr
    funded = int(
        metrics.filter(has_text="Initiatives financées").get_by_test_id("stMetricValue").inner_text()
    )

    body.locator("textarea").fill("Validé pour 2026.")
    body.locator("textarea").press("Control+Enter")
    wait_idle(page)
    page.get_by_role("button", name="Approuver").click()
    wait_idle(page)
    page.get_by_text(re.compile("^Statut : approuvé — dernière étape par Claire Martin")).wait_for()
    log = body.get_by_test_id("stDataFrame").last
    expect(log).to_contain_text("Validé pour 2026.")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Dossier COMEX (PDF)").click()
    pdf = download_info.value
    assert pdf.suggested_filename == "dossier_comex_Scenario_1.pdf"
    content = Path(pdf.path()).read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 20_000
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Validé pour 2026." in text

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Dossier COMEX (Excel)").click()
    download = download_info.value
    assert download.suggested_filename == "dossier_comex_Scenario_1.xlsx"
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True)
    ids = [
        row[0] for row in book["Portefeuille"].iter_rows(values_only=True) if str(row[0]).startswith("HEL-")
    ]
    assert len(ids) == funded

    # a browser refresh is a new session: the saved scenario and the decision are still there
    page.reload()  # still on the COMEX page, now in the browser's language
    wait_idle(page)
    page.get_by_role("heading", level=1, name="COMEX review").wait_for()
    page.get_by_role("heading", name="Scenario 1").wait_for()
    page.get_by_text(re.compile("^Status: approved — last step by Claire Martin")).wait_for()
    _nav(page, "Scenario")
    page.get_by_text("Saved scenarios (1)").wait_for()
    page.screenshot(path=str(SHOTS / "after_refresh_en.png"), full_page=True)


def _give_name(page, name: str) -> None:
    field = page.get_by_test_id("stSidebar").get_by_label("Your name", exact=True)
    field.fill(name)
    field.press("Enter")
    wait_idle(page)
