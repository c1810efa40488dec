"""Domain types: the one representation of a workspace, used everywhere.

Every type is a frozen dataclass. Collections inside are tuples, and mappings are plain
dicts that nobody mutates (operations return new objects with `dataclasses.replace`).
Amounts are in euros; ids are stripped strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

TOTAL_PERIOD = "total"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class Competency(StrEnum):
    """The four CX competencies of the maturity diagnostic (CX_PRIMER.md)."""

    CUSTOMER_UNDERSTANDING = "customer_understanding"
    STRATEGY_ENGAGEMENT = "strategy_engagement"
    CULTURE_MANAGEMENT = "culture_management"
    DESIGN_IMPROVEMENT = "design_improvement"


# the words a workbook may use for a competency or a KPI's side, French ones included
COMPETENCY_WORDS = {
    "customer_understanding": "customer_understanding",
    "compréhension_client": "customer_understanding",
    "comprehension_client": "customer_understanding",
    "compréhension du client": "customer_understanding",
    "strategy_engagement": "strategy_engagement",
    "stratégie_engagement": "strategy_engagement",
    "strategie_engagement": "strategy_engagement",
    "stratégie et engagement": "strategy_engagement",
    "culture_management": "culture_management",
    "culture et management": "culture_management",
    "design_improvement": "design_improvement",
    "design_amélioration": "design_improvement",
    "design_amelioration": "design_improvement",
    "design et amélioration continue": "design_improvement",
}
SIDE_WORDS = {
    "customer": "customer",
    "client": "customer",
    "employee": "employee",
    "salarié": "employee",
    "salarie": "employee",
    "collaborateur": "employee",
}


def fold(text: str | None) -> str:
    """How names are compared: case, accents and runs of spaces ignored ("Obtenir  de l'Aide" is
    "obtenir de l'aide", "Réclamations" is "reclamations")."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


# "Souscrire > Emménager": an initiative on the gap between two phases of the journey
PHASE_TRANSITION = re.compile(r"\s*(?:->|→|>)\s*")


def phases_of(journey_phase: str | None) -> tuple[str, ...]:
    """The phases a `journey_phase` names: () for none, (A,) for a phase, (A, B) for a transition.

    Empty parts are dropped and a phase repeated next to itself counts once ("A > A" is A).
    """
    phases: list[str] = []
    for part in (p.strip() for p in PHASE_TRANSITION.split(journey_phase or "")):
        if part and (not phases or fold(phases[-1]) != fold(part)):
            phases.append(part)
    return tuple(phases)


def competency_of(word: object) -> str | None:
    """The canonical competency a word names ("Culture et management" too), or None."""
    if isinstance(word, Competency):
        return word.value
    if not isinstance(word, str):
        return None
    text = word.strip().casefold()
    return COMPETENCY_WORDS.get(text) or COMPETENCY_WORDS.get(text.replace(" ", "_"))


def side_of(word: object) -> str:
    """ "employee" or "customer": anything not recognised as employee-side is customer-side."""
    return SIDE_WORDS.get(str(word or "").strip().casefold(), "customer")


@dataclass(frozen=True)
class Goal:
    goal_id: str
    name: str
    weight: float
    description: str = ""


@dataclass(frozen=True)
class Kpi:
    kpi_id: str
    name: str
    direction: Direction
    baseline: float
    target: float
    unit: str = ""
    # "customer" or "employee": the employee–customer circle (CX_PRIMER.md) counts both
    side: str = "customer"

    @property
    def span(self) -> float:
        """Distance from baseline to target; an impact of this size is 100 % progress."""
        return abs(self.target - self.baseline)

    def progress(self, impact: float) -> float:
        """Share of the way to the target that `impact` moves, positive toward the target."""
        signed = impact if self.direction is Direction.INCREASE else -impact
        return signed / self.span


@dataclass(frozen=True)
class KpiGoalLink:
    kpi_id: str
    goal_id: str
    strength: float = 1.0


@dataclass(frozen=True)
class Initiative:
    initiative_id: str
    name: str
    cost: float
    period_costs: dict[str, float] = field(default_factory=dict)
    team: str = ""
    owner: str = ""
    journey_phase: str = ""
    confidence: float = 1.0
    mandatory: bool = False
    depends_on: tuple[str, ...] = ()
    exclusive_group: str = ""
    competency: Competency | None = None
    description: str = ""
    # roadmap (contract v2): the latest cost period it may start in (None: its start is fixed
    # at its earliest start), and the initiatives that must be funded and finished first
    latest_start: str | None = None
    starts_after: tuple[str, ...] = ()

    def cost_in(self, period: str) -> float:
        """Cost in one budget period; the `total` period is the whole cost."""
        if period == TOTAL_PERIOD:
            return self.cost
        return self.period_costs.get(period, 0.0)


@dataclass(frozen=True)
class Impact:
    initiative_id: str
    kpi_id: str
    impact: float
    impact_low: float | None = None
    impact_high: float | None = None


@dataclass(frozen=True)
class Budget:
    period: str  # TOTAL_PERIOD or a cost period
    amount: float


@dataclass(frozen=True)
class Capacity:
    """What a team can deliver in one cost period, in the workspace's effort unit (person-days)."""

    team: str
    period: str
    capacity: float


@dataclass(frozen=True)
class Effort:
    """The work an initiative asks of a team in a period, when it starts at its earliest start."""

    initiative_id: str
    team: str
    period: str
    effort: float


@dataclass(frozen=True)
class Workspace:
    """Goals, KPIs, links, initiatives, impacts and default budgets of one company.

    `periods` are the budget periods that have cost columns (`cost_<period>`), in the
    workbook's order; empty when initiatives only have a single `cost`.
    """

    goals: tuple[Goal, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    links: tuple[KpiGoalLink, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    impacts: tuple[Impact, ...] = ()
    budgets: tuple[Budget, ...] = ()
    periods: tuple[str, ...] = ()
    # roadmap (contract v2): team capacity per period and the initiatives' efforts
    capacities: tuple[Capacity, ...] = ()
    efforts: tuple[Effort, ...] = ()

    @cached_property
    def goal_by_id(self) -> dict[str, Goal]:
        return {g.goal_id: g for g in self.goals}

    @cached_property
    def kpi_by_id(self) -> dict[str, Kpi]:
        return {k.kpi_id: k for k in self.kpis}

    @cached_property
    def initiative_by_id(self) -> dict[str, Initiative]:
        return {i.initiative_id: i for i in self.initiatives}

    @cached_property
    def impacts_by_initiative(self) -> dict[str, tuple[Impact, ...]]:
        grouped: dict[str, list[Impact]] = {}
        for imp in self.impacts:
            grouped.setdefault(imp.initiative_id, []).append(imp)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def efforts_by_initiative(self) -> dict[str, tuple[Effort, ...]]:
        grouped: dict[str, list[Effort]] = {}
        for effort in self.efforts:
            grouped.setdefault(effort.initiative_id, []).append(effort)
        return {k: tuple(v) for k, v in grouped.items()}

    @property
    def teams(self) -> tuple[str, ...]:
        """The teams of the Capacity sheet, in order of first appearance."""
        return tuple(dict.fromkeys(c.team for c in self.capacities))

    @property
    def budget_by_period(self) -> dict[str, float]:
        return {b.period: b.amount for b in self.budgets}

    @property
    def journey_phases(self) -> tuple[str, ...]:
        """Phases in order of first appearance; initiatives without a phase are left out."""
        seen: dict[str, None] = {}
        for i in self.initiatives:
            if i.journey_phase:
                seen.setdefault(i.journey_phase, None)
        return tuple(seen)

    def __getstate__(self) -> dict[str, object]:
        # cached lookups are derived; keep pickles (st.cache_data, the store) small
        return {f: getattr(self, f) for f in self.__dataclass_fields__}

    def __setstate__(self, state: dict[str, object]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)


@dataclass(frozen=True)
class TeamBacklog:
    """A team's workbook with only initiatives (and impacts): merged into a workspace."""

    initiatives: tuple[Initiative, ...] = ()
    impacts: tuple[Impact, ...] = ()
    periods: tuple[str, ...] = ()
