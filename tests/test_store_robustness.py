"""The store keeps robustness analyses per portfolio, so the COMEX sees them after a restart.

Runs on SQLite, and on PostgreSQL too when CXPRIOR_TEST_DATABASE_URL is set, like
tests/test_store.py.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import inspect

from cxprior.portfolio import UncertaintyResult
from cxprior.store import Person, RobustnessRecord, Store
from cxprior.store.config import make_engine, resolve_url
from cxprior.store.migrate import alembic_config


def key(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def analysis(draws: int = 4, seed: int = 0) -> UncertaintyResult:
    return UncertaintyResult(
        draws=draws,
        seed=seed,
        delivery_risk=True,
        chosen=("A", "B"),
        ids=("A", "B", "C"),
        core_index={"A": 1.0, "B": 0.5, "C": 0.0},
        category={"A": "core", "B": "borderline", "C": "never"},
        chosen_value=(55.0, 95.0, math.nan, 75.0)[:draws] + (60.0,) * max(0, draws - 4),
        optimum_value=(60.0, 95.0, math.nan, 80.0)[:draws] + (61.0,) * max(0, draws - 4),
        expected_chosen_value=75.0,
        infeasible_draws=1,
        unproven_draws=0,
        seconds=0.25,
    )


def test_a_saved_analysis_comes_back_equal_with_who_and_when(store):
    before = datetime.now(UTC)
    saved = store.save_robustness(key("p1"), analysis(), Person("Léa", "lea@example.com"))

    found = store.find_robustness(key("p1"))
    assert isinstance(found, RobustnessRecord)
    assert found == saved
    assert found.author == Person("Léa", "lea@example.com")
    assert before <= found.computed_at <= datetime.now(UTC)
    # NaN (an infeasible draw) survives the JSON round trip
    assert math.isnan(found.result.chosen_value[2])
    assert found.result.chosen_value[:2] == (55.0, 95.0)
    assert replace(found.result, chosen_value=(), optimum_value=()) == replace(
        analysis(), chosen_value=(), optimum_value=()
    )


def test_the_latest_analysis_of_a_portfolio_is_found_and_others_by_draws_and_seed(store):
    store.save_robustness(key("p1"), analysis(draws=4), "Léa")
    store.save_robustness(key("p1"), analysis(draws=6, seed=3), "Marc")
    store.save_robustness(key("p2"), analysis(draws=5), "Léa")

    assert store.find_robustness(key("p1")).result.draws == 6
    assert store.find_robustness(key("p1"), draws=4, seed=0).author == Person("Léa")
    assert store.find_robustness(key("p1"), draws=4, seed=3) is None
    assert store.find_robustness(key("p3")) is None


def test_the_same_portfolio_draws_and_seed_saved_twice_keep_the_first(store):
    first = store.save_robustness(key("p1"), analysis(), "Léa")
    second = store.save_robustness(key("p1"), replace(analysis(), seconds=9.0), "Marc")

    assert second == first
    assert store.find_robustness(key("p1")).author == Person("Léa")


def test_an_analysis_needs_an_author_and_a_portfolio_digest(store):
    with pytest.raises(Exception, match="name"):
        store.save_robustness(key("p1"), analysis(), "  ")
    with pytest.raises(ValueError, match="not a portfolio key"):
        store.find_robustness("p1'; DROP TABLE robustness_analyses; --")


def test_a_database_at_the_second_schema_gains_the_analyses_table_and_keeps_its_data(
    db_url, two_goal_workspace
):
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0002")
        assert "robustness_analyses" not in inspect(engine).get_table_names()

        with Store.open(db_url) as opened:
            opened.save_workspace("Acme", two_goal_workspace, "Alice", None)
            opened.save_robustness(key("p1"), analysis(), "Alice")

        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0002")
        assert "robustness_analyses" not in inspect(engine).get_table_names()
        with Store.open(db_url) as reopened:
            assert reopened.load_workspace("Acme").workspace == two_goal_workspace
            assert reopened.find_robustness(key("p1")) is None
    finally:
        engine.dispose()
