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
are exactly the optimizer's) and handed to HiGHS once; each draw only changes the objective
and, with a minimum goal share, that row's coefficients (they depend on the values).

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
up-front in a fixed order (uniforms per draw × impact, then per draw × initiative), and the
solver runs single-threaded; the same workspace, scenario and seed give the same result.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxprior.domain import (
    InfeasibleScenario,
    Scenario,
    ScenarioError,
    Scores,
    Workspace,
    kpi_goal_weights,
    score,
)
from cxprior.i18n import format_number, format_percent, tr
from cxprior.portfolio.highs import HighsSession
from cxprior.portfolio.model import build_model, make_instance
from cxprior.portfolio.optimizer import optimize

CORE, BORDERLINE, RARE = "core", "borderline", "rare"
CORE_FROM = 0.9
BORDERLINE_FROM = 0.1
TIE_BREAK = 10.0
DEFAULT_DRAWS = 500


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
    progress: Callable[[int, int], None] | None = None,
    lang: str = "en",
    scores: Scores | None = None,
    delivery_risk: bool = True,
) -> UncertaintyResult:
    """Draw impacts and delivery `draws` times, re-optimise each, measure robustness.

    `chosen` is the portfolio whose value distribution is reported (default: the
    deterministic optimum of `scenario`). `progress(done, total)` is called after each draw.
    `delivery_risk=False` keeps every initiative delivered (only impact ranges vary).
    Draws are always solved with HiGHS (one model, re-solved), whatever `scenario.solver`;
    `scenario.time_limit`, when set, applies to each draw.
    Raises ScenarioError for unknown ids (in the scenario or `chosen`) and InfeasibleScenario
    when the deterministic scenario has no portfolio (whatever `chosen` is).
    """

    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 1:
        raise ScenarioError(tr("depth.mc.bad_draws", lang, draws=draws))
    began = time.perf_counter()
    scores = scores or score(ws)
    base = optimize(ws, scenario, lang=lang, explain=False, scores=scores)
    if not base.is_solved:
        raise InfeasibleScenario(base.explanation)
    if chosen is None:
        chosen = tuple(base.selected)
    _check_chosen(ws, chosen, lang)

    instance = make_instance(ws, scores)
    model = build_model(instance, scenario)
    session = HighsSession(model)
    # the primal heuristics (feasibility jump, RINS, RENS) cost more than they find on these
    # small re-solves: 3.1 → 1.9 s of CPU for 200 draws on the sample, same draws' optima
    session.light_heuristics()
    # With goal shares the optimizer asks for a portfolio worth something, on the base values.
    # In a draw that floor would keep an item that failed to deliver (worth 0) just to fill it,
    # and a floor on the drawn values would discard every such world as "infeasible" and lift
    # the core index above the confidence. In a drawn world where nothing can meet the shares,
    # funding nothing is the honest answer, so the floor is lifted for the draws.
    for name in model.row_names("positive_value"):
        session.set_row_bounds(name, None, None)
    ids = instance.ids
    n = instance.n
    rng = np.random.default_rng(seed)
    drawn = draw_values(ws, ids, draws, rng, delivery_risk=delivery_risk)

    penalty = TIE_BREAK * max(scenario.mip_gap, 1e-6) * max(abs(base.objective or 0.0), 1.0)
    goal_rows = {
        row.key: name
        for name, row in model.rows.items()
        if row.kind == "goal_share" and row.key in drawn.goal_value
    }
    extra_columns = np.zeros(session.n_cols - n)
    chosen_set = set(chosen)
    chosen_mask = np.array([iid in chosen_set for iid in ids], dtype=bool)

    selected_count = np.zeros(n)
    optimum = np.full(draws, np.nan)
    infeasible = unproven = 0
    for d in range(draws):
        values = drawn.value[d]
        session.set_objective(np.concatenate([values - penalty, extra_columns]))
        for goal_id, row_name in goal_rows.items():
            coefs = drawn.goal_value[goal_id][d] - scenario.min_goal_share[goal_id] * values
            for k in range(n):
                session.change_coefficient(row_name, k, float(coefs[k]))
        outcome = session.solve(gap=scenario.mip_gap, time_limit=scenario.time_limit)
        if outcome.x is None:
            infeasible += 1
        else:
            selected_count += outcome.x
            optimum[d] = float(values @ outcome.x)
            unproven += outcome.status != "optimal"
        if progress is not None:
            progress(d + 1, draws)

    feasible = draws - infeasible
    core = selected_count / feasible if feasible else np.zeros(n)
    core_index = {iid: float(core[k]) for k, iid in enumerate(ids)}
    return UncertaintyResult(
        draws=draws,
        seed=seed,
        delivery_risk=delivery_risk,
        chosen=tuple(chosen),
        ids=ids,
        core_index=core_index,
        category={iid: categorise(c) for iid, c in core_index.items()},
        chosen_value=tuple(float(v) for v in drawn.value[:, chosen_mask].sum(axis=1)),
        optimum_value=tuple(float(v) for v in optimum),
        expected_chosen_value=float(sum(scores.value.get(i, 0.0) for i in chosen)),
        infeasible_draws=infeasible,
        unproven_draws=unproven,
        seconds=time.perf_counter() - began,
    )


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
            "draw": np.arange(1, result.draws + 1),
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
    return tuple(sentences)
