"""Incidents: the digest of the inputs each was computed from (``reconcile.inputs``), so that a
run after new reports computes again only the incidents whose inputs changed and keeps the
rest as stored. Rows stored before have none: the next run computes them once.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("inputs", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("inputs")
