"""Ten COMEX packs downloaded in a row from the review page, five in English and five in
French, of a submitted and of an approved scenario: each one has its first page's charts drawn
(their bars counted in pixels, not only their titles read) and the company's name under the
title, never the workspace's file name.

Two packs of the same content come from the app's cache; the sequence below changes the
scenario, its decision and the language between downloads, and moves between pages, so that
packs are built while the page draws its own charts (where empty charts were once seen)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pytest
from conftest import wait_idle
from pypdf import PdfReader

from cxprior.charts import GOAL_COLOUR, SELECTED_COLOUR

pytestmark = pytest.mark.browser


def coloured_pixels(image, colour: str) -> int:
    target = np.array([int(colour[k : k + 2], 16) for k in (1, 3, 5)])
    pixels = np.asarray(image.convert("RGB"), dtype=int)
    return int((np.abs(pixels - target) <= 12).all(axis=-1).sum())


def first_page(pdf: bytes) -> tuple[str, list]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return page.extract_text(), [picture.image for picture in page.images]


def _go(page, link: str, heading: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=link, exact=True).click()
    wait_idle(page, timeout=120_000)
    try:
        page.get_by_role("heading", level=1, name=heading).wait_for(timeout=120_000)
    except Exception:
        page.screenshot(path="/tmp/go_fail.png")
        raise


def _save_and_submit(page, name: str, total_budget: str | None) -> None:
    field = page.get_by_test_id("stTextInput").filter(has_text="Scenario name").locator("input")
    field.fill(name)
    field.press("Enter")
    wait_idle(page)
    if total_budget is not None:
        page.get_by_test_id("stRadio").get_by_text("one total", exact=True).click()
        wait_idle(page)
        budget = page.get_by_test_id("stNumberInput").filter(has_text="Total budget (€)").locator("input")
        budget.fill(total_budget)
        budget.press("Enter")
        wait_idle(page)
    page.get_by_role("button", name="Run the optimizer").click()
    wait_idle(page, timeout=120_000)
    page.get_by_role("heading", name=re.compile("^Result: ")).wait_for()
    page.get_by_role("button", name="Save", exact=True).click()
    wait_idle(page)
    # each action's run must be over before the next click, or a page change would drop it
    page.get_by_text(f"Scenario “{name}” is saved.").wait_for(timeout=120_000)
    page.get_by_role("button", name="Hand to COMEX for review").click()
    wait_idle(page)
    page.get_by_text(f"{name} is now the scenario COMEX reviews.").wait_for(timeout=120_000)


def _pick(page, scenario: str) -> None:
    picker = page.get_by_test_id("stMain").get_by_test_id("stSelectbox").first
    picker.scroll_into_view_if_needed()
    if scenario in picker.inner_text():
        return
    picker.click()
    page.keyboard.type(scenario)
    page.get_by_role("option", name=re.compile(f"^{scenario}")).click()
    wait_idle(page, timeout=120_000)
    page.get_by_role("heading", level=2, name=scenario).wait_for()


def _download(page, button: str) -> bytes:
    # the review page's own button (by its key): while a run redraws the page, the button of
    # the run before may still stand beside it
    wait_idle(page, timeout=120_000)
    with page.expect_download(timeout=120_000) as download:
        page.locator(".st-key-review_pack_pdf").get_by_role("button", name=button).click()
    return Path(download.value.path()).read_bytes()


def test_ten_packs_in_a_row_from_the_review_page_all_have_their_charts(browser, own_app_url):
    context = browser.new_context(
        locale="en-GB", accept_downloads=True, viewport={"width": 1400, "height": 1000}
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{own_app_url}/?author=Claire%20Martin")
    wait_idle(page, timeout=120_000)  # the first start saves the bundled sample
    _go(page, "Scenario", "Scenario")
    _save_and_submit(page, "Yearly budgets", None)

    packs: list[tuple[str, str, bytes]] = []
    _go(page, "COMEX review", "COMEX review")
    packs.append(("en", "Yearly budgets", _download(page, "COMEX pack (PDF)")))
    # the decision changes the pack's content (its decision log): a new build, not the cache
    page.get_by_test_id("stMain").locator("textarea").fill("Approved for 2026.")
    page.get_by_test_id("stMain").locator("textarea").press("Control+Enter")
    wait_idle(page)
    page.get_by_role("button", name="Approve").click()
    wait_idle(page, timeout=120_000)
    page.get_by_text(re.compile("^Status: approved")).wait_for(timeout=120_000)
    packs.append(("en", "Yearly budgets", _download(page, "COMEX pack (PDF)")))

    # one scenario at a time is handed over: the second comes once the first is decided
    _go(page, "Scenario", "Scenario")
    _save_and_submit(page, "Tight total", "2500000")
    _go(page, "Customer journey", "Customer journey")  # a page full of charts in between
    _go(page, "COMEX review", "COMEX review")
    for scenario in ("Tight total", "Yearly budgets", "Tight total"):
        _pick(page, scenario)
        packs.append(("en", scenario, _download(page, "COMEX pack (PDF)")))

    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name="Français").click()
    wait_idle(page, timeout=120_000)
    page.get_by_role("heading", level=1, name="Revue COMEX").wait_for(timeout=120_000)
    for scenario in ("Yearly budgets", "Tight total", "Yearly budgets", "Tight total", "Yearly budgets"):
        _pick(page, scenario)
        packs.append(("fr", scenario, _download(page, "Dossier COMEX (PDF)")))
        if scenario == "Tight total":
            _go(page, "Parcours client", "Parcours client")
            _go(page, "Revue COMEX", "Revue COMEX")
    context.close()

    assert [language for language, _, _ in packs] == ["en"] * 5 + ["fr"] * 5
    for language, scenario, pdf in packs:
        text, images = first_page(pdf)
        where = f"{language} pack of {scenario}"
        assert "Hélios Énergie" in text, where
        assert "cx_workspace_fr" not in text, where
        # page 1 has the value-by-goal bars and the cost-by-period bars: thousands of pixels each
        assert max(coloured_pixels(image, GOAL_COLOUR) for image in images) > 1000, where
        assert max(coloured_pixels(image, SELECTED_COLOUR) for image in images) > 1000, where
