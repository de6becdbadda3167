"""Analysts' corrections through the API, replayed as the CLI's are: incidents merged and
split, a claim moved, an actor renamed, a document's metadata corrected. Reports written for
these tests; SQLite, and PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server."""

from __future__ import annotations

from typing import Any

import pytest

from web_support import Api

IDLIB = """Air strike kills 9 in Idlib

An air strike killed 9 people in a market in Idlib on Monday, the Syrian Observatory for Human
Rights said.
"""
KHARKIV = """Missiles hit Kharkiv

Missiles struck a depot in Kharkiv on Thursday, killing 3 workers, the regional governor said.
"""


@pytest.fixture
def two_events(api: Api) -> Api:
    files = [
        ("files", ("idlib.txt", IDLIB.encode(), "text/plain")),
        ("files", ("kharkiv.txt", KHARKIV.encode(), "text/plain")),
    ]
    response = api.post("/api/ingest/files", files=files, data={"published": "2024-03-07"})
    assert response.status_code == 201 and response.json()["documents_new"] == 2
    assert api.json("/api/incidents")["total"] == 2
    return api


def incidents(api: Api) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = api.json("/api/incidents")["items"]
    return items


def test_merge_then_split_back(two_events: Api) -> None:
    first, second = (i["id"] for i in incidents(two_events))
    body = {"incidents": [first[:8], second], "reason": "one campaign, one event"}
    merged = two_events.post("/api/incidents/merge", json=body)
    assert merged.status_code == 201, merged.text
    decision = merged.json()
    assert decision["action"] == "merge" and decision["analyst"] == "ana"
    assert decision["reason"] == "one campaign, one event"
    assert len(decision["incidents"]) == 1
    now = incidents(two_events)
    assert len(now) == 1 and now[0]["documents"] == 2
    audited = two_events.audit(action="incident_merge")[0]
    assert audited["detail"]["reason"] == "one campaign, one event"

    kharkiv = [c["claim"]["id"] for c in two_events.json("/api/claims", place="UA")["items"]]
    split = two_events.post(
        f"/api/incidents/{now[0]['id']}/split",
        json={"claims": kharkiv, "reason": "two towns after all"},
    )
    assert split.status_code == 201, split.text
    assert split.json()["claims"] == kharkiv
    assert len(incidents(two_events)) == 2


def test_a_claim_moves_to_another_incident(two_events: Api) -> None:
    idlib = next(i for i in incidents(two_events) if i["place"]["country"] == "SY")
    claim = two_events.json("/api/claims", place="UA")["items"][0]["claim"]["id"]
    body = {"incident": idlib["id"], "reason": "the same strike"}
    moved = two_events.post(f"/api/claims/{claim}/move", json=body)
    assert moved.status_code == 201, moved.text
    holder = next(i for i in moved.json()["incidents"] if i["id"] == idlib["id"])
    assert holder["claims"] == idlib["claims"] + 1
    again = two_events.post(f"/api/claims/{claim}/move", json=body)
    assert again.status_code == 400 and "already" in again.json()["detail"]


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/api/incidents/merge", {"incidents": ["a", "b"], "reason": "r"}, 404),
        ("/api/incidents/merge", {"incidents": ["x"], "reason": "r"}, 422),
        ("/api/incidents/merge", {"incidents": ["a", "b"]}, 422),
        ("/api/incidents/nothing/split", {"claims": ["c"], "reason": "r"}, 404),
        ("/api/claims/nothing/move", {"incident": "a", "reason": "r"}, 404),
    ],
)
def test_bad_decisions_are_4xx(
    two_events: Api, path: str, body: dict[str, Any], status: int
) -> None:
    response = two_events.post(path, json=body)
    assert response.status_code == status, response.text
    assert two_events.store.incident_decisions() == []


def test_merging_an_incident_with_itself_is_400(two_events: Api) -> None:
    first = incidents(two_events)[0]["id"]
    body = {"incidents": [first, first[:6]], "reason": "r"}
    response = two_events.post("/api/incidents/merge", json=body)
    assert response.status_code == 400 and "two different" in response.json()["detail"]


def test_actors_are_corrected_and_replayed(two_events: Api) -> None:
    body = {
        "action": "rename",
        "actor": "regional governor",
        "value": "Kharkiv regional governor",
        "reason": "the office, not the person",
    }
    response = two_events.post("/api/actors/corrections", json=body)
    assert response.status_code == 201, response.text
    names = {a["name"] for a in response.json()}
    assert "Kharkiv regional governor" in names
    assert {a["name"] for a in two_events.json("/api/actors")} == names
    entry = two_events.audit(action="actor_correct")[0]
    assert entry["target"] == "regional governor" and entry["detail"]["reason"]
    bad = {**body, "action": "merge", "actor": "sohr", "value": "sohr"}
    refused = two_events.post("/api/actors/corrections", json=bad)
    assert refused.status_code == 400, refused.text
    wrong = two_events.post("/api/actors/corrections", json={**body, "action": "delete"})
    assert wrong.status_code == 422
    for blank in ({"actor": " \t"}, {"value": "\n"}):
        empty = two_events.post("/api/actors/corrections", json={**body, **blank})
        assert empty.status_code == 422, empty.text
    # a separator control is blank to the domain, not to the schema: refused all the same
    control = two_events.post("/api/actors/corrections", json={**body, "value": "\x1f"})
    assert control.status_code == 400, control.text
    assert "an actor and a value" in control.json()["detail"]


def test_a_documents_metadata_is_corrected_and_its_claims_read_again(two_events: Api) -> None:
    document = next(
        d for d in two_events.json("/api/documents")["items"] if d["source"] == "upload:idlib.txt"
    )
    body = {"published": "2024-04-10", "publisher": "Test Wire", "reason": "the wire's own date"}
    response = two_events.request(
        "PATCH", f"/api/documents/{document['id']}", as_="analyst", json=body
    )
    assert response.status_code == 200, response.text
    corrected = response.json()
    assert corrected["document"]["published"] == "2024-04-10"
    assert corrected["document"]["publisher"] == "Test Wire"
    assert corrected["claims_rewritten"] >= 1
    periods = [
        c["claim"]["period"]["start"]
        for c in two_events.json("/api/claims", document_id=document["id"])["items"]
    ]
    assert periods and all(p.startswith("2024-04") for p in periods)  # "Monday" read again
    assert corrected["document"]["claims"] == len(periods)
    entry = two_events.audit(action="document_correct")[0]
    assert entry["detail"]["reason"] == "the wire's own date"

    only_reason = two_events.request(
        "PATCH", f"/api/documents/{document['id']}", as_="analyst", json={"reason": "r"}
    )
    assert only_reason.status_code == 400 and "nothing to correct" in only_reason.json()["detail"]
    missing = two_events.request("PATCH", "/api/documents/none", as_="analyst", json=body)
    assert missing.status_code == 404


TWO_VOICES = """Air strike kills 9 in Idlib

An air strike killed 9 people in a market in Idlib on Monday, the Syrian Observatory for Human
Rights said. The civil defence also said 9 people were killed in the strike.
"""


def test_possible_duplicates_are_proposed_never_merged(api: Api) -> None:
    files = [("files", ("strike.txt", TWO_VOICES.encode(), "text/plain"))]
    assert (
        api.post("/api/ingest/files", files=files, data={"published": "2024-03-05"}).status_code
        == 201
    )
    (whole,) = incidents(api)
    assert api.json("/api/incidents/duplicates")["total"] == 0
    civil = [c["claim"]["id"] for c in api.json("/api/claims", claimant="civil defence")["items"]]
    split = api.post(
        f"/api/incidents/{whole['id']}/split", json={"claims": civil, "reason": "test"}
    )
    assert split.status_code == 201, split.text
    page = api.json("/api/incidents/duplicates")
    assert page["total"] == 1
    (proposal,) = page["items"]
    assert "same place: Idlib" in proposal["reasons"]
    assert "same figure: all killed 9" in proposal["reasons"]
    assert len(incidents(api)) == 2  # proposed, not merged
    ids = [i["id"] for i in proposal["incidents"]]
    merged = api.post("/api/incidents/merge", json={"incidents": ids, "reason": "one strike"})
    assert merged.status_code == 201
    assert api.json("/api/incidents/duplicates")["total"] == 0
