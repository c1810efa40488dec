"""Tables about one portfolio that the Scenario and COMEX review pages display.

Every function takes domain objects and returns a new DataFrame with canonical column
names and raw numbers; pages translate the headers and format the money.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cxprior.domain import PortfolioResult, Scores, Workspace, nan_if_none, value_per_meur

NO_GOAL = ""  # main goal of an initiative that serves none


def main_goal(scores: Scores, initiative_id: str) -> str:
    """The goal an initiative contributes most to; NO_GOAL when it serves none positively."""
    parts = scores.by_goal.get(initiative_id, {})
    best = max(parts.items(), key=lambda item: item[1], default=(NO_GOAL, 0.0))
    return best[0] if best[1] > 0 else NO_GOAL


def initiative_frame(workspace: Workspace, scores: Scores, selected: Iterable[str] = ()) -> pd.DataFrame:
    """One row per initiative: id, name, team, phase, cost (total and per period),
    confidence, mandatory, value, value per k€, main goal id and whether it is selected."""
    chosen = set(selected)
    rows = []
    for i in workspace.initiatives:
        value = scores.value.get(i.initiative_id, 0.0)
        row: dict[str, object] = {
            "initiative_id": i.initiative_id,
            "name": i.name,
            "team": i.team,
            "journey_phase": i.journey_phase,
            "cost": i.cost,
        }
        for period in workspace.periods:
            row[f"cost_{period}"] = i.cost_in(period)
        row |= {
            "confidence": i.confidence,
            "mandatory": i.mandatory,
            "value": value,
            "value_per_meur": nan_if_none(value_per_meur(value, i.cost)),
            "main_goal": main_goal(scores, i.initiative_id),
            "selected": i.initiative_id in chosen,
        }
        rows.append(row)
    columns = [
        "initiative_id",
        "name",
        "team",
        "journey_phase",
        "cost",
        *(f"cost_{p}" for p in workspace.periods),
        "confidence",
        "mandatory",
        "value",
        "value_per_meur",
        "main_goal",
        "selected",
    ]
    return pd.DataFrame(rows, columns=columns)


def selected_table(workspace: Workspace, result: PortfolioResult, scores: Scores) -> pd.DataFrame:
    """The funded initiatives, most valuable first."""
    frame = initiative_frame(workspace, scores, result.selected)
    frame = frame[frame["selected"]].drop(columns="selected")
    return frame.sort_values(["value", "initiative_id"], ascending=[False, True], ignore_index=True)


def excluded_table(workspace: Workspace, result: PortfolioResult, scores: Scores) -> pd.DataFrame:
    """The initiatives left out with the optimizer's reason (empty text when it gave none),
    most valuable first: the ones a reader will ask about."""
    reasons = {e.initiative_id: e for e in result.exclusions}
    frame = initiative_frame(workspace, scores, result.selected)
    frame = frame[~frame["selected"]].drop(columns="selected")
    frame["reason_code"] = [reasons[i].code if i in reasons else "" for i in frame["initiative_id"]]
    frame["reason"] = [reasons[i].message if i in reasons else "" for i in frame["initiative_id"]]
    return frame.sort_values(["value", "initiative_id"], ascending=[False, True], ignore_index=True)


def spend_by_goal(workspace: Workspace, scores: Scores, initiative_ids: Iterable[str]) -> pd.DataFrame:
    """Cost and value per goal for a set of initiatives.

    An initiative serving several goals has its cost split in proportion to its positive
    contribution to each; an initiative serving none is counted under NO_GOAL.
    Columns: goal_id, cost, value, count (initiatives whose main goal it is).
    """
    goal_ids = [g.goal_id for g in workspace.goals]
    cost = dict.fromkeys(goal_ids, 0.0)
    value = dict.fromkeys(goal_ids, 0.0)
    count = dict.fromkeys(goal_ids, 0)
    by_id = workspace.initiative_by_id
    for iid in initiative_ids:
        initiative = by_id[iid]
        parts = scores.by_goal.get(iid, {})
        positive = {g: v for g, v in parts.items() if v > 0}
        total = sum(positive.values())
        for g, v in parts.items():
            value[g] = value.get(g, 0.0) + v
        if total > 0:
            for g, v in positive.items():
                cost[g] += initiative.cost * v / total
        else:
            cost[NO_GOAL] = cost.get(NO_GOAL, 0.0) + initiative.cost
            value.setdefault(NO_GOAL, 0.0)
        home = main_goal(scores, iid)
        count[home] = count.get(home, 0) + 1
    keys = [*goal_ids, *([NO_GOAL] if NO_GOAL in cost else [])]
    return pd.DataFrame(
        {
            "goal_id": keys,
            "cost": [cost[k] for k in keys],
            "value": [value.get(k, 0.0) for k in keys],
            "count": [count.get(k, 0) for k in keys],
        }
    )


def funded_by_goal(workspace: Workspace, result: PortfolioResult, scores: Scores) -> pd.DataFrame:
    """Funded initiatives grouped under their main goal (goals in workbook order, then by
    value), with the cost of each period: what COMEX approves, year by year."""
    order = {g.goal_id: k for k, g in enumerate(workspace.goals)}
    frame = selected_table(workspace, result, scores)
    frame["goal_order"] = [order.get(g, len(order)) for g in frame["main_goal"]]
    frame = frame.sort_values(["goal_order", "value", "initiative_id"], ascending=[True, False, True])
    columns = [
        "main_goal",
        "initiative_id",
        "name",
        "journey_phase",
        *(f"cost_{p}" for p in workspace.periods),
        "cost",
        "value",
    ]
    return frame[columns].reset_index(drop=True)
