"""The session's scenario runs and the scores they rest on: solve a scenario, word a run in
the session's language, start the next scenario from the last one."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from cxprior.analysis import ScenarioRun
from cxprior.domain import Scenario, Scores, Workspace, default_scenario
from ui import access, cached, state
from ui.text import lang, t


def scores_of(workspace: Workspace) -> Scores:
    """A workspace's scores in the session's language (cached by content)."""
    return cached.scores_for(state.key_of(workspace), workspace, lang())


def scores() -> Scores:
    """The session workspace's scores."""
    return scores_of(state.workspace())


def solve(name: str, scenario: Scenario, workspace: Workspace) -> ScenarioRun:
    """Run the optimizer (cached) and keep the run as the session's current one."""
    access.require("optimize")  # the page's disabled button is not enough: check the action itself
    language = lang()
    with st.spinner(t("ui.scenario.solving", count=len(workspace.initiatives)), show_time=True):
        result, explained = cached.solve_first(state.key_of(workspace), workspace, scenario, language)
    run = ScenarioRun(name, scenario, result, workspace, language, explained=explained)
    state.save_run(run)
    return run


def with_reasons(run: ScenarioRun) -> ScenarioRun:
    """The run with why each initiative is in or out, written after the portfolio is shown
    (from the model already solved); kept as the session's run once written."""
    if run.explained:
        return run
    key = state.key_of(run.workspace)
    with st.spinner(t("ui.result.explaining"), show_time=True):
        result = cached.explained_result(key, run.workspace, run.scenario, run.lang)
    done = replace(run, result=result, explained=True)
    if state.runs().get(run.name) is run:
        state.save_run(done)
    return done


def reasons_now(run: ScenarioRun) -> ScenarioRun:
    """`with_reasons` without a spinner, for what runs outside the page script (a download)."""
    if run.explained:
        return run
    result = cached.explained_result(state.key_of(run.workspace), run.workspace, run.scenario, run.lang)
    return replace(run, result=result, explained=True)


def in_language(run: ScenarioRun) -> ScenarioRun:
    """The run with its sentences (reasons, explanations) in the session's language.

    They are written by the optimizer when it solves; a run solved in another language is
    solved again (cached) in this one. Only proven results are re-solved, so the portfolio
    shown never changes; a time-limited result keeps its original wording.
    """
    language = lang()
    if run.lang == language or run.result.status not in ("optimal", "infeasible"):
        return run
    with st.spinner(t("ui.result.translating")):
        result = cached.optimize_cached(state.key_of(run.workspace), run.workspace, run.scenario, language)
    if result.selected != run.result.selected or result.status != run.result.status:
        return run
    return replace(run, result=result, lang=language, explained=True)


def is_stale(run: ScenarioRun) -> bool:
    """The run was solved on a workspace that has since been replaced or edited."""
    return run.workspace is not state.workspace()


def solved_run() -> ScenarioRun | None:
    """The current run when it has a portfolio (not infeasible), else None."""
    run = state.current_run()
    return run if run is not None and run.result.is_solved else None


def starting_scenario() -> Scenario:
    """The scenario the Scenario form starts from: the last run's (so edits start from it),
    else the Budget sheet under a new name."""
    run = state.current_run()
    if run is None:
        return default_scenario(state.workspace(), t("ui.scenario.default_name", n=len(state.runs()) + 1))
    if not is_stale(run):
        return replace(run.scenario, name=run.name)
    return default_scenario(state.workspace(), run.name)
