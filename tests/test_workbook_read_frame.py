"""The app's edited Initiatives table and team backlogs, checked with the file reader's rules."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from workbooks import backlog_sheets, good_sheets, xlsx

from cxprior.domain import Impact, Initiative, TeamBacklog, WorkbookError
from cxprior.workbook import (
    check_backlog_against,
    find_cycles,
    parse_number_text,
    read_workbook,
    validate_initiatives_frame,
)


@pytest.fixture(scope="module")
def workspace():
    return read_workbook(xlsx(good_sheets())).workspace


def table(workspace) -> pd.DataFrame:
    """The Initiatives table as the app shows it in st.data_editor."""
    rows = []
    for i in workspace.initiatives:
        rows.append(
            {
                "initiative_id": i.initiative_id,
                "name": i.name,
                "team": i.team,
                "owner": i.owner,
                "journey_phase": i.journey_phase,
                "cost": i.cost,
                **{f"cost_{p}": i.period_costs[p] for p in workspace.periods},
                "confidence": i.confidence,
                "mandatory": i.mandatory,
                "depends_on": ", ".join(i.depends_on),
                "exclusive_group": i.exclusive_group,
                "competency": i.competency.value if i.competency else None,
                "description": i.description,
            }
        )
    return pd.DataFrame(rows)


def frame_problems(frame, workspace, lang="en") -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        validate_initiatives_frame(frame, workspace, lang)
    return [str(p) for p in caught.value.problems]


# --- the edited table ---------------------------------------------------------------------


def test_an_unchanged_table_gives_back_the_same_workspace(workspace):
    assert validate_initiatives_frame(table(workspace), workspace) == workspace


def test_edits_are_applied_and_the_input_table_is_left_untouched(workspace):
    frame = table(workspace)
    frame.loc[0, ["cost", "cost_2026"]] = [250.0, 200.0]
    frame.loc[3, "mandatory"] = np.bool_(True)
    frame.loc[3, "depends_on"] = "I-1 ; I-2"
    before = frame.copy()
    updated = validate_initiatives_frame(frame, workspace)
    first, *_, last = updated.initiatives
    assert (first.cost, first.period_costs) == (250.0, {"2026": 200.0, "2027": 50.0})
    assert (last.mandatory, last.depends_on) == (True, ("I-1", "I-2"))
    assert updated.goals == workspace.goals and updated.budgets == workspace.budgets
    pd.testing.assert_frame_equal(frame, before)


def test_a_removed_initiative_takes_its_impacts_with_it(workspace):
    frame = table(workspace).drop(index=3)
    frame.loc[2, "depends_on"] = "I-1"
    updated = validate_initiatives_frame(frame, workspace)
    assert [i.initiative_id for i in updated.initiatives] == ["I-1", "I-2", "I-3"]
    assert all(imp.initiative_id != "I-4" for imp in updated.impacts)
    assert len(updated.impacts) == len(workspace.impacts) - 1


def test_an_added_row_becomes_an_initiative_and_blank_rows_are_skipped(workspace):
    frame = table(workspace)
    added = pd.DataFrame(
        [
            {
                "initiative_id": "I-5",
                "name": "Nouveau",
                "cost": np.nan,
                "cost_2026": 10,
                "cost_2027": 5,
                "mandatory": None,
                "confidence": np.nan,
            },
            {"initiative_id": None, "name": "", "cost": np.nan},
        ]
    )
    updated = validate_initiatives_frame(pd.concat([frame, added], ignore_index=True), workspace)
    assert updated.initiatives[-1] == Initiative("I-5", "Nouveau", 15.0, {"2026": 10.0, "2027": 5.0})


def test_problems_are_numbered_as_table_rows_with_the_first_row_as_2(workspace):
    frame = table(workspace)
    frame.loc[1, "confidence"] = 1.5
    frame.loc[3, "initiative_id"] = "I-1"
    frame.loc[2, "depends_on"] = "I-1, I-9"
    assert frame_problems(frame, workspace) == [
        "Initiatives, row 3, confidence: 1.5 must be between 0 and 1 (or between 0 % and 100 %).",
        "Initiatives, row 4, depends_on: Depends on I-9, which is not on the Initiatives sheet; fix the id "
        "or remove it.",
        "Initiatives, row 5, initiative_id: I-1 is already used on row 2; each id must appear once.",
    ]


def test_a_cycle_made_in_the_table_is_refused_in_french(workspace):
    frame = table(workspace)
    frame.loc[0, "depends_on"] = "I-2"
    assert frame_problems(frame, workspace, "fr") == [
        "Initiatives, row 2, depends_on: Cycle de dépendances : I-1 → I-2 → I-1. Aucune initiative ne peut "
        "passer en premier ; retirez l'une de ces dépendances."
    ]


def test_dropping_a_budgeted_period_column_is_refused(workspace):
    frame = table(workspace).drop(columns=["cost_2027"])
    frame["cost"] = frame["cost_2026"]
    assert frame_problems(frame, workspace) == [
        "Budget, period: Period 2027 has no cost_2027 column on the Initiatives sheet; use one of: total, "
        "2026."
    ]


def test_wide_impact_columns_in_the_table_replace_the_impacts_on_their_kpi(workspace):
    frame = table(workspace)
    frame["impact:NPS"] = [1.0, None, None, 2.0]
    updated = validate_initiatives_frame(frame, workspace)
    nps = [imp for imp in updated.impacts if imp.kpi_id == "NPS"]
    assert nps == [Impact("I-1", "NPS", 1.0), Impact("I-4", "NPS", 2.0)]
    assert [imp for imp in updated.impacts if imp.kpi_id != "NPS"] == [
        imp for imp in workspace.impacts if imp.kpi_id != "NPS"
    ]


def test_an_empty_table_is_refused(workspace):
    assert frame_problems(table(workspace).iloc[0:0], workspace) == [
        "Initiatives: The sheet has no initiative; add at least one initiative with its cost."
    ]


# --- a team backlog against the workspace ----------------------------------------------------


@pytest.fixture(scope="module")
def backlog():
    return read_workbook(xlsx(backlog_sheets())).backlog


def test_a_backlog_that_fits_the_workspace_has_no_problem(workspace, backlog):
    assert check_backlog_against(workspace, backlog) == []


def test_a_backlog_naming_unknown_kpis_and_prerequisites_is_reported(workspace, backlog):
    odd = replace(
        backlog,
        initiatives=(replace(backlog.initiatives[0], depends_on=("I-1", "X-9")), backlog.initiatives[1]),
        impacts=(*backlog.impacts, Impact("T-2", "nps", 1.0)),
    )
    assert [str(p) for p in check_backlog_against(workspace, odd)] == [
        "Impacts, kpi_id: Initiative T-2 has an impact on KPI nps (did you mean NPS?), which the workspace "
        "does not have; use one of the workspace's KPI ids.",
        "Initiatives, depends_on: Initiative T-1 depends on X-9, which is neither in the backlog nor in the "
        "workspace.",
    ]


def test_a_backlog_with_periods_the_workspace_lacks_is_reported(workspace, backlog):
    odd = replace(backlog, periods=("2026", "2029"))
    assert [str(p) for p in check_backlog_against(workspace, odd, "fr")] == [
        "Initiatives, cost_2029: Le backlog a des coûts pour la période 2029, que l'espace de travail ne "
        "prévoit pas (ses périodes : 2026, 2027) ; renommez ou retirez cette colonne."
    ]


def test_a_backlog_without_periods_for_a_workspace_planned_by_period_is_reported(workspace):
    single = TeamBacklog((Initiative("T-3", "Single cost", 10.0),), (), ())
    assert [str(p) for p in check_backlog_against(workspace, single)] == [
        "Initiatives, cost: The workspace plans costs by period (2026, 2027), but the backlog has no "
        "cost_<period> columns; add one per period."
    ]


def test_a_cycle_that_only_the_merge_creates_is_reported(workspace):
    # the backlog updates I-1 to depend on I-3, which (in the workspace) depends on I-1
    updated = replace(workspace.initiative_by_id["I-1"], depends_on=("I-3",))
    team = TeamBacklog((updated,), (), workspace.periods)
    assert [str(p) for p in check_backlog_against(workspace, team)] == [
        "Initiatives, depends_on: Dependency cycle: I-1 → I-3 → I-1. No initiative can come first; remove "
        "one of these dependencies."
    ]


# --- building blocks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1200", 1200.0),
        ("1 200,50", 1200.5),
        ("1\u202f200,50", 1200.5),
        ("1,200.50", 1200.5),
        ("1.200,50", 1200.5),
        ("1.200.000", 1200000.0),
        ("1,200,000", 1200000.0),
        ("12,5", 12.5),
        ("0,125", 0.125),
        ("1234,567", 1234.567),
        ("−0.5", -0.5),
        ("+3", 3.0),
        ("1e3", 1000.0),
        ("15 000 €", 15000.0),
    ],
)
def test_numbers_typed_as_text_are_read_when_unambiguous(text, value):
    assert parse_number_text(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,200", "12 34", "1.2.3,4,5", "abc", "nan", "inf", "1,2,3.4.5", "--1"])
def test_ambiguous_or_malformed_number_text_is_refused(text):
    with pytest.raises(ValueError):
        parse_number_text(text)


def test_percent_text_is_a_share_only_where_shares_are_expected():
    assert parse_number_text("80 %", percent=True) == pytest.approx(0.8)
    with pytest.raises(ValueError):
        parse_number_text("80 %")


def test_every_cycle_is_found_once_starting_from_its_first_initiative():
    graph = {"A": ("B",), "B": ("C",), "C": ("A",), "D": ("E",), "E": ("D",), "F": ("A",)}
    assert find_cycles(graph) == [["A", "B", "C", "A"], ["D", "E", "D"]]


def test_cycle_search_handles_long_chains_without_recursion():
    graph = {f"I{n}": (f"I{n + 1}",) for n in range(20_000)}
    assert find_cycles(graph) == []
    graph["I20000"] = ("I0",)
    assert len(find_cycles(graph)[0]) == 20_002
