"""The Follow-up page ("Pilotage") on the approved sample plan: it says so when nothing is
approved, reads the sample follow-up, tells its story (NPS behind plan, one initiative over
budget, one dropped) in English and in French, keeps each upload as a version, and re-plans
from 2027 with the changes explained, saved as a new draft scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import ROOT, XLSX, database_path, failures, open_page, shown, start, table_with

from cxprior.domain import default_scenario
from cxprior.portfolio import optimize
from cxprior.store import Store

FOLLOWUP = ROOT / "sample_data" / "suivi_fr.xlsx"


def approve_the_sample_plan() -> int:
    """What the COMEX page does, through the store: the sample's default plan, approved."""
    with Store.open(str(database_path())) as db:
        stored = db.load_workspace(db.list_workspaces()[0].name)
        ws = stored.workspace
        scenario = default_scenario(ws)
        saved = db.save_scenario(scenario, optimize(ws, scenario, explain=False), stored.ref, "Claire")
        db.submit_scenario(saved.scenario_id, "Claire")
        db.approve_scenario(saved.scenario_id, "Marc")
        return saved.scenario_id


def saved_scenarios() -> list[tuple[str, str]]:
    with Store.open(str(database_path())) as db:
        return [(s.name, s.status.value) for s in db.list_scenarios()]


@pytest.fixture
def page():
    at = start()  # the first session saves the sample workspace
    approve_the_sample_plan()
    return open_page(at, "followup")


def upload_followup(at, path: Path = FOLLOWUP):
    at.file_uploader(key="followup_upload").set_value((path.name, path.read_bytes(), XLSX))
    return at.run()


def test_without_an_approved_scenario_the_page_says_so_and_points_to_the_comex_review():
    at = open_page(start(), "followup")
    assert not failures(at)
    assert any("No scenario is approved yet" in text for text in shown(at.info))


def test_the_sample_follow_up_tells_the_nps_behind_plan_and_the_overrun(page):
    assert any("No follow-up yet" in text for text in shown(page.info))
    at = upload_followup(page)
    assert not failures(at)
    alerts = shown(at.warning)
    # the sample: NPS measured 6.5 at the end of 2026 where the plan expected its baseline 8.0
    # (nothing of the plan moving the NPS finishes in 2026), 1.5 points short
    assert any(
        a.startswith("NPS (Net Promoter Score relationnel) is behind plan at the end of 2026") for a in alerts
    )
    assert any("6.5 measured against 8.0 planned" in a for a in alerts)
    assert sum("is over budget" in a for a in alerts) == 1
    assert sum("was dropped after" in a for a in alerts) == 1
    # HEL-08: €299,000 spent (2026 + 2027 of the sample) against its €260,000 cost profile
    late = table_with(at, "Overrun")
    assert list(late["Initiative"]) == ["HEL-08 — Facture simplifiée et lisible"]
    assert list(late["Spent"]) == ["€299,000"] and list(late["Overrun"]) == ["€39,000"]
    assert any(text.startswith("RECLA") for text in shown(at.success))  # complaints ahead of plan


def test_in_french_the_page_is_pilotage_and_the_alerts_are_french(page):
    upload_followup(page)
    page.sidebar.selectbox[0].set_value("fr").run()
    at = page
    assert not failures(at)
    assert "Pilotage" in shown(at.title)
    assert any(
        a.startswith("NPS (Net Promoter Score relationnel) est en retard sur le plan fin 2026")
        for a in shown(at.warning)
    )
    assert list(table_with(at, "Dépassement")["Initiative"]) == ["HEL-08 — Facture simplifiée et lisible"]


def test_each_upload_is_kept_as_a_version_with_who(page):
    at = upload_followup(page)
    with Store.open(str(database_path())) as db:
        scenario_id = db.list_scenarios()[0].scenario_id
        history = db.followup_history(scenario_id)
    assert [(r.version, r.author.name, r.source) for r in history] == [(1, "Claire Martin", "suivi_fr.xlsx")]
    versions = table_with(at, "Version")
    assert list(versions["By"]) == ["Claire Martin"]


def test_replan_from_2027_shows_what_leaves_and_enters_and_saves_a_draft(page):
    at = upload_followup(page)
    at.selectbox(key="fu_replan_from").set_value("2027").run()
    at.button(key="fu_replan").click().run()
    assert not failures(at)
    text = " ".join(shown(at.markdown))
    # HEL-46 was dropped in the sample: it leaves, and what it frees lets smaller ones in
    assert "HEL-46 (Chat en ligne avec un conseiller) leaves the plan: it was dropped" in text
    assert "enters the plan" in text
    at.button(key="fu_save_replan").click().run()
    assert not failures(at)
    assert saved_scenarios() == [("Scenario — re-plan from 2027", "draft"), ("Scenario", "approved")]


def test_the_saved_replan_is_on_a_new_workspace_version_and_reopens_to_the_same_portfolio(page):
    at = upload_followup(page)
    at.selectbox(key="fu_replan_from").set_value("2027").run()
    at.button(key="fu_replan").click().run()
    replanned = at.session_state["followup_replan"][2]
    at.button(key="fu_save_replan").click().run()
    assert not failures(at)
    with Store.open(str(database_path())) as db:
        approved, draft = sorted(db.list_scenarios(), key=lambda s: s.scenario_id)
        saved = db.load_scenario(draft.scenario_id)
        versions = db.list_workspace_versions(approved.workspace.name)
        stored = db.load_workspace(saved.workspace.name, saved.workspace.version).workspace
    # the approved plan stays on version 1; the draft is on version 2, logged as the re-plan
    assert (approved.workspace.version, saved.workspace.version) == (1, 2)
    assert versions[0].version == 2 and versions[0].note.startswith("re-plan of “Scenario” from 2027")
    assert versions[0].author.name == "Claire Martin"
    # the re-plan's workspace: its horizon starts in 2027, HEL-46 (dropped) is forced out
    assert stored.periods[0] == "2027" and "HEL-46" in saved.scenario.force_out
    # reopened and solved again, the draft funds what the re-plan funded
    again = optimize(stored, saved.scenario, explain=False)
    assert again.selected == replanned.result.selected == saved.result.selected
    # the session works on that version, the draft open on the Scenario page with its changes
    assert at.session_state["current_run"] == "Scenario — re-plan from 2027"
    assert "Changes against the approved plan, from 2027" in shown(at.subheader)
    assert any("leaves the plan: it was dropped" in text for text in shown(at.markdown))


def test_another_session_opens_the_latest_stored_follow_up_without_uploading_it_again(page):
    upload_followup(page)
    other = open_page(start(author="Marc Durand"), "followup")
    assert not failures(other)
    assert any(
        a.startswith("NPS (Net Promoter Score relationnel) is behind plan") for a in shown(other.warning)
    )
    assert list(table_with(other, "Version")["By"]) == ["Claire Martin"]
