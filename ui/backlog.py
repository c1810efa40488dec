"""The Backlog page's sections: a workbook or a team backlog taken in (what is wrong, or what
merges), and the initiatives edited in place, every edit validated again on the server."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from cxprior.domain import Problem, TeamBacklog, WorkbookError, Workspace
from cxprior.i18n import format_money
from cxprior.workbook import (
    BacklogRows,
    ReadLimits,
    apply_merge,
    preview_frame,
    preview_merge,
    validate_initiatives_frame,
    workspace_to_frames,
)
from ui import access, cached, state, store
from ui.tables import period_label, show_in_full, show_problems, show_table
from ui.text import lang, md, t

MAX_UPLOAD_MB = ReadLimits().max_file_bytes // (1024 * 1024)


def upload_section(workspace: Workspace) -> None:
    """The upload: a workbook replaces the workspace at once; a team backlog is previewed,
    merged on confirmation; an invalid file says what is wrong, cell by cell."""
    # .xlsx by name in the browser, by content in the reader; capped here (the browser refuses a
    # larger file at once), by server.maxUploadSize and by the reader's own limit
    upload = st.file_uploader(
        t("ui.backlog.upload"),
        type=["xlsx"],
        key="backlog_upload",
        help=t("ui.backlog.upload_help"),
        max_upload_size=MAX_UPLOAD_MB,
        disabled=not access.can("upload"),
    )
    if upload is None:
        return
    parsed = cached.read_bytes(upload.getvalue(), lang())
    if parsed.kind == "invalid":
        message = t("ui.backlog.invalid", file=upload.name, count=len(parsed.problems))
        st.error(md(message), icon=":material/error:")
        show_problems(parsed.problems, in_full=True)
    elif state.upload_taken(upload.file_id):
        if state.origin_file() == upload.name:  # not when a colleague's newer version was taken instead
            done = "ui.backlog.replaced" if parsed.kind == "workspace" else "ui.backlog.merged"
            st.success(md(t(done, file=upload.name)), icon=":material/check_circle:")
    elif parsed.kind == "workspace":
        if store.can_save():
            _take(upload, parsed.workspace, "upload")
    else:
        _empty_sheets_note(upload.name, parsed.notes)
        _merge_preview(upload, workspace, parsed.backlog, parsed.rows)
    if parsed.notes:
        with st.expander(t("ui.backlog.notes", count=len(parsed.notes))):
            show_problems(parsed.notes)


def _take(upload: UploadedFile, new: Workspace, what: str) -> None:
    """Take the upload in ("upload" or "merge"), saved as a new version, and show it everywhere."""
    state.take_upload(upload.file_id)
    params = {"file": upload.name}
    store.set_workspace(new, f"ui.app.origin_{what}", params, note=t(f"ui.note.{what}", **params))
    st.rerun()


def _merge_preview(
    upload: UploadedFile, workspace: Workspace, backlog: TeamBacklog, rows: BacklogRows | None
) -> None:
    preview = preview_merge(workspace, backlog, lang(), rows)
    if preview.can_apply:
        counts = {
            k: t(f"ui.backlog.count_{k}", count=len(getattr(preview, k)))
            for k in ("added", "changed", "unchanged")
        }
        st.info(md(t("ui.backlog.preview", file=upload.name, **counts)))
    else:
        # the sentence says why the merge is blocked, never "0 conflicts" beside it
        reasons = [
            t(f"ui.backlog.blocked_{k}", count=len(getattr(preview, k)))
            for k in ("problems", "conflicts")
            if getattr(preview, k)
        ]
        reason = t("ui.backlog.and").join(reasons)
        st.warning(md(t("ui.backlog.blocked", file=upload.name, reasons=reason)), icon=":material/block:")
    if preview.problems:
        show_problems(preview.problems, in_full=True)
    frame = preview_frame(preview)  # headers already translated; the message column is the long one
    show_table(frame, {c: c for c in frame.columns}, wide=[frame.columns[-1]])
    show_in_full([(c.initiative_id, c.message) for c in preview.conflicts])
    if not preview.can_apply:
        return
    confirmed = st.button(t("ui.backlog.confirm_merge"), key="backlog_merge_confirm", type="primary")
    if confirmed and store.can_save():  # without a name the preview stays, to confirm again
        _take(upload, apply_merge(workspace, backlog, preview), "merge")


def _empty_sheets_note(file: str, notes: tuple[Problem, ...]) -> None:
    """Say that a team backlog's empty sheets (the template's Goals, KPIs…) were ignored."""
    empty = [n.sheet for n in notes if n.message == t("merge.empty_sheet_ignored")]
    if empty:
        st.caption(md(t("ui.backlog.read_as_backlog", file=file, sheets=", ".join(empty))))


def initiatives_editor(workspace: Workspace) -> None:
    """The initiatives as an editable table; an accepted edit is saved as a new version."""
    number = st.column_config.NumberColumn
    text = ("owner", "depends_on", "exclusive_group", "competency", "description")
    config = {
        "initiative_id": st.column_config.TextColumn(t("ui.col.initiative_id"), required=True),
        "name": st.column_config.TextColumn(t("ui.col.name"), required=True),
        "team": t("ui.col.team"),
        "journey_phase": t("ui.col.journey_phase"),
        # "localized": thousands separators in the grid (the browser's); the total is echoed below
        "cost": number(t("ui.col.cost"), min_value=0.0, format="localized"),
        "confidence": number(t("ui.col.confidence"), min_value=0.0, max_value=1.0, format="%.2f"),
        "mandatory": t("ui.col.mandatory"),
        **{k: t(f"ui.col.{k}") for k in text},
        **{
            f"cost_{p}": number(period_label(p), min_value=0.0, format="localized") for p in workspace.periods
        },
    }
    edited = st.data_editor(
        workspace_to_frames(workspace)["Initiatives"],
        key=state.BACKLOG_EDITOR,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        height=480,
        column_config=config,
    )
    total = format_money(sum(i.cost for i in workspace.initiatives), lang())
    st.caption(t("ui.backlog.total_cost", count=len(workspace.initiatives), total=total))
    if not state.backlog_edited():
        return
    try:
        updated = validate_initiatives_frame(edited, workspace, lang())
    except WorkbookError as error:
        st.error(md(t("ui.backlog.edit_refused", count=len(error.problems))), icon=":material/error:")
        show_problems(error.problems, in_full=True)
    else:
        if store.set_workspace(updated, "ui.app.origin_edit", note=t("ui.note.edit")):
            st.rerun()
