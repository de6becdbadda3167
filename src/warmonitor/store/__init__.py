"""The store: documents, claims and reviews in SQLite (default) or PostgreSQL.

    with Store.open("sqlite:///warmonitor.db") as store:
        store.save(document, claims)
        store.claims(document_id=document.id)

The schema is created and upgraded only by the Alembic migrations in ``migrations/``, run when a
store is opened; to add one see ``migrations/README.md`` (``python -m
warmonitor.store revision "what changes" --autogenerate``).
"""

from warmonitor.store.engine import default_url, make_engine
from warmonitor.store.migrator import head_revision, upgrade
from warmonitor.store.records import Review, ReviewAction, StoredDocument
from warmonitor.store.repository import ClaimChanges, Store
from warmonitor.store.schema import REVIEW_ACTIONS

__all__ = [
    "REVIEW_ACTIONS",
    "ClaimChanges",
    "Review",
    "ReviewAction",
    "Store",
    "StoredDocument",
    "default_url",
    "head_revision",
    "make_engine",
    "upgrade",
]
