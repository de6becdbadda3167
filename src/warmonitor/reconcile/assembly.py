"""Incidents assembled from events of reports: each event's claims, and the rest by claim.

Reports joined into one event (``events.cluster_reports``) give one incident holding the
claims of those reports that fit the event. A claim does not fit when it tells of an earlier
event (its period ends more than ``earlier_days`` before the event began: "a similar attack
in 2017 killed 35") or of a place of the event's country in another province and further than
``district_km`` from every place of the event (a toll elsewhere quoted for context), when its
own sentence names that place (one inherited from the report says nothing of it); such
claims, and the claims of reports with no recorded event, are grouped claim by claim
(``grouping.group_claims``). Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from warmonitor.model import Claim, Place, ReportEvent
from warmonitor.reconcile.events import DEFAULT_EVENT_RULES, EventRules, cluster_reports
from warmonitor.reconcile.grouping import GroupingRules, admin_area, distance_km, group_claims
from warmonitor.reconcile.scope import stated

__all__ = ["Assembly", "assemble", "main_groups"]


@dataclass(frozen=True, slots=True)
class Assembly:
    """Claim groups, and the reports of each group that is an event of reports."""

    groups: list[list[str]]
    reports: dict[int, tuple[str, ...]]  # group index -> documents whose main event it is


def _in_time(claim: Claim, start: date | None, earlier_days: int) -> bool:
    """False for a claim of an earlier event: its period ends ``earlier_days`` before ``start``."""
    period = claim.period
    if start is not None and period is not None:
        end = period.end or period.start
        if end is not None and end < start - timedelta(days=earlier_days):
            return False
    return True


def _in_place(
    claim: Claim,
    country: str | None,
    places: Sequence[Place],
    rules: GroupingRules,
) -> bool:
    place = claim.place
    if place is None or not places or not country or place.country != country:
        return True  # no place, or a foreign one (a dateline, a capital that speaks)
    for anchor in places:
        if anchor.country != country:
            continue
        if place.name.casefold() == anchor.name.casefold():
            return True
        left, right = admin_area(place), admin_area(anchor)
        if left and right and left == right:
            return True
        d = distance_km(place, anchor)
        if d is None or d <= rules.district_km:
            return True
    return not any(a.country == country for a in places)


def assemble(
    claims: Sequence[Claim],
    published: Mapping[str, date | None],
    events: Mapping[str, ReportEvent],
    rules: GroupingRules,
    event_rules: EventRules = DEFAULT_EVENT_RULES,
    *,
    earlier_days: int = 30,
) -> Assembly:
    """Group ``claims``: by events of reports where ``events`` has them, else claim by claim."""
    by_document: dict[str, list[Claim]] = {}
    for c in claims:
        by_document.setdefault(c.document_id, []).append(c)
    known = list(events.values())  # reports with no figure join events too
    groups: list[list[str]] = []
    reports: dict[int, tuple[str, ...]] = {}
    strays: list[Claim] = [c for c in claims if c.document_id not in events]
    for cluster in cluster_reports(known, event_rules):
        members = [events[d] for d in cluster]
        times = [t for e in members for t in (e.day, e.published) if t is not None]
        start = min(times) if times else None
        countries = Counter(e.country for e in members if e.country)
        country = countries.most_common(1)[0][0] if countries else None
        places = [e.place for e in members if e.place is not None]
        members_claims = [c for d in cluster for c in by_document.get(d, ())]
        timely = [_in_time(c, start, earlier_days) for c in members_claims]
        placed = [_in_place(c, country, places, rules) for c in members_claims]
        fit = [t and p for t, p in zip(timely, placed, strict=True)]
        if not any(fit):  # the event's places or day were misread: its reports' claims are it
            fit = [True] * len(members_claims)
        else:  # a place a figure only inherits from its report tells nothing of it
            named = [
                c.place is not None and stated(c.place.text or c.place.name, c)
                for c in members_claims
            ]
            fit = [t and (p or not n) for t, p, n in zip(timely, placed, named, strict=True)]
        group = [c.id for c, ok in zip(members_claims, fit, strict=True) if ok]
        strays.extend(c for c, ok in zip(members_claims, fit, strict=True) if not ok)
        if group:
            reports[len(groups)] = tuple(cluster)
            groups.append(group)
    if strays:
        groups.extend([c.id for c in g] for g in group_claims(strays, published, rules))
    return Assembly(groups, reports)


def main_groups(
    assembly: Assembly, partition: Sequence[Sequence[str]]
) -> dict[int, tuple[str, ...]]:
    """After analysts' decisions: the reports whose main event each final group holds (the
    group with most of the event's claims)."""
    where = {c: i for i, group in enumerate(partition) for c in group}
    out: dict[int, list[str]] = {}
    for index, documents in assembly.reports.items():
        votes = Counter(where[c] for c in assembly.groups[index] if c in where)
        if votes:
            out.setdefault(votes.most_common(1)[0][0], []).extend(documents)
    return {i: tuple(d) for i, d in out.items()}
