"""Reading the follow-up workbook: Progress and Measurements, standalone or in the workspace
workbook, every problem located by sheet, row and column, with its own message."""

from __future__ import annotations

import copy
from io import BytesIO

import pytest
from openpyxl import load_workbook
from workbooks import good_sheets, xlsx

from cxprior.cli.workbook import format_problem
from cxprior.domain import FollowUp, Measurement, Progress, Status, UnsafeFileError, WorkbookError
from cxprior.workbook import (
    followup_frames,
    read_followup,
    read_followup_frames,
    read_workbook,
    write_followup,
)


@pytest.fixture(scope="module")
def ws():
    # I-1…I-4, KPIs NPS, CHURN, CES, cost periods 2026 and 2027
    return read_workbook(xlsx(good_sheets())).workspace


def followup_sheets() -> dict[str, list[list[object]]]:
    return {
        "Progress": [
            ["initiative_id", "status", "spent_2026", "spent_2027", "start"],
            ["I-1", "delivered", 100, 60, "2026"],
            ["I-2", "in_progress", 150, None, "2026"],
            ["I-4", "dropped", 10, None, None],
        ],
        "Measurements": [
            ["kpi_id", "period", "value"],
            ["NPS", "2026", 12],
            ["CHURN", "2027", 11.5],
        ],
    }


def read(sheets, ws, lang="en"):
    return read_followup(xlsx(sheets), ws, lang=lang)


def problems(sheets, ws, lang="en") -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read(sheets, ws, lang)
    return [str(p) for p in caught.value.problems]


def changed(sheet: str, row: int, column: int, value, sheets=None):
    sheets = copy.deepcopy(sheets or followup_sheets())
    rows = sheets[sheet]
    while len(rows) < row:
        rows.append([None] * len(rows[0]))
    rows[row - 1][column] = value
    return sheets


# --- what a valid follow-up gives ---------------------------------------------------------------


def test_a_follow_up_workbook_reads_into_progress_rows_and_measurements(ws):
    result = read(followup_sheets(), ws)
    assert result.followup == FollowUp(
        (
            Progress("I-1", Status.DELIVERED, {"2026": 100.0, "2027": 60.0}, "2026"),
            Progress("I-2", Status.IN_PROGRESS, {"2026": 150.0}, "2026"),
            Progress("I-4", Status.DROPPED, {"2026": 10.0}, None),
        ),
        (Measurement("NPS", "2026", 12.0), Measurement("CHURN", "2027", 11.5)),
    )
    assert result.notes == () and result.warnings == ()


def test_french_sheet_and_column_names_and_status_words_are_read(ws):
    sheets = {
        "Avancement": [
            ["id_initiative", "Statut", "dépensé_2026", "Dépensé_2027", "début"],
            ["I-1", "Livrée", 100, 60, "2026"],
            ["I-2", "en cours", 150, None, None],
            ["I-3", "prevue", None, None, None],
            ["I-4", " ABANDONNÉE ", 10, None, None],
        ],
        "Mesures": [["id_indicateur", "période", "valeur"], ["NPS", "2026", "12,5"]],
    }
    followup = read(sheets, ws, "fr").followup
    assert [(p.initiative_id, p.status) for p in followup.progress] == [
        ("I-1", Status.DELIVERED),
        ("I-2", Status.IN_PROGRESS),
        ("I-3", Status.PLANNED),
        ("I-4", Status.DROPPED),
    ]
    assert followup.progress[0].spent == {"2026": 100.0, "2027": 60.0}
    assert followup.measurements == (Measurement("NPS", "2026", 12.5),)


def test_the_follow_up_sheets_may_sit_in_the_workspace_workbook(ws):
    both = {**good_sheets(), **followup_sheets()}
    assert read(both, ws).followup == read(followup_sheets(), ws).followup
    # the workspace reader leaves them to the follow-up, and says so in a note
    result = read_workbook(xlsx(both))
    assert result.workspace == ws
    assert [(n.sheet, n.message) for n in result.notes] == [
        (sheet, "This follow-up sheet is read by the track command (--progress), not with the workspace.")
        for sheet in ("Progress", "Measurements")
    ]


def test_a_follow_up_with_one_of_its_two_sheets_reads(ws):
    only = {"Measurements": followup_sheets()["Measurements"]}
    assert read(only, ws).followup.progress == ()


def test_a_delivered_initiative_without_spend_is_a_warning_not_an_error(ws):
    sheets = changed("Progress", 2, 2, None)
    sheets = changed("Progress", 2, 3, 0, sheets)
    result = read(sheets, ws)
    assert [str(w) for w in result.warnings] == [
        "Progress, row 2, status: Initiative I-1 is delivered but no spend is recorded for it: check its "
        "spent_<period> cells."
    ]
    assert result.followup.progress[0].status is Status.DELIVERED


def test_a_progress_sheet_without_spend_columns_warns_once(ws):
    sheets = {"Progress": [["initiative_id", "status"], ["I-1", "delivered"], ["I-2", "livrée"]]}
    result = read(sheets, ws)
    assert [str(w) for w in result.warnings] == [
        "Progress: This sheet has no spent_<period> column: spend and overruns cannot be followed."
    ]


def test_an_empty_spend_column_for_a_period_outside_the_horizon_is_only_a_note(ws):
    sheets = followup_sheets()
    sheets["Progress"][0].append("spent_2029")
    for row in sheets["Progress"][1:]:
        row.append(None)
    result = read(sheets, ws)
    assert [str(n) for n in result.notes] == [
        "Progress, spent_2029: Period 2029 is not one of the workspace's cost periods (2026, 2027); this "
        "empty column was ignored."
    ]


# --- every message ----------------------------------------------------------------------------


def test_an_initiative_the_workspace_does_not_have_is_located_with_a_hint(ws):
    assert problems(changed("Progress", 3, 0, "i-2"), ws) == [
        "Progress, row 3, initiative_id: Initiative i-2 (did you mean I-2?) is not in the workspace; fix "
        "the id or add the initiative to the workspace first."
    ]


def test_a_kpi_the_workspace_does_not_have_is_located(ws):
    assert problems(changed("Measurements", 2, 0, "CSAT"), ws) == [
        "Measurements, row 2, kpi_id: KPI CSAT is not in the workspace; fix the id or add the KPI to the "
        "workspace first."
    ]


def test_a_status_word_not_in_the_list_is_located_with_the_words_that_work(ws):
    assert problems(changed("Progress", 2, 1, "done"), ws) == [
        'Progress, row 2, status: "done" is not a status: write planned, in_progress, delivered or dropped '
        "(in French prévue, en_cours, livrée or abandonnée)."
    ]


def test_spend_in_a_period_outside_the_horizon_is_located_at_its_first_amount(ws):
    sheets = followup_sheets()
    sheets["Progress"][0].append("spent_2029")
    for row, amount in zip(sheets["Progress"][1:], [None, 30, 5], strict=True):
        row.append(amount)
    assert problems(sheets, ws) == [
        "Progress, row 3, spent_2029: Spend in 2029 is outside the plan's horizon: spend can only be "
        "recorded in the workspace's cost periods (2026, 2027)."
    ]


def test_a_measurement_outside_any_period_is_located(ws):
    assert problems(changed("Measurements", 3, 1, "2025"), ws) == [
        "Measurements, row 3, period: KPI CHURN is measured in 2025, which is not one of the workspace's "
        "cost periods (2026, 2027): a measurement is the KPI's value at the end of a cost period."
    ]


def test_the_same_kpi_measured_twice_in_a_period_is_located_with_the_first_row(ws):
    sheets = changed("Measurements", 4, 0, "NPS")
    sheets = changed("Measurements", 4, 1, "2026", sheets)
    sheets = changed("Measurements", 4, 2, 13, sheets)
    assert problems(sheets, ws) == [
        "Measurements, row 4, period: KPI NPS is already measured in 2026 on row 2; keep one measurement "
        "per KPI and period."
    ]


def test_a_start_that_is_not_a_cost_period_is_located(ws):
    assert problems(changed("Progress", 2, 4, "T1 2026"), ws) == [
        "Progress, row 2, start: T1 2026 is not one of the workspace's cost periods (2026, 2027); the start "
        "is the period in which the initiative actually started."
    ]


def test_the_v1_rules_apply_every_problem_at_once_in_the_users_language(ws):
    sheets = changed("Progress", 2, 2, -5)  # negative spend
    sheets = changed("Progress", 4, 0, "I-1", sheets)  # I-1 twice
    sheets = changed("Progress", 3, 1, None, sheets)  # status missing
    sheets = changed("Measurements", 2, 2, "douze", sheets)  # not a number
    with pytest.raises(WorkbookError) as caught:
        read(sheets, ws, "fr")
    assert [format_problem(p, "fr") for p in caught.value.problems] == [
        "Progress, ligne 2, spent_2026: -5 ne doit pas être négatif.",
        "Progress, ligne 3, status: Cette cellule est vide, mais status est obligatoire.",
        "Progress, ligne 4, initiative_id: I-1 est déjà utilisé en ligne 2 ; chaque identifiant ne doit "
        "apparaître qu'une fois.",
        "Measurements, ligne 2, value: « douze » n'est pas un nombre ; tapez un nombre comme 1200 ou "
        "1 200,50.",
    ]


def test_a_missing_required_column_is_reported(ws):
    sheets = followup_sheets()
    sheets["Progress"] = [[c for c in row[:1] + row[2:]] for row in sheets["Progress"]]
    assert problems(sheets, ws) == [
        "Progress, status: This required column is missing; add a column headed status / statut."
    ]


def test_a_workbook_without_a_follow_up_sheet_says_which_sheets_it_needs(ws):
    assert problems(good_sheets(), ws) == [
        "workbook: No follow-up sheet was found (sheets: Goals, KPIs, KPI_Goals, Initiatives, Impacts, "
        "Budget). A follow-up workbook needs a Progress (Avancement) sheet, a Measurements (Mesures) sheet, "
        "or both. Start from the follow-up template (template --followup)."
    ]


def test_a_file_that_is_not_a_workbook_is_refused_before_parsing(ws):
    with pytest.raises(UnsafeFileError):
        read_followup(b"initiative_id,status\nI-1,delivered\n", ws)


# --- writing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_written_follow_up_reads_back_equal(ws, lang):
    followup = read(followup_sheets(), ws).followup
    data = write_followup(ws, plan=["I-1", "I-2", "I-3", "I-4"], followup=followup, lang=lang)
    back = read_followup(data, ws, lang=lang)
    # I-3 is in the plan without a row: written as planned, with nothing spent
    assert back.followup.progress == (
        *followup.progress[:2],
        Progress("I-3", Status.PLANNED),
        followup.progress[2],
    )
    assert back.followup.measurements == followup.measurements
    assert back.notes == () and back.warnings == ()


def test_the_follow_up_template_has_hinted_headers_and_a_status_drop_down():
    book = load_workbook(BytesIO(write_followup(lang="fr")))
    assert book.sheetnames == ["Mode d'emploi", "Avancement", "Mesures"]
    progress = book["Avancement"]
    headers = [c.value for c in progress[1]]
    assert headers == ["id_initiative", "statut", "dépensé_2026", "dépensé_2027", "dépensé_2028", "début"]
    assert all(c.comment is not None and c.comment.text for c in progress[1])
    assert progress["B1"].comment.text == "Obligatoire. prévue, en_cours, livrée ou abandonnée."
    lists = [v for v in progress.data_validations.dataValidation if v.type == "list"]
    assert [v.formula1 for v in lists] == ['"prévue,en_cours,livrée,abandonnée"']
    assert [c.value for c in book["Mesures"][1]] == ["id_indicateur", "période", "valeur"]


# --- edited tables (the app's editors) ----------------------------------------------------------


def test_the_follow_up_tables_read_back_through_the_same_rules(ws):
    followup = read(followup_sheets(), ws).followup
    progress, measurements = followup_frames(ws, plan=["I-1", "I-2", "I-4"], followup=followup, lang="fr")
    assert list(progress.columns) == ["id_initiative", "statut", "dépensé_2026", "dépensé_2027", "début"]
    assert read_followup_frames(progress, measurements, ws, lang="fr").followup == followup


def test_an_edited_table_is_checked_like_a_sheet_with_rows_counted_from_the_header(ws):
    progress, measurements = followup_frames(ws, plan=["I-1", "I-2"], lang="fr")
    progress.loc[1, "statut"] = "terminée"  # the second row: row 3 under the header
    with pytest.raises(WorkbookError) as caught:
        read_followup_frames(progress, measurements, ws, lang="fr")
    assert [format_problem(p, "fr") for p in caught.value.problems] == [
        "Avancement, ligne 3, statut: « terminée » n'est pas un statut : écrivez prévue, en_cours, livrée "
        "ou abandonnée (en anglais planned, in_progress, delivered ou dropped)."
    ]
