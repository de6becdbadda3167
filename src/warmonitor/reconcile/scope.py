"""Scope: which figures of an incident are its toll, and which are a part of it or a projection.

A figure competes with the others for the incident's toll only when it counts the whole event.
The others are kept, shown and checked, but never supersede a toll nor become low / best /
high:

* **a projection** ("the toll could exceed 1,000", "is expected to reach 500"): a claim whose
  hedges carry ``projection`` and whose figure the words just before it foresee. An
  ``estimate`` ("an estimated 300") is a figure like any other, only marked.
* **a part of the event**, read conservatively:

  - *share*: a claim that is a part (``part_of``) of a total of the same outcome and victim
    group ("30 killed in the province, 12 of them in Ariha"). A part of another group (745
    civilians of 1,018 people) is that group's figure, not a part here;
  - *place*: a figure for a place (a town, a district) inside a province for which the incident
    has a figure of the same outcome and group, when that figure comes from the same report (a
    governorate and its towns) or the claim's report gives the claimant's figures for two
    places or more in that province (a breakdown). A figure of the event's own place (the
    place its reports and claims name most) is never a part, and a town's figure alone in its
    report stays a toll: the same event, named at another precision;
  - *day*: a figure for one day (not a cumulative toll) that falls inside, and not on the
    first day of, the period of a figure of the same outcome and group covering several days
    (at most :data:`SPAN_DAYS`: an event's, not a war's), given by the same claimant, and is
    smaller than that figure ("12 killed on Tuesday" of its 40 killed since Monday).

A place or a day makes a part only when the claim's own sentence names it: a figure without
one inherits its report's main place and period, which say nothing of its scope.

* **an aggregate**, wider than the event and kept out of its toll (scope ``aggregate``): a
  figure whose own clause counts a whole country or a whole war ("647 killed across the
  country on Wednesday", "the toll since the war began rose to 3,478"). The words must stand
  between the figure and its neighbours in the sentence (the previous figure's words are its
  own: "12 killed across the country, 5 of them in the town"); a figure joined to an aggregate
  just before it in the same sentence ("..., with the number of wounded reaching 12,065") is
  one too, and so is a share the report states of an aggregate ("20 of them in the
  province": that day's count there, not the event's). "Across" a place counts only for a
  place that is not the event's own.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from warmonitor.model import PRECISION_RANK, Claim, Place

__all__ = [
    "ESTIMATE",
    "PROJECTION",
    "Scope",
    "find_aggregates",
    "find_parts",
    "is_projection",
    "marks",
    "stated",
]

PROJECTION = "projection"
ESTIMATE = "estimate"
_ADMIN1 = PRECISION_RANK["admin1"]
#: The longest period whose single days are parts of it (an event, not a war's toll).
SPAN_DAYS = 31


#: What foresees a figure, just before it: "could exceed 1,000", "is expected to reach 500".
_FORESEEN = re.compile(
    r"\b(?:could|may|might|would|will|expected to|likely to|set to|projected to|forecast to)"
    r"(?:\s+\w+){0,3}?\s+(?:exceed|surpass|top|reach|pass|hit|climb|rise|number|go|"
    r"be (?:as high as|more than|higher than|over|above|well over|in excess of))\b"
    r"[\w\s,-]{0,40}$",
    re.I,
)


def is_projection(claim: Claim) -> bool:
    """A toll foreseen, not counted ("could exceed 1,000"): the claim's hedges carry
    ``projection`` and, where the figure's place in its sentence is known, the words just
    before it foresee it. A hedge is read per sentence, so a stated figure beside a projection
    ("rose to 1,300 and could rise further") stays a stated figure."""
    if PROJECTION not in claim.hedges:
        return False
    evidence = claim.evidence
    if evidence.figure is None:
        return True
    start = evidence.figure[0] - evidence.start
    if not 0 <= start <= len(evidence.sentence):
        return True
    return bool(_FORESEEN.search(evidence.sentence[max(0, start - 80) : start]))


def marks(hedges: Sequence[str]) -> tuple[str, ...]:
    """The marks a figure carries among its hedges: ``projection``, ``estimate``."""
    return tuple(h for h in (PROJECTION, ESTIMATE) if h in hedges)


@dataclass(frozen=True, slots=True)
class Scope:
    """Why a claim is a part of its incident's event, and of which figure."""

    kind: str  # "share" | "place" | "day" | "aggregate"
    where: str | None  # the place's name, the day (ISO), None for a share
    total: str | None  # the claim of the figure it is a part of
    stated: bool = False  # the report states it as a part (``part_of``)


def _area(place: Place) -> str | None:
    """The province a province-wide figure covers, else ``None``."""
    if place.precision != "admin1":
        return None
    return (place.admin1 or place.name).casefold()


def _inside(place: Place, area: str, country: str | None) -> bool:
    return (
        PRECISION_RANK.get(place.precision, _ADMIN1) < _ADMIN1
        and bool(place.admin1)
        and str(place.admin1).casefold() == area
        and (country is None or place.country == country)
    )


def stated(words: str, claim: Claim) -> bool:
    """Whether the claim's own sentence says ``words`` (a place or a time a report's figure
    may otherwise only inherit from the report's main place or period)."""
    return bool(words.strip()) and words.strip().casefold() in claim.evidence.sentence.casefold()


def _single_day(claim: Claim) -> bool:
    p = claim.period
    return p is not None and p.start is not None and p.start == p.end and not claim.cumulative


def _days(claim: Claim) -> int:
    p = claim.period
    if p is None or p.start is None or p.end is None:
        return 0
    return (p.end - p.start).days + 1


def _share(part: Claim, total: Claim) -> tuple[str, str | None]:
    if part.place and total.place and part.place.name.casefold() != total.place.name.casefold():
        return "place", part.place.name
    if _single_day(part) and part.period != total.period and part.period and part.period.start:
        return "day", part.period.start.isoformat()
    return "share", None


#: Words that make a figure a whole country's or a whole war's count, not one event's.
_AGGREGATE = re.compile(
    r"\b(?:nation-?wide|country-?wide|across\s+the\s+(?:country|nation)"
    r"|(?:across|throughout|all\s+over)\s+(?:all\s+of\s+)?(?P<area>[A-Z][\w'-]+)"
    r"|since\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+the\s+"
    r"(?:war|conflict|invasion|uprising|revolution|fighting|offensive)"
    r"|since\s+the\s+(?:war|conflict|invasion|uprising|revolution|fighting|offensive)\s+"
    r"(?:began|started|erupted|broke\s+out)"
    r"|since\s+(?:[A-Z][\w'-]*\s+){1,3}(?:launched|began|started|invaded)\b)"
)


def _aggregate_cue(text: str, home: Collection[str]) -> bool:
    for m in _AGGREGATE.finditer(text):
        area = m.group("area")
        if area is None or (area.casefold() not in home and area not in ("The", "All")):
            return True
    return False


def find_aggregates(claims: Sequence[Claim], home: Collection[str] = ()) -> dict[str, Scope]:
    """The claims that count a whole country or war rather than the event (see above), by
    claim id, read in their own sentence only."""
    sentences: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        if c.evidence.figure is not None:
            sentences.setdefault((c.document_id, c.evidence.start), []).append(c)
    out: dict[str, Scope] = {}
    for mine in sentences.values():
        mine.sort(key=lambda c: c.evidence.figure or (0, 0))
        text, base = mine[0].evidence.sentence, mine[0].evidence.start
        spans = sorted({c.evidence.figure for c in mine if c.evidence.figure})
        previous: tuple[int, int] | None = None
        previous_aggregate = False
        for span in spans:
            start, end = span[0] - base, span[1] - base
            later = [s[0] - base for s in spans if s[0] - base > start]
            after = text[end : later[0] if later else len(text)]
            before = text[previous[1] - base if previous else 0 : start]
            aggregate = _aggregate_cue(after, home) or (
                previous is None and _aggregate_cue(before, home)
            )
            if not aggregate and previous_aggregate:
                aggregate = re.fullmatch(r"[,;]?\s*(?:and|with)\b[^,;.]*", before) is not None
            if aggregate:
                for c in mine:
                    if c.evidence.figure == span:
                        out[c.id] = Scope("aggregate", None, None)
            previous, previous_aggregate = span, aggregate
    for c in claims:  # "606 of them in and around the capital": a share of an aggregate
        if c.part_of in out:
            out.setdefault(c.id, Scope("aggregate", None, None))
    return out


def main_places(claims: Sequence[Claim]) -> frozenset[str]:
    """The place the most claims of an incident name (case set aside): where its event is."""
    counts = Counter(c.place.name.casefold() for c in claims if c.place is not None)
    if not counts:
        return frozenset()
    top = max(counts.values())
    return frozenset(name for name, n in counts.items() if n == top)


def find_parts(
    claims: Sequence[Claim],
    claimant: Callable[[Claim], str],
    main: Collection[str] | None = None,
) -> dict[str, Scope]:
    """The claims among one incident's ``claims`` that are parts of its event, by claim id.
    ``claimant`` gives a claim's claimant identity (one source, one key); ``main`` names the
    event's own place(s) (casefolded; default: :func:`main_places`), whose figures are the
    event's and never a part of a province's."""
    home = frozenset(main) if main is not None else main_places(claims)
    out: dict[str, Scope] = find_aggregates(claims, home)
    claims = [c for c in claims if c.id not in out]
    by_id = {c.id: c for c in claims}
    for c in claims:
        total = by_id.get(c.part_of) if c.part_of else None
        if total is None or total.id == c.id:
            continue
        if (total.outcome, total.victims.group) == (c.outcome, c.victims.group):
            kind, where = _share(c, total)
            out[c.id] = Scope(kind, where, total.id, stated=True)
    wholes = [c for c in claims if c.id not in out and c.part_of is None]
    by_figure: dict[tuple[str, str], list[Claim]] = {}
    for c in wholes:
        by_figure.setdefault((c.outcome, c.victims.group), []).append(c)
    for same in by_figure.values():
        wides = [c for c in same if c.place is not None and _area(c.place) is not None]
        spans = [c for c in same if _days(c) > 1]
        if not wides and not spans:
            continue
        towns: dict[tuple[str, str, str], set[str]] = {}  # report, claimant, area → places
        for c in same:
            if (
                c.place is not None
                and c.place.admin1
                and _inside(c.place, c.place.admin1.casefold(), None)
                and stated(c.place.text, c)
            ):
                key = (c.document_id, claimant(c), c.place.admin1.casefold())
                towns.setdefault(key, set()).add(c.place.name.casefold())
        for c in same:
            scope = _place_part(c, wides, towns, claimant, home) or _day_part(
                c, [w for w in spans if claimant(w) == claimant(c)]
            )
            if scope is not None:
                out[c.id] = scope
    return out


def _place_part(
    claim: Claim,
    wides: Sequence[Claim],
    towns: dict[tuple[str, str, str], set[str]],
    claimant: Callable[[Claim], str],
    home: frozenset[str],
) -> Scope | None:
    """A town's figure inside a province's figure of the same report, or one of the
    claimant's figures for several towns of that province in its report; never a figure of
    the event's own place."""
    place = claim.place
    if place is None or not stated(place.text, claim) or place.name.casefold() in home:
        return None
    for wide in wides:
        assert wide.place is not None
        area = _area(wide.place)
        if area is None or not _inside(place, area, wide.place.country):
            continue
        if wide.document_id == claim.document_id:
            return Scope("place", place.name, wide.id)
        if len(towns.get((claim.document_id, claimant(claim), area), ())) > 1:
            return Scope("place", place.name, wide.id)
    return None


def _day_part(claim: Claim, spans: Sequence[Claim]) -> Scope | None:
    """One day's figure inside, and not on the first day of, a longer period's figure of the
    same claimant (``spans``), and smaller than it."""
    if not _single_day(claim) or claim.period is None or claim.period.start is None:
        return None
    if not stated(claim.period.text, claim):
        return None
    day = claim.period.start
    inside = [
        c
        for c in spans
        if c.period is not None
        and c.period.start is not None
        and c.period.end is not None
        and c.period.start < day <= c.period.end
        and _days(c) <= SPAN_DAYS
        and claim.count.best < c.count.low
    ]
    if not inside:
        return None
    wide = max(inside, key=lambda c: (_days(c), c.count.best, c.id))
    return Scope("day", day.isoformat(), wide.id)
