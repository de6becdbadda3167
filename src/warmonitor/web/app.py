"""The server's app: :func:`create_app` builds a FastAPI app over one store.

    app = create_app("sqlite:///warmonitor.db")   # what `warmonitor serve` runs with uvicorn

The app holds the store (opened, hence migrated, here; closed when the app shuts down), the
signer of session cookies, the limits of fetching addresses and the lock that serialises
ingests (the spaCy pipeline is ``pipeline.load_nlp``'s, loaded once on the first ingest).
Routes live in ``routes/``, one module per kind of thing; each calls the
verbs the CLI calls (``pipeline``, ``reconcile_service``, ``actor_service``, ``export``,
``user_service``) and renders their result as JSON.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request

from warmonitor import __version__
from warmonitor.reconcile_service import warm_stored_incidents
from warmonitor.store import Store
from warmonitor.web.auth import VIEWER, Sessions
from warmonitor.web.errors import install_error_handlers
from warmonitor.web.fetch import FetchLimits
from warmonitor.web.limits import BodyLimit
from warmonitor.web.pages import install as install_pages
from warmonitor.web.routes import ROUTERS

__all__ = ["create_app"]

DESCRIPTION = """\
warmonitor's record of casualty claims, reconciled incidents and actors, over one store.

Every route but `/health` and logging in needs a login: a bearer token
(`Authorization: Bearer wm_…`, from `warmonitor user token NAME` or `POST /api/tokens`) or the
session cookie set by `POST /api/session`, whose `csrf_token` goes in the `X-CSRF-Token`
header of every request that changes something. Roles nest: viewer (read) < analyst (review,
ingest) < admin (users, audit log). Errors come as `{"detail": …}` with a 4xx status.
"""


def create_app(
    store_url: str | None = None,
    *,
    secret_key: str | None = None,
    fetch_limits: FetchLimits | None = None,
) -> FastAPI:
    """The API over the store at ``store_url`` (default: the settings' store).

    Session cookies are signed with ``secret_key``, else ``$WARMONITOR_SECRET_KEY``, else a
    key made once and kept in the store (so that sessions outlive a restart and every server
    process on one store accepts them).
    """
    store = Store.open(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Each server process decodes the stored run before it takes requests (the first
        # ones would otherwise queue behind it); a stale run is left for the first request.
        warm_stored_incidents(store)
        yield
        store.close()

    app = FastAPI(
        title="warmonitor",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url=None,  # served below, behind a login
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not offline
        redoc_url=None,
    )
    key = secret_key or os.environ.get("WARMONITOR_SECRET_KEY") or store.server_secret("session")
    app.state.store = store
    app.state.sessions = Sessions(key)
    app.state.fetch_limits = fetch_limits or FetchLimits()
    app.state.ingest_lock = threading.Lock()
    install_error_handlers(app)
    app.add_middleware(BodyLimit)
    for router in ROUTERS:
        app.include_router(router)
    install_pages(app)

    @app.get(
        "/api/openapi.json",
        tags=["meta"],
        summary="The OpenAPI description of this API",
        dependencies=[Depends(VIEWER)],
    )
    def openapi(request: Request) -> dict[str, Any]:
        return request.app.openapi()

    return app
