"""``warmonitor documents`` and ``warmonitor document ID`` end to end, on a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).with_name("warmonitor"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "raid.txt").write_text(
        "Nine people were killed in a raid on Sunday, the police said.\n", encoding="utf-8"
    )
    (folder / "wire.jsonl").write_text(
        json.dumps(
            {
                "id": "w1",
                "text": "Two fishermen are missing off the cape.",
                "published": "2024-05-02",
                "publisher": "Cape Wire",
                "url": "https://cape.example/w1",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("ingest", str(folder), "--db", url).returncode == 0
    return url


def documents(db: str) -> list[dict[str, object]]:
    listed = json.loads(run("documents", "--format", "json", "--db", db).stdout)
    assert isinstance(listed, list)
    return listed


def test_documents_lists_what_is_stored(db: str) -> None:
    listed = documents(db)
    assert [
        (d["source"], d["published"], d["publisher"], d["url"], d["claims"]) for d in listed
    ] == [
        (listed[0]["source"], None, None, None, 1),
        ("w1", "2024-05-02", "Cape Wire", "https://cape.example/w1", 1),
    ]
    assert str(listed[0]["source"]).endswith("raid.txt")
    rows = list(csv.DictReader(io.StringIO(run("documents", "-f", "csv", "--db", db).stdout)))
    assert [r["claims"] for r in rows] == ["1", "1"] and rows[0]["published"] == ""
    table = run("documents", "--db", db).stdout
    assert "2 document(s)" in table and str(listed[1]["id"]) in table


def test_document_gets_a_date_and_its_claims_are_read_again(db: str) -> None:
    raid = documents(db)[0]
    (before,) = json.loads(
        run("claims", "--document", str(raid["id"]), "-f", "json", "--db", db).stdout
    )
    assert before["period"] is None

    done = run("document", str(raid["id"]), "--published", "2024-06-11", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "published 2024-06-11" in done.stdout and "1 rewritten" in done.stdout

    assert documents(db)[0]["published"] == "2024-06-11"
    (after,) = json.loads(
        run("claims", "--document", str(raid["id"]), "-f", "json", "--db", db).stdout
    )
    assert after["id"] == before["id"]  # the same claim, its date now resolved
    assert after["period"]["start"] == "2024-06-09"

    shown = run("document", str(raid["id"]), "--db", db).stdout
    assert "published: 2024-06-11" in shown and "claims: 1" in shown


def test_document_errors_are_one_line(db: str) -> None:
    missing = run("document", "0" * 32, "--publisher", "X", "--db", db)
    assert missing.returncode == 1 and "no document" in missing.stderr
    raid = documents(db)[0]
    bad = run("document", str(raid["id"]), "--published", "11/06/2024", "--db", db)
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr
    assert "Traceback" not in missing.stderr + bad.stderr
