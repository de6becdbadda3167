"""What happened next to an incident: analysts' follow-up records (a mixin of ``Store``).

An analyst records that an incident (or one of its violations) was referred to a court, an
inquiry or a committee, acknowledged, denied or compensated, with the day it happened, the
source that says so and a note (migration ``0009``). Records, never edited: the latest is the
incident's current state. They are kept by incident id and by the incident's claims when
recorded, since incident ids are derived (``reconcile.decisions`` keeps them stable).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Connection,
    Date,
    Integer,
    String,
    Text,
    insert,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column

from warmonitor.errors import StoreError
from warmonitor.store.dialect import UTCDateTime
from warmonitor.store.schema import Base

__all__ = ["FOLLOW_UP_KINDS", "FollowUp", "FollowUpRow", "FollowUpStore"]

#: What can happen next to an incident, in the words the CLI and the API take.
FOLLOW_UP_KINDS: tuple[str, ...] = (
    "referred_to_court",
    "referred_to_inquiry",
    "referred_to_committee",
    "acknowledged",
    "denied",
    "compensated",
)
_KIND_CHECK = "kind IN (" + ", ".join(f"'{k}'" for k in FOLLOW_UP_KINDS) + ")"


class FollowUpRow(Base):
    """One follow-up of an incident: what happened, when, who says so, who recorded it."""

    __tablename__ = "incident_follow_ups"
    __table_args__ = (CheckConstraint(_KIND_CHECK, name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(32), index=True)
    claim_ids: Mapped[list[str]] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(32))
    violation: Mapped[str | None] = mapped_column(String(32))
    happened_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    analyst: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A stored follow-up (``kind`` one of :data:`FOLLOW_UP_KINDS`; ``violation``, where
    given, the violation type of the incident it concerns)."""

    id: int
    incident_id: str
    kind: str
    happened_on: date
    source: str | None
    note: str | None
    analyst: str
    created_at: datetime
    violation: str | None = None
    claim_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "incident_id": self.incident_id,
            "kind": self.kind,
            "violation": self.violation,
            "date": self.happened_on.isoformat(),
            "source": self.source,
            "note": self.note,
            "analyst": self.analyst,
            "created_at": self.created_at.isoformat(),
        }


def _follow_up(row: Any) -> FollowUp:
    return FollowUp(
        row.id, row.incident_id, row.kind, row.happened_on, row.source, row.note, row.analyst,
        row.created_at, row.violation, tuple(row.claim_ids or ()),
    )  # fmt: skip


class FollowUpStore:
    """The store's follow-up methods (a mixin of :class:`~warmonitor.store.Store`)."""

    if TYPE_CHECKING:

        def _writing(self, what: str) -> AbstractContextManager[Connection]: ...

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def add_follow_up(
        self,
        incident_id: str,
        kind: str,
        happened_on: date,
        *,
        analyst: str,
        claim_ids: tuple[str, ...] = (),
        source: str | None = None,
        note: str | None = None,
        violation: str | None = None,
    ) -> FollowUp:
        """Record a follow-up of an incident; :class:`StoreError` for an unknown kind or no
        analyst."""
        if kind not in FOLLOW_UP_KINDS:
            raise StoreError(
                f"unknown follow-up {kind!r}: choose one of {', '.join(FOLLOW_UP_KINDS)}"
            )
        if not analyst.strip():
            raise StoreError("a follow-up needs an analyst")
        row: dict[str, Any] = {
            "incident_id": incident_id,
            "claim_ids": list(claim_ids),
            "kind": kind,
            "violation": violation,
            "happened_on": happened_on,
            "source": (source or "").strip() or None,
            "note": (note or "").strip() or None,
            "analyst": analyst,
            "created_at": datetime.now(UTC),
        }
        with self._writing(f"record {kind} for incident {incident_id}") as connection:
            new_id = connection.execute(insert(FollowUpRow).returning(FollowUpRow.id), row)
            row["id"] = int(new_id.scalar_one())
        return _follow_up(SimpleNamespace(**row))

    def follow_ups(self, incident_id: str | None = None) -> list[FollowUp]:
        """The follow-ups of an incident (of every incident when ``None``), in the order the
        things happened, then as recorded."""
        query = select(FollowUpRow).order_by(FollowUpRow.happened_on, FollowUpRow.id)
        if incident_id is not None:
            query = query.where(FollowUpRow.incident_id == incident_id)
        with self._reading() as connection:
            return [_follow_up(r) for r in connection.execute(query)]
