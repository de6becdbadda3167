"""The command line: ``warmonitor ingest|claims|extract|demo|documents|document|reconcile|
incidents|incident|export|actors|actor|user|serve|victims``.

``app`` holds the Typer app, the shared options and :func:`main`; ``documents`` (ingest, claims,
extract, demo, version), ``stored`` (documents, document) and ``incidents`` (reconcile,
incidents, incident, export), ``actors`` (actors, actor alias|merge|rename), ``users``
(user add|list|disable|token), ``serve`` (the API server) and ``victims`` (victim lists)
register their commands on it when imported here. No module of
this package imports this one.
"""

from __future__ import annotations

from warmonitor.cli import (  # noqa: F401  register commands
    actors,
    documents,
    estimate,
    incidents,
    serve,
    stored,
    users,
    victims,
)
from warmonitor.cli.app import app, main

__all__ = ["app", "main"]
