"""Read a follow-up workbook (DESIGN.md, "Contract v2 › Follow-up of the approved plan").

The Progress [Avancement] and Measurements [Mesures] sheets, in a workbook of their own or
inside the workspace workbook (its other sheets are then left to `read_workbook`). The file
goes through the same hostile-file guard and streaming reader as a workspace, and the sheets
through the same tables (headers, French names, number conversion, per-column rules): every
problem is located by sheet, row and column, and all of them are reported at once.

The rules that need the workspace: an initiative or KPI it does not have, spend in a period
outside its horizon, a measurement or a start in a period that is not one of its cost
periods. A delivered initiative without any spend is only a warning.
"""

from __future__ import annotations

import io
import math
import os
import zipfile
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO
from xml.etree.ElementTree import ParseError

from cxprior.domain import (
    FollowUp,
    Measurement,
    Problem,
    Progress,
    Status,
    UnsafeFileError,
    Workspace,
    status_of,
)
from cxprior.i18n import tr
from cxprior.workbook import contract
from cxprior.workbook.guard import ReadLimits, inspect_xlsx
from cxprior.workbook.reader import (
    QUIET_SHEETS,
    _load_bytes,
    _Package,
    _read_sheets,
    _Refused,
    _sheets,
    _workbook_part,
)
from cxprior.workbook.rules import problem_order
from cxprior.workbook.tables import (
    RawSheet,
    Table,
    build_table,
    check_columns,
    header_key,
    raise_if_problems,
    suggest,
)
from cxprior.workbook.writer import sheet_name

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FollowUpRead", "read_followup", "read_followup_frames"]

# the contract's other sheets (the workspace's, the members' weights…): read by other readers
_OTHER_NAMES = frozenset(
    header_key(name)
    for spec in vars(contract).values()
    if isinstance(spec, contract.SheetSpec) and spec not in contract.FOLLOWUP_SHEETS
    for name in spec.names
)


@dataclass(frozen=True)
class FollowUpRead:
    """A follow-up that passed every rule, with its non-blocking remarks.

    `warnings` are findings the user should look at (a delivered initiative without spend);
    `notes` say what was ignored (an extra column, a sheet of another kind).
    """

    followup: FollowUp
    notes: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()


def read_followup(
    source: bytes | str | os.PathLike | BinaryIO,
    workspace: Workspace,
    *,
    lang: str = "en",
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen, shared safely
) -> FollowUpRead:
    """Read and check the follow-up sheets against `workspace`; raise WorkbookError listing
    every problem (UnsafeFileError for a file refused before parsing)."""
    data = _load_bytes(source, limits, lang)
    inspect_xlsx(data, limits, lang)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive, lang)
            workbook = _workbook_part(package)
            if package.find(workbook) is None:
                raise UnsafeFileError(tr("wb.not_workbook_zip", lang))
            sheets = _sheets(package, workbook)
            matched, problems, notes = _match_sheets([name for name, _, _ in sheets], lang)
            parts = {name: (part, kind) for name, part, kind in sheets}
            raws, read_problems = _read_sheets(
                package, {key: (matched[key], *parts[matched[key]]) for key in matched}, limits, lang
            )
    except _Refused as error:
        raise UnsafeFileError(tr("wb.xml_dtd", lang, part=error.args[0] if error.args else "?")) from error
    except (ParseError, zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError) as error:
        raise UnsafeFileError(tr("wb.damaged", lang)) from error
    problems += read_problems
    stopped = [p for raw in raws.values() if raw.stopped for p in raw.problems if p.row is None]
    if read_problems or stopped:
        raise_if_problems(problems + stopped, lang)
    return _build(raws, workspace, lang, problems, notes)


def read_followup_frames(
    progress: pd.DataFrame | None,
    measurements: pd.DataFrame | None,
    workspace: Workspace,
    *,
    lang: str = "en",
) -> FollowUpRead:
    """The follow-up as edited in two tables (the app's editors), through the same rules and
    messages as a file: headers as in the workbook (English or French, `spent_<period>`),
    problems located on the sheet named in `lang`, with row numbers as if the headers were on
    row 1. Rows left entirely empty are skipped. Raises WorkbookError listing every problem."""
    import pandas as pd  # the app's tables are DataFrames, pandas is loaded; a file never needs it

    raws: dict[str, RawSheet] = {}
    for spec, frame in ((contract.PROGRESS, progress), (contract.MEASUREMENTS, measurements)):
        if frame is None:
            continue
        raw = RawSheet(sheet_name(spec, lang), {n: str(c) for n, c in enumerate(frame.columns, start=1)})
        raw.values = {n: [] for n in raw.headers}
        for row, cells in enumerate(frame.itertuples(index=False, name=None), start=2):
            cells = [None if _blank(c, pd.NA) else c for c in cells]
            if all(c is None for c in cells):
                continue
            raw.rows.append(row)
            for n, cell in enumerate(cells, start=1):
                raw.values[n].append(cell)
        raws[spec.key] = raw
    return _build(raws, workspace, lang, [], [])


def _blank(cell: object, na: object) -> bool:
    if cell is None or cell is na:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    return isinstance(cell, str) and not cell.strip()


def _match_sheets(names: list[str], lang: str) -> tuple[dict[str, str], list[Problem], list[Problem]]:
    lookup = {header_key(name): spec for spec in contract.FOLLOWUP_SHEETS for name in spec.names}
    matched: dict[str, str] = {}
    problems: list[Problem] = []
    notes: list[Problem] = []
    for name in names:
        spec = lookup.get(header_key(name))
        if spec is None:
            # the contract's other sheets have their own readers: nothing to say about them here
            if header_key(name) not in _OTHER_NAMES and name.strip().casefold() not in QUIET_SHEETS:
                notes.append(Problem(name, None, "", tr("wb.sheet_ignored", lang)))
        elif spec.key in matched:
            problems.append(Problem(name, None, "", tr("wb.sheet_twice", lang, other=matched[spec.key])))
        else:
            matched[spec.key] = name
    if not matched:
        found = ", ".join(names) or "–"
        problems.append(Problem("", None, "", tr("fu.no_sheet", lang, found=found)))
        raise_if_problems(problems, lang)
    return matched, problems, notes


# --- rules ------------------------------------------------------------------------------------


def _horizon(workspace: Workspace, lang: str) -> str:
    return ", ".join(workspace.periods) if workspace.periods else tr("fu.no_periods", lang)


def _unknown(table: Table, row: int, key: str, message_key: str, value: str, known) -> None:
    hint = suggest(value, known)
    suffix = tr("wb.did_you_mean", table.lang, value=hint) if hint else ""
    table.add(row, key, message_key, value=value, hint=suffix)


def read_progress(table: Table, workspace: Workspace) -> tuple[list[Progress], list[Problem]]:
    """The Progress rows and their warnings; problems go to `table.problems`."""
    check_columns(table)
    lang = table.lang
    periods = set(workspace.periods)
    horizon = _horizon(workspace, lang)
    in_horizon = [p for p in table.periods if p in periods]
    for period in table.periods:
        if period in periods:
            continue
        column = f"spent:{period}"
        filled = table.filled(column)
        if filled.any():
            first = table.rows[int(filled.argmax())]
            table.add(first, column, "fu.spent_period_unknown", period=period, periods=horizon)
        else:
            table.notes.append(
                Problem(
                    table.sheet,
                    None,
                    table.column_name(column),
                    tr("fu.spent_period_empty", lang, period=period, periods=horizon),
                )
            )
    known = workspace.initiative_by_id
    rows: list[Progress] = []
    warnings: list[Problem] = []
    spent_columns = [f"spent:{p}" for p in in_horizon]
    spent_values = [table.values(c) for c in spent_columns]
    for n, (row, iid, word, start) in enumerate(table.records("initiative_id", "status", "start")):
        if iid is not None and iid not in known and table.ok(row, "initiative_id"):
            _unknown(table, row, "initiative_id", "fu.unknown_initiative", iid, known)
        status = status_of(word) if word is not None else None
        if word is not None and status is None and table.ok(row, "status"):
            table.add(row, "status", "fu.status_word", value=word)
        if start is not None and start not in periods and table.ok(row, "start"):
            table.add(row, "start", "fu.start_period_unknown", value=start, periods=horizon)
        spent = {
            p: float(values[n])
            for p, values in zip(in_horizon, spent_values, strict=True)
            if values[n] == values[n]
        }
        delivered = status is Status.DELIVERED and spent_columns
        if delivered and not any(spent.values()) and table.ok(row, *spent_columns):
            warnings.append(
                Problem(
                    table.sheet,
                    row,
                    table.column_name("status"),
                    tr("fu.delivered_without_spend", lang, initiative=iid or "?"),
                )
            )
        if iid is not None and status is not None:
            rows.append(Progress(iid, status, spent, start))
    if not spent_columns and any(p.status is Status.DELIVERED for p in rows):
        warnings.append(Problem(table.sheet, None, "", tr("fu.no_spend_columns", lang)))
    return rows, warnings


def read_measurements(table: Table, workspace: Workspace) -> list[Measurement]:
    check_columns(table)
    periods = set(workspace.periods)
    horizon = _horizon(workspace, table.lang)
    known = workspace.kpi_by_id
    first: dict[tuple[str, str], int] = {}
    found = []
    for row, kpi_id, period, value in table.records("kpi_id", "period", "value"):
        if kpi_id is not None and kpi_id not in known and table.ok(row, "kpi_id"):
            _unknown(table, row, "kpi_id", "fu.unknown_kpi", kpi_id, known)
        if period is not None and period not in periods and table.ok(row, "period"):
            table.add(
                row,
                "period",
                "fu.measurement_period_unknown",
                kpi=kpi_id or "?",
                value=period,
                periods=horizon,
            )
        if kpi_id is None or period is None:
            continue
        if (kpi_id, period) in first and table.ok(row, "period"):
            table.add(
                row, "period", "fu.measurement_twice", kpi=kpi_id, period=period, first=first[kpi_id, period]
            )
        first.setdefault((kpi_id, period), row)
        if value == value and math.isfinite(value):
            found.append(Measurement(kpi_id, period, float(value)))
    return found


def _build(
    raws: dict[str, RawSheet], workspace: Workspace, lang: str, problems: list[Problem], notes: list[Problem]
) -> FollowUpRead:
    tables = {
        spec.key: build_table(spec, raws[spec.key], lang)
        for spec in contract.FOLLOWUP_SHEETS
        if spec.key in raws
    }
    progress: list[Progress] = []
    warnings: list[Problem] = []
    measurements: list[Measurement] = []
    if contract.PROGRESS.key in tables:
        progress, warnings = read_progress(tables[contract.PROGRESS.key], workspace)
    if contract.MEASUREMENTS.key in tables:
        measurements = read_measurements(tables[contract.MEASUREMENTS.key], workspace)
    found = list(problems)
    for table in tables.values():
        found += table.problems
        notes = [*notes, *table.notes]
    found.sort(key=problem_order([raws[key] for key in tables]))
    raise_if_problems(found, lang)
    return FollowUpRead(FollowUp(tuple(progress), tuple(measurements)), tuple(notes), tuple(warnings))
