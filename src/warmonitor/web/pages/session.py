"""Logging in and out from a browser: the login form, the session cookie, logging out.

The form is guarded against login CSRF by a double-submit token: ``GET /login`` sets the
cookie ``warmonitor_login`` (random, HttpOnly, SameSite=Strict) and puts the same value in the
form; ``POST /login`` refuses a form whose field does not match the cookie. The session itself
is the API's (``auth.Sessions``), so a page's scripts call the API with the same cookie and
the ``X-CSRF-Token`` header the page carries in ``<meta name="csrf-token">``.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from warmonitor.errors import AccessError, ThrottledError
from warmonitor.user_service import authenticate
from warmonitor.web.auth import PUBLIC, SESSION_COOKIE, Principal, audit, client_of, store_of
from warmonitor.web.pages.guard import PAGE_VIEWER
from warmonitor.web.pages.render import page

__all__ = ["LOGIN_COOKIE", "router", "safe_next"]

router = APIRouter(include_in_schema=False)
LOGIN_COOKIE = "warmonitor_login"


def safe_next(value: str | None) -> str:
    """Where to go after logging in: a path of this site only, else the overview."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def _form(request: Request, next_: str, status: int = 200, error: str | None = None) -> Response:
    token = secrets.token_urlsafe(24)
    response = page(
        request, "login.html", None, status, next=safe_next(next_), token=token, error=error
    )
    response.set_cookie(
        LOGIN_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="strict",
        path="/login",
    )
    return response


@router.get("/login", dependencies=[Depends(PUBLIC)], response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    return _form(request, next)


@router.post("/login", dependencies=[Depends(PUBLIC)], response_class=HTMLResponse)
def login(
    request: Request,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    token: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie, token):
        audit(request, "denied", user=name or None, target="POST /login", status=403)
        return _form(request, next, 403, "The form had expired: log in again.")
    try:
        user = authenticate(store_of(request), name, password, client=client_of(request))
    except ThrottledError as exc:
        response = _form(request, next, 429, str(exc))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except AccessError as exc:
        return _form(request, next, 401, str(exc))
    redirect = RedirectResponse(safe_next(next), status_code=303)
    request.app.state.sessions.open(redirect, user, secure=request.url.scheme == "https")
    redirect.delete_cookie(LOGIN_COOKIE, path="/login")
    return redirect


@router.post("/logout", response_class=HTMLResponse)
def logout(request: Request, principal: Annotated[Principal, Depends(PAGE_VIEWER)]) -> Response:
    audit(request, "logout", user=principal.user.name)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
