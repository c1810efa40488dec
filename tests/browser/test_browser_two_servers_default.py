"""Two app servers on one database (PostgreSQL when CXPRIOR_TEST_DATABASE_URL is set, as in CI;
else one SQLite file): an editor makes another workspace the team's default on server A, and a
fresh session on server B opens that one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import free_port, start_app, stop_app, wait_idle

from cxprior.domain import synthetic_workspace
from cxprior.store import Store
from cxprior.store.testing import TEST_DATABASE_ENV, throwaway_database

pytestmark = pytest.mark.browser

TEAM, OTHER = "cx_workspace_fr", "Bob's draft"


def _servers(url: str, tmp_path: Path):
    # a SQLite path goes through CXPRIOR_DB_PATH, a PostgreSQL URL through DATABASE_URL
    is_file = "://" not in url
    ports = (free_port(), free_port())
    kwargs = [{"database": Path(url)} if is_file else {"database_url": url} for _ in ports]
    return ports, [
        start_app(p, log_path=tmp_path / f"server_{p}.log", **k) for p, k in zip(ports, kwargs, strict=True)
    ]


def _pick(page, picker, option: str) -> None:
    # a rerun still drawing the page can close the list as it opens: open it again then
    for _ in range(3):
        picker.click()
        try:
            page.get_by_role("option", name=option).click(timeout=10_000)
        except Exception:
            page.keyboard.press("Escape")
            continue
        wait_idle(page)
        return
    raise AssertionError(f"the option {option!r} never showed in the picker")


def test_a_default_set_on_one_server_is_what_a_new_session_on_the_other_opens(browser, tmp_path):
    with throwaway_database(os.environ.get(TEST_DATABASE_ENV), tmp_path) as url:
        with Store.open(url) as db:  # the team's workspace (the default) and a colleague's other one
            db.save_workspace(TEAM, synthetic_workspace(6, seed=1), "Alice", None)
            db.set_default_workspace(TEAM, "Alice")
            db.save_workspace(OTHER, synthetic_workspace(4, seed=2), "Bob", None)
        (port_a, port_b), servers = _servers(url, tmp_path)
        try:
            a = browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000}).new_page()
            a.set_default_timeout(60_000)
            a.goto(f"http://127.0.0.1:{port_a}")
            wait_idle(a, timeout=120_000)
            a.get_by_text(f"“{TEAM}” version 1, saved by Alice").first.wait_for()
            name = a.get_by_test_id("stSidebar").get_by_label("Your name", exact=True)
            name.fill("Claire Martin")
            name.press("Enter")
            wait_idle(a)
            a.get_by_test_id("stSidebarNav").get_by_role("link", name="Backlog", exact=True).click()
            wait_idle(a, timeout=60_000)
            a.get_by_role("heading", level=1, name="Backlog").wait_for()
            boxes = a.get_by_test_id("stMain").get_by_test_id("stSelectbox")
            _pick(a, boxes.filter(has_text="Saved workspaces"), OTHER)
            a.get_by_role("button", name=f"Make “{OTHER}” the team's default").click()
            wait_idle(a)
            a.get_by_text(f"The team's default workspace is “{OTHER}”, set by Claire Martin").wait_for()

            b = browser.new_context(locale="en-GB").new_page()  # a fresh session, on the other server
            b.set_default_timeout(60_000)
            b.goto(f"http://127.0.0.1:{port_b}")
            wait_idle(b, timeout=120_000)
            b.get_by_text(f"“{OTHER}” version 1, saved by Bob").first.wait_for()
            assert b.get_by_text(f"“{TEAM}” version 1").count() == 0
        finally:
            for server in servers:
                stop_app(server)
        with Store.open(url) as db:
            assert [(c.name, c.author.name) for c in db.default_workspace_log()] == [
                (OTHER, "Claire Martin"),
                (TEAM, "Alice"),
            ]
