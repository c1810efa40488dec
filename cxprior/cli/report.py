"""`report` command: the COMEX pack (PDF, and the Excel workbook with `--xlsx`).

Reads the workbook, solves the scenario given by the same options as `optimize`, and
writes the documents from figures computed once. Exit codes: 0 written, 1 invalid input
(the reader's problems are listed one per line), 2 infeasible scenario (its explanation
is printed and nothing is written). Files are replaced only once complete.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cxprior.cli.files import check_output, write_atomically
from cxprior.cli.optimize import scenario_from_args
from cxprior.cli.workbook import print_workbook_error
from cxprior.domain import CxpriorError, WorkbookError, Workspace
from cxprior.i18n import format_money, format_number, tr
from cxprior.portfolio import optimize
from cxprior.report import build_comex_pack, solver_label
from cxprior.workbook import read_workbook

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INFEASIBLE = 2


def run_report(args: argparse.Namespace) -> int:
    lang = args.lang
    # a wrong output folder is found now, not after the solve
    check_output("--pdf", args.pdf, lang)
    check_output("--xlsx", args.xlsx, lang)
    try:
        ws = _workspace(args.book, lang)
    except WorkbookError as error:
        print_workbook_error(error, lang)
        return EXIT_INVALID
    scenario = scenario_from_args(args, ws)
    result = optimize(ws, scenario, lang=lang)
    if not result.is_solved:
        print(tr("report.cli.infeasible", lang), file=sys.stderr)
        for sentence in result.explanation:
            print(f"  - {sentence}", file=sys.stderr)
        return EXIT_INFEASIBLE
    company = args.company if args.company is not None else Path(args.book).stem
    pack = build_comex_pack(
        ws,
        result,
        formats=("pdf", "xlsx") if args.xlsx else ("pdf",),
        lang=lang,
        company=company,
        frontier_time_limit=args.time_limit,
    )
    write_atomically(args.pdf, pack.pdf, argument="--pdf", lang=lang)
    print(tr("report.cli.written", lang, path=args.pdf))
    if args.xlsx:
        write_atomically(args.xlsx, pack.xlsx, argument="--xlsx", lang=lang)
        print(tr("report.cli.written", lang, path=args.xlsx))
    data = pack.report
    head = data.headline
    print(
        tr(
            "report.cli.summary",
            lang,
            count=head.funded_count,
            cost=format_money(head.total_cost, lang),
            value=format_number(head.value, lang, 1),
            status=solver_label(head.solver_status, lang),
        )
    )
    return EXIT_OK


def _workspace(book: str, lang: str) -> Workspace:
    read = read_workbook(book, lang=lang)
    if read.workspace is None:
        raise CxpriorError(tr("report.cli.backlog", lang, path=book))
    return read.workspace
