"""Saved scenarios in the app: save, open, duplicate, delete, hand to COMEX, and the COMEX
decisions with their log.

A run of this session is linked to the saved scenario it was saved as (`Link`): saving it
again updates that scenario, unless someone changed it meanwhile or its status forbids it
(submitted, approved); the refusal is then shown with its reason and "save as a copy".
What COMEX approves is exactly what was submitted: the store freezes a submitted scenario
until the decision. Saved scenarios are decoded once per version and server
(`st.cache_resource`), since a saved version never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

import ui
import ui_access
import ui_store
from cxprior.compare import ScenarioRun
from cxprior.errors import CxpriorError
from cxprior.i18n import tr
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

Status = ScenarioStatus
REVIEWABLE = (Status.SUBMITTED, Status.APPROVED, Status.SENT_BACK)
CONFLICT = "scenario_conflict"  # (run name, why its save was refused): offers "save as a copy"
# the Scenario form's widgets, reset when a saved scenario is opened so that they show it
FORM_KEYS = ("scenario_name", "scenario_time_limit", "scenario_budget_", "scenario_max_", "scenario_share_")
FORM_KEYS += ("scenario_force_", "scenario_reason_")


@dataclass(frozen=True)
class Link:
    """The saved scenario a run of this session was saved as, at the version it was saved."""

    scenario_id: int
    version: int
    status: ScenarioStatus
    run: ScenarioRun  # the run as saved: another run under the same name is unsaved work


def links() -> dict[str, Link]:
    return st.session_state[ui.LINKS]


def _link(run: ScenarioRun, stored: StoredScenario | ScenarioSummary) -> None:
    st.session_state[ui.LINKS] = {
        **links(),
        run.name: Link(stored.scenario_id, stored.version, stored.status, run),
    }


def link_of(run: ScenarioRun) -> Link | None:
    return links().get(run.name)


def is_saved(run: ScenarioRun) -> bool:
    """The run is exactly what its saved scenario holds."""
    link = link_of(run)
    return link is not None and link.run is run


def status_label(status: ScenarioStatus) -> str:
    return ui.t(f"store.status.{status.value}")


def option_label(summary: ScenarioSummary) -> str:
    when = format_when(summary.updated_at, ui.lang())
    status = status_label(summary.status)
    who = summary.updated_by.name
    return ui.t(
        "ui.saved.option", name=summary.name, status=status, who=who, when=when, id=summary.scenario_id
    )


# --- loading -----------------------------------------------------------------------------------


@st.cache_resource(max_entries=64, show_spinner=False)
def _stored_scenario(location: str, scenario_id: int, version: int, _db: Store) -> StoredScenario:
    return _db.load_scenario(scenario_id)


def stored_run(summary: ScenarioSummary) -> ScenarioRun | None:
    """A saved scenario as a run, on the workspace version it was solved on (the session's
    own workspace object when it is that version); None when it has no result."""
    db = ui_store.store()
    if db is None:
        return None
    stored = _stored_scenario(db.location, summary.scenario_id, summary.version, db)
    if stored.result is None:
        return None
    ref = stored.workspace
    if ui.ref_of(ui.workspace()) == ref:
        workspace = ui.workspace()
    else:
        workspace = ui_store.stored_workspace(db, ref.name, ref.version).workspace
        st.session_state[ui.SAVED_REFS][ui.fingerprint(workspace)] = ref
    # the result's sentences are in the language it was solved in, unknown here:
    # ui.in_language words them again in the reader's language
    return ScenarioRun(stored.name, stored.scenario, stored.result, workspace, lang="")


def _open(summary: ScenarioSummary) -> bool:
    """Make a saved scenario the Scenario page's current run, its form showing it."""
    run = stored_run(summary)
    if run is None:
        st.error(ui.md(ui.t("ui.saved.no_result", name=summary.name)))
        return False
    other = ui.runs().get(run.name)
    if other is not None and (link_of(other) is None or link_of(other).scenario_id != summary.scenario_id):
        run = replace(run, name=f"{run.name} (#{summary.scenario_id})")  # keep the unsaved run too
    ui.save_run(run)
    _link(run, summary)
    for key in [k for k in st.session_state if str(k).startswith(FORM_KEYS)]:
        del st.session_state[key]
    return True


# --- saving and steps ----------------------------------------------------------------------------


def save_run(run: ScenarioRun, author: Person, *, as_copy: bool = False) -> StoredScenario | None:
    """Save a run (a new scenario, or the next version of the one it was saved as); None
    after showing why it could not be."""
    ui_access.require("save")
    db = ui_store.store()
    if db is None:
        st.warning(ui.t("ui.saved.no_store"), icon=":material/cloud_off:")
        return None
    ref = ui.ref_of(run.workspace)
    if ref is None:
        st.error(ui.t("ui.saved.workspace_unsaved"), icon=":material/error:")
        return None
    link = link_of(run)
    name = ui.t("store.copy_name", name=run.name) if as_copy else run.name
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
        st.session_state[CONFLICT] = (run.name, error.in_language(ui.lang()))
        return None
    except CxpriorError as error:
        st.error(ui.md(ui_store.error_text(error)))
        return None
    st.session_state[CONFLICT] = None
    if as_copy:
        run = replace(run, name=name, scenario=scenario)
        ui.save_run(run)
    _link(run, stored)
    return stored


def submit_run(run: ScenarioRun) -> StoredScenario | None:
    """Save the run if it has unsaved changes, then submit it to COMEX."""
    ui_access.require("submit")
    author = ui.require_author()
    if author is None:
        return None
    if not is_saved(run) and save_run(run, author) is None:
        return None
    link = link_of(run)
    db = ui_store.store()
    if link is None or db is None:
        return None
    try:
        stored = db.submit_scenario(link.scenario_id, author, expected_version=link.version)
    except CxpriorError as error:
        st.error(ui.md(ui_store.error_text(error)))
        return None
    _link(run, stored)
    st.session_state[ui.REVIEW_ID] = stored.scenario_id
    st.session_state[ui.REVIEW_RUN] = run.name
    return stored


def _step(action: str, scenario_id: int, version: int, comment: str = "") -> StoredScenario | None:
    """withdraw, approve, send_back or delete a saved scenario, as the current author."""
    ui_access.require({"approve": "decide", "send_back": "decide", "withdraw": "submit"}.get(action, "save"))
    author = ui.require_author()
    db = ui_store.store()
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
        st.error(ui.md(ui_store.error_text(error)))
        return None
    for name, link in list(links().items()):  # runs of this session saved as it follow it
        if link.scenario_id == scenario_id:
            if stored.status is Status.DELETED:
                ui.forget_run(name)
            else:
                _link(link.run, stored)
    return stored


# --- Scenario page -----------------------------------------------------------------------------


def library() -> None:
    """Saved scenarios to open, duplicate or delete (an expander on the Scenario page)."""
    db = ui_store.store()
    if db is None:
        return
    summaries = {s.scenario_id: s for s in db.list_scenarios()}
    with st.expander(ui.t("ui.saved.title", count=len(summaries)), icon=":material/folder_open:"):
        if not summaries:
            st.caption(ui.t("ui.saved.none"))
            return
        labels = {i: option_label(s) for i, s in summaries.items()}
        chosen = st.selectbox(
            ui.t("ui.saved.choose"), list(labels), format_func=labels.get, key="scenario_saved"
        )
        summary = summaries[chosen]
        cols = st.columns(3)
        opened = cols[0].button(ui.t("ui.saved.open"), key="scenario_open", icon=":material/file_open:")
        if opened and _open(summary):
            ui.notify(ui.t("ui.saved.opened", name=summary.name))
            st.rerun()
        icon = ":material/content_copy:"
        duplicated = cols[1].button(ui.t("ui.saved.duplicate"), key="scenario_duplicate", icon=icon)
        if duplicated and _duplicate(db, summary):
            st.rerun()
        deleted = cols[2].button(ui.t("ui.saved.delete"), key="scenario_delete", icon=":material/delete:")
        if deleted and _step("delete", chosen, summary.version) is not None:
            ui.notify(ui.t("ui.saved.deleted", name=summary.name))
            st.rerun()


def _duplicate(db: Store, summary: ScenarioSummary) -> bool:
    """A new draft with the same parameters and result, opened as the current run."""
    ui_access.require("save")
    author = ui.require_author()
    if author is None:
        return False
    try:
        copy = db.duplicate_scenario(summary.scenario_id, ui.t("store.copy_name", name=summary.name), author)
    except CxpriorError as error:
        st.error(ui.md(ui_store.error_text(error)))
        return False
    found = [s for s in db.list_scenarios() if s.scenario_id == copy.scenario_id]
    if not found or not _open(found[0]):
        return False
    ui.notify(ui.t("ui.saved.duplicated", name=copy.name))
    return True


def run_actions(shown: ScenarioRun) -> None:
    """Under a solved result: save, hand to COMEX (or withdraw), the COMEX pack, and what
    the store holds of this run."""
    import ui_results

    run = ui.current_run() or shown  # `shown` may be its translation; the link is to the session's run
    link = link_of(run)
    saved = is_saved(run)
    cols = st.columns([1, 1.3, 1.3, 1.3])
    if cols[0].button(ui.t("ui.saved.save"), key="scenario_save", icon=":material/save:", disabled=saved):
        author = ui.require_author()
        if author is not None and save_run(run, author) is not None:
            ui.notify(ui.t("ui.saved.saved", name=run.name))
            st.rerun()
    if saved and link is not None and link.status is Status.SUBMITTED:
        withdraw = cols[1].button(ui.t("ui.saved.withdraw"), key="scenario_withdraw", icon=":material/undo:")
        if withdraw and _step("withdraw", link.scenario_id, link.version) is not None:
            ui.notify(ui.t("ui.saved.withdrawn", name=run.name))
            st.rerun()
    else:
        submit = cols[1].button(
            ui.t("ui.scenario.submit_review"), key="scenario_submit_review", icon=":material/gavel:"
        )
        if submit and ui.submit_for_review(run.name):
            ui.notify(ui.t("ui.scenario.submitted", name=run.name))
            st.rerun()
    ui_results.pack_downloads(
        shown, cols[2:], "scenario", scenario_id=link.scenario_id if saved and link else None
    )
    if link is not None:
        status = status_label(link.status)
        key = "ui.saved.status" if saved else "ui.saved.changed"
        st.caption(ui.md(ui.t(key, id=link.scenario_id, version=link.version, status=status)))
        _moved_on(link)
    conflict = st.session_state.get(CONFLICT)
    if conflict is not None and conflict[0] == run.name:
        st.error(ui.md(conflict[1]), icon=":material/sync_problem:")
        if st.button(ui.t("ui.saved.save_copy"), key="scenario_save_copy", icon=":material/content_copy:"):
            author = ui.require_author()
            copy = save_run(run, author, as_copy=True) if author is not None else None
            if copy is not None:
                ui.notify(ui.t("ui.saved.saved", name=copy.name))
                st.rerun()


def _moved_on(link: Link) -> None:
    """Say so when someone changed the saved scenario since this session saved or opened it
    (a COMEX decision, a colleague's save): the next save would be refused."""
    db = ui_store.store()
    latest = next((s for s in db.list_scenarios() if s.scenario_id == link.scenario_id), None) if db else None
    if latest is None or latest.version == link.version:
        return
    when = format_when(latest.updated_at, ui.lang())
    message = ui.t(
        "ui.saved.moved_on", name=latest.name, version=latest.version, status=status_label(latest.status),
        who=latest.updated_by.name, when=when,
    )  # fmt: skip
    st.info(ui.md(message), icon=":material/update:")


# --- Compare page ------------------------------------------------------------------------------


def compare_choices() -> tuple[dict[str | int, str], dict[int, ScenarioSummary]]:
    """What Compare offers: this session's runs (by name), then the saved scenarios that no
    run of this session stands for (by id), with their labels."""
    labels: dict[str | int, str] = {name: name for name in ui.runs()}
    db = ui_store.store()
    if db is None:
        return labels, {}
    open_ids = {link.scenario_id for link in links().values()}
    saved = {s.scenario_id: s for s in db.list_scenarios() if s.result_status is not None}
    saved = {i: s for i, s in saved.items() if i not in open_ids}
    labels |= {i: option_label(s) for i, s in saved.items()}
    return labels, saved


def compare_runs(chosen: list[str | int], saved: dict[int, ScenarioSummary]) -> list[ScenarioRun]:
    """The chosen runs, each under a name of its own (the columns of the comparison)."""
    runs: list[ScenarioRun] = []
    for option in chosen:
        run = ui.runs().get(option) if isinstance(option, str) else stored_run(saved[option])
        if run is None:
            continue
        if any(r.name == run.name for r in runs) and isinstance(option, int):
            run = replace(run, name=f"{run.name} (#{option})")
        runs.append(run)
    return runs


# --- COMEX page ----------------------------------------------------------------------------------


def review_picker() -> tuple[ScenarioSummary | None, ScenarioRun | None]:
    """The scenario COMEX looks at: chosen among the submitted ones (first) and the decided
    ones; the one handed over last in this session by default. Without a database, the run
    handed over in this session."""
    db = ui_store.store()
    if db is None:
        return None, ui.review_run()
    found = [s for s in db.list_scenarios(REVIEWABLE) if s.result_status is not None]
    found.sort(key=lambda s: s.status is not Status.SUBMITTED)  # stable: newest first in each group
    if not found:
        return None, None
    summaries = {s.scenario_id: s for s in found}
    labels = {i: option_label(s) for i, s in summaries.items()}
    ids = list(summaries)
    wanted = st.session_state.get(ui.REVIEW_ID)

    def remember() -> None:
        st.session_state[ui.REVIEW_ID] = st.session_state["review_choice"]

    chosen = st.selectbox(
        ui.t("ui.review.choose"), ids, index=ids.index(wanted) if wanted in ids else 0,
        format_func=labels.get, key="review_choice", on_change=remember,
    )  # fmt: skip
    summary = summaries[chosen]
    return summary, stored_run(summary)


def decision_section(summary: ScenarioSummary) -> None:
    """Approve or send back a submitted scenario (a comment is required to send it back),
    then the decision log: every status it went through, who, when, why."""
    st.subheader(ui.t("ui.decision.title"))
    when = format_when(summary.updated_at, ui.lang())
    status = status_label(summary.status)
    st.markdown(ui.md(ui.t("ui.decision.status", status=status, who=summary.updated_by.name, when=when)))
    if summary.status is Status.SUBMITTED:
        ui_access.read_only_note("decide")
        locked = not ui_access.can("decide")  # and each step checks again
        comment = st.text_area(
            ui.t("ui.decision.comment"), key="review_comment", max_chars=2000, disabled=locked
        )
        left, right = st.columns(2)
        for action, where, style in (("approve", left, "primary"), ("send_back", right, "secondary")):
            clicked = where.button(
                ui.t(f"ui.decision.{action}"), key=f"review_{action}", type=style, disabled=locked
            )
            if clicked and _step(action, summary.scenario_id, summary.version, comment) is not None:
                del st.session_state["review_comment"]
                ui.notify(ui.t(f"ui.decision.{action}_done", name=summary.name))
                st.rerun()
    decision_log(summary.scenario_id)


def decision_log(scenario_id: int) -> None:
    db = ui_store.store()
    if db is None:
        return
    language = ui.lang()
    rows = [
        (
            format_when(d.decided_at, language),
            d.author.name,
            tr(f"store.status.{d.to_status.value}", language),
            d.comment,
        )
        for d in reversed(db.decision_log(scenario_id))
    ]
    st.markdown(f"**{ui.md(ui.t('ui.decision.log'))}**")
    frame = pd.DataFrame(rows, columns=["when", "who", "status", "comment"])
    labels = {k: ui.t(f"ui.decision.col_{k}") for k in ("when", "who", "status", "comment")}
    ui.show_table(frame, labels, wide=["comment"])
