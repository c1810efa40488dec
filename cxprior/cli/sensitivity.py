"""`sensitivity` command (DESIGN.md, "Contract v2 › COMEX members' weights and weight sensitivity").

`sensitivity BOOK.xlsx [scenario options as optimize] [--weights MEMBERS.xlsx] [--samples N]
[--seed S] [--json OUT.json|-] [--lang fr|en]`: for the scenario's portfolio, how far each
goal's weight can move before it changes; with the members' weights (the Weights sheet of
`--weights`, or of BOOK.xlsx itself when it has one), each member's portfolio, the core index
over the members and over N weightings drawn within their ranges, and the consensus weights.

Exit codes: 0 done, 1 invalid input (workbook or Weights sheet problems printed as
`sheet, row, column: message`, or a scenario option that cannot be used), 2 infeasible
scenario (its explanation on standard error). With `--json -` standard output holds only
the JSON document.
"""

from __future__ import annotations

import argparse
import sys

from cxprior.cli.files import check_output
from cxprior.cli.optimize import (
    EXIT_INFEASIBLE,
    EXIT_INVALID,
    EXIT_OK,
    _print_problems,
    _write_json,
    read_workspace,
    scenario_from_args,
)
from cxprior.domain import MemberWeights, WorkbookError, Workspace
from cxprior.i18n import format_number, tr
from cxprior.portfolio import (
    SensitivityResult,
    core_sentences,
    member_sentences,
    range_sentences,
    weight_sensitivity,
)
from cxprior.workbook import read_member_weights


def _read(args: argparse.Namespace) -> tuple[Workspace, MemberWeights | None] | None:
    """The workspace and the members' weights (None without any), or None once the
    problems are printed."""
    lang = args.lang
    try:
        workspace = read_workspace(args.book, lang)
        if args.weights:
            members = read_member_weights(args.weights, workspace, lang=lang)
        else:
            members = read_member_weights(args.book, workspace, lang=lang, required=False)
            if members is not None:
                print(tr("weights.cli.from_book", lang, path=args.book), file=sys.stderr)
    except WorkbookError as error:
        _print_problems(error, lang)
        return None
    return workspace, members


def run_sensitivity(args: argparse.Namespace) -> int:
    lang = args.lang
    check_output("--json", args.json, lang)
    read = _read(args)
    if read is None:
        return EXIT_INVALID
    workspace, members = read
    scenario = scenario_from_args(args, workspace)
    result = weight_sensitivity(
        workspace, scenario, members=members, samples=args.samples, seed=args.seed, lang=lang
    )
    if args.json:
        _write_json(args.json, result.to_json(), lang)
    if not result.is_solved:
        print(tr("opt.cli.infeasible", lang), file=sys.stderr)
        for sentence in result.explanation:
            print(f"  - {sentence}", file=sys.stderr)
        return EXIT_INFEASIBLE if result.status == "infeasible" else EXIT_OK
    if not args.json:
        print(summary(result, lang))
    elif args.json != "-":
        print(tr("opt.cli.json_written", lang, path=args.json))
    return EXIT_OK


def summary(result: SensitivityResult, lang: str) -> str:
    """The readable result: the portfolio, each goal's interval in words, the members."""
    lines = [
        tr(
            "weights.cli.head",
            lang,
            count=len(result.selected),
            value=format_number(result.objective, lang, 1),
            status=tr(f"opt.status.{result.status}", lang),
            solves=result.solves,
            seconds=format_number(result.seconds, lang, 1),
        ),
        "",
    ]
    for goal_range in result.ranges.values():
        sentences = range_sentences(goal_range, lang)
        lines.append(f"{goal_range.goal_id}: {sentences[0]}")
        lines += [f"  {sentence}" for sentence in sentences[1:]]
    if result.members:
        lines += ["", tr("weights.cli.members", lang)]
        lines += [f"  {sentence}" for sentence in member_sentences(result, lang)]
        lines += ["", *core_sentences(result, lang)]
    return "\n".join(lines)
