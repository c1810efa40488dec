"""Formulations and solver options side by side (issue 14, point 2; prints, asserts nothing).

On synthetic CX portfolios (cxprior.domain.synthetic, the shapes of bench_optimize.py:
"budgets" = three yearly budgets and a total, dependencies, exclusive groups, mandatory
items; "full" = every constraint type) and on the first Chu–Beasley 5×100 problem (the
public instances, read in place from ../shared/benchmarks), the first solve of
`optimize` (the tie-break comes after, whatever the variant) is timed in this process:

- shipped: the model and HiGHS options as `optimize` uses them (presolve chosen by
  `choose_presolve`);
- presolve forced on / off; symmetry detection off; cut rounds at the root halved;
- dependencies aggregated: one row |J(k)|·x_k ≤ Σ_{j∈J(k)} x_j per dependent item instead of
  one row x_k ≤ x_j per pair (the same integer points, a weaker relaxation, fewer rows);
- CBC alone (one thread, as `solve_cbc` runs it);
- HiGHS racing CBC on the two cores: both start together, the first proof wins and the
  other is stopped (HiGHS through its interrupt callback, CBC's process killed);

then a live meeting's what-ifs on the same workspace: the budget cut by 10 %, cut by 5 %
and raised by 10 %, one after the other, each solved
- cold: a new model and a new HiGHS object (what a new scenario costs);
- kept: the same HiGHS object, only the budget rows' bounds changed;
- warm: kept, plus the previous portfolio given as a start when it still fits the budget.

Each line: wall seconds (the median of --runs), the ratio to the shipped one (or to cold),
the status, the value and whether it equals the shipped value (to 1e-6 relative: the gap we
claim). Every figure is a real solve; nothing is kept between variants except what the
variant says it keeps.

    .venv/bin/python scripts/bench_formulations.py [--sizes 200 1000 5000] [--shapes budgets full]
        [--runs 3] [--time-limit 120] [--skip-public] [--smoke]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_optimize import CHU_BEASLEY_BEST, DEFAULT_BENCHMARKS, read_orlib

from cxprior.domain import default_scenario, synthetic_scenario, synthetic_workspace
from cxprior.portfolio import build_model, make_instance
from cxprior.portfolio.cbc import solve_cbc
from cxprior.portfolio.highs import HighsSession, Outcome, set_option
from cxprior.portfolio.solve import RowCheck

SAME = 1e-6


def load() -> str:
    return " / ".join(f"{v:.2f}" for v in os.getloadavg())


def median_run(runs: int, solve: Callable[[], Outcome]) -> tuple[float, Outcome]:
    times, outcome = [], None
    for _ in range(runs):
        began = time.perf_counter()
        outcome = solve()
        times.append(time.perf_counter() - began)
    assert outcome is not None
    return statistics.median(times), outcome


def highs_with(model, options: dict[str, object], *, presolve: bool | None = None) -> HighsSession:
    session = HighsSession(model, presolve=presolve)
    for name, value in options.items():
        set_option(session.highs, name, value)
    return session


def aggregated_dependencies(model, session: HighsSession) -> HighsSession:
    """The session's model with the pairwise dependency rows replaced by one row per item."""
    pairs = [(name, row.key) for name, row in model.rows.items() if row.kind == "depends"]
    if not pairs:
        return session
    index = model.instance.index
    by_item: dict[str, list[str]] = {}
    for _name, (item, pre) in pairs:
        by_item.setdefault(item, []).append(pre)
    rows = np.array(sorted(session.row_index[name] for name, _ in pairs), dtype=np.int32)
    session.highs.deleteRows(len(rows), rows)
    for item, pres in by_item.items():
        cols = np.array([index[item], *(index[p] for p in pres)], dtype=np.int32)
        values = np.array([float(len(pres)), *([-1.0] * len(pres))])
        session.highs.addRow(-np.inf, 0.0, len(cols), cols, values)
    return session


def race(model, scenario) -> Outcome:
    """HiGHS in this process and CBC in its own, started together; the first proof wins."""
    session = HighsSession(model)
    won = threading.Event()
    answers: dict[str, Outcome] = {}

    def interrupt(event: object) -> None:
        if won.is_set():
            event.interrupt()  # type: ignore[attr-defined]

    session.highs.cbMipInterrupt.subscribe(interrupt)

    def run(name: str, solve: Callable[[], Outcome]) -> None:
        try:
            outcome = solve()
        except Exception:  # the loser's process is killed: its error is no answer
            return
        if outcome.status == "optimal" and not won.is_set():
            answers[name] = outcome
            won.set()

    threads = [
        threading.Thread(
            target=run,
            args=("highs", lambda: session.solve(gap=scenario.mip_gap, time_limit=scenario.time_limit)),
        ),
        threading.Thread(
            target=run,
            args=("cbc", lambda: solve_cbc(model, gap=scenario.mip_gap, time_limit=scenario.time_limit)),
        ),
    ]
    for thread in threads:
        thread.start()
    while not won.wait(0.005):
        if not any(thread.is_alive() for thread in threads):
            break
    # CBC runs as a child process of ours: stop it so the next variant has both cores
    subprocess.run(["pkill", "-P", str(os.getpid()), "cbc"], check=False)
    for thread in threads:
        thread.join()
    if not answers:
        return Outcome("no_solution", None, None, None, None, 0.0)
    name, outcome = next(iter(answers.items()))
    return replace(outcome, status=f"optimal ({name})")


def line(label: str, seconds: float, reference: float, outcome: Outcome, value: float | None) -> str:
    same = (
        "same"
        if value is not None
        and outcome.objective is not None
        and abs(outcome.objective - value) <= SAME * max(1.0, abs(value))
        else "DIFFERENT"
    )
    objective = "—" if outcome.objective is None else f"{outcome.objective:,.3f}"
    return (
        f"  {label:34s} {seconds:8.2f} s  {seconds / reference:6.2f}×  "
        f"{outcome.status:16s} {objective:>12s}  {same}  nodes {outcome.nodes}"
    )


def compare_variants(title: str, workspace, scenario, runs: int) -> None:
    model = build_model(make_instance(workspace), scenario)
    gap, limit = scenario.mip_gap, scenario.time_limit

    def first_solve(session_of: Callable[[], HighsSession]) -> Callable[[], Outcome]:
        return lambda: session_of().solve(gap=gap, time_limit=limit)

    shipped_s, shipped = median_run(runs, first_solve(lambda: HighsSession(model)))
    print(f"{title}: {len(model.columns)} columns, {len(model.rows)} rows (load {load()})")
    print(line("shipped", shipped_s, shipped_s, shipped, shipped.objective))
    variants: list[tuple[str, Callable[[], Outcome]]] = [
        ("presolve on", first_solve(lambda: HighsSession(model, presolve=True))),
        ("presolve off", first_solve(lambda: HighsSession(model, presolve=False))),
        ("symmetry detection off", first_solve(lambda: highs_with(model, {"mip_detect_symmetry": False}))),
        ("root cut rounds halved", first_solve(lambda: highs_with(model, {"mip_lp_age_limit": 5}))),
        (
            "dependencies aggregated",
            first_solve(lambda: aggregated_dependencies(model, HighsSession(model))),
        ),
        ("CBC alone", lambda: solve_cbc(model, gap=gap, time_limit=limit)),
        ("HiGHS racing CBC", lambda: race(model, scenario)),
    ]
    for label, solve in variants:
        seconds, outcome = median_run(runs, solve)
        print(line(label, seconds, shipped_s, outcome, shipped.objective))


def what_ifs(title: str, workspace, scenario, runs: int) -> None:
    """A meeting's budget changes one after the other: cold, kept session, kept + warm start."""
    factors = (0.9, 0.95, 1.1)
    base = dict(scenario.budget_by_period)
    total = scenario.budget_total
    steps = []
    for factor in factors:
        levels = {p: v * factor for p, v in base.items()}
        steps.append(
            (
                factor,
                replace(
                    scenario, budget_by_period=levels, budget_total=None if total is None else total * factor
                ),
            )
        )
    print(f"{title}: budgets × {', '.join(f'{f:g}' for f in factors)}, one after the other (load {load()})")
    cold: list[tuple[float, Outcome]] = []
    for _factor, changed in steps:
        model = build_model(make_instance(workspace), changed)
        cold.append(median_run(runs, lambda model=model, changed=changed: first_solve_of(model, changed)))
    for warm in (False, True):
        timings: list[list[float]] = [[] for _ in steps]
        outcomes: list[Outcome | None] = [None] * len(steps)
        for _ in range(runs):
            model = build_model(make_instance(workspace), scenario)
            session = HighsSession(model)
            previous = session.solve(gap=scenario.mip_gap, time_limit=scenario.time_limit)
            for k, (factor, changed) in enumerate(steps):
                levels = {p: v * factor for p, v in base.items()}
                if total is not None:
                    levels["total"] = total * factor
                began = time.perf_counter()
                bounds = model.budget_bounds(levels)
                for row, bound in bounds.items():
                    session.set_row_bounds(row, None, bound)
                start = previous.values if warm and fits(session, bounds, previous.values) else None
                outcome = session.solve(gap=changed.mip_gap, time_limit=changed.time_limit, start=start)
                timings[k].append(time.perf_counter() - began)
                outcomes[k] = previous = outcome
        label = "kept + warm start" if warm else "kept session"
        for k, (factor, _changed) in enumerate(steps):
            cold_s, cold_outcome = cold[k]
            outcome = outcomes[k]
            assert outcome is not None
            if not warm:
                print(
                    line(f"budget × {factor:g}, cold", cold_s, cold_s, cold_outcome, cold_outcome.objective)
                )
            print(
                line(
                    f"budget × {factor:g}, {label}",
                    statistics.median(timings[k]),
                    cold_s,
                    outcome,
                    cold_outcome.objective,
                )
            )


def first_solve_of(model, scenario) -> Outcome:
    return HighsSession(model).solve(gap=scenario.mip_gap, time_limit=scenario.time_limit)


def fits(session: HighsSession, bounds: dict[str, float], values: np.ndarray | None) -> bool:
    """The previous solution satisfies every row once the budget rows have these upper
    bounds (then it is a start): the solver layer's own row check."""
    if values is None:
        return False
    upper = session.arrays.row_upper.copy()
    for row, bound in bounds.items():
        upper[session.row_index[row]] = bound
    check = RowCheck(replace(session.arrays, row_upper=upper), values)
    return check.ok(check.activity)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--shapes", nargs="+", default=["budgets", "full"], choices=["budgets", "full"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--skip-public", action="store_true")
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.shapes, args.runs, args.skip_public = [40], ["budgets"], 1, True
    print(f"First solves at gap 1e-6, time limit {args.time_limit:g} s, median of {args.runs}; 2 cores")
    for shape in args.shapes:
        for n in args.sizes:
            workspace = synthetic_workspace(n, seed=0)
            scenario = synthetic_scenario(workspace) if shape == "full" else default_scenario(workspace)
            scenario = replace(scenario, time_limit=args.time_limit, mip_gap=1e-6)
            compare_variants(f"{shape} {n:,}", workspace, scenario, args.runs)
            if shape == "budgets":
                what_ifs(f"{shape} {n:,}", workspace, scenario, args.runs)
    orlib = args.benchmarks / "mknapcb1.txt"
    if not args.skip_public and orlib.exists():
        workspace, _ = read_orlib(orlib)[0]
        scenario = replace(default_scenario(workspace), time_limit=min(args.time_limit, 30.0), mip_gap=1e-6)
        title = f"Chu–Beasley 5×100 #1 (published best {CHU_BEASLEY_BEST[0]:,})"
        compare_variants(title, workspace, scenario, args.runs)


if __name__ == "__main__":
    main()
