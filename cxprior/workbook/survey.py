"""Survey files: one row per respondent, an outcome column and driver columns (DESIGN.md,
"Contract v2 › Listening data").

`read_survey` reads a `.csv` or the first sheet of an `.xlsx`; `select_survey` picks the
outcome, the drivers and an optional segment column by name and turns their cells into
numbers, or raises SurveyError listing every problem, each located by the row as the file
shows it (header = row 1) and the column's name.

- CSV: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark (Excel's
  "Unicode text"), or else Windows' cp1252, which Excel writes for "CSV (separator)" in
  Western Europe. The separator is the one of `,`, `;` or tab the header row uses most.
  Numbers may use a decimal comma ("7,5"), as French Excel writes them.
- XLSX: the first worksheet, through the same hostile-file guard and streaming reader as the
  workspace workbook.
- Column names compare as `fold` does (case, accents and runs of spaces ignored); an unknown
  name gets the closest column as a suggestion.
- An empty cell, or one of `NA`, `N/A`, `#N/A`, `NSP`, `NR`, `-` (no answer), is a missing
  value: the respondent is left out of the analysis and counted. Any other text in a score
  column is a problem.
- By default the drivers are every numeric column except the outcome and the segment (a
  column is numeric when most of its answered cells are numbers, so a stray word in a score
  column is reported rather than the column skipped). `propose_drivers` puts first the
  columns named like the workspace's journey phases.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import functools
import io
import math
import os
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

import numpy as np

from cxprior.domain import CxpriorError, Problem, WorkbookError, fold
from cxprior.i18n import format_number, tr
from cxprior.workbook.guard import MB, ReadLimits, inspect_xlsx
from cxprior.workbook.reader import (
    _feed,
    _Package,
    _Refused,
    _shared_strings_part,
    _SharedStrings,
    _SheetReader,
    _sheets,
    _StopSheet,
    _workbook_part,
)
from cxprior.workbook.safe_text import neutralise
from cxprior.workbook.tables import UNREADABLE, NumberTextError, RawSheet, parse_number_text

# a survey may hold more rows than a backlog: 100,000 respondents × 20 columns read in seconds
SURVEY_LIMITS = ReadLimits(max_rows=100_000, max_cells=2_000_000, max_columns=500)
MISSING_WORDS = frozenset({"", "na", "n/a", "#n/a", "nsp", "nr", "-", "–", "—"})
SEPARATORS = (",", ";", "\t")
# a column of text gets its first few cells listed, then a count: the message stays readable
SHOWN_PER_COLUMN = 5
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SurveyError(CxpriorError):
    """The survey cannot be used; `problems` lists every problem found, each located."""

    def __init__(self, problems: Sequence[Problem], lang: str = "en") -> None:
        self.problems = tuple(problems)
        message = (
            self.problems[0].message
            if len(self.problems) == 1
            else tr("listen.survey.problems", lang, count=len(self.problems))
        )
        super().__init__(message)


@dataclass(frozen=True, eq=False)
class Survey:
    """A survey file's cells as the file holds them.

    `source` names the file (CSV) or the sheet (XLSX) in messages. `columns` are the headers
    as written, in file order; `cells[k]` holds column k's cells along `rows`, the file's row
    number of each respondent (header = row 1; empty rows skipped): a float, a text, True or
    False, None for an empty cell, or UNREADABLE for a cell already reported in `problems`
    (a formula without a result, an Excel error), which is raised only if the column is used.
    """

    source: str
    columns: tuple[str, ...]
    rows: tuple[int, ...]
    cells: tuple[tuple[object, ...], ...]
    problems: tuple[Problem, ...] = ()

    @property
    def respondents(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> int | None:
        """The position of the column named `name` (as `fold` compares), or None."""
        key = fold(name)
        return next((k for k, column in enumerate(self.columns) if fold(column) == key), None)

    def numeric_columns(self) -> tuple[str, ...]:
        """The columns most of whose answered cells are numbers, in file order."""
        return tuple(c for k, c in enumerate(self.columns) if _mostly_numbers(self.cells[k]))


@dataclass(frozen=True, eq=False)
class SurveySelection:
    """The chosen columns as numbers, ready for `cxprior.analysis.analyse_drivers`.

    `outcome` has one value per respondent and `drivers` one row per respondent (NaN = no
    answer); `segments` is each respondent's segment label (None: empty cell), or None when
    no segment column is chosen; `rows` is each respondent's row in the file.
    """

    source: str
    outcome_name: str
    driver_names: tuple[str, ...]
    outcome: np.ndarray
    drivers: np.ndarray
    segment_name: str | None
    segments: tuple[str | None, ...] | None
    rows: tuple[int, ...]

    @property
    def complete_rows(self) -> int:
        return int((np.isfinite(self.outcome) & np.isfinite(self.drivers).all(axis=1)).sum())


@dataclass(frozen=True)
class DriverProposal:
    """Candidate driver columns: those named like a journey phase (in the phases' order) first."""

    phase_columns: tuple[str, ...]
    other_columns: tuple[str, ...]

    @property
    def ordered(self) -> tuple[str, ...]:
        return (*self.phase_columns, *self.other_columns)


# --- reading ---------------------------------------------------------------------------------


def read_survey(
    source: bytes | str | os.PathLike | BinaryIO,
    *,
    name: str | None = None,
    lang: str = "en",
    limits: ReadLimits = SURVEY_LIMITS,
) -> Survey:
    """Read a survey file (.csv, or the first sheet of an .xlsx), or raise SurveyError.

    `name` is the file's name when `source` holds bytes or a stream (an upload): it names the
    file in messages. Nothing is checked about the columns here (see `select_survey`).
    """
    label = name or (os.path.basename(os.fspath(source)) if isinstance(source, str | os.PathLike) else "")
    data = _load(source, limits, lang)
    if not data.strip():
        raise SurveyError([Problem(label, None, "", tr("listen.survey.empty_file", lang))], lang)
    is_workbook = data.startswith((*_ZIP_MAGICS, _OLE_MAGIC)) or label.casefold().endswith(
        (".xlsx", ".xlsm", ".xls", ".xlsb")
    )
    try:
        survey = _read_xlsx(data, limits, lang) if is_workbook else _read_csv(data, label, limits, lang)
    except WorkbookError as error:  # the guard's refusals, said the same way as for a workbook
        raise SurveyError([_relabel(p, label) for p in error.problems], lang) from error
    if not survey.rows:
        raise SurveyError([Problem(survey.source, None, "", tr("listen.survey.no_rows", lang))], lang)
    return survey


def _load(source: bytes | str | os.PathLike | BinaryIO, limits: ReadLimits, lang: str) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        where = os.path.basename(path)
        if not os.path.exists(path):
            raise SurveyError(
                [Problem("", None, "", tr("listen.survey.file_missing", lang, path=path))], lang
            )
        if not os.path.isfile(path):
            raise SurveyError([Problem("", None, "", tr("listen.survey.not_a_file", lang, path=path))], lang)
        try:
            with open(path, "rb") as handle:
                data = handle.read(limits.max_file_bytes + 1)
        except OSError as error:
            message = tr("listen.survey.unreadable", lang, path=path, reason=error.strerror or error)
            raise SurveyError([Problem(where, None, "", message)], lang) from error
    else:
        raw = source.read(limits.max_file_bytes + 1)
        data = raw if isinstance(raw, bytes) else bytes(raw)
    if len(data) > limits.max_file_bytes:
        message = tr(
            "listen.survey.too_large",
            lang,
            size=f"{len(data) / MB:.1f}" + ("+" if len(data) == limits.max_file_bytes + 1 else ""),
            limit=f"{limits.max_file_bytes / MB:.0f}",
        )
        raise SurveyError([Problem("", None, "", message)], lang)
    return data


def _relabel(problem: Problem, label: str) -> Problem:
    return problem if problem.sheet else Problem(label, problem.row, problem.column, problem.message)


def _decode(data: bytes, label: str, lang: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encodings: tuple[str, ...] = ("utf-8",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        if b"\x00" in data:
            raise SurveyError([Problem(label, None, "", tr("listen.survey.binary", lang))], lang)
        encodings = ("utf-8", "cp1252")
    failure: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            failure = error
    assert failure is not None
    # located on the record as Excel would show it: quoted line breaks are rare in surveys
    row = data[: failure.start].count(b"\n") + 1
    byte = f"0x{data[failure.start]:02X}"
    raise SurveyError([Problem(label, row, "", tr("listen.survey.encoding", lang, byte=byte))], lang)


def _separator(header_line: str) -> str:
    """The separator the header row uses most, counted outside quotes (`,` when none)."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ","


def _read_csv(data: bytes, label: str, limits: ReadLimits, lang: str) -> Survey:
    text = _decode(data, label, lang)
    if not text.strip(" \ufeff\r\n\t"):
        raise SurveyError([Problem(label, None, "", tr("listen.survey.empty_file", lang))], lang)
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=_separator(first_line))
    problems: list[Problem] = []
    header: list[str] | None = None
    rows: list[int] = []
    records: list[list[str]] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if header is None:
                header = [neutralise(cell.strip()) for cell in record]
                if len(header) > limits.max_columns:
                    message = tr("listen.survey.too_many_columns", lang, limit=limits.max_columns)
                    raise SurveyError([Problem(label, 1, "", message)], lang)
                continue
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= limits.max_rows:
                limit = format_number(limits.max_rows, lang)
                problems.append(
                    Problem(label, number, "", tr("listen.survey.too_many_rows", lang, limit=limit))
                )
                break
            rows.append(number)
            records.append(record)
    except csv.Error as error:
        problems.append(Problem(label, number + 1, "", tr("listen.survey.damaged_csv", lang, reason=error)))
    if problems:
        raise SurveyError(problems, lang)
    columns, positions = _headers(header or [], label, lang)
    cells = tuple(
        tuple(_csv_cell(record[k]) if k < len(record) else None for record in records) for k in positions
    )
    return Survey(label, columns, tuple(rows), cells)


def _csv_cell(text: str) -> str | None:
    text = text.strip()
    return neutralise(text) if text else None


def _headers(header: Sequence[object], label: str, lang: str) -> tuple[tuple[str, ...], list[int]]:
    """The named columns and their positions; an empty header row or two columns of the same
    name are problems (a choice by name could not tell them apart)."""
    named = [(k, str(h).strip()) for k, h in enumerate(header) if h is not None and str(h).strip()]
    if not named:
        raise SurveyError([Problem(label, 1, "", tr("listen.survey.no_header", lang))], lang)
    problems = []
    seen: dict[str, str] = {}
    for _, column in named:
        other = seen.get(fold(column))
        if other is not None:
            problems.append(
                Problem(label, 1, column, tr("listen.survey.header_twice", lang, name=column, other=other))
            )
        seen.setdefault(fold(column), column)
    if problems:
        raise SurveyError(problems, lang)
    return tuple(c for _, c in named), [k for k, _ in named]


def _read_xlsx(data: bytes, limits: ReadLimits, lang: str) -> Survey:
    inspect_xlsx(data, limits, lang)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive, lang)
            workbook = _workbook_part(package)
            if package.find(workbook) is None:
                raise SurveyError([Problem("", None, "", tr("wb.not_workbook_zip", lang))], lang)
            sheets = _sheets(package, workbook)
            first = next(((name, part) for name, part, _ in sheets if part is not None), None)
            if first is None:
                raise SurveyError([Problem("", None, "", tr("wb.damaged_sheet", lang))], lang)
            name, part = first
            shared: list[str] = []
            strings = _shared_strings_part(package, workbook)
            if strings is not None:
                table = _SharedStrings(limits.max_cells)
                _feed(package, strings, table)
                shared = table.strings
            raw = RawSheet(name, {})
            reader = _SheetReader(
                raw, lambda _header: True, shared, limits, limits.max_rows, [limits.max_cells], lang
            )
            try:
                _feed(package, part, reader)
            except _StopSheet:
                raw.stopped = True
                reader.close()
    except _StopSheet as error:
        limit = format_number(limits.max_cells, lang)
        raise SurveyError(
            [Problem("", None, "", tr("wb.too_many_cells", lang, limit=limit))], lang
        ) from error
    except _Refused as error:
        part_name = error.args[0] if error.args else "?"
        raise SurveyError([Problem("", None, "", tr("wb.xml_dtd", lang, part=part_name))], lang) from error
    except (ParseError, zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError) as error:
        raise SurveyError([Problem("", None, "", tr("wb.damaged", lang))], lang) from error
    sheet_problems = [p for p in raw.problems if p.row is None]
    if raw.stopped and len(raw.rows) >= limits.max_rows:
        limit = format_number(limits.max_rows, lang)
        sheet_problems = [Problem(name, None, "", tr("listen.survey.too_many_rows", lang, limit=limit))]
    if sheet_problems:
        raise SurveyError(sheet_problems, lang)
    positions = sorted(raw.headers)
    columns, kept = _headers([raw.headers[k] for k in positions], name, lang)
    cells = tuple(tuple(raw.values[positions[k]]) for k in kept)
    return Survey(name, columns, tuple(raw.rows), cells, tuple(p for p in raw.problems if p.row is not None))


# --- choosing the columns --------------------------------------------------------------------


def _is_missing(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float):
        return math.isnan(cell)
    return isinstance(cell, str) and _missing_text(cell)


@functools.lru_cache(maxsize=4096)
def _missing_text(text: str) -> bool:
    return fold(text) in MISSING_WORDS


def _as_number(cell: object) -> float | None:
    """The cell's number, NaN for no answer, None for a cell that is not a number."""
    if cell is None:
        return math.nan
    if cell is UNREADABLE or isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell) if math.isfinite(cell) or math.isnan(cell) else None
    return _text_number(str(cell))


# survey answers repeat a handful of texts ("7", "8", "7,5", "NSP"): each is read once
@functools.lru_cache(maxsize=4096)
def _text_number(text: str) -> float | None:
    if _missing_text(text):
        return math.nan
    try:
        value = parse_number_text(text)
    except (NumberTextError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _mostly_numbers(cells: Sequence[object]) -> bool:
    values = [_as_number(c) for c in cells if c is not UNREADABLE]
    answered = [v for v in values if v is None or not math.isnan(v)]
    numbers = sum(1 for v in answered if v is not None)
    return bool(answered) and numbers * 2 > len(answered)


def default_drivers(
    survey: Survey, outcome: str | None = None, segment: str | None = None
) -> tuple[str, ...]:
    """Every numeric column but the outcome and the segment, in file order."""
    left_out = {fold(outcome or ""), fold(segment or "")}
    return tuple(c for c in survey.numeric_columns() if fold(c) not in left_out)


def propose_drivers(
    survey: Survey, phases: Sequence[str], *, outcome: str | None = None, segment: str | None = None
) -> DriverProposal:
    """The candidate drivers, those named like one of `phases` first (in the phases' order).

    Pass the workspace's phases in journey order (`cxprior.analysis.phase_order`); names
    compare as `fold` does.
    """
    candidates = default_drivers(survey, outcome, segment)
    by_key = {fold(c): c for c in candidates}
    matching = tuple(dict.fromkeys(by_key[fold(p)] for p in phases if fold(p) in by_key))
    return DriverProposal(matching, tuple(c for c in candidates if c not in matching))


# outcome columns are often named like this (folded, searched as words or word starts)
_OUTCOME_WORDS = (
    "recommand",
    "recommend",
    "nps",
    "likelihood",
    "probabilite",
    "satisfaction globale",
    "overall",
)


def propose_outcome(survey: Survey) -> str | None:
    """The numeric column most likely to be the outcome (recommendation, NPS, overall
    satisfaction), or None when no column is named like one."""
    for word in _OUTCOME_WORDS:
        for column in survey.numeric_columns():
            if word in fold(column):
                return column
    return None


def _unknown(survey: Survey, name: str, lang: str) -> Problem:
    folded = {fold(c): c for c in survey.columns}
    close = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.6)
    listed = ", ".join(survey.columns)
    if close:
        message = tr(
            "listen.survey.unknown_column", lang, name=name, suggestion=folded[close[0]], columns=listed
        )
    else:
        message = tr("listen.survey.unknown_column_no_guess", lang, name=name, columns=listed)
    return Problem(survey.source, None, name, message)


def select_survey(
    survey: Survey,
    outcome: str,
    drivers: Sequence[str] | None = None,
    segment: str | None = None,
    *,
    lang: str = "en",
    max_drivers: int = 15,
    extra_rows: int = 10,
) -> SurveySelection:
    """The outcome, the drivers (default: every other numeric column) and the segment, as
    numbers; or SurveyError listing every problem, each located by row and column.

    Problems: an unknown column (the closest name suggested), the outcome or the segment also
    chosen as a driver, no driver or more than `max_drivers`, a cell that is not a number
    (row, column), an empty column, a constant driver or outcome, fewer complete rows than
    drivers + `extra_rows`.
    """
    problems: list[Problem] = []
    where = survey.source

    def resolve(name: str) -> str | None:
        position = survey.column(name)
        if position is None:
            problems.append(_unknown(survey, name, lang))
            return None
        return survey.columns[position]

    if not (outcome or "").strip():
        problems.append(Problem(where, None, "", tr("listen.survey.no_outcome", lang)))
        outcome_name = None
    else:
        outcome_name = resolve(outcome.strip())
    segment_name = resolve(segment.strip()) if segment and segment.strip() else None
    if drivers is None:
        driver_names = list(default_drivers(survey, outcome_name or outcome, segment_name or segment))
        if not driver_names and outcome_name is not None:
            problems.append(Problem(where, None, "", tr("listen.survey.no_numeric_driver", lang)))
    else:
        driver_names = [
            resolved for d in drivers if d.strip() and (resolved := resolve(d.strip())) is not None
        ]
        if not [d for d in drivers if d.strip()]:
            problems.append(Problem(where, None, "", tr("listen.no_driver", lang)))
    if segment_name is not None and outcome_name is not None and fold(segment_name) == fold(outcome_name):
        problems.append(
            Problem(where, None, segment_name, tr("listen.survey.segment_as_driver", lang, name=segment_name))
        )
    kept: list[str] = []
    for name in driver_names:
        if outcome_name is not None and fold(name) == fold(outcome_name):
            problems.append(
                Problem(where, None, name, tr("listen.survey.outcome_as_driver", lang, name=name))
            )
        elif segment_name is not None and fold(name) == fold(segment_name):
            problems.append(
                Problem(where, None, name, tr("listen.survey.segment_as_driver", lang, name=name))
            )
        elif name in kept:
            problems.append(Problem(where, None, name, tr("listen.duplicate_driver", lang, name=name)))
        else:
            kept.append(name)
    if len(kept) > max_drivers:
        problems.append(
            Problem(where, None, "", tr("listen.too_many_drivers", lang, count=len(kept), limit=max_drivers))
        )
    if problems or outcome_name is None:
        raise SurveyError(problems, lang)

    values = {name: _numbers(survey, name, problems, lang) for name in (outcome_name, *kept)}
    if problems:
        raise SurveyError(problems, lang)
    y = values[outcome_name]
    x = np.column_stack([values[name] for name in kept]) if kept else np.empty((len(y), 0))
    complete = np.isfinite(y) & np.isfinite(x).all(axis=1)
    needed = len(kept) + extra_rows
    if complete.sum() < needed:
        message = tr(
            "listen.too_few_rows",
            lang,
            rows=int(complete.sum()),
            dropped=int((~complete).sum()),
            needed=needed,
        )
        raise SurveyError([Problem(where, None, "", message)], lang)
    for name, column in ((outcome_name, y), *zip(kept, x.T, strict=True)):
        used = column[complete]
        if np.ptp(used) == 0:
            key = (
                "listen.survey.constant_outcome" if name == outcome_name else "listen.survey.constant_column"
            )
            problems.append(Problem(where, None, name, tr(key, lang, value=f"{used[0]:g}")))
    if problems:
        raise SurveyError(problems, lang)
    segments = None
    if segment_name is not None:
        cells = survey.cells[survey.column(segment_name)]  # type: ignore[index]
        segments = tuple(_segment_label(cell) for cell in cells)
    return SurveySelection(where, outcome_name, tuple(kept), y, x, segment_name, segments, survey.rows)


def _numbers(survey: Survey, name: str, problems: list[Problem], lang: str) -> np.ndarray:
    """The column's cells as numbers (NaN = no answer); each other cell is a located problem."""
    position = survey.column(name)
    assert position is not None
    cells = survey.cells[position]
    values = np.full(len(cells), np.nan)
    bad = 0
    reported = [p for p in survey.problems if p.column and fold(p.column) == fold(name)]
    problems.extend(reported)
    for k, cell in enumerate(cells):
        if cell is UNREADABLE:
            continue
        number = _as_number(cell)
        if number is None:
            bad += 1
            if bad <= SHOWN_PER_COLUMN:
                problems.append(Problem(survey.source, survey.rows[k], name, _not_a_number(cell, lang)))
        else:
            values[k] = number
    if bad > SHOWN_PER_COLUMN:
        more = format_number(bad - SHOWN_PER_COLUMN, lang)
        problems.append(
            Problem(survey.source, None, name, tr("listen.survey.more_not_numbers", lang, count=more))
        )
    if not bad and not reported and not np.isfinite(values).any():
        problems.append(Problem(survey.source, None, name, tr("listen.survey.empty_column", lang)))
    return values


def _not_a_number(cell: object, lang: str) -> str:
    if isinstance(cell, bool):
        return tr("listen.survey.not_a_number_yesno", lang, text=str(cell).upper())
    text = str(cell)
    return tr("listen.survey.not_a_number", lang, text=text if len(text) <= 40 else text[:39] + "…")


def _segment_label(cell: object) -> str | None:
    if cell is None or cell is UNREADABLE or _is_missing(cell):
        return None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip() or None
