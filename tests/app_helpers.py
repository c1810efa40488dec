"""Helpers for AppTest: start the real app from app.py, open pages, read what the user sees.

Every test gets a database of its own (`app_database`, autouse in tests/conftest.py): the
app saves each workspace change and scenario there, so tests never see each other's data
nor write to the repository's .cxprior/ folder. Two AppTests on the same path are two
browser sessions (or a restart) on the same database.
"""

from __future__ import annotations

import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
TEAM_BACKLOG = ROOT / "sample_data" / "team_backlog_fr.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGES = ("overview", "backlog", "strategy", "scenario", "compare", "review")


AUTHOR = "Claire Martin"


def database_path() -> Path:
    """The database the app under test uses (set by conftest's `app_database`)."""
    return Path(os.environ["CXPRIOR_DB_PATH"])


def start(locale: str | None = "en-GB", timeout: float = 60, author: str | None = AUTHOR) -> AppTest:
    """A new browser session on the app; `author` is the name typed in the sidebar (None: not yet)."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    if locale is not None:
        at.context["locale"] = locale
    if author is not None:
        at.session_state["author"] = author
    return at.run()


def open_page(at: AppTest, name: str) -> AppTest:
    return at.switch_page(f"views/{name}_page.py").run()


def texts(elements) -> list[str]:
    return [str(e.value) for e in elements]


def failures(at: AppTest) -> list[str]:
    """Exceptions and error boxes: a page that works shows neither."""
    return texts(at.exception) + texts(at.error)


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="backlog_upload").set_value((name, content, XLSX))
    return at.run()


def unescape(text: str) -> str:
    """What Markdown shows for text escaped by ui.md (backslash before punctuation)."""
    out, skip = [], False
    for char in text:
        if char == "\\" and not skip:
            skip = True
            continue
        out.append(char)
        skip = False
    return "".join(out)


def table_with(at: AppTest, column: str):
    """The first table on the page that has `column` (data editors are tables too)."""
    for frame in at.dataframe:
        value = frame.value
        if column in value.columns:
            return value
    raise AssertionError(f"no table with a {column!r} column")


def shown(elements) -> list[str]:
    """Texts as the user reads them (Markdown escapes removed)."""
    return [unescape(t) for t in texts(elements)]
