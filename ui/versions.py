"""The widgets around the workspace's saved versions: the sidebar's storage line (and the way
back to the team's default workspace), the conflict shown when a colleague saved first, the
team's workspaces (picker, default, its log) and the versions with "restore" on the Backlog page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxprior.store import Store, WorkspaceHead, WorkspaceRef, WorkspaceVersion, format_when
from ui import access, state, store
from ui.tables import show_table
from ui.text import lang, md, t

VERSIONS_SHOWN = 50  # the versions table lists the newest ones; older ones stay restorable by number
DEFAULTS_SHOWN = 20  # the newest changes of the team's default workspace


def storage_status() -> None:
    """The sidebar's line on saving: which version the workspace is, or why it is not saved."""
    ref = state.ref_of(state.workspace())
    if ref is not None:
        st.sidebar.caption(md(t("ui.versions.saved_as", version=ref.version, name=ref.name)))
    error = state.store_error()
    if error is not None:
        st.sidebar.warning(md(t("ui.versions.not_saved", reason=store.error_text(error))))
    db = store.store()
    if ref is None or db is None:
        return
    default = store.default_name(db)
    if default is not None and default != ref.name:
        st.sidebar.caption(md(t("ui.team.not_default", name=ref.name, default=default)))
        if st.sidebar.button(t("ui.team.back", name=default), key="app_back_to_default"):
            store.open_latest(db, default)


def conflict_panel() -> None:
    """Above every page while a workspace change waits: who saved first, and the two ways
    out — keep mine as a copy, or take the latest version (mine is then dropped)."""
    waiting = state.pending()
    db = store.store()
    if waiting is None or db is None:
        return
    st.error(md(waiting.error.in_language(lang())), icon=":material/sync_problem:")
    left, right = st.columns(2)
    if left.button(t("ui.versions.save_copy"), key="app_conflict_copy", type="primary"):
        store.save_pending_copy(db, waiting)
    if right.button(t("ui.versions.take_latest"), key="app_conflict_latest"):
        store.open_latest(db, waiting.error.name)


def _version_frame(versions: tuple[WorkspaceVersion, ...], current: int) -> pd.DataFrame:
    language = lang()
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
    st.subheader(t("ui.versions.title"))
    db, base = store.store(), state.workspace_ref()
    if db is None or base is None:
        st.caption(t("ui.versions.unavailable"))
        return
    team_section(db, base)
    versions = db.list_workspace_versions(base.name)
    latest = versions[0]
    if latest.version > base.version:
        when = format_when(latest.saved_at, lang())
        message = t("ui.versions.newer", version=latest.version, who=latest.author.name, when=when)
        st.info(md(message), icon=":material/update:")
        if st.button(t("ui.versions.take_latest"), key="backlog_take_latest"):
            store.open_latest(db, base.name)
    st.caption(t("ui.versions.help"))
    labels = {k: t(f"ui.versions.col_{k}") for k in ("version", "saved_at", "author", "note", "initiatives")}
    show_table(
        _version_frame(versions, base.version),
        labels,
        wide=["note"],
        height=min(36 * 8, 36 * (len(versions) + 1)),
    )
    options = [v.version for v in versions if v.version != base.version]
    if not options:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(t("ui.versions.restore_choice"), options, key="backlog_restore_version")
    if right.button(t("ui.versions.restore"), key="backlog_restore", icon=":material/history:"):
        store.restore_version(db, base, chosen)


def _workspace_frame(heads: tuple[WorkspaceHead, ...], default: str | None) -> pd.DataFrame:
    language = lang()
    rows = [
        (
            h.name,
            "✓" if h.name == default else "",
            h.current_version,
            h.updated_by.name,
            format_when(h.updated_at, language),
            format_when(h.created_at, language),
        )
        for h in heads
    ]
    return pd.DataFrame(rows, columns=["name", "default", "version", "owner", "updated", "created"])


def company_field(db: Store, base: WorkspaceRef, heads: tuple[WorkspaceHead, ...]) -> None:
    """The company the open workspace belongs to, the COMEX pack's subtitle: editors name it,
    everyone else reads it."""
    company = next((h.company for h in heads if h.name == base.name), "")
    if not access.can("edit"):
        if company:
            st.caption(md(t("ui.team.company_is", company=company)))
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    typed = left.text_input(
        t("ui.team.company"),
        value=company,
        max_chars=200,
        key=f"backlog_company_{base.name}",
        help=t("ui.team.company_help"),
    )
    if right.button(t("ui.team.company_save"), key="backlog_company_save", disabled=typed.strip() == company):
        store.set_company(db, base.name, typed)


def team_section(db: Store, base: WorkspaceRef) -> None:
    """The team's default workspace (who chose it, when), the other saved workspaces with who
    saved them last and when (names and dates only: no content is read), "open", "make it
    the default" for editors, and the log of the default's changes."""
    heads = db.list_workspaces()
    log = db.default_workspace_log(limit=DEFAULTS_SHOWN)
    default = log[0].name if log else None
    st.markdown(f"**{t('ui.team.title')}**")
    if log:
        when = format_when(log[0].set_at, lang())
        st.caption(md(t("ui.team.default_is", name=default, who=log[0].author.name, when=when)))
    else:
        st.caption(t("ui.team.no_default"))
    company_field(db, base, heads)
    if len(heads) < 2:
        return  # the one workspace there is, is the one open: nothing to pick
    labels = {k: t(f"ui.team.col_{k}") for k in ("name", "default", "version", "owner", "updated", "created")}
    height = min(36 * 6, 36 * (len(heads) + 1))
    show_table(_workspace_frame(heads, default), labels, wide=["name"], height=height)
    names = [h.name for h in heads]
    left, middle, right = st.columns([3, 1, 2], vertical_alignment="bottom")
    chosen = left.selectbox(
        t("ui.team.picker"),
        names,
        index=names.index(base.name) if base.name in names else 0,
        key="backlog_workspace",
    )
    if middle.button(t("ui.versions.open"), key="backlog_open_workspace", disabled=chosen == base.name):
        store.open_latest(db, chosen)
    if access.can("edit") and right.button(
        t("ui.team.make_default", name=chosen),
        key="backlog_make_default",
        disabled=chosen == default,
        icon=":material/star:",
    ):
        store.set_default(db, chosen)
    if len(log) > 1 or (log and log[0].author.name != store.SYSTEM_AUTHOR.name):
        with st.expander(t("ui.team.log_title")):
            frame = pd.DataFrame(
                [(c.name, format_when(c.set_at, lang()), c.author.name) for c in log],
                columns=["name", "set_at", "set_by"],
            )
            show_table(frame, {k: t(f"ui.team.col_{k}") for k in ("name", "set_at", "set_by")})
