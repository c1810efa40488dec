"""The COMEX pack as an Excel workbook (also what `optimize --out` writes).

Sheets: Summary, Portfolio, Left out, Roadmap (workspaces with team capacity or later
starts), Robustness (when a Monte Carlo analysis is given),
Frontier (when a frontier is given), Scenario parameters, Decisions (when there are any) —
names in the pack's language. The figures
come from `cxprior.report.data`; every cell goes through `cxprior.workbook.style`, so user
text is always text, never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cxprior.analysis import status_label
from cxprior.domain import TOTAL_PERIOD, PortfolioResult, Workspace
from cxprior.i18n import tr
from cxprior.portfolio import UncertaintyResult
from cxprior.report.data import (
    Parameter,
    ReportData,
    Robustness,
    build_report,
    solver_label,
    workflow_label,
)
from cxprior.workbook import DEFAULT_HEADER_STYLE, MONEY_FORMAT, PERCENT_FORMAT, write_cell, write_table

POINTS_FORMAT = "#,##0.0"
# value points per million euros, as on every page (a 100 k€ initiative worth 20 points: 200.0)
PER_MEUR_FORMAT = "#,##0.0"
NUMBER_FORMAT = "#,##0.0#"
INTEGER_FORMAT = "#,##0"
DATETIME_FORMAT = {"en": "yyyy-mm-dd hh:mm", "fr": "dd/mm/yyyy hh:mm"}
DATE_FORMAT = {"en": "yyyy-mm-dd", "fr": "dd/mm/yyyy"}

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14, color=DEFAULT_HEADER_STYLE.fill)
_SECTION = Font(bold=True, size=12, color=DEFAULT_HEADER_STYLE.fill)
_TOTAL_BORDER = Border(top=Side(style="thin"), bottom=Side(style="double"))
_HEADER_FILL = PatternFill(
    "solid", start_color=DEFAULT_HEADER_STYLE.fill, end_color=DEFAULT_HEADER_STYLE.fill
)
_HEADER_FONT = Font(bold=True, color=DEFAULT_HEADER_STYLE.font_color)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_pack_xlsx(
    ws: Workspace,
    result: PortfolioResult,
    *,
    frontier: object | None = None,
    decisions: Iterable[object] = (),
    lang: str = "en",
    company: str = "",
    today: dt.date | None = None,
    uncertainty: UncertaintyResult | None = None,
) -> bytes:
    """The COMEX pack workbook for a solved portfolio, as .xlsx bytes; `uncertainty` (a Monte
    Carlo result on this portfolio) adds its robustness."""
    data = build_report(
        ws,
        result,
        company=company,
        frontier=frontier,
        decisions=decisions,
        lang=lang,
        today=today,
        uncertainty=uncertainty,
    )
    return render_pack_xlsx(data)


def render_pack_xlsx(data: ReportData) -> bytes:
    """The workbook for figures already computed (the CLI builds them once for both documents)."""
    book = Workbook()
    lang = data.lang
    summary = book.active
    summary.title = tr("report.sheet.summary", lang)
    _summary(summary, data)
    _portfolio(book.create_sheet(tr("report.sheet.portfolio", lang)), data)
    _left_out(book.create_sheet(tr("report.sheet.left_out", lang)), data)
    if data.roadmap is not None:
        _roadmap(book.create_sheet(tr("road.report.sheet", lang)), data)
    if data.robustness is not None:
        _robustness(book.create_sheet(tr("depth.report.sheet", lang)), data.robustness, lang)
    if data.alignment is not None:
        _alignment(book.create_sheet(tr("listen.report.sheet", lang)), data)
    if data.tracking is not None:
        _followup(book.create_sheet(tr("report.fu.sheet", lang)), data)
    if data.weights is not None:
        _weights(book.create_sheet(tr("report.wsens.sheet", lang)), data)
    if data.frontier:
        _frontier(book.create_sheet(tr("report.sheet.frontier", lang)), data)
    _parameters(book.create_sheet(tr("report.sheet.parameters", lang)), data)
    if data.decisions:
        _decisions(book.create_sheet(tr("report.sheet.decisions", lang)), data)
    for sheet in book.worksheets:
        _print_setup(sheet)
    book.properties.title = tr("report.title", lang)
    book.properties.creator = "cxprior"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _print_setup(sheet: Worksheet) -> None:
    """Landscape, one page wide, header row repeated: ready to print for a committee."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if sheet.freeze_panes:
        sheet.print_title_rows = "1:1"


def _money(lang: str) -> str:
    return MONEY_FORMAT[lang]


# --- Summary: several small tables one under the other -------------------------------


def _section(sheet: Worksheet, row: int, title: str) -> int:
    cell = write_cell(sheet, row, 1, title)
    cell.font = _SECTION
    return row + 1


def _header(sheet: Worksheet, row: int, headings: Sequence[str]) -> int:
    for column, heading in enumerate(headings, start=1):
        cell = write_cell(sheet, row, column, heading)
        cell.fill = _HEADER_FILL
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    return row + 1


def _row(
    sheet: Worksheet,
    row: int,
    values: Sequence[object],
    formats: Sequence[str | None] = (),
    *,
    total: bool = False,
) -> int:
    for column, value in enumerate(values, start=1):
        cell = write_cell(sheet, row, column, value)
        fmt = formats[column - 1] if column - 1 < len(formats) else None
        if fmt:
            cell.number_format = fmt
        if total:
            cell.font = _BOLD
            cell.border = _TOTAL_BORDER
    return row + 1


def _summary(sheet: Worksheet, data: ReportData) -> None:
    lang = data.lang
    money = _money(lang)
    head = data.headline
    cell = write_cell(sheet, 1, 1, tr("report.title", lang))
    cell.font = _TITLE
    row = 2
    for label, value, fmt in (
        (tr("report.company", lang), data.company, None),
        (tr("report.scenario", lang), data.scenario_name, None),
        (tr("report.date", lang), data.generated_on, DATE_FORMAT[lang]),
        (tr("report.status", lang), workflow_label(data.workflow_status, lang), None),
    ):
        write_cell(sheet, row, 1, label).font = _BOLD
        value_cell = write_cell(sheet, row, 2, value)
        value_cell.alignment = Alignment(horizontal="left")
        if fmt:
            value_cell.number_format = fmt
        row += 1

    row = _section(sheet, row + 1, tr("report.section.headline", lang))
    for label, value, fmt in (
        (
            f"{tr('report.head.value', lang)} ({tr('report.head.value_unit', lang)})",
            head.value,
            POINTS_FORMAT,
        ),
        (tr("report.head.cost", lang), head.total_cost, money),
        (tr("report.col.budget", lang), head.budget, money),
        (tr("report.col.used", lang), head.budget_used, PERCENT_FORMAT),
        (tr("report.head.funded", lang), head.funded_count, INTEGER_FORMAT),
        (tr("report.head.value_per_meur", lang), head.value_per_meur, PER_MEUR_FORMAT),
        (tr("report.head.solution", lang), solver_label(head.solver_status, lang), None),
        (tr("report.col.gap", lang), head.gap, "0.00%"),
    ):
        write_cell(sheet, row, 1, label).font = _BOLD
        value_cell = write_cell(sheet, row, 2, value)
        if fmt:
            value_cell.number_format = fmt
        row += 1

    row = _section(sheet, row + 1, tr("report.section.periods", lang))
    row = _header(
        sheet,
        row,
        [
            tr("report.col.period", lang),
            tr("report.col.cost", lang),
            tr("report.col.budget", lang),
            tr("report.col.used", lang),
        ],
    )
    for line in data.period_lines:
        label = tr("report.total", lang) if line.period == TOTAL_PERIOD else line.period
        row = _row(
            sheet,
            row,
            [label, line.cost, line.budget, line.used],
            [None, money, money, PERCENT_FORMAT],
            total=line.period == TOTAL_PERIOD,
        )

    row = _section(sheet, row + 1, tr("report.section.goals", lang))
    row = _header(
        sheet,
        row,
        [
            tr("report.col.goal", lang),
            tr("report.col.weight", lang),
            tr("report.col.value", lang),
            tr("report.col.share", lang),
        ],
    )
    for goal in data.goal_lines:
        row = _row(
            sheet,
            row,
            [f"{goal.goal_id} – {goal.name}", goal.weight, goal.value, goal.share],
            [None, PERCENT_FORMAT, POINTS_FORMAT, PERCENT_FORMAT],
        )
    total_share = 1.0 if head.value > 0 else None
    row = _row(
        sheet,
        row,
        [tr("report.total", lang), sum(g.weight for g in data.goal_lines), head.value, total_share],
        [None, PERCENT_FORMAT, POINTS_FORMAT, PERCENT_FORMAT],
        total=True,
    )

    row = _section(sheet, row + 1, tr("report.section.kpis", lang))
    row = _header(
        sheet,
        row,
        [
            tr("report.col.kpi", lang),
            tr("report.col.baseline", lang),
            tr("report.col.projected", lang),
            tr("report.col.target", lang),
            tr("report.col.progress", lang),
            tr("report.col.unit", lang),
            tr("report.col.goals", lang),
        ],
    )
    for kpi in data.kpi_lines:
        row = _row(
            sheet,
            row,
            [
                f"{kpi.kpi_id} – {kpi.name}",
                kpi.baseline,
                kpi.projected,
                kpi.target,
                kpi.progress,
                kpi.unit,
                ", ".join(kpi.goals) or tr("report.none", lang),
            ],
            [None, NUMBER_FORMAT, NUMBER_FORMAT, NUMBER_FORMAT, PERCENT_FORMAT],
        )

    row = _section(sheet, row + 1, tr("report.section.focus", lang))
    row = _header(
        sheet,
        row,
        [tr("report.col.indicator", lang), tr("report.col.portfolio", lang), tr("report.col.limit", lang)],
    )
    for line in data.focus:
        fmt = {
            "top_share": PERCENT_FORMAT,
            "hhi": "0.00",
            "count": INTEGER_FORMAT,
            "phases": INTEGER_FORMAT,
        }.get(line.key)
        limit = (
            line.limit
            if line.limit is not None
            else (tr("report.focus.no_limit", lang) if line.key in ("count", "phases") else None)
        )
        row = _row(sheet, row, [tr(f"report.focus.{line.key}", lang), line.value, limit], [None, fmt, None])

    if data.robustness is not None:
        row = _robustness_block(sheet, row, data.robustness, lang)

    row = _section(sheet, row + 1, tr("report.section.decision", lang))
    for sentence in decision_sentences(data):
        cell = write_cell(sheet, row, 1, sentence)
        cell.alignment = Alignment(wrap_text=False)
        row += 1

    sheet.column_dimensions["A"].width = 58
    for column in "BCDEF":
        sheet.column_dimensions[column].width = 16
    sheet.column_dimensions["G"].width = 40


def decision_sentences(data: ReportData) -> list[str]:
    """The decision in words: who decided what and when, and the comment; or that none is taken yet."""
    lang = data.lang
    decision = data.decision
    if decision is None:
        return [
            tr("report.decision.pending", lang, status=workflow_label(data.workflow_status, lang).lower())
        ]
    when = tr("report.datetime_format", lang, moment=decision.at) if decision.at else "–"
    sentences = [tr(f"report.decision.{decision.status}", lang, author=decision.author or "–", when=when)]
    if decision.comment:
        sentences.append(tr("report.decision.comment", lang, comment=decision.comment))
    return sentences


def _robustness_block(sheet: Worksheet, row: int, robustness: Robustness, lang: str) -> int:
    """Summary block: the value range over the draws and the robust core, in figures and words."""
    row = _section(sheet, row + 1, tr("depth.report.section", lang))
    for label, value, fmt in (
        (tr("depth.report.draws", lang), robustness.draws, INTEGER_FORMAT),
        (tr("depth.report.p10", lang), robustness.p10, POINTS_FORMAT),
        (tr("depth.report.p50", lang), robustness.p50, POINTS_FORMAT),
        (tr("depth.report.p90", lang), robustness.p90, POINTS_FORMAT),
        (tr("depth.report.expected", lang), robustness.expected, POINTS_FORMAT),
    ):
        write_cell(sheet, row, 1, label).font = _BOLD
        write_cell(sheet, row, 2, value).number_format = fmt
        row += 1
    for category in ("core", "borderline", "rare"):
        names = [f"{line.initiative_id} – {line.name}" for line in robustness.funded_in(category)]
        write_cell(sheet, row, 1, tr(f"depth.report.{category}", lang)).font = _BOLD
        write_cell(sheet, row, 2, "; ".join(names) or tr("depth.report.none", lang))
        row += 1
    for sentence in robustness.sentences[1:]:
        write_cell(sheet, row, 1, sentence).alignment = Alignment(wrap_text=False)
        row += 1
    return row


# --- table sheets ---------------------------------------------------------------------


def _robustness(sheet: Worksheet, robustness: Robustness, lang: str) -> None:
    """Every initiative funded or kept in some draw, most robust first, with its core index."""
    index_col = tr("depth.report.col.core_index", lang)
    yes, no = tr("depth.ui.yes", lang), tr("depth.ui.no", lang)
    frame = pd.DataFrame(
        [
            [line.initiative_id, line.name, yes if line.funded else no, line.core_index, line.category_label]
            for line in robustness.lines
        ],
        columns=[
            tr("depth.report.col.id", lang),
            tr("depth.report.col.name", lang),
            tr("depth.report.col.funded", lang),
            index_col,
            tr("depth.report.col.category", lang),
        ],
    )
    write_table(sheet, frame, percent_columns=[index_col], lang=lang)
    _wrap_columns(sheet, frame, [frame.columns[1]], 52)
    # the method in words under the table, outside its autofilter range
    row = len(frame) + 3
    for sentence in robustness.sentences:
        write_cell(sheet, row, 1, sentence).alignment = Alignment(wrap_text=False)
        row += 1


def _totals(
    sheet: Worksheet, row: int, values: dict[int, object], formats: dict[int, str], label: str
) -> None:
    """A bold totals row under a table, outside its autofilter range."""
    write_cell(sheet, row, 1, label)
    for column, value in values.items():
        write_cell(sheet, row, column, value).number_format = formats.get(column, "General")
    last = max(values, default=1)
    for column in range(1, last + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = _BOLD
        cell.border = _TOTAL_BORDER


def _wrap_columns(sheet: Worksheet, frame: pd.DataFrame, names: Iterable[str], width: float) -> None:
    columns = list(frame.columns)
    for name in names:
        index = columns.index(name) + 1
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        for row in range(2, len(frame) + 2):
            sheet.cell(row=row, column=index).alignment = _WRAP


def _portfolio(sheet: Worksheet, data: ReportData) -> None:
    lang = data.lang
    period_columns = [tr("report.col.cost_period", lang, period=p) for p in data.periods]
    flags = {
        (True, False): tr("report.flag.mandatory", lang),
        (False, True): tr("report.flag.forced_in", lang),
        (True, True): f"{tr('report.flag.mandatory', lang)}, {tr('report.flag.forced_in', lang)}",
    }
    rows = []
    for line in data.funded:
        rows.append(
            [
                line.initiative_id,
                line.name,
                line.owner,
                line.team,
                line.journey_phase,
                *line.period_costs,
                line.cost,
                line.value,
                line.value_per_meur,
                ", ".join(line.kpis),
                ", ".join(line.goals),
                flags.get((line.mandatory, line.forced_in), ""),
            ]
        )
    value_col = tr("report.col.value", lang)
    cost_col = tr("report.col.cost", lang)
    per_meur = tr("report.col.value_per_meur", lang)
    columns = [
        tr("report.col.id", lang),
        tr("report.col.name", lang),
        tr("report.col.owner", lang),
        tr("report.col.team", lang),
        tr("report.col.phase", lang),
        *period_columns,
        cost_col,
        value_col,
        per_meur,
        tr("report.col.kpis", lang),
        tr("report.col.goals", lang),
        tr("report.col.flag", lang),
    ]
    frame = pd.DataFrame(rows, columns=columns)
    write_table(sheet, frame, money_columns=[*period_columns, cost_col], lang=lang)
    _number_format(sheet, frame, [value_col], POINTS_FORMAT)
    _number_format(sheet, frame, [per_meur], PER_MEUR_FORMAT)
    # keep the id and name in view when scrolling right
    sheet.freeze_panes = "C2"
    _wrap_columns(sheet, frame, [columns[1]], 42)
    _wrap_columns(sheet, frame, [tr("report.col.goals", lang)], 36)

    money = _money(lang)
    first_money = 6
    totals: dict[int, object] = {}
    formats: dict[int, str] = {}
    period_totals = {p.period: p.cost for p in data.period_lines}
    for offset, period in enumerate(data.periods):
        totals[first_money + offset] = period_totals.get(
            period, sum(line.period_costs[offset] for line in data.funded)
        )
        formats[first_money + offset] = money
    cost_index = first_money + len(data.periods)
    totals[cost_index] = data.headline.total_cost
    formats[cost_index] = money
    totals[cost_index + 1] = data.headline.value
    formats[cost_index + 1] = POINTS_FORMAT
    totals[2] = tr("report.count_of", lang, count=len(data.funded), candidates=data.headline.candidate_count)
    _totals(sheet, len(frame) + 2, totals, formats, tr("report.total", lang))


def _left_out(sheet: Worksheet, data: ReportData) -> None:
    lang = data.lang
    cost_col = tr("report.col.cost", lang)
    value_col = tr("report.col.value", lang)
    reason_col = tr("report.col.reason", lang)
    columns = [
        tr("report.col.id", lang),
        tr("report.col.name", lang),
        tr("report.col.owner", lang),
        tr("report.col.team", lang),
        tr("report.col.phase", lang),
        cost_col,
        value_col,
        reason_col,
    ]
    frame = pd.DataFrame(
        [
            [
                line.initiative_id,
                line.name,
                line.owner,
                line.team,
                line.journey_phase,
                line.cost,
                line.value,
                line.reason,
            ]
            for line in data.left_out
        ],
        columns=columns,
    )
    write_table(sheet, frame, money_columns=[cost_col], lang=lang)
    _number_format(sheet, frame, [value_col], POINTS_FORMAT)
    _wrap_columns(sheet, frame, [columns[1]], 42)
    _wrap_columns(sheet, frame, [reason_col], 70)
    _totals(
        sheet,
        len(frame) + 2,
        {
            2: tr("report.count", lang, count=len(frame)),
            6: sum(line.cost for line in data.left_out),
        },
        {6: _money(lang)},
        tr("report.total", lang),
    )


def _roadmap(sheet: Worksheet, data: ReportData) -> None:
    """One row per funded initiative: its teams, earliest start, start and finish, whether it
    starts later than it could, and why."""
    lang = data.lang
    col = lambda key: tr(f"road.report.col.{key}", lang)  # noqa: E731
    yes, no = tr("road.report.yes", lang), tr("road.report.no", lang)
    columns = [
        tr("report.col.id", lang),
        tr("report.col.name", lang),
        tr("report.col.team", lang),
        col("teams"),
        tr("report.col.phase", lang),
        col("earliest_start"),
        col("start"),
        col("finish"),
        col("moved"),
        col("why"),
    ]
    lines = data.roadmap.lines if data.roadmap is not None else ()
    frame = pd.DataFrame(
        [
            [
                line.initiative_id,
                line.name,
                line.team,
                line.teams,
                line.journey_phase,
                line.earliest_start,
                line.start,
                line.finish,
                yes if line.moved else no,
                line.why,
            ]
            for line in lines
        ],
        columns=columns,
    )
    write_table(sheet, frame, lang=lang)
    sheet.freeze_panes = "C2"
    _wrap_columns(sheet, frame, [columns[1]], 42)
    _wrap_columns(sheet, frame, [col("why")], 70)


def _alignment(sheet: Worksheet, data: ReportData) -> None:
    """Listening: importance share against spend share per surveyed journey phase."""
    lang = data.lang
    assert data.alignment is not None
    alignment = data.alignment.alignment
    row = _section(sheet, 1, tr("listen.report.section", lang))
    row = _row(sheet, row, [data.alignment.sentence], [None])
    headings = [
        tr("listen.chart.phase", lang),
        tr("listen.chart.importance_share", lang),
        tr("listen.chart.spend_share", lang),
        tr("listen.report.spend", lang),
    ]
    row = _header(sheet, row + 1, headings)
    for phase in alignment.phases:
        values = [phase.phase, phase.importance_share, phase.spend_share, phase.spend]
        row = _row(sheet, row, values, [None, PERCENT_FORMAT, PERCENT_FORMAT, _money(lang)])
    if alignment.index is not None:
        row = _row(sheet, row + 1, [tr("listen.report.index", lang), alignment.index], [None, "0.00"])
    sheet.column_dimensions["A"].width = 32
    for column in "BCD":
        sheet.column_dimensions[column].width = 20


def _weights(sheet: Worksheet, data: ReportData) -> None:
    """The robust core whatever the members' weights, and the disputed initiatives."""
    lang = data.lang
    weights = data.weights
    assert weights is not None
    col = lambda key: tr(f"report.wsens.col.{key}", lang)  # noqa: E731
    row = _section(sheet, 1, tr("report.wsens.title", lang))
    for sentence in weights.sentences:
        row = _row(sheet, row, [sentence], [None])
    row = _section(sheet, row + 1, tr("report.wsens.disputed", lang))
    if not weights.disputed:
        _row(sheet, row, [tr("report.wsens.none_disputed", lang)], [None])
    else:
        headings = [col(c) for c in ("initiative", "name", "funded_by", "core_index", "agreed")]
        row = _header(sheet, row, headings)
        for d in weights.disputed:
            agreed = tr("report.wsens.yes", lang) if d.agreed else ""
            values = [d.initiative_id, d.name, f"{d.funded_by} / {d.members}", d.core_index, agreed]
            row = _row(sheet, row, values, [None, None, None, PERCENT_FORMAT, None])
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 44
    for column in "CDE":
        sheet.column_dimensions[column].width = 18


def _followup(sheet: Worksheet, data: ReportData) -> None:
    """The approved plan against what happened: alerts, KPIs and goals at their latest
    measurement, the initiatives late or over budget."""
    lang = data.lang
    tracking = data.tracking
    assert tracking is not None
    col = lambda key: tr(f"report.fu.col.{key}", lang)  # noqa: E731
    row = _section(sheet, 1, tr("report.fu.section", lang))
    if tracking.as_of:
        row = _row(sheet, row, [tr("report.fu.as_of", lang, period=tracking.as_of)], [None])
    row = _section(sheet, row + 1, tr("report.fu.alerts", lang))
    for sentence in tracking.alerts or (tr("report.fu.no_alerts", lang),):
        row = _row(sheet, row, [sentence], [None])
    if tracking.highlights:
        row = _section(sheet, row + 1, tr("report.fu.highlights", lang))
        for sentence in tracking.highlights:
            row = _row(sheet, row, [sentence], [None])
    row = _section(sheet, row + 1, tr("report.fu.kpis", lang))
    row = _header(
        sheet, row, [col(c) for c in ("kpi", "period", "planned", "actual", "variance", "variance_points")]
    )
    for k in tracking.kpis:
        values = [f"{k.kpi_id} {k.name}", k.period, k.planned, k.actual, k.variance, k.variance_points]
        row = _row(
            sheet, row, values, [None, None, NUMBER_FORMAT, NUMBER_FORMAT, NUMBER_FORMAT, POINTS_FORMAT]
        )
    row = _section(sheet, row + 1, tr("report.fu.goals", lang))
    row = _header(sheet, row, [col(c) for c in ("goal", "period", "planned", "actual")])
    for g in tracking.goals:
        values = [f"{g.goal_id} {g.name}", g.period, g.planned_points, g.actual_points]
        row = _row(sheet, row, values, [None, None, POINTS_FORMAT, POINTS_FORMAT])
    row = _section(sheet, row + 1, tr("report.fu.initiatives", lang))
    if not tracking.late_or_over:
        row = _row(sheet, row, [tr("report.fu.none_late", lang)], [None])
    else:
        headings = [col(c) for c in ("initiative", "status", "planned_cost", "spent", "overrun", "late")]
        row = _header(sheet, row, headings)
        money = _money(lang)
        for i in tracking.late_or_over:
            late = tr("report.fu.yes", lang) if i.late else ""
            values = [
                f"{i.initiative_id} {i.name}",
                status_label(i.status, lang),
                i.planned_cost,
                i.spent,
                i.overrun,
                late,
            ]
            row = _row(sheet, row, values, [None, None, money, money, money, None])
    sheet.column_dimensions["A"].width = 44
    for column in "BCDEF":
        sheet.column_dimensions[column].width = 16


def _frontier(sheet: Worksheet, data: ReportData) -> None:
    lang = data.lang
    budget_col = tr("report.col.budget", lang)
    cost_col = tr("report.col.cost", lang)
    value_col = tr("report.col.value", lang)
    gap_col = tr("report.col.gap", lang)
    frame = pd.DataFrame(
        [
            [p.budget, p.cost, p.value, p.count, solver_label(p.solver_status, lang), p.gap]
            for p in data.frontier
        ],
        columns=[
            budget_col,
            cost_col,
            value_col,
            tr("report.col.count", lang),
            tr("report.col.solver_status", lang),
            gap_col,
        ],
    )
    write_table(sheet, frame, money_columns=[budget_col, cost_col], percent_columns=[gap_col], lang=lang)
    _number_format(sheet, frame, [value_col], POINTS_FORMAT)
    _number_format(sheet, frame, [gap_col], "0.00%")


def _parameters(sheet: Worksheet, data: ReportData) -> None:
    lang = data.lang
    frame = pd.DataFrame(
        [[p.label, p.value] for p in data.parameters],
        columns=[tr("report.col.parameter", lang), tr("report.col.setting", lang)],
    )
    write_table(sheet, frame, lang=lang)
    formats = {
        "money": _money(lang),
        "percent": "0.0###%",
        "integer": INTEGER_FORMAT,
        "number": NUMBER_FORMAT,
        "points": POINTS_FORMAT,
    }
    for row, parameter in enumerate(data.parameters, start=2):
        cell = sheet.cell(row=row, column=2)
        if _is_number(parameter):
            cell.number_format = formats.get(parameter.kind, "General")
        cell.alignment = Alignment(horizontal="left", wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 52
    sheet.column_dimensions["B"].width = 60


def _is_number(parameter: Parameter) -> bool:
    return isinstance(parameter.value, int | float) and not isinstance(parameter.value, bool)


def _decisions(sheet: Worksheet, data: ReportData) -> None:
    lang = data.lang
    when_col = tr("report.col.when", lang)
    frame = pd.DataFrame(
        [[workflow_label(d.status, lang), d.author, _naive(d.at), d.comment] for d in data.decisions],
        columns=[
            tr("report.col.workflow", lang),
            tr("report.col.author", lang),
            when_col,
            tr("report.col.comment", lang),
        ],
    )
    write_table(sheet, frame, lang=lang)
    _number_format(sheet, frame, [when_col], DATETIME_FORMAT[lang])
    _wrap_columns(sheet, frame, [tr("report.col.comment", lang)], 70)


def _naive(moment: dt.datetime | None) -> dt.datetime | None:
    # Excel has no time zones: aware times are written in UTC
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _number_format(sheet: Worksheet, frame: pd.DataFrame, names: Iterable[str], fmt: str) -> None:
    columns = list(frame.columns)
    for name in names:
        index = columns.index(name) + 1
        for row in range(2, len(frame) + 2):
            sheet.cell(row=row, column=index).number_format = fmt
