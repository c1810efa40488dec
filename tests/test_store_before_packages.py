"""A database written before cxprior was split into packages still loads in full.

`tests/data/store_before_packages.db` was written by the flat-module code (commit c5ee144):
the sample workspace, its default scenario solved, submitted and approved, a robustness
analysis of 20 draws (seed 3) and one maturity self-assessment. Stored documents are keyed by
kind strings, never by module paths, so moving the modules must not change what loads.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from cxprior.domain import default_scenario
from cxprior.portfolio import optimize
from cxprior.store import Store
from cxprior.workbook import read_workbook

DATA = Path(__file__).resolve().parent / "data" / "store_before_packages.db"
# the database was written from the sample as it was before the roadmap (contract v1)
SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "cx_workspace_fr_v1.xlsx"


@pytest.fixture
def old_store(tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(DATA, copy)  # opening migrates in place: never touch the committed file
    store = Store.open(f"sqlite:///{copy}")
    yield store
    store.close()


def test_the_old_workspace_loads_equal_to_the_sample_it_was_saved_from(old_store):
    stored = old_store.load_workspace("helios")
    assert stored.workspace == read_workbook(SAMPLE).workspace


def test_the_old_approved_scenario_loads_with_the_portfolio_the_optimizer_still_finds(old_store):
    (summary,) = old_store.list_scenarios()
    stored = old_store.load_scenario(summary.scenario_id)
    assert stored.status == "approved"
    assert stored.name == "Budget 2026"
    workspace = read_workbook(SAMPLE).workspace
    assert stored.scenario == default_scenario(workspace, "Budget 2026")
    today = optimize(workspace, stored.scenario, explain=False)
    assert stored.result.selected == today.selected
    assert stored.result.objective == pytest.approx(today.objective)
    assert [d.to_status for d in old_store.decision_log(summary.scenario_id)][-2:] == [
        "submitted",
        "approved",
    ]


def test_the_old_robustness_analysis_and_maturity_assessment_load(old_store):
    key = hashlib.sha256(b"helios-budget-2026").hexdigest()
    record = old_store.find_robustness(key)
    assert record is not None
    assert (record.result.draws, record.result.seed) == (20, 3)
    (maturity,) = old_store.maturity_history("helios")
    assert maturity.overall_score == pytest.approx(2.8)  # (2 + 3 + 3 + 4 + 2) / 5 in each competency
