"""The COMEX pack as one use case: the command line and the app both call `build_comex_pack`.

Both entry points hand over a workspace and its solved portfolio; this function decides what
the pack holds (the efficient frontier goes into the Excel workbook only), computes the
figures once (`build_report`) and renders the formats asked for from those same figures, so
the PDF and the workbook can never disagree.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from cxprior.analysis import Alignment, Tracking
from cxprior.domain import CxpriorError, PortfolioResult, Workspace
from cxprior.portfolio import SensitivityResult, UncertaintyResult, frontier
from cxprior.report.data import ReportData, build_report
from cxprior.report.pdf import render_pack_pdf
from cxprior.report.xlsx import render_pack_xlsx

LOG = logging.getLogger(__name__)
FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class ComexPack:
    """The pack's figures and the files rendered from them (None for a format not asked for)."""

    report: ReportData
    pdf: bytes | None
    xlsx: bytes | None


def build_comex_pack(
    workspace: Workspace,
    result: PortfolioResult,
    *,
    formats: Collection[str] = FORMATS,
    decisions: Iterable[object] = (),
    lang: str = "en",
    company: str = "",
    uncertainty: UncertaintyResult | None = None,
    with_frontier: bool = True,
    frontier_time_limit: float | None = None,
    alignment: Alignment | None = None,
    tracking: Tracking | None = None,
    sensitivity: SensitivityResult | None = None,
) -> ComexPack:
    """Build the COMEX pack of a solved portfolio in the formats asked for.

    The frontier is a sheet of the workbook only, so it is computed only when the workbook is
    asked for and `with_frontier` holds (the app skips it for workspaces too large to solve
    twenty levels at once). A frontier that fails leaves the pack without that sheet rather
    than without a pack. `alignment` (a survey's importance per phase against this portfolio's
    spend, `cxprior.analysis.phase_alignment`) adds its chart and table. `tracking` (the approved
    plan against its follow-up, `cxprior.analysis.track` in `lang`) adds the follow-up page.
    `sensitivity` (`cxprior.portfolio.weight_sensitivity` with members) adds the half page on the weights."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown pack formats {sorted(unknown)}")
    curve = None
    if with_frontier and "xlsx" in formats and result.scenario is not None:
        try:
            curve = frontier(workspace, result.scenario, lang=lang, time_limit_per_point=frontier_time_limit)
        except CxpriorError:
            LOG.warning("frontier left out of the COMEX pack", exc_info=True)
    report = build_report(
        workspace,
        result,
        company=company,
        frontier=curve,
        decisions=tuple(decisions),
        lang=lang,
        uncertainty=uncertainty,
        alignment=alignment,
        tracking=tracking,
        sensitivity=sensitivity,
    )
    return ComexPack(
        report=report,
        pdf=render_pack_pdf(report) if "pdf" in formats else None,
        xlsx=render_pack_xlsx(report) if "xlsx" in formats else None,
    )
