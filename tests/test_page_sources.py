"""Each page reads like a description of its screen: under 150 lines once formatted by ruff,
without `# fmt: skip` to get there, and routed only through app.py (no `pages/` folder, which
Streamlit would take for a v1 multipage app and break the first deep link on a fresh server)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "views").glob("*_page.py"))


def test_every_page_of_the_navigation_is_a_file_of_views():
    routed = (ROOT / "app.py").read_text(encoding="utf-8")
    assert PAGES, "views/ holds the pages"
    for page in PAGES:
        assert f'"views/{page.name}"' in routed, page.name
    assert not (ROOT / "pages").exists()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_page_is_short_and_formatted_as_ruff_writes_it(page):
    text = page.read_text(encoding="utf-8")
    assert "fmt: skip" not in text and "fmt: off" not in text
    assert len(text.splitlines()) < 150


def test_a_worker_process_importing_the_entry_script_does_not_run_the_app(tmp_path):
    # a spawned worker of the robustness pool runs the parent's main script as "__mp_main__":
    # the app (its session start, which saves the sample into the store) must not run there
    import os
    import subprocess
    import sys

    store = tmp_path / "cxprior.db"
    code = "import runpy; runpy.run_path('app.py', run_name='__mp_main__')"
    env = {**os.environ, "CXPRIOR_DB_PATH": str(store)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not store.exists()
