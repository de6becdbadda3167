"""Possible duplicates: incidents that may be one event, proposed to an analyst, never merged.

    for proposal in propose_duplicates(stored_incidents(store).incidents):
        print(proposal.incidents, proposal.reasons)

Two incidents are proposed when all three hold: the same place (one gazetteer id, else one name
in one country, else points less than ``NEAR_KM`` apart), dates that meet or lie at most
``DAYS_APART`` days apart, and at least one figure in common (the same best total of an outcome,
or the same best of an outcome and victim group). An analyst merges them with
``reconcile_service.merge_incidents`` (``POST /api/incidents/merge``) or leaves them apart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from warmonitor.model import Place
from warmonitor.reconcile import Incident

__all__ = ["DAYS_APART", "NEAR_KM", "Proposal", "propose_duplicates"]

NEAR_KM = 5.0
DAYS_APART = 1


@dataclass(frozen=True, slots=True)
class Proposal:
    """Two incidents that may be one event, and why, in words."""

    incidents: tuple[str, str]
    reasons: tuple[str, ...]


def _km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = (math.radians(v) for v in (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _same_place(a: Incident, b: Incident) -> str | None:
    if a.place is None or b.place is None:
        return None
    pa, pb = a.place, b.place
    same_id = pa.geonames_id is not None and pa.geonames_id == pb.geonames_id
    if same_id or (pa.name == pb.name and pa.country == pb.country):
        return f"same place: {pa.name}"
    km = _km(pa, pb)
    if km is not None and km < NEAR_KM:
        return f"{pa.name} and {pb.name} are {km:.1f} km apart"
    return None


def _span(incident: Incident) -> tuple[date, date] | None:
    start = incident.start or incident.end
    end = incident.end or incident.start
    return (start, end) if start and end else None


def _figures(incident: Incident) -> set[tuple[str, str, int]]:
    found = {(t.outcome, "all", t.best) for t in incident.totals}
    found |= {(t.outcome, t.group, t.best.value) for t in incident.tallies}
    return found


def _shared_figures(a: Incident, b: Incident) -> list[str]:
    shared = sorted(_figures(a) & _figures(b))
    return [f"same figure: {group} {outcome} {value}" for outcome, group, value in shared]


def propose_duplicates(incidents: Sequence[Incident]) -> list[Proposal]:
    """Every pair of ``incidents`` that may be one event (see the module docstring), in the
    order of the incidents. Incidents are swept by date within each country, so that each is
    compared only with those near it in time."""
    order = {incident.id: n for n, incident in enumerate(incidents)}
    by_country: dict[str | None, list[tuple[date, date, Incident]]] = {}
    for incident in incidents:
        span = _span(incident)
        if incident.place is not None and span is not None:
            by_country.setdefault(incident.place.country, []).append((*span, incident))
    gap = timedelta(days=DAYS_APART)
    out = []
    for dated in by_country.values():
        dated.sort(key=lambda item: (item[0], order[item[2].id]))
        for i, (start, end, a) in enumerate(dated):
            for later_start, _end, b in dated[i + 1 :]:
                if later_start > end + gap:
                    break
                # sorted by start and not past ``end + gap``: b's dates meet a's or lie near
                where = _same_place(a, b)
                figures = _shared_figures(a, b) if where else []
                if where and figures:
                    when = f"dates {start.isoformat()} and {later_start.isoformat()}"
                    first, second = sorted((a, b), key=lambda x: order[x.id])
                    out.append(Proposal((first.id, second.id), (where, when, *figures)))
    return sorted(out, key=lambda p: (order[p.incidents[0]], order[p.incidents[1]]))
