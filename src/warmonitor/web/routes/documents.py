"""Stored documents: a page of them, one with its text, and a correction of its metadata
(``pipeline.correct_document``, as ``warmonitor document ID --published …``: its claims are
extracted again, reviews and decisions still hold; the reason goes to the audit log)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from warmonitor.pipeline import correct_document, load_nlp
from warmonitor.store import Store
from warmonitor.web.auth import ANALYST, VIEWER, Principal, audit, store_of
from warmonitor.web.paging import Limit, Offset
from warmonitor.web.schemas import (
    DocumentCorrected,
    DocumentOut,
    DocumentPatch,
    DocumentSummary,
    ErrorOut,
    Page,
)
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
    counts = store.claim_counts([d.id for d in stored])
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
    return _document_out(store_of(request), document_id)


@router.patch(
    "/{document_id}",
    summary="Correct a document's date, publisher or address; its claims are read again",
    response_model=DocumentCorrected,
    responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}},
)
def correct(
    document_id: str,
    body: DocumentPatch,
    request: Request,
    principal: Annotated[Principal, Depends(ANALYST)],
) -> DocumentCorrected:
    store = store_of(request)
    with request.app.state.ingest_lock:
        _document, changes = correct_document(
            store,
            document_id,
            published=body.published,
            publisher=body.publisher,
            url=body.url,
            nlp=load_nlp(),
        )
    fields = body.model_dump(exclude_none=True, mode="json")
    audit(request, "document_correct", user=principal.user.name, target=document_id, detail=fields)
    return DocumentCorrected(
        document=_document_out(store, document_id),
        claims_rewritten=changes.rewritten,
        claims_added=changes.added,
        claims_deleted=changes.deleted,
        claims_kept=changes.kept,
    )


def _document_out(store: Store, document_id: str) -> DocumentOut:
    """The stored document with its text and how many claims it has."""
    stored = store.stored_document(document_id)
    claims = store.claim_counts([stored.id]).get(stored.id, 0)
    return DocumentOut.model_validate(
        {**document_summary(stored, claims), "text": stored.document.text}
    )
