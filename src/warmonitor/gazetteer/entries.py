"""What the gazetteer answers with: entries, countries and mentions found in a text."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from warmonitor.gazetteer.normalise import similarity
from warmonitor.model import Place

__all__ = [
    "ALT",
    "CODE",
    "DEMONYM",
    "MAIN",
    "CountryEntry",
    "Designator",
    "GazetteerEntry",
    "PlaceMention",
    "precision_of",
    "rank",
]


def precision_of(feature_code: str) -> str:
    """The :data:`warmonitor.model.Precision` of a GeoNames feature code."""
    if feature_code.startswith("PCL"):
        return "country"
    if feature_code == "ADM1":
        return "admin1"
    if feature_code == "ADM2":
        return "district"
    if feature_code == "PPLX":
        return "neighbourhood"
    return "city"


#: What the words around a name call it (see :func:`warmonitor.gazetteer.scan.designator`).
Designator = Literal["area", "place", "village", "feature"] | None

#: Kinds of name in the ``names`` table: a place's name, an alternate name, an ISO code, a demonym.
MAIN, ALT, CODE, DEMONYM = 0, 1, 2, 3

_NO_HINT: Mapping[str, int] = MappingProxyType({})
# Ranking: a bonus by feature code plus log10 of the population (an admin area's: its seat's),
# so a capital beats a larger town and a city of a million a seat of a thousand. Countries come
# first; an area ties with its seat and comes after it.
_BONUS = {
    "PPLC": 3.0,
    "PPLG": 3.0,
    "PPLA": 2.0,
    "ADM1": 2.0,
    "PPLA2": 1.0,
    "ADM2": 1.0,
    "PPLX": -1.0,
    "PPLH": -2.0,
    "PPLQ": -2.0,
    "PPLW": -2.0,
}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A gazetteer record: a populated place, an admin area (located at its seat) or a country.

    ``admin1``/``admin2`` are names (``admin1_id``/``admin2_id`` their entries' ids, an area's
    own id at its level), ``country`` an ISO 3166-1 alpha-2 code; ``lat``/``lon`` are ``None``
    for the few admin areas with no known place. ``population`` of an admin area is the
    sum of its places in the data (those of 500 people or more), so a lower bound.
    """

    geonames_id: int
    name: str
    ascii_name: str
    country: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    feature_code: str
    precision: str
    rank_population: int = field(default=0, repr=False, compare=False)  # an area's: its seat's
    seat_id: int | None = field(default=None, repr=False, compare=False)  # an area's seat
    admin1_id: int | None = field(default=None, repr=False, compare=False)  # an area's own id
    admin2_id: int | None = field(default=None, repr=False, compare=False)

    importance: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Feature bonus plus log10 of the ranking population (see :func:`rank`).
        if self.feature_code.startswith("PCL"):
            value = 100.0
        else:
            bonus = _BONUS.get(self.feature_code, 0.0)
            value = round(bonus + math.log10(self.rank_population + 10), 3)
        object.__setattr__(self, "importance", value)

    def rank_key(self, countries: Mapping[str, int] = _NO_HINT) -> tuple[int, float, bool, int]:
        """Sort key: countries of greater weight in ``countries`` (ISO2 -> weight) first, then
        :attr:`importance`; an admin area after a place of equal importance."""
        return (
            -countries.get(self.country, 0),
            -self.importance,
            self.feature_code.startswith("ADM"),
            self.geonames_id,
        )

    def to_place(self, text: str = "") -> Place:
        """This entry as the :class:`~warmonitor.model.Place` of a claim; ``text`` as written."""
        return Place(
            name=self.name,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            geonames_id=self.geonames_id,
            admin1=self.admin1,
            precision=self.precision,
            text=text,
        )


def rank(
    entries: Iterable[GazetteerEntry],
    countries: Mapping[str, int] = _NO_HINT,
    similar_to: str | None = None,
) -> list[GazetteerEntry]:
    """Entries best first (see :meth:`GazetteerEntry.rank_key`).

    With ``similar_to`` (the name key of a fuzzy query), names closer to it in spelling come
    first within a country weight. An admin area's seat, when among the entries, is moved just
    before the area ("Ma'arrat al-Nu'man" the town before its district).
    """
    if not isinstance(entries, list):
        entries = list(entries)
    if len(entries) < 2:
        return entries[:]  # nothing to order, no seat to move before its area
    if similar_to is None:
        ranked = sorted(entries, key=lambda e: e.rank_key(countries))
    else:
        query = similar_to

        def key(e: GazetteerEntry) -> tuple[int, float, float, bool, int]:
            hint, importance, is_area, gid = e.rank_key(countries)
            return hint, -round(similarity(query, e.ascii_name), 1), importance, is_area, gid

        ranked = sorted(entries, key=key)
    by_id = {e.geonames_id: e for e in ranked}
    for area in [e for e in ranked if e.seat_id in by_id and e.seat_id != e.geonames_id]:
        seat = by_id[area.seat_id or 0]
        at, seat_at = ranked.index(area), ranked.index(seat)
        if seat_at > at:
            ranked.insert(at, ranked.pop(seat_at))
    return ranked


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """A country: ISO codes, the name shown, other names and demonyms, and a centre point."""

    iso2: str
    iso3: str
    name: str
    geonames_id: int
    lat: float | None
    lon: float | None
    population: int
    alt_names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    def to_place(self, text: str = "") -> Place:
        """This country as a :class:`~warmonitor.model.Place` of precision ``"country"``."""
        return Place(
            name=self.name,
            country=self.iso2,
            lat=self.lat,
            lon=self.lon,
            geonames_id=self.geonames_id,
            precision="country",
            text=text,
        )


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A name found in a text: ``text == source[start:end]`` and its ranked candidates.

    ``kind`` is ``"demonym"`` when the words are an adjective of nationality ("Syrian"), whose
    one candidate is the country; ``exact`` is false when only the fuzzy skeleton key matched;
    ``alt`` holds the ids of candidates called so only by an alternate name; ``designator`` is
    what the words around call it: ``"area"`` ("Idlib province"), ``"place"`` ("town of Qusayr"),
    ``"village"`` (a place so called),
    ``"feature"`` ("Lake Victoria"); ``common`` is true for a common English word ("Reading"),
    ``partial`` when an unknown capitalised word is joined to it ("*Tell* Qirmiz").
    """

    start: int
    end: int
    text: str
    candidates: tuple[GazetteerEntry, ...]
    kind: Literal["name", "demonym"] = "name"
    exact: bool = True
    alt: frozenset[int] = frozenset()
    designator: Designator = None
    common: bool = False
    partial: bool = False

    @property
    def best(self) -> GazetteerEntry:
        """The first-ranked candidate."""
        return self.candidates[0]

    def to_place(self) -> Place:
        """The best candidate as a :class:`~warmonitor.model.Place` with this mention's text."""
        return self.best.to_place(self.text)
