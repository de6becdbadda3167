"""Ingest, incidents, actors and exports through the API, as an analyst uses them: reports
written for these tests are uploaded, reconciled by the same verbs as the CLI, and read back.
SQLite, and PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server."""

from __future__ import annotations

import csv
import io
import json

import pytest

from web_support import Api

MORNING = """Shelling kills 14 in Idlib

Shelling killed 14 people in Idlib on Monday, the Syrian Observatory for Human Rights
said.
"""
EVENING = """Toll in Idlib shelling rises

The toll of Monday's shelling of Idlib rose to 19 dead, the Syrian Observatory for Human
Rights said on Tuesday. The city council said 22 people were killed.
"""


@pytest.fixture
def reported(api: Api) -> Api:
    """Two reports of one event uploaded by the analyst."""
    files = [
        ("files", ("morning.txt", MORNING.encode(), "text/plain")),
        ("files", ("evening.txt", EVENING.encode(), "text/plain")),
    ]
    response = api.post("/api/ingest/files", files=files, data={"published": "2024-03-05"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["files"] == 2 and body["documents_new"] == 2 and body["failures"] == []
    assert body["claims_added"] >= 3
    return api


def test_uploaded_documents_are_named_by_their_file(reported: Api) -> None:
    documents = reported.json("/api/documents")["items"]
    assert sorted(d["source"] for d in documents) == ["upload:evening.txt", "upload:morning.txt"]
    assert all(d["published"] == "2024-03-05" for d in documents)
    again = reported.post(
        "/api/ingest/files", files=[("files", ("copy.txt", MORNING.encode(), "text/plain"))]
    )
    assert again.json()["documents_seen"] == 1 and again.json()["documents_new"] == 0
    entry = reported.audit(action="ingest")[0]
    assert entry["user"] == "ana" and entry["detail"]["documents_seen"] == 1


def test_incidents_with_low_best_high_flags_and_series(reported: Api) -> None:
    page = reported.json("/api/incidents")
    assert page["total"] == 1
    incident = page["items"][0]
    assert incident["place"]["name"] == "Idlib" and incident["documents"] == 2
    killed = next(t for t in incident["totals"] if t["outcome"] == "killed")
    assert killed["low"] <= killed["best"] <= killed["high"]
    assert killed["high"] >= 19
    series = {s["claimant"]: s for s in incident["series"] if s["outcome"] == "killed"}
    observatory = next(s for name, s in series.items() if "Observatory" in name)
    assert [p["value"] for p in observatory["points"]] == [14, 19]
    (flag,) = incident["flags"]  # the observatory's 19 against the council's 22
    assert flag["kind"] == "conflict" and "19" in flag["message"] and "22" in flag["message"]

    one = reported.json(f"/api/incidents/{incident['id'][:6]}")
    assert one["id"] == incident["id"]
    assert one["incident"]["tallies"] and len(one["claim_list"]) == incident["claims"]
    assert {c["id"] for c in one["claim_list"]} == set(one["incident"]["claims"])
    median = reported.json(f"/api/incidents/{incident['id']}", policy="median")
    assert median["policy"] == "median"


def test_incident_filters(reported: Api) -> None:
    assert reported.json("/api/incidents", country="sy")["total"] == 1
    assert reported.json("/api/incidents", country="UA")["total"] == 0
    assert reported.json("/api/incidents", outcome="killed")["total"] == 1
    assert reported.json("/api/incidents", outcome="displaced")["total"] == 0
    assert reported.json("/api/incidents", q="idlib", start="2024-03-01")["total"] == 1
    assert reported.json("/api/incidents", end="2024-01-01")["total"] == 0
    for bad in ({"policy": "loudest"}, {"country": "Syria"}, {"flagged": "perhaps"}):
        assert reported.get("/api/incidents", params=bad).status_code == 422


def test_a_review_changes_the_tally(reported: Api) -> None:
    incident = reported.json("/api/incidents")["items"][0]
    before = next(t for t in incident["totals"] if t["outcome"] == "killed")
    claims = reported.json("/api/claims", outcome="killed", claimant="council")["items"]
    assert [c["claim"]["count"]["low"] for c in claims] == [22]
    correction = {"count": {"low": 220, "high": 220, "text": "220"}}
    response = reported.post(
        f"/api/claims/{claims[0]['claim']['id']}/reviews",
        json={"action": "correct", "reason": "the council's own list", "correction": correction},
    )
    assert response.status_code == 201
    after = reported.json(f"/api/incidents/{incident['id']}")
    high = next(t for t in after["totals"] if t["outcome"] == "killed")["high"]
    assert high == 220 and high != before["high"]
    assert incident["reviewed"] == {"accepted": 0, "corrected": 0}
    assert after["reviewed"] == {"accepted": 0, "corrected": 1}  # it says so
    listed = reported.json("/api/incidents")["items"][0]
    assert listed["reviewed"] == after["reviewed"]
    export = reported.get("/api/exports/csv")
    assert export.headers["X-Warmonitor-Reviews"] == "accepted=0, corrected=1, rejected=0"
    assert "220" in export.text


def test_actors(reported: Api) -> None:
    actors = reported.json("/api/actors")
    observatory = next(a for a in actors if a["id"] == "sohr")
    assert observatory["kind"] == "monitor" and observatory["claims"] >= 2
    assert any(latest["figure"] for latest in observatory["latest"])


@pytest.mark.parametrize("format", ["csv", "json", "geojson", "ucdp", "acled", "parquet"])
def test_exports_in_every_format_are_audited(reported: Api, format: str) -> None:
    response = reported.get(f"/api/exports/{format}")
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    if format in ("csv", "ucdp", "acled"):
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert rows
    elif format == "parquet":
        assert response.content[:4] == b"PAR1"
    else:
        document = json.loads(response.text)
        assert document["incidents" if format == "json" else "features"]
    entry = reported.audit(action="export")[0]
    assert entry["target"] == format and entry["user"] == "vera"


def test_an_unknown_export_format_is_422(reported: Api) -> None:
    assert reported.get("/api/exports/xlsx").status_code == 422
    assert reported.get("/api/exports/csv", params={"policy": "x"}).status_code == 422


def test_incidents_filter_by_violation_perpetrator_kind_and_victims(reported: Api) -> None:
    assert reported.json("/api/incidents", violation="shelling")["total"] == 1
    assert reported.json("/api/incidents", violation="air_strike")["total"] == 0
    assert reported.json("/api/incidents", perpetrator_kind="non_state")["total"] == 0
    assert reported.json("/api/incidents", victim="journalists")["total"] == 0
    bad = reported.get("/api/incidents", params={"violation": "bombardment"})
    assert bad.status_code == 422


def test_follow_ups_are_recorded_by_analysts_and_read_by_viewers(reported: Api) -> None:
    incident = reported.json("/api/incidents")["items"][0]["id"]
    path = f"/api/incidents/{incident[:6]}/follow-ups"
    body = {
        "kind": "referred_to_inquiry",
        "date": "2024-03-20",
        "source": "https://example.org/inquiry",
        "note": "the governorate announced an inquiry",
        "violation": "shelling",
    }
    created = reported.post(path, json=body)
    assert created.status_code == 201, created.text
    denied = reported.post(path, json={"kind": "denied", "date": "2024-03-10"})
    assert denied.status_code == 201
    listed = reported.json(path)
    assert [(f["kind"], f["date"]) for f in listed] == [
        ("denied", "2024-03-10"),
        ("referred_to_inquiry", "2024-03-20"),
    ]
    assert listed[1]["incident_id"] == incident and listed[1]["analyst"] == "ana"
    assert reported.audit(action="incident_follow_up")[0]["target"] == incident
    assert reported.post(path, json=body, as_="viewer").status_code == 403
    assert reported.post(path, json={**body, "kind": "sued"}).status_code == 422
    assert reported.post(path, json={**body, "date": "2999-01-01"}).status_code == 400
    assert reported.post("/api/incidents/zzzzzz/follow-ups", json=body).status_code == 404
    csv_text = reported.get("/api/exports/csv").text
    assert "referred_to_inquiry 2024-03-20" in csv_text
    exported = reported.get("/api/exports/json").json()
    assert [f["kind"] for f in exported["incidents"][0]["follow_ups"]] == [
        "denied",
        "referred_to_inquiry",
    ]


def test_incidents_list_is_not_sent_again_while_nothing_was_written(reported: Api) -> None:
    assert "ETag" not in reported.get("/api/incidents").headers  # reconciled on this reading
    first = reported.get("/api/incidents")  # the stored run is of today's inputs
    assert first.status_code == 200
    tag = first.headers["ETag"]
    again = reported.get("/api/incidents", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    claims = reported.json("/api/claims", outcome="killed", claimant="council")["items"]
    review = {"action": "accept", "reason": "the council's own list"}
    response = reported.post(f"/api/claims/{claims[0]['claim']['id']}/reviews", json=review)
    assert response.status_code == 201
    after = reported.get("/api/incidents", headers={"If-None-Match": tag})  # reconciled again
    assert after.status_code == 200 and after.json() != {}
    assert sum(i["reviewed"]["accepted"] for i in after.json()["items"]) == 1
    tag = reported.get("/api/incidents").headers["ETag"]  # the stored run is today's again
    assert reported.get("/api/incidents", headers={"If-None-Match": tag}).status_code == 304
