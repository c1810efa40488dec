"""Workbook writer: the empty template, the full workspace export and team backlogs.

Everything follows the workbook contract (`cxprior.workbook.contract`), so what we write the reader
reads back into an equal Workspace. Columns come from the contract's column specs (the
canonical key is also the domain field name), so a column added to the contract is
written without touching this module, unless its values need translating.

Language: with lang="en" sheets, headers and words (increase, yes, customer_understanding…)
are the canonical English ones; with lang="fr" they are the contract's French aliases
(Objectifs, id_objectif, hausse, oui, compréhension_client…) — both are valid contract
names, so either export reads back the same. User text is written as text, never as a
formula (`cxprior.workbook.style`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from io import BytesIO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from cxprior.domain import Competency, Direction, TeamBacklog, Workspace
from cxprior.i18n import normalise_language, tr
from cxprior.workbook import contract
from cxprior.workbook.contract import ColumnSpec, SheetSpec
from cxprior.workbook.style import write_cell, write_table

TEMPLATE_PERIODS = ("2026", "2027", "2028")
# data validations cover the whole column below the header (Excel's last row)
LAST_ROW = 1_048_576

# Words written for lang="fr"; every one is accepted by the reader (contract word lists).
FRENCH_WORDS: dict[str, dict[str, str]] = {
    "direction": {Direction.INCREASE.value: "hausse", Direction.DECREASE.value: "baisse"},
    "competency": {
        Competency.CUSTOMER_UNDERSTANDING.value: "compréhension_client",
        Competency.STRATEGY_ENGAGEMENT.value: "stratégie_engagement",
        Competency.CULTURE_MANAGEMENT.value: "culture_management",
        Competency.DESIGN_IMPROVEMENT.value: "design_amélioration",
    },
    "side": {"customer": "client", "employee": "salarié"},
    "yesno": {"yes": "oui", "no": "non"},
}
# columns whose values are one of a few words: a drop-down list in Excel
CHOICES: dict[str, tuple[str, ...]] = {
    "direction": tuple(d.value for d in Direction),
    "competency": tuple(c.value for c in Competency),
    "side": ("customer", "employee"),
}
MONEY_KEYS = frozenset({"cost", "budget"})
# numbers ≥ 0 that are not money: person-days of the roadmap sheets
NON_NEGATIVE_KEYS = frozenset({"capacity", "effort"})
FRACTION_KEYS = frozenset({"confidence", "strength"})
POSITIVE_KEYS = frozenset({"weight"})


def period_column(period: str, lang: str = "en") -> str:
    """Header of a period's cost column: cost_2026, or coût_2026 in French."""
    return f"{'coût' if normalise_language(lang) == 'fr' else 'cost'}_{period}"


def sheet_name(sheet: SheetSpec, lang: str = "en") -> str:
    """The sheet's name in `lang`: canonical, or its first (French) alias."""
    return sheet.aliases[0] if normalise_language(lang) == "fr" and sheet.aliases else sheet.key


def column_name(column: ColumnSpec, lang: str = "en") -> str:
    """The column's header in `lang`: canonical, or its first (French) alias."""
    return column.aliases[0] if normalise_language(lang) == "fr" and column.aliases else column.key


# --- frames -------------------------------------------------------------------------


def _cell(obj: object, column: ColumnSpec) -> object:
    """A domain field as the contract writes it (canonical English words)."""
    value = getattr(obj, column.key, None)
    if column.kind == "yesno":
        return "yes" if value else "no"
    if column.kind == "ids":
        return ", ".join(value or ())
    if isinstance(value, Enum):
        return value.value
    if value is None and column.kind == "text":
        return ""
    return value


def _frame(sheet: SheetSpec, items: Iterable[object], periods: tuple[str, ...] = ()) -> pd.DataFrame:
    columns: list[str] = []
    for column in sheet.columns:
        columns.append(column.key)
        if column.key == "cost":
            columns.extend(period_column(p) for p in periods)
    rows = []
    for item in items:
        row: list[object] = []
        for column in sheet.columns:
            row.append(_cell(item, column))
            if column.key == "cost":
                period_costs = item.period_costs  # type: ignore[attr-defined]
                row.extend(float(period_costs.get(p, 0.0)) for p in periods)
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def workspace_to_frames(ws: Workspace) -> dict[str, pd.DataFrame]:
    """One DataFrame per contract sheet, keyed by the canonical sheet name.

    Canonical English columns; Initiatives has `cost` then `cost_<period>` for each of
    `ws.periods`, `mandatory` as "yes"/"no", `depends_on` as "A, B", `competency` as its
    value ("" when none); KPIs have `direction` as "increase"/"decrease"; Impacts are in
    long form with NaN for a missing impact_low/impact_high.
    """
    frames = {
        contract.GOALS.key: _frame(contract.GOALS, ws.goals),
        contract.KPIS.key: _frame(contract.KPIS, ws.kpis),
        contract.KPI_GOALS.key: _frame(contract.KPI_GOALS, ws.links),
        contract.INITIATIVES.key: _frame(contract.INITIATIVES, ws.initiatives, ws.periods),
        contract.IMPACTS.key: _frame(contract.IMPACTS, ws.impacts),
        contract.BUDGET.key: _frame(contract.BUDGET, [_BudgetRow(b.period, b.amount) for b in ws.budgets]),
        contract.CAPACITY.key: _frame(contract.CAPACITY, ws.capacities),
        contract.EFFORT.key: _frame(contract.EFFORT, ws.efforts),
    }
    return frames


class _BudgetRow:
    """Budget with the contract's column names (the domain calls the amount `amount`)."""

    def __init__(self, period: str, budget: float) -> None:
        self.period = period
        self.budget = budget


def backlog_to_frames(backlog: TeamBacklog) -> dict[str, pd.DataFrame]:
    """The Initiatives and Impacts frames of a team backlog (as `workspace_to_frames`)."""
    return {
        contract.INITIATIVES.key: _frame(contract.INITIATIVES, backlog.initiatives, backlog.periods),
        contract.IMPACTS.key: _frame(contract.IMPACTS, backlog.impacts),
    }


def localise_frame(sheet: SheetSpec, frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A canonical frame with headers and words in `lang` (a new frame; English unchanged)."""
    if normalise_language(lang) != "fr":
        return frame
    frame = frame.copy()
    renames: dict[str, str] = {}
    for column in sheet.columns:
        if column.key not in frame.columns:
            continue
        words = FRENCH_WORDS.get("yesno" if column.kind == "yesno" else column.key)
        if words:
            frame[column.key] = frame[column.key].map(lambda v, w=words: w.get(v, v))
        renames[column.key] = column_name(column, lang)
    for header in frame.columns:
        match = contract.PERIOD_COST_PATTERN.match(str(header))
        if match and header != "cost":
            renames[header] = period_column(match.group("period"), lang)
    return frame.rename(columns=renames)


# --- decorations: hints and drop-downs ------------------------------------------------


def _hint(sheet: SheetSpec, key: str, lang: str) -> str | None:
    match = contract.PERIOD_COST_PATTERN.match(key)
    if sheet.key == contract.INITIATIVES.key and match and key != "cost":
        return tr("export.hint.Initiatives.cost_period", lang, period=match.group("period"))
    try:
        return tr(f"export.hint.{sheet.key}.{key}", lang)
    except KeyError:
        return None  # a column added to the contract without a hint yet


def _choices(column: ColumnSpec, lang: str) -> tuple[str, ...] | None:
    if column.kind == "yesno":
        words: tuple[str, ...] = ("yes", "no")
        key = "yesno"
    elif column.key in CHOICES:
        words, key = CHOICES[column.key], column.key
    else:
        return None
    if normalise_language(lang) == "fr":
        return tuple(FRENCH_WORDS[key][w] for w in words)
    return words


def _validation(kind: str, lang: str, choices: tuple[str, ...] = ()) -> DataValidation:
    common = {
        "allow_blank": True,
        "showErrorMessage": True,
        # a warning, not a stop: the reader accepts more spellings than the drop-down shows
        "errorStyle": "warning",
        "errorTitle": tr("export.validation.title", lang),
    }
    if kind == "list":
        return DataValidation(
            type="list",
            formula1='"' + ",".join(choices) + '"',
            error=tr("export.validation.list", lang, choices=", ".join(choices)),
            **common,
        )
    if kind == "fraction":
        return DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2="1",
            error=tr("export.validation.fraction", lang),
            **common,
        )
    if kind == "positive":
        return DataValidation(
            type="decimal",
            operator="greaterThan",
            formula1="0",
            error=tr("export.validation.positive", lang),
            **common,
        )
    return DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        error=tr("export.validation.non_negative", lang),
        **common,
    )


def _decorate(sheet_spec: SheetSpec, sheet: Worksheet, keys: list[str], lang: str) -> None:
    """Data-validation drop-downs and number checks on the columns that have rules."""
    by_key = {c.key: c for c in sheet_spec.columns}
    validations: dict[tuple[str, tuple[str, ...]], DataValidation] = {}
    for index, key in enumerate(keys, start=1):
        column = by_key.get(key)
        is_period = contract.PERIOD_COST_PATTERN.match(key) is not None and key != "cost"
        choices = _choices(column, lang) if column else None
        if choices:
            kind = "list"
        elif key in FRACTION_KEYS:
            kind, choices = "fraction", ()
        elif key in POSITIVE_KEYS:
            kind, choices = "positive", ()
        elif key in MONEY_KEYS or key in NON_NEGATIVE_KEYS or is_period:
            kind, choices = "non_negative", ()
        else:
            continue
        if (kind, choices) not in validations:
            validations[kind, choices] = _validation(kind, lang, choices)
            sheet.add_data_validation(validations[kind, choices])
        letter = get_column_letter(index)
        validations[kind, choices].add(f"{letter}2:{letter}{LAST_ROW}")


def _write_sheet(book: Workbook, sheet_spec: SheetSpec, frame: pd.DataFrame, lang: str) -> Worksheet:
    keys = [str(c) for c in frame.columns]
    local = localise_frame(sheet_spec, frame, lang)
    sheet = book.create_sheet(sheet_name(sheet_spec, lang))
    hints = {}
    for key, header in zip(keys, local.columns, strict=True):
        hint = _hint(sheet_spec, key, lang)
        if hint:
            hints[str(header)] = hint
    money = [h for k, h in zip(keys, local.columns, strict=True) if k in MONEY_KEYS or k.startswith("cost_")]
    write_table(sheet, local, money_columns=money, comments=hints, lang=lang)
    _decorate(sheet_spec, sheet, keys, lang)
    return sheet


def _to_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_frames(frames: dict[str, pd.DataFrame], lang: str) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    book.properties.creator = "cxprior"
    for sheet_spec in contract.SHEETS:
        if sheet_spec.key in frames:
            _write_sheet(book, sheet_spec, frames[sheet_spec.key], lang)
    return book


# --- public entry points -------------------------------------------------------------


def write_workspace(ws: Workspace, lang: str = "en") -> bytes:
    """The whole workspace as an .xlsx (every contract sheet, long-form Impacts; the Capacity
    and Effort sheets only when the workspace has a roadmap).

    Reading the result back gives a Workspace equal to `ws` (for any `lang`), except for
    the normalisations documented in `cxprior.workbook.style` (CR → LF, control characters),
    the reader's trimming of blanks around text, and numbers beyond 16 significant digits
    (openpyxl writes "%.16g"; Excel itself keeps 15).
    """
    frames = _without_unused_roadmap(workspace_to_frames(ws), ws.initiatives)
    if not ws.capacities and not ws.efforts:
        # a workspace without a roadmap is written as a v1 workbook, as before
        frames.pop(contract.CAPACITY.key)
        frames.pop(contract.EFFORT.key)
    return _to_bytes(_write_frames(frames, lang))


ROADMAP_COLUMNS = ("latest_start", "starts_after")


def _without_unused_roadmap(
    frames: dict[str, pd.DataFrame], initiatives: Iterable[object]
) -> dict[str, pd.DataFrame]:
    """The Initiatives frame without the roadmap columns when no initiative uses them."""
    used = any(getattr(i, "latest_start", None) or getattr(i, "starts_after", ()) for i in initiatives)
    if not used:
        key = contract.INITIATIVES.key
        frames[key] = frames[key].drop(columns=list(ROADMAP_COLUMNS))
    return frames


def write_backlog(backlog: TeamBacklog, lang: str = "en") -> bytes:
    """A team backlog as an .xlsx: only the Initiatives and Impacts sheets."""
    return _to_bytes(
        _write_frames(_without_unused_roadmap(backlog_to_frames(backlog), backlog.initiatives), lang)
    )


def write_template(lang: str = "en") -> bytes:
    """The empty workbook a team fills: instructions, then every contract sheet.

    Headers in `lang` (English names, or the French aliases), a note on each header
    saying what the column expects, drop-downs for words (direction, yes/no, competency,
    side), number checks, example period cost columns (cost_2026…), frozen styled
    headers. The instructions sheet has no contract name, so the reader ignores it.
    """
    empty = workspace_to_frames(Workspace(periods=TEMPLATE_PERIODS))
    book = _write_frames(empty, lang)
    _add_instructions(book, lang)
    return _to_bytes(book)


def _add_instructions(book: Workbook, lang: str) -> None:
    sheet = book.create_sheet(tr("export.instructions.sheet", lang), 0)
    book.active = 0
    title = write_cell(sheet, 1, 1, tr("export.instructions.title", lang))
    title.font = Font(bold=True, size=14)
    for row, line in enumerate(tr("export.instructions.lines", lang).split("\n"), start=3):
        cell = write_cell(sheet, row, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 110
