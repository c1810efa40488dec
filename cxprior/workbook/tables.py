"""Workbook tables (DESIGN.md, "Workbook contract (v1)"): one code path for every table.

A sheet arrives as a `RawSheet` (cells as the file holds them, row numbers as Excel shows
them) from the file reader, or from an edited table in the app
(`validate_initiatives_frame`). The same steps then apply:

1. headers → contract columns (case-insensitive, trimmed, French aliases, spaces or
   underscores alike; `cost_<period>` and `impact:<kpi_id>` columns), unknown ones noted;
2. cells converted to numbers, words and id lists BEFORE any check, so that a text that is
   not a number and a number out of range are both reported in the same column;
3. per-column rules (required, unique, ranges, allowed words) by a pandera schema,
   validated lazily so every failing cell is reported;
4. cross-column and cross-sheet rules (references, cycles, cost sums) in plain Python,
   in cxprior.workbook.rules; cxprior.workbook.edits applies them to the app's edited
   table and to a team backlog against a workspace.

Every problem names the sheet and column as the user wrote them and Excel's row number.
Numbers written as text are converted when unambiguous (see `parse_number_text`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

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


@dataclass
class Table:
    """A sheet read against its spec: converted frame indexed by Excel row, plus findings."""

    spec: SheetSpec
    sheet: str
    lang: str
    frame: pd.DataFrame
    header_of: dict[str, str]  # internal key → header as written
    present: set[str]  # internal keys of the columns the sheet has
    periods: tuple[str, ...] = ()
    wide_kpis: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    failed: set[tuple[int, str]] = field(default_factory=set)  # cells already reported
    sums_checked: bool = True  # False when a period's cost column was dropped as a duplicate
    row_of: dict[str, int] = field(default_factory=dict)  # id → its first row (Initiatives)

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
    table = Table(spec, raw.name, lang, pd.DataFrame(), header_of, set())
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
    columns: dict[str, list[object]] = {}
    for position, key in key_at.items():
        kind = "number" if key.startswith(("cost:", "impact:", "spent:")) else kinds[key]
        if key in _WORD_COLUMNS:
            kind = "word"
        columns[key] = _convert(table, key, kind, raw.values.get(position, [None] * len(raw.rows)), raw.rows)
    for column in spec.columns:
        if column.key not in columns:
            fill = np.nan if column.kind == "number" else None
            columns[column.key] = [fill] * len(raw.rows)
    index = pd.Index(raw.rows, dtype="int64")
    table.frame = pd.DataFrame(
        {
            key: pd.Series(values, index=index, dtype=float if _is_number_key(kinds, key) else object)
            for key, values in columns.items()
        },
        index=index,
    )
    return table


def _is_number_key(kinds: dict[str, str], key: str) -> bool:
    return key.startswith(("cost:", "impact:", "spent:")) or kinds.get(key) == "number"


# --- per-column rules (pandera) ------------------------------------------------------------

_YES_NO = contract.YES_WORDS | contract.NO_WORDS
_CHECKS: dict[str, pa.Check] = {
    "positive": pa.Check(lambda s: s > 0, name="wb.positive", ignore_na=True),
    "non_negative": pa.Check(lambda s: s >= 0, name="wb.non_negative", ignore_na=True),
    "share": pa.Check(lambda s: (s >= 0) & (s <= 1), name="wb.share_range", ignore_na=True),
    "strength": pa.Check(lambda s: (s > 0) & (s <= 1), name="wb.strength_range", ignore_na=True),
    "direction": pa.Check(
        lambda s: s.isin(contract.DIRECTION_WORDS), name="wb.direction_word", ignore_na=True
    ),
    "side": pa.Check(lambda s: s.isin(SIDE_WORDS), name="wb.side_word", ignore_na=True),
    "yes_no": pa.Check(lambda s: s.isin(_YES_NO), name="wb.yes_no_word", ignore_na=True),
    "competency": pa.Check(lambda s: s.map(competency_of).notna(), name="wb.competency_word", ignore_na=True),
}
# per sheet: column key → named checks; required and unique columns come from the spec
_RULES: dict[str, dict[str, tuple[str, ...]]] = {
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
_UNIQUE = {
    "Goals": "goal_id",
    "KPIs": "kpi_id",
    "Initiatives": "initiative_id",
    "Budget": "period",
    "Progress": "initiative_id",
}


def check_columns(table: Table) -> None:
    """Required, unique, ranges and allowed words, every failing cell reported."""
    key = table.spec.key
    rules = _RULES[key]
    unique = _UNIQUE.get(key)
    columns: dict[str, pa.Column] = {}
    for column in table.spec.columns:
        if column.key not in table.present:
            continue
        columns[column.key] = pa.Column(
            None,
            nullable=not column.required,
            unique=column.key == unique,
            report_duplicates="exclude_first",
            checks=[_CHECKS[name] for name in rules.get(column.key, ())],
        )
    prefix = _PERIOD_COLUMNS.get(key, (None, "cost"))[1]
    for period in table.periods:
        columns[f"{prefix}:{period}"] = pa.Column(None, nullable=True, checks=[_CHECKS["non_negative"]])
    try:
        pa.DataFrameSchema(columns, strict=False).validate(table.frame, lazy=True)
    except SchemaErrors as errors:
        _report(table, errors.failure_cases)


def _report(table: Table, failures: pd.DataFrame) -> None:
    first_row: dict[str, dict[object, int]] = {}
    for column, check, value, row in failures[["column", "check", "failure_case", "index"]].itertuples(
        index=False
    ):
        if row is None or (isinstance(row, float) and math.isnan(row)):
            continue
        row = int(row)
        if not table.ok(row, column):
            continue
        if check == "not_nullable":
            table.add(row, column, "wb.required", column=table.column_name(column))
        elif check == "field_uniqueness":
            if column not in first_row:
                series = table.frame[column]
                first_row[column] = {
                    v: r for r, v in zip(series.index[::-1], series.to_numpy()[::-1], strict=True)
                }
            table.add(row, column, "wb.duplicate_id", value=show(value), first=first_row[column][value])
        else:
            table.add(row, column, str(check), value=show(value))


def suggest(value: str, known: Iterable[str]) -> str:
    folded = value.casefold()
    return next((k for k in known if k.casefold() == folded), "")


def raise_if_problems(problems: list[Problem] | tuple[Problem, ...], lang: str) -> None:
    if problems:
        raise WorkbookError(problems, tr("wb.problems", lang, count=len(problems)))
