#!/usr/bin/env python3
"""The desk under load: 50 clients for 60 s against `warmonitor serve` on loopback.

    .venv/bin/python benchmarks/load.py                              # SQLite; PostgreSQL too
    .venv/bin/python benchmarks/load.py --stores postgresql --clients 20 --seconds 30
    .venv/bin/python benchmarks/load.py --keep /tmp/wm-load --think 1   # keep the stores; paced

(``make bench-load``.) PostgreSQL runs when ``--postgres URL`` or
``$WARMONITOR_TEST_POSTGRES_URL`` names a server (``scripts/ci_postgres.sh`` starts one); the
store is a schema of its own, dropped afterwards.

Each store is filled with the synthetic archive of ``benchmarks/reconcile.py`` (seed 8) up to
``--claims`` claims (100,000), saved report by report through ``Store.save`` as an ingest
saves them, then reconciled once (``reconcile_service.stored_incidents``), so that the
incidents are the stored run the server reads. A viewer with a bearer token is added; the
server is the command itself (``warmonitor serve --host 127.0.0.1 --port P --db URL
--workers N``, ``--workers``) in a subprocess. ``--clients`` clients (httpx, asyncio) each send
requests back to back (a closed loop; ``--think`` seconds between a client's requests for a
paced one) for ``--seconds``, turning over the endpoints (``--endpoints``) with varied filters
and pages:

- claims: ``GET /api/claims`` (50 a page; a random page, or outcome, place, victim group, words
  of the evidence, claimant, a date range);
- incidents: ``GET /api/incidents`` (50 a page; a random page, a country, flagged ones);
- map: the map page, ``GET /map`` over one year of dates, of one outcome (the page carries
  its points: every incident matching, sized by best estimate; the basemap is a static file).
- session (only when named, ``--endpoints session``): ``GET /api/session``, who is logged in:
  the floor, what any authenticated request costs on this machine (the token's user read, the
  app's routing and a small JSON body), to read the others' figures against.

Printed per store and endpoint: requests, requests/s, p50 and p99 latency (ms) and errors (any
answer but 200, or no answer); the run fails (exit 1) when there is any error. Client and
server share the machine: on few cores the figures are the machine's as much as the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from reconcile import COUNTRIES, GROUPS, START, YEARS, archive, upto

ENDPOINTS = ("claims", "incidents", "map")
FLOOR = "session"  # not in the default turn: the least an authenticated request costs
USER = "loadtest"


@dataclass
class Tally:
    """What one endpoint answered: each latency in seconds, and the errors by kind."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def add_error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange(YEARS * 365))


def claims_request(rng: random.Random) -> dict[str, Any]:
    """Parameters of one claims query, as the desk's filters send them."""
    params: dict[str, Any] = {"limit": 50}
    kind = rng.randrange(7)
    if kind == 0:
        params["offset"] = rng.randrange(0, 2000) * 50
    elif kind == 1:
        params["outcome"] = rng.choice(("killed", "injured"))
    elif kind == 2:
        params["place"] = rng.choice(COUNTRIES)
    elif kind == 3:
        params["victim_group"] = rng.choice(GROUPS)
    elif kind == 4:
        params["q"] = rng.choice(("shelling", "air strike", "drone", "market"))
    elif kind == 5:
        params["claimant"] = f"Monitor {rng.randrange(12)}"
    else:
        start = _day(rng)
        params |= {"start": start.isoformat(), "end": (start + timedelta(days=30)).isoformat()}
    return params


def incidents_request(rng: random.Random) -> dict[str, Any]:
    """Parameters of one page of the incidents list."""
    params: dict[str, Any] = {"limit": 50}
    kind = rng.randrange(3)
    if kind == 0:
        params["offset"] = rng.randrange(0, 200) * 50
    elif kind == 1:
        params["country"] = rng.choice(COUNTRIES)
    else:
        params["flagged"] = "true"
    return params


def map_request(rng: random.Random) -> dict[str, Any]:
    """What the map page is asked for: the incidents of a year and an outcome."""
    start = _day(rng)
    return {
        "outcome": rng.choice(("killed", "injured")),
        "start": start.isoformat(),
        "end": (start + timedelta(days=365)).isoformat(),
    }


def no_params(rng: random.Random) -> dict[str, Any]:
    """No parameters (the floor's request)."""
    return {}


REQUESTS: dict[str, tuple[str, Callable[[random.Random], dict[str, Any]]]] = {
    "claims": ("/api/claims", claims_request),
    "incidents": ("/api/incidents", incidents_request),
    "map": ("/map", map_request),
    "session": ("/api/session", no_params),
}


# --- the store ------------------------------------------------------------------------------


@contextmanager
def postgres_schema(url: str, keep: str | None) -> Iterator[str]:
    """A URL naming a fresh schema on the server at ``url``, dropped afterwards; or the
    schema ``keep``, made if missing and kept."""
    from sqlalchemy import create_engine, make_url

    schema = keep or f"wm_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        if keep:
            print(f"kept PostgreSQL schema {schema}", file=sys.stderr)
        else:
            with admin.begin() as connection:
                connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def fill(url: str, claims: int) -> tuple[str, dict[str, float]]:
    """Fill the store at ``url`` with ``claims`` synthetic claims (unless it holds them
    already), reconcile it, add a viewer: the viewer's token, and seconds taken."""
    from warmonitor.reconcile_service import stored_incidents
    from warmonitor.store import Store
    from warmonitor.user_service import hash_password, new_token

    timings: dict[str, float] = {}
    with Store.open(url) as store:
        held = store.counts()["claims"]
        if held < claims:
            reports = upto(archive(), claims)
            t0 = time.perf_counter()
            for report in reports:
                store.save(report.document, report.claims, report.event)
            timings["fill_s"] = time.perf_counter() - t0
            held = sum(len(r.claims) for r in reports)
        t0 = time.perf_counter()
        result = stored_incidents(store, claims=False)  # reconciled and stored when stale
        timings["reconcile_s"] = time.perf_counter() - t0
        timings["claims"] = held
        timings["incidents"] = len(result.incidents)
        if USER not in {u.name for u in store.users()}:
            store.add_user(USER, "viewer", hash_password(uuid.uuid4().hex))
        token, _ = new_token(store, USER, label="load test", by="benchmarks/load.py")
    return token, timings


# --- the server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(url: str, log: Path, workers: int = 1) -> Iterator[str]:
    """``warmonitor serve`` over ``url`` on a free loopback port, until the block ends."""
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from warmonitor.cli import main; main()",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--db",
        url,
        "--workers",
        str(workers),
    ]
    env = {**os.environ, "WARMONITOR_SECRET_KEY": uuid.uuid4().hex}
    with log.open("wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"warmonitor serve exited ({proc.returncode}); see {log}")
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"warmonitor serve did not answer within 60 s; see {log}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --- the clients ----------------------------------------------------------------------------


async def drive(
    base: str,
    token: str,
    *,
    clients: int,
    seconds: float,
    think: float,
    seed: int,
    endpoints: tuple[str, ...] = ENDPOINTS,
    warmers: int = 1,
) -> tuple[dict[str, Tally], float]:
    """``clients`` clients for ``seconds``, turning over ``endpoints``: each endpoint's
    tally, and the seconds run."""
    tallies = {name: Tally() for name in endpoints}
    # idle connections dropped after 2 s, before the server's keep-alive (uvicorn's 5 s) ends
    # them: a request sent on a connection the server is closing fails with ReadError
    limits = httpx.Limits(
        max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=2
    )
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(
        base_url=base, headers=headers, limits=limits, timeout=60
    ) as client:
        # warm, not counted: each endpoint a few times at once, so that every server process
        # (--workers) has likely read the stored incidents before the clock starts
        warm = [name for name in endpoints for _ in range(4 * warmers)]
        answers = await asyncio.gather(
            *(client.get(REQUESTS[n][0], params=REQUESTS[n][1](random.Random(seed))) for n in warm)
        )
        for name, answer in zip(warm, answers, strict=True):
            if answer.status_code != 200:
                raise SystemExit(f"{name}: {answer.status_code} {answer.text[:300]}")
        t0 = time.monotonic()
        stop = t0 + seconds

        async def one(number: int) -> None:
            rng = random.Random(seed * 1000 + number)
            turn = number
            while time.monotonic() < stop:
                name = endpoints[turn % len(endpoints)]
                turn += 1
                path, make = REQUESTS[name]
                tally = tallies[name]
                began = time.perf_counter()
                try:
                    answer = await client.get(path, params=make(rng))
                    await answer.aread()
                except httpx.HTTPError as exc:
                    tally.add_error(type(exc).__name__)
                else:
                    if answer.status_code == 200:
                        tally.latencies.append(time.perf_counter() - began)
                    else:
                        tally.add_error(str(answer.status_code))
                if think:
                    await asyncio.sleep(think)

        await asyncio.gather(*(one(n) for n in range(clients)))
        return tallies, time.monotonic() - t0


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``, 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def report(store: str, tallies: dict[str, Tally], seconds: float) -> list[dict[str, Any]]:
    rows = []
    for name, tally in tallies.items():
        done = len(tally.latencies)
        rows.append(
            {
                "store": store,
                "endpoint": name,
                "requests": done + sum(tally.errors.values()),
                "per_s": done / seconds,
                "p50_ms": percentile(tally.latencies, 50) * 1000,
                "p99_ms": percentile(tally.latencies, 99) * 1000,
                "errors": sum(tally.errors.values()),
                "error_kinds": dict(tally.errors),
            }
        )
    return rows


def table(rows: list[dict[str, Any]], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Table(title=title)
    for column in ("store", "endpoint", "requests", "req/s", "p50 ms", "p99 ms", "errors"):
        out.add_column(column, justify="left" if column in ("store", "endpoint") else "right")
    for r in rows:
        errors = str(r["errors"]) + (f" {r['error_kinds']}" if r["errors"] else "")
        out.add_row(
            r["store"],
            r["endpoint"],
            f"{r['requests']:,}",
            f"{r['per_s']:.1f}",
            f"{r['p50_ms']:.0f}",
            f"{r['p99_ms']:.0f}",
            errors,
        )
    Console(width=120).print(out)


def run_store(kind: str, url: str, args: argparse.Namespace, workdir: Path) -> list[dict[str, Any]]:
    token, timings = fill(url, args.claims)
    print(
        f"{kind}: {int(timings['claims']):,} claims, {int(timings['incidents']):,} incidents"
        + (f"; filled in {timings['fill_s']:.0f} s" if "fill_s" in timings else "")
        + f"; reconciled (or read) in {timings['reconcile_s']:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    with server(url, workdir / f"serve-{kind}.log", args.workers) as base:
        tallies, seconds = asyncio.run(
            drive(
                base,
                token,
                clients=args.clients,
                seconds=args.seconds,
                think=args.think,
                seed=args.seed,
                endpoints=args.endpoints,
                warmers=args.workers,
            )
        )
    return report(kind, tallies, seconds)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000, help="claims in the store")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients")
    ap.add_argument("--seconds", type=float, default=60, help="how long the clients run")
    ap.add_argument("--think", type=float, default=0, help="seconds between a client's requests")
    ap.add_argument("--stores", default="sqlite,postgresql", help="which stores, comma-separated")
    ap.add_argument(
        "--postgres",
        default=os.environ.get("WARMONITOR_TEST_POSTGRES_URL"),
        help="a PostgreSQL server's URL (default $WARMONITOR_TEST_POSTGRES_URL)",
    )
    ap.add_argument(
        "--keep",
        type=Path,
        help="keep the SQLite store and logs here, the PostgreSQL schema as wm_load_CLAIMS; reuse",
    )
    ap.add_argument("--workers", type=int, default=1, help="warmonitor serve --workers")
    ap.add_argument("--endpoints", default=",".join(ENDPOINTS), help="which, comma-separated")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    args.endpoints = tuple(e.strip() for e in args.endpoints.split(",") if e.strip())
    if unknown := set(args.endpoints) - set(REQUESTS):
        raise SystemExit(f"unknown endpoints {sorted(unknown)}: {', '.join(REQUESTS)}")
    stores = [s.strip() for s in args.stores.split(",") if s.strip()]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for kind in stores:
            if kind == "sqlite":
                url = f"sqlite:///{workdir / f'load-{args.claims}.db'}"
                rows += run_store(kind, url, args, workdir)
            elif kind == "postgresql":
                if not args.postgres:
                    print("postgresql: no server (--postgres or $WARMONITOR_TEST_POSTGRES_URL)")
                    continue
                keep = f"wm_load_{args.claims}" if args.keep else None
                with postgres_schema(args.postgres, keep) as url:
                    rows += run_store(kind, url, args, workdir)
            else:
                raise SystemExit(f"unknown store {kind!r}: sqlite or postgresql")
    pace = f"{args.think:g} s between requests" if args.think else "back to back"
    table(
        rows,
        f"{args.clients} clients for {args.seconds:g} s ({pace}), {args.claims:,} claims, "
        f"{args.workers} server process{'es' if args.workers > 1 else ''}",
    )
    return 1 if any(r["errors"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
