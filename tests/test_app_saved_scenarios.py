"""Saved scenarios: save, open after a restart, duplicate, delete, the conflict when a colleague
saved first, Compare over saved scenarios, and the COMEX steps — submit, approve or send back
with a comment — with their decision log. The small workspace's best portfolios are known by
hand (see test_app_scenario)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from app_helpers import (
    APP,
    database_path,
    failures,
    open_page,
    shown,
    start,
    table_with,
    texts,
    upload,
)
from streamlit.testing.v1 import AppTest
from test_app_scenario import SMALL, funded, run_scenario

from cxprior.domain import Budget
from cxprior.store import Store
from cxprior.workbook import write_workspace

WHEN = r"\d{4}-\d\d-\d\d at \d\d:\d\d UTC"


def saved_scenarios(status=None):
    with Store.open(str(database_path())) as db:
        return [(s.scenario_id, s.name, s.status.value, s.version) for s in db.list_scenarios(status)]


def session(author="Claire Martin"):
    """A browser session on the Scenario page (the small workspace uploaded by the first one)."""
    at = start(author=author)
    if len(at.session_state["workspace"].initiatives) != len(SMALL.initiatives):
        upload(open_page(at, "backlog"), "small.xlsx", write_workspace(SMALL))
    return open_page(at, "scenario")


@pytest.fixture
def scenario_page():
    return session()


def save(at):
    return at.button(key="scenario_save").click().run()


def open_saved(at, scenario_id):
    at.selectbox(key="scenario_saved").set_value(scenario_id)
    return at.button(key="scenario_open").click().run()


def decision_buttons(at) -> list[str]:
    """The buttons of the review, leaving out the one computing the weight sensitivity."""
    return [b.key for b in at.main.get("button") if not str(b.key).startswith("wsens_")]


def test_a_saved_scenario_is_there_after_a_restart(scenario_page):
    run_scenario(scenario_page, 300.0, name="Large")
    save(scenario_page)
    assert failures(scenario_page) == []
    assert "Saved as scenario #1, version 1, status “draft”." in shown(scenario_page.caption)
    assert saved_scenarios() == [(1, "Large", "draft", 1)]

    restarted = open_page(start(), "scenario")  # a new session carries on from the last one saved
    assert shown(restarted.header) == ["Result: Large"]
    (option,) = restarted.selectbox(key="scenario_saved").options
    assert re.fullmatch(rf"Large — draft, Claire Martin, {WHEN} \(#1\)", option)
    open_saved(restarted, 1)
    assert failures(restarted) == []
    assert shown(restarted.header) == ["Result: Large"]
    assert funded(restarted) == ["A", "B", "D", "M"]
    assert restarted.number_input(key="scenario_budget_total").value == 300.0
    assert restarted.button(key="scenario_save").disabled  # what is shown is what is saved


def test_saving_needs_a_name():
    at = open_page(start(author=None), "scenario")
    at.button(key="scenario_run").click().run()
    save(at)
    assert shown(at.warning) == [
        "Enter your name in the sidebar first: every save, submission and decision records who made it."
    ]
    assert saved_scenarios() == []


def test_a_run_changed_after_saving_is_saved_as_the_next_version(scenario_page):
    run_scenario(scenario_page, 300.0, name="Large")
    save(scenario_page)
    run_scenario(scenario_page, 150.0, name="Large")
    assert (
        "Changed since it was saved as scenario #1 (version 1, “draft”): save it again to keep this result."
        in (shown(scenario_page.caption))
    )
    save(scenario_page)
    assert saved_scenarios() == [(1, "Large", "draft", 2)]


def test_a_colleague_s_newer_save_is_never_overwritten_mine_can_be_saved_as_a_copy(scenario_page):
    run_scenario(scenario_page, 300.0, name="Large")
    save(scenario_page)
    alice, bob = session("Alice"), session("Bob")
    for colleague in (alice, bob):
        open_saved(colleague, 1)
    run_scenario(alice, 150.0, name="Large")
    save(alice)
    run_scenario(bob, 250.0, name="Large")
    save(bob)
    assert re.fullmatch(
        rf"Alice changed scenario “Large” on {WHEN} \(it is now at version 2, status “draft”; your work "
        r"started from version 1\)\. Nothing was saved\. Reload it to see the changes, or save yours as a "
        r"copy\.",
        shown(bob.error)[0],
    )
    assert saved_scenarios() == [(1, "Large", "draft", 2)]
    bob.button(key="scenario_save_copy").click().run()
    assert failures(bob) == []
    assert saved_scenarios() == [(2, "Large (copy)", "draft", 1), (1, "Large", "draft", 2)]
    assert shown(bob.header) == ["Result: Large (copy)"]


def test_a_scenario_can_be_duplicated_and_deleted(scenario_page):
    run_scenario(scenario_page, 300.0, name="Large")
    save(scenario_page)
    scenario_page.button(key="scenario_duplicate").click().run()
    assert shown(scenario_page.header) == ["Result: Large (copy)"]
    assert saved_scenarios() == [(2, "Large (copy)", "draft", 1), (1, "Large", "draft", 1)]
    open_saved(scenario_page, 2)
    scenario_page.button(key="scenario_delete").click().run()
    assert failures(scenario_page) == []
    assert saved_scenarios() == [(1, "Large", "draft", 1)]
    assert "Large (copy)" not in scenario_page.session_state["scenario_runs"]


def test_compare_lists_the_saved_scenarios_of_earlier_sessions(scenario_page):
    run_scenario(scenario_page, 300.0, name="Large")
    save(scenario_page)
    run_scenario(scenario_page, 150.0, name="Serré")
    save(scenario_page)
    at = open_page(start(), "compare")  # a new session: no run of its own
    assert failures(at) == []
    assert at.multiselect(key="compare_runs").value == [2, 1]
    assert list(at.dataframe[0].value.columns) == ["Serré", "Large"]
    assert at.dataframe[0].value.loc["Value (points)", "Serré"] == "31.0"


def test_submit_then_approve_with_a_comment_and_the_decision_log_shows_it(scenario_page):
    run_scenario(scenario_page, 300.0, name="Proposition")
    scenario_page.button(key="scenario_submit_review").click().run()
    assert shown(scenario_page.toast) == ["Proposition is now the scenario COMEX reviews."]
    assert saved_scenarios() == [(1, "Proposition", "submitted", 2)]
    assert [b.key for b in scenario_page.button if b.key == "scenario_withdraw"] == ["scenario_withdraw"]

    comex = open_page(start(author="Marc Durand"), "review")  # another session, the reviewer's
    assert shown(comex.header) == ["Proposition"]
    comex.text_area(key="review_comment").set_value("Go for the 2026 budget.")
    comex.button(key="review_approve").click().run()
    assert failures(comex) == []
    assert shown(comex.toast) == ["Scenario “Proposition” is approved."]
    assert saved_scenarios() == [(1, "Proposition", "approved", 3)]
    assert re.fullmatch(
        rf"Status: approved — last step by Marc Durand on {WHEN}\.", shown(comex.markdown)[-2]
    )
    log = table_with(comex, "Comment")
    assert list(log["Status"]) == ["approved", "submitted", "draft"]
    assert list(log["Who"]) == ["Marc Durand", "Claire Martin", "Claire Martin"]
    assert list(log["Comment"]) == ["Go for the 2026 budget.", "", ""]
    assert decision_buttons(comex) == []  # decided: nothing left to decide


def test_sending_back_needs_a_comment(scenario_page):
    run_scenario(scenario_page, 300.0, name="Proposition")
    scenario_page.button(key="scenario_submit_review").click().run()
    open_page(scenario_page, "review")
    scenario_page.button(key="review_send_back").click().run()
    assert shown(scenario_page.error) == ["Say why the scenario is sent back: a comment is required."]
    assert saved_scenarios() == [(1, "Proposition", "submitted", 2)]
    scenario_page.text_area(key="review_comment").set_value("Too spread: fund fewer phases.")
    scenario_page.button(key="review_send_back").click().run()
    assert saved_scenarios() == [(1, "Proposition", "sent_back", 3)]
    assert table_with(scenario_page, "Comment")["Comment"].iloc[0] == "Too spread: fund fewer phases."
    assert decision_buttons(scenario_page) == []


def test_deciding_needs_a_name(scenario_page):
    run_scenario(scenario_page, 300.0, name="Proposition")
    scenario_page.button(key="scenario_submit_review").click().run()
    comex = open_page(start(author=None), "review")
    comex.button(key="review_approve").click().run()
    assert shown(comex.warning) == [
        "Enter your name in the sidebar first: every save, submission and decision records who made it."
    ]
    assert saved_scenarios() == [(1, "Proposition", "submitted", 2)]


def test_the_comex_page_offers_every_submitted_and_decided_scenario(scenario_page):
    for name, budget in (("Large", 300.0), ("Serré", 150.0)):
        run_scenario(scenario_page, budget, name=name)
        scenario_page.button(key="scenario_submit_review").click().run()
    comex = open_page(start(), "review")
    picker = comex.selectbox(key="review_choice")
    assert [option.split(" — ")[0] for option in picker.options] == ["Serré", "Large"]
    picker.set_value(1).run()
    assert shown(comex.header) == ["Large"]
    assert texts(comex.title) == ["COMEX review"]


def test_a_submitted_scenario_can_be_withdrawn_before_the_decision(scenario_page):
    run_scenario(scenario_page, 300.0, name="Proposition")
    scenario_page.button(key="scenario_submit_review").click().run()
    scenario_page.button(key="scenario_withdraw").click().run()
    assert failures(scenario_page) == []
    assert saved_scenarios() == [(1, "Proposition", "draft", 3)]
    assert "Saved as scenario #1, version 3, status “draft”." in shown(scenario_page.caption)
    open_page(scenario_page, "review")
    assert shown(scenario_page.info)[0].startswith("No scenario has been handed to COMEX yet")


def test_the_author_is_told_when_comex_sent_the_scenario_back(scenario_page):
    run_scenario(scenario_page, 300.0, name="Proposition")
    scenario_page.button(key="scenario_submit_review").click().run()
    comex = open_page(start(author="Marc Durand"), "review")
    comex.text_area(key="review_comment").set_value("Fewer phases, please.")
    comex.button(key="review_send_back").click().run()
    scenario_page.run()
    assert re.fullmatch(
        rf"Marc Durand changed “Proposition” on {WHEN}: it is now version 3, status “sent back”\. Open it "
        r"from the saved scenarios to carry on from there\.",
        shown(scenario_page.info)[0],
    )
    # the comment reaches the author, with who and when, before and after opening the scenario
    comment = rf"COMEX sent this scenario back: Marc Durand, on {WHEN}: “Fewer phases, please\.”"
    assert re.fullmatch(comment, shown(scenario_page.warning)[0])
    open_saved(scenario_page, 1)
    assert re.fullmatch(comment, shown(scenario_page.warning)[0])
    assert "Saved as scenario #1, version 3, status “sent back”." in shown(scenario_page.caption)
    scenario_page.button(key="scenario_submit_review").click().run()
    assert saved_scenarios() == [(1, "Proposition", "submitted", 4)]
    # submitted again: the comment was answered, and the status shown follows
    assert shown(scenario_page.warning) == []
    assert "Saved as scenario #1, version 4, status “submitted”." in shown(scenario_page.caption)


def test_the_comex_page_lists_the_scenario_s_assumptions(scenario_page):
    at = scenario_page
    at.multiselect(key="scenario_force_out").set_value(["D"]).run()
    at.text_input(key="scenario_reason_D").set_value("déjà financée par le digital")
    at.number_input(key="scenario_max_initiatives").set_value(3)
    at.number_input(key="scenario_share_G1").set_value(50.0)
    run_scenario(at, 300.0, name="Proposition")
    at.button(key="scenario_submit_review").click().run()
    comex = open_page(start(author="Marc Durand"), "review")
    assert failures(comex) == []
    assert "Assumptions" in shown(comex.subheader)
    assert (
        "- Total budget: €300.\n"
        "- At most 3 initiatives.\n"
        "- At least 50% of the value goes to Fidéliser.\n"
        "- Excluded: D (FAQ), because déjà financée par le digital."
    ) in shown(comex.markdown)


def test_opening_a_saved_scenario_loads_its_parameters_and_running_it_again_files_under_its_name(
    scenario_page,
):
    at = scenario_page
    at.multiselect(key="scenario_force_out").set_value(["D"]).run()
    at.text_input(key="scenario_reason_D").set_value("Déjà financé")
    at.number_input(key="scenario_max_initiatives").set_value(3)
    at.number_input(key="scenario_share_G1").set_value(50.0)
    run_scenario(at, 300.0, name="Large")
    save(at)
    at.multiselect(key="scenario_force_out").set_value([]).run()
    at.number_input(key="scenario_max_initiatives").set_value(None)
    at.number_input(key="scenario_share_G1").set_value(None)
    run_scenario(at, 150.0, name="Serré")
    save(at)
    large = next(i for i, name, _, _ in saved_scenarios() if name == "Large")
    version = {i: v for i, _, _, v in saved_scenarios()}[large]
    # the workspace moves on (its Budget sheet now says 400): "Large" was solved on the version before
    upload(
        open_page(at, "backlog"),
        "small.xlsx",
        write_workspace(replace(SMALL, budgets=(Budget("total", 400.0),))),
    )
    open_page(at, "scenario")
    open_saved(at, large)
    assert failures(at) == []
    assert at.text_input(key="scenario_name").value == "Large"
    assert at.number_input(key="scenario_budget_total").value == 300.0
    assert at.number_input(key="scenario_max_initiatives").value == 3
    assert at.number_input(key="scenario_share_G1").value == 50.0
    assert at.multiselect(key="scenario_force_out").value == ["D"]
    assert at.text_input(key="scenario_reason_D").value == "Déjà financé"
    # again with 200: M (50) + 150 left, D out, at most 3 → A (100, worth 30) beats B (20): {A, M}
    run_scenario(at, 200.0)
    assert shown(at.header)[0] == "Result: Large"
    assert funded(at) == ["A", "M"]
    save(at)
    after = {i: (name, v) for i, name, _, v in saved_scenarios()}
    assert after[large] == ("Large", version + 1)
    assert sorted(name for name, _ in after.values()) == ["Large", "Serré"]


def test_a_refresh_keeps_the_name_typed_and_reopens_the_author_s_last_saved_scenario():
    at = start(author=None)
    at.text_input(key="sidebar_author").set_value("Claire Martin").run()
    assert at.query_params["author"] == "Claire Martin"
    upload(open_page(at, "backlog"), "small.xlsx", write_workspace(SMALL))
    open_page(at, "scenario")
    run_scenario(at, 300.0, name="Large")
    save(at)
    colleague = session(author="Marc Durand")  # saved last in the workspace, by someone else
    run_scenario(colleague, 150.0, name="Serré")
    save(colleague)

    # a refresh: a new session on the same address, the name in its query parameters
    refreshed = AppTest.from_file(str(APP), default_timeout=60)
    refreshed.context["locale"] = "en-GB"
    refreshed.query_params["author"] = "Claire Martin"
    refreshed = open_page(refreshed.run(), "scenario")
    assert failures(refreshed) == []
    assert refreshed.text_input(key="sidebar_author").value == "Claire Martin"
    # Claire's last saved scenario, not Marc's later one: Large, within 300 → {A, B, D, M}
    assert shown(refreshed.header) == ["Result: Large"]
    assert funded(refreshed) == ["A", "B", "D", "M"]
    assert refreshed.text_input(key="scenario_name").value == "Large"
    assert refreshed.number_input(key="scenario_budget_total").value == 300.0

    # someone who saved nothing yet carries on from the workspace's last saved scenario
    newcomer = open_page(start(author="Paul Bernard"), "scenario")
    assert shown(newcomer.header) == ["Result: Serré"]
