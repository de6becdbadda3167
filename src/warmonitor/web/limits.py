"""Limits on what a request may send, checked before the routes read it.

* The body of an upload (``POST /api/ingest/files``) is at most ``FetchLimits.max_upload_bytes``
  (default 100 MB), any other body at most :data:`MAX_BODY_BYTES` (1 MB): a larger one is
  ``413`` — at once when its ``Content-Length`` says so, else as soon as that much has come —
  and is never spooled to disk whole.
* An upload is ``multipart/form-data``: a request that declares any other type is ``415``.
* An address holding a NUL character (``%00``) is ``400``: no stored text holds one, and
  databases misread it (SQLite's LIKE ends the pattern there and matches everything,
  PostgreSQL refuses it).

Each file of an upload is then limited by ``FetchLimits.max_bytes`` and read by the readers,
which refuse binary content (a file over the limit or unreadable is named in ``failures``).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from warmonitor.ingest.files import format_size

__all__ = ["MAX_BODY_BYTES", "UPLOAD_PATH", "BodyLimit", "BodyTooLarge"]

MAX_BODY_BYTES = 1024 * 1024
UPLOAD_PATH = "/api/ingest/files"


class BodyTooLarge(HTTPException):
    """A request body over its limit (an HTTPException, so FastAPI's body parsing lets it
    through as the 413 it is)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the {format_size(limit)} limit")


class BodyLimit:
    """ASGI middleware enforcing the limits of the module docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _has_nul(scope["path"], scope["query_string"]):
            await _answer(send, 400, "a NUL character (%00) in the address")
            return
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        upload = scope["path"] == UPLOAD_PATH
        limit = scope["app"].state.fetch_limits.max_upload_bytes if upload else MAX_BODY_BYTES
        kind = headers.get("content-type", "").split(";")[0].strip().lower()
        if upload and kind and kind != "multipart/form-data":
            detail = f"an upload is multipart/form-data, not {kind[:100]}"
            await _answer(send, 415, detail)
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _answer(send, 413, BodyTooLarge(limit).detail)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge as exc:  # raised outside a route's error handling
            await _answer(send, 413, str(exc.detail))


def _has_nul(path: str, query: bytes) -> bool:
    return "\x00" in path or b"%00" in query or b"\x00" in query


async def _answer(send: Send, status: int, detail: Any) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
