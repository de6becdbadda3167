"""Validators for lists that change only when the store's inputs do: an ``ETag`` naming the
input revision (``store.runs``), the stored run and the request's path and query, so that a
client sending it back in ``If-None-Match`` gets ``304 Not Modified`` without the list being
read, filtered or encoded again. Every write of claims, reviews, documents, decisions or
corrections moves the revision, in any process, so a tag never outlives what it names.

    tag = etag(request, store.reconcile_run())
    if tag is not None and fresh(request, tag):
        return not_modified(tag)
    response.headers.update(cache_headers(tag))
"""

from __future__ import annotations

from hashlib import sha256
from typing import Any

from fastapi import Request, Response

from warmonitor.store.runs import ReconcileRun

__all__ = ["NOT_MODIFIED", "cache_headers", "etag", "fresh", "not_modified"]

#: The OpenAPI entry of the answer to a matching ``If-None-Match``.
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the ETag sent still names this list."}
}


def etag(request: Request, run: ReconcileRun, *, needs_run: bool = False) -> str | None:
    """The tag of this request's answer at ``run``; ``None`` when ``needs_run`` (a list of
    incidents) and the stored run is not of today's inputs (it is reconciled on reading)."""
    if needs_run and run.reconciled_revision != run.revision:
        return None
    stamp = "\x1f".join(
        (
            str(run.revision),
            str(run.reconciled_revision),
            run.policy or "",
            ",".join(run.ranking or ()),
            run.reconciled_at.isoformat() if run.reconciled_at else "",
            request.url.path,
            str(request.url.query),
        )
    )
    return f'W/"{sha256(stamp.encode()).hexdigest()[:32]}"'


def fresh(request: Request, tag: str) -> bool:
    """Whether the client's ``If-None-Match`` names ``tag`` (or ``*``)."""
    sent = request.headers.get("if-none-match")
    if not sent:
        return False
    tags = {t.strip() for t in sent.split(",")}
    return "*" in tags or tag in tags or tag.removeprefix("W/") in tags


def cache_headers(tag: str | None) -> dict[str, str]:
    """``ETag`` and what caches may do: keep it for this user only, ask again each time."""
    headers = {"Cache-Control": "private, no-cache", "Vary": "Authorization, Cookie"}
    if tag is not None:
        headers["ETag"] = tag
    return headers


def not_modified(tag: str) -> Response:
    return Response(status_code=304, headers=cache_headers(tag))
