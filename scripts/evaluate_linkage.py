"""Pairwise precision, recall and F1 of victim linkage on the gold lists.

For each set under ``../shared/gold/linkage/`` (``left.csv``, ``right.csv``, ``gold_pairs.csv``
as ``left_id,right_id``): both lists imported into a fresh temporary SQLite store by the code
``warmonitor victims import`` runs, linked as ``warmonitor victims link`` links, and the pairs
``warmonitor victims pairs`` prints compared with the gold pairs. Prints counts and metrics only,
never a name or a row.

    .venv/bin/python scripts/evaluate_linkage.py [--threshold P] [--set NAME]
    .venv/bin/python scripts/evaluate_linkage.py --check benchmarks/linkage_floor.json
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

from warmonitor.store import Store
from warmonitor.victim_service import DEFAULT_THRESHOLD, import_victims, link_victims, linked_pairs

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "linkage"
SETS = ("moh_releases", "airwars_moh")
TOLERANCE = 0.02
# Columns whose meaning the header does not say in the importer's words: an incident's date is
# the date of death of its victims.
EXTRA_MAP = {"incident_date": "death_date"}


def _mapping(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    return [f"{column}={field}" for column, field in EXTRA_MAP.items() if column in header]


def evaluate(directory: Path, threshold: float) -> dict[str, float]:
    """Import, link and score one set; the metrics and counts."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with Store.open(f"sqlite:///{Path(tmp) / 'linkage.db'}") as store:
            bad = 0
            for side in ("left", "right"):
                path = directory / f"{side}.csv"
                bad += len(import_victims(store, path, side, _mapping(path)).problems)
            report = link_victims(store, threshold=threshold)
            found = {(left, right) for _, left, _, right in linked_pairs(store)}
        seconds = time.perf_counter() - started
    with (directory / "gold_pairs.csv").open(encoding="utf-8-sig", newline="") as handle:
        gold = {(row["left_id"], row["right_id"]) for row in csv.DictReader(handle)}
    hits = len(found & gold)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold_pairs": len(gold),
        "linked_pairs": len(found),
        "records": report.records,
        "bad_rows": bad,
        "seconds": round(seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--set", action="append", choices=SETS, help="one set (repeatable)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the folder of the sets")
    parser.add_argument("--check", type=Path, help="fail on an F1 more than 0.02 below floor")
    parser.add_argument("--write-floor", type=Path, help="record these F1s as the floor")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    for name in args.set or SETS:
        directory = args.gold / name
        if not (directory / "gold_pairs.csv").exists():
            print(f"{name}: no gold at {directory}, skipped")
            continue
        results[name] = evaluate(directory, args.threshold)
        r = results[name]
        print(
            f"{name}: threshold {args.threshold:g}  precision {r['precision']:.4f}  "
            f"recall {r['recall']:.4f}  F1 {r['f1']:.4f}  ({r['linked_pairs']} linked, "
            f"{r['gold_pairs']} gold, {r['records']} records, {r['bad_rows']} bad rows, "
            f"{r['seconds']} s)"
        )
    if args.write_floor:
        floor = {name: {"f1": r["f1"]} for name, r in results.items()}
        args.write_floor.write_text(json.dumps(floor, indent=2) + "\n", encoding="utf-8")
    if args.check:
        floor = json.loads(args.check.read_text(encoding="utf-8"))
        failed = [
            f"{name} F1 {results[name]['f1']:.4f} < floor {level['f1']:.4f} - {TOLERANCE}"
            for name, level in floor.items()
            if name in results and results[name]["f1"] < level["f1"] - TOLERANCE
        ]
        for line in failed:
            print(f"FAIL {line}")
        if failed:
            return 1
        print("linkage floor: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
