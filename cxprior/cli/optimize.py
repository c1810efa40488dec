"""`optimize` and `frontier` commands (DESIGN.md, "Command line contract").

Exit codes: 0 solved (optimal, feasible or time_limit), 1 invalid input (workbook problems
printed as `sheet, row, column: message`, or a scenario option that cannot be used),
2 infeasible (the explanation is printed). `--json OUT.json` writes the JSON result
contract exactly (`-` = standard output, which then holds nothing else); without it a
readable summary is printed. Budgets default to the workbook's Budget sheet; `--budget`
replaces the total budget and each `--budget-period P=X` the budget of period P, the others
staying as the sheet says.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from cxprior.cli.arguments import got, pair, usage_error
from cxprior.cli.files import check_output, write_atomically
from cxprior.cli.workbook import print_workbook_error
from cxprior.domain import (
    CxpriorError,
    Scenario,
    ScenarioError,
    WorkbookError,
    Workspace,
    default_scenario,
    fold,
    phases_of,
    starts_in,
)
from cxprior.i18n import format_money, format_number, format_percent, tr
from cxprior.portfolio import frontier, optimize
from cxprior.workbook import one_line, read_workbook

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INFEASIBLE = 2
# the text summary lists this many left-out initiatives; --out has them all
SHOWN_EXCLUSIONS = 25
_ID_SEPARATORS = re.compile(r"[,;]")


def _pairs(values: list[tuple[str, float] | str], option: str, lang: str) -> dict[str, float]:
    """The parser gives (key, number) pairs; a namespace built by hand may hold KEY=NUMBER text."""
    pairs: dict[str, float] = {}
    for value in values:
        if isinstance(value, str):
            try:
                value = pair(float)(value)
            except ValueError:
                raise usage_error(option, got("KEY=NUMBER", value, lang), lang) from None
        key, number = value
        pairs[key] = number
    return pairs


def _ids(value: tuple[str, ...] | str | None) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return value
    return tuple(dict.fromkeys(part.strip() for part in _ID_SEPARATORS.split(value or "") if part.strip()))


def _check_against(workspace: Workspace, args: argparse.Namespace, scenario: Scenario, lang: str) -> None:
    """Refuse, naming the option, ids and periods the workbook does not have."""
    known = workspace.initiative_by_id
    for option, chosen in (("--force-in", scenario.force_in), ("--force-out", scenario.force_out)):
        unknown = [i for i in chosen if i not in known]
        if unknown:
            raise usage_error(option, tr("cli.unknown_initiatives", lang, ids=", ".join(unknown)), lang)
    goals = [g for g in scenario.min_goal_share if g not in workspace.goal_by_id]
    if goals:
        message = tr("cli.unknown_goals", lang, ids=", ".join(goals), known=", ".join(workspace.goal_by_id))
        raise usage_error("--min-goal-share", message, lang)
    phases = {fold(p): p for i in workspace.initiatives for p in phases_of(i.journey_phase)}
    unknown_phases = [p for p in scenario.min_phase_share if fold(p) not in phases]
    if unknown_phases:
        message = tr(
            "listen.scenario.unknown_phases",
            lang,
            phases=", ".join(unknown_phases),
            known=", ".join(phases.values()) or "–",
        )
        raise usage_error("--min-phase-share", message, lang)
    given = _pairs(getattr(args, "budget_period", []) or [], "--budget-period", lang)
    periods = [p for p in given if p not in workspace.periods]
    if periods:
        message = tr(
            "cli.unknown_periods", lang, ids=", ".join(periods), known=", ".join(workspace.periods) or "–"
        )
        raise usage_error("--budget-period", message, lang)


def scenario_from_args(args: argparse.Namespace, workspace: Workspace) -> Scenario:
    """The scenario the options describe, starting from the workbook's Budget sheet.

    An id, goal or period the workbook does not have raises UsageError naming the option."""
    lang = getattr(args, "lang", "en")
    base = default_scenario(workspace)
    budget_total = getattr(args, "budget", None)
    by_period = dict(base.budget_by_period)
    by_period.update(_pairs(getattr(args, "budget_period", []) or [], "--budget-period", lang))
    scenario = Scenario(
        name=Path(getattr(args, "book", "Scenario")).stem or "Scenario",
        budget_total=base.budget_total if budget_total is None else float(budget_total),
        budget_by_period=by_period,
        max_initiatives=getattr(args, "max_initiatives", None),
        max_phases=getattr(args, "max_phases", None),
        min_goal_share=_pairs(getattr(args, "min_goal_share", []) or [], "--min-goal-share", lang),
        min_phase_share=_pairs(getattr(args, "min_phase_share", []) or [], "--min-phase-share", lang),
        force_in=_ids(getattr(args, "force_in", "")),
        force_out=_ids(getattr(args, "force_out", "")),
        solver=getattr(args, "solver", "highs"),
        time_limit=getattr(args, "time_limit", None),
        mip_gap=getattr(args, "gap", None) or 1e-6,
        allow_shift=not getattr(args, "no_shift", False),
    )
    _check_against(workspace, args, scenario, lang)
    return scenario


def read_workspace(book: str, lang: str) -> Workspace:
    """The workbook's workspace; WorkbookError or CxpriorError when it cannot be used."""
    read = read_workbook(book, lang=lang)
    if read.workspace is None:
        raise CxpriorError(tr("opt.cli.backlog", lang, path=book))
    return read.workspace


def _print_problems(error: WorkbookError, lang: str) -> None:
    print_workbook_error(error, lang)


def _write_json(target: str, document: dict[str, object], lang: str = "en") -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    if target == "-":
        sys.stdout.write(text + "\n")
    else:
        write_atomically(target, (text + "\n").encode("utf-8"), argument="--json", lang=lang)


def run_optimize(args: argparse.Namespace) -> int:
    lang = args.lang
    # a file that cannot be written is found now, not after the solve
    check_output("--json", args.json, lang)
    check_output("--out", args.out, lang)
    try:
        workspace = read_workspace(args.book, lang)
    except WorkbookError as error:
        _print_problems(error, lang)
        return EXIT_INVALID
    scenario = scenario_from_args(args, workspace)
    to_stdout = args.json == "-"
    # explanations cost re-solves: made when someone will read them
    explain = bool(args.out) or not args.json
    result = optimize(workspace, scenario, lang=lang, explain=explain)
    if args.json:
        _write_json(args.json, result.to_json(), lang)
    if args.out and result.is_solved:
        # the same COMEX pack workbook as `report --xlsx` and the app's download; the report
        # stack (fpdf2, vl-convert) is loaded only here, so a plain optimize starts faster
        from cxprior.report import build_comex_pack

        pack = build_comex_pack(
            workspace,
            result,
            formats=("xlsx",),
            lang=lang,
            company=Path(args.book).stem,
            frontier_time_limit=getattr(args, "time_limit", None),
        )
        write_atomically(args.out, pack.xlsx, argument="--out", lang=lang)
    out = sys.stderr if to_stdout else sys.stdout
    if not result.is_solved:
        print(tr("opt.cli.infeasible", lang), file=out)
        for sentence in result.explanation:
            print(f"  - {sentence}", file=out)
        return EXIT_INFEASIBLE if result.status == "infeasible" else EXIT_OK
    if not args.json:
        print(summary(workspace, result, lang))
    elif not to_stdout:
        print(tr("opt.cli.json_written", lang, path=args.json))
    if args.out:
        print(tr("opt.cli.out_written", lang, path=args.out), file=out)
    return EXIT_OK


def summary(workspace: Workspace, result, lang: str) -> str:
    """The readable result: headline, funded list, left-out list with reasons, focus."""
    by_id = workspace.initiative_by_id
    scenario = result.scenario
    lines = [
        tr(
            "opt.cli.headline",
            lang,
            status=tr(f"opt.status.{result.status}", lang),
            value=format_number(result.objective, lang, 1),
            gap=format_percent(result.gap or 0.0, lang, 4),
            seconds=format_number(result.solve_seconds, lang, 2),
            solver=result.solver,
        ),
        tr(
            "opt.cli.spend",
            lang,
            count=len(result.selected),
            cost=format_money(result.total_cost, lang),
        ),
    ]
    for period, cost in result.cost_by_period.items():
        budget = scenario.budget_by_period.get(period) if scenario else None
        limit = format_money(budget, lang) if budget is not None else "–"
        lines.append(tr("opt.cli.period", lang, period=period, cost=format_money(cost, lang), budget=limit))
    lines += list(result.explanation)
    for goal_id, value in result.value_by_goal.items():
        lines.append(tr("opt.cli.goal", lang, goal=goal_id, value=format_number(value, lang, 1)))
    lines.append("")
    lines.append(tr("opt.cli.selected", lang))
    for iid in result.selected:
        initiative = by_id[iid]
        lines.append(f"  {iid}  {initiative.name}  {format_money(initiative.cost, lang)}")
    if result.exclusions:
        lines.append("")
        lines.append(tr("opt.cli.excluded", lang, count=len(result.exclusions)))
        for reason in result.exclusions[:SHOWN_EXCLUSIONS]:
            lines.append(f"  {reason.initiative_id}  {by_id[reason.initiative_id].name}: {reason.message}")
        if len(result.exclusions) > SHOWN_EXCLUSIONS:
            lines.append("  " + tr("opt.cli.more", lang, count=len(result.exclusions) - SHOWN_EXCLUSIONS))
    if result.focus is not None:
        f = result.focus
        lines.append("")
        lines.append(
            tr(
                "opt.cli.focus",
                lang,
                count=f.count,
                phases=f.phases_touched,
                top=f.top_phase or "–",
                share=format_percent(f.top_phase_spend_share, lang, 0),
                hhi=format_number(f.concentration_index, lang, 2),
            )
        )
    for period, per_euro in result.marginal_value_per_euro.items():
        lines.append(
            tr("opt.cli.marginal", lang, budget=period, value=format_number(per_euro * 100_000, lang, 2))
        )
    for iid, lost in result.forced_in_cost.items():
        lines.append(tr("opt.cli.forced_cost", lang, item=iid, value=format_number(lost, lang, 2)))
    lines += _roadmap_lines(workspace, result, lang)
    # names and reasons come from the workbook: one line each, whatever a cell holds
    return "\n".join(one_line(line) for line in lines)


def _roadmap_lines(workspace: Workspace, result, lang: str) -> list[str]:
    """Starts and finishes, and each team's capacity used: only for a workspace with a roadmap
    (latest starts, start-after links or capacities), so a v1 summary reads as before."""
    roadmap = workspace.capacities or any(i.latest_start or i.starts_after for i in workspace.initiatives)
    if not roadmap or not result.start:
        return []
    lines = ["", tr("opt.road.cli.roadmap", lang)]
    earliest = {i.initiative_id: starts_in(i, workspace.periods) for i in workspace.initiatives}
    for iid in result.selected:
        moved = " *" if result.start[iid] != earliest[iid] else ""
        lines.append(f"  {iid}  {result.start[iid]} → {result.finish[iid]}{moved}")
    capacity = {(c.team, c.period): c.capacity for c in workspace.capacities}
    if result.scenario is not None:
        for team, by_period in result.scenario.capacity_overrides.items():
            capacity.update({(team, period): amount for period, amount in by_period.items()})
    if capacity:
        lines.append(tr("opt.road.cli.capacity", lang))
    unit = tr("opt.road.unit", lang)
    for (team, period), amount in capacity.items():
        used = result.effort_by_team.get(team, {}).get(period, 0.0)
        lines.append(
            tr(
                "opt.road.cli.team",
                lang,
                team=team,
                period=period,
                used=format_number(used, lang),
                capacity=format_number(amount, lang),
                unit=unit,
            )
        )
    return lines


def run_frontier(args: argparse.Namespace) -> int:
    lang = args.lang
    check_output("--json", args.json, lang)
    try:
        workspace = read_workspace(args.book, lang)
    except WorkbookError as error:
        _print_problems(error, lang)
        return EXIT_INVALID
    if args.points < 2:
        raise ScenarioError(tr("opt.cli.bad_points", lang))
    scenario = scenario_from_args(args, workspace)
    curve = frontier(
        workspace,
        scenario,
        points=args.points,
        lang=lang,
        gap=getattr(args, "gap", None),
        time_limit_per_point=getattr(args, "time_limit", None),
    )
    if args.json:
        _write_json(args.json, curve.to_json(), lang)
    out = sys.stderr if args.json == "-" else sys.stdout
    if curve.explanation:
        print(tr("opt.cli.infeasible", lang), file=out)
        for sentence in curve.explanation:
            print(f"  - {sentence}", file=out)
        return EXIT_INVALID
    if args.json:
        if args.json != "-":
            print(tr("opt.cli.json_written", lang, path=args.json))
        return EXIT_OK
    print(
        tr(
            "opt.cli.frontier_head",
            lang,
            points=len(curve.points),
            seconds=format_number(curve.solve_seconds, lang, 1),
        )
    )
    for point in curve.points:
        value = format_number(point.value, lang, 1) if point.value is not None else "–"
        print(
            tr(
                "opt.cli.frontier_point",
                lang,
                budget=format_money(point.budget, lang),
                value=value,
                cost=format_money(point.cost, lang),
                count=len(point.selected),
                status=tr(f"opt.status.{point.status}", lang),
            )
        )
    return EXIT_OK
