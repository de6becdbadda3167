"""Initial schema: documents, claims (immutable, JSON contract in ``data``) and reviews.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("publisher", sa.String(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index(op.f("ix_documents_ingested_at"), "documents", ["ingested_at"])

    op.create_table(
        "claims",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("count_low", sa.BigInteger(), nullable=False),
        sa.Column("count_high", sa.BigInteger(), nullable=True),
        sa.Column("victims_group", sa.String(), nullable=False),
        sa.Column("claimant_name", sa.String(), nullable=True),
        sa.Column("claimant_kind", sa.String(), nullable=False),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("part_of", sa.String(64), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_claims_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_document_id"), "claims", ["document_id"])
    op.create_index(op.f("ix_claims_extractor"), "claims", ["extractor"])
    op.create_index("ix_claims_outcome_victims_group", "claims", ["outcome", "victims_group"])

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("correction", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("reviewer", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "action IN ('accept', 'reject', 'correct')", name=op.f("ck_reviews_action")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_reviews_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    op.create_index(op.f("ix_reviews_claim_id"), "reviews", ["claim_id"])


def downgrade() -> None:
    op.drop_table("reviews")
    op.drop_table("claims")
    op.drop_table("documents")
