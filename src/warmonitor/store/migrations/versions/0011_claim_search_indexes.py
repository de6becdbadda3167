"""Claims: PostgreSQL indexes for the claim search (``store.claim_search``) at scale.

- The two ends of a claim's period as the date filter reads them
  (``coalesce(period_end, period_start)``, ``coalesce(period_start, period_end)``): a date
  range is found by index, and the planner knows how few claims a month holds (without them
  it guessed a third of the table and walked every document in order to fill a page).
- Trigram (``pg_trgm``) GIN indexes on the texts matched by words anywhere (``ILIKE
  '%…%'``: the claimant's name and words, the place's name, the evidence sentence), so that
  such a search reads the matching rows instead of every claim. The extension is created in
  the ``public`` schema when missing (it is trusted: a database owner may); where it cannot
  be had these indexes are left out and the search scans, as before.

SQLite gets none of these (it scans; SQLAlchemy cannot reflect its expression indexes, and it
has no trigrams). Their names start with ``ix_pg_``: the models leave them out
(``schema.in_models``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERIODS = {
    "ix_pg_claims_period_reaches": "coalesce(period_end, period_start)",
    "ix_pg_claims_period_begins": "coalesce(period_start, period_end)",
}
TRIGRAMS = ("claimant_name", "claimant_text", "place_name", "sentence")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name, expression in PERIODS.items():
        op.execute(f'CREATE INDEX "{name}" ON claims (({expression}))')
    schema = _trigram_schema(bind)
    if schema is not None:
        for column in TRIGRAMS:
            op.execute(
                f'CREATE INDEX "ix_pg_claims_{column}_trgm" ON claims '
                f'USING gin ({column} "{schema}".gin_trgm_ops)'
            )
    op.execute("ANALYZE claims")  # the planner's statistics of the new expressions


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in TRIGRAMS:
        op.execute(f'DROP INDEX IF EXISTS "ix_pg_claims_{column}_trgm"')
    for name in PERIODS:
        op.execute(f'DROP INDEX IF EXISTS "{name}"')


def _trigram_schema(bind: sa.Connection) -> str | None:
    """The schema of the ``pg_trgm`` extension, created in ``public`` when missing (inside a
    savepoint: a server without it, or a user who may not, leaves the migration going)."""
    query = sa.text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    )
    found = bind.scalar(query)
    if found is not None:
        return str(found)
    available = bind.scalar(
        sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
    )
    if not available:
        return None
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return None
    savepoint.commit()
    found = bind.scalar(query)
    return None if found is None else str(found)
