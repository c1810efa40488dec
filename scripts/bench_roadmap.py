"""Benchmark the roadmap model: start periods under budgets and team capacity (prints figures;
never a timed test).

Synthetic portfolios (`synthetic_workspace(n, roadmap=True)`: 3 yearly periods, 5 teams, a
third of the initiatives flexible) at the Budget sheet's budgets (three yearly budgets and a
total) with every team's capacity, solved to a 1e-4 gap within a 60 s limit. Side by side:
- ours: `optimize(..., explain=False)` in process (make the instance, build the PuLP model,
  hand it to HiGHS, solve, break ties, extract), its status and proven gap;
- the same model built directly into sparse matrices and solved by `scipy.optimize.milp`
  (HiGHS too), build + solve: the near-limit reference; the target is ours ≤ 1.5 × it;
- the value gained by shifting: the same scenario with `allow_shift=False` (fixed starts).
Then the Hélios sample (sample_data/cx_workspace_fr.xlsx), shifted against fixed starts.

    .venv/bin/python scripts/bench_roadmap.py [--sizes 1000 5000] [--seeds 0] [--time-limit 60]
    .venv/bin/python scripts/bench_roadmap.py --smoke     # 200 initiatives, 10 s: does it run
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.domain import TOTAL_PERIOD, Scenario, Workspace, default_scenario, score, synthetic_workspace
from cxprior.portfolio import forced_bounds, make_instance, optimize, shifting_gain
from cxprior.portfolio.model import capacity_limits, shifted_row
from cxprior.workbook import read_workbook

SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
GAP = 1e-4


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence file descriptor 1 (scipy's HiGHS prints there), keeping Python's own prints."""
    sys.stdout.flush()
    saved = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)


def scipy_direct(ws: Workspace, scenario: Scenario) -> tuple[float, float, float | None, str, float]:
    """The roadmap model built straight into sparse matrices (the same rows as build_model:
    budgets with shifted costs, dependencies, exclusive groups, one start per flexible item,
    start-after links, team capacity) and solved by scipy.optimize.milp.
    Returns (build s, solve s, value, status, CPU s)."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_array

    began, began_cpu = time.perf_counter(), cpu()
    inst = make_instance(ws, score(ws))
    n, periods = inst.n, inst.periods
    allowed = inst.shifts_allowed(scenario)
    flexible = np.flatnonzero(allowed > 0)
    first = {}  # item → column of its shift-0 start variable
    cols = n
    for k in flexible:
        first[int(k)] = cols
        cols += int(allowed[k]) + 1
    rows_i, rows_j, rows_v, lo, hi = [], [], [], [], []

    def row(j, v, low, high) -> None:
        rows_i.append(np.full(len(j), len(lo)))
        rows_j.append(np.asarray(j, dtype=int))
        rows_v.append(np.asarray(v, dtype=float))
        lo.append(low)
        hi.append(high)

    profile = inst.cost_profile()

    def timed_row(coefs: np.ndarray, matrix: np.ndarray, t: int | None, low: float, high: float) -> None:
        """Fixed items on x; flexible ones on their start variables (shifted profile)."""
        j, v = [], []
        for k in range(n):
            if k in first and t is not None:
                for o in range(int(allowed[k]) + 1):
                    c = shifted_row(matrix[k], o)[t]
                    if c:
                        j.append(first[k] + o)
                        v.append(c)
            elif coefs[k]:
                j.append(k)
                v.append(coefs[k])
        if j:
            row(j, v, low, high)

    for period, amount in scenario.budget_limits.items():
        t = None if period == TOTAL_PERIOD else periods.index(period)
        timed_row(inst.cost_in(period), profile, t, -np.inf, amount)
    for k, needs in enumerate(inst.depends_on):
        for pre in needs:
            row([k, inst.index[pre]], [1.0, -1.0], -np.inf, 0.0)
    groups: dict[str, list[int]] = {}
    for k, g in enumerate(inst.group):
        if g:
            groups.setdefault(g, []).append(k)
    for members in groups.values():
        if len(members) > 1:
            row(members, np.ones(len(members)), -np.inf, 1.0)
    for k in first:
        starts = list(range(first[k], first[k] + int(allowed[k]) + 1))
        row([k, *starts], [-1.0, *[1.0] * len(starts)], 0.0, 0.0)
    for b, others in enumerate(inst.starts_after):
        for other in others:
            a = inst.index[other]
            row([b, a], [1.0, -1.0], -np.inf, 0.0)
            b_starts = [first[b] + o for o in range(int(allowed[b]) + 1)] if b in first else [b]
            a_starts = [first[a] + o for o in range(int(allowed[a]) + 1)] if a in first else [a]
            for o in range(len(b_starts)):
                t = int(inst.earliest[b]) + o
                done = [c for j, c in enumerate(a_starts) if int(inst.end[a]) + j < t]
                if len(done) == len(a_starts):
                    break
                row([*b_starts[: o + 1], *done], [1.0] * (o + 1) + [-1.0] * len(done), -np.inf, 0.0)
    for (team, period), amount in capacity_limits(inst, scenario).items():
        t = periods.index(period)
        matrix = inst.effort[team]
        timed_row(matrix[:, t], matrix, t, -np.inf, amount)
    matrix = csr_array(
        (np.concatenate(rows_v), (np.concatenate(rows_i), np.concatenate(rows_j))), shape=(len(lo), cols)
    )
    lower, upper = forced_bounds(inst, scenario)
    cost = np.concatenate([-inst.value, np.zeros(cols - n)])
    bounds = Bounds(np.concatenate([lower, np.zeros(cols - n)]), np.concatenate([upper, np.ones(cols - n)]))
    built = time.perf_counter()
    options = {"mip_rel_gap": scenario.mip_gap}
    if scenario.time_limit is not None:
        options["time_limit"] = scenario.time_limit
    with quiet_stdout():
        res = milp(
            cost,
            integrality=np.ones(cols),
            bounds=bounds,
            constraints=LinearConstraint(matrix, np.array(lo), np.array(hi)),
            options=options,
        )
    solved = time.perf_counter()
    value = -float(res.fun) if res.x is not None else None
    status = {0: "optimal", 1: "time_limit", 2: "infeasible"}.get(res.status, str(res.status))
    return built - began, solved - built, value, status, cpu() - began_cpu


def ours(ws: Workspace, scenario: Scenario):
    began, began_cpu = time.perf_counter(), cpu()
    result = optimize(ws, scenario, explain=False)
    return result, time.perf_counter() - began, cpu() - began_cpu


def _gap(result) -> str:
    return "–" if result.gap is None else f"{result.gap:.1e}"


def synthetic(sizes: list[int], seeds: list[int], time_limit: float) -> None:
    print(f"Synthetic roadmaps: 3 years, 5 teams, a third flexible; gap {GAP:g}, limit {time_limit:g} s")
    print(
        f"{'n':>6} {'seed':>4} {'flex':>5} {'cols':>6} | {'ours s':>7} {'cpu':>6} {'status':>10} {'gap':>8} "
        f"{'value':>9} | {'scipy s':>7} {'cpu':>6} {'status':>10} {'value':>9} | {'ratio':>5} {'cpu':>5} | "
        f"{'fixed':>9} {'status':>10} {'gain':>7}"
    )
    for n in sizes:
        for seed in seeds:
            ws = synthetic_workspace(n, seed=seed, roadmap=True)
            scenario = replace(default_scenario(ws), mip_gap=GAP, time_limit=time_limit)
            flexible = sum(1 for i in ws.initiatives if i.latest_start)
            result, wall, used = ours(ws, scenario)
            build, solve, value, status, scipy_cpu = scipy_direct(ws, scenario)
            fixed, _, _ = ours(ws, replace(scenario, allow_shift=False))
            shifts = make_instance(ws).max_shift
            columns = n + int((shifts[shifts > 0] + 1).sum())  # x, then one start variable per start
            gain = (result.objective or 0.0) - (fixed.objective or 0.0)
            share = gain / abs(fixed.objective) if fixed.objective else float("nan")
            reference = build + solve
            print(
                f"{n:>6} {seed:>4} {flexible:>5} {columns:>6} | {wall:>7.2f} {used:>6.2f} "
                f"{result.status:>10} {_gap(result):>8} {result.objective or float('nan'):>9.2f} | "
                f"{reference:>7.2f} {scipy_cpu:>6.2f} {status:>10} {value or float('nan'):>9.2f} | "
                f"{wall / reference:>5.2f} {used / scipy_cpu:>5.2f} | "
                f"{fixed.objective or float('nan'):>9.2f} {fixed.status:>10} "
                f"{gain:>+7.2f} ({share:+.2%})"
            )
    print(
        "ratio = our end-to-end wall time / scipy's build + solve (target ≤ 1.5), then the same in CPU"
        " seconds (steadier on a shared machine); gain = shifted − fixed starts at the same budgets (each"
        " within its own proven gap)."
    )
    print()


def sample() -> None:
    ws = read_workbook(SAMPLE, lang="fr").workspace
    scenario = default_scenario(ws)
    began = time.perf_counter()
    gain = shifting_gain(ws, scenario)
    seconds = time.perf_counter() - began
    print(
        f"Hélios sample ({len(ws.initiatives)} initiatives, its own budgets and capacities), {seconds:.2f} s:"
    )
    for label, result in (("shifted", gain.shifted), ("fixed starts", gain.fixed)):
        spend = ", ".join(f"{p}: {v:,.0f}" for p, v in result.cost_by_period.items())
        print(
            f"  {label:<13} {result.status:>8}  {result.objective:7.2f} points, "
            f"{len(result.selected)} initiatives, spend {spend}"
        )
    print(f"  {gain.message('en')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--smoke", action="store_true", help="200 initiatives, 10 s: does it run")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.seeds, args.time_limit = [200], [0], 10.0
    synthetic(args.sizes, args.seeds, args.time_limit)
    sample()
    return 0


if __name__ == "__main__":
    sys.exit(main())
