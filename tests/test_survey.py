"""Survey files (.csv, .xlsx) in, every bad input located; the `drivers` command end to end."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from hostile_files import macro_workbook_renamed
from test_drivers import brute_force_shapley

from cxprior.analysis import analyse_drivers, phase_order
from cxprior.cli import main
from cxprior.workbook import (
    SurveyError,
    default_drivers,
    propose_drivers,
    propose_outcome,
    read_survey,
    read_workbook,
    select_survey,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data" / "enquete_fr.csv"
WORKSPACE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
HEADER = ["répondant", "segment", "recommandation", "Découvrir", "Souscrire", "Obtenir de l'aide"]


def answers(n: int = 30, seed: int = 0) -> list[list[str]]:
    """n respondents: recommendation driven mostly by getting help, scores as whole numbers."""
    rng = np.random.default_rng(seed)
    scores = rng.integers(1, 11, size=(n, 3))
    outcome = np.clip(np.rint(0.2 * scores[:, 0] + 0.3 * scores[:, 1] + 0.6 * scores[:, 2] - 1), 0, 10)
    segments = ["particuliers", "professionnels"]
    return [
        [f"R{k + 1:03d}", segments[k % 2], str(int(outcome[k])), *(str(int(v)) for v in scores[k])]
        for k in range(n)
    ]


def csv_bytes(rows: list[list[str]], sep: str = ";", encoding: str = "utf-8-sig", header=HEADER) -> bytes:
    lines = [sep.join(header), *(sep.join(row) for row in rows)]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows: list[list[object]], header=HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Réponses"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.create_sheet("Notes").append(["ignored"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems_of(data: bytes, name: str = "enquete.csv", **choice) -> list[str]:
    with pytest.raises(SurveyError) as caught:
        select_survey(read_survey(data, name=name), **{"outcome": "recommandation", **choice})
    return [str(p) for p in caught.value.problems]


# --- reading ----------------------------------------------------------------------------------


def test_a_french_excel_csv_with_semicolons_a_bom_and_decimal_commas_is_read():
    rows = answers()
    rows[0][3] = "7,5"
    selection = select_survey(read_survey(csv_bytes(rows), name="enquete.csv"), "recommandation")
    assert selection.driver_names == ("Découvrir", "Souscrire", "Obtenir de l'aide")
    assert selection.drivers[0, 0] == 7.5
    assert selection.outcome[1] == float(rows[1][2])
    assert selection.rows[:2] == (2, 3)  # the header is row 1


def test_a_cp1252_csv_with_commas_reads_the_same_accents_and_numbers():
    rows = answers()
    utf8 = select_survey(read_survey(csv_bytes(rows), name="a.csv"), "recommandation")
    windows = select_survey(read_survey(csv_bytes(rows, ",", "cp1252"), name="b.csv"), "Recommandation")
    assert windows.driver_names == utf8.driver_names
    np.testing.assert_array_equal(windows.drivers, utf8.drivers)


def test_a_utf16_text_export_is_read():
    rows = answers()
    selection = select_survey(read_survey(csv_bytes(rows, "\t", "utf-16"), name="a.txt"), "recommandation")
    assert selection.driver_names[0] == "Découvrir"


def test_the_first_sheet_of_an_xlsx_reads_like_the_csv():
    rows = answers()
    typed = [[r[0], r[1], *(int(v) for v in r[2:])] for r in rows]
    from_xlsx = select_survey(read_survey(xlsx_bytes(typed), name="enquete.xlsx"), "recommandation")
    from_csv = select_survey(read_survey(csv_bytes(rows), name="enquete.csv"), "recommandation")
    np.testing.assert_array_equal(from_xlsx.drivers, from_csv.drivers)
    assert from_xlsx.source == "Réponses"


def test_a_hostile_xlsx_is_refused_by_the_workbook_guard():
    with pytest.raises(SurveyError, match="contains macros"):
        read_survey(macro_workbook_renamed(), name="enquete.xlsx")
    with pytest.raises(SurveyError, match=r"old-format Excel file \(.xls\)"):
        read_survey(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), name="enquete.xls")


def test_column_names_compare_without_case_accents_or_extra_spaces():
    selection = select_survey(
        read_survey(csv_bytes(answers()), name="e.csv"),
        "  RECOMMANDATION ",
        ["decouvrir", "obtenir  de l'AIDE"],
        "Segment",
    )
    assert selection.driver_names == ("Découvrir", "Obtenir de l'aide")
    assert selection.segments[:2] == ("particuliers", "professionnels")


def test_no_answer_markers_are_missing_values_left_out_and_counted():
    rows = answers()
    rows[2][4] = "NSP"
    rows[5][5] = ""
    rows[7][2] = "N/A"
    selection = select_survey(read_survey(csv_bytes(rows), name="e.csv"), "recommandation")
    assert selection.complete_rows == 27
    analysis = analyse_drivers(selection.outcome, selection.drivers, selection.driver_names, resamples=0)
    assert (analysis.n, analysis.dropped) == (27, 3)


def test_the_default_drivers_are_the_numeric_columns_but_the_outcome_and_the_segment():
    survey = read_survey(csv_bytes(answers()), name="e.csv")
    assert default_drivers(survey, "recommandation", "segment") == (
        "Découvrir",
        "Souscrire",
        "Obtenir de l'aide",
    )
    assert propose_outcome(survey) == "recommandation"


def test_columns_named_like_the_journey_phases_are_proposed_first_in_journey_order():
    header = ["recommandation", "prix", "Obtenir de l'aide", "decouvrir"]
    rows = [[str(k % 10), str(k % 7 + 1), str(k % 5 + 1), str(k % 3 + 1)] for k in range(20)]
    survey = read_survey(csv_bytes(rows, header=header), name="e.csv")
    phases = phase_order(read_workbook(WORKSPACE).workspace)
    proposal = propose_drivers(survey, phases, outcome="recommandation")
    assert proposal.phase_columns == ("decouvrir", "Obtenir de l'aide")
    assert proposal.ordered == ("decouvrir", "Obtenir de l'aide", "prix")


# --- every bad input, located ------------------------------------------------------------------


def test_a_word_in_a_score_column_is_reported_at_its_row_and_column():
    rows = answers()
    rows[2][4] = "sept"  # the third respondent: row 4 of the file
    assert problems_of(csv_bytes(rows)) == [
        "enquete.csv, row 4, Souscrire: “sept” is not a number: this column holds scores. Type a number, "
        "or leave the cell empty for no answer."
    ]


def test_a_column_of_text_chosen_as_a_driver_lists_a_few_cells_then_a_count():
    found = problems_of(csv_bytes(answers()), drivers=["répondant"])
    # 30 ids: the first 5 listed with their rows (2 to 6), then the 25 others counted
    assert [p.split(":")[0] for p in found[:5]] == [f"enquete.csv, row {r}, répondant" for r in range(2, 7)]
    assert found[5] == "enquete.csv, répondant: and 25 more cells that are not numbers in this column."


def test_an_empty_column_is_reported():
    rows = answers()
    for row in rows:
        row[3] = ""
    found = problems_of(csv_bytes(rows), drivers=["Découvrir", "Souscrire"])
    assert found == ["enquete.csv, Découvrir: This column is empty: no respondent answered it."]


def test_a_constant_driver_is_reported_with_its_value():
    rows = answers()
    for row in rows:
        row[4] = "8"
    assert problems_of(csv_bytes(rows)) == [
        "enquete.csv, Souscrire: Every respondent gave the same answer (8): a constant explains nothing. "
        "Leave this column out."
    ]


def test_too_few_complete_rows_is_reported_with_the_counts():
    rows = answers(14)
    rows[0][3] = ""
    # 3 drivers need 13 rows; 13 are complete, so one more missing answer makes it 12
    select_survey(read_survey(csv_bytes(rows), name="e.csv"), "recommandation")
    rows[1][3] = ""
    assert problems_of(csv_bytes(rows)) == [
        "enquete.csv: Only 12 respondents answered every chosen question (2 left out for a missing answer); "
        "the analysis needs at least 13 (the number of drivers + 10)."
    ]


def test_more_than_fifteen_drivers_is_reported():
    header = ["recommandation", *(f"q{k}" for k in range(16))]
    rows = [[str(k % 11), *(str((k * (j + 3)) % 10 + 1) for j in range(16))] for k in range(40)]
    found = problems_of(csv_bytes(rows, header=header))
    assert found == [
        "enquete.csv: 16 drivers are chosen; the analysis takes at most 15 (it looks at every combination "
        "of them). Keep the journey phases, or group related questions."
    ]


def test_an_unknown_column_suggests_the_closest_name():
    found = problems_of(csv_bytes(answers()), outcome="recomandation", drivers=["Souscrire", "Payer"])
    assert found[0].startswith(
        "enquete.csv, recomandation: There is no column recomandation in the survey. Did you mean "
        "recommandation? Columns: répondant, segment, recommandation,"
    )
    assert found[1].startswith("enquete.csv, Payer: There is no column Payer in the survey. Columns:")


def test_the_outcome_cannot_also_be_a_driver():
    found = problems_of(csv_bytes(answers()), drivers=["Souscrire", "recommandation"])
    assert found == [
        "enquete.csv, recommandation: recommandation is the outcome; it cannot be a driver as well."
    ]


def test_a_file_neither_utf8_nor_cp1252_is_reported_at_its_row():
    data = csv_bytes(answers()).replace(b"R003", b"R\x81\x8d3")  # bytes cp1252 leaves undefined
    with pytest.raises(SurveyError) as caught:
        read_survey(data, name="enquete.csv")
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row) == ("enquete.csv", 4)
    assert problem.message.startswith("The file is neither UTF-8 nor Windows (cp1252) text: byte 0x81")


def test_an_empty_file_and_a_header_without_answers_are_reported():
    with pytest.raises(SurveyError, match="The file is empty"):
        read_survey(b"\xef\xbb\xbf \r\n", name="vide.csv")
    with pytest.raises(SurveyError) as caught:
        read_survey(csv_bytes([]), name="enquete.csv")
    assert [str(p) for p in caught.value.problems] == [
        "enquete.csv: The survey holds column names but no answers."
    ]


def test_two_columns_with_the_same_name_are_reported_on_row_1():
    header = ["recommandation", "Souscrire", "souscrire "]
    with pytest.raises(SurveyError) as caught:
        read_survey(csv_bytes([["1", "2", "3"]], header=header), name="e.csv")
    assert [str(p) for p in caught.value.problems] == [
        "e.csv, row 1, souscrire: Two columns are named souscrire (also column Souscrire); "
        "rename one of them."
    ]


def test_an_xlsx_formula_without_a_result_is_reported_only_when_its_column_is_used():
    rows = [[r[0], r[1], *(int(v) for v in r[2:])] for r in answers()]
    rows[3][3] = "=B2+1"  # openpyxl saves the formula without a result
    survey = read_survey(xlsx_bytes(rows), name="e.xlsx")
    select_survey(survey, "recommandation", ["Souscrire", "Obtenir de l'aide"])
    with pytest.raises(SurveyError) as caught:
        select_survey(survey, "recommandation")
    assert [str(p)[:28] for p in caught.value.problems] == ["Réponses, row 5, Découvrir: "]


# --- the sample --------------------------------------------------------------------------------


def test_the_sample_survey_is_what_its_script_writes():
    script = ROOT / "scripts" / "build_survey_sample.py"
    sys.path.insert(0, str(script.parent))
    try:
        import build_survey_sample
    finally:
        sys.path.remove(str(script.parent))
    assert SAMPLE.read_bytes() == b"\xef\xbb\xbf" + build_survey_sample.survey_text().encode("utf-8")


def test_in_the_sample_getting_help_is_clearly_the_most_significant_phase():
    survey = read_survey(SAMPLE)
    phases = phase_order(read_workbook(WORKSPACE).workspace)
    proposal = propose_drivers(survey, phases, outcome="recommandation", segment="segment")
    assert proposal.phase_columns == phases and not proposal.other_columns
    selection = select_survey(survey, "recommandation", proposal.ordered, "segment")
    analysis = analyse_drivers(
        selection.outcome,
        selection.drivers,
        selection.driver_names,
        segments=selection.segments,
        resamples=200,
    )
    assert 780 <= analysis.n < 800 and analysis.dropped == 800 - analysis.n
    first, second = analysis.drivers[:2]
    assert first.name == "Obtenir de l'aide"
    assert first.low > second.high  # the intervals do not overlap: clearly the first
    assert first.mean == min(d.mean for d in analysis.drivers)  # and the phase rated lowest
    assert [s.segment for s in analysis.segments] == ["professionnels", "particuliers"]


# --- the command line --------------------------------------------------------------------------


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_drivers_on_held_out_data_reproduces_the_exact_shapley_values(tmp_path, capsys):
    # data the program never saw: drivers with a common factor, an outcome with noise
    rng = np.random.default_rng(2718)
    x = rng.normal(size=(60, 4)) + rng.normal(size=(60, 1))
    y = x @ np.array([0.5, 0.1, 0.8, 0.3]) + rng.normal(size=60)
    header = ["nps", "a", "b", "c", "d"]
    rows = [[repr(float(y[k])), *(repr(float(v)) for v in x[k])] for k in range(60)]
    path = tmp_path / "held_out.csv"
    path.write_bytes(csv_bytes(rows, ",", "utf-8", header=header))
    code, out, err = run(
        ["drivers", str(path), "--outcome", "nps", "--json", "-", "--resamples", "50"], capsys
    )
    assert code == 0 and err == ""
    document = json.loads(out)
    expected = dict(zip("abcd", brute_force_shapley(x, y), strict=True))
    assert {d["name"]: d["importance"] for d in document["drivers"]} == pytest.approx(expected, abs=1e-10)
    assert document["r2"] == pytest.approx(sum(expected.values()), abs=1e-10)


def test_drivers_json_is_the_contract_and_standard_output_holds_only_it(capsys):
    code, out, err = run(["drivers", str(SAMPLE), "--outcome", "recommandation", "--json", "-"], capsys)
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert list(document) == ["n", "dropped", "r2", "drivers", "most_significant"]
    assert document["most_significant"] == "Obtenir de l'aide"
    assert all(d["low"] <= d["importance"] <= d["high"] for d in document["drivers"])


def test_drivers_with_a_segment_adds_one_contract_per_segment(tmp_path, capsys):
    target = tmp_path / "out.json"
    argv = [
        "drivers",
        str(SAMPLE),
        "--outcome",
        "recommandation",
        "--segment",
        "segment",
        "--json",
        str(target),
    ]
    code, out, _ = run([*argv, "--resamples", "20"], capsys)
    assert code == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert list(document["segments"]) == ["professionnels", "particuliers"]
    assert list(document["segments"]["particuliers"]) == ["n", "dropped", "r2", "drivers", "most_significant"]
    assert "Obtenir de l'aide matters most" in out and f"JSON result written to {target}." in out


def test_drivers_prints_the_sentences_and_a_table_in_french(capsys):
    argv = ["drivers", str(SAMPLE), "--outcome", "recommandation", "--resamples", "20", "--lang", "fr"]
    code, out, _ = run(argv, capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[1].startswith("Obtenir de l'aide compte le plus : ")
    assert lines[4].split()[:2] == ["Facteur", "Importance"]
    assert lines[5].startswith("Obtenir de l'aide ")
    assert len(lines) == 5 + 6  # summary, 2 sentences, blank, header, 6 phases


def test_drivers_with_a_bad_survey_exits_1_with_every_problem_located(tmp_path, capsys):
    rows = answers()
    rows[2][4] = "sept"
    rows[4][5] = "beaucoup"
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows))
    code, out, err = run(["drivers", str(path), "--outcome", "recommandation"], capsys)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == "error: The survey has 2 problems."
    assert err.splitlines()[1].startswith("  bad.csv, row 4, Souscrire: “sept” is not a number")
    assert err.splitlines()[2].startswith("  bad.csv, row 6, Obtenir de l'aide: “beaucoup” is not a number")


def test_drivers_with_a_missing_file_or_a_bad_option_exits_1_without_a_traceback(tmp_path, capsys):
    code, out, err = run(["drivers", str(tmp_path / "none.csv"), "--outcome", "x"], capsys)
    assert (code, out) == (1, "")
    assert err == f"error: No file at {tmp_path / 'none.csv'}. Check the path and try again.\n"
    sample = ["drivers", str(SAMPLE), "--outcome", "recommandation"]
    code, _, err = run([*sample, "--resamples", "-3"], capsys)
    assert (code, err) == (1, "error: --resamples: expected a whole number, zero or more, got '-3'\n")
    code, _, err = run([*sample, "--drivers", " , "], capsys)
    assert (code, err) == (
        1,
        'error: --drivers: expected column names separated by commas, e.g. "Découvrir,Souscrire"\n',
    )
    code, _, err = run([*sample, "--resamples", "200000"], capsys)
    assert (code, err) == (1, "error: --resamples: expected a whole number from 0 to 100000, got 200000\n")


def test_a_too_small_survey_through_the_real_command_prints_no_traceback(tmp_path):
    path = tmp_path / "small.csv"
    path.write_bytes(csv_bytes(answers(5)))
    process = subprocess.run(
        [sys.executable, "-m", "cxprior", "drivers", str(path), "--outcome", "recommandation", "--json", "-"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert (process.returncode, process.stdout) == (1, "")
    assert "Traceback" not in process.stderr
    assert process.stderr.startswith("error: small.csv: Only 5 respondents answered every chosen question")
