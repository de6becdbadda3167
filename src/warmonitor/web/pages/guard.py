"""Access to the desk's pages: the API's role guards, answering as a browser needs.

:class:`PageGuard` is a :class:`~warmonitor.web.auth.RoleGuard` (so the route-role test sees
it): a request without a login is sent to ``/login?next=…`` (303) instead of a 401, a role too
low gets a 403 page, and a form that changes something carries the session's CSRF token in its
``csrf_token`` field (a form cannot send the ``X-CSRF-Token`` header). Refusals are audited
as the API's are.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import HTTPException, Request

from warmonitor.web.auth import CSRF_HEADER, Principal, RoleGuard

__all__ = ["PAGE_ADMIN", "PAGE_ANALYST", "PAGE_VIEWER", "PageGuard", "PageRefused", "login_path"]

_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


class PageRefused(Exception):
    """A page refused: ``location`` to redirect to (no login), else a page with ``status``."""

    def __init__(self, status: int, message: str, location: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.location = location


def login_path(request: Request) -> str:
    """``/login`` with this page as where to come back to."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(here, safe='')}"


class PageGuard(RoleGuard):
    """The role guard of a page (see the module docstring)."""

    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        sent = request.headers.get(CSRF_HEADER, "")
        if request.method not in _SAFE and not sent:
            form = await request.form()
            field = form.get("csrf_token")
            sent = field if isinstance(field, str) else ""
        try:
            return self.check(request, sent)
        except HTTPException as refused:
            if refused.status_code == 401:
                raise PageRefused(303, "log in first", login_path(request)) from None
            raise PageRefused(refused.status_code, str(refused.detail)) from None

    def __repr__(self) -> str:
        return f"PageGuard({self.role!r})"


PAGE_VIEWER = PageGuard("viewer")
PAGE_ANALYST = PageGuard("analyst")
PAGE_ADMIN = PageGuard("admin")
