"""The store in the app and the session's workspace saved in it, version by version.

One store per server process (`store()`); when it cannot be opened the session works
without saving and the sidebar says why. A fresh session opens the latest version of the
team's default workspace, set by an editor (`set_default`), else of the workspace saved last
(`start_session`); on first start the bundled sample becomes the first version, and the default. Every
accepted change of the workspace is saved as a new version with its author and a note
(`set_workspace`, which checks the role first). A save refused because someone saved a
newer version is kept aside, never lost: the user saves it as a copy (`save_pending_copy`)
or takes the latest version instead (`open_latest`).
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from cxprior.domain import CxpriorError, Workspace
from cxprior.store import (
    Person,
    StaleVersionError,
    Store,
    StoredWorkspace,
    StoreError,
    WorkspaceRef,
    resolve_url,
)
from ui import access, cached, state
from ui.text import lang, md, t

LOG = logging.getLogger("cxprior.app")
SAMPLE_PATH = Path(__file__).resolve().parents[1] / "sample_data" / "cx_workspace_fr.xlsx"
WORKSPACE_NAME = SAMPLE_PATH.stem  # the stored workspace the bundled sample starts
SYSTEM_AUTHOR = Person("cxprior")  # who saved the sample on first start
SAMPLE_COMPANY = "Hélios Énergie"  # the bundled sample's fictional company, on its COMEX pack


# --- the store -----------------------------------------------------------------------------------


def store() -> Store | None:
    """The store of this server (one per process and database: `DATABASE_URL`, else the
    SQLite file `CXPRIOR_DB_PATH`, else .cxprior/cxprior.db). None when it cannot be
    opened: the session then works without saving, and the sidebar says why."""
    url = resolve_url().render_as_string(hide_password=False)
    try:
        return cached.open_store(url)
    except StoreError as error:
        store_failed(error)
        return None


def store_failed(error: CxpriorError) -> None:
    """Remember a storage failure for the sidebar; the work stays in the session."""
    LOG.warning("store: %s", error.message)
    state.set_store_error(error)


def error_text(error: CxpriorError) -> str:
    """An error's message in the session's language (store errors carry every language)."""
    return error.in_language(lang()) if isinstance(error, StoreError) else error.message


def stored_workspace(db: Store, name: str, version: int | None = None) -> StoredWorkspace:
    """A saved version of a workspace, the latest when `version` is None."""
    if version is None:
        version = db.list_workspace_versions(name)[0].version
    return cached.stored_version(db.location, name, version, db)


def latest_stored(db: Store) -> StoredWorkspace | None:
    """The latest version of the team's default workspace, else of the workspace saved most
    recently; None in an empty store. Only that one version is read: the list of workspaces
    holds names, versions and dates, never their contents."""
    heads = db.list_workspaces()
    if not heads:
        return None
    # no default chosen yet (a store from before defaults): the workspace the sample started,
    # never a copy someone saved after a conflict
    by_name = {h.name: h for h in heads}
    head = (
        by_name.get(db.default_workspace() or "")
        or by_name.get(WORKSPACE_NAME)
        or max(heads, key=lambda h: h.updated_at)
    )
    return cached.stored_version(db.location, head.name, head.current_version, db)


# --- the session's workspace ---------------------------------------------------------------------


def _sample() -> tuple[Workspace, str, str]:
    """The bundled sample, its origin key, and why it could not be read ("" when it could)."""
    try:
        parsed = cached.read_bytes(SAMPLE_PATH.read_bytes(), "en")
    except OSError as error:
        return Workspace(), "ui.app.origin_empty", error.strerror or str(error)
    if parsed.workspace is None:
        return Workspace(), "ui.app.origin_empty", parsed.message
    return parsed.workspace, "ui.app.origin_sample", ""


def start_session() -> None:
    """Create the session's state once, with its first workspace: the latest saved version;
    on first start the bundled sample, saved as the first version (or the one another
    session saved an instant before)."""
    if not state.init():
        return
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
    state.set_startup_error(problem)
    state.use_workspace(sample, None, origin_key, {})
    if db is None or problem:
        return
    try:
        try:
            note = t("ui.note.sample", file=SAMPLE_PATH.name)
            saved = db.save_workspace(WORKSPACE_NAME, sample, SYSTEM_AUTHOR, None, note=note)
        except StaleVersionError:
            use_stored(stored_workspace(db, WORKSPACE_NAME))
        else:
            # the first workspace of a team is its default until an editor chooses another
            db.set_default_workspace(WORKSPACE_NAME, SYSTEM_AUTHOR)
            db.set_company(WORKSPACE_NAME, SAMPLE_COMPANY, SYSTEM_AUTHOR)
            state.use_workspace(sample, saved.ref, origin_key, {}, key=state.workspace_key())
    except CxpriorError as error:
        store_failed(error)


def use_stored(stored: StoredWorkspace, origin_key: str = "ui.app.origin_stored") -> None:
    """Open a saved version: it becomes the workspace, and the base of the next save."""
    meta = stored.meta
    params = {"name": meta.name, "version": meta.version, "who": meta.author.name, "when": meta.saved_at}
    params["restored_from"] = meta.restored_from
    state.use_workspace(stored.workspace, stored.ref, origin_key, params)


def can_save() -> bool:
    """True when a change may be taken: the author is known, or there is no store to save to
    (a warning asks for the name otherwise)."""
    return store() is None or access.require_author() is not None


def set_workspace(
    new: Workspace, origin_key: str, origin_params: dict[str, object] | None = None, *, note: str = ""
) -> bool:
    """Make `new` the workspace, saved as the next version of the stored one (`note` says
    what changed); runs keep the workspace they were solved on. True when the workspace
    changed (the page then reruns to show it everywhere). Raises AccessError when the role
    may not upload (a file taken in) or edit (any other change).

    False, leaving the workspace as it was, when `new` is the same content (only where it
    came from is updated), when no author is known (a warning says so where the change was
    asked), or when someone saved a newer version first: the change is then kept as
    `state.pending()` and the app reruns so that the frame says who saved and offers to
    save it as a copy. A database failure keeps the change in the session, unsaved (the
    sidebar says so)."""
    access.require("upload" if origin_key.endswith(("_upload", "_merge")) else "edit")
    params = origin_params or {}
    key = cached.fingerprint(new)
    if key == state.workspace_key():
        state.use_workspace(state.workspace(), None, origin_key, params, key=key)
        return False
    waiting = state.pending()
    if waiting is not None and waiting.key == key:
        return False  # refused already: the conflict is on screen
    db = store()
    ref = None
    if db is not None:
        author = access.require_author()
        if author is None:
            return False
        base = state.workspace_ref()
        try:
            if base is None:
                saved = db.save_workspace(WORKSPACE_NAME, new, author, None, note=note)
            else:
                saved = db.save_workspace(base.name, new, author, base.version, note=note)
        except StaleVersionError as error:
            state.set_pending(state.Pending(new, key, origin_key, params, note, error))
            st.rerun()
        except CxpriorError as error:
            store_failed(error)
        else:
            ref = saved.ref
            state.set_store_error(None)
    state.use_workspace(new, ref, origin_key, params, key=key)
    return True


def save_pending_copy(db: Store, waiting: state.Pending) -> None:
    """Keep a change refused by a newer version as a copy of the workspace, and open it."""
    access.require("edit")
    author = access.require_author()
    if author is None:
        return
    try:
        saved = db.save_workspace_as_copy(
            waiting.error.name, waiting.workspace, author, note=waiting.note, lang=lang()
        )
    except CxpriorError as error:
        st.error(md(error_text(error)))
        return
    state.use_workspace(waiting.workspace, saved.ref, waiting.origin_key, waiting.origin_params)
    state.notify(t("ui.team.copy_saved", name=saved.name, team=waiting.error.name))
    st.rerun()


def default_name(db: Store) -> str | None:
    """The team's default workspace (one small query); None when none is set or on a failure."""
    try:
        return db.default_workspace()
    except CxpriorError as error:
        store_failed(error)
        return None


def set_default(db: Store, name: str) -> None:
    """Make the saved workspace `name` the one every new session opens (editors only); the
    change is logged with who and when."""
    access.require("edit")
    author = access.require_author()
    if author is None:
        return
    try:
        db.set_default_workspace(name, author)
    except CxpriorError as error:
        st.error(md(error_text(error)))
        return
    state.notify(t("ui.team.default_set", name=name))
    st.rerun()


def company_of(ref: WorkspaceRef | None) -> str:
    """The company the saved workspace belongs to, as the COMEX pack's subtitle: "" for a
    workspace not saved, with no company set, or when the store cannot say."""
    db = store()
    if ref is None or db is None:
        return ""
    try:
        return db.company_of(ref.name)
    except CxpriorError as error:
        store_failed(error)
        return ""


def set_company(db: Store, name: str, company: str) -> None:
    """Name the company of the saved workspace `name` (editors only), for its COMEX packs."""
    access.require("edit")
    author = access.require_author()
    if author is None:
        return
    try:
        saved = db.set_company(name, company, author)
    except CxpriorError as error:
        st.error(md(error_text(error)))
        return
    state.notify(t("ui.team.company_set", company=saved) if saved else t("ui.team.company_cleared"))
    st.rerun()


def open_latest(db: Store, name: str) -> None:
    """Open the latest version of a saved workspace (a colleague's, or another copy)."""
    try:
        stored = stored_workspace(db, name)
    except CxpriorError as error:
        st.error(md(error_text(error)))
        return
    use_stored(stored)
    state.notify(t("ui.versions.latest_loaded", name=stored.name, version=stored.version))
    st.rerun()


def restore_version(db: Store, base: WorkspaceRef, version: int) -> None:
    """Save an older version again as the newest one, and open it."""
    access.require("edit")
    author = access.require_author()
    if author is None:
        return
    note = t("ui.note.restore", version=version)
    try:
        saved = db.restore_workspace_version(base.name, version, author, base.version, note=note)
        stored = stored_workspace(db, base.name, saved.version)
    except CxpriorError as error:
        st.error(md(error_text(error)))
        return
    use_stored(stored, "ui.app.origin_restore")
    state.notify(t("ui.versions.restored", version=version, new=saved.version))
    st.rerun()
