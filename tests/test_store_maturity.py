"""The store keeps every maturity self-assessment: who answered, when, where the company stood.

Runs on SQLite, and on PostgreSQL too when CXPRIOR_TEST_DATABASE_URL is set (each test in a
fresh schema), like tests/test_store.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text

from cxprior.analysis import MaturityError, assess, parse_answers
from cxprior.domain import Competency
from cxprior.store import InvalidInput, MaturityRecord, Person, Store
from cxprior.store.config import make_engine, resolve_url
from cxprior.store.migrate import VERSION_TABLE, alembic_config, head_revision


def answers(understanding=2, strategy=3, culture=4, design=5):
    """Every statement of a competency gets the same score."""
    return parse_answers(
        {
            "customer_understanding": [understanding] * 5,
            "strategy_engagement": [strategy] * 5,
            "culture_management": [culture] * 5,
            "design_improvement": [design] * 5,
        }
    )


def test_a_saved_assessment_comes_back_with_its_answers_author_and_step(store):
    before = datetime.now(UTC)
    saved = store.save_maturity(assess(answers()), "Léa Moreau", workspace_name="Acme 2026")

    (record,) = store.maturity_history("Acme 2026")
    assert isinstance(record, MaturityRecord)
    assert record == saved
    assert record.author == Person("Léa Moreau")
    assert record.workspace_name == "Acme 2026"
    assert record.answers == answers()
    # scores 2, 3, 4, 5 → mean 3.5 → step 4; customer understanding (2) is the weakest
    assert (record.overall_score, record.overall_step, record.weakest) == (
        3.5,
        4,
        Competency.CUSTOMER_UNDERSTANDING,
    )
    assert record.assessment == assess(answers())
    assert before <= record.assessed_at <= datetime.now(UTC)
    assert record.assessed_at.tzinfo is not None


def test_the_history_is_newest_first_and_can_be_limited(store):
    for score in (1, 2, 3):
        store.save_maturity(answers(score, score, score, score), f"Author {score}", workspace_name="Acme")

    history = store.maturity_history("Acme")
    assert [r.author.name for r in history] == ["Author 3", "Author 2", "Author 1"]
    assert [r.overall_step for r in history] == [4, 2, 1]
    assert [r.author.name for r in store.maturity_history("Acme", limit=2)] == ["Author 3", "Author 2"]


def test_each_workspace_has_its_own_history_and_none_lists_every_assessment(store):
    store.save_maturity(answers(), "Alice", workspace_name="Acme")
    store.save_maturity(answers(5, 5, 5, 5), "Bruno", workspace_name="Globex")
    store.save_maturity(answers(1, 1, 1, 1), "Chloé")

    assert [r.author.name for r in store.maturity_history("Acme")] == ["Alice"]
    assert [r.author.name for r in store.maturity_history(" Globex ")] == ["Bruno"]
    assert [r.author.name for r in store.maturity_history()] == ["Chloé", "Bruno", "Alice"]
    assert store.maturity_history("Nobody") == ()


def test_answers_alone_can_be_saved_and_an_authenticated_author_keeps_their_id(store):
    record = store.save_maturity(answers(), Person("Léa", "lea@example.com"))
    assert record.author == Person("Léa", "lea@example.com")
    assert record.workspace_name is None
    assert record.overall_step == 4


def test_the_figures_kept_are_those_of_the_answers_not_of_a_tampered_assessment(store):
    tampered = replace(assess(answers()), overall_step=6, weakest=Competency.DESIGN_IMPROVEMENT)
    record = store.save_maturity(tampered, "Alice")
    assert (record.overall_step, record.weakest) == (4, Competency.CUSTOMER_UNDERSTANDING)


@pytest.mark.parametrize("author", ["", "   ", None])
def test_an_assessment_without_an_author_is_refused_and_nothing_is_saved(store, author):
    with pytest.raises(InvalidInput) as caught:
        store.save_maturity(answers(), author)
    assert caught.value.message == "Enter your name first: every save records who made it."
    assert store.maturity_history() == ()


def test_answers_out_of_range_are_refused_and_nothing_is_saved(store):
    bad = replace(answers(), scores={**answers().scores, Competency.CULTURE_MANAGEMENT: (3, 3, 3, 3, 9)})
    with pytest.raises(MaturityError) as caught:
        store.save_maturity(bad, "Alice")
    assert caught.value.message == "“Culture and management”, statement 5: “9” is not a score from 1 to 5."
    assert store.maturity_history() == ()


def test_a_database_at_the_first_schema_gains_the_history_table_and_keeps_its_data(
    db_url, two_goal_workspace
):
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
        assert "maturity_assessments" not in inspect(engine).get_table_names()

        with Store.open(db_url) as opened:
            opened.save_workspace("Acme", two_goal_workspace, "Alice", None)
            opened.save_maturity(answers(), "Alice", workspace_name="Acme")

        with engine.connect() as connection:
            revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        assert revision == head_revision()

        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0001")
        assert "maturity_assessments" not in inspect(engine).get_table_names()
        with Store.open(db_url) as reopened:
            assert reopened.load_workspace("Acme").workspace == two_goal_workspace
            assert reopened.maturity_history() == ()
    finally:
        engine.dispose()
