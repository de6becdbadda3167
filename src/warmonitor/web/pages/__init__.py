"""The desk: HTML pages served by the app itself (docs/DESK.md).

Server-rendered Jinja2 templates (``web/templates``) with small scripts and styles of their
own and the vendored map libraries and basemap (``web/static``); nothing is loaded from another
host. Pages read through the verbs the API and the CLI call (``reconcile_service``,
``incident_filters``, ``actor_service``, the store's claim search) and change nothing
themselves: their scripts call the API with the session's CSRF token. Every page declares its
role with a :class:`~warmonitor.web.pages.guard.PageGuard` (anonymous visitors are sent to
``/login``); :func:`install` adds the pages and their error pages to an app.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from warmonitor.errors import WarmonitorError
from warmonitor.web.errors import status_of
from warmonitor.web.pages import (
    actors,
    documents,
    incidents,
    overview,
    review,
    session,
    static,
)
from warmonitor.web.pages.guard import PageRefused
from warmonitor.web.pages.render import page

__all__ = ["PAGE_ROUTERS", "install"]

PAGE_ROUTERS: tuple[APIRouter, ...] = (
    static.router,
    session.router,
    overview.router,
    incidents.router,
    documents.router,
    actors.router,
    review.router,
)


def _is_page(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/api" or path == "/health")


def install(app: FastAPI) -> None:
    """Add the pages to ``app``, and answer errors on pages as pages (the API keeps JSON)."""
    for router in PAGE_ROUTERS:
        app.include_router(router)
    json_error = app.exception_handlers[WarmonitorError]
    json_http = app.exception_handlers.get(StarletteHTTPException, http_exception_handler)
    json_invalid = app.exception_handlers.get(
        RequestValidationError, request_validation_exception_handler
    )

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageRefused)
        if exc.location:
            return RedirectResponse(exc.location, status_code=exc.status)
        return _error(request, exc.status, exc.message)

    async def warmonitor_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WarmonitorError)
        if not _is_page(request):
            return await _answer(json_error, request, exc)
        return _error(request, status_of(exc), str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if not _is_page(request):
            return await _answer(json_http, request, exc)
        return _error(request, exc.status_code, str(exc.detail))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if not _is_page(request):
            return await _answer(json_invalid, request, exc)
        problems = "; ".join(str(e.get("msg", "")) for e in exc.errors()[:3])
        return _error(request, 400, f"the request could not be read: {problems}")

    app.add_exception_handler(PageRefused, refused)
    app.add_exception_handler(WarmonitorError, warmonitor_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)


async def _answer(handler: Callable[..., Any], request: Request, exc: Exception) -> Response:
    """What the API's own handler answers (sync or async)."""
    answer = handler(request, exc)
    if inspect.isawaitable(answer):
        answer = await answer
    assert isinstance(answer, Response)
    return answer


def _error(request: Request, status: int, message: str) -> Response:
    """An error as a page of its own (no user shown: the error may be that there is none)."""
    return page(request, "error.html", None, status, status=status, message=message)
