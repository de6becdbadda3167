"""A JSON Lines file of 10 million tiny records read by ``warmonitor.ingest`` in bounded memory.

The file is written into a temporary folder (``{"text":"a"}`` per line, 130 MB), then read
part by part (``read_path_parts``) in a subprocess of its own, for 1 million and 10 million
lines: seconds and peak resident memory of each. The reader holds one batch of records at a
time, so memory stays flat as the file grows (``tests/test_hostile_files.py`` checks this at
a million lines on every run).

    .venv/bin/python benchmarks/big_jsonl.py [--lines 10000000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READ = """
import json, sys, time
from warmonitor.ingest import read_path_parts
start = time.perf_counter()
documents = failures = 0
for part in read_path_parts(sys.argv[1]):
    documents += len(part.documents)
    failures += len(part.failures)
print(json.dumps({
    "documents": documents,
    "failures": failures,
    "seconds": time.perf_counter() - start,
    # VmHWM: this process's own peak (ru_maxrss keeps the parent's across fork and exec)
    "peak_mib": int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
    / 1024,
}))
"""


def write_lines(path: Path, lines: int) -> None:
    block = 100_000
    with path.open("wb") as handle:
        for done in range(0, lines, block):
            handle.write(b'{"text":"a"}\n' * min(block, lines - done))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=10_000_000)
    args = parser.parse_args()
    sizes = sorted({min(1_000_000, args.lines), args.lines})
    print(f"{'lines':>12} {'MB':>8} {'write s':>8} {'read s':>8} {'lines/s':>10} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory(prefix="warmonitor-jsonl-") as folder:
        for lines in sizes:
            path = Path(folder) / f"{lines}.jsonl"
            started = time.perf_counter()
            write_lines(path, lines)
            written = time.perf_counter() - started
            done = subprocess.run(
                [sys.executable, "-c", READ, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            got = json.loads(done.stdout)
            assert got["documents"] == lines and got["failures"] == 0, got
            print(
                f"{lines:>12,} {path.stat().st_size / 1e6:>8.0f} {written:>8.1f} "
                f"{got['seconds']:>8.1f} {lines / got['seconds']:>10,.0f} {got['peak_mib']:>9.0f}"
            )
            path.unlink()


if __name__ == "__main__":
    main()
