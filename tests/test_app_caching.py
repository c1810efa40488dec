"""Parsing, scoring and solving are cached: a rerun that changes nothing recomputes nothing."""

from __future__ import annotations

import pytest
from app_helpers import (
    open_page,
    start,
    upload,
)
from test_app_scenario import SMALL, run_scenario

from cxprior.workbook import write_workspace
from ui import cached


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
    for cache in (cached.read_bytes, cached.scores_for, cached.optimize_cached):
        cache.clear()
    cached.forget_solved()


def test_reruns_and_page_visits_do_not_score_the_workspace_again(monkeypatch):
    calls = _counting(monkeypatch, cached, "score")
    at = start()
    assert len(calls) == 1
    at.run()
    open_page(at, "strategy")
    open_page(at, "overview")
    assert len(calls) == 1
    at.selectbox(key="sidebar_language").set_value("fr").run()
    assert len(calls) == 2  # warnings are worded in the new language


def test_the_same_upload_is_parsed_once(monkeypatch):
    calls = _counting(monkeypatch, cached, "read_workbook")
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
    calls = _counting(monkeypatch, cached, "optimize_staged")
    solved_again = _counting(monkeypatch, cached, "optimize")
    run_scenario(at, 300.0)
    run_scenario(at, 300.0)
    assert len(calls) == 1
    assert solved_again == []  # its reasons were written from that one solve
    run_scenario(at, 150.0)
    assert len(calls) == 2


def test_a_workspace_fingerprint_is_computed_once_per_object_and_forgotten_with_it(monkeypatch):
    import gc
    from dataclasses import replace

    calls = []
    real = cached.workspace_fingerprint
    # counts without keeping the workspace alive, so that it can be freed below
    monkeypatch.setattr(cached, "workspace_fingerprint", lambda ws: calls.append(1) or real(ws))
    workspace = replace(SMALL)  # an object of its own, equal to SMALL
    key = cached.fingerprint(workspace)
    assert cached.fingerprint(workspace) == key
    assert len(calls) == 1
    assert cached.fingerprint(SMALL) == key  # equal content, another object: same key, computed again
    assert len(calls) == 2

    address = id(workspace)
    del workspace
    gc.collect()
    assert address not in cached._fingerprints
