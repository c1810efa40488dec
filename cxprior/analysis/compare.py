"""Scenarios side by side: headline metrics, a selection matrix, and what each one gains
and gives up against a reference.

A `ScenarioRun` keeps the workspace it was solved on, so a run stays readable after the
workspace is edited (the pages flag such a run as solved on an earlier workspace).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from cxprior.domain import PortfolioResult, Scenario, Scores, Workspace, score, value_per_meur
from cxprior.i18n import format_money, format_number, format_percent, tr


@dataclass(frozen=True)
class ScenarioRun:
    """One optimisation the user ran: what was asked, what came back, on which data."""

    name: str
    scenario: Scenario
    result: PortfolioResult
    workspace: Workspace
    lang: str = "en"  # the language of the result's sentences (reasons, explanations)
    # False while the result has its portfolio and figures but not yet its reasons
    explained: bool = True


@dataclass(frozen=True)
class ScenarioDelta:
    reference: str
    other: str
    gained: tuple[str, ...]
    given_up: tuple[str, ...]
    gained_value: float
    given_up_value: float
    gained_cost: float
    given_up_cost: float

    @property
    def value_change(self) -> float:
        return self.gained_value - self.given_up_value

    @property
    def cost_change(self) -> float:
        return self.gained_cost - self.given_up_cost


METRICS = (
    "status",
    "value",
    "total_cost",
    "budget",
    "count",
    "phases",
    "top_phase_share",
    "value_per_meur",
)


def _budget(scenario: Scenario) -> float | None:
    if scenario.budget_total is not None:
        return scenario.budget_total
    if scenario.budget_by_period:
        return sum(scenario.budget_by_period.values())
    return None


def metrics_frame(
    runs: Sequence[ScenarioRun], lang: str = "en", saved_status: Sequence[str] | None = None
) -> pd.DataFrame:
    """Rows = metrics (translated labels, then cost per period), columns = scenario names;
    cells are text formatted for `lang` so the table reads the same in any browser.
    `saved_status`, one per run (draft, submitted… as the reader words them), is the first
    row when given: statuses sit in a row, the headers are the names only."""
    periods: list[str] = []
    for run in runs:
        periods += [p for p in run.result.cost_by_period if p not in periods]
    labels = [tr("ui.compare.saved_status", lang)] if saved_status is not None else []
    labels += [tr(f"ui.metric.{m}", lang) for m in METRICS]
    labels += [tr("ui.metric.cost_in", lang, period=p) for p in periods]
    columns: dict[str, list[str]] = {}
    for index, run in enumerate(runs):
        result, focus = run.result, run.result.focus
        solved = result.is_solved
        value = result.objective if solved else None
        cells = [
            tr(f"ui.status.{result.status}", lang),
            format_number(value, lang, 1) if value is not None else "–",
            format_money(result.total_cost, lang) if solved else "–",
            format_money(_budget(run.scenario), lang) if _budget(run.scenario) is not None else "–",
            format_number(len(result.selected), lang) if solved else "–",
            format_number(focus.phases_touched, lang) if focus and solved else "–",
            format_percent(focus.top_phase_spend_share, lang) if focus and solved else "–",
            format_number(per_meur, lang, 1)
            if value is not None and (per_meur := value_per_meur(value, result.total_cost)) is not None
            else "–",
        ]
        cells += [
            format_money(result.cost_by_period[p], lang) if solved and p in result.cost_by_period else "–"
            for p in periods
        ]
        columns[run.name] = ([saved_status[index]] if saved_status is not None else []) + cells
    return pd.DataFrame(columns, index=pd.Index(labels, name=tr("ui.metric.header", lang)))


def selection_matrix(runs: Sequence[ScenarioRun]) -> pd.DataFrame:
    """Initiatives funded by at least one scenario × scenarios (True = funded).

    Columns: initiative_id, name, then one boolean column per scenario name. Rows funded
    by every scenario come first, then by how many scenarios fund them, then by id.
    """
    names: dict[str, str] = {}
    for run in runs:
        for iid in run.result.selected:
            initiative = run.workspace.initiative_by_id.get(iid)
            names.setdefault(iid, initiative.name if initiative else "")
    chosen = {run.name: set(run.result.selected) for run in runs}
    rows = []
    for iid, name in names.items():
        row: dict[str, object] = {"initiative_id": iid, "name": name}
        row |= {run.name: iid in chosen[run.name] for run in runs}
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["initiative_id", "name", *(r.name for r in runs)])
    frame["_n"] = frame[[r.name for r in runs]].sum(axis=1) if runs else 0
    frame = frame.sort_values(["_n", "initiative_id"], ascending=[False, True])
    return frame.drop(columns="_n").reset_index(drop=True)


def scenario_delta(
    reference: ScenarioRun, other: ScenarioRun, scores: dict[str, Scores] | None = None
) -> ScenarioDelta:
    """What `other` funds that `reference` does not (gained) and the reverse (given up).

    Values and costs come from each run's own workspace: gained items are valued as
    `other` valued them, given-up items as `reference` did.
    """
    scores = scores or {}
    ref_scores = scores.get(reference.name) or score(reference.workspace)
    other_scores = scores.get(other.name) or score(other.workspace)
    ref_ids, other_ids = set(reference.result.selected), set(other.result.selected)
    gained = tuple(sorted(other_ids - ref_ids))
    given_up = tuple(sorted(ref_ids - other_ids))
    return ScenarioDelta(
        reference=reference.name,
        other=other.name,
        gained=gained,
        given_up=given_up,
        gained_value=sum(other_scores.value.get(i, 0.0) for i in gained),
        given_up_value=sum(ref_scores.value.get(i, 0.0) for i in given_up),
        gained_cost=sum(other.workspace.initiative_by_id[i].cost for i in gained),
        given_up_cost=sum(reference.workspace.initiative_by_id[i].cost for i in given_up),
    )


def delta_sentence(delta: ScenarioDelta, lang: str = "en") -> str:
    """'Compared with A, B gains 2 initiatives (+12.5 points, €120,000) and gives up 1 (…).'"""
    if not delta.gained and not delta.given_up:
        return tr("ui.compare.same", lang, other=delta.other, reference=delta.reference)
    return tr(
        "ui.compare.delta",
        lang,
        other=delta.other,
        reference=delta.reference,
        gained=len(delta.gained),
        gained_value=format_number(delta.gained_value, lang, 1),
        gained_cost=format_money(delta.gained_cost, lang),
        given_up=len(delta.given_up),
        given_up_value=format_number(delta.given_up_value, lang, 1),
        given_up_cost=format_money(delta.given_up_cost, lang),
        value_change=_signed(delta.value_change, lang),
    )


def _signed(number: float, lang: str) -> str:
    text = format_number(abs(number), lang, 1)
    return f"+{text}" if number >= 0 else f"−{text}"
