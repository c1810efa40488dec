"""The employee–customer circle: employee engagement counted as part of customer value.

A KPI is employee-side when its `side` is "employee" (the reader also accepts salarié,
collaborateur); every other KPI is customer-side. An initiative's value (DESIGN.md value
model) splits exactly by KPI (`Scores.by_kpi`), so its customer-side and employee-side parts
add up to its value; a portfolio's split is the sum over its initiatives (net: a part can be
negative when an initiative moves a KPI away from its target).

Emotion ratio (positive : negative experiences; CX leaders produce about 15 positive for 5
negative, a 3 : 1 benchmark). A KPI is taken as an emotion ratio when
- its unit, without spaces and case-folded, is "ratio" or ends with ":1" (":1", "x:1", "pour:1"), or
- its id or name contains "emotion" (accents ignored: "émotion", "ratio émotionnel").
Its level is compared with the benchmark at baseline, at target and as projected by a
portfolio: baseline + Σ confidence × impact of the portfolio's initiatives on it (the expected
level, as in the KPI projection of the COMEX pack).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from cxprior.domain import Kpi, Scores, Workspace, fold, score, side_of
from cxprior.i18n import format_number, format_percent, tr

EMPLOYEE = "employee"
CUSTOMER = "customer"
EMOTION_BENCHMARK = 3.0


def kpi_side(kpi: Kpi) -> str:
    """ "employee" or "customer" (anything not recognised as employee is customer-side)."""
    return side_of(kpi.side)


def employee_kpis(workspace: Workspace) -> tuple[Kpi, ...]:
    return tuple(k for k in workspace.kpis if kpi_side(k) == EMPLOYEE)


@dataclass(frozen=True)
class SideSplit:
    """Value points from customer-side and from employee-side KPIs."""

    customer: float
    employee: float

    @property
    def total(self) -> float:
        return self.customer + self.employee

    @property
    def employee_share(self) -> float:
        """Employee-side share of the value; 0 when the value is not positive."""
        return self.employee / self.total if self.total > 0 else 0.0


def value_split(workspace: Workspace, scores: Scores | None = None) -> dict[str, SideSplit]:
    """Each initiative's value split into customer-side and employee-side parts."""
    scores = scores or score(workspace)
    employee = {k.kpi_id for k in employee_kpis(workspace)}
    splits = {}
    for initiative in workspace.initiatives:
        parts = scores.by_kpi.get(initiative.initiative_id, {})
        on_employee = sum(v for k, v in parts.items() if k in employee)
        on_customer = sum(v for k, v in parts.items() if k not in employee)
        splits[initiative.initiative_id] = SideSplit(on_customer, on_employee)
    return splits


def portfolio_split(workspace: Workspace, selected: Iterable[str], scores: Scores | None = None) -> SideSplit:
    """The split of a portfolio's value (the sum of its initiatives' splits)."""
    splits = value_split(workspace, scores)
    chosen = [splits[i] for i in dict.fromkeys(selected) if i in splits]
    return SideSplit(sum(s.customer for s in chosen), sum(s.employee for s in chosen))


def circle_frame(
    workspace: Workspace, selected: Iterable[str] | None = None, scores: Scores | None = None
) -> pd.DataFrame:
    """One row per initiative: initiative_id, name, customer_value, employee_value, value, selected."""
    splits = value_split(workspace, scores)
    chosen = set(selected or ())
    rows = [
        {
            "initiative_id": i.initiative_id,
            "name": i.name,
            "customer_value": splits[i.initiative_id].customer,
            "employee_value": splits[i.initiative_id].employee,
            "value": splits[i.initiative_id].total,
            "selected": i.initiative_id in chosen,
        }
        for i in workspace.initiatives
    ]
    columns = ["initiative_id", "name", "customer_value", "employee_value", "value", "selected"]
    return pd.DataFrame(rows, columns=columns)


def circle_sentence(workspace: Workspace, split: SideSplit, lang: str = "en") -> str:
    """How much of a portfolio's value comes through employee-side KPIs, in words."""
    kpis = employee_kpis(workspace)
    if not kpis:
        return tr("depth.circle.no_employee_kpi", lang)
    return tr(
        "depth.circle.split",
        lang,
        kpis=", ".join(k.name for k in kpis),
        share=format_percent(split.employee_share, lang),
        employee=format_number(split.employee, lang, 1),
        total=format_number(split.total, lang, 1),
    )


def is_emotion_ratio(kpi: Kpi) -> bool:
    unit = fold(kpi.unit).replace(" ", "")
    if unit == "ratio" or unit.endswith(":1"):
        return True
    return "emotion" in fold(kpi.kpi_id) or "emotion" in fold(kpi.name)


@dataclass(frozen=True)
class EmotionRatio:
    """An emotion-ratio KPI against the 3 : 1 benchmark of CX leaders."""

    kpi_id: str
    name: str
    baseline: float
    target: float
    projected: float | None  # None without a portfolio
    benchmark: float = EMOTION_BENCHMARK

    def meets(self, level: float | None) -> bool | None:
        return None if level is None else level >= self.benchmark

    @property
    def status(self) -> str:
        """ "leader" when the projected level (or the baseline, without a portfolio) reaches 3 : 1."""
        level = self.baseline if self.projected is None else self.projected
        return "leader" if level >= self.benchmark else "below"


def emotion_ratios(workspace: Workspace, selected: Iterable[str] | None = None) -> tuple[EmotionRatio, ...]:
    """Every emotion-ratio KPI, with its projected level when a portfolio is given."""
    chosen = None if selected is None else set(selected)
    confidence = {i.initiative_id: i.confidence for i in workspace.initiatives}
    ratios = []
    for kpi in workspace.kpis:
        if not is_emotion_ratio(kpi):
            continue
        projected = None
        if chosen is not None:
            projected = kpi.baseline + sum(
                confidence[imp.initiative_id] * imp.impact
                for imp in workspace.impacts
                if imp.kpi_id == kpi.kpi_id
                and imp.initiative_id in chosen
                and imp.initiative_id in confidence
            )
        ratios.append(EmotionRatio(kpi.kpi_id, kpi.name, kpi.baseline, kpi.target, projected))
    return tuple(ratios)


def emotion_sentence(ratio: EmotionRatio, lang: str = "en") -> str:
    params = {
        "name": ratio.name,
        "baseline": format_number(ratio.baseline, lang, 1),
        "benchmark": format_number(ratio.benchmark, lang, 0),
    }
    if ratio.projected is None:
        key = "depth.circle.emotion_leader" if ratio.status == "leader" else "depth.circle.emotion_below"
        return tr(key, lang, **params)
    key = (
        "depth.circle.emotion_projected_leader"
        if ratio.status == "leader"
        else "depth.circle.emotion_projected_below"
    )
    return tr(key, lang, projected=format_number(ratio.projected, lang, 1), **params)
