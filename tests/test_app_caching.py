"""Parsing, scoring and solving are cached: a rerun that changes nothing recomputes nothing."""

from __future__ import annotations

import pytest
from app_helpers import (
    open_page,
    start,
    upload,
)
from test_app_scenario import SMALL, run_scenario

import cxprior.optimizer
import cxprior.workbook_read
import ui
from cxprior.workbook_write import write_workspace


def _counting(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.fixture(autouse=True)
def empty_caches():
    for cached in (ui.read_bytes, ui.scores_for, ui.optimize_cached):
        cached.clear()


def test_reruns_and_page_visits_do_not_score_the_workspace_again(monkeypatch):
    calls = _counting(monkeypatch, ui, "score")
    at = start()
    assert len(calls) == 1
    at.run()
    open_page(at, "strategy")
    open_page(at, "overview")
    assert len(calls) == 1
    at.selectbox(key="sidebar_language").set_value("fr").run()
    assert len(calls) == 2  # warnings are worded in the new language


def test_the_same_upload_is_parsed_once(monkeypatch):
    calls = _counting(monkeypatch, cxprior.workbook_read, "read_workbook")
    at = open_page(start(), "backlog")
    parsed_at_start = len(calls)
    upload(at, "small.xlsx", write_workspace(SMALL))
    at.run()
    at.run()
    assert len(calls) == parsed_at_start + 1


def test_running_the_same_scenario_again_does_not_solve_again(monkeypatch):
    at = open_page(start(), "backlog")
    upload(at, "small.xlsx", write_workspace(SMALL))
    open_page(at, "scenario")
    calls = _counting(monkeypatch, cxprior.optimizer, "optimize")
    run_scenario(at, 300.0)
    run_scenario(at, 300.0)
    assert len(calls) == 1
    run_scenario(at, 150.0)
    assert len(calls) == 2


def test_a_workspace_fingerprint_is_computed_once_per_object_and_forgotten_with_it(monkeypatch):
    import gc
    from dataclasses import replace

    from cxprior import serialize

    calls = []
    real = serialize.workspace_fingerprint
    # counts without keeping the workspace alive, so that it can be freed below
    monkeypatch.setattr(serialize, "workspace_fingerprint", lambda ws: calls.append(1) or real(ws))
    workspace = replace(SMALL)  # an object of its own, equal to SMALL
    key = ui.fingerprint(workspace)
    assert ui.fingerprint(workspace) == key
    assert len(calls) == 1
    assert ui.fingerprint(SMALL) == key  # equal content, another object: same key, computed again
    assert len(calls) == 2

    address = id(workspace)
    del workspace
    gc.collect()
    assert address not in ui._fingerprints
