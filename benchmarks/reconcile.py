#!/usr/bin/env python3
"""Reconciling at archive scale: time and peak memory of reconciliation on a synthetic archive.

    .venv/bin/python benchmarks/reconcile.py                      # 10k, 30k, 100k claims
    .venv/bin/python benchmarks/reconcile.py --sizes 10000 --stored-sizes 10000
    .venv/bin/python benchmarks/reconcile.py --profile 30000      # cProfile of the core

The archive is generated with a fixed seed: 30,000 reports with about 3.3 claims each (100,000
claims) over four countries, 200 real places of the packaged gazetteer and four years. Events
are told by 1 to 20 reports that share distinctive words, places, kinds and a day, their tolls
rising report after report, quoted from a pool of claimants by a pool of outlets; one event in
three is a distractor told once. A size of N claims is the archive up to its N-th claim in
order of publication (the archive as it grows).

Each size runs in a fresh subprocess, so that memory is its own: ``core`` is the pure
``warmonitor.reconcile.reconcile(claims, published, events=…)``, then, after 1% more reports,
``reconcile`` again (full) and the incremental core (``plan``, ``refresh`` against the first
run's digests, ``finish`` with its kept incidents); ``stored`` ingests the reports into a new
SQLite store (``Store.save(document, claims, event)``, timed apart) and runs
``reconcile_service.reconcile_incidents(store)``: a full run, a run with nothing changed, then
after 1% more reports three runs over copies of that store: incremental in the same process
(the last run's incidents at hand), incremental from a new store object (as a new
`warmonitor reconcile` process runs: the kept incidents are not read, the result holds them
by id) and ``full=True`` (every incident computed, as before incremental runs); the three
give equal incidents (checked, the kept incidents decoded after the timing). Memory is how
far the process's peak resident set (VmHWM, reset before each measure) rose over its
resident set before the run (the input already loaded).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import json
import pickle
import pstats
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from warmonitor.model import (
    Claim,
    Claimant,
    Count,
    Document,
    Evidence,
    Period,
    Place,
    ReportEvent,
    Victims,
)

SEED = 8
REPORTS = 30_000
COUNTRIES = ("SY", "IQ", "UA", "SD")
PLACES_PER_COUNTRY = 50
START = date(2021, 1, 1)
YEARS = 4
KINDS = ("air strike", "shelling", "explosion", "ground fighting", "drone strike", "market")
GROUPS = ("people", "civilians", "children", "security_forces")
OUTLETS = tuple(f"Outlet {i}" for i in range(30))
CLAIMANTS: tuple[tuple[str | None, str, str], ...] = (
    *((f"Monitor {i} for Human Rights", f"the Monitor {i}", "monitor") for i in range(12)),
    *((f"Ministry of Health {c}", f"the {c} health ministry", "government") for c in COUNTRIES),
    *((f"UN Agency {i}", f"UN agency {i}", "un") for i in range(4)),
    (None, "a local official", "official"),
    (None, "medics", "medical"),
    (None, "residents", "witness"),
)
COMMON = ("killed", "attack", "people", "wounded", "toll", "civilians", "forces", "city")
EXTRACTOR = "warmonitor bench"


@dataclass(frozen=True, slots=True)
class Report:
    document: Document
    claims: tuple[Claim, ...]
    event: ReportEvent


def _places() -> dict[str, list[Place]]:
    """The most populous towns of each country in the packaged gazetteer."""
    from warmonitor.gazetteer import Gazetteer

    db = sqlite3.connect(Gazetteer.default().path.as_uri() + "?mode=ro&immutable=1", uri=True)
    out: dict[str, list[Place]] = {}
    for country in COUNTRIES:
        rows = db.execute(
            "SELECT geonameid, name, admin1, lat, lon FROM place_view WHERE country = ? "
            "AND feature_class = 'P' AND lat IS NOT NULL ORDER BY population DESC, geonameid "
            "LIMIT ?",
            (country, PLACES_PER_COUNTRY),
        ).fetchall()
        out[country] = [Place(n, country, y, x, gid, a1, "city") for gid, n, a1, y, x in rows]
    db.close()
    return out


def archive(reports: int = REPORTS, seed: int = SEED) -> list[Report]:
    """The synthetic archive, in order of publication."""
    rng = random.Random(seed)
    places = _places()
    days = YEARS * 365
    out: list[tuple[date, int, Report]] = []
    n_event = 0
    while len(out) < reports:
        n_event += 1
        country = rng.choice(COUNTRIES)
        place = rng.choice(places[country])
        day = START + timedelta(days=rng.randrange(days))
        distractor = rng.random() < 1 / 3
        told = 1 if distractor else min(20, max(1, int(rng.paretovariate(1.2))))
        words = [f"e{n_event}w{k}" for k in range(rng.randint(3, 6))]
        kinds = tuple(rng.sample(KINDS, rng.randint(1, 2)))
        claimants = rng.sample(CLAIMANTS, rng.randint(1, 4))
        toll = rng.randint(2, 40)
        for r in range(told):
            if len(out) >= reports:
                break
            published = day + timedelta(days=min(60, int(rng.expovariate(1 / 3)) + r // 4))
            toll += rng.randint(0, max(1, toll // 5))
            number = len(out)
            text = f"Report {number} of event {n_event} in {place.name}."
            document = Document(
                text, title=f"Report {number}", published=published,
                publisher=rng.choice(OUTLETS), id=f"d{number:07d}",
            )  # fmt: skip
            terms = [(w, 2.0 if i == 0 else 1.0) for i, w in enumerate(words) if rng.random() < 0.8]
            terms += [(w, 0.5) for w in rng.sample(COMMON, 3)]
            terms += [(f"n{rng.randrange(50_000)}", 0.7) for _ in range(2)]  # noise words
            event = ReportEvent(document.id, published, day, country, (place,), kinds, tuple(terms))
            claims = []
            for k in range(_claims_in_report(rng)):
                who = rng.choice(claimants)
                outcome = "killed" if k % 3 != 2 else "injured"
                group = GROUPS[0] if k < 2 else rng.choice(GROUPS)
                value = toll if outcome == "killed" else toll * 2
                if group != "people":
                    value = max(1, value // 3)
                sentence = f"A {kinds[0]} in {place.name} killed {value} people, {who[1]} said."
                claim_place = place if rng.random() < 0.85 else rng.choice(places[country])
                claims.append(
                    Claim(
                        id=f"{document.id}-{k}",
                        document_id=document.id,
                        outcome=outcome,
                        count=Count(value, value, str(value)),
                        victims=Victims(group, group),
                        claimant=Claimant(who[0], who[1], who[2]),
                        evidence=Evidence(sentence, k * 100, k * 100 + len(sentence)),
                        extractor=EXTRACTOR,
                        reported_by=document.publisher,
                        place=claim_place,
                        period=Period(day, day),
                        cumulative=r > 0,
                    )
                )
            out.append((published, number, Report(document, tuple(claims), event)))
    out.sort(key=lambda item: (item[0], item[1]))
    return [report for _, _, report in out]


def _claims_in_report(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4, 5, 6), weights=(12, 18, 22, 20, 16, 12))[0]


def upto(reports: list[Report], claims: int) -> list[Report]:
    """The archive up to its ``claims``-th claim."""
    total = 0
    for i, report in enumerate(reports):
        total += len(report.claims)
        if total >= claims:
            return reports[: i + 1]
    return reports


def _peak_mb() -> float:
    """This process's peak resident set (VmHWM; else ``ru_maxrss``)."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1]) / 1024
    except (OSError, StopIteration, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """Start the peak resident set afresh (Linux: clear_refs 5), so that each measure has its
    own peak; elsewhere an earlier, higher peak hides a later one."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _resident_mb() -> float:
    """The resident set now (Linux), else the peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return _peak_mb()
    return pages * resource.getpagesize() / 2**20


def _measure(what: Callable[[], Any]) -> tuple[Any, float, float]:
    """What ``what`` gives, its seconds, and how far the peak resident set rose above the
    resident set before it (0 when an earlier peak was higher)."""
    gc.collect()
    _reset_peak()
    before = _resident_mb()
    t0 = time.perf_counter()
    result = what()
    return result, time.perf_counter() - t0, max(0.0, _peak_mb() - before)


def _load(path: Path) -> list[Report]:
    with path.open("rb") as fh:
        reports: list[Report] = pickle.load(fh)
    return reports


def _split(every: list[Report]) -> tuple[list[Report], list[Report]]:
    """The archive and the 1% more reports that arrive after it."""
    reports = upto(every, sum(len(r.claims) for r in every) * 100 // 101)
    return reports, every[len(reports) :]


def run_core(path: Path) -> dict[str, Any]:
    from warmonitor.reconcile import reconcile
    from warmonitor.reconcile.incidents import plan
    from warmonitor.reconcile.incremental import refresh

    reports, later = _split(_load(path))
    claims = [c for r in reports for c in r.claims]
    published = {r.document.id: r.document.published for r in reports}
    events = {r.document.id: r.event for r in reports}
    stored = refresh(plan(claims, published, events=events), {})  # digests, not timed
    incidents, seconds, mb = _measure(lambda: reconcile(claims, published, events=events))
    assert incidents == stored.finish({})
    previous = {i.id: frozenset(i.claim_ids) for i in incidents}
    claims += [c for r in later for c in r.claims]
    published.update((r.document.id, r.document.published) for r in later)
    events.update((r.document.id, r.event) for r in later)
    arguments: dict[str, Any] = {"events": events, "previous": previous}
    full, full_s, full_mb = _measure(lambda: reconcile(claims, published, **arguments))
    kept = {i.id: i for i in incidents}

    def incremental() -> tuple[list[Any], int]:
        todo = refresh(plan(claims, published, **arguments), stored.digests)
        return todo.finish({i: kept[i] for i in todo.keep}), len(todo.keep)

    (again, keep), more_s, more_mb = _measure(incremental)
    assert again == full, "the incremental core differs from a full run"
    return {
        "reports": len(reports),
        "claims": sum(len(r.claims) for r in reports),
        "incidents": len(incidents),
        "seconds": seconds,
        "peak_mb": mb,
        "added_reports": len(later),
        "added_seconds": more_s,
        "added_peak_mb": more_mb,
        "added_kept": keep,
        "added_full_seconds": full_s,
        "added_full_peak_mb": full_mb,
    }


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store (the backup API)."""
    with sqlite3.connect(source) as left, sqlite3.connect(target) as right:
        left.backup(right)
    left.close()
    right.close()


def run_stored(path: Path) -> dict[str, Any]:
    from warmonitor.reconcile_service import reconcile_incidents
    from warmonitor.store import Store

    reports, later = _split(_load(path))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store.open(f"sqlite:///{db}") as store:

            def ingest(batch: list[Report]) -> None:
                for r in batch:
                    store.save(r.document, r.claims, r.event)

            _, ingest_s, _ = _measure(lambda: ingest(reports))
            result, seconds, mb = _measure(lambda: reconcile_incidents(store))
            _, again_s, _ = _measure(lambda: reconcile_incidents(store))
            ingest(later)
            _copy(db, Path(tmp) / "cold.db")
            _copy(db, Path(tmp) / "full.db")
            more, more_s, more_mb = _measure(lambda: reconcile_incidents(store))
            more_incidents = list(more.incidents)
        with Store.open(f"sqlite:///{tmp}/cold.db") as store:
            cold, cold_s, cold_mb = _measure(lambda: reconcile_incidents(store))
            cold_incidents = list(cold.incidents)  # the kept ones decoded now, not timed
        with Store.open(f"sqlite:///{tmp}/full.db") as store:
            full, full_s, full_mb = _measure(lambda: reconcile_incidents(store, full=True))
    assert more_incidents == cold_incidents == full.incidents, "incremental differs from full"
    return {
        "reports": len(reports),
        "claims": sum(len(r.claims) for r in reports),
        "incidents": len(result.incidents),
        "ingest_seconds": ingest_s,
        "seconds": seconds,
        "peak_mb": mb,
        "unchanged_seconds": again_s,
        "added_reports": len(later),
        "added_seconds": more_s,
        "added_peak_mb": more_mb,
        "added_kept": more.kept,
        "added_cold_seconds": cold_s,
        "added_cold_peak_mb": cold_mb,
        "added_full_seconds": full_s,
        "added_full_peak_mb": full_mb,
    }


def _child(mode: str, size: int, reports: list[Report], timeout: float) -> dict[str, Any] | None:
    """Run one size in a fresh process that reads only its part of the archive."""
    batch = upto(reports, size * 101 // 100)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.pickle"
        with path.open("wb") as fh:
            pickle.dump(batch, fh, protocol=pickle.HIGHEST_PROTOCOL)
        command = [sys.executable, __file__, "--child", mode, "--input", str(path)]
        try:
            proc = subprocess.run(
                command, check=True, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return None
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _table(rows: list[tuple[str, int, dict[str, Any] | None]], timeout: float) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Reconciling at archive scale (seed {SEED}); seconds (peak MB)")
    columns = ("path", "claims", "reports", "incidents", "ingest s", "reconcile s (MB)",
               "unchanged s", "+1% reports", "+1% full s (MB)", "+1% incremental s (MB)",
               "kept", "+1% incremental, new store s (MB)")  # fmt: skip
    for column in columns:
        table.add_column(column, justify="left" if column == "path" else "right")
    for mode, size, r in rows:
        if r is None:
            table.add_row(mode, f"{size:,}", "", "", "", f"> {timeout:.0f}", *[""] * 6)
            continue

        def cell(key: str, fmt: str = "{:.1f}", row: dict[str, Any] = r) -> str:
            return fmt.format(row[key]) if key in row else ""

        def timed(key: str, row: dict[str, Any] = r) -> str:
            if key not in row:
                return ""
            return f"{row[key]:.1f} ({row[key.replace('seconds', 'peak_mb')]:.0f})"

        table.add_row(
            mode,
            f"{r['claims']:,}",
            f"{r['reports']:,}",
            f"{r['incidents']:,}",
            cell("ingest_seconds"),
            timed("seconds"),
            cell("unchanged_seconds", "{:.2f}"),
            cell("added_reports", "{:,}"),
            timed("added_full_seconds"),
            timed("added_seconds"),
            cell("added_kept", "{:,}"),
            timed("added_cold_seconds"),
        )
    Console(width=170).print(table)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000", help="claims, comma-separated")
    ap.add_argument("--stored-sizes", default="10000,30000,100000", help="'' for none")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run")
    ap.add_argument("--profile", type=int, metavar="CLAIMS", help="cProfile the core at a size")
    ap.add_argument("--child", choices=["core", "stored"], help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps((run_core if args.child == "core" else run_stored)(args.input)))
        return 0
    if args.profile:
        from warmonitor.reconcile import reconcile

        reports = upto(archive(), args.profile)
        claims = [c for r in reports for c in r.claims]
        published = {r.document.id: r.document.published for r in reports}
        events = {r.document.id: r.event for r in reports}
        profiler = cProfile.Profile()
        profiler.runcall(reconcile, claims, published, events=events)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return 0
    reports = archive()
    rows: list[tuple[str, int, dict[str, Any] | None]] = []
    for mode, sizes in (("core", args.sizes), ("stored", args.stored_sizes)):
        for size in (int(s) for s in sizes.split(",") if s.strip()):
            rows.append((mode, size, _child(mode, size, reports, args.timeout)))
            print(f"{mode} {size}: {rows[-1][2]}", file=sys.stderr, flush=True)
    _table(rows, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
