"""Claims: found by filters a page at a time, one claim beside its reviews, reviewing one
(accept, reject or correct, with a reason: each review its own record) and moving one into
another incident (``reconcile_service.move_claim``, as ``warmonitor incident move``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from warmonitor.extract.violations.perpetrators import PerpetratorKind
from warmonitor.extract.violations.taxonomy import ViolationType
from warmonitor.reconcile_service import move_claim
from warmonitor.review_service import review_claim
from warmonitor.store.claim_search import ClaimFilter, ClaimHit
from warmonitor.web.auth import ANALYST, VIEWER, Principal, audit, store_of
from warmonitor.web.etags import NOT_MODIFIED, cache_headers, etag, fresh, not_modified
from warmonitor.web.paging import Limit, Offset
from warmonitor.web.schemas import (
    BulkReviewIn,
    ClaimDetail,
    ClaimItem,
    ClaimOut,
    DecisionOut,
    ErrorOut,
    MoveIn,
    Outcome,
    Page,
    ReviewIn,
    ReviewOut,
    ReviewState,
)
from warmonitor.web.views import claim_item, decision_out, review_out, reviewed_claim

router = APIRouter(prefix="/api", tags=["claims"])

Hedge = Literal[
    "unverified",
    "unconfirmed",
    "reported",
    "alleged",
    "preliminary",
    "disputed",
    "feared",
    "attributed",
    "claimed",
    "projection",
    "estimate",
]
Words = Annotated[str | None, Query(max_length=200)]


@router.get(
    "/claims",
    dependencies=[Depends(VIEWER)],
    summary="Claims matching the filters, a page at a time",
    response_model=Page[ClaimItem],
    responses={422: {"model": ErrorOut}, **NOT_MODIFIED},
)
def list_claims(
    request: Request,
    response: Response,
    outcome: Outcome | None = None,
    victim_group: Annotated[str | None, Query(max_length=40, examples=["civilians"])] = None,
    claimant: Annotated[
        str | None, Query(max_length=200, description="Words of the claimant's name or text.")
    ] = None,
    place: Annotated[
        str | None, Query(max_length=200, description="A country code (SY) or a place's name.")
    ] = None,
    start: Annotated[date | None, Query(description="Periods ending on or after this day.")] = None,
    end: Annotated[
        date | None, Query(description="Periods starting on or before this day.")
    ] = None,
    hedge: Hedge | None = None,
    review_state: ReviewState | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of the evidence.")] = None,
    document_id: Annotated[str | None, Query(max_length=64)] = None,
    violation: Annotated[
        ViolationType | None, Query(description="A violation type the claim shows.")
    ] = None,
    perpetrator_kind: PerpetratorKind | None = None,
    victim: Annotated[
        str | None, Query(max_length=200, description="Words of the victims' identity.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ClaimItem] | Response:
    """The newest extractor version's claims of each document, in ingest order, then by
    position in the document; each with its review state and latest review. With an
    ``ETag``: sent back in ``If-None-Match`` while nothing was written, 304."""
    store = store_of(request)
    tag = etag(request, store.reconcile_run())
    if tag is not None and fresh(request, tag):
        return not_modified(tag)
    response.headers.update(cache_headers(tag))
    where = ClaimFilter(
        document_id=document_id,
        outcome=outcome,
        victim_group=victim_group,
        claimant=claimant,
        place=place,
        start=start,
        end=end,
        hedge=hedge,
        review_state=review_state,
        text=q,
        violation=violation,
        perpetrator_kind=perpetrator_kind,
        victim=victim,
    )
    total, hits = store.find_claims(where, limit=limit, offset=offset)
    items = [claim_item(hit) for hit in hits]
    return Page[ClaimItem](total=total, limit=limit, offset=offset, items=items)


@router.get(
    "/claims/{claim_id}",
    dependencies=[Depends(VIEWER)],
    summary="One claim: the machine's reading, the reviewed one and every review",
    response_model=ClaimDetail,
    responses={404: {"model": ErrorOut}},
)
def get_claim(claim_id: str, request: Request) -> ClaimDetail:
    store = store_of(request)
    claim = store.claim(claim_id)
    reviews = store.reviews(claim.id)
    latest = reviews[-1] if reviews else None
    item = claim_item(ClaimHit(claim, latest))
    reviewed = reviewed_claim(claim, latest)
    return ClaimDetail(
        claim=item.claim,
        review_state=item.review_state,
        review=item.review,
        reviewed=ClaimOut.model_validate(reviewed.to_dict()) if reviewed else None,
        reviews=[review_out(r) for r in reviews],
    )


@router.get(
    "/claims/{claim_id}/reviews",
    dependencies=[Depends(VIEWER)],
    summary="The reviews of one claim, oldest first",
    response_model=list[ReviewOut],
    responses={404: {"model": ErrorOut}},
)
def claim_reviews(claim_id: str, request: Request) -> list[ReviewOut]:
    store = store_of(request)
    claim = store.claim(claim_id)
    return [review_out(r) for r in store.reviews(claim.id)]


@router.post(
    "/claims/{claim_id}/reviews",
    status_code=201,
    summary="Review a claim: accept, reject or correct it, with a reason",
    response_model=ReviewOut,
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
def add_review(
    claim_id: str,
    body: ReviewIn,
    request: Request,
    principal: Annotated[Principal, Depends(ANALYST)],
) -> ReviewOut:
    """Records who, when, what and why; the claim stays as the machine read it, and tallies
    and exports use the latest review (a rejected claim is left out, a correction applied)."""
    name = principal.user.name
    review = review_claim(
        store_of(request),
        claim_id,
        body.action,
        reviewer=name,
        reason=body.reason,
        correction=body.correction,
    )
    audit(
        request,
        "review",
        user=name,
        target=f"claim {review.claim_id}",
        detail={"review": review.id, "action": review.action, "correction": review.correction},
    )
    return review_out(review)


@router.post(
    "/reviews",
    status_code=201,
    summary="Accept or reject many claims at once, with one reason",
    response_model=list[ReviewOut],
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
def bulk_review(
    body: BulkReviewIn,
    request: Request,
    principal: Annotated[Principal, Depends(ANALYST)],
) -> list[ReviewOut]:
    """Every claim is checked first: one unknown id and none is reviewed. Each claim gets a
    review record of its own."""
    store = store_of(request)
    chosen = list(dict.fromkeys(body.claims))
    for claim_id in chosen:
        store.claim(claim_id)
    name = principal.user.name
    reviews = [
        review_claim(store, c, body.action, reviewer=name, reason=body.reason) for c in chosen
    ]
    detail = {"action": body.action, "reviews": [r.id for r in reviews], "reason": body.reason}
    audit(request, "review_bulk", user=name, target=f"{len(chosen)} claims", detail=detail)
    return [review_out(r) for r in reviews]


@router.get(
    "/reviews",
    dependencies=[Depends(VIEWER)],
    summary="Every review, newest first",
    response_model=Page[ReviewOut],
)
def list_reviews(request: Request, limit: Limit = 50, offset: Offset = 0) -> Page[ReviewOut]:
    total, reviews = store_of(request).review_page(limit=limit, offset=offset)
    items = [review_out(r) for r in reviews]
    return Page[ReviewOut](total=total, limit=limit, offset=offset, items=items)


@router.post(
    "/claims/{claim_id}/move",
    status_code=201,
    summary="Move a claim into another incident (recorded, replayed on every run)",
    response_model=DecisionOut,
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
def move(
    claim_id: str,
    body: MoveIn,
    request: Request,
    principal: Annotated[Principal, Depends(ANALYST)],
) -> DecisionOut:
    name = principal.user.name
    result = move_claim(store_of(request), claim_id, body.incident, analyst=name, note=body.reason)
    out = decision_out(result, store_of(request).review_states())
    detail = {"decision": out.id, "incident": body.incident, "reason": body.reason}
    audit(request, "claim_move", user=name, target=f"claim {claim_id}", detail=detail)
    return out
