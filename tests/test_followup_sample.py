"""The bundled follow-up of the Hélios Énergie plan: up to date with its script, and telling the
story it promises (2026 done, 2027 half way; one initiative dropped, one over budget, the NPS
behind plan, the complaints ahead of it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cxprior.analysis import track
from cxprior.domain import Status, default_scenario
from cxprior.portfolio import optimize, replan
from cxprior.workbook import read_followup, read_workbook

ROOT = Path(__file__).resolve().parents[1]
WORKSPACE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
FOLLOWUP = ROOT / "sample_data" / "suivi_fr.xlsx"


@pytest.fixture(scope="module")
def build_script():
    spec = importlib.util.spec_from_file_location(
        "build_followup_sample", ROOT / "scripts" / "build_followup_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ws():
    return read_workbook(WORKSPACE, lang="fr").workspace


@pytest.fixture(scope="module")
def read(ws):
    return read_followup(FOLLOWUP, ws, lang="fr")


@pytest.fixture(scope="module")
def plan(ws):
    return optimize(ws, default_scenario(ws), explain=False)


def test_the_committed_follow_up_is_what_the_script_writes_from_the_current_sample(ws, read, build_script):
    selected, followup = build_script.sample_followup(ws)
    assert read.followup == followup
    assert [p.initiative_id for p in read.followup.progress] == list(selected)
    assert read.notes == () and read.warnings == ()


def test_it_follows_the_plan_of_the_sample_in_the_middle_of_2027(ws, read, plan):
    followup = read.followup
    assert {p.initiative_id for p in followup.progress} == set(plan.selected)
    assert {m.period for m in followup.measurements} == {"2026"}
    spent_periods = {p for row in followup.progress for p in row.spent}
    assert spent_periods == {"2026", "2027"}
    assert len(followup.with_status(Status.DROPPED)) == 1
    assert followup.with_status(Status.DELIVERED)


def test_it_tells_the_story_one_dropped_one_over_budget_nps_behind_complaints_ahead(ws, read, plan):
    tracking = track(ws, plan, read.followup, lang="fr")
    assert tracking.as_of == "2027"
    assert len(tracking.over_budget) == 1
    alerts = tracking.alerts
    assert any(
        a.startswith("NPS (Net Promoter Score relationnel) est en retard sur le plan fin 2026")
        for a in alerts
    )
    assert sum("a été abandonnée après" in a for a in alerts) == 1
    assert sum("dépasse son budget" in a for a in alerts) == 1
    assert not any(a.startswith("RECLA") for a in alerts)
    assert any(
        h.startswith("RECLA (Réclamations pour 1 000 clients) est en avance") for h in tracking.highlights
    )


def test_re_planning_the_sample_from_2027_lets_the_dropped_initiative_go(ws, read, plan):
    outcome = replan(ws, default_scenario(ws), read.followup, "2027", plan=plan, lang="fr", explain=False)
    assert outcome.result.is_solved
    (dropped,) = read.followup.with_status(Status.DROPPED)
    assert dropped in outcome.removed
    assert next(c for c in outcome.changes if c.initiative_id == dropped).code == "dropped"
