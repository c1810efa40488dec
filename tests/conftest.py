"""Shared fixtures: small hand-made workspaces that tests can reason about exactly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cxprior.domain import Direction, Goal, Impact, Initiative, Kpi, KpiGoalLink, Workspace
from cxprior.store import Store
from cxprior.store.testing import TEST_DATABASE_ENV, throwaway_database

# the store's tests run on SQLite always, and on a real PostgreSQL when CI provides one
POSTGRES_URL = os.environ.get(TEST_DATABASE_ENV)
STORE_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(not POSTGRES_URL, reason=f"{TEST_DATABASE_ENV} is not set"),
    ),
]


@pytest.fixture(params=STORE_BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database on each back end."""
    with throwaway_database(POSTGRES_URL if request.param == "postgresql" else None, tmp_path) as url:
        yield url


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture(autouse=True)
def app_database(tmp_path, monkeypatch) -> Path:
    """Every test gets its own SQLite store, so no test sees another's data or the user's."""
    path = tmp_path / "cxprior.db"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("CXPRIOR_DB_PATH", str(path))
    return path


@pytest.fixture
def two_goal_workspace() -> Workspace:
    """Two goals (weights 3 and 1), three KPIs of which one is disconnected, four initiatives."""
    return Workspace(
        goals=(Goal("G1", "Fidéliser", 3.0), Goal("G2", "Réduire les coûts", 1.0)),
        kpis=(
            Kpi("NPS", "Net promoter score", Direction.INCREASE, 10.0, 30.0, "pts"),
            Kpi("CHURN", "Churn", Direction.DECREASE, 12.0, 8.0, "%"),
            Kpi("ORPHAN", "Unlinked KPI", Direction.INCREASE, 0.0, 1.0),
        ),
        links=(
            KpiGoalLink("NPS", "G1", 1.0),
            KpiGoalLink("CHURN", "G1", 0.5),
            KpiGoalLink("CHURN", "G2", 1.0),
        ),
        initiatives=(
            Initiative("A", "Callback", 100.0),
            Initiative("B", "Retention offers", 200.0, confidence=0.5),
            Initiative("C", "Orphan work", 50.0),
            Initiative("D", "No impact", 10.0),
        ),
        impacts=(
            Impact("A", "NPS", 5.0),
            Impact("B", "CHURN", -1.0),
            Impact("C", "ORPHAN", 1.0),
        ),
    )
