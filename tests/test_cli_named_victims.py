"""Named victims beside the claimed toll, end to end against a real SQLite file: `incident ID`
says "claimed N, named M", the exports carry it, and `victims export --no-names` leaves the
names out (invented report and names)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

EXE = str(Path(sys.executable).with_name("warmonitor"))

REPORT = (
    "Air strikes on a market in Ariha killed 14 civilians on Monday, the Syrian Observatory "
    "for Human Rights said.\n"
)
LIST = """record_id,name_en,gender,age_years,date_of_death,place_of_death
v1,Zamartan Qablousi,m,34,2024-05-06,Ariha
v2,Danfara Zamartan,f,29,2024-05-07,"Ariha, Idlib"
v3,Qablous Tareen,m,3,2024-05-06,Ariha
v4,Tazeen Marzan,f,61,2024-03-02,Ariha
v5,Kholoud Sharaf,f,40,2024-05-06,Kharkiv
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return result


def test_the_toll_stands_beside_the_named_dead_and_names_can_be_left_out(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    report = tmp_path / "ariha.txt"
    report.write_text(REPORT, encoding="utf-8")
    names = tmp_path / "list.csv"
    names.write_text(LIST, encoding="utf-8")
    run("ingest", str(report), "--published", "2024-05-07", "--db", db)
    run("victims", "import", str(names), "--list", "monitor", "--db", db)
    run("reconcile", "--db", db)
    (incident,) = json.loads(run("incidents", "--format", "json", "--db", db).stdout)

    shown = run("incident", incident["id"], "--db", db).stdout
    assert "claimed 14, named 3 (3 record(s) in monitor)" in shown
    detail = json.loads(run("incident", incident["id"], "--format", "json", "--db", db).stdout)
    assert detail["named_victims"] == {
        "incident_id": incident["id"],
        "persons": 3,
        "records": 3,
        "lists": ["monitor"],
    }

    exported = tmp_path / "incidents.csv"
    run("export", "--format", "csv", "--output", str(exported), "--db", db)
    with exported.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = [r for r in rows if r["row_kind"] == "total" and r["outcome"] == "killed"]
    assert [r["named_victims"] for r in total] == ["3"]
    assert {r["named_victims"] for r in rows if r not in total} == {""}

    plain = tmp_path / "victims.csv"
    run("victims", "export", "--output", str(plain), "--no-names", "--db", db)
    text = plain.read_text(encoding="utf-8")
    assert "Zamartan" not in text and "Sharaf" not in text
    rows = list(csv.DictReader(text.splitlines()))
    assert "name" not in rows[0] and "alt_name" not in rows[0]
    by_id = {r["record_id"]: r for r in rows}
    assert {k for k, r in by_id.items() if r["incident_id"] == incident["id"]} == {"v1", "v2", "v3"}
    assert by_id["v5"]["place_country"] == "UA" and by_id["v4"]["incident_id"] == ""

    full = tmp_path / "victims.json"
    run("victims", "export", "--output", str(full), "--format", "json", "--db", db)
    records = json.loads(full.read_text(encoding="utf-8"))
    assert {r["record_id"]: r["name"] for r in records}["v1"] == "Zamartan Qablousi"
