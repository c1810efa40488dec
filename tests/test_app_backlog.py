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
from cxprior.workbook import read_workbook, write_workspace


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
    assert preview.startswith("Team backlog team.xlsx: 3 initiatives to add, 2 to change, 0 unchanged.")
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
    from cxprior.workbook import write_backlog

    upload(backlog_page, "team.xlsx", write_backlog(broken))
    assert "backlog_merge_confirm" not in [b.key for b in backlog_page.button]
    # one unknown KPI, no conflict: the sentence gives that reason and no "0 conflicts"
    assert shown(backlog_page.warning)[0].startswith(
        "Team backlog team.xlsx cannot be merged: 1 problem, listed below with its sheet and row."
    )
    assert "conflict" not in shown(backlog_page.warning)[0]
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


def test_the_filled_template_is_a_team_backlog_whose_problems_show_at_once_with_their_rows(backlog_page):
    from template_fill import filled_template

    data = filled_template(
        [
            {"initiative_id": "T-1", "name": "Chatbot", "cost_2026": 40_000, "journey_phase": "Purchase"},
            {"initiative_id": "T-2", "name": "Portal", "cost_2026": 10_000, "depends_on": "X-9"},
        ],
        [
            {"initiative_id": "T-1", "kpi_id": "NPS", "impact": 2},
            {"initiative_id": "T-1", "kpi_id": "NOPE", "impact": 1},
        ],
    )
    upload(backlog_page, "template.xlsx", data)
    assert failures(backlog_page) == [] and backlog_page.error == []
    # the six sheets left as downloaded are named as ignored
    assert shown(backlog_page.caption)[0] == (
        "template.xlsx is read as a team backlog (initiatives and impacts): its empty sheets Goals, KPIs, "
        "KPI_Goals, Budget, Capacity, Effort were ignored."
    )
    # the sample has no KPI NOPE and no initiative X-9: two problems, on the first upload
    assert shown(backlog_page.warning)[0].startswith(
        "Team backlog template.xlsx cannot be merged: 2 problems, listed below with their sheet and row."
    )
    report = table_with(backlog_page, "Problem")
    assert report[["Sheet", "Row", "Column"]].values.tolist() == [
        ["Impacts", "3", "kpi_id"],  # the second impact row under the header
        ["Initiatives", "3", "depends_on"],  # T-2's row
    ]
    # the grid cuts sentences this long: they are also written whole, each after its place
    panel = next(e for e in backlog_page.expander if e.label.startswith("Read the long texts in full"))
    assert panel.label == "Read the long texts in full (2)"
    whole = unescape(panel.markdown[0].value)
    assert "Impacts, row 3, kpi_id" in whole and "NOPE" in whole
    assert "Initiatives, row 3, depends_on" in whole and "X-9" in whole
    assert "backlog_merge_confirm" not in [b.key for b in backlog_page.button]


def test_the_merge_preview_names_each_new_initiative_with_its_cost_and_phase(backlog_page):
    from template_fill import filled_template

    data = filled_template(
        [{"initiative_id": "T-1", "name": "Chatbot", "cost_2026": 40_000, "journey_phase": "Purchase"}],
        [{"initiative_id": "T-1", "kpi_id": "NPS", "impact": 2}],
    )
    upload(backlog_page, "template.xlsx", data)
    assert unescape(backlog_page.info[0].value).startswith(
        "Team backlog template.xlsx: 1 initiative to add, 0 to change, 0 unchanged."
    )
    preview = table_with(backlog_page, "After")
    # 40 000 in 2026 and nothing in 2027 and 2028: cost 40 000, written with its separator
    assert preview[["Status", "Initiative", "After"]].values.tolist() == [
        ["added", "T-1", "Chatbot · €40,000 · Purchase"]
    ]
    backlog_page.button(key="backlog_merge_confirm").click().run()
    assert "T-1" in {i.initiative_id for i in backlog_page.session_state["workspace"].initiatives}


def test_the_money_asked_is_echoed_with_thousands_separators_under_the_editor(backlog_page):
    # the sample's 48 rows of the coût column add up to 8 675 000 (summed with openpyxl)
    assert "48 initiatives, asking €8,675,000 in all." in shown(backlog_page.caption)


def test_the_same_echo_in_french_says_one_initiative_in_the_singular(two_goal_workspace):
    from dataclasses import replace as copy_with

    at = open_page(start(locale="fr-FR"), "backlog")
    one = copy_with(two_goal_workspace, initiatives=two_goal_workspace.initiatives[:1], impacts=())
    upload(at, "un.xlsx", write_workspace(one))
    # A "Callback" costs 100: one initiative, no "(s)"
    assert "1 initiative, qui demande 100 € au total." in [
        c.replace("\u00a0", " ") for c in shown(at.caption)
    ]
