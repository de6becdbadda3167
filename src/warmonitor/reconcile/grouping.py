"""Grouping claims into incidents: same or nearby place, overlapping periods, compatible
outcome and wording. Every rule and distance is in :class:`GroupingRules` and in
``docs/RECONCILE.md``.

Claims are taken in order of the end of their period and each joins the most fitting incident it is
compatible with, else opens a new one; a part then joins the incident of its total. A claim
is compatible with an incident when all of these hold:

* **outcome**: the same family (violence: killed, injured, missing, kidnapped; detention;
  displacement);
* **period**: its window (its period, else the few days up to its as-of date; a cumulative
  toll reaches further back) overlaps the incident's, give or take ``slack_days`` (any gap
  up to ``max_span_days`` for claims of a report already in the incident), and the incident
  would not grow past ``max_span_days``;
* **place**: near one of the incident's most precise places (``city_km`` between points,
  neighbourhoods and cities, ``district_km`` for districts, the same admin1 area for a
  province, the same country for a country, ``region_km`` for a named region);
* **wording**: when both its sentence and the incident's name kinds of event (air strike,
  shelling, explosion, ground fighting …) and share none, a claim from another document is a
  different event.

A claim with no place or no date joins its own document's incident, or stands alone.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from warmonitor.model import PRECISION_RANK, Claim, Place
from warmonitor.reconcile.sources import as_of
from warmonitor.reconcile.wording import event_kinds

__all__ = [
    "DEFAULT_RULES",
    "FAMILIES",
    "GroupingRules",
    "admin_area",
    "distance_km",
    "group_claims",
    "place_near",
]

FAMILIES: dict[str, str] = {
    "killed": "violence",
    "injured": "violence",
    "missing": "violence",
    "kidnapped": "violence",
    "detained": "detention",
    "displaced": "displacement",
}

_RANK = PRECISION_RANK
_CITY = _RANK["city"]


@dataclass(frozen=True, slots=True)
class GroupingRules:
    """The distances and time spans of grouping (defaults documented in docs/RECONCILE.md)."""

    city_km: float = 30.0
    district_km: float = 60.0
    region_km: float = 150.0
    slack_days: int = 1
    undated_days: int = 3
    cumulative_days: int = 14
    max_span_days: int = 14
    wording: bool = True


DEFAULT_RULES = GroupingRules()


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, ``None`` when one has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _rank(place: Place) -> int:
    return _RANK.get(place.precision, _CITY)


def admin_area(place: Place) -> str | None:
    """The first-level area a place is in or is (casefolded), ``None`` when unknown."""
    name = place.admin1 or (place.name if place.precision == "admin1" else None)
    return name.casefold() if name else None


def place_near(a: Place, b: Place, rules: GroupingRules = DEFAULT_RULES) -> float | None:
    """How far apart two compatible places are (0 when only an admin area is shared), or
    ``None`` when they are not the same or nearby places under ``rules``."""
    if a.country and b.country and a.country != b.country:
        return None
    coarse = max(_rank(a), _rank(b))
    d = distance_km(a, b)
    same_name = a.name.casefold() == b.name.casefold()
    if coarse <= _RANK["district"]:
        limit = rules.city_km if coarse <= _CITY else rules.district_km
        if d is not None:
            return d if d <= limit else None
        return 0.0 if same_name else None
    if coarse == _RANK["admin1"]:
        left, right = admin_area(a), admin_area(b)
        if left and right:
            return (d or 0.0) if left == right else None
        return d if d is not None and d <= rules.region_km else None
    if coarse == _RANK["region"]:
        if d is None:
            return 0.0 if (a.country and a.country == b.country) or same_name else None
        return d if d <= rules.region_km else None
    return 0.0 if (a.country and a.country == b.country) or same_name else None


@dataclass(slots=True)
class _Member:
    claim: Claim
    window: tuple[date, date] | None
    kinds: frozenset[str]
    family: str


@dataclass(slots=True)
class _Group:
    """An incident being built, with what compatibility checks need kept up to date."""

    family: str
    members: list[_Member] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    documents: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    anchors: list[Place] = field(default_factory=list)  # its most precise places

    def add(self, member: _Member) -> None:
        self.members.append(member)
        self.documents.add(member.claim.document_id)
        self.kinds |= member.kinds
        if member.window is not None:
            start, end = member.window
            self.start = start if self.start is None else min(self.start, start)
            self.end = end if self.end is None else max(self.end, end)
        place = member.claim.place
        if place is not None:
            finest = max(min([_rank(p) for p in self.anchors] + [_rank(place)]), _CITY)
            self.anchors = [p for p in (*self.anchors, place) if _rank(p) <= finest]


def _window(
    claim: Claim, published: Mapping[str, date | None], rules: GroupingRules
) -> tuple[date, date] | None:
    period = claim.period
    back = rules.cumulative_days if claim.cumulative else 0
    if period is not None and (period.start or period.end):
        start = period.start or period.end
        end = period.end or period.start
        assert start is not None and end is not None
        return start - timedelta(days=back), max(start, end)
    day = as_of(claim, published).day
    if day is None:
        return None
    return day - timedelta(days=max(back, rules.undated_days)), day


def _fit(member: _Member, group: _Group, rules: GroupingRules) -> tuple[int, float, int] | None:
    """How well ``member`` fits ``group`` (larger is better), ``None`` when incompatible."""
    if member.family != group.family:
        return None
    same_doc = member.claim.document_id in group.documents
    gap = 0
    if member.window is None or group.start is None or group.end is None:
        if not same_doc:
            return None
    else:
        start, end = member.window
        gap = max((start - group.end).days, (group.start - end).days, 0)
        span = (max(end, group.end) - min(start, group.start)).days
        longest = max((end - start).days, (group.end - group.start).days, rules.max_span_days)
        # the claims of one report are one story: its dates may lie further apart
        # windows that overlap always fit in time; otherwise the incident may not outgrow
        # the longest span (a cumulative claim's look-back must not block an undated one)
        if gap > (rules.max_span_days if same_doc else rules.slack_days) or (
            gap > 0 and span > longest
        ):
            return None
    anchors = group.anchors
    place = member.claim.place
    distance = 0.0
    if place is None or not anchors:
        if not same_doc:
            return None
    else:
        near = [d for d in (place_near(place, a, rules) for a in anchors) if d is not None]
        if not near:
            return None
        distance = min(near)
    kinds = group.kinds
    if rules.wording and not same_doc and member.kinds and kinds and not member.kinds & kinds:
        return None
    return (int(same_doc), -distance, -gap)


def group_claims(
    claims: Sequence[Claim],
    published: Mapping[str, date | None],
    rules: GroupingRules = DEFAULT_RULES,
) -> list[list[Claim]]:
    """Partition ``claims`` into incidents (lists of claims, each in input order)."""
    position = {c.id: i for i, c in enumerate(claims)}
    members = [
        _Member(
            c,
            _window(c, published, rules),
            event_kinds(c.evidence.sentence),
            FAMILIES.get(c.outcome, c.outcome),
        )
        for c in claims
    ]
    members.sort(
        key=lambda m: (
            m.window[1] if m.window else date.max,
            m.claim.document_id,
            m.claim.evidence.start,
            m.claim.id,
        )
    )
    groups: list[_Group] = []
    home: dict[str, int] = {}
    # Members come in order of the end of their window, so a group's end only ever moves to
    # the latest: ``recent`` holds the dated groups by end, most recent last, and the search
    # for a dated member stops at the first group that ended before its window could reach.
    recent: OrderedDict[int, None] = OrderedDict()
    by_document: dict[str, set[int]] = {}
    for member in members:
        candidates = set(by_document.get(member.claim.document_id, ()))
        if member.window is not None:
            reach = member.window[0] - timedelta(days=rules.slack_days)
            for i in reversed(recent):
                end = groups[i].end
                if end is not None and end < reach:
                    break
                candidates.add(i)
        fits = [(fit, i) for i in candidates if (fit := _fit(member, groups[i], rules))]
        if fits:
            index = max(fits, key=lambda f: (f[0], -f[1]))[1]
        else:
            groups.append(_Group(member.family))
            index = len(groups) - 1
        groups[index].add(member)
        home[member.claim.id] = index
        by_document.setdefault(member.claim.document_id, set()).add(index)
        if member.window is not None:
            recent[index] = None
            recent.move_to_end(index)
    out: list[list[str]] = [[m.claim.id for m in g.members] for g in groups]
    for c in claims:  # a part goes where its total is
        if c.part_of in home and home[c.part_of] != home[c.id]:
            out[home[c.id]].remove(c.id)
            out[home[c.part_of]].append(c.id)
            home[c.id] = home[c.part_of]
    by_id = {c.id: c for c in claims}
    return [sorted((by_id[i] for i in ids), key=lambda c: position[c.id]) for ids in out if ids]
