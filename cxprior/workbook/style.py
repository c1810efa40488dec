"""Safe, styled Excel writing shared by every export (workspace, portfolio, COMEX pack).

Formula injection. openpyxl turns any string that starts with "=" into a formula and
strings such as "#N/A" into error cells; Excel and LibreOffice also treat text that
starts with "+", "-", "@", a tab or a carriage return as a formula when the user edits
the cell or re-imports it as CSV. User text must reach the reader EXACTLY as typed and
show literally in Excel, so we never add a visible prefix (a leading apostrophe would
become part of the value on read-back). Instead:

- `safe_cell_value` returns such text as an openpyxl `CellRichText`: openpyxl stores it as
  an inline string cell (never a formula, never an error) wherever it is assigned —
  `cell.value = …`, `sheet.cell(…, value=…)` or `sheet.append(…)` — and reads it back as
  the same plain `str`;
- `write_cell` (used by `write_table`) also sets the cell's quotePrefix style, the flag
  Excel itself sets when a user types a leading apostrophe: the text stays text even
  when edited in Excel.

Two things XML cannot carry are normalised (documented, not silent surprises): a
carriage return becomes a line feed (XML parsers turn CR into LF anyway, and Excel's
line break is LF), and control characters Excel forbids (U+0000–U+0008, U+000B, U+000C,
U+000E–U+001F) are removed. Non-finite numbers are written as empty cells. Text that looks
like Office's own escape for such characters (`_x0041_`) gets its underscore escaped
(`_x005F_x0041_`), as Excel does, so Excel and our reader show it as typed, not as "A".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from numbers import Integral, Real

import pandas as pd
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

# Characters that make spreadsheet software read text as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

MONEY_FORMAT = {"en": '"€"#,##0', "fr": '#,##0\\ "€"'}
PERCENT_FORMAT = "0.0%"
MIN_WIDTH = 8
MAX_WIDTH = 60
# widths are estimated from the first rows only: exporting 20,000 rows stays fast
WIDTH_SAMPLE_ROWS = 500


@dataclass(frozen=True)
class HeaderStyle:
    """Look of a table's header row (colours as RGB hex)."""

    fill: str = "1F4E79"
    font_color: str = "FFFFFF"
    bold: bool = True
    wrap: bool = True


DEFAULT_HEADER_STYLE = HeaderStyle()


def is_formula_like(text: str) -> bool:
    """True when spreadsheet software could read `text` as a formula or an error value."""
    return text.startswith(FORMULA_TRIGGERS) or text in ERROR_CODES


_XSTRING_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def clean_text(text: str) -> str:
    """Text as XML can carry it: CR → LF, forbidden control characters removed, and a
    literal `_xHHHH_` escaped so that it is not decoded as a character on reading."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XSTRING_LIKE.sub("_x005F_", ILLEGAL_CHARACTERS_RE.sub("", text))


def safe_cell_value(value: object) -> object:
    """`value` made ready for an openpyxl cell, never a formula.

    None, NaN, pd.NA, ±inf and "" → None (an empty cell); numpy scalars → Python numbers;
    booleans and dates unchanged; text cleaned (`clean_text`) and, when it could be read
    as a formula or an error value, wrapped so that openpyxl writes it as a text cell.
    Anything else is written as its `str`.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalar → Python scalar
        if isinstance(value, bool):
            return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        number = float(value)
        return number if math.isfinite(number) else None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value
    if isinstance(value, CellRichText):
        return value
    text = clean_text(value if isinstance(value, str) else str(value))
    if not text:
        return None  # an empty cell, not an empty string cell: smaller files, same reading
    if is_formula_like(text):
        return CellRichText([text])
    return text


def write_cell(sheet: Worksheet, row: int, column: int, value: object):
    """Write one value safely (see the module docstring); returns the cell."""
    cell = sheet.cell(row=row, column=column, value=safe_cell_value(value))
    if isinstance(cell.value, CellRichText):
        cell.quotePrefix = True
    return cell


def _display_length(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    text = str(value)
    return max((len(line) for line in text.split("\n")), default=0)


def style_header_row(
    sheet: Worksheet, columns: int, header_style: HeaderStyle = DEFAULT_HEADER_STYLE
) -> None:
    """Apply `header_style` to the first `columns` cells of row 1."""
    fill = PatternFill("solid", start_color=header_style.fill, end_color=header_style.fill)
    font = Font(bold=header_style.bold, color=header_style.font_color)
    alignment = Alignment(wrap_text=header_style.wrap, vertical="center")
    for column in range(1, columns + 1):
        cell = sheet.cell(row=1, column=column)
        cell.fill = fill
        cell.font = font
        cell.alignment = alignment


def write_table(
    ws_sheet: Worksheet,
    frame: pd.DataFrame,
    *,
    money_columns: Iterable[str] = (),
    percent_columns: Iterable[str] = (),
    header_style: HeaderStyle = DEFAULT_HEADER_STYLE,
    comments: Mapping[str, str] | None = None,
    lang: str = "en",
) -> None:
    """Write `frame` (columns as the header row, index ignored) from cell A1 of `ws_sheet`.

    The header row is styled and frozen, with an autofilter over the table; money columns
    get a euro format (French or English style after `lang`), percent columns (fractions,
    0.25 = 25 %) a percentage format; column widths follow the content. `comments` maps a
    column name to a note shown on its header cell (an input hint). Every value goes
    through `write_cell`: user text is never a formula.
    """
    columns = [str(c) for c in frame.columns]
    money = {str(c) for c in money_columns}
    percent = {str(c) for c in percent_columns}
    money_format = MONEY_FORMAT["fr" if str(lang).lower().startswith("fr") else "en"]
    widths = [len(name) for name in columns]
    comments = comments or {}

    for index, name in enumerate(columns, start=1):
        cell = write_cell(ws_sheet, 1, index, name)
        if comments.get(name):
            cell.comment = _comment(comments[name])

    formats = [money_format if c in money else PERCENT_FORMAT if c in percent else None for c in columns]
    for row_number, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for index, value in enumerate(row):
            cell = write_cell(ws_sheet, row_number, index + 1, value)
            if formats[index] is not None:
                cell.number_format = formats[index]
            if row_number - 2 < WIDTH_SAMPLE_ROWS:
                shown = cell.value
                widths[index] = max(widths[index], _display_length(shown))

    style_header_row(ws_sheet, len(columns), header_style)
    for index, width in enumerate(widths, start=1):
        extra = 4 if formats[index - 1] is not None else 2
        ws_sheet.column_dimensions[get_column_letter(index)].width = min(
            MAX_WIDTH, max(MIN_WIDTH, width + extra)
        )
    if columns:
        ws_sheet.freeze_panes = "A2"
        last = get_column_letter(len(columns))
        ws_sheet.auto_filter.ref = f"A1:{last}{max(1, len(frame) + 1)}"


def _comment(text: str) -> Comment:
    comment = Comment(text, "cxprior")
    # room for a few lines of hint without the user resizing the note
    comment.width = 320
    comment.height = max(80, 20 * (1 + len(text) // 45))
    return comment
