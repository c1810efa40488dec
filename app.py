"""Entry point (`streamlit run app.py`): page config, who may come in, navigation over views/,
and the frame around every page (`ui.run_in_frame`)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import ui
from cxprior.i18n import CATALOG

# the browser tab's icon is a file of ours, served by this server: a ":material/…:" page icon
# makes the browser fetch it from Google's font server, and an intranet app calls no one outside
ROOT = Path(__file__).parent
ICON = ROOT / "assets" / "cxprior_icon.png"
# The pages live in views/, not pages/: Streamlit treats a `pages/` folder as a v1 multipage
# app until st.navigation has run once in the process, so the first deep link on a fresh
# server (…/scenario) showed "Page not found". Their files are named `<page>_page.py` so that
# no file stem equals a url_path either.
PAGES = (
    ("views/overview_page.py", "ui.page.overview", ":material/dashboard:", "overview"),
    ("views/backlog_page.py", "ui.page.backlog", ":material/table_view:", "backlog"),
    ("views/strategy_page.py", "ui.page.strategy", ":material/account_tree:", "strategy"),
    ("views/journey_page.py", "ui.page.journey", ":material/route:", "journey"),
    ("views/maturity_page.py", "ui.page.maturity", ":material/stairs:", "maturity"),
    ("views/scenario_page.py", "ui.page.scenario", ":material/tune:", "scenario"),
    ("views/compare_page.py", "ui.page.compare", ":material/compare_arrows:", "compare"),
    ("views/review_page.py", "ui.page.review", ":material/gavel:", "review"),
    ("views/followup_page.py", "ui.page.followup", ":material/monitoring:", "followup"),
)


def main() -> None:
    st.set_page_config(page_title="cxprior", page_icon=str(ICON), layout="wide")
    ui.language_switch()
    # who is here comes first: someone not let in gets the sign-in page as the only page (always
    # through st.navigation, so that no file of views/ can be opened without this frame) and no data
    if ui.gate() is None:
        door = st.Page(ui.door, title=ui.t("sec.sign_in_title"), icon=":material/lock:", url_path="sign-in")
        st.navigation([door], position="hidden").run()
        st.stop()
    ui.start_session()
    ui.author_input()
    page = st.navigation(
        [
            # the default page is served at "/"; its url_path only keeps its hash off its file stem
            st.Page(path, title=ui.t(title), icon=icon, url_path=url, default=url == "overview")
            for path, title, icon, url in PAGES
            # pages still being written (CX depth) appear once their file and title exist; each
            # role sees its pages only (a page left out cannot be opened by its address either)
            if (ROOT / path).exists() and title in CATALOG and ui.allowed(url)
        ]
    )
    ui.run_in_frame(page)


# Streamlit runs this script as "__main__". A worker process of the robustness pool (start
# method "spawn") imports the parent's main script as "__mp_main__": there it must not run the app.
if __name__ == "__main__":
    main()
