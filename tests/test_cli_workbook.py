"""`python -m cxprior template` and `validate`: exit codes and what they print."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from workbooks import backlog_sheets, good_sheets, with_cell, xlsx

from cxprior.cli import main
from cxprior.workbook import read_workbook

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def good_book(tmp_path) -> Path:
    path = tmp_path / "book.xlsx"
    path.write_bytes(xlsx(good_sheets()))
    return path


@pytest.fixture
def bad_book(tmp_path) -> Path:
    sheets = with_cell(good_sheets(), "Goals", 3, "weight", "lots")
    sheets = with_cell(sheets, "KPI_Goals", 2, "goal_id", "G9")
    path = tmp_path / "bad.xlsx"
    path.write_bytes(xlsx(sheets))
    return path


def test_validate_summarises_a_valid_workspace_with_its_warnings(good_book, capsys):
    assert main(["validate", str(good_book)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{good_book}: valid workspace.",
        "  goals: 2, KPIs: 3, KPI–goal links: 3, initiatives: 4, impacts: 5, cost periods: 2 (2026, 2027), "
        "budgets: 3",
        "Warnings:",
        "  - KPI CES (Customer effort) is linked to no strategic goal: its impacts are worth nothing. Link "
        "it to a goal on the KPI_Goals sheet, or drop it.",
        "  - Initiative I-4 (Chatbot) is worth nothing: it only moves KPIs that serve no strategic goal "
        "(CES). It is disconnected from strategy.",
    ]


def test_validate_lists_every_problem_and_exits_1(bad_book, capsys):
    assert main(["validate", str(bad_book)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bad_book}: 2 problems to fix:",
        "  Goals, row 3, weight: “lots” is not a number; type a number such as 1200 or 1 200,50.",
        "  KPI_Goals, row 2, goal_id: Goal G9 is not on the Goals sheet; fix the id or add the goal.",
    ]


def test_validate_speaks_french(bad_book, capsys):
    assert main(["validate", str(bad_book), "--lang", "fr"]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{bad_book} : 2 problèmes à corriger :",
        "  Goals, ligne 3, weight: « lots » n'est pas un nombre ; tapez un nombre comme 1200 ou 1 200,50.",
    ]


def test_validate_recognises_a_team_backlog(tmp_path, capsys):
    path = tmp_path / "team.xlsx"
    path.write_bytes(xlsx(backlog_sheets()))
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: valid team backlog (its KPI and dependency ids are checked when it is merged).",
        "  initiatives: 2, impacts: 2, cost periods: 2 (2026, 2027)",
    ]


def test_validate_json_for_a_valid_workbook(good_book, capsys):
    assert main(["validate", str(good_book), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["valid"] is True and document["kind"] == "workspace" and document["problems"] == []
    assert document["summary"] == {
        "goals": 2,
        "kpis": 3,
        "links": 3,
        "initiatives": 4,
        "impacts": 5,
        "periods": 2,
        "budgets": 3,
        "period_names": ["2026", "2027"],
    }
    assert [(w["code"], w["subject_id"]) for w in document["warnings"]] == [
        ("kpi_disconnected", "CES"),
        ("initiative_disconnected", "I-4"),
    ]


def test_validate_json_for_an_invalid_workbook(bad_book, capsys):
    assert main(["validate", str(bad_book), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert (document["valid"], document["kind"], document["summary"]) == (False, None, {})
    assert document["problems"] == [
        {
            "sheet": "Goals",
            "row": 3,
            "column": "weight",
            "message": "“lots” is not a number; type a number such as 1200 or 1 200,50.",
        },
        {
            "sheet": "KPI_Goals",
            "row": 2,
            "column": "goal_id",
            "message": "Goal G9 is not on the Goals sheet; fix the id or add the goal.",
        },
    ]


def test_template_writes_a_workbook_the_reader_recognises(tmp_path, capsys):
    out = tmp_path / "template.xlsx"
    assert main(["template", str(out), "--lang", "fr"]) == 0
    assert capsys.readouterr().out == f"Modèle écrit dans {out}.\n"
    # empty sheets, so not a valid workspace yet: exactly the "add your first rows" problems
    with pytest.raises(Exception) as caught:
        read_workbook(out, lang="fr")
    assert [str(p) for p in caught.value.problems] == [
        "Objectifs: La feuille ne contient aucun objectif ; ajoutez au moins un objectif stratégique avec "
        "son poids.",
        "Indicateurs: La feuille ne contient aucun indicateur ; ajoutez au moins un indicateur avec sa "
        "valeur initiale et sa cible.",
        "Initiatives: La feuille ne contient aucune initiative ; ajoutez au moins une initiative avec son "
        "coût.",
    ]


# --- as a process: never a traceback ---------------------------------------------------------


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Several `validate` runs started together (each process pays the imports once)."""
    folder = tmp_path_factory.mktemp("cli")
    text = folder / "backlog.csv"
    text.write_text("initiative_id;name\nI-1;Rappel\n", encoding="utf-8")
    cases = {
        "not_xlsx": [str(text)],
        "missing": [str(folder / "missing.xlsx")],
        "folder": [str(folder)],
    }
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    started = {
        name: subprocess.Popen(
            [sys.executable, "-m", "cxprior", "validate", *arguments],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, arguments in cases.items()
    }
    done = {}
    for name, process in started.items():
        out, err = process.communicate(timeout=120)
        done[name] = subprocess.CompletedProcess(process.args, process.returncode, out, err)
    done["folder_path"] = str(folder)
    return done


def test_a_file_that_is_not_a_workbook_exits_1_with_a_message(runs):
    run = runs["not_xlsx"]
    assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout
    assert "workbook: This file is not an Excel workbook (.xlsx)." in run.stdout


def test_a_missing_file_exits_1_with_a_message(runs):
    run = runs["missing"]
    assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout
    assert (
        "workbook: No file at " in run.stdout and "missing.xlsx. Check the path and try again." in run.stdout
    )


def test_a_folder_exits_1_with_a_message(runs):
    run = runs["folder"]
    assert run.returncode == 1 and "Traceback" not in run.stderr + run.stdout
    assert f"workbook: {runs['folder_path']} is a folder, not a workbook file." in run.stdout


def test_json_output_stays_json_for_a_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "missing.xlsx"), "--json"]) == 1
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert captured.err == "" and document["valid"] is False
    assert document["problems"] == [
        {
            "sheet": "",
            "row": None,
            "column": "",
            "message": f"No file at {tmp_path / 'missing.xlsx'}. Check the path and try again.",
        }
    ]
