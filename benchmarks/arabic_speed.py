#!/usr/bin/env python3
"""Arabic extraction speed per word beside English (issue 13: Arabic at least as fast).

    .venv/bin/python benchmarks/arabic_speed.py               # ../shared/gold/dev sets
    .venv/bin/python benchmarks/arabic_speed.py --limit 300 --check

Extracts the texts of ``airwars_ar.jsonl`` (Arabic) and of ``wad.jsonl`` (English) with
``pipeline.extract_documents`` in this process, one process each, after loading the English
pipeline and reading one document of each language (so model and gazetteer loading are not
counted), and prints words per second (words split at spaces) of each. ``--check`` exits 1 when
Arabic is slower per word than English.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from warmonitor.model import Document
from warmonitor.pipeline import extract_documents, load_nlp

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "dev"


def _documents(path: Path, limit: int | None) -> list[Document]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [Document(r["text"], source=r["id"]) for r in rows[:limit]]


def _words_per_second(documents: list[Document]) -> tuple[float, int, float]:
    nlp = load_nlp()
    words = sum(len(d.text.split()) for d in documents)
    t0 = time.perf_counter()
    for _ in extract_documents(documents, nlp):
        pass
    seconds = time.perf_counter() - t0
    return words / seconds, words, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--limit", type=int, default=None, help="documents of each set")
    ap.add_argument("--check", action="store_true", help="fail when Arabic is slower per word")
    args = ap.parse_args(argv)
    arabic_file, english_file = args.gold / "airwars_ar.jsonl", args.gold / "wad.jsonl"
    if not arabic_file.exists() or not english_file.exists():
        print(f"no gold sets at {args.gold}: nothing to measure", file=sys.stderr)
        return 0
    arabic = _documents(arabic_file, args.limit)
    english = _documents(english_file, args.limit)
    list(extract_documents([arabic[0], english[0]], load_nlp()))  # warm: model, gazetteer
    results = {"arabic": _words_per_second(arabic), "english": _words_per_second(english)}
    for name, (rate, words, seconds) in results.items():
        print(f"{name:8s} {words:9,d} words in {seconds:6.1f} s: {rate:9,.0f} words/s")
    ratio = results["arabic"][0] / results["english"][0]
    print(f"arabic / english per word: {ratio:.2f}")
    return 1 if args.check and ratio < 1.0 else 0


if __name__ == "__main__":
    sys.exit(main())
