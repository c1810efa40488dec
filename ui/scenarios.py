"""Saved scenarios: save, open, duplicate, delete, hand to COMEX, approve or send back —
every change checks the role first — and the lists the Compare and COMEX pages choose from.

A run of this session is linked to the saved scenario it was saved as (`state.Link`): saving
it again updates that scenario, unless someone changed it meanwhile or its status forbids it
(submitted, approved); the refusal is then kept (`state.conflict`) with its reason, and the
Scenario page offers "save as a copy". What COMEX approves is exactly what was submitted: the
store freezes a submitted scenario until the decision. Saved scenarios are decoded once per
version and server (`cached.stored_scenario`), since a saved version never changes.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from cxprior.analysis import ScenarioRun
from cxprior.domain import CxpriorError
from cxprior.store import (
    Person,
    ScenarioStatus,
    ScenarioSummary,
    StaleVersionError,
    Store,
    StoredScenario,
    TransitionError,
    format_when,
)
from ui import access, cached, state, store
from ui.runs import with_reasons
from ui.text import lang, md, t

Status = ScenarioStatus
REVIEWABLE = (Status.SUBMITTED, Status.APPROVED, Status.SENT_BACK)
STEP_ACTION = {"approve": "decide", "send_back": "decide", "withdraw": "submit", "delete": "save"}


def _link(run: ScenarioRun, stored: StoredScenario | ScenarioSummary) -> None:
    state.set_link(run.name, state.Link(stored.scenario_id, stored.version, stored.status, run))


def link_of(run: ScenarioRun) -> state.Link | None:
    return state.links().get(run.name)


def is_saved(run: ScenarioRun) -> bool:
    """The run is exactly what its saved scenario holds."""
    link = link_of(run)
    return link is not None and link.run is run


def status_label(status: ScenarioStatus) -> str:
    return t(f"store.status.{status.value}")


def option_label(summary: ScenarioSummary) -> str:
    when = format_when(summary.updated_at, lang())
    status = status_label(summary.status)
    who = summary.updated_by.name
    return t("ui.saved.option", name=summary.name, status=status, who=who, when=when, id=summary.scenario_id)


# --- reading -------------------------------------------------------------------------------------


def stored_run(summary: ScenarioSummary) -> ScenarioRun | None:
    """A saved scenario as a run, on the workspace version it was solved on (the session's
    own workspace object when it is that version); None when it has no result."""
    db = store.store()
    if db is None:
        return None
    stored = cached.stored_scenario(db.location, summary.scenario_id, summary.version, db)
    if stored.result is None:
        return None
    ref = stored.workspace
    if state.ref_of(state.workspace()) == ref:
        workspace = state.workspace()
    else:
        workspace = store.stored_workspace(db, ref.name, ref.version).workspace
        state.remember_ref(workspace, ref)
    # the result's sentences are in the language it was solved in, unknown here:
    # runs.in_language words them again in the reader's language
    return ScenarioRun(stored.name, stored.scenario, stored.result, workspace, lang="")


def latest_summary(db: Store, scenario_id: int) -> ScenarioSummary | None:
    return next((s for s in db.list_scenarios() if s.scenario_id == scenario_id), None)


SOLVED = ("optimal", "feasible", "time_limit")  # result statuses that hold a portfolio


def sent_back_note(db: Store, scenario_id: int) -> str | None:
    """COMEX's comment when it sent the scenario back (and it has not moved on since): who,
    when and why, for the author on the Scenario page; None otherwise."""
    latest = latest_summary(db, scenario_id)
    if latest is None or latest.status is not Status.SENT_BACK:
        return None
    back = [d for d in db.decision_log(scenario_id) if d.to_status is Status.SENT_BACK]
    if not back:
        return None
    decision = back[-1]
    when = format_when(decision.decided_at, lang())
    return t("ui.saved.sent_back_comment", who=decision.author.name, when=when, comment=decision.comment)


def compare_choices() -> tuple[dict[str | int, str], dict[int, ScenarioSummary]]:
    """What Compare offers: the saved scenarios and the runs ticked "Add to Compare", never an
    infeasible one. This session's runs come first (by name), then the saved scenarios that no
    run of this session stands for (by id), with their labels."""
    ticked = state.ticked_for_compare()
    labels: dict[str | int, str] = {}
    for name, run in state.runs().items():
        kept = run if name in ticked else (link.run if (link := link_of(run)) is not None else None)
        if kept is not None and kept.result.is_solved:
            labels[name] = name
    db = store.store()
    if db is None:
        return labels, {}
    open_ids = {link.scenario_id for link in state.links().values()}
    saved = {s.scenario_id: s for s in db.list_scenarios() if s.result_status in SOLVED}
    saved = {i: s for i, s in saved.items() if i not in open_ids}
    labels |= {i: option_label(s) for i, s in saved.items()}
    return labels, saved


def compare_runs(chosen: list[str | int], saved: dict[int, ScenarioSummary]) -> list[tuple[ScenarioRun, str]]:
    """The chosen runs, each under a name of its own (the columns of the comparison), with the
    status it is saved in ("not saved" for a run ticked but not saved as it is). A run of this
    session not ticked is compared as it was saved."""
    ticked = state.ticked_for_compare()
    runs: list[tuple[ScenarioRun, str]] = []
    for option in chosen:
        if isinstance(option, str):
            run, link = state.runs().get(option), state.links().get(option)
            if run is not None and option not in ticked and link is not None:
                run = link.run
            if run is None:
                continue
            status = status_label(link.status) if link is not None and link.run is run else None
        else:
            run = stored_run(saved[option])
            if run is None:
                continue
            status = status_label(saved[option].status)
        if any(r.name == run.name for r, _ in runs) and isinstance(option, int):
            run = replace(run, name=f"{run.name} (#{option})")
        runs.append((run, status or t("ui.compare.not_saved")))
    return runs


def reviewable(db: Store) -> list[ScenarioSummary]:
    """What COMEX may look at: the submitted scenarios first, then the decided ones."""
    found = [s for s in db.list_scenarios(REVIEWABLE) if s.result_status is not None]
    found.sort(key=lambda s: s.status is not Status.SUBMITTED)  # stable: newest first in each group
    return found


# --- changing ------------------------------------------------------------------------------------


def open_saved(summary: ScenarioSummary) -> bool:
    """Make a saved scenario the Scenario page's current run, its form showing it."""
    run = stored_run(summary)
    if run is None:
        st.error(md(t("ui.saved.no_result", name=summary.name)))
        return False
    other = state.runs().get(run.name)
    if other is not None and (link_of(other) is None or link_of(other).scenario_id != summary.scenario_id):
        run = replace(run, name=f"{run.name} (#{summary.scenario_id})")  # keep the unsaved run too
    state.save_run(run)
    _link(run, summary)
    state.reset_scenario_form()
    return True


def save_run(run: ScenarioRun, author: Person, *, as_copy: bool = False) -> StoredScenario | None:
    """Save a run (a new scenario, or the next version of the one it was saved as); None
    after showing why it could not be."""
    access.require("save")
    db = store.store()
    if db is None:
        st.warning(t("ui.saved.no_store"), icon=":material/cloud_off:")
        return None
    run = with_reasons(run)  # a scenario is saved with why each initiative is in or out
    ref = state.ref_of(run.workspace)
    if ref is None:
        st.error(t("ui.saved.workspace_unsaved"), icon=":material/error:")
        return None
    link = link_of(run)
    name = t("store.copy_name", name=run.name) if as_copy else run.name
    scenario = replace(run.scenario, name=name)
    try:
        if link is None or as_copy:
            origin = link.scenario_id if link is not None else None
            stored = db.save_scenario(
                scenario, run.result, ref, author, scenario_id=origin, as_copy=origin is not None
            )
        else:
            stored = db.save_scenario(
                scenario, run.result, ref, author, link.version, scenario_id=link.scenario_id
            )
    except (StaleVersionError, TransitionError) as error:
        state.set_conflict((run.name, error.in_language(lang())))
        return None
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return None
    state.set_conflict(None)
    if as_copy:
        run = replace(run, name=name, scenario=scenario)
        state.save_run(run)
    _link(run, stored)
    return stored


def submit_run(run: ScenarioRun) -> StoredScenario | None:
    """Save the run if it has unsaved changes, then submit it to COMEX."""
    access.require("submit")
    author = access.require_author()
    if author is None:
        return None
    if not is_saved(run) and save_run(run, author) is None:
        return None
    link = link_of(run)
    db = store.store()
    if link is None or db is None:
        return None
    try:
        stored = db.submit_scenario(link.scenario_id, author, expected_version=link.version)
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return None
    _link(run, stored)
    state.set_review(run.name, stored.scenario_id)
    return stored


def submit_for_review(name: str) -> bool:
    """The one place that hands a scenario to COMEX: saved (if needed) and submitted in the
    store. Without a database, COMEX sees it in this session only."""
    access.require("submit")
    run = state.runs().get(name)
    if run is None:
        return False
    if store.store() is None:
        state.set_review(name)
        return True
    return submit_run(run) is not None


def step(action: str, scenario_id: int, version: int, comment: str = "") -> StoredScenario | None:
    """withdraw, approve, send_back or delete a saved scenario, as the current author."""
    access.require(STEP_ACTION.get(action, "save"))
    author = access.require_author()
    db = store.store()
    if author is None or db is None:
        return None
    steps = {
        "withdraw": db.withdraw_scenario,
        "approve": db.approve_scenario,
        "send_back": db.send_back_scenario,
    }
    try:
        if action == "delete":
            stored = db.delete_scenario(scenario_id, author, version)
        else:
            stored = steps[action](scenario_id, author, comment, expected_version=version)
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return None
    for name, link in list(state.links().items()):  # runs of this session saved as it follow it
        if link.scenario_id == scenario_id:
            if stored.status is Status.DELETED:
                state.forget_run(name)
            else:
                _link(link.run, stored)
    return stored


def duplicate(db: Store, summary: ScenarioSummary) -> bool:
    """A new draft with the same parameters and result, opened as the current run."""
    access.require("save")
    author = access.require_author()
    if author is None:
        return False
    try:
        copy = db.duplicate_scenario(summary.scenario_id, t("store.copy_name", name=summary.name), author)
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
        return False
    found = latest_summary(db, copy.scenario_id)
    if found is None or not open_saved(found):
        return False
    state.notify(t("ui.saved.duplicated", name=copy.name))
    return True
