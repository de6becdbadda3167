"""Users (admins only): list, add, change role or disable, and make or revoke a token."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from warmonitor.user_service import add_user, new_token, revoke_token, set_disabled, set_role
from warmonitor.web.auth import ADMIN, Principal, store_of
from warmonitor.web.paging import MAX_ID
from warmonitor.web.schemas import (
    ErrorOut,
    TokenIn,
    TokenInfo,
    TokenOut,
    UserIn,
    UserOut,
    UserPatch,
)
from warmonitor.web.views import token_out, user_out

router = APIRouter(prefix="/api/users", tags=["users"])
Admin = Annotated[Principal, Depends(ADMIN)]


@router.get("", dependencies=[Depends(ADMIN)], summary="Every user", response_model=list[UserOut])
def list_users(request: Request) -> list[UserOut]:
    return [user_out(u) for u in store_of(request).users()]


@router.post(
    "",
    status_code=201,
    summary="Add a user",
    response_model=UserOut,
    responses={400: {"model": ErrorOut}, 409: {"model": ErrorOut}},
)
def create_user(body: UserIn, request: Request, principal: Admin) -> UserOut:
    """The password is stored as its argon2id hash; audited."""
    user = add_user(store_of(request), body.name, body.role, body.password, by=principal.user.name)
    return user_out(user)


@router.patch(
    "/{name}",
    summary="Change a user's role, or disable (enable) them",
    response_model=UserOut,
    responses={404: {"model": ErrorOut}},
)
def change_user(name: str, body: UserPatch, request: Request, principal: Admin) -> UserOut:
    """A disabled user's logins, sessions and tokens are refused from the next request on."""
    store = store_of(request)
    user = store.user(name)
    if body.role is not None and body.role != user.role:
        user = set_role(store, name, body.role, by=principal.user.name)
    if body.disabled is not None and body.disabled != user.disabled:
        user = set_disabled(store, name, body.disabled, by=principal.user.name)
    return user_out(user)


@router.post(
    "/{name}/tokens",
    status_code=201,
    summary="A new bearer token for a user (shown once)",
    response_model=TokenOut,
    responses={404: {"model": ErrorOut}},
)
def user_token(name: str, body: TokenIn, request: Request, principal: Admin) -> TokenOut:
    by = principal.user.name
    return token_out(*new_token(store_of(request), name, label=body.label, by=by))


@router.get(
    "/{name}/tokens",
    dependencies=[Depends(ADMIN)],
    summary="A user's tokens (never the tokens themselves)",
    response_model=list[TokenInfo],
    responses={404: {"model": ErrorOut}},
)
def user_tokens(name: str, request: Request) -> list[TokenInfo]:
    store = store_of(request)
    store.user(name)
    return [TokenInfo.model_validate(asdict(t)) for t in store.tokens(name)]


@router.delete(
    "/{name}/tokens/{token_id}",
    status_code=204,
    summary="Revoke a user's token for good",
    responses={404: {"model": ErrorOut}},
)
def revoke(
    name: str,
    token_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    request: Request,
    principal: Admin,
) -> None:
    revoke_token(store_of(request), name, token_id, by=principal.user.name)
