"""Backlog page: uploads (full workbook, team backlog, invalid file), the validation report,
the merge preview, and server-side re-validation of every edit in the initiatives table."""

from __future__ import annotations

from dataclasses import replace

import pytest
from app_helpers import (
    TEAM_BACKLOG,
    failures,
    open_page,
    shown,
    start,
    table_with,
    unescape,
    upload,
)

from cxprior.domain import Impact, Initiative
from cxprior.workbook_read import read_workbook
from cxprior.workbook_write import write_workspace


@pytest.fixture
def backlog_page():
    return open_page(start(), "backlog")


def test_a_valid_workbook_replaces_the_workspace(backlog_page, two_goal_workspace):
    before = backlog_page.session_state["workspace"]
    upload(backlog_page, "small.xlsx", write_workspace(two_goal_workspace))
    assert shown(backlog_page.success) == ["small.xlsx is valid and is now the workspace."]
    after = backlog_page.session_state["workspace"]
    assert after is not before
    assert [i.initiative_id for i in after.initiatives] == ["A", "B", "C", "D"]
    assert "uploaded small.xlsx" in shown(backlog_page.sidebar.caption)[0]


def test_an_invalid_upload_shows_the_report_and_keeps_the_workspace(backlog_page):
    before = backlog_page.session_state["workspace"]
    upload(backlog_page, "broken.xlsx", b"this is not a workbook")
    assert len(backlog_page.error) == 1
    assert "Nothing was replaced: the current workspace is kept." in unescape(backlog_page.error[0].value)
    report = table_with(backlog_page, "Problem")
    assert list(report.columns) == ["Sheet", "Row", "Column", "Problem"]
    assert len(report) >= 1
    assert backlog_page.session_state["workspace"] is before
    assert backlog_page.exception == []


def test_every_problem_of_a_bad_workbook_is_listed_with_its_place(backlog_page, two_goal_workspace):
    bad = replace(
        two_goal_workspace,
        initiatives=(
            *two_goal_workspace.initiatives,
            Initiative("E", "Bad confidence", 10.0, confidence=1.5),
        ),
        impacts=(*two_goal_workspace.impacts, Impact("E", "NOPE", 1.0)),
    )
    before = backlog_page.session_state["workspace"]
    upload(backlog_page, "bad.xlsx", write_workspace(bad))
    report = table_with(backlog_page, "Problem")
    assert set(report["Sheet"]) == {"Initiatives", "Impacts"}
    assert "6" in set(report["Row"])  # E is the 5th initiative: Excel row 6
    assert backlog_page.session_state["workspace"] is before


def test_a_team_backlog_is_previewed_and_merged_only_on_confirmation(backlog_page):
    upload(backlog_page, "team.xlsx", TEAM_BACKLOG.read_bytes())
    preview = unescape(backlog_page.info[0].value)
    assert preview.startswith(
        "Team backlog team.xlsx: 3 initiative(s) to add, 2 to change, 0 unchanged, 0 conflict(s)."
    )
    ids = [i.initiative_id for i in backlog_page.session_state["workspace"].initiatives]
    assert "HEL-49" not in ids
    backlog_page.button(key="backlog_merge_confirm").click().run()
    merged = [i.initiative_id for i in backlog_page.session_state["workspace"].initiatives]
    assert {"HEL-49", "HEL-50", "HEL-51"} <= set(merged)
    assert shown(backlog_page.success) == ["The team backlog team.xlsx has been merged into the workspace."]
    assert failures(backlog_page) == []


def test_a_backlog_with_unknown_kpis_cannot_be_merged(backlog_page):
    backlog = read_workbook(TEAM_BACKLOG).backlog
    broken = replace(
        backlog, impacts=(*backlog.impacts, Impact(backlog.initiatives[0].initiative_id, "NOPE", 1.0))
    )
    from cxprior.workbook_write import write_backlog

    upload(backlog_page, "team.xlsx", write_backlog(broken))
    assert [b.key for b in backlog_page.button] == []
    assert "The merge is blocked" in shown(backlog_page.warning)[0]
    assert "NOPE" in " ".join(table_with(backlog_page, "Problem")["Problem"])


def test_a_valid_edit_in_the_table_updates_the_workspace(backlog_page):
    backlog_page.session_state["backlog_editor"] = {
        "edited_rows": {0: {"name": "CRM unifié 360° (v2)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    backlog_page.run()
    first = backlog_page.session_state["workspace"].initiatives[0]
    assert first.name == "CRM unifié 360° (v2)"
    assert "edited in the app" in shown(backlog_page.sidebar.caption)[0]


def test_an_invalid_edit_is_refused_on_the_server_with_its_reason(backlog_page):
    before = backlog_page.session_state["workspace"]
    backlog_page.session_state["backlog_editor"] = {
        "edited_rows": {1: {"confidence": 7}},
        "added_rows": [],
        "deleted_rows": [],
    }
    backlog_page.run()
    assert "This edit was not taken" in unescape(backlog_page.error[0].value)
    report = table_with(backlog_page, "Problem")
    assert list(report["Column"]) == ["confidence"]
    assert list(report["Row"]) == ["3"]
    assert backlog_page.session_state["workspace"] is before


def test_downloads_are_offered_for_the_template_and_the_workspace(backlog_page):
    keys = {b.key for b in backlog_page.get("download_button")}
    assert keys == {"backlog_download_template", "backlog_download_workspace"}
