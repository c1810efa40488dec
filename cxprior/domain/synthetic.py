"""Reproducible synthetic CX portfolios, shaped like those of shared/SOLVER_NOTES.md.

For benchmarks and tests that need many initiatives: `synthetic_workspace(n, seed)`
always returns the same workspace for the same arguments (numpy's PCG64 generator).

Shape: 5 goals, 12 KPIs (each linked to one or two goals, employee-side eNPS and
attrition included), lognormal costs split over yearly periods "2026", "2027", …
(whole euros, `cost` = their sum), impacts on 1–3 KPIs each (mostly toward the target,
a few side effects), about 30 % of impacts with a low/high range (low ≤ impact ≤ high),
5 % with a prerequisite (always an earlier initiative, so no cycles), about 10 % in
exclusive groups of 2–4, 2 % mandatory, six journey phases, the four competencies.
The Budget sheet holds 40 % of the total cost per period and in total.

Feasibility by construction: mandatory initiatives are chosen among the cheapest half,
outside exclusive groups and without prerequisites, so they fit well within 40 % budgets
and the count cap; `synthetic_scenario` never forces out a mandatory initiative.

With `roadmap=True` (off by default, so the workspaces of every other benchmark stay as
they are) it also has a roadmap, drawn from a generator of its own after everything else:
five delivery teams; each initiative asks one or two of them for one person-day per k€ it
spends in a year; a third of the initiatives that are not mandatory are flexible: their
cost is spread over the first one or two periods only and they may start up to the last
period that keeps it inside the horizon. Each team's capacity is 45 % of what is asked of it
in each period at the earliest starts, and the budgets are recomputed as above.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from cxprior.domain.scenario import Scenario
from cxprior.domain.workspace import (
    TOTAL_PERIOD,
    Budget,
    Capacity,
    Competency,
    Direction,
    Effort,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    Workspace,
)

FIRST_YEAR = 2026
BUDGET_SHARE = 0.40
COUNT_CAP_SHARE = 0.15
FORCED_OUT_SHARE = 0.02
# each goal must bring at least this fraction of its normalised weight in value share
GOAL_SHARE_FACTOR = 0.5

GOALS = (
    ("G1", "Retain customers"),
    ("G2", "Win new customers"),
    ("G3", "Lower the cost to serve"),
    ("G4", "Engage employees"),
    ("G5", "Build trust"),
)
# kpi_id, name, unit, direction, baseline, target, side, goal indexes
KPIS = (
    ("NPS", "Net promoter score", "pts", Direction.INCREASE, 12.0, 35.0, "customer", (0, 1)),
    ("CSAT", "Customer satisfaction", "%", Direction.INCREASE, 72.0, 85.0, "customer", (0,)),
    ("CES", "Customer effort score", "pts", Direction.DECREASE, 3.4, 2.5, "customer", (2, 0)),
    ("CHURN", "Churn rate", "%", Direction.DECREASE, 14.0, 9.0, "customer", (0,)),
    ("FCR", "First-contact resolution", "%", Direction.INCREASE, 64.0, 80.0, "customer", (2,)),
    ("COMPLAINTS", "Complaints per 1,000 customers", "‰", Direction.DECREASE, 9.0, 5.0, "customer", (4,)),
    ("TTR", "Time to resolve", "days", Direction.DECREASE, 6.0, 2.0, "customer", (2, 4)),
    ("ENPS", "Employee net promoter score", "pts", Direction.INCREASE, -5.0, 20.0, "employee", (3,)),
    ("ATTRITION", "Advisor attrition", "%", Direction.DECREASE, 28.0, 18.0, "employee", (3, 2)),
    ("CONVERSION", "Online conversion", "%", Direction.INCREASE, 2.1, 3.5, "customer", (1,)),
    ("DIGITAL", "Digital self-service share", "%", Direction.INCREASE, 35.0, 60.0, "customer", (2, 1)),
    ("EMOTIONS", "Positive : negative emotions", "ratio", Direction.INCREASE, 1.6, 3.0, "customer", (4, 0)),
)
PHASES = ("Discover", "Buy", "Onboard", "Use", "Get help", "Renew")
TEAMS = ("Digital", "Customer care", "Marketing", "Operations", "Sales", "HR")
OWNERS = ("A. Martin", "B. Bernard", "C. Dubois", "D. Thomas", "E. Robert", "F. Richard", "G. Petit")
COMPETENCIES = (*Competency, None)


def synthetic_workspace(n: int, seed: int = 0, periods: int = 3, roadmap: bool = False) -> Workspace:
    """A synthetic workspace of `n` initiatives over `periods` yearly budget periods.

    `periods=0` gives single-cost initiatives (no cost columns, a total budget only).
    `roadmap=True` adds teams, efforts and start windows (see the module doc).
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    rng = np.random.default_rng(seed)
    period_names = tuple(str(FIRST_YEAR + k) for k in range(periods))
    goals = tuple(Goal(gid, name, float(rng.integers(1, 6))) for gid, name in GOALS)
    kpis = tuple(
        Kpi(kid, name, direction, baseline, target, unit, side)
        for kid, name, unit, direction, baseline, target, side, _ in KPIS
    )
    links = tuple(
        KpiGoalLink(spec[0], GOALS[g][0], 1.0 if rank == 0 else 0.5)
        for spec in KPIS
        for rank, g in enumerate(spec[7])
    )

    width = max(4, len(str(n)))
    ids = [f"I-{i + 1:0{width}d}" for i in range(n)]
    totals = np.clip(np.round(rng.lognormal(math.log(60_000), 1.0, n), -3), 5_000, 5_000_000)
    split = rng.dirichlet(np.full(max(periods, 1), 0.8), n)

    grouped = _exclusive_groups(rng, n)
    cheap = np.argsort(totals, kind="stable")[: max(1, n // 2)]
    candidates = [int(i) for i in cheap if int(i) not in grouped]
    mandatory = set(
        rng.choice(candidates, size=min(len(candidates), round(0.02 * n)), replace=False).tolist()
    )
    dependencies = _dependencies(rng, n, grouped, mandatory)

    initiatives = []
    for i in range(n):
        period_costs = _split(float(totals[i]), split[i], period_names)
        competency = COMPETENCIES[int(rng.integers(len(COMPETENCIES)))]
        initiatives.append(
            Initiative(
                initiative_id=ids[i],
                name=f"Initiative {i + 1}",
                cost=float(totals[i]),
                period_costs=period_costs,
                team=TEAMS[int(rng.integers(len(TEAMS)))],
                owner=OWNERS[int(rng.integers(len(OWNERS)))],
                journey_phase=PHASES[int(rng.integers(len(PHASES)))],
                confidence=float(rng.choice((0.5, 0.6, 0.7, 0.8, 0.9, 1.0))),
                mandatory=i in mandatory,
                depends_on=tuple(ids[j] for j in dependencies.get(i, ())),
                exclusive_group=grouped.get(i, ""),
                competency=competency,
            )
        )
    impacts = tuple(imp for i in range(n) for imp in _impacts(rng, ids[i], float(totals[i]), kpis))
    capacities: tuple[Capacity, ...] = ()
    efforts: tuple[Effort, ...] = ()
    if roadmap and len(period_names) > 1:
        initiatives, capacities, efforts = _roadmap(
            np.random.default_rng([seed, 16]), initiatives, period_names
        )

    budgets = [Budget(p, _budget(sum(x.period_costs[p] for x in initiatives))) for p in period_names]
    budgets.append(Budget(TOTAL_PERIOD, _budget(sum(x.cost for x in initiatives))))
    return Workspace(
        goals=goals,
        kpis=kpis,
        links=links,
        initiatives=tuple(initiatives),
        impacts=impacts,
        budgets=tuple(budgets),
        periods=period_names,
        capacities=capacities,
        efforts=efforts,
    )


ROADMAP_TEAMS = ("Digital", "Customer care", "Billing", "Marketing", "HR")
FLEXIBLE_SHARE = 1 / 3
CAPACITY_SHARE = 0.45


def _roadmap(
    rng: np.random.Generator, initiatives: list[Initiative], periods: tuple[str, ...]
) -> tuple[list[Initiative], tuple[Capacity, ...], tuple[Effort, ...]]:
    """Start windows, efforts and capacities (see the module doc)."""
    candidates = [k for k, i in enumerate(initiatives) if not i.mandatory]
    flexible = set(
        rng.choice(candidates, size=round(FLEXIBLE_SHARE * len(initiatives)), replace=False).tolist()
    )
    timed = []
    for k, initiative in enumerate(initiatives):
        if k in flexible:
            length = int(rng.integers(1, min(2, len(periods) - 1) + 1))
            split = _split(initiative.cost, rng.dirichlet(np.full(length, 2.0)), periods[:length])
            initiative = replace(
                initiative,
                period_costs={p: split.get(p, 0.0) for p in periods},
                latest_start=periods[len(periods) - length],
            )
        timed.append(initiative)
    efforts = []
    for initiative in timed:
        teams = rng.choice(len(ROADMAP_TEAMS), size=int(rng.integers(1, 3)), replace=False)
        weights = rng.dirichlet(np.full(len(teams), 2.0))
        for team, weight in zip(teams.tolist(), weights.tolist(), strict=True):
            for period in periods:
                work = round(weight * initiative.period_costs[period] / 1000)
                if work > 0:
                    efforts.append(Effort(initiative.initiative_id, ROADMAP_TEAMS[team], period, float(work)))
    asked: dict[tuple[str, str], float] = {}
    for effort in efforts:
        asked[effort.team, effort.period] = asked.get((effort.team, effort.period), 0.0) + effort.effort
    capacities = tuple(
        Capacity(team, period, float(round(CAPACITY_SHARE * asked.get((team, period), 0.0))))
        for team in ROADMAP_TEAMS
        for period in periods
    )
    return timed, capacities, tuple(efforts)


def synthetic_scenario(ws: Workspace) -> Scenario:
    """The "full" scenario of SOLVER_NOTES.md on a synthetic workspace.

    The Budget sheet's yearly budgets (or its total when there are no periods), a minimum
    value share per goal (half its normalised weight), at most 15 % of the initiatives,
    and 2 % forced out (never a mandatory initiative nor one of their prerequisites).
    """
    budgets = ws.budget_by_period
    by_period = {p: budgets[p] for p in ws.periods if p in budgets}
    total_weight = sum(g.weight for g in ws.goals)
    min_share = {g.goal_id: round(GOAL_SHARE_FACTOR * g.weight / total_weight, 4) for g in ws.goals}
    n = len(ws.initiatives)
    protected = _mandatory_closure(ws)
    # deterministic: every k-th initiative that may be left out
    eligible = [i.initiative_id for i in ws.initiatives if i.initiative_id not in protected]
    count = round(FORCED_OUT_SHARE * n)
    step = max(1, len(eligible) // max(count, 1))
    force_out = tuple(eligible[::step][:count])
    return Scenario(
        name="Synthetic full",
        budget_total=None if by_period else budgets.get(TOTAL_PERIOD),
        budget_by_period=by_period,
        max_initiatives=max(math.ceil(COUNT_CAP_SHARE * n), len(protected)),
        min_goal_share=min_share,
        force_out=force_out,
    )


# --- pieces ---------------------------------------------------------------------------


def _exclusive_groups(rng: np.random.Generator, n: int) -> dict[int, str]:
    """About 10 % of the initiatives in groups of 2–4 alternatives."""
    target = round(0.10 * n)
    order = rng.permutation(n)
    grouped: dict[int, str] = {}
    position = 0
    number = 0
    while len(grouped) + 2 <= target and position + 2 <= n:
        size = min(int(rng.integers(2, 5)), target - len(grouped), n - position)
        if size < 2:
            break
        number += 1
        for index in order[position : position + size]:
            grouped[int(index)] = f"X{number:03d}"
        position += size
    return grouped


def _dependencies(
    rng: np.random.Generator, n: int, grouped: dict[int, str], mandatory: set[int]
) -> dict[int, tuple[int, ...]]:
    """5 % of the initiatives need one earlier initiative (acyclic by construction)."""
    candidates = [i for i in range(1, n) if i not in mandatory]
    count = min(len(candidates), round(0.05 * n))
    dependent = rng.choice(candidates, size=count, replace=False) if count else []
    result: dict[int, tuple[int, ...]] = {}
    for i in sorted(int(x) for x in dependent):
        prerequisite = int(rng.integers(0, i))
        # a prerequisite in the item's own exclusive group would make it unselectable
        if grouped.get(prerequisite) and grouped.get(prerequisite) == grouped.get(i):
            continue
        result[i] = (prerequisite,)
    return result


def _split(total: float, shares: np.ndarray, periods: tuple[str, ...]) -> dict[str, float]:
    """Whole-euro period costs that add up exactly to `total`."""
    if not periods:
        return {}
    parts = [float(math.floor(total * s)) for s in shares[:-1]]
    parts.append(total - sum(parts))
    return dict(zip(periods, parts, strict=True))


def _impacts(
    rng: np.random.Generator, initiative_id: str, cost: float, kpis: tuple[Kpi, ...]
) -> list[Impact]:
    count = int(rng.integers(1, 4))
    chosen = rng.choice(len(kpis), size=count, replace=False)
    # bigger initiatives move KPIs further, with much noise: value is not proportional to cost
    scale = 0.02 * (cost / 60_000) ** 0.6
    result = []
    for k in sorted(int(x) for x in chosen):
        kpi = kpis[k]
        progress = min(0.5, scale * float(rng.lognormal(0.0, 0.7)))
        if rng.random() < 0.05:
            progress = -progress / 4  # a side effect away from the target
        toward = 1.0 if kpi.direction is Direction.INCREASE else -1.0
        impact = round(toward * progress * kpi.span, 3) or round(toward * 0.001, 3)
        low = high = None
        if rng.random() < 0.3:
            a, b = round(impact * 0.5, 3), round(impact * 1.5, 3)
            low, high = min(a, b), max(a, b)
        result.append(Impact(initiative_id, kpi.kpi_id, impact, low, high))
    return result


def _budget(asked: float) -> float:
    return float(round(BUDGET_SHARE * asked))


def _mandatory_closure(ws: Workspace) -> set[str]:
    """Mandatory initiatives and, transitively, everything they need."""
    by_id = ws.initiative_by_id
    stack = [i.initiative_id for i in ws.initiatives if i.mandatory]
    seen: set[str] = set()
    while stack:
        current = stack.pop()
        if current in seen or current not in by_id:
            continue
        seen.add(current)
        stack.extend(by_id[current].depends_on)
    return seen
