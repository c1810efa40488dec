"""The store in the app: one per server process, the workspace's saved versions, and the
widgets around them (the sidebar's storage line, the versions with "restore" on the
Backlog page, the conflict shown when a colleague saved first).

A fresh session opens the latest saved version (`open_workspace`); on first start the
bundled sample becomes the first version. Every accepted change of the workspace is saved
as a new version with its author and a note (`take_workspace`). A save refused because
someone saved a newer version is kept aside, never lost: the user saves it as a copy or
takes the latest version instead (`conflict_panel`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

import ui
from cxprior.domain import Workspace
from cxprior.errors import CxpriorError
from cxprior.store import (
    Person,
    StaleVersionError,
    Store,
    StoredWorkspace,
    StoreError,
    WorkspaceVersion,
    format_when,
)
from cxprior.store.config import resolve_url

LOG = logging.getLogger("cxprior.app")
SAMPLE_PATH = Path(__file__).parent / "sample_data" / "cx_workspace_fr.xlsx"
WORKSPACE_NAME = SAMPLE_PATH.stem  # the stored workspace the bundled sample starts
SYSTEM_AUTHOR = Person("cxprior")  # who saved the sample on first start
VERSIONS_SHOWN = 50  # the versions table lists the newest ones; older ones stay restorable by number


# --- the store ---------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _open_store(url: str) -> Store:
    return Store.open(url)


def store() -> Store | None:
    """The store of this server (one per process and database: `DATABASE_URL`, else the
    SQLite file `CXPRIOR_DB_PATH`, else .cxprior/cxprior.db). None when it cannot be
    opened: the session then works without saving, and the sidebar says why."""
    url = resolve_url().render_as_string(hide_password=False)
    try:
        return _open_store(url)
    except StoreError as error:
        store_failed(error)
        return None


def store_failed(error: CxpriorError) -> None:
    """Remember a storage failure for the sidebar; the work stays in the session."""
    LOG.warning("store: %s", error.message)
    st.session_state[ui.STORE_ERROR] = error


def error_text(error: CxpriorError) -> str:
    """An error's message in the session's language (store errors carry every language)."""
    return error.in_language(ui.lang()) if isinstance(error, StoreError) else error.message


@st.cache_resource(max_entries=32, show_spinner=False)
def _stored_version(location: str, name: str, version: int, _db: Store) -> StoredWorkspace:
    # a saved version never changes: decoded once per server, shared by every session
    return _db.load_workspace(name, version)


def stored_workspace(db: Store, name: str, version: int | None = None) -> StoredWorkspace:
    """A saved version of a workspace, the latest when `version` is None."""
    if version is None:
        version = db.list_workspace_versions(name)[0].version
    return _stored_version(db.location, name, version, db)


def latest_stored(db: Store) -> StoredWorkspace | None:
    """The latest version of the workspace saved most recently; None in an empty store."""
    heads = db.list_workspaces()
    if not heads:
        return None
    head = max(heads, key=lambda h: h.updated_at)
    return _stored_version(db.location, head.name, head.current_version, db)


# --- the workspace's versions ------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """A workspace change that was not saved because someone saved a newer version first."""

    workspace: Workspace
    key: str
    origin_key: str
    origin_params: dict[str, object]
    note: str
    error: StaleVersionError


def _sample() -> tuple[Workspace, str, str]:
    """The bundled sample, its origin key, and why it could not be read ("" when it could)."""
    try:
        parsed = ui.read_bytes(SAMPLE_PATH.read_bytes(), "en")
    except OSError as error:
        return Workspace(), "ui.app.origin_empty", error.strerror or str(error)
    if parsed.workspace is None:
        return Workspace(), "ui.app.origin_empty", parsed.message
    return parsed.workspace, "ui.app.origin_sample", ""


def open_workspace() -> None:
    """The session's first workspace: the latest saved version; on first start the bundled
    sample, saved as the first version (or the one another session saved an instant before)."""
    db = store()
    try:
        stored = latest_stored(db) if db is not None else None
    except CxpriorError as error:
        store_failed(error)
        db, stored = None, None
    if stored is not None:
        use_stored(stored)
        return
    sample, origin_key, problem = _sample()
    st.session_state[ui.STARTUP_ERROR] = problem
    ui.use_workspace(sample, None, origin_key, {})
    if db is None or problem:
        return
    try:
        try:
            note = ui.t("ui.note.sample", file=SAMPLE_PATH.name)
            saved = db.save_workspace(WORKSPACE_NAME, sample, SYSTEM_AUTHOR, None, note=note)
        except StaleVersionError:
            use_stored(stored_workspace(db, WORKSPACE_NAME))
        else:
            ui.use_workspace(sample, saved.ref, origin_key, {}, key=ui.workspace_key())
    except CxpriorError as error:
        store_failed(error)


def use_stored(stored: StoredWorkspace, origin_key: str = "ui.app.origin_stored") -> None:
    """Open a saved version: it becomes the workspace, and the base of the next save."""
    meta = stored.meta
    params = {"name": meta.name, "version": meta.version, "who": meta.author.name, "when": meta.saved_at}
    params["restored_from"] = meta.restored_from
    ui.use_workspace(stored.workspace, stored.ref, origin_key, params)


def take_workspace(new: Workspace, origin_key: str, params: dict[str, object], note: str) -> bool:
    """Make `new` the session's workspace and save it as the next version; True when the
    workspace changed (the page then reruns to show it everywhere).

    False, leaving the workspace as it was, when `new` is the same content (only where it
    came from is updated), when no author is known (a warning says so where the change was
    asked), or when someone saved a newer version first: the change is then kept as
    `ui.pending()` and the app reruns so that `conflict_panel` says who saved and offers to
    save it as a copy. A database failure keeps the change in the session, unsaved (the
    sidebar says so).
    """
    key = ui.fingerprint(new)
    if key == ui.workspace_key():
        ui.use_workspace(ui.workspace(), None, origin_key, params, key=key)
        return False
    waiting = ui.pending()
    if waiting is not None and waiting.key == key:
        return False  # refused already: the conflict is on screen
    db = store()
    ref = None
    if db is not None:
        author = ui.require_author()
        if author is None:
            return False
        base = ui.workspace_ref()
        try:
            if base is None:
                saved = db.save_workspace(WORKSPACE_NAME, new, author, None, note=note)
            else:
                saved = db.save_workspace(base.name, new, author, base.version, note=note)
        except StaleVersionError as error:
            st.session_state[ui.PENDING] = Pending(new, key, origin_key, params, note, error)
            st.rerun()
        except CxpriorError as error:
            store_failed(error)
        else:
            ref = saved.ref
            st.session_state[ui.STORE_ERROR] = None
    ui.use_workspace(new, ref, origin_key, params, key=key)
    return True


# --- widgets -----------------------------------------------------------------------------------


def storage_status() -> None:
    """The sidebar's line on saving: which version the workspace is, or why it is not saved."""
    ref = ui.ref_of(ui.workspace())
    if ref is not None:
        st.sidebar.caption(ui.md(ui.t("ui.versions.saved_as", version=ref.version, name=ref.name)))
    error = st.session_state.get(ui.STORE_ERROR)
    if error is not None:
        st.sidebar.warning(ui.md(ui.t("ui.versions.not_saved", reason=error_text(error))))


def conflict_panel() -> None:
    """Above every page while a workspace change waits: who saved first, and the two ways
    out — keep mine as a copy, or take the latest version (mine is then dropped)."""
    waiting = ui.pending()
    db = store()
    if waiting is None or db is None:
        return
    st.error(ui.md(waiting.error.in_language(ui.lang())), icon=":material/sync_problem:")
    left, right = st.columns(2)
    if left.button(ui.t("ui.versions.save_copy"), key="app_conflict_copy", type="primary"):
        import ui_access

        ui_access.require("edit")
        author = ui.require_author()
        if author is None:
            return
        try:
            saved = db.save_workspace_as_copy(
                waiting.error.name, waiting.workspace, author, note=waiting.note, lang=ui.lang()
            )
        except CxpriorError as error:
            st.error(ui.md(error_text(error)))
            return
        ui.use_workspace(waiting.workspace, saved.ref, waiting.origin_key, waiting.origin_params)
        ui.notify(ui.t("ui.versions.copy_saved", name=saved.name))
        st.rerun()
    if right.button(ui.t("ui.versions.take_latest"), key="app_conflict_latest"):
        _open_latest(db, waiting.error.name)


def _open_latest(db: Store, name: str) -> None:
    try:
        stored = stored_workspace(db, name)
    except CxpriorError as error:
        st.error(ui.md(error_text(error)))
        return
    use_stored(stored)
    ui.notify(ui.t("ui.versions.latest_loaded", name=stored.name, version=stored.version))
    st.rerun()


def _version_frame(versions: tuple[WorkspaceVersion, ...], current: int) -> pd.DataFrame:
    language = ui.lang()
    rows = [
        (
            f"{v.version} ✓" if v.version == current else str(v.version),
            format_when(v.saved_at, language),
            v.author.name,
            v.note,
            v.initiatives,
        )
        for v in versions[:VERSIONS_SHOWN]
    ]
    return pd.DataFrame(rows, columns=["version", "saved_at", "author", "note", "initiatives"])


def versions_section() -> None:
    """The saved versions of the workspace (who, when, what), "restore this version", and the
    other saved workspaces (copies) to open."""
    st.subheader(ui.t("ui.versions.title"))
    db, base = store(), ui.workspace_ref()
    if db is None or base is None:
        st.caption(ui.t("ui.versions.unavailable"))
        return
    names = [h.name for h in db.list_workspaces()]
    if len(names) > 1:
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        other = left.selectbox(
            ui.t("ui.versions.workspace"), names, index=names.index(base.name), key="backlog_workspace"
        )
        if right.button(ui.t("ui.versions.open"), key="backlog_open_workspace", disabled=other == base.name):
            _open_latest(db, other)
    versions = db.list_workspace_versions(base.name)
    latest = versions[0]
    if latest.version > base.version:
        when = format_when(latest.saved_at, ui.lang())
        message = ui.t("ui.versions.newer", version=latest.version, who=latest.author.name, when=when)
        st.info(ui.md(message), icon=":material/update:")
        if st.button(ui.t("ui.versions.take_latest"), key="backlog_take_latest"):
            _open_latest(db, base.name)
    st.caption(ui.t("ui.versions.help"))
    labels = {
        k: ui.t(f"ui.versions.col_{k}") for k in ("version", "saved_at", "author", "note", "initiatives")
    }
    ui.show_table(
        _version_frame(versions, base.version),
        labels,
        wide=["note"],
        height=min(36 * 8, 36 * (len(versions) + 1)),
    )
    options = [v.version for v in versions if v.version != base.version]
    if not options:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(ui.t("ui.versions.restore_choice"), options, key="backlog_restore_version")
    if right.button(ui.t("ui.versions.restore"), key="backlog_restore", icon=":material/history:"):
        import ui_access

        ui_access.require("edit")
        author = ui.require_author()
        if author is None:
            return
        note = ui.t("ui.note.restore", version=chosen)
        try:
            saved = db.restore_workspace_version(base.name, chosen, author, base.version, note=note)
            stored = stored_workspace(db, base.name, saved.version)
        except CxpriorError as error:
            st.error(ui.md(error_text(error)))
            return
        use_stored(stored, "ui.app.origin_restore")
        ui.notify(ui.t("ui.versions.restored", version=chosen, new=saved.version))
        st.rerun()
