"""Save/load times of the store for a 1,000-initiative workspace and 100 scenarios.

    .venv/bin/python scripts/bench_store.py [--size 1000] [--scenarios 100] [--runs 7]
                                            [--pg postgresql://…]

Runs on SQLite (a fresh file in a temporary folder) and, when `--pg` or
CXPRIOR_TEST_DATABASE_URL gives a PostgreSQL database, on PostgreSQL in a throwaway
schema. Times are medians of `--runs` repetitions (scenario figures: over every scenario).
Results are built directly (random but realistic: ~30 % selected, one exclusion reason
per initiative left out), so the optimizer's speed does not enter these figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxprior.domain import (
    ExclusionReason,
    FocusIndicators,
    PortfolioResult,
    Scenario,
    Workspace,
    default_scenario,
    synthetic_workspace,
)
from cxprior.store import Store, serialize
from cxprior.store.testing import TEST_DATABASE_ENV, throwaway_database


def make_result(ws: Workspace, scenario: Scenario, rng: random.Random) -> PortfolioResult:
    ids = [i.initiative_id for i in ws.initiatives]
    selected = sorted(rng.sample(ids, k=len(ids) * 3 // 10))
    chosen = set(selected)
    by_id = ws.initiative_by_id
    exclusions = tuple(
        ExclusionReason(
            iid,
            "no_room",
            f"{iid} does not fit in the remaining budget.",
            cost_cut_needed=round(rng.uniform(1e3, 1e5), 2),
            value_gain_needed=round(rng.uniform(0.1, 5.0), 4),
        )
        for iid in ids
        if iid not in chosen
    )
    cost_by_period = {p: sum(by_id[i].cost_in(p) for i in selected) for p in ws.periods}
    return PortfolioResult(
        status="optimal",
        objective=rng.uniform(500, 2000),
        gap=0.0,
        selected=tuple(selected),
        total_cost=sum(by_id[i].cost for i in selected),
        cost_by_period=cost_by_period,
        value_by_goal={g.goal_id: rng.uniform(50, 500) for g in ws.goals},
        solver="highs",
        solve_seconds=rng.uniform(0.1, 3.0),
        scenario=scenario,
        focus=FocusIndicators(len(selected), 6, "Get help", 0.31, 0.19),
        exclusions=exclusions,
        forced_in_cost={},
        marginal_value_per_euro={"total": 0.0012},
    )


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.1f} ms"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench(url: str, ws: Workspace, results: list[PortfolioResult], runs: int) -> dict[str, str]:
    figures: dict[str, str] = {}
    with Store.open(url) as store:
        first = store.save_workspace("Bench", ws, "Bench", None)
        version = first.version
        saves = []
        for _ in range(runs):
            saves.append(timed(lambda v=version: store.save_workspace("Bench", ws, "Bench", v)))
            version += 1
        figures["save workspace (new version)"] = median_ms(saves)
        figures["load workspace (latest)"] = median_ms(
            [timed(lambda: store.load_workspace("Bench")) for _ in range(runs)]
        )
        figures["list workspace versions"] = median_ms(
            [timed(lambda: store.list_workspace_versions("Bench")) for _ in range(runs)]
        )
        ref = store.load_workspace("Bench").ref

        saved_ids: list[int] = []
        scenario_saves = []
        start_all = time.perf_counter()
        for result in results:
            t0 = time.perf_counter()
            saved_ids.append(store.save_scenario(result.scenario, result, ref, "Bench").scenario_id)
            scenario_saves.append(time.perf_counter() - t0)
        total = time.perf_counter() - start_all
        figures["save scenario with result (each)"] = median_ms(scenario_saves)
        figures[f"save {len(results)} scenarios (total)"] = f"{total * 1000:8.1f} ms"
        figures[f"list {len(results)} scenarios"] = median_ms(
            [timed(store.list_scenarios) for _ in range(runs)]
        )
        figures["load scenario with result (each)"] = median_ms(
            [timed(lambda i=i: store.load_scenario(i)) for i in saved_ids]
        )
        edits = []
        for scenario_id, result in zip(saved_ids[:runs], results, strict=False):
            edits.append(
                timed(
                    lambda s=scenario_id, r=result: store.save_scenario(
                        r.scenario, r, ref, "Bench", 1, scenario_id=s
                    )
                )
            )
        figures["edit scenario (versioned save)"] = median_ms(edits)
        figures["submit scenario (decision)"] = median_ms(
            [timed(lambda i=i: store.submit_scenario(i, "Bench")) for i in saved_ids[:runs]]
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--scenarios", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    parser.add_argument("--pg", default=os.environ.get(TEST_DATABASE_ENV), help="PostgreSQL URL")
    args = parser.parse_args(argv)
    if args.smoke:
        args.size, args.scenarios, args.runs = 20, 2, 1

    ws = synthetic_workspace(args.size)
    rng = random.Random(0)
    scenario = default_scenario(ws, "Bench")
    results = [make_result(ws, scenario, rng) for _ in range(args.scenarios)]

    ws_doc = serialize.dumps(serialize.workspace_to_json(ws))
    result_doc = serialize.dumps(serialize.result_to_json(results[0]))
    print(f"workspace: {args.size} initiatives, {len(ws.impacts)} impacts, JSON {len(ws_doc) / 1024:.0f} KiB")
    print(
        f"result: {len(results[0].selected)} selected, {len(results[0].exclusions)} exclusions, "
        f"JSON {len(result_doc) / 1024:.0f} KiB"
    )
    serial = {
        "serialise workspace (to JSON text)": median_ms(
            [timed(lambda: serialize.dumps(serialize.workspace_to_json(ws))) for _ in range(args.runs)]
        ),
        "deserialise workspace (from text)": median_ms(
            [timed(lambda: serialize.workspace_from_json(serialize.loads(ws_doc))) for _ in range(args.runs)]
        ),
        "serialise result": median_ms(
            [timed(lambda: serialize.dumps(serialize.result_to_json(results[0]))) for _ in range(args.runs)]
        ),
        "deserialise result": median_ms(
            [timed(lambda: serialize.result_from_json(serialize.loads(result_doc))) for _ in range(args.runs)]
        ),
    }
    columns: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        with throwaway_database(None, Path(folder)) as url:
            columns["SQLite (WAL, synchronous=FULL)"] = bench(url, ws, results, args.runs)
        if args.pg:
            with throwaway_database(args.pg, Path(folder)) as url:
                columns["PostgreSQL"] = bench(url, ws, results, args.runs)
        else:
            print(f"(PostgreSQL skipped: give --pg or set {TEST_DATABASE_ENV})")

    print(f"\n{'in memory, no database':40s}")
    for name, value in serial.items():
        print(f"  {name:38s}{value}")
    names = list(next(iter(columns.values())))
    print(f"\n{'median times':40s}" + "".join(f"{c:>32s}" for c in columns))
    for name in names:
        print(f"  {name:38s}" + "".join(f"{columns[c][name]:>32s}" for c in columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
