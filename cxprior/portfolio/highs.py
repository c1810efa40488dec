"""HiGHS through highspy: the PuLP model handed over in ONE call, then solved and re-solved.

PuLP's own HiGHS class adds columns and rows one call at a time (0.4 s at 5,000 items,
SOLVER_NOTES.md); here the model becomes CSR arrays and goes in with one `passModel`.
A `HighsSession` keeps the HiGHS object so frontier points, explanations and the tie-break
change only bounds, costs or a row and warm-start from a known portfolio.
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import highspy
import numpy as np

from cxprior.domain import SolverError
from cxprior.portfolio.model import PortfolioModel

INF = highspy.kHighsInf
_MS = highspy.HighsModelStatus


def _statuses(*names: str) -> frozenset:
    """The model statuses of this highspy that exist: `kHighsInterrupt` is new in 1.12."""
    return frozenset(getattr(_MS, name) for name in names if hasattr(_MS, name))


_STOPPED_BY_CLOCK = _statuses("kTimeLimit", "kInterrupt", "kHighsInterrupt")
_USABLE = _STOPPED_BY_CLOCK | _statuses(
    "kOptimal", "kSolutionLimit", "kIterationLimit", "kObjectiveBound", "kObjectiveTarget"
)

# HiGHS presolve costs about n² on these models (SOLVER_NOTES.md: 6.7 s of a 6.9 s solve on
# a 5,000-item knapsack), and pays only on some shapes. Measured on synthetic portfolios
# (CPU seconds at 1,000 / 5,000 items, presolve on → off; scripts/bench_optimize.py and
# `choose_presolve`): one budget only 0.57 → 0.16 / 7.8 → 2.6; with a count cap 0.09 → 0.03
# / 3.1 → 1.1; but three yearly budgets 8 → 21 / both at the 60 s limit (gap 2.0e-6 vs
# 3.5e-6), one budget with goal shares 0.22 → 0.37 / 0.6 → 1.3. Below this size it is cheap.
PRESOLVE_OFF_FROM = 600


def choose_presolve(model: PortfolioModel) -> bool:
    """Presolve on, except for big models it cannot help: a count cap, or one lone budget."""
    if model.instance.n < PRESOLVE_OFF_FROM:
        return True
    kinds = [row.kind for row in model.rows.values()]
    if "max_initiatives" in kinds:
        return False
    return not (kinds.count("budget") <= 1 and "goal_share" not in kinds and "competency_share" not in kinds)


@contextmanager
def _native_stdout_discarded() -> Iterator[None]:
    """Send what C code writes to file descriptor 1 to the null device, for the block.

    highspy 1.16 prints its banner ("Running HiGHS … Copyright …") on fd 1 when the first
    HiGHS object of a process is made, before any option can silence it. Standard output
    belongs to the command (`--json -` is one JSON document), and Python's own redirection
    does not see native writes, so the descriptor itself is swapped. C's stdio buffer is
    flushed before fd 1 comes back, or a pipe would still receive the banner at exit.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        yield
    finally:
        if _LIBC is not None:
            _LIBC.fflush(None)
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)


_LIBC = ctypes.CDLL(None) if os.name == "posix" else None  # the C library already loaded


def set_option(highs: highspy.Highs, name: str, value: object) -> None:
    """Set a HiGHS option, refusing loudly if this version does not know it (a renamed
    option would otherwise be ignored in silence and change the search)."""
    if highs.setOptionValue(name, value) == highspy.HighsStatus.kError:
        raise SolverError(f"HiGHS {highs.version()} has no option {name!r} = {value!r}.")


def new_highs() -> highspy.Highs:
    """A silent HiGHS object: no banner on standard output, no log, on every version."""
    with _native_stdout_discarded():
        highs = highspy.Highs()
    highs.silent()
    return highs


# HiGHS can overrun its own time limit (seen: 60 s ending at 62–143 s); past the limit
# plus this grace the interrupt callback stops it.
GUARD_GRACE_SECONDS = 1.0


@dataclass(frozen=True)
class Outcome:
    """What one solve gave, before any interpretation as a portfolio.

    status: "optimal" (proven within the requested gap), "feasible" (a solution without that
    proof, e.g. a node limit), "time_limit" (stopped by the clock with a solution),
    "infeasible", or "no_solution" (stopped before any solution was found).
    `x` are the initiative columns (0/1); `objective` and `bound` are in the solved
    objective's terms; `gap` is (bound − objective) / max(|objective|, 1).
    """

    status: str
    x: np.ndarray | None
    objective: float | None
    bound: float | None
    gap: float | None
    seconds: float
    nodes: int = 0  # branch-and-bound nodes: a measure of difficulty that no clock disturbs
    # every column's value, integers rounded (x first; the phase and start variables after)
    values: np.ndarray | None = None


def relative_gap(objective: float, bound: float) -> float:
    """Proven gap of a maximisation: how far the bound may lie above the value reached.

    Relative to |objective|, with 1 value point as the floor of the denominator so an empty
    or near-zero portfolio does not turn a tiny absolute gap into an infinite one.
    """
    return max(0.0, bound - objective) / max(abs(objective), 1.0)


@dataclass(frozen=True)
class Arrays:
    """The model as HiGHS wants it: CSR rows, bounds, costs, all columns integer."""

    cost: np.ndarray
    col_lower: np.ndarray
    col_upper: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray
    start: np.ndarray
    index: np.ndarray
    value: np.ndarray
    row_names: tuple[str, ...]


def to_arrays(model: PortfolioModel) -> Arrays:
    """Read the PuLP problem once into CSR arrays (rows in the problem's order)."""
    col = {v: j for j, v in enumerate(model.columns)}
    n_cols = len(model.columns)
    starts = [0]
    index: list[int] = []
    value: list[float] = []
    lower: list[float] = []
    upper: list[float] = []
    names = tuple(model.rows)
    for name in names:
        constraint = model.prob.get_constraint_by_name(name)
        index.extend(map(col.__getitem__, constraint.keys()))
        value.extend(constraint.values())
        starts.append(len(index))
        lb, ub = constraint.getLb(), constraint.getUb()
        lower.append(-INF if lb is None else lb)
        upper.append(INF if ub is None else ub)
    cost = np.zeros(n_cols)
    for v, a in model.prob.objective.items():
        cost[col[v]] = a
    col_lower = np.zeros(n_cols)
    col_upper = np.ones(n_cols)
    for j, v in enumerate(model.columns):
        col_lower[j] = v.lowBound
        col_upper[j] = v.upBound
    return Arrays(
        cost=cost,
        col_lower=col_lower,
        col_upper=col_upper,
        row_lower=np.array(lower, dtype=float),
        row_upper=np.array(upper, dtype=float),
        start=np.array(starts, dtype=np.int32),
        index=np.array(index, dtype=np.int32),
        value=np.array(value, dtype=float),
        row_names=names,
    )


class HighsSession:
    """One HiGHS object holding the model; changes are deltas, never a rebuild."""

    def __init__(self, model: PortfolioModel, *, presolve: bool | None = None) -> None:
        arrays = to_arrays(model)
        self.arrays = arrays  # the model as built (later changes are not reflected)
        self.n_x = model.instance.n
        self.n_cols = len(model.columns)
        self.row_index = {name: k for k, name in enumerate(arrays.row_names)}
        self.objective = arrays.cost.copy()
        self.highs = new_highs()
        status = self.highs.passModel(
            self.n_cols,
            len(arrays.row_names),
            len(arrays.index),
            int(highspy.MatrixFormat.kRowwise),
            int(highspy.ObjSense.kMaximize),
            0.0,
            arrays.cost,
            arrays.col_lower,
            arrays.col_upper,
            arrays.row_lower,
            arrays.row_upper,
            arrays.start,
            arrays.index,
            arrays.value,
            np.full(self.n_cols, int(highspy.HighsVarType.kInteger), dtype=np.int32),
        )
        # a warning (e.g. an empty row: a budget nobody spends in) is no refusal
        if status == highspy.HighsStatus.kError:
            raise SolverError(f"HiGHS refused the model ({status}).")
        if presolve is None:
            presolve = choose_presolve(model)
        set_option(self.highs, "presolve", "on" if presolve else "off")
        # `threads` is left alone: HiGHS's scheduler is process-wide and refuses a second
        # solver object asking for another count; its MIP search is deterministic anyway
        set_option(self.highs, "random_seed", 0)
        # the feasibility-jump heuristic hunts a first feasible point; here one is always at
        # hand (the required items), and it cost 0.25–0.3 s CPU at 1,000–5,000 items for the
        # same search tree (scripts/bench_optimize.py shapes "budgets" and "full")
        set_option(self.highs, "mip_heuristic_run_feasibility_jump", False)
        self._deadline: float | None = None
        self._guarded = False

    def _guard(self, event: object) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            event.interrupt()  # type: ignore[attr-defined]

    def light_heuristics(self) -> None:
        """For many re-solves of a small model: sub-MIP heuristics and root restarts cost more
        than they find there (measured on the 48-initiative sample: 42 → 11 ms CPU per
        re-solve, same answers)."""
        for option in ("mip_heuristic_run_rins", "mip_heuristic_run_rens", "mip_allow_restart"):
            set_option(self.highs, option, False)
        set_option(self.highs, "mip_heuristic_effort", 0.0)

    def frontier_settings(self) -> None:
        """For the frontier's levels (budgets from tight to loose, 0.1 % gap): presolve on
        (a tight budget lets it fix most items) and no root restarts. CPU seconds for the
        tight levels at 1,000 items, default → these: 4.5 → 3.1 (count cap, goal shares),
        3.0 → 2.6 (yearly budgets only); scripts/bench_optimize.py part (c)."""
        set_option(self.highs, "presolve", "on")
        set_option(self.highs, "mip_allow_restart", False)

    # --- changes -------------------------------------------------------------------------
    def set_row_bounds(self, name: str, lower: float | None, upper: float | None) -> None:
        self.highs.changeRowBounds(
            self.row_index[name], -INF if lower is None else lower, INF if upper is None else upper
        )

    def set_x_bounds(self, cols: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
        cols = np.asarray(cols, dtype=np.int32)
        self.highs.changeColsBounds(len(cols), cols, np.asarray(lower, float), np.asarray(upper, float))

    def set_objective(self, cost: np.ndarray) -> None:
        cost = np.asarray(cost, dtype=float)
        self.highs.changeColsCost(self.n_cols, np.arange(self.n_cols, dtype=np.int32), cost)
        self.objective = cost.copy()

    def add_row(self, name: str, lower: float, upper: float, cols: np.ndarray, values: np.ndarray) -> None:
        cols = np.asarray(cols, dtype=np.int32)
        self.highs.addRow(lower, upper, len(cols), cols, np.asarray(values, float))
        self.row_index[name] = self.highs.getNumRow() - 1

    def add_column(
        self, cost: float, lower: float, upper: float, rows: list[str], values: list[float]
    ) -> int:
        """A continuous column in existing rows (the explanations' "how much cheaper" share)."""
        idx = np.array([self.row_index[r] for r in rows], dtype=np.int32)
        self.highs.addCol(cost, lower, upper, len(idx), idx, np.asarray(values, float))
        self.n_cols += 1
        self.objective = np.append(self.objective, cost)
        return self.n_cols - 1

    def change_coefficient(self, row: str, col: int, value: float) -> None:
        self.highs.changeCoeff(self.row_index[row], col, value)

    def delete_last_row(self, name: str) -> None:
        k = self.row_index.pop(name)
        self.highs.deleteRows(1, np.array([k], dtype=np.int32))

    # --- solve ---------------------------------------------------------------------------
    def solve(
        self,
        *,
        gap: float,
        time_limit: float | None = None,
        start: np.ndarray | None = None,
        max_nodes: int | None = None,
        abs_gap: float | None = None,
    ) -> Outcome:
        """Solve from the current state; `start` is a warm start: 0/1 per initiative (HiGHS
        completes the other columns), or a value for every column."""
        h = self.highs
        set_option(h, "mip_rel_gap", gap)
        # the absolute criterion must not stop HiGHS before the relative gap we claim
        set_option(h, "mip_abs_gap", gap if abs_gap is None else abs_gap)
        set_option(h, "time_limit", INF if time_limit is None else float(time_limit))
        set_option(h, "mip_max_nodes", 2**31 - 1 if max_nodes is None else int(max_nodes))
        if start is not None:
            size = len(start) if len(start) <= self.n_cols else self.n_x
            cols = np.arange(size, dtype=np.int32)
            h.setSolution(size, cols, np.asarray(start, dtype=float)[:size])
        began = time.perf_counter()
        self._deadline = None if time_limit is None else time.monotonic() + time_limit + GUARD_GRACE_SECONDS
        # the Python callback costs ~20 ms per solve: only when there is a clock to guard
        if (time_limit is not None) != self._guarded:
            if self._guarded:
                h.cbMipInterrupt.unsubscribe(self._guard)
            else:
                h.cbMipInterrupt.subscribe(self._guard)
            self._guarded = not self._guarded
        h.run()
        self._deadline = None
        seconds = time.perf_counter() - began
        model_status = h.getModelStatus()
        info = h.getInfo()
        has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
        if model_status == _MS.kInfeasible or (
            model_status == _MS.kUnboundedOrInfeasible and not has_solution
        ):
            return Outcome("infeasible", None, None, None, None, seconds)
        if model_status not in _USABLE:
            raise SolverError(
                f"HiGHS stopped without a usable answer ({h.modelStatusToString(model_status)})."
            )
        if not has_solution:
            return Outcome("no_solution", None, None, None, None, seconds)
        values = np.asarray(h.getSolution().col_value)
        x = (values[: self.n_x] > 0.5).astype(float)
        objective = float(
            self.objective[: self.n_x] @ x + self.objective[self.n_x :] @ np.round(values[self.n_x :])
        )
        bound = float(info.mip_dual_bound)
        if not np.isfinite(bound):
            bound = objective if model_status == _MS.kOptimal else INF
        found_gap = relative_gap(objective, bound) if np.isfinite(bound) else None
        if model_status == _MS.kOptimal and found_gap is not None and found_gap <= gap + 1e-9:
            status = "optimal"
        elif model_status in _STOPPED_BY_CLOCK:
            status = "time_limit"
        else:
            status = "feasible"
        rounded = np.round(values)
        rounded[: self.n_x] = x
        return Outcome(status, x, objective, bound, found_gap, seconds, int(info.mip_node_count), rounded)
