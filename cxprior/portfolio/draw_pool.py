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
initiatives with equal values in a draw) by its search path, which its thread count changes;
on the 48-initiative sample, 1 draw in 500 (seed 0) picks the other of two equal items with
one thread than with two. Workers therefore always run HiGHS on one thread; the calling
process keeps HiGHS's default (its scheduler is process-wide and refuses another count once
the optimizer has solved there), so `workers=0` gives the analysis as it was, which depended
on the machine's core count in those ties. A per-draw time limit (the scenario's) is the
only other source of difference between runs.

Speed (48-initiative sample, CPU ms per draw; scripts/bench_robustness.py): HiGHS on one
thread instead of its default two costs half the CPU (35 → 17 ms): its scheduler's second
thread only waits on these small trees.
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
GUARD_GRACE_SECONDS = 1.0  # as highs.GUARD_GRACE_SECONDS: HiGHS can overrun its own limit


@dataclass(frozen=True, eq=False)
class DrawModel:
    """What a worker needs to build the draws' model: CSR rows, bounds, options.

    `goal_rows` are the rows whose initiative coefficients change with each draw (minimum
    goal shares); `start` is a warm start given before each solve (every column), or None.
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
    options: tuple[tuple[str, object], ...] = BASE_OPTIONS

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
        status = h.passModel(
            model.n_cols,
            len(model.row_lower),
            len(model.row_index),
            int(highspy.MatrixFormat.kRowwise),
            int(highspy.ObjSense.kMaximize),
            0.0,
            np.zeros(model.n_cols),
            model.col_lower,
            model.col_upper,
            model.row_lower,
            model.row_upper,
            model.row_start,
            model.row_index,
            model.row_value,
            np.full(model.n_cols, int(highspy.HighsVarType.kInteger), dtype=np.int32),
        )
        if status == highspy.HighsStatus.kError:
            raise RuntimeError(f"HiGHS refused the draws' model ({status}).")
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
            if h.setOptionValue(name, value) == highspy.HighsStatus.kError:
                raise RuntimeError(f"HiGHS {h.version()} has no option {name!r} = {value!r}.")
        self._all_cols = np.arange(model.n_cols, dtype=np.int32)
        self._deadline: float | None = None
        if model.time_limit is not None:
            h.cbMipInterrupt.subscribe(self._guard)

    def _guard(self, event: object) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            event.interrupt()  # type: ignore[attr-defined]

    def solve(self, cost: np.ndarray, goal_coefs: np.ndarray) -> tuple[np.ndarray | None, int, int]:
        """(x, status code, nodes) of one draw; `goal_coefs` is goal rows × initiatives."""
        model, h = self.model, self.highs
        h.changeColsCost(model.n_cols, self._all_cols, np.asarray(cost, dtype=float))
        for row, coefs in zip(model.goal_rows, goal_coefs, strict=True):
            for k, value in enumerate(coefs.tolist()):
                h.changeCoeff(row, k, value)
        if model.start is not None:
            h.setSolution(model.n_cols, self._all_cols, model.start)
        if model.time_limit is not None:
            self._deadline = time.monotonic() + model.time_limit + GUARD_GRACE_SECONDS
        h.run()
        self._deadline = None
        return self._outcome(cost)

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
    size = chunk_size(draws, workers)
    starts = list(range(0, draws, size))
    pool = _pool(workers)
    pending: dict[int, Future[Chunk]] = {}
    ahead = 2 * workers  # tasks in flight: every worker busy, little wasted on an early stop
    next_task = 0
    try:
        for first in starts:
            while next_task < len(starts) and len(pending) < ahead:
                begin = starts[next_task]
                end = min(draws, begin + size)
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
