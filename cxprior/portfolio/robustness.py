"""How robust the recommended portfolio is when impact estimates are uncertain (Monte Carlo).

Each draw is one possible world:
- every impact is drawn from a triangular distribution (low, likely = `impact`, high); when
  `impact_low` or `impact_high` is missing that side collapses onto `impact`, and an impact
  without either is certain (a range given on the wrong side of `impact` is widened to
  include it);
- every initiative delivers with probability = its `confidence`; a delivered initiative is
  worth its value at confidence 1 with the drawn impacts, one that does not deliver is worth
  0 (so the average over draws is the value model's expected value, confidence × value).
  A consequence: an initiative's core index cannot exceed its confidence (unless it is
  mandatory or forced in), so only initiatives with confidence ≥ 0.9 can be robust core.
  With `delivery_risk=False` every initiative delivers and is worth confidence × value with
  the drawn impacts: only the impact ranges are uncertain;
- the scenario is re-optimised with those values under all its constraints, except the
  optimizer's "portfolio worth something" floor that comes with goal shares: a drawn world
  where nothing can meet the shares funds nothing (value 0) rather than a failed item.

Per initiative, the core index is the share of draws (among those where the scenario stays
feasible) whose optimum selects it: robust core ≥ 90 %, borderline 10–90 %, rare < 10 %
("never" when 0). For the chosen portfolio (by default the deterministic optimum) the value
in each draw gives P10/P50/P90; the optimum of each draw is kept beside it (the value a
clairvoyant would reach).

Speed: the model is built once (the optimizer's `opt_model.build_model`, so the constraints
are exactly the optimizer's) and handed to HiGHS once per process; each draw only changes
the objective and, with a minimum goal share, that row's coefficients (they depend on the
values). The draws are solved by worker processes, one per core (`draw_pool`), and come
back in draw order: the result is the same with any number of workers.

Early stop: every `STOP_CHECK_EVERY` draws (from `STOP_MIN_DRAWS`), the analysis stops
once every initiative's core index is known within ± `STOP_HALF_WIDTH` at 95 % (Wilson
interval, which stays wide for a share of 0 or 1 after few draws). It says so: `draws` is
then below `draws_asked` and the summary has a sentence about it. The checks fall at fixed
draw counts, so where it stops depends only on the seed, never on the number of workers.

Tie-break: an initiative that does not deliver is worth exactly 0, and including it must not
count as "selected". Each initiative's objective coefficient is lowered by ε = `TIE_BREAK`
(10) × the requested gap (at least 1e-6) × the deterministic optimum's value: ten times what
the solver may leave on the table when it claims optimality, so a zero-value item is never
kept, while the whole distortion (ε per selected initiative) stays around 10⁻⁴ of the
portfolio's value — negligible beside the spread being measured. (The optimizer's own
tie-break is a second, lexicographic solve on the base values; doubling every draw's solves
for exact ties between random values is not worth it.) Reported values are plain sums of
values, without ε.

Reproducibility: all random numbers come from `numpy.random.default_rng(seed)`, drawn
up-front in the calling process in a fixed order (uniforms per draw × impact, then per draw
× initiative), as before the draws were parallel: the same workspace, scenario and seed give
the same result, whatever the number of workers. A run that stops early keeps the first
draws of the full run (the draws are made for every asked draw, then solved in order).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxprior.domain import (
    InfeasibleScenario,
    PortfolioResult,
    Scenario,
    ScenarioError,
    Scores,
    SolverError,
    Workspace,
    kpi_goal_weights,
    score,
)
from cxprior.i18n import format_number, format_percent, tr
from cxprior.portfolio.draw_pool import (
    DRAW_OPTIONS,
    NO_PORTFOLIO,
    OPTIMAL,
    UNUSABLE,
    DrawModel,
    DrawSolver,
    available_cores,
    model_key,
    solve_draws,
    start_workers,
)
from cxprior.portfolio.highs import INF, choose_presolve, new_highs, to_arrays
from cxprior.portfolio.model import PortfolioModel, build_model, make_instance
from cxprior.portfolio.optimizer import optimize

CORE, BORDERLINE, RARE = "core", "borderline", "rare"
CORE_FROM = 0.9
BORDERLINE_FROM = 0.1
TIE_BREAK = 10.0
DEFAULT_DRAWS = 500
# early stop: every core index within ± 2 points (95 % Wilson interval), checked every 50
# draws from the 100th; a share of 0.5 needs about 2,400 draws for that, 0.9 about 860, while
# a portfolio nobody's uncertainty moves stops at 100
STOP_HALF_WIDTH = 0.02
STOP_MIN_DRAWS = 100
STOP_CHECK_EVERY = 50
Z95 = 1.959963984540054


@dataclass(frozen=True)
class UncertaintyResult:
    """Outcome of the Monte Carlo analysis; per-draw arrays are tuples in draw order.

    `optimum_value` is NaN for a draw where the scenario is infeasible (possible with a
    minimum goal share when the initiatives serving a goal fail to deliver).
    """

    draws: int
    seed: int
    delivery_risk: bool
    chosen: tuple[str, ...]
    ids: tuple[str, ...]  # every initiative, in the model's column order
    core_index: dict[str, float]
    category: dict[str, str]
    chosen_value: tuple[float, ...]
    optimum_value: tuple[float, ...]
    expected_chosen_value: float  # the value model's value of the chosen portfolio
    infeasible_draws: int
    unproven_draws: int  # draws stopped by the time limit before proving optimality
    seconds: float
    # the draws asked for (0 in analyses saved before early stops: then `draws`); `draws`
    # is the number run, fewer when every core index had converged (`stop_half_width`)
    draws_asked: int = 0
    stop_half_width: float | None = None

    @property
    def stopped_early(self) -> bool:
        return self.draws < self.draws_asked

    @property
    def feasible_draws(self) -> int:
        return self.draws - self.infeasible_draws

    def percentiles(self, which: str = "chosen") -> dict[int, float]:
        """P10, P50, P90 of the chosen portfolio's value (or of the per-draw optimum)."""
        values = np.asarray(self.chosen_value if which == "chosen" else self.optimum_value, dtype=float)
        values = values[~np.isnan(values)]
        if values.size == 0:
            return {10: float("nan"), 50: float("nan"), 90: float("nan")}
        p10, p50, p90 = np.percentile(values, [10, 50, 90])
        return {10: float(p10), 50: float(p50), 90: float(p90)}

    def members(self, category: str) -> tuple[str, ...]:
        return tuple(i for i in self.ids if self.category[i] == category)


def categorise(core_index: float) -> str:
    if core_index >= CORE_FROM:
        return CORE
    if core_index >= BORDERLINE_FROM:
        return BORDERLINE
    return RARE


@dataclass(frozen=True)
class _Draws:
    """Per-draw initiative values (draws × n) and, per goal, their goal parts."""

    value: np.ndarray
    goal_value: dict[str, np.ndarray]


def _triangular(u: np.ndarray, low: np.ndarray, mode: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Inverse CDF of the triangular law, column by column; a zero-width range gives `mode`."""
    width = high - low
    safe = np.where(width > 0, width, 1.0)
    split = np.where(width > 0, (mode - low) / safe, 0.0)
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(width > 0, np.where(u < split, left, right), mode)


def draw_values(
    workspace: Workspace,
    ids: Sequence[str],
    draws: int,
    rng: np.random.Generator,
    *,
    delivery_risk: bool = True,
) -> _Draws:
    """Initiative values (and goal parts) in each draw, columns in the order of `ids`."""
    column = {iid: k for k, iid in enumerate(ids)}
    per_goal = kpi_goal_weights(workspace)
    goals = [g.goal_id for g in workspace.goals]
    kpis = workspace.kpi_by_id
    rows = [imp for imp in workspace.impacts if imp.kpi_id in kpis and imp.initiative_id in column]
    likely = np.array([imp.impact for imp in rows], dtype=float)
    low = np.array([imp.impact if imp.impact_low is None else imp.impact_low for imp in rows], dtype=float)
    high = np.array([imp.impact if imp.impact_high is None else imp.impact_high for imp in rows], dtype=float)
    low, high = np.minimum(low, likely), np.maximum(high, likely)

    # value points per unit of impact at confidence 1, spread onto the initiative's column
    to_value = np.zeros((len(rows), len(ids)))
    to_goal = {g: np.zeros((len(rows), len(ids))) for g in goals}
    for j, imp in enumerate(rows):
        per_unit = 100.0 * kpis[imp.kpi_id].progress(1.0)
        k = column[imp.initiative_id]
        for goal_id, weight in per_goal[imp.kpi_id].items():
            to_goal[goal_id][j, k] += per_unit * weight
            to_value[j, k] += per_unit * weight

    impact_u = rng.random((draws, len(rows)))
    deliver_u = rng.random((draws, len(ids)))
    confidence = np.array([workspace.initiative_by_id[i].confidence for i in ids], dtype=float)
    # the delivery uniforms are drawn either way, so both modes see the same impact draws
    delivered = (
        (deliver_u < confidence).astype(float)
        if delivery_risk
        else np.broadcast_to(confidence, deliver_u.shape)
    )
    impacts = _triangular(impact_u, low, likely, high)
    return _Draws(
        value=(impacts @ to_value) * delivered,
        goal_value={g: (impacts @ to_goal[g]) * delivered for g in goals},
    )


def _check_chosen(workspace: Workspace, chosen: Sequence[str], lang: str) -> None:
    unknown = [iid for iid in chosen if iid not in workspace.initiative_by_id]
    if unknown:
        raise ScenarioError(tr("depth.mc.unknown_chosen", lang, ids=", ".join(unknown)))


def monte_carlo(
    ws: Workspace,
    scenario: Scenario,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    chosen: tuple[str, ...] | None = None,
    progress: Callable[[int, int, float | None], None] | None = None,
    lang: str = "en",
    scores: Scores | None = None,
    delivery_risk: bool = True,
    workers: int | None = None,
    early_stop: float | None = STOP_HALF_WIDTH,
) -> UncertaintyResult:
    """Draw impacts and delivery `draws` times, re-optimise each, measure robustness.

    `chosen` is the portfolio whose value distribution is reported (default: the
    deterministic optimum of `scenario`). `progress(done, total, seconds_left)` is called as
    draws are done, in draw order (seconds_left: an estimate, None before the first draw).
    `delivery_risk=False` keeps every initiative delivered (only impact ranges vary).
    `workers`: worker processes solving the draws (None: one per core; 0: this process, as
    the analysis ran before it went parallel); the same result whatever the number ≥ 1
    (`draw_pool` says why 0 can break an exact tie otherwise).
    `early_stop`: stop once every core index is known within ± that (95 % interval, checked
    every `STOP_CHECK_EVERY` draws from `STOP_MIN_DRAWS` on); None runs every draw.
    Draws are always solved with HiGHS (one model, re-solved), whatever `scenario.solver`;
    `scenario.time_limit`, when set, applies to each draw.
    Raises ScenarioError for unknown ids (in the scenario or `chosen`) and InfeasibleScenario
    when the deterministic scenario has no portfolio (whatever `chosen` is).
    """

    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 1:
        raise ScenarioError(tr("depth.mc.bad_draws", lang, draws=draws))
    began = time.perf_counter()
    if workers is None:
        workers = available_cores()
    start_workers(workers)  # they load while this process finds the deterministic optimum
    scores = scores or score(ws)
    base = optimize(ws, scenario, lang=lang, explain=False, scores=scores)
    if not base.is_solved:
        raise InfeasibleScenario(base.explanation)
    if chosen is None:
        chosen = tuple(base.selected)
    _check_chosen(ws, chosen, lang)

    instance = make_instance(ws, scores)
    model = build_model(instance, scenario)
    ids = instance.ids
    n = instance.n
    rng = np.random.default_rng(seed)
    drawn = draw_values(ws, ids, draws, rng, delivery_risk=delivery_risk)
    penalty = TIE_BREAK * max(scenario.mip_gap, 1e-6) * max(abs(base.objective or 0.0), 1.0)
    spec, goal_ids = draw_model(model, scenario, drawn)
    costs = np.zeros((draws, spec.n_cols))
    costs[:, :n] = drawn.value - penalty
    goal_coefs = np.zeros((len(goal_ids), draws, n))
    for row, goal_id in enumerate(goal_ids):
        goal_coefs[row] = drawn.goal_value[goal_id] - scenario.min_goal_share[goal_id] * drawn.value
    chosen_set = set(chosen)
    chosen_mask = np.array([iid in chosen_set for iid in ids], dtype=bool)

    selected_count = np.zeros(n)
    optimum = np.full(draws, np.nan)
    infeasible = unproven = done = 0
    stopped = False
    solving = time.perf_counter()
    chunks = solve_draws(
        spec,
        costs,
        goal_coefs,
        workers=max(0, int(workers)),
        local=lambda: DrawSolver(spec, new_highs(), one_thread=False),
    )
    try:
        for chunk in chunks:
            for j, code in enumerate(chunk.status.tolist()):
                d = chunk.first + j
                if code == UNUSABLE:
                    raise SolverError("HiGHS stopped without a usable answer for a draw.")
                if code == NO_PORTFOLIO:
                    infeasible += 1
                else:
                    x = chunk.x[j].astype(float)
                    selected_count += x
                    optimum[d] = float(drawn.value[d] @ x)
                    unproven += code != OPTIMAL
                done = d + 1
                if early_stop is not None and converged(selected_count, done - infeasible, done, early_stop):
                    stopped = done < draws
                    break
            if progress is not None:
                elapsed = time.perf_counter() - solving
                progress(done, draws, elapsed / done * (draws - done) if not stopped else 0.0)
            if stopped:
                break
    finally:
        chunks.close()

    feasible = done - infeasible
    core = selected_count / feasible if feasible else np.zeros(n)
    core_index = {iid: float(core[k]) for k, iid in enumerate(ids)}
    return UncertaintyResult(
        draws=done,
        seed=seed,
        delivery_risk=delivery_risk,
        chosen=tuple(chosen),
        ids=ids,
        core_index=core_index,
        category={iid: categorise(c) for iid, c in core_index.items()},
        chosen_value=tuple(float(v) for v in drawn.value[:done, chosen_mask].sum(axis=1)),
        optimum_value=tuple(float(v) for v in optimum[:done]),
        expected_chosen_value=float(sum(scores.value.get(i, 0.0) for i in chosen)),
        infeasible_draws=infeasible,
        unproven_draws=unproven,
        seconds=time.perf_counter() - began,
        draws_asked=draws,
        stop_half_width=early_stop if stopped else None,
    )


def nominal_start(model: PortfolioModel, base: PortfolioResult) -> np.ndarray:
    """Every column's value for the deterministic optimum, started where it starts: a warm
    start the draws could use. They do not: on the 48-initiative sample it saves nothing
    measurable (12.5 → 12.3 ms CPU a draw; even the draw's own optimum given as a start does
    not help, the root's proof is the cost, `draw_pool`), and it changed the answer of draws
    with exactly tied portfolios on the v1 sample, so the analysis would no longer reproduce
    its earlier results (scripts/bench_robustness.py --heuristics)."""
    inst = model.instance
    chosen = set(base.selected)
    x = np.array([1.0 if iid in chosen else 0.0 for iid in inst.ids])
    position = {p: t for t, p in enumerate(inst.periods)}
    shift = np.zeros(inst.n, dtype=int)
    if model.flexible:
        largest = model.max_shift()
        for k, iid in enumerate(inst.ids):
            if iid in base.start and base.start[iid] in position:
                shift[k] = min(max(position[base.start[iid]] - int(inst.earliest[k]), 0), int(largest[k]))
    return model.full_solution(x, shift)


def draw_model(
    model: PortfolioModel, scenario: Scenario, drawn: _Draws, *, start: np.ndarray | None = None
) -> tuple[DrawModel, tuple[str, ...]]:
    """The optimizer's model as the draws solve it, and the goals whose rows change per draw.

    With goal shares the optimizer asks for a portfolio worth something, on the base values.
    In a draw that floor would keep an item that failed to deliver (worth 0) just to fill it,
    and a floor on the drawn values would discard every such world as "infeasible" and lift
    the core index above the confidence. In a drawn world where nothing can meet the shares,
    funding nothing is the honest answer, so the floor is lifted for the draws.
    """
    arrays = to_arrays(model)
    row_lower, row_upper = arrays.row_lower.copy(), arrays.row_upper.copy()
    position = {name: k for k, name in enumerate(arrays.row_names)}
    for name in model.row_names("positive_value"):
        row_lower[position[name]], row_upper[position[name]] = -INF, INF
    goal_rows = [
        (row.key, position[name])
        for name, row in model.rows.items()
        if row.kind == "goal_share" and row.key in drawn.goal_value
    ]
    presolve = choose_presolve(model)
    parts = (
        arrays.col_lower,
        arrays.col_upper,
        row_lower,
        row_upper,
        arrays.start,
        arrays.index,
        arrays.value,
        tuple(k for _, k in goal_rows),
        presolve,
        scenario.mip_gap,
        scenario.time_limit,
        DRAW_OPTIONS,
        start if start is not None else "no start",
    )
    spec = DrawModel(
        key=model_key(*parts),
        n_x=model.instance.n,
        col_lower=arrays.col_lower,
        col_upper=arrays.col_upper,
        row_lower=row_lower,
        row_upper=row_upper,
        row_start=arrays.start,
        row_index=arrays.index,
        row_value=arrays.value,
        goal_rows=tuple(k for _, k in goal_rows),
        presolve=presolve,
        gap=scenario.mip_gap,
        time_limit=scenario.time_limit,
        start=start,
    )
    return spec, tuple(g for g, _ in goal_rows)


def wilson_half_width(selected: np.ndarray, feasible: int) -> np.ndarray:
    """Half-width of the 95 % Wilson interval of each share selected / feasible.

    Unlike the normal approximation it does not shrink to 0 when a share is 0 or 1: after
    100 draws that all agree it is still z² / (2 (100 + z²)) ≈ 0.0185.
    """
    if feasible <= 0:
        return np.full(len(selected), np.inf)
    p = np.asarray(selected, dtype=float) / feasible
    z2 = Z95 * Z95
    return Z95 / (1.0 + z2 / feasible) * np.sqrt(p * (1.0 - p) / feasible + z2 / (4.0 * feasible * feasible))


def converged(selected: np.ndarray, feasible: int, done: int, half_width: float) -> bool:
    """The early-stop rule, checked at fixed draw counts so that it stops at the same draw
    whatever the number of workers: every `STOP_CHECK_EVERY` draws from `STOP_MIN_DRAWS`
    on, stop once every initiative's core index is known within ± `half_width`."""
    if done < STOP_MIN_DRAWS or done % STOP_CHECK_EVERY:
        return False
    return bool(np.all(wilson_half_width(selected, feasible) <= half_width))


def category_label(category: str, core_index: float | None = None, lang: str = "en") -> str:
    """ "Robust core", "Borderline", "Rare" — or "Never" for a core index of exactly 0."""
    if category == RARE and core_index == 0:
        return tr("depth.mc.category.never", lang)
    return tr(f"depth.mc.category.{category}", lang)


def robustness_frame(result: UncertaintyResult, ws: Workspace, lang: str = "en") -> pd.DataFrame:
    """One row per initiative, most robust first: initiative_id, name, core_index, category,
    category_label, in_chosen."""
    names = {i.initiative_id: i.name for i in ws.initiatives}
    rows = [
        {
            "initiative_id": iid,
            "name": names.get(iid, iid),
            "core_index": result.core_index[iid],
            "category": result.category[iid],
            "category_label": category_label(result.category[iid], result.core_index[iid], lang),
            "in_chosen": iid in result.chosen,
        }
        for iid in result.ids
    ]
    frame = pd.DataFrame(
        rows, columns=["initiative_id", "name", "core_index", "category", "category_label", "in_chosen"]
    )
    return frame.sort_values(
        ["core_index", "initiative_id"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def distribution_frame(result: UncertaintyResult) -> pd.DataFrame:
    """One row per draw: draw, chosen_value, optimum_value (NaN when that draw is infeasible)."""
    return pd.DataFrame(
        {
            "draw": np.arange(1, len(result.chosen_value) + 1),
            "chosen_value": result.chosen_value,
            "optimum_value": result.optimum_value,
        }
    )


def summary_sentences(result: UncertaintyResult, lang: str = "en") -> tuple[str, ...]:
    """What COMEX reads: the value range of the chosen portfolio and how robust its core is."""
    p = result.percentiles("chosen")
    in_core = sum(1 for i in result.chosen if result.category.get(i) == CORE)
    sentences = [
        tr(
            "depth.mc.method" if result.delivery_risk else "depth.mc.method_impacts_only",
            lang,
            threshold=format_percent(CORE_FROM, lang),
        ),
        tr(
            "depth.mc.range",
            lang,
            draws=format_number(result.draws, lang),
            p10=format_number(p[10], lang, 1),
            p50=format_number(p[50], lang, 1),
            p90=format_number(p[90], lang, 1),
            expected=format_number(result.expected_chosen_value, lang, 1),
        ),
        tr(
            "depth.mc.core",
            lang,
            core=in_core,
            count=len(result.chosen),
            threshold=format_percent(CORE_FROM, lang),
        ),
    ]
    if result.infeasible_draws:
        sentences.append(
            tr(
                "depth.mc.infeasible",
                lang,
                count=result.infeasible_draws,
                share=format_percent(result.infeasible_draws / result.draws, lang),
            )
        )
    if result.unproven_draws:
        sentences.append(tr("depth.mc.unproven", lang, count=result.unproven_draws))
    if result.stopped_early:
        sentences.append(
            tr(
                "depth.mc.stopped_early",
                lang,
                draws=format_number(result.draws, lang),
                asked=format_number(result.draws_asked, lang),
                points=format_number(100 * (result.stop_half_width or 0.0), lang, 1),
            )
        )
    return tuple(sentences)
