"""Claims: the texts the claim search matches words in (the claimant's words, the place's name,
the evidence sentence) as columns of their own, copied from each claim's ``data``, so that a
search reads short texts instead of parsing every claim's JSON (``data`` is not changed).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {
    "claimant_text": ("claimant", "text"),
    "place_name": ("place", "name"),
    "sentence": ("evidence", "sentence"),
}


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), nullable=True))
    claims = sa.table(
        "claims", sa.column("data", sa.JSON()), *(sa.column(name, sa.Text()) for name in COLUMNS)
    )
    op.execute(
        claims.update().values(
            {name: claims.c.data[path].as_string() for name, path in COLUMNS.items()}
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
