"""Test workbooks built with openpyxl directly, so reader tests do not depend on the writer.

A workbook is described as {sheet name: rows}, the first row being the headers. The good
workspace below is small enough to reason about; each test changes one cell of it.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile

from openpyxl import Workbook

Sheets = dict[str, list[list[object]]]


def good_sheets() -> Sheets:
    """A valid workspace: 2 goals, 3 KPIs (one unlinked), 4 initiatives over 2 periods."""
    return {
        "Goals": [
            ["goal_id", "name", "weight", "description"],
            ["G1", "Fidéliser les clients", 3, "Loyalty"],
            ["G2", "Réduire le coût de service", 1, None],
        ],
        "KPIs": [
            ["kpi_id", "name", "unit", "direction", "baseline", "target"],
            ["NPS", "Net promoter score", "pts", "increase", 10, 30],
            ["CHURN", "Churn", "%", "decrease", 12, 8],
            ["CES", "Customer effort", "pts", "decrease", 4, 3],
        ],
        "KPI_Goals": [
            ["kpi_id", "goal_id", "strength"],
            ["NPS", "G1", 1],
            ["CHURN", "G1", 0.5],
            ["CHURN", "G2", None],
        ],
        "Initiatives": [
            [
                "initiative_id",
                "name",
                "team",
                "owner",
                "journey_phase",
                "cost",
                "cost_2026",
                "cost_2027",
                "confidence",
                "mandatory",
                "depends_on",
                "exclusive_group",
                "competency",
                "description",
            ],
            [
                "I-1",
                "Rappel client",
                "Care",
                "Ana",
                "Get help",
                150,
                100,
                50,
                0.8,
                "no",
                None,
                None,
                None,
                None,
            ],
            [
                "I-2",
                "Offres de fidélité",
                "Marketing",
                "Bo",
                "Renew",
                200,
                200,
                0,
                1,
                "yes",
                "I-1",
                "G-A",
                None,
                None,
            ],
            [
                "I-3",
                "Refonte onboarding",
                "Digital",
                "Cy",
                "Onboard",
                300,
                100,
                200,
                None,
                None,
                "I-1; I-2",
                "G-A",
                "design_improvement",
                "Nouveau parcours",
            ],
            ["I-4", "Chatbot", "Digital", "Cy", "Get help", 80, 40, 40, 0.5, "non", None, None, None, None],
        ],
        "Impacts": [
            ["initiative_id", "kpi_id", "impact", "impact_low", "impact_high"],
            ["I-1", "NPS", 5, 3, 6],
            ["I-2", "CHURN", -1, None, None],
            ["I-3", "NPS", 4, None, None],
            ["I-3", "CHURN", -0.5, -0.8, -0.2],
            ["I-4", "CES", -0.5, None, None],
        ],
        "Budget": [
            ["period", "budget"],
            ["total", 400],
            ["2026", 250],
            ["2027", 200],
        ],
    }


def backlog_sheets() -> Sheets:
    """A team backlog: Initiatives (with a wide impact column) and Impacts only."""
    return {
        "Initiatives": [
            ["initiative_id", "name", "cost_2026", "cost_2027", "depends_on", "impact:NPS"],
            ["T-1", "Selfcare FAQ", 10, 5, "I-1", 2],
            ["T-2", "Callback widget", 20, 0, "T-1", None],
        ],
        "Impacts": [
            ["initiative_id", "kpi_id", "impact"],
            ["T-2", "CES", -0.2],
        ],
    }


def header_of(sheets: Sheets, sheet: str, column: str) -> int:
    return sheets[sheet][0].index(column)


def with_cell(sheets: Sheets, sheet: str, row: int, column: str, value: object) -> Sheets:
    """A copy with one cell changed; `row` is Excel's row number (header = 1)."""
    changed = copy.deepcopy(sheets)
    rows = changed[sheet]
    while len(rows) < row:
        rows.append([None] * len(rows[0]))
    rows[row - 1][header_of(sheets, sheet, column)] = value
    return changed


def with_header(sheets: Sheets, sheet: str, column: str, new: str) -> Sheets:
    changed = copy.deepcopy(sheets)
    changed[sheet][0][header_of(sheets, sheet, column)] = new
    return changed


def without_column(sheets: Sheets, sheet: str, column: str) -> Sheets:
    changed = copy.deepcopy(sheets)
    index = header_of(sheets, sheet, column)
    changed[sheet] = [row[:index] + row[index + 1 :] for row in changed[sheet]]
    return changed


def xlsx(sheets: Sheets) -> bytes:
    """The sheets as .xlsx bytes (openpyxl, shared strings, formulas kept as formulas)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_part(data: bytes, part: str, change) -> bytes:
    """A copy of the zip with one part rewritten by `change`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                content = change(content)
            target.writestr(info.filename, content)
    return buffer.getvalue()


def cache_formula_results(data: bytes, part: str, results: dict[str, str]) -> bytes:
    """Add the saved result <v> that Excel or LibreOffice would write after a formula cell."""

    def add(xml: bytes) -> bytes:
        text = xml.decode()
        for ref, value in results.items():
            text, count = re.subn(
                rf'(<c r="{ref}"[^>]*>)(<f>.*?</f>)<v ?/>(</c>)', rf"\1\2<v>{value}</v>\3", text
            )
            assert count == 1, f"no formula cell {ref}"
        return text.encode()

    return rewrite_part(data, part, add)


def zip_of(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand, so that headers can lie: (name, stored data, method, crc, declared size)."""
    import struct

    body = b""
    central = b""
    for name, data, method, crc, declared in entries:
        encoded = name.encode()
        offset = len(body)
        body += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), declared, len(encoded), 0
        )
        body += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(data),
            declared,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return body + central + end


def deflate_zeros(size: int) -> tuple[bytes, int]:
    """`size` zero bytes deflated as a zip stores them (raw deflate), and their CRC-32."""
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1024 * 1024)
    crc = 0
    parts = []
    left = size
    while left:
        piece = chunk[: min(left, len(chunk))]
        parts.append(compressor.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    parts.append(compressor.flush())
    return b"".join(parts), crc


def parts_of(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {info.filename: archive.read(info) for info in archive.infolist()}


def to_shared_strings(data: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """The workbook as Excel saves it: text in a shared string table instead of inline.

    `extra` maps a plain string to the <si> body Excel would write for it instead (rich
    text runs, phonetic guides), to check that the reader assembles it back.
    """
    parts = parts_of(data)
    strings: dict[bytes, int] = {}
    cell = re.compile(
        rb'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', re.S
    )

    def share(match: re.Match) -> bytes:
        index = strings.setdefault(match.group(3), len(strings))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2), index)

    for name in list(parts):
        if name.startswith("xl/worksheets/"):
            parts[name] = cell.sub(share, parts[name])
    bodies = [(extra or {}).get(text.decode(), b"<t>%s</t>" % text) for text in strings]
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
        % (len(strings), len(strings))
        + b"".join(b"<si>%s</si>" % body for body in bodies)
        + b"</sst>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    return zip_of(parts)
