"""Read a CX workbook (.xlsx) into a Workspace or a TeamBacklog, or say everything wrong with it.

The file goes through the hostile-file guard (`xlsx_guard`) before any XML parser sees it;
then the parts are read directly with the standard library's expat parser (a
streaming target, no element tree), which is about four times faster than openpyxl's
read-only mode and sees what openpyxl hides: a formula cell without a saved result. A
target that refuses document type declarations keeps entity expansion out even if the
guard's byte scan were bypassed; small parts go through defusedxml.

Cells come out as Excel stores them: numbers as floats, text as str, TRUE/FALSE as bool.
Dates are numbers of days in Excel; the contract has no date column, so no date styles are
read. Only the cells under a contract header are kept (extra columns are noted and ignored),
empty rows are skipped, and reading a sheet stops at the row, column and cell limits.
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, Literal
from xml.etree.ElementTree import ParseError, XMLParser

from defusedxml.ElementTree import fromstring as safe_fromstring

from cxprior.domain import Problem, TeamBacklog, UnsafeFileError, WorkbookError, Workspace
from cxprior.i18n import CATALOG, format_number, tr
from cxprior.workbook import contract
from cxprior.workbook.edits import BacklogRows, check_backlog_against, validate_initiatives_frame
from cxprior.workbook.guard import CHUNK, ReadLimits, check_file_size, check_small_part, inspect_xlsx
from cxprior.workbook.rules import build
from cxprior.workbook.safe_text import reveal, unescape_xstring
from cxprior.workbook.tables import (
    UNREADABLE,
    RawSheet,
    display_name,
    header_key,
    is_contract_column,
    raise_if_problems,
    wide_kpi_of,
)

__all__ = [
    "BacklogRows",
    "ReadLimits",
    "ReadResult",
    "check_backlog_against",
    "read_workbook",
    "validate_initiatives_frame",
]

MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # "Strict Open XML" workbooks
)
REL_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)
# sheets that templates carry for people, read by nobody: ignored without a note
QUIET_SHEETS = frozenset(
    {"instructions", "mode d'emploi", "lisez-moi", "readme", "read me"}
    | {text.strip().casefold() for text in CATALOG.get("export.instructions.sheet", {}).values()}
)
WORKSPACE_ONLY = ("Goals", "KPIs", "KPI_Goals")
# the follow-up sheets may sit in the workspace workbook: `read_followup` reads them, not this
FOLLOWUP_NAMES = frozenset(header_key(name) for spec in contract.FOLLOWUP_SHEETS for name in spec.names)
# and so may the COMEX members' Weights sheet: `read_member_weights` reads it
WEIGHTS_NAMES = frozenset(header_key(name) for name in contract.WEIGHTS.names)
# when row 1 holds fewer than two of the template's headers, the rows down to this one are
# searched for them, so that a title above the table gets a message saying so
HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class ReadResult:
    """A workbook that passed every rule: a whole workspace or a team backlog."""

    kind: Literal["workspace", "backlog"]
    workspace: Workspace | None
    backlog: TeamBacklog | None
    notes: tuple[Problem, ...] = ()  # non-blocking remarks (ignored sheets and columns)
    rows: BacklogRows | None = None  # a backlog's rows, for `preview_merge` to locate its problems


class _Refused(Exception):
    """Raised inside the XML target to stop parsing a hostile document."""


class _StopSheet(Exception):
    """Raised inside the sheet target when a limit is reached."""


# --- bytes in -------------------------------------------------------------------------------


def _load_bytes(source: bytes | str | os.PathLike | BinaryIO, limits: ReadLimits, lang: str) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if not os.path.exists(path):
            raise _file_error("wb.file_missing", lang, path=path)
        if not os.path.isfile(path):
            raise _file_error("wb.not_a_file", lang, path=path)
        check_file_size(os.path.getsize(path), limits, lang)
        try:
            with open(path, "rb") as handle:
                return handle.read(limits.max_file_bytes + 1)
        except OSError as error:
            raise _file_error("wb.unreadable", lang, path=path, reason=error.strerror or error) from error
    data = source.read(limits.max_file_bytes + 1)
    return data if isinstance(data, bytes) else bytes(data)


def _file_error(key: str, lang: str, **params: object) -> WorkbookError:
    message = tr(key, lang, **params)
    return WorkbookError([Problem("", None, "", message)], message)


# --- workbook structure --------------------------------------------------------------------


class _Package:
    """Part lookup by case-insensitive name (OPC part names ignore case)."""

    def __init__(self, archive: zipfile.ZipFile, lang: str) -> None:
        self.archive = archive
        self.lang = lang
        self.names = {info.filename.lstrip("/").casefold(): info.filename for info in archive.infolist()}

    def find(self, name: str) -> str | None:
        return self.names.get(name.lstrip("/").casefold())

    def small_xml(self, name: str):
        """A structure part (workbook, relationships), parsed whole by defusedxml."""
        info = self.archive.getinfo(self.find(name))
        check_small_part(info, self.lang)
        return safe_fromstring(self.archive.read(info))


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _relationships(package: _Package, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type's last word, target part name) for one part."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if package.find(rels_name) is None:
        return {}
    found = {}
    for node in package.small_xml(rels_name).iter():
        if _local(node.tag) != "Relationship" or node.get("TargetMode") == "External":
            continue
        target = node.get("Target", "")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        found[node.get("Id", "")] = (node.get("Type", "").rsplit("/", 1)[-1], path)
    return found


def _workbook_part(package: _Package) -> str:
    for kind, target in _relationships(package, "").values():
        if kind == "officeDocument" and package.find(target):
            return target
    return "xl/workbook.xml"


def _sheets(package: _Package, workbook: str) -> list[tuple[str, str | None, str]]:
    """(sheet name, worksheet part or None, relationship kind), in the workbook's order."""
    rels = _relationships(package, workbook)
    sheets = []
    for node in package.small_xml(workbook).iter():
        if _local(node.tag) != "sheet":
            continue
        rel_id = next((v for k, v in node.attrib.items() if k.startswith("{") and _local(k) == "id"), "")
        kind, target = rels.get(rel_id, ("", ""))
        part = target if kind == "worksheet" and package.find(target) else None
        # a hidden character (right-to-left override, zero-width space) is shown as ⟨U+…⟩
        sheets.append((reveal(node.get("name", "")), part, kind))
    return sheets


def _shared_strings_part(package: _Package, workbook: str) -> str | None:
    for kind, target in _relationships(package, workbook).values():
        if kind == "sharedStrings" and package.find(target):
            return target
    return None


# --- streaming XML targets -----------------------------------------------------------------


class _Target:
    """Base of the parser targets: no DTD, ever (entity expansion, external entities)."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _Refused

    def close(self) -> None:
        return None


def _feed(package: _Package, part: str, target: _Target) -> None:
    parser = XMLParser(target=target)
    try:
        with package.archive.open(package.find(part)) as stream:
            while chunk := stream.read(CHUNK):
                parser.feed(chunk)
        parser.close()
    except _Refused as error:
        raise _Refused(part) from error


def _main_tags(*names: str) -> dict[str, str]:
    return {f"{{{ns}}}{name}": name for ns in MAIN_NAMESPACES for name in names}


class _SharedStrings(_Target):
    """The shared string table; phonetic runs (<rPh>) are not part of the text."""

    TAGS = _main_tags("si", "t", "rPh")

    def __init__(self, limit: int) -> None:
        self.strings: list[str] = []
        self.parts: list[str] = []
        self.text: list[str] | None = None
        self.phonetic = 0
        self.limit = limit

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = self.TAGS.get(tag)
        if name == "t" and not self.phonetic:
            self.text = []
        elif name == "rPh":
            self.phonetic += 1
        elif name == "si":
            self.parts = []

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        name = self.TAGS.get(tag)
        if name == "t" and self.text is not None:
            self.parts.append("".join(self.text))
            self.text = None
        elif name == "rPh":
            self.phonetic -= 1
        elif name == "si":
            self.strings.append(unescape_xstring("".join(self.parts)))
            if len(self.strings) > self.limit:
                raise _StopSheet


def _column_index(ref: str, cache: dict[str, int]) -> int:
    letters = ref.rstrip("0123456789")
    index = cache.get(letters)
    if index is None:
        index = 0
        for char in letters.upper():
            index = index * 26 + ord(char) - 64
        cache[letters] = index
    return index


class _SheetReader(_Target):
    """One worksheet: header row, then the kept columns of every non-empty row."""

    TAGS = _main_tags("row", "c", "v", "f", "is", "t", "rPh")

    def __init__(
        self,
        raw: RawSheet,
        keep: Callable[[str], bool],
        shared: list[str],
        limits: ReadLimits,
        max_rows: int,
        budget: list[int],
        lang: str,
    ) -> None:
        self.raw = raw
        self.max_rows = max_rows
        self.keep = keep
        self.shared = shared
        self.limits = limits
        self.budget = budget  # cells left for the whole workbook, shared between sheets
        self.lang = lang
        self.letters: dict[str, int] = {}
        self.kept: dict[int, str] = {}
        self.orphans: set[int] = set()
        self.row_number = 0
        self.cells: dict[int, object] = {}
        self.column = 0
        self.cell_type: str | None = None
        self.cell_ref: str | None = None
        self.formula = False
        self.value: str | None = None
        self.text: list[str] | None = None
        self.inline: list[str] | None = None
        self.phonetic = 0
        self.wide = False
        self.looking = True  # for the headers below row 1 (see HEADER_SEARCH_ROWS)
        self.header_hits = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = self.TAGS.get(tag)
        if name == "c":
            ref = attrib.get("r")
            self.column = _column_index(ref, self.letters) if ref else self.column + 1
            self.cell_type = attrib.get("t")
            self.formula = False
            self.value = None
            self.inline = None
        elif name == "v":
            self.text = []
        elif name == "t":
            if self.inline is not None and not self.phonetic:
                self.text = []
        elif name == "row":
            number = attrib.get("r")
            self.row_number = int(number) if number else self.row_number + 1
            self.cells = {}
            self.column = 0
        elif name == "f":
            self.formula = True
        elif name == "is":
            self.inline = []
        elif name == "rPh":
            self.phonetic += 1

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        name = self.TAGS.get(tag)
        if name == "c":
            self._cell()
        elif name == "v":
            self.value = "".join(self.text)
            self.text = None
        elif name == "t":
            if self.text is not None and self.inline is not None:
                self.inline.append("".join(self.text))
            self.text = None
        elif name == "row":
            self._row()
        elif name == "rPh":
            self.phonetic -= 1

    def _cell(self) -> None:
        column = self.column
        if column > self.limits.max_columns:
            if not self.wide:
                self.wide = True
                self._sheet_problem("wb.too_many_columns", limit=self.limits.max_columns)
            return
        if self.row_number == 1:
            value = self._decode()
            if isinstance(value, str) and value.strip():
                # shown in messages, and the source of period and KPI ids: hidden characters
                # revealed as in sheet names, so a look-alike header is seen for what it is
                self.raw.headers[column] = reveal(value.strip())
            return
        if self.looking and self.row_number <= HEADER_SEARCH_ROWS:
            self._count_header()
        if column not in self.kept:
            if column not in self.raw.headers and column not in self.orphans and self.row_number > 1:
                value = self._decode()
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    self.orphans.add(column)
            return
        self.cells[column] = self._decode()

    def _count_header(self) -> None:
        """Count a text cell below row 1 that is one of the template's headers."""
        text = None
        if self.cell_type == "inlineStr" and self.inline is not None:
            text = "".join(self.inline)
        elif (
            self.cell_type == "s"
            and self.value
            and self.value.isdigit()
            and int(self.value) < len(self.shared)
        ):
            text = self.shared[int(self.value)]
        if text is not None and self.keep(text.strip()):
            self.header_hits += 1

    def _decode(self) -> object:
        kind = self.cell_type
        raw = self.value
        if kind == "inlineStr":
            value: object = unescape_xstring("".join(self.inline)) if self.inline is not None else None
        elif raw is None or raw == "":
            return self._unreadable("wb.formula_no_result") if self.formula else None
        elif kind is None or kind == "n":
            try:
                value = float(raw)
            except ValueError:
                return self._unreadable("wb.damaged_cell")
        elif kind == "s":
            try:
                value = self.shared[int(raw)]
            except (ValueError, IndexError):
                return self._unreadable("wb.damaged_cell")
        elif kind == "b":
            value = raw.strip() in ("1", "true")
        elif kind == "e":
            return self._unreadable("wb.excel_error", code=raw)
        else:  # "str" (a formula's text result) and "d" (an ISO date written as text)
            value = unescape_xstring(raw)
        if isinstance(value, str) and len(value) > self.limits.max_cell_chars:
            return self._unreadable(
                "wb.cell_too_long",
                length=format_number(len(value), self.lang),
                limit=format_number(self.limits.max_cell_chars, self.lang),
            )
        if isinstance(value, str) and value in EXCEL_ERRORS and self.formula:
            return self._unreadable("wb.excel_error", code=value)
        return value

    def _unreadable(self, key: str, **params: object) -> object:
        header = self.raw.headers.get(self.column)
        if self.row_number > 1 and self.column in self.kept:
            self.raw.problems.append(
                Problem(self.raw.name, self.row_number, header, tr(key, self.lang, **params))
            )
            return UNREADABLE
        return None

    def _row(self) -> None:
        if self.row_number == 1:
            self.kept = {c: h for c, h in self.raw.headers.items() if self.keep(h)}
            for column in self.kept:
                self.raw.values[column] = []
            self.looking = len(self.kept) < 2
            return
        if self.looking:
            hits, self.header_hits = self.header_hits, 0
            if hits >= 2:
                self._sheet_problem("sec.headers_not_on_row_1", row=self.row_number)
                raise _StopSheet
            self.looking = self.row_number < HEADER_SEARCH_ROWS
        cells = self.cells
        if not any(v is not None and not (isinstance(v, str) and not v.strip()) for v in cells.values()):
            return
        if self.row_number > self.max_rows + 1:
            self._sheet_problem("wb.too_many_rows", limit=f"{self.max_rows:,}")
            raise _StopSheet
        self.budget[0] -= len(self.kept)
        if self.budget[0] < 0:
            self._sheet_problem("wb.too_many_cells", limit=f"{self.limits.max_cells:,}")
            raise _StopSheet
        self.raw.rows.append(self.row_number)
        for column, values in self.raw.values.items():
            values.append(cells.get(column))

    def _sheet_problem(self, key: str, **params: object) -> None:
        self.raw.problems.append(Problem(self.raw.name, None, "", tr(key, self.lang, **params)))

    def close(self) -> None:
        if not self.raw.headers and not self.raw.problems:
            self._sheet_problem("wb.header_missing")
        for column in sorted(self.orphans):
            letter = _letters(column)
            self.raw.notes.append(Problem(self.raw.name, None, letter, tr("wb.column_no_header", self.lang)))


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- sheets → contract ----------------------------------------------------------------------


def _match_sheets(names: list[str], lang: str) -> tuple[dict[str, str], list[Problem], list[Problem]]:
    """Contract sheet key → sheet name as written; problems (twins) and notes (ignored)."""
    lookup = {header_key(name): spec for spec in contract.SHEETS for name in spec.names}
    matched: dict[str, str] = {}
    problems: list[Problem] = []
    notes: list[Problem] = []
    for name in names:
        spec = lookup.get(header_key(name))
        if spec is None:
            if header_key(name) in FOLLOWUP_NAMES:
                notes.append(Problem(name, None, "", tr("fu.sheet_for_track", lang)))
            elif header_key(name) in WEIGHTS_NAMES:
                notes.append(Problem(name, None, "", tr("wb.weights.sheet_for_sensitivity", lang)))
            elif name.strip().casefold() not in QUIET_SHEETS:
                notes.append(Problem(name, None, "", tr("wb.sheet_ignored", lang)))
        elif spec.key in matched:
            problems.append(Problem(name, None, "", tr("wb.sheet_twice", lang, other=matched[spec.key])))
        else:
            matched[spec.key] = name
    return matched, problems, notes


def _kind(
    matched: dict[str, str], names: list[str], lang: str, filled: frozenset[str] | None = None
) -> tuple[str, list[Problem], list[str]]:
    """ "workspace" or "backlog", the missing sheets, and the matched sheets to keep.

    `filled`: the matched sheets with at least one row (or a problem) below their headers. A
    workspace-only sheet left empty (the downloaded template, filled with initiatives and
    impacts only) does not make a workspace, unless the Initiatives sheet is empty too; None
    counts every matched sheet as filled."""
    # an empty Initiatives sheet makes no backlog: a template left blank is an empty workspace
    ignore_empty = filled is not None and "Initiatives" in filled
    workspace_sheets = [
        key for key in WORKSPACE_ONLY if key in matched and (not ignore_empty or key in filled)
    ]
    if workspace_sheets:
        problems = [
            Problem(
                display_name(spec, lang), None, "", tr("wb.sheet_missing", lang, names=" / ".join(spec.names))
            )
            for spec in contract.SHEETS
            if spec.required_in_workspace and spec.key not in matched
        ]
        return "workspace", problems, list(matched)
    if "Initiatives" in matched:
        notes = [key for key in matched if key not in ("Initiatives", "Impacts")]
        return "backlog", [], [key for key in matched if key not in notes]
    found = ", ".join(names) or "–"
    return "", [Problem("", None, "", tr("wb.no_contract_sheet", lang, found=found))], []


def _read_sheets(
    package: _Package, data_sheets: dict[str, tuple[str, str | None, str]], limits: ReadLimits, lang: str
) -> tuple[dict[str, RawSheet], list[Problem]]:
    shared: list[str] = []
    problems: list[Problem] = []
    workbook = _workbook_part(package)
    strings = _shared_strings_part(package, workbook)
    if strings is not None:
        target = _SharedStrings(limits.max_cells)
        try:
            _feed(package, strings, target)
        except _StopSheet:
            problems.append(
                Problem("", None, "", tr("wb.too_many_cells", lang, limit=f"{limits.max_cells:,}"))
            )
            return {}, problems
        shared = target.strings
    budget = [limits.max_cells]
    raws: dict[str, RawSheet] = {}
    specs = {spec.key: spec for spec in (*contract.SHEETS, *contract.FOLLOWUP_SHEETS, contract.WEIGHTS)}
    for key, (name, part, kind) in data_sheets.items():
        if budget[0] < 0:
            break  # the cell limit is reached and already reported
        raw = RawSheet(name, {})
        raws[key] = raw
        if part is None:
            message = "wb.not_a_table" if kind == "chartsheet" else "wb.damaged_sheet"
            raw.problems.append(Problem(name, None, "", tr(message, lang)))
            continue
        # Impacts and Effort have a few rows per initiative
        long_form = key in (contract.IMPACTS.key, contract.EFFORT.key)
        max_rows = limits.max_impact_rows if long_form else limits.max_rows
        reader = _SheetReader(raw, is_contract_column(specs[key]), shared, limits, max_rows, budget, lang)
        try:
            _feed(package, part, reader)
        except _StopSheet:
            raw.stopped = True
            reader.close()
        except ParseError:
            raw.problems.append(Problem(name, None, "", tr("wb.damaged_sheet", lang)))
    return raws, problems


def read_workbook(
    source: bytes | str | os.PathLike | BinaryIO,
    *,
    lang: str = "en",
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen, shared safely
) -> ReadResult:
    """Read and validate a workbook; raise WorkbookError listing every problem at once.

    UnsafeFileError (a WorkbookError) refuses a file before parsing: not an .xlsx, legacy
    .xls, password-protected, macros, too large, a zip bomb, a DTD.
    """
    data = _load_bytes(source, limits, lang)
    inspect_xlsx(data, limits, lang)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            package = _Package(archive, lang)
            workbook = _workbook_part(package)
            if package.find(workbook) is None:
                raise UnsafeFileError(tr("wb.not_workbook_zip", lang))
            sheets = _sheets(package, workbook)
            names = [name for name, _, _ in sheets]
            matched, problems, notes = _match_sheets(names, lang)
            kind, missing, _ = _kind(matched, names, lang)
            if not kind:
                raise_if_problems(problems + missing, lang)
            parts = {name: (part, kind) for name, part, kind in sheets}
            # every matched sheet is read, so that an empty one is known before the kind is
            raws, read_problems = _read_sheets(
                package, {key: (matched[key], *parts[matched[key]]) for key in matched}, limits, lang
            )
            filled = frozenset(key for key, raw in raws.items() if raw.rows or raw.problems or raw.stopped)
            kind, missing, to_read = _kind(matched, names, lang, filled)
            problems += missing
            if kind == "backlog":
                ignored = {True: "wb.backlog_sheet_ignored", False: "merge.empty_sheet_ignored"}
                notes += [
                    Problem(matched[key], None, "", tr(ignored[key in filled], lang))
                    for key in matched
                    if key not in to_read
                ]
                raws = {key: raw for key, raw in raws.items() if key in to_read}
    except _Refused as error:
        raise UnsafeFileError(tr("wb.xml_dtd", lang, part=error.args[0] if error.args else "?")) from error
    except (ParseError, zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError) as error:
        raise UnsafeFileError(tr("wb.damaged", lang)) from error
    problems += read_problems
    stopped = [p for raw in raws.values() if raw.stopped for p in raw.problems if p.row is None]
    if read_problems or stopped:
        # an incomplete sheet would raise false alarms (ids it lacks): report the limits only
        raise_if_problems(problems + stopped, lang)
    outcome = build(raws, kind, lang, problems, limits.max_impacts)
    raise_if_problems(outcome.problems, lang)
    rows = _backlog_rows(raws) if kind == "backlog" else None
    return ReadResult(kind, outcome.workspace, outcome.backlog, (*notes, *outcome.notes), rows)  # type: ignore[arg-type]


def _backlog_rows(raws: dict[str, RawSheet]) -> BacklogRows:
    """Each initiative's and impact's Excel row, as the cells were written (ids trimmed)."""

    def column(raw: RawSheet, spec: contract.SheetSpec, key: str) -> list[object]:
        names = {header_key(name) for name in spec.column(key).names}
        position = next((p for p, h in raw.headers.items() if header_key(h) in names), None)
        return raw.values.get(position, []) if position is not None else []

    def text(value: object) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip() if value is not None else ""

    initiatives: dict[str, int] = {}
    impacts: dict[tuple[str, str], tuple[str, int]] = {}
    if (raw := raws.get(contract.INITIATIVES.key)) is not None:
        ids = [text(v) for v in column(raw, contract.INITIATIVES, "initiative_id")]
        for iid, row in zip(ids, raw.rows, strict=False):
            initiatives.setdefault(iid, row)
        for position, header in raw.headers.items():
            kpi = wide_kpi_of(header)
            if kpi is None:
                continue
            for iid, row, value in zip(ids, raw.rows, raw.values.get(position, []), strict=False):
                if value is not None and value != "":
                    impacts.setdefault((iid, kpi), (raw.name, row))
    if (raw := raws.get(contract.IMPACTS.key)) is not None:
        pairs = (column(raw, contract.IMPACTS, key) for key in ("initiative_id", "kpi_id"))
        for iid, kpi, row in zip(*pairs, raw.rows, strict=False):
            impacts.setdefault((text(iid), text(kpi)), (raw.name, row))
    return BacklogRows(initiatives, impacts)
