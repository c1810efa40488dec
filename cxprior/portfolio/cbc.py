"""CBC, the alternative solver, through PuLP's explicit `COIN_CMD` solver object.

`PULP_CBC_CMD` is deprecated (removed in PuLP 4): we use `COIN_CMD` pointed at a `cbc` on
the PATH, or else at the binary PuLP bundles. PuLP reports "Optimal" for a run stopped by
the clock with a solution, so the status and the proven bound are read from CBC's own log.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pulp
from pulp.apis import coin_api

from cxprior.domain import SolverError
from cxprior.portfolio.highs import Outcome, relative_gap
from cxprior.portfolio.model import PortfolioModel

_RESULT = re.compile(r"^Result - (?P<what>.+)$", re.MULTILINE)
_BOUND = re.compile(r"^(?:Upper|Lower) bound:\s+(?P<bound>[-+0-9.eE]+)", re.MULTILINE)
# "Cbc0011I Exiting as integer gap of 0.0004 less than 1e-06 or 0.0001%": stopped by the gap
_NODES = re.compile(r"^Enumerated nodes:\s+(?P<nodes>\d+)", re.MULTILINE)
_GAP_EXIT = re.compile(r"Exiting as integer gap of (?P<gap>[-+0-9.eE]+)")


def cbc_path() -> str:
    return shutil.which("cbc") or coin_api.pulp_cbc_path


def read_log(text: str) -> tuple[str, float | None]:
    """CBC's verdict ("Optimal solution found", "Stopped on time limit", …) and its bound."""
    result = _RESULT.search(text)
    bound = _BOUND.search(text)
    return (result.group("what").strip() if result else ""), (float(bound.group("bound")) if bound else None)


def solve_cbc(
    model: PortfolioModel,
    *,
    gap: float,
    time_limit: float | None = None,
    start: np.ndarray | None = None,
    prob: pulp.LpProblem | None = None,
    max_nodes: int | None = None,
) -> Outcome:
    """Solve `prob` (default: the model's problem) with CBC and read the outcome honestly.

    `prob` lets the caller pass a variant (e.g. the tie-break problem) over the same
    variables; `start` (0/1 per initiative, or a value per column) becomes CBC's MIP start.
    """
    prob = prob or model.prob
    xs = list(model.x.values())
    if start is not None:
        starting = model.columns if len(start) == len(model.columns) else xs
        for var, v in zip(starting, np.asarray(start).tolist(), strict=True):
            var.setInitialValue(round(v), check=False)
    with tempfile.TemporaryDirectory(prefix="cxprior-cbc-") as tmp:
        log_path = os.path.join(tmp, "cbc.log")
        solver = pulp.COIN_CMD(
            path=cbc_path(),
            msg=False,
            gapRel=gap,
            gapAbs=gap,
            timeLimit=time_limit,
            threads=1,
            warmStart=start is not None,
            logPath=log_path,
            maxNodes=max_nodes,
        )
        began = time.perf_counter()
        try:
            prob.solve(solver)
        except pulp.PulpSolverError as error:
            raise SolverError(f"CBC failed: {error}") from error
        seconds = time.perf_counter() - began
        log = Path(log_path).read_text(encoding="utf-8", errors="replace") if os.path.exists(log_path) else ""
    verdict, bound = read_log(log)
    if prob.status == pulp.LpStatusInfeasible or verdict.startswith(
        ("Linear relaxation infeasible", "Infeasible")
    ):
        return Outcome("infeasible", None, None, None, None, seconds)
    if prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        if verdict.startswith("Stopped"):
            return Outcome("no_solution", None, None, None, None, seconds)
        raise SolverError(f"CBC stopped without a usable answer ({verdict or pulp.LpStatus[prob.status]}).")
    x = np.array([(var.varValue or 0.0) > 0.5 for var in xs], dtype=float)
    values = np.array([round(var.varValue or 0.0) for var in model.columns], dtype=float)
    values[: len(xs)] = x
    nodes_match = _NODES.search(log)
    nodes = int(nodes_match.group("nodes")) if nodes_match else 0
    objective = float(sum(a * round(v.varValue or 0.0) for v, a in prob.objective.items()))
    if verdict.startswith("Optimal solution found"):
        # a finished search logs no bound; a stop on the gap logs the absolute gap it reached
        gap_exit = _GAP_EXIT.search(log)
        if bound is None:
            bound = objective + (abs(float(gap_exit.group("gap"))) if gap_exit else 0.0)
        bound = max(bound, objective)
        found_gap = relative_gap(objective, bound)
        status = "optimal" if found_gap <= gap + 1e-9 else "feasible"
        return Outcome(status, x, objective, bound, found_gap, seconds, nodes, values)
    found_gap = relative_gap(objective, bound) if bound is not None else None
    status = "time_limit" if verdict.startswith("Stopped on time") else "feasible"
    return Outcome(status, x, objective, bound, found_gap, seconds, nodes, values)
