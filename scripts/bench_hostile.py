"""Time and peak memory of `python -m cxprior validate` on every file of the hostile corpus.

Prints figures (targets: ≤ 20 s and < 500 MB each); the test suite checks the same bounds in
tests/test_hostile_corpus.py. It is a measurement, not a test.

    .venv/bin/python scripts/bench_hostile.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostile_files import CORPUS
from test_hostile_corpus import validate_in_subprocess

MB = 1024 * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--smoke", action="store_true", help="two files only, to check the script still works"
    )
    args = parser.parse_args()
    corpus = dict(list(CORPUS.items())[:2]) if args.smoke else CORPUS
    folder = Path(tempfile.mkdtemp(prefix="cxprior_hostile_"))
    print(f"{'file':<26} {'size':>9} {'build':>7} {'exit':>4} {'validate':>9} {'peak RSS':>9}  first line")
    worst_seconds, worst_peak = 0.0, 0
    for name, build in corpus.items():
        started = time.perf_counter()
        path = folder / f"{name}.xlsx"
        path.write_bytes(build())
        built = time.perf_counter() - started
        code, out, err, seconds, peak = validate_in_subprocess(path)
        worst_seconds, worst_peak = max(worst_seconds, seconds), max(worst_peak, peak)
        lines = (out + err).splitlines()
        first = lines[1].strip() if code and len(lines) > 1 else (lines[0] if lines else "")
        print(
            f"{name:<26} {path.stat().st_size / MB:>7.1f}MB {built:>6.1f}s {code:>4} {seconds:>8.2f}s "
            f"{peak / MB:>7.0f}MB  {first[:90]}"
        )
    print(f"worst: {worst_seconds:.2f} s, {worst_peak / MB:.0f} MB (targets ≤ 20 s, < 500 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
