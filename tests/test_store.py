"""The store keeps workspaces (with every version), scenarios and COMEX decisions.

Every test runs on SQLite, and on PostgreSQL too when CXPRIOR_TEST_DATABASE_URL is set
(each test in a fresh schema). No mock of the database anywhere.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from string import Formatter

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

import cxprior.store as store_package
from cxprior.domain import (
    ExclusionReason,
    FocusIndicators,
    Goal,
    Initiative,
    PortfolioResult,
    Scenario,
    Workspace,
)
from cxprior.i18n.store import MESSAGES as STORE_MESSAGES
from cxprior.store import (
    InvalidInput,
    NotFoundError,
    Person,
    ScenarioStatus,
    StaleVersionError,
    Store,
    StoreUnavailable,
    TransitionError,
    format_when,
    serialize,
)
from cxprior.store.config import resolve_url
from cxprior.store.migrate import VERSION_TABLE, head_revision
from cxprior.store.models import Base
from cxprior.store.repository import TRANSITIONS


def result_for(scenario: Scenario, selected=("A",), objective=42.0) -> PortfolioResult:
    return PortfolioResult(
        status="optimal",
        objective=objective,
        gap=0.0,
        selected=tuple(selected),
        total_cost=100.0,
        cost_by_period={},
        value_by_goal={"G1": objective},
        solver="highs",
        solve_seconds=0.01,
        scenario=scenario,
        focus=FocusIndicators(len(selected), 1, "Buy", 1.0, 1.0),
        exclusions=(ExclusionReason("B", "no_room", "No room left.", cost_cut_needed=50.0),),
    )


@pytest.fixture
def saved_workspace(store, two_goal_workspace):
    return store.save_workspace("Acme 2026", two_goal_workspace, "Alice", None)


@pytest.fixture
def draft(store, saved_workspace):
    scenario = Scenario("Budget 300", budget_total=300.0)
    return store.save_scenario(scenario, result_for(scenario), saved_workspace, "Alice")


# --- opening, configuration, migrations ------------------------------------------------


def test_the_default_store_is_a_sqlite_file_created_on_first_start(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("DATABASE_URL", "CXPRIOR_DB_PATH"):
        monkeypatch.delenv(name, raising=False)

    with Store.open() as store:
        assert store.backend == "sqlite"
        assert store.location == str(tmp_path / ".cxprior" / "cxprior.db")
    assert (tmp_path / ".cxprior" / "cxprior.db").is_file()


def test_the_url_comes_from_the_argument_then_database_url_then_the_file_path():
    env = {"DATABASE_URL": "postgres://u:secret@db:5432/cx", "CXPRIOR_DB_PATH": "/data/cx.db"}

    assert str(resolve_url("sqlite:////tmp/a.db", env)) == "sqlite:////tmp/a.db"
    assert resolve_url(None, env).render_as_string(False) == "postgresql+psycopg://u:secret@db:5432/cx"
    assert str(resolve_url(None, {"CXPRIOR_DB_PATH": "/data/cx.db"})) == "sqlite:////data/cx.db"
    assert str(resolve_url("/srv/x.db", {})) == "sqlite:////srv/x.db"


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path):
    with Store.open(str(tmp_path / "cx.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_opening_migrates_to_the_latest_schema_which_matches_the_models(store):
    with store.engine.connect() as connection:
        revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        context = MigrationContext.configure(
            connection, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)

    assert revision == head_revision()
    assert differences == []


def test_opening_again_keeps_everything_saved(db_url, two_goal_workspace):
    with Store.open(db_url) as first:
        first.save_workspace("Acme", two_goal_workspace, "Alice", None)

    with Store.open(db_url) as second:
        assert second.load_workspace("Acme").workspace == two_goal_workspace


def test_a_database_upgraded_by_a_newer_version_is_refused_with_advice(db_url):
    with Store.open(db_url) as store, store.engine.begin() as connection:
        connection.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
        where = store.location

    with pytest.raises(StoreUnavailable) as caught:
        Store.open(db_url)

    assert caught.value.message == (
        f"The database ({where}) was upgraded by a newer version of cxprior (schema 9999). "
        "Update the application before using it."
    )


def test_an_unreachable_server_gives_a_message_without_the_password():
    with pytest.raises(StoreUnavailable) as caught:
        Store.open("postgresql://nobody:s3cret@127.0.0.1:1/cx")

    assert caught.value.message.startswith(
        "The database cannot be opened (postgresql+psycopg://nobody:***@127.0.0.1:1/cx): "
    )
    assert "s3cret" not in caught.value.message
    assert "connection" in caught.value.message.lower()


def test_a_sqlite_file_that_cannot_be_created_gives_a_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")

    with pytest.raises(StoreUnavailable) as caught:
        Store.open(str(blocker / "cx.db"))

    assert caught.value.message.startswith(f"The database cannot be opened ({blocker / 'cx.db'}): ")


def test_dates_in_messages_use_the_display_time_zone(monkeypatch):
    moment = datetime(2026, 3, 5, 13, 32, tzinfo=UTC)

    assert format_when(moment, "en") == "2026-03-05 at 13:32 UTC"
    monkeypatch.setenv("CXPRIOR_TIMEZONE", "Europe/Paris")
    assert format_when(moment, "fr") == "05/03/2026 à 14:32 CET"
    assert format_when(moment, "en") == "2026-03-05 at 14:32 CET"


# --- workspaces ------------------------------------------------------------------------


def test_a_saved_workspace_loads_back_equal_with_its_version_and_author(store, two_goal_workspace):
    saved = store.save_workspace("  Acme   2026 ", two_goal_workspace, "  Alice ", None, note="upload.xlsx")

    loaded = store.load_workspace("Acme 2026")

    assert loaded.workspace == two_goal_workspace
    assert (loaded.name, loaded.version, loaded.is_current) == ("Acme 2026", 1, True)
    assert loaded.meta == saved
    assert (saved.author, saved.note, saved.goals, saved.kpis, saved.initiatives) == (
        Person("Alice"),
        "upload.xlsx",
        2,
        3,
        4,
    )
    assert saved.saved_at.tzinfo is not None


def test_each_save_is_a_new_version_and_every_version_stays_loadable(store, two_goal_workspace):
    store.save_workspace("Acme", two_goal_workspace, "Alice", None)
    edited = replace(two_goal_workspace, goals=(Goal("G1", "Fidéliser", 5.0),))
    store.save_workspace("Acme", edited, "Bob", 1, note="weights")

    versions = store.list_workspace_versions("Acme")

    assert [(v.version, v.author.name, v.note) for v in versions] == [(2, "Bob", "weights"), (1, "Alice", "")]
    assert store.load_workspace("Acme").workspace == edited
    old = store.load_workspace("Acme", version=1)
    assert old.workspace == two_goal_workspace
    assert (old.version, old.current_version, old.is_current) == (1, 2, False)


def test_restoring_an_old_version_adds_a_new_version_with_its_content(store, two_goal_workspace):
    store.save_workspace("Acme", two_goal_workspace, "Alice", None)
    store.save_workspace("Acme", Workspace(), "Bob", 1)

    restored = store.restore_workspace_version("Acme", 1, "Carol", expected_version=2)

    assert (restored.version, restored.restored_from, restored.author.name) == (3, 1, "Carol")
    assert store.load_workspace("Acme").workspace == two_goal_workspace
    assert [v.version for v in store.list_workspace_versions("Acme")] == [3, 2, 1]


def test_restoring_over_a_newer_version_is_refused(store, two_goal_workspace):
    store.save_workspace("Acme", two_goal_workspace, "Alice", None)
    store.save_workspace("Acme", two_goal_workspace, "Bob", 1)

    with pytest.raises(StaleVersionError):
        store.restore_workspace_version("Acme", 1, "Carol", expected_version=1)

    assert [v.version for v in store.list_workspace_versions("Acme")] == [2, 1]


def test_workspaces_are_listed_by_name_with_their_latest_version(store, two_goal_workspace):
    store.save_workspace("Zeta", two_goal_workspace, "Alice", None)
    store.save_workspace("Acme", two_goal_workspace, "Bob", None)
    store.save_workspace("Acme", two_goal_workspace, "Carol", 1)

    heads = store.list_workspaces()

    assert [(h.name, h.current_version, h.updated_by.name) for h in heads] == [
        ("Acme", 2, "Carol"),
        ("Zeta", 1, "Alice"),
    ]


def test_saving_over_a_newer_version_is_refused_naming_who_and_when(store, two_goal_workspace):
    store.save_workspace("Acme", two_goal_workspace, "Alice", None)
    bobs = store.save_workspace("Acme", two_goal_workspace, "Bob", 1)

    with pytest.raises(StaleVersionError) as caught:
        store.save_workspace("Acme", Workspace(), "Alice", 1)

    error = caught.value
    assert error.message == (
        f"Bob changed workspace “Acme” on {format_when(bobs.saved_at, 'en')} (it is now at version 2; "
        "your work started from version 1). Nothing was saved. Reload it to see their changes, "
        "or save yours as a copy."
    )
    assert error.in_language("fr") == (
        f"Bob a modifié l'espace de travail « Acme » le {format_when(bobs.saved_at, 'fr')} (il en est "
        "à la version 2 ; votre travail part de la version 1). Rien n'a été enregistré. Rechargez-le "
        "pour voir ses modifications, ou enregistrez les vôtres comme copie."
    )
    assert (error.changed_by, error.changed_at, error.can_save_as_copy) == (
        Person("Bob"),
        bobs.saved_at,
        True,
    )
    assert store.load_workspace("Acme").workspace == two_goal_workspace


def test_creating_a_workspace_under_a_taken_name_is_refused(store, two_goal_workspace):
    first = store.save_workspace("Acme", two_goal_workspace, "Alice", None)

    with pytest.raises(StaleVersionError) as caught:
        store.save_workspace("Acme", Workspace(), "Bob", None)

    assert caught.value.message == (
        f"A workspace named “Acme” already exists: Alice saved it on {format_when(first.saved_at)}. "
        "Nothing was saved. Open it to work on it, or save yours as a copy."
    )
    assert [v.version for v in store.list_workspace_versions("Acme")] == [1]


def test_a_refused_save_can_be_kept_as_a_copy_under_a_free_name(store, two_goal_workspace):
    store.save_workspace("Acme", two_goal_workspace, "Alice", None)
    mine = Workspace(goals=(Goal("G9", "Mine", 1.0),))

    first = store.save_workspace_as_copy("Acme", mine, "Bob")
    second = store.save_workspace_as_copy("Acme", mine, "Bob")
    french = store.save_workspace_as_copy("Acme", mine, "Chloé", lang="fr")

    assert (first.name, second.name, french.name) == ("Acme (copy)", "Acme (copy 2)", "Acme (copie)")
    assert store.load_workspace("Acme (copy)").workspace == mine
    assert store.load_workspace("Acme").workspace == two_goal_workspace


def test_a_copy_of_a_workspace_with_a_long_name_is_shortened_but_still_says_copy(store, two_goal_workspace):
    long_name = "Plan " + "x" * 195
    store.save_workspace(long_name, two_goal_workspace, "Alice", None)

    copy = store.save_workspace_as_copy(long_name, two_goal_workspace, "Bob")

    assert len(copy.name) == 200
    assert copy.name == "Plan " + "x" * 188 + " (copy)"


def test_an_authenticated_author_keeps_their_user_id(store, two_goal_workspace):
    store.save_workspace("Acme", two_goal_workspace, Person("Alice Martin", "alice@acme.fr"), None)

    (version,) = store.list_workspace_versions("Acme")

    assert version.author == Person("Alice Martin", "alice@acme.fr")


@pytest.mark.parametrize("author", ["", "   ", None, Person(" ")])
def test_a_save_without_an_author_name_is_refused(store, two_goal_workspace, author):
    with pytest.raises(InvalidInput) as caught:
        store.save_workspace("Acme", two_goal_workspace, author, None)

    assert caught.value.message == "Enter your name first: every save records who made it."
    assert caught.value.in_language("fr") == (
        "Saisissez d'abord votre nom : chaque enregistrement garde la trace de son auteur."
    )
    assert store.list_workspaces() == ()


def test_a_workspace_needs_a_name_of_reasonable_length(store, two_goal_workspace):
    with pytest.raises(InvalidInput, match=r"^Give the workspace a name.$"):
        store.save_workspace("  ", two_goal_workspace, "Alice", None)
    with pytest.raises(InvalidInput, match=r"^A workspace name can be at most 200 characters long.$"):
        store.save_workspace("x" * 201, two_goal_workspace, "Alice", None)


def test_unknown_workspaces_and_versions_are_named_in_the_message(store, saved_workspace):
    with pytest.raises(NotFoundError, match=r"^There is no workspace named “Nope”.$"):
        store.load_workspace("Nope")
    with pytest.raises(NotFoundError, match=r"^Workspace “Acme 2026” has no version 7.$") as caught:
        store.load_workspace("Acme 2026", version=7)
    assert caught.value.in_language("fr") == "L'espace de travail « Acme 2026 » n'a pas de version 7."
    with pytest.raises(NotFoundError):
        store.save_workspace("Nope", Workspace(), "Alice", 1)


def test_a_workspace_that_cannot_be_written_leaves_the_store_unchanged(store, saved_workspace):
    broken = Workspace(initiatives=(Initiative("A", "a", 1.0, owner=math.nan),))

    with pytest.raises(TypeError):
        store.save_workspace("Acme 2026", broken, "Alice", 1)

    assert [v.version for v in store.list_workspace_versions("Acme 2026")] == [1]


# --- scenarios -------------------------------------------------------------------------


def test_a_saved_scenario_loads_back_with_its_result_author_and_workspace_version(store, saved_workspace):
    scenario = Scenario("Budget 300", budget_total=300.0, force_in=("A",), force_reasons={"A": "légal"})
    result = result_for(scenario, selected=("A", "B"))

    saved = store.save_scenario(scenario, result, saved_workspace, Person("Alice", "alice@acme.fr"))
    loaded = store.load_scenario(saved.scenario_id)

    assert loaded == saved
    assert (loaded.scenario, loaded.result) == (scenario, result)
    assert (loaded.status, loaded.version, loaded.workspace) == (
        ScenarioStatus.DRAFT,
        1,
        saved_workspace.ref,
    )
    assert loaded.created_by == loaded.updated_by == Person("Alice", "alice@acme.fr")


def test_a_scenario_can_be_saved_before_it_is_optimised(store, saved_workspace):
    saved = store.save_scenario(Scenario("Idea"), None, saved_workspace, "Alice")

    assert store.load_scenario(saved.scenario_id).result is None
    (summary,) = store.list_scenarios()
    assert (summary.objective, summary.selected_count, summary.result_status) == (None, None, None)


def test_the_scenario_list_shows_headline_figures_newest_change_first(store, saved_workspace, draft):
    other = store.save_scenario(Scenario("Budget 500"), None, saved_workspace, "Bob")
    store.save_scenario(
        draft.scenario,
        result_for(draft.scenario, ("A", "C"), 50.0),
        saved_workspace,
        "Alice",
        draft.version,
        scenario_id=draft.scenario_id,
    )

    summaries = store.list_scenarios()

    assert [(s.name, s.version, s.objective, s.selected_count) for s in summaries] == [
        ("Budget 300", 2, 50.0, 2),
        ("Budget 500", 1, None, None),
    ]
    assert summaries[1].scenario_id == other.scenario_id
    assert summaries[0].workspace.name == "Acme 2026"


def test_scenarios_can_be_listed_by_status_and_workspace(store, saved_workspace, draft, two_goal_workspace):
    elsewhere = store.save_workspace("Other", two_goal_workspace, "Bob", None)
    store.save_scenario(Scenario("Elsewhere"), None, elsewhere, "Bob")
    store.submit_scenario(draft.scenario_id, "Alice")

    assert [s.name for s in store.list_scenarios(ScenarioStatus.SUBMITTED)] == ["Budget 300"]
    assert [s.name for s in store.list_scenarios("draft")] == ["Elsewhere"]
    assert [s.name for s in store.list_scenarios(workspace_name="Other")] == ["Elsewhere"]
    assert [s.name for s in store.list_scenarios(["draft", "submitted"], workspace_name="Acme 2026")] == [
        "Budget 300"
    ]


def test_editing_a_scenario_bumps_its_version(store, saved_workspace, draft):
    changed = replace(draft.scenario, budget_total=250.0)

    saved = store.save_scenario(
        changed, None, saved_workspace, "Bob", draft.version, scenario_id=draft.scenario_id
    )

    assert (saved.version, saved.updated_by, saved.created_by) == (2, Person("Bob"), Person("Alice"))
    assert store.load_scenario(draft.scenario_id).scenario == changed


def test_editing_a_scenario_changed_by_someone_else_is_refused_and_can_be_saved_as_a_copy(
    store, saved_workspace, draft
):
    bobs = store.save_scenario(
        draft.scenario, None, saved_workspace, "Bob", draft.version, scenario_id=draft.scenario_id
    )
    mine = replace(draft.scenario, budget_total=999.0)

    with pytest.raises(StaleVersionError) as caught:
        store.save_scenario(
            mine, None, saved_workspace, "Alice", draft.version, scenario_id=draft.scenario_id
        )
    copy = store.save_scenario(
        mine, None, saved_workspace, "Alice", draft.version, scenario_id=draft.scenario_id, as_copy=True
    )

    assert caught.value.message == (
        f"Bob changed scenario “Budget 300” on {format_when(bobs.updated_at)} (it is now at version 2, "
        "status “draft”; your work started from version 1). Nothing was saved. Reload it to see the "
        "changes, or save yours as a copy."
    )
    assert caught.value.in_language("fr") == (
        f"Bob a modifié le scénario « Budget 300 » le {format_when(bobs.updated_at, 'fr')} (il en est "
        "à la version 2, statut « brouillon » ; votre travail part de la version 1). Rien n'a été "
        "enregistré. Rechargez-le pour voir les modifications, ou enregistrez les vôtres comme copie."
    )
    assert (copy.copied_from, copy.status, copy.version, copy.scenario) == (
        draft.scenario_id,
        ScenarioStatus.DRAFT,
        1,
        mine,
    )
    assert store.load_scenario(draft.scenario_id).version == 2


def test_editing_needs_the_version_it_started_from(store, saved_workspace, draft):
    with pytest.raises(ValueError, match="needs the version"):
        store.save_scenario(draft.scenario, None, saved_workspace, "Bob", scenario_id=draft.scenario_id)


def test_a_scenario_must_refer_to_a_saved_workspace_version(store, saved_workspace):
    from cxprior.store import WorkspaceRef

    with pytest.raises(NotFoundError, match=r"^Workspace “Acme 2026” has no version 4.$"):
        store.save_scenario(Scenario("S"), None, WorkspaceRef("Acme 2026", 4), "Alice")


def test_an_unknown_scenario_is_reported_by_number(store):
    with pytest.raises(NotFoundError) as caught:
        store.load_scenario(404)

    assert caught.value.message == "There is no scenario number 404; it may never have been saved."
    assert caught.value.in_language("fr") == (
        "Il n'y a pas de scénario numéro 404 ; il n'a peut-être jamais été enregistré."
    )


# --- the approval workflow -------------------------------------------------------------


def test_submit_then_approve_records_every_step_with_who_and_why(store, draft):
    submitted = store.submit_scenario(draft.scenario_id, "Alice", "Ready for COMEX", draft.version)
    approved = store.approve_scenario(
        draft.scenario_id, Person("Paul (COMEX)"), "Go", expected_version=submitted.version
    )

    log = store.decision_log(draft.scenario_id)

    assert (approved.status, approved.version, approved.updated_by) == (
        ScenarioStatus.APPROVED,
        3,
        Person("Paul (COMEX)"),
    )
    assert [(d.from_status, d.to_status, d.author.name, d.comment, d.scenario_version) for d in log] == [
        (None, "draft", "Alice", "", 1),
        ("draft", "submitted", "Alice", "Ready for COMEX", 2),
        ("submitted", "approved", "Paul (COMEX)", "Go", 3),
    ]
    assert log[2].decided_at == approved.updated_at
    assert approved.result == draft.result


def test_sent_back_then_edited_and_submitted_again(store, saved_workspace, draft):
    store.submit_scenario(draft.scenario_id, "Alice")
    sent_back = store.send_back_scenario(draft.scenario_id, "Paul", "Too many phases")
    edited = store.save_scenario(
        replace(draft.scenario, max_phases=2),
        draft.result,
        saved_workspace,
        "Alice",
        sent_back.version,
        scenario_id=draft.scenario_id,
    )
    store.submit_scenario(draft.scenario_id, "Alice", expected_version=edited.version)
    final = store.approve_scenario(draft.scenario_id, "Paul")

    assert edited.status is ScenarioStatus.SENT_BACK
    assert final.scenario.max_phases == 2
    assert [(d.to_status, d.comment) for d in store.decision_log(draft.scenario_id)] == [
        ("draft", ""),
        ("submitted", ""),
        ("sent_back", "Too many phases"),
        ("submitted", ""),
        ("approved", ""),
    ]


def test_sending_back_needs_a_comment(store, draft):
    store.submit_scenario(draft.scenario_id, "Alice")

    with pytest.raises(InvalidInput) as caught:
        store.send_back_scenario(draft.scenario_id, "Paul", "   ")

    assert caught.value.message == "Say why the scenario is sent back: a comment is required."
    assert caught.value.in_language("fr") == (
        "Dites pourquoi le scénario est renvoyé : un commentaire est obligatoire."
    )
    assert store.load_scenario(draft.scenario_id).status is ScenarioStatus.SUBMITTED


def test_a_scenario_without_a_portfolio_cannot_be_submitted(store, saved_workspace):
    idea = store.save_scenario(Scenario("Idea"), None, saved_workspace, "Alice")

    with pytest.raises(TransitionError) as caught:
        store.submit_scenario(idea.scenario_id, "Alice")

    assert caught.value.message == "Scenario “Idea” has no portfolio yet: optimise it before submitting it."


def test_a_sent_back_scenario_can_be_reopened_and_a_submitted_one_withdrawn(store, draft):
    store.submit_scenario(draft.scenario_id, "Alice")
    store.send_back_scenario(draft.scenario_id, "Paul", "Rework")
    reopened = store.reopen_scenario(draft.scenario_id, "Alice")
    store.submit_scenario(draft.scenario_id, "Alice")
    withdrawn = store.withdraw_scenario(draft.scenario_id, "Alice", "Wrong budget")

    assert reopened.status is ScenarioStatus.DRAFT
    assert withdrawn.status is ScenarioStatus.DRAFT
    assert store.decision_log(draft.scenario_id)[-1].comment == "Wrong budget"


def test_an_approved_scenario_is_final_but_can_be_duplicated_into_a_draft(store, saved_workspace, draft):
    store.submit_scenario(draft.scenario_id, "Alice")
    approved = store.approve_scenario(draft.scenario_id, "Paul")

    with pytest.raises(TransitionError) as caught:
        store.send_back_scenario(draft.scenario_id, "Paul", "Changed my mind")
    with pytest.raises(TransitionError):
        store.save_scenario(
            draft.scenario, None, saved_workspace, "Alice", approved.version, scenario_id=draft.scenario_id
        )
    with pytest.raises(TransitionError):
        store.delete_scenario(draft.scenario_id, "Alice", approved.version)
    copy = store.duplicate_scenario(draft.scenario_id, "Budget 300 — v2", "Alice")

    assert caught.value.message == (
        "Scenario “Budget 300” cannot be sent back: its status is “approved”. An approved scenario "
        "is final: duplicate it to start a new draft."
    )
    assert caught.value.in_language("fr") == (
        "Le scénario « Budget 300 » ne peut pas être renvoyé : son statut est « approuvé ». Un "
        "scénario approuvé est définitif : dupliquez-le pour repartir d'un brouillon."
    )
    assert store.load_scenario(draft.scenario_id) == approved
    assert (copy.name, copy.status, copy.copied_from, copy.result) == (
        "Budget 300 — v2",
        ScenarioStatus.DRAFT,
        draft.scenario_id,
        draft.result,
    )
    assert copy.scenario == replace(draft.scenario, name="Budget 300 — v2")


def test_a_submitted_scenario_is_frozen_until_the_comex_decides(store, saved_workspace, draft):
    submitted = store.submit_scenario(draft.scenario_id, "Alice")

    with pytest.raises(TransitionError) as caught:
        store.save_scenario(
            draft.scenario, None, saved_workspace, "Alice", submitted.version, scenario_id=draft.scenario_id
        )

    assert caught.value.message == (
        "Scenario “Budget 300” cannot be changed: its status is “submitted”. It awaits the COMEX "
        "decision: withdraw it to change it."
    )


def test_a_draft_cannot_be_approved_before_it_is_submitted(store, draft):
    with pytest.raises(TransitionError, match="cannot be approved: its status is “draft”"):
        store.approve_scenario(draft.scenario_id, "Paul")


def test_a_deleted_scenario_leaves_the_lists_but_keeps_its_history(store, draft):
    deleted = store.delete_scenario(draft.scenario_id, "Alice", draft.version, "Duplicate of B")

    assert deleted.status is ScenarioStatus.DELETED
    assert store.list_scenarios() == ()
    assert [s.scenario_id for s in store.list_scenarios("deleted")] == [draft.scenario_id]
    assert store.load_scenario(draft.scenario_id).scenario == draft.scenario
    assert [(d.to_status, d.comment) for d in store.decision_log(draft.scenario_id)] == [
        ("draft", ""),
        ("deleted", "Duplicate of B"),
    ]


def test_saving_a_scenario_someone_deleted_says_so(store, saved_workspace, draft):
    deleted = store.delete_scenario(draft.scenario_id, "Bob", draft.version)

    with pytest.raises(StaleVersionError) as caught:
        store.save_scenario(
            draft.scenario, None, saved_workspace, "Alice", draft.version, scenario_id=draft.scenario_id
        )

    assert caught.value.message == (
        f"Bob deleted scenario “Budget 300” on {format_when(deleted.updated_at)}. Nothing was saved. "
        "Save yours as a copy to keep it."
    )


def test_a_decision_on_a_version_that_changed_meanwhile_is_refused(store, draft):
    store.submit_scenario(draft.scenario_id, "Alice")
    store.send_back_scenario(draft.scenario_id, "Paul", "No")

    with pytest.raises(StaleVersionError):
        store.approve_scenario(draft.scenario_id, "Marie", expected_version=2)

    assert store.load_scenario(draft.scenario_id).status is ScenarioStatus.SENT_BACK


# --- messages --------------------------------------------------------------------------


def test_every_store_message_has_english_and_french_with_the_same_placeholders():
    fields = lambda template: {name for _, name, _, _ in Formatter().parse(template) if name}  # noqa: E731

    for key, entry in STORE_MESSAGES.items():
        assert key.startswith("store.")
        assert entry["en"].strip() and entry["fr"].strip(), key
        assert fields(entry["en"]) == fields(entry["fr"]), key


def test_every_message_key_the_store_uses_is_in_the_catalog():
    sources = [*Path(store_package.__file__).parent.glob("*.py"), Path(serialize.__file__)]
    used = {key for path in sources for key in re.findall(r'(?<![f{])"(store\.[a-z_.]+)"', path.read_text())}
    used |= {f"store.status.{s.value}" for s in ScenarioStatus} | {
        f"store.hint.{s.value}" for s in ScenarioStatus
    }
    used |= {f"store.action.{action}" for action in [*TRANSITIONS, "edit"]}
    used |= {f"store.kind.{kind}" for kind in serialize.KINDS}
    used |= {
        f"store.{what}_name_{rule}" for what in ("workspace", "scenario") for rule in ("required", "too_long")
    }

    assert len(used) > 40
    assert sorted(used - STORE_MESSAGES.keys()) == []


# --- the team's default workspace ------------------------------------------------------------


def test_a_store_has_no_default_workspace_until_an_editor_sets_one(store, saved_workspace):
    assert store.default_workspace() is None
    assert store.default_workspace_log() == ()


def test_the_default_workspace_is_the_last_one_set_and_every_change_is_logged_with_who(
    store, saved_workspace, two_goal_workspace
):
    store.save_workspace_as_copy("Acme 2026", two_goal_workspace, "Bob")  # "Acme 2026 (copy)"
    store.set_default_workspace("Acme 2026", "Alice")
    store.set_default_workspace("Acme 2026 (copy)", Person("Bob", "bob@example.com"))

    # saving a copy later does not move the default: only set_default_workspace does
    store.save_workspace_as_copy("Acme 2026", two_goal_workspace, "Carol")
    assert store.default_workspace() == "Acme 2026 (copy)"
    log = store.default_workspace_log()
    assert [(c.name, c.author) for c in log] == [
        ("Acme 2026 (copy)", Person("Bob", "bob@example.com")),
        ("Acme 2026", Person("Alice")),
    ]
    assert log[0].set_at >= log[1].set_at


def test_only_a_saved_workspace_can_become_the_default_and_an_author_is_required(store, saved_workspace):
    with pytest.raises(NotFoundError):
        store.set_default_workspace("Nowhere", "Alice")
    with pytest.raises(InvalidInput):
        store.set_default_workspace("Acme 2026", "  ")
    assert store.default_workspace() is None
