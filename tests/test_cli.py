"""The command line end to end, as a person runs it, against a real SQLite file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).with_name("warmonitor"))
CONTRACT_KEYS = {
    "id", "document_id", "outcome", "count", "victims", "claimant", "reported_by", "hedges",
    "place", "period", "said_on", "part_of", "cumulative", "earlier", "evidence", "extractor",
    "violations", "perpetrator", "victim_identity",
}  # fmt: skip


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture()
def batch(tmp_path: Path, reports_dir: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(reports_dir / "deir-ez-zor.txt", folder / "a-report.txt")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "c-empty.txt").write_text("")
    (folder / "d-records.jsonl").write_text(
        json.dumps({"id": "r1", "text": "Police said 4 people were killed in Mosul on Monday.",
                    "published": "2024-06-11"}) + "\n{broken json\n",
        encoding="utf-8",
    )  # fmt: skip
    return folder


def test_ingest_reports_bad_files_and_keeps_the_rest(batch: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    first = run("ingest", str(batch), "--published", "2024-08-15", "--db", db)
    assert first.returncode == 1
    assert "b-binary.txt" in first.stderr and "binary" in first.stderr
    assert "c-empty.txt" in first.stderr and "empty" in first.stderr
    assert "d-records.jsonl:2" in first.stderr
    assert "2 new document(s)" in first.stdout

    claims = json.loads(run("claims", "--format", "json", "--db", db).stdout)
    assert len(claims) == 9
    assert all(set(c) == CONTRACT_KEYS for c in claims)
    assert {c["extractor"] for c in claims} == {"warmonitor 0.1.0"}

    again = run("ingest", str(batch), "--published", "2024-08-15", "--db", db)
    assert "0 new document(s), 2 already stored, 0 claim(s) added" in again.stdout
    assert len(json.loads(run("claims", "--format", "json", "--db", db).stdout)) == 9


def test_claims_formats_and_document_filter(batch: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    run("ingest", str(batch / "d-records.jsonl"), "--db", db)
    lines = run("claims", "--format", "jsonl", "--db", db).stdout.splitlines()
    claim = json.loads(lines[0])
    assert (claim["count"]["low"], claim["claimant"]["name"]) == (4, "Police")
    assert claim["period"]["start"] == "2024-06-10"
    csv_out = run("claims", "--format", "csv", "--db", db).stdout.splitlines()
    assert csv_out[0].startswith("id,document_id,outcome,low,high")
    table = run("claims", "--document", claim["document_id"], "--db", db).stdout
    assert "killed" in table and "Police" in table
    assert "0 claim(s)" in run("claims", "--document", "nope", "--db", db).stdout


def test_extract_writes_one_prediction_per_record(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    rows = [
        {"id": "a", "text": "Gunmen killed 12 villagers near Kano on Tuesday.", "title": None,
         "published": "2024-07-10"},
        {"id": "b", "text": "The market reopened after the holiday.", "title": None,
         "published": None},
    ]  # fmt: skip
    records.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = run("extract", str(records), "--output", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr
    preds = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in preds] == ["a", "b"]
    assert (preds[0]["killed"], preds[0]["country"], preds[0]["date"]) == (12, "NG", "2024-07-09")
    assert len(preds[0]["claims"]) == 1 and preds[1]["claims"] == []
    assert preds[1]["killed"] is None


def test_extract_can_count_the_non_combatant_dead(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    row = {"id": "a", "text": "Gunmen killed 20 civilians and two soldiers in the village."}
    records.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    args = ("extract", str(records), "--output", str(out), "--workers", "1")
    assert run(*args).returncode == 0
    assert json.loads(out.read_text())["killed"] == 22
    assert run(*args, "--counting", "non-combatant").returncode == 0
    assert json.loads(out.read_text())["killed"] == 20


def test_demo_builds_a_fresh_store(tmp_path: Path) -> None:
    result = run("demo", "--db", str(tmp_path / "demo.db"))
    assert result.returncode == 0, result.stderr
    assert "reports" in result.stdout and "claims" in result.stdout
    assert "5 incidents" in result.stdout  # the demo reconciles its reports too
    again = run("demo", "--db", str(tmp_path / "demo.db"))
    assert (
        again.returncode == 0 and again.stdout.splitlines()[-2:] == result.stdout.splitlines()[-2:]
    )


def test_bad_options_are_clear_errors(tmp_path: Path) -> None:
    bad_date = run("ingest", str(tmp_path), "--published", "9 March", "--db",
                   f"sqlite:///{tmp_path / 'x.db'}")  # fmt: skip
    assert bad_date.returncode == 1 and "YYYY-MM-DD" in bad_date.stderr
    (tmp_path / "file").write_text("x")
    bad_db = run("claims", "--db", f"sqlite:///{tmp_path / 'file' / 'store.db'}")
    assert bad_db.returncode == 1 and "error" in bad_db.stderr
    assert "Traceback" not in bad_db.stderr
