"""warmonitor's errors as HTTP answers, mapped once: ``{"detail": "why"}`` with a 4xx status.

NotFoundError 404, ConflictError 409, ConfigurationError and InputError 400 (a value the
request gave that the verbs refuse), AccessError 401, ThrottledError 429 with Retry-After; a
StoreError is 503 when the database could not be reached (its cause a connection error), else
400 (the store refused what was asked: an actor correction that does not replay, a decision on
claims in two incidents). Request validation stays FastAPI's 422 with its list of problems.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

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

_log = logging.getLogger("warmonitor.web")

_STATUS: tuple[tuple[type[WarmonitorError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (ThrottledError, 429),
    (AccessError, 401),
    (ConfigurationError, 400),
    (InputError, 400),
    (StoreError, 400),
)
_UNREACHABLE = (OperationalError, InterfaceError, DisconnectionError)


def status_of(exc: WarmonitorError) -> int:
    """The HTTP status of one of warmonitor's errors."""
    if isinstance(exc, StoreError) and isinstance(exc.__cause__, _UNREACHABLE):
        return 503
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 400


async def _warmonitor_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, WarmonitorError)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, ThrottledError) else None
    message = str(exc)
    if isinstance(exc, StoreError):  # where the database is, is none of the client's business
        message = message.replace(request.app.state.store.url, "the store")
    return JSONResponse({"detail": message}, status_code=status_of(exc), headers=headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug, not a bad request: logged with its traceback, answered as JSON like the rest."""
    _log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "internal error, logged on the server"}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Map :class:`WarmonitorError` and its kinds on ``app``, and anything else to a JSON 500."""
    app.add_exception_handler(WarmonitorError, _warmonitor_error)
    app.add_exception_handler(Exception, _unexpected)
