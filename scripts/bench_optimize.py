"""Benchmark the portfolio optimizer (prints figures; never a timed test).

(a) Public instances with published optima (../shared/benchmarks, read in place, never
    copied), converted to workbooks as DESIGN.md says (one goal, one KPI 0 → 100, one
    initiative per item with `impact:` = profit, one `cost_<period>` per constraint):
    Petersen's 7 R&D problems, Pisinger's 2,000- and 10,000-item knapsacks, and the first
    Chu–Beasley 5×100 problems at a 30 s time limit. Per instance: the value reached
    against the published one, the status and gap claimed, and read + solve seconds.
(b) Synthetic CX portfolios (cxprior.domain.synthetic) of 200 / 1,000 / 5,000 initiatives, in two
    shapes: "full" (every constraint type: three yearly and a total budget, dependencies,
    exclusive groups, mandatory and forced-out items, a 15 % count cap, at most 5 of the 6
    journey phases — or all 6 when the mandatory items touch them all —, a minimum value
    share per goal) and "budgets" (the Budget sheet only:
    three yearly budgets and a total, with dependencies, groups and mandatory items).
    Side by side: our end-to-end time as a process (`python -m cxprior optimize BOOK.xlsx
    … --json`, i.e. start + read + validate + build + solve), our in-process split (read,
    build, hand-over to HiGHS, solve), `scipy.optimize.milp` on the same model built
    directly with sparse matrices (the near-limit reference), and CBC; then the 20-point
    frontier against 20 independent solves, and the greedy gap.

    .venv/bin/python scripts/bench_optimize.py [--sizes 200 1000 5000] [--shapes full budgets]
        [--time-limit 120] [--cb-problems 3] [--skip-public] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# the public instances are not part of the repository: a folder given with --benchmarks, or in
# CXPRIOR_BENCHMARKS, or the team's shared folder beside the checkout
DEFAULT_BENCHMARKS = Path(os.environ.get("CXPRIOR_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))

from cxprior.domain import (
    TOTAL_PERIOD,
    Budget,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Scenario,
    Workspace,
    default_scenario,
    synthetic_scenario,
    synthetic_workspace,
)
from cxprior.portfolio import (
    HighsSession,
    build_model,
    forced_bounds,
    frontier,
    greedy_gap,
    make_instance,
    optimize,
    required_items,
    solve_with_highs,
)
from cxprior.workbook import (
    read_workbook,
    write_workspace,
)

PETERSEN_OPTIMA = (3800, 8706.1, 4015, 6120, 12400, 10618, 16537)
CHU_BEASLEY_BEST = (24381, 24274, 23551, 23534, 23991, 24613, 25591, 23410, 24216, 24411)
PISINGER = {
    "knapPI_1_2000_1000_1.txt": 110625,
    "knapPI_1_10000_1000_1.txt": 563647,
    "knapPI_2_10000_1000_1.txt": 90204,
    "knapPI_3_10000_1000_1.txt": 146919,
}


# --- instances → workspaces ---------------------------------------------------------------


def knapsack_workspace(profits: list[float], costs: list[list[float]], budgets: list[float]) -> Workspace:
    """DESIGN.md's conversion: the portfolio value equals the profit sum."""
    n, m = len(profits), len(costs)
    width = len(str(n))
    periods = tuple(f"c{k + 1}" for k in range(m)) if m > 1 else ()
    initiatives = []
    for i in range(n):
        iid = f"P{i + 1:0{width}d}"
        if periods:
            split = {p: float(costs[k][i]) for k, p in enumerate(periods)}
            initiatives.append(Initiative(iid, f"Project {i + 1}", sum(split.values()), split))
        else:
            initiatives.append(Initiative(iid, f"Item {i + 1}", float(costs[0][i])))
    ids = [x.initiative_id for x in initiatives]
    return Workspace(
        goals=(Goal("G", "Profit", 1.0),),
        kpis=(Kpi("K", "Profit", Direction.INCREASE, 0.0, 100.0),),
        links=(KpiGoalLink("K", "G", 1.0),),
        initiatives=tuple(initiatives),
        impacts=tuple(Impact(iid, "K", float(p)) for iid, p in zip(ids, profits, strict=True) if p),
        budgets=tuple(Budget(p, float(b)) for p, b in zip(periods or (TOTAL_PERIOD,), budgets, strict=True)),
        periods=periods,
    )


def read_orlib(path: Path) -> list[tuple[Workspace, float]]:
    """OR-Library mknap format: count; per problem n m optimum, profits, m cost rows, m budgets."""
    tokens = [float(t) for t in path.read_text().split()]
    count, pos = int(tokens[0]), 1
    problems = []
    for _ in range(count):
        n, m, best = int(tokens[pos]), int(tokens[pos + 1]), tokens[pos + 2]
        pos += 3
        profits = tokens[pos : pos + n]
        pos += n
        costs = [tokens[pos + k * n : pos + (k + 1) * n] for k in range(m)]
        pos += m * n
        budgets = tokens[pos : pos + m]
        pos += m
        problems.append((knapsack_workspace(profits, costs, budgets), best))
    return problems


def read_pisinger(path: Path) -> Workspace:
    lines = path.read_text().split()
    n = int(lines[0])
    values = [float(x) for x in lines[1 : 1 + 2 * n]]
    capacity = float(lines[1 + 2 * n])
    return knapsack_workspace(values[0::2], [values[1::2]], [capacity])


def through_workbook(ws: Workspace, folder: Path, name: str) -> tuple[Path, Workspace, float]:
    path = folder / f"{name}.xlsx"
    path.write_bytes(write_workspace(ws))
    began = time.perf_counter()
    read = read_workbook(path).workspace
    return path, read, time.perf_counter() - began


def missing_instances(benchmarks: Path) -> list[str]:
    """The public instance files this script reads that are not in `benchmarks`."""
    return [name for name in ("mknap1.txt", "mknapcb1.txt", *PISINGER) if not (benchmarks / name).is_file()]


def public(folder: Path, cb_problems: int, benchmarks: Path) -> None:
    print("(a) Public instances through the workbook path (read + validate + build + solve, in process)")
    print(
        f"{'instance':<28}{'n×m':>10}{'published':>12}{'reached':>14}{'status':>12}{'gap':>10}"
        f"{'read s':>8}{'solve s':>9}"
    )

    def line(name: str, ws: Workspace, published: float, read_s: float, scenario: Scenario) -> None:
        began = time.perf_counter()
        result = optimize(ws, scenario, explain=False)
        total = time.perf_counter() - began
        shape = f"{len(ws.initiatives)}×{max(1, len(ws.periods))}"
        reached = result.objective if result.objective is not None else float("nan")
        gap = f"{result.gap:.1e}" if result.gap is not None else "–"
        mark = (
            "="
            if abs(reached - published) <= 1e-6 * max(1.0, published)
            else f"{(reached / published - 1):+.3%}"
        )
        print(
            f"{name:<28}{shape:>10}{published:>12,.1f}{reached:>14,.2f}{result.status:>12}{gap:>10}"
            f"{read_s:>8.2f}{total:>9.2f}  {mark}"
        )

    for k, (ws, _) in enumerate(read_orlib(benchmarks / "mknap1.txt"), start=1):
        _, read_ws, read_s = through_workbook(ws, folder, f"petersen{k}")
        line(f"Petersen {k}", read_ws, PETERSEN_OPTIMA[k - 1], read_s, default_scenario(read_ws))
    for name, best in PISINGER.items():
        _, read_ws, read_s = through_workbook(read_pisinger(benchmarks / name), folder, name[:-4])
        line(name[:-4], read_ws, best, read_s, default_scenario(read_ws))
    for k, (ws, _) in enumerate(read_orlib(benchmarks / "mknapcb1.txt")[:cb_problems], start=1):
        _, read_ws, read_s = through_workbook(ws, folder, f"chubeasley{k}")
        scenario = replace(default_scenario(read_ws), time_limit=30.0)
        line(f"Chu–Beasley 5×100 #{k} (30 s)", read_ws, CHU_BEASLEY_BEST[k - 1], read_s, scenario)
    print()


# --- synthetic portfolios -----------------------------------------------------------------


def shaped(ws: Workspace, shape: str) -> Scenario:
    if shape == "budgets":
        return default_scenario(ws)
    full = synthetic_scenario(ws)
    base = default_scenario(ws)
    # at most 5 of the 6 journey phases, or as many as the mandatory items already touch
    inst = make_instance(ws)
    required = [inst.index[i] for i in required_items(inst, full).ids]
    phases = max(5, len({inst.phase[k] for k in required if inst.phase[k]}))
    return replace(full, budget_total=base.budget_total, max_phases=phases)


def cli_options(scenario: Scenario) -> list[str]:
    options: list[str] = []
    if scenario.max_initiatives is not None:
        options += ["--max-initiatives", str(scenario.max_initiatives)]
    if scenario.max_phases is not None:
        options += ["--max-phases", str(scenario.max_phases)]
    for goal, share in scenario.min_goal_share.items():
        options += ["--min-goal-share", f"{goal}={share}"]
    if scenario.force_out:
        options += ["--force-out", ",".join(scenario.force_out)]
    if scenario.time_limit is not None:
        options += ["--time-limit", str(scenario.time_limit)]
    return options


def scipy_direct(ws: Workspace, scenario: Scenario) -> tuple[float, float, float | None, str]:
    """The same model built straight into sparse matrices and solved by scipy.optimize.milp."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_array

    began = time.perf_counter()
    inst = make_instance(ws)
    n = inst.n
    phases = sorted({p for p in inst.phase if p}) if scenario.max_phases is not None else []
    cols = n + len(phases)
    rows_i: list[np.ndarray] = []
    rows_j: list[np.ndarray] = []
    rows_v: list[np.ndarray] = []
    lo: list[float] = []
    hi: list[float] = []

    def row(j: np.ndarray, v: np.ndarray, low: float, high: float) -> None:
        rows_i.append(np.full(len(j), len(lo)))
        rows_j.append(j)
        rows_v.append(v)
        lo.append(low)
        hi.append(high)

    budgets = dict(scenario.budget_by_period)
    if scenario.budget_total is not None:
        budgets[TOTAL_PERIOD] = scenario.budget_total
    everyone = np.arange(n)
    for period, amount in budgets.items():
        row(everyone, inst.cost_in(period), -np.inf, amount)
    for k, needs in enumerate(inst.depends_on):
        for pre in needs:
            row(np.array([k, inst.index[pre]]), np.array([1.0, -1.0]), -np.inf, 0.0)
    groups: dict[str, list[int]] = {}
    for k, g in enumerate(inst.group):
        if g:
            groups.setdefault(g, []).append(k)
    for members in groups.values():
        if len(members) > 1:
            row(np.array(members), np.ones(len(members)), -np.inf, 1.0)
    if scenario.max_initiatives is not None:
        row(everyone, np.ones(n), -np.inf, scenario.max_initiatives)
    for q, phase in enumerate(phases):
        members = np.array([k for k in range(n) if inst.phase[k] == phase])
        row(np.append(members, n + q), np.append(np.ones(len(members)), -len(members)), -np.inf, 0.0)
    if phases:
        row(np.arange(n, cols), np.ones(len(phases)), -np.inf, scenario.max_phases)
    for goal, share in scenario.min_goal_share.items():
        row(everyone, inst.goal_value[goal] - share * inst.value, 0.0, np.inf)
    if scenario.min_goal_share:
        row(everyone, inst.value, 1e-6 * inst.value.max(), np.inf)
    matrix = csr_array(
        (np.concatenate(rows_v), (np.concatenate(rows_i), np.concatenate(rows_j))), shape=(len(lo), cols)
    )
    lower, upper = forced_bounds(inst, scenario)
    cost = np.concatenate([-inst.value, np.zeros(len(phases))])
    bounds = Bounds(
        np.concatenate([lower, np.zeros(len(phases))]), np.concatenate([upper, np.ones(len(phases))])
    )
    built = time.perf_counter()
    options = {"mip_rel_gap": scenario.mip_gap}
    if scenario.time_limit is not None:
        options["time_limit"] = scenario.time_limit
    with quiet_stdout():  # scipy's HiGHS build prints debug lines straight to fd 1
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
    return built - began, solved - built, value, status


@contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence file descriptor 1 (what C code writes), keeping Python's own prints."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


def synthetic(sizes: list[int], shapes: list[str], time_limit: float, folder: Path) -> None:
    print(f"(b) Synthetic CX portfolios (gap 1e-6, time limit {time_limit:g} s everywhere)")
    print("    e2e and scipy as wall (CPU) seconds; the ratio on both; read/build/pass/solve in process")
    print(
        f"{'shape':<8}{'n':>6} | {'ours e2e':>13}{'read':>6}{'build':>6}{'pass':>6}{'solve':>7} "
        f"{'status':<8}{'value':>10} | {'scipy b+s':>13} {'status':<8} | {'e2e/scipy':>11} | "
        f"{'CBC':>6} {'status':<8}"
    )
    for shape in shapes:
        for n in sizes:
            ws = synthetic_workspace(n)
            scenario = replace(shaped(ws, shape), time_limit=time_limit)
            book = folder / f"synthetic_{shape}_{n}.xlsx"
            book.write_bytes(write_workspace(ws))
            out = folder / "result.json"
            began, children = time.perf_counter(), _children_cpu()
            completed = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "cxprior",
                    "optimize",
                    str(book),
                    *cli_options(scenario),
                    "--json",
                    str(out),
                ],
                capture_output=True,
                text=True,
                check=False,
                cwd=ROOT,
            )
            e2e, e2e_cpu = time.perf_counter() - began, _children_cpu() - children
            if completed.returncode != 0:
                print(f"{shape:<8}{n:>6} | process failed: {completed.stderr.strip()[:200]}")
                continue
            t0 = time.perf_counter()
            read_ws = read_workbook(book).workspace
            t1 = time.perf_counter()
            model = build_model(make_instance(read_ws), scenario)
            t2 = time.perf_counter()
            session = HighsSession(model)
            t3 = time.perf_counter()
            ours = solve_with_highs(model, session, gap=scenario.mip_gap, time_limit=scenario.time_limit)
            cpu = time.process_time()
            sb, ss, scipy_value, scipy_status = scipy_direct(read_ws, scenario)
            scipy_cpu = time.process_time() - cpu
            cbc = optimize(read_ws, replace(scenario, solver="cbc"), explain=False)
            value = f"{ours.objective:,.3f}" if ours.objective is not None else "–"
            same = "=" if scipy_value is not None and ours.objective is not None else "?"
            if same == "=" and abs(scipy_value - ours.objective) > 2e-6 * max(1.0, abs(scipy_value)):
                same = f"{scipy_value:,.3f}"
            ratio = f"{e2e / (sb + ss):.2f} ({e2e_cpu / scipy_cpu:.2f})"
            ours_e2e = f"{e2e:.2f} ({e2e_cpu:.2f})"
            print(
                f"{shape:<8}{n:>6} | {ours_e2e:>13}{t1 - t0:>6.2f}{t2 - t1:>6.2f}{t3 - t2:>6.2f}"
                f"{ours.seconds:>7.2f} {ours.status:<8}{value:>10} | "
                f"{f'{sb + ss:.2f} ({scipy_cpu:.2f})':>13} {scipy_status:<8} | {ratio:>11} | "
                f"{cbc.solve_seconds:>6.2f} {cbc.status:<8}{'' if same == '=' else ' scipy value ' + same}"
            )
    print()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def frontier_and_greedy(sizes: list[int], shapes: list[str], time_limit: float) -> None:
    print("(c) Frontier (20 levels, gap 0.1 % per level, one model reused) against 20 independent")
    print("    solves of the same levels; wall seconds (CPU seconds). Greedy: value the optimizer adds.")
    print(
        f"{'shape':<8}{'n':>6} | {'frontier':>15} {'20 solves':>15} | "
        f"{'over greedy by value':>22} {'by value/€':>22}"
    )
    for shape in shapes:
        for n in sizes:
            ws = synthetic_workspace(n)
            scenario = replace(shaped(ws, shape), time_limit=time_limit)
            wall, cpu = time.perf_counter(), time.process_time()
            curve = frontier(ws, scenario, points=20)
            reused = f"{time.perf_counter() - wall:.2f} ({time.process_time() - cpu:.2f})"
            wall, cpu = time.perf_counter(), time.process_time()
            for point in curve.points:
                level = replace(
                    scenario,
                    budget_by_period=point.budget_by_period,
                    budget_total=point.budget if TOTAL_PERIOD in _keys(scenario) else None,
                )
                model = build_model(make_instance(ws), level)
                solve_with_highs(
                    model, HighsSession(model), gap=curve.gap, time_limit=time_limit, tie_break=False
                )
            independent = f"{time.perf_counter() - wall:.2f} ({time.process_time() - cpu:.2f})"
            best = optimize(ws, scenario, explain=False)
            gaps = []
            for rank_by in ("value", "value_per_euro"):
                comparison = greedy_gap(ws, scenario, rank_by=rank_by, optimal=best)
                share = comparison.value_added_share
                note = "" if comparison.greedy_meets_scenario else " (misses a share)"
                gaps.append(f"{share:+.1%}{note}" if share is not None else "–")
            print(f"{shape:<8}{n:>6} | {reused:>15} {independent:>15} | {gaps[0]:>22} {gaps[1]:>22}")
    print()


def _keys(scenario: Scenario) -> list[str]:
    keys = list(scenario.budget_by_period)
    if scenario.budget_total is not None or not keys:
        keys.append(TOTAL_PERIOD)
    return keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--shapes", nargs="+", default=["full", "budgets"], choices=["full", "budgets"])
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--cb-problems", type=int, default=3)
    parser.add_argument("--frontier-sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--skip-public", action="store_true")
    parser.add_argument(
        "--benchmarks",
        type=Path,
        default=DEFAULT_BENCHMARKS,
        help="folder of the public instances (default: $CXPRIOR_BENCHMARKS, else ../shared/benchmarks)",
    )
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-frontier", action="store_true")
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.shapes, args.time_limit, args.frontier_sizes = [30], ["full"], 10.0, [20]
        args.skip_public = True
    if not args.skip_public and (missing := missing_instances(args.benchmarks)):
        parser.exit(
            1,
            f"bench_optimize: the public instances are missing from {args.benchmarks}: "
            f"{', '.join(missing)}. Give their folder with --benchmarks DIR (or CXPRIOR_BENCHMARKS), "
            "or run with --skip-public.\n",
        )
    with tempfile.TemporaryDirectory(prefix="cxprior-bench-") as tmp:
        folder = Path(tmp)
        if not args.skip_public:
            public(folder, args.cb_problems, args.benchmarks)
        if not args.skip_synthetic:
            synthetic(args.sizes, args.shapes, args.time_limit, folder)
        if not args.skip_frontier:
            frontier_and_greedy(args.frontier_sizes, args.shapes, args.time_limit)


if __name__ == "__main__":
    main()
