"""Screenshots of every page, in both languages and their main states, for a person to look at.

    .venv/bin/python scripts/screenshots.py [--out screenshots/] [--lang en fr] [--smoke]

Starts the app on a fresh SQLite store (never the repository's own), drives Debian's Chromium
at 1400×1000 through the journey a CX director takes (each page, a run of the optimizer and
each result view, save, hand to the COMEX, approve, compare) and writes one full-page PNG per
state into the folder, named `<lang>-<nn>-<state>.png`. Labels are read from the translation
catalog, so the script follows the UI's own words. `--smoke` shoots the first page only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, free_port, launch_chromium, start_app, stop_app, wait_idle

from cxprior.i18n import tr

LOCALES = {"en": "en-GB", "fr": "fr-FR"}
PAGES = ("overview", "backlog", "strategy", "journey", "maturity", "scenario")
AFTER = ("followup",)
RESULT_VIEWS = ("tab_portfolio", "tab_bubble", "tab_spend", "tab_roadmap", "tab_frontier", "tab_greedy")
LONG_VIEWS = ("tab_roadmap",)  # shot screenful by screenful
MAX_SCREENFULS = 6
_PANE = "document.querySelector('[data-testid=\"stMain\"]')"
# scroll the main pane down by most of a window; true when it moved
SCROLL_DOWN = (
    f"() => {{ const el = {_PANE}; const before = el.scrollTop; el.scrollBy(0, 850); "
    "return el.scrollTop > before; }"
)
SCROLL_TOP = f"() => {{ {_PANE}.scrollTo(0, 0); }}"


class Camera:
    def __init__(self, page, out: Path, lang: str) -> None:
        self.page, self.out, self.lang, self.count = page, out, lang, 0

    def shoot(self, state: str, *, scroll: bool = False) -> None:
        """One PNG of the window; with `scroll`, one more per screenful below (Streamlit scrolls
        its main pane, not the page, so a full-page shot stops at the window's foot)."""
        wait_idle(self.page)
        self.page.wait_for_timeout(600)  # charts finish drawing after the script run
        self.count += 1
        path = self.out / f"{self.lang}-{self.count:02d}-{state}.png"
        self.page.screenshot(path=str(path), full_page=True)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        for part in range(2, MAX_SCREENFULS + 1) if scroll else ():
            if not self.page.evaluate(SCROLL_DOWN):
                break
            self.page.wait_for_timeout(400)
            path = self.out / f"{self.lang}-{self.count:02d}-{state}-{part}.png"
            self.page.screenshot(path=str(path))
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        if scroll:
            self.page.evaluate(SCROLL_TOP)

    def upload(self, label_key: str, path: Path) -> None:
        uploader = self.page.get_by_test_id("stFileUploader").filter(has_text=tr(label_key, self.lang))
        uploader.locator("input[type=file]").set_input_files(str(path))
        wait_idle(self.page, timeout=120_000)

    def open(self, page_key: str) -> None:
        nav = self.page.get_by_test_id("stSidebarNav")
        nav.get_by_role("link", name=tr(f"ui.page.{page_key}", self.lang), exact=True).click()
        self.page.get_by_role("heading", level=1, name=tr(f"ui.page.{page_key}", self.lang)).wait_for()
        wait_idle(self.page)

    def click(self, key: str, **kwargs: object) -> None:
        self.page.get_by_role("button", name=tr(key, self.lang, **kwargs), exact=True).first.click()
        wait_idle(self.page, timeout=120_000)


def journey(camera: Camera, smoke: bool) -> None:
    page, lang = camera.page, camera.lang
    page.goto(camera.base_url)  # type: ignore[attr-defined]
    page.get_by_role("heading", level=1, name=tr("ui.page.overview", lang)).wait_for()
    camera.shoot("overview")
    if smoke:
        return
    # saving and handing over are signed with a name
    name = page.get_by_test_id("stSidebar").get_by_test_id("stTextInput").locator("input").first
    name.fill("Claire Martin" if lang == "fr" else "Claire Martin (en)")
    name.press("Enter")
    wait_idle(page)
    for key in PAGES[1:]:
        camera.open(key)
        camera.shoot(key)
    roadmap = page.get_by_text(tr("road.form.section", lang), exact=True)  # later starts, capacities
    if roadmap.count():
        roadmap.first.click()
        camera.shoot("scenario-form-roadmap")
    camera.click("ui.scenario.run")
    for view in RESULT_VIEWS:
        group = page.get_by_test_id("stButtonGroup")
        if group.count():
            group.get_by_text(tr(f"ui.result.{view}", lang), exact=True).first.click()
            camera.shoot(f"scenario-result-{view.removeprefix('tab_')}", scroll=view in LONG_VIEWS)
    camera.click("ui.saved.save")
    camera.shoot("scenario-saved")
    camera.click("ui.scenario.submit_review")
    camera.shoot("scenario-submitted")
    camera.open("review")
    camera.shoot("review-submitted", scroll=True)
    approve = page.get_by_role("button", name=tr("ui.decision.approve", lang), exact=True)
    if approve.count():  # the second language finds the first one's scenario decided already
        approve.first.click()
        camera.shoot("review-approved", scroll=True)
    camera.open("compare")
    camera.shoot("compare")
    # the pages with data of their own: a survey, the members' weights, the follow-up
    camera.open("journey")
    camera.upload("listen.ui.upload", SAMPLES / "enquete_fr.csv")
    camera.click("listen.ui.run")
    camera.shoot("journey-listening", scroll=True)
    camera.open("strategy")
    camera.upload("ui.wsens.upload", SAMPLES / "comex_ponderations_fr.xlsx")
    camera.click("ui.wsens.compute")
    camera.shoot("strategy-weights", scroll=True)
    for key in AFTER:
        camera.open(key)
        camera.shoot(key)
    camera.upload("ui.fu.upload", SAMPLES / "suivi_fr.xlsx")
    camera.shoot("followup-tracking", scroll=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--lang", nargs="+", choices=sorted(LOCALES), default=sorted(LOCALES))
    parser.add_argument("--smoke", action="store_true", help="the first page only")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        parser.exit(1, f"screenshots: Debian's Chromium is needed at {CHROMIUM} (apt-get install chromium)\n")
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cxprior-shots-") as tmp:
        port = free_port()
        server = start_app(port, database=Path(tmp) / "cxprior.db")
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for lang in args.lang:
                    context = browser.new_context(
                        locale=LOCALES[lang], viewport={"width": 1400, "height": 1000}
                    )
                    camera = Camera(context.new_page(), args.out, lang)
                    camera.base_url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
                    journey(camera, args.smoke)
                    context.close()
                browser.close()
        finally:
            stop_app(server)
    print(f"done in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
