"""Reading a workbook: every contract rule, with the exact message, sheet, row and column."""

from __future__ import annotations

import pytest
from template_fill import filled_template
from workbooks import (
    backlog_sheets,
    cache_formula_results,
    good_sheets,
    parts_of,
    rewrite_part,
    to_shared_strings,
    with_cell,
    with_header,
    without_column,
    xlsx,
)

from cxprior.domain import Budget, Competency, Direction, Impact, Kpi, KpiGoalLink, WorkbookError
from cxprior.workbook import read_workbook


def problems_of(sheets, lang="en") -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(sheets), lang=lang)
    return [str(p) for p in caught.value.problems]


def test_a_good_workbook_reads_into_a_workspace():
    result = read_workbook(xlsx(good_sheets()))
    ws = result.workspace
    assert result.kind == "workspace" and result.backlog is None and result.notes == ()
    assert [g.goal_id for g in ws.goals] == ["G1", "G2"] and ws.goals[1].description == ""
    assert ws.kpis[1] == Kpi("CHURN", "Churn", Direction.DECREASE, 12.0, 8.0, "%")
    assert ws.links[2] == KpiGoalLink("CHURN", "G2", 1.0)  # strength defaults to 1
    i1, i2, i3, _ = ws.initiatives
    assert (i1.cost, i1.period_costs, i1.confidence, i1.mandatory) == (
        150.0,
        {"2026": 100.0, "2027": 50.0},
        0.8,
        False,
    )
    assert (i2.mandatory, i2.depends_on, i2.exclusive_group) == (True, ("I-1",), "G-A")
    assert (i3.confidence, i3.depends_on, i3.competency) == (
        1.0,
        ("I-1", "I-2"),
        Competency.DESIGN_IMPROVEMENT,
    )
    assert ws.impacts[0] == Impact("I-1", "NPS", 5.0, 3.0, 6.0)
    assert ws.impacts[1] == Impact("I-2", "CHURN", -1.0, None, None)
    assert ws.budgets == (Budget("total", 400.0), Budget("2026", 250.0), Budget("2027", 200.0))
    assert ws.periods == ("2026", "2027")


def test_a_path_and_a_file_object_read_like_bytes(tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(xlsx(good_sheets()))
    expected = read_workbook(path.read_bytes()).workspace
    assert read_workbook(path).workspace == expected
    assert read_workbook(str(path)).workspace == expected
    with path.open("rb") as handle:
        assert read_workbook(handle).workspace == expected


FRENCH_NAMES = {
    "Goals": ("Objectifs", {"goal_id": "id_objectif", "name": "nom", "weight": "poids"}),
    "KPIs": (
        "Indicateurs",
        {
            "kpi_id": "id_indicateur",
            "name": "nom",
            "unit": "unité",
            "direction": "sens",
            "baseline": "valeur_initiale",
            "target": "cible",
        },
    ),
    "KPI_Goals": ("Liens", {"kpi_id": "id_indicateur", "goal_id": "id_objectif", "strength": "force"}),
    "Initiatives": (
        "Initiatives",
        {
            "initiative_id": "id_initiative",
            "name": "nom",
            "team": "équipe",
            "owner": "responsable",
            "journey_phase": "phase_parcours",
            "cost": "coût",
            "cost_2026": "coût_2026",
            "cost_2027": "Coût_2027",
            "confidence": "confiance",
            "mandatory": "obligatoire",
            "depends_on": "dépend_de",
            "exclusive_group": "groupe_exclusif",
            "competency": "compétence",
        },
    ),
    "Impacts": (
        "Impacts",
        {
            "initiative_id": "id_initiative",
            "kpi_id": "id_indicateur",
            "impact_low": "impact_bas",
            "impact_high": "impact_haut",
        },
    ),
    "Budget": ("Budget", {"period": "période"}),
}


def french(sheets):
    renamed = {}
    for key, rows in sheets.items():
        name, columns = FRENCH_NAMES[key]
        renamed[name] = [[columns.get(h, h) for h in rows[0]], *[list(r) for r in rows[1:]]]
    return renamed


def test_french_sheet_names_column_names_and_words_read_like_english():
    sheets = good_sheets()
    for row, word in ((2, "hausse"), (3, "Baisse"), (4, "BAISSE")):
        sheets = with_cell(sheets, "KPIs", row, "direction", word)
    for row, word in ((2, "non"), (3, "Oui"), (5, "faux")):
        sheets = with_cell(sheets, "Initiatives", row, "mandatory", word)
    sheets = with_cell(sheets, "Initiatives", 4, "competency", "Design et amélioration continue")
    assert read_workbook(xlsx(french(sheets))).workspace == read_workbook(xlsx(good_sheets())).workspace


def test_sheet_and_column_names_ignore_case_surrounding_spaces_and_underscores():
    sheets = {f"  {k.upper()} ": rows for k, rows in good_sheets().items()}
    sheets["  INITIATIVES "] = [
        [" Initiative ID", *sheets["  INITIATIVES "][0][1:]],
        *sheets["  INITIATIVES "][1:],
    ]
    assert read_workbook(xlsx(sheets)).workspace == read_workbook(xlsx(good_sheets())).workspace


def test_unknown_sheets_and_columns_are_ignored_with_a_note():
    sheets = good_sheets()
    sheets["Goals"] = [[*sheets["Goals"][0], "comment"], *[[*r, "x"] for r in sheets["Goals"][1:]]]
    sheets["Notes"] = [["anything"], ["at all"]]
    sheets["Instructions"] = [["How to fill"]]  # the template's help sheet: no note
    result = read_workbook(xlsx(sheets))
    assert result.workspace == read_workbook(xlsx(good_sheets())).workspace
    assert [str(n) for n in result.notes] == [
        "Notes: This sheet is not part of the template and was ignored.",
        "Goals, comment: This column is not part of the template and was ignored.",
    ]


def test_values_in_a_column_without_header_are_noted_and_ignored():
    sheets = good_sheets()
    sheets["Goals"] = [[*sheets["Goals"][0], None, None], *[[*r, None, "stray"] for r in sheets["Goals"][1:]]]
    result = read_workbook(xlsx(sheets))
    assert [str(n) for n in result.notes] == [
        "Goals, F: This column has values but no header in row 1; it was ignored."
    ]


def test_empty_rows_are_skipped_and_rows_keep_their_excel_numbers():
    sheets = good_sheets()
    sheets["Goals"].insert(2, [None, "  ", None, None])
    sheets["Goals"].insert(2, [None, None, None, None])
    assert len(read_workbook(xlsx(sheets)).workspace.goals) == 2
    sheets = with_cell(sheets, "Goals", 5, "weight", 0)
    assert problems_of(sheets) == ["Goals, row 5, weight: 0 must be greater than 0."]


def test_a_missing_sheet_is_reported():
    sheets = good_sheets()
    del sheets["KPI_Goals"]
    assert problems_of(sheets) == ["KPI_Goals: This sheet is missing; add a sheet named KPI_Goals / Liens."]
    assert problems_of(sheets, "fr") == [
        "Liens: Cette feuille manque ; ajoutez une feuille nommée KPI_Goals / Liens."
    ]


def test_a_workbook_without_any_template_sheet_says_what_is_expected():
    assert problems_of({"Feuil1": [["a"], [1]]}) == [
        "workbook: No sheet of the workbook template was found (sheets: Feuil1). A workspace needs the "
        "sheets Goals, KPIs, KPI_Goals and Initiatives (Impacts and Budget are optional); a team backlog "
        "needs an Initiatives sheet. Start from the template."
    ]


def test_two_sheets_for_the_same_template_sheet_are_reported():
    sheets = good_sheets()
    sheets["Objectifs"] = sheets["Goals"]
    assert problems_of(sheets) == [
        "Objectifs: This sheet and the sheet Goals are the same sheet of the template; keep only one."
    ]


def test_a_missing_required_column_is_reported_once_for_the_sheet():
    sheets = without_column(good_sheets(), "KPIs", "baseline")
    assert problems_of(sheets) == [
        "KPIs, baseline: This required column is missing; add a column headed baseline / valeur_initiale."
    ]


def test_the_same_column_twice_is_reported():
    sheets = good_sheets()
    sheets["Goals"] = [[*sheets["Goals"][0], "nom"], *[[*r, "x"] for r in sheets["Goals"][1:]]]
    assert problems_of(sheets) == [
        "Goals, nom: This column and the column name are the same column of the template; keep only one."
    ]


def test_an_empty_row_one_is_reported_as_missing_headers():
    sheets = good_sheets()
    sheets["Budget"] = [[None, None], ["total", 400]]
    assert problems_of(sheets) == [
        "Budget: Row 1 must hold the column headers, and it is empty. Copy the header row from the template."
    ]


def test_an_empty_goals_sheet_asks_for_a_goal():
    sheets = good_sheets()
    sheets["Goals"] = sheets["Goals"][:1]
    sheets["KPI_Goals"] = sheets["KPI_Goals"][:1]
    assert problems_of(sheets) == [
        "Goals: The sheet has no goal; add at least one strategic goal with its weight."
    ]


# --- cells ------------------------------------------------------------------------------


def test_a_required_cell_left_empty_is_reported():
    sheets = with_cell(good_sheets(), "KPIs", 3, "name", "   ")
    assert problems_of(sheets) == ["KPIs, row 3, name: This cell is empty, but name is required."]


def test_text_that_is_not_a_number_and_a_number_out_of_range_are_both_reported_in_one_column():
    sheets = with_cell(good_sheets(), "Goals", 2, "weight", "three")
    sheets = with_cell(sheets, "Goals", 3, "weight", -1)
    assert problems_of(sheets) == [
        "Goals, row 2, weight: “three” is not a number; type a number such as 1200 or 1 200,50.",
        "Goals, row 3, weight: -1 must be greater than 0.",
    ]


def test_numbers_typed_as_text_are_read_when_unambiguous():
    sheets = with_cell(good_sheets(), "Goals", 2, "weight", "1 200,50")
    sheets = with_cell(sheets, "Goals", 3, "weight", "1,200.50")
    sheets = with_cell(sheets, "Initiatives", 2, "confidence", "80 %")
    goals = read_workbook(xlsx(sheets)).workspace
    assert [g.weight for g in goals.goals] == [1200.5, 1200.5]
    assert goals.initiatives[0].confidence == pytest.approx(0.8)


def test_an_ambiguous_number_is_refused_with_both_readings():
    sheets = with_cell(good_sheets(), "Goals", 2, "weight", "1,200")
    assert problems_of(sheets) == [
        "Goals, row 2, weight: “1,200” is ambiguous: it could be 1200 or 1.200. Type it without a thousands "
        "separator (1200) or with a decimal point (1.200)."
    ]


def test_a_percentage_is_refused_where_it_would_change_the_meaning():
    sheets = with_cell(good_sheets(), "Impacts", 3, "impact", "-0.5 %")
    assert problems_of(sheets) == [
        "Impacts, row 3, impact: “-0.5 %”: a percentage is not accepted in this column; type the number in "
        "the column's unit, without %."
    ]


def test_a_duplicate_id_names_the_row_where_it_first_appears():
    sheets = good_sheets()
    sheets["Initiatives"].append(
        ["I-2", "Again", None, None, None, 0, 0, 0, None, None, None, None, None, None]
    )
    assert problems_of(sheets) == [
        "Initiatives, row 6, initiative_id: I-2 is already used on row 3; each id must appear once."
    ]


@pytest.mark.parametrize(
    ("sheet", "column", "value", "message"),
    [
        ("Goals", "weight", 0, "0 must be greater than 0."),
        ("KPI_Goals", "strength", 0, "0 must be greater than 0 and at most 1 (or 100 %)."),
        ("KPI_Goals", "strength", 1.5, "1.5 must be greater than 0 and at most 1 (or 100 %)."),
        ("Initiatives", "confidence", 1.2, "1.2 must be between 0 and 1 (or between 0 % and 100 %)."),
        ("Initiatives", "confidence", -0.1, "-0.1 must be between 0 and 1 (or between 0 % and 100 %)."),
        ("Budget", "budget", -5, "-5 must not be negative."),
    ],
)
def test_numbers_outside_their_range_are_reported(sheet, column, value, message):
    assert problems_of(with_cell(good_sheets(), sheet, 3, column, value)) == [
        f"{sheet}, row 3, {column}: {message}"
    ]


def test_a_negative_cost_is_reported_in_the_cost_and_period_columns():
    sheets = with_cell(good_sheets(), "Initiatives", 2, "cost_2026", -100)
    sheets = with_cell(sheets, "Initiatives", 2, "cost", -50)
    assert problems_of(sheets) == [
        "Initiatives, row 2, cost: -50 must not be negative.",
        "Initiatives, row 2, cost_2026: -100 must not be negative.",
    ]


@pytest.mark.parametrize(
    ("sheet", "column", "value", "message"),
    [
        (
            "KPIs",
            "direction",
            "up",
            "“up” is not a direction; write increase or decrease (hausse or baisse).",
        ),
        (
            "Initiatives",
            "mandatory",
            "maybe",
            "“maybe” is not yes or no; write yes or no (oui/non, true/false and 1/0 also work).",
        ),
        (
            "Initiatives",
            "competency",
            "empathy",
            "“empathy” is not a CX competency; write customer_understanding, strategy_engagement, "
            "culture_management or design_improvement (French labels accepted), or leave it empty.",
        ),
        (
            "KPIs",
            "side",
            "partner",
            "“partner” is not a side; write customer or employee (client or salarié), or leave it empty for "
            "customer.",
        ),
    ],
)
def test_words_outside_their_list_are_reported(sheet, column, value, message):
    sheets = good_sheets()
    if column == "side":
        sheets["KPIs"] = [[*sheets["KPIs"][0], "side"], *[[*r, None] for r in sheets["KPIs"][1:]]]
    assert problems_of(with_cell(sheets, sheet, 3, column, value)) == [f"{sheet}, row 3, {column}: {message}"]


def test_yes_no_cells_accept_booleans_and_one_or_zero():
    sheets = with_cell(good_sheets(), "Initiatives", 2, "mandatory", True)
    sheets = with_cell(sheets, "Initiatives", 3, "mandatory", 0)
    sheets = with_cell(sheets, "Initiatives", 4, "mandatory", "1")
    assert [i.mandatory for i in read_workbook(xlsx(sheets)).workspace.initiatives] == [
        True,
        False,
        True,
        False,
    ]


def test_an_employee_side_kpi_is_read():
    sheets = good_sheets()
    sheets["KPIs"] = [[*sheets["KPIs"][0], "côté"], *[[*r, "salarié"] for r in sheets["KPIs"][1:]]]
    assert {k.side for k in read_workbook(xlsx(sheets)).workspace.kpis} == {"employee"}


# --- KPIs -----------------------------------------------------------------------------


def test_a_target_equal_to_the_baseline_is_reported():
    sheets = with_cell(good_sheets(), "KPIs", 2, "target", 10)
    assert problems_of(sheets) == [
        "KPIs, row 2, target: The target equals the baseline (10): the KPI has no way to go. Set a target "
        "different from the baseline."
    ]


def test_a_target_on_the_wrong_side_of_the_baseline_is_reported_for_both_directions():
    sheets = with_cell(good_sheets(), "KPIs", 2, "target", 5)
    sheets = with_cell(sheets, "KPIs", 3, "target", 12.5)
    assert problems_of(sheets) == [
        "KPIs, row 2, target: The target 5 is below the baseline 10, but the direction is “increase”. Fix "
        "the target, or set the direction to decrease.",
        "KPIs, row 3, target: The target 12.5 is above the baseline 12, but the direction is “decrease”. "
        "Fix the target, or set the direction to increase.",
    ]


# --- references -----------------------------------------------------------------------


def test_links_must_name_existing_kpis_and_goals_and_appear_once():
    sheets = with_cell(good_sheets(), "KPI_Goals", 2, "kpi_id", "NSP")
    sheets = with_cell(sheets, "KPI_Goals", 3, "goal_id", "g2")
    sheets = with_cell(sheets, "KPI_Goals", 5, "kpi_id", "CHURN")
    sheets = with_cell(sheets, "KPI_Goals", 5, "goal_id", "G2")
    assert problems_of(sheets) == [
        "KPI_Goals, row 2, kpi_id: KPI NSP is not on the KPIs sheet; fix the id or add the KPI.",
        "KPI_Goals, row 3, goal_id: Goal g2 (did you mean G2?) is not on the Goals sheet; fix the id or add "
        "the goal.",
        "KPI_Goals, row 5, goal_id: The link from KPI CHURN to goal G2 is already on row 4; keep only one.",
    ]


def test_impacts_must_name_existing_initiatives_and_kpis():
    sheets = with_cell(good_sheets(), "Impacts", 2, "initiative_id", "I-9")
    sheets = with_cell(sheets, "Impacts", 3, "kpi_id", "NPSS")
    assert problems_of(sheets) == [
        "Impacts, row 2, initiative_id: Initiative I-9 is not on the Initiatives sheet; fix the id or add "
        "the initiative.",
        "Impacts, row 3, kpi_id: KPI NPSS is not on the KPIs sheet; fix the id or add the KPI.",
    ]


def test_an_impact_range_must_surround_the_impact():
    sheets = with_cell(good_sheets(), "Impacts", 2, "impact_low", 5.5)
    sheets = with_cell(sheets, "Impacts", 5, "impact_high", -0.6)
    assert problems_of(sheets) == [
        "Impacts, row 2, impact_low: impact_low 5.5 is above impact 5; impact_low is the smallest expected "
        "change.",
        "Impacts, row 5, impact_high: impact_high -0.6 is below impact -0.5; impact_high is the largest "
        "expected change.",
    ]


def test_unknown_and_self_dependencies_are_reported():
    sheets = with_cell(good_sheets(), "Initiatives", 2, "depends_on", "I-1")
    sheets = with_cell(sheets, "Initiatives", 5, "depends_on", "I-2, I-7")
    assert problems_of(sheets) == [
        "Initiatives, row 2, depends_on: The initiative depends on itself (I-1); remove its own id from "
        "this cell.",
        "Initiatives, row 5, depends_on: Depends on I-7, which is not on the Initiatives sheet; fix the id "
        "or remove it.",
    ]


def test_a_dependency_cycle_is_reported_with_its_ids_in_order():
    sheets = with_cell(good_sheets(), "Initiatives", 2, "depends_on", "I-4")
    sheets = with_cell(sheets, "Initiatives", 5, "depends_on", "I-3")
    # I-1 → I-4 → I-3 → I-1 (I-3 already depends on I-1)
    assert problems_of(sheets) == [
        "Initiatives, row 2, depends_on: Dependency cycle: I-1 → I-4 → I-3 → I-1. No initiative can come "
        "first; remove one of these dependencies."
    ]
    assert problems_of(sheets, "fr") == [
        "Initiatives, row 2, depends_on: Cycle de dépendances : I-1 → I-4 → I-3 → I-1. Aucune initiative ne "
        "peut passer en premier ; retirez l'une de ces dépendances."
    ]


# --- costs and periods ------------------------------------------------------------------


def test_a_cost_that_disagrees_with_the_period_costs_is_reported():
    sheets = with_cell(good_sheets(), "Initiatives", 2, "cost", 160)
    assert problems_of(sheets) == [
        "Initiatives, row 2, cost: The cost 160 differs from the sum of the period costs 150 (cost_2026, "
        "cost_2027); fix one of them or leave the cost empty to use the sum."
    ]


def test_an_empty_cost_is_the_sum_of_the_period_costs_and_an_empty_period_cost_is_zero():
    sheets = with_cell(good_sheets(), "Initiatives", 2, "cost", None)
    sheets = with_cell(sheets, "Initiatives", 2, "cost_2027", None)
    first = read_workbook(xlsx(sheets)).workspace.initiatives[0]
    assert (first.cost, first.period_costs) == (100.0, {"2026": 100.0, "2027": 0.0})


def test_without_period_columns_the_cost_is_required():
    sheets = without_column(
        without_column(good_sheets(), "Initiatives", "cost_2026"), "Initiatives", "cost_2027"
    )
    sheets["Budget"] = sheets["Budget"][:2]
    sheets = with_cell(sheets, "Initiatives", 3, "cost", None)
    assert problems_of(sheets) == [
        "Initiatives, row 3, cost: The cost is empty; type the initiative's cost (0 if it costs nothing)."
    ]
    no_cost = without_column(sheets, "Initiatives", "cost")
    assert problems_of(no_cost) == [
        "Initiatives, cost: The cost is missing: add a column headed cost / coût / cout, or one "
        "cost_<period> column per budget period (e.g. cost_2026)."
    ]


def test_a_period_with_two_cost_columns_is_reported():
    sheets = with_header(good_sheets(), "Initiatives", "cost_2027", "coût_2026")
    sheets["Budget"].pop()  # the 2027 budget, whose column is now named for 2026
    assert problems_of(sheets) == [
        "Initiatives, coût_2026: Period 2026 already has a cost column (cost_2026); keep only one."
    ]


def test_budget_periods_must_be_total_or_a_cost_period_and_appear_once():
    sheets = with_cell(good_sheets(), "Budget", 2, "period", "Total")
    sheets = with_cell(sheets, "Budget", 3, "period", "2028")
    sheets = with_cell(sheets, "Budget", 5, "period", "TOTAL")
    sheets = with_cell(sheets, "Budget", 5, "budget", 1)
    assert problems_of(sheets) == [
        "Budget, row 3, period: Period 2028 has no cost_2028 column on the Initiatives sheet; use one of: "
        "total, 2026, 2027.",
        "Budget, row 5, period: total is already used on row 2; each id must appear once.",
    ]


def test_a_period_typed_as_a_number_matches_its_cost_column():
    sheets = with_cell(good_sheets(), "Budget", 3, "period", 2026)
    assert read_workbook(xlsx(sheets)).workspace.budgets[1] == Budget("2026", 250.0)


# --- impacts: long and wide ---------------------------------------------------------------


def test_wide_impact_columns_add_to_the_impacts_sheet():
    sheets = good_sheets()
    sheets["Initiatives"] = [
        [*sheets["Initiatives"][0], "impact: CES"],
        *[[*r, None] for r in sheets["Initiatives"][1:]],
    ]
    sheets = with_cell(sheets, "Initiatives", 2, "impact: CES", -0.25)
    ws = read_workbook(xlsx(sheets)).workspace
    assert Impact("I-1", "CES", -0.25) in ws.impacts and len(ws.impacts) == 6


def test_wide_impacts_alone_need_no_impacts_sheet():
    sheets = good_sheets()
    del sheets["Impacts"]
    sheets["Initiatives"] = [
        [*sheets["Initiatives"][0], "impact:NPS"],
        *[[*r, 1] for r in sheets["Initiatives"][1:]],
    ]
    assert [i.impact for i in read_workbook(xlsx(sheets)).workspace.impacts] == [1.0] * 4


def test_the_same_impact_in_both_forms_is_reported_with_both_places():
    sheets = good_sheets()
    sheets["Initiatives"] = [
        [*sheets["Initiatives"][0], "impact:NPS"],
        *[[*r, None] for r in sheets["Initiatives"][1:]],
    ]
    sheets = with_cell(sheets, "Initiatives", 2, "impact:NPS", 5)
    sheets["Impacts"].append(["I-4", "CES", 1])
    assert problems_of(sheets) == [
        "Impacts, row 2, impact: The impact of I-1 on NPS is already given (Initiatives, row 2, "
        "impact:NPS); keep only one.",
        "Impacts, row 7, impact: The impact of I-4 on CES is already given (Impacts, row 6, impact); keep "
        "only one.",
    ]


def test_a_wide_impact_column_for_an_unknown_kpi_is_reported_once():
    sheets = good_sheets()
    sheets["Initiatives"] = [
        [*sheets["Initiatives"][0], "impact:nps"],
        *[[*r, 1] for r in sheets["Initiatives"][1:]],
    ]
    assert problems_of(sheets) == [
        "Initiatives, impact:nps: This column gives impacts on KPI nps (did you mean NPS?), which is not on "
        "the KPIs sheet. Fix the KPI id after “impact:” or add the KPI."
    ]


# --- team backlogs ------------------------------------------------------------------------


def test_a_workbook_with_only_initiatives_and_impacts_is_a_team_backlog():
    result = read_workbook(xlsx(backlog_sheets()))
    assert result.kind == "backlog" and result.workspace is None
    backlog = result.backlog
    assert [i.initiative_id for i in backlog.initiatives] == ["T-1", "T-2"]
    assert backlog.periods == ("2026", "2027") and backlog.initiatives[0].cost == 15.0
    # references outside the backlog are checked only against a workspace
    assert backlog.initiatives[0].depends_on == ("I-1",)
    assert backlog.impacts == (Impact("T-1", "NPS", 2.0), Impact("T-2", "CES", -0.2))


def test_a_backlog_alone_still_checks_what_it_can():
    sheets = with_cell(backlog_sheets(), "Initiatives", 2, "depends_on", "T-2")
    sheets["Impacts"].append(["T-9", "NPS", 1])
    assert problems_of(sheets) == [
        "Initiatives, row 2, depends_on: Dependency cycle: T-1 → T-2 → T-1. No initiative can come first; "
        "remove one of these dependencies.",
        "Impacts, row 3, initiative_id: Initiative T-9 is not on the Initiatives sheet; fix the id or add "
        "the initiative.",
    ]


def test_a_budget_sheet_in_a_team_backlog_is_ignored_with_a_note():
    sheets = backlog_sheets()
    sheets["Budget"] = [["period", "budget"], ["total", 1]]
    result = read_workbook(xlsx(sheets))
    assert result.kind == "backlog"
    assert [str(n) for n in result.notes] == [
        "Budget: A team backlog only brings initiatives and impacts: this sheet was ignored."
    ]


def test_the_template_filled_with_initiatives_and_impacts_only_is_a_team_backlog():
    data = filled_template(
        [{"initiative_id": "T-1", "name": "Chatbot", "cost": 40, "cost_2026": 40}],
        [{"initiative_id": "T-1", "kpi_id": "NPS", "impact": 2}],
    )
    result = read_workbook(data)
    assert result.kind == "backlog" and result.workspace is None
    assert [i.initiative_id for i in result.backlog.initiatives] == ["T-1"]
    assert result.backlog.impacts == (Impact("T-1", "NPS", 2.0),)
    # the template's six other sheets have headers and no row: each is named as ignored, being empty
    empty = "This sheet is empty: the workbook is read as a team backlog and the sheet was ignored."
    assert [str(n) for n in result.notes] == [
        f"{sheet}: {empty}" for sheet in ("Goals", "KPIs", "KPI_Goals", "Budget", "Capacity", "Effort")
    ]


def test_one_filled_goals_sheet_still_makes_a_workspace():
    sheets = backlog_sheets()
    sheets["Goals"] = [["goal_id", "name", "weight"], ["G1", "Loyalty", 1]]
    # a Goals sheet with a row is a workspace: the KPIs and KPI_Goals sheets are then missing
    problems = problems_of(sheets)
    assert [p.split(":")[0] for p in problems if "This sheet is missing" in p] == ["KPIs", "KPI_Goals"]


# --- formulas -------------------------------------------------------------------------------


def test_a_formula_with_a_saved_result_is_read_as_its_value():
    data = xlsx(with_cell(good_sheets(), "Goals", 2, "weight", "=1+2"))
    cached = cache_formula_results(data, "xl/worksheets/sheet1.xml", {"C2": "3"})
    assert read_workbook(cached).workspace.goals[0].weight == 3.0


def test_a_formula_without_a_saved_result_is_reported_once():
    sheets = with_cell(good_sheets(), "Goals", 2, "weight", "=1+2")
    assert problems_of(sheets) == [
        "Goals, row 2, weight: The cell contains a formula with no saved result; open and save the file in "
        "Excel or LibreOffice, or type the value."
    ]
    assert problems_of(sheets, "fr") == [
        "Goals, row 2, weight: La cellule contient une formule sans résultat enregistré ; ouvrez et "
        "enregistrez le fichier dans Excel ou LibreOffice, ou tapez la valeur."
    ]


def test_a_formula_with_a_text_result_is_read_as_text():
    data = xlsx(with_cell(good_sheets(), "Goals", 2, "name", '="Fidé"&"liser"'))
    cached = cache_formula_results(data, "xl/worksheets/sheet1.xml", {"B2": "Fidéliser"})
    as_text = rewrite_part(
        cached, "xl/worksheets/sheet1.xml", lambda x: x.replace(b'<c r="B2"', b'<c r="B2" t="str"')
    )
    assert read_workbook(as_text).workspace.goals[0].name == "Fidéliser"


def test_an_excel_error_shown_by_a_formula_is_reported():
    data = xlsx(with_cell(good_sheets(), "Goals", 2, "weight", "=1/0"))

    def error_result(xml: bytes) -> bytes:
        return xml.replace(b'<c r="C2"><f>1/0</f><v /></c>', b'<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')

    broken = rewrite_part(data, "xl/worksheets/sheet1.xml", error_result)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(broken)
    assert [str(p) for p in caught.value.problems] == [
        "Goals, row 2, weight: The cell shows the Excel error #DIV/0!; fix its formula or type the value."
    ]


# --- all at once ----------------------------------------------------------------------------


def test_every_problem_is_reported_at_once_in_sheet_and_row_order():
    sheets = with_cell(good_sheets(), "Budget", 2, "budget", "lots")
    sheets = with_cell(sheets, "Goals", 3, "weight", -1)
    sheets = with_cell(sheets, "Initiatives", 4, "confidence", 2)
    sheets = with_cell(sheets, "Goals", 2, "name", None)
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(sheets))
    error = caught.value
    assert error.message == "Problems found in the workbook: 4."
    assert [(p.sheet, p.row, p.column) for p in error.problems] == [
        ("Goals", 2, "name"),
        ("Goals", 3, "weight"),
        ("Initiatives", 4, "confidence"),
        ("Budget", 2, "budget"),
    ]


def test_messages_follow_the_language_and_name_columns_as_the_user_wrote_them():
    sheets = french(with_cell(good_sheets(), "Goals", 3, "weight", "trois"))
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(sheets), lang="fr")
    assert caught.value.message == "Problèmes trouvés dans le classeur : 1."
    assert [str(p) for p in caught.value.problems] == [
        "Objectifs, row 3, poids: « trois » n'est pas un nombre ; tapez un nombre comme 1200 ou 1 200,50."
    ]


# --- how Excel stores things ------------------------------------------------------------------


def test_text_in_a_shared_string_table_reads_like_inline_text():
    data = xlsx(good_sheets())
    assert read_workbook(to_shared_strings(data)).workspace == read_workbook(data).workspace


def test_rich_text_runs_are_joined_and_phonetic_guides_left_out():
    rich = {
        "Fidéliser les clients": "<r><t>Fidéliser </t></r><r><rPr><b/></rPr><t>les clients</t></r>".encode(),
        "Churn": b"<t>Churn</t><rPh sb='0' eb='1'><t>CHAAN</t></rPh>",
    }
    ws = read_workbook(to_shared_strings(xlsx(good_sheets()), rich)).workspace
    assert ws.goals[0].name == "Fidéliser les clients"
    assert ws.kpis[1].name == "Churn"


def test_a_strict_open_xml_workbook_is_read():
    def strict(xml: bytes) -> bytes:
        return xml.replace(
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        )

    data = xlsx(good_sheets())
    converted = data
    for part in [p for p in parts_of(data) if p.startswith("xl/worksheets/") or p == "xl/workbook.xml"]:
        converted = rewrite_part(converted, part, strict)
    assert read_workbook(converted).workspace == read_workbook(data).workspace


def test_an_initiative_id_cannot_hold_the_depends_on_separators():
    sheets = with_cell(good_sheets(), "Initiatives", 5, "initiative_id", "I-4;b")
    sheets = with_cell(sheets, "Impacts", 6, "initiative_id", "I-4;b")
    assert problems_of(sheets) == [
        "Initiatives, row 5, initiative_id: The id “I-4;b” contains a comma or a semicolon, which separate "
        "ids in depends_on; choose an id without them."
    ]


def test_problems_of_one_row_come_left_to_right():
    sheets = with_cell(good_sheets(), "Initiatives", 3, "description", 12)  # fine: text can be a number
    sheets = with_cell(sheets, "Initiatives", 3, "mandatory", "peut-être")
    sheets = with_cell(sheets, "Initiatives", 3, "cost_2026", "x")
    sheets = with_cell(sheets, "Initiatives", 3, "name", None)
    assert [p.column for p in read_problems(sheets)] == ["name", "cost_2026", "mandatory"]


def read_problems(sheets):
    with pytest.raises(WorkbookError) as caught:
        read_workbook(xlsx(sheets))
    return caught.value.problems
