"""Logging in and out (the session cookie), who is logged in, and tokens for oneself."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from warmonitor.user_service import authenticate, new_token
from warmonitor.web.auth import (
    PUBLIC,
    SESSION_COOKIE,
    VIEWER,
    Principal,
    audit,
    client_of,
    store_of,
)
from warmonitor.web.schemas import ErrorOut, LoginIn, SessionOut, TokenIn, TokenOut
from warmonitor.web.views import token_out, user_out

router = APIRouter(prefix="/api", tags=["session"])
Viewer = Annotated[Principal, Depends(VIEWER)]


@router.post(
    "/session",
    dependencies=[Depends(PUBLIC)],
    summary="Log in: set the session cookie",
    response_model=SessionOut,
    responses={401: {"model": ErrorOut}, 429: {"model": ErrorOut}},
)
def login(body: LoginIn, request: Request, response: Response) -> SessionOut:
    """Check the name and password and set the session cookie. Failed attempts of one name
    from one client are limited (5 in 15 minutes, then 429 with Retry-After)."""
    store = store_of(request)
    user = authenticate(store, body.name, body.password, client=client_of(request))
    secure = request.url.scheme == "https"
    csrf = request.app.state.sessions.open(response, user, secure=secure)
    return SessionOut(user=user_out(user), csrf_token=csrf)


@router.get("/session", summary="Who is logged in", response_model=SessionOut)
def whoami(principal: Viewer) -> SessionOut:
    return SessionOut(user=user_out(principal.user), csrf_token=principal.csrf)


@router.delete("/session", status_code=204, summary="Log out: clear the session cookie")
def logout(principal: Viewer, request: Request, response: Response) -> None:
    audit(request, "logout", user=principal.user.name)
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.post(
    "/tokens",
    status_code=201,
    summary="A new bearer token for oneself (shown once)",
    response_model=TokenOut,
)
def own_token(body: TokenIn, principal: Viewer, request: Request) -> TokenOut:
    name = principal.user.name
    return token_out(*new_token(store_of(request), name, label=body.label, by=name))
