"""The named victims of each incident, and the victims as export rows.

Joins the store's victim records and persons, the gazetteer (each record's place as written,
read once per distinct text) and :mod:`warmonitor.victims.incidents`, which decides which
incident a record names a victim of.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from warmonitor.gazetteer import Gazetteer
from warmonitor.model import Place
from warmonitor.reconcile import Incident
from warmonitor.store import Store
from warmonitor.store.victims import StoredVictim
from warmonitor.victims.incidents import IncidentSpan, Named, NamedRecord, assign_named

__all__ = ["VICTIM_COLUMNS", "VICTIM_NAME_COLUMNS", "named_victims", "victim_rows"]

#: The columns of a victims export, names left out.
VICTIM_COLUMNS = [
    "list",
    "record_id",
    "line",
    "person",
    "incident_id",
    "sex",
    "age",
    "birth_date",
    "death_date",
    "place",
    "place_country",
    "place_admin1",
    "place_latitude",
    "place_longitude",
    "place_precision",
    "cause",
    "list_incident",
]
#: The columns that name the person, left out by ``--no-names``.
VICTIM_NAME_COLUMNS = ["name", "alt_name"]


def _places(
    texts: Iterable[str], countries: Sequence[str], gazetteer: Gazetteer | None
) -> dict[str, Place | None]:
    """Each distinct place text as the gazetteer reads it: the whole text, else its first part
    ("Douma, Rif Dimashq"), places in the incidents' countries first."""
    gaz = gazetteer or Gazetteer.default()
    out: dict[str, Place | None] = {}
    for text in set(texts):
        found = None
        for candidate in dict.fromkeys((text, text.split(",")[0])):
            hits = gaz.lookup(candidate, countries=countries or None, limit=1)
            if hits:
                found = hits[0].to_place(text)
                break
        out[text] = found
    return out


def _spans(incidents: Iterable[Incident]) -> list[IncidentSpan]:
    return [IncidentSpan(i.id, i.start, i.end, i.place) for i in incidents]


def _records(
    stored: Sequence[StoredVictim],
    persons: Mapping[int, int],
    places: Mapping[str, Place | None],
) -> list[NamedRecord]:
    return [
        NamedRecord(
            pk=s.pk,
            person=persons.get(s.pk, -s.pk),
            list_name=s.record.list_name,
            death_date=s.record.death_date,
            place=places.get(s.record.place) if s.record.place else None,
            incident=s.record.incident,
        )
        for s in stored
    ]


def _match(
    store: Store, incidents: Sequence[Incident], gazetteer: Gazetteer | None
) -> tuple[list[StoredVictim], dict[int, int], dict[str, Place | None], dict[str, Named]]:
    stored = store.victim_records()
    if not stored:
        return [], {}, {}, {}
    persons = store.victim_persons()
    countries = sorted({i.place.country for i in incidents if i.place and i.place.country})
    places = _places((s.record.place for s in stored if s.record.place), countries, gazetteer)
    named = assign_named(_spans(incidents), _records(stored, persons, places))
    return stored, persons, places, named


def named_victims(
    store: Store, incidents: Sequence[Incident], *, gazetteer: Gazetteer | None = None
) -> dict[str, Named]:
    """The named victims the stored lists give for each incident that has any, by its id."""
    return _match(store, incidents, gazetteer)[3]


def victim_rows(
    store: Store,
    incidents: Sequence[Incident],
    *,
    names: bool = True,
    gazetteer: Gazetteer | None = None,
) -> list[dict[str, Any]]:
    """One row per stored record with its person and the incident it names a victim of;
    ``names=False`` leaves the name columns out (personal data)."""
    stored, persons, places, named = _match(store, incidents, gazetteer)
    incident_of = {pk: n.incident_id for n in named.values() for pk in n.records}
    rows = []
    for s in stored:
        r = s.record
        place = places.get(r.place) if r.place else None
        row: dict[str, Any] = {
            "list": r.list_name,
            "record_id": r.record_id or r.key,
            "line": s.record.line,
            "person": persons.get(s.pk),
            "incident_id": incident_of.get(s.pk),
            "sex": r.sex,
            "age": r.age,
            "birth_date": r.birth_date.isoformat() if r.birth_date else None,
            "death_date": r.death_date.isoformat() if r.death_date else None,
            "place": r.place,
            "place_country": place.country if place else None,
            "place_admin1": place.admin1 if place else None,
            "place_latitude": place.lat if place else None,
            "place_longitude": place.lon if place else None,
            "place_precision": place.precision if place else None,
            "cause": r.cause,
            "list_incident": r.incident,
        }
        if names:
            row["name"] = r.name
            row["alt_name"] = r.alt_name
        rows.append(row)
    return rows
