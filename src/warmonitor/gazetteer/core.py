"""The :class:`Gazetteer`: read-only look-ups in the packaged GeoNames-derived SQLite file.

Only the standard library's ``sqlite3`` is used at run time; nothing is fetched. Look-ups are
cached in memory, so one long-lived instance (:meth:`Gazetteer.default`) is the cheap way to use it.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Collection, Iterable
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from warmonitor.gazetteer.entries import (
    ALT,
    CODE,
    MAIN,
    CountryEntry,
    GazetteerEntry,
    PlaceMention,
    precision_of,
    rank,
)
from warmonitor.gazetteer.normalise import (
    AREA_WORDS,
    MIN_SIMILARITY,
    consonants,
    name_key,
    similar,
    skeleton_key,
    strip_possessive,
)
from warmonitor.gazetteer.scan import scan as scan_text

__all__ = ["Gazetteer"]

SEAT_SIMILARITY = 0.7  # how alike an area's name and its seat's must be to offer the seat
#: Words that name a part of a region ("North Darfur", "Nord-Kivu", "Lower Shabelle").
REGION_PARTS = (
    "north northern south southern east eastern west western central upper lower middle nord sud"
).split()
_CHUNK = 500
_CACHE_LIMIT = 200_000
_ENTRY_SQL = """
    SELECT p.geonameid, p.name, coalesce(p.asciiname, p.name), p.country, a1.name, a2.name,
           p.lat_e5, p.lon_e5, p.population, p.feature_code,
           coalesce(p.rank_population, p.population), p.seat_id, p.admin1_id, p.admin2_id
    FROM places p
    LEFT JOIN places a1 ON a1.geonameid = p.admin1_id
    LEFT JOIN places a2 ON a2.geonameid = p.admin2_id
    WHERE p.geonameid IN ({})"""
_SPELLING_SQL = """
    SELECT geonameid, coalesce(asciiname, name), country, feature_code
    FROM places WHERE geonameid IN ({})"""
_SKELETON_SQL = """
    SELECT s.skeleton, p.geonameid, coalesce(p.asciiname, p.name), p.country, p.feature_code
    FROM skeletons s JOIN places p ON p.geonameid = s.geonameid WHERE s.skeleton IN ({})"""

Hits = tuple[tuple[int, int], ...]  # (geonameid, kind) pairs
Spelling = tuple[str, str, str]  # ASCII name, country (ISO2), feature code


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _hint(countries: Collection[str] | None) -> dict[str, int]:
    return {c.upper(): 1 for c in countries} if countries else {}


class Gazetteer:
    """Offline gazetteer: places, admin areas and countries from GeoNames (CC-BY 4.0).

    ``Gazetteer()`` opens the packaged database; pass ``path`` to open another build of it.
    Safe to share between threads.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._stack = ExitStack()
        if path is None:
            resource = files("warmonitor.gazetteer").joinpath("data", "gazetteer.sqlite")
            path = self._stack.enter_context(as_file(resource))
        self.path = Path(path).resolve()
        if not self.path.is_file():
            self._stack.close()
            raise FileNotFoundError(
                f"gazetteer database not found: {self.path}; it is built, not kept in git: "
                "run `make` (or `python scripts/build_gazetteer.py`, which needs npm and pip)"
            )
        uri = self.path.as_uri() + "?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._names: dict[str, Hits] = {}
        self._skeletons: dict[str, tuple[tuple[int, Spelling], ...]] = {}
        self._entries: dict[int, GazetteerEntry] = {}
        self._spellings: dict[int, Spelling] = {}
        self._seats: dict[tuple[str, frozenset[int]], tuple[int, ...]] = {}  # see with_seats
        self._countries: dict[str, CountryEntry] = {}
        self._country_ids: dict[int, str] = {}
        sql = "SELECT iso2, iso3, name, geonameid, lat, lon, population, alt_names, demonyms "
        for row in self._rows(sql + "FROM countries", ()):
            iso2, iso3, shown, gid, lat, lon, population, names, demonyms = row
            country = CountryEntry(
                iso2, iso3, shown, gid, lat, lon, population,
                tuple(filter(None, names.split("|"))), tuple(filter(None, demonyms.split("|"))),
            )  # fmt: skip
            self._countries[country.iso2] = country
            self._country_ids[country.geonames_id] = country.iso2

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The packaged gazetteer, opened once per process."""
        return cls()

    def close(self) -> None:
        """Close the database (a closed gazetteer answers nothing)."""
        self._db.close()
        self._stack.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, str]:
        """Build facts: sources, counts, licence."""
        return dict(self._rows("SELECT key, value FROM meta", ()))

    # -- low level, cached --------------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[Any]) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def name_hits(self, keys: Iterable[str]) -> dict[str, Hits]:
        """``(geonameid, kind)`` pairs for each of ``keys`` (name keys), from cache or one query."""
        out: dict[str, Hits] = {}
        todo = []
        for key in keys:
            hit = self._names.get(key)
            if hit is None:
                todo.append(key)
            else:
                out[key] = hit
        if todo:
            found: dict[str, list[tuple[int, int]]] = {k: [] for k in todo}
            for part in _chunks(todo):
                sql = f"SELECT key, geonameid, kind FROM names WHERE key IN ({_marks(part)})"
                for key, gid, kind in self._rows(sql, part):
                    found[key].append((gid, kind))
            if len(self._names) > _CACHE_LIMIT:
                self._names.clear()
            for key, hits in found.items():
                out[key] = self._names[key] = tuple(hits)
        return out

    def skeleton_hits(self, skeletons: Iterable[str]) -> dict[str, tuple[int, ...]]:
        """The geonameids sharing each skeleton key, from cache or one query."""
        return {
            skel: tuple(g for g, _ in found)
            for skel, found in self.skeleton_spellings(skeletons).items()
        }

    def skeleton_spellings(
        self, skeletons: Iterable[str]
    ) -> dict[str, tuple[tuple[int, Spelling], ...]]:
        """The geonameids sharing each skeleton key, each with its spelling (see
        :meth:`spellings`), from cache or one query: what a fuzzy match is weighed by."""
        out: dict[str, tuple[tuple[int, Spelling], ...]] = {}
        todo = []
        for skel in skeletons:
            hit = self._skeletons.get(skel)
            if hit is None:
                todo.append(skel)
            else:
                out[skel] = hit
        if todo:
            found: dict[str, list[tuple[int, Spelling]]] = {s: [] for s in todo}
            for part in _chunks(todo):
                for skel, gid, name, country, code in self._rows(
                    _SKELETON_SQL.format(_marks(part)), part
                ):
                    found[skel].append((gid, (name, country, code)))
            if len(self._skeletons) > _CACHE_LIMIT:
                self._skeletons.clear()
            for skel, hits in found.items():
                out[skel] = self._skeletons[skel] = tuple(hits)
        return out

    @functools.cached_property
    def regions(self) -> dict[str, tuple[int, ...]]:
        """Names of regions made of admin areas named by a direction and them, as name keys:
        "darfur" -> North, South, West … Darfur, when they are two or more of one country."""
        parts: dict[str, set[tuple[int, str]]] = defaultdict(set)
        sql = """SELECT n.key, n.geonameid, p.country FROM names n
                 JOIN places p ON p.geonameid = n.geonameid
                 WHERE n.key > ? AND n.key < ? AND n.kind != ?
                 AND p.feature_code IN ('ADM1', 'ADM2')"""
        for word in REGION_PARTS:
            for key, gid, country in self._rows(sql, (word + " ", word + "!", CODE)):
                parts[key[len(word) + 1 :]].add((gid, country))
        return {
            stem: tuple(sorted(gid for gid, _ in found))
            for stem, found in parts.items()
            if len(found) >= 2 and len({c for _, c in found}) == 1
        }

    def entries(self, ids: Iterable[int]) -> dict[int, GazetteerEntry]:
        """Entries by geonameid (unknown ids are left out)."""
        out: dict[int, GazetteerEntry] = {}
        todo = []
        for gid in ids:
            entry = self._entries.get(gid)
            if entry is None:
                todo.append(gid)
            else:
                out[gid] = entry
        if todo:
            if len(self._entries) > _CACHE_LIMIT:
                self._entries.clear()
            for part in _chunks(sorted(set(todo))):
                for row in self._rows(_ENTRY_SQL.format(_marks(part)), part):
                    gid, shown, ascii_name, cc, admin1, admin2, lat, lon, *rest = row
                    population, code, rank_population, seat_id, a1_id, a2_id = rest
                    entry = GazetteerEntry(
                        gid, shown, ascii_name, cc, admin1, admin2,
                        None if lat is None else lat / 1e5, None if lon is None else lon / 1e5,
                        population, code, precision_of(code), rank_population, seat_id,
                        a1_id, a2_id,
                    )  # fmt: skip
                    out[entry.geonames_id] = self._entries[entry.geonames_id] = entry
        return out

    def spellings(self, ids: Iterable[int]) -> dict[int, Spelling]:
        """``(ASCII name, country, feature code)`` by geonameid (unknown ids are left out): enough
        to weigh a fuzzy match, cheaper than :meth:`entries` for the many that fail."""
        out: dict[int, Spelling] = {}
        todo = []
        for gid in ids:
            found = self._spellings.get(gid)
            if found is None:
                entry = self._entries.get(gid)
                if entry is None:
                    todo.append(gid)
                    continue
                found = (entry.ascii_name, entry.country, entry.feature_code)
            out[gid] = found
        if todo:
            if len(self._spellings) > _CACHE_LIMIT:
                self._spellings.clear()
            for part in _chunks(sorted(set(todo))):
                for gid, name, country, code in self._rows(
                    _SPELLING_SQL.format(_marks(part)), part
                ):
                    out[gid] = self._spellings[gid] = (name, country, code)
        return out

    def rank(
        self, ids: Iterable[int], countries: Collection[str] | None = None
    ) -> list[GazetteerEntry]:
        """Entries for ``ids``, best first: hinted countries, feature importance, population."""
        return rank(self.entries(ids).values(), _hint(countries))

    # -- public look-ups ----------------------------------------------------------------------

    def get(self, geonames_id: int) -> GazetteerEntry | None:
        """The entry with this GeoNames id, if the gazetteer holds it."""
        return self.entries([geonames_id]).get(geonames_id)

    def lookup(
        self,
        name: str,
        *,
        countries: Collection[str] | None = None,
        fuzzy: bool = True,
        limit: int | None = None,
    ) -> list[GazetteerEntry]:
        """Places, admin areas and countries called ``name``, best first.

        The exact name key is tried first, then (``fuzzy``, when the name is nobody's) the
        skeleton key. Entries in ``countries`` (ISO2 codes) come first, then by importance:
        countries, then a feature bonus (capital, first-level seat or area, second-level, other
        place, neighbourhood) plus log10 of the population, so that Tripoli, Libya, comes before
        Tripoli, Lebanon, and Mariupol before a village that is a district seat. Demonyms are not
        names here (see :meth:`country`); ISO codes count only in capitals ("SY", "SYR").
        """
        text = strip_possessive(name.strip())
        key = name_key(text)
        if not key:
            return []
        keys = [key, key[4:]] if key.startswith("the ") else [key]
        as_code = text.isalpha() and text.isupper() and len(text) <= 3
        ids: set[int] = set()
        known = False  # a name of something, if only a demonym: no fuzzy guess then
        for k in keys:
            hits = self.name_hits([k])[k]
            known = known or bool(hits)
            ids |= {g for g, kind in hits if kind in (MAIN, ALT) or (kind == CODE and as_code)}
            if ids:
                break
        if ids:
            ranked = self.rank(self.with_seats(key, ids), countries)
        elif fuzzy and not known:
            ranked = self.fuzzy(keys[-1], countries)
        else:
            ranked = []
        return ranked[:limit] if limit is not None else ranked

    def with_seats(self, key: str, ids: Collection[int]) -> set[int]:
        """``ids`` and the seats of the admin areas among them that are spelt like ``key``:
        "Deir al-Balah" names the governorate, and its seat "Dayr al Balah" is meant as well.
        Not when ``key`` names the kind of area ("Kano State")."""
        out = set(ids)
        if key.rsplit(" ", 1)[-1] in AREA_WORDS:
            return out
        memo = (key, frozenset(out))
        extra = self._seats.get(memo)
        if extra is None:
            entries = self.entries(ids)
            seats = {e.seat_id for e in entries.values() if e.seat_id and e.seat_id not in out}
            spelt = self.spellings(seats)
            extra = tuple(
                g for g, (name, _, _) in spelt.items() if similar(key, name, SEAT_SIMILARITY)
            )
            if len(self._seats) > _CACHE_LIMIT:
                self._seats.clear()
            self._seats[memo] = extra
        out.update(extra)
        return out

    def seats_of(self, named: Iterable[tuple[str, Collection[int]]]) -> list[set[int]]:
        """:meth:`with_seats` of each ``(key, ids)``, the entries and seats it lacks looked up
        together (two queries, not two for each name)."""
        named = list(named)
        todo = {
            g
            for key, ids in named
            if key.rsplit(" ", 1)[-1] not in AREA_WORDS and (key, frozenset(ids)) not in self._seats
            for g in ids
        }
        if todo:
            self.spellings({e.seat_id for e in self.entries(todo).values() if e.seat_id})
        return [self.with_seats(key, ids) for key, ids in named]

    def fuzzy(self, key: str, countries: Collection[str] | None = None) -> list[GazetteerEntry]:
        """Entries sharing the skeleton of name key ``key`` and spelt at least half alike,
        closest spelling first within ``countries`` and without; ``[]`` for short names."""
        skel = skeleton_key(key)
        if consonants(skel) < 3:
            return []
        spelt = self.skeleton_spellings([skel])[skel]
        close = [g for g, (name, _, _) in spelt if similar(key, name, MIN_SIMILARITY)]
        return rank(self.entries(close).values(), _hint(countries), similar_to=key)

    def country(self, name: str) -> CountryEntry | None:
        """A country by name, other name, ISO code (in capitals) or demonym.

        "Syria", "Syrian", "Syrians", "Nigeria's", "DR Congo", "Ivory Coast", "Burma",
        "the Philippines", "U.S.", "UK" and "SY" all resolve; "Gaza" does not (it is a place).
        """
        text = strip_possessive(name.strip())
        if text.isalpha() and text.isupper() and len(text) in (2, 3):
            by_code = self.country_by_code(text)
            if by_code is not None:
                return by_code
        key = name_key(text)
        if key.startswith("the "):
            key = key[4:]
        best: tuple[int, int, str] | None = None
        for gid, kind in self.name_hits([key]).get(key, ()):
            iso2 = self._country_ids.get(gid)
            if iso2 is None or kind == CODE:
                continue
            cand = (kind, -self._countries[iso2].population, iso2)
            best = cand if best is None or cand < best else best
        return self._countries[best[2]] if best else None

    def capital(self, iso2: str) -> GazetteerEntry | None:
        """The capital of a country (ISO2 code), if the gazetteer holds it."""
        gid = self._capitals.get(iso2.upper())
        return None if gid is None else self.get(gid)

    @functools.cached_property
    def _capitals(self) -> dict[str, int]:
        sql = "SELECT country, geonameid FROM places WHERE feature_code = 'PPLC'"
        return dict(self._rows(sql, ()))

    @property
    def country_ids(self) -> Collection[int]:
        """The GeoNames ids of the countries."""
        return self._country_ids.keys()

    def country_by_code(self, code: str) -> CountryEntry | None:
        """A country by ISO 3166-1 alpha-2 or alpha-3 code, any case."""
        code = code.strip().upper()
        if len(code) == 2:
            return self._countries.get(code)
        return next((c for c in self._countries.values() if c.iso3 == code), None)

    def countries(self) -> list[CountryEntry]:
        """Every country, by ISO2 code."""
        return [self._countries[k] for k in sorted(self._countries)]

    def country_of(self, name: str, *, countries: Collection[str] | None = None) -> str | None:
        """The ISO2 code a name points to: a country or demonym, else its best-ranked place."""
        found = self.country(name)
        if found is not None:
            return found.iso2
        ranked = self.lookup(name, countries=countries, limit=1)
        return ranked[0].country if ranked else None

    def scan(
        self,
        text: str,
        *,
        countries: Collection[str] | None = None,
        fuzzy: bool = True,
        demonyms: bool = True,
        context: bool = True,
        max_candidates: int | None = 10,
    ) -> list[PlaceMention]:
        """Every gazetteer name in ``text``: see :func:`warmonitor.gazetteer.scan.scan`."""
        return scan_text(
            self,
            text,
            countries=countries,
            fuzzy=fuzzy,
            demonyms=demonyms,
            context=context,
            max_candidates=max_candidates,
        )


def _marks(items: list[Any]) -> str:
    return ",".join("?" * len(items))
