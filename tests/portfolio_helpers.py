"""Build PortfolioResult objects for page and table tests from a workspace and a selection."""

from __future__ import annotations

from cxprior.domain import ExclusionReason, FocusIndicators, PortfolioResult, Scenario, Workspace, score


def solved(
    workspace: Workspace,
    selected: tuple[str, ...],
    scenario: Scenario | None = None,
    exclusions: tuple[ExclusionReason, ...] = (),
) -> PortfolioResult:
    """The result an optimizer would report for `selected` (values from the value model)."""
    scores = score(workspace)
    chosen = [workspace.initiative_by_id[i] for i in selected]
    phases = {i.journey_phase for i in chosen if i.journey_phase}
    return PortfolioResult(
        status="optimal",
        objective=sum(scores.value[i] for i in selected),
        gap=0.0,
        selected=tuple(selected),
        total_cost=sum(i.cost for i in chosen),
        cost_by_period={p: sum(i.cost_in(p) for i in chosen) for p in workspace.periods},
        value_by_goal=scores.value_by_goal(selected),
        solver="highs",
        solve_seconds=0.01,
        scenario=scenario,
        focus=FocusIndicators(len(chosen), len(phases), "", 1.0, 1.0),
        exclusions=exclusions,
    )
