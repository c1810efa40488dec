"""Backlog: upload a workbook or a team backlog, see what is wrong or what merges, edit the
initiatives (every edit re-validated on the server), download the template and the workspace,
and the workspace's saved versions."""

from __future__ import annotations

import streamlit as st

import ui
from cxprior.workbook import write_template, write_workspace

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
ui.upload_section(ws)

st.subheader(ui.t("ui.backlog.initiatives", count=len(ws.initiatives)))
st.caption(ui.t("ui.backlog.editor_help"))
ui.initiatives_editor(ws)

ui.versions_section()
