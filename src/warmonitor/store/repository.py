"""The store: documents, their claims and reviews of claims, in SQLite or PostgreSQL.

Documents are stored once per id (content hash). Claims are immutable: storing a claim whose id
exists is a no-op, never an overwrite; claims of different extractor versions have different ids
and coexist. The one exception is :meth:`Store.correct_document`: a document's metadata
corrected, its claims of one extractor version are re-extracted and replaced (same ids for the
same figures, so reviews and decisions still hold). Every write is one transaction: it lands
whole or not at all.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from warmonitor.errors import NotFoundError, StoreError
from warmonitor.model import Claim, Document, ReportEvent
from warmonitor.store import dialect
from warmonitor.store.actors import ActorStore
from warmonitor.store.audit import AuditStore
from warmonitor.store.claim_search import ClaimSearchStore
from warmonitor.store.engine import make_engine
from warmonitor.store.events import ReportEventStore, write_report_event
from warmonitor.store.follow_ups import FollowUpStore
from warmonitor.store.incidents import IncidentClaimRow, IncidentStore
from warmonitor.store.migrator import upgrade
from warmonitor.store.records import Review, ReviewAction, StoredDocument
from warmonitor.store.runs import RunStore, bump_revision
from warmonitor.store.schema import (
    CLAIM_ID_LENGTH,
    DOCUMENT_ID_LENGTH,
    EXTRACTOR_LENGTH,
    REVIEW_ACTIONS,
    ClaimRow,
    DocumentRow,
    ReviewRow,
)
from warmonitor.store.users import UserStore
from warmonitor.store.versions import newest_extractors
from warmonitor.store.victims import VictimStore

__all__ = ["ClaimChanges", "Store"]

_BIGINT_MAX = 2**63 - 1
_INT_MAX = 2**31 - 1


class Store(
    IncidentStore,
    ReportEventStore,
    ActorStore,
    RunStore,
    ClaimSearchStore,
    UserStore,
    AuditStore,
    VictimStore,
    FollowUpStore,
):
    """A handle on one database; make it with :meth:`open`, end it with :meth:`close`."""

    def __init__(self, engine: Engine) -> None:
        self._engine: Engine | None = engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open the store at ``url`` (default: the settings' URL), creating or upgrading its
        schema to head. :class:`StoreError` when it cannot be opened or migrated, or its schema
        is newer than this code."""
        engine = make_engine(url)
        try:
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._live.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release the connections; the store cannot be used afterwards."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})" if self._engine is not None else "Store(<closed>)"

    # -- writing ------------------------------------------------------------------------------

    def save(
        self,
        document: Document,
        claims: Sequence[Claim] = (),
        event: ReportEvent | None = None,
    ) -> bool:
        """Store ``document`` if new, those of ``claims`` that are new and the report's main
        ``event`` (replacing a stored one), in one transaction.

        Returns True when the document was new. Every claim and the event must belong to
        ``document``.
        """
        if event is not None and event.document_id != document.id:
            raise StoreError(f"the event of {event.document_id} is not of document {document.id}")
        _check_length("document id", document.id, DOCUMENT_ID_LENGTH)
        stray = [c.id for c in claims if c.document_id != document.id]
        if stray:
            raise StoreError(f"claims {', '.join(stray)} do not belong to document {document.id}")
        rows = [_claim_row(claim) for claim in claims]
        now = datetime.now(UTC)
        with self._writing(f"save document {document.id}") as connection:
            new = _insert_ignore(connection, DocumentRow, [_document_row(document, now)]) == 1
            at = now if new else _ingested_at(connection, [document.id], "save")[document.id]
            _insert_ignore(connection, ClaimRow, [_stamped(row, now, at) for row in rows])
            if event is not None:
                write_report_event(connection, event)
        return new

    def add_claims(self, claims: Sequence[Claim]) -> int:
        """Store the claims that are new (their documents must be stored); returns how many."""
        rows = [_claim_row(claim) for claim in claims]
        now = datetime.now(UTC)
        what = f"add {len(rows)} claims"
        with self._writing(what) as connection:
            ingested = _ingested_at(connection, {r["document_id"] for r in rows}, what)
            stamped = [_stamped(r, now, ingested[r["document_id"]]) for r in rows]
            return _insert_ignore(connection, ClaimRow, stamped)

    def correct_document(
        self,
        document: Document,
        claims: Sequence[Claim],
        *,
        extractor: str,
        event: ReportEvent | None = None,
    ) -> ClaimChanges:
        """Correct a stored document's metadata (``published``, ``publisher``, ``url``, ``title``
        of ``document``; its text, hence its id, cannot change) and replace its claims of
        ``extractor`` by ``claims``, re-extracted with that metadata, in one transaction.

        A claim id depends on the document, the extractor version, the figure's offset and its
        outcome, never on metadata: a claim whose id is stored is the same figure and is
        rewritten in place, so the reviews, incident memberships and analysts' decisions that
        name it still hold. New ids are added. A stored claim of ``extractor`` whose id is gone
        is deleted with its (derived) incident membership, unless a review points at it: a human
        judgement is never dropped, so that claim is kept as it was. Claims of other extractor
        versions are left alone. The report's re-read ``event``, if given, replaces its stored
        one in the same transaction. :class:`NotFoundError` if the document is not stored.
        """
        _check_length("document id", document.id, DOCUMENT_ID_LENGTH)
        stray = [c.id for c in claims if c.document_id != document.id or c.extractor != extractor]
        if stray:
            raise StoreError(
                f"claims {', '.join(stray)} are not of document {document.id} and {extractor!r}"
            )
        rows = {row["id"]: row for row in (_claim_row(claim) for claim in claims)}
        metadata = {
            "title": document.title,
            "published": document.published,
            "publisher": document.publisher,
            "url": document.url,
        }
        now = datetime.now(UTC)
        changes = ClaimChanges()
        with self._writing(f"correct document {document.id}") as connection:
            found = connection.execute(
                update(DocumentRow).where(DocumentRow.id == document.id).values(**metadata)
            ).rowcount
            if found != 1:
                raise NotFoundError(f"no document {document.id!r} in the store")
            stored = set(
                connection.scalars(
                    select(ClaimRow.id).where(
                        ClaimRow.document_id == document.id, ClaimRow.extractor == extractor
                    )
                )
            )
            for claim_id, row in rows.items():
                if claim_id in stored:
                    values = {k: v for k, v in row.items() if k != "id"}
                    connection.execute(
                        update(ClaimRow).where(ClaimRow.id == claim_id).values(values)
                    )
                    changes.rewritten += 1
            at = _ingested_at(connection, [document.id], "correct")[document.id]
            fresh = [_stamped(row, now, at) for key, row in rows.items() if key not in stored]
            changes.added = _insert_ignore(connection, ClaimRow, fresh)
            gone = stored - rows.keys()
            reviewed = set(
                connection.scalars(select(ReviewRow.claim_id).where(ReviewRow.claim_id.in_(gone)))
            )
            dropped = sorted(gone - reviewed)
            if dropped:
                connection.execute(
                    delete(IncidentClaimRow).where(IncidentClaimRow.claim_id.in_(dropped))
                )
                connection.execute(delete(ClaimRow).where(ClaimRow.id.in_(dropped)))
            changes.deleted, changes.kept = len(dropped), len(reviewed)
            if event is not None:
                write_report_event(connection, event)
        return changes

    def add_review(
        self,
        claim_id: str,
        action: ReviewAction,
        *,
        reviewer: str,
        note: str | None = None,
        correction: dict[str, Any] | None = None,
    ) -> Review:
        """Record a human review of a stored claim. 'correct' needs a ``correction``; the
        others take none. :class:`NotFoundError` if the claim is not stored."""
        if action not in REVIEW_ACTIONS:
            raise StoreError(
                f"review action must be one of {', '.join(REVIEW_ACTIONS)}, got {action!r}"
            )
        if (action == "correct") != bool(correction):
            raise StoreError("a 'correct' review needs a correction and only it takes one")
        if not reviewer.strip():
            raise StoreError("a review needs a reviewer")
        now = datetime.now(UTC)
        with self._writing(f"review claim {claim_id}") as connection:
            if connection.scalar(select(ClaimRow.id).where(ClaimRow.id == claim_id)) is None:
                raise NotFoundError(f"no claim {claim_id!r} in the store")
            result = connection.execute(
                insert(ReviewRow).values(
                    claim_id=claim_id,
                    action=action,
                    correction=correction,
                    reviewer=reviewer,
                    note=note,
                    created_at=now,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            review_id = int(key[0])
        return Review(review_id, claim_id, action, reviewer, now, correction, note)

    # -- reading ------------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        with self._reading() as connection:
            query = select(DocumentRow.id).where(DocumentRow.id == document_id)
            return connection.scalar(query) is not None

    def document(self, document_id: str) -> Document:
        """The stored document; :class:`NotFoundError` if there is none."""
        return self.stored_document(document_id).document

    def stored_document(self, document_id: str) -> StoredDocument:
        """The stored document with its ingest time; :class:`NotFoundError` if there is none."""
        with self._reading() as connection:
            row = (
                connection.execute(select(DocumentRow).where(DocumentRow.id == document_id))
                .mappings()
                .first()
            )
        if row is None:
            raise NotFoundError(f"no document {document_id!r} in the store")
        return StoredDocument(_document(row), row["ingested_at"])

    def document_page(self, *, limit: int, offset: int = 0) -> tuple[int, list[StoredDocument]]:
        """How many documents are stored, and ``limit`` of them from ``offset``, in ingest
        order."""
        query = (
            select(DocumentRow)
            .order_by(DocumentRow.ingested_at, DocumentRow.id)
            .limit(limit)
            .offset(offset)
        )
        with self._reading() as connection:
            total = connection.scalar(select(func.count()).select_from(DocumentRow)) or 0
            rows = connection.execute(query).mappings().all()
        return int(total), [StoredDocument(_document(row), row["ingested_at"]) for row in rows]

    def documents(self) -> list[StoredDocument]:
        """Every document with its ingest time, in ingest order."""
        with self._reading() as connection:
            rows = connection.execute(
                select(DocumentRow).order_by(DocumentRow.ingested_at, DocumentRow.id)
            ).mappings()
            return [StoredDocument(_document(row), row["ingested_at"]) for row in rows]

    def claim_counts(self, document_ids: Collection[str] | None = None) -> dict[str, int]:
        """How many claims each document (of ``document_ids``, else every one) has, counting
        the version :meth:`claims` shows (``latest_only``); documents without claims are left
        out."""
        query = select(
            ClaimRow.document_id,
            ClaimRow.extractor,
            func.count().label("n"),
            func.max(ClaimRow.created_at).label("created_at"),
        ).group_by(ClaimRow.document_id, ClaimRow.extractor)
        if document_ids is not None:
            query = query.where(ClaimRow.document_id.in_(list(document_ids)))
        with self._reading() as connection:
            rows = connection.execute(query).all()
        newest = newest_extractors((r.document_id, r.extractor, r.created_at) for r in rows)
        return {r.document_id: r.n for r in rows if newest[r.document_id] == r.extractor}

    def claim(self, claim_id: str) -> Claim:
        """The stored claim; :class:`NotFoundError` if there is none."""
        with self._reading() as connection:
            data = connection.scalar(select(ClaimRow.data).where(ClaimRow.id == claim_id))
        if data is None:
            raise NotFoundError(f"no claim {claim_id!r} in the store")
        return Claim.from_dict(data)

    def claims(
        self,
        *,
        document_id: str | None = None,
        extractor: str | None = None,
        latest_only: bool = True,
    ) -> list[Claim]:
        """Stored claims in document ingest order, then by position in the document.

        ``latest_only`` keeps, per document, only the claims of the newest extractor version
        that produced claims for it (by version number, then by when its claims were stored).
        It has no effect when ``extractor`` picks one version.
        """
        query = select(
            ClaimRow.document_id, ClaimRow.extractor, ClaimRow.created_at, ClaimRow.data
        ).order_by(  # the document's ingest time is the claim's copy (migration 0012)
            ClaimRow.document_ingested_at,
            ClaimRow.document_id,
            ClaimRow.evidence_start,
            ClaimRow.extractor,
            ClaimRow.id,
        )
        if document_id is not None:
            query = query.where(ClaimRow.document_id == document_id)
        if extractor is not None:
            query = query.where(ClaimRow.extractor == extractor)
        with self._reading() as connection:
            rows = connection.execute(query).all()
        if latest_only and extractor is None:
            newest = newest_extractors((r.document_id, r.extractor, r.created_at) for r in rows)
            rows = [row for row in rows if newest[row.document_id] == row.extractor]
        return [Claim.from_dict(row.data) for row in rows]

    def reviews(self, claim_id: str | None = None) -> list[Review]:
        """The reviews of one claim (or all), oldest first."""
        query = select(ReviewRow).order_by(ReviewRow.created_at, ReviewRow.id)
        if claim_id is not None:
            query = query.where(ReviewRow.claim_id == claim_id)
        with self._reading() as connection:
            return [Review.from_row(row) for row in connection.execute(query).mappings()]

    def review_page(self, *, limit: int, offset: int = 0) -> tuple[int, list[Review]]:
        """How many reviews are stored, and ``limit`` of them from ``offset``, newest first
        (:meth:`reviews` backwards)."""
        query = (
            select(ReviewRow)
            .order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self._reading() as connection:
            total = connection.scalar(select(func.count()).select_from(ReviewRow)) or 0
            rows = connection.execute(query).mappings().all()
        return int(total), [Review.from_row(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, claims and reviews are stored."""
        with self._reading() as connection:
            return {
                name: connection.scalar(select(func.count()).select_from(table)) or 0
                for name, table in (
                    ("documents", DocumentRow),
                    ("claims", ClaimRow),
                    ("reviews", ReviewRow),
                )
            }

    # -- plumbing -----------------------------------------------------------------------------

    @property
    def _live(self) -> Engine:
        if self._engine is None:
            raise StoreError("the store is closed")
        return self._engine

    @contextmanager
    def _writing(self, what: str, *, inputs: bool = True) -> Iterator[Connection]:
        """A write transaction; one that writes inputs of reconciliation (``inputs``: every
        write but storing incidents) moves the revision the stored incidents are checked by."""
        engine = self._live
        try:
            with engine.connect() as connection:
                connection.execution_options(**dialect.WRITE)
                with connection.begin():
                    yield connection
                    if inputs:
                        bump_revision(connection)
        except (SQLAlchemyError, UnicodeError, OverflowError) as exc:
            raise StoreError(f"cannot {what} in {self.url}: {_reason(exc)}") from exc

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection to read with: on SQLite in a transaction (one snapshot for all its
        statements); on PostgreSQL in autocommit, where READ COMMITTED gives each statement
        its own snapshot anyway, so a transaction would only add a BEGIN and a ROLLBACK, two
        round trips to the server, to every read."""
        engine = self._live
        try:
            with engine.connect() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execution_options(isolation_level="AUTOCOMMIT")
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read {self.url}: {_reason(exc)}") from exc


@dataclass(slots=True)
class ClaimChanges:
    """What :meth:`Store.correct_document` did to the document's claims of one version."""

    rewritten: int = 0  # same id, rewritten with the corrected metadata
    added: int = 0  # new ids
    deleted: int = 0  # ids gone, with no review
    kept: int = 0  # ids gone but reviewed: kept as they were


def _reason(exc: BaseException) -> str:
    return str(exc.orig) if isinstance(exc, DBAPIError) else str(exc)


def _insert_ignore(connection: Connection, model: Any, rows: list[dict[str, Any]]) -> int:
    """Insert each of ``rows`` whose primary key is not stored yet; returns how many were.

    One statement per row: a multi-row ``executemany`` has no reliable rowcount everywhere."""
    statement = dialect.insert_ignore(model.__table__, connection.dialect)
    return sum(connection.execute(statement, row).rowcount == 1 for row in rows)


def _ingested_at(
    connection: Connection, document_ids: Iterable[str], what: str
) -> dict[str, datetime]:
    """When each of ``document_ids`` was first stored; :class:`StoreError` (``cannot what``)
    for one that is not stored."""
    wanted = set(document_ids)
    query = select(DocumentRow.id, DocumentRow.ingested_at).where(DocumentRow.id.in_(wanted))
    found = {row.id: row.ingested_at for row in connection.execute(query)}
    if missing := sorted(wanted - found.keys()):
        raise StoreError(f"cannot {what}: no document {', '.join(missing)} in the store")
    return found


def _stamped(row: dict[str, Any], now: datetime, ingested_at: datetime) -> dict[str, Any]:
    """A claim's row as inserted: with the time it is written and its document's ingest time
    (the order claims are listed in, ``store.claim_search``)."""
    return {**row, "created_at": now, "document_ingested_at": ingested_at}


def _check_length(what: str, value: str, limit: int) -> None:
    if not value or len(value) > limit:
        raise StoreError(f"{what} must be 1 to {limit} characters, got {value!r}")


def _check_int(what: str, value: int | None, limit: int) -> None:
    if value is not None and not 0 <= value <= limit:
        raise StoreError(f"{what} {value} is out of range 0..{limit}")


def _document_row(document: Document, now: datetime) -> dict[str, Any]:
    return {
        "id": document.id,
        "text": document.text,
        "title": document.title,
        "published": document.published,
        "publisher": document.publisher,
        "url": document.url,
        "source": document.source,
        "media_type": document.media_type,
        "ingested_at": now,
    }


def _document(row: Any) -> Document:
    return Document(
        text=row["text"],
        title=row["title"],
        published=row["published"],
        publisher=row["publisher"],
        url=row["url"],
        source=row["source"],
        media_type=row["media_type"],
        id=row["id"],
    )


def _claim_row(claim: Claim) -> dict[str, Any]:
    """The columns of ``claim`` (without ``created_at``), checked against the column limits."""
    _check_length("claim id", claim.id, CLAIM_ID_LENGTH)
    _check_length(f"document id of claim {claim.id}", claim.document_id, DOCUMENT_ID_LENGTH)
    _check_length(f"extractor of claim {claim.id}", claim.extractor, EXTRACTOR_LENGTH)
    if claim.part_of is not None:
        _check_length(f"part_of of claim {claim.id}", claim.part_of, CLAIM_ID_LENGTH)
    _check_int(f"count of claim {claim.id}", claim.count.low, _BIGINT_MAX)
    _check_int(f"count of claim {claim.id}", claim.count.high, _BIGINT_MAX)
    _check_int(f"evidence start of claim {claim.id}", claim.evidence.start, _INT_MAX)
    place, period = claim.place, claim.period
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "extractor": claim.extractor,
        "outcome": claim.outcome,
        "count_low": claim.count.low,
        "count_high": claim.count.high,
        "victims_group": claim.victims.group,
        "claimant_name": claim.claimant.name,
        "claimant_kind": claim.claimant.kind,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "part_of": claim.part_of,
        "evidence_start": claim.evidence.start,
        "data": claim.to_dict(),
        "claimant_text": claim.claimant.text,
        "place_name": place.name if place else None,
        "sentence": claim.evidence.sentence,
    }
