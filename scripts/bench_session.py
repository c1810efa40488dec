"""Session-start and page-change times of the app on a big saved workspace.

    .venv/bin/python scripts/bench_session.py [--size 20000] [--sessions 3] [--smoke]

A temporary SQLite store gets `synthetic_workspace(size, seed=0)` (and a few copies of
it, so the workspace list has more than one entry), set as the team's default. Then, in one
process (one "server"): the first session (cold: the version is decoded), a few more
sessions (warm: what every later visitor waits for), and page changes of a warm session.
Streamlit's AppTest runs the real app.py; times are wall clock of `AppTest.run()`.
Reference: the figures before the default-workspace change (issue 15), printed alongside.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest

from cxprior.domain import synthetic_workspace
from cxprior.store import Store

# seconds on the shared 2-core dev machine at 20,000 initiatives with the session start of
# before issue 15 (it opened "the workspace saved last"); the machine's load moves them ±50 %
REFERENCE: dict[str, float | None] = {"first session": 6.02, "next session": 1.54, "page change": 1.18}
PAGES = ("backlog", "strategy", "overview")


def session(author: str = "Bench") -> tuple[AppTest, float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.context["locale"] = "en-GB"
    at.session_state["author"] = author
    began = time.perf_counter()
    at.run()
    return at, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="200 initiatives, 1 session: checks it runs")
    args = parser.parse_args()
    size, sessions = (200, 1) if args.smoke else (args.size, args.sessions)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        os.environ.pop("DATABASE_URL", None)
        os.environ["CXPRIOR_DB_PATH"] = str(path)
        ws = synthetic_workspace(size, seed=0)
        with Store.open(str(path)) as db:
            db.save_workspace("team", ws, "Bench", None)
            for _ in range(3):
                db.save_workspace_as_copy("team", ws, "Bench")
            if hasattr(db, "set_default_workspace"):
                db.set_default_workspace("team", "Bench")
        at, first = session()
        assert not at.exception, [e.value for e in at.exception]
        warm = [session()[1] for _ in range(sessions)]
        changes = []
        for name in PAGES:
            began = time.perf_counter()
            at.switch_page(f"views/{name}_page.py").run()
            changes.append(time.perf_counter() - began)
            assert not at.exception, [e.value for e in at.exception]
        figures = {
            "first session": first,
            "next session": statistics.median(warm),
            "page change": statistics.median(changes),
        }
    print(f"{size:,} initiatives (seconds)        now   reference")
    for what, seconds in figures.items():
        ref = REFERENCE[what]
        print(f"  {what:<28} {seconds:6.2f}   {'-' if ref is None else f'{ref:.2f}'}")
    print("  pages: " + ", ".join(f"{p} {s:.2f}" for p, s in zip(PAGES, changes, strict=True)))


if __name__ == "__main__":
    main()
