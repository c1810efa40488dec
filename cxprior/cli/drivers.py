"""`drivers` command (DESIGN.md, "Contract v2 › Listening data"; docs/survey.md).

Reads a survey (.csv or the first sheet of an .xlsx), fits the outcome on the drivers and
splits R² among them by Shapley value, with bootstrap 90 % intervals. Exit codes: 0 analysed,
1 invalid input (each problem of the survey printed as `file, row, column: message` on
standard error). `--json OUT.json` writes the JSON contract (`-` = standard output, which then
holds nothing else); without it, or with a file, a readable summary is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cxprior.analysis import (
    DriverAnalysis,
    analyse_drivers,
    drivers_sentences,
    headline_sentence,
    warning_sentence,
)
from cxprior.cli.files import write_atomically
from cxprior.cli.workbook import format_problem
from cxprior.domain import CxpriorError
from cxprior.i18n import format_number, format_percent, tr
from cxprior.workbook import SurveyError, one_line, read_survey, select_survey

EXIT_OK = 0
EXIT_INVALID = 1
MAX_RESAMPLES = 100_000


def _driver_list(text: str | None, lang: str) -> list[str] | None:
    if text is None:
        return None
    names = [part.strip() for part in text.split(",")]
    if not any(names):
        raise CxpriorError(tr("listen.cli.bad_drivers", lang))
    return [name for name in names if name]


def document_of(analysis: DriverAnalysis, with_segments: bool) -> dict[str, object]:
    """The JSON contract; with a segment column, `segments` adds one contract per segment."""
    document = analysis.to_json()
    if with_segments:
        document["segments"] = {s.segment: s.to_json() for s in analysis.segments}
    return document


def _print_problems(error: SurveyError, lang: str) -> None:
    """One problem on one line; several after a count, one per line (`file, row, column: …`)."""
    located = [p for p in error.problems if p.sheet or p.row is not None or p.column]
    if len(error.problems) == 1:
        (problem,) = error.problems
        text = format_problem(problem, lang) if located else one_line(problem.message)
        print(f"error: {text}", file=sys.stderr)
        return
    print(f"error: {one_line(error.message)}", file=sys.stderr)
    for problem in error.problems:
        print(f"  {format_problem(problem, lang)}", file=sys.stderr)


def run_drivers(args: argparse.Namespace) -> int:
    lang = args.lang
    if not 0 <= args.resamples <= MAX_RESAMPLES:
        raise CxpriorError(tr("listen.cli.bad_resamples", lang, limit=MAX_RESAMPLES, value=args.resamples))
    drivers = _driver_list(args.drivers, lang)
    try:
        survey = read_survey(args.survey, lang=lang)
        selection = select_survey(survey, args.outcome, drivers, args.segment, lang=lang)
    except SurveyError as error:
        _print_problems(error, lang)
        return EXIT_INVALID
    analysis = analyse_drivers(
        selection.outcome,
        selection.drivers,
        selection.driver_names,
        outcome_name=selection.outcome_name,
        segments=selection.segments,
        resamples=args.resamples,
        seed=args.seed,
        lang=lang,
    )
    to_stdout = args.json == "-"
    if args.json:
        text = json.dumps(document_of(analysis, args.segment is not None), ensure_ascii=False, indent=2)
        if to_stdout:
            sys.stdout.write(text + "\n")
        else:
            write_atomically(Path(args.json), (text + "\n").encode("utf-8"))
    if to_stdout:
        for warning in analysis.warnings:
            print(one_line(warning_sentence(warning, analysis, lang)), file=sys.stderr)
        return EXIT_OK
    print(summary(args.survey, analysis, lang))
    if args.json:
        print(tr("listen.cli.json_written", lang, path=args.json))
    return EXIT_OK


def summary(path: str, analysis: DriverAnalysis, lang: str) -> str:
    """The readable result: what was analysed, the sentences, the table; then each segment."""
    lines = [
        tr(
            "listen.cli.summary",
            lang,
            path=path,
            outcome=analysis.outcome,
            mean=format_number(analysis.outcome_mean, lang, 1),
            count=len(analysis.drivers),
            r2=format_number(analysis.r2, lang, 2),
        ),
        *(one_line(sentence) for sentence in drivers_sentences(analysis, lang)),
        "",
        *table(analysis, lang),
    ]
    for part in analysis.segments:
        lines += [
            "",
            one_line(
                tr(
                    "listen.cli.segment",
                    lang,
                    segment=part.segment,
                    n=format_number(part.n, lang),
                    r2=format_number(part.r2, lang, 2),
                )
            ),
            one_line(headline_sentence(part, lang)),
            *table(part, lang),
        ]
    return "\n".join(lines)


def table(analysis: DriverAnalysis, lang: str) -> list[str]:
    """Driver, importance, share, interval and mean, one line per driver, largest first."""
    header = [
        tr("listen.cli.driver", lang),
        tr("listen.cli.importance", lang),
        tr("listen.cli.share", lang),
        tr("listen.cli.interval", lang, level=format_percent(analysis.level, lang)),
        tr("listen.cli.mean", lang),
    ]
    rows = []
    for d in analysis.drivers:
        if d.low is None or d.high is None:
            interval = tr("listen.cli.no_interval", lang)
        else:
            interval = f"{format_number(d.low, lang, 3)} – {format_number(d.high, lang, 3)}"
        rows.append(
            [
                one_line(d.name),
                format_number(d.importance, lang, 3),
                format_percent(d.share, lang),
                interval,
                format_number(d.mean, lang, 1),
            ]
        )
    widths = [max(len(row[k]) for row in [header, *rows]) for k in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    return [line(header), *(line(row) for row in rows)]
