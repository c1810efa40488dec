"""Write a follow-up workbook: the empty template, or the follow-up of one plan.

The Progress and Measurements sheets of the contract (`contract.FOLLOWUP_SHEETS`), with a
note on each header saying what the column expects, a drop-down of the status words, number
checks on the spend columns, and an instructions sheet that the reader ignores. What is
written reads back through `read_followup` into an equal `FollowUp`.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cxprior.domain import FollowUp, Status, Workspace
from cxprior.i18n import normalise_language, tr
from cxprior.workbook import contract
from cxprior.workbook.style import write_cell, write_table
from cxprior.workbook.writer import LAST_ROW, TEMPLATE_PERIODS, _validation, column_name, sheet_name

__all__ = ["followup_frames", "spent_column", "status_word", "write_followup"]

# the words written for each status: the canonical English ones, or the French ones
_FRENCH_STATUS = {
    Status.PLANNED: "prévue",
    Status.IN_PROGRESS: "en_cours",
    Status.DELIVERED: "livrée",
    Status.DROPPED: "abandonnée",
}


def status_word(status: Status, lang: str = "en") -> str:
    """The status as a Progress sheet writes it: in_progress, or en_cours in French."""
    return _FRENCH_STATUS[status] if normalise_language(lang) == "fr" else status.value


def spent_column(period: str, lang: str = "en") -> str:
    """Header of a period's spend column: spent_2026, or dépensé_2026 in French."""
    return f"{'dépensé' if normalise_language(lang) == 'fr' else 'spent'}_{period}"


def _progress_frame(
    periods: tuple[str, ...], ids: Iterable[str], followup: FollowUp, lang: str
) -> tuple[pd.DataFrame, list[str]]:
    spec = contract.PROGRESS
    spent = [spent_column(p, lang) for p in periods]
    headers = [column_name(spec.column("initiative_id"), lang), column_name(spec.column("status"), lang)]
    headers += [*spent, column_name(spec.column("start"), lang)]
    rows = []
    for iid in ids:
        row = followup.progress_by_id.get(iid)
        status = row.status if row is not None else Status.PLANNED
        spend = [row.spent.get(p) if row is not None else None for p in periods]
        rows.append([iid, status_word(status, lang), *spend, (row.start if row is not None else None) or ""])
    keys = ["initiative_id", "status", *(f"spent:{p}" for p in periods), "start"]
    return pd.DataFrame(rows, columns=headers), keys


def _measurement_frame(followup: FollowUp, lang: str) -> tuple[pd.DataFrame, list[str]]:
    spec = contract.MEASUREMENTS
    keys = [c.key for c in spec.columns]
    headers = [column_name(c, lang) for c in spec.columns]
    rows = [[m.kpi_id, m.period, m.value] for m in followup.measurements]
    return pd.DataFrame(rows, columns=headers), keys


def followup_frames(
    workspace: Workspace, *, plan: Iterable[str] = (), followup: FollowUp | None = None, lang: str = "en"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Progress and Measurements tables as `write_followup` writes them (headers and status
    words in `lang`), for an editor; `read_followup_frames` reads them back."""
    followup = followup or FollowUp()
    periods = workspace.periods or TEMPLATE_PERIODS
    ids = dict.fromkeys([*plan, *(p.initiative_id for p in followup.progress)])
    return _progress_frame(periods, ids, followup, lang)[0], _measurement_frame(followup, lang)[0]


def _hint(sheet: str, key: str, lang: str) -> str:
    if key.startswith("spent:"):
        return tr("fu.hint.Progress.spent", lang, period=key.partition(":")[2])
    return tr(f"fu.hint.{sheet}.{key}", lang)


def _write(book: Workbook, spec: contract.SheetSpec, frame: pd.DataFrame, keys: list[str], lang: str) -> None:
    sheet = book.create_sheet(sheet_name(spec, lang))
    hints = {str(h): _hint(spec.key, k, lang) for h, k in zip(frame.columns, keys, strict=True)}
    money = [str(h) for h, k in zip(frame.columns, keys, strict=True) if k.startswith("spent:")]
    write_table(sheet, frame, money_columns=money, comments=hints, lang=lang)
    words = tuple(status_word(s, lang) for s in Status)
    for index, key in enumerate(keys, start=1):
        if key == "status":
            validation = _validation("list", lang, words)
        elif key.startswith("spent:"):
            validation = _validation("non_negative", lang)
        else:
            continue
        sheet.add_data_validation(validation)
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{LAST_ROW}")


def write_followup(
    workspace: Workspace | None = None,
    *,
    plan: Iterable[str] = (),
    followup: FollowUp | None = None,
    lang: str = "en",
) -> bytes:
    """A follow-up workbook (.xlsx): instructions, Progress, Measurements.

    Without a workspace, the empty template with example periods (spent_2026…). With one,
    its cost periods; one Progress row per initiative of `plan` (the approved portfolio, in
    its order) and of `followup`, filled with what `followup` says (status `planned` and no
    spend otherwise), and its measurements.
    """
    followup = followup or FollowUp()
    periods = workspace.periods if workspace is not None and workspace.periods else TEMPLATE_PERIODS
    ids = dict.fromkeys([*plan, *(p.initiative_id for p in followup.progress)])
    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "cxprior"
    _instructions(book, lang)
    _write(book, contract.PROGRESS, *_progress_frame(periods, ids, followup, lang), lang)
    _write(book, contract.MEASUREMENTS, *_measurement_frame(followup, lang), lang)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _instructions(book: Workbook, lang: str) -> None:
    # the workspace template's instructions sheet name: the readers ignore it quietly
    sheet = book.create_sheet(tr("export.instructions.sheet", lang))
    title = write_cell(sheet, 1, 1, tr("fu.template.title", lang))
    title.font = Font(bold=True, size=14)
    for row, line in enumerate(tr("fu.template.lines", lang).split("\n"), start=3):
        cell = write_cell(sheet, row, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110
