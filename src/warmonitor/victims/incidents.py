"""Which named victims of the lists belong to which incident: "claimed 745, named 312".

A record of a list belongs to an incident when the list says so (its ``incident`` field holds
the incident's id), or when the person died within the incident's days (one day either side:
lists date a death by the day it was recorded) at its place, read at the incident's precision:
the same town or within :data:`TOWN_KM` of it for a town, the same first-level area for a
province, the same country for a country. A record with no date of death or no place that the
gazetteer knows is named for no incident (nothing says where it belongs). Each record goes to one
incident, the most precise one it fits, then the nearest, so no death is named twice; a person
linked across lists is counted once.

Pure: the caller reads the records and resolves their places; no I/O here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from warmonitor.model import PRECISION_RANK, Place

__all__ = ["TOWN_KM", "IncidentSpan", "Named", "NamedRecord", "assign_named"]

#: How far from a town-level incident's place a death still counts as its (a town's suburbs).
TOWN_KM = 15.0
#: The same for a district-level incident.
DISTRICT_KM = 40.0
#: Days either side of the incident's period.
SLACK_DAYS = 1


@dataclass(frozen=True, slots=True)
class IncidentSpan:
    """What matching needs of an incident: its id, days and place."""

    id: str
    start: date | None
    end: date | None
    place: Place | None


@dataclass(frozen=True, slots=True)
class NamedRecord:
    """What matching needs of a list's record: its row id, person, list, death and place."""

    pk: int
    person: int  # the linked person's id; a record linked to no one is its own person
    list_name: str
    death_date: date | None
    place: Place | None  # the record's place as the gazetteer read it
    incident: str | None = None  # the incident the list itself gives


@dataclass(frozen=True, slots=True)
class Named:
    """The named victims of one incident: persons, the records behind them, and their lists."""

    incident_id: str
    persons: int
    records: tuple[int, ...]
    lists: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "incident_id": self.incident_id,
            "persons": self.persons,
            "records": len(self.records),
            "lists": list(self.lists),
        }


def _km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _where(incident: Place, record: Place) -> float | None:
    """How far the record's place is from the incident's, read at the incident's precision
    (0 for "inside it"); ``None`` when it is elsewhere."""
    if incident.country is None or record.country != incident.country:
        return None
    if incident.precision == "country":
        return 0.0
    if incident.precision in ("admin1", "region"):
        same = incident.admin1 is not None and record.admin1 == incident.admin1
        return 0.0 if same else None
    if incident.geonames_id is not None and record.geonames_id == incident.geonames_id:
        return 0.0
    if PRECISION_RANK.get(record.precision, 0) > PRECISION_RANK["district"]:
        return None  # "Idlib province" is not "in" a town of it
    km = _km(incident, record)
    limit = DISTRICT_KM if incident.precision == "district" else TOWN_KM
    return km if km is not None and km <= limit else None


def _when(span: IncidentSpan, day: date) -> int | None:
    """Days between the death and the incident's period (0 inside), ``None`` when too far."""
    if span.start is None:
        return None
    end = span.end or span.start
    slack = timedelta(days=SLACK_DAYS)
    if not span.start - slack <= day <= end + slack:
        return None
    return 0 if span.start <= day <= end else 1


def assign_named(
    incidents: Iterable[IncidentSpan], records: Iterable[NamedRecord]
) -> dict[str, Named]:
    """The named victims of each incident that has any, by incident id."""
    spans = list(incidents)
    by_id = {s.id: s for s in spans}
    chosen: dict[str, list[NamedRecord]] = {}
    for record in records:
        home = _home(record, spans, by_id)
        if home is not None:
            chosen.setdefault(home, []).append(record)
    return {key: _named(key, found) for key, found in chosen.items()}


def _home(
    record: NamedRecord, spans: Sequence[IncidentSpan], by_id: Mapping[str, IncidentSpan]
) -> str | None:
    if record.incident and record.incident in by_id:
        return record.incident
    if record.death_date is None or record.place is None:
        return None
    best: tuple[int, float, int, str] | None = None
    for span in spans:
        if span.place is None:
            continue
        gap = _when(span, record.death_date)
        if gap is None:
            continue
        km = _where(span.place, record.place)
        if km is None:
            continue
        rank = PRECISION_RANK.get(span.place.precision, len(PRECISION_RANK))
        key = (rank, km, gap, span.id)
        if best is None or key < best:
            best = key
    return best[3] if best else None


def _named(incident_id: str, records: Sequence[NamedRecord]) -> Named:
    return Named(
        incident_id=incident_id,
        persons=len({r.person for r in records}),
        records=tuple(sorted(r.pk for r in records)),
        lists=tuple(sorted({r.list_name for r in records})),
    )
