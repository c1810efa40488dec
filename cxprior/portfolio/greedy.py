"""What a score-and-rank tool funds, and what the optimizer adds over it.

`greedy_portfolio` funds the required items first (mandatory, forced in, and what they
depend on), then walks down the ranked list (by value, or by value per euro) and funds each
initiative that still fits every budget — an item that does not fit is skipped and the walk
goes on. Like a careful spreadsheet user it brings an item's unfunded prerequisites along,
never funds two items of one exclusive group nor a forced-out item, and stops adding when
the count or phase caps are full. A ranked list cannot plan for minimum goal shares; like
a careful user it tops up a goal below its share with the best-ranked initiatives serving
it that still fit, and says so in `explanation` when the share is still missed (then the
comparison with the optimizer is not like for like). Competency shares are not attempted.
A ranked list does not plan when: every item starts at its earliest start, and is funded
only if the teams' capacities hold it there and what it starts after is funded and
finished before (brought along like a prerequisite).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

import numpy as np

from cxprior.domain import PortfolioResult, Scenario, Scores, Workspace, focus_indicators, score
from cxprior.i18n import format_number, format_percent, tr
from cxprior.portfolio.infeasible import direct_conflicts, required_items
from cxprior.portfolio.model import Instance, capacity_limits, forced_bounds, make_instance
from cxprior.portfolio.optimizer import infeasible_result, optimize
from cxprior.portfolio.solve import check_scenario

RankBy = Literal["value", "value_per_euro"]


def _bundle(instance: Instance, k: int, chosen: np.ndarray) -> list[int] | None:
    """k and its unfunded prerequisites (transitively); None if one is unknown."""
    bundle: list[int] = []
    stack = [k]
    while stack:
        j = stack.pop()
        if chosen[j] or j in bundle:
            continue
        bundle.append(j)
        after = instance.starts_after[j] if instance.starts_after else ()
        for pre in (*instance.depends_on[j], *after):
            if pre not in instance.index:
                return None
            stack.append(instance.index[pre])
    return bundle


def _in_order(instance: Instance, bundle: list[int]) -> bool:
    """At their earliest starts, each item starts after what it must start after finishes."""
    if not instance.starts_after or not instance.periods:
        return True
    for j in bundle:
        for other in instance.starts_after[j]:
            a = instance.index.get(other)
            if a is not None and instance.end[a] >= instance.earliest[j]:
                return False
    return True


def rank(instance: Instance, rank_by: RankBy) -> list[int]:
    """Columns in funding order: best first, ties by initiative id."""
    if rank_by == "value":
        key = -instance.value
    elif rank_by == "value_per_euro":
        with np.errstate(divide="ignore", invalid="ignore"):
            key = -np.where(instance.cost > 0, instance.value / np.maximum(instance.cost, 1e-12), np.inf)
    else:
        raise ValueError(f"unknown ranking {rank_by!r}")
    return [int(k) for k in np.lexsort((np.arange(instance.n), key))]


def greedy_portfolio(
    workspace: Workspace,
    scenario: Scenario,
    *,
    rank_by: RankBy = "value_per_euro",
    lang: str = "en",
    scores: Scores | None = None,
) -> PortfolioResult:
    """The portfolio a rank-and-cut tool would fund under the scenario (status "feasible")."""

    began = time.perf_counter()
    check_scenario(workspace, scenario, lang)
    scores = scores or score(workspace, lang)
    instance = make_instance(workspace, scores)
    conflicts = direct_conflicts(workspace, instance, scenario, lang)
    if conflicts:
        return infeasible_result(scenario, conflicts)
    _, upper = forced_bounds(instance, scenario)
    budgets = scenario.budget_limits
    costs = {p: instance.cost_in(p) for p in budgets}
    # team work at the earliest starts, per (team, period) of the Capacity sheet
    capacity = capacity_limits(instance, scenario)
    work = {
        (team, period): instance.effort[team][:, instance.periods.index(period)]
        for team, period in capacity
        if team in instance.effort and period in instance.periods
    }

    chosen = np.zeros(instance.n, dtype=bool)
    for iid in required_items(instance, scenario).ids:
        chosen[instance.index[iid]] = True
    spent = {p: float(costs[p][chosen].sum()) for p in budgets}
    used = {key: float(effort[chosen].sum()) for key, effort in work.items()}
    groups = {instance.group[k] for k in np.flatnonzero(chosen) if instance.group[k]}
    phases = {instance.phase[k] for k in np.flatnonzero(chosen) if instance.phase[k]}

    def try_fund(k: int) -> bool:
        nonlocal groups, phases
        bundle = _bundle(instance, k, chosen)
        if bundle is None or any(upper[j] == 0 for j in bundle):
            return False
        bundle_groups = [instance.group[j] for j in bundle if instance.group[j]]
        if len(set(bundle_groups)) < len(bundle_groups) or groups & set(bundle_groups):
            return False
        if scenario.max_initiatives is not None and chosen.sum() + len(bundle) > scenario.max_initiatives:
            return False
        new_phases = {instance.phase[j] for j in bundle if instance.phase[j]} - phases
        if scenario.max_phases is not None and len(phases) + len(new_phases) > scenario.max_phases:
            return False
        extra = {p: float(costs[p][bundle].sum()) for p in budgets}
        if any(spent[p] + extra[p] > budgets[p] + 1e-9 * max(1.0, budgets[p]) for p in budgets):
            return False
        more = {key: float(effort[bundle].sum()) for key, effort in work.items()}
        if any(used[key] + more[key] > capacity[key] + 1e-9 * max(1.0, capacity[key]) for key in work):
            return False
        if not _in_order(instance, bundle):
            return False
        chosen[bundle] = True
        for p in budgets:
            spent[p] += extra[p]
        for key in work:
            used[key] += more[key]
        groups |= set(bundle_groups)
        phases |= new_phases
        return True

    order = rank(instance, rank_by)
    for k in order:
        if scenario.max_initiatives is not None and chosen.sum() >= scenario.max_initiatives:
            break
        if not chosen[k] and upper[k] > 0 and instance.value[k] > 0:
            try_fund(k)

    def share_of(goal_id: str) -> float:
        total = float(instance.value[chosen].sum())
        return float(instance.goal_value[goal_id][chosen].sum()) / total if total > 0 else 0.0

    # the careful user's top-up: for a goal below its share, fund what still fits among
    # the initiatives serving it, in the same ranked order
    for goal_id, share in scenario.min_goal_share.items():
        for k in order:
            if share <= 0 or share_of(goal_id) >= share - 1e-9:
                break
            if not chosen[k] and upper[k] > 0 and instance.goal_value[goal_id][k] > 0:
                try_fund(k)

    selected = tuple(instance.ids[k] for k in np.flatnonzero(chosen))
    objective = float(instance.value[chosen].sum())
    value_by_goal = scores.value_by_goal(selected)
    notes = []
    for goal_id, share in scenario.min_goal_share.items():
        reached = share_of(goal_id)
        if share > 0 and reached < share - 1e-9:
            notes.append(
                tr(
                    "opt.greedy.share_unmet",
                    lang,
                    goal=goal_id,
                    reached=format_percent(reached, lang, 1),
                    share=format_percent(share, lang, 1),
                )
            )
    return PortfolioResult(
        status="feasible",
        objective=objective,
        gap=None,
        selected=selected,
        total_cost=float(instance.cost[chosen].sum()),
        cost_by_period={p: float(instance.period_cost[p][chosen].sum()) for p in instance.periods},
        value_by_goal=value_by_goal,
        solver=f"greedy:{rank_by}",
        solve_seconds=round(time.perf_counter() - began, 4),
        explanation=tuple(notes),
        scenario=scenario,
        focus=focus_indicators(workspace, selected),
    )


@dataclass(frozen=True)
class GreedyComparison:
    """The optimizer's portfolio against the rank-and-cut one, at the same budget."""

    greedy: PortfolioResult
    optimal: PortfolioResult
    value_added: float | None  # optimal − greedy value points (None if either has no value)
    value_added_share: float | None  # value_added / |greedy value|

    @property
    def greedy_meets_scenario(self) -> bool:
        """False when the ranked list misses a minimum goal share (then it may even "beat" the
        optimizer, by breaking a constraint the optimizer keeps)."""
        return self.greedy.status != "infeasible" and not self.greedy.explanation

    def message(self, lang: str = "en") -> str:
        if self.value_added is None:
            return tr("opt.greedy.no_comparison", lang)

        share = format_percent(self.value_added_share, lang, 1) if self.value_added_share is not None else "–"
        if not self.greedy_meets_scenario:
            return " ".join((*self.greedy.explanation, tr("opt.greedy.not_comparable", lang)))
        return tr(
            "opt.greedy.gain",
            lang,
            gain=format_number(self.value_added, lang, 1),
            share=share,
            rank_by=tr(f"opt.greedy.rank_by.{self.greedy.solver.split(':')[-1]}", lang),
        )


def greedy_gap(
    workspace: Workspace,
    scenario: Scenario,
    *,
    rank_by: RankBy = "value_per_euro",
    optimal: PortfolioResult | None = None,
    lang: str = "en",
    scores: Scores | None = None,
) -> GreedyComparison:
    """How much value the optimizer adds over rank-and-cut at the same budget."""
    scores = scores or score(workspace, lang)
    greedy = greedy_portfolio(workspace, scenario, rank_by=rank_by, lang=lang, scores=scores)
    if optimal is None:
        optimal = optimize(workspace, scenario, lang=lang, explain=False, scores=scores)
    if optimal.objective is None or greedy.objective is None:
        return GreedyComparison(greedy, optimal, None, None)
    added = optimal.objective - greedy.objective
    share = added / abs(greedy.objective) if abs(greedy.objective) > 1e-12 else None
    return GreedyComparison(greedy, optimal, added, share)
