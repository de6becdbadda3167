"""A report's main event as reconciliation needs it to tell events apart (``ReportEvent``).

Its words are the names the report gives (people, organisations, places, facilities), the
sites and kinds of attack it names (hospital, church, railway station, chemical attack,
massacre …) and the gazetteer's ids of its places, so that "Kiev" and "Kyiv" are one word.
Words of the title and the first sentences count twice: they say what the report is about.
Its kinds are the sites and attacks of that lead; its places the located places of its
country, the lead's first; its fingerprint the MinHash of its text
(``warmonitor.fingerprint``). Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from warmonitor.actors import learn_aliases
from warmonitor.extract.places import PlaceIndex
from warmonitor.fingerprint import fingerprint
from warmonitor.model import PRECISION_RANK, Period, Place, ReportEvent

__all__ = ["LEAD_SENTENCES", "event_countries", "report_event"]

LEAD_SENTENCES = 3
_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "PERSON"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL = frozenset("the a an of and in on at for to al el de la le by with from".split())
# Sites and kinds of attack: what tells two events of one town and week apart.
_SITES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("hospital", r"\b(?:hospitals?|clinics?|medical cent(?:er|re)s?)\b"),
        ("church", r"\b(?:church|churches|cathedral|monastery)\b"),
        ("mosque", r"\bmosques?\b"),
        ("school", r"\b(?:schools?|kindergartens?|universit(?:y|ies))\b"),
        ("theatre", r"\b(?:theatres?|theaters?|drama theat\w*)\b"),
        ("station", r"\b(?:(?:train|railway|rail|bus) stations?|railways?)\b"),
        ("market", r"\b(?:markets?|marketplaces?|shopping (?:cent(?:er|re)|mall)s?|malls?)\b"),
        ("bread", r"\b(?:bread (?:queue|line)s?|bakery|bakeries)\b"),
        ("camp", r"\b(?:refugee camps?|camps?)\b"),
        ("chemical", r"\b(?:chemical|sarin|nerve (?:agent|gas)|chlorine|poison gas|toxic gas)\b"),
        ("massacre", r"\b(?:massacres?|mass killings?|executions?|executed)\b"),
        ("bodies", r"\b(?:mass graves?|bodies (?:were )?found|bodies of)\b"),
        ("car bomb", r"\b(?:car bombs?|car bombings?|suicide (?:bomb(?:ing|er)s?|attacks?))\b"),
        ("air", r"\b(?:air ?strikes?|air raids?|drone strikes?|warplanes?|bombing raids?)\b"),
        ("missile", r"\b(?:missiles?|rockets?|ballistic)\b"),
        ("shelling", r"\b(?:shelling|shelled|artillery|mortars?)\b"),
        (
            "government building",
            r"\b(?:administration building|government building|headquarters)\b",
        ),
    )
)
_FINE = PRECISION_RANK["city"]
_ADMIN1 = PRECISION_RANK["admin1"]


def _lead_end(sentences: Sequence[tuple[int, int]]) -> int:
    if not sentences:
        return 0
    return sentences[min(LEAD_SENTENCES, len(sentences)) - 1][1]


def _name_words(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0).replace("’", "'").casefold().removesuffix("'s").strip("'-")
        if len(word) > 1 and word not in _SMALL:
            out.append(word)
    return out


def _sites(text: str) -> list[tuple[str, int]]:
    return [(kind, m.start()) for kind, pattern in _SITES for m in pattern.finditer(text)]


def event_countries(places: PlaceIndex) -> tuple[str | None, tuple[str, ...]]:
    """The country the report's event is in, and every country it names about as often (at
    least half as often): the ones its names name most (a country, a town, a region; weak and
    reference names left out). Unlike the document's country votes, a dateline or a capital
    quoted for its government counts once, like any other name, so a report filed from Beirut
    about Syria is about Syria; one from Washington naming both as often names both."""
    named: Counter[str] = Counter()
    for m in places.mentions:
        if m.tier <= 1 and not m.reference and m.entry.country:
            named[m.entry.country] += 1
    if not named:
        return places.country, ((places.country,) if places.country else ())
    top = max(named.values())
    tied = [c for c, n in named.items() if n == top]
    country = places.country if places.country in tied else sorted(tied)[0]
    near = tuple(sorted(c for c, n in named.items() if 2 * n >= top))
    return country, near


def _places(places: PlaceIndex, lead_end: int, country: str | None) -> tuple[Place, ...]:
    """The located places of the event's country, most salient first: named in the lead,
    specific, named often."""
    weight: Counter[int] = Counter()
    first: dict[int, int] = {}
    chosen: dict[int, Place] = {}
    for m in places.mentions:
        if not m.located or m.entry.country != country or m.reference:
            continue
        rank = PRECISION_RANK.get(m.place.precision, _FINE)
        if rank > _ADMIN1:
            continue
        key = m.entry.geonames_id if m.entry.geonames_id is not None else hash(m.place.name)
        weight[key] += 3 if m.start < lead_end else 1
        first.setdefault(key, m.start)
        chosen.setdefault(key, m.place)

    def salience(key: int) -> tuple[bool, bool, int, int]:
        place = chosen[key]
        fine = PRECISION_RANK.get(place.precision, _FINE) <= _FINE
        return (first[key] >= lead_end, not fine, -weight[key], first[key])

    return tuple(chosen[k] for k in sorted(chosen, key=salience))


def report_event(
    document_id: str,
    text: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[tuple[int, int, str]],
    places: PlaceIndex | None,
    *,
    published: date | None = None,
    period: Period | None = None,
) -> ReportEvent:
    """The main event of a report: its words, kinds, places, country and day, and the
    fingerprint of its text (copies of one report on several sites share it)."""
    lead_end = _lead_end(sentences)
    counts: Counter[str] = Counter()
    for start, end, label in entities:
        if label not in _NAME_LABELS:
            continue
        for word in _name_words(text[start:end]):
            counts[word] += 2 if start < lead_end else 1
    kinds: list[str] = []
    for kind, start in _sites(text):
        counts["#" + kind] += 2 if start < lead_end else 1
        if start < lead_end and kind not in kinds:
            kinds.append(kind)
    located: tuple[Place, ...] = ()
    country = None
    countries: tuple[str, ...] = ()
    if places is not None:
        country, countries = event_countries(places)
        located = _places(places, lead_end, country)
        for m in places.mentions:
            if m.located and m.entry.geonames_id is not None and m.entry.country == country:
                counts[f"@{m.entry.geonames_id}"] += 2 if m.start < lead_end else 1
    terms = tuple(sorted(((t, round(1 + math.log(n), 4)) for t, n in counts.items())))
    day = period.start if period is not None else None
    return ReportEvent(
        document_id=document_id,
        published=published,
        day=day,
        country=country,
        places=located,
        kinds=tuple(kinds),
        terms=terms,
        fingerprint=fingerprint(text),
        countries=countries,
        aliases=tuple(learn_aliases(text)),
    )
