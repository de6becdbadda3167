#!/usr/bin/env python3
"""Batch extraction by engine: throughput and peak memory of ``warmonitor extract`` run locally
and on Spark, at 10,000 and 100,000 synthetic documents, and how they grow.

    .venv/bin/python benchmarks/engines.py                          # 10k and 100k, both engines
    .venv/bin/python benchmarks/engines.py --sizes 10000 --engines local spark
    .venv/bin/python benchmarks/engines.py --master spark://head:7077 --engines spark

(``make bench-engines``.) The corpus is the synthetic archive of ``benchmarks/reconcile.py``
(seed 8) written as reports: each report's text is its opening line and the sentences its
claims were drawn from (the archive's own templates: a kind of attack in a place of the
packaged gazetteer, a toll, a claimant; a sentence told twice written once), in a folder of JSON
Lines files of 10,000 reports each (each under the readers' size limit); a size of N is the
archive of N reports, in order of publication.

Each run is the command itself in a subprocess (``warmonitor extract CORPUS -o OUT --engine E``;
local: ``--workers``, Spark: ``--master``, default ``local[W]``), so that start-up (Spark's JVM,
the spaCy model) is counted as a user meets it. Its process tree is sampled every half second
(``/proc``): peak resident memory (RSS) of the tree as a whole (the sum at one instant; pages
shared by forked workers are counted in each), of the driver (the command's own process), of
Spark's JVM, and of the largest Python worker. Documents/s and words/s (words split at spaces)
are over the whole run. The predictions of the engines are compared byte for byte.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from reconcile import archive

SIZES = (10_000, 100_000)
PART = 10_000  # reports a file
PAGE = os.sysconf("SC_PAGE_SIZE")
EXE = str(Path(sys.executable).with_name("warmonitor"))


def write_corpus(folder: Path, size: int) -> tuple[int, int]:
    """The archive of ``size`` reports as JSON Lines files of :data:`PART` reports each (under
    the readers' size limit per file), in ``folder``; (documents, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    reports = archive(size)
    for part, first in enumerate(range(0, size, PART)):
        with (folder / f"part-{part:03d}.jsonl").open("w", encoding="utf-8") as out:
            for report in reports[first : first + PART]:
                document = report.document
                sentences = [document.text, *(c.evidence.sentence for c in report.claims)]
                text = " ".join(dict.fromkeys(sentences))  # a sentence told twice: once
                words += len(text.split())
                row = {
                    "id": document.id,
                    "title": document.title,
                    "text": text,
                    "published": document.published.isoformat() if document.published else None,
                }
                out.write(json.dumps(row) + "\n")
    return size, words


def _tree(root: int) -> list[tuple[int, str, int]]:
    """(pid, command name, RSS bytes) of ``root`` and its descendants."""
    parent: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                stat = handle.read()
        except OSError:
            continue
        parent[int(entry)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    members, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, up in parent.items():
            if up == pid and child not in members:
                members.add(child)
                frontier.append(child)
    out = []
    for pid in members:
        try:
            with open(f"/proc/{pid}/statm", encoding="utf-8") as handle:
                rss = int(handle.read().split()[1]) * PAGE
            with open(f"/proc/{pid}/comm", encoding="utf-8") as handle:
                name = handle.read().strip()
        except OSError:
            continue
        out.append((pid, name, rss))
    return out


def run(engine: str, corpus: Path, output: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [EXE, "extract", str(corpus), "-o", str(output), "--engine", engine]
    if engine == "local":
        command += ["--workers", str(args.workers)]
    else:
        command += ["--master", args.master or f"local[{args.workers}]"]
    peak = {"tree": 0, "driver": 0, "jvm": 0, "worker": 0, "processes": 0}
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(command, stdout=log, stderr=log)
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak["tree"] = max(peak["tree"], sum(rss for _, _, rss in tree))
            peak["processes"] = max(peak["processes"], len(tree))
            for pid, name, rss in tree:
                kind = "driver" if pid == proc.pid else "jvm" if name == "java" else "worker"
                peak[kind] = max(peak[kind], rss)
            time.sleep(0.5)
        seconds = time.perf_counter() - t0
        log.seek(0)
        tail = log.read().decode("utf-8", "replace")[-2000:]
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{tail}")
    sizes = {k: v / 2**20 for k, v in peak.items() if k != "processes"}
    return {"seconds": seconds, "processes": peak["processes"], **sizes}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--engines", nargs="+", choices=["local", "spark"], default=["local", "spark"])
    ap.add_argument("--workers", type=int, default=2, help="processes, or Spark's local[N]")
    ap.add_argument("--master", help="a Spark master URL (default: local[--workers])")
    ap.add_argument("--keep", type=Path, help="keep corpora and predictions in this folder")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="wm-engines-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    for size in args.sizes:
        corpus = folder / f"corpus-{size}"
        docs, words = write_corpus(corpus, size)
        print(f"{size} documents, {words} words ({words / docs:.0f} a document)", flush=True)
        outputs = {}
        for engine in args.engines:
            outputs[engine] = folder / f"predictions-{engine}-{size}.jsonl"
            result = run(engine, corpus, outputs[engine], args)
            result |= {"engine": engine, "size": size, "docs": docs, "words": words}
            rows.append(result)
            print(json.dumps(result), flush=True)
        if len(outputs) == 2:
            same = outputs["local"].read_bytes() == outputs["spark"].read_bytes()
            print(f"{size}: predictions byte for byte the same: {same}", flush=True)
            if not same:
                return 1
    print()
    print(
        f"{'engine':8s} {'docs':>8s} {'seconds':>8s} {'docs/s':>7s} {'words/s':>8s} "
        f"{'tree MB':>8s} {'driver':>7s} {'JVM':>6s} {'worker':>7s} {'procs':>5s}"
    )
    for r in rows:
        print(
            f"{r['engine']:8s} {r['docs']:8d} {r['seconds']:8.1f} {r['docs'] / r['seconds']:7.1f} "
            f"{r['words'] / r['seconds']:8.0f} {r['tree']:8.0f} {r['driver']:7.0f} "
            f"{r['jvm']:6.0f} {r['worker']:7.0f} {r['processes']:5d}"
        )
    for engine in args.engines:
        mine = sorted((r for r in rows if r["engine"] == engine), key=lambda r: r["size"])
        for small, large in itertools.pairwise(mine):
            print(
                f"{engine}: {small['size']} -> {large['size']} documents "
                f"(x{large['size'] / small['size']:.0f}): time x"
                f"{large['seconds'] / small['seconds']:.1f}, peak tree memory x"
                f"{large['tree'] / small['tree']:.2f}, "
                f"driver x{large['driver'] / small['driver']:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
