"""Victims' records, their linkage and its reviews (migration ``0007``; a mixin of ``Store``).

* ``victim_records``: one row per record of a list, keyed by (list, the list's record id or the
  hash of the row's content), with the line it was read from; a re-import updates in place.
* ``victim_link_runs``: each ``victims link``: its threshold and the trained Splink model.
* ``victim_links``: the pairs the latest run scored (probability, match weight, the weight of
  each comparison) and whether they are linked; replaced by each run.
* ``victim_persons``: the person each record belongs to in the latest run.
* ``victim_reviews``: analysts' decisions on pairs (``match`` / ``non-match``) by list and record
  key, so that they outlive re-imports and re-runs; never changed, the latest one counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Connection,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column

from warmonitor.store.dialect import UTCDateTime
from warmonitor.store.schema import Base
from warmonitor.victims.records import FIELDS, VictimRecord

__all__ = [
    "ImportCounts",
    "LinkRow",
    "PairReview",
    "StoredLink",
    "StoredVictim",
    "VictimStore",
]

_FIELDS = ("line", *FIELDS)  # a record's columns beside its list and key


class VictimRecordRow(Base):
    """A record of a victim list."""

    __tablename__ = "victim_records"
    __table_args__ = (UniqueConstraint("list_name", "record_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    list_name: Mapped[str] = mapped_column(String(200))
    record_key: Mapped[str] = mapped_column(String(200))
    line: Mapped[int] = mapped_column(Integer)
    record_id: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    alt_name: Mapped[str | None] = mapped_column(Text)
    sex: Mapped[str | None] = mapped_column(String(1))
    age: Mapped[float | None] = mapped_column(Float)
    birth_date: Mapped[date | None] = mapped_column(Date)
    death_date: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(Text)
    incident: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VictimLinkRunRow(Base):
    """One run of ``victims link``."""

    __tablename__ = "victim_link_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    threshold: Mapped[float] = mapped_column(Float)
    model: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LinkRow(Base):
    """A pair the latest run scored."""

    __tablename__ = "victim_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    left_id: Mapped[int] = mapped_column(
        ForeignKey("victim_records.id", ondelete="CASCADE"), index=True
    )
    right_id: Mapped[int] = mapped_column(
        ForeignKey("victim_records.id", ondelete="CASCADE"), index=True
    )
    probability: Mapped[float] = mapped_column(Float)
    weight: Mapped[float] = mapped_column(Float)
    detail: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    linked: Mapped[bool] = mapped_column(Boolean)


class VictimPersonRow(Base):
    """The person (a number of the latest run) a record belongs to."""

    __tablename__ = "victim_persons"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("victim_records.id", ondelete="CASCADE"), primary_key=True
    )
    person: Mapped[int] = mapped_column(Integer, index=True)


class VictimReviewRow(Base):
    """An analyst's decision on a pair of records."""

    __tablename__ = "victim_reviews"
    __table_args__ = (CheckConstraint("decision IN ('match', 'non-match')", name="decision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    left_list: Mapped[str] = mapped_column(String(200))
    left_key: Mapped[str] = mapped_column(String(200))
    right_list: Mapped[str] = mapped_column(String(200))
    right_key: Mapped[str] = mapped_column(String(200))
    decision: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True, slots=True)
class StoredVictim:
    """A stored record with its row id (``pk``)."""

    pk: int
    record: VictimRecord


@dataclass(frozen=True, slots=True)
class StoredLink:
    """A scored pair of the latest run, by row ids."""

    left: int
    right: int
    probability: float
    weight: float
    detail: list[dict[str, Any]]
    linked: bool


@dataclass(frozen=True, slots=True)
class PairReview:
    """A decision on a pair, by (list, record key) of each side."""

    left: tuple[str, str]
    right: tuple[str, str]
    decision: str
    reviewer: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What a save did: records added, updated (a field changed) and unchanged."""

    added: int
    updated: int
    unchanged: int


def _values(record: VictimRecord) -> dict[str, Any]:
    return {f: getattr(record, f) for f in _FIELDS}


def _record(row: Any) -> VictimRecord:
    return VictimRecord(
        list_name=row.list_name,
        key=row.record_key,
        **{f: getattr(row, f) for f in _FIELDS},
    )


class VictimStore:
    """The store's victim methods (a mixin of :class:`~warmonitor.store.Store`)."""

    if TYPE_CHECKING:

        def _writing(
            self, what: str, *, inputs: bool = True
        ) -> AbstractContextManager[Connection]: ...

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def save_victim_records(self, records: Sequence[VictimRecord]) -> ImportCounts:
        """Add the new records, update the changed ones (by list and key), in one transaction."""
        now = datetime.now(UTC)
        lists = {r.list_name for r in records}
        with self._writing(f"save {len(records)} victim records", inputs=False) as connection:
            stored: dict[tuple[str, str], Any] = {}
            for list_name in lists:
                query = select(VictimRecordRow).where(VictimRecordRow.list_name == list_name)
                for row in connection.execute(query):
                    stored[(row.list_name, row.record_key)] = row
            fresh = []
            changed = []
            for record in records:
                old = stored.get((record.list_name, record.key))
                values = _values(record)
                if old is None:
                    fresh.append(
                        {
                            **values,
                            "list_name": record.list_name,
                            "record_key": record.key,
                            "imported_at": now,
                        }
                    )
                elif any(getattr(old, f) != v for f, v in values.items()):
                    changed.append({**values, "imported_at": now, "pk": old.id})
            by_pk = update(VictimRecordRow).where(VictimRecordRow.id == bindparam("pk"))
            for start in range(0, len(changed), 5000):  # one statement, executed per row
                connection.execute(by_pk, changed[start : start + 5000])
            for start in range(0, len(fresh), 5000):
                connection.execute(insert(VictimRecordRow), fresh[start : start + 5000])
        added, updated = len(fresh), len(changed)
        return ImportCounts(added, updated, len(records) - added - updated)

    def victim_records(self, list_name: str | None = None) -> list[StoredVictim]:
        """The stored records (of one list, or all), by list and line."""
        query = select(VictimRecordRow).order_by(
            VictimRecordRow.list_name, VictimRecordRow.line, VictimRecordRow.id
        )
        if list_name is not None:
            query = query.where(VictimRecordRow.list_name == list_name)
        with self._reading() as connection:
            return [StoredVictim(row.id, _record(row)) for row in connection.execute(query)]

    def save_victim_linkage(
        self,
        *,
        threshold: float,
        model: dict[str, Any],
        links: Iterable[StoredLink],
        persons: dict[int, int],
    ) -> None:
        """Replace the latest run's pairs and persons with these, and record the run."""
        now = datetime.now(UTC)
        rows = [
            {
                "left_id": link.left,
                "right_id": link.right,
                "probability": link.probability,
                "weight": link.weight,
                "detail": link.detail,
                "linked": link.linked,
            }
            for link in links
        ]
        people = [{"record_id": pk, "person": person} for pk, person in persons.items()]
        with self._writing("save victim linkage", inputs=False) as connection:
            connection.execute(delete(LinkRow))
            connection.execute(delete(VictimPersonRow))
            for start in range(0, len(rows), 5000):
                connection.execute(insert(LinkRow), rows[start : start + 5000])
            for start in range(0, len(people), 5000):
                connection.execute(insert(VictimPersonRow), people[start : start + 5000])
            connection.execute(
                insert(VictimLinkRunRow).values(threshold=threshold, model=model, created_at=now)
            )

    def victim_links(self, *, linked: bool | None = None) -> list[StoredLink]:
        """The latest run's scored pairs (only the linked ones, or only the others)."""
        query = select(LinkRow).order_by(LinkRow.id)
        if linked is not None:
            query = query.where(LinkRow.linked == linked)
        with self._reading() as connection:
            return [
                StoredLink(r.left_id, r.right_id, r.probability, r.weight, r.detail, r.linked)
                for r in connection.execute(query)
            ]

    def victim_persons(self) -> dict[int, int]:
        """Record row id → person of the latest run."""
        with self._reading() as connection:
            rows = connection.execute(select(VictimPersonRow.record_id, VictimPersonRow.person))
            return {r.record_id: r.person for r in rows}

    def victim_link_run(self) -> tuple[float, dict[str, Any]] | None:
        """The latest run's threshold and model, or None before the first."""
        query = select(VictimLinkRunRow).order_by(VictimLinkRunRow.id.desc()).limit(1)
        with self._reading() as connection:
            row = connection.execute(query).first()
        return None if row is None else (row.threshold, row.model)

    def add_victim_reviews(self, reviews: Sequence[PairReview]) -> int:
        """Store decisions on pairs; returns how many."""
        now = datetime.now(UTC)
        rows = [
            {
                "left_list": r.left[0],
                "left_key": r.left[1],
                "right_list": r.right[0],
                "right_key": r.right[1],
                "decision": r.decision,
                "reviewer": r.reviewer,
                "note": r.note,
                "created_at": now,
            }
            for r in reviews
        ]
        if rows:
            with self._writing(f"add {len(rows)} pair reviews", inputs=False) as connection:
                connection.execute(insert(VictimReviewRow), rows)
        return len(rows)

    def victim_reviews(self) -> list[PairReview]:
        """Every decision on pairs, oldest first."""
        with self._reading() as connection:
            rows = connection.execute(select(VictimReviewRow).order_by(VictimReviewRow.id))
            return [
                PairReview(
                    (r.left_list, r.left_key),
                    (r.right_list, r.right_key),
                    r.decision,
                    r.reviewer,
                    r.note,
                )
                for r in rows
            ]
