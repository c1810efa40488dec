"""Workbook tables (DESIGN.md, "Workbook contract (v1)"): one code path for every table.

A sheet arrives as a `RawSheet` (cells as the file holds them, row numbers as Excel shows
them) from the file reader, or from an edited table in the app
(`validate_initiatives_frame`). The same steps then apply:

1. headers → contract columns (case-insensitive, trimmed, French aliases, spaces or
   underscores alike; `cost_<period>` and `impact:<kpi_id>` columns), unknown ones noted;
2. cells converted to numbers, words and id lists BEFORE any check, so that a text that is
   not a number and a number out of range are both reported in the same column;
3. per-column rules (required, unique, ranges, allowed words), declared once in `RULES`,
   `SHEET_RULES` and `UNIQUE` and checked on numpy arrays, every failing cell reported
   (tests/test_column_rules_agree.py holds them to a pandera schema of the same declaration);
4. cross-column and cross-sheet rules (references, cycles, cost sums) in plain Python,
   in cxprior.workbook.rules; cxprior.workbook.edits applies them to the app's edited
   table and to a team backlog against a workspace.

Every problem names the sheet and column as the user wrote them and Excel's row number.
Numbers written as text are converted when unambiguous (see `parse_number_text`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from cxprior.domain import SIDE_WORDS, Problem, WorkbookError, competency_of
from cxprior.i18n import tr
from cxprior.workbook import contract
from cxprior.workbook.contract import ColumnSpec, SheetSpec, normalise_name
from cxprior.workbook.safe_text import (
    code_point,
    forbidden_in_id,
    forbidden_in_text,
    neutralise,
    reveal,
    revealed_code,
)


class Unreadable:
    """A cell already reported while reading (formula without result, Excel error, too long)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNREADABLE"


UNREADABLE = Unreadable()


@dataclass
class RawSheet:
    """One sheet's cells: kept columns only, non-empty rows only, Excel row numbers."""

    name: str
    headers: dict[int, str]  # column position → header as written (row 1)
    rows: list[int] = field(default_factory=list)
    values: dict[int, list[object]] = field(default_factory=dict)  # position → cells along `rows`
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    stopped: bool = False  # reading stopped at a limit: the rows are incomplete


# --- header matching ---------------------------------------------------------------------


def header_key(name: object) -> str:
    """How headers compare: trimmed, case-folded, and spaces or hyphens read as underscores."""
    return re.sub(r"[\s\-]+", "_", normalise_name(name))


def period_of(header: str, pattern: re.Pattern[str] = contract.PERIOD_COST_PATTERN) -> str | None:
    match = pattern.match(header)
    return match.group("period").strip() if match else None


# sheets with one column per cost period: the header pattern and the internal key's prefix
_PERIOD_COLUMNS: dict[str, tuple[re.Pattern[str], str]] = {
    contract.INITIATIVES.key: (contract.PERIOD_COST_PATTERN, "cost"),
    contract.PROGRESS.key: (contract.PERIOD_SPENT_PATTERN, "spent"),
}


def wide_kpi_of(header: str) -> str | None:
    match = contract.WIDE_IMPACT_PATTERN.match(header)
    return match.group("kpi_id").strip() if match else None


def _column_lookup(spec: SheetSpec) -> dict[str, ColumnSpec]:
    return {header_key(name): column for column in spec.columns for name in column.names}


def is_contract_column(spec: SheetSpec) -> Callable[[str], bool]:
    """A predicate telling the reader which headers of `spec` it must keep cells for."""
    lookup = _column_lookup(spec)
    dynamic = spec is contract.INITIATIVES
    pattern = _PERIOD_COLUMNS.get(spec.key, (None, ""))[0]

    def keep(header: str) -> bool:
        if header_key(header) in lookup:
            return True
        if pattern is not None and period_of(header, pattern) is not None:
            return True
        return dynamic and wide_kpi_of(header) is not None

    return keep


def display_name(spec: SheetSpec | ColumnSpec, lang: str) -> str:
    """A sheet or column name in the user's language (French aliases come first)."""
    if lang == "fr" and spec.aliases:
        return spec.aliases[0]
    return spec.key


# --- number and word conversion ------------------------------------------------------------

_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_GROUPED = {
    " ": re.compile(r"^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$"),
    ",": re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"),
    ".": re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$"),
}
_AMBIGUOUS_COMMA = re.compile(r"^[+-]?[1-9]\d{0,2},\d{3}$")
_PLAIN = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


class NumberTextError(ValueError):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def parse_number_text(text: str, *, percent: bool = False) -> float:
    """A number typed as text, read when unambiguous; raises NumberTextError otherwise.

    - spaces (also no-break and narrow no-break) group thousands: "1 200,50", "1 200.50";
    - with both "," and ".", the last one is the decimal mark: "1,200.50", "1.200,50";
    - a single "," is a decimal comma ("12,5", "0,125"), except "1,200"-like text (1–3
      digits, a comma, exactly 3 digits), which could be either and is refused;
    - a single "." is a decimal point; several group thousands ("1.200.000");
    - a "€" sign is ignored; "12 %" means 0.12 only in share columns (`percent`), elsewhere
      a "%" is refused so an impact typed "-0.5 %" is not silently divided by 100.
    """
    s = text.strip().translate(_MINUS).replace("€", "").strip()
    scale = 1.0
    if s.endswith("%"):
        if not percent:
            raise NumberTextError("wb.percent_not_allowed")
        s, scale = s[:-1].strip(), 0.01
    s = re.sub(r"[\u00a0\u202f\u2009]", " ", s)
    if " " in s:
        if not _GROUPED[" "].match(s):
            raise NumberTextError("wb.not_a_number")
        s = s.replace(" ", "")
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        if not _GROUPED[grouping].match(s):
            raise NumberTextError("wb.not_a_number")
        s = s.replace(grouping, "").replace(decimal, ".")
    elif commas == 1:
        if _AMBIGUOUS_COMMA.match(s):
            whole, frac = s.split(",")
            raise NumberTextError("wb.ambiguous_number", thousands=whole + frac, decimal=f"{whole}.{frac}")
        s = s.replace(",", ".")
    elif commas > 1:
        if not _GROUPED[","].match(s):
            raise NumberTextError("wb.not_a_number")
        s = s.replace(",", "")
    elif dots > 1:
        if not _GROUPED["."].match(s):
            raise NumberTextError("wb.not_a_number")
        s = s.replace(".", "")
    if not _PLAIN.match(s):
        raise NumberTextError("wb.not_a_number")
    value = float(s) * scale
    if not math.isfinite(value):
        raise NumberTextError("wb.not_a_number")
    return value


def show(value: object) -> str:
    """A cell value as the user would recognise it in a message."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    return str(value)


def to_text(value: object) -> str | None:
    """A text cell: trimmed; numbers written without a spurious ".0"; empty → None."""
    if value is None or value is UNREADABLE:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    return show(value)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- tables ----------------------------------------------------------------------------

# a column's converted cells along `Table.rows`: a float array (NaN when empty) for numbers,
# a list of words, texts or id tuples (None when empty) for the others
Column = np.ndarray | list[object]


def blank_cells(values: Column) -> np.ndarray:
    """Where a column's cells are empty: NaN in a number column, None (or NaN) in the others."""
    if isinstance(values, np.ndarray):
        return np.isnan(values)
    return np.fromiter((v is None or v != v for v in values), dtype=bool, count=len(values))


@dataclass
class Table:
    """A sheet read against its spec: converted columns along Excel rows, plus findings."""

    spec: SheetSpec
    sheet: str
    lang: str
    rows: list[int]  # Excel row of each record, in the sheet's order
    columns: dict[str, Column]  # internal key → converted cells along `rows` (every spec column)
    header_of: dict[str, str]  # internal key → header as written
    present: set[str]  # internal keys of the columns the sheet has
    periods: tuple[str, ...] = ()
    wide_kpis: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    failed: set[tuple[int, str]] = field(default_factory=set)  # cells already reported
    sums_checked: bool = True  # False when a period's cost column was dropped as a duplicate
    row_of: dict[str, int] = field(default_factory=dict)  # id → its first row (Initiatives)

    @property
    def size(self) -> int:
        """The number of records (non-empty rows)."""
        return len(self.rows)

    def values(self, key: str) -> list[object]:
        """A column's cells as Python values (floats, NaN when empty, for a number column)."""
        column = self.columns[key]
        return column.tolist() if isinstance(column, np.ndarray) else column

    def records(self, *keys: str) -> Iterator[tuple]:
        """(Excel row, cell of each key) for every record."""
        return zip(self.rows, *(self.values(key) for key in keys), strict=True)

    def filled(self, key: str) -> np.ndarray:
        """Where the column's cells are not empty."""
        return ~blank_cells(self.columns[key])

    def column_name(self, key: str) -> str:
        if key in self.header_of:
            return self.header_of[key]
        for column in self.spec.columns:
            if column.key == key:
                return display_name(column, self.lang)
        return key

    def add(self, row: int | None, key: str, message_key: str, **params: object) -> None:
        self.problems.append(
            Problem(self.sheet, row, self.column_name(key), tr(message_key, self.lang, **params))
        )
        if row is not None:
            self.failed.add((row, key))

    def ok(self, row: int, *keys: str) -> bool:
        """No problem reported yet on these cells of the row."""
        return not any((row, key) in self.failed for key in keys)


def _hidden_in_header(table: Table, header: str, found_id: str) -> bool:
    """Report a period or KPI id taken from a header that holds a hidden character (the
    reader revealed it): ids must match exactly, so they are refused, not neutralised."""
    code = revealed_code(found_id)
    if code is None:
        return False
    table.problems.append(
        Problem(table.sheet, None, header, tr("sec.id_hidden_char", table.lang, value=found_id, code=code))
    )
    return True


def _layout(spec: SheetSpec, raw: RawSheet, lang: str) -> tuple[dict[int, str], Table]:
    """Map each header to an internal key; report duplicates, unknown and missing columns."""
    lookup = _column_lookup(spec)
    dynamic = spec is contract.INITIATIVES
    pattern, prefix = _PERIOD_COLUMNS.get(spec.key, (None, ""))
    key_at: dict[int, str] = {}
    header_of: dict[str, str] = {}
    periods: list[str] = []
    wide: list[str] = []
    table = Table(spec, raw.name, lang, list(raw.rows), {}, header_of, set())
    for position in sorted(raw.headers):
        header = raw.headers[position]
        column = lookup.get(header_key(header))
        if column is not None:
            key = column.key
        elif pattern is not None and (period := period_of(header, pattern)) is not None:
            if _hidden_in_header(table, header, period):
                continue
            key = f"{prefix}:{period}"
            if key in header_of:
                table.problems.append(
                    Problem(
                        raw.name,
                        None,
                        header,
                        tr(
                            "wb.period_twice" if prefix == "cost" else "fu.spent_period_twice",
                            lang,
                            period=period,
                            other=header_of[key],
                        ),
                    )
                )
                continue
            periods.append(period)
        elif dynamic and (kpi_id := wide_kpi_of(header)) is not None:
            if _hidden_in_header(table, header, kpi_id):
                continue
            key = f"impact:{kpi_id}"
            if key not in header_of:
                wide.append(kpi_id)
        else:
            table.notes.append(Problem(raw.name, None, header, tr("wb.column_ignored", lang)))
            continue
        if key in header_of:
            table.problems.append(
                Problem(raw.name, None, header, tr("wb.column_twice", lang, other=header_of[key]))
            )
            continue
        key_at[position] = key
        header_of[key] = header
    table.present = set(header_of)
    table.periods = tuple(periods)
    table.wide_kpis = tuple(wide)
    table.sums_checked = len(periods) == len(
        [h for h in raw.headers.values() if pattern is not None and period_of(h, pattern) is not None]
    )
    if not raw.headers:
        return key_at, table  # the reader reported the empty header row; no column to miss
    for column in spec.columns:
        if column.required and column.key not in header_of:
            table.problems.append(
                Problem(
                    raw.name,
                    None,
                    display_name(column, lang),
                    tr("wb.column_missing", lang, names=_names(column)),
                )
            )
    if dynamic and "cost" not in header_of and not periods:
        cost = spec.column("cost")
        table.problems.append(
            Problem(
                raw.name,
                None,
                display_name(cost, lang),
                tr("wb.cost_column_missing", lang, names=_names(cost)),
            )
        )
    return key_at, table


def _names(column: ColumnSpec) -> str:
    return " / ".join(column.names)


_NUMBER_SHARE = {"confidence", "strength"}  # columns where "80 %" means 0.8


def _convert(table: Table, key: str, kind: str, cells: list[object], rows: list[int]) -> list[object]:
    """Turn raw cells into typed values; cells that cannot be converted are reported."""
    if kind == "number":
        out: list[object] = []
        percent = key in _NUMBER_SHARE
        for row, value in zip(rows, cells, strict=True):
            if value.__class__ is float:
                out.append(value)
            elif value is None or value is UNREADABLE:
                out.append(np.nan)
            elif isinstance(value, str):
                if not value.strip():
                    out.append(np.nan)
                    continue
                try:
                    out.append(parse_number_text(value, percent=percent))
                except NumberTextError as error:
                    table.add(row, key, error.key, value=value.strip(), **error.params)
                    out.append(np.nan)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                out.append(float(value))
            else:
                table.add(row, key, "wb.not_a_number", value=show(value))
                out.append(np.nan)
        return out
    if kind in ("yesno", "word"):
        return [_word(value) for value in cells]
    if kind == "ids":
        texts = [_split_ids(to_text(value)) for value in cells]
    elif _is_id(key, kind):
        texts = [to_text(value) for value in cells]
    else:
        # shown text: hidden characters made visible here, once, for every page and export
        texts = [None if (text := to_text(value)) is None else neutralise(text) for value in cells]
    _check_characters(table, key, kind, texts, rows)
    return texts


# columns whose text is matched against other text: a hidden character there breaks the match
_ID_KEYS = {"exclusive_group", "period", "latest_start"}


def _is_id(key: str, kind: str) -> bool:
    return kind == "ids" or key.endswith("_id") or key in _ID_KEYS


def _check_characters(table: Table, key: str, kind: str, values: list[object], rows: list[int]) -> None:
    """Report ids holding invisible or control characters, and control characters in text."""
    is_id = _is_id(key, kind)
    for row, value in zip(rows, values, strict=True):
        if value is None:
            continue
        for text in value if kind == "ids" else (value,):
            char = forbidden_in_id(text) if is_id else forbidden_in_text(text)
            if char is None:
                continue
            if is_id:
                table.add(
                    row, key, "sec.id_hidden_char", value=reveal(text, breaks=True), code=code_point(char)
                )
            else:
                table.add(row, key, "sec.text_control_char", code=code_point(char))
            break


def _word(value: object) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = to_text(value)
    # an unknown word is quoted in its message: hidden characters shown there too
    return neutralise(re.sub(r"\s+", " ", text.casefold())) if text is not None else None


def _split_ids(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    ids = dict.fromkeys(part.strip() for part in contract.ID_SEPARATORS.split(text))
    ids.pop("", None)
    return tuple(ids) or None


_WORD_COLUMNS = {"direction", "competency", "side"}


def build_table(spec: SheetSpec, raw: RawSheet, lang: str) -> Table:
    """Headers matched and cells converted; per-column rules not yet checked."""
    key_at, table = _layout(spec, raw, lang)
    table.problems[:0] = raw.problems
    table.notes[:0] = raw.notes
    for problem in raw.problems:
        if problem.row is not None:
            key = next((k for k, h in table.header_of.items() if h == problem.column), None)
            if key is not None:
                table.failed.add((problem.row, key))
    kinds = {column.key: column.kind for column in spec.columns}
    for position, key in key_at.items():
        kind = "number" if _is_number_key(kinds, key) else kinds[key]
        if key in _WORD_COLUMNS:
            kind = "word"
        cells = _convert(table, key, kind, raw.values.get(position, [None] * len(raw.rows)), raw.rows)
        table.columns[key] = np.array(cells, dtype=float) if kind == "number" else cells
    for column in spec.columns:
        if column.key not in table.columns:
            number = column.kind == "number"
            table.columns[column.key] = np.full(len(raw.rows), np.nan) if number else [None] * len(raw.rows)
    return table


def _is_number_key(kinds: dict[str, str], key: str) -> bool:
    return key.startswith(("cost:", "impact:", "spent:")) or kinds.get(key) == "number"


# --- per-column rules ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A per-column rule: the message of a failing cell, and the test of the filled cells
    (a float array for a number column, a list otherwise) → True where a cell passes."""

    message: str
    passes: Callable[[Sequence], np.ndarray]


def _one_of(words: Iterable[str]) -> Callable[[Sequence], np.ndarray]:
    allowed = frozenset(words)
    return lambda cells: np.fromiter((c in allowed for c in cells), dtype=bool, count=len(cells))


def _competencies(cells: Sequence) -> np.ndarray:
    return np.fromiter((competency_of(c) is not None for c in cells), dtype=bool, count=len(cells))


_YES_NO = contract.YES_WORDS | contract.NO_WORDS
RULES: dict[str, Rule] = {
    "positive": Rule("wb.positive", lambda x: x > 0),
    "non_negative": Rule("wb.non_negative", lambda x: x >= 0),
    "share": Rule("wb.share_range", lambda x: (x >= 0) & (x <= 1)),
    "strength": Rule("wb.strength_range", lambda x: (x > 0) & (x <= 1)),
    "direction": Rule("wb.direction_word", _one_of(contract.DIRECTION_WORDS)),
    "side": Rule("wb.side_word", _one_of(SIDE_WORDS)),
    "yes_no": Rule("wb.yes_no_word", _one_of(_YES_NO)),
    "competency": Rule("wb.competency_word", _competencies),
}
# per sheet: column key → named rules; required columns come from the spec
SHEET_RULES: dict[str, dict[str, tuple[str, ...]]] = {
    "Goals": {"weight": ("positive",)},
    "KPIs": {"direction": ("direction",), "side": ("side",)},
    "KPI_Goals": {"strength": ("strength",)},
    "Initiatives": {
        "cost": ("non_negative",),
        "confidence": ("share",),
        "mandatory": ("yes_no",),
        "competency": ("competency",),
    },
    "Impacts": {},
    "Budget": {"budget": ("non_negative",)},
    "Capacity": {"capacity": ("non_negative",)},
    "Effort": {"effort": ("non_negative",)},
    "Progress": {},
    "Measurements": {},
    "Weights": {"weight": ("positive",)},
}
PERIOD_RULES = ("non_negative",)  # every cost_<period> or spent_<period> column
# per sheet: the column whose filled cells must differ (each repeat reported with the first row)
UNIQUE = {
    "Goals": "goal_id",
    "KPIs": "kpi_id",
    "Initiatives": "initiative_id",
    "Budget": "period",
    "Progress": "initiative_id",
}


@dataclass(frozen=True)
class ColumnRules:
    """What `check_columns` checks in one column of a table."""

    key: str
    required: bool
    unique: bool
    rules: tuple[str, ...]  # names in RULES, checked in this order


def column_rules(table: Table) -> list[ColumnRules]:
    """The table's checked columns in checking order: the spec's columns the sheet has, then
    its period columns."""
    sheet = table.spec.key
    rules = SHEET_RULES[sheet]
    checked = [
        ColumnRules(column.key, column.required, column.key == UNIQUE.get(sheet), rules.get(column.key, ()))
        for column in table.spec.columns
        if column.key in table.present
    ]
    prefix = _PERIOD_COLUMNS.get(sheet, (None, "cost"))[1]
    checked += [ColumnRules(f"{prefix}:{period}", False, False, PERIOD_RULES) for period in table.periods]
    return checked


def check_columns(table: Table) -> None:
    """Required, unique, ranges and allowed words, every failing cell reported once: column
    by column, a column's empty required cells, then its repeats, then each rule's failures."""
    for column in column_rules(table):
        key = column.key
        cells = table.columns[key]
        blank = blank_cells(cells)
        if column.required:
            for n in np.flatnonzero(blank).tolist():
                _fail(table, table.rows[n], key, "wb.required", column=table.column_name(key))
        filled = np.flatnonzero(~blank).tolist()
        if column.unique:
            first: dict[object, int] = {}
            for n in filled:
                value, row = cells[n], table.rows[n]
                if value in first:
                    _fail(table, row, key, "wb.duplicate_id", value=show(value), first=first[value])
                else:
                    first[value] = row
        if not column.rules or not filled:
            continue
        given = cells[filled] if isinstance(cells, np.ndarray) else [cells[n] for n in filled]
        for name in column.rules:
            rule = RULES[name]
            for n in np.flatnonzero(~rule.passes(given)).tolist():
                value = given[n].item() if isinstance(given, np.ndarray) else given[n]
                _fail(table, table.rows[filled[n]], key, rule.message, value=show(value))


def _fail(table: Table, row: int, key: str, message_key: str, **params: object) -> None:
    if table.ok(row, key):  # a cell is reported once: its first problem
        table.add(row, key, message_key, **params)


def suggest(value: str, known: Iterable[str]) -> str:
    folded = value.casefold()
    return next((k for k in known if k.casefold() == folded), "")


def raise_if_problems(problems: list[Problem] | tuple[Problem, ...], lang: str) -> None:
    if problems:
        raise WorkbookError(problems, tr("wb.problems", lang, count=len(problems)))
