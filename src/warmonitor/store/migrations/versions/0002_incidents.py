"""Incidents (derived by reconciliation), their claims, and analysts' decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("policy", sa.String(16), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("claims_count", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("reconciled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_date_start"), "incidents", ["date_start"])

    op.create_table(
        "incident_claims",
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("incident_id", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_incident_claims_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_claims_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_incident_claims")),
    )
    op.create_index(op.f("ix_incident_claims_incident_id"), "incident_claims", ["incident_id"])

    op.create_table(
        "incident_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("incident_ids", sa.JSON(), nullable=False),
        sa.Column("claim_ids", sa.JSON(), nullable=False),
        sa.Column("target_claim_ids", sa.JSON(), nullable=False),
        sa.Column("analyst", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "action IN ('merge', 'split', 'move')", name=op.f("ck_incident_decisions_action")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_decisions")),
    )
    op.create_index(op.f("ix_incident_decisions_created_at"), "incident_decisions", ["created_at"])


def downgrade() -> None:
    op.drop_table("incident_decisions")
    op.drop_table("incident_claims")
    op.drop_table("incidents")
