"""Incidents and analysts' decisions in the store (tables of migration ``0002_incidents``).

Incidents are derived data, stored so that the faces read them (``0005``): each
reconciliation replaces them as a set, in one transaction, rewriting only the incidents whose
row changed (``digest``: of the row, or of its inputs' digest where it has one), and a claim
belongs to at most one incident (``incident_claims`` is keyed by claim). Decisions are
records: who decided what and when, stated in claim ids; they are never changed.
:class:`IncidentStore` is mixed into :class:`~warmonitor.store.Store`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Connection,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column

from warmonitor.errors import StoreError
from warmonitor.store.dialect import UTCDateTime, json_array_length
from warmonitor.store.runs import StoreStateRow
from warmonitor.store.schema import CLAIM_ID_LENGTH, Base, DocumentRow

__all__ = [
    "DECISION_ACTIONS",
    "INCIDENT_ID_LENGTH",
    "DocumentSource",
    "IncidentClaimRow",
    "IncidentDecisionRow",
    "IncidentHead",
    "IncidentRecord",
    "IncidentRow",
    "IncidentStore",
    "StaleIncidents",
    "StoredDecision",
]

INCIDENT_ID_LENGTH = 32


class StaleIncidents(StoreError):
    """Stored incidents a run meant to keep changed before it was stored."""


DECISION_ACTIONS: tuple[str, ...] = ("merge", "split", "move")


class IncidentRow(Base):
    """One incident of the latest reconciliation; ``data`` is ``Incident.to_dict()``."""

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(INCIDENT_ID_LENGTH), primary_key=True)
    policy: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    claims_count: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    reconciled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    digest: Mapped[str | None] = mapped_column(String(64))
    incident: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    inputs: Mapped[str | None] = mapped_column(String(64))  # digest of its inputs (0010)


class IncidentClaimRow(Base):
    """Which incident a claim belongs to: one row per claim, so one incident per claim."""

    __tablename__ = "incident_claims"

    claim_id: Mapped[str] = mapped_column(ForeignKey("claims.id"), primary_key=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)


class IncidentDecisionRow(Base):
    """An analyst's merge, split or move: what was decided, on which claims, by whom, when."""

    __tablename__ = "incident_decisions"
    __table_args__ = (CheckConstraint("action IN ('merge', 'split', 'move')", name="action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(16))
    incident_ids: Mapped[list[str]] = mapped_column(JSON)
    claim_ids: Mapped[list[str]] = mapped_column(JSON)
    target_claim_ids: Mapped[list[str]] = mapped_column(JSON)
    analyst: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """What an export cites of a document: its title, URL, publisher and dates."""

    title: str | None
    url: str | None
    publisher: str | None
    published: date | None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """An incident as stored: its id, claims, a few columns for queries, its JSON (``data``,
    ``Incident.to_dict()``) and the incident without loss (``incident``, ``reconcile.codec``)."""

    id: str
    claim_ids: tuple[str, ...]
    policy: str
    label: str
    data: dict[str, Any] = field(default_factory=dict)
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: date | None = None
    end: date | None = None
    incident: dict[str, Any] | None = None
    reconciled_at: datetime | None = field(default=None, compare=False)
    inputs: str | None = None  # the digest of the inputs it was computed from


@dataclass(frozen=True, slots=True)
class IncidentHead:
    """What a run needs of a stored incident it may keep: the digest of its inputs, its dates
    (the order of incidents)."""

    inputs: str
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A stored analyst decision (see ``warmonitor.reconcile.Decision``)."""

    id: int
    action: str
    incident_ids: tuple[str, ...]
    claim_ids: tuple[str, ...]
    target_claim_ids: tuple[str, ...]
    analyst: str
    created_at: datetime
    note: str | None = None


class IncidentStore:
    """The store's incident methods (a mixin of :class:`~warmonitor.store.Store`)."""

    if TYPE_CHECKING:

        def _writing(
            self, what: str, *, inputs: bool = True
        ) -> AbstractContextManager[Connection]: ...

        def _reading(self) -> AbstractContextManager[Connection]: ...

    # -- documents as reconciliation needs them ------------------------------------------------

    def publication_dates(self) -> dict[str, date | None]:
        """Every stored document's publication date, by document id (no text is read)."""
        return {k: v.published for k, v in self.document_sources().items()}

    def document_sources(self) -> dict[str, DocumentSource]:
        """What exports cite of every stored document, by document id (no text is read)."""
        columns = (
            DocumentRow.id,
            DocumentRow.title,
            DocumentRow.url,
            DocumentRow.publisher,
            DocumentRow.published,
            DocumentRow.source,
        )
        with self._reading() as connection:
            return {
                row.id: DocumentSource(row.title, row.url, row.publisher, row.published, row.source)
                for row in connection.execute(select(*columns))
            }

    # -- incidents ------------------------------------------------------------------------------

    def save_incidents(
        self,
        records: Sequence[IncidentRecord],
        *,
        run: tuple[int, str, Sequence[str]] | None = None,
        keep: Mapping[str, str] | None = None,
    ) -> int:
        """Replace the stored incidents with ``records`` and those of ``keep``, in one
        transaction; returns how many were written. A stored incident whose row is the same
        (id, claims, JSON, inputs; with inputs, their digest stands for the JSON) is left as
        it is, ``reconciled_at`` included. ``keep`` maps
        ids of stored incidents that stand as they are to the digest of their inputs: when one
        is gone or has other inputs (another process stored a run meanwhile), nothing changes
        and :class:`StaleIncidents` says so. ``run`` is the input revision, policy and ranking
        they were reconciled from (``RunStore.reconcile_run``); without it the stored
        incidents describe no known run. A claim in two records, or one that is not stored, is
        a :class:`StoreError` and nothing changes."""
        keep = keep or {}
        seen: dict[str, str] = {}
        for record in records:
            if not record.id or len(record.id) > INCIDENT_ID_LENGTH:
                raise StoreError(f"incident id must be 1 to {INCIDENT_ID_LENGTH} characters")
            for claim_id in record.claim_ids:
                if claim_id in seen:
                    raise StoreError(
                        f"claim {claim_id} is in incidents {seen[claim_id]} and {record.id}"
                    )
                seen[claim_id] = record.id
        now = datetime.now(UTC)
        rows = [_row(r, now) for r in records]
        members = {r.id: r.claim_ids for r in records}
        with self._writing(f"save {len(records)} incidents", inputs=False) as connection:
            found = connection.execute(
                select(IncidentRow.id, IncidentRow.digest, IncidentRow.inputs)
            )
            stored, inputs = {}, {}
            for incident_id, row_digest, row_inputs in found:
                stored[incident_id], inputs[incident_id] = row_digest, row_inputs
            stale = [i for i, d in keep.items() if i not in inputs or inputs[i] != d]
            if stale:
                raise StaleIncidents(
                    f"{len(stale)} stored incident(s) changed while reconciling "
                    f"(another run was stored meanwhile), e.g. {stale[0]}"
                )
            fresh = [row for row in rows if stored.get(row["id"]) != row["digest"]]
            kept = ({row["id"] for row in rows} - {row["id"] for row in fresh}) | set(keep)
            gone = [i for i in stored if i not in kept]
            if len(gone) == len(stored):
                connection.execute(delete(IncidentClaimRow))
                connection.execute(delete(IncidentRow))
            else:
                for chunk in _chunks(gone):
                    connection.execute(
                        delete(IncidentClaimRow).where(IncidentClaimRow.incident_id.in_(chunk))
                    )
                    connection.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
            if fresh:
                connection.execute(insert(IncidentRow), fresh)
                connection.execute(
                    insert(IncidentClaimRow),
                    [
                        {"claim_id": c, "incident_id": r["id"]}
                        for r in fresh
                        for c in members[r["id"]]
                    ],
                )
            state: dict[str, Any] = {"reconciled_revision": None, "policy": None, "ranking": None}
            if run is not None:
                state = {"reconciled_revision": run[0], "policy": run[1], "ranking": list(run[2])}
            connection.execute(update(StoreStateRow).values(**state, reconciled_at=now))
        return len(fresh)

    def incident_membership(self) -> dict[str, frozenset[str]]:
        """The claim ids of each stored incident."""
        out: dict[str, set[str]] = {}
        with self._reading() as connection:
            for row in connection.execute(select(IncidentClaimRow)):
                out.setdefault(row.incident_id, set()).add(row.claim_id)
        return {k: frozenset(v) for k, v in out.items()}

    def incident_inputs(self) -> dict[str, str]:
        """The digest of the inputs each stored incident was computed from, by id (rows
        stored without one left out)."""
        query = select(IncidentRow.id, IncidentRow.inputs).where(IncidentRow.inputs.is_not(None))
        with self._reading() as connection:
            return {row.id: row.inputs for row in connection.execute(query)}

    def incident_heads(self) -> dict[str, IncidentHead]:
        """The digest of the inputs each stored incident was computed from and its dates, by
        id (rows stored without a digest left out); no JSON is read."""
        query = select(
            IncidentRow.id, IncidentRow.inputs, IncidentRow.date_start, IncidentRow.date_end
        ).where(IncidentRow.inputs.is_not(None))
        with self._reading() as connection:
            return {
                row.id: IncidentHead(row.inputs, row.date_start, row.date_end)
                for row in connection.execute(query)
            }

    def whole_incidents_of(self, ids: Collection[str]) -> dict[str, tuple[str | None, Any]]:
        """The stored incidents of ``ids`` without loss (column ``incident``), with the digest
        of the inputs each was computed from, by id; ids not stored, or stored without it, left
        out."""
        out: dict[str, tuple[str | None, Any]] = {}
        with self._reading() as connection:
            for chunk in _chunks(sorted(ids)):
                query = select(IncidentRow.id, IncidentRow.inputs, IncidentRow.incident).where(
                    IncidentRow.id.in_(chunk)
                )
                out.update(
                    (i, (inputs, data))
                    for i, inputs, data in connection.execute(query)
                    if data is not None
                )
        return out

    def incident_flags(self, ids: Collection[str]) -> dict[str, tuple[str | None, int]]:
        """How many failed checks (``flags``) each stored incident of ``ids`` has, counted in
        the database (no JSON reaches Python), with the digest of its inputs, by id; ids not
        stored left out."""
        out: dict[str, tuple[str | None, int]] = {}
        with self._reading() as connection:
            flags = json_array_length(IncidentRow.data, "flags", connection.dialect)
            for chunk in _chunks(sorted(ids)):
                query = select(IncidentRow.id, IncidentRow.inputs, flags).where(
                    IncidentRow.id.in_(chunk)
                )
                out.update((i, (inputs, n or 0)) for i, inputs, n in connection.execute(query))
        return out

    def whole_incidents(self) -> list[dict[str, Any] | None]:
        """Each stored incident without loss (column ``incident``; ``None`` for a row stored
        without it), and nothing else: what the faces read."""
        with self._reading() as connection:
            return list(connection.scalars(select(IncidentRow.incident)))

    def incidents(self) -> list[IncidentRecord]:
        """The stored incidents, earliest first."""
        membership = self.incident_membership()
        with self._reading() as connection:
            rows = connection.execute(
                select(IncidentRow).order_by(IncidentRow.date_start, IncidentRow.id)
            ).mappings()
            return [_record(row, membership.get(row["id"], frozenset())) for row in rows]

    # -- decisions ----------------------------------------------------------------------------

    def add_incident_decision(
        self,
        action: str,
        claim_ids: Sequence[str],
        *,
        analyst: str,
        target_claim_ids: Sequence[str] = (),
        incident_ids: Sequence[str] = (),
        note: str | None = None,
    ) -> StoredDecision:
        """Record an analyst's merge, split or move (see ``warmonitor.reconcile.Decision``)."""
        if action not in DECISION_ACTIONS:
            raise StoreError(
                f"decision action must be one of {', '.join(DECISION_ACTIONS)}, got {action!r}"
            )
        if not analyst.strip():
            raise StoreError("a decision needs an analyst")
        if not claim_ids:
            raise StoreError("a decision needs at least one claim")
        for claim_id in (*claim_ids, *target_claim_ids):
            if not claim_id or len(claim_id) > CLAIM_ID_LENGTH:
                raise StoreError(f"not a claim id: {claim_id!r}")
        now = datetime.now(UTC)
        values = {
            "action": action,
            "incident_ids": list(incident_ids),
            "claim_ids": list(claim_ids),
            "target_claim_ids": list(target_claim_ids),
            "analyst": analyst,
            "note": note,
            "created_at": now,
        }
        with self._writing(f"record a {action} decision") as connection:
            result = connection.execute(insert(IncidentDecisionRow).values(**values))
            key = result.inserted_primary_key
            assert key is not None
            decision_id = int(key[0])
        return StoredDecision(
            decision_id,
            action,
            tuple(incident_ids),
            tuple(claim_ids),
            tuple(target_claim_ids),
            analyst,
            now,
            note,
        )

    def incident_decisions(self) -> list[StoredDecision]:
        """Every analyst decision, oldest first."""
        query = select(IncidentDecisionRow).order_by(
            IncidentDecisionRow.created_at, IncidentDecisionRow.id
        )
        with self._reading() as connection:
            return list(_decisions(connection.execute(query).mappings()))


def _chunks(items: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _digest(record: IncidentRecord) -> str:
    """A hash of what a row holds: equal digests, equal rows. A record that carries the digest
    of its inputs (``inputs``: a hash of everything it was computed from and of the code)
    is hashed by that, its id, claims and policy; its JSON follows from them."""
    if record.inputs is not None:
        text = "\0".join((record.id, *record.claim_ids, "", record.policy, record.inputs))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = json.dumps(
        [record.id, record.claim_ids, record.policy, record.data, record.incident, record.inputs],
        sort_keys=True,
        default=str,
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _row(record: IncidentRecord, now: datetime) -> dict[str, Any]:
    return {
        "id": record.id,
        "policy": record.policy,
        "label": record.label,
        "country": record.country,
        "lat": record.lat,
        "lon": record.lon,
        "date_start": record.start,
        "date_end": record.end,
        "claims_count": len(record.claim_ids),
        "data": record.data,
        "reconciled_at": now,
        "digest": _digest(record),
        "incident": record.incident,
        "inputs": record.inputs,
    }


def _record(row: Any, claim_ids: frozenset[str]) -> IncidentRecord:
    listed = row["data"].get("claims") if isinstance(row["data"], dict) else None
    ordered = [c for c in listed or () if c in claim_ids] or sorted(claim_ids)
    return IncidentRecord(
        id=row["id"],
        claim_ids=tuple(ordered),
        policy=row["policy"],
        label=row["label"],
        data=row["data"],
        country=row["country"],
        lat=row["lat"],
        lon=row["lon"],
        start=row["date_start"],
        end=row["date_end"],
        incident=row["incident"],
        reconciled_at=row["reconciled_at"],
        inputs=row["inputs"],
    )


def _decisions(rows: Any) -> Iterator[StoredDecision]:
    for row in rows:
        yield StoredDecision(
            id=row["id"],
            action=row["action"],
            incident_ids=tuple(row["incident_ids"] or ()),
            claim_ids=tuple(row["claim_ids"] or ()),
            target_claim_ids=tuple(row["target_claim_ids"] or ()),
            analyst=row["analyst"],
            created_at=row["created_at"],
            note=row["note"],
        )
