"""Access control in the app: sign-in when [auth] is configured, pages and actions by role,
checked again inside each action; without [auth], a local single-user mode that says so.

AppTest plays the identity provider: `at.user` is what `st.user` reads, `at.secrets` what
`st.secrets` reads. A click on a disabled button stands for a crafted request: the action
itself must refuse it.
"""

from __future__ import annotations

import pytest
from app_helpers import (
    APP,
    XLSX,
    database_path,
    failures,
    open_page,
    shown,
    start,
    texts,
    upload,
)
from streamlit.testing.v1 import AppTest
from test_app_scenario import SMALL, run_scenario

from cxprior.store import Store
from cxprior.workbook import write_workspace

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "a-test-cookie-secret-of-some-length",
    "client_id": "cxprior",
    "client_secret": "not-a-secret",
    "server_metadata_url": "http://127.0.0.1:9400/.well-known/openid-configuration",
}
ROLES = {
    "editors": ["claire@acme.fr", "@cx.acme.fr"],
    "reviewers": ["@comex.acme.fr"],
    "viewers": ["@partner.example"],
    "default": "none",
}
EVERY_PAGE = ["Overview", "Backlog", "Strategy", "Customer journey", "CX maturity", "Scenario", "Compare"]
EVERY_PAGE += ["COMEX review", "Follow-up"]
READ_PAGES = ["Overview", "Strategy", "Customer journey", "Compare", "COMEX review", "Follow-up"]


def signed_in(email: str | None, *, roles=ROLES, name: str = "", locale: str = "en-GB", **claims) -> AppTest:
    """A browser session where the identity provider vouches for `email` (None: signed out)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.context["locale"] = locale
    at.secrets["auth"] = AUTH
    at.secrets["cxprior"] = {"roles": roles}
    if email is None:
        at.user = {"is_logged_in": False}
    else:
        at.user = {"is_logged_in": True, "email": email, "name": name or email.split("@")[0], **claims}
    return at.run()


def pages(at: AppTest) -> list[str]:
    """The titles of the pages the navigation offers, in its order."""
    return [info["page_name"] for info in at._registered_pages.values()]


def cannot_open(at: AppTest, name: str) -> bool:
    try:
        at.switch_page(f"views/{name}_page.py")
    except Exception:  # AppTest refuses a page that st.navigation did not register
        return True
    return False


def statuses():
    with Store.open(str(database_path())) as db:
        return [(s.name, s.status.value) for s in db.list_scenarios()]


def submitted_by_an_editor() -> None:
    """Claire (editor) uploads the small workspace, runs a scenario and submits it."""
    at = signed_in("claire@acme.fr", name="Claire Martin")
    upload(open_page(at, "backlog"), "small.xlsx", write_workspace(SMALL))
    scenario = open_page(at, "scenario")
    run_scenario(scenario, 300.0, name="Proposition")
    scenario.button(key="scenario_submit_review").click().run()
    assert failures(scenario) == [] and statuses() == [("Proposition", "submitted")]


# --- without [auth]: local mode ---------------------------------------------------------------


def test_without_sign_in_configured_the_app_says_it_is_in_local_single_user_mode():
    at = start()
    assert shown(at.sidebar.caption)[-1] == (
        ":material/person: Local mode: one user, no sign-in. Anyone who can open this address can do "
        "everything; set up sign-in before sharing it."
    )
    # the configuration's words wait behind the help icon, for whoever runs the server
    assert "[auth]" in at.sidebar.caption[-1].help
    assert pages(at) == EVERY_PAGE
    assert failures(at) == []


def test_local_mode_is_said_in_french_too():
    at = start(locale="fr-FR")
    assert shown(at.sidebar.caption)[-1].startswith(":material/person: Mode local : un seul utilisateur")


# --- signing in ---------------------------------------------------------------------------------


def test_a_signed_out_visitor_sees_only_the_sign_in_page_and_no_data():
    at = signed_in(None)
    assert texts(at.title) == ["Sign in to cxprior"]
    assert [b.key for b in at.button] == ["access_sign_in"]
    assert pages(at) == ["Sign in to cxprior"]
    assert "workspace" not in at.session_state
    assert cannot_open(at, "overview") and cannot_open(at, "backlog")
    assert failures(at) == []


def test_the_sign_in_page_speaks_french():
    at = signed_in(None, locale="fr-FR")
    assert texts(at.title) == ["Connexion à cxprior"]
    assert at.button(key="access_sign_in").label == "Se connecter"


def test_an_address_with_no_role_is_told_so_and_sees_nothing():
    at = signed_in("someone@gmail.com")
    assert shown(at.error) == [
        "someone@gmail.com may not use this application. Ask the CX director to give your address a "
        "role, or sign in with another account."
    ]
    assert [b.key for b in at.button] == ["access_sign_out"]
    assert "workspace" not in at.session_state and pages(at) == ["Sign in to cxprior"]


def test_a_roles_configuration_that_cannot_be_read_lets_nobody_in():
    at = signed_in("claire@acme.fr", roles={"editors": "claire@acme.fr"})
    assert shown(at.error) == [
        "Sign-in is configured but the roles cannot be read, so nobody may come in until "
        ".streamlit/secrets.toml is fixed: In [cxprior.roles], editors must be a list, e.g. editors = "
        '["ana@acme.fr", "@acme.fr"].'
    ]
    assert "workspace" not in at.session_state


def test_an_address_the_provider_has_not_verified_gets_only_the_default_role():
    at = signed_in("claire@acme.fr", email_verified=False)
    assert "claire@acme.fr may not use this application." in shown(at.error)[0]


# --- pages by role ------------------------------------------------------------------------------


def test_an_editor_sees_every_page_and_who_they_are():
    at = signed_in("claire@acme.fr", name="Claire Martin")
    assert pages(at) == EVERY_PAGE
    assert "Your role: editor (claire@acme.fr)" in shown(at.sidebar.caption)
    assert [b.key for b in at.sidebar.button] == ["access_sign_out"]
    backlog = open_page(at, "backlog")
    assert backlog.get("file_uploader")[0].proto.max_upload_size_mb == 20
    assert not backlog.get("file_uploader")[0].proto.disabled


@pytest.mark.parametrize(
    ("email", "role"),
    [("dg@comex.acme.fr", "reviewer (COMEX)"), ("lea@partner.example", "viewer (read only)")],
)
def test_reviewers_and_viewers_see_the_reading_pages_only(email, role):
    at = signed_in(email)
    assert pages(at) == READ_PAGES
    assert f"Your role: {role} ({email})" in shown(at.sidebar.caption)
    for page in ("backlog", "scenario", "maturity"):
        assert cannot_open(at, page), page
    assert failures(at) == []


def test_a_viewer_reads_the_strategy_but_cannot_change_the_weights():
    at = open_page(signed_in("lea@partner.example"), "strategy")
    assert "Read only: your role (viewer (read only)) does not allow you to edit the workspace." in shown(
        at.caption
    )
    assert at.button(key="strategy_weights_apply").disabled
    assert at.button(key="strategy_pairwise_apply").disabled


def demote(at: AppTest, email: str, to: str) -> None:
    """An administrator moves `email` to another role while its session is open; the
    buttons it already has on screen were drawn for the old role."""
    others = {key: [e for e in ROLES[key] if e != email] for key in ("editors", "reviewers", "viewers")}
    others[f"{to}s"] = [*others[f"{to}s"], email]
    at.secrets["cxprior"] = {"roles": {**ROLES, **others}}


def test_new_weights_sent_after_losing_the_editor_role_change_nothing():
    at = open_page(signed_in("claire@acme.fr"), "strategy")
    before = at.session_state["workspace"]
    goal = before.goals[0]
    at.number_input(key=f"strategy_weight_{goal.goal_id}").set_value(goal.weight + 7)
    at.button(key="strategy_weights_apply").click()
    demote(at, "claire@acme.fr", "viewer")
    at.run()
    # the button is now disabled, and Streamlit discards a click on a disabled widget
    assert at.button(key="strategy_weights_apply").disabled
    assert at.session_state["workspace"] is before
    assert failures(at) == []


# --- actions by role ----------------------------------------------------------------------------


def test_a_reviewer_approves_what_an_editor_submitted_and_the_log_names_them():
    submitted_by_an_editor()
    comex = open_page(signed_in("dg@comex.acme.fr", name="Directrice générale"), "review")
    assert not comex.button(key="review_approve").disabled
    comex.text_area(key="review_comment").set_value("Accordé.")
    comex.button(key="review_approve").click().run()
    assert failures(comex) == []
    assert statuses() == [("Proposition", "approved")]


@pytest.mark.parametrize(("email", "role"), [("lea@partner.example", "viewer"), ("claire@acme.fr", "editor")])
def test_only_reviewers_may_decide(email, role):
    submitted_by_an_editor()
    at = open_page(signed_in(email), "review")
    assert at.button(key="review_approve").disabled and at.button(key="review_send_back").disabled
    assert at.text_area(key="review_comment").disabled
    assert any(
        line.startswith(f"Read only: your role ({role}")
        and line.endswith("does not allow you to approve or send back a scenario.")
        for line in shown(at.caption)
    )


def test_an_approval_sent_after_losing_the_reviewer_role_decides_nothing():
    submitted_by_an_editor()
    at = open_page(signed_in("dg@comex.acme.fr"), "review")
    at.button(key="review_approve").click()
    demote(at, "dg@comex.acme.fr", "viewer")
    at.run()
    assert at.button(key="review_approve").disabled
    assert statuses() == [("Proposition", "submitted")]


def guarded_actions() -> None:
    """Each action that changes something, called directly as a crafted request would reach
    it (whatever the page shows): each must refuse before it touches anything."""
    import streamlit as st

    import ui
    from cxprior.domain import AccessError, Workspace
    from ui import scenarios

    actions = {
        "upload": lambda: ui.set_workspace(Workspace(), "ui.app.origin_upload"),
        "merge": lambda: ui.set_workspace(Workspace(), "ui.app.origin_merge"),
        "edit": lambda: ui.set_workspace(Workspace(), "ui.app.origin_edit"),
        "submit": lambda: ui.submit_for_review("any"),
        "save": lambda: scenarios.save_run(None, None),
        "approve": lambda: scenarios.step("approve", 1, 1, "ok"),
        "send_back": lambda: scenarios.step("send_back", 1, 1, "no"),
        "delete": lambda: scenarios.step("delete", 1, 1),
    }
    for name, action in actions.items():
        try:
            action()
        except AccessError as error:
            st.text(f"{name}: {error.message}")
        else:
            st.text(f"{name}: ALLOWED")


def test_every_action_checks_the_role_itself_before_changing_anything():
    at = AppTest.from_function(guarded_actions, default_timeout=30)
    at.session_state["access_role"] = "viewer"
    at.session_state["language"] = "en"
    at.run()
    refused = (
        "Your role (viewer (read only)) does not allow you to {}. Ask the CX director for the editor role "
        "if you need it."
    )
    assert texts(at.text) == [
        f"upload: {refused.format('upload a workbook')}",
        f"merge: {refused.format('upload a workbook')}",
        f"edit: {refused.format('edit the workspace')}",
        f"submit: {refused.format('submit a scenario to COMEX')}",
        f"save: {refused.format('save a scenario')}",
        f"approve: {refused.format('approve or send back a scenario')}",
        f"send_back: {refused.format('approve or send back a scenario')}",
        f"delete: {refused.format('save a scenario')}",
    ]


def test_a_session_that_loses_the_editor_role_leaves_the_backlog_and_its_upload_is_not_taken():
    at = open_page(signed_in("claire@acme.fr"), "backlog")
    before = at.session_state["workspace"]
    at.file_uploader(key="backlog_upload").set_value(("small.xlsx", write_workspace(SMALL), XLSX))
    demote(at, "claire@acme.fr", "viewer")
    at.run()
    assert texts(at.title) == ["Overview"]
    assert pages(at) == READ_PAGES
    assert at.session_state["workspace"] is before


def test_a_scenario_run_sent_after_losing_the_editor_role_is_not_solved():
    at = open_page(signed_in("claire@acme.fr"), "scenario")
    at.number_input(key="scenario_budget_total").set_value(300.0)
    at.button(key="scenario_run").click()
    demote(at, "claire@acme.fr", "reviewer")
    at.run()
    assert texts(at.title) == ["Overview"]
    assert at.session_state["scenario_runs"] == {}
