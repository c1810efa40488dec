"""Write the COMEX pack of the sample workbook to /tmp, with PNG pages to look at.

    .venv/bin/python scripts/render_report.py [--lang fr|en] [--out /tmp/cxprior_report]

Runs the real path (read → optimize → frontier → pack), prints the time of each step,
the page count and where the files are; `pdftoppm` (poppler-utils) renders the pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dataclasses import replace

from pypdf import PdfReader

from cxprior.domain import default_scenario
from cxprior.portfolio import optimize
from cxprior.report import build_comex_pack
from cxprior.workbook import read_workbook

SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
DECISIONS = (
    {"status": "submitted", "author": "Léa Moreau", "at": dt.datetime(2026, 11, 18, 9, 5), "comment": ""},
    {
        "status": "approved",
        "author": "Anne Lévêque",
        "at": dt.datetime(2026, 11, 20, 17, 30),
        "comment": "Priorité à la phase « Obtenir de l'aide » ; revoir le budget 2028 en juin.",
    },
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "fr"), default="fr")
    parser.add_argument("--book", type=Path, default=SAMPLE)
    parser.add_argument("--out", type=Path, default=Path("/tmp/cxprior_report"))
    parser.add_argument("--pending", action="store_true", help="no decision yet (a draft)")
    parser.add_argument(
        "--focused", action="store_true", help="a scenario with focus limits and a forced initiative"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    steps: list[tuple[str, float]] = []
    start = time.perf_counter()
    ws = read_workbook(args.book, lang=args.lang).workspace
    steps.append(("read", time.perf_counter() - start))
    scenario = default_scenario(ws, "Budget 2026–2028")
    if args.focused:
        first = ws.initiatives[0].initiative_id
        scenario = replace(
            scenario,
            max_phases=4,
            min_goal_share={ws.goals[0].goal_id: 0.3},
            force_in=(first,),
            force_reasons={first: "engagement pris auprès du régulateur"},
        )
    start = time.perf_counter()
    result = optimize(ws, scenario, lang=args.lang)
    steps.append(("optimize", time.perf_counter() - start))
    start = time.perf_counter()
    pack = build_comex_pack(
        ws,
        result,
        company="Hélios Énergie",
        decisions=() if args.pending else DECISIONS,
        lang=args.lang,
    )
    steps.append(("pack (frontier, figures, pdf, xlsx)", time.perf_counter() - start))
    pdf, xlsx = pack.pdf, pack.xlsx

    pdf_path = args.out / f"pack_{args.lang}.pdf"
    xlsx_path = args.out / f"pack_{args.lang}.xlsx"
    pdf_path.write_bytes(pdf)
    xlsx_path.write_bytes(xlsx)
    pages = len(PdfReader(pdf_path).pages)
    funded = f"{len(result.selected)} of {len(ws.initiatives)} initiatives"
    print(f"{result.status}: {funded}, value {result.objective:.1f}")
    for name, seconds in steps:
        print(f"  {name:<36} {seconds:6.2f} s")
    print(f"{pdf_path}: {pages} pages, {len(pdf) / 1024:.0f} KiB")
    print(f"{xlsx_path}: {len(xlsx) / 1024:.0f} KiB")
    if shutil.which("pdftoppm"):
        prefix = args.out / f"page_{args.lang}"
        for old in args.out.glob(f"page_{args.lang}*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf_path), str(prefix)], check=True)
        for png in sorted(args.out.glob(f"page_{args.lang}*.png")):
            print(f"  {png}")
    else:
        print("pdftoppm not found (apt-get install poppler-utils) — no PNG pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
