"""The actors (claimants as actors) and one actor's page: the words reports use for it and
every figure it gave."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from warmonitor.actor_service import actor_figures, list_actors
from warmonitor.web.auth import Principal, store_of
from warmonitor.web.pages.guard import PAGE_VIEWER
from warmonitor.web.pages.render import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Viewer = Annotated[Principal, Depends(PAGE_VIEWER)]


@router.get("/actors", response_class=HTMLResponse)
def actor_list(request: Request, principal: Viewer) -> Response:
    return page(request, "actors.html", principal, actors=list_actors(store_of(request)))


@router.get("/actors/{ref}", response_class=HTMLResponse)
def actor_page(ref: str, request: Request, principal: Viewer) -> Response:
    found = actor_figures(store_of(request), ref)
    rows = list(zip(found.claims, found.as_of, strict=True))
    return page(request, "actor.html", principal, actor=found.actor, rows=rows)
