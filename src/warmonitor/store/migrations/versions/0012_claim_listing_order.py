"""Claims: the time their document was ingested, copied onto each claim, and one index in the
order claims are listed (``store.claim_search``: ingest time, document, position, id).

A page of the claim search was found by joining every matching claim to its document and
sorting them all (100,000 claims: a sort spilled to disk, about 0.1 s for any page); with the
order's columns on the claim and an index over them, the database walks the index and stops
once the page is filled. ``documents.ingested_at`` is written once, when the document is first
stored, so the copy never goes stale.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMN = "document_ingested_at"
INDEX = "ix_claims_listing"


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column(COLUMN, sa.DateTime(timezone=True), nullable=True))
    claims = sa.table("claims", sa.column("document_id"), sa.column(COLUMN))
    documents = sa.table("documents", sa.column("id"), sa.column("ingested_at"))
    ingested = (
        sa.select(documents.c.ingested_at)
        .where(documents.c.id == claims.c.document_id)
        .scalar_subquery()
    )
    op.execute(claims.update().values({COLUMN: ingested}))
    with op.batch_alter_table("claims") as batch:
        batch.alter_column(COLUMN, existing_type=sa.DateTime(timezone=True), nullable=False)
        batch.create_index(INDEX, [COLUMN, "document_id", "evidence_start", "id"])


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_index(INDEX)
        batch.drop_column(COLUMN)
