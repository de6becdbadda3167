"""Possible duplicates: incidents proposed for merging by place, date and a shared figure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reconcile_factory import ALEPPO, ARIHA, IDLIB
from warmonitor.duplicate_service import propose_duplicates
from warmonitor.model import Place
from warmonitor.reconcile import Incident
from warmonitor.reconcile.types import Total

IDLIB_CENTRE = Place("Idlib centre", "SY", 35.935, 36.640, None, "Idlib", "neighbourhood")


def incident(
    id: str,
    place: Place | None = IDLIB,
    day: date | None = date(2024, 5, 6),
    killed: int = 9,
    end: date | None = None,
) -> Incident:
    total = Total("killed", killed, killed, killed, False, "people", (f"{id}-c",))
    return Incident(
        id=id,
        claim_ids=(f"{id}-c",),
        document_ids=(f"{id}-d",),
        place=place,
        places=(place.name,) if place else (),
        start=day,
        end=end or day,
        policy="conservative",
        totals=(total,),
    )


def pairs(*incidents: Incident) -> list[tuple[str, str]]:
    return [p.incidents for p in propose_duplicates(incidents)]


def test_same_place_next_day_same_figure_is_proposed_with_reasons() -> None:
    a, b = incident("a"), incident("b", day=date(2024, 5, 7))
    (proposal,) = propose_duplicates([a, b])
    assert proposal.incidents == ("a", "b")
    assert proposal.reasons == (
        "same place: Idlib",
        "dates 2024-05-06 and 2024-05-07",
        "same figure: all killed 9",
    )


def test_each_condition_is_needed() -> None:
    a = incident("a")
    assert pairs(a, incident("b", killed=10)) == []  # no figure in common
    assert pairs(a, incident("b", day=date(2024, 5, 9))) == []  # three days on
    assert pairs(a, incident("b", place=ALEPPO)) == []  # another city
    assert pairs(a, incident("b", place=ARIHA)) == []  # 13 km away
    assert pairs(a, incident("b", place=None)) == []
    assert pairs(a, incident("b", day=None)) == []


def test_points_a_few_km_apart_are_one_place() -> None:
    (proposal,) = propose_duplicates([incident("a"), incident("b", place=IDLIB_CENTRE)])
    assert proposal.reasons[0] == "Idlib and Idlib centre are 0.7 km apart"


def test_a_long_incident_meets_a_later_one_and_order_follows_the_input() -> None:
    week = incident("week", day=date(2024, 5, 1), end=date(2024, 5, 10))
    later = incident("later", day=date(2024, 5, 9))
    far = incident("far", day=date(2024, 6, 1))
    assert pairs(later, far, week) == [("later", "week")]
    assert pairs(week, replace(later, id="again"), later) == [
        ("week", "again"),
        ("week", "later"),
        ("again", "later"),
    ]
