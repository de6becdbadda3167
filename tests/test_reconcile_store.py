"""Incidents and decisions in a real SQLite store, and the reconciliation verbs that join store
and reconciler (reviews applied, decisions replayed, ids kept)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from reconcile_factory import ALEPPO, IDLIB, claim
from warmonitor.errors import ConfigurationError, NotFoundError, StoreError
from warmonitor.model import Claim, Document
from warmonitor.reconcile_service import (
    current_incidents,
    merge_incidents,
    move_claim,
    reconcile_incidents,
    split_incident,
)
from warmonitor.store import Store
from warmonitor.store.incidents import IncidentRecord

FIRST = Document("An air strike hit a market in Idlib.", published=date(2024, 5, 6))
SECOND = Document("The toll from the Idlib strike rose.", published=date(2024, 5, 8))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        yield opened


@pytest.fixture
def claims(store: Store) -> list[Claim]:
    first = [
        claim(12, doc=FIRST.id, place=IDLIB),
        claim(4, doc=FIRST.id, place=ALEPPO, claimant="local council", kind="government"),
    ]
    second = [claim(19, doc=SECOND.id, place=IDLIB, said_on=date(2024, 5, 7))]
    store.save(FIRST, first)
    store.save(SECOND, second)
    return [*first, *second]


def test_reconcile_stores_the_incidents(store: Store, claims: list[Claim]) -> None:
    result = reconcile_incidents(store)
    assert len(result.incidents) == 2
    stored = store.incidents()
    assert {r.id for r in stored} == {i.id for i in result.incidents}
    idlib = next(r for r in stored if r.label.startswith("Idlib"))
    assert set(idlib.claim_ids) == {claims[0].id, claims[2].id}
    assert idlib.data["tallies"][0]["best"]["value"] == 19
    assert (idlib.country, idlib.start, idlib.policy) == ("SY", date(2024, 5, 6), "conservative")
    assert store.incident_membership() == {r.id: frozenset(r.claim_ids) for r in stored}
    assert store.publication_dates() == {FIRST.id: FIRST.published, SECOND.id: SECOND.published}


def test_incidents_are_replaced_whole_and_a_claim_is_in_one(
    store: Store, claims: list[Claim]
) -> None:
    reconcile_incidents(store)
    store.save_incidents([IncidentRecord("only", (claims[0].id,), "median", "one")])
    assert [r.id for r in store.incidents()] == ["only"]
    twice = [
        IncidentRecord("a", (claims[0].id,), "median", "a"),
        IncidentRecord("b", (claims[0].id,), "median", "b"),
    ]
    with pytest.raises(StoreError, match="is in incidents a and b"):
        store.save_incidents(twice)
    with pytest.raises(StoreError):
        store.save_incidents([IncidentRecord("c", ("not-a-stored-claim",), "median", "c")])
    assert [r.id for r in store.incidents()] == ["only"]  # nothing changed


def test_decisions_are_records_with_who_and_when(store: Store, claims: list[Claim]) -> None:
    decision = store.add_incident_decision(
        "merge", [claims[0].id, claims[1].id], analyst="ana", incident_ids=["x", "y"], note="why"
    )
    assert decision.id == 1 and decision.created_at.tzinfo is not None
    (stored,) = store.incident_decisions()
    assert stored == decision
    with pytest.raises(StoreError, match="merge, split, move"):
        store.add_incident_decision("delete", [claims[0].id], analyst="ana")
    with pytest.raises(StoreError, match="analyst"):
        store.add_incident_decision("merge", [claims[0].id], analyst=" ")


def test_merge_split_and_move_are_kept_by_later_runs(store: Store, claims: list[Claim]) -> None:
    idlib_a, aleppo, idlib_b = claims
    first = reconcile_incidents(store)
    one, two = (first.incident_of(idlib_a.id), first.incident_of(aleppo.id))
    merged = merge_incidents(store, [one.id[:6], two.id], analyst="ana")
    assert merged.decision is not None and merged.decision.incident_ids == (one.id, two.id)
    assert len(merged.incidents) == 1 and len(reconcile_incidents(store).incidents) == 1
    kept = merged.incidents[0].id
    split = split_incident(store, kept, [aleppo.id[:8]], analyst="ana")
    assert len(split.incidents) == 2 and split.incident_of(idlib_b.id).id == kept
    moved = move_claim(store, idlib_b.id, split.incident_of(aleppo.id).id, analyst="bo")
    assert set(moved.incident_of(aleppo.id).claim_ids) == {aleppo.id, idlib_b.id}
    again = reconcile_incidents(store, "median")
    assert {frozenset(i.claim_ids) for i in again.incidents} == {
        frozenset({idlib_a.id}),
        frozenset({aleppo.id, idlib_b.id}),
    }
    assert [d.action for d in store.incident_decisions()] == ["merge", "split", "move"]


def test_bad_decisions_are_refused(store: Store, claims: list[Claim]) -> None:
    result = reconcile_incidents(store)
    idlib = result.incident_of(claims[0].id)
    with pytest.raises(ConfigurationError, match="two different incidents"):
        merge_incidents(store, [idlib.id, idlib.id[:5]], analyst="ana")
    with pytest.raises(ConfigurationError, match="each side"):
        split_incident(store, idlib.id, list(idlib.claim_ids), analyst="ana")
    with pytest.raises(ConfigurationError, match="not in incident"):
        split_incident(store, idlib.id, [claims[1].id], analyst="ana")
    with pytest.raises(ConfigurationError, match="already in incident"):
        move_claim(store, claims[0].id, idlib.id, analyst="ana")
    with pytest.raises(NotFoundError, match="no incident"):
        merge_incidents(store, ["zzzz", idlib.id], analyst="ana")
    assert store.incident_decisions() == []


def test_reviews_reject_and_correct_claims_for_reconciliation(
    store: Store, claims: list[Claim]
) -> None:
    store.add_review(claims[1].id, "reject", reviewer="ana")
    store.add_review(
        claims[2].id, "correct", reviewer="ana", correction={"count": {"low": 21, "high": 21}}
    )
    result = current_incidents(store)
    assert claims[1].id not in result.claims
    (incident,) = result.incidents
    assert incident.tallies[0].best.value == 21
    assert store.claim(claims[2].id).count.low == 19  # the stored claim is unchanged


def test_decisions_follow_claims_to_a_new_extractor_version(
    store: Store, claims: list[Claim]
) -> None:
    idlib_a, aleppo, _ = claims
    first = reconcile_incidents(store)
    merge_incidents(
        store,
        [first.incident_of(idlib_a.id).id, first.incident_of(aleppo.id).id],
        analyst="ana",
    )
    # a newer extractor version finds the same figures of FIRST again, under new ids
    newer = [c.with_(id=f"{c.id}-v2", extractor="warmonitor 9.0") for c in claims[:2]]
    store.add_claims(newer)
    result = current_incidents(store)
    assert newer[0].id in result.claims and idlib_a.id not in result.claims
    assert {frozenset(i.claim_ids) for i in result.incidents} == {
        frozenset({newer[0].id, newer[1].id, claims[2].id})
    }
