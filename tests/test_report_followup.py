"""The COMEX pack of an approved scenario gets a follow-up page when a follow-up exists: the
alerts, each KPI at its latest measurement, the initiatives late or over budget — the same
figures in the PDF and in the workbook, and nothing of it without a follow-up."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from pypdf import PdfReader
from report_cases import pack_result, pack_workspace

from cxprior.analysis import track
from cxprior.domain import FollowUp, Measurement, Progress, Status
from cxprior.report import build_comex_pack, build_report

# The pack case funds A, B, C, D. A (150k: 100k in 2026, 50k in 2027) and C, the two that move
# the NPS, both finish in 2027, so the plan keeps the NPS at its baseline 20 at the end of 2026.
# Measured 18: 2 pts behind, i.e. 100 × W_NPS 0.75 × (−2) / |40 − 20| = −7.5 value points.
# A has spent 100k + 60k = 160k against its 150k: 10k over budget. The follow-up is as of 2027
# (the latest period with spend).
FOLLOWUP = FollowUp(
    progress=(
        Progress("A", Status.IN_PROGRESS, {"2026": 100_000.0, "2027": 60_000.0}),
        Progress("C", Status.IN_PROGRESS, {"2026": 150_000.0}),
    ),
    measurements=(Measurement("NPS", "2026", 18.0),),
)


def _tracking(lang: str = "en"):
    return track(pack_workspace(), pack_result(), FOLLOWUP, lang=lang)


def test_the_report_holds_the_kpi_behind_plan_and_the_initiative_over_budget_worked_by_hand():
    report = build_report(pack_workspace(), pack_result(), tracking=_tracking())
    (nps,) = report.tracking.kpis
    assert (nps.kpi_id, nps.period, nps.planned, nps.actual, nps.variance) == (
        "NPS",
        "2026",
        20.0,
        18.0,
        -2.0,
    )
    assert nps.variance_points == -7.5
    # D (60k, all in 2026) finishes in 2026 and has no progress row: still planned in 2027, late
    late, over = report.tracking.late_or_over
    assert (late.initiative_id, late.planned_finish, late.late, late.overrun) == ("D", "2026", True, 0.0)
    assert (over.initiative_id, over.spent, over.overrun, over.late) == ("A", 160_000.0, 10_000.0, False)
    assert any(
        a.startswith("NPS (Net promoter score) is behind plan at the end of 2026")
        for a in report.tracking.alerts
    )


def test_without_a_follow_up_the_pack_has_no_follow_up_page():
    report = build_report(pack_workspace(), pack_result())
    assert report.tracking is None
    pack = build_comex_pack(pack_workspace(), pack_result(), formats=("xlsx",), with_frontier=False)
    assert "Follow-up" not in load_workbook(io.BytesIO(pack.xlsx)).sheetnames


def test_the_workbook_gets_a_follow_up_sheet_with_the_same_figures():
    pack = build_comex_pack(
        pack_workspace(), pack_result(), formats=("xlsx",), with_frontier=False, tracking=_tracking()
    )
    sheet = load_workbook(io.BytesIO(pack.xlsx))["Follow-up"]
    rows = [tuple(c for c in row if c is not None) for row in sheet.iter_rows(values_only=True)]
    assert ("NPS Net promoter score", "2026", 20, 18, -2, -7.5) in rows
    assert any(
        r[:5] == ("A Rappel client « en moins d'une heure »", "in progress", 150_000, 160_000, 10_000)
        for r in rows
    )
    assert any(str(r[0]).startswith("NPS (Net promoter score) is behind plan") for r in rows if r)


def test_the_pdf_gets_a_follow_up_page_in_french():
    pack = build_comex_pack(
        pack_workspace(), pack_result(), formats=("pdf",), lang="fr", tracking=_tracking("fr")
    )
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pack.pdf)).pages)
    assert "Pilotage du plan approuvé" in text
    assert "est en retard sur le plan fin 2026" in text
    assert "Initiatives en retard ou hors budget" in text
    assert "-7,5" in text or "−7,5" in text
