"""Goal-weight sensitivity: the 5 goals' ranges timed beside the naive reference (prints; asserts nothing).

Targets (issue "COMEX weights"): the 5 goals on the sample in ≤ 3 s, and on a 1,000-initiative
synthetic workspace (every constraint: yearly budgets, goal shares, count cap, forced out)
in ≤ 60 s, on this 2-core machine.

`weight_sensitivity` builds ONE model, hands it to HiGHS once and re-solves it with the
objective (and the goal-share rows) changed, with Newton's method on the affine values.
The reference is the naive way: bisection of each end to 1e-3, rebuilding the model and
solving it from scratch at every step (`optimize` on a workspace re-weighted); it is run on
`--naive-goals` goals (all 5 on the sample, 1 on the big case) and scaled to 5 goals. The
`agree` column says whether both find the same ends to 1e-3 (bisection assumes one interval,
which goal shares need not give: with shares a difference is expected, and reported).

    .venv/bin/python scripts/bench_sensitivity.py [--sizes 1000] [--naive-goals 1] [--samples 100]
    .venv/bin/python scripts/bench_sensitivity.py --smoke
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.domain import (
    Scenario,
    Workspace,
    default_scenario,
    score,
    synthetic_scenario,
    synthetic_workspace,
    with_goal_weights,
)
from cxprior.portfolio import optimize, weight_sensitivity

SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
SAMPLE_WEIGHTS = ROOT / "sample_data" / "comex_ponderations_fr.xlsx"
PRECISION = 1e-3


def cases(sizes: list[int]) -> list[tuple[str, Workspace, Scenario, bool]]:
    """(label, workspace, scenario, is_big)."""
    found = []
    if SAMPLE.exists():
        from cxprior.workbook import read_workbook

        ws = read_workbook(SAMPLE).workspace
        found.append((f"sample ({len(ws.initiatives)}), Budget sheet", ws, default_scenario(ws), False))
        shares = {g: round(0.5 * w, 4) for g, w in score(ws).goal_weight.items()}
        sc = replace(default_scenario(ws), min_goal_share=shares)
        found.append((f"sample ({len(ws.initiatives)}), goal shares", ws, sc, False))
    for n in sizes:
        ws = synthetic_workspace(n, seed=0)
        found.append((f"synthetic {n}, every constraint", ws, synthetic_scenario(ws), True))
    return found


def _weights_at(weights: dict[str, float], goal: str, t: float) -> dict[str, float]:
    rest = 1.0 - weights[goal]
    return {g: (t if g == goal else w * (1.0 - t) / rest) for g, w in weights.items()}


def naive_range(
    ws: Workspace, scenario: Scenario, chosen: tuple[str, ...], goal: str
) -> tuple[float, float, int]:
    """The reference: each end by bisection to PRECISION, one build and solve per step."""
    weights = score(ws).goal_weight
    t0 = weights[goal]
    solves = 0

    def holds(t: float) -> bool:
        nonlocal solves
        solves += 1
        reweighted = with_goal_weights(
            ws, {g: max(w, 1e-12) for g, w in _weights_at(weights, goal, t).items()}
        )
        best = optimize(reweighted, scenario, explain=False)
        if not best.is_solved:
            return False
        scores = score(reweighted)
        mine = sum(scores.value[i] for i in chosen)
        by_goal = scores.value_by_goal(chosen)
        # the chosen portfolio must still meet the goal shares, which move with the weights
        allowed = all(by_goal[g] >= share * mine - 1e-9 for g, share in scenario.min_goal_share.items())
        return allowed and mine >= best.objective - 1e-6 * max(1.0, abs(best.objective))

    ends = []
    for far in (0.0, 1.0):
        if holds(far):
            ends.append(far)
            continue
        inside, outside = t0, far
        while abs(outside - inside) > PRECISION:
            middle = (inside + outside) / 2
            inside, outside = (middle, outside) if holds(middle) else (inside, middle)
        ends.append(inside)
    return ends[0], ends[1], solves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument(
        "--naive-goals", type=int, default=1, help="goals the naive reference runs on (big case)"
    )
    parser.add_argument("--samples", type=int, default=100, help="drawn weightings for the members' run")
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.naive_goals, args.samples = [60], 1, 5

    print(
        f"{'case':<36} {'goals':>5} {'solves':>6} {'wall s':>7} {'cpu s':>6} │ "
        f"{'naive goals':>11} {'solves':>6} {'wall s':>7} {'×5 goals':>8} {'agree':>5}"
    )
    for label, ws, scenario, big in cases(args.sizes):
        wall, cpu = time.perf_counter(), time.process_time()
        result = weight_sensitivity(ws, scenario, samples=0)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        goals = list(result.ranges)
        naive_goals = goals[: args.naive_goals] if big or args.smoke else goals
        began = time.perf_counter()
        naive_solves, agree = 0, True
        for goal in naive_goals:
            low, high, solves = naive_range(ws, scenario, result.selected, goal)
            naive_solves += solves
            mine = result.ranges[goal]
            agree &= abs(low - mine.low) <= 2 * PRECISION and abs(high - mine.high) <= 2 * PRECISION
        naive = time.perf_counter() - began
        scaled = naive * len(goals) / max(1, len(naive_goals))
        same = "yes" if agree else "NO"
        print(
            f"{label:<36} {len(goals):>5} {result.solves:>6} {wall:>7.2f} {cpu:>6.2f} │ "
            f"{len(naive_goals):>11} {naive_solves:>6} {naive:>7.2f} {scaled:>8.1f} {same:>5}"
        )
    if SAMPLE.exists() and SAMPLE_WEIGHTS.exists():
        from cxprior.workbook import read_member_weights, read_workbook

        ws = read_workbook(SAMPLE).workspace
        members = read_member_weights(SAMPLE_WEIGHTS, ws)
        wall, cpu = time.perf_counter(), time.process_time()
        result = weight_sensitivity(ws, default_scenario(ws), members=members, samples=args.samples)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        core = result.sampled_core or result.member_core
        print(
            f"sample, {len(members)} members and {args.samples} drawn weightings: {result.solves} solves, "
            f"{wall:.2f} s wall, {cpu:.2f} s cpu; core {len(core.core)}, borderline {len(core.borderline)}, "
            f"exterior {len(core.exterior)}"
        )
    print("targets: 5 goals on the sample in <= 3 s; on 1,000 synthetic initiatives in <= 60 s")


if __name__ == "__main__":
    main()
