"""`python -m cxprior report …`: the pack from a workbook, its exit codes and messages."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from report_cases import pack_workspace

from cxprior.cli import main
from cxprior.domain import Budget, TeamBacklog, default_scenario
from cxprior.portfolio import optimize
from cxprior.workbook import write_backlog, write_workspace

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "cx_workspace_fr.xlsx"


def small_workspace():
    """The hand-checkable portfolio with its budgets on the Budget sheet."""
    return replace(pack_workspace(), budgets=(Budget("2026", 450_000.0), Budget("2027", 200_000.0)))


@pytest.fixture
def book(tmp_path) -> Path:
    path = tmp_path / "acme_telecom.xlsx"
    path.write_bytes(write_workspace(small_workspace()))
    return path


def text_of(pdf: Path) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(pdf).pages).split())


def test_report_writes_the_pdf_and_the_workbook_with_the_optimizers_figures(book, tmp_path, capsys):
    pdf, xlsx = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    code = main(["report", str(book), "--pdf", str(pdf), "--xlsx", str(xlsx), "--lang", "fr"])
    assert code == 0
    ws = small_workspace()
    expected = optimize(ws, default_scenario(ws), lang="fr")
    pack = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))
    assert pack.sheetnames == ["Synthèse", "Portefeuille", "Écartées", "Frontière", "Paramètres"]
    summary = {row[0].value: row[1].value for row in pack["Synthèse"].iter_rows(max_col=2) if row[0].value}
    assert summary["Valeur du portefeuille (points de valeur)"] == pytest.approx(expected.objective)
    assert summary["Coût total"] == expected.total_cost
    funded = [row[0].value for row in pack["Portefeuille"].iter_rows(min_row=2) if row[0].value != "Total"]
    assert sorted(funded) == sorted(expected.selected)
    out = capsys.readouterr().out
    assert f"Écrit : {pdf}" in out and f"Écrit : {xlsx}" in out
    assert (
        "4 initiatives financées pour 610 000 € : 62,5 points de valeur ; "
        "le portefeuille est le meilleur possible (prouvé)."
        in out.replace("\u202f", " ").replace("\u00a0", " ")
    )


def test_the_company_is_the_workbooks_name_unless_given(book, tmp_path):
    pdf = tmp_path / "pack.pdf"
    assert main(["report", str(book), "--pdf", str(pdf)]) == 0
    assert "acme_telecom" in text_of(pdf)
    assert main(["report", str(book), "--pdf", str(pdf), "--company", "Acme Télécom"]) == 0
    assert "Acme Télécom" in text_of(pdf)


def test_scenario_options_are_those_of_optimize(book, tmp_path):
    pdf = tmp_path / "pack.pdf"
    code = main(["report", str(book), "--pdf", str(pdf), "--force-out", "C", "--lang", "en"])
    assert code == 0
    text = text_of(pdf)
    funded = text.split("Funded initiatives")[1].split("Initiatives left out")[0]
    assert "Portail self-care" not in funded


def test_an_infeasible_scenario_exits_2_with_its_explanation_and_writes_nothing(book, tmp_path, capsys):
    pdf = tmp_path / "pack.pdf"
    # D is mandatory and costs 60,000 € in 2026
    code = main(["report", str(book), "--pdf", str(pdf), "--budget-period", "2026=1000", "--lang", "fr"])
    assert code == 2
    err = capsys.readouterr().err
    assert "Aucun portefeuille ne respecte ce scénario ; aucun dossier n'a été écrit :" in err
    assert "D (Formation des conseillers, 60" in err
    assert not pdf.exists()


def test_a_team_backlog_is_refused_with_a_clear_message(tmp_path, capsys):
    ws = pack_workspace()
    backlog = tmp_path / "equipe.xlsx"
    backlog.write_bytes(write_backlog(TeamBacklog(ws.initiatives, ws.impacts, ws.periods)))
    code = main(["report", str(backlog), "--pdf", str(tmp_path / "pack.pdf"), "--lang", "en"])
    assert code == 1
    expected = (
        f"{backlog} is a team backlog (initiatives only): the COMEX pack needs a full workbook "
        "with goals and KPIs."
    )
    assert expected in capsys.readouterr().err


def test_an_invalid_workbook_lists_every_problem_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Goals"
    book.active.append(["goal_id", "name", "weight"])
    book.active.append(["G1", "Fidéliser", "lourd"])
    book.save(bad)
    code = main(["report", str(bad), "--pdf", str(tmp_path / "pack.pdf")])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Goals, row 2, weight:" in err
    assert not (tmp_path / "pack.pdf").exists()


@pytest.mark.slow
def test_the_sample_workbooks_pack_keeps_to_two_to_four_pages_and_two_more_for_its_roadmap(tmp_path):
    pages = {}
    for book in (SAMPLE.with_name("cx_workspace_fr_v1.xlsx"), SAMPLE):
        pdf, xlsx = tmp_path / f"{book.stem}.pdf", tmp_path / f"{book.stem}.xlsx"
        assert main(["report", str(book), "--pdf", str(pdf), "--xlsx", str(xlsx), "--lang", "fr"]) == 0
        pages[book.stem] = len(PdfReader(pdf).pages)
    assert 2 <= pages["cx_workspace_fr_v1"] <= 4
    # the roadmap (its chart, then the table of starts) takes at most two pages more
    assert pages["cx_workspace_fr_v1"] < pages["cx_workspace_fr"] <= pages["cx_workspace_fr_v1"] + 2


def test_a_missing_output_folder_is_reported_before_any_work(book, tmp_path, capsys):
    target = tmp_path / "nowhere" / "pack.pdf"
    assert main(["report", str(book), "--pdf", str(target), "--lang", "fr"]) == 1
    assert capsys.readouterr().err == (
        f"error: --pdf : impossible d'écrire {target} : le dossier {target.parent} n'existe pas\n"
    )
