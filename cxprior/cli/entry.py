"""Command line (DESIGN.md, "Command line contract").

This module only parses arguments and turns named errors into messages and exit codes;
each command's work lives beside the code it drives (`cli_workbook`, `cli_optimize`,
`cli_report`). A user error never prints a traceback.
"""

from __future__ import annotations

import argparse
import functools
import sys

from cxprior.cli.arguments import CliParser, Values, language_of
from cxprior.domain import CxpriorError
from cxprior.workbook import one_line

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INFEASIBLE = 2


def add_scenario_options(parser: argparse.ArgumentParser, values: Values | None = None) -> None:
    """Options shared by `optimize` and `report`: one scenario."""
    v = values or Values(getattr(parser, "lang", "en"))
    parser.add_argument("--budget", type=v.euros, help="total budget in euros (overrides the Budget sheet)")
    parser.add_argument(
        "--budget-period",
        action="append",
        default=[],
        type=v.period_budget,
        metavar="P=X",
        help="budget of one period, e.g. 2026=500000 (repeatable)",
    )
    parser.add_argument("--max-initiatives", type=v.count, metavar="N", help="fund at most N initiatives")
    parser.add_argument("--max-phases", type=v.count, metavar="K", help="touch at most K journey phases")
    parser.add_argument(
        "--min-goal-share",
        action="append",
        default=[],
        type=v.goal_share,
        metavar="G=S",
        help="minimum share of value for goal G, e.g. G1=0.2 (repeatable)",
    )
    parser.add_argument(
        "--min-phase-share",
        action="append",
        default=[],
        type=v.phase_share,
        metavar="PHASE=S",
        help='minimum share of spend in a journey phase, e.g. "Obtenir de l\'aide=0.4" (repeatable)',
    )
    parser.add_argument(
        "--force-in", default=(), type=v.ids, metavar="IDS", help="initiative ids to fund, comma-separated"
    )
    parser.add_argument(
        "--force-out",
        default=(),
        type=v.ids,
        metavar="IDS",
        help="initiative ids to leave out, comma-separated",
    )
    parser.add_argument("--solver", type=v.solver, default="highs", metavar="highs|cbc")
    parser.add_argument(
        "--time-limit", type=v.seconds, metavar="S", help="stop after S seconds with the best portfolio found"
    )
    parser.add_argument(
        "--gap",
        type=v.gap,
        default=1e-6,
        metavar="G",
        help="relative gap proven before 'optimal' (default 1e-6)",
    )
    parser.add_argument(
        "--no-shift",
        action="store_true",
        help="start every initiative at its earliest start, even those with a latest_start",
    )


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser; `lang` is the language of its error messages (see `language_of`)."""
    v = Values(lang)
    parser = CliParser(
        prog="python -m cxprior",
        description="Turn a CX backlog workbook into a focused, costed portfolio.",
        lang=lang,
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=functools.partial(CliParser, lang=lang)
    )

    p = sub.add_parser("template", help="write the empty workbook template")
    p.add_argument("out", metavar="OUT.xlsx", nargs="?", type=v.output, help="the workspace template")
    p.add_argument(
        "--followup",
        metavar="OUT.xlsx",
        type=v.output,
        help="write the follow-up template (Progress, Measurements)",
    )
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")

    p = sub.add_parser("validate", help="check a workbook and list every problem")
    p.add_argument("book", metavar="BOOK.xlsx", type=v.book)
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")

    p = sub.add_parser("optimize", help="choose the best portfolio for one scenario")
    p.add_argument("book", metavar="BOOK.xlsx", type=v.book)
    add_scenario_options(p)
    p.add_argument(
        "--json", metavar="OUT.json", type=v.json_output, help="write the JSON result ('-' = standard output)"
    )
    p.add_argument("--out", metavar="PORTFOLIO.xlsx", type=v.output, help="write the portfolio workbook")
    p.add_argument(
        "--progress", metavar="FOLLOWUP.xlsx", type=v.book, help="the follow-up workbook, to re-plan"
    )
    p.add_argument(
        "--replan-from", metavar="P", help="re-plan from period P: the follow-up's spend before P is sunk"
    )
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")

    p = sub.add_parser("frontier", help="best value at N budget levels")
    p.add_argument("book", metavar="BOOK.xlsx", type=v.book)
    p.add_argument("--points", type=v.points, default=20, metavar="N")
    p.add_argument(
        "--json", metavar="OUT.json", type=v.json_output, help="write the JSON result ('-' = standard output)"
    )
    p.add_argument("--solver", type=v.solver, default="highs", metavar="highs|cbc")
    p.add_argument("--time-limit", type=v.seconds, metavar="S", help="stop each budget level after S seconds")
    p.add_argument(
        "--gap", type=v.gap, metavar="G", help="relative gap proven at each budget level (default 0.001)"
    )
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")

    p = sub.add_parser("report", help="write the COMEX pack (PDF and Excel)")
    p.add_argument("book", metavar="BOOK.xlsx", type=v.book)
    add_scenario_options(p)
    p.add_argument("--pdf", required=True, metavar="OUT.pdf", type=v.output)
    p.add_argument("--xlsx", metavar="OUT.xlsx", type=v.output)
    p.add_argument(
        "--company", type=v.text, help="company named on the title page (default: the workbook's file name)"
    )
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")

    p = sub.add_parser("track", help="the approved plan against what happened (follow-up workbook)")
    p.add_argument("book", metavar="BOOK.xlsx", type=v.book)
    p.add_argument(
        "--progress", required=True, metavar="FOLLOWUP.xlsx", type=v.book, help="the follow-up workbook"
    )
    add_scenario_options(p)
    p.add_argument(
        "--as-of",
        metavar="PERIOD",
        help="the current period (default: the latest with spend or a measurement)",
    )
    p.add_argument(
        "--json", metavar="OUT.json", type=v.json_output, help="write the JSON result ('-' = standard output)"
    )
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")

    p = sub.add_parser("drivers", help="which journey phase matters most to customers (survey answers)")
    p.add_argument("survey", metavar="SURVEY", help="the survey file: .csv, or .xlsx (first sheet)")
    p.add_argument(
        "--outcome", required=True, metavar="COLUMN", help="the column to explain, e.g. recommandation"
    )
    p.add_argument(
        "--drivers",
        metavar="A,B,…",
        help="driver columns, comma-separated (default: every other numeric column)",
    )
    p.add_argument("--segment", metavar="COL", help="a column of segments, each analysed on its own")
    p.add_argument(
        "--resamples", type=v.count, default=500, metavar="N", help="bootstrap resamples (default 500)"
    )
    p.add_argument("--seed", type=v.count, default=0, metavar="S", help="seed of the bootstrap (default 0)")
    p.add_argument(
        "--json", metavar="OUT.json", type=v.json_output, help="write the JSON result ('-' = standard output)"
    )
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")

    p = sub.add_parser("sensitivity", help="how far goal weights can move; the COMEX members' portfolios")
    p.add_argument("book", metavar="BOOK.xlsx", type=v.book)
    add_scenario_options(p)
    p.add_argument(
        "--weights",
        metavar="MEMBERS.xlsx",
        type=v.book,
        help="the members' Weights sheet (default: BOOK.xlsx's own, if it has one)",
    )
    p.add_argument(
        "--samples", type=v.count, default=100, metavar="N", help="weightings drawn in the members' ranges"
    )
    p.add_argument("--seed", type=v.count, default=0, metavar="S", help="seed of the drawn weightings")
    p.add_argument(
        "--json", metavar="OUT.json", type=v.json_output, help="write the JSON result ('-' = standard output)"
    )
    p.add_argument("--lang", type=v.language, default="en", metavar="en|fr")
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    # imported lazily so `template` and `validate` start without loading the solver stack
    if args.command == "optimize" and (args.progress or args.replan_from):
        from cxprior.cli import track as replanning  # the re-plan: the follow-up stack

        return replanning.run_replan(args)
    if args.command in ("template", "validate"):
        from cxprior.cli import workbook as commands
    elif args.command in ("optimize", "frontier"):
        from cxprior.cli import optimize as commands
    elif args.command == "track":
        from cxprior.cli import track as commands
    elif args.command == "drivers":
        from cxprior.cli import drivers as commands
    elif args.command == "sensitivity":
        from cxprior.cli import sensitivity as commands
    else:
        from cxprior.cli import report as commands
    return getattr(commands, f"run_{args.command}")(args)


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit code: 0 success, 1 invalid input (a mistyped argument too,
    said on one line), 2 infeasible, 130 interrupted."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            args = build_parser(language_of(argv)).parse_args(argv)
        except SystemExit as done:  # --help: the usage is printed, and that is a success
            return done.code if isinstance(done.code, int) else EXIT_OK
        return _dispatch(args)
    except CxpriorError as error:  # UsageError (a mistyped argument) included
        # one line, control characters shown: a file's text cannot forge output or escapes
        print(f"error: {one_line(error.message)}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:
        print(f"error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
