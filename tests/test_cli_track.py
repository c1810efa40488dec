"""`python -m cxprior track`, `optimize --progress --replan-from` and `template --followup`:
exit codes, the JSON contract, messages on standard error.

The workbook is the case of test_tracking with a 2026 budget of 150: A (100 in 2026) and B (50)
fill it, D (30 in 2026) does not fit, C costs only in 2028: the plan is A, B and C.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from test_tracking import case_followup, case_workspace

from cxprior.cli import main
from cxprior.domain import Budget, FollowUp, Progress, Status
from cxprior.workbook import read_followup, write_followup, write_workspace


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(write_workspace(case_workspace((Budget("2026", 150.0),))))
    return path


def _followup_file(tmp_path, followup: FollowUp, name: str = "suivi.xlsx"):
    path = tmp_path / name
    path.write_bytes(write_followup(case_workspace(), plan=["A", "B", "C"], followup=followup))
    return path


@pytest.fixture
def progress(tmp_path):
    return _followup_file(tmp_path, case_followup())


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_track_json_on_standard_output_is_the_contract_with_the_hand_derived_figures(book, progress, capsys):
    code, out, _ = run(capsys, "track", book, "--progress", progress, "--json", "-")
    assert code == 0
    document = json.loads(out)
    assert list(document) == ["kpis", "goals", "initiatives", "alerts"]
    # NPS: 14 planned (10 + 5 × 0.8), 13 measured: −1 pt, 100 × 0.75 × −1/20 = −3.75 points
    assert document["kpis"]["NPS"]["2026"] == {
        "planned": 14.0,
        "actual": 13.0,
        "variance": -1.0,
        "variance_points": -3.75,
    }
    # CHURN: 11 planned (12 − 1), 11.5 measured: 100 × 0.625 × −0.5/4 = −7.8125
    assert document["kpis"]["CHURN"]["2027"]["variance_points"] == -7.8125
    assert document["goals"]["G2"] == {"2027": {"planned_points": 6.25, "actual_points": 3.125}}
    assert list(document["initiatives"]) == ["A", "B", "C", "D"]
    assert document["initiatives"]["A"] == {
        "status": "delivered",
        "planned_cost": 100.0,
        "spent": 120.0,
        "overrun": 20.0,
    }
    assert [a.split(" ")[0] for a in document["alerts"]] == ["CHURN", "Goal", "A", "D"]


def test_track_as_of_a_later_period_names_the_late_initiative(book, progress, capsys):
    code, out, _ = run(capsys, "track", book, "--progress", progress, "--as-of", "2028", "--json", "-")
    assert code == 0
    assert (
        "B (Initiative B) is late: planned to finish in 2027, still in progress in 2028."
        in json.loads(out)["alerts"]
    )


def test_track_prints_a_readable_report_in_french(book, progress, capsys):
    code, out, err = run(capsys, "track", book, "--progress", progress, "--lang", "fr")
    assert code == 0 and err == ""
    lines = out.splitlines()
    # spent 120 (A) + 70 (B) + 10 (D, outside the plan); planned 100 (A) + 100 (B) + 80 (C)
    assert lines[0] == (
        "Plan contre réalisé : 3 initiatives au plan, 200\u00a0€ dépensés contre 280\u00a0€ prévus ; "
        "période en cours 2027."
    )
    assert "  NPS 2026 : 14,0 → 13,0 (\u22121,0 pts, \u22123,8 points de valeur)" in lines
    assert "Alertes :" in lines
    assert "Calibrage des estimations (initiatives livrées dont un indicateur est mesuré) :" in lines


def test_track_json_written_to_a_file_says_so(book, progress, tmp_path, capsys):
    target = tmp_path / "track.json"
    code, out, _ = run(capsys, "track", book, "--progress", progress, "--json", target)
    assert code == 0
    assert out == f"JSON result written to {target}.\n"
    assert list(json.loads(target.read_text(encoding="utf-8"))) == ["kpis", "goals", "initiatives", "alerts"]


def test_track_with_a_wrong_follow_up_lists_its_problems_on_standard_error_and_exits_1(
    book, tmp_path, capsys
):
    wrong = _followup_file(
        tmp_path, FollowUp((Progress("A", Status.DELIVERED, {"2026": 1.0}),)), "wrong.xlsx"
    )
    # the status cell becomes a word the contract does not have
    workbook = load_workbook(wrong)
    workbook["Progress"]["B2"] = "done"
    workbook.save(wrong)
    code, out, err = run(capsys, "track", book, "--progress", wrong, "--json", "-")
    assert code == 1 and out == ""
    assert 'Progress, row 2, status: "done" is not a status' in err


def test_track_warns_on_standard_error_about_a_delivered_initiative_without_spend(book, tmp_path, capsys):
    unspent = _followup_file(tmp_path, FollowUp((Progress("A", Status.DELIVERED),)), "unspent.xlsx")
    code, out, err = run(capsys, "track", book, "--progress", unspent, "--json", "-")
    assert code == 0
    json.loads(out)
    assert "warning: Progress, row 2, status: Initiative A is delivered but no spend is recorded" in err


def test_track_refuses_a_current_period_outside_the_horizon(book, progress, capsys):
    code, out, err = run(capsys, "track", book, "--progress", progress, "--as-of", "2030")
    assert code == 1 and out == ""
    assert err.startswith(
        "error: --as-of 2030 is not one of the workspace's cost periods (2026, 2027, 2028)."
    )


def test_track_exits_1_when_the_scenario_has_no_plan(book, progress, capsys):
    # A, B and D forced in need 180 in 2026, against 150
    code, out, err = run(capsys, "track", book, "--progress", progress, "--force-in", "A,B,D")
    assert code == 1 and out == ""
    assert err.startswith("The plan cannot be tracked: this scenario has no feasible portfolio.")


def test_replan_json_adds_the_changes_against_the_plan(book, progress, capsys):
    # A delivered, B and D in progress: kept; C (2028 only) not started; no budget from 2027 on
    code, out, err = run(
        capsys, "optimize", book, "--progress", progress, "--replan-from", "2027", "--json", "-"
    )
    assert code == 0
    document = json.loads(out)
    assert document["selected"] == ["A", "B", "C", "D"]
    assert document["changes"] == {"added": ["D"], "removed": []}
    # B's 2027 cost (50) and C's 2028 cost (80); A delivered costs nothing more; D (in progress,
    # its profile ended in 2026) keeps what is left of its cost: 30 − 10 = 20, in 2027
    assert document["cost_by_period"] == {"2027": 70.0, "2028": 80.0}
    assert "Re-plan from 2027: €180 spent before 2027 is sunk" in err


def test_replan_prints_the_changes_explained(book, progress, capsys):
    code, out, _ = run(capsys, "optimize", book, "--progress", progress, "--replan-from", "2027")
    assert code == 0
    assert "Changes against the plan:" in out
    assert (
        "  + D (Initiative D) enters the plan: the follow-up says it is in progress, so it stays funded."
        in out
    )


def test_progress_without_a_re_plan_period_is_refused(book, progress, capsys):
    code, out, err = run(capsys, "optimize", book, "--progress", progress)
    assert code == 1 and out == ""
    assert err.startswith("error: --progress and --replan-from go together")


def test_template_followup_writes_the_follow_up_template(tmp_path, capsys):
    target = tmp_path / "suivi.xlsx"
    code, out, _ = run(capsys, "template", "--followup", target, "--lang", "fr")
    assert code == 0
    assert out == f"Modèle de suivi écrit dans {target}.\n"
    assert read_followup(target, case_workspace()).followup == FollowUp()


def test_template_without_a_file_to_write_is_refused(capsys):
    code, _, err = run(capsys, "template")
    assert code == 1
    assert "Give OUT.xlsx (the workspace template) or --followup OUT.xlsx" in err
