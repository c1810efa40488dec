"""The COMEX pack: one use case, `build_comex_pack`, for the command line and the app.

The pack's figures are computed once (`build_report`) and rendered as an Excel workbook
(`render_pack_xlsx`) and a PDF (`render_pack_pdf`) from those same figures.
"""

from __future__ import annotations

from cxprior.report.data import (
    DecisionEntry,
    assumption_sentences,
    build_report,
    decision_entries,
    solver_label,
    summary_sentence,
)
from cxprior.report.pack import ComexPack, build_comex_pack
from cxprior.report.pdf import MAX_LEFT_OUT_ROWS, render_pack_pdf, write_pack_pdf
from cxprior.report.xlsx import render_pack_xlsx, write_pack_xlsx

__all__ = [
    "MAX_LEFT_OUT_ROWS",
    "ComexPack",
    "DecisionEntry",
    "assumption_sentences",
    "build_comex_pack",
    "build_report",
    "decision_entries",
    "render_pack_pdf",
    "render_pack_xlsx",
    "solver_label",
    "summary_sentence",
    "write_pack_pdf",
    "write_pack_xlsx",
]
