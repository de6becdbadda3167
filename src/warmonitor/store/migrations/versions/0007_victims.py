"""Victim lists: records (by list and key, with their line), link runs, scored pairs, persons,
and analysts' decisions on pairs.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "victim_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("list_name", sa.String(200), nullable=False),
        sa.Column("record_key", sa.String(200), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("alt_name", sa.Text(), nullable=True),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("age", sa.Float(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("death_date", sa.Date(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("cause", sa.Text(), nullable=True),
        sa.Column("incident", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_victim_records")),
        sa.UniqueConstraint("list_name", "record_key", name=op.f("uq_victim_records_list_name")),
    )
    op.create_table(
        "victim_link_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("model", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_victim_link_runs")),
    )
    op.create_table(
        "victim_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("left_id", sa.Integer(), nullable=False),
        sa.Column("right_id", sa.Integer(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("linked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["left_id"],
            ["victim_records.id"],
            name=op.f("fk_victim_links_left_id_victim_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["right_id"],
            ["victim_records.id"],
            name=op.f("fk_victim_links_right_id_victim_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_victim_links")),
    )
    op.create_index(op.f("ix_victim_links_left_id"), "victim_links", ["left_id"])
    op.create_index(op.f("ix_victim_links_right_id"), "victim_links", ["right_id"])
    op.create_table(
        "victim_persons",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("person", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["victim_records.id"],
            name=op.f("fk_victim_persons_record_id_victim_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_victim_persons")),
    )
    op.create_index(op.f("ix_victim_persons_person"), "victim_persons", ["person"])
    op.create_table(
        "victim_reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("left_list", sa.String(200), nullable=False),
        sa.Column("left_key", sa.String(200), nullable=False),
        sa.Column("right_list", sa.String(200), nullable=False),
        sa.Column("right_key", sa.String(200), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "decision IN ('match', 'non-match')", name=op.f("ck_victim_reviews_decision")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_victim_reviews")),
    )


def downgrade() -> None:
    op.drop_table("victim_reviews")
    op.drop_index(op.f("ix_victim_persons_person"), table_name="victim_persons")
    op.drop_table("victim_persons")
    op.drop_index(op.f("ix_victim_links_right_id"), table_name="victim_links")
    op.drop_index(op.f("ix_victim_links_left_id"), table_name="victim_links")
    op.drop_table("victim_links")
    op.drop_table("victim_link_runs")
    op.drop_table("victim_records")
