"""The workspace survives the session: the sample becomes version 1 on first start, every accepted
change is a new version (who, when, what), a new session (browser refresh, app restart) opens the
latest version, a version can be restored, and a colleague's newer version is never overwritten."""

from __future__ import annotations

import re

from app_helpers import (
    SAMPLE,
    TEAM_BACKLOG,
    database_path,
    failures,
    open_page,
    shown,
    start,
    table_with,
    unescape,
    upload,
)
from test_app_scenario import SMALL

from cxprior.store import Store
from cxprior.workbook import write_workspace

NAME = "cx_workspace_fr"
WHEN = r"\d{4}-\d\d-\d\d at \d\d:\d\d UTC"


def versions():
    with Store.open(str(database_path())) as db:
        return [(v.version, v.author.name, v.note, v.initiatives) for v in db.list_workspace_versions(NAME)]


def initiative_count(at) -> int:
    return len(at.session_state["workspace"].initiatives)


def sidebar(at) -> list[str]:
    return shown(at.sidebar.caption)


def test_the_first_start_saves_the_bundled_sample_as_version_1():
    at = start()
    assert failures(at) == []
    assert versions() == [(1, "cxprior", "bundled sample cx_workspace_fr.xlsx", 48)]
    assert "bundled sample" in sidebar(at)[0]
    assert sidebar(at)[1] == f"Saved as version 1 of “{NAME}”."


def test_an_upload_is_a_new_version_and_a_new_session_opens_it_not_the_sample():
    at = open_page(start(), "backlog")
    upload(at, "small.xlsx", write_workspace(SMALL))
    assert shown(at.success) == ["small.xlsx is valid and is now the workspace."]
    assert versions()[0] == (2, "Claire Martin", "upload of small.xlsx", 5)
    assert sidebar(at)[1] == f"Saved as version 2 of “{NAME}”."

    restarted = start(author=None)  # a browser refresh, or the server restarted: a new session
    assert initiative_count(restarted) == 5
    assert re.match(
        rf"Workspace: “{NAME}” version 2, saved by Claire Martin on \d{{4}}-\d\d-\d\d at \d\d:\d\d UTC — ",
        sidebar(restarted)[0],
    )
    assert len(versions()) == 2


def test_taking_in_the_file_the_saved_version_came_from_saves_no_new_version():
    start()  # the bundled sample becomes version 1
    at = open_page(start(), "backlog")  # a new session: the workspace now comes from the database
    upload(at, "cx_workspace_fr.xlsx", SAMPLE.read_bytes())
    assert failures(at) == []
    assert versions() == [(1, "cxprior", "bundled sample cx_workspace_fr.xlsx", 48)]
    assert sidebar(at)[1] == f"Saved as version 1 of “{NAME}”."


def test_an_invalid_upload_keeps_the_workspace_and_its_saved_versions():
    at = open_page(start(), "backlog")
    before = at.session_state["workspace"]
    upload(at, "broken.xlsx", b"this is not a workbook")
    assert "Nothing was replaced: the current workspace is kept." in unescape(at.error[0].value)
    assert at.session_state["workspace"] is before
    assert versions() == [(1, "cxprior", "bundled sample cx_workspace_fr.xlsx", 48)]
    assert initiative_count(start()) == 48


def test_edits_and_merges_are_saved_with_what_changed():
    at = open_page(start(), "backlog")
    at.session_state["backlog_editor"] = {
        "edited_rows": {0: {"name": "CRM unifié 360° (v2)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    upload(at, "team.xlsx", TEAM_BACKLOG.read_bytes())
    at.button(key="backlog_merge_confirm").click().run()
    assert failures(at) == []
    assert [v[:3] for v in versions()] == [
        (3, "Claire Martin", "merge of team backlog team.xlsx"),
        (2, "Claire Martin", "edit in the backlog table"),
        (1, "cxprior", "bundled sample cx_workspace_fr.xlsx"),
    ]
    assert start().session_state["workspace"].initiatives[0].name == "CRM unifié 360° (v2)"


def test_a_goal_weight_change_is_a_new_version():
    at = open_page(start(), "strategy")
    at.number_input(key="strategy_weight_OBJ-CONF").set_value(40.0)
    at.button(key="strategy_weights_apply").click().run()
    assert versions()[0][:3] == (2, "Claire Martin", "goal weights changed")
    weights = {g.goal_id: g.weight for g in start().session_state["workspace"].goals}
    assert weights["OBJ-CONF"] == 40.0


def test_the_backlog_page_lists_versions_and_restores_one_as_the_newest():
    at = open_page(start(), "backlog")
    upload(at, "small.xlsx", write_workspace(SMALL))
    history = table_with(at, "What changed")
    assert list(history["Version"]) == ["2 ✓", "1"]
    assert list(history["By"]) == ["Claire Martin", "cxprior"]
    assert list(history["What changed"]) == ["upload of small.xlsx", "bundled sample cx_workspace_fr.xlsx"]
    at.selectbox(key="backlog_restore_version").set_value(1)
    at.button(key="backlog_restore").click().run()
    assert failures(at) == []
    assert initiative_count(at) == 48
    assert versions()[0] == (3, "Claire Martin", "restore of version 1", 48)
    assert "version 1 restored by Claire Martin" in sidebar(at)[0]
    assert list(table_with(at, "What changed")["Version"]) == ["3 ✓", "2", "1"]
    assert initiative_count(start()) == 48


def test_nothing_is_taken_before_the_user_gives_a_name_then_it_is():
    at = open_page(start(author=None), "backlog")
    upload(at, "small.xlsx", write_workspace(SMALL))
    assert shown(at.warning) == [
        "Enter your name in the sidebar first: every save, submission and decision records who made it."
    ]
    assert initiative_count(at) == 48
    assert len(versions()) == 1
    at.sidebar.text_input(key="sidebar_author").set_value("  Jeanne   Dupont ").run()
    assert initiative_count(at) == 5
    assert versions()[0][:2] == (2, "Jeanne Dupont")


def test_a_colleague_s_newer_version_is_never_overwritten_mine_can_be_saved_as_a_copy(two_goal_workspace):
    alice = open_page(start(author="Alice"), "backlog")
    bob = open_page(start(author="Bob"), "backlog")  # both start from version 1
    upload(alice, "small.xlsx", write_workspace(SMALL))
    upload(bob, "mine.xlsx", write_workspace(two_goal_workspace))
    message = shown(bob.error)[0]
    assert re.fullmatch(
        rf"Alice changed workspace “{NAME}” on .+ UTC \(it is now at version 2; your work started "
        r"from version 1\)\. Nothing was saved\. Reload it to see their changes, or save yours as a copy\.",
        message,
    )
    assert initiative_count(bob) == 48  # Bob's session keeps what it had
    assert versions()[0][:2] == (2, "Alice")

    bob.button(key="app_conflict_copy").click().run()
    assert failures(bob) == []
    assert initiative_count(bob) == 4
    assert sidebar(bob)[1] == f"Saved as version 1 of “{NAME} (copy)”."
    assert versions()[0][:2] == (2, "Alice")  # Alice's version is untouched


def test_after_a_conflict_the_latest_version_can_be_taken_instead(two_goal_workspace):
    alice = open_page(start(author="Alice"), "backlog")
    bob = open_page(start(author="Bob"), "backlog")
    upload(alice, "small.xlsx", write_workspace(SMALL))
    upload(bob, "mine.xlsx", write_workspace(two_goal_workspace))
    bob.button(key="app_conflict_latest").click().run()
    assert failures(bob) == []
    assert initiative_count(bob) == 5
    assert shown(bob.success) == []  # Bob's upload was dropped, not taken
    assert [v[:2] for v in versions()] == [(2, "Alice"), (1, "cxprior")]


def test_without_a_database_the_app_still_works_and_says_nothing_is_saved(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CXPRIOR_DB_PATH", str(blocker / "cxprior.db"))
    at = open_page(start(), "backlog")
    upload(at, "small.xlsx", write_workspace(SMALL))
    assert failures(at) == []
    assert initiative_count(at) == 5
    warning = shown(at.sidebar.warning)[0]
    assert warning.startswith("Not saved to the database: The database cannot be opened (")
    assert warning.endswith("Your work is kept in this browser session only.")


def test_a_session_behind_a_colleague_s_version_is_told_and_can_open_it():
    alice = open_page(start(author="Alice"), "backlog")
    bob = open_page(start(author="Bob"), "backlog")
    upload(alice, "small.xlsx", write_workspace(SMALL))
    bob.run()
    assert re.fullmatch(rf"Alice saved a newer version \(2\) on {WHEN}\.", shown(bob.info)[0])
    bob.button(key="backlog_take_latest").click().run()
    assert initiative_count(bob) == 5
    assert shown(bob.info) == []
