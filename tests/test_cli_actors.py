"""`warmonitor actors` and `warmonitor actor alias|merge|rename` end to end on a real SQLite
file, with reports written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXE = str(Path(sys.executable).with_name("warmonitor"))

FIRST = """Shelling kills 14 in Kafr Nabudah

Shelling killed 14 people in Kafr Nabudah on Monday, Hadi Marouf, the head of the town's
council, said.
"""
SECOND = """Toll in Kafr Nabudah shelling rises

The toll of Monday's shelling of Kafr Nabudah rose to 19 dead, Marouf said on Tuesday.
"""


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=180)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def actors(db: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(run("actors", "--format", "json", "--db", db).stdout)
    return found


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    for name, text, day in (("a.txt", FIRST, "2024-03-04"), ("b.txt", SECOND, "2024-03-05")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        run("ingest", str(path), "--published", day, "--db", url)
    return url


def test_a_surname_is_the_person_named_in_full(db: str) -> None:
    names = [a["name"] for a in actors(db)]
    assert "Hadi Marouf" in names
    assert "Marouf" not in names


def test_corrections_are_kept_and_replayed(db: str) -> None:
    before = {a["name"]: a["claims"] for a in actors(db)}
    assert "Syrian Observatory for Human Rights" not in before
    run("actor", "rename", "Hadi Marouf", "Kafr Nabudah council head", "--db", db)
    run("actor", "alias", "Kafr Nabudah council head", "the town council", "--db", db)
    run("actor", "merge", "sohr", "Kafr Nabudah council head", "--db", db)
    found = {a["name"]: a for a in actors(db)}
    assert "Syrian Observatory for Human Rights" in found
    assert found["Syrian Observatory for Human Rights"]["claims"] == before["Hadi Marouf"] >= 2
    assert "Hadi Marouf" not in found
    shown = json.loads(run("incidents", "--format", "json", "--db", db).stdout)
    claimants = {c for incident in shown for c in incident["claimants"]}
    assert "Syrian Observatory for Human Rights" in claimants


def test_a_correction_of_nothing_is_a_clear_error(db: str) -> None:
    result = run("actor", "merge", "sohr", "sohr", "--db", db, ok=False)
    assert result.returncode == 1
    assert "sohr" in result.stderr
