"""`warmonitor victims import`: records, bad rows by line, idempotent re-import (invented names,
on every store backend)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from warmonitor.errors import InputError
from warmonitor.store import Store
from warmonitor.victim_service import import_victims, read_victim_csv
from warmonitor.victims import column_mapping

EXE = str(Path(sys.executable).with_name("warmonitor"))

GOOD_AND_BAD = """record_id,name_ar,name_en,gender,age_years,incident_date,incident_id
r1,زمرتان قبلوسي دنفار,Zamartan Qablousi Danfar,m,34,2024-01-05,inc1
r2,,,f,20,2024-01-05,inc1
r3,دنفرة زمرتان,Danfara Zamartan,f,abc,2024-01-05,inc1
r4,قبلوس ترين,Qablous Tareen,x,3,2024-01-06,inc2
r5,خلود شرف,Kholoud Sharaf,f,7,2024-13-40,inc2
r6,تزين مرزان,Tazeen Marzan,f,61,2024-01-07
r7,تزين مرزان كبور,,f,0.5,2024-01-07,inc3
r7,تزين مرزان كبور,,f,0.5,2024-01-07,inc3
"""


def write(tmp_path: Path, text: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_rows_are_reported_by_line_and_the_rest_read(tmp_path: Path) -> None:
    mapping = ["incident_date=death_date"]
    records, problems = read_victim_csv(write(tmp_path, GOOD_AND_BAD), "monitor", mapping)
    assert [r.record_id for r in records] == ["r1", "r7"]
    assert [(p.line, p.reason.split()[0]) for p in problems] == [
        (3, "no"),
        (4, "age"),
        (5, "sex"),
        (6, "death"),
        (7, "6"),
        (9, "same"),
    ]
    first = records[0]
    assert (first.list_name, first.line, first.sex, first.age) == ("monitor", 2, "m", 34.0)
    assert first.name == "زمرتان قبلوسي دنفار"
    assert first.alt_name == "Zamartan Qablousi Danfar"
    assert first.death_date == date(2024, 1, 5)
    assert first.incident == "inc1"
    assert records[1].age == 0.5


def test_the_map_names_fields_and_is_checked() -> None:
    header = ["id", "full name", "born"]
    mapping = column_mapping(header, {"full name": "name", "born": "birth_date"})
    assert mapping == {"full name": "name", "born": "birth_date", "id": "record_id"}
    with pytest.raises(ValueError, match="unknown field"):
        column_mapping(header, {"born": "birthday"})
    with pytest.raises(ValueError, match="no column"):
        column_mapping(header, {"died": "death_date"})
    with pytest.raises(ValueError, match="no column is mapped to name"):
        column_mapping(["id", "born"], {})


def test_a_file_without_a_name_column_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "id,age\n1,3\n")
    with pytest.raises(InputError, match="no column is mapped to name") as caught:
        read_victim_csv(path, "x")
    assert caught.value.source == str(path)


def test_reimport_is_idempotent_and_keeps_list_and_line(store_url: str, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_AND_BAD)
    with Store.open(store_url) as store:
        first = import_victims(store, path, "monitor", ["incident_date=death_date"])
        again = import_victims(store, path, "monitor", ["incident_date=death_date"])
        other = import_victims(store, path, "ministry", ["incident_date=death_date"])
        stored = store.victim_records()
    assert (first.added, first.updated, first.unchanged, len(first.problems)) == (2, 0, 0, 6)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert other.added == 2
    assert sorted((s.record.list_name, s.record.line) for s in stored) == [
        ("ministry", 2),
        ("ministry", 8),
        ("monitor", 2),
        ("monitor", 8),
    ]


def test_a_changed_row_updates_its_record(store_url: str, tmp_path: Path) -> None:
    text = "record_id,name,age\nq1,زمرتان دنفار,30\nq2,قبلوس ترين,4\n"
    with Store.open(store_url) as store:
        import_victims(store, write(tmp_path, text), "ministry")
        changed = text.replace(",30", ",31")
        report = import_victims(store, write(tmp_path, changed, "b.csv"), "ministry")
        ages = sorted(s.record.age or 0 for s in store.victim_records("ministry"))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert ages == [4.0, 31.0]


def test_rows_without_ids_are_keyed_by_content(store_url: str, tmp_path: Path) -> None:
    text = "name,age\nزمرتان دنفار,30\nقبلوس ترين,4\n"
    with Store.open(store_url) as store:
        import_victims(store, write(tmp_path, text), "families")
        again = import_victims(store, write(tmp_path, text), "families")
    assert (again.added, again.unchanged) == (0, 2)


def test_the_command_reports_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_AND_BAD)
    db = f"sqlite:///{tmp_path / 'v.db'}"
    args = [EXE, "victims", "import", str(path), "--list", "monitor", "--db", db]
    result = subprocess.run(
        [*args, "--map", "incident_date=death_date"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert f"{path}:4: age is not a number" in result.stderr  # the value is not shown
    assert "2 added, 0 updated, 0 unchanged, 6 bad rows left out" in result.stdout
    bad = subprocess.run([*args, "--map", "nope"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert "column=field" in bad.stderr
