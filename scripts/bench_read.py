"""Benchmark: read + validate synthetic workbooks of 1,000 / 5,000 / 20,000 initiatives.

Prints, per size: the file size, the guard's share, the median of three read+validate
runs (seconds, in process, imports done), the peak of Python allocations during one read
(tracemalloc, run separately since it slows everything down), and the maximum resident
memory of a fresh process that imports cxprior and reads the file once (imports included).
Then the same for hostile files: a zip bomb that lies about its size, a workbook at the
row limit, a sheet of wide impacts at the cell limit. Targets: ≤ 2 s for 5,000
initiatives on this 2-core machine; memory under 500 MB whatever the file.

    .venv/bin/python scripts/bench_read.py [--sizes 1000 5000 20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxprior.domain import (
    WorkbookError,
    synthetic_workspace,
)
from cxprior.workbook import (
    inspect_xlsx,
    read_workbook,
    write_workspace,
)

MB = 1024 * 1024


def peak_mb(action) -> float:
    tracemalloc.start()
    with contextlib.suppress(WorkbookError):  # hostile files are refused: their peak still counts
        action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / MB


def fresh_process_rss_mb(data: bytes) -> float:
    """Maximum resident memory of a new process that reads `data` once (imports included)."""
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
        handle.write(data)
        handle.flush()
        code = (
            "import contextlib, sys\n"
            "from cxprior.domain.errors import WorkbookError\n"
            "from cxprior.workbook.reader import read_workbook\n"
            "with contextlib.suppress(WorkbookError):\n"
            "    read_workbook(sys.argv[1])\n"
            # VmHWM, not ru_maxrss: the latter can carry over the parent's peak through fork
            "print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, handle.name], cwd=ROOT, capture_output=True, text=True, check=True
        )
    return int(out.stdout.strip()) / 1024


def lying_bomb(size: int) -> bytes:
    """A workbook whose first sheet declares 2 kB but inflates to `size` bytes of zeros."""
    good = write_workspace(synthetic_workspace(50, seed=1))
    source = zipfile.ZipFile(io.BytesIO(good))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(MB)
    bomb = b"".join(compressor.compress(chunk) for _ in range(size // MB)) + compressor.flush()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
    data = out.getvalue()
    # swap the first sheet's compressed bytes for the bomb, keeping its (small) declared size
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    end = start + info.compress_size
    return data[:start] + bomb + data[end:]  # offsets after it now lie too: the guard must cope


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a tiny run, to check the script still works")
    args = parser.parse_args()
    if args.smoke:
        args.sizes, args.runs = [50], 1

    columns = ("file MB", "guard s", "read s", "peak MB")
    print(f"{'initiatives':>11} " + " ".join(f"{c:>8}" for c in columns) + f" {'process RSS MB':>15}")
    for n in args.sizes:
        started = time.perf_counter()
        ws = synthetic_workspace(n, seed=0)
        data = write_workspace(ws)
        generated = time.perf_counter() - started
        read_workbook(data)  # warm-up: the first call imports what it needs
        guard = statistics.median(_timed(lambda d=data: inspect_xlsx(d)) for _ in range(args.runs))
        seconds = statistics.median(_timed(lambda d=data: read_workbook(d)) for _ in range(args.runs))
        result = read_workbook(data).workspace
        assert result == ws, "round trip changed the workspace"
        peak = peak_mb(lambda d=data: read_workbook(d))
        print(
            f"{n:>11,} {len(data) / MB:>8.2f} {guard:>8.3f} {seconds:>8.3f} {peak:>8.1f} "
            f"{fresh_process_rss_mb(data):>15.0f}"
            f"   (impacts {len(ws.impacts):,}; generated in {generated:.1f} s)"
        )

    print("\nhostile files (peak of Python allocations while refusing or reading)")
    bomb = lying_bomb(400 * MB)
    refused = peak_mb(lambda: read_workbook(bomb))
    print(
        f"  lying zip bomb, 400 MB of zeros in {len(bomb) / MB:.1f} MB: peak {refused:.1f} MB, "
        f"process RSS {fresh_process_rss_mb(bomb):.0f} MB"
    )
    limit = synthetic_workspace(20_000, seed=2)
    at_limit = write_workspace(limit)
    print(
        f"  20,000-row sheet plus impacts ({len(at_limit) / MB:.1f} MB): peak "
        f"{peak_mb(lambda: read_workbook(at_limit)):.1f} MB"
    )
    wide = wide_impacts_at_the_cell_limit()
    print(
        f"  1,000,000-cell sheet of wide impacts ({len(wide) / MB:.1f} MB, refused at the cell limit): "
        f"peak {peak_mb(lambda: read_workbook(wide)):.1f} MB, process RSS {fresh_process_rss_mb(wide):.0f} MB"
    )


def wide_impacts_at_the_cell_limit(rows: int = 16_000, kpis: int = 60) -> bytes:
    """A workbook whose Initiatives sheet has rows × (3 + kpis) cells, written as raw XML."""
    source = zipfile.ZipFile(io.BytesIO(write_workspace(synthetic_workspace(50, seed=1))))
    parts = {name: source.read(name) for name in source.namelist()}
    heads = ["initiative_id", "name", "cost"] + [f"impact:KPI-{k:02d}" for k in range(kpis)]
    letters = [_letters(n + 1) for n in range(len(heads))]
    out = [
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1">',
        *(f'<c r="{letters[n]}1" t="inlineStr"><is><t>{h}</t></is></c>' for n, h in enumerate(heads)),
        "</row>",
    ]
    for r in range(2, rows + 2):
        out.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>X-{r}</t></is></c>')
        out.append(f'<c r="B{r}" t="inlineStr"><is><t>n</t></is></c><c r="C{r}"><v>1</v></c>')
        out.extend(f'<c r="{letters[3 + k]}{r}"><v>0.{k}</v></c>' for k in range(kpis))
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    parts["xl/worksheets/sheet4.xml"] = "".join(out).encode()  # the writer's fourth sheet: Initiatives
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
