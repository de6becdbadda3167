"""Actors: the claimants of the store, with the words reports use and their latest figures;
analysts' aliases, merges and renames (``actor_service.correct_actor``, as ``warmonitor actor``:
recorded and replayed by every reconciliation; the reason goes to the audit log)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from warmonitor.actor_service import correct_actor, list_actors
from warmonitor.web.auth import ANALYST, VIEWER, Principal, audit, store_of
from warmonitor.web.schemas import ActorCorrectionIn, ActorOut, ErrorOut

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get(
    "",
    dependencies=[Depends(VIEWER)],
    summary="Claimants as actors, most figures first",
    response_model=list[ActorOut],
)
def actors(request: Request) -> list[ActorOut]:
    return [ActorOut.model_validate(a.to_dict()) for a in list_actors(store_of(request))]


@router.post(
    "/corrections",
    status_code=201,
    summary="Alias, merge or rename an actor (recorded, replayed on every run)",
    response_model=list[ActorOut],
    responses={400: {"model": ErrorOut}},
)
def correct(
    body: ActorCorrectionIn,
    request: Request,
    principal: Annotated[Principal, Depends(ANALYST)],
) -> list[ActorOut]:
    """Answers the actors as they now are."""
    store = store_of(request)
    name = principal.user.name
    correct_actor(store, body.action, body.actor, body.value, analyst=name)
    detail = {"action": body.action, "value": body.value, "reason": body.reason}
    audit(request, "actor_correct", user=name, target=body.actor, detail=detail)
    return [ActorOut.model_validate(a.to_dict()) for a in list_actors(store)]
