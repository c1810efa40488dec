"""Hostile and wrong files are refused with a clear message, before any parser sees them."""

from __future__ import annotations

import random
import tracemalloc
import zipfile
import zlib

import pytest
from workbooks import (
    deflate_zeros,
    good_sheets,
    parts_of,
    raw_zip,
    rewrite_part,
    with_cell,
    xlsx,
    zip_of,
)

from cxprior.domain import UnsafeFileError, WorkbookError
from cxprior.workbook import ReadLimits, read_workbook
from cxprior.workbook import guard as xlsx_guard

MB = 1024 * 1024
SHEET = "xl/worksheets/sheet1.xml"


def refusal(data: bytes, lang: str = "en", **limits) -> str:
    with pytest.raises(UnsafeFileError) as caught:
        read_workbook(data, lang=lang, limits=ReadLimits(**limits))
    assert [p.message for p in caught.value.problems] == [caught.value.message]
    return caught.value.message


def problems_of(data: bytes, **limits) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(data, limits=ReadLimits(**limits))
    assert not isinstance(caught.value, UnsafeFileError)
    return [str(p) for p in caught.value.problems]


@pytest.fixture(scope="module")
def book() -> bytes:
    return xlsx(good_sheets())


# --- not a workbook -------------------------------------------------------------------------


def test_a_text_file_is_not_a_workbook():
    assert refusal(b"initiative_id;name\nI-1;Rappel\n") == (
        "This file is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as “Excel "
        "Workbook (.xlsx)”, or start from the template."
    )


def test_an_empty_file_is_not_a_workbook():
    assert refusal(b"").startswith("This file is not an Excel workbook (.xlsx).")


def test_a_truncated_workbook_is_damaged(book):
    assert refusal(book[: len(book) // 2]) == (
        "The file is damaged or incomplete and cannot be opened as a workbook. Save it again from Excel or "
        "LibreOffice, or download it again if it came by e-mail."
    )


def test_a_workbook_with_a_corrupted_part_is_damaged(book):
    data = bytearray(book)
    at = data.find(b"xl/worksheets/sheet1.xml") + 200  # inside the first sheet's compressed data
    data[at : at + 40] = bytes(40)
    assert refusal(bytes(data)).startswith("The file is damaged or incomplete")


def test_a_zip_that_holds_no_workbook_is_refused():
    assert refusal(zip_of({"report.txt": b"hello"})) == (
        "This file is a zip archive but not an Excel workbook (it has no workbook inside). Upload the .xlsx "
        "file itself."
    )


def test_a_word_document_is_not_a_workbook():
    types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.document.main+xml"/></Types>'
    )
    assert refusal(zip_of({"[Content_Types].xml": types, "word/document.xml": b"<w/>"})).startswith(
        "This file is a zip archive but not an Excel workbook"
    )


def test_a_legacy_xls_file_is_recognised_by_its_header():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le")
    assert refusal(ole) == (
        "This is an old-format Excel file (.xls). Open it in Excel or LibreOffice and save it as “Excel "
        "Workbook (.xlsx)”."
    )
    assert refusal(ole, "fr") == (
        "Ce fichier est au format Excel ancien (.xls). Ouvrez-le dans Excel ou LibreOffice et "
        "enregistrez-le au format « Classeur Excel (.xlsx) »."
    )


def test_a_password_protected_workbook_is_recognised():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le")
    assert refusal(ole).startswith("This workbook is password-protected (encrypted) and cannot be read.")


def test_an_encrypted_zip_entry_is_refused(book):
    data = bytearray(book)
    data[6] |= 0x1  # the first local header's "encrypted" flag
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 0x1  # and the central directory's
    assert refusal(bytes(data)).startswith("This workbook is password-protected")


# --- macros and binary workbooks -----------------------------------------------------------


MACRO_MESSAGE = (
    "This workbook contains macros (.xlsm); for safety, workbooks with macros are refused. Save it as "
    "“Excel Workbook (.xlsx)”, which removes the macros, and upload it again."
)


def test_a_workbook_with_a_vba_project_is_refused(book):
    parts = parts_of(book)
    parts["xl/vbaProject.bin"] = b"\x00" * 64
    assert refusal(zip_of(parts)) == MACRO_MESSAGE


def test_a_macro_enabled_content_type_is_refused(book):
    def enable(xml: bytes) -> bytes:
        return xml.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")

    assert refusal(rewrite_part(book, "[Content_Types].xml", enable)) == MACRO_MESSAGE


def test_a_binary_workbook_is_refused(book):
    parts = parts_of(book)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.binary.macroEnabled.main",
    )
    assert (
        refusal(zip_of(parts))
        == "This is a binary Excel workbook (.xlsb). Save it as “Excel Workbook (.xlsx)”."
    )


# --- sizes and zip bombs --------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_reading(book, tmp_path):
    path = tmp_path / "big.xlsx"
    path.write_bytes(book)
    message = refusal(book, max_file_bytes=1000)
    assert message.startswith("The file is 0.0 MB; the limit is 0.0 MB.")
    with pytest.raises(UnsafeFileError):
        read_workbook(path, limits=ReadLimits(max_file_bytes=1000))


def test_a_zip_bomb_is_refused_from_its_declared_sizes_without_decompressing(book):
    bomb, crc = deflate_zeros(60 * MB)
    parts = [
        (name, zlib.compress(content)[2:-4], 8, zlib.crc32(content), len(content))
        for name, content in parts_of(book).items()
    ]
    parts.append(("xl/media/padding.bin", bomb, 8, crc, 60 * MB))
    tracemalloc.start()
    try:
        message = refusal(raw_zip(parts))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message.startswith("The part xl/media/padding.bin is compressed 1,0") and message.endswith(
        "times (limit 200); the file is refused as a possible zip bomb."
    )
    assert peak < 20 * MB


def test_many_parts_that_add_up_beyond_the_limit_are_refused(book):
    parts = parts_of(book)
    for n in range(3):
        parts[f"xl/media/image{n}.bin"] = random.Random(n).randbytes(MB)  # like a photo: not compressible
    message = refusal(zip_of(parts, zipfile.ZIP_STORED), max_uncompressed_bytes=2 * MB)
    assert message.startswith("The workbook is too large to read: once opened it would take 3.")
    assert message.endswith(
        "MB (limit 2.0 MB), more than a backlog of 20,000 initiatives needs. Split the backlog into several "
        "files, or remove unused sheets, images or formatting."
    )


def test_a_part_that_lies_about_its_size_is_refused_within_bounded_memory(book):
    """A part declaring 2 kB that expands to 200 MB: decompression stops at the declared size."""
    bomb, crc = deflate_zeros(200 * MB)
    parts = [
        (name, zlib.compress(content)[2:-4], 8, zlib.crc32(content), len(content))
        for name, content in parts_of(book).items()
        if name != SHEET
    ]
    parts.append((SHEET, bomb, 8, crc, 2048))
    tracemalloc.start()
    try:
        message = refusal(raw_zip(parts))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message.startswith("The file is damaged or incomplete")
    assert peak < 50 * MB  # far below the 500 MB the reader promises


def test_parts_compressed_with_methods_excel_never_uses_are_refused(book):
    parts = parts_of(book)
    buffer = zip_of(parts, zipfile.ZIP_BZIP2)
    assert refusal(buffer) == (
        "The part docProps/app.xml of the file is compressed in a way Excel never uses; the file is "
        "refused. Save it again from Excel or LibreOffice."
    )


def test_a_file_with_too_many_parts_is_refused(book):
    parts = parts_of(book)
    for n in range(30):
        parts[f"customXml/item{n}.xml"] = b"<a/>"
    assert refusal(zip_of(parts), max_parts=20).startswith("The file holds 44 internal parts (limit 20)")


# --- XML attacks ----------------------------------------------------------------------------

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    + b"]>"
)


def with_dtd(xml: bytes, dtd: bytes = BILLION_LAUGHS) -> bytes:
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return dtd + body


def test_entity_expansion_in_a_sheet_is_refused(book):
    data = rewrite_part(book, SHEET, with_dtd)
    assert refusal(data) == (
        "The file contains an XML document type declaration (DTD) in xl/worksheets/sheet1.xml; Excel never "
        "writes one and it can hide an entity-expansion attack, so the file is refused. Save it again from "
        "Excel or LibreOffice."
    )


def test_entity_expansion_in_the_shared_strings_is_refused(book):
    shared = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        b"<si><t>&lol9;</t></si></sst>"
    )
    parts = parts_of(book)
    parts["xl/sharedStrings.xml"] = with_dtd(shared)
    assert "(DTD) in xl/sharedStrings.xml" in refusal(zip_of(parts))


def test_an_external_entity_is_refused(book):
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    assert "(DTD) in xl/workbook.xml" in refusal(
        rewrite_part(book, "xl/workbook.xml", lambda x: with_dtd(x, xxe))
    )


def test_a_dtd_in_utf16_is_refused(book):
    def utf16(xml: bytes) -> bytes:
        return with_dtd(xml).decode().replace('<?xml version="1.0"?>', "").encode("utf-16")

    assert "(DTD) in xl/worksheets/sheet1.xml" in refusal(rewrite_part(book, SHEET, utf16))


def test_the_xml_parser_refuses_a_dtd_even_if_the_byte_scan_missed_it(book, monkeypatch):
    monkeypatch.setattr(xlsx_guard, "_DTD_MARKERS", ())
    assert refusal(rewrite_part(book, SHEET, with_dtd)).startswith(
        "The file contains an XML document type declaration (DTD)"
    )


# --- reading limits ------------------------------------------------------------------------


def test_reading_stops_at_the_row_limit_and_says_so(book):
    assert problems_of(book, max_rows=3, max_impact_rows=4) == [
        "Initiatives: The sheet has more than 3 rows of data; reading stopped there. Split the backlog into "
        "several files.",
        "Impacts: The sheet has more than 4 rows of data; reading stopped there. Split the backlog into "
        "several files.",
    ]


def test_cells_beyond_the_column_limit_are_not_read_and_reported(book):
    assert problems_of(book, max_columns=13) == [
        "Initiatives: The sheet has cells beyond column 13; those cells were not read. Delete the columns "
        "you do not need."
    ]


def test_a_cell_longer_than_the_limit_is_reported(book):
    data = xlsx(with_cell(good_sheets(), "Goals", 3, "description", "x" * 41))
    assert problems_of(data, max_cell_chars=40) == [
        "Goals, row 3, description: The cell holds 41 characters (limit 40); shorten it."
    ]


def test_reading_stops_at_the_cell_limit(book):
    assert problems_of(book, max_cells=50) == [
        "Initiatives: The workbook has more than 50 cells to read; reading stopped there. Split it into "
        "several files."
    ]


def test_a_sheet_with_an_absurd_row_number_is_stopped_without_reading_the_gap(book):
    def far_row(xml: bytes) -> bytes:
        return xml.replace(
            b"</sheetData>",
            b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>G9</t></is></c></row></sheetData>',
        )

    data = rewrite_part(book, SHEET, far_row)
    assert problems_of(data) == [
        "Goals: The sheet has more than 20,000 rows of data; reading stopped there. Split the backlog into "
        "several files."
    ]


# --- paths ----------------------------------------------------------------------------------


def test_a_missing_path_and_a_folder_are_reported(tmp_path):
    with pytest.raises(WorkbookError) as caught:
        read_workbook(tmp_path / "nope.xlsx")
    assert caught.value.message == f"No file at {tmp_path / 'nope.xlsx'}. Check the path and try again."
    with pytest.raises(WorkbookError) as caught:
        read_workbook(tmp_path, lang="fr")
    assert (
        caught.value.message
        == f"{tmp_path} est un dossier, pas un classeur. Indiquez le chemin d'un fichier .xlsx."
    )


def test_an_oversized_structure_part_is_refused_before_it_is_parsed(book):
    def padded(xml: bytes) -> bytes:
        noise = random.Random(0).randbytes(600_000).hex().encode()  # 1.2 MB that does not compress away
        return xml.replace(b"<sheets>", b"<sheets><!-- " + noise + b" -->")

    assert refusal(rewrite_part(book, "xl/workbook.xml", padded)).startswith(
        "The part xl/workbook.xml of the file is unusually large (1.1 MB); the file is refused."
    )


def test_a_sheet_whose_part_is_missing_is_reported_as_damaged(book):
    parts = parts_of(book)
    del parts["xl/worksheets/sheet6.xml"]
    assert problems_of(zip_of(parts)) == [
        "Budget: This sheet is damaged and cannot be read. Save the file again from Excel or LibreOffice."
    ]


def test_too_many_wide_impacts_are_refused_before_they_are_built():
    sheets = good_sheets()
    sheets["Initiatives"] = [
        [*sheets["Initiatives"][0], "impact:NPS", "impact:CES"],
        *[[*row, 1, 1] for row in sheets["Initiatives"][1:]],
    ]
    del sheets["Impacts"]
    assert problems_of(xlsx(sheets), max_impacts=7) == [
        "Initiatives: The impact columns hold more than 7 values; keep one column per KPI that initiatives "
        "really move, and leave the other cells empty."
    ]
