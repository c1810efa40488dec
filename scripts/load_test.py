"""Ten people at once: concurrent browser sessions through upload → optimize → compare.

Starts `streamlit run app.py` on a free loopback port (its own throwaway SQLite store), then
drives N Playwright contexts in Debian's Chromium at the same time, each through the sample
workspace: open the app, upload the sample on the Backlog page, run the optimizer on the
Scenario page with a budget of its own, check that the portfolio shown is the one the
optimizer proves optimal for THAT budget (a session that saw another's answer is an error),
then open the Compare page. It prints every error (target: 0), the median and 95th
percentile of each step's response time, and the server's peak resident memory.

Loopback only, bounded: N sessions (≤ 20) × a few iterations, and a global time limit after
which everything stops.

    .venv/bin/python scripts/load_test.py [--sessions 10] [--iterations 2] [--timeout 900]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS, free_port, start_app, stop_app

from cxprior.domain import default_scenario
from cxprior.i18n import format_number
from cxprior.portfolio import optimize
from cxprior.workbook import read_workbook

SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
ASKED = sum(i.cost for i in read_workbook(SAMPLE).workspace.initiatives)
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MAX_SESSIONS = 20
STEP_TIMEOUT_MS = 180_000


@dataclass
class Report:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    peak_kb: int = 0
    conflicts: int = 0  # uploads refused because a colleague saved first, kept as copies
    retries: int = 0  # a name or a file that did not stick under load and was given again


def budgets_for(session: int, asked: float) -> tuple[float, float]:
    """Each session asks for budgets of its own (two scenarios, to compare), so that an answer
    leaked from another session shows."""
    share = 0.30 + 0.03 * session
    return round(asked * share, -3), round(asked * share * 0.8, -3)


def expected_value(budget: float) -> str:
    """The value the Scenario page must show for `budget`, as it formats it (English)."""
    ws = read_workbook(SAMPLE).workspace
    base = default_scenario(ws)
    scenario = base.__class__(**{**base.__dict__, "budget_total": budget, "budget_by_period": {}})
    result = optimize(ws, scenario, explain=False)
    return format_number(result.objective, "en", 1)


def server_peak_kb(pid: int) -> int:
    """VmHWM: the peak resident memory of the server process so far."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


async def wait_idle(page) -> None:
    """Until the script has stopped running and stays stopped: under load a rerun can start
    well after the action that asked for it, and input typed during a run may be replaced."""
    quiet = 0
    while quiet < 2:
        await page.wait_for_timeout(250)
        await page.wait_for_selector(IDLE, timeout=STEP_TIMEOUT_MS)
        quiet = quiet + 1 if await page.locator(IDLE).count() else 0


async def nav(page, title: str) -> None:
    await page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    await wait_idle(page)
    await page.get_by_role("heading", level=1, name=title).wait_for(timeout=STEP_TIMEOUT_MS)


async def failures_on(page) -> list[str]:
    """Exceptions and error boxes the page shows."""
    found = await page.locator("[data-testid='stException'], [data-testid='stAlertContentError']").all()
    return [(await element.inner_text())[:200] for element in found]


async def session(
    browser, url: str, number: int, iterations: int, expected: dict[float, str], report: Report
) -> None:
    context = await browser.new_context(locale="en-GB", viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)

    async def step(name: str, action) -> None:
        started = time.perf_counter()
        await action()
        report.times[name].append(time.perf_counter() - started)
        shown = await failures_on(page)
        if shown:
            raise RuntimeError(f"{name}: the page shows an error: {shown[0]}")

    try:
        for iteration in range(iterations):

            async def open_app() -> None:
                await page.goto(url)
                await wait_idle(page)
                await page.get_by_role("heading", level=1).first.wait_for()

            async def upload() -> None:
                await nav(page, "Backlog")
                # the sidebar's one text field (its label carries a help icon, so no exact label)
                name = page.get_by_test_id("stSidebar").get_by_test_id("stTextInput").locator("input").first
                me = f"Load tester {number}"  # saves record who made them
                for attempt in range(3):
                    if await name.input_value() == me:
                        break
                    report.retries += attempt > 0
                    await name.fill(me)
                    await name.press("Enter")
                    await wait_idle(page)
                for attempt in range(3):
                    report.retries += attempt > 0
                    await page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(SAMPLE))
                    try:
                        await page.get_by_test_id("stFileChipName").first.wait_for(timeout=30_000)
                        break
                    except Exception:  # the file did not stick: drop it again, as a user would
                        continue
                else:
                    shown = await page.get_by_test_id("stFileUploader").inner_text()
                    raise RuntimeError(f"the uploaded file never appeared in the uploader: {shown!r}")
                await wait_idle(page)
                copy = page.get_by_role("button", name="Save mine as a copy")
                taken = page.get_by_text(f"{SAMPLE.name} is valid and is now the workspace.")
                await taken.or_(copy).first.wait_for()
                if await copy.count():
                    # a colleague saved the shared workspace first (optimistic locking): keep
                    # this upload as a copy, as a user would; nothing is lost either way
                    report.conflicts += 1
                    await copy.click()
                    await wait_idle(page)
                    await copy.wait_for(state="detached")

            def run_optimizer(budget: float, label: str):
                async def run() -> None:
                    await nav(page, "Scenario")
                    await page.get_by_test_id("stRadio").get_by_text("one total", exact=True).click()
                    await wait_idle(page)
                    await (
                        page.get_by_test_id("stTextInput")
                        .filter(has_text="Scenario name")
                        .locator("input")
                        .fill(label)
                    )
                    budget_field = page.get_by_test_id("stNumberInput").filter(has_text="Total budget (€)")
                    await budget_field.locator("input").fill(str(int(budget)))
                    await page.get_by_role("button", name="Run the optimizer").click()
                    await wait_idle(page)
                    await page.get_by_role("heading", name=f"Result: {label}").wait_for()
                    value = page.get_by_test_id("stMetric").filter(has_text="Value").first
                    shown = (await value.get_by_test_id("stMetricValue").inner_text()).strip()
                    if shown != expected[budget]:
                        raise RuntimeError(
                            f"budget {budget:,.0f}: the page shows value {shown}, expected {expected[budget]}"
                        )
                    # Compare takes saved runs and the ones ticked for it
                    await page.get_by_test_id("stCheckbox").filter(has_text="Add to Compare").click()
                    await wait_idle(page)

                return run

            async def compare() -> None:
                await nav(page, "Compare")
                await page.get_by_role("heading", name="Key figures").wait_for()
                await page.get_by_test_id("stDataFrame").first.wait_for()

            first, second = expected
            for name, action in (
                ("open", open_app),
                ("upload", upload),
                ("optimize", run_optimizer(first, f"S{number}-{iteration}-a")),
                ("optimize", run_optimizer(second, f"S{number}-{iteration}-b")),
                ("compare", compare),
            ):
                await step(name, action)
            print(f"  session {number:2d}, iteration {iteration + 1}: done", flush=True)
    except Exception as error:  # every failure is counted and printed, none stops the others
        report.errors.append(f"session {number}: {type(error).__name__}: {str(error).splitlines()[0][:300]}")
        await page.screenshot(path=f"/tmp/cxprior_load_error_{number}.png", full_page=True)
    finally:
        await context.close()


async def drive(
    url: str, expected: list[dict[float, str]], iterations: int, report: Report, pid: int
) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:

            async def sample_memory() -> None:
                while True:
                    report.peak_kb = max(report.peak_kb, server_peak_kb(pid))
                    await asyncio.sleep(0.5)

            sampler = asyncio.create_task(sample_memory())
            await asyncio.gather(
                *(session(browser, url, n, iterations, value, report) for n, value in enumerate(expected))
            )
            sampler.cancel()
        finally:
            await browser.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=900, help="global limit in seconds")
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    args = parser.parse_args()
    if args.smoke:
        args.sessions, args.iterations, args.timeout = 1, 1, 300.0
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be between 1 and {MAX_SESSIONS}")
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium to run the load test")
        return 1
    # the right answer for each session's budget, solved here before any load
    expected = [
        {budget: expected_value(budget) for budget in budgets_for(n, ASKED)} for n in range(args.sessions)
    ]
    os.environ["CXPRIOR_DB_PATH"] = str(Path(tempfile.mkdtemp(prefix="cxprior_load_")) / "load.db")
    port = free_port()
    log_path = Path(tempfile.mkdtemp(prefix="cxprior_load_log_")) / "server.log"
    server = start_app(port, log_path=log_path)
    report = Report()
    started = time.perf_counter()
    try:
        asyncio.run(
            asyncio.wait_for(
                drive(f"http://127.0.0.1:{port}/", expected, args.iterations, report, server.pid),
                timeout=args.timeout,
            )
        )
    except TimeoutError:
        report.errors.append(f"the load test hit its global limit of {args.timeout:.0f} s")
    finally:
        report.peak_kb = max(report.peak_kb, server_peak_kb(server.pid))
        stop_app(server)
    elapsed = time.perf_counter() - started

    print()
    print(f"{args.sessions} concurrent sessions × {args.iterations} iterations in {elapsed:.0f} s")
    print(f"errors: {len(report.errors)}")
    print(f"uploads that met a colleague's newer version and were saved as a copy: {report.conflicts}")
    print(f"inputs that did not stick under load and were given again: {report.retries}")
    for error in report.errors:
        print(f"  - {error}")
    print(f"{'step':<10} {'count':>5} {'median':>8} {'p95':>8} {'max':>8}")
    everything: list[float] = []
    for name, values in report.times.items():
        everything += values
        median, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"{name:<10} {len(values):>5} {median:>7.2f}s {p95:>7.2f}s {max(values):>7.2f}s")
    if everything:
        print(
            f"{'all steps':<10} {len(everything):>5} {statistics.median(everything):>7.2f}s "
            f"{percentile(everything, 0.95):>7.2f}s {max(everything):>7.2f}s"
        )
    print(f"server peak resident memory: {report.peak_kb / 1024:.0f} MB")
    print(f"server log: {log_path}")
    return 1 if report.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
