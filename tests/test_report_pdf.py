"""The COMEX pack PDF: its text (read back with pypdf) and a rendered first page."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader
from report_cases import (
    E_REASON,
    F_REASON,
    pack_decisions,
    pack_result,
    pack_workspace,
)

from cxprior.domain import Impact, Initiative
from cxprior.report import MAX_LEFT_OUT_ROWS, build_report, render_pack_pdf, write_pack_pdf

TODAY = dt.date(2026, 11, 22)
NNBSP = "\u202f"  # French thousands separator


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squeezed(text: str) -> str:
    """Text without any whitespace: long cells wrap wherever the column ends."""
    return "".join(text.split())


def flat(text: str) -> str:
    """Text with line breaks and every kind of space as one plain space (table cells wrap)."""
    return " ".join(text.replace("\u00a0", " ").replace(NNBSP, " ").split())


@pytest.fixture(scope="module")
def fr_pdf() -> bytes:
    return write_pack_pdf(
        pack_workspace(),
        pack_result(),
        decisions=pack_decisions(),
        lang="fr",
        company="Acme Télécom",
        today=TODAY,
    )


@pytest.fixture(scope="module")
def en_pdf() -> bytes:
    return write_pack_pdf(pack_workspace(), pack_result(), lang="en", company="Acme", today=TODAY)


def test_the_pdf_is_a_short_document(fr_pdf):
    pages = len(PdfReader(io.BytesIO(fr_pdf)).pages)
    assert 1 <= pages <= 4


def test_title_block_names_company_scenario_date_and_status(fr_pdf):
    text = flat(pdf_text(fr_pdf))
    assert "Portefeuille CX pour le COMEX" in text
    assert "Acme Télécom" in text
    assert "Budget 2026–2027" in text
    assert "22/11/2026" in text
    assert "Approuvé" in text


def test_headline_figures_are_the_optimizers_in_french_formats(fr_pdf):
    text = flat(pdf_text(fr_pdf))
    assert "62,5" in text
    assert "610 000 €" in text
    assert "94 % du budget de 650 000 €" in text
    assert "sur 6 proposées" in text


def test_headline_figures_in_english(en_pdf):
    text = flat(pdf_text(en_pdf))
    assert "CX portfolio for the executive committee" in text
    assert "€610,000" in text
    assert "94% of the €650,000 budget" in text
    assert "No decision yet: the scenario is draft." in text


def test_every_funded_initiative_is_listed_with_accents_and_guillemets(fr_pdf):
    text = squeezed(pdf_text(fr_pdf))
    for line in pack_workspace().initiatives[:4]:
        assert squeezed(line.name) in text
        assert squeezed(line.owner) in text
    assert squeezed("Rappel client « en moins d'une heure »") in text


def test_hostile_text_is_printed_as_typed(fr_pdf):
    text = flat(pdf_text(fr_pdf))
    assert (
        '=HYPERLINK("http://evil.example", "clic")' in text
        or '=HYPERLINK("http://evil.example","clic")' in text
    )


def test_left_out_initiatives_come_with_their_reasons(fr_pdf):
    text = pdf_text(fr_pdf)
    assert "Initiatives écartées, et pourquoi" in flat(text)
    assert squeezed(E_REASON) in squeezed(text)
    assert squeezed(F_REASON) in squeezed(text)


def test_the_decision_is_stated_with_its_author_and_comment(fr_pdf):
    text = flat(pdf_text(fr_pdf))
    assert "Approuvé par Anne Lévêque le 20/11/2026 à 17:30." in text
    assert "Commentaire : « -1 pour moi : =SUM(A1:A9) »" in text


def test_focus_indicators_and_expected_kpi_movement_are_shown(fr_pdf):
    text = flat(pdf_text(fr_pdf))
    assert "Concentration du portefeuille" in text
    assert "Phases du parcours couvertes" in text
    assert "au plus 3" in text
    assert "20 pts 30 pts 40 pts 50 %" in text


def test_a_long_left_out_list_shows_the_most_valuable_and_points_to_the_workbook():
    ws = pack_workspace()
    extra = tuple(
        Initiative(f"X{n:02d}", f"Idée {n}", 10_000.0, {"2026": 10_000.0, "2027": 0.0}) for n in range(40)
    )
    ws = replace(
        ws,
        initiatives=ws.initiatives + extra,
        impacts=ws.impacts + tuple(Impact(i.initiative_id, "NPS", 0.1) for i in extra),
    )
    data = build_report(ws, pack_result(), lang="en", today=TODAY)
    text = flat(pdf_text(render_pack_pdf(data)))
    hidden = len(data.left_out) - MAX_LEFT_OUT_ROWS
    assert f"… and {hidden} more, listed in the Excel pack." in text


def test_the_same_figures_give_the_same_file(en_pdf):
    again = write_pack_pdf(pack_workspace(), pack_result(), lang="en", company="Acme", today=TODAY)
    assert again == en_pdf


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_page_one_renders_with_text_and_charts(fr_pdf, tmp_path):
    source = tmp_path / "pack.pdf"
    source.write_bytes(fr_pdf)
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-png", str(source), str(tmp_path / "page")],
        check=True,
    )
    pixels = np.asarray(Image.open(next(tmp_path.glob("page*.png"))).convert("RGB"), dtype=int)
    red, blue = pixels[..., 0], pixels[..., 2]
    inked = float((pixels.sum(axis=2) < 600).mean())
    # title, cards and the charts' bars are blue or teal: colour is on the page, not just text
    coloured = float((blue - red > 40).mean())
    assert inked > 0.05
    assert coloured > 0.01


def test_tabs_and_line_breaks_in_user_text_print_as_spaces():
    ws = pack_workspace()
    messy = replace(ws.initiatives[2], name="Portail\tself-care\r\nmobile\x07")
    ws = replace(ws, initiatives=(*ws.initiatives[:2], messy, *ws.initiatives[3:]))
    text = flat(pdf_text(write_pack_pdf(ws, pack_result(), lang="en", today=TODAY)))
    assert "Portail self-care mobile" in text
