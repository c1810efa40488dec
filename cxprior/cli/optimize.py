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
import os
import re
import sys
import tempfile
from pathlib import Path

from cxprior.cli.workbook import format_problem
from cxprior.domain import CxpriorError, Scenario, ScenarioError, WorkbookError, Workspace, default_scenario
from cxprior.i18n import format_money, format_number, format_percent, tr
from cxprior.portfolio import frontier, optimize
from cxprior.workbook import read_workbook

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INFEASIBLE = 2
# the text summary lists this many left-out initiatives; --out has them all
SHOWN_EXCLUSIONS = 25
_ID_SEPARATORS = re.compile(r"[,;]")


def _pairs(values: list[str], option: str, lang: str) -> dict[str, float]:
    pairs: dict[str, float] = {}
    for text in values:
        key, sep, number = text.partition("=")
        try:
            if not sep or not key.strip():
                raise ValueError
            pairs[key.strip()] = float(number.replace(",", ".").replace(" ", ""))
        except ValueError:
            raise ScenarioError(tr("opt.cli.bad_pair", lang, option=option, text=text)) from None
    return pairs


def _ids(text: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in _ID_SEPARATORS.split(text or "") if part.strip()))


def scenario_from_args(args: argparse.Namespace, workspace: Workspace) -> Scenario:
    """The scenario the options describe, starting from the workbook's Budget sheet."""
    lang = getattr(args, "lang", "en")
    base = default_scenario(workspace)
    budget_total = getattr(args, "budget", None)
    by_period = dict(base.budget_by_period)
    by_period.update(_pairs(getattr(args, "budget_period", []) or [], "--budget-period", lang))
    return Scenario(
        name=Path(getattr(args, "book", "Scenario")).stem or "Scenario",
        budget_total=base.budget_total if budget_total is None else float(budget_total),
        budget_by_period=by_period,
        max_initiatives=getattr(args, "max_initiatives", None),
        max_phases=getattr(args, "max_phases", None),
        min_goal_share=_pairs(getattr(args, "min_goal_share", []) or [], "--min-goal-share", lang),
        force_in=_ids(getattr(args, "force_in", "")),
        force_out=_ids(getattr(args, "force_out", "")),
        solver=getattr(args, "solver", "highs"),
        time_limit=getattr(args, "time_limit", None),
        mip_gap=getattr(args, "gap", None) or 1e-6,
    )


def read_workspace(book: str, lang: str) -> Workspace:
    """The workbook's workspace; WorkbookError or CxpriorError when it cannot be used."""
    read = read_workbook(book, lang=lang)
    if read.workspace is None:
        raise CxpriorError(tr("opt.cli.backlog", lang, path=book))
    return read.workspace


def _print_problems(error: WorkbookError, lang: str) -> None:
    print(f"error: {error.message}", file=sys.stderr)
    for problem in error.problems:
        print(format_problem(problem, lang), file=sys.stderr)


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file, so a crash never leaves half a file behind."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_json(target: str, document: dict[str, object]) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    if target == "-":
        sys.stdout.write(text + "\n")
    else:
        write_atomically(Path(target), (text + "\n").encode("utf-8"))


def run_optimize(args: argparse.Namespace) -> int:
    lang = args.lang
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
        _write_json(args.json, result.to_json())
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
        write_atomically(Path(args.out), pack.xlsx)
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
    return "\n".join(lines)


def run_frontier(args: argparse.Namespace) -> int:
    lang = args.lang
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
        _write_json(args.json, curve.to_json())
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
