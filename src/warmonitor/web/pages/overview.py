"""The overview (totals by period, latest incidents, what awaits review) and the map."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from warmonitor.duplicate_service import propose_duplicates
from warmonitor.incident_filters import (
    PERIODS,
    IncidentFilter,
    best_of,
    sort_incidents,
    totals_by_period,
)
from warmonitor.model import OUTCOMES
from warmonitor.reconcile import Incident
from warmonitor.reconcile.tallies import GROUPS
from warmonitor.reconcile_service import Reconciliation, stored_incidents
from warmonitor.store.claim_search import ClaimFilter
from warmonitor.web.auth import Principal, store_of
from warmonitor.web.pages.charts import bar_chart
from warmonitor.web.pages.guard import PAGE_VIEWER
from warmonitor.web.pages.params import read_query
from warmonitor.web.pages.render import json_array, json_script, json_text, page
from warmonitor.web.pages.words import PRECISION_WORDS

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Viewer = Annotated[Principal, Depends(PAGE_VIEWER)]


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, principal: Viewer) -> Response:
    query = read_query(request)
    outcome = query.choice("outcome", OUTCOMES, "killed") or "killed"
    period = query.choice("period", PERIODS, "month") or "month"
    store = store_of(request)
    incidents = stored_incidents(store, query.policy(), claims=False).incidents
    periods = totals_by_period(incidents, outcome, period)
    chart = bar_chart(
        [(label, value) for label, value, _ in periods],
        f"Best estimate of people {outcome} per {period}, by the incidents' first day",
    )
    waiting, unreviewed = store.find_claims(ClaimFilter(review_state="unreviewed"), limit=10)
    return page(
        request,
        "overview.html",
        principal,
        query.status,
        query=query,
        outcome=outcome,
        period=period,
        outcomes=OUTCOMES,
        periods=PERIODS,
        totals=periods,
        chart=chart,
        grand_total=sum(v for _, v, _ in periods),
        latest=sort_incidents(incidents, "date", descending=True)[:10],
        incident_count=len(incidents),
        flagged=[i for i in incidents if i.flags][:10],
        flagged_count=sum(1 for i in incidents if i.flags),
        duplicates=len(propose_duplicates(incidents)),
        unreviewed=unreviewed,
        waiting=waiting,
        counts=store.counts(),
        best_of=best_of,
    )


def _point(incident: Incident, outcome: str, group: str | None) -> dict[str, Any] | None:
    """What the map draws of one incident: kept short, a year of an archive is thousands of
    points (the link is ``/incidents/ID``, the precision's words are sent once, coordinates
    to 4 decimals, about 11 m)."""
    place = incident.place
    best = best_of(incident, outcome, group)
    if place is None or place.lat is None or place.lon is None or best is None:
        return None
    return {
        "id": incident.id,
        "label": incident.label,
        "lat": round(place.lat, 4),
        "lon": round(place.lon, 4),
        "best": best,
        "precision": place.precision,
    }


#: The map's table lists the incidents with the largest best estimates, this many (every point
#: is drawn; the incidents list pages through them all): a year of an archive is thousands.
MAP_TABLE_ROWS = 200


@dataclass(frozen=True, slots=True)
class _Spot:
    """An incident on the map: its best estimate, its point as JSON (``None``: no place)."""

    incident: Incident
    best: int | None
    point: str | None


def _layer(result: Reconciliation, outcome: str, group: str | None) -> list[_Spot]:
    """The incidents with a figure of ``outcome`` (of ``group``), largest best estimate first,
    each point encoded: once per stored run, outcome and group (``result.derived``), since
    the map is asked for again and again over the same run with other dates."""
    key = ("map", outcome, group)
    kept = result.derived
    if kept is not None and key in kept:
        spots: list[_Spot] = kept[key]
        return spots
    having = IncidentFilter(outcome=outcome, group=group).apply(result.incidents)
    spots = []
    for incident in sort_incidents(having, "best", outcome=outcome, group=group, descending=True):
        point = _point(incident, outcome, group)
        spots.append(
            _Spot(incident, point["best"], json_text(point))
            if point
            else _Spot(incident, None, None)
        )
    if kept is not None:
        kept[key] = spots
    return spots


@router.get("/map", response_class=HTMLResponse)
def incident_map(request: Request, principal: Viewer) -> Response:
    query = read_query(request)
    where = query.incidents(default_outcome="killed")
    outcome = where.outcome or "killed"
    result = stored_incidents(store_of(request), query.policy(), claims=False)
    spots = _layer(result, outcome, where.group)
    rest = replace(where, outcome=None, group=None).test()  # the dates, and the like
    chosen = spots if rest is None else [s for s in spots if rest(s.incident)]
    placed = [s for s in chosen if s.point is not None]
    return page(
        request,
        "map.html",
        principal,
        query.status,
        query=query,
        where=where,
        outcomes=OUTCOMES,
        groups=GROUPS,
        points=json_array(s.point for s in placed if s.point is not None),
        placed=len(placed),
        rows=[s.incident for s in placed[:MAP_TABLE_ROWS]],
        best={s.incident.id: s.best for s in placed[:MAP_TABLE_ROWS]},
        unplaced=len(chosen) - len(placed),
        precisions=PRECISION_WORDS,
        precision_words=json_script(PRECISION_WORDS),
        table_rows=MAP_TABLE_ROWS,
    )
