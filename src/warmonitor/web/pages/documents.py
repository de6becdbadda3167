"""The stored documents, and one document's text with each claim highlighted at its
evidence span."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from warmonitor.store.claim_search import ClaimFilter
from warmonitor.web.auth import Principal, store_of
from warmonitor.web.pages.guard import PAGE_VIEWER
from warmonitor.web.pages.highlight import Span, runs
from warmonitor.web.pages.params import read_query
from warmonitor.web.pages.render import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Viewer = Annotated[Principal, Depends(PAGE_VIEWER)]
PAGE_SIZE = 50
MOST_CLAIMS = 500  # the claim search's largest page


@router.get("/documents", response_class=HTMLResponse)
def document_list(request: Request, principal: Viewer) -> Response:
    query = read_query(request)
    offset = query.whole("offset", 0)
    store = store_of(request)
    total, stored = store.document_page(limit=PAGE_SIZE, offset=offset)
    counts = store.claim_counts([d.id for d in stored])
    return page(
        request,
        "documents.html",
        principal,
        query.status,
        query=query,
        documents=stored,
        counts=counts,
        total=total,
        offset=offset,
        size=PAGE_SIZE,
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(document_id: str, request: Request, principal: Viewer) -> Response:
    store = store_of(request)
    stored = store.stored_document(document_id)
    total, hits = store.find_claims(ClaimFilter(document_id=stored.id), limit=MOST_CLAIMS)
    spans = [
        Span(h.claim.id, h.claim.evidence.start, h.claim.evidence.end, h.claim.evidence.figure)
        for h in hits
    ]
    numbers = {h.claim.id: n for n, h in enumerate(hits, 1)}
    return page(
        request,
        "document.html",
        principal,
        document=stored.document,
        ingested_at=stored.ingested_at,
        paragraphs=runs(stored.document.text, spans),
        hits=hits,
        numbers=numbers,
        total=total,
    )
