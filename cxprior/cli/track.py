"""`track` and the re-plan of `optimize` (DESIGN.md, "Contract v2 › Follow-up of the approved plan").

`track BOOK.xlsx --progress FOLLOWUP.xlsx [scenario options] [--as-of PERIOD] [--json OUT|-]`
optimizes the scenario (the plan), reads the follow-up against the workspace and reports the
plan against what happened; exit 0, or 1 for invalid input (workbook problems printed as
`sheet, row, column: message`) and for a scenario without a feasible plan.

`optimize BOOK.xlsx … --progress FOLLOWUP.xlsx --replan-from P` re-optimises from period P
(exit codes as `optimize`: 0, 1, 2 infeasible); its JSON is the `optimize` JSON plus
"changes": {"added": […], "removed": […]} against the plan.

Warnings and notes about the follow-up workbook go to standard error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cxprior.analysis import calibrate, check_as_of, kpi_decimals, signed_number, status_label, track
from cxprior.cli.files import check_output, write_atomically
from cxprior.cli.optimize import (
    EXIT_INFEASIBLE,
    EXIT_INVALID,
    EXIT_OK,
    _print_problems,
    _write_json,
    read_workspace,
    scenario_from_args,
    summary,
)
from cxprior.cli.workbook import format_problem
from cxprior.domain import FollowUp, ScenarioError, WorkbookError, Workspace
from cxprior.i18n import format_money, format_number, tr
from cxprior.portfolio import optimize, replan
from cxprior.workbook import one_line, read_followup


def _read(args: argparse.Namespace) -> tuple[Workspace, FollowUp] | None:
    """The workspace and the follow-up, or None once their problems are printed."""
    lang = args.lang
    try:
        workspace = read_workspace(args.book, lang)
        read = read_followup(args.progress, workspace, lang=lang)
    except WorkbookError as error:
        _print_problems(error, lang)
        return None
    for warning in read.warnings:
        print(tr("fu.cli.warning", lang, message=format_problem(warning, lang)), file=sys.stderr)
    for note in read.notes:
        print(tr("fu.cli.note", lang, message=format_problem(note, lang)), file=sys.stderr)
    return workspace, read.followup


def run_track(args: argparse.Namespace) -> int:
    lang = args.lang
    check_output("--json", args.json, lang)  # a file that cannot be written is found now
    read = _read(args)
    if read is None:
        return EXIT_INVALID
    workspace, followup = read
    check_as_of(workspace, args.as_of, lang)
    scenario = scenario_from_args(args, workspace)
    plan = optimize(workspace, scenario, lang=lang, explain=False)
    if not plan.is_solved:
        print(tr("fu.cli.plan_infeasible", lang), file=sys.stderr)
        for sentence in plan.explanation:
            print(f"  - {one_line(sentence)}", file=sys.stderr)
        return EXIT_INVALID
    tracking = track(workspace, plan, followup, as_of=args.as_of, lang=lang)
    if args.json:
        _write_json(args.json, tracking.to_json(), lang)
        if args.json != "-":
            print(tr("opt.cli.json_written", lang, path=args.json))
        return EXIT_OK
    calibration = calibrate(workspace, plan, followup, lang=lang)
    print(track_summary(workspace, tracking, calibration, lang))
    return EXIT_OK


def track_summary(workspace: Workspace, tracking, calibration, lang: str) -> str:
    """The readable report: headline, KPIs, goals, initiatives, alerts, calibration."""
    kpis = workspace.kpi_by_id
    planned = sum(i.planned_cost for i in tracking.initiatives)
    spent = sum(i.spent for i in tracking.initiatives)
    lines = [
        tr(
            "fu.cli.headline",
            lang,
            count=sum(1 for i in tracking.initiatives if i.in_plan),
            spent=format_money(spent, lang),
            planned=format_money(planned, lang),
            as_of=tracking.as_of or "–",
        ),
        "",
        tr("fu.cli.kpis", lang),
    ]
    for point in tracking.kpis:
        kpi = kpis[point.kpi_id]
        decimals = kpi_decimals(kpi)
        lines.append(
            tr(
                "fu.cli.kpi_line",
                lang,
                kpi=point.kpi_id,
                period=point.period,
                planned=format_number(point.planned, lang, decimals),
                actual=format_number(point.actual, lang, decimals),
                variance=signed_number(point.variance, lang, decimals),
                unit=kpi.unit,
                points=signed_number(point.variance_points, lang, 1),
            ).replace(" ,", ",")
        )
    lines += ["", tr("fu.cli.goals", lang)]
    for point in tracking.goals:
        lines.append(
            tr(
                "fu.cli.goal_line",
                lang,
                goal=point.goal_id,
                period=point.period,
                planned=format_number(point.planned_points, lang, 1),
                actual=format_number(point.actual_points, lang, 1),
            )
        )
    lines += ["", tr("fu.cli.initiatives", lang)]
    for item in tracking.initiatives:
        lines.append(
            tr(
                "fu.cli.initiative_line",
                lang,
                initiative=item.initiative_id,
                status=status_label(item.status, lang),
                spent=format_money(item.spent, lang),
                planned=format_money(item.planned_cost, lang),
            )
        )
    lines += ["", tr("fu.cli.alerts", lang) if tracking.alerts else tr("fu.cli.no_alert", lang)]
    lines += [f"  - {one_line(sentence)}" for sentence in tracking.alerts]
    if tracking.highlights:
        lines += ["", tr("fu.cli.highlights", lang)]
        lines += [f"  - {one_line(sentence)}" for sentence in tracking.highlights]
    lines += ["", tr("fu.cli.calibration", lang)]
    if calibration.rows:
        lines.append(tr("fu.cli.by_team", lang))
        lines += [f"  - {s}" for s in calibration.sentences(lang)[: len(calibration.by_team)]]
        lines.append(tr("fu.cli.by_phase", lang))
        lines += [f"  - {s}" for s in calibration.sentences(lang)[len(calibration.by_team) :]]
    lines += [f"  {one_line(sentence)}" for sentence in calibration.caveats]
    return "\n".join(lines)


def run_replan(args: argparse.Namespace) -> int:
    """`optimize … --progress F --replan-from P`."""
    lang = args.lang
    if not args.progress or not args.replan_from:
        raise ScenarioError(tr("fu.replan.needs_both", lang))
    check_output("--json", args.json, lang)
    check_output("--out", args.out, lang)
    read = _read(args)
    if read is None:
        return EXIT_INVALID
    workspace, followup = read
    scenario = scenario_from_args(args, workspace)
    to_stdout = args.json == "-"
    outcome = replan(workspace, scenario, followup, args.replan_from, lang=lang, explain=True)
    result = outcome.result
    if args.json:
        _write_json(args.json, outcome.to_json(), lang)
    out = sys.stderr if to_stdout else sys.stdout
    for sentence in (*outcome.inputs.sentences, *outcome.notes):
        print(one_line(sentence), file=sys.stderr if args.json else out)
    if not result.is_solved:
        print(tr("opt.cli.infeasible", lang), file=out)
        for sentence in result.explanation:
            print(f"  - {one_line(sentence)}", file=out)
        return EXIT_INFEASIBLE if result.status == "infeasible" else EXIT_OK
    if args.out:
        # the same COMEX pack as `optimize --out`, on the re-plan's horizon and costs
        from cxprior.report import build_comex_pack

        pack = build_comex_pack(
            outcome.inputs.workspace,
            result,
            formats=("xlsx",),
            lang=lang,
            company=Path(args.book).stem,
            frontier_time_limit=getattr(args, "time_limit", None),
        )
        write_atomically(args.out, pack.xlsx, argument="--out", lang=lang)
    if not args.json:
        print(summary(outcome.inputs.workspace, result, lang))
        print("")
        print(tr("fu.cli.changes", lang) if outcome.changes else tr("fu.change.none", lang))
        for change in outcome.changes:
            print(f"  {'+' if change.kind == 'added' else '-'} {one_line(change.message)}")
    elif not to_stdout:
        print(tr("opt.cli.json_written", lang, path=args.json))
    if args.out:
        print(tr("opt.cli.out_written", lang, path=args.out), file=out)
    return EXIT_OK
