"""The portfolio optimizer: build → solve → extract (DESIGN.md, "Optimizer").

`optimize(workspace, scenario)` checks the scenario's ids, names direct conflicts before
any solve, builds the PuLP model (`model`), solves it through the one solve path (`solve`:
HiGHS by default, CBC as alternative, status checked before values are read, ties broken
toward fewer initiatives), and extracts a `PortfolioResult`. Infeasible scenarios return
status "infeasible" with sentences saying which constraints conflict; they do not raise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from cxprior.domain import PortfolioResult, Scenario, Scores, Workspace, focus_indicators, score
from cxprior.i18n import format_percent, tr
from cxprior.portfolio.explain import explain_portfolio
from cxprior.portfolio.highs import HighsSession
from cxprior.portfolio.infeasible import direct_conflicts, elastic_explanation
from cxprior.portfolio.model import Instance, build_model, make_instance
from cxprior.portfolio.solve import Solved, check_scenario, solve_model


def portfolio_result(
    workspace: Workspace,
    scenario: Scenario,
    instance: Instance,
    scores: Scores,
    solved: Solved,
    *,
    lang: str = "en",
) -> PortfolioResult:
    """Extract the result of a solved model (status already checked by the caller)."""
    assert solved.x is not None and solved.objective is not None
    chosen = np.flatnonzero(solved.x > 0.5)
    selected = tuple(instance.ids[k] for k in chosen)
    status = solved.status if solved.status in ("optimal", "feasible", "time_limit") else "feasible"
    explanation: tuple[str, ...] = ()
    if status == "time_limit":
        explanation = (
            tr(
                "opt.time_limit",
                lang,
                seconds=f"{scenario.time_limit:g}",
                gap=_percent(solved.gap, lang),
            ),
        )
    shift = solved.shift if solved.shift is not None else np.zeros(instance.n, dtype=int)
    start, finish = timing(instance, solved.x, shift)
    return PortfolioResult(
        status=status,
        objective=solved.objective,
        gap=solved.gap,
        selected=selected,
        total_cost=float(instance.cost[chosen].sum()),
        cost_by_period=instance.spend(solved.x, shift),
        value_by_goal=scores.value_by_goal(selected),
        solver=scenario.solver,
        solve_seconds=round(solved.seconds, 4),
        explanation=explanation,
        scenario=scenario,
        focus=focus_indicators(workspace, selected),
        start=start,
        finish=finish,
        effort_by_team=instance.team_use(solved.x, shift),
    )


def timing(instance: Instance, x: np.ndarray, shift: np.ndarray) -> tuple[dict[str, str], dict[str, str]]:
    """Start and finish period of each funded initiative (none without cost periods)."""
    if not instance.periods:
        return {}, {}
    chosen = np.flatnonzero(np.asarray(x) > 0.5)
    periods = instance.periods
    start = {instance.ids[k]: periods[int(instance.earliest[k] + shift[k])] for k in chosen}
    finish = {instance.ids[k]: periods[int(instance.end[k] + shift[k])] for k in chosen}
    return start, finish


def _percent(share: float | None, lang: str) -> str:
    if share is None:
        return "?"
    return format_percent(share, lang, 4 if share < 0.01 else 2)


def infeasible_result(scenario: Scenario, sentences: list[str], seconds: float = 0.0) -> PortfolioResult:
    return PortfolioResult(
        status="infeasible",
        objective=None,
        gap=None,
        selected=(),
        total_cost=0.0,
        cost_by_period={},
        value_by_goal={},
        solver=scenario.solver,
        solve_seconds=round(seconds, 4),
        explanation=tuple(sentences),
        scenario=scenario,
    )


@dataclass(frozen=True)
class StagedResult:
    """A portfolio shown as soon as it is solved, and the way to its explanations.

    `result` has the portfolio, its figures and status, with no reasons yet. `explain()` adds
    the reasons, forced-in costs and marginal values by re-solving around the solution already
    found (the same model and solver session: the portfolio itself is never solved twice).
    `explain` is None when there is nothing to explain (infeasible, or no portfolio in time)."""

    result: PortfolioResult
    explain: Callable[[], PortfolioResult] | None = None


def optimize_staged(
    workspace: Workspace,
    scenario: Scenario,
    *,
    lang: str = "en",
    scores: Scores | None = None,
) -> StagedResult:
    """The best portfolio for one scenario at once, its explanations on demand (`optimize`
    in two steps, for a screen that shows the portfolio before its reasons)."""
    check_scenario(workspace, scenario, lang)
    scores = scores or score(workspace, lang)
    instance = make_instance(workspace, scores)
    conflicts = direct_conflicts(workspace, instance, scenario, lang)
    if conflicts:
        return StagedResult(infeasible_result(scenario, conflicts))
    model = build_model(instance, scenario)
    session = HighsSession(model) if scenario.solver == "highs" and model.columns else None
    solved = solve_model(model, scenario, session=session)
    if solved.status == "infeasible":
        return StagedResult(
            infeasible_result(scenario, elastic_explanation(workspace, model, lang), solved.seconds)
        )
    if solved.x is None:
        result = infeasible_result(
            scenario, [tr("opt.no_solution_in_time", lang, seconds=f"{scenario.time_limit:g}")]
        )
        return StagedResult(replace(result, status="time_limit", solve_seconds=round(solved.seconds, 4)))
    result = portfolio_result(workspace, scenario, instance, scores, solved, lang=lang)

    def explain() -> PortfolioResult:
        return explain_portfolio(workspace, model, solved, result, lang=lang, session=session)

    return StagedResult(result, explain)


def optimize(
    workspace: Workspace,
    scenario: Scenario,
    *,
    lang: str = "en",
    explain: bool = True,
    scores: Scores | None = None,
) -> PortfolioResult:
    """The best portfolio for one scenario, with its proven status and gap.

    Raises ScenarioError for unknown ids or impossible numbers in the scenario. An
    infeasible scenario returns status "infeasible" and sentences in `explanation`.
    With `explain`, each left-out initiative gets a reason, each forced-in one the value
    it costs, and each budget the value of one more euro (see `cxprior.portfolio.explain`).
    """
    staged = optimize_staged(workspace, scenario, lang=lang, scores=scores)
    if explain and staged.explain is not None:
        return staged.explain()
    return staged.result
