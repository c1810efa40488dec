"""An intranet app calls no one outside its own server: every request of a full journey (the
overview, every page of the sidebar, the optimizer run on Scenario, the tab's icon and the
fonts included) goes to the app's own address, and the test fails on any other host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from conftest import wait_idle

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}  # never leave the browser


def outside(urls: list[str], app_url: str) -> list[str]:
    own = urlsplit(app_url).netloc
    return sorted({u for u in urls if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).netloc != own})


def test_a_full_journey_makes_no_request_to_any_host_but_the_app_s(browser, app_url):
    context = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    urls: list[str] = []
    # every request the page or its workers make, and the websocket, whether or not they succeed
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda socket: urls.append(socket.url.replace("ws://", "http://", 1)))
    page.set_default_timeout(60_000)
    try:
        page.goto(app_url)
        wait_idle(page, timeout=120_000)  # first start: the sample is read and saved
        page.get_by_role("heading", level=1, name="Overview").wait_for()
        nav = page.get_by_test_id("stSidebarNav")
        titles = [link.inner_text().splitlines()[-1].strip() for link in nav.get_by_role("link").all()]
        assert {"Overview", "Backlog", "Scenario"} <= set(titles), titles
        for title in titles:
            nav.get_by_role("link", name=title, exact=True).click()
            wait_idle(page, timeout=60_000)
            page.get_by_role("heading", level=1, name=title).wait_for()
        nav.get_by_role("link", name="Scenario", exact=True).click()
        wait_idle(page, timeout=60_000)
        page.get_by_role("button", name="Run the optimizer").click()
        wait_idle(page, timeout=120_000)
        page.get_by_role("heading", name=re.compile("^Result: ")).wait_for()
        page.wait_for_timeout(1_000)  # late fetches (icons, fonts) of the last page
        favicon = page.locator("link[rel~='icon']").first.get_attribute("href") or ""
    finally:
        context.close()

    assert len(urls) > 10  # the recorder saw the journey (scripts, styles, the websocket…)
    assert any("/_stcore/stream" in u for u in urls)
    assert urlsplit(favicon).netloc in ("", urlsplit(app_url).netloc), favicon
    assert outside(urls, app_url) == []


def test_the_recorder_would_see_an_outside_request(app_url):
    # the check itself can fail: the Google font address the issue found is reported
    seen = [
        f"{app_url}/",
        "https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/x/24px.svg",
    ]
    assert outside(seen, app_url) == [seen[1]]
