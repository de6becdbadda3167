#!/usr/bin/env python3
"""The LCMCR estimate on the Kosovo 1999 four-list data against the R LCMCR reference.

    .venv/bin/python scripts/evaluate_mse.py                       # seed 1: median, interval, s
    .venv/bin/python scripts/evaluate_mse.py --seeds 1 2 3 4 5
    .venv/bin/python scripts/evaluate_mse.py --check benchmarks/mse_floor.json

Reads ``../shared/gold/mse/kosovo_aggregate.csv`` (4,400 documented killings; lists EXH, ABA,
OSCE, HRW; one 0/1 row per person), third-party data that stays outside the repository. Runs
``K=10, a=b=0.25``, 10,000 burn-in iterations and 1,000 draws thinned by 100 per seed, and
prints each seed's posterior median, 95 % interval and seconds (wall and CPU; the sampler's
one-off compilation timed apart). ``--check FLOOR`` fails (exit 1) when a seed's median or an
interval bound falls outside the floor file's ranges, or its CPU time above its limit.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from warmonitor.estimate import LcmcrSettings, estimate_lcmcr, sample_lcmcr
from warmonitor.estimate_service import read_captures

ROOT = Path(__file__).resolve().parent.parent
KOSOVO = ROOT.parent / "shared" / "gold" / "mse" / "kosovo_aggregate.csv"


def run(path: Path, seeds: list[int]) -> tuple[float, list[dict[str, Any]]]:
    """Compile seconds, then per seed: median, interval and seconds."""
    table = read_captures(path)[()]
    start = time.perf_counter()
    sample_lcmcr(table, LcmcrSettings(burnin=10, samples=2, thin=1))
    compile_seconds = time.perf_counter() - start
    rows = []
    for seed in seeds:
        wall, cpu = time.perf_counter(), time.process_time()
        e = estimate_lcmcr(table, LcmcrSettings(K=10, a=0.25, b=0.25, seed=seed))
        rows.append(
            {
                "seed": seed,
                "documented": e.documented,
                "median": round(e.estimate, 1),
                "low": round(e.low, 1),
                "high": round(e.high, 1),
                "seconds": round(time.perf_counter() - wall, 2),
                "cpu_seconds": round(time.process_time() - cpu, 2),
            }
        )
    return compile_seconds, rows


def problems(rows: list[dict[str, Any]], floor: dict[str, Any]) -> list[str]:
    """Each figure outside the floor's ranges, as a line."""
    found = []
    for row in rows:
        for key in ("median", "low", "high"):
            lowest, highest = floor[key]
            if not lowest <= row[key] <= highest:
                found.append(f"seed {row['seed']}: {key} {row[key]} outside [{lowest}, {highest}]")
        if row["cpu_seconds"] > floor["max_cpu_seconds"]:
            found.append(
                f"seed {row['seed']}: {row['cpu_seconds']} CPU s > {floor['max_cpu_seconds']}"
            )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=Path, default=KOSOVO)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--check", type=Path, help="fail outside this floor file's ranges")
    args = parser.parse_args()
    if not args.captures.exists():
        print(f"{args.captures}: not found (the Kosovo set lives in ../shared)", file=sys.stderr)
        return 2
    compile_seconds, rows = run(args.captures, args.seeds)
    print(f"compile (once per install): {compile_seconds:.2f} s")
    print("seed  documented  median    95% interval        seconds  cpu")
    for r in rows:
        print(
            f"{r['seed']:>4}  {r['documented']:>10,}  {r['median']:>8,.0f}  "
            f"[{r['low']:>7,.0f}, {r['high']:>7,.0f}]  {r['seconds']:>7.2f}  {r['cpu_seconds']:.2f}"
        )
    if args.check:
        floor = json.loads(args.check.read_text(encoding="utf-8"))
        found = problems(rows, floor)
        for line in found:
            print(f"FAIL {line}", file=sys.stderr)
        if found:
            return 1
        print(f"within {args.check}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
