"""`template` and `validate` commands (DESIGN.md, "Command line contract").

`validate` prints every problem as `sheet, row, column: message` and exits 1, or a
summary of what the workbook holds (plus the value-scoring warnings, such as KPIs linked
to no goal) and exits 0. `--json` prints the same as one JSON object on standard output.
"""

from __future__ import annotations

import argparse
import json
import sys

from cxprior.cli.files import check_output, write_atomically
from cxprior.domain import CxpriorError, Problem, WorkbookError, score
from cxprior.i18n import tr
from cxprior.workbook import ReadResult, one_line, read_workbook

EXIT_OK = 0
EXIT_INVALID = 1


def run_template(args: argparse.Namespace) -> int:
    # the writers bring openpyxl, which `validate` (read by the standard library) never needs
    from cxprior.workbook import write_followup, write_template

    followup = getattr(args, "followup", None)
    if not args.out and not followup:
        raise CxpriorError(tr("fu.cli.template_nothing", args.lang))
    check_output("OUT.xlsx", args.out, args.lang)
    check_output("--followup", followup, args.lang)
    if args.out:
        write_atomically(args.out, write_template(lang=args.lang), argument="OUT.xlsx", lang=args.lang)
        print(tr("wb.cli.template_written", args.lang, path=args.out))
    if followup:
        write_atomically(followup, write_followup(lang=args.lang), argument="--followup", lang=args.lang)
        print(tr("fu.cli.template_written", args.lang, path=followup))
    return EXIT_OK


def format_problem(problem: Problem, lang: str = "en") -> str:
    """`sheet, row, column: message`, with the words in the user's language, on one line: a
    line break or a right-to-left override in a sheet name or a cell cannot forge output."""
    where = [problem.sheet or tr("wb.cli.workbook", lang)]
    if problem.row is not None:
        where.append(tr("wb.cli.row", lang, row=problem.row))
    if problem.column:
        where.append(problem.column)
    return one_line(f"{', '.join(where)}: {problem.message}")


def print_workbook_error(error: WorkbookError, lang: str) -> None:
    """`error: …` on standard error, then each located problem on a line of its own. A file
    that cannot be read at all (missing, a folder, not an .xlsx) is one problem whose message
    is the error's: said once."""
    print(f"error: {one_line(error.message)}", file=sys.stderr)
    for problem in error.problems:
        if problem.message != error.message:
            print(f"  {format_problem(problem, lang)}", file=sys.stderr)


def summary_of(result: ReadResult) -> dict[str, object]:
    """What a valid workbook holds, counted."""
    if result.workspace is not None:
        ws = result.workspace
        return {
            "goals": len(ws.goals),
            "kpis": len(ws.kpis),
            "links": len(ws.links),
            "initiatives": len(ws.initiatives),
            "impacts": len(ws.impacts),
            "periods": len(ws.periods),
            "budgets": len(ws.budgets),
            "period_names": list(ws.periods),
        }
    backlog = result.backlog
    return {
        "initiatives": len(backlog.initiatives),
        "impacts": len(backlog.impacts),
        "periods": len(backlog.periods),
        "period_names": list(backlog.periods),
    }


def _warnings(result: ReadResult, lang: str) -> list[dict[str, str]]:
    if result.workspace is None:
        return []
    return [
        {"code": w.code, "subject_id": w.subject_id, "message": w.message}
        for w in score(result.workspace, lang).warnings
    ]


def _print_text(path: str, result: ReadResult, warnings: list[dict[str, str]], lang: str) -> None:
    summary = summary_of(result)
    print(tr(f"wb.cli.valid_{result.kind}", lang, path=path))
    counts = []
    for key in ("goals", "kpis", "links", "initiatives", "impacts", "periods", "budgets"):
        if key in summary:
            text = f"{tr(f'wb.cli.count.{key}', lang)}: {summary[key]}"
            if key == "periods" and summary["period_names"]:
                text += f" ({', '.join(summary['period_names'])})"
            counts.append(text)
    print("  " + ", ".join(counts))
    if warnings:
        print(tr("wb.cli.warnings", lang))
        for warning in warnings:
            print(f"  - {one_line(warning['message'])}")
    if result.notes:
        print(tr("wb.cli.notes", lang))
        for note in result.notes:
            print(f"  - {format_problem(note, lang)}")


def run_validate(args: argparse.Namespace) -> int:
    lang = args.lang
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")  # a console that cannot show "→" still gets the message
    try:
        result = read_workbook(args.book, lang=lang)
    except WorkbookError as error:
        if args.json:
            _print_json(False, None, {}, error.problems, [], ())
        else:
            print(tr("wb.cli.invalid", lang, path=args.book, count=len(error.problems)))
            for problem in error.problems:
                print(f"  {format_problem(problem, lang)}")
        return EXIT_INVALID
    warnings = _warnings(result, lang)
    if args.json:
        _print_json(True, result.kind, summary_of(result), (), warnings, result.notes)
    else:
        _print_text(args.book, result, warnings, lang)
    return EXIT_OK


def _print_json(
    valid: bool,
    kind: str | None,
    summary: dict[str, object],
    problems: tuple[Problem, ...],
    warnings: list[dict[str, str]],
    notes: tuple[Problem, ...],
) -> None:
    document = {
        "valid": valid,
        "kind": kind,
        "summary": summary,
        "problems": [p.to_dict() for p in problems],
        "warnings": warnings,
        "notes": [n.to_dict() for n in notes],
    }
    print(json.dumps(document, ensure_ascii=False, indent=2))
