"""The tables as typed SQLAlchemy models. They mirror the migrations, which alone create them.

A test compares these models with the schema the migrations build, so a change here without a
migration (or the reverse) fails; see ``migrations/README.md`` for adding one.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from warmonitor.store.dialect import UTCDateTime

__all__ = [
    "CLAIM_ID_LENGTH",
    "DOCUMENT_ID_LENGTH",
    "EXTRACTOR_LENGTH",
    "REVIEW_ACTIONS",
    "ActorCorrectionRow",
    "Base",
    "ClaimRow",
    "DocumentRow",
    "ReportEventRow",
    "ReviewRow",
    "in_models",
]

DOCUMENT_ID_LENGTH = 32
CLAIM_ID_LENGTH = 64
EXTRACTOR_LENGTH = 64
REVIEW_ACTIONS: tuple[str, ...] = ("accept", "reject", "correct")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Indexes made by the migrations on PostgreSQL alone (the claim search's trigram and
#: expression indexes, migration 0011, and its GiST index of periods, 0013) start with this;
#: the models leave them out.
POSTGRES_ONLY_INDEX = "ix_pg_"


def in_models(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's ``include_object``: whether the models describe a database object (all but
    the PostgreSQL-only indexes), so that comparing them with the database ignores those."""
    return not (type_ == "index" and reflected and (name or "").startswith(POSTGRES_ONLY_INDEX))


class Base(DeclarativeBase):
    """The declarative base; its metadata names every constraint (Alembic needs names)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    """A document as read, stored once per content hash."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(DOCUMENT_ID_LENGTH), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    publisher: Mapped[str | None] = mapped_column(String)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class ClaimRow(Base):
    """One claim: ``data`` is the whole ``Claim.to_dict()``; the other columns are for queries."""

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_outcome_victims_group", "outcome", "victims_group"),
        # the order claims are listed in (``store.claim_search``; migration 0012)
        Index("ix_claims_listing", "document_ingested_at", "document_id", "evidence_start", "id"),
    )

    id: Mapped[str] = mapped_column(String(CLAIM_ID_LENGTH), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    extractor: Mapped[str] = mapped_column(String(EXTRACTOR_LENGTH), index=True)
    outcome: Mapped[str] = mapped_column(String)
    count_low: Mapped[int] = mapped_column(BigInteger)
    count_high: Mapped[int | None] = mapped_column(BigInteger)
    victims_group: Mapped[str] = mapped_column(String)
    claimant_name: Mapped[str | None] = mapped_column(String)
    claimant_kind: Mapped[str] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(String)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    part_of: Mapped[str | None] = mapped_column(String(CLAIM_ID_LENGTH))
    evidence_start: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # copies of texts in data that the claim search matches words in (migration 0008)
    claimant_text: Mapped[str | None] = mapped_column(Text)
    place_name: Mapped[str | None] = mapped_column(Text)
    sentence: Mapped[str | None] = mapped_column(Text)
    # the document's ingested_at (written once, when the document is first stored), so that
    # claims are listed in ingest order from one index (migration 0012)
    document_ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReviewRow(Base):
    """A human review of a claim: its own record, pointing at the claim it judges."""

    __tablename__ = "reviews"
    __table_args__ = (CheckConstraint("action IN ('accept', 'reject', 'correct')", name="action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    correction: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    reviewer: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReportEventRow(Base):
    """What a report's main event is (``ReportEvent.to_dict()``), one row per document."""

    __tablename__ = "report_events"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    country: Mapped[str | None] = mapped_column(String, index=True)
    day: Mapped[date | None] = mapped_column(Date)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class ActorCorrectionRow(Base):
    """An analyst's correction of the registry of actors (``actors.Correction``), in order."""

    __tablename__ = "actor_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    analyst: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
