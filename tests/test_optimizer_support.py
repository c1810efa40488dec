"""Hand-made workspaces for the optimizer tests, where every value is what the case says.

One KPI per goal (increase, baseline 0, target 100, strength 1) and goals of equal
weight: an initiative with impact `value × number of goals` on its goal's KPI is worth
exactly `value` points, all of it to that goal. Costs are whole euros.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cxprior.domain import (
    TOTAL_PERIOD,
    Budget,
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Workspace,
    score,
)


@dataclass(frozen=True)
class Item:
    iid: str
    value: float
    cost: float | dict[str, float] = 0.0
    goal: str = "G1"
    phase: str = ""
    group: str = ""
    needs: tuple[str, ...] = ()
    mandatory: bool = False
    name: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def make_workspace(
    items: list[Item],
    *,
    goals: tuple[str, ...] = ("G1",),
    periods: tuple[str, ...] = (),
    budgets: dict[str, float] | None = None,
) -> Workspace:
    """A workspace whose initiatives are worth exactly their `value` (see module doc)."""
    initiatives = []
    impacts = []
    for item in items:
        if isinstance(item.cost, dict):
            period_costs = {p: float(item.cost.get(p, 0.0)) for p in periods}
            cost = sum(period_costs.values())
        else:
            period_costs, cost = {}, float(item.cost)
        initiatives.append(
            Initiative(
                initiative_id=item.iid,
                name=item.name or f"Initiative {item.iid}",
                cost=cost,
                period_costs=period_costs,
                journey_phase=item.phase,
                mandatory=item.mandatory,
                depends_on=item.needs,
                exclusive_group=item.group,
                **item.extra,  # type: ignore[arg-type]
            )
        )
        if item.value:
            impacts.append(Impact(item.iid, f"K{item.goal}", item.value * len(goals)))
    return Workspace(
        goals=tuple(Goal(g, f"Goal {g}", 1.0) for g in goals),
        kpis=tuple(Kpi(f"K{g}", f"KPI of {g}", Direction.INCREASE, 0.0, 100.0) for g in goals),
        links=tuple(KpiGoalLink(f"K{g}", g, 1.0) for g in goals),
        initiatives=tuple(initiatives),
        impacts=tuple(impacts),
        budgets=tuple(Budget(p, float(v)) for p, v in (budgets or {}).items()),
        periods=periods,
    )


def test_an_item_is_worth_exactly_its_value_on_its_goal():
    ws = make_workspace(
        [Item("A", 12.5, 10, goal="G2"), Item("B", -3, 5)], goals=("G1", "G2"), budgets={TOTAL_PERIOD: 7}
    )
    scores = score(ws)
    assert scores.value == {"A": 12.5, "B": -3.0}
    assert scores.by_goal["A"] == {"G1": 0.0, "G2": 12.5}
    assert ws.budget_by_period == {"total": 7.0}
