"""The downloaded template as a team fills it: rows typed under its own headers, the other
sheets left as downloaded (headers, no rows)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from cxprior.workbook import write_template


def filled_template(initiatives: list[dict], impacts: list[dict], lang: str = "en") -> bytes:
    """`write_template(lang)` with `initiatives` and `impacts` (header → value) appended from row 2."""
    book = load_workbook(io.BytesIO(write_template(lang)))
    sheets = book.worksheets[1:]  # after the instructions: Goals, KPIs, KPI_Goals, Initiatives, Impacts…
    for sheet, rows in ((sheets[3], initiatives), (sheets[4], impacts)):
        headers = [cell.value for cell in sheet[1]]
        for row in rows:
            sheet.append([row.get(header) for header in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
