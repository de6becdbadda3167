"""Exports of the incidents in the formats ``warmonitor export`` writes (docs/EXPORTS.md)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from warmonitor.export import export_incidents
from warmonitor.web.auth import VIEWER, Principal, audit, store_of
from warmonitor.web.schemas import ErrorOut, Policy

router = APIRouter(prefix="/api/exports", tags=["exports"])

Format = Literal["csv", "json", "geojson", "ucdp", "acled", "parquet"]
_FILES: dict[str, tuple[str, str]] = {
    "csv": ("incidents.csv", "text/csv; charset=utf-8"),
    "json": ("incidents.json", "application/json"),
    "geojson": ("incidents.geojson", "application/geo+json"),
    "ucdp": ("incidents-ucdp.csv", "text/csv; charset=utf-8"),
    "acled": ("incidents-acled.csv", "text/csv; charset=utf-8"),
    "parquet": ("incidents.parquet", "application/vnd.apache.parquet"),
}


@router.get(
    "/{format}",
    summary="The incidents as a file: csv, json, geojson, ucdp, acled or parquet",
    response_class=Response,
    responses={
        200: {"content": {v[1]: {} for v in _FILES.values()}, "description": "The file."},
        422: {"model": ErrorOut},
    },
)
def export(
    format: Format,
    request: Request,
    principal: Annotated[Principal, Depends(VIEWER)],
    policy: Annotated[Policy, Query()] = "conservative",
) -> Response:
    """Written by ``export.export_incidents``, as the CLI writes it, from the reviewed claims
    (rejected ones left out, corrections applied); the header ``X-Warmonitor-Reviews`` says
    how many claims' latest review accepted, corrected and rejected them. Audited."""
    name, media_type = _FILES[format]
    with tempfile.TemporaryDirectory(prefix="warmonitor-export-") as folder:
        path = Path(folder) / name
        rows = export_incidents(store_of(request), format, path, policy=policy)
        body = path.read_bytes()
    audit(
        request,
        "export",
        user=principal.user.name,
        target=format,
        detail={"rows": rows, "policy": policy},
    )
    found = list(store_of(request).review_states().values())
    reviewed = ", ".join(f"{s}={found.count(s)}" for s in ("accepted", "corrected", "rejected"))
    headers = {
        "Content-Disposition": f'attachment; filename="{name}"',
        "X-Warmonitor-Reviews": reviewed,
    }
    return Response(body, media_type=media_type, headers=headers)
