"""Monte Carlo robustness: time for N draws on 40-initiative workspaces (prints; asserts nothing).

Target (issue "CX depth", item 4): 500 draws on the 40-initiative sample in ≤ 30 s on this
2-core machine. Runs the French sample when it exists, and synthetic workspaces of 40
initiatives with the Budget sheet's budgets and with every constraint type.

    .venv/bin/python scripts/bench_uncertainty.py [--draws 500] [--seed 0] [--sizes 40 200]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.domain import Scenario, Workspace, default_scenario, synthetic_scenario, synthetic_workspace
from cxprior.portfolio import BORDERLINE, CORE, RARE, monte_carlo

SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"


def cases(sizes: list[int]) -> list[tuple[str, Workspace, Scenario]]:
    found = []
    if SAMPLE.exists():
        from cxprior.workbook import read_workbook

        ws = read_workbook(SAMPLE).workspace
        found.append((f"sample fr ({len(ws.initiatives)}), Budget sheet", ws, default_scenario(ws)))
    for n in sizes:
        ws = synthetic_workspace(n, seed=0)
        found.append((f"synthetic {n}, Budget sheet", ws, default_scenario(ws)))
        found.append((f"synthetic {n}, every constraint", ws, synthetic_scenario(ws)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sizes", type=int, nargs="*", default=[40])
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    args = parser.parse_args()
    if args.smoke:
        args.draws, args.sizes = 10, []

    header = f"{'case':<40} {'draws':>5} {'seconds':>8} {'ms/draw':>8} {'core':>5} {'border':>6} {'rare':>5}"
    header += f" {'infeas':>6} {'P10':>8} {'P50':>8} {'P90':>8} {'expected':>8}"
    print(header)
    for label, ws, scenario in cases(args.sizes):
        began = time.perf_counter()
        result = monte_carlo(ws, scenario, draws=args.draws, seed=args.seed)
        seconds = time.perf_counter() - began
        p = result.percentiles()
        core, border, rare = (len(result.members(c)) for c in (CORE, BORDERLINE, RARE))
        print(
            f"{label:<40} {result.draws:>5} {seconds:>8.2f} {1000 * seconds / result.draws:>8.1f}"
            f" {core:>5} {border:>6} {rare:>5}"
            f" {result.infeasible_draws:>6} {p[10]:>8.1f} {p[50]:>8.1f} {p[90]:>8.1f}"
            f" {result.expected_chosen_value:>8.1f}"
        )
    print("target: 500 draws on the 40-initiative sample in <= 30 s")


if __name__ == "__main__":
    main()
