"""Reports of one event: each report's main event joined with the others that tell it.

A report's event (:class:`~warmonitor.model.ReportEvent`) carries its distinctive words, its
places, its kinds of attack and its day. Reports are taken in order of time; each joins the
event it is most like, else opens a new one. Likeness is the cosine of the reports' words
weighted by their rarity in the collection (a word every report uses tells nothing), against
the words of every report already in the event. What it takes to join
(:class:`EventRules`, ``docs/RECONCILE.md``):

* **time**: a report within ``near_days`` of the event's first report needs ``join``; a later
  one (an investigation referring back to "last month's killings") needs ``later``, and after
  ``far_days`` ``far``;
* **conflict**: another country (one the report does not also name about as often) or a main
  town far from every town of the event adds ``conflict``; another site than the event's usual
  one (a church, not the hospital) adds ``other_site``: a strong likeness overrides a wrong
  place.

Pure: no I/O. Candidates come from an index of words to events, so the cost grows with the
events sharing words with a report, not with the size of the archive.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from warmonitor.model import PRECISION_RANK, Place, ReportEvent
from warmonitor.reconcile.grouping import admin_area, distance_km

__all__ = ["DEFAULT_EVENT_RULES", "EventRules", "cluster_reports"]

_CITY = PRECISION_RANK["city"]
#: Kinds of a report that are sites: two events of one town and week at different sites differ.
SITES = frozenset(
    {
        "hospital",
        "church",
        "mosque",
        "school",
        "theatre",
        "station",
        "market",
        "bread",
        "camp",
        "government building",
    }
)


@dataclass(frozen=True, slots=True)
class EventRules:
    """Thresholds of joining a report to an event (defaults in docs/RECONCILE.md)."""

    near_days: int = 3
    join: float = 0.1
    later: float = 0.2
    far_days: int = 365
    far: float = 0.35
    conflict: float = 0.1  # added for another country or a far place
    other_site: float = 0.3  # added for another site (a church, not the hospital)
    place_km: float = 15.0
    prior_reports: float = 20.0
    candidates: int = 12  # a report's rarest words that look up candidate events


DEFAULT_EVENT_RULES = EventRules()


def _times(event: ReportEvent) -> list[date]:
    return [d for d in (event.day, event.published) if d is not None]


def _fine(place: Place | None) -> Place | None:
    if place is None or place.lat is None:
        return None
    return place if PRECISION_RANK.get(place.precision, _CITY) <= _CITY else None


@dataclass(slots=True)
class _Event:
    """An event being built: its reports, the sum of their word vectors, its first day, its
    places and sites."""

    country: str | None
    reports: list[str] = field(default_factory=list)
    vector: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    start: date | None = None
    places: list[Place] = field(default_factory=list)
    sites: Counter[str] = field(default_factory=Counter)
    sited: int = 0  # reports that name a site

    def likeness(self, vector: dict[str, float]) -> float:
        if self.norm2 <= 0:
            return 0.0
        dot = sum(w * self.vector.get(t, 0.0) for t, w in vector.items())
        return dot / math.sqrt(self.norm2)

    def gap(self, times: Iterable[date]) -> int | None:
        """Days between the report and the event's first report (the event itself)."""
        if self.start is None:
            return None
        gaps = [abs((d - self.start).days) for d in times]
        return min(gaps) if gaps else None

    def add(self, event: ReportEvent, vector: dict[str, float]) -> None:
        dot = sum(w * self.vector.get(t, 0.0) for t, w in vector.items())
        self.norm2 += 2 * dot + sum(w * w for w in vector.values())
        for t, w in vector.items():
            self.vector[t] = self.vector.get(t, 0.0) + w
        self.reports.append(event.document_id)
        for d in _times(event):
            self.start = d if self.start is None else min(self.start, d)
        if event.place is not None:
            self.places.append(event.place)
        sites = SITES.intersection(event.kinds)
        self.sites.update(sites)
        self.sited += bool(sites)
        if self.country is None:
            self.country = event.country


def _need(gap: int | None, rules: EventRules) -> float:
    """The likeness a report needs to join an event its first report is ``gap`` days from."""
    if gap is not None and gap <= rules.near_days:
        return rules.join
    return rules.later if gap is None or gap <= rules.far_days else rules.far


def _conflicts(event: ReportEvent, group: _Event, rules: EventRules) -> float:
    """What stands against joining: another country (one the report does not also name about
    as often) or a place of the event's country far from every place of the event
    (``conflict``), another site than the event's usual one (``other_site``)."""
    country = bool(
        event.country
        and group.country
        and event.country != group.country
        and group.country not in event.countries
    )
    place = event.place
    area = (
        place is not None
        and bool(group.places)
        and (not group.country or place.country == group.country)
        and not any(_same_area(place, other, rules) for other in group.places)
    )
    sites = SITES.intersection(event.kinds)
    usual = {s for s, n in group.sites.items() if n * 5 >= group.sited * 2}
    other_site = bool(sites and usual and not sites & usual)
    return rules.conflict * (country or area) + rules.other_site * other_site


def _same_area(a: Place, b: Place, rules: EventRules) -> bool:
    """Whether two places can be where one event happened: the same name, towns near each
    other, or an area and a place inside it."""
    if a.name.casefold() == b.name.casefold():
        return True
    if a.country and b.country and a.country != b.country:
        return False
    fine_a, fine_b = _fine(a), _fine(b)
    if fine_a is not None and fine_b is not None:
        d = distance_km(fine_a, fine_b)
        return d is None or d <= rules.place_km
    area_a, area_b = admin_area(a), admin_area(b)
    return area_a == area_b if area_a and area_b else True


def _vectors(events: Sequence[ReportEvent], rules: EventRules) -> list[dict[str, float]]:
    """Each report's words weighted by weight × rarity, scaled to unit length."""
    df: Counter[str] = Counter()
    for e in events:
        df.update({t for t, _ in e.terms})
    n = len(events) + rules.prior_reports
    out = []
    for e in events:
        v = {t: w * math.log(n / (df[t] + 1)) for t, w in e.terms}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items() if x > 0})
    return out


#: A word shared with more events than this is looked up only when it could matter.
_FREQUENT = 32


def _candidates(
    vector: dict[str, float], rare: list[str], index: dict[str, set[int]], lowest: float
) -> set[int]:
    """The events sharing one of ``rare`` with the report, less those that cannot reach
    ``lowest``: an event met only through frequent words ("killed", "attack") shares with
    the report no word but those and the report's words outside ``rare``, and its likeness is
    at most the length of the report's vector on those words (Cauchy-Schwarz; the event's
    vector has at most unit length on them). The same candidates that can join, found
    without scanning every event that says "killed"."""
    frequent = [t for t in rare if len(index.get(t, ())) > _FREQUENT]
    found = {g for t in rare if t not in frequent for g in index.get(t, ())}
    if frequent:
        kept = set(rare).difference(frequent)
        bound = math.sqrt(sum(w * w for t, w in vector.items() if t not in kept))
        if bound >= lowest - 1e-9:
            found.update(g for t in frequent for g in index[t])
    return found


def cluster_reports(
    events: Sequence[ReportEvent], rules: EventRules = DEFAULT_EVENT_RULES
) -> list[list[str]]:
    """Partition reports (by document id) into events; each event lists its reports in order
    of time."""
    vectors = _vectors(events, rules)
    order = sorted(
        range(len(events)),
        key=lambda i: (min(_times(events[i]), default=date.max), events[i].document_id),
    )
    groups: list[_Event] = []
    index: dict[str, set[int]] = {}
    lowest = min(rules.join, rules.later, rules.far)  # no report joins below this likeness
    for i in order:
        event, vector = events[i], vectors[i]
        rare = sorted(vector, key=lambda t: -vector[t])[: rules.candidates]
        candidates = _candidates(vector, rare, index, lowest)
        best: tuple[float, int] | None = None
        for g in sorted(candidates):
            group = groups[g]
            score = group.likeness(vector)
            if score < lowest or (best is not None and score <= best[0]):
                continue  # it cannot join, or cannot beat the best: its need is not wanted
            gap = group.gap(_times(event))
            need = _need(gap, rules) + _conflicts(event, group, rules)
            if score >= need and (best is None or score > best[0]):
                best = (score, g)
        if best is None:
            groups.append(_Event(event.country))
            chosen = len(groups) - 1
        else:
            chosen = best[1]
        groups[chosen].add(event, vector)
        for t in vector:
            index.setdefault(t, set()).add(chosen)
    return [g.reports for g in groups]
