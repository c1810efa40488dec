"""Key-driver analysis of survey answers: which driver (journey phase) matters most to customers.

The outcome (e.g. likelihood to recommend, 0–10) is fitted by ordinary least squares on the
drivers (e.g. the satisfaction with each journey phase), and the fit's R² is split among the
drivers by **Shapley value** (also called general dominance or LMG): a driver's importance
is its average gain in R² when it joins a subset of the other drivers, averaged first over
the subsets of each size and then over the sizes. The importances are never negative and
add up to R² exactly (DESIGN.md, "Contract v2 › Listening data").

Every subset's R² comes from the correlation matrix, never from refitting rows: R²_S =
r_S' R_SS⁻¹ r_S, which is one minus the outcome's variance left once the drivers of S are
partialled out, i.e. a Schur complement of the correlation matrix. All 2^p of them come out of
one recursion over the drivers (the principal-minor recursion of Griffin & Tsatsomeros,
2006): driver k is either left out (its row and column dropped) or taken in (the matrix
replaced by its Schur complement on driver k), which doubles the matrices and shrinks them by
one at each step. The whole lattice costs about 6 · 2^p multiplications — a few milliseconds
for 15 drivers — and runs for several bootstrap resamples at once. A driver that is a linear
combination of drivers already taken in adds nothing (its pivot is zero), the same convention
as a pseudo-inverse.

The 90 % intervals are percentile intervals of a seeded bootstrap (resampling respondents
with replacement); a run with the same seed gives the same intervals. Rows with a missing
value are left out and counted; a segment column gives one analysis per segment that has
enough complete rows (drivers + 10).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

from cxprior.domain import CxpriorError, fold
from cxprior.i18n import format_number, format_percent, tr

MAX_DRIVERS = 15
EXTRA_ROWS = 10  # complete rows needed beyond the number of drivers
COLLINEAR_ABOVE = 0.9
DEFAULT_RESAMPLES = 500
DEFAULT_LEVEL = 0.90
# a pivot is a driver's variance left unexplained by the drivers taken in before it, on the
# correlation scale (1 = nothing explained); below this the driver is a combination of them
PIVOT_TOLERANCE = 1e-10
# cells of the subset lattices analysed together (resamples × about 4 · 2^p): a few resamples
# at 15 drivers, so that the lattice stays in the processor's cache (measured: three 15-driver
# resamples at once run about 40 % faster per resample than forty at once)
_CHUNK_CELLS = 400_000

Progress = Callable[[int, int], None]


class DriversError(CxpriorError):
    """The answers cannot be analysed; `problems` lists every reason, each a full sentence."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(self.problems))


@dataclass(frozen=True)
class DriverResult:
    """One driver: its share of R², the bootstrap interval of that share, its average answer.

    `importance` is the Shapley value (a part of R²), `share` = importance / R², `low` and
    `high` bound the importance's interval (None without bootstrap), `mean` is the driver's
    average over the analysed rows (its performance), `coefficient` the OLS slope in the
    outcome's unit per point of the driver.
    """

    name: str
    importance: float
    share: float
    low: float | None
    high: float | None
    mean: float
    coefficient: float

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "importance": self.importance,
            "share": self.share,
            "low": self.low,
            "high": self.high,
            "mean": self.mean,
        }


@dataclass(frozen=True)
class DriverWarning:
    """Something the reader of the analysis should know; `warning_sentence` words it.

    kinds: "collinear" (subjects: two drivers, value: their correlation), "segment_too_small"
    (subjects: the segment, value: its complete rows), "segment_constant" (subjects: the
    segment and the driver or outcome every respondent of it answered alike), "resamples_left_out"
    (value: how many bootstrap resamples had a constant outcome and were left out).
    """

    kind: Literal["collinear", "segment_too_small", "segment_constant", "resamples_left_out"]
    subjects: tuple[str, ...] = ()
    value: float = 0.0


@dataclass(frozen=True)
class DriverAnalysis:
    """The analysis of one set of respondents (everyone, or one segment).

    `drivers` is sorted by importance, largest first (ties: the order given); the
    most significant driver is the first. `segments` holds one analysis per segment that had
    enough rows (only on the analysis of everyone).
    """

    n: int
    dropped: int
    r2: float
    drivers: tuple[DriverResult, ...]
    most_significant: str
    warnings: tuple[DriverWarning, ...] = ()
    outcome: str = ""
    outcome_mean: float = 0.0
    intercept: float = 0.0
    resamples: int = 0
    seed: int | None = None
    level: float = DEFAULT_LEVEL
    segment: str | None = None
    segments: tuple[DriverAnalysis, ...] = ()
    needed_rows: int = 0

    def driver(self, name: str) -> DriverResult:
        key = fold(name)
        return next(d for d in self.drivers if fold(d.name) == key)

    @property
    def has_intervals(self) -> bool:
        return all(d.low is not None and d.high is not None for d in self.drivers)

    @property
    def top_two_overlap(self) -> bool:
        """True when the 90 % intervals of the two most important drivers overlap."""
        if len(self.drivers) < 2 or not self.has_intervals:
            return False
        first, second = self.drivers[0], self.drivers[1]
        return first.low <= second.high and second.low <= first.high  # type: ignore[operator]

    @classmethod
    def from_json(cls, document: Mapping[str, Any]) -> DriverAnalysis:
        """The analysis back from its `drivers` JSON (`to_json`), as the store keeps it. The JSON
        holds no slopes, warnings or segments: they come back as 0 and empty."""

        def bound(value: object) -> float | None:
            return None if value is None else float(value)  # type: ignore[arg-type]

        drivers = tuple(
            DriverResult(
                str(d["name"]),
                float(d["importance"]),
                float(d["share"]),
                bound(d.get("low")),
                bound(d.get("high")),
                float(d["mean"]),
                0.0,
            )
            for d in document["drivers"]
        )
        return cls(
            n=int(document["n"]),
            dropped=int(document["dropped"]),
            r2=float(document["r2"]),
            drivers=drivers,
            most_significant=str(document["most_significant"]),
        )

    def to_json(self) -> dict[str, object]:
        """The `drivers` JSON contract of DESIGN.md; nothing more, nothing renamed."""
        return {
            "n": self.n,
            "dropped": self.dropped,
            "r2": self.r2,
            "drivers": [d.to_json() for d in self.drivers],
            "most_significant": self.most_significant,
        }


# --- the numerical core -----------------------------------------------------------------------


def subset_r2(correlation: np.ndarray) -> np.ndarray:
    """R² of the outcome on every subset of the drivers, from correlation matrices.

    `correlation` is (..., p + 1, p + 1) with the outcome last. The result is (..., 2^p): entry
    `mask` is the R² on the drivers whose bits are set in `mask` (driver k ↔ bit k), so entry 0
    is 0 and entry 2^p − 1 is the full model's R². A driver with zero variance (a row and
    column of zeros) never adds anything.
    """
    matrices = np.asarray(correlation, dtype=float)[..., None, :, :]
    drivers = matrices.shape[-1] - 1
    for _ in range(drivers):
        pivot = matrices[..., 0, 0]
        usable = pivot > PIVOT_TOLERANCE
        inverse = np.where(usable, 1.0 / np.where(usable, pivot, 1.0), 0.0)
        column = matrices[..., 1:, 0] * inverse[..., None]
        rest = matrices[..., 1:, 1:]
        count = rest.shape[-3]
        grown = np.empty((*rest.shape[:-3], 2 * count, *rest.shape[-2:]))
        grown[..., :count, :, :] = rest  # this driver left out: its bit is 0
        taken = grown[..., count:, :, :]  # taken in: bit set, so it lands 2^k further on
        np.multiply(column[..., :, None], matrices[..., 0, None, 1:], out=taken)
        np.subtract(rest, taken, out=taken)
        matrices = grown
    return 1.0 - matrices[..., 0, 0]


@functools.lru_cache(maxsize=16)
def shapley_weights(drivers: int) -> np.ndarray:
    """The (2^p, p) matrix W with importance = subset_r2 @ W.

    Shapley: φ_j = Σ_{S ∌ j} s!(p−s−1)!/p! · (R²(S ∪ j) − R²(S)), s = |S|. Gathered by subset,
    R²(T) enters φ_j with weight (|T|−1)!(p−|T|)!/p! when j ∈ T, and −|T|!(p−|T|−1)!/p! when not.
    The array is cached and read-only.
    """
    masks = np.arange(2**drivers)
    bits = (masks[:, None] >> np.arange(drivers)) & 1
    size = bits.sum(axis=1)
    fact = [math.factorial(k) for k in range(drivers + 1)]
    total = fact[drivers]
    joined = np.array(
        [fact[s - 1] * fact[drivers - s] / total if s >= 1 else 0.0 for s in range(drivers + 1)]
    )
    left = np.array(
        [fact[s] * fact[drivers - s - 1] / total if s < drivers else 0.0 for s in range(drivers + 1)]
    )
    weights = np.where(bits == 1, joined[size][:, None], -left[size][:, None])
    weights.flags.writeable = False  # shared by every call (cached)
    return weights


def shapley_importances(correlation: np.ndarray) -> np.ndarray:
    """Each driver's Shapley share of R², from (..., p + 1, p + 1) correlation matrices."""
    drivers = np.asarray(correlation).shape[-1] - 1
    return subset_r2(correlation) @ shapley_weights(drivers)


def correlation_matrix(data: np.ndarray) -> np.ndarray:
    """Correlations of the columns of `data` (rows: respondents). A constant column gets a row
    and column of zeros instead of NaN: in `subset_r2` it then explains nothing."""
    centred = data - data.mean(axis=0)
    covariance = centred.T @ centred / len(data)
    scale = np.sqrt(np.diag(covariance))
    inverse = np.where(scale > 0, 1.0 / np.where(scale > 0, scale, 1.0), 0.0)
    return covariance * inverse[:, None] * inverse[None, :]


def bootstrap_importances(
    y: np.ndarray,
    x: np.ndarray,
    resamples: int,
    seed: np.random.SeedSequence | int | None,
    tick: Callable[[int], None] | None = None,
) -> tuple[np.ndarray, int]:
    """Shapley importances on `resamples` bootstrap resamples of the rows (resamples × p), and
    how many resamples were left out (a constant outcome, where R² means nothing).

    Resample after resample, the rows are drawn from one generator seeded by `seed`, so the
    draws do not depend on how resamples are grouped for computing. `tick(count)` is called
    after each group.
    """
    rng = np.random.default_rng(seed)
    data = np.column_stack([x, y])
    data = data - data.mean(axis=0)  # centred once: each resample's moments lose no digits
    n, width = data.shape
    p = width - 1
    # the lattice holds 2^l matrices of (p + 1 − l)² cells at step l, at most about 4 · 2^p
    chunk = max(1, _CHUNK_CELLS // (4 * 2**p))
    weights = shapley_weights(p)
    draws: list[np.ndarray] = []
    left_out = 0
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        correlations = np.empty((size, width, width))
        for b in range(size):
            correlations[b] = correlation_matrix(data[rng.integers(0, n, size=n)])
        usable = correlations[:, p, p] > 0
        left_out += int((~usable).sum())
        if usable.any():
            draws.append(subset_r2(correlations[usable]) @ weights)
        if tick is not None:
            tick(size)
    return (np.concatenate(draws) if draws else np.empty((0, p))), left_out


# --- the analysis ---------------------------------------------------------------------------


def analyse_drivers(
    outcome: Sequence[float] | np.ndarray,
    drivers: np.ndarray | Sequence[Sequence[float]],
    names: Sequence[str],
    *,
    outcome_name: str = "",
    segments: Sequence[str | None] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int | None = 0,
    level: float = DEFAULT_LEVEL,
    progress: Progress | None = None,
    lang: str = "en",
) -> DriverAnalysis:
    """Fit the outcome on the drivers and split R² among them by Shapley value.

    `outcome` has one value per respondent, `drivers` one row per respondent and one column
    per name (NaN = no answer: the row is left out and counted in `dropped`). `segments`
    labels each respondent (None or "": no segment); each segment with at least drivers + 10
    complete rows gets its own analysis, the others a warning. `resamples` bootstrap
    resamples give the `level` intervals (0: no intervals); `progress(done, total)` is called
    as resamples are analysed, over everyone and the segments. Raises DriversError, in
    `lang`, for answers that cannot be analysed: no driver, more than 15, fewer complete rows
    than drivers + 10, a constant driver or outcome, drivers tied by an exact linear relation.
    """
    y = np.asarray(outcome, dtype=float).reshape(-1)
    x = np.asarray(drivers, dtype=float)
    if x.ndim == 1:
        x = x.reshape(-1, 1)
    names = tuple(str(name) for name in names)
    if x.shape != (len(y), len(names)):
        raise ValueError(f"drivers are {x.shape}, expected ({len(y)}, {len(names)})")
    if not 0 < level < 1 or resamples < 0:
        raise ValueError("level must be in (0, 1) and resamples ≥ 0")
    labels = None if segments is None else [None if s is None else str(s) for s in segments]
    if labels is not None and len(labels) != len(y):
        raise ValueError(f"{len(labels)} segment labels for {len(y)} respondents")

    complete = np.isfinite(y) & np.isfinite(x).all(axis=1)
    dropped = int((~complete).sum())
    problems = _problems(y[complete], x[complete], names, outcome_name, dropped, lang)
    if problems:
        raise DriversError(problems)

    needed = len(names) + EXTRA_ROWS
    groups = _segment_groups(labels, complete) if labels is not None else []
    analysed = [(label, rows, members) for label, rows, members in groups if len(rows) >= needed]
    total = resamples * (1 + len(analysed))
    done = [0]

    def tick(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress(done[0], total)

    # one independent stream per group, fixed by the seed: a segment's intervals do not
    # depend on which other segments are analysed, nor everyone's on whether segments are
    streams = np.random.SeedSequence(seed).spawn(1 + len(groups))
    run = _Run(names, outcome_name, resamples, level, tick)
    everyone = run.analyse(y[complete], x[complete], dropped, streams[0])
    warnings = list(everyone.warnings)
    per_segment: list[DriverAnalysis] = []
    for k, (label, rows, members) in enumerate(groups):
        if len(rows) < needed:
            warnings.append(DriverWarning("segment_too_small", (label,), float(len(rows))))
            continue
        constant = _constant_column(y[rows], x[rows], names, outcome_name)
        if constant is not None:
            warnings.append(DriverWarning("segment_constant", (label, constant)))
            tick(resamples)
            continue
        part = run.analyse(y[rows], x[rows], members - len(rows), streams[k + 1])
        per_segment.append(replace(part, segment=label, seed=seed))
    return replace(everyone, seed=seed, warnings=tuple(warnings), segments=tuple(per_segment))


@dataclass(frozen=True)
class _Run:
    """What every group of respondents is analysed with."""

    names: tuple[str, ...]
    outcome_name: str
    resamples: int
    level: float
    tick: Callable[[int], None]

    def analyse(
        self, y: np.ndarray, x: np.ndarray, dropped: int, stream: np.random.SeedSequence
    ) -> DriverAnalysis:
        names, p = self.names, len(self.names)
        correlation = correlation_matrix(np.column_stack([x, y]))
        r2_all = subset_r2(correlation)
        importances = r2_all @ shapley_weights(p)
        r2 = float(r2_all[-1])
        # the OLS fit, from the same correlations: standardised slopes, then the raw ones
        # (least squares: a segment may hold an exact relation the whole sample does not)
        standardised = np.linalg.lstsq(correlation[:p, :p], correlation[:p, p], rcond=None)[0]
        coefficients = standardised * y.std() / x.std(axis=0)
        means = x.mean(axis=0)
        low = high = [None] * p
        warnings = _collinear_warnings(correlation, names)
        if self.resamples:
            draws, left_out = bootstrap_importances(y, x, self.resamples, stream, self.tick)
            if left_out:
                warnings.append(DriverWarning("resamples_left_out", (), float(left_out)))
            if len(draws):
                tail = (1 - self.level) / 2 * 100
                bounds = np.percentile(draws, [tail, 100 - tail], axis=0)
                low, high = [float(v) for v in bounds[0]], [float(v) for v in bounds[1]]
        results = [
            DriverResult(
                name=names[k],
                importance=float(importances[k]),
                share=float(importances[k] / r2) if r2 > 0 else 0.0,
                low=low[k],
                high=high[k],
                mean=float(means[k]),
                coefficient=float(coefficients[k]),
            )
            for k in range(p)
        ]
        # largest first; equal importances keep the order the drivers were given in
        ordered = tuple(sorted(results, key=lambda r: -r.importance))
        return DriverAnalysis(
            n=len(y),
            dropped=dropped,
            r2=r2,
            drivers=ordered,
            most_significant=ordered[0].name,
            warnings=tuple(warnings),
            outcome=self.outcome_name,
            outcome_mean=float(y.mean()),
            intercept=float(y.mean() - coefficients @ means),
            resamples=self.resamples,
            level=self.level,
            needed_rows=p + EXTRA_ROWS,
        )


def _problems(
    y: np.ndarray, x: np.ndarray, names: tuple[str, ...], outcome_name: str, dropped: int, lang: str
) -> list[str]:
    problems = []
    if not names:
        problems.append(tr("listen.no_driver", lang))
    if len(names) > MAX_DRIVERS:
        problems.append(tr("listen.too_many_drivers", lang, count=len(names), limit=MAX_DRIVERS))
    seen: set[str] = set()
    for name in names:
        if fold(name) in seen:
            problems.append(tr("listen.duplicate_driver", lang, name=name))
        seen.add(fold(name))
    if problems:
        return problems
    needed = len(names) + EXTRA_ROWS
    if len(y) < needed:
        return [tr("listen.too_few_rows", lang, rows=len(y), dropped=dropped, needed=needed)]
    if np.ptp(y) == 0:
        problems.append(tr("listen.constant_outcome", lang, name=outcome_name or "?", value=f"{y[0]:g}"))
    for k, name in enumerate(names):
        if np.ptp(x[:, k]) == 0:
            problems.append(tr("listen.constant_driver", lang, name=name, value=f"{x[0, k]:g}"))
    if problems:
        return problems
    dependent = _dependent_drivers(correlation_matrix(x), names)
    if dependent:
        problems.append(tr("listen.linear_combination", lang, names=", ".join(dependent)))
    return problems


def _dependent_drivers(correlation: np.ndarray, names: tuple[str, ...]) -> tuple[str, ...]:
    """The drivers of an exact linear relation among them (the same answers twice, a total…)."""
    values, vectors = np.linalg.eigh(correlation)
    if values[0] > 1e-9:
        return ()
    return tuple(name for name, w in zip(names, np.abs(vectors[:, 0]), strict=True) if w > 1e-6)


def _constant_column(y: np.ndarray, x: np.ndarray, names: tuple[str, ...], outcome_name: str) -> str | None:
    if np.ptp(y) == 0:
        return outcome_name or "?"
    return next((name for k, name in enumerate(names) if np.ptp(x[:, k]) == 0), None)


def _segment_groups(labels: list[str | None], complete: np.ndarray) -> list[tuple[str, np.ndarray, int]]:
    """(segment as first written, its complete rows, its members), in order of first
    appearance; labels that differ only by case, accents or spaces are one segment."""
    named: dict[str, str] = {}
    rows: dict[str, list[int]] = {}
    members: dict[str, int] = {}
    for k, label in enumerate(labels):
        text = (label or "").strip()
        if not text:
            continue
        key = fold(text)
        named.setdefault(key, text)
        members[key] = members.get(key, 0) + 1
        if complete[k]:
            rows.setdefault(key, []).append(k)
    return [(named[key], np.array(rows.get(key, []), dtype=int), members[key]) for key in named]


def _collinear_warnings(correlation: np.ndarray, names: tuple[str, ...]) -> list[DriverWarning]:
    found = []
    for a in range(len(names)):
        for b in range(a + 1, len(names)):
            r = float(correlation[a, b])
            if abs(r) > COLLINEAR_ABOVE:
                found.append(DriverWarning("collinear", (names[a], names[b]), r))
    return found


# --- words and tables -------------------------------------------------------------------------


def _share(value: float, lang: str) -> str:
    return format_percent(value, lang)


def headline_sentence(analysis: DriverAnalysis, lang: str = "en") -> str:
    """ "Get help matters most: 40 % of the explained variance (R² 0.52).", or, when the
    intervals of the top two overlap, "Get help and Buy matter about as much: …"."""
    first = analysis.drivers[0]
    r2 = format_number(analysis.r2, lang, 2)
    if analysis.top_two_overlap:
        second = analysis.drivers[1]
        return tr(
            "listen.about_as_much",
            lang,
            first=first.name,
            second=second.name,
            first_share=_share(first.share, lang),
            second_share=_share(second.share, lang),
            r2=r2,
            level=format_percent(analysis.level, lang),
        )
    return tr("listen.matters_most", lang, name=first.name, share=_share(first.share, lang), r2=r2)


def sample_sentence(analysis: DriverAnalysis, lang: str = "en") -> str:
    """How many respondents were analysed and how many were left out."""
    key = "listen.sample_dropped" if analysis.dropped else "listen.sample_complete"
    return tr(key, lang, n=format_number(analysis.n, lang), dropped=format_number(analysis.dropped, lang))


def warning_sentence(warning: DriverWarning, analysis: DriverAnalysis, lang: str = "en") -> str:
    if warning.kind == "collinear":
        a, b = warning.subjects
        return tr("listen.warn.collinear", lang, a=a, b=b, r=format_number(warning.value, lang, 2))
    if warning.kind == "segment_too_small":
        return tr(
            "listen.warn.segment_too_small",
            lang,
            segment=warning.subjects[0],
            rows=format_number(warning.value, lang),
            needed=analysis.needed_rows,
        )
    if warning.kind == "segment_constant":
        segment, column = warning.subjects
        return tr("listen.warn.segment_constant", lang, segment=segment, column=column)
    return tr(
        "listen.warn.resamples_left_out",
        lang,
        count=format_number(warning.value, lang),
        total=format_number(analysis.resamples, lang),
    )


def drivers_sentences(analysis: DriverAnalysis, lang: str = "en") -> list[str]:
    """What the analysis says, in order: the headline, the sample, then every warning."""
    return [
        headline_sentence(analysis, lang),
        sample_sentence(analysis, lang),
        *(warning_sentence(w, analysis, lang) for w in analysis.warnings),
    ]


def drivers_frame(analysis: DriverAnalysis) -> pd.DataFrame:
    """One row per driver, most important first, for the importance × performance quadrant.

    Columns: rank (1 = most significant), name, importance, share, low, high (NaN without
    bootstrap), mean, coefficient, most_significant (bool).
    """
    rows = [
        {
            "rank": k + 1,
            "name": d.name,
            "importance": d.importance,
            "share": d.share,
            "low": np.nan if d.low is None else d.low,
            "high": np.nan if d.high is None else d.high,
            "mean": d.mean,
            "coefficient": d.coefficient,
            "most_significant": k == 0,
        }
        for k, d in enumerate(analysis.drivers)
    ]
    columns = [
        "rank",
        "name",
        "importance",
        "share",
        "low",
        "high",
        "mean",
        "coefficient",
        "most_significant",
    ]
    return pd.DataFrame(rows, columns=columns)
