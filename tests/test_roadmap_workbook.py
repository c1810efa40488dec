"""Reading the roadmap: `latest_start` and `starts_after` on Initiatives, the Capacity and Effort
sheets, and every problem they can have, located by sheet, row and column.

The workbook is built with openpyxl (tests/workbooks.py), not with our writer. Its periods are
2026–2028; each test changes one cell (or row) of `roadmap_sheets()`:
- A costs 10 in 2026 and may start until 2028 (a one-year profile: a shift of 2 fits);
- B costs 5 in 2026 and 5 in 2027 and may start until 2027 (it then ends in 2028);
- C costs 4 in 2026, starts after A, and may start until 2028;
- D costs 6 in 2027 only: its earliest start is 2027.
Digital and Care have a capacity every year; the efforts are at the earliest starts.
"""

from __future__ import annotations

import copy
import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from workbooks import Sheets, with_cell, xlsx

from cxprior.domain import Capacity, Effort, WorkbookError
from cxprior.workbook import read_workbook, validate_initiatives_frame, write_template, write_workspace

INITIATIVE_HEADERS = [
    "initiative_id",
    "name",
    "cost_2026",
    "cost_2027",
    "cost_2028",
    "exclusive_group",
    "latest_start",
    "starts_after",
]


def roadmap_sheets() -> Sheets:
    return {
        "Goals": [["goal_id", "name", "weight"], ["G1", "Fidéliser", 1]],
        "KPIs": [
            ["kpi_id", "name", "direction", "baseline", "target"],
            ["K1", "NPS", "increase", 0, 100],
        ],
        "KPI_Goals": [["kpi_id", "goal_id"], ["K1", "G1"]],
        "Initiatives": [
            INITIATIVE_HEADERS,
            ["A", "CRM", 10, 0, 0, None, "2028", None],
            ["B", "Espace client", 5, 5, 0, None, "2027", None],
            ["C", "Chatbot", 4, 0, 0, None, "2028", "A"],
            ["D", "Prime qualité", 0, 6, 0, None, None, None],
        ],
        "Impacts": [
            ["initiative_id", "kpi_id", "impact"],
            ["A", "K1", 10],
            ["B", "K1", 8],
            ["C", "K1", 6],
            ["D", "K1", 4],
        ],
        "Capacity": [
            ["team", "period", "capacity"],
            ["Digital", "2026", 100],
            ["Digital", "2027", 100],
            ["Digital", "2028", 100],
            ["Care", "2026", 50],
            ["Care", "2027", 50],
            ["Care", "2028", 50],
        ],
        "Effort": [
            ["initiative_id", "team", "period", "effort"],
            ["A", "Digital", "2026", 8],
            ["B", "Digital", "2026", 3],
            ["B", "Care", "2027", 2],
            ["C", "Care", "2026", 1],
            ["D", "Digital", "2027", 4],
        ],
    }


def problems(sheets: Sheets, lang: str = "en") -> list[tuple[str, int | None, str, str]]:
    with pytest.raises(WorkbookError) as refused:
        read_workbook(xlsx(sheets), lang=lang)
    return [(p.sheet, p.row, p.column, p.message) for p in refused.value.problems]


def with_row(sheets: Sheets, sheet: str, row: list[object]) -> Sheets:
    changed = copy.deepcopy(sheets)
    changed[sheet].append(row)
    return changed


def without_row(sheets: Sheets, sheet: str, row: int) -> Sheets:
    changed = copy.deepcopy(sheets)
    del changed[sheet][row - 1]
    return changed


# --- what a valid roadmap reads into -------------------------------------------------------------


def test_a_roadmap_workbook_reads_its_start_windows_capacities_and_efforts():
    ws = read_workbook(xlsx(roadmap_sheets())).workspace
    by_id = ws.initiative_by_id
    assert [by_id[i].latest_start for i in "ABCD"] == ["2028", "2027", "2028", None]
    assert by_id["C"].starts_after == ("A",)
    assert ws.teams == ("Digital", "Care")
    assert ws.capacities[0] == Capacity("Digital", "2026", 100.0)
    assert ws.efforts[2] == Effort("B", "Care", "2027", 2.0)
    assert ws.efforts_by_initiative["B"] == (
        Effort("B", "Digital", "2026", 3.0),
        Effort("B", "Care", "2027", 2.0),
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_exported_roadmap_reads_back_the_same_in_either_language(lang):
    ws = read_workbook(xlsx(roadmap_sheets())).workspace
    assert read_workbook(write_workspace(ws, lang)).workspace == ws


def test_a_workspace_without_a_roadmap_is_exported_as_a_v1_workbook():
    sheets = roadmap_sheets()
    del sheets["Capacity"], sheets["Effort"]
    sheets["Initiatives"] = [row[:6] for row in sheets["Initiatives"]]
    book = write_workspace(read_workbook(xlsx(sheets)).workspace)
    import io

    from openpyxl import load_workbook

    exported = load_workbook(io.BytesIO(book))
    assert exported.sheetnames == ["Goals", "KPIs", "KPI_Goals", "Initiatives", "Impacts", "Budget"]
    assert "latest_start" not in [c.value for c in exported["Initiatives"][1]]


# --- latest_start ------------------------------------------------------------------------------


def test_a_latest_start_that_is_not_a_cost_period_is_refused():
    assert problems(with_cell(roadmap_sheets(), "Initiatives", 2, "latest_start", "2030")) == [
        ("Initiatives", 2, "latest_start", "“2030” is not a cost period; write one of: 2026, 2027, 2028.")
    ]


def test_a_latest_start_needs_cost_periods():
    sheets = {key: rows for key, rows in roadmap_sheets().items() if key not in ("Capacity", "Effort")}
    sheets["Initiatives"] = [
        ["initiative_id", "name", "cost", "latest_start"],
        ["A", "CRM", 10, "2027"],
    ]
    sheets["Impacts"] = sheets["Impacts"][:2]
    assert problems(sheets) == [
        (
            "Initiatives",
            2,
            "latest_start",
            "“2027”: a latest start needs cost periods, and the Initiatives sheet has no cost_<period> "
            "column (cost_2026, cost_2027…).",
        )
    ]


def test_a_latest_start_before_the_earliest_start_is_refused():
    # D's first cost is in 2027
    assert problems(with_cell(roadmap_sheets(), "Initiatives", 5, "latest_start", "2026")) == [
        (
            "Initiatives",
            5,
            "latest_start",
            "2026 is before its earliest start, 2027 (its first period with a cost); write 2027 or a later "
            "period.",
        )
    ]


def test_a_profile_that_cannot_shift_that_far_is_refused_with_the_latest_start_that_fits():
    # B spends in 2026 and 2027: started in 2028 it would spend in 2029, past the last period
    assert problems(with_cell(roadmap_sheets(), "Initiatives", 3, "latest_start", "2028")) == [
        (
            "Initiatives",
            3,
            "latest_start",
            "Starting in 2028 would push its spend past 2028, the last period: its costs run over 2 "
            "periods from 2026, so it can start in 2027 at the latest.",
        )
    ]


def test_efforts_that_would_pass_the_last_period_limit_the_latest_start_too():
    # A costs only in 2026, but with an effort in 2027 its profile runs over two years
    sheets = with_row(roadmap_sheets(), "Effort", ["A", "Care", "2027", 1])
    assert problems(sheets) == [
        (
            "Initiatives",
            2,
            "latest_start",
            "Starting in 2028 would push its efforts past 2028, the last period: with the Effort sheet its "
            "profile runs over 2 periods from 2026, so it can start in 2027 at the latest.",
        )
    ]


# --- starts_after --------------------------------------------------------------------------------


def test_an_initiative_cannot_start_after_itself():
    assert problems(with_cell(roadmap_sheets(), "Initiatives", 4, "starts_after", "C")) == [
        ("Initiatives", 4, "starts_after", "It starts after itself (C); remove its own id from this cell.")
    ]


def test_starts_after_an_unknown_id_is_refused_with_a_suggestion():
    assert problems(with_cell(roadmap_sheets(), "Initiatives", 4, "starts_after", "a")) == [
        (
            "Initiatives",
            4,
            "starts_after",
            "Starts after a (did you mean A?), which is not on the Initiatives sheet; fix the id or remove "
            "it.",
        )
    ]


def test_a_start_after_cycle_is_refused_at_its_first_row():
    sheets = with_cell(roadmap_sheets(), "Initiatives", 2, "starts_after", "C")
    assert problems(sheets) == [
        (
            "Initiatives",
            2,
            "starts_after",
            "Start-after cycle: A → C → A. None of them can start first; remove one of these links.",
        )
    ]


def test_starting_after_an_initiative_of_the_same_exclusive_group_is_refused():
    sheets = with_cell(roadmap_sheets(), "Initiatives", 2, "exclusive_group", "X")
    sheets = with_cell(sheets, "Initiatives", 4, "exclusive_group", "X")
    assert problems(sheets) == [
        (
            "Initiatives",
            4,
            "starts_after",
            "It starts after A, which is in the same exclusive group X: at most one of the two is funded, so "
            "this one never could be; remove the link or the group.",
        )
    ]


def test_starting_after_an_initiative_that_finishes_too_late_for_the_start_window_is_refused():
    # C starts after B, which finishes in 2027 at the earliest; C may start until 2027 only
    sheets = with_cell(roadmap_sheets(), "Initiatives", 4, "starts_after", "B")
    sheets = with_cell(sheets, "Initiatives", 4, "latest_start", "2027")
    assert problems(sheets) == [
        (
            "Initiatives",
            4,
            "starts_after",
            "It starts after B, which finishes in 2027 at the earliest, but it must start by 2027: it could "
            "never be funded; give it a later latest_start or remove the link.",
        )
    ]


# --- Capacity --------------------------------------------------------------------------------------


def test_a_negative_capacity_is_refused():
    assert problems(with_cell(roadmap_sheets(), "Capacity", 5, "capacity", -5)) == [
        ("Capacity", 5, "capacity", "-5 must not be negative.")
    ]


def test_a_capacity_for_a_period_without_cost_column_is_refused():
    assert problems(with_cell(roadmap_sheets(), "Capacity", 7, "period", "2031")) == [
        (
            "Capacity",
            7,
            "period",
            "Period 2031 has no cost_2031 column on the Initiatives sheet; use one of: 2026, 2027, 2028.",
        )
    ]


def test_a_team_and_period_given_twice_on_the_capacity_sheet_is_refused():
    sheets = with_row(roadmap_sheets(), "Capacity", ["Care", "2026", 60])
    assert problems(sheets) == [
        ("Capacity", 8, "period", "The capacity of team Care in 2026 is already on row 5; keep only one.")
    ]


# --- Effort ----------------------------------------------------------------------------------------


def test_an_effort_for_an_unknown_initiative_is_refused():
    assert problems(with_cell(roadmap_sheets(), "Effort", 2, "initiative_id", "Z")) == [
        (
            "Effort",
            2,
            "initiative_id",
            "Initiative Z is not on the Initiatives sheet; fix the id or add the initiative.",
        )
    ]


def test_an_effort_for_a_team_missing_from_capacity_is_refused_with_a_suggestion():
    assert problems(with_cell(roadmap_sheets(), "Effort", 2, "team", "digital")) == [
        (
            "Effort",
            2,
            "team",
            "Team digital (did you mean Digital?) has no capacity in 2026 on the Capacity sheet; add that "
            "row, or fix the team or the period.",
        )
    ]


def test_an_effort_in_a_period_the_team_has_no_capacity_for_is_refused():
    # without the Care 2027 row, B's Care effort in 2027 has no capacity to fit in
    assert problems(without_row(roadmap_sheets(), "Capacity", 6)) == [
        (
            "Effort",
            4,
            "period",
            "Team Care has no capacity in 2027 on the Capacity sheet; add that row, or fix the team or the "
            "period.",
        )
    ]


def test_an_effort_moved_by_a_later_start_into_a_period_without_capacity_is_refused():
    # A may start in 2028: its Digital effort of 2026 would then be in 2028, and Digital has none
    assert problems(without_row(roadmap_sheets(), "Capacity", 4)) == [
        (
            "Effort",
            2,
            "period",
            "A may start as late as 2028, which moves this effort to 2028, where team Digital has no "
            "capacity on the Capacity sheet; add that row or give it an earlier latest start.",
        )
    ]


def test_an_effort_for_a_period_without_cost_column_is_refused():
    assert problems(with_cell(roadmap_sheets(), "Effort", 6, "period", "2031")) == [
        (
            "Effort",
            6,
            "period",
            "Period 2031 has no cost_2031 column on the Initiatives sheet; use one of: 2026, 2027, 2028.",
        )
    ]


def test_an_effort_before_the_earliest_start_is_refused():
    # D's first cost is in 2027
    assert problems(with_cell(roadmap_sheets(), "Effort", 6, "period", "2026")) == [
        (
            "Effort",
            6,
            "period",
            "This effort is in 2026, before the earliest start of D, 2027 (its first period with a cost); "
            "move it, or give the initiative a cost in 2026.",
        )
    ]


def test_the_same_effort_given_twice_and_a_negative_effort_are_refused():
    sheets = with_row(roadmap_sheets(), "Effort", ["A", "Digital", "2026", 2])
    sheets = with_cell(sheets, "Effort", 5, "effort", -1)
    assert problems(sheets) == [
        ("Effort", 5, "effort", "-1 must not be negative."),
        (
            "Effort",
            7,
            "period",
            "The effort of A for team Digital in 2026 is already on row 2; keep only one.",
        ),
    ]


def test_an_effort_sheet_without_a_capacity_sheet_is_refused():
    sheets = roadmap_sheets()
    del sheets["Capacity"]
    assert problems(sheets) == [
        (
            "Effort",
            None,
            "",
            "Efforts are measured against team capacities: add a Capacity sheet (team, period, capacity).",
        )
    ]


# --- in French ----------------------------------------------------------------------------------------


def french(sheets: Sheets) -> Sheets:
    """The same workbook with the French sheet and column names."""
    names = {"Goals": "Objectifs", "KPIs": "Indicateurs", "KPI_Goals": "Liens", "Capacity": "Capacité"}
    names["Effort"] = "Charge"
    headers = {
        "latest_start": "début_au_plus_tard",
        "starts_after": "commence_après",
        "team": "équipe",
        "period": "période",
        "capacity": "capacité",
        "effort": "charge",
        "initiative_id": "id_initiative",
    }
    out = {}
    for sheet, rows in sheets.items():
        out[names.get(sheet, sheet)] = [[headers.get(h, h) for h in rows[0]], *rows[1:]]
    return out


def test_problems_of_a_french_workbook_name_its_french_sheets_and_columns_in_french():
    sheets = with_cell(roadmap_sheets(), "Initiatives", 3, "latest_start", "2028")
    sheets = with_cell(sheets, "Effort", 2, "team", "Data")
    assert problems(french(sheets), "fr") == [
        (
            "Initiatives",
            3,
            "début_au_plus_tard",
            "Commencer en 2028 repousserait ses dépenses au-delà de 2028, la dernière période : ses coûts "
            "s'étalent sur 2 périodes à partir de 2026, elle peut donc commencer au plus tard en 2027.",
        ),
        (
            "Charge",
            2,
            "équipe",
            "L'équipe Data n'a pas de capacité en 2026 dans la feuille Capacité ; ajoutez cette ligne, ou "
            "corrigez l'équipe ou la période.",
        ),
    ]


def test_a_french_roadmap_workbook_reads_like_the_english_one():
    assert read_workbook(xlsx(french(roadmap_sheets())), lang="fr").workspace == (
        read_workbook(xlsx(roadmap_sheets())).workspace
    )


# --- team backlogs, the app's table and the template --------------------------------------------------


def test_a_team_backlog_ignores_an_effort_sheet_with_a_note():
    sheets = {"Initiatives": roadmap_sheets()["Initiatives"], "Effort": roadmap_sheets()["Effort"]}
    result = read_workbook(xlsx(sheets))
    assert result.kind == "backlog"
    assert [(n.sheet, n.message) for n in result.notes] == [
        ("Effort", "A team backlog only brings initiatives and impacts: this sheet was ignored.")
    ]
    assert result.backlog.initiatives[2].starts_after == ("A",)


def test_the_apps_edited_table_checks_the_start_windows_and_drops_the_efforts_of_removed_rows():
    ws = read_workbook(xlsx(roadmap_sheets())).workspace
    rows = roadmap_sheets()["Initiatives"]
    frame = pd.DataFrame(rows[1:4], columns=rows[0])  # D removed
    edited = validate_initiatives_frame(frame, ws)
    assert [i.initiative_id for i in edited.initiatives] == ["A", "B", "C"]
    assert {e.initiative_id for e in edited.efforts} == {"A", "B", "C"}
    frame.loc[1, "latest_start"] = "2028"  # B's two-year profile cannot start in 2028
    with pytest.raises(WorkbookError) as refused:
        validate_initiatives_frame(frame, ws)
    assert [(p.row, p.column) for p in refused.value.problems] == [(3, "latest_start")]


@pytest.mark.parametrize(
    ("lang", "sheets", "columns"),
    [
        ("en", ("Capacity", "Effort"), ("latest_start", "starts_after")),
        ("fr", ("Capacité", "Charge"), ("début_au_plus_tard", "commence_après")),
    ],
)
def test_the_template_has_the_roadmap_sheets_and_columns_with_a_note_on_each(lang, sheets, columns):
    book = load_workbook(io.BytesIO(write_template(lang)))
    capacity, effort = (book[name] for name in sheets)
    assert [c.value for c in capacity[1]] == (
        ["team", "period", "capacity"] if lang == "en" else ["équipe", "période", "capacité"]
    )
    assert [c.value for c in effort[1]][1:] == (
        ["team", "period", "effort"] if lang == "en" else ["équipe", "période", "charge"]
    )
    headers = {c.value: c for c in book["Initiatives"][1]}
    for column in columns:
        assert headers[column].comment.text.startswith("Optional." if lang == "en" else "Facultatif.")
    for sheet in (capacity, effort):
        assert all(cell.comment is not None for cell in sheet[1])
