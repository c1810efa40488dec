"""The same rules for what is not a file: the app's edited Initiatives table, and a team
backlog checked against the workspace it will be merged into."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from cxprior.domain import TOTAL_PERIOD, Problem, TeamBacklog, Workspace
from cxprior.i18n import tr
from cxprior.workbook import contract
from cxprior.workbook.rules import (
    Located,
    Refs,
    check_duplicate_impacts,
    find_cycles,
    problem_order,
    read_initiatives,
)
from cxprior.workbook.tables import (
    RawSheet,
    build_table,
    display_name,
    is_blank,
    is_contract_column,
    raise_if_problems,
    suggest,
)

if TYPE_CHECKING:
    import pandas as pd

# --- the app's edited table ---------------------------------------------------------------


def _cell(value: object, missing: tuple[object, ...]) -> object:
    """A data-editor cell as the reader would give it (NaN, `missing` and numpy scalars unwrapped)."""
    if value is None or any(value is m for m in missing):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def raw_from_frame(frame: pd.DataFrame, sheet: str, keep: Callable[[str], bool]) -> RawSheet:
    """A table as the reader would have read it: first data row = 2, empty rows skipped."""
    import pandas as pd  # the app's table is a DataFrame, pandas is loaded; the file reader never needs it

    missing = (pd.NA, pd.NaT)
    headers = {n: str(c) for n, c in enumerate(frame.columns)}
    raw = RawSheet(sheet, headers)
    kept = [n for n, h in headers.items() if keep(h)]
    columns = {n: [_cell(v, missing) for v in frame.iloc[:, n].tolist()] for n in kept}
    for position in range(frame.shape[0]):
        cells = [columns[n][position] for n in kept]
        if all(is_blank(c) for c in cells):
            continue
        raw.rows.append(position + 2)
        for n in kept:
            raw.values.setdefault(n, []).append(columns[n][position])
    return raw


def validate_initiatives_frame(frame: pd.DataFrame, workspace: Workspace, lang: str = "en") -> Workspace:
    """Re-validate the app's edited Initiatives table against the workspace, with the file's rules.

    `frame` has the canonical Initiatives columns (`depends_on` as "A, B", `mandatory` as
    bool or yes/no text). Returns the workspace with these initiatives, the impacts of
    removed initiatives dropped; `impact:<kpi_id>` columns, if any, replace the impacts on
    those KPIs. Raises WorkbookError with rows numbered as table rows (first data row = 2).
    """
    spec = contract.INITIATIVES
    raw = raw_from_frame(frame, spec.key, is_contract_column(spec))
    table = build_table(spec, raw, lang)
    refs = Refs(goal_ids=frozenset(workspace.goal_by_id), kpi_ids=frozenset(workspace.kpi_by_id))
    initiatives, located = read_initiatives(table, refs)
    problems = list(table.problems)
    ids = {i.initiative_id for i in initiatives}
    wide = set(table.wide_kpis)
    kept = [
        Located(imp, "", 0, "")
        for imp in workspace.impacts
        if imp.initiative_id in ids and imp.kpi_id not in wide
    ]
    problems += check_duplicate_impacts(located, lang)
    budget_periods = [b.period for b in workspace.budgets if b.period != TOTAL_PERIOD]
    for period in budget_periods:
        if period not in table.periods:
            problems.append(
                Problem(
                    display_name(contract.BUDGET, lang),
                    None,
                    display_name(contract.BUDGET.column("period"), lang),
                    tr(
                        "wb.budget_period_unknown",
                        lang,
                        value=period,
                        choices=", ".join([TOTAL_PERIOD, *table.periods]),
                    ),
                )
            )
    if not initiatives:
        problems.append(Problem(spec.key, None, "", tr("wb.no_initiatives", lang)))
    problems.sort(key=problem_order([raw]))
    raise_if_problems(problems, lang)
    impacts = tuple(item.impact for item in kept) + tuple(item.impact for item in located)
    # the efforts of removed initiatives go with them (capacities belong to the teams)
    efforts = tuple(e for e in workspace.efforts if e.initiative_id in ids)
    return replace(
        workspace, initiatives=tuple(initiatives), impacts=impacts, periods=table.periods, efforts=efforts
    )


# --- a team backlog against a workspace -----------------------------------------------------


@dataclass(frozen=True)
class BacklogRows:
    """Where a team backlog's rows were in its workbook, to locate what the workspace refuses."""

    initiatives: Mapping[str, int] = field(default_factory=dict)  # id → Excel row on Initiatives
    # (initiative id, KPI id) → (sheet as written, Excel row): the Impacts sheet or a wide column
    impacts: Mapping[tuple[str, str], tuple[str, int]] = field(default_factory=dict)


def check_backlog_against(
    workspace: Workspace, backlog: TeamBacklog, lang: str = "en", rows: BacklogRows | None = None
) -> list[Problem]:
    """What a team backlog references that the workspace lacks (it cannot be checked alone).

    Unknown KPI ids in impacts, `depends_on` ids in neither the backlog nor the workspace,
    cost periods the workspace does not have (or none when the workspace plans by period),
    and dependency cycles that the merge would create. With `rows` (from the reader), each
    problem about one initiative or impact names its row.
    """
    rows = rows or BacklogRows()
    sheet = contract.INITIATIVES.key
    impacts_sheet = contract.IMPACTS.key
    column = {key: display_name(contract.INITIATIVES.column(key), lang) for key in ("depends_on", "cost")}
    problems = []
    kpis = workspace.kpi_by_id
    for imp in backlog.impacts:
        if imp.kpi_id not in kpis:
            hint = suggest(imp.kpi_id, kpis)
            where, row = rows.impacts.get((imp.initiative_id, imp.kpi_id), (impacts_sheet, None))
            problems.append(
                Problem(
                    where,
                    row,
                    display_name(contract.IMPACTS.column("kpi_id"), lang),
                    tr(
                        "wb.backlog_unknown_kpi",
                        lang,
                        initiative=imp.initiative_id,
                        value=imp.kpi_id,
                        hint=tr("wb.did_you_mean", lang, value=hint) if hint else "",
                    ),
                )
            )
    merged = dict(workspace.initiative_by_id)
    merged.update({i.initiative_id: i for i in backlog.initiatives})
    for initiative in backlog.initiatives:
        for dep in initiative.depends_on:
            if dep not in merged:
                problems.append(
                    Problem(
                        sheet,
                        rows.initiatives.get(initiative.initiative_id),
                        column["depends_on"],
                        tr(
                            "wb.backlog_unknown_dependency",
                            lang,
                            initiative=initiative.initiative_id,
                            value=dep,
                        ),
                    )
                )
        for other in initiative.starts_after:
            if other not in merged:
                problems.append(
                    Problem(
                        sheet,
                        rows.initiatives.get(initiative.initiative_id),
                        display_name(contract.INITIATIVES.column("starts_after"), lang),
                        tr(
                            "wb.road.backlog_unknown_after",
                            lang,
                            initiative=initiative.initiative_id,
                            value=other,
                        ),
                    )
                )
    workspace_periods = ", ".join(workspace.periods)
    for period in backlog.periods:
        if period not in workspace.periods:
            problems.append(
                Problem(
                    sheet,
                    None,
                    f"cost_{period}",
                    tr(
                        "wb.backlog_period_unknown",
                        lang,
                        period=period,
                        periods=workspace_periods or tr("wb.none", lang),
                    ),
                )
            )
    if workspace.periods and not backlog.periods and backlog.initiatives:
        problems.append(
            Problem(
                sheet, None, column["cost"], tr("wb.backlog_periods_missing", lang, periods=workspace_periods)
            )
        )
    graph = {iid: tuple(d for d in i.depends_on if d in merged) for iid, i in merged.items()}
    order = {iid: n for n, iid in enumerate(merged)}
    backlog_ids = {i.initiative_id for i in backlog.initiatives}
    for cycle in find_cycles(graph, order):
        if backlog_ids.intersection(cycle):
            problems.append(
                Problem(sheet, None, column["depends_on"], tr("wb.cycle", lang, cycle=" → ".join(cycle)))
            )
    return problems
