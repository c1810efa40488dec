"""Value scoring (DESIGN.md, "Value model").

`value_i = 100 × confidence_i × Σ_k W_k × progress_ik`, with `W_k = Σ_g w_g × strength_kg`
and normalised goal weights `w_g`. Splitting the sum by goal gives each initiative's
contribution per goal; the per-goal parts add up to the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxprior.domain.workspace import Workspace
from cxprior.i18n import tr

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class ValueWarning:
    """A finding that does not stop anything but that the user must see."""

    code: str  # "kpi_disconnected" | "initiative_disconnected" | "initiative_no_impact"
    subject_id: str
    message: str


@dataclass(frozen=True)
class Scores:
    """Value of every initiative, split by goal and by KPI (value points)."""

    value: dict[str, float]
    by_goal: dict[str, dict[str, float]]
    by_kpi: dict[str, dict[str, float]]
    kpi_weight: dict[str, float]
    goal_weight: dict[str, float]
    warnings: tuple[ValueWarning, ...]

    def value_by_goal(self, initiative_ids: list[str] | tuple[str, ...]) -> dict[str, float]:
        """Sum of the given initiatives' contributions, per goal (every goal listed)."""
        totals = dict.fromkeys(self.goal_weight, 0.0)
        for iid in initiative_ids:
            for goal_id, part in self.by_goal.get(iid, {}).items():
                totals[goal_id] += part
        return totals


EUROS_PER_MEUR = 1_000_000


def value_per_meur(value: float, cost: float) -> float | None:
    """Value points bought per million euros, the one unit every page and export uses; None
    when nothing is spent (a free initiative has no ratio)."""
    return value / cost * EUROS_PER_MEUR if cost > 0 else None


def nan_if_none(number: float | None) -> float:
    """For tables: an absent ratio is a blank cell (NaN), not a zero."""
    return float("nan") if number is None else number


def goal_weights(workspace: Workspace) -> dict[str, float]:
    """Normalised goal weights w_g (they sum to 1); empty without goals."""
    total = sum(g.weight for g in workspace.goals)
    if total <= 0:
        return {g.goal_id: 0.0 for g in workspace.goals}
    return {g.goal_id: g.weight / total for g in workspace.goals}


def kpi_goal_weights(workspace: Workspace) -> dict[str, dict[str, float]]:
    """For each KPI, w_g × strength_kg per linked goal; a KPI without links maps to {}."""
    weights = goal_weights(workspace)
    result: dict[str, dict[str, float]] = {k.kpi_id: {} for k in workspace.kpis}
    for link in workspace.links:
        if link.kpi_id in result and link.goal_id in weights:
            parts = result[link.kpi_id]
            parts[link.goal_id] = parts.get(link.goal_id, 0.0) + weights[link.goal_id] * link.strength
    return result


def score(workspace: Workspace, lang: str = "en") -> Scores:
    """Score every initiative of the workspace and collect the disconnection warnings."""
    per_goal_weight = kpi_goal_weights(workspace)
    kpi_weight = {k: sum(parts.values()) for k, parts in per_goal_weight.items()}
    kpis = workspace.kpi_by_id
    goal_ids = [g.goal_id for g in workspace.goals]

    warnings: list[ValueWarning] = []
    for kpi in workspace.kpis:
        if not per_goal_weight[kpi.kpi_id]:
            warnings.append(
                ValueWarning(
                    "kpi_disconnected",
                    kpi.kpi_id,
                    tr("value.kpi_disconnected", lang, kpi_id=kpi.kpi_id, name=kpi.name),
                )
            )

    value: dict[str, float] = {}
    by_goal: dict[str, dict[str, float]] = {}
    by_kpi: dict[str, dict[str, float]] = {}
    impacts_of = workspace.impacts_by_initiative
    for initiative in workspace.initiatives:
        iid = initiative.initiative_id
        goal_parts = dict.fromkeys(goal_ids, 0.0)
        kpi_parts: dict[str, float] = {}
        for imp in impacts_of.get(iid, ()):
            kpi = kpis.get(imp.kpi_id)
            if kpi is None:
                continue
            points = 100.0 * initiative.confidence * kpi.progress(imp.impact)
            kpi_parts[imp.kpi_id] = kpi_parts.get(imp.kpi_id, 0.0) + points * kpi_weight[imp.kpi_id]
            for goal_id, weight in per_goal_weight[imp.kpi_id].items():
                goal_parts[goal_id] += points * weight
        value[iid] = sum(kpi_parts.values())
        by_goal[iid] = goal_parts
        by_kpi[iid] = kpi_parts
        if not kpi_parts:
            warnings.append(
                ValueWarning(
                    "initiative_no_impact",
                    iid,
                    tr("value.initiative_no_impact", lang, initiative_id=iid, name=initiative.name),
                )
            )
        elif all(kpi_weight[k] == 0 for k in kpi_parts):
            warnings.append(
                ValueWarning(
                    "initiative_disconnected",
                    iid,
                    tr(
                        "value.initiative_disconnected",
                        lang,
                        initiative_id=iid,
                        name=initiative.name,
                        kpis=", ".join(sorted(kpi_parts)),
                    ),
                )
            )
    return Scores(value, by_goal, by_kpi, kpi_weight, goal_weights(workspace), tuple(warnings))


def value_table(workspace: Workspace, scores: Scores | None = None) -> pd.DataFrame:
    """One row per initiative: id, name, phase, cost, value, value per € and value per goal.

    Columns: initiative_id, name, team, journey_phase, cost, confidence, mandatory,
    value, value_per_meur (value points per million euros), then `goal:<goal_id>` per goal.
    """
    import pandas as pd  # here, not at the top: `score` (validate, optimize) needs no pandas

    scores = scores or score(workspace)
    rows = []
    for i in workspace.initiatives:
        v = scores.value[i.initiative_id]
        row = {
            "initiative_id": i.initiative_id,
            "name": i.name,
            "team": i.team,
            "journey_phase": i.journey_phase,
            "cost": i.cost,
            "confidence": i.confidence,
            "mandatory": i.mandatory,
            "value": v,
            "value_per_meur": nan_if_none(value_per_meur(v, i.cost)),
        }
        for goal_id, part in scores.by_goal[i.initiative_id].items():
            row[f"goal:{goal_id}"] = part
        rows.append(row)
    return pd.DataFrame(rows)
