"""Claims: on PostgreSQL, a GiST index of each claim's period as a range of dates, for the claim
search's date range (``store.claim_search``).

The two ends of a range filter (``0011``'s expression indexes) serve one end each: a month in
the middle of the archive matches half the claims at either end, and the database read every
claim (100,000: about 0.1 s) for the 2,000 whose period meets that month. The index holds
``[least(start, end), greatest(start, end)]`` of the claims with a period (a period given the
wrong way round still gives a range) and is found by overlap (``&&``); the search keeps its
exact conditions beside it, so the claims found are the same on both dialects.

SQLite gets none (it scans). The name starts with ``ix_pg_``: the models leave it out
(``schema.in_models``).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_pg_claims_period_span"
#: the claim search writes the same expression and predicate (``claim_search._period_span``)
SPAN = (
    "daterange(least(coalesce(period_start, period_end), coalesce(period_end, period_start)), "
    "greatest(coalesce(period_start, period_end), coalesce(period_end, period_start)), '[]')"
)
HAS_PERIOD = "coalesce(period_start, period_end) IS NOT NULL"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f'CREATE INDEX "{INDEX}" ON claims USING gist (({SPAN})) WHERE {HAS_PERIOD}')
    op.execute("ANALYZE claims")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f'DROP INDEX IF EXISTS "{INDEX}"')
