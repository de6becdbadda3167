"""The review queue (claims by review state, with bulk accept and reject for analysts) and one
claim's page: the machine's reading beside the reviewed one, every review, and for analysts the
correction form. Changes go through the API (``POST /api/reviews``,
``POST /api/claims/{id}/reviews``, ``POST /api/claims/{id}/move``) from the page's script, with
the session's CSRF token in the ``X-CSRF-Token`` header."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from warmonitor.errors import NotFoundError
from warmonitor.model import CLAIMANT_KINDS, OUTCOMES, PRECISION_RANK
from warmonitor.reconcile.tallies import GROUPS
from warmonitor.reconcile_service import stored_incidents
from warmonitor.store.claim_search import ClaimFilter, ClaimHit
from warmonitor.web.auth import Principal, store_of
from warmonitor.web.pages.guard import PAGE_VIEWER
from warmonitor.web.pages.params import read_query
from warmonitor.web.pages.render import page
from warmonitor.web.views import reviewed_claim

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Viewer = Annotated[Principal, Depends(PAGE_VIEWER)]
PAGE_SIZE = 50
STATES = ("unreviewed", "accepted", "corrected", "rejected")


@router.get("/review", response_class=HTMLResponse)
def review_queue(request: Request, principal: Viewer) -> Response:
    query = read_query(request)
    state = query.choice("state", STATES, "unreviewed")
    where = ClaimFilter(
        review_state=state,
        outcome=query.choice("outcome", OUTCOMES),
        victim_group=query.choice("group", GROUPS),
        claimant=query.text("claimant"),
        place=query.text("place"),
        text=query.text("q"),
    )
    offset = query.whole("offset", 0)
    total, hits = store_of(request).find_claims(where, limit=PAGE_SIZE, offset=offset)
    return page(
        request,
        "review.html",
        principal,
        query.status,
        query=query,
        chosen_state=state,
        states=STATES,
        outcomes=OUTCOMES,
        groups=GROUPS,
        hits=hits,
        total=total,
        offset=offset,
        size=PAGE_SIZE,
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(claim_id: str, request: Request, principal: Viewer) -> Response:
    store = store_of(request)
    claim = store.claim(claim_id)
    reviews = store.reviews(claim.id)
    latest = reviews[-1] if reviews else None
    hit = ClaimHit(claim, latest)
    result = stored_incidents(store, claims=False)
    try:
        incident = result.incident_of(claim.id)
    except NotFoundError:
        incident = None
    country = (reviewed_claim(claim, latest) or claim).place
    nearby = [
        i
        for i in result.incidents
        if country is None or (i.place is not None and i.place.country == country.country)
    ][:200]
    return page(
        request,
        "claim.html",
        principal,
        claim=claim,
        reviewed=reviewed_claim(claim, latest),
        review_state=hit.review_state,
        reviews=reviews,
        incident=incident,
        nearby=nearby,
        document=store.document_sources().get(claim.document_id),
        outcomes=OUTCOMES,
        groups=GROUPS,
        kinds=CLAIMANT_KINDS,
        precisions=tuple(PRECISION_RANK),
    )
