"""The incidents list (sorting, filters, search) and one incident's page: the figures side by
side by claimant, each claimant's toll over time, flags in plain words, evidence sentences,
the parts of the event and its documents."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from warmonitor.incident_filters import SORTS, best_of, sort_incidents
from warmonitor.model import OUTCOMES
from warmonitor.reconcile import Incident
from warmonitor.reconcile.tallies import GROUPS
from warmonitor.reconcile_service import stored_incidents
from warmonitor.web.auth import Principal, store_of
from warmonitor.web.pages.charts import Line, line_chart
from warmonitor.web.pages.guard import PAGE_VIEWER
from warmonitor.web.pages.params import read_query
from warmonitor.web.pages.render import page
from warmonitor.web.pages.words import PRECISION_WORDS

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Viewer = Annotated[Principal, Depends(PAGE_VIEWER)]
PAGE_SIZE = 50


@router.get("/incidents", response_class=HTMLResponse)
def incident_list(request: Request, principal: Viewer) -> Response:
    query = read_query(request)
    where = query.incidents()
    by, descending = query.sort()
    offset = query.whole("offset", 0)
    outcome = where.outcome or "killed"
    result = stored_incidents(store_of(request), query.policy(), claims=False)
    chosen = sort_incidents(
        where.apply_kept(result.incidents, result.derived),
        by,
        outcome=outcome,
        group=where.group,
        descending=descending,
    )
    states = store_of(request).review_states()
    return page(
        request,
        "incidents.html",
        principal,
        query.status,
        query=query,
        where=where,
        outcome=outcome,
        outcomes=OUTCOMES,
        groups=GROUPS,
        sorts=SORTS,
        by=by,
        descending=descending,
        total=len(chosen),
        offset=offset,
        size=PAGE_SIZE,
        incidents=chosen[offset : offset + PAGE_SIZE],
        best_of=best_of,
        reviewed=lambda i: sum(states.get(c) in ("accepted", "corrected") for c in i.claim_ids),
        precisions=PRECISION_WORDS,
    )


def _side_by_side(incident: Incident) -> tuple[list[str], list[dict[str, Any]]]:
    """The claimants (columns) and one row per tally: low / best / high and each claimant's
    current figure for it."""
    claimants = list(dict.fromkeys(s.claimant for t in incident.tallies for s in t.sources))
    rows = []
    for tally in incident.tallies:
        by_claimant = {s.claimant: s for s in tally.sources}
        rows.append({"tally": tally, "cells": [by_claimant.get(c) for c in claimants]})
    return claimants, rows


def _charts(incident: Incident) -> list[dict[str, Any]]:
    """One chart per outcome and victim group: each claimant's dated figures as a line."""
    grouped: dict[tuple[str, str], list[Line]] = {}
    undated: dict[tuple[str, str], int] = {}
    for series in incident.timeline:
        key = (series.outcome, series.group)
        points = tuple((p.as_of, p.value, p.text) for p in series.points if p.as_of is not None)
        undated[key] = undated.get(key, 0) + sum(1 for p in series.points if p.as_of is None)
        grouped.setdefault(key, []).append(Line(series.claimant, points))
    out = []
    for (outcome, group), lines in grouped.items():
        subject = f"{outcome.capitalize()}, {group.replace('_', ' ')}"
        title = f"{subject}: each claimant's figure over time"
        out.append(
            {
                "outcome": outcome,
                "group": group,
                "svg": line_chart(lines, title),
                "undated": undated.get((outcome, group), 0),
            }
        )
    return out


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(incident_id: str, request: Request, principal: Viewer) -> Response:
    query = read_query(request)
    store = store_of(request)
    result = stored_incidents(store, query.policy())
    incident = result.find(incident_id)
    claimants, rows = _side_by_side(incident)
    sources = store.document_sources()
    states = store.review_states()
    claims = [result.claims[c] for c in incident.claim_ids if c in result.claims]
    claims.sort(key=lambda c: (result.as_of(c) or date.max, c.evidence.start, c.id))
    return page(
        request,
        "incident.html",
        principal,
        query.status,
        query=query,
        incident=incident,
        claimants=claimants,
        rows=rows,
        charts=_charts(incident),
        claims=claims,
        states=states,
        as_of=result.as_of,
        documents=[(d, sources.get(d)) for d in incident.document_ids],
        precisions=PRECISION_WORDS,
        follow_ups=store.follow_ups(incident.id),
    )
