"""Actors: the claimants of the store, with the words reports use and their latest figures."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from warmonitor.actor_service import list_actors
from warmonitor.web.auth import VIEWER, store_of
from warmonitor.web.schemas import ActorOut

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get(
    "",
    dependencies=[Depends(VIEWER)],
    summary="Claimants as actors, most figures first",
    response_model=list[ActorOut],
)
def actors(request: Request) -> list[ActorOut]:
    return [ActorOut.model_validate(a.to_dict()) for a in list_actors(store_of(request))]
