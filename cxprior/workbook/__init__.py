"""The Excel workbook: its contract, the hostile-file guard, reading, validating, writing.

`read_workbook` turns an .xlsx into a `Workspace` or a `TeamBacklog`, or raises a
`WorkbookError` listing every problem by sheet, row and column. `write_template`,
`write_workspace` and `write_backlog` write what the reader reads back; `preview_merge` and
`apply_merge` bring a team backlog into the workspace. Sheet and column names come from
`contract` only. `read_followup` and `write_followup` read and write the follow-up of an
approved plan (Progress and Measurements sheets); `read_survey` and `select_survey` a survey
file (.csv or .xlsx) for the key-driver analysis; `read_member_weights` and
`write_member_weights` the COMEX members' Weights sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxprior.lazy import lazy_face

# what readers, type checkers and import-linter see; at run time a name loads on first use
if TYPE_CHECKING:
    from cxprior.workbook import contract, guard
    from cxprior.workbook.followup import FollowUpRead, read_followup, read_followup_frames
    from cxprior.workbook.followup_writer import followup_frames, spent_column, status_word, write_followup
    from cxprior.workbook.guard import inspect_xlsx
    from cxprior.workbook.members import read_member_weights, write_member_weights
    from cxprior.workbook.merge import FieldChange, apply_merge, preview_frame, preview_merge
    from cxprior.workbook.reader import (
        BacklogRows,
        ReadLimits,
        ReadResult,
        check_backlog_against,
        read_workbook,
        validate_initiatives_frame,
    )
    from cxprior.workbook.rules import find_cycles
    from cxprior.workbook.safe_text import (
        ID_FORBIDDEN,
        code_point,
        forbidden_in_id,
        forbidden_in_text,
        neutralise,
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
    from cxprior.workbook.survey import (
        SURVEY_LIMITS,
        DriverProposal,
        Survey,
        SurveyError,
        SurveySelection,
        default_drivers,
        propose_drivers,
        propose_outcome,
        read_survey,
        select_survey,
    )
    from cxprior.workbook.tables import NumberTextError, parse_number_text
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
    "SURVEY_LIMITS",
    "BacklogRows",
    "DriverProposal",
    "FieldChange",
    "FollowUpRead",
    "NumberTextError",
    "ReadLimits",
    "ReadResult",
    "Survey",
    "SurveyError",
    "SurveySelection",
    "apply_merge",
    "check_backlog_against",
    "code_point",
    "contract",
    "default_drivers",
    "find_cycles",
    "followup_frames",
    "forbidden_in_id",
    "forbidden_in_text",
    "guard",
    "inspect_xlsx",
    "localise_frame",
    "neutralise",
    "one_line",
    "parse_number_text",
    "preview_frame",
    "preview_merge",
    "propose_drivers",
    "propose_outcome",
    "read_followup",
    "read_followup_frames",
    "read_member_weights",
    "read_survey",
    "read_workbook",
    "reveal",
    "safe_cell_value",
    "select_survey",
    "sheet_name",
    "spent_column",
    "status_word",
    "unescape_xstring",
    "validate_initiatives_frame",
    "workspace_to_frames",
    "write_backlog",
    "write_cell",
    "write_followup",
    "write_member_weights",
    "write_table",
    "write_template",
    "write_workspace",
]

__getattr__, __dir__ = lazy_face(__name__)
