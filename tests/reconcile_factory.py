"""Claims built by hand for the pure reconciliation tests (test_reconcile_*.py).

Places are real (coordinates from GeoNames, rounded); the events are invented.
"""

from __future__ import annotations

import itertools
from datetime import date

from warmonitor.model import Claim, Claimant, Count, Evidence, Period, Place, Victims

IDLIB = Place("Idlib", "SY", 35.9306, 36.6339, 169389, "Idlib", "city")
ARIHA = Place("Ariha", "SY", 35.8137, 36.6097, 173193, "Idlib", "city")  # 13 km south
ALEPPO = Place("Aleppo", "SY", 36.2012, 37.1612, 170063, "Aleppo", "city")  # 80 km away
IDLIB_PROVINCE = Place("Idlib Governorate", "SY", 35.75, 36.5, 169388, "Idlib", "admin1")
SYRIA = Place("Syria", "SY", 35.0, 38.0, 163843, None, "country")
KHARKIV = Place("Kharkiv", "UA", 49.9808, 36.2527, 706483, "Kharkiv", "city")
MOSUL = Place("Mosul", "IQ", 36.335, 43.1189, 99072, "Nineveh", "city")
LATAKIA = Place("Latakia", "SY", 35.5167, 35.7833, 173576, "Latakia", "city")

_ids = itertools.count(1)


def claim(
    value: int | tuple[int, int | None] = 10,
    *,
    doc: str = "doc-a",
    claimant: str | None = "Syrian Observatory for Human Rights",
    kind: str = "monitor",
    group: str = "people",
    outcome: str = "killed",
    place: Place | None = IDLIB,
    day: date | None = date(2024, 5, 6),
    said_on: date | None = None,
    outlet: str | None = "Reuters",
    text: str | None = None,
    sentence: str = "An air strike on a market killed people.",
    hedges: tuple[str, ...] = (),
    part_of: str | None = None,
    cumulative: bool = False,
    id: str | None = None,
    stated: int | None = None,
    approximate: bool = False,
) -> Claim:
    """A claim with sensible defaults: ``value`` is a number or a ``(low, high)`` interval."""
    low, high = (value, value) if isinstance(value, int) else value
    words = text if text is not None else (str(low) if high == low else f"at least {low}")
    number = next(_ids)
    return Claim(
        id=id or f"c{number:04d}",
        document_id=doc,
        outcome=outcome,
        count=Count(low, high, words, approximate, stated),
        victims=Victims(group, group),
        claimant=Claimant(claimant, claimant or "", kind),
        evidence=Evidence(sentence, number * 10, number * 10 + len(sentence)),
        extractor="warmonitor test",
        reported_by=outlet,
        hedges=hedges,
        place=place,
        period=Period(day, day) if day else None,
        said_on=said_on,
        part_of=part_of,
        cumulative=cumulative,
    )
