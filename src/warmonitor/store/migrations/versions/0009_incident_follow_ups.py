"""Incidents' follow-ups: what happened next (referred to a court, an inquiry or a committee,
acknowledged, denied, compensated), on which day, who says so, recorded by whom.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = (
    "referred_to_court",
    "referred_to_inquiry",
    "referred_to_committee",
    "acknowledged",
    "denied",
    "compensated",
)


def upgrade() -> None:
    op.create_table(
        "incident_follow_ups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.String(32), nullable=False),
        sa.Column("claim_ids", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("violation", sa.String(32), nullable=True),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("analyst", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{k}'" for k in KINDS) + ")",
            name=op.f("ck_incident_follow_ups_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_follow_ups")),
    )
    op.create_index(
        op.f("ix_incident_follow_ups_incident_id"), "incident_follow_ups", ["incident_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_incident_follow_ups_incident_id"), table_name="incident_follow_ups")
    op.drop_table("incident_follow_ups")
