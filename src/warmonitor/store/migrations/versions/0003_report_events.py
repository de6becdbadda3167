"""Report events: what each report's main event is, for joining reports of one event.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_events",
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_report_events_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_report_events")),
    )
    op.create_index(op.f("ix_report_events_country"), "report_events", ["country"])


def downgrade() -> None:
    op.drop_index(op.f("ix_report_events_country"), table_name="report_events")
    op.drop_table("report_events")
