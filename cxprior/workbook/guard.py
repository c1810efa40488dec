"""Hostile-file guard: refuse a workbook before any XML parser sees its bytes.

An .xlsx is a zip of XML parts. Everything here works on the raw bytes and the zip's
central directory, so a refused file costs almost nothing to refuse:

- size: the file itself (`max_file_bytes`) and the sum of the sizes its parts declare
  (`max_uncompressed_bytes`), plus a per-part compression ratio (zip bombs), all read from
  the central directory before anything is decompressed;
- kind: legacy .xls and password-protected workbooks (both OLE containers, recognised by
  their magic bytes), non-zip files, zips that are not workbooks, binary .xlsb, macro
  workbooks (.xlsm: a vbaProject part or a macroEnabled content type);
- the parts themselves are then decompressed once, in bounded chunks, counting what
  really comes out (a part that lies about its size cannot get past its declared size or
  its checksum), and refusing any XML part with a document type declaration: Excel never
  writes one, and DTDs are how entity-expansion ("billion laughs") and external-entity
  attacks get in. Only deflate and stored parts are accepted, since other zip methods
  (bzip2, lzma) decompress without an output bound in the standard library.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from defusedxml.ElementTree import fromstring as safe_fromstring

from cxprior.domain import UnsafeFileError
from cxprior.i18n import format_number, tr

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
# the name of the stream that holds the key of an encrypted (password-protected) workbook
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
CONTENT_TYPES = "[Content_Types].xml"
CHUNK = 64 * 1024
# a DTD may hide in any encoding the XML parser accepts; Excel writes UTF-8, some tools UTF-16
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_MARKER_OVERLAP = max(len(m) for m in _DTD_MARKERS)
# parts smaller than this are never called bombs, whatever their ratio
_RATIO_FLOOR_BYTES = 1 * MB
# structure parts (content types, workbook, relationships) are parsed whole into a tree, whose
# size grows with the number of elements: Excel's stay far below this
SMALL_PART_BYTES = 1 * MB


@dataclass(frozen=True)
class ReadLimits:
    """How much a workbook may hold before it is refused or reading stops.

    The defaults leave room for a 20,000-initiative workspace with impacts while keeping
    the reader's peak memory far below 500 MB whatever the file.
    """

    max_file_bytes: int = 20 * MB
    max_uncompressed_bytes: int = 50 * MB
    max_compression_ratio: float = 200.0
    max_parts: int = 2_000
    max_rows: int = 20_000  # data rows per sheet, header excluded
    max_impact_rows: int = 100_000  # the long Impacts sheet has a few rows per initiative
    max_impacts: int = 200_000  # wide `impact:<kpi_id>` cells, each of which becomes an object
    max_columns: int = 500
    max_cells: int = 1_000_000  # cells kept from the contract's columns, whole workbook
    max_cell_chars: int = 32_767  # Excel's own limit


@dataclass(frozen=True)
class GuardReport:
    """What the guard learnt about a workbook it accepted."""

    part_names: tuple[str, ...]
    uncompressed_bytes: int


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}"


def check_file_size(size: int, limits: ReadLimits, lang: str) -> None:
    """Refuse a file larger than the limit (called before reading a path or stream)."""
    if size > limits.max_file_bytes:
        raise UnsafeFileError(
            tr("wb.file_too_large", lang, size=_megabytes(size), limit=_megabytes(limits.max_file_bytes))
        )


def _check_magic(data: bytes, lang: str) -> None:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTION_STREAM in data:
            raise UnsafeFileError(tr("wb.encrypted", lang))
        raise UnsafeFileError(tr("wb.legacy_xls", lang))
    if not data.startswith(ZIP_MAGICS):
        raise UnsafeFileError(tr("wb.not_xlsx", lang))


def _content_types(archive: zipfile.ZipFile, info: zipfile.ZipInfo, lang: str) -> list[str]:
    raw = _read_small(archive, info, lang)
    try:
        root = safe_fromstring(raw)
    except Exception as error:  # defusedxml refusals and parse errors alike
        raise UnsafeFileError(tr("wb.damaged", lang)) from error
    return [node.get("ContentType", "") for node in root.iter() if node.get("ContentType")]


def check_small_part(info: zipfile.ZipInfo, lang: str) -> None:
    """Refuse a structure part too large to be parsed into a tree safely."""
    if info.file_size > SMALL_PART_BYTES:
        raise UnsafeFileError(
            tr("wb.part_too_large", lang, part=info.filename, size=_megabytes(info.file_size))
        )


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, lang: str) -> bytes:
    check_small_part(info, lang)
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise UnsafeFileError(tr("wb.damaged", lang)) from error


def _check_declared_sizes(infos: list[zipfile.ZipInfo], limits: ReadLimits, lang: str) -> int:
    if len(infos) > limits.max_parts:
        raise UnsafeFileError(tr("wb.too_many_parts", lang, count=len(infos), limit=limits.max_parts))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeFileError(tr("wb.encrypted", lang))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeFileError(tr("wb.unsupported_compression", lang, part=info.filename))
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR_BYTES and ratio > limits.max_compression_ratio:
            raise UnsafeFileError(
                tr(
                    "wb.zip_bomb_ratio",
                    lang,
                    part=info.filename,
                    ratio=f"{ratio:,.0f}",
                    limit=f"{limits.max_compression_ratio:,.0f}",
                )
            )
    if total > limits.max_uncompressed_bytes:
        raise UnsafeFileError(
            tr(
                "wb.zip_bomb_total",
                lang,
                size=_megabytes(total),
                limit=_megabytes(limits.max_uncompressed_bytes),
                rows=format_number(limits.max_rows, lang),
            )
        )
    return total


def _check_kind(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], lang: str) -> None:
    by_name = {info.filename.lstrip("/").casefold(): info for info in infos}
    if any(name.rsplit("/", 1)[-1] == "vbaproject.bin" for name in by_name):
        raise UnsafeFileError(tr("wb.macro", lang))
    content_types = by_name.get(CONTENT_TYPES.casefold())
    if content_types is None:
        raise UnsafeFileError(tr("wb.not_workbook_zip", lang))
    types = [t.casefold() for t in _content_types(archive, content_types, lang)]
    # before the macro test: an .xlsb's content type says "binary.macroEnabled" even without macros
    if "xl/workbook.bin" in by_name or any("sheet.binary" in t for t in types):
        raise UnsafeFileError(tr("wb.xlsb", lang))
    if any("macroenabled" in t or "vbaproject" in t for t in types):
        raise UnsafeFileError(tr("wb.macro", lang))
    if not any("spreadsheetml" in t and t.endswith("main+xml") for t in types):
        raise UnsafeFileError(tr("wb.not_workbook_zip", lang))


def _scan_parts(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: ReadLimits, lang: str
) -> None:
    """Decompress every part once, in bounded chunks: real sizes, checksums and DTDs."""
    produced = 0
    for info in infos:
        is_xml = info.filename.casefold().endswith((".xml", ".rels", ".vml"))
        tail = b""
        written = 0
        try:
            with archive.open(info) as part:
                while chunk := part.read(CHUNK):
                    written += len(chunk)
                    produced += len(chunk)
                    if written > info.file_size or produced > limits.max_uncompressed_bytes:
                        raise UnsafeFileError(tr("wb.zip_lying", lang, part=info.filename))
                    if is_xml:
                        window = tail + chunk
                        if any(marker in window for marker in _DTD_MARKERS):
                            raise UnsafeFileError(tr("wb.xml_dtd", lang, part=info.filename))
                        tail = window[-_MARKER_OVERLAP:]
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as error:
            raise UnsafeFileError(tr("wb.damaged", lang)) from error
        if written != info.file_size:
            raise UnsafeFileError(tr("wb.damaged", lang))


def inspect_xlsx(data: bytes, limits: ReadLimits = ReadLimits(), lang: str = "en") -> GuardReport:
    """Accept `data` as a plain .xlsx workbook or raise UnsafeFileError saying why not."""
    check_file_size(len(data), limits, lang)
    _check_magic(data, lang)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise UnsafeFileError(tr("wb.damaged", lang)) from error
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        total = _check_declared_sizes(infos, limits, lang)
        _check_kind(archive, infos, lang)
        _scan_parts(archive, infos, limits, lang)
    return GuardReport(tuple(info.filename for info in infos), total)
