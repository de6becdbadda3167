"""warmonitor's errors as HTTP answers, mapped once: ``{"detail": "why"}`` with a 4xx status.

NotFoundError 404, ConflictError 409, ConfigurationError and InputError 400 (a value the
request gave that the verbs refuse), AccessError 401, ThrottledError 429 with Retry-After, any
other StoreError 503 (the database could not answer). Request validation stays FastAPI's 422
with its list of problems.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from warmonitor.errors import (
    AccessError,
    ConfigurationError,
    ConflictError,
    InputError,
    NotFoundError,
    StoreError,
    ThrottledError,
    WarmonitorError,
)

__all__ = ["install_error_handlers", "status_of"]

_STATUS: tuple[tuple[type[WarmonitorError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (ThrottledError, 429),
    (AccessError, 401),
    (ConfigurationError, 400),
    (InputError, 400),
    (StoreError, 503),
)


def status_of(exc: WarmonitorError) -> int:
    """The HTTP status of one of warmonitor's errors."""
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 400


async def _warmonitor_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, WarmonitorError)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, ThrottledError) else None
    return JSONResponse({"detail": str(exc)}, status_code=status_of(exc), headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Map :class:`WarmonitorError` and its kinds on ``app``."""
    app.add_exception_handler(WarmonitorError, _warmonitor_error)
