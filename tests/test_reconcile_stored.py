"""The stored reconciliation: the result is stored with the inputs' revision, the faces read it,
a run rewrites only the incidents that changed, and analysts' decisions still replay. Real
SQLite, and PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from reconcile_factory import ALEPPO, IDLIB, claim
from warmonitor import reconcile_service
from warmonitor.model import Claim, Document
from warmonitor.reconcile import DEFAULT_RANKING, Incident, reconcile
from warmonitor.reconcile.codec import decode, encode
from warmonitor.reconcile_service import (
    current_incidents,
    merge_incidents,
    reconcile_incidents,
    stored_incidents,
)
from warmonitor.store import Store

FIRST = Document("An air strike hit a market in Idlib.", published=date(2024, 5, 6))
SECOND = Document("Shelling hit Aleppo.", published=date(2024, 5, 6))
THIRD = Document("The toll from the Idlib strike rose.", published=date(2024, 5, 8))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh store on each backend (conftest's ``store_url``)."""
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture
def claims(store: Store) -> list[Claim]:
    first = [claim(12, doc=FIRST.id, place=IDLIB)]
    second = [
        claim(4, doc=SECOND.id, place=ALEPPO, claimant="local council", kind="government",
              sentence="Shelling killed people.")
    ]  # fmt: skip
    store.save(FIRST, first)
    store.save(SECOND, second)
    return [*first, *second]


def _stamps(store: Store) -> dict[str, object]:
    return {r.id: r.reconciled_at for r in store.incidents()}


def _no_reconciling(*args: object, **kwargs: object) -> list[Any]:
    raise AssertionError("reconciled although nothing changed")


def test_an_incident_is_encoded_without_loss(claims: list[Claim]) -> None:
    incidents = reconcile(claims, {FIRST.id: FIRST.published, SECOND.id: SECOND.published})
    assert [decode(Incident, encode(i)) for i in incidents] == incidents


def test_the_stored_result_reads_back_equal_to_a_fresh_recompute(
    store: Store, claims: list[Claim], monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = reconcile_incidents(store)
    fresh = current_incidents(store)
    monkeypatch.setattr(reconcile_service, "plan", _no_reconciling)  # any recompute plans
    read = stored_incidents(store)
    assert read.incidents == fresh.incidents == stored.incidents
    assert read.claims == fresh.claims
    assert store.reconcile_run().fresh("conservative", DEFAULT_RANKING)


def test_reconcile_is_cheap_when_nothing_changed(
    store: Store, claims: list[Claim], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = reconcile_incidents(store)
    stamps = _stamps(store)
    monkeypatch.setattr(reconcile_service, "plan", _no_reconciling)  # any recompute plans
    again = reconcile_incidents(store)
    assert again.incidents == first.incidents
    assert _stamps(store) == stamps


def test_a_new_report_rewrites_only_the_incidents_it_joins(
    store: Store, claims: list[Claim]
) -> None:
    before = reconcile_incidents(store)
    stamps = _stamps(store)
    idlib = next(i for i in before.incidents if i.place and i.place.name == "Idlib")
    aleppo = next(i for i in before.incidents if i.place and i.place.name == "Aleppo")
    later = claim(19, doc=THIRD.id, place=IDLIB, said_on=date(2024, 5, 7))
    store.save(THIRD, [later])
    assert not store.reconcile_run().fresh("conservative", DEFAULT_RANKING)
    after = stored_incidents(store)  # a face: stale, so reconciled again and stored
    assert after.incidents == current_incidents(store).incidents
    now = _stamps(store)
    assert now[aleppo.id] == stamps[aleppo.id]  # untouched
    assert now[idlib.id] != stamps[idlib.id]  # rewritten: it holds the new claim
    assert later.id in after.find(idlib.id).claim_ids
    assert after.find(idlib.id).tally("killed", "people").best.value == 19  # type: ignore[union-attr]


def test_the_stored_incidents_are_decoded_once_while_the_run_stands(
    store: Store, claims: list[Claim], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = reconcile_incidents(store)
    assert stored_incidents(store, claims=False).incidents == first.incidents

    def no_reading() -> list[object]:
        raise AssertionError("the stored incidents were read again although the run stands")

    monkeypatch.setattr(store, "whole_incidents", no_reading)
    assert stored_incidents(store, claims=False).incidents == first.incidents


def test_a_store_object_sees_the_incidents_another_wrote(store: Store, claims: list[Claim]) -> None:
    before = stored_incidents(store, claims=False)  # read, and kept decoded
    with Store.open(store.url) as another:  # another process on the same store
        another.save(THIRD, [claim(19, doc=THIRD.id, place=IDLIB, said_on=date(2024, 5, 7))])
        written = reconcile_incidents(another)
    after = stored_incidents(store, claims=False)
    assert after.incidents == written.incidents != before.incidents
    assert THIRD.id in after.published


def test_reviews_make_the_stored_result_stale(store: Store, claims: list[Claim]) -> None:
    reconcile_incidents(store)
    store.add_review(claims[1].id, "reject", reviewer="ana")
    result = stored_incidents(store)
    assert all(claims[1].id not in i.claim_ids for i in result.incidents)
    assert result.incidents == current_incidents(store).incidents


def test_decisions_replay_through_the_stored_result(store: Store, claims: list[Claim]) -> None:
    first = reconcile_incidents(store)
    merged = merge_incidents(store, [i.id for i in first.incidents], analyst="ana")
    assert len(merged.incidents) == 1
    assert stored_incidents(store).incidents == merged.incidents
    store.save(THIRD, [claim(19, doc=THIRD.id, place=IDLIB, said_on=date(2024, 5, 7))])
    after = stored_incidents(store)
    assert len(after.incidents) == 1 and len(after.incidents[0].claim_ids) == 3
    assert after.incidents[0].decisions == (merged.decision.id,)  # type: ignore[union-attr]
    assert after.incidents == current_incidents(store).incidents


def test_another_policy_leaves_the_stored_run(store: Store, claims: list[Claim]) -> None:
    reconcile_incidents(store)
    stamps = _stamps(store)
    median = stored_incidents(store, "median")
    assert {i.policy for i in median.incidents} == {"median"}
    assert _stamps(store) == stamps
    assert store.reconcile_run().policy == "conservative"
