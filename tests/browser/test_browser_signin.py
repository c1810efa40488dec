"""Sign-in end to end: the app under `streamlit run` with [auth] configured, a local OpenID
Connect provider (oidc-provider-mock) on the loopback interface, and Debian's Chromium going
through the provider's login form and back. Roles come from [cxprior.roles]."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import free_port, start_app, stop_app, wait_idle

pytestmark = pytest.mark.browser

ROLES = """
[cxprior.roles]
editors = ["claire@acme.fr"]
reviewers = ["@comex.acme.fr"]
viewers = ["@partner.example"]
default = "none"
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread(port=free_port()) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def signin_url(chromium_path, provider, tmp_path_factory) -> Iterator[str]:
    port = free_port()
    folder = tmp_path_factory.mktemp("signin")
    secrets = folder / "secrets.toml"
    secrets.write_text(
        f"""
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "a-long-random-cookie-secret-for-the-test-only-0123456789"
client_id = "cxprior-test"
client_secret = "cxprior-test-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"
{ROLES}"""
    )
    process = start_app(port, database=folder / "cxprior.db", options=("--secrets.files", str(secrets)))
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_app(process)


def sign_in(page, url: str, email: str) -> None:
    """Through the provider's own form: the mock signs in whoever's address is typed."""
    page.goto(url)
    wait_idle(page)
    page.get_by_role("heading", level=1, name="Sign in to cxprior").wait_for()
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"^http://localhost:\d+/oauth2/authorize"))
    page.fill("input[name=sub]", email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(rf"^{re.escape(url)}/?$"))
    wait_idle(page)


def nav_links(page) -> list[str]:
    """The page titles in the sidebar (each link's text starts with its icon's name)."""
    links = page.get_by_test_id("stSidebarNav").get_by_role("link").all_inner_texts()
    return [text.split("\n")[-1] for text in links]


def test_a_visitor_must_sign_in_and_a_deep_link_does_not_get_around_it(page, signin_url):
    for path in ("", "/backlog", "/review"):
        page.goto(signin_url + path)
        wait_idle(page)
        page.get_by_role("heading", level=1, name="Sign in to cxprior").wait_for()
        assert page.get_by_role("heading", level=1, name="Backlog").count() == 0
        assert page.get_by_test_id("stSidebarNav").count() == 0


def test_an_editor_signs_in_with_the_provider_and_sees_every_page(page, signin_url):
    sign_in(page, signin_url, "claire@acme.fr")
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    page.get_by_text("Your role: editor (claire@acme.fr)").wait_for()
    assert "Backlog" in nav_links(page) and "Scenario" in nav_links(page)
    page.get_by_role("button", name="Sign out").click()
    # the app ends the session at the provider too (its end_session endpoint), then comes back
    page.wait_for_url(re.compile(r"^http://localhost:\d+/oauth2/end_session"))
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(rf"^{re.escape(signin_url)}"))
    wait_idle(page)
    page.get_by_role("heading", level=1, name="Sign in to cxprior").wait_for()
    assert page.get_by_test_id("stSidebarNav").count() == 0


def test_a_viewer_sees_the_reading_pages_only_even_through_an_address(page, signin_url):
    sign_in(page, signin_url, "lea@partner.example")
    page.get_by_text("Your role: viewer (read only) (lea@partner.example)").wait_for()
    assert nav_links(page) == [
        "Overview",
        "Strategy",
        "Customer journey",
        "Compare",
        "COMEX review",
        "Follow-up",
    ]
    page.goto(signin_url + "/backlog")  # the cookie keeps her signed in; the page is not hers
    wait_idle(page)
    page.get_by_role("heading", level=1, name="Overview").wait_for()
    assert page.get_by_role("heading", level=1, name="Backlog").count() == 0
    assert page.get_by_test_id("stFileUploaderDropzoneInput").count() == 0


def test_an_address_without_a_role_is_turned_away(page, signin_url):
    sign_in(page, signin_url, "someone@gmail.com")
    page.get_by_text("someone@gmail.com may not use this application.").wait_for()
    assert page.get_by_test_id("stSidebarNav").count() == 0
