"""The Scenario page's saved scenarios: the library (open, duplicate, delete; a new session
reopens the last one its author saved) and, under a solved result, save, hand to COMEX (or
withdraw), the COMEX pack, "Add to Compare" for a run not saved, what the store holds of the
run, and COMEX's comment when it sent the scenario back. Opening a scenario loads it into the
form, so that running it again files the result under its name."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from cxprior.analysis import ScenarioRun
from cxprior.store import ScenarioSummary, format_when
from ui import scenario_form, scenarios, state, store
from ui.access import current_author, require_author
from ui.pack import pack_downloads
from ui.text import lang, md, t

Status = scenarios.Status


def library() -> None:
    """Saved scenarios to open, duplicate or delete (an expander on the Scenario page)."""
    db = store.store()
    if db is None:
        return
    summaries = {s.scenario_id: s for s in db.list_scenarios()}
    if state.first_reopen() and state.current_run() is None:
        _reopen_last(list(summaries.values()))
    with st.expander(t("ui.saved.title", count=len(summaries)), icon=":material/folder_open:"):
        if not summaries:
            st.caption(t("ui.saved.none"))
            return
        labels = {i: scenarios.option_label(s) for i, s in summaries.items()}
        chosen = st.selectbox(
            t("ui.saved.choose"), list(labels), format_func=labels.get, key="scenario_saved"
        )
        summary = summaries[chosen]
        cols = st.columns(3)
        opened = cols[0].button(t("ui.saved.open"), key="scenario_open", icon=":material/file_open:")
        if opened and scenarios.open_saved(summary):
            _show_in_form()
            state.notify(t("ui.saved.opened", name=summary.name))
            st.rerun()
        icon = ":material/content_copy:"
        duplicated = cols[1].button(t("ui.saved.duplicate"), key="scenario_duplicate", icon=icon)
        if duplicated and scenarios.duplicate(db, summary):
            _show_in_form()
            st.rerun()
        deleted = cols[2].button(t("ui.saved.delete"), key="scenario_delete", icon=":material/delete:")
        if deleted and scenarios.step("delete", chosen, summary.version) is not None:
            state.notify(t("ui.saved.deleted", name=summary.name))
            st.rerun()


def _reopen_last(summaries: list[ScenarioSummary]) -> None:
    """A new session (a refresh, a restart) carries on from the last scenario this author saved,
    else the last one saved in the workspace (the store lists the latest change first)."""
    author = current_author()
    with_result = [s for s in summaries if s.result_status is not None]
    mine = [
        s for s in with_result if author is not None and author.name in (s.updated_by.name, s.created_by.name)
    ]
    last = next(iter(mine or with_result), None)
    if last is not None and scenarios.open_saved(last):
        _show_in_form()


def _show_in_form() -> None:
    """The form shows the run just opened: its name, budgets, caps, shares and forced items,
    so that running it again files the result under that scenario."""
    run = state.current_run()
    if run is not None:
        scenario_form.load(state.workspace(), replace(run.scenario, name=run.name))


def run_actions(shown: ScenarioRun) -> None:
    """Under a solved result: save, hand to COMEX (or withdraw), the COMEX pack, and what
    the store holds of this run."""
    run = state.current_run() or shown  # `shown` may be its translation; the link is to the session's run
    link = scenarios.link_of(run)
    saved = scenarios.is_saved(run)
    cols = st.columns([1, 1.3, 1.3, 1.3])
    if cols[0].button(t("ui.saved.save"), key="scenario_save", icon=":material/save:", disabled=saved):
        author = require_author()
        if author is not None and scenarios.save_run(run, author) is not None:
            state.notify(t("ui.saved.saved", name=run.name))
            st.rerun()
    if saved and link is not None and link.status is Status.SUBMITTED:
        withdraw = cols[1].button(t("ui.saved.withdraw"), key="scenario_withdraw", icon=":material/undo:")
        if withdraw and scenarios.step("withdraw", link.scenario_id, link.version) is not None:
            state.notify(t("ui.saved.withdrawn", name=run.name))
            st.rerun()
    else:
        icon = ":material/gavel:"
        submit = cols[1].button(t("ui.scenario.submit_review"), key="scenario_submit_review", icon=icon)
        if submit and scenarios.submit_for_review(run.name):
            state.notify(t("ui.scenario.submitted", name=run.name))
            st.rerun()
    pack_downloads(shown, cols[2:], "scenario", scenario_id=link.scenario_id if saved and link else None)
    if not saved:  # saved scenarios are offered to Compare anyway
        ticked = st.checkbox(
            t("ui.compare.tick"),
            value=run.name in state.ticked_for_compare(),
            key=f"scenario_compare_{run.name}",
            help=t("ui.compare.tick_help"),
        )
        state.tick_for_compare(run.name, ticked)
    if link is not None:
        status = scenarios.status_label(link.status)
        key = "ui.saved.status" if saved else "ui.saved.changed"
        st.caption(md(t(key, id=link.scenario_id, version=link.version, status=status)))
        _moved_on(link)
        db = store.store()
        note = scenarios.sent_back_note(db, link.scenario_id) if db is not None else None
        if note is not None:
            st.warning(md(note), icon=":material/forum:")
    conflict = state.conflict()
    if conflict is not None and conflict[0] == run.name:
        st.error(md(conflict[1]), icon=":material/sync_problem:")
        if st.button(t("ui.saved.save_copy"), key="scenario_save_copy", icon=":material/content_copy:"):
            author = require_author()
            copy = scenarios.save_run(run, author, as_copy=True) if author is not None else None
            if copy is not None:
                state.notify(t("ui.saved.saved", name=copy.name))
                st.rerun()


def _moved_on(link: state.Link) -> None:
    """Say so when someone changed the saved scenario since this session saved or opened it
    (a COMEX decision, a colleague's save): the next save would be refused."""
    db = store.store()
    latest = scenarios.latest_summary(db, link.scenario_id) if db is not None else None
    if latest is None or latest.version == link.version:
        return
    message = t(
        "ui.saved.moved_on",
        name=latest.name,
        version=latest.version,
        status=scenarios.status_label(latest.status),
        who=latest.updated_by.name,
        when=format_when(latest.updated_at, lang()),
    )
    st.info(md(message), icon=":material/update:")
