"""Entry point (`streamlit run app.py`): page config, shared sidebar, navigation over pages/."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import ui
import ui_access
import ui_store
from cxprior.errors import CxpriorError
from cxprior.i18n import CATALOG

st.set_page_config(page_title="cxprior", page_icon=":material/insights:", layout="wide")
ui.language_switch()
# who is here comes first: someone not let in gets the sign-in page as the only page (always
# through st.navigation, so that no file of pages/ can be opened without this frame) and no data
if ui_access.gate() is None:
    door = st.Page(
        ui_access.door, title=ui.t("sec.sign_in_title"), icon=":material/lock:", url_path="sign-in"
    )
    st.navigation([door], position="hidden").run()
    st.stop()
ui.init_state()
ui.author_input()

# Page files are named `<page>_page.py` so that no file stem equals a url_path: Streamlit still
# treats `pages/` as a v1 pages folder until st.navigation has run once in the process, and a
# stem equal to a url_path would then run that page without this frame (deep links on a fresh
# server, AppTest.switch_page).
PAGES = (
    ("pages/overview_page.py", "ui.page.overview", ":material/dashboard:", "overview"),
    ("pages/backlog_page.py", "ui.page.backlog", ":material/table_view:", "backlog"),
    ("pages/strategy_page.py", "ui.page.strategy", ":material/account_tree:", "strategy"),
    ("pages/journey_page.py", "ui.page.journey", ":material/route:", "journey"),
    ("pages/maturity_page.py", "ui.page.maturity", ":material/stairs:", "maturity"),
    ("pages/scenario_page.py", "ui.page.scenario", ":material/tune:", "scenario"),
    ("pages/compare_page.py", "ui.page.compare", ":material/compare_arrows:", "compare"),
    ("pages/review_page.py", "ui.page.review", ":material/gavel:", "review"),
)
ROOT = Path(__file__).parent
page = st.navigation(
    [
        # the default page is served at "/"; its url_path only keeps its hash off its file stem
        st.Page(path, title=ui.t(title), icon=icon, url_path=url, default=url == "overview")
        for path, title, icon, url in PAGES
        # pages still being written (CX depth) appear once their file and title exist; each
        # role sees its pages only (a page left out cannot be opened by its address either)
        if (ROOT / path).exists() and title in CATALOG and ui_access.allowed(url)
    ]
)

if st.session_state[ui.STARTUP_ERROR]:
    st.error(ui.md(ui.t("ui.app.sample_missing", reason=st.session_state[ui.STARTUP_ERROR])))
ws = ui.workspace()
caption = ui.t(
    "ui.app.workspace_caption",
    origin=ui.origin(),
    goals=len(ws.goals),
    kpis=len(ws.kpis),
    initiatives=len(ws.initiatives),
)
st.sidebar.caption(ui.md(caption))
ui_store.storage_status()
ui_access.who_note()
ui.show_notices()
ui_store.conflict_panel()
try:
    page.run()
except CxpriorError as error:
    st.error(ui.md(ui_store.error_text(error)))
except Exception:
    # the user sees a message; the traceback goes to the server log only
    ui.LOG.exception("page %s failed", page.title)
    st.error(ui.t("ui.app.unexpected"))
