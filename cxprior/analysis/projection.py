"""Expected KPI movement of a portfolio: baseline → projected, against the target.

Impacts add up (the value model's assumption) and are weighted by each initiative's
confidence, so `projected` is the expected level, not the best case. When impacts carry a
range, `projected_low`/`projected_high` use the pessimistic/optimistic ends (an impact
without a range counts as its own value at both ends).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cxprior.domain import Workspace
from cxprior.i18n import format_number, normalise_language

COLUMNS = [
    "kpi_id",
    "name",
    "unit",
    "direction",
    "baseline",
    "movement",
    "projected",
    "projected_low",
    "projected_high",
    "target",
    "progress",
    "reaches_target",
    "goal_ids",
    "initiatives",
]


def kpi_projection(workspace: Workspace, initiative_ids: Iterable[str]) -> pd.DataFrame:
    """One row per KPI of the workspace (in its order) for the given portfolio.

    `progress` is the share of the way from baseline to target reached (1 = target met,
    negative = moving away); `initiatives` counts the portfolio's initiatives moving it.
    """
    chosen = set(initiative_ids)
    by_id = workspace.initiative_by_id
    move = {k.kpi_id: 0.0 for k in workspace.kpis}
    low = dict(move)
    high = dict(move)
    movers: dict[str, set[str]] = {k.kpi_id: set() for k in workspace.kpis}
    for imp in workspace.impacts:
        if imp.initiative_id not in chosen or imp.kpi_id not in move or imp.initiative_id not in by_id:
            continue
        confidence = by_id[imp.initiative_id].confidence
        move[imp.kpi_id] += confidence * imp.impact
        low[imp.kpi_id] += confidence * (imp.impact if imp.impact_low is None else imp.impact_low)
        high[imp.kpi_id] += confidence * (imp.impact if imp.impact_high is None else imp.impact_high)
        movers[imp.kpi_id].add(imp.initiative_id)
    goals_of: dict[str, list[str]] = {k.kpi_id: [] for k in workspace.kpis}
    for link in workspace.links:
        if link.kpi_id in goals_of and link.goal_id in workspace.goal_by_id:
            goals_of[link.kpi_id].append(link.goal_id)
    rows = []
    for kpi in workspace.kpis:
        k = kpi.kpi_id
        progress = kpi.progress(move[k])
        rows.append(
            {
                "kpi_id": k,
                "name": kpi.name,
                "unit": kpi.unit,
                "direction": kpi.direction.value,
                "baseline": kpi.baseline,
                "movement": move[k],
                "projected": kpi.baseline + move[k],
                # pessimistic is the end that moves least toward the target
                "projected_low": kpi.baseline + min(low[k], high[k], key=kpi.progress),
                "projected_high": kpi.baseline + max(low[k], high[k], key=kpi.progress),
                "target": kpi.target,
                "progress": progress,
                "reaches_target": progress >= 1.0 - 1e-9,
                "goal_ids": tuple(goals_of[k]),
                "initiatives": len(movers[k]),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def format_level(value: float, unit: str = "", lang: str = "en") -> str:
    """A KPI level with its unit and at most two decimals: 42 pts, 12,5 % (fr), 3.25 s."""
    if value is None or value != value:
        return "–"
    decimal = "," if normalise_language(lang) == "fr" else "."
    whole, _, fraction = format_number(value, lang, 2).rpartition(decimal)
    fraction = fraction.rstrip("0")
    text = f"{whole}{decimal}{fraction}" if fraction else whole
    return f"{text}\u00a0{unit}" if unit else text
