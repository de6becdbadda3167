"""The audit log (admins only): a page of it, and the whole of it as CSV or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from warmonitor.web.auth import ADMIN, Principal, audit, store_of
from warmonitor.web.paging import Limit, Offset
from warmonitor.web.schemas import AuditEntryOut, Page

router = APIRouter(prefix="/api/audit", tags=["audit"])
Action = Annotated[str | None, Query(max_length=32, examples=["login_failed"])]
User = Annotated[str | None, Query(max_length=64)]
Since = Annotated[datetime | None, Query(description="ISO time, e.g. 2026-12-01T00:00:00Z")]
COLUMNS = ("id", "created_at", "user", "action", "target", "status", "client", "detail")


@router.get(
    "",
    dependencies=[Depends(ADMIN)],
    summary="The audit log, newest first",
    response_model=Page[AuditEntryOut],
)
def audit_log(
    request: Request,
    action: Action = None,
    user: User = None,
    since: Since = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[AuditEntryOut]:
    total, entries = store_of(request).audit_entries(
        limit=limit, offset=offset, action=action, user=user, since=since
    )
    items = [AuditEntryOut.model_validate(e.to_dict()) for e in entries]
    return Page[AuditEntryOut](total=total, limit=limit, offset=offset, items=items)


@router.get(
    "/export",
    summary="The whole audit log (or the entries matching) as CSV or JSON Lines",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
)
def export_audit(
    request: Request,
    principal: Annotated[Principal, Depends(ADMIN)],
    format: Literal["csv", "jsonl"] = "csv",
    action: Action = None,
    user: User = None,
    since: Since = None,
) -> Response:
    """Audited itself, as every export."""
    _, entries = store_of(request).audit_entries(limit=None, action=action, user=user, since=since)
    rows = [e.to_dict() for e in entries]
    if format == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        media_type, name = "application/x-ndjson", "audit.jsonl"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({**r, "detail": json.dumps(r["detail"], ensure_ascii=False)})
        body, media_type, name = buffer.getvalue(), "text/csv; charset=utf-8", "audit.csv"
    audit(request, "export", user=principal.user.name, target=f"audit {format}")
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=media_type, headers=headers)
