"""Merging a team backlog: what the preview says, and what applying it does (or refuses)."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from cxprior.domain import (
    Direction,
    Goal,
    Impact,
    Initiative,
    Kpi,
    KpiGoalLink,
    TeamBacklog,
    WorkbookError,
    Workspace,
)
from cxprior.workbook import FieldChange, apply_merge, preview_frame, preview_merge

PERIODS = ("2026", "2027")


def initiative(iid: str, team: str, c26: float, c27: float, **fields) -> Initiative:
    return Initiative(
        iid,
        fields.pop("name", f"Initiative {iid}"),
        c26 + c27,
        {"2026": c26, "2027": c27},
        team=team,
        **fields,
    )


@pytest.fixture
def workspace() -> Workspace:
    return Workspace(
        goals=(Goal("G1", "Fidéliser", 1.0),),
        kpis=(
            Kpi("NPS", "NPS", Direction.INCREASE, 10.0, 30.0, "pts"),
            Kpi("CHURN", "Churn", Direction.DECREASE, 12.0, 8.0, "%"),
        ),
        links=(KpiGoalLink("NPS", "G1"), KpiGoalLink("CHURN", "G1")),
        initiatives=(
            initiative("A", "Care", 100.0, 200.0, name="Rappel", confidence=0.8),
            initiative("B", "Digital", 50.0, 0.0, depends_on=("A",)),
            initiative("C", "", 10.0, 10.0),
        ),
        impacts=(Impact("A", "NPS", 5.0), Impact("B", "CHURN", -0.5), Impact("C", "NPS", 1.0)),
        periods=PERIODS,
    )


def backlog(*items: Initiative, impacts: tuple[Impact, ...] = (), periods=PERIODS) -> TeamBacklog:
    return TeamBacklog(initiatives=items, impacts=impacts, periods=periods)


def test_a_new_id_is_added_after_the_existing_initiatives_with_its_impacts(workspace):
    new = initiative("D", "Care", 30.0, 0.0)
    team = backlog(new, impacts=(Impact("D", "NPS", 2.0, 1.0, 3.0),))
    preview = preview_merge(workspace, team)
    assert (preview.added, preview.changed, preview.unchanged, preview.conflicts) == (("D",), (), (), ())
    assert preview.can_apply
    merged = apply_merge(workspace, team, preview)
    assert [i.initiative_id for i in merged.initiatives] == ["A", "B", "C", "D"]
    assert merged.initiative_by_id["D"] == new
    assert merged.impacts_by_initiative["D"] == (Impact("D", "NPS", 2.0, 1.0, 3.0),)
    assert merged.impacts_by_initiative["A"] == workspace.impacts_by_initiative["A"]


def test_an_updated_initiative_lists_each_changed_field_old_to_new(workspace):
    updated = initiative("A", "Care", 100.0, 250.0, name="Rappel sous 2 h", confidence=0.8)
    team = backlog(updated, impacts=(Impact("A", "NPS", 6.0), Impact("A", "CHURN", -0.2)))
    preview = preview_merge(workspace, team)
    assert preview.added == () and preview.changed_ids == ("A",)
    assert preview.changed[0].changes == (
        FieldChange("name", "Rappel", "Rappel sous 2 h"),
        FieldChange("cost", "300", "350"),
        FieldChange("period_costs", "2026: 100; 2027: 200", "2026: 100; 2027: 250"),
        FieldChange("impacts", "NPS +5", "CHURN -0.2; NPS +6"),
    )


def test_applying_an_update_replaces_the_initiative_in_place_and_its_impacts(workspace):
    updated = initiative("A", "care ", 100.0, 250.0, name="Rappel sous 2 h")
    team = backlog(updated, impacts=(Impact("A", "CHURN", -0.2),))
    merged = apply_merge(workspace, team, preview_merge(workspace, team))
    assert [i.initiative_id for i in merged.initiatives] == ["A", "B", "C"]
    assert merged.initiative_by_id["A"] == updated
    assert merged.impacts_by_initiative["A"] == (Impact("A", "CHURN", -0.2),)
    assert merged.initiative_by_id["B"] == workspace.initiative_by_id["B"]


def test_an_identical_initiative_is_unchanged_and_merging_it_changes_nothing(workspace):
    team = backlog(workspace.initiative_by_id["B"], impacts=(Impact("B", "CHURN", -0.5),))
    preview = preview_merge(workspace, team)
    assert preview.unchanged == ("B",) and preview.changed == () and preview.added == ()
    assert apply_merge(workspace, team, preview) == workspace


def test_blank_fields_of_the_backlog_row_replace_the_workspace_values(workspace):
    # the backlog row is the whole truth for its initiative: a blank owner clears it
    with_owner = dataclasses.replace(
        workspace,
        initiatives=(dataclasses.replace(workspace.initiatives[0], owner="Léa"), *workspace.initiatives[1:]),
    )
    team = backlog(
        dataclasses.replace(workspace.initiatives[0], owner=""), impacts=(Impact("A", "NPS", 5.0),)
    )
    preview = preview_merge(with_owner, team)
    assert preview.changed[0].changes == (FieldChange("owner", "Léa", ""),)


def test_an_id_owned_by_another_team_is_a_conflict_and_the_merge_is_refused(workspace):
    team = backlog(initiative("B", "Care", 60.0, 0.0), impacts=(Impact("B", "CHURN", -0.5),))
    preview = preview_merge(workspace, team)
    message = (
        "B already exists in the workspace under team Digital; this backlog gives team Care. "
        "A team can only update its own initiatives: use a new id or ask team Digital."
    )
    assert [(c.initiative_id, c.message) for c in preview.conflicts] == [("B", message)]
    assert preview.changed == () and not preview.can_apply
    with pytest.raises(WorkbookError) as refused:
        apply_merge(workspace, team, preview)
    assert refused.value.message == "The backlog cannot be merged yet: 1 problem or conflict remains."
    assert [(p.sheet, p.column, p.message) for p in refused.value.problems] == [
        ("Initiatives", "initiative_id", message)
    ]


def test_an_existing_id_without_a_team_in_the_backlog_is_a_conflict(workspace):
    team = backlog(initiative("A", " ", 100.0, 200.0))
    assert preview_merge(workspace, team, "fr").conflicts[0].message == (
        "A existe déjà dans l'espace de travail pour l'équipe Care ; ce backlog n'indique pas "
        "d'équipe. Renseignez la colonne équipe pour la modifier."
    )


def test_an_initiative_without_a_team_in_the_workspace_can_be_taken_over(workspace):
    team = backlog(initiative("C", "Care", 10.0, 10.0), impacts=(Impact("C", "NPS", 1.0),))
    preview = preview_merge(workspace, team)
    assert preview.changed[0].changes == (FieldChange("team", "", "Care"),)


def test_an_id_that_differs_only_by_case_is_a_conflict(workspace):
    team = backlog(initiative("a", "Care", 1.0, 1.0))
    assert preview_merge(workspace, team).conflicts[0].message == (
        "a differs from the existing initiative A only by upper/lower case. "
        "Use exactly A to update it, or a clearly different id."
    )


def test_costs_in_a_period_the_workspace_does_not_budget_block_the_merge(workspace):
    item = Initiative("D", "Later", 30.0, {"2026": 10.0, "2029": 20.0}, team="Care")
    preview = preview_merge(workspace, backlog(item, periods=("2026", "2029")))
    assert preview.conflicts == ()
    assert [(p.sheet, p.column) for p in preview.problems] == [("Initiatives", "cost_2029")]
    assert not preview.can_apply


def test_a_total_cost_only_blocks_the_merge_when_the_workspace_budgets_by_period(workspace):
    preview = preview_merge(workspace, backlog(Initiative("D", "Flat", 30.0, team="Care"), periods=()))
    assert [(p.sheet, p.column) for p in preview.problems] == [("Initiatives", "cost")]
    assert not preview.can_apply


def test_a_backlog_that_leaves_out_a_period_gets_zero_for_it(workspace):
    item = Initiative("D", "Short", 30.0, {"2026": 30.0}, team="Care")
    team = backlog(item, impacts=(Impact("D", "NPS", 1.0),), periods=("2026",))
    merged = apply_merge(workspace, team, preview_merge(workspace, team))
    assert merged.initiative_by_id["D"].period_costs == {"2026": 30.0, "2027": 0.0}


def test_a_merge_that_would_close_a_dependency_cycle_is_refused(workspace):
    # B (Digital) needs A; the Care team now makes A need B
    team = backlog(
        initiative("A", "Care", 100.0, 200.0, depends_on=("B",)), impacts=(Impact("A", "NPS", 5.0),)
    )
    preview = preview_merge(workspace, team)
    assert [p.column for p in preview.problems] == ["depends_on"]
    assert "A → B → A" in preview.problems[0].message
    with pytest.raises(WorkbookError):
        apply_merge(workspace, team, preview)


def test_references_the_workspace_lacks_are_problems_that_block_the_merge(workspace):
    team = backlog(initiative("D", "Care", 1.0, 0.0), impacts=(Impact("D", "CSAT", 2.0),))
    preview = preview_merge(workspace, team)
    assert preview.added == ("D",)
    assert preview.problems and not preview.can_apply
    assert any("CSAT" in p.message for p in preview.problems)
    with pytest.raises(WorkbookError):
        apply_merge(workspace, team, preview)


def test_a_preview_of_another_backlog_is_refused_as_out_of_date(workspace):
    first = backlog(initiative("D", "Care", 1.0, 0.0))
    second = backlog(initiative("E", "Care", 1.0, 0.0))
    with pytest.raises(WorkbookError) as stale:
        apply_merge(workspace, second, preview_merge(workspace, first))
    assert stale.value.message == (
        "The workspace or the backlog changed since this merge preview: preview the merge again."
    )


def test_merging_never_mutates_its_inputs(workspace):
    team = backlog(initiative("A", "Care", 1.0, 2.0), initiative("D", "Care", 1.0, 0.0))
    before_ws, before_team = copy.deepcopy(workspace), copy.deepcopy(team)
    apply_merge(workspace, team, preview_merge(workspace, team))
    assert workspace == before_ws and team == before_team


def test_the_preview_table_has_a_row_per_change_conflict_and_id_in_french(workspace):
    team = backlog(
        initiative("A", "Care", 100.0, 200.0, name="Rappel rapide", confidence=0.8),
        initiative("B", "Care", 50.0, 0.0),
        initiative("D", "Care", 1.0, 0.0),
        impacts=(Impact("A", "NPS", 5.0),),
    )
    frame = preview_frame(preview_merge(workspace, team, "fr"))
    assert list(frame.columns) == ["Statut", "Initiative", "Champ", "Avant", "Après", "Message"]
    assert frame[["Statut", "Initiative", "Champ", "Avant", "Après"]].values.tolist() == [
        # D costs 1 + 0 = 1 €, and has no journey phase
        ["ajoutée", "D", "nom, coût, phase_parcours", "", "Initiative D · 1\u00a0€ · –"],
        ["modifiée", "A", "nom", "Rappel", "Rappel rapide"],
        ["conflit", "B", "", "", ""],
    ]
    assert frame["Message"].iloc[2].startswith("B existe déjà dans l'espace de travail pour l'équipe Digital")


def test_the_preview_names_each_new_initiative_by_its_name_cost_and_phase(workspace):
    team = backlog(initiative("D", "Care", 30_000.0, 10_000.0, name="Chatbot", journey_phase="Purchase"))
    frame = preview_frame(preview_merge(workspace, team))
    # 30 000 + 10 000 = 40 000, written with its thousands separator
    assert frame[["Status", "Initiative", "Field", "After"]].values.tolist() == [
        ["added", "D", "name, cost, journey_phase", "Chatbot · €40,000 · Purchase"]
    ]


def test_the_preview_table_names_fields_as_the_user_knows_them(workspace):
    team = backlog(initiative("A", "Care", 100.0, 250.0, name="Rappel", confidence=0.8))
    frame = preview_frame(preview_merge(workspace, team))
    assert frame["Field"].tolist() == ["cost", "costs per period", "impacts"]
    assert frame["After"].tolist() == ["350", "2026: 100; 2027: 250", ""]


def test_what_the_workspace_refuses_in_a_filled_template_is_reported_at_once_with_its_row(workspace):
    from template_fill import filled_template

    from cxprior.workbook import read_workbook

    data = filled_template(
        [
            {"initiative_id": "T-1", "name": "Chatbot", "team": "Care", "cost": 5, "cost_2026": 5},
            {"initiative_id": "T-2", "name": "Portal", "team": "Care", "cost_2026": 5, "depends_on": "X-9"},
        ],
        [
            {"initiative_id": "T-1", "kpi_id": "NPS", "impact": 2},
            {"initiative_id": "T-1", "kpi_id": "NOPE", "impact": 1},
        ],
    )
    read = read_workbook(data)
    problems = preview_merge(workspace, read.backlog, rows=read.rows).problems
    # NOPE is on the Impacts sheet's second row under the header (Excel row 3); T-2, the unknown
    # prerequisite's initiative, is on the Initiatives sheet's Excel row 3 (a third problem follows:
    # the template's cost_2028 column, a period this workspace does not plan)
    assert [(p.sheet, p.row, p.column) for p in problems][:2] == [
        ("Impacts", 3, "kpi_id"),
        ("Initiatives", 3, "depends_on"),
    ]
