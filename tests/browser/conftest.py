"""Browser journeys: the real app under `streamlit run`, driven by Playwright in Debian's Chromium.

The browser is the system's /usr/bin/chromium (installed by `.ci/run` through apt), never a
downloaded one. Without it the journeys are skipped with a clear reason, unless
CXPRIOR_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
RUNNING = "[data-testid='stApp'][data-test-script-state='running']"
MISSING = (
    f"browser journeys skipped: Debian's Chromium ({CHROMIUM}) is not installed "
    "(apt-get install chromium, or run .ci/run; CXPRIOR_REQUIRE_BROWSER=1 makes this a failure)"
)
_skipped: list[str] = []


def browser_required() -> bool:
    return os.environ.get("CXPRIOR_REQUIRE_BROWSER") == "1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(
    port: int,
    cwd: Path = ROOT,
    database: Path | None = None,
    options: tuple[str, ...] = (),
    log_path: Path | None = None,
    database_url: str | None = None,
) -> subprocess.Popen:
    """`streamlit run app.py` on the loopback interface only; returns once it answers.
    `database`: the SQLite file the app saves to (never the repository's .cxprior/);
    `options`: more `--section.option value` arguments (e.g. a secrets file for sign-in);
    `log_path`: where the server's output goes (a temporary file by default);
    `database_url`: a database URL the app saves to instead (`DATABASE_URL`, e.g. PostgreSQL)."""
    command = [
        sys.executable, "-m", "streamlit", "run", str(cwd / "app.py"),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        *options,
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    if database is not None:
        env["CXPRIOR_DB_PATH"] = str(database)
    if database_url is not None:
        env["DATABASE_URL"] = database_url
    # the server's output goes to a file: an unread pipe would block the server once full
    log = open(log_path, "w+b") if log_path else tempfile.TemporaryFile()  # noqa: SIM115 (open as long as the server runs)
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            output = log.read().decode(errors="replace")
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    stop_app(process)
    raise RuntimeError("streamlit did not answer on its health endpoint within 60 s")


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished the script run that the last action started."""
    # the run may not have started yet when we look: give the front end a moment to flip state
    page.wait_for_timeout(150)
    page.wait_for_selector(IDLE, timeout=timeout)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if browser_required():
            pytest.fail(f"CXPRIOR_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        _skipped.append(MISSING)
        pytest.skip(MISSING)
    return CHROMIUM


@pytest.fixture(scope="session")
def app_url(chromium_path: Path, tmp_path_factory) -> Iterator[str]:
    port = free_port()
    process = start_app(port, database=tmp_path_factory.mktemp("store") / "cxprior.db")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_app(process)


@pytest.fixture
def own_app_url(chromium_path: Path, tmp_path: Path) -> Iterator[str]:
    """A server of its own, on an empty store: for a journey whose saved and approved scenarios
    must meet no other test's (the shared server's approved scenario would reopen read-only)."""
    port = free_port()
    process = start_app(port, database=tmp_path / "cxprior.db", log_path=tmp_path / "server.log")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_app(process)


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, app_url: str) -> Iterator[object]:
    context = browser.new_context(
        locale="en-GB", accept_downloads=True, viewport={"width": 1400, "height": 1000}
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


def pytest_terminal_summary(terminalreporter) -> None:
    if _skipped:
        terminalreporter.write_sep("=", "browser journeys", yellow=True)
        terminalreporter.write_line(_skipped[0], yellow=True)
