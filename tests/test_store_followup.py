"""The store keeps every follow-up of an approved scenario as a version, with who and when.

Runs on SQLite, and on PostgreSQL too when CXPRIOR_TEST_DATABASE_URL is set, like
tests/test_store.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cxprior.domain import FollowUp, Measurement, Progress, Scenario, Status
from cxprior.store import FollowUpRecord, NotFoundError, Person


def _followup(spent: float) -> FollowUp:
    return FollowUp(
        progress=(
            Progress("I1", Status.IN_PROGRESS, {"2026": spent}),
            Progress("I2", Status.DROPPED, {}, start="2026"),
        ),
        measurements=(Measurement("NPS", "2026", 12.5),),
    )


@pytest.fixture
def scenario_id(store, two_goal_workspace):
    saved = store.save_workspace("Acme", two_goal_workspace, "Alice", None)
    return store.save_scenario(Scenario(name="Plan"), None, saved.ref, "Alice").scenario_id


def test_each_upload_is_a_new_version_numbered_from_one_newest_first(store, scenario_id):
    before = datetime.now(UTC)
    first = store.save_followup(
        scenario_id, _followup(10.0), Person("Léa", "lea@example.com"), source="suivi.xlsx"
    )
    second = store.save_followup(scenario_id, _followup(25.0), "Marc", source="tables")

    history = store.followup_history(scenario_id)
    assert [r.version for r in history] == [2, 1]
    assert history == (second, first)
    assert all(isinstance(r, FollowUpRecord) for r in history)
    assert history[1].author == Person("Léa", "lea@example.com") and history[1].source == "suivi.xlsx"
    assert history[0].author.name == "Marc"
    assert before <= history[1].saved_at <= history[0].saved_at <= datetime.now(UTC)


def test_a_follow_up_comes_back_equal_statuses_spend_and_measurements(store, scenario_id):
    store.save_followup(scenario_id, _followup(10.0), "Léa")

    found = store.followup_history(scenario_id)[0].followup
    assert found == _followup(10.0)
    assert found.status("I2") is Status.DROPPED and found.spent("I1") == 10.0
    assert found.measured == {"NPS": {"2026": 12.5}}


def test_versions_are_per_scenario_and_an_unknown_scenario_is_refused(store, scenario_id):
    assert store.followup_history(scenario_id) == ()
    store.save_followup(scenario_id, _followup(1.0), "Léa")
    assert store.followup_history(scenario_id + 1) == ()
    with pytest.raises(NotFoundError):
        store.save_followup(scenario_id + 1, _followup(1.0), "Léa")
