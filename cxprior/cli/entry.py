"""Command line (DESIGN.md, "Command line contract").

This module only parses arguments and turns named errors into messages and exit codes;
each command's work lives beside the code it drives (`cli_workbook`, `cli_optimize`,
`cli_report`). A user error never prints a traceback.
"""

from __future__ import annotations

import argparse
import sys

from cxprior.domain import CxpriorError
from cxprior.workbook import one_line

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INFEASIBLE = 2


def add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `optimize` and `report`: one scenario."""
    parser.add_argument("--budget", type=float, help="total budget in euros (overrides the Budget sheet)")
    parser.add_argument(
        "--budget-period",
        action="append",
        default=[],
        metavar="P=X",
        help="budget of one period, e.g. 2026=500000 (repeatable)",
    )
    parser.add_argument("--max-initiatives", type=int, help="fund at most N initiatives")
    parser.add_argument("--max-phases", type=int, help="touch at most K journey phases")
    parser.add_argument(
        "--min-goal-share",
        action="append",
        default=[],
        metavar="G=S",
        help="minimum share of value for goal G, e.g. G1=0.2 (repeatable)",
    )
    parser.add_argument(
        "--force-in", default="", metavar="IDS", help="initiative ids to fund, comma-separated"
    )
    parser.add_argument(
        "--force-out", default="", metavar="IDS", help="initiative ids to leave out, comma-separated"
    )
    parser.add_argument("--solver", choices=("highs", "cbc"), default="highs")
    parser.add_argument(
        "--time-limit", type=float, metavar="S", help="stop after S seconds with the best portfolio found"
    )
    parser.add_argument(
        "--gap", type=float, default=1e-6, help="relative gap proven before 'optimal' (default 1e-6)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cxprior",
        description="Turn a CX backlog workbook into a focused, costed portfolio.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("template", help="write the empty workbook template")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--lang", choices=("en", "fr"), default="en")

    p = sub.add_parser("validate", help="check a workbook and list every problem")
    p.add_argument("book", metavar="BOOK.xlsx")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--lang", choices=("en", "fr"), default="en")

    p = sub.add_parser("optimize", help="choose the best portfolio for one scenario")
    p.add_argument("book", metavar="BOOK.xlsx")
    add_scenario_options(p)
    p.add_argument("--json", metavar="OUT.json", help="write the JSON result ('-' = standard output)")
    p.add_argument("--out", metavar="PORTFOLIO.xlsx", help="write the portfolio workbook")
    p.add_argument("--lang", choices=("en", "fr"), default="en")

    p = sub.add_parser("frontier", help="best value at N budget levels")
    p.add_argument("book", metavar="BOOK.xlsx")
    p.add_argument("--points", type=int, default=20)
    p.add_argument("--json", metavar="OUT.json", help="write the JSON result ('-' = standard output)")
    p.add_argument("--solver", choices=("highs", "cbc"), default="highs")
    p.add_argument("--time-limit", type=float, metavar="S", help="stop each budget level after S seconds")
    p.add_argument("--gap", type=float, help="relative gap proven at each budget level (default 0.001)")
    p.add_argument("--lang", choices=("en", "fr"), default="en")

    p = sub.add_parser("report", help="write the COMEX pack (PDF and Excel)")
    p.add_argument("book", metavar="BOOK.xlsx")
    add_scenario_options(p)
    p.add_argument("--pdf", required=True, metavar="OUT.pdf")
    p.add_argument("--xlsx", metavar="OUT.xlsx")
    p.add_argument("--company", help="company named on the title page (default: the workbook's file name)")
    p.add_argument("--lang", choices=("en", "fr"), default="en")
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    # imported lazily so `template` and `validate` start without loading the solver stack
    if args.command in ("template", "validate"):
        from cxprior.cli import workbook as commands
    elif args.command in ("optimize", "frontier"):
        from cxprior.cli import optimize as commands
    else:
        from cxprior.cli import report as commands
    return getattr(commands, f"run_{args.command}")(args)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except CxpriorError as error:
        # one line, control characters shown: a file's text cannot forge output or escapes
        print(f"error: {one_line(error.message)}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
