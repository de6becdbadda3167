"""SIGKILL at many points of ingest, reconcile, linkage and an API write leaves a consistent
store, and running the work again completes it as an uninterrupted run would (invented reports
and names, real processes, SQLite files).

Each operation is first run to the end to learn how long it takes; then a fresh copy of its
store is killed at fractions of that time spread over the run (process start, reading, writing,
committing), the store is checked (SQLite's own integrity and foreign-key checks, and what the
operation promises: whole documents, a whole link run), and the operation is run again.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from warmonitor.victims.synthetic import population, two_lists

EXE = str(Path(sys.executable).with_name("warmonitor"))
FRACTIONS = (0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95)
TOWNS = ["Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Raqqa", "Latakia", "Deir ez-Zor", "Mosul"]


def write_corpus(folder: Path, n: int = 48) -> Path:
    folder.mkdir()
    for i in range(n):
        town, other = TOWNS[i % len(TOWNS)], TOWNS[(i + 4) % len(TOWNS)]
        (folder / f"report-{i:03d}.txt").write_text(
            f"Shelling on a market in {town} killed {i + 3} civilians and wounded {2 * i + 5} "
            f"on Tuesday, the Syrian Observatory for Human Rights said.\n\n"
            f"Local medics said {i % 7 + 1} of the dead were children. A day earlier an air "
            f"strike on {other} killed {i % 11 + 2} fighters, activists said.\n",
            encoding="utf-8",
        )
    return folder


def command(*args: str, db: Path) -> list[str]:
    return [EXE, *args, "--db", f"sqlite:///{db}"]


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - start


def kill_after(args: list[str], seconds: float) -> None:
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)


def check_consistent(db: Path) -> None:
    """SQLite's integrity and foreign-key checks, the whole schema or none (killed while the
    store was being made), and no claim without its document."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {t for (t,) in connection.execute("SELECT name FROM sqlite_master")}
        if "claims" not in tables:
            assert not {t for t in tables if not t.startswith("sqlite_")}, tables
            return
        orphans = connection.execute(
            "SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()
        assert orphans == (0,)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute(sql).fetchall(), key=repr)


def incidents(db: Path) -> list[tuple[object, ...]]:
    args = command("incidents", "--format", "json", db=db)
    found = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    return sorted(
        (tuple(sorted(i["claims"])), json.dumps(i["tallies"], sort_keys=True)) for i in found
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("kill") / "corpus")


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """A store of the whole corpus, and how long its ingest took."""
    db = tmp_path_factory.mktemp("whole") / "store.db"
    seconds = timed(command("ingest", str(corpus), "--published", "2024-05-07", db=db))
    return db, seconds


def test_ingest_killed_anywhere_leaves_whole_documents_and_a_rerun_completes(
    corpus: Path, ingested: tuple[Path, float], tmp_path: Path
) -> None:
    whole, seconds = ingested
    expected_documents = rows(whole, "SELECT id FROM documents")
    expected_claims = rows(whole, "SELECT id, document_id FROM claims")
    for n, fraction in enumerate(FRACTIONS):
        db = tmp_path / f"ingest-{n}.db"
        args = command("ingest", str(corpus), "--published", "2024-05-07", db=db)
        kill_after(args, seconds * fraction)
        if db.exists():
            check_consistent(db)
        if db.exists() and rows(db, "SELECT name FROM sqlite_master WHERE name = 'claims'"):
            documents = {d for (d,) in rows(db, "SELECT id FROM documents")}
            claims = rows(db, "SELECT id, document_id FROM claims")
            # a document is stored with all its claims or not at all
            assert claims == [c for c in expected_claims if c[1] in documents]
        assert timed(args) > 0
        check_consistent(db)
        assert rows(db, "SELECT id FROM documents") == expected_documents
        assert rows(db, "SELECT id, document_id FROM claims") == expected_claims


def test_reconcile_killed_anywhere_keeps_the_last_run_and_a_rerun_completes(
    ingested: tuple[Path, float], tmp_path: Path
) -> None:
    whole, _ = ingested
    clean = tmp_path / "clean.db"
    shutil.copy(whole, clean)
    seconds = timed(command("reconcile", db=clean))
    expected = incidents(clean)
    for n, fraction in enumerate(FRACTIONS):
        db = tmp_path / f"reconcile-{n}.db"
        shutil.copy(whole, db)
        kill_after(command("reconcile", db=db), seconds * fraction)
        check_consistent(db)
        assert incidents(db) == expected  # what the faces show: reconciled again if need be
        timed(command("reconcile", db=db))
        check_consistent(db)
        assert incidents(db) == expected


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    left, right, _ = two_lists(population(400, seed=11), overlap=0.6, seed=11)
    folder = tmp_path_factory.mktemp("lists")
    paths = []
    for name, records in (("ministry", left), ("monitor", right)):
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=sorted({k for r in records for k in r}))
            writer.writeheader()
            writer.writerows(records)
        paths.append(path)
    return paths[0], paths[1]


def test_linkage_killed_anywhere_keeps_a_whole_run_and_a_rerun_completes(
    lists: tuple[Path, Path], tmp_path: Path
) -> None:
    base = tmp_path / "base.db"
    for path, name in zip(lists, ("ministry", "monitor"), strict=True):
        timed(command("victims", "import", str(path), "--list", name, db=base))
    clean = tmp_path / "clean.db"
    shutil.copy(base, clean)
    seconds = timed(command("victims", "link", "--threshold", "0.9", db=clean))
    pairs = "SELECT left_id, right_id, linked FROM victim_links"
    expected = rows(clean, pairs)
    persons = "SELECT record_id, person FROM victim_persons"
    expected_persons = rows(clean, persons)
    records = len(rows(clean, "SELECT id FROM victim_records"))
    for n, fraction in enumerate(FRACTIONS):
        db = tmp_path / f"link-{n}.db"
        shutil.copy(base, db)
        kill_after(command("victims", "link", "--threshold", "0.9", db=db), seconds * fraction)
        check_consistent(db)
        runs = rows(db, "SELECT id FROM victim_link_runs")
        found = rows(db, persons)
        # no run at all, or one whole run: every record with its person, every pair
        assert (runs, found) == ([], []) or (len(found) == records and len(runs) == 1)
        timed(command("victims", "link", "--threshold", "0.9", db=db))
        check_consistent(db)
        assert rows(db, pairs) == expected
        assert rows(db, persons) == expected_persons


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    args = command("serve", "--port", str(port), db=db)
    env = {**os.environ, "WARMONITOR_SECRET_KEY": "kill-points-test-key-0123456789"}
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("the server did not start")


@pytest.fixture
def served(ingested: tuple[Path, float], tmp_path: Path) -> Iterator[tuple[Path, str]]:
    db = tmp_path / "served.db"
    shutil.copy(ingested[0], db)
    subprocess.run(command("reconcile", db=db), check=True, capture_output=True)
    subprocess.run(
        command("user", "add", "ana", "--role", "analyst", "--password-stdin", db=db),
        input="a long enough password\n",
        check=True,
        capture_output=True,
        text=True,
    )
    made = subprocess.run(
        command("user", "token", "ana", db=db), capture_output=True, text=True, check=True
    )
    token = next(w for w in made.stdout.split() if w.startswith("wm_"))
    yield db, token


def test_an_api_write_killed_anywhere_leaves_whole_reviews_and_goes_on(
    served: tuple[Path, str],
) -> None:
    db, token = served
    claim_ids = [c for (c,) in rows(db, "SELECT id FROM claims")][:40]
    headers = {"Authorization": f"Bearer {token}"}
    answered: set[str] = set()
    for n in range(len(FRACTIONS)):
        port = free_port()
        server = serve(db, port)
        batch = claim_ids[n * 5 : n * 5 + 5]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
            for i, claim_id in enumerate(batch):
                if i == n % 5:  # kill the server while this write is in flight
                    os.kill(server.pid, signal.SIGKILL)
                try:
                    response = client.post(
                        f"/api/claims/{claim_id}/reviews",
                        json={"action": "accept", "reason": "checked against the list"},
                        timeout=10,
                    )
                except httpx.HTTPError:
                    break
                assert response.status_code in (200, 201), response.text
                answered.add(claim_id)
        server.wait(timeout=30)
        check_consistent(db)
        stored = {c for (c,) in rows(db, "SELECT claim_id FROM reviews")}
        assert answered <= stored  # every write the client saw answered is kept
    port = free_port()
    server = serve(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
            found = client.get("/api/incidents", timeout=30)
            assert found.status_code == 200
            again = client.post(
                f"/api/claims/{claim_ids[-1]}/reviews",
                json={"action": "accept", "reason": "checked again"},
                timeout=10,
            )
            assert again.status_code in (200, 201), again.text
    finally:
        server.kill()
        server.wait(timeout=30)
    check_consistent(db)
