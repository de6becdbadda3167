"""Stored reconciliation: the inputs' revision and the stored run's, each incident whole.

``store_state`` holds one row: ``revision`` counts the writes of reconciliation's inputs, and
the stored run's revision, policy and ranking say whether the stored incidents are fresh.
``incidents.incident`` is the incident without loss (``reconcile.codec``), ``digest`` a hash
of the row, so that a run rewrites only the incidents that changed. A store upgraded from an
earlier revision has no known run: the first read reconciles again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    state = op.create_table(
        "store_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("reconciled_revision", sa.BigInteger(), nullable=True),
        sa.Column("policy", sa.String(16), nullable=True),
        sa.Column("ranking", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("reconciled_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_state")),
    )
    op.bulk_insert(state, [{"id": 1, "revision": 0}])
    op.add_column("incidents", sa.Column("digest", sa.String(64), nullable=True))
    op.add_column("incidents", sa.Column("incident", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("incident")
        batch.drop_column("digest")
    op.drop_table("store_state")
