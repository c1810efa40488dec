"""Robustness (Monte Carlo) side by side: the single-process path as it was vs the draws on
every core, for 500 and 1,000 draws (prints; asserts nothing).

Target (issue "Instant what-ifs", point 4): 500 draws on the 48-initiative sample ≤ 4 s on
this 2-core machine; at 1,000 initiatives, 200 draws ≤ 60 s (`--sizes 1000 --draws 200`).

Paths, each on the same workspace, scenario and seed:
- old: the loop as it was before the draws went parallel (copied below: one HighsSession in
  this process, re-solved per draw, HiGHS's default threads);
- new, this process: `monte_carlo(workers=0)` (HiGHS's default threads, as the old path);
- new, 1 worker: `monte_carlo(workers=1)`, one worker process (HiGHS on one thread);
- new, 2 workers: `monte_carlo(workers=2)`; "cold" includes starting the worker processes,
  "warm" reuses them (as the app does from its second analysis on);
- new, 2 workers + early stop: the default rule (every core index within ± 2 points).
"same" compares with the old path: every core index, value and status identical, or how
many draws reached another value and the largest core-index difference (an exact tie
broken the other way moves a core index by 1/draws without changing any value); for the
early stop, whether its draws are the full run's first draws.

"values yes, >=k tie(s)": every value (up to its last bits: equal values summed in another
order) and status the same, at least k draws picking the other of two portfolios of exactly
the same value (read from the core indices, where two ties broken in opposite directions
cancel). That is the one difference tolerated: the old path runs HiGHS on two threads, the
workers on one, which alone breaks some ties the other way.

`--heuristics` also times per-draw settings on 2 warm workers (the light heuristics alone as
before, the default with a small cut pool and light presolve, a warm start from the nominal
portfolio, presolve off, a looser gap) and counts the draws whose selection changes.

    .venv/bin/python scripts/bench_robustness.py [--draws 500 1000] [--seed 0] [--sizes 1000]
        [--heuristics] [--smoke]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cxprior.portfolio.draw_pool as draw_pool_module
from cxprior.domain import (
    Scenario,
    Workspace,
    default_scenario,
    score,
    synthetic_scenario,
    synthetic_workspace,
)
from cxprior.portfolio import HighsSession, build_model, make_instance, optimize
from cxprior.portfolio.draw_pool import BASE_OPTIONS, shutdown_pool, solve_draws
from cxprior.portfolio.robustness import TIE_BREAK, draw_model, draw_values, monte_carlo, nominal_start

SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"


def load() -> str:
    return "load average " + " / ".join(f"{v:.2f}" for v in os.getloadavg())


def cpu_seconds() -> dict[int, float]:
    """CPU time of this process and of each of the draws' worker processes (Linux /proc), so
    that a figure taken on a machine loaded by others can be read beside the wall-clock time;
    `cpu_since` subtracts an earlier reading, process by process."""
    found = {0: time.process_time()}
    pool = draw_pool_module._POOL
    for pid in [] if pool is None else list(getattr(pool, "_processes", {}) or {}):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def cpu_since(before: dict[int, float]) -> float:
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in cpu_seconds().items())


def old_monte_carlo(ws: Workspace, scenario: Scenario, draws: int, seed: int) -> dict:
    """The draws loop as it was (git 27adb3f, cxprior/portfolio/robustness.py): one process."""
    began = time.perf_counter()
    scores = score(ws)
    base = optimize(ws, scenario, explain=False, scores=scores)
    instance = make_instance(ws, scores)
    model = build_model(instance, scenario)
    session = HighsSession(model)
    session.light_heuristics()
    for name in model.row_names("positive_value"):
        session.set_row_bounds(name, None, None)
    ids, n = instance.ids, instance.n
    drawn = draw_values(ws, ids, draws, np.random.default_rng(seed))
    penalty = TIE_BREAK * max(scenario.mip_gap, 1e-6) * max(abs(base.objective or 0.0), 1.0)
    goal_rows = {
        row.key: name
        for name, row in model.rows.items()
        if row.kind == "goal_share" and row.key in drawn.goal_value
    }
    extra = np.zeros(session.n_cols - n)
    selected = np.zeros(n)
    optimum = np.full(draws, np.nan)
    infeasible = unproven = 0
    for d in range(draws):
        values = drawn.value[d]
        session.set_objective(np.concatenate([values - penalty, extra]))
        for goal_id, row_name in goal_rows.items():
            coefs = drawn.goal_value[goal_id][d] - scenario.min_goal_share[goal_id] * values
            for k in range(n):
                session.change_coefficient(row_name, k, float(coefs[k]))
        outcome = session.solve(gap=scenario.mip_gap, time_limit=scenario.time_limit)
        if outcome.x is None:
            infeasible += 1
        else:
            selected += outcome.x
            optimum[d] = float(values @ outcome.x)
            unproven += outcome.status != "optimal"
    feasible = draws - infeasible
    core = selected / feasible if feasible else np.zeros(n)
    return {
        "core_index": {iid: float(core[k]) for k, iid in enumerate(ids)},
        "optimum": optimum,
        "infeasible": infeasible,
        "unproven": unproven,
        "seconds": time.perf_counter() - began,
    }


def same_as_old(result, old: dict) -> str:
    """ "yes": every core index, draw optimum and status count identical to the old path's;
    else how many draws reached another optimum value (exact ties broken otherwise show as
    "0 draws": the same values, another of two equal portfolios)."""
    ok = (
        result.core_index == old["core_index"]
        and np.array_equal(np.asarray(result.optimum_value), old["optimum"], equal_nan=True)
        and (result.infeasible_draws, result.unproven_draws) == (old["infeasible"], old["unproven"])
    )
    if ok:
        return "yes"
    values = np.asarray(result.optimum_value)
    moved = ~np.isclose(values, old["optimum"], rtol=1e-12, atol=0.0, equal_nan=True)
    shift = max(abs(result.core_index[i] - old["core_index"][i]) for i in result.core_index)
    statuses = (result.infeasible_draws, result.unproven_draws) == (old["infeasible"], old["unproven"])
    if not moved.any() and statuses:
        # every value the same: the core indices differ by exact ties broken the other way,
        # each one moving two initiatives' counts by one (swaps = half the count changes)
        # (a lower bound: two ties the other way in opposite directions cancel); a tie can also
        # show as a value off in its last bits (the same items summed in another order)
        feasible = result.draws - result.infeasible_draws
        changes = sum(abs(result.core_index[i] - old["core_index"][i]) for i in result.core_index) * feasible
        both_nan = np.isnan(values) & np.isnan(old["optimum"])
        last_bits = int(np.sum((values != old["optimum"]) & ~both_nan))
        return f"values yes, >={max(round(changes / 2), last_bits)} tie(s)"
    return f"{int(moved.sum())} draws, core ±{shift:.3f}"


def prefix_same(result, full) -> str:
    """An early stop keeps the full run's first draws: same values, draw by draw."""
    k = result.draws
    ok = np.array_equal(np.asarray(result.optimum_value), np.asarray(full.optimum_value[:k]), equal_nan=True)
    ok = ok and result.chosen_value == full.chosen_value[:k]
    return "prefix yes" if ok else "prefix NO"


def cases(sizes: list[int], smoke: bool) -> list[tuple[str, Workspace, Scenario]]:
    found = []
    if SAMPLE.exists() and not smoke:
        from cxprior.workbook import read_workbook

        ws = read_workbook(SAMPLE).workspace
        found.append((f"sample fr ({len(ws.initiatives)})", ws, default_scenario(ws)))
    for n in sizes:
        ws = synthetic_workspace(n, seed=0)
        found.append((f"synthetic {n}, all rules", ws, synthetic_scenario(ws)))
    return found


def row(
    label: str, path: str, asked: int, run: int, seconds: float, cpu: float, same: str, reference: float
) -> None:
    ratio = seconds / reference if reference else float("nan")
    print(
        f"{label:<24} {path:<26} {asked:>5} {run:>5} {seconds:>8.2f} {1000 * seconds / run:>8.1f}"
        f" {ratio:>6.2f} {cpu:>7.2f} {same:>24}",
        flush=True,
    )


def heuristics(label: str, ws: Workspace, scenario: Scenario, draws: int, seed: int) -> None:
    """Per-draw settings on 2 warm workers; selections compared with the default settings."""
    scores = score(ws)
    base = optimize(ws, scenario, explain=False, scores=scores)
    instance = make_instance(ws, scores)
    model = build_model(instance, scenario)
    drawn = draw_values(ws, instance.ids, draws, np.random.default_rng(seed))
    nominal = nominal_start(model, base)
    spec, goal_ids = draw_model(model, scenario, drawn)
    penalty = TIE_BREAK * max(scenario.mip_gap, 1e-6) * max(abs(base.objective or 0.0), 1.0)
    variants = [
        ("light heuristics only (before)", replace(spec, key=spec.key + "b", options=BASE_OPTIONS)),
        ("+ cut pool, light presolve", spec),  # the default: draw_pool.SEARCH_OPTIONS
        ("+ warm start nominal", replace(spec, key=spec.key + "w", start=nominal)),
        ("+ presolve off", replace(spec, key=spec.key + "o", presolve=False)),
        ("gap 1e-4 (changes answers)", replace(spec, key=spec.key + "g", gap=1e-4)),
    ]
    costs = np.zeros((draws, spec.n_cols))
    costs[:, : instance.n] = drawn.value - penalty
    goal_coefs = np.zeros((len(goal_ids), draws, instance.n))
    for r, g in enumerate(goal_ids):
        goal_coefs[r] = drawn.goal_value[g] - scenario.min_goal_share[g] * drawn.value
    reference = None
    print(f"\nper-draw settings, {label}, {draws} draws on 2 warm workers ({load()})")
    print(f"{'setting':<30} {'seconds':>8} {'ms/draw':>8} {'nodes/draw':>10} {'draws changed':>14}")
    for name, variant in variants:
        began = time.perf_counter()
        chunks = list(solve_draws(variant, costs, goal_coefs, workers=2, local=lambda: None))
        seconds = time.perf_counter() - began
        x = np.concatenate([c.x for c in chunks])
        nodes = sum(c.nodes for c in chunks) / draws
        reference = x if reference is None else reference
        changed = int(np.any(x != reference, axis=1).sum())
        print(f"{name:<30} {seconds:>8.2f} {1000 * seconds / draws:>8.1f} {nodes:>10.1f} {changed:>14}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, nargs="*", default=[500, 1000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="synthetic workspaces too")
    parser.add_argument("--heuristics", action="store_true", help="time per-draw settings as well")
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    args = parser.parse_args()
    if args.smoke:
        args.draws, args.sizes = [120], [40]

    print(f"cores: {os.cpu_count()}; {load()} at start")
    print(
        f"{'case':<24} {'path':<26} {'asked':>5} {'run':>5} {'seconds':>8} {'ms/draw':>8}"
        f" {'×old':>6} {'CPU s':>7} {'same':>24}"
    )
    for label, ws, scenario in cases(args.sizes, args.smoke):
        for draws in args.draws:
            shutdown_pool()  # the cold run starts its workers
            cpu = cpu_seconds()
            old = old_monte_carlo(ws, scenario, draws, args.seed)
            cpu = cpu_since(cpu)
            row(label, "old, 1 process", draws, draws, old["seconds"], cpu, "-", old["seconds"])
            for path, workers, stop in [
                ("new, this process", 0, None),
                ("new, 1 worker", 1, None),
                ("new, 2 workers (cold)", 2, None),
                ("new, 2 workers (warm)", 2, None),
                ("new, 2 workers, early stop", 2, "default"),
            ]:
                kwargs = {} if stop else {"early_stop": None}
                cpu, began = cpu_seconds(), time.perf_counter()
                result = monte_carlo(ws, scenario, draws=draws, seed=args.seed, workers=workers, **kwargs)
                seconds = time.perf_counter() - began
                cpu = cpu_since(cpu)
                if result.stopped_early:
                    full = monte_carlo(ws, scenario, draws=draws, seed=args.seed, workers=2, early_stop=None)
                    same = prefix_same(result, full)
                else:
                    same = same_as_old(result, old)
                row(label, path, draws, result.draws, seconds, cpu, same, old["seconds"])
        if args.heuristics:
            heuristics(label, ws, scenario, max(args.draws), args.seed)
    shutdown_pool()
    print(f"{load()} at the end")
    print("target: 500 draws on the 48-initiative sample <= 4 s; 1,000 initiatives, 200 draws <= 60 s")


if __name__ == "__main__":
    main()
