"""Every benchmark and measuring script still runs: each has a tiny `--smoke` size, run here.

The scripts print figures for people (never timed assertions); this only checks that none has
rotted, so that the figures quoted in notes can always be reproduced.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(p.name for p in (ROOT / "scripts").glob("*.py") if p.name.startswith(("bench_", "load_")))
BROWSER = {"bench_browser.py", "load_test.py"}


def test_every_benchmark_script_has_a_smoke_size():
    for name in SCRIPTS:
        assert "--smoke" in (ROOT / "scripts" / name).read_text(encoding="utf-8"), name


@pytest.mark.slow
@pytest.mark.parametrize("name", SCRIPTS)
def test_the_script_runs_at_its_smoke_size(name):
    if name in BROWSER and not Path("/usr/bin/chromium").exists():
        if os.environ.get("CXPRIOR_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{name} needs /usr/bin/chromium")
        pytest.skip(f"{name} needs Debian's Chromium at /usr/bin/chromium")
    # the scripts keep their temporary files in the system's folder: Chromium refuses a profile
    # socket path as long as pytest's own tmp_path
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / name), "--smoke"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, f"{name}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    assert done.stdout.strip(), f"{name} printed no figure"
