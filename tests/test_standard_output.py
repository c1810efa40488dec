"""Standard output belongs to the command, and HiGHS behaves the same after any earlier solve.

These run in a fresh interpreter: pytest's capture sees only what Python writes, while a
solver banner is written by C code straight to file descriptor 1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
BANNER_WORDS = ("HiGHS", "Copyright", "THIRD_PARTY")


def command(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cxprior", *argv], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_optimize_with_json_to_standard_output_prints_exactly_one_json_document():
    done = command("optimize", str(SAMPLE), "--json", "-")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)  # fails on any text before or after the document
    assert document["status"] == "optimal"
    assert done.stdout.lstrip().startswith("{")


def test_human_output_and_help_show_no_solver_banner():
    for argv in (("optimize", str(SAMPLE)), ("--help",), ("frontier", str(SAMPLE), "--points", "2")):
        done = command(*argv)
        assert done.returncode == 0, done.stderr
        for word in BANNER_WORDS:
            assert word not in done.stdout, (argv, done.stdout[:200])


def test_an_infeasible_scenario_is_explained_after_a_normal_solve_in_the_same_process():
    # the elastic relaxation is a second HiGHS object: once a first solve has run, a
    # per-object thread count made HiGHS refuse it and the words were lost
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, "tests")
        from test_optimizer_support import Item, make_workspace
        from cxprior.domain import Scenario
        from cxprior.portfolio.optimizer import optimize

        ws = make_workspace(
            [Item("A", 10, 5, goal="G1"), Item("B", 10, 5, goal="G2"), Item("C", 10, 5, goal="G3")],
            goals=("G1", "G2", "G3"),
        )
        assert optimize(ws, Scenario(budget_total=30)).status == "optimal"
        result = optimize(ws, Scenario(budget_total=8, min_goal_share={"G1": 0.2, "G2": 0.2}))
        print("|".join(result.explanation))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().split("|") == [
        "No portfolio meets all the constraints of this scenario together.",
        "The smallest change that makes it feasible: raise the total budget of €8 by at least €2.",
    ]


def test_json_written_to_dev_null_leaves_dev_null_a_device():
    # an atomic write replaces its target with a new file: /dev/null must be written, not replaced
    import os
    import stat

    done = command("optimize", str(SAMPLE), "--json", os.devnull)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
