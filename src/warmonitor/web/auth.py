"""Who is asking and what they may do: sessions, bearer tokens, CSRF, roles.

* A **bearer token** (``Authorization: Bearer wm_…``) made by ``warmonitor user token`` or
  ``POST /api/tokens``; the store keeps its SHA-256 only.
* A **browser session**: ``POST /api/session`` sets the cookie ``warmonitor_session``, signed
  (itsdangerous, key from ``WARMONITOR_SECRET_KEY`` or made once and kept in the store), HttpOnly,
  SameSite=Strict, valid 12 hours, holding the user's id and a CSRF token. A request that changes
  anything (not GET, HEAD, OPTIONS) with the cookie must send that token in ``X-CSRF-Token``.
* Every route declares the least role it needs with one dependency, :data:`VIEWER`,
  :data:`ANALYST` or :data:`ADMIN` (roles nest: viewer < analyst < admin), or :data:`PUBLIC`;
  a test walks the app's routes and fails on one that declares neither. A refusal (401 without
  a valid login, 403 for a role too low or a missing CSRF token) is written to the audit log.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from warmonitor.store import Store
from warmonitor.store.users import UserRecord
from warmonitor.user_service import has_role, user_for_token

__all__ = [
    "ADMIN",
    "ANALYST",
    "CSRF_HEADER",
    "PUBLIC",
    "SESSION_COOKIE",
    "VIEWER",
    "Principal",
    "Public",
    "RoleGuard",
    "Sessions",
    "audit",
    "client_of",
    "store_of",
]

SESSION_COOKIE = "warmonitor_session"
CSRF_HEADER = "X-CSRF-Token"
SESSION_SECONDS = 12 * 3600
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class Principal:
    """The user behind a request and how they proved it (``session`` or ``token``)."""

    user: UserRecord
    via: str
    csrf: str | None = None


class Sessions:
    """Signs and reads session cookies."""

    def __init__(self, secret: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="warmonitor-session")

    def open(self, response: Response, user: UserRecord, *, secure: bool) -> str:
        """Set a new session cookie for ``user`` on ``response``; returns its CSRF token."""
        csrf = secrets.token_urlsafe(24)
        value = self._serializer.dumps({"u": user.id, "c": csrf})
        response.set_cookie(
            SESSION_COOKIE,
            value,
            max_age=SESSION_SECONDS,
            httponly=True,
            secure=secure,
            samesite="strict",
            path="/",
        )
        return csrf

    def read(self, value: str) -> tuple[int, str] | None:
        """The user id and CSRF token of a cookie, ``None`` if forged, mangled or expired."""
        try:
            data = self._serializer.loads(value, max_age=SESSION_SECONDS)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("u"), int):
            return None
        return data["u"], str(data.get("c", ""))


def store_of(request: Request) -> Store:
    """The app's store."""
    store: Store = request.app.state.store
    return store


def client_of(request: Request) -> str | None:
    """The client's address as the server sees it (no proxy header is trusted)."""
    return request.client.host if request.client else None


def audit(
    request: Request,
    action: str,
    *,
    user: str | None,
    target: str | None = None,
    status: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write one entry of the audit log for this request."""
    store_of(request).audit(
        action, user=user, target=target, status=status, client=client_of(request), detail=detail
    )


def _principal(request: Request, store: Store) -> Principal | None:
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        user = user_for_token(store, token.strip())
        return Principal(user, "token") if user is not None else None
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    session = request.app.state.sessions.read(cookie)
    if session is None:
        return None
    found = store.user_by_id(session[0])
    if found is None or found.disabled:
        return None
    return Principal(found, "session", session[1])


def _deny(request: Request, status: int, message: str, user: str | None) -> HTTPException:
    audit(
        request, "denied", user=user, target=f"{request.method} {request.url.path}", status=status
    )
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return HTTPException(status, message, headers=headers)


class RoleGuard:
    """A dependency that lets in users of ``role`` or above and gives their :class:`Principal`."""

    def __init__(self, role: str) -> None:
        self.role = role

    def __call__(self, request: Request) -> Principal:
        return self.check(request, request.headers.get(CSRF_HEADER, ""))

    def check(self, request: Request, csrf: str) -> Principal:
        """The request's principal if it may pass, ``csrf`` the token it sent (the header's
        for the API, a form field's for the desk's pages); else an audited refusal."""
        principal = _principal(request, store_of(request))
        if principal is None:
            raise _deny(request, 401, "log in first: a session cookie or a bearer token", None)
        name = principal.user.name
        if not has_role(principal.user, self.role):
            raise _deny(request, 403, f"this needs the {self.role} role", name)
        needs_csrf = principal.via == "session" and request.method not in _SAFE_METHODS
        if needs_csrf and not (principal.csrf and hmac.compare_digest(csrf, principal.csrf)):
            raise _deny(request, 403, f"missing or wrong {CSRF_HEADER} header", name)
        return principal

    def __repr__(self) -> str:
        return f"RoleGuard({self.role!r})"


class Public:
    """The declaration of a route open to everyone (``/health``, logging in)."""

    role = "public"

    def __call__(self) -> None:
        return None


VIEWER = RoleGuard("viewer")
ANALYST = RoleGuard("analyst")
ADMIN = RoleGuard("admin")
PUBLIC = Public()
