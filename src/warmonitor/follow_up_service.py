"""Recording and reading what happened next to an incident (the faces' one way to do it).

    follow_up = record_follow_up(store, "3f2a", "referred_to_inquiry", date(2024, 6, 1),
                                 analyst="amina", source="https://…", note="…")
    follow_ups_of(store, incident)

The incident is found as the CLI and the API find it (``stored_incidents(...).find``, an id or
a prefix); the record keeps its id and its claims (``store.follow_ups``).
"""

from __future__ import annotations

from datetime import date

from warmonitor.errors import ConfigurationError
from warmonitor.extract.violations import KINDS
from warmonitor.reconcile import DEFAULT_POLICY, Incident
from warmonitor.reconcile_service import stored_incidents
from warmonitor.store import Store
from warmonitor.store.follow_ups import FOLLOW_UP_KINDS, FollowUp

__all__ = ["FOLLOW_UP_KINDS", "follow_ups_of", "latest_follow_ups", "record_follow_up"]

_LONGEST = 4000  # characters of a source or a note


def record_follow_up(
    store: Store,
    incident_id: str,
    kind: str,
    happened_on: date,
    *,
    analyst: str,
    source: str | None = None,
    note: str | None = None,
    violation: str | None = None,
    policy: str = DEFAULT_POLICY,
) -> FollowUp:
    """Record that ``kind`` happened to the incident ``incident_id`` (an id or a prefix) on
    ``happened_on``; :class:`ConfigurationError` naming what is wrong, ``NotFoundError`` for no such
    incident."""
    if kind not in FOLLOW_UP_KINDS:
        raise ConfigurationError(
            f"unknown follow-up {kind!r}: choose one of {', '.join(FOLLOW_UP_KINDS)}"
        )
    if violation is not None and violation not in KINDS:
        raise ConfigurationError(f"unknown violation type {violation!r}: see docs/VIOLATIONS.md")
    if happened_on > date.today():
        raise ConfigurationError(
            f"a follow-up records what happened: {happened_on} is in the future"
        )
    for name, text in (("source", source), ("note", note)):
        if text is not None and len(text) > _LONGEST:
            raise ConfigurationError(f"the {name} is longer than {_LONGEST} characters")
    incident = stored_incidents(store, policy, claims=False).find(incident_id)
    return store.add_follow_up(
        incident.id,
        kind,
        happened_on,
        analyst=analyst,
        claim_ids=incident.claim_ids,
        source=source,
        note=note,
        violation=violation,
    )


def follow_ups_of(store: Store, incident: Incident) -> list[FollowUp]:
    """The incident's follow-ups, in the order the things happened."""
    return store.follow_ups(incident.id)


def latest_follow_ups(store: Store) -> dict[str, FollowUp]:
    """Each incident's latest follow-up (by the day it happened, then as recorded), by id."""
    return {f.incident_id: f for f in store.follow_ups()}
