"""Each command imports only what it needs (issue 14, start-up): a behaviour, not a timing.

Every command runs as a user runs it, `python -X importtime -m cxprior …`, and the modules
the interpreter reports having imported are checked: `validate` reads the workbook without
the solver, the database, the charts or the PDF stack; `optimize` solves without the report
stack; neither loads pandas or pandera (the table rules run on numpy arrays); `--help` loads no
third-party library at all. The faces of the packages load each name
on first use (cxprior.lazy), and every name a face promises is still there.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import cxprior
from cxprior.lazy import sources_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"

SOLVER = {"pulp", "highspy", "scipy"}
DATABASE = {"sqlalchemy", "alembic", "psycopg"}
REPORT = {"fpdf", "altair", "vl_convert"}
# the workbook is read by the standard library's XML parser: openpyxl only writes
WRITER = {"openpyxl"}
TABLES = {"pandas", "pandera", "numpy", "pyarrow"}
# what reading a workbook no longer needs: the data frames and their schema library
FRAMES = {"pandas", "pandera", "pyarrow", "pydantic", "typeguard"}


def imported_by(*arguments: str) -> tuple[int, set[str]]:
    """The exit code of `python -m cxprior ARGUMENTS…` and the top-level packages it imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cxprior", *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    names = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "cxprior" in names, done.stderr[-2000:]
    return done.returncode, names


def test_help_loads_no_third_party_library():
    code, names = imported_by("--help")
    assert code == 0
    assert not names & (SOLVER | DATABASE | REPORT | WRITER | TABLES | {"babel", "streamlit"})


def test_a_command_s_help_is_as_light():
    code, names = imported_by("optimize", "--help")
    assert code == 0
    assert not names & (SOLVER | DATABASE | REPORT | WRITER | TABLES)


def test_validate_reads_the_sample_without_solver_database_charts_or_pdf():
    code, names = imported_by("validate", str(SAMPLE))
    assert code == 0
    assert not names & (SOLVER | DATABASE | REPORT | WRITER | {"streamlit"})


@pytest.mark.parametrize("output", [[], ["--json"]], ids=["summary", "json"])
def test_validate_reads_and_checks_the_sample_without_pandas_or_pandera(output):
    code, names = imported_by("validate", str(SAMPLE), *output)
    assert code == 0
    assert "numpy" in names  # the per-column rules run on numpy arrays
    assert not names & FRAMES


def test_validate_reports_a_workbook_s_problems_without_pandas_or_pandera(tmp_path):
    book = tmp_path / "duplicate.xlsx"
    book.write_bytes(_sample_with_a_repeated_goal_and_a_negative_weight())
    code, names = imported_by("validate", str(book))
    assert code == 1
    assert not names & FRAMES


def _sample_with_a_repeated_goal_and_a_negative_weight() -> bytes:
    import io

    import openpyxl

    book = openpyxl.load_workbook(SAMPLE)
    goals = book.worksheets[0]
    goals.cell(3, 1).value = goals.cell(2, 1).value
    goals.cell(2, 3).value = -1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("output", [["--json", "-"], []], ids=["json", "summary"])
def test_optimize_solves_the_sample_without_the_report_stack(output):
    code, names = imported_by("optimize", str(SAMPLE), *output)
    assert code == 0
    assert "highspy" in names
    assert not names & (DATABASE | REPORT | WRITER | FRAMES | {"streamlit"})


def test_optimize_loads_the_report_stack_when_it_writes_the_portfolio_workbook(tmp_path):
    code, names = imported_by("optimize", str(SAMPLE), "--json", "-", "--out", str(tmp_path / "p.xlsx"))
    assert code == 0
    assert {"openpyxl", "fpdf"} <= names
    assert not names & DATABASE


def test_drivers_analyses_a_survey_without_the_solver(tmp_path):
    survey = ROOT / "sample_data" / "enquete_fr.csv"
    out = str(tmp_path / "drivers.json")
    code, names = imported_by(
        "drivers", str(survey), "--outcome", "recommandation", "--resamples", "5", "--json", out
    )
    assert code == 0
    assert not names & (SOLVER | DATABASE | REPORT | {"streamlit"})


def _lazy_faces() -> list[str]:
    faces = []
    for info in pkgutil.iter_modules(cxprior.__path__, "cxprior."):
        if info.ispkg and "__getattr__" in vars(importlib.import_module(info.name)):
            faces.append(info.name)
    return faces


def test_the_solver_and_database_faces_load_lazily():
    assert {"cxprior.domain", "cxprior.workbook", "cxprior.portfolio", "cxprior.store"} <= set(_lazy_faces())
    faces = "cxprior.domain, cxprior.workbook, cxprior.portfolio, cxprior.analysis, cxprior.store"
    code = f"import sys, {faces}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not set(done.stdout.split()) & (SOLVER | DATABASE | REPORT | WRITER | TABLES | {"babel"})


@pytest.mark.parametrize("face", _lazy_faces())
def test_every_name_a_lazy_face_promises_is_the_object_it_imports(face):
    package = importlib.import_module(face)
    sources = sources_of(face)
    assert set(sources) == set(package.__all__)
    for name, (module, attribute) in sources.items():
        source = importlib.import_module(module)
        expected = getattr(source, attribute) if attribute else source
        assert getattr(package, name) is expected, f"{face}.{name}"
    assert set(package.__all__) <= set(dir(package))


def test_a_name_no_face_has_is_an_attribute_error():
    import cxprior.portfolio

    with pytest.raises(AttributeError, match="no attribute 'optimise'"):
        cxprior.portfolio.optimise  # noqa: B018
    assert not hasattr(cxprior.portfolio, "optimise")
