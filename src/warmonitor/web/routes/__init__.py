"""The API's routes, one module per kind of thing; :data:`ROUTERS` is what the app includes.

Each route declares the least role it needs (``auth.VIEWER``, ``ANALYST``, ``ADMIN``) or
``auth.PUBLIC``; ``tests/test_web_access.py`` lists them all.
"""

from fastapi import APIRouter

from warmonitor.web.routes import (
    actors,
    audit,
    claims,
    documents,
    exports,
    health,
    incidents,
    ingest,
    session,
    users,
)

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    session.router,
    documents.router,
    claims.router,
    incidents.router,
    actors.router,
    exports.router,
    ingest.router,
    users.router,
    audit.router,
)

__all__ = ["ROUTERS"]
