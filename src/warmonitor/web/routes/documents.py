"""Stored documents: a page of them, and one with its text."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from warmonitor.web.auth import VIEWER, store_of
from warmonitor.web.paging import Limit, Offset
from warmonitor.web.schemas import DocumentOut, DocumentSummary, ErrorOut, Page
from warmonitor.web.views import document_summary

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get(
    "",
    dependencies=[Depends(VIEWER)],
    summary="Stored documents, in ingest order",
    response_model=Page[DocumentSummary],
)
def list_documents(
    request: Request, limit: Limit = 50, offset: Offset = 0
) -> Page[DocumentSummary]:
    store = store_of(request)
    total, stored = store.document_page(limit=limit, offset=offset)
    counts = store.claim_counts()
    items = [
        DocumentSummary.model_validate(document_summary(d, counts.get(d.id, 0))) for d in stored
    ]
    return Page[DocumentSummary](total=total, limit=limit, offset=offset, items=items)


@router.get(
    "/{document_id}",
    dependencies=[Depends(VIEWER)],
    summary="One document with its text",
    response_model=DocumentOut,
    responses={404: {"model": ErrorOut}},
)
def get_document(document_id: str, request: Request) -> DocumentOut:
    store = store_of(request)
    stored = store.stored_document(document_id)
    claims = store.claim_counts().get(stored.id, 0)
    return DocumentOut.model_validate(
        {**document_summary(stored, claims), "text": stored.document.text}
    )
