"""The follow-up journey in a real browser, on a server of its own (it approves a scenario and
saves a new workspace version, which the shared server's other journeys must not see): the
sample's scenario handed to COMEX and approved, the Follow-up page, the sample follow-up
uploaded, its alerts, "Re-plan from 2027" with what enters and leaves side by side, then the
re-plan saved and opened as a draft on the Scenario page, its changes beside each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, wait_idle
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FOLLOWUP = ROOT / "sample_data" / "suivi_fr.xlsx"
SHOTS = Path("/tmp/cxprior_journey")
SLOW = 120_000  # a page change on a loaded 2-core machine


def _nav(page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    wait_idle(page, timeout=SLOW)
    page.get_by_role("heading", level=1, name=title).wait_for(timeout=SLOW)


def test_approval_follow_up_and_replan_in_the_browser(browser, own_app_url):
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(own_app_url)
        wait_idle(page, timeout=SLOW)  # the first start saves the bundled sample
        field = page.get_by_test_id("stSidebar").get_by_label("Your name", exact=True)
        field.fill("Claire Martin")
        field.press("Enter")
        wait_idle(page)

        # the sample's scenario, run, handed to COMEX and approved
        _nav(page, "Scenario")
        page.get_by_role("button", name="Run the optimizer").click()
        wait_idle(page, timeout=SLOW)
        page.get_by_role("heading", name=re.compile("^Result: ")).wait_for(timeout=SLOW)
        page.get_by_role("button", name="Hand to COMEX for review").click()
        wait_idle(page, timeout=SLOW)
        # handed over: the button now withdraws it (the run that saved and submitted it is over)
        page.get_by_role("button", name="Withdraw from COMEX").wait_for(timeout=SLOW)
        _nav(page, "COMEX review")
        page.get_by_role("button", name="Approve").click()
        wait_idle(page, timeout=SLOW)
        page.get_by_text(re.compile("^Status: approved")).wait_for(timeout=SLOW)

        # the Follow-up page: waiting for a follow-up, then the sample's, with its alerts
        _nav(page, "Follow-up")
        page.get_by_text(re.compile("^No follow-up yet")).wait_for(timeout=SLOW)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(FOLLOWUP))
        wait_idle(page, timeout=SLOW)
        page.get_by_role("heading", name="Alerts").wait_for(timeout=SLOW)
        main = page.get_by_test_id("stMain")
        alerts = main.get_by_test_id("stAlert")
        expect(alerts.filter(has_text="is behind plan at the end of 2026").first).to_be_visible()
        expect(alerts.filter(has_text="is over budget").first).to_be_visible()
        expect(alerts.filter(has_text="was dropped after").first).to_be_visible()

        # re-plan from 2027 (the sample's current period): what enters and leaves, side by side
        button = page.get_by_role("button", name="Re-plan from 2027")
        button.scroll_into_view_if_needed()
        button.click()
        wait_idle(page, timeout=SLOW)
        enters = page.get_by_role("heading", name="Enters the portfolio")
        leaves = page.get_by_role("heading", name="Leaves the portfolio")
        enters.wait_for(timeout=SLOW)
        _side_by_side(enters, leaves)
        expect(main.get_by_text(re.compile(r"^HEL-46 .* leaves the plan: it was dropped"))).to_be_visible()
        page.screenshot(path=str(SHOTS / "followup_replan_en.png"), full_page=True)

        # saved: a new workspace version and a draft on it, open on the Scenario page
        page.get_by_role("button", name="Save as a new scenario").click()
        wait_idle(page, timeout=SLOW)
        page.get_by_role("heading", level=1, name="Scenario").wait_for(timeout=SLOW)
        title = re.compile("^Result: .* — re-plan from 2027$")
        page.get_by_role("heading", name=title).wait_for(timeout=SLOW)
        page.get_by_role("heading", name="Changes against the approved plan, from 2027").wait_for()
        _side_by_side(
            page.get_by_role("heading", name="Enters the portfolio"),
            page.get_by_role("heading", name="Leaves the portfolio"),
        )
        # the draft is on the workspace it was solved on: nothing says to run it again
        expect(page.get_by_text("This result was computed on an earlier version")).to_have_count(0)
        page.screenshot(path=str(SHOTS / "replan_scenario_en.png"), full_page=True)
    except Exception:
        page.screenshot(path=str(SHOTS / "followup_journey_failure.png"), full_page=True)
        raise
    finally:
        context.close()


def _side_by_side(left, right) -> None:
    """Two headings in two columns: the same height on the page, the first on the left."""
    a, b = left.bounding_box(), right.bounding_box()
    assert a is not None and b is not None
    assert a["x"] + a["width"] <= b["x"] + 1 and abs(a["y"] - b["y"]) < 5
