#!/usr/bin/env python3
"""Accuracy on the development sets, and the failures grouped by cause.

    .venv/bin/python scripts/evaluate.py                  # all four sets, scores + causes
    .venv/bin/python scripts/evaluate.py --sets airwars_ar   # Arabic reports (X_in_range)
    .venv/bin/python scripts/evaluate.py --sets wad --limit 500
    .venv/bin/python scripts/evaluate.py --check benchmarks/accuracy_floor.json   # CI floor
    .venv/bin/python scripts/evaluate.py --sets acled wad --classes   # + per-class P/R, confusion

Reads ``../shared/gold`` (never copied into the repository; override with ``--gold``), runs
``warmonitor extract`` in-process on each set, scores it with the set's own ``score.py`` and
sorts every wrong killed figure and place into one cause, biggest first. Record texts are
never printed; ``--ids`` lists the record ids of a cause for local inspection.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from warmonitor.extract.headline import Counting
from warmonitor.pipeline import predict_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "gold"
VAGUE = re.compile(r"\b(?:dozens|scores|hundreds|thousands|several|a few|many|numerous)\b", re.I)
DIGITS = re.compile(r"\d")
# Each set's codebook: the World Atrocities Dataset counts the non-combatant dead of an
# atrocity; ACLED and FA-KES count every death (``docs/HEADLINE.md``, "What is counted").
COUNTING: dict[str, Counting] = {"wad": "non-combatant"}
SCORER: Any = None  # the gold set's own score.py, loaded by main()


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def killed_cause(gold: dict[str, Any], pred: dict[str, Any], text: str) -> str:
    """One cause for a wrong killed figure (the failure map of issue 3)."""
    want = gold.get("killed") or 0
    got = pred.get("killed") or 0
    claims = pred.get("claims", [])
    killed = [c for c in claims if c["outcome"] == "killed"]
    values = {c["count"]["low"] for c in killed}
    if want == 0:
        return "figure where gold has none"
    if (
        not claims
        and not DIGITS.search(text)
        and not re.search(
            r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen)\b", text, re.I
        )
    ):
        return "no number in text"
    if not killed:
        if any(c["count"]["low"] == want for c in claims):
            return "killed and injured confused"
        if VAGUE.search(text):
            return "vague quantity"
        if str(want) not in text:
            return "number words / article (no killed figure found)"
        return "no killed figure found"
    if want in values:
        if any(c.get("cumulative") for c in killed):
            return "cumulative toll against incident's own"
        return "wrong number chosen among several"
    if want == sum(c["count"]["low"] for c in killed if c.get("part_of") is None):
        return "sum of parts"
    if any(c["count"]["low"] == want for c in claims):
        return "killed and injured confused"
    if got and any(c["count"]["high"] is None for c in killed) and want > got:
        return "open interval below gold"
    if VAGUE.search(text) and any(
        c["count"]["high"] and c["count"]["high"] > c["count"]["low"] for c in killed
    ):
        return "vague quantity"
    if str(want) not in text.replace(",", ""):
        return "number words / gold not stated as digits"
    return "figure stated but not bound to killed"


RANGES = ("civilians_killed", "civilians_injured", "military_killed")
_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def range_cause(gold: dict[str, Any], pred: dict[str, Any], field: str, text: str) -> str:
    """One cause for a figure outside the gold range (sets scored as ``X_in_range``)."""
    low, high = gold.get(field + "_min") or 0, gold.get(field + "_max")
    high = low if high is None else high
    got = pred.get(field) or 0
    stated = {int(n) for n in re.findall(r"\d+", text.translate(_INDIC)) if len(n) < 6}
    if high == 0:
        return "figure where gold has none"
    if got == 0:
        if not any(low <= n <= high for n in stated):
            return "none found; no figure of the range in digits"
        return "none found; a figure of the range is in digits"
    if got < low:
        return "below the range"
    return "above the range"


def place_cause(gold: dict[str, Any], pred: dict[str, Any]) -> str:
    if pred.get("lat") is None:
        return "place missing (none found or not in gazetteer)"
    if gold.get("country") and _country3(pred.get("country")) != gold["country"]:
        return "wrong country"
    return "wrong place among several / far"


def _country3(code: str | None) -> str | None:
    """The prediction's country as the scorer reads it (its alpha-2 to alpha-3 table)."""
    return SCORER.country3(code) if SCORER is not None else code


def run_set(
    name: str, gold_dir: Path, limit: int | None, workers: int | None, out_dir: Path
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    source = gold_dir / "dev" / f"{name}.jsonl"
    records = load(source)
    if limit:
        records = records[:limit]
    inp = out_dir / f"{name}.input.jsonl"
    with inp.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({k: r[k] for k in ("id", "text", "title", "published")}) + "\n")
    gold_file = out_dir / f"{name}.gold.jsonl"
    with gold_file.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    pred_file = out_dir / f"{name}.pred.jsonl"
    t0 = time.perf_counter()
    predict_file(inp, pred_file, workers=workers, counting=COUNTING.get(name, "all"))
    elapsed = time.perf_counter() - t0
    scored = subprocess.run(
        [sys.executable, str(gold_dir / "score.py"), str(gold_file), str(pred_file), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    preds = {p["id"]: p for p in load(pred_file)}
    result = json.loads(scored.stdout)
    result["seconds"] = round(elapsed, 1)
    return result, records, preds


def causes(records: list[dict[str, Any]], preds: dict[str, Any]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        g, p = r["gold"], preds.get(r["id"], {})
        if g.get("killed") is not None and (p.get("killed") or 0) != g["killed"]:
            out["killed"][killed_cause(g, p, r["text"])] += 1
        if g.get("injured") is not None and (p.get("injured") or 0) != g["injured"]:
            out["injured"]["wrong injured figure"] += 1
        if g.get("lat") is not None and p.get("lat") is not None:
            import math

            d = _km(g["lat"], g["lon"], p["lat"], p["lon"])
            if d > 161 or math.isnan(d):
                out["place"][place_cause(g, p)] += 1
        elif g.get("lat") is not None:
            out["place"][place_cause(g, p)] += 1
        for field in RANGES:
            low, high = g.get(field + "_min"), g.get(field + "_max")
            if low is None and high is None:
                continue
            got = p.get(field) or 0
            if not (low or 0) <= got <= (high if high is not None else low):
                out[field][range_cause(g, p, field, r["text"])] += 1
        if g.get("date") and p.get("date") != g["date"]:
            out["date"][date_cause(g["date"], p.get("date"))] += 1
    return out


# The labels of what was done (issue 10): ACLED's and PITF's, scored by the set's score.py.
LABEL_FIELDS = ("event_type", "sub_event_type", "violence", "weapons", "perpetrator_role")


def per_class(records: list[dict[str, Any]], preds: dict[str, Any], field: str) -> list[str]:
    """Precision and recall of each label of ``field``, most frequent gold label first."""
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    for r in records:
        want = r["gold"].get(field)
        if not want:
            continue
        got = preds.get(r["id"], {}).get(field)
        gold_n[want] += 1
        pred_n[str(got)] += 1
        hit[want] += got == want
    lines = []
    for label in sorted(set(gold_n) | set(pred_n), key=lambda k: (-gold_n[k], k)):
        p = hit[label] / pred_n[label] if pred_n[label] else 0.0
        r_ = hit[label] / gold_n[label] if gold_n[label] else 0.0
        lines.append(f"{label[:40]:40s} gold {gold_n[label]:5d}  P {p:.3f}  R {r_:.3f}")
    return lines


def confusion(
    records: list[dict[str, Any]], preds: dict[str, Any], field: str, top: int = 25
) -> list[str]:
    """The most frequent (gold, predicted) pairs that differ."""
    pairs: Counter[tuple[str, str]] = Counter()
    for r in records:
        want = r["gold"].get(field)
        got = str(preds.get(r["id"], {}).get(field))
        if want and got != want:
            pairs[(want, got)] += 1
    return [f"{n:5d}  {w[:38]:38s} -> {g}" for (w, g), n in pairs.most_common(top)]


def date_cause(want: str, got: str | None) -> str:
    """No date found; a relative date resolved against the wrong anchor; or another date."""
    if not got:
        return "no date found"
    from datetime import date

    days = abs((date.fromisoformat(want) - date.fromisoformat(got)).days)
    return "date relative to the wrong anchor (within a week)" if days <= 7 else "wrong date"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def ids_for(records: list[dict[str, Any]], preds: dict[str, Any], cause: str) -> list[str]:
    found = []
    for r in records:
        g, p = r["gold"], preds.get(r["id"], {})
        if (
            g.get("killed") is not None
            and (p.get("killed") or 0) != g["killed"]
            and (killed_cause(g, p, r["text"]) == cause)
        ):
            found.append(r["id"])
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--sets", nargs="+", default=["wad", "acled", "fakes", "airwars_ar"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--check", type=Path, help="fail when a metric drops >0.02 below this file")
    ap.add_argument("--record", type=Path, help="write the scores to this file")
    ap.add_argument("--ids", help="print record ids of this killed cause")
    ap.add_argument("--keep", type=Path, help="keep predictions in this folder")
    ap.add_argument(
        "--classes",
        action="store_true",
        help="per-class precision and recall of the violation labels, sub-event confusions",
    )
    args = ap.parse_args(argv)
    if not (args.gold / "score.py").exists():
        print(f"no gold sets at {args.gold}: nothing to evaluate", file=sys.stderr)
        return 0
    global SCORER
    spec = importlib.util.spec_from_file_location("gold_score", args.gold / "score.py")
    if spec is not None and spec.loader is not None:
        SCORER = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(SCORER)
    all_scores: dict[str, Any] = {}
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in args.sets:
            scores, records, preds = run_set(name, args.gold, args.limit, args.workers, out_dir)
            all_scores[name] = scores
            print(f"\n== {name} ({scores['n']} records, {scores['seconds']} s)")
            for key, value in scores.items():
                if key not in ("n", "seconds", "missing_predictions"):
                    print(f"  {key:28s} {value}")
            for field, counter in causes(records, preds).items():
                print(f"  failures: {field}")
                for cause, n in counter.most_common():
                    print(f"    {n:5d}  {cause}")
            if args.classes:
                for field in LABEL_FIELDS:
                    if any(r["gold"].get(field) for r in records):
                        print(f"  classes: {field}")
                        for line in per_class(records, preds, field):
                            print(f"    {line}")
                if any(r["gold"].get("sub_event_type") for r in records):
                    print("  confusions: sub_event_type (gold -> predicted)")
                    for line in confusion(records, preds, "sub_event_type"):
                        print(f"    {line}")
            if args.ids:
                print(" ".join(ids_for(records, preds, args.ids)))
    if args.record:
        args.record.write_text(json.dumps(all_scores, indent=2, sort_keys=True) + "\n")
    if args.check:
        floor = json.loads(args.check.read_text())
        for name, metrics in floor.items():
            for key, value in metrics.items():
                got = all_scores.get(name, {}).get(key)
                if key in ("seconds", "n", "missing_predictions"):
                    continue
                if got is not None and isinstance(value, float) and got < value - 0.02:
                    print(f"REGRESSION {name}.{key}: {got} < recorded {value} - 0.02")
                    failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
