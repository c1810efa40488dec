"""Benchmark the key-driver analysis (prints figures; never a timed test).

Targets (issue "Listening data"): 15 drivers and 10,000 respondents, the analysis without
bootstrap in ≤ 1 s and with 500 resamples in ≤ 20 s on the 2-core machine. Side by side, on
the same data:

- ours: `analyse_drivers` (every subset's R² from one Schur-complement recursion over the
  correlation matrix, then the Shapley weights as one matrix product), without bootstrap and
  with the resamples, single process;
- reference "solve": the same correlations, but each subset's R² = r_S' R_SS⁻¹ r_S by
  `numpy.linalg.solve`, batched per subset size (the textbook way to use the correlation
  matrix); the bootstrap figure is one resample's time × the resamples;
- reference "refit": OLS refitted on the rows for every subset (`numpy.linalg.lstsq`), on
  fewer drivers (its time at least doubles with each driver: the figure at 15 is a lower
  bound extrapolated from it);
- the largest difference between our importances and each reference's.

    .venv/bin/python scripts/bench_drivers.py [--drivers 15] [--respondents 10000]
        [--resamples 500] [--refit-drivers 10] [--smoke]
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.analysis import analyse_drivers, correlation_matrix, shapley_weights


def survey(drivers: int, respondents: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Scores 1–10 with a common mood (drivers correlate about 0.4), an outcome 0–10."""
    rng = np.random.default_rng(seed)
    mood = rng.normal(size=(respondents, 1))
    x = np.clip(np.rint(6.5 + 1.2 * mood + 1.5 * rng.normal(size=(respondents, drivers))), 1, 10)
    weights = rng.uniform(0.05, 0.5, size=drivers)
    y = np.clip(np.rint(x @ weights / weights.sum() * 1.1 - 0.5 + rng.normal(size=respondents)), 0, 10)
    return y, x


def best_of(repeats: int, run) -> tuple[float, object]:
    best, value = math.inf, None
    for _ in range(repeats):
        start = time.perf_counter()
        value = run()
        best = min(best, time.perf_counter() - start)
    return best, value


def solve_reference(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Shapley importances with each subset's R² from numpy.linalg.solve, batched by size."""
    p = x.shape[1]
    correlation = correlation_matrix(np.column_stack([x, y]))
    r_xx, r_xy = correlation[:p, :p], correlation[:p, p]
    r2 = np.zeros(2**p)
    masks = np.arange(2**p)
    bits = (masks[:, None] >> np.arange(p)) & 1
    sizes = bits.sum(axis=1)
    for size in range(1, p + 1):
        chosen = masks[sizes == size]
        columns = np.nonzero(bits[chosen])[1].reshape(len(chosen), size)
        blocks = r_xx[columns[:, :, None], columns[:, None, :]]
        targets = r_xy[columns]
        betas = np.linalg.solve(blocks, targets[..., None])[..., 0]
        r2[chosen] = (betas * targets).sum(axis=1)
    return r2 @ shapley_weights(p)


def refit_reference(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Shapley importances with every subset's OLS refitted on the rows (lstsq)."""
    n, p = x.shape
    centred = y - y.mean()
    total = centred @ centred
    r2 = {(): 0.0}
    ones = np.ones((n, 1))
    for size in range(1, p + 1):
        for subset in itertools.combinations(range(p), size):
            design = np.hstack([ones, x[:, subset]])
            coefficients, *_ = np.linalg.lstsq(design, y, rcond=None)
            residuals = y - design @ coefficients
            r2[subset] = 1.0 - residuals @ residuals / total
    values = np.zeros(p)
    for j in range(p):
        for subset, value in r2.items():
            if j in subset:
                s = len(subset) - 1
                rest = tuple(k for k in subset if k != j)
                weight = math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p)
                values[j] += weight * (value - r2[rest])
    return values


def importances(analysis) -> np.ndarray:
    by_name = {d.name: d.importance for d in analysis.drivers}
    return np.array([by_name[f"D{k}"] for k in range(len(by_name))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drivers", type=int, default=15)
    parser.add_argument("--respondents", type=int, default=10_000)
    parser.add_argument("--resamples", type=int, default=500)
    parser.add_argument("--refit-drivers", type=int, default=10)
    parser.add_argument("--smoke", action="store_true", help="a tiny size, to check the script runs")
    args = parser.parse_args()
    if args.smoke:
        args.drivers, args.respondents, args.resamples, args.refit_drivers = 4, 200, 20, 3

    p, n, b = args.drivers, args.respondents, args.resamples
    y, x = survey(p, n)
    names = [f"D{k}" for k in range(p)]
    print(f"{p} drivers, {n:,} respondents, {b} resamples (numpy {np.__version__}, one process)")

    ours_point, point = best_of(3, lambda: analyse_drivers(y, x, names, resamples=0))
    ours_boot, boot = best_of(1, lambda: analyse_drivers(y, x, names, resamples=b, seed=0))
    solve_point, solve_values = best_of(3, lambda: solve_reference(y, x))
    q = min(args.refit_drivers, p)
    y_small, x_small = survey(q, n)
    refit_time, refit_values = best_of(1, lambda: refit_reference(y_small, x_small))
    small = importances(analyse_drivers(y_small, x_small, [f"D{k}" for k in range(q)], resamples=0))
    refit_at_p = refit_time * 2 ** (p - q)  # at least: the subsets double with each driver

    rows = [
        ("analysis, no bootstrap", f"{ours_point:8.3f} s", f"{solve_point:8.3f} s (solve)", "≤ 1 s"),
        (
            f"analysis + {b} resamples",
            f"{ours_boot:8.3f} s",
            f"{solve_point * (b + 1):8.1f} s (solve, est.)",
            "≤ 20 s",
        ),
        (
            f"refit every subset ({q} drivers)",
            "",
            f"{refit_time:8.3f} s (lstsq)",
            f"≥ {refit_at_p:,.0f} s at {p} (extrapolated)",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'ours':>10}  {'reference':>26}  target / note")
    for label, ours, reference, note in rows:
        print(f"{label:{width}}  {ours:>10}  {reference:>26}  {note}")
    print(f"largest |ours − solve| importance: {np.abs(importances(point) - solve_values).max():.2e}")
    print(f"largest |ours − refit| importance ({q} drivers): {np.abs(small - refit_values).max():.2e}")
    top = boot.drivers[0]
    print(
        f"R² {boot.r2:.3f}; most significant {top.name}: importance {top.importance:.4f}, "
        f"90 % interval {top.low:.4f} – {top.high:.4f}"
    )


if __name__ == "__main__":
    main()
