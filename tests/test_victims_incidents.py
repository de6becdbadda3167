"""Which named victims belong to which incident (victims.incidents.assign_named), on invented
records and the reconcile tests' places."""

from __future__ import annotations

from datetime import date

from reconcile_factory import ALEPPO, ARIHA, IDLIB, IDLIB_PROVINCE, KHARKIV
from warmonitor.model import Place
from warmonitor.victims.incidents import IncidentSpan, NamedRecord, assign_named

DAY = date(2024, 5, 6)
TOWN = IncidentSpan("town", DAY, DAY, IDLIB)


def record(
    pk: int,
    *,
    person: int | None = None,
    place: Place | None = IDLIB,
    died: date | None = DAY,
    list_name: str = "monitor",
    incident: str | None = None,
) -> NamedRecord:
    return NamedRecord(pk, person if person is not None else -pk, list_name, died, place, incident)


def test_a_death_in_the_town_on_the_day_or_the_next_is_named_for_the_incident() -> None:
    found = assign_named(
        [TOWN],
        [
            record(1),
            record(2, died=date(2024, 5, 7)),  # recorded the next day
            record(3, place=ARIHA),  # 13 km away: the town's surroundings
            record(4, died=date(2024, 5, 9)),  # three days later: another day's dead
            record(5, place=ALEPPO),  # 80 km away
            record(6, place=KHARKIV),
            record(7, died=None),  # nothing says when
            record(8, place=None),  # nothing says where
        ],
    )
    assert list(found) == ["town"]
    assert found["town"].records == (1, 2, 3)
    assert found["town"].persons == 3


def test_one_person_in_two_lists_is_named_once() -> None:
    found = assign_named(
        [TOWN],
        [record(1, person=50), record(2, person=50, list_name="ministry"), record(3, person=51)],
    )
    named = found["town"]
    assert (named.persons, named.records, named.lists) == (2, (1, 2, 3), ("ministry", "monitor"))


def test_a_province_wide_incident_takes_the_deaths_of_its_towns_but_a_town_comes_first() -> None:
    province = IncidentSpan("province", date(2024, 5, 1), date(2024, 5, 10), IDLIB_PROVINCE)
    aleppo = record(3, place=ALEPPO)
    found = assign_named([province, TOWN], [record(1), record(2, died=date(2024, 5, 9)), aleppo])
    assert found["town"].records == (1,)  # the most precise incident it fits
    assert found["province"].records == (2,)  # the town's incident was days before
    # a death recorded only as "Idlib province" is not placed in the town
    vague = record(4, place=IDLIB_PROVINCE)
    assert assign_named([TOWN], [vague]) == {}


def test_the_list_naming_the_incident_places_the_record_there() -> None:
    elsewhere = IncidentSpan("other", date(2023, 1, 1), date(2023, 1, 1), KHARKIV)
    found = assign_named([TOWN, elsewhere], [record(1, incident="other"), record(2, incident="x")])
    assert found["other"].records == (1,)
    assert found["town"].records == (2,)  # an incident id the store does not know: by day and place


def test_an_incident_without_a_day_or_place_names_no_one() -> None:
    undated = IncidentSpan("undated", None, None, IDLIB)
    nowhere = IncidentSpan("nowhere", DAY, DAY, None)
    assert assign_named([undated, nowhere], [record(1)]) == {}
