"""``GET /health``: the one route open to everyone (a load balancer's or a script's probe)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from warmonitor import __version__
from warmonitor.web.auth import PUBLIC, store_of

router = APIRouter(tags=["meta"])


class HealthOut(BaseModel):
    status: str
    version: str


@router.get(
    "/health",
    dependencies=[Depends(PUBLIC)],
    summary="Whether the server and its store answer",
    response_model=HealthOut,
)
def health(request: Request) -> HealthOut:
    store_of(request).reconcile_run()  # one small read: the store answers
    return HealthOut(status="ok", version=__version__)
