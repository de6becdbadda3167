"""Follow-ups of incidents (issue 10, part 6): what happened next, recorded by an analyst, on a
real store (SQLite, and PostgreSQL when ``WARMONITOR_TEST_POSTGRES_URL`` names a server)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from reconcile_factory import IDLIB, claim
from warmonitor.errors import ConfigurationError, NotFoundError, StoreError
from warmonitor.follow_up_service import latest_follow_ups, record_follow_up
from warmonitor.model import Document
from warmonitor.reconcile_service import reconcile_incidents
from warmonitor.store import Store

STRIKE = Document("An air strike hit a market in Idlib.", published=date(2024, 5, 6))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        opened.save(STRIKE, [claim(12, doc=STRIKE.id, place=IDLIB)])
        yield opened


def test_follow_ups_are_records_of_an_incident_in_the_order_things_happened(
    store: Store,
) -> None:
    incident = reconcile_incidents(store).incidents[0]
    later = record_follow_up(
        store, incident.id[:6], "referred_to_inquiry", date(2024, 6, 1), analyst="amina",
        source="https://example.org/inquiry", note="an inquiry was announced",
        violation="air_strike",
    )  # fmt: skip
    earlier = record_follow_up(store, incident.id, "denied", date(2024, 5, 8), analyst="omar")
    assert later.incident_id == incident.id and later.claim_ids == incident.claim_ids
    found = store.follow_ups(incident.id)
    assert [(f.kind, f.happened_on, f.analyst) for f in found] == [
        ("denied", date(2024, 5, 8), "omar"),
        ("referred_to_inquiry", date(2024, 6, 1), "amina"),
    ]
    assert found[1] == later and found[0] == earlier
    assert found[1].to_dict()["date"] == "2024-06-01" and found[1].violation == "air_strike"
    assert latest_follow_ups(store)[incident.id] == later
    assert store.follow_ups("no-such-incident") == []


def test_bad_follow_ups_are_refused_with_the_reason(store: Store) -> None:
    incident = reconcile_incidents(store).incidents[0]
    with pytest.raises(ConfigurationError, match="unknown follow-up 'sued'"):
        record_follow_up(store, incident.id, "sued", date(2024, 6, 1), analyst="amina")
    with pytest.raises(ConfigurationError, match="in the future"):
        tomorrow = date.today() + timedelta(days=1)
        record_follow_up(store, incident.id, "denied", tomorrow, analyst="amina")
    with pytest.raises(ConfigurationError, match="unknown violation type"):
        record_follow_up(store, incident.id, "denied", date(2024, 6, 1), analyst="a", violation="x")
    with pytest.raises(NotFoundError):
        record_follow_up(store, "zzzzzz", "denied", date(2024, 6, 1), analyst="amina")
    with pytest.raises(StoreError, match="needs an analyst"):
        store.add_follow_up(incident.id, "denied", date(2024, 6, 1), analyst=" ")
    assert store.follow_ups() == []
