"""The server: a FastAPI app over the store (``warmonitor serve``); see docs/API.md.

``app`` (:func:`create_app`), ``auth`` (sessions, tokens, CSRF, roles), ``errors`` (errors to
HTTP statuses), ``schemas`` (request and response bodies), ``fetch`` (addresses fetched for an
ingest) and ``routes/`` (one module per kind of thing). Nothing below this floor imports it.
"""

from warmonitor.web.app import create_app

__all__ = ["create_app"]
