"""The Excel workbook: its contract, the hostile-file guard, reading, validating, writing.

`read_workbook` turns an .xlsx into a `Workspace` or a `TeamBacklog`, or raises a
`WorkbookError` listing every problem by sheet, row and column. `write_template`,
`write_workspace` and `write_backlog` write what the reader reads back; `preview_merge` and
`apply_merge` bring a team backlog into the workspace. Sheet and column names come from
`contract` only.
"""

from __future__ import annotations

from cxprior.workbook import contract, guard
from cxprior.workbook.guard import inspect_xlsx
from cxprior.workbook.merge import FieldChange, apply_merge, preview_frame, preview_merge
from cxprior.workbook.reader import (
    ReadLimits,
    ReadResult,
    check_backlog_against,
    read_workbook,
    validate_initiatives_frame,
)
from cxprior.workbook.rules import find_cycles
from cxprior.workbook.safe_text import (
    ID_FORBIDDEN,
    forbidden_in_id,
    forbidden_in_text,
    one_line,
    reveal,
    unescape_xstring,
)
from cxprior.workbook.style import (
    DEFAULT_HEADER_STYLE,
    MONEY_FORMAT,
    PERCENT_FORMAT,
    safe_cell_value,
    write_cell,
    write_table,
)
from cxprior.workbook.tables import parse_number_text
from cxprior.workbook.writer import (
    FRENCH_WORDS,
    localise_frame,
    sheet_name,
    workspace_to_frames,
    write_backlog,
    write_template,
    write_workspace,
)

__all__ = [
    "DEFAULT_HEADER_STYLE",
    "FRENCH_WORDS",
    "ID_FORBIDDEN",
    "MONEY_FORMAT",
    "PERCENT_FORMAT",
    "FieldChange",
    "ReadLimits",
    "ReadResult",
    "apply_merge",
    "check_backlog_against",
    "contract",
    "find_cycles",
    "forbidden_in_id",
    "forbidden_in_text",
    "guard",
    "inspect_xlsx",
    "localise_frame",
    "one_line",
    "parse_number_text",
    "preview_frame",
    "preview_merge",
    "read_workbook",
    "reveal",
    "safe_cell_value",
    "sheet_name",
    "unescape_xstring",
    "validate_initiatives_frame",
    "workspace_to_frames",
    "write_backlog",
    "write_cell",
    "write_table",
    "write_template",
    "write_workspace",
]
