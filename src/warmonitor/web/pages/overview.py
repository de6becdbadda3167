"""The overview (totals by period, latest incidents, what awaits review) and the map."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from warmonitor.duplicate_service import propose_duplicates
from warmonitor.incident_filters import PERIODS, best_of, sort_incidents, totals_by_period
from warmonitor.model import OUTCOMES
from warmonitor.reconcile import Incident
from warmonitor.reconcile.tallies import GROUPS
from warmonitor.reconcile_service import stored_incidents
from warmonitor.store.claim_search import ClaimFilter
from warmonitor.web.auth import Principal, store_of
from warmonitor.web.pages.charts import bar_chart
from warmonitor.web.pages.guard import PAGE_VIEWER
from warmonitor.web.pages.params import read_query
from warmonitor.web.pages.render import json_script, page
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


@router.get("/map", response_class=HTMLResponse)
def incident_map(request: Request, principal: Viewer) -> Response:
    query = read_query(request)
    where = query.incidents(default_outcome="killed")
    outcome = where.outcome or "killed"
    incidents = stored_incidents(store_of(request), query.policy(), claims=False).incidents
    chosen = sort_incidents(
        where.apply(incidents), "best", outcome=outcome, group=where.group, descending=True
    )
    placed = [(i, p) for i, p in ((i, _point(i, outcome, where.group)) for i in chosen) if p]
    points = [p for _, p in placed]
    return page(
        request,
        "map.html",
        principal,
        query.status,
        query=query,
        where=where,
        outcomes=OUTCOMES,
        groups=GROUPS,
        points=json_script(points),
        placed=len(points),
        rows=[i for i, _ in placed[:MAP_TABLE_ROWS]],
        best={i.id: p["best"] for i, p in placed[:MAP_TABLE_ROWS]},
        unplaced=len(chosen) - len(points),
        precisions=PRECISION_WORDS,
        precision_words=json_script(PRECISION_WORDS),
        table_rows=MAP_TABLE_ROWS,
    )
