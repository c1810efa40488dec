"""In a real browser, names that look like HTML, links or Markdown are shown as typed: no
element is injected, no script runs, no link is made (test_safe_rendering.py checks what the
app hands to Streamlit; this checks what Chromium makes of it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ROOT, free_port, start_app, stop_app, wait_idle

from cxprior.domain import Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Workspace
from cxprior.workbook import write_workspace

pytestmark = pytest.mark.browser

IMG = '<img src="x" onerror="window.__pwned=1">'
LINK = "[cliquez](javascript:window.__pwned=2)"
BOLD = "**gras** <b>épais</b>"
NAMES = (IMG, LINK, BOLD)


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory):
    """Initiatives named like markup; none moves a KPI, so the Overview names each of them
    in a warning (Markdown)."""
    ws = Workspace(
        goals=(Goal("G1", BOLD, 1.0),),
        kpis=(Kpi("NPS", "NPS", Direction.INCREASE, 0.0, 10.0),),
        links=(KpiGoalLink("NPS", "G1", 1.0),),
        initiatives=tuple(
            Initiative(f"I-{n}", name, 10.0, journey_phase=name) for n, name in enumerate(NAMES)
        ),
        impacts=(Impact("I-0", "NPS", 0.0),),
    )
    path = tmp_path_factory.mktemp("hostile") / "hostile.xlsx"
    path.write_bytes(write_workspace(ws))
    return path


@pytest.fixture(scope="module")
def own_app(chromium_path, tmp_path_factory) -> Iterator[str]:
    """A server of its own: the hostile workspace becomes its latest saved version."""
    port = free_port()
    process = start_app(port, ROOT, database=tmp_path_factory.mktemp("store") / "cxprior.db")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_app(process)


def _nav(page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    wait_idle(page)
    page.get_by_role("heading", level=1, name=title).wait_for()


def test_markup_in_names_is_shown_as_text_and_never_runs(page, own_app, hostile_book):
    page.goto(own_app)
    wait_idle(page)
    page.get_by_test_id("stSidebar").get_by_label("Your name", exact=True).fill("Claire Martin")
    page.keyboard.press("Enter")
    wait_idle(page)
    _nav(page, "Backlog")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(hostile_book))
    wait_idle(page)
    page.get_by_text("hostile.xlsx is valid and is now the workspace.").wait_for()
    for title in ("Overview", "Strategy", "Customer journey"):
        _nav(page, title)
        assert page.evaluate("window.__pwned") is None, title
        assert page.locator('img[src="x"], main b, a[href^="javascript"]').count() == 0, title
    _nav(page, "Overview")
    body = page.get_by_test_id("stMain").inner_text()
    # shown as typed (long names are cut in chart labels)
    for start in ('<img src="x" onerror=', "[cliquez](javascript:", "**gras** <b>épais</b>"):
        assert start in body, start
