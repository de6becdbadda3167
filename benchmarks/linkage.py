"""Victim linkage at scale: records per second and peak memory on invented lists.

Two sizes, each in a process of its own so that its peak memory is its own:

* ``30k``: two lists of 30,000 records (the second every person again, with noise), linked
  within and across;
* ``1m``: one list of 1,000,000 records (800,000 persons, 200,000 of them listed twice with
  noise), linked within.

Names are invented (:mod:`warmonitor.victims.synthetic`: generated syllables in Latin and Arabic
letters, Zipf-weighted parts, ages with two in five children), never real. The time is the
linkage core (features, Splink's training and scoring, the prior per pair of lists), not the
store; the peak is the process's maximum resident set, DuckDB's memory included.

    .venv/bin/python benchmarks/linkage.py [--size 30k|1m|SIZExSIZE] [--threads N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warmonitor.victim_linkage import score_pairs
from warmonitor.victims import column_mapping, features, parse_rows, reference_years
from warmonitor.victims.synthetic import population, two_lists

SIZES = {"30k": (30_000, 1.0, 1), "1m": (800_000, 0.25, 0)}
VOCABULARY = 20_000
FLOOR = 0.9
MEMORY = "6GB"  # DuckDB's limit; it spills to a temporary folder beyond it


def _records(rows: list[dict[str, str]], list_name: str) -> list:  # type: ignore[type-arg]
    mapping = column_mapping(rows[0].keys(), {})
    records, problems = parse_rows(list_name, ((i + 2, r) for i, r in enumerate(rows)), mapping)
    assert not problems
    return records


def measure(size: str, threads: int) -> dict[str, float]:
    """Generate, link and time one size; figures as a dict."""
    people_count, overlap, lists = SIZES[size]
    people = population(people_count, seed=8, vocabulary=VOCABULARY)
    left, right, truth = two_lists(people, overlap=overlap, seed=8)
    if lists:
        records = _records(left, "left") + _records(right, "right")
    else:
        right = [{**r, "record_id": "x" + r["record_id"]} for r in right]
        records = _records(left + right, "one")
    del people, left, right
    started = time.perf_counter()
    years = reference_years(records)
    rows = [features(f"{r.list_name}:{r.key}", r, years.get(r.list_name)) for r in records]
    featured = time.perf_counter()
    with tempfile.TemporaryDirectory() as spill:
        result = score_pairs(
            rows, floor=FLOOR, threads=threads, memory_limit=MEMORY, spill_to=spill
        )
    seconds = time.perf_counter() - started
    found = set()
    for pair in result.pairs:
        a, b = pair.left.split(":", 1)[1], pair.right.split(":", 1)[1]
        found.add((a, b.removeprefix("x")) if a.startswith("a") else (b, a.removeprefix("x")))
    truth_set = set(truth)
    hits = len(found & truth_set)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "records": len(records),
        "seconds": round(seconds, 1),
        "features_seconds": round(featured - started, 1),
        "records_per_second": round(len(records) / seconds),
        "peak_mib": round(peak_kib / 1024),
        "pairs_linked": len(result.pairs),
        "precision": round(hits / max(len(found), 1), 4),
        "recall": round(hits / max(len(truth_set), 1), 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), action="append")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.size[0], args.threads)))
        return 0
    for size in args.size or ["30k", "1m"]:
        command = [sys.executable, str(Path(__file__)), "--one", "--size", size]
        done = subprocess.run(
            [*command, "--threads", str(args.threads)], capture_output=True, text=True
        )
        if done.returncode != 0:
            print(f"{size}: failed\n{done.stderr[-2000:]}")
            return 1
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{size}: {figures['records']:,} records in {figures['seconds']} s "
            f"({figures['records_per_second']:,} records/s; features {figures['features_seconds']}"
            f" s), peak {figures['peak_mib']:,} MiB; {figures['pairs_linked']:,} pairs at "
            f"p >= {FLOOR}: precision {figures['precision']}, recall {figures['recall']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
