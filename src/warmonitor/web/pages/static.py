"""The desk's own files (styles, scripts, the vendored map libraries and basemap), open to
everyone: the login page needs its styles, and they hold no record."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse

from warmonitor.errors import NotFoundError
from warmonitor.web.auth import PUBLIC

__all__ = ["STATIC", "router"]

router = APIRouter(include_in_schema=False)
STATIC = Path(__file__).resolve().parent.parent / "static"
_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".md": "text/plain; charset=utf-8",
    "": "text/plain; charset=utf-8",  # LICENSE
}


@router.get("/static/{path:path}", dependencies=[Depends(PUBLIC)])
def static(path: str) -> FileResponse:
    """A file under ``web/static``; nothing outside it, whatever the path says."""
    root = STATIC.resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root) or not target.is_file() or target.suffix not in _TYPES:
        raise NotFoundError(f"no file {path!r}")
    headers = {"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"}
    return FileResponse(target, media_type=_TYPES[target.suffix], headers=headers)
