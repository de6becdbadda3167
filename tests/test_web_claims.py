"""Documents, claims and reviews through the API, over a real store (SQLite, and PostgreSQL
when ``WARMONITOR_TEST_POSTGRES_URL`` names a server). The claims are written by hand so that
each filter has an exact answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmonitor.model import Perpetrator, VictimIdentity, Violation
from warmonitor.reconcile_service import stored_claims
from warmonitor.store import Store
from web_support import ALEPPO, KHARKIV, Api, make_claim, make_document

FIRST = make_document(
    "Shelling killed 10 civilians in Aleppo on Monday, the Syrian Observatory said. "
    "Twelve fighters were reported injured, according to a local council."
)
SECOND = make_document(
    "Missiles struck Kharkiv overnight; 4 people were killed and 30 injured, the regional "
    "governor said, in figures that could not be independently verified.",
    published=date(2024, 5, 2),
)


@pytest.fixture
def stocked(api: Api) -> Api:
    """Two documents and five claims of known outcomes, groups, claimants, places and dates."""
    first = [
        make_claim(FIRST, 0, place=ALEPPO, sentence=FIRST.text[:78]).with_(
            violations=(Violation("shelling", "Shelling"),),
            perpetrator=Perpetrator("regime forces", "regime forces", "state"),
        ),
        make_claim(
            FIRST,
            1,
            outcome="injured",
            low=12,
            group="combatants",
            claimant="local council",
            place=ALEPPO,
            hedges=("reported", "attributed"),
            sentence=FIRST.text[79:],
        ),
    ]
    second = [
        make_claim(
            SECOND,
            0,
            low=4,
            group="people",
            claimant="regional governor",
            place=KHARKIV,
            day=date(2024, 5, 1),
            hedges=("unverified",),
        ).with_(
            violations=(Violation("shelling", "Missiles"), Violation("armed_attack", "killed")),
            perpetrator=Perpetrator("Russian forces", "Russian forces", "transnational"),
        ),
        make_claim(
            SECOND,
            1,
            outcome="injured",
            low=30,
            group="people",
            claimant="regional governor",
            place=KHARKIV,
            day=date(2024, 5, 1),
            hedges=("unverified",),
        ),
        make_claim(
            SECOND, 2, low=2, group="children", claimant="regional governor", day=None
        ).with_(victim_identity=VictimIdentity("schoolchildren", age_sex="schoolchildren")),
    ]
    api.store.save(FIRST, first)
    api.store.save(SECOND, second)
    return api


def ids(page: dict[str, Any]) -> list[str]:
    return [item["claim"]["id"] for item in page["items"]]


def test_documents_list_and_one(stocked: Api) -> None:
    page = stocked.json("/api/documents")
    assert page["total"] == 2
    assert [d["id"] for d in page["items"]] == [FIRST.id, SECOND.id]
    assert [d["claims"] for d in page["items"]] == [2, 3]
    second = stocked.json("/api/documents", limit=1, offset=1)["items"]
    assert [(d["id"], d["claims"]) for d in second] == [(SECOND.id, 3)]
    one = stocked.json(f"/api/documents/{SECOND.id}")
    assert one["text"] == SECOND.text and one["published"] == "2024-05-02"
    assert one["claims"] == 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["F0", "F1", "S0", "S1", "S2"]),
        ({"outcome": "injured"}, ["F1", "S1"]),
        ({"victim_group": "people"}, ["S0", "S1"]),
        ({"claimant": "GOVERNOR"}, ["S0", "S1", "S2"]),
        ({"place": "sy"}, ["F0", "F1"]),
        ({"place": "kharkiv"}, ["S0", "S1"]),
        ({"start": "2024-04-01"}, ["S0", "S1"]),
        ({"end": "2024-04-01"}, ["F0", "F1"]),
        ({"start": "2024-03-04", "end": "2024-03-04"}, ["F0", "F1"]),
        ({"hedge": "unverified"}, ["S0", "S1"]),
        ({"hedge": "reported"}, ["F1"]),
        ({"q": "observatory"}, ["F0"]),
        ({"q": "100%"}, []),
        ({"document_id": SECOND.id, "outcome": "killed"}, ["S0", "S2"]),
        ({"outcome": "killed", "place": "UA", "hedge": "unverified"}, ["S0"]),
        ({"violation": "shelling"}, ["F0", "S0"]),
        ({"violation": "armed_attack"}, ["S0"]),
        ({"violation": "air_strike"}, []),
        ({"perpetrator_kind": "transnational"}, ["S0"]),
        ({"perpetrator_kind": "state", "violation": "shelling"}, ["F0"]),
        ({"victim": "SCHOOL"}, ["S2"]),
    ],
)
def test_claim_filters(stocked: Api, params: dict[str, str], expected: list[str]) -> None:
    names = {f"{FIRST.id[:12]}-{n}": f"F{n}" for n in range(2)}
    names |= {f"{SECOND.id[:12]}-{n}": f"S{n}" for n in range(3)}
    page = stocked.json("/api/claims", **params)
    assert [names[i] for i in ids(page)] == expected
    assert page["total"] == len(expected)


def test_claims_are_paged_with_a_total(stocked: Api) -> None:
    everything = ids(stocked.json("/api/claims"))
    pages = [stocked.json("/api/claims", limit=2, offset=o) for o in (0, 2, 4, 6)]
    assert [p["total"] for p in pages] == [5] * 4
    assert [i for p in pages for i in ids(p)] == everything
    assert pages[-1]["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"outcome": "exploded"},
        {"hedge": "maybe"},
        {"review_state": "pending"},
        {"start": "yesterday"},
        {"end": "2024-13-01"},
        {"limit": 0},
        {"limit": 100000},
        {"offset": -1},
        {"q": "x" * 300},
        {"violation": "bombardment"},
        {"perpetrator_kind": "aliens"},
    ],
)
def test_bad_filter_values_are_422_with_the_reason(stocked: Api, params: dict[str, Any]) -> None:
    response = stocked.get("/api/claims", params=params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail and detail[0]["loc"][-1] == next(iter(params))


def test_unknown_ids_are_404(stocked: Api) -> None:
    for path in (
        "/api/documents/0000",
        "/api/claims/nope",
        "/api/claims/nope/reviews",
        "/api/incidents/ffffffff",
    ):
        response = stocked.get(path)
        assert response.status_code == 404, path
        assert "no " in response.json()["detail"]
    review = {"action": "accept", "reason": "fine"}
    assert stocked.post("/api/claims/nope/reviews", json=review).status_code == 404


def test_reviews_are_records_and_the_machine_reading_stays(stocked: Api) -> None:
    first, injured, governor = (
        f"{FIRST.id[:12]}-0",
        f"{FIRST.id[:12]}-1",
        f"{SECOND.id[:12]}-0",
    )
    accepted = stocked.post(
        f"/api/claims/{first}/reviews", json={"action": "accept", "reason": "matches the text"}
    )
    assert accepted.status_code == 201
    assert accepted.json() == {
        **accepted.json(),
        "action": "accept",
        "reviewer": "ana",
        "reason": "matches the text",
        "correction": None,
    }
    rejected = stocked.post(
        f"/api/claims/{injured}/reviews", json={"action": "reject", "reason": "a duplicate"}
    )
    assert rejected.status_code == 201
    correction = {"count": {"low": 5, "high": 5, "text": "five"}, "victims": {"group": "civilians"}}
    corrected = stocked.post(
        f"/api/claims/{governor}/reviews",
        json={"action": "correct", "reason": "the governor corrected it", "correction": correction},
    )
    assert corrected.status_code == 201, corrected.text
    stored = corrected.json()["correction"]
    assert stored["count"]["low"] == 5
    assert stored["victims"] == {"group": "civilians", "text": "people"}  # completed

    detail = stocked.json(f"/api/claims/{governor}")
    assert detail["claim"]["count"]["low"] == 4  # the machine's reading, unchanged
    assert detail["reviewed"]["count"]["low"] == 5
    assert detail["reviewed"]["victims"]["group"] == "civilians"
    assert detail["review_state"] == "corrected" and len(detail["reviews"]) == 1
    assert stocked.json(f"/api/claims/{injured}")["reviewed"] is None

    states = {
        state: ids(stocked.json("/api/claims", review_state=state))
        for state in ("accepted", "rejected", "corrected", "unreviewed")
    }
    assert states["accepted"] == [first] and states["rejected"] == [injured]
    assert states["corrected"] == [governor] and len(states["unreviewed"]) == 2

    # the latest review wins, the earlier one stays on record
    again = stocked.post(
        f"/api/claims/{injured}/reviews", json={"action": "accept", "reason": "not a duplicate"}
    )
    assert again.status_code == 201
    history = stocked.json(f"/api/claims/{injured}/reviews")
    assert [r["action"] for r in history] == ["reject", "accept"]
    assert stocked.json("/api/reviews")["total"] == 4
    newest = stocked.json("/api/reviews", limit=2, offset=1)  # newest first
    assert newest["total"] == 4
    assert [r["claim_id"] for r in newest["items"]] == [governor, injured]

    # reconciliation uses the reviewed values
    used = {c.id: c for c in stored_claims(stocked.store)}
    assert used[governor].count.low == 5 and injured in used
    audited = stocked.audit(action="review")
    assert {e["target"] for e in audited} == {f"claim {i}" for i in (first, injured, governor)}
    assert all(e["user"] == "ana" for e in audited)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"action": "accept", "reason": "   "}, "reason"),
        ({"action": "correct", "reason": "r"}, "corrected fields"),
        ({"action": "reject", "reason": "r", "correction": {"outcome": "injured"}}, "only"),
        ({"action": "correct", "reason": "r", "correction": {"id": "x"}}, "cannot correct id"),
        ({"action": "correct", "reason": "r", "correction": {"outcome": "exploded"}}, "outcome"),
        ({"action": "correct", "reason": "r", "correction": {"count": {"low": -3}}}, "count"),
        ({"action": "correct", "reason": "r", "correction": {"count": {"high": 1}}}, "count"),
        ({"action": "correct", "reason": "r", "correction": {"period": "soon"}}, "valid claim"),
        (
            {"action": "correct", "reason": "r", "correction": {"victims": {"group": "aliens"}}},
            "victims.group",
        ),
    ],
)
def test_bad_reviews_are_400_and_store_nothing(
    stocked: Api, body: dict[str, Any], words: str
) -> None:
    claim = f"{FIRST.id[:12]}-0"
    response = stocked.post(f"/api/claims/{claim}/reviews", json=body)
    assert response.status_code == 400, response.text
    assert words in response.json()["detail"]
    assert stocked.store.reviews() == []


@pytest.mark.parametrize(
    "body",
    [{}, {"action": "approve", "reason": "r"}, {"action": "accept"}, "not json", None],
)
def test_malformed_review_bodies_are_422(stocked: Api, body: Any) -> None:
    claim = f"{FIRST.id[:12]}-0"
    if isinstance(body, str):
        response = stocked.post(
            f"/api/claims/{claim}/reviews",
            content=body,
            headers={"Content-Type": "application/json"},
        )
    else:
        response = stocked.post(f"/api/claims/{claim}/reviews", json=body)
    assert response.status_code == 422


def test_a_viewer_cannot_review(stocked: Api) -> None:
    claim = f"{FIRST.id[:12]}-0"
    body = {"action": "accept", "reason": "fine"}
    response = stocked.post(f"/api/claims/{claim}/reviews", as_="viewer", json=body)
    assert response.status_code == 403
    assert stocked.store.reviews() == []


def test_only_the_newest_extractor_version_is_listed(stocked: Api) -> None:
    assert stocked.json("/api/claims")["total"] == 5  # the older versions, now known, are kept
    newer = [
        replace(
            make_claim(FIRST, 7, place=ALEPPO),
            id=f"{FIRST.id[:12]}-v2",
            extractor="warmonitor 0.2.0",
        )
    ]
    with Store.open(stocked.store.url) as another:  # another process on the same store
        another.add_claims(newer)
    page = stocked.json("/api/claims")
    assert ids(page) == [f"{FIRST.id[:12]}-v2", *[f"{SECOND.id[:12]}-{n}" for n in range(3)]]
    assert page["total"] == 4
    assert stocked.json("/api/claims", place="SY")["total"] == 1
    assert [d["claims"] for d in stocked.json("/api/documents")["items"]] == [1, 3]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.text(max_size=40),
    place=st.text(max_size=6),
    offset=st.integers(min_value=0, max_value=10**9),
)
def test_any_words_in_the_filters_get_an_answer_never_a_500(
    stocked: Api, words: str, place: str, offset: int
) -> None:
    params = {"q": words, "claimant": words, "place": place, "offset": offset}
    response = stocked.get("/api/claims", params=params)
    assert response.status_code in (200, 400), response.text


def test_a_nul_character_is_refused(stocked: Api) -> None:
    # On every store: no stored text holds NUL, PostgreSQL refuses it and SQLite's LIKE ended
    # the pattern there ("a\x00b" matched every claim holding "a"): web/limits.py.
    response = stocked.get("/api/claims", params={"q": "a\x00b"})
    assert response.status_code == 400
    assert response.json() == {"detail": "a NUL character (%00) in the address"}


def test_bulk_reviews_give_each_claim_its_record(stocked: Api) -> None:
    chosen = [f"{SECOND.id[:12]}-{n}" for n in range(3)]
    body = {"claims": [*chosen, chosen[0]], "action": "reject", "reason": "a hoax report"}
    response = stocked.post("/api/reviews", json=body)
    assert response.status_code == 201, response.text
    assert [r["claim_id"] for r in response.json()] == chosen
    assert {r["reason"] for r in response.json()} == {"a hoax report"}
    assert ids(stocked.json("/api/claims", review_state="rejected")) == chosen
    entry = stocked.audit(action="review_bulk")[0]
    assert entry["target"] == "3 claims" and len(entry["detail"]["reviews"]) == 3

    unknown = {"claims": [f"{FIRST.id[:12]}-0", "nope"], "action": "accept", "reason": "r"}
    assert stocked.post("/api/reviews", json=unknown).status_code == 404
    assert stocked.json("/api/claims", review_state="accepted")["total"] == 0
    correct = {"claims": chosen, "action": "correct", "reason": "r"}
    assert stocked.post("/api/reviews", json=correct).status_code == 422


def test_claims_list_is_not_sent_again_while_nothing_was_written(stocked: Api) -> None:
    """An ETag per input revision and query: 304 for the same list, a new answer after a
    review (a write) or for another page."""
    first = stocked.get("/api/claims", params={"outcome": "killed"})
    tag = first.headers["ETag"]
    assert first.status_code == 200 and "no-cache" in first.headers["Cache-Control"]
    again = stocked.get("/api/claims", params={"outcome": "killed"}, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == tag
    other = stocked.get(
        "/api/claims", params={"outcome": "injured"}, headers={"If-None-Match": tag}
    )
    assert other.status_code == 200 and other.headers["ETag"] != tag
    claim = first.json()["items"][0]["claim"]["id"]
    review = {"action": "accept", "reason": "matches the text"}
    assert stocked.post(f"/api/claims/{claim}/reviews", json=review).status_code == 201
    after = stocked.get("/api/claims", params={"outcome": "killed"}, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["ETag"] != tag
    assert after.json()["items"][0]["review_state"] == "accepted"
    assert stocked.get("/api/claims", as_=None, headers={"If-None-Match": tag}).status_code == 401
