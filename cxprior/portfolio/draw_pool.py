"""The Monte Carlo draws solved on every core: one HiGHS model per process, re-solved per draw.

`robustness.monte_carlo` draws every random number up front in the calling process (as it
always did) and turns each draw into a row of objective costs and, with minimum goal shares,
of goal-row coefficients. This module solves those rows:

- `workers≥1`: in worker processes of a `ProcessPoolExecutor` (start method "spawn": no
  fork of a process that runs threads, a Streamlit server or HiGHS's own scheduler). The
  pool lives as long as the process that made it, so the second analysis of a session pays
  no start-up. Each worker builds the HiGHS model of a `DrawModel` once (its `key` says
  which model it holds) and re-solves it with only the changed costs and coefficients;
- `workers=0`: in the calling process, one HiGHS object built once and re-solved (the path
  of the analysis before it went parallel).

Same seed, same result, whatever the number of workers: answers come back in draw order, and
a draw's answer depends on its own numbers only. HiGHS re-solves from changed costs keep no
memory of the previous solve (checked: the same draws solved in order, reversed, shuffled or
each on a fresh object give the same selections, statuses and objectives) and its MIP search
is deterministic (`random_seed` 0) for a given number of threads. That number matters for
exact ties only: HiGHS breaks a tie between two portfolios of exactly the same value (two
initiatives with equal values in a draw) by its search path, which its thread count and
search settings change; on the 48-initiative sample, 5 draws in 500 (seed 0; 6 in 1,000)
pick the other of two equal items (HEL-28 and HEL-35) on the workers than the old path on
two threads, every value and status the same. Workers therefore always run HiGHS on one
thread; the calling process keeps HiGHS's default (its scheduler is process-wide and
refuses another count once the optimizer has solved there), so `workers=0` runs on the
machine's cores as the analysis did, and may break those ties otherwise. A per-draw time
limit (the scenario's) is the only other source of difference between runs.

Speed (48-initiative sample, default scenario: 84 columns, 48 items and 36 start variables,
51 rows; CPU ms per draw on one thread, the settings interleaved in one process so that the
load of the machine falls on each alike; scripts/bench_robustness.py --heuristics times them
on the workers):
- HiGHS on one thread instead of its default two costs half the CPU (35 → 17 ms): its
  scheduler's second thread only waits on these small trees;
- where a draw's time goes: not the set-up (a draw whose costs are all negative, solved by
  presolve, takes 0.9 ms), nor the tree (2.7 nodes), nor finding the portfolio (HiGHS given
  the draw's own optimum as a start takes as long), but the root's cut loop: the LP bound is
  about 25 % above the optimum and cover / MIR cuts close it (perf: cut generation and
  separation are the largest share). `SEARCH_OPTIONS` (a cut pool of 5 whose cuts age out
  after 2 LP rounds or 5 pool rounds, HiGHS's light presolve) take 18.5 → 12.5 ms with the
  same optimum in every draw (500 draws, seed 0; 4 draws pick the other of two items of
  exactly the same value, HEL-28 and HEL-35, which the old two-thread path also splits its
  own way). Tried and left: presolve off 15.3 ms, a warm start from the nominal portfolio
  12.3 (noise, and it breaks ties its own way), symmetry detection off, no cuts at nodes,
  other scalings, fewer strong-branching observations: within the noise; no root
  reduced-cost sub-MIP 25 ms (23 nodes); a bound scaling of 2⁻¹⁶ changes optima;
- minimum goal shares: the whole model is passed again per draw instead of one
  `changeCoeff` per initiative and goal row (1,000 initiatives, 5 goal shares: 33 → 25 ms
  per draw, the same answers);
- tasks: the last chunks shrink (`chunk_starts`) so that the two workers finish together.
Wall-clock seconds on this 2-core machine (scripts/bench_robustness.py, load 0.6–1.6), 500
draws on the sample: old path 10.0–10.3, 2 warm workers 3.0–3.7 (cold 3.5–5.0; before these
settings 8.9–11 at load 2.5–4); 1,000 draws 5.8–6.2; 1,000 initiatives, 200 draws: 2.1–2.7.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import multiprocessing.connection
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import highspy
import numpy as np

INF = highspy.kHighsInf
_MS = highspy.HighsModelStatus

# per-draw outcome codes, as HighsSession.solve names them
OPTIMAL, UNPROVEN, NO_PORTFOLIO, UNUSABLE = 0, 1, 2, 3

# the light heuristics of `HighsSession.light_heuristics` (sub-MIP heuristics and restarts
# cost more than they find on small re-solves), with the optimizer session's own settings
BASE_OPTIONS: tuple[tuple[str, object], ...] = (
    ("random_seed", 0),
    ("mip_heuristic_run_feasibility_jump", False),
    ("mip_heuristic_run_rins", False),
    ("mip_heuristic_run_rens", False),
    ("mip_allow_restart", False),
    ("mip_heuristic_effort", 0.0),
)
# what a draw costs on small models is the root's cut loop (a draw's LP bound is some 25 %
# above its optimum on the sample: cover and MIR cuts close it), not the tree (2–3 nodes)
# nor finding the portfolio: a tiny cut pool whose cuts age out quickly and HiGHS's light
# presolve take about a third off (module doc), same optima. `presolve_mode` is new in HiGHS
# 1.16: an older HiGHS skips it
SEARCH_OPTIONS: tuple[tuple[str, object], ...] = (
    ("mip_pool_soft_limit", 5),
    ("mip_lp_age_limit", 2),
    ("mip_pool_age_limit", 5),
    ("presolve_mode", 2),
)
DRAW_OPTIONS = BASE_OPTIONS + SEARCH_OPTIONS
OPTIONAL_OPTIONS = frozenset({"presolve_mode"})  # speed only: skipped by a HiGHS without them
GUARD_GRACE_SECONDS = 1.0  # as highs.GUARD_GRACE_SECONDS: HiGHS can overrun its own limit


@dataclass(frozen=True, eq=False)
class DrawModel:
    """What a worker needs to build the draws' model: CSR rows, bounds, options.

    `goal_rows` are the rows whose initiative coefficients change with each draw (minimum
    goal shares); `start` is a warm start given before each solve (every column), or None;
    `options` the HiGHS settings of every draw (presolve, gap and limits apart).
    """

    key: str
    n_x: int
    col_lower: np.ndarray
    col_upper: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray
    row_start: np.ndarray
    row_index: np.ndarray
    row_value: np.ndarray
    goal_rows: tuple[int, ...]
    presolve: bool
    gap: float
    time_limit: float | None
    start: np.ndarray | None = None
    options: tuple[tuple[str, object], ...] = DRAW_OPTIONS

    @property
    def n_cols(self) -> int:
        return len(self.col_lower)


def model_key(*parts: object) -> str:
    """A digest of arrays and plain values: two models with the same key are the same model."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.tobytes() if isinstance(part, np.ndarray) else repr(part).encode()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class Chunk:
    """Answers of the draws first … first + len(status) − 1, in draw order."""

    first: int
    x: np.ndarray  # uint8, draws × initiatives
    status: np.ndarray  # int8, one of OPTIMAL, UNPROVEN, NO_PORTFOLIO, UNUSABLE
    nodes: int


class DrawSolver:
    """One HiGHS object holding a DrawModel; each draw changes costs (and goal rows) only."""

    def __init__(self, model: DrawModel, highs: highspy.Highs, *, one_thread: bool) -> None:
        self.model = model
        self.highs = h = highs
        self._integer = np.full(model.n_cols, int(highspy.HighsVarType.kInteger), dtype=np.int32)
        self._pass(np.zeros(model.n_cols), model.row_start, model.row_index, model.row_value)
        settings: list[tuple[str, object]] = [("presolve", "on" if model.presolve else "off")]
        settings += list(model.options)
        settings += [
            ("mip_rel_gap", model.gap),
            ("mip_abs_gap", model.gap),
            ("time_limit", INF if model.time_limit is None else float(model.time_limit)),
            ("mip_max_nodes", 2**31 - 1),
        ]
        if one_thread:
            settings.append(("threads", 1))
        for name, value in settings:
            if h.setOptionValue(name, value) == highspy.HighsStatus.kError and name not in OPTIONAL_OPTIONS:
                raise RuntimeError(f"HiGHS {h.version()} has no option {name!r} = {value!r}.")
        self._all_cols = np.arange(model.n_cols, dtype=np.int32)
        self._layout = _GoalLayout(model) if model.goal_rows else None
        self._deadline: float | None = None
        if model.time_limit is not None:
            h.cbMipInterrupt.subscribe(self._guard)

    def _guard(self, event: object) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            event.interrupt()  # type: ignore[attr-defined]

    def solve(self, cost: np.ndarray, goal_coefs: np.ndarray) -> tuple[np.ndarray | None, int, int]:
        """(x, status code, nodes) of one draw; `goal_coefs` is goal rows × initiatives."""
        model, h = self.model, self.highs
        cost = np.asarray(cost, dtype=float)
        if self._layout is None:
            h.changeColsCost(model.n_cols, self._all_cols, cost)
        else:
            self._pass_with_goal_rows(cost, goal_coefs)
        if model.start is not None:
            h.setSolution(model.n_cols, self._all_cols, model.start)
        if model.time_limit is not None:
            self._deadline = time.monotonic() + model.time_limit + GUARD_GRACE_SECONDS
        h.run()
        self._deadline = None
        return self._outcome(cost)

    def _pass_with_goal_rows(self, cost: np.ndarray, goal_coefs: np.ndarray) -> None:
        """The whole model again, with this draw's costs and goal-row coefficients: one call
        where changing them one by one (`changeCoeff`, ≈ 2 µs each) took 11 of the 29 ms of
        a draw at 1,000 initiatives with 5 goal shares. The same matrix as those changes
        would leave: every item in each goal row, an exact zero dropped as HiGHS drops it."""
        model, layout = self.model, self._layout
        assert layout is not None
        values = layout.value.copy()
        keep = np.ones(len(values), dtype=bool)
        for slots, coefs in zip(layout.slots, goal_coefs, strict=True):
            values[slots] = coefs
            keep[slots] = coefs != 0.0
        start = np.zeros(len(model.row_lower) + 1, dtype=np.int32)
        np.cumsum(np.bincount(layout.row[keep], minlength=len(model.row_lower)), out=start[1:])
        self._pass(cost, start, layout.index[keep], values[keep])

    def _pass(
        self, cost: np.ndarray, row_start: np.ndarray, row_index: np.ndarray, row_value: np.ndarray
    ) -> None:
        """The draws' model to HiGHS, its rows (CSR) and costs as given, every column integer."""
        model = self.model
        status = self.highs.passModel(
            model.n_cols,
            len(model.row_lower),
            len(row_index),
            int(highspy.MatrixFormat.kRowwise),
            int(highspy.ObjSense.kMaximize),
            0.0,
            cost,
            model.col_lower,
            model.col_upper,
            model.row_lower,
            model.row_upper,
            np.asarray(row_start)[: len(model.row_lower)],
            row_index,
            row_value,
            self._integer,
        )
        if status == highspy.HighsStatus.kError:
            raise RuntimeError(f"HiGHS refused the draws' model ({status}).")

    def _outcome(self, cost: np.ndarray) -> tuple[np.ndarray | None, int, int]:
        """As HighsSession.solve reads a solve: "optimal" only with the gap proven."""
        h, n = self.highs, self.model.n_x
        status = h.getModelStatus()
        info = h.getInfo()
        nodes = int(info.mip_node_count)
        has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
        if status == _MS.kInfeasible or (status == _MS.kUnboundedOrInfeasible and not has_solution):
            return None, NO_PORTFOLIO, nodes
        if status not in _USABLE:
            return None, UNUSABLE, nodes
        if not has_solution:
            return None, NO_PORTFOLIO, nodes
        values = np.asarray(h.getSolution().col_value)
        x = values[:n] > 0.5
        objective = float(cost[:n] @ x + cost[n:] @ np.round(values[n:]))
        bound = float(info.mip_dual_bound)
        if not np.isfinite(bound):
            bound = objective if status == _MS.kOptimal else INF
        proven = (
            status == _MS.kOptimal
            and np.isfinite(bound)
            and max(0.0, bound - objective) / max(abs(objective), 1.0) <= self.model.gap + 1e-9
        )
        return x.astype(np.uint8), OPTIMAL if proven else UNPROVEN, nodes

    def solve_chunk(self, first: int, costs: np.ndarray, goal_coefs: np.ndarray) -> Chunk:
        """Draws `first`…: `costs` is draws × columns, `goal_coefs` goal rows × draws × items."""
        count = len(costs)
        xs = np.zeros((count, self.model.n_x), dtype=np.uint8)
        status = np.zeros(count, dtype=np.int8)
        nodes = 0
        for j in range(count):
            x, code, used = self.solve(costs[j], goal_coefs[:, j, :])
            if x is not None:
                xs[j] = x
            status[j] = code
            nodes += used
        return Chunk(first, xs, status, nodes)


class _GoalLayout:
    """The model's rows (CSR) with every initiative in each goal row, and where each goal
    row's initiative coefficients sit in `value` (`slots`, in initiative order)."""

    def __init__(self, model: DrawModel) -> None:
        n, goal = model.n_x, set(model.goal_rows)
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        slots: dict[int, np.ndarray] = {}
        at = 0
        for r in range(len(model.row_lower)):
            cols = np.asarray(model.row_index[model.row_start[r] : model.row_start[r + 1]])
            vals = np.asarray(model.row_value[model.row_start[r] : model.row_start[r + 1]], dtype=float)
            if r in goal:
                items = cols < n
                full = np.zeros(n)
                full[cols[items]] = vals[items]
                order = np.argsort(cols[~items], kind="stable")
                cols = np.concatenate([np.arange(n), cols[~items][order]])
                vals = np.concatenate([full, vals[~items][order]])
                slots[r] = np.arange(at, at + n)
            indices.append(cols)
            values.append(vals)
            at += len(cols)
        self.index = np.concatenate(indices).astype(np.int32)
        self.value = np.concatenate(values)
        self.row = np.repeat(np.arange(len(model.row_lower)), [len(c) for c in indices])
        self.slots = tuple(slots[r] for r in model.goal_rows)


def _statuses(*names: str) -> frozenset:
    return frozenset(getattr(_MS, name) for name in names if hasattr(_MS, name))


_USABLE = _statuses(
    "kTimeLimit",
    "kInterrupt",
    "kHighsInterrupt",
    "kOptimal",
    "kSolutionLimit",
    "kIterationLimit",
    "kObjectiveBound",
    "kObjectiveTarget",
)


# --- worker processes -------------------------------------------------------------------

_WORKER: DrawSolver | None = None


def _init_worker() -> None:
    """Spawned worker: standard output belongs to the parent's command (a CLI's JSON, a
    benchmark's table), so this process's file descriptor 1 goes to the null device before
    HiGHS can print its banner there; errors still reach standard error. A worker whose
    parent dies (killed, crashed) exits at once instead of solving queued draws for nobody."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.close(null)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


def _worker_chunk(model: DrawModel, first: int, costs: np.ndarray, goal_coefs: np.ndarray) -> Chunk:
    """Solve a chunk in a worker, building the HiGHS model only when it holds another one."""
    global _WORKER
    if _WORKER is None or _WORKER.model.key != model.key:
        highs = highspy.Highs()
        highs.silent()
        # HiGHS threads are process-wide; in a worker this is the only solver (see module doc)
        _WORKER = DrawSolver(model, highs, one_thread=True)
    return _WORKER.solve_chunk(first, costs, goal_coefs)


_POOL_LOCK = threading.Lock()
_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0
_STARTED: ProcessPoolExecutor | None = None  # the pool whose workers were started ahead


def available_cores() -> int:
    """Cores this process may run on (the scheduler's affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _pool(size: int) -> ProcessPoolExecutor:
    """The process's worker pool, made on first use (and again larger, or after a crash)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is None or size > _POOL_SIZE or getattr(_POOL, "_broken", False):
            if _POOL is not None:
                _POOL.shutdown(wait=False, cancel_futures=True)
            context = multiprocessing.get_context("spawn")
            _POOL = ProcessPoolExecutor(max_workers=size, mp_context=context, initializer=_init_worker)
            _POOL_SIZE = size
        return _POOL


def start_workers(workers: int | None = None) -> None:
    """Start the worker processes now, in the background (a no-op when they run already), so
    that an analysis does not wait for Python and HiGHS to load in them."""
    global _STARTED
    count = available_cores() if workers is None else workers
    if count < 1 or multiprocessing.parent_process() is not None:
        return
    pool = _pool(count)
    # the app asks on every rerun of the Scenario page: only a new (or larger) pool gets tasks
    with _POOL_LOCK:
        if _STARTED is pool:
            return
        _STARTED = pool
    for _ in range(count):
        pool.submit(_ready)


def _ready() -> int:
    """A first task: loading this module in a worker loads numpy and HiGHS."""
    return os.getpid()


def shutdown_pool() -> None:
    """Stop the worker processes (they are made again on the next parallel run)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL, _POOL_SIZE = None, 0


def chunk_size(draws: int, workers: int) -> int:
    """Draws per task: small enough for a smooth progress bar and little work past an early
    stop, large enough that handing a task over (≈ 1 ms) stays negligible."""
    return int(min(25, max(5, draws // (8 * workers))))


MIN_CHUNK = 2


def chunk_starts(draws: int, workers: int) -> list[int]:
    """First draw of each task: `chunk_size` draws, then smaller ones towards the end (about
    the draws left / 2 workers, down to `MIN_CHUNK`) so that the workers finish together
    instead of one waiting for the other's last full chunk (≈ 0.2 s on the sample)."""
    size = chunk_size(draws, workers)
    starts, first = [], 0
    while first < draws:
        starts.append(first)
        left = draws - first
        first += max(MIN_CHUNK, min(size, -(-left // (2 * workers))))
    return starts


def solve_draws(
    model: DrawModel,
    costs: np.ndarray,
    goal_coefs: np.ndarray,
    *,
    workers: int,
    local: Callable[[], DrawSolver],
) -> Iterator[Chunk]:
    """Each draw's answer, in draw order, as chunks (one draw at a time in this process).

    `workers` processes solve the draws (0: this process, with `local()`). Stopping the
    iteration early (an early stop) cancels the tasks not yet started; those already running
    finish in their worker and are dropped. `local()` also finishes the draws if a worker
    process dies.
    """
    draws = len(costs)
    # a worker process never starts workers of its own (e.g. a script without the
    # `if __name__ == "__main__":` guard, run again by each spawned worker)
    if workers <= 0 or multiprocessing.parent_process() is not None:
        yield from _solve_here(local(), 0, costs, goal_coefs)
        return
    starts = chunk_starts(draws, workers)
    ends = [*starts[1:], draws]
    pool = _pool(workers)
    pending: dict[int, Future[Chunk]] = {}
    ahead = 2 * workers  # tasks in flight: every worker busy, little wasted on an early stop
    next_task = 0
    try:
        for first in starts:
            while next_task < len(starts) and len(pending) < ahead:
                begin, end = starts[next_task], ends[next_task]
                pending[begin] = pool.submit(
                    _worker_chunk, model, begin, costs[begin:end], goal_coefs[:, begin:end, :]
                )
                next_task += 1
            try:
                yield pending.pop(first).result()
            except (BrokenProcessPool, CancelledError):
                # a worker died (killed, out of memory) or another analysis replaced the pool
                # with a larger one: the rest is solved here (HiGHS's threads of this process,
                # so an exact tie may go the other way, see the module doc)
                yield from _solve_here(local(), first, costs[first:], goal_coefs[:, first:, :])
                return
    finally:
        for future in pending.values():
            future.cancel()


def _solve_here(solver: DrawSolver, first: int, costs: np.ndarray, goal_coefs: np.ndarray) -> Iterator[Chunk]:
    for j in range(len(costs)):
        yield solver.solve_chunk(first + j, costs[j : j + 1], goal_coefs[:, j : j + 1, :])
