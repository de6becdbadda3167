"""The incident commands end to end, as a person runs them, against a real SQLite file:
`reconcile`, `incidents`, `incident ID`, `incident merge|split|move` and `export`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXE = str(Path(sys.executable).with_name("warmonitor"))
FIXTURES = Path(__file__).parent / "fixtures" / "incidents"


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=180)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def incidents(db: str, *options: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        run("incidents", "--format", "json", "--db", db, *options).stdout
    )
    return data


def where(found: list[dict[str, Any]], place: str) -> dict[str, Any]:
    (incident,) = [i for i in found if i["place"] and i["place"]["name"] == place]
    return incident


def tally(incident: dict[str, Any], group: str, outcome: str = "killed") -> dict[str, Any]:
    (found,) = [t for t in incident["tallies"] if (t["outcome"], t["group"]) == (outcome, group)]
    return found


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the market, parts and two-cities fixtures ingested (once per module)."""
    path = tmp_path_factory.mktemp("template") / "store.db"
    for name in ("market-strike.jsonl", "parts.jsonl", "separate.jsonl"):
        run("ingest", str(FIXTURES / name), "--db", f"sqlite:///{path}")
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> str:
    copy = tmp_path / "store.db"
    shutil.copy(template, copy)
    return f"sqlite:///{copy}"


def test_incidents_lists_the_fixtures_with_traceable_numbers(db: str) -> None:
    found = incidents(db)
    market = where(found, "Idlib")
    people = tally(market, "people")
    assert (people["low"]["value"], people["best"]["value"], people["high"]["value"]) == (
        27,
        27,
        40,
    )
    assert len(people["best"]["claims"]) == 3  # the monitor's 27, as three outlets gave it
    assert len(people["sources"]) == 2
    assert [f["kind"] for f in market["flags"]] == ["conflict"]
    summaries = [s["summary"] for s in market["timeline"]]
    assert any("rose from at least 12 to 27" in s for s in summaries)
    mosul = where(found, "Mosul")
    assert [f["kind"] for f in mosul["flags"]] == ["parts"]
    kharkiv = where(found, "Kharkiv")
    assert kharkiv["flags"] == [] and kharkiv["checks"][0]["ok"]
    claims = {c["id"] for c in json.loads(run("claims", "--format", "json", "--db", db).stdout)}
    assert sorted(c for i in found for c in i["claims"]) == sorted(claims)


def test_incidents_table_csv_and_policies(db: str) -> None:
    table = run("incidents", "--db", db).stdout
    assert "Idlib" in table and "Mosul" in table
    csv_text = run("incidents", "--format", "csv", "--db", db).stdout
    assert csv_text.splitlines()[0].startswith("incident_id,label,place")
    ranked = incidents(db, "--policy", "ranked", "--ranking", "Syrian Network for Human Rights")
    assert tally(where(ranked, "Idlib"), "people")["best"]["value"] == 40
    bad = run("incidents", "--policy", "average", "--db", db, ok=False)
    assert bad.returncode != 0 and "average" in bad.stderr


def test_incident_shows_figures_side_by_side_with_evidence(db: str) -> None:
    market = where(incidents(db), "Idlib")
    shown = run("incident", market["id"][:6], "--db", db).stdout
    assert f"Incident {market['id']}" in shown
    assert "Syrian Observatory for Human Rights (monitor): 27" in shown
    assert "Syrian Network for Human Rights (monitor): at least 40" in shown
    assert "superseded" in shown and "repeat" in shown
    assert "The toll from Monday's air strike on the Idlib market climbed to 27" in shown
    assert "FLAG conflict: people killed" in shown
    detail = json.loads(run("incident", "show", market["id"], "-f", "json", "--db", db).stdout)
    assert set(detail["claims_detail"]) == set(market["claims"])
    missing = run("incident", "nope1234", "--db", db, ok=False)
    assert missing.returncode == 1 and "no incident 'nope1234'" in missing.stderr


def test_a_merge_survives_reconciliation_and_new_reports(db: str) -> None:
    run("reconcile", "--db", db)
    before = incidents(db)
    kherson, odesa = where(before, "Kherson"), where(before, "Odesa")
    merged = run(
        "incident",
        "merge",
        kherson["id"],
        odesa["id"],
        "--analyst",
        "ana",
        "--note",
        "one wave of strikes",
        "--db",
        db,
    ).stdout
    assert "decision 1: merged" in merged
    after = incidents(db)
    assert len(after) == len(before) - 1
    (both,) = [i for i in after if set(kherson["claims"]) <= set(i["claims"])]
    assert set(odesa["claims"]) <= set(both["claims"]) and both["decisions"] == [1]
    assert both["id"] in (kherson["id"], odesa["id"])
    run("reconcile", "--db", db)
    run("ingest", str(FIXTURES / "later.jsonl"), "--db", db)
    run("reconcile", "--policy", "median", "--db", db)
    again = incidents(db)
    (still,) = [i for i in again if set(kherson["claims"]) <= set(i["claims"])]
    assert set(odesa["claims"]) <= set(still["claims"]) and still["id"] == both["id"]
    same_ids = {i["id"] for i in again} & {i["id"] for i in after}
    assert len(same_ids) >= len(after)  # every incident kept its id


def test_split_and_move(db: str) -> None:
    run("reconcile", "--db", db)
    found = incidents(db)
    market = where(found, "Idlib")
    snhr = tally(market, "people")["sources"][1]["claims"][0]
    split = run("incident", "split", market["id"], "--claims", snhr[:10], "--db", db).stdout
    assert "split 1 claim(s) out of" in split
    after = incidents(db)
    assert len(after) == len(found) + 1
    assert [snhr] in [i["claims"] for i in after]
    rest = next(i for i in after if i["id"] == market["id"])  # the rest keeps the id
    assert set(rest["claims"]) == set(market["claims"]) - {snhr}
    assert rest["flags"] == []  # the disagreement left with the split claim
    run("reconcile", "--db", db)
    assert [snhr] in [i["claims"] for i in incidents(db)]  # the split holds

    moved = run("incident", "move", snhr, "--to", market["id"], "--db", db).stdout
    assert f"into incident {market['id']}" in moved
    assert snhr in next(i for i in incidents(db) if i["id"] == market["id"])["claims"]
    wrong = run("incident", "split", market["id"], "--claims", "ffffffff", "--db", db, ok=False)
    assert wrong.returncode == 1 and "no claim 'ffffffff'" in wrong.stderr


def test_export_writes_geojson_and_ucdp(db: str, tmp_path: Path) -> None:
    geo = tmp_path / "incidents.geojson"
    printed = run("export", "--format", "geojson", "--output", str(geo), "--db", db).stdout
    assert "written to" in printed
    data = json.loads(geo.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == len(incidents(db))
    ged = tmp_path / "ged.csv"
    run("export", "-f", "ucdp", "-o", str(ged), "--db", db)
    assert ged.read_text(encoding="utf-8").startswith("id,year,where_prec")


def test_incidents_claims_and_exports_filter_by_what_was_done(db: str, tmp_path: Path) -> None:
    shelled = incidents(db, "--violation", "shelling")
    assert sorted(i["place"]["name"] for i in shelled) == ["Kharkiv", "Kherson"]
    assert all(i["violations"]["types"][0]["type"] == "shelling" for i in shelled)
    struck = incidents(db, "--violation", "air_strike")
    assert "Idlib" in [i["place"]["name"] for i in struck]
    claims = json.loads(
        run("claims", "--format", "json", "--db", db, "--violation", "shelling").stdout
    )
    assert claims and all(any(v["type"] == "shelling" for v in c["violations"]) for c in claims)
    path = tmp_path / "shelling.csv"
    run("export", "--format", "acled", "--output", str(path), "--db", db, "--violation", "shelling")
    assert path.read_text(encoding="utf-8").count("Shelling/artillery/missile attack") == 2
    bad = run("incidents", "--db", db, "--perpetrator-kind", "aliens", ok=False)
    assert bad.returncode == 1 and "unknown perpetrator kind 'aliens'" in bad.stderr
