"""Read the COMEX members' Weights [Pondérations] sheet (DESIGN.md, "Contract v2 › COMEX members' weights").

One row per member and goal: `member`* [membre], `goal_id`* [id_objectif], `weight`* [poids]
(> 0, normalised per member like the goal weights). The sheet sits in a workbook of its own
or inside the workspace workbook (whose other sheets are left to `read_workbook`). The file
goes through the same hostile-file guard and streaming reader as a workspace, and the sheet
through the same tables (headers, French names, numbers written as text, per-column rules),
so every problem is located by sheet, row and column, and all are reported at once.

Rules that need the workspace: a goal id it does not have; a member who weighs a goal twice;
a member who leaves a goal out. Every member weighs every goal: a missing weight is not
read as 0 (weights are > 0, and a silent 0 would hand that goal's whole say to the others),
nor as the workspace's weight (the member would seem to agree where they said nothing).
Members are told apart by their name with case, accents and spaces ignored ("Claire",
"claire " are one member), and keep the spelling of their first row.
"""

from __future__ import annotations

import io
import math
import os
import zipfile
import zlib
from collections.abc import Mapping
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cxprior.domain import MemberWeights, Problem, UnsafeFileError, WorkbookError, Workspace, fold
from cxprior.i18n import tr
from cxprior.workbook import contract
from cxprior.workbook.guard import ReadLimits, inspect_xlsx
from cxprior.workbook.reader import _load_bytes, _Package, _read_sheets, _Refused, _sheets, _workbook_part
from cxprior.workbook.style import write_table
from cxprior.workbook.tables import Table, build_table, check_columns, header_key, raise_if_problems, suggest
from cxprior.workbook.writer import LAST_ROW, _validation, column_name, sheet_name

__all__ = ["read_member_weights", "write_member_weights"]

_NAMES = frozenset(header_key(name) for name in contract.WEIGHTS.names)


def read_member_weights(
    source: bytes | str | os.PathLike | BinaryIO,
    workspace: Workspace,
    *,
    lang: str = "en",
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen, shared safely
    required: bool = True,
) -> MemberWeights | None:
    """The members' normalised weights, checked against `workspace`'s goals.

    Raises WorkbookError listing every problem (UnsafeFileError for a file refused before
    parsing). Without a Weights sheet: WorkbookError, or None when `required` is False (a
    workspace workbook that may or may not carry the sheet).
    """
    data = _load_bytes(source, limits, lang)
    inspect_xlsx(data, limits, lang)
    problems: list[Problem] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive, lang)
            workbook = _workbook_part(package)
            if package.find(workbook) is None:
                raise UnsafeFileError(tr("wb.not_workbook_zip", lang))
            sheets = _sheets(package, workbook)
            found = [entry for entry in sheets if header_key(entry[0]) in _NAMES]
            if not found:
                if not required:
                    return None
                names = ", ".join(name for name, _, _ in sheets) or "–"
                message = tr("wb.weights.no_sheet_found", lang, found=names)
                raise WorkbookError([Problem("", None, "", message)], message)
            first = found[0]
            for name, _, _ in found[1:]:
                problems.append(Problem(name, None, "", tr("wb.sheet_twice", lang, other=first[0])))
            raws, read_problems = _read_sheets(package, {contract.WEIGHTS.key: first}, limits, lang)
    except _Refused as error:
        raise UnsafeFileError(tr("wb.xml_dtd", lang, part=error.args[0] if error.args else "?")) from error
    except (ParseError, zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError) as error:
        raise UnsafeFileError(tr("wb.damaged", lang)) from error
    raw = raws[contract.WEIGHTS.key]
    problems += read_problems
    if read_problems or raw.stopped:
        raise_if_problems(problems + [p for p in raw.problems if p.row is None], lang)
    table = build_table(contract.WEIGHTS, raw, lang)
    weights = _read_weights(table, workspace)
    problems += table.problems
    problems.sort(key=lambda p: (-1 if p.row is None else p.row, p.column))
    raise_if_problems(problems, lang)
    return weights


def _read_weights(table: Table, workspace: Workspace) -> MemberWeights:
    check_columns(table)
    goal_ids = tuple(g.goal_id for g in workspace.goals)
    known = set(goal_ids)
    if table.size == 0 and not table.problems:
        table.problems.append(Problem(table.sheet, None, "", tr("wb.weights.empty", table.lang)))
    spelling: dict[str, str] = {}  # folded name → the name as first written
    first_row: dict[str, int] = {}
    given: dict[str, dict[str, float]] = {}
    seen: dict[tuple[str, str], int] = {}
    refused: set[str] = set()  # members with a goal id refused: likely the goal they miss
    for row, member, goal_id, weight in table.records("member", "goal_id", "weight"):
        if member is None:
            continue
        key = fold(member)
        spelling.setdefault(key, member)
        first_row.setdefault(key, row)
        given.setdefault(key, {})
        if goal_id is None:
            continue
        if goal_id not in known:
            refused.add(key)
            if table.ok(row, "goal_id"):
                hint = suggest(goal_id, goal_ids)
                suffix = tr("wb.did_you_mean", table.lang, value=hint) if hint else ""
                table.add(row, "goal_id", "wb.unknown_goal", value=goal_id, hint=suffix)
            continue
        if (key, goal_id) in seen:
            table.add(
                row,
                "goal_id",
                "wb.weights.duplicate",
                member=spelling[key],
                goal=goal_id,
                first=seen[key, goal_id],
            )
            continue
        seen[key, goal_id] = row
        if weight == weight and table.ok(row, "weight"):
            given[key][goal_id] = float(weight)
    complete_columns = {"goal_id", "weight"} <= table.present  # a missing column is said once
    for key, weighed in given.items():
        # a goal whose only row was refused is already reported there
        missing = [g for g in goal_ids if g not in weighed and (key, g) not in seen and complete_columns]
        if missing and key not in refused:
            table.add(
                first_row[key],
                "member",
                "wb.weights.missing_goals",
                member=spelling[key],
                ids=", ".join(missing),
            )
    complete = {
        spelling[key]: {g: weighed[g] / math.fsum(weighed.values()) for g in goal_ids}
        for key, weighed in given.items()
        if all(g in weighed for g in goal_ids)
    }
    return MemberWeights(goal_ids, complete)


def write_member_weights(weights: Mapping[str, Mapping[str, float]], lang: str = "en") -> bytes:
    """A Weights workbook (.xlsx): one row per member and goal, in the given order, the weights
    as given (the reader normalises them), a note on each header and a "> 0" check on the
    weights. An empty mapping gives the empty sheet to fill. `read_member_weights` reads it
    back into the same (normalised) weights."""
    import pandas as pd  # `write_table` takes a DataFrame; reading the sheet never needs pandas

    spec = contract.WEIGHTS
    headers = [column_name(c, lang) for c in spec.columns]
    rows = [[member, goal_id, float(w)] for member, given in weights.items() for goal_id, w in given.items()]
    frame = pd.DataFrame(rows, columns=headers)
    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "cxprior"
    sheet = book.create_sheet(sheet_name(spec, lang))
    hints = {h: tr(f"export.hint.Weights.{c.key}", lang) for h, c in zip(headers, spec.columns, strict=True)}
    write_table(sheet, frame, comments=hints, lang=lang)
    validation = _validation("positive", lang)
    sheet.add_data_validation(validation)
    letter = get_column_letter(headers.index(column_name(spec.column("weight"), lang)) + 1)
    validation.add(f"{letter}2:{letter}{LAST_ROW}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
