"""The COMEX pack as a PDF of a few pages (fpdf2, bundled DejaVu Sans, charts from vl-convert).

Page 1 answers "what do we get for how much": title block (company, scenario, date,
status), headline figures, the decision, value by goal, cost per period against budget
and the expected KPI movement. Then the KPI table, the funded initiatives, what was left
out and why, the roadmap (workspaces with team capacity or later starts: when each funded
initiative runs, and the table of starts), how focused the portfolio is and — when a Monte
Carlo analysis is given — how robust the choice is (value range over the draws, robust core).
Tables repeat their headings on each page and long names wrap; user text is drawn as plain
text (no markup is interpreted).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, TableCellFillMode

from cxprior.analysis import format_level, status_label
from cxprior.charts import alignment_chart, roadmap_chart
from cxprior.domain import TOTAL_PERIOD, PortfolioResult, Workspace
from cxprior.i18n import format_money, format_number, format_percent, tr
from cxprior.portfolio import UncertaintyResult
from cxprior.report.charts import chart_png, goal_value_chart, kpi_chart, period_budget_chart
from cxprior.report.data import ReportData, build_report, solver_label, workflow_label
from cxprior.report.xlsx import decision_sentences

FONT_DIR = Path(__file__).with_name("fonts")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
FONT = "DejaVu"
BLUE = (31, 78, 121)
GREY = (110, 110, 110)
LIGHT = (242, 245, 248)
RULE = (200, 205, 210)
DECISION_COLOURS = {"approved": (47, 111, 115), "sent_back": (194, 65, 12)}
PENDING_COLOUR = (150, 150, 150)
# beyond this many, the left-out table shows the most valuable ones and points to the Excel
# pack: the optimizer's reasons run to three or four lines, and the PDF keeps to four pages
MAX_LEFT_OUT_ROWS = 10


class _PackPdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self._footer_text = footer_text
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.set_margins(15, 14, 15)
        self.set_auto_page_break(True, margin=16)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(FONT, "", 7)
        self.set_text_color(*GREY)
        self.cell(0, 4, self._footer_text.replace("{page}", str(self.page_no())), align="C")


def write_pack_pdf(
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
    """The COMEX pack PDF for a solved portfolio, as bytes; `uncertainty` (a Monte Carlo result
    on this portfolio) adds its robustness."""
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
    return render_pack_pdf(data)


def render_pack_pdf(data: ReportData) -> bytes:
    """The PDF for figures already computed (the CLI builds them once for both documents)."""
    lang = data.lang
    footer = tr(
        "report.footer",
        lang,
        company=data.company or tr("report.title", lang),
        scenario=data.scenario_name,
        page="{page}",
        pages="{nb}",
    )
    pdf = _PackPdf(_plain(footer))
    pdf.set_title(f"{tr('report.title', lang)} – {data.scenario_name}")
    pdf.set_author(data.company or "cxprior")
    pdf.set_creator("cxprior")
    pdf.set_lang(lang)
    # a fixed creation date keeps the same figures giving the same file
    pdf.set_creation_date(dt.datetime.combine(data.generated_on, dt.time(), tzinfo=dt.UTC))
    pdf.add_page()
    _title_block(pdf, data)
    _summary(pdf, data)
    _headline(pdf, data)
    _decision(pdf, data)
    _assumptions(pdf, data)
    _charts(pdf, data)
    _kpi_table(pdf, data)
    _funded_table(pdf, data)
    _left_out_table(pdf, data)
    _roadmap(pdf, data)
    _focus_table(pdf, data)
    _alignment(pdf, data)
    _followup(pdf, data)
    _weights(pdf, data)
    _robustness(pdf, data)
    return bytes(pdf.output())


# --- building blocks ------------------------------------------------------------------


def _section(pdf: FPDF, title: str, *, space_needed: float = 30) -> None:
    """A section heading, moved to the next page when the section would start at its foot."""
    if pdf.will_page_break(space_needed):
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FONT, "B", 11)
    pdf.set_text_color(*BLUE)
    pdf.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1.5)
    pdf.set_text_color(0, 0, 0)


def _table(
    pdf: FPDF,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    align: Sequence[str],
    *,
    total: Sequence[str] | None = None,
    size: float = 7.5,
) -> None:
    pdf.set_font(FONT, "", size)
    # fpdf2 takes unfilled cells' background from the current fill colour
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.1)
    heading_style = FontFace(
        family=FONT, emphasis="BOLD", color=(255, 255, 255), fill_color=BLUE, size_pt=size
    )
    with pdf.table(
        col_widths=tuple(widths),
        text_align=tuple(align),
        align="LEFT",
        width=pdf.epw,
        line_height=size * 0.5,
        padding=(1.0, 1.2),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        cell_fill_color=LIGHT,
        cell_fill_mode=TableCellFillMode.ROWS,
        headings_style=heading_style,
        repeat_headings=1,
        markdown=False,
        v_align="TOP",
    ) as table:
        table.row([_plain(h) for h in headings])
        for row in rows:
            table.row([_plain(c) for c in row])
        if total is not None:
            table.row([_plain(c) for c in total], style=FontFace(family=FONT, emphasis="BOLD", size_pt=size))
    pdf.ln(1)


def _plain(text: str) -> str:
    """User text as one line of printable characters: tabs, line breaks and controls become spaces."""
    return " ".join(_CONTROL.sub(" ", text).split()) if _CONTROL.search(text) else text


def _title_block(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    pdf.set_font(FONT, "B", 17)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(0, 8, tr("report.title", lang), align="L", new_x="LMARGIN", new_y="NEXT")
    if data.company:
        pdf.set_font(FONT, "B", 13)
        pdf.set_text_color(40, 40, 40)
        pdf.multi_cell(0, 7, _plain(data.company), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    fields = (
        (tr("report.scenario", lang), _plain(data.scenario_name)),
        (tr("report.date", lang), tr("report.date_format", lang, day=data.generated_on)),
        (tr("report.status", lang), workflow_label(data.workflow_status, lang)),
        (tr("report.head.solution", lang), _solution_text(data)),
    )
    widths = (0.34, 0.16, 0.22, 0.28)
    top = pdf.get_y()
    x = pdf.l_margin
    bottom = top
    for (label, value), share in zip(fields, widths, strict=True):
        width = pdf.epw * share
        pdf.set_xy(x, top)
        pdf.set_font(FONT, "", 7.5)
        pdf.set_text_color(*GREY)
        pdf.cell(width - 2, 4, label, new_x="LEFT", new_y="NEXT")
        pdf.set_font(FONT, "B", 9.5)
        pdf.set_text_color(0, 0, 0)
        pdf.multi_cell(width - 2, 4.8, value, align="L", new_x="LEFT", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
        x += width
    pdf.set_y(bottom + 2)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(3)


def _solution_text(data: ReportData) -> str:
    head = data.headline
    text = solver_label(head.solver_status, data.lang)
    if head.solver_status != "optimal" and head.gap is not None:
        text += f", {tr('report.head.gap', data.lang, gap=format_percent(head.gap, data.lang, 2))}"
    return text


def _headline(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    head = data.headline
    if head.budget is not None and head.budget_used is not None:
        budget_text = tr(
            "report.head.budget_used",
            lang,
            share=format_percent(head.budget_used, lang),
            budget=format_money(head.budget, lang),
        )
    else:
        budget_text = tr("report.head.no_budget", lang)
    focus = {line.key: line.value for line in data.focus}
    top_share = focus.get("top_share")
    phases_text = (
        f"{format_percent(float(top_share), lang)} → {focus.get('top_phase')}"
        if isinstance(top_share, int | float) and focus.get("top_phase")
        else ""
    )
    cards = (
        (
            tr("report.head.value", lang),
            format_number(head.value, lang, 1),
            tr("report.head.value_unit", lang),
        ),
        (tr("report.head.cost", lang), format_money(head.total_cost, lang), budget_text),
        (
            tr("report.head.funded", lang),
            format_number(head.funded_count, lang),
            tr("report.head.funded_of", lang, candidates=format_number(head.candidate_count, lang)),
        ),
        (tr("report.head.phases", lang), format_number(float(focus.get("phases", 0)), lang), phases_text),
    )
    gap = 3.0
    width = (pdf.epw - gap * (len(cards) - 1)) / len(cards)
    height = 23.0
    top = pdf.get_y()
    for index, (label, figure, note) in enumerate(cards):
        x = pdf.l_margin + index * (width + gap)
        pdf.set_fill_color(*LIGHT)
        pdf.rect(x, top, width, height, style="F")
        pdf.set_fill_color(*BLUE)
        pdf.rect(x, top, 1.2, height, style="F")
        pdf.set_xy(x + 3, top + 2)
        pdf.set_font(FONT, "", 7.5)
        pdf.set_text_color(*GREY)
        pdf.cell(width - 4, 4, label, new_x="LEFT", new_y="NEXT")
        pdf.set_font(FONT, "B", 15)
        pdf.set_text_color(*BLUE)
        pdf.cell(width - 4, 8, figure, new_x="LEFT", new_y="NEXT")
        pdf.set_font(FONT, "", 7)
        pdf.set_text_color(60, 60, 60)
        pdf.multi_cell(width - 4, 3.4, note, align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_y(top + height + 3)


def _summary(pdf: FPDF, data: ReportData) -> None:
    """What is funded and what is given up, in one sentence, before any figure."""
    if not data.summary:
        return
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_text_color(*BLUE)
    pdf.multi_cell(pdf.epw, 4.8, _plain(data.summary), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def _assumptions(pdf: FPDF, data: ReportData) -> None:
    """The scenario's assumptions, so the committee approves them along with the portfolio."""
    if not data.assumptions:
        return
    pdf.set_font(FONT, "B", 8.5)
    pdf.set_text_color(*BLUE)
    pdf.cell(pdf.epw, 5, tr("report.assumptions", data.lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(40, 40, 40)
    # two columns: the list stays short beside the charts that follow
    half = (pdf.epw - 4) / 2
    rows = (len(data.assumptions) + 1) // 2
    top = pdf.get_y()
    bottom = top
    for column in range(2):
        pdf.set_xy(pdf.l_margin + column * (half + 4), top)
        for line in data.assumptions[column * rows : (column + 1) * rows]:
            pdf.set_x(pdf.l_margin + column * (half + 4))
            pdf.multi_cell(half, 3.9, f"• {_plain(line)}", align="L", new_x="LEFT", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(pdf.l_margin, bottom + 2)
    pdf.set_text_color(0, 0, 0)


def _decision(pdf: FPDF, data: ReportData) -> None:
    decision = data.decision
    colour = DECISION_COLOURS.get(decision.status, PENDING_COLOUR) if decision else PENDING_COLOUR
    sentences = [_plain(sentence) for sentence in decision_sentences(data)]
    top = pdf.get_y()
    pdf.set_x(pdf.l_margin + 4)
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_text_color(*colour)
    pdf.multi_cell(
        pdf.epw - 4,
        5,
        f"{tr('report.section.decision', data.lang)} — {sentences[0]}",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(30, 30, 30)
    pdf.set_font(FONT, "", 8.5)
    for sentence in sentences[1:]:
        pdf.set_x(pdf.l_margin + 4)
        pdf.multi_cell(pdf.epw - 4, 4.5, sentence, align="L", new_x="LMARGIN", new_y="NEXT")
    bottom = pdf.get_y()
    pdf.set_fill_color(*colour)
    pdf.rect(pdf.l_margin, top, 1.2, bottom - top, style="F")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)


def _png_size(png: bytes) -> tuple[int, int]:
    # the IHDR chunk always comes first: width and height as big-endian 32-bit integers
    return struct.unpack(">II", png[16:24])


def _image(pdf: FPDF, png: bytes, x: float, y: float, width: float) -> float:
    """Place a PNG `width` mm wide at (x, y); returns its height in mm."""
    pixels_wide, pixels_high = _png_size(png)
    height = width * pixels_high / pixels_wide
    pdf.image(io.BytesIO(png), x=x, y=y, w=width, h=height)
    return height


def _charts(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    half = (pdf.epw - 6) / 2
    # the goal chart carries long labels on its left: a narrower plot keeps both charts at one scale
    goals = chart_png(goal_value_chart(data.goal_lines, lang), width=150)
    periods = chart_png(period_budget_chart(data.period_lines, lang), width=250)
    heights = [half * _png_size(p)[1] / _png_size(p)[0] for p in (goals, periods)]
    if pdf.will_page_break(max(heights) + 4):
        pdf.add_page()
    top = pdf.get_y() + 2
    _image(pdf, goals, pdf.l_margin, top, half)
    _image(pdf, periods, pdf.l_margin + half + 6, top, half)
    pdf.set_y(top + max(heights) + 4)
    if data.kpi_lines:
        chart = kpi_chart(data.kpi_lines, lang).properties(height=22 * len(data.kpi_lines))
        kpis = chart_png(chart, width=520)
        width = pdf.epw * 0.9
        height = width * _png_size(kpis)[1] / _png_size(kpis)[0]
        if pdf.will_page_break(height):
            pdf.add_page()
        top = pdf.get_y()
        _image(pdf, kpis, pdf.l_margin + (pdf.epw - width) / 2, top, width)
        pdf.set_y(top + height + 2)


def _kpi_table(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    if not data.kpi_lines:
        return
    _section(pdf, tr("report.section.kpis", lang))
    rows = [
        (
            f"{k.kpi_id} – {k.name}",
            format_level(k.baseline, k.unit, lang),
            format_level(k.projected, k.unit, lang),
            format_level(k.target, k.unit, lang),
            format_percent(k.progress, lang),
        )
        for k in data.kpi_lines
    ]
    _table(
        pdf,
        [
            tr("report.col.kpi", lang),
            tr("report.col.baseline", lang),
            tr("report.col.projected", lang),
            tr("report.col.target", lang),
            tr("report.col.progress", lang),
        ],
        rows,
        (60, 16, 16, 16, 16),
        ("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    )


def _funded_table(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    _section(pdf, tr("report.section.funded", lang))
    rows = []
    for line in data.funded:
        flag = " *" if line.mandatory or line.forced_in else ""
        rows.append(
            (
                line.initiative_id,
                line.name + flag,
                line.owner or line.team,
                line.journey_phase,
                format_money(line.cost, lang),
                format_number(line.value, lang, 1),
                line.main_goal or tr("report.none", lang),
            )
        )
    total = (
        "",
        tr("report.total", lang),
        "",
        "",
        format_money(data.headline.total_cost, lang),
        format_number(data.headline.value, lang, 1),
        "",
    )
    _table(
        pdf,
        [
            tr("report.col.id", lang),
            tr("report.col.name", lang),
            tr("report.col.owner", lang),
            tr("report.col.phase", lang),
            tr("report.col.cost", lang),
            tr("report.col.value", lang),
            tr("report.col.main_goal", lang),
        ],
        rows,
        (11, 38, 19, 18, 15, 13, 26),
        ("LEFT", "LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT"),
        total=total,
    )
    if any(line.mandatory or line.forced_in for line in data.funded):
        pdf.set_font(FONT, "", 7)
        pdf.set_text_color(*GREY)
        note = f"* {tr('report.flag.mandatory', lang)} / {tr('report.flag.forced_in', lang)}"
        pdf.cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    _period_table(pdf, data)


def _period_table(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    rows = []
    for line in data.period_lines:
        label = tr("report.total", lang) if line.period == TOTAL_PERIOD else line.period
        rows.append(
            (
                label,
                format_money(line.cost, lang),
                format_money(line.budget, lang)
                if line.budget is not None
                else tr("report.param.no_cap", lang),
                format_percent(line.used, lang) if line.used is not None else "–",
            )
        )
    _section(pdf, tr("report.section.periods", lang), space_needed=12 + 6 * len(rows))
    _table(
        pdf,
        [
            tr("report.col.period", lang),
            tr("report.col.cost", lang),
            tr("report.col.budget", lang),
            tr("report.col.used", lang),
        ],
        rows[:-1],
        (25, 25, 25, 25),
        ("LEFT", "RIGHT", "RIGHT", "RIGHT"),
        total=rows[-1],
    )


def _left_out_table(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    _section(pdf, tr("report.section.left_out", lang))
    if not data.left_out:
        pdf.set_font(FONT, "", 9)
        pdf.cell(0, 6, tr("report.no_left_out", lang), new_x="LMARGIN", new_y="NEXT")
        return
    shown = data.left_out[:MAX_LEFT_OUT_ROWS]
    # the reason is what COMEX reads here: it gets the width (the phase is in the Excel pack)
    rows = [
        (
            line.initiative_id,
            line.name,
            format_money(line.cost, lang),
            format_number(line.value, lang, 1),
            line.reason,
        )
        for line in shown
    ]
    _table(
        pdf,
        [
            tr("report.col.id", lang),
            tr("report.col.name", lang),
            tr("report.col.cost", lang),
            tr("report.col.value", lang),
            tr("report.col.reason", lang),
        ],
        rows,
        (11, 36, 15, 13, 75),
        ("LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT"),
    )
    hidden = len(data.left_out) - len(shown)
    if hidden > 0:
        pdf.set_font(FONT, "", 7.5)
        pdf.set_text_color(*GREY)
        pdf.cell(0, 4, tr("report.more_left_out", lang, count=hidden), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)


def _roadmap(pdf: FPDF, data: ReportData) -> None:
    """When each funded initiative runs (the dashboard's chart, by team) and the table of starts,
    on a page of their own."""
    roadmap = data.roadmap
    if roadmap is None or not roadmap.lines:
        return
    lang = data.lang
    pdf.add_page()
    _section(pdf, tr("road.report.section", lang))
    pdf.set_font(FONT, "", 8.5)
    note = tr("road.report.moved_count", lang, count=len(roadmap.moved))
    pdf.multi_cell(0, 4.5, note, align="L", new_x="LMARGIN", new_y="NEXT")
    frame = pd.DataFrame([vars(line) for line in roadmap.lines])
    groups = {line.initiative_id: line.group for line in roadmap.lines}
    values = {line.initiative_id: line.value for line in roadmap.lines}
    chart = roadmap_chart(frame, data.periods, groups, values=values, row_height=17, lang=lang)
    png = chart_png(chart, width=520)
    width = pdf.epw * min(1.0, 0.3 + 0.2 * len(data.periods))
    height = width * _png_size(png)[1] / _png_size(png)[0]
    if height > pdf.eph * 0.7:  # a long roadmap leaves room for the start of its table
        height = pdf.eph * 0.7
        width = height * _png_size(png)[0] / _png_size(png)[1]
    top = pdf.get_y() + 1
    _image(pdf, png, pdf.l_margin + (pdf.epw - width) / 2, top, width)
    pdf.set_y(top + height + 2)
    col = lambda key: tr(f"road.report.col.{key}", lang)  # noqa: E731
    yes, no = tr("road.report.yes", lang), tr("road.report.no", lang)
    rows = [
        (
            f"{line.initiative_id} – {line.name}",
            line.teams or line.team,
            line.start,
            line.finish,
            yes if line.moved else no,
            line.why,
        )
        for line in roadmap.lines
    ]
    _section(pdf, tr("road.report.starts", lang), space_needed=20)
    _table(
        pdf,
        [col(c) for c in ("initiative", "teams", "start", "finish", "moved", "why")],
        rows,
        (64, 30, 12, 12, 15, 47),
        ("LEFT", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"),
        size=6.5,
    )


def _focus_table(pdf: FPDF, data: ReportData) -> None:
    lang = data.lang
    rows = []
    for line in data.focus:
        if line.key == "top_share":
            value = format_percent(float(line.value), lang)
        elif line.key == "hhi":
            value = format_number(float(line.value), lang, 2)
        elif line.key == "top_phase":
            value = str(line.value) or "–"
        else:
            value = format_number(float(line.value), lang)
        if line.limit is not None:
            limit = tr("report.focus.at_most", lang, limit=line.limit)
        elif line.key in ("count", "phases"):
            limit = tr("report.focus.no_limit", lang)
        else:
            limit = ""
        rows.append((tr(f"report.focus.{line.key}", lang), value, limit))
    _section(pdf, tr("report.section.focus", lang), space_needed=12 + 6 * len(rows))
    _table(
        pdf,
        [tr("report.col.indicator", lang), tr("report.col.portfolio", lang), tr("report.col.limit", lang)],
        rows,
        (60, 20, 20),
        ("LEFT", "RIGHT", "RIGHT"),
    )


def _alignment(pdf: FPDF, data: ReportData) -> None:
    """Listening: each surveyed phase's share of importance against its share of the spend."""
    if data.alignment is None:
        return
    lang = data.lang
    alignment = data.alignment.alignment
    _section(pdf, tr("listen.report.section", lang), space_needed=70)
    pdf.set_font(FONT, "", 8.5)
    pdf.multi_cell(0, 4.2, _plain(data.alignment.sentence), new_x="LMARGIN", new_y="NEXT")
    if not alignment.phases:
        return
    png = chart_png(alignment_chart(alignment, lang), width=480)
    width = pdf.epw * 0.85
    height = width * _png_size(png)[1] / _png_size(png)[0]
    if pdf.will_page_break(height + 2):
        pdf.add_page()
    top = pdf.get_y() + 1
    _image(pdf, png, pdf.l_margin + (pdf.epw - width) / 2, top, width)
    pdf.set_y(top + height + 2)


def _followup(pdf: FPDF, data: ReportData) -> None:
    """The approved plan against what happened: alerts, KPIs at their latest measurement, the
    initiatives late or over budget. On a page of its own: the committee reads it apart."""
    tracking = data.tracking
    if tracking is None:
        return
    lang = data.lang
    pdf.add_page()
    _section(pdf, tr("report.fu.section", lang))
    pdf.set_font(FONT, "", 8.5)
    if tracking.as_of:
        pdf.multi_cell(
            0, 4.5, _plain(tr("report.fu.as_of", lang, period=tracking.as_of)), new_x="LMARGIN", new_y="NEXT"
        )
    for sentence in tracking.alerts or (tr("report.fu.no_alerts", lang),):
        pdf.multi_cell(0, 4.5, _plain(f"- {sentence}"), align="L", new_x="LMARGIN", new_y="NEXT")
    for sentence in tracking.highlights:
        pdf.multi_cell(0, 4.5, _plain(f"+ {sentence}"), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if tracking.kpis:
        col = lambda key: tr(f"report.fu.col.{key}", lang)  # noqa: E731
        rows = [
            (
                _plain(f"{k.kpi_id} {k.name}"),
                k.period,
                format_number(k.planned, lang, 1),
                format_number(k.actual, lang, 1),
                _plain(f"{format_number(k.variance, lang, 1)} {k.unit}".strip()),
                format_number(k.variance_points, lang, 1),
            )
            for k in tracking.kpis
        ]
        _section(pdf, tr("report.fu.kpis", lang), space_needed=12 + 6 * len(rows))
        headings = [col(c) for c in ("kpi", "period", "planned", "actual", "variance", "variance_points")]
        _table(
            pdf,
            headings,
            rows,
            (40, 10, 12, 12, 13, 13),
            ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
        )
    _section(pdf, tr("report.fu.initiatives", lang), space_needed=20)
    if not tracking.late_or_over:
        pdf.set_font(FONT, "", 8.5)
        pdf.multi_cell(0, 4.5, tr("report.fu.none_late", lang), new_x="LMARGIN", new_y="NEXT")
        return
    col = lambda key: tr(f"report.fu.col.{key}", lang)  # noqa: E731
    rows = [
        (
            _plain(f"{i.initiative_id} {i.name}"),
            status_label(i.status, lang),
            format_money(i.planned_cost, lang),
            format_money(i.spent, lang),
            format_money(i.overrun, lang),
            tr("report.fu.yes", lang) if i.late else "",
        )
        for i in tracking.late_or_over
    ]
    headings = [col(c) for c in ("initiative", "status", "planned_cost", "spent", "overrun", "late")]
    _table(pdf, headings, rows, (36, 14, 14, 14, 14, 8), ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT"))


def _weights(pdf: FPDF, data: ReportData) -> None:
    """Half a page: the robust core whatever the members' weights, and the disputed initiatives."""
    weights = data.weights
    if weights is None:
        return
    lang = data.lang
    _section(pdf, tr("report.wsens.title", lang), space_needed=40)
    pdf.set_font(FONT, "", 8.5)
    for sentence in weights.sentences:
        pdf.multi_cell(0, 4.5, _plain(sentence), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    if not weights.disputed:
        pdf.multi_cell(0, 4.5, tr("report.wsens.none_disputed", lang), new_x="LMARGIN", new_y="NEXT")
        return
    col = lambda key: tr(f"report.wsens.col.{key}", lang)  # noqa: E731
    rows = [
        (
            _plain(f"{d.initiative_id} {d.name}"),
            f"{d.funded_by} / {d.members}",
            format_percent(d.core_index, lang),
            tr("report.wsens.yes", lang) if d.agreed else "",
        )
        for d in weights.disputed
    ]
    headings = [col(c) for c in ("initiative", "funded_by", "core_index", "agreed")]
    _table(pdf, headings, rows, (50, 16, 12, 14), ("LEFT", "RIGHT", "RIGHT", "LEFT"))


def _robustness(pdf: FPDF, data: ReportData) -> None:
    """P10/P50/P90 of the portfolio's value over the draws and the funded initiatives by robustness."""
    robustness = data.robustness
    if robustness is None:
        return
    lang = data.lang
    _section(pdf, tr("depth.report.section", lang), space_needed=60)
    pdf.set_font(FONT, "", 8.5)
    for sentence in robustness.sentences[1:3]:
        pdf.multi_cell(0, 4.5, _plain(sentence), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    figures = [
        (tr("depth.report.p10", lang), robustness.p10),
        (tr("depth.report.p50", lang), robustness.p50),
        (tr("depth.report.p90", lang), robustness.p90),
        (tr("depth.report.expected", lang), robustness.expected),
    ]
    _table(
        pdf,
        [label for label, _ in figures],
        [[format_number(value, lang, 1) for _, value in figures]],
        (25, 25, 25, 25),
        ("RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    )
    for category in ("core", "borderline", "rare"):
        lines = robustness.funded_in(category)
        names = "; ".join(
            f"{line.initiative_id} {line.name} ({format_percent(line.core_index, lang)})" for line in lines
        )
        label = f"{tr(f'depth.report.{category}', lang)} ({len(lines)})"
        pdf.set_font(FONT, "B", 8)
        pdf.cell(pdf.get_string_width(label) + 2, 4.2, label)
        pdf.set_font(FONT, "", 8)
        pdf.multi_cell(
            0, 4.2, _plain(names or tr("depth.report.none", lang)), align="L", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.ln(1)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*GREY)
    for sentence in (robustness.sentences[0], *robustness.sentences[3:]):
        pdf.multi_cell(0, 3.6, _plain(sentence), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
