"""The frame drawn around every page: the sidebar (where the workspace came from, how it is
saved, who is here), the notices of the last action, the conflict of a change a colleague's
save refused, and the page itself, whose errors are shown as messages."""

from __future__ import annotations

import logging
from datetime import datetime

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from cxprior.domain import CxpriorError
from cxprior.store import format_when
from ui import access, state, store
from ui.text import lang, md, t
from ui.versions import conflict_panel, storage_status

LOG = logging.getLogger("cxprior.app")


def origin() -> str:
    """Where the workspace came from, as a sentence."""
    key, params = state.origin()
    language = lang()
    shown = {k: format_when(v, language) if isinstance(v, datetime) else v for k, v in params.items()}
    return t(key, **shown)


def workspace_caption() -> None:
    """The sidebar's line on the workspace: where it came from, what it holds."""
    ws = state.workspace()
    caption = t(
        "ui.app.workspace_caption",
        origin=origin(),
        goals=len(ws.goals),
        kpis=len(ws.kpis),
        initiatives=len(ws.initiatives),
    )
    st.sidebar.caption(md(caption))


def show_notices() -> None:
    for message in state.take_notices():
        st.toast(md(message), icon=":material/check_circle:")


def run_in_frame(page: StreamlitPage) -> None:
    """Draw the frame, then the page; an error stops the page with a message (the traceback of
    an unexpected one goes to the server log only)."""
    if state.startup_error():
        st.error(md(t("ui.app.sample_missing", reason=state.startup_error())))
    workspace_caption()
    storage_status()
    access.who_note()
    show_notices()
    conflict_panel()
    try:
        page.run()
    except CxpriorError as error:
        st.error(md(store.error_text(error)))
    except Exception:
        LOG.exception("page %s failed", page.title)
        st.error(t("ui.app.unexpected"))
