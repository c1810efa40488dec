"""Backlog: upload a workbook or a team backlog, see what is wrong or what merges, edit the
initiatives (every edit re-validated on the server), download the template and the workspace."""

from __future__ import annotations

import streamlit as st

import ui
import ui_access
import ui_store
from cxprior.domain import Workspace
from cxprior.errors import WorkbookError
from cxprior.merge import apply_merge, preview_frame, preview_merge
from cxprior.workbook_read import ReadLimits, validate_initiatives_frame
from cxprior.workbook_write import workspace_to_frames, write_template, write_workspace

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
APPLIED = "backlog_applied_upload"  # file id of the upload already taken in
MAX_UPLOAD_MB = ReadLimits().max_file_bytes // (1024 * 1024)
lang = ui.lang()
ws = ui.workspace()

st.title(ui.t("ui.page.backlog"))
left, right = st.columns(2)
left.download_button(
    ui.t("ui.backlog.download_template"),
    data=lambda: write_template(lang),
    file_name=ui.t("ui.backlog.template_file"),
    mime=XLSX,
    key="backlog_download_template",
    icon=":material/download:",
)
right.download_button(
    ui.t("ui.backlog.download_workspace"),
    data=lambda: write_workspace(ws, lang),
    file_name=ui.t("ui.backlog.workspace_file"),
    mime=XLSX,
    key="backlog_download_workspace",
    icon=":material/download:",
)

st.subheader(ui.t("ui.backlog.upload_title"))
# .xlsx by name in the browser, by content in the reader; capped here (the browser refuses a
# larger file at once), by server.maxUploadSize and by the reader's own limit
upload = st.file_uploader(
    ui.t("ui.backlog.upload"), type=["xlsx"], key="backlog_upload", help=ui.t("ui.backlog.upload_help"),
    max_upload_size=MAX_UPLOAD_MB, disabled=not ui_access.can("upload"),
)  # fmt: skip


def take(new: Workspace, what: str) -> None:
    """Take the upload in ("upload" or "merge"), saved as a new version, and show it everywhere."""
    st.session_state[APPLIED] = upload.file_id
    params = {"file": upload.name}
    ui.set_workspace(new, f"ui.app.origin_{what}", params, note=ui.t(f"ui.note.{what}", **params))
    st.rerun()


if upload is not None:
    parsed = ui.read_bytes(upload.getvalue(), lang)
    if parsed.kind == "invalid":
        message = ui.t("ui.backlog.invalid", file=upload.name, count=len(parsed.problems))
        st.error(ui.md(message), icon=":material/error:")
        ui.show_problems(parsed.problems)
    elif st.session_state.get(APPLIED) == upload.file_id:
        if ui.origin_file() == upload.name:  # not when a colleague's newer version was taken instead
            done = "ui.backlog.replaced" if parsed.kind == "workspace" else "ui.backlog.merged"
            st.success(ui.md(ui.t(done, file=upload.name)), icon=":material/check_circle:")
    elif parsed.kind == "workspace":
        if ui.can_save():
            take(parsed.workspace, "upload")
    else:
        preview = preview_merge(ws, parsed.backlog, lang)
        st.info(
            ui.md(
                ui.t(
                    "ui.backlog.preview",
                    file=upload.name,
                    added=len(preview.added),
                    changed=len(preview.changed),
                    unchanged=len(preview.unchanged),
                    conflicts=len(preview.conflicts),
                )
            )
        )
        st.dataframe(preview_frame(preview), hide_index=True, width="stretch")
        if preview.problems:
            ui.show_problems(preview.problems)
        if not preview.can_apply:
            st.warning(ui.t("ui.backlog.merge_blocked"), icon=":material/block:")
        else:
            confirmed = st.button(
                ui.t("ui.backlog.confirm_merge"), key="backlog_merge_confirm", type="primary"
            )
            if confirmed and ui.can_save():  # without a name the preview stays, to confirm again
                take(apply_merge(ws, parsed.backlog, preview), "merge")
    if parsed.notes:
        with st.expander(ui.t("ui.backlog.notes", count=len(parsed.notes))):
            ui.show_problems(parsed.notes)

st.subheader(ui.t("ui.backlog.initiatives", count=len(ws.initiatives)))
st.caption(ui.t("ui.backlog.editor_help"))
frame = workspace_to_frames(ws)["Initiatives"]
number = st.column_config.NumberColumn
config = {
    "initiative_id": st.column_config.TextColumn(ui.t("ui.col.initiative_id"), required=True),
    "name": st.column_config.TextColumn(ui.t("ui.col.name"), required=True),
    "team": ui.t("ui.col.team"),
    "journey_phase": ui.t("ui.col.journey_phase"),
    "cost": number(ui.t("ui.col.cost"), min_value=0.0, format="%.0f"),
    "confidence": number(ui.t("ui.col.confidence"), min_value=0.0, max_value=1.0, format="%.2f"),
    "mandatory": ui.t("ui.col.mandatory"),
    **{
        k: ui.t(f"ui.col.{k}")
        for k in ("owner", "depends_on", "exclusive_group", "competency", "description")
    },
    **{f"cost_{p}": number(ui.period_label(p), min_value=0.0, format="%.0f") for p in ws.periods},
}
edited = st.data_editor(
    frame,
    key="backlog_editor",
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    height=480,
    column_config=config,
)
changes = st.session_state.get("backlog_editor") or {}
if any(changes.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")):
    try:
        updated = validate_initiatives_frame(edited, ws, lang)
    except WorkbookError as error:
        st.error(ui.md(ui.t("ui.backlog.edit_refused", count=len(error.problems))), icon=":material/error:")
        ui.show_problems(error.problems)
    else:
        if ui.set_workspace(updated, "ui.app.origin_edit", note=ui.t("ui.note.edit")):
            st.rerun()

ui_store.versions_section()
