"""The CX director's journey in a real browser: open, upload, budget, optimize, chart, French,
COMEX review, download the portfolio workbook."""

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
    wait_idle(page)
    page.get_by_role("heading", level=1, name=title).wait_for()


def _number_input(page, label: str):
    return page.get_by_test_id("stNumberInput").filter(has_text=label).locator("input")


def test_a_cx_director_goes_from_backlog_to_comex_review(page, app_url):
    SHOTS.mkdir(exist_ok=True)
    page.goto(app_url)
    wait_idle(page)
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    assert page.get_by_text("bundled sample").first.is_visible()

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

    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name="Français").click()
    wait_idle(page)
    page.get_by_role("heading", level=1, name="Scénario").wait_for()
    page.get_by_role("button", name="Soumettre à la revue COMEX").click()
    wait_idle(page)

    _nav(page, "Revue COMEX")
    page.get_by_role("heading", name="Initiatives financées par objectif").wait_for()
    page.get_by_role("heading", name=re.compile("^Écartées, et pourquoi")).wait_for()
    # read-only: no input of any kind in the page body (expect retries while the page settles)
    body = page.get_by_test_id("stMain")
    expect(body.locator("input, textarea")).to_have_count(0)
    page.screenshot(path=str(SHOTS / "review_fr.png"), full_page=True)
    metrics = body.get_by_test_id("stMetric")
    cost_fr = metrics.filter(has_text="Coût").first.get_by_test_id("stMetricValue").inner_text()
    assert re.fullmatch(r"\d{1,3}(\u202f\d{3})*\u00a0€", cost_fr), cost_fr
    funded = int(
        metrics.filter(has_text="Initiatives financées").get_by_test_id("stMetricValue").inner_text()
    )

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger le classeur du portefeuille").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True)
    selected_sheet = book.worksheets[1]
    ids = [row[0] for row in selected_sheet.iter_rows(min_row=2, values_only=True) if row and row[0]]
    assert len(ids) == funded
    assert all(str(i).startswith("HEL-") for i in ids)
