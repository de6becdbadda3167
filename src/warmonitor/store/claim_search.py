"""Claims found by filters, a page at a time, with each one's review state (a mixin of
``Store``).

The filters run in the database, on both dialects: the query columns of ``claims`` (the
claimant's words, the place's name and the evidence sentence are copies of the claim's JSON,
migration ``0008``), and for hedges a path into the JSON (an array's membership, which differs
between dialects: ``dialect.json_array_has``). Like
:meth:`Store.claims`, only the newest extractor version's claims of each document are shown,
in ingest order, then by position in the document. The review state of a claim is its latest
review's: ``unreviewed``, ``accepted``, ``rejected`` or ``corrected``.

What changes only when claims or reviews are written is kept per store object and input
revision (``store.runs``: every such write moves it, in any process; each search reads it
first): the older extractor versions, and how many claims each recent filter matched.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sqlalchemy import ColumnElement, Connection, func, or_, select, tuple_

from warmonitor.model import Claim
from warmonitor.store import dialect
from warmonitor.store.records import Review
from warmonitor.store.runs import StoreStateRow
from warmonitor.store.schema import ClaimRow, ReviewRow
from warmonitor.store.versions import newest_extractors

__all__ = ["ClaimFilter", "ClaimHit", "ClaimSearchStore"]

_STATE_OF_ACTION = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What to look for; every field given narrows the search.

    ``claimant`` and ``text`` match anywhere, ignoring case (ASCII case on SQLite); ``place``
    is a country code (two letters) or words of the place's name; ``start``/``end`` keep the
    claims whose period meets that range; ``violation`` (a type shown anywhere in the claim),
    ``perpetrator_kind`` and ``victim`` (words of the victims' identity) match the claim's
    JSON, as ``violation_filters.ViolationFilter`` does.
    """

    document_id: str | None = None
    outcome: str | None = None
    victim_group: str | None = None
    claimant: str | None = None
    place: str | None = None
    start: date | None = None
    end: date | None = None
    hedge: str | None = None
    review_state: str | None = None
    text: str | None = None
    violation: str | None = None
    perpetrator_kind: str | None = None
    victim: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimHit:
    """A claim as the machine read it, with its latest review (``None``: unreviewed)."""

    claim: Claim
    review: Review | None

    @property
    def review_state(self) -> str:
        return "unreviewed" if self.review is None else _STATE_OF_ACTION[self.review.action]


class ClaimSearchStore:
    """The store's claim search (a mixin of ``Store``)."""

    if TYPE_CHECKING:

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def review_states(self) -> dict[str, str]:
        """The state of every reviewed claim (``accepted``, ``rejected``, ``corrected``), by
        id: its latest review's."""
        latest = select(func.max(ReviewRow.id)).group_by(ReviewRow.claim_id)
        query = select(ReviewRow.claim_id, ReviewRow.action).where(ReviewRow.id.in_(latest))
        with self._reading() as connection:
            return {r.claim_id: _STATE_OF_ACTION[r.action] for r in connection.execute(query)}

    def find_claims(
        self, where: ClaimFilter, *, limit: int = 50, offset: int = 0
    ) -> tuple[int, list[ClaimHit]]:
        """How many claims match ``where``, and ``limit`` of them from ``offset``."""
        latest = (
            select(ReviewRow.claim_id, func.max(ReviewRow.id).label("review_id"))
            .group_by(ReviewRow.claim_id)
            .subquery("latest_review")
        )
        with self._reading() as connection:
            revision, stale = _stale_versions(self, connection)
            conditions = [*stale, *_conditions(where, connection)]
            state = _state_condition(where.review_state, latest)
            total = _total(self, revision, where)
            if total is None:
                base = select(ClaimRow.id).where(*conditions)
                if state:
                    base = base.outerjoin(latest, latest.c.claim_id == ClaimRow.id).where(*state)
                count = select(func.count()).select_from(base.subquery("matching"))
                total = int(connection.scalar(count) or 0)
                _remember_total(self, revision, where, total)
            if offset >= total:
                return total, []
            # The page's ids are found in order first; the claims' data is read for those rows
            # alone, so the sort never carries it.
            # The listing order's columns are all the claim's (its document's ingest time is
            # copied onto it, migration 0012) and one index holds them in that order: the
            # database walks it and stops when the page is filled, instead of sorting every
            # matching claim.
            keys = (
                ClaimRow.id.label("chosen_id"),
                ClaimRow.document_ingested_at.label("chosen_at"),
                ClaimRow.document_id.label("chosen_document"),
                ClaimRow.evidence_start.label("chosen_start"),
            )
            matching = select(*keys).where(*conditions)
            if state:  # the latest reviews are joined only to filter by them
                matching = matching.outerjoin(latest, latest.c.claim_id == ClaimRow.id).where(
                    *state
                )
            if where.start and where.end and total <= SORTED_AT_MOST:
                # A date range: the planner cannot know how few claims meet both ends (it
                # guesses a fifth of them, correlated ends multiplied) and walks every
                # document in ingest order to fill a page. Few match: find them all, then
                # sort (``OFFSET 0`` keeps the two steps apart).
                fenced = matching.offset(0).subquery("matching")
                matching = select(*(fenced.c[k.name] for k in keys))
            ordered = matching.subquery("ordered_keys")
            chosen = (
                select(ordered)
                .order_by(
                    ordered.c.chosen_at,
                    ordered.c.chosen_document,
                    ordered.c.chosen_start,
                    ordered.c.chosen_id,
                )
                .limit(limit)
                .offset(offset)
                .subquery("chosen")
            )
            page = (
                select(ClaimRow.data, ReviewRow)
                .join(chosen, chosen.c.chosen_id == ClaimRow.id)
                .outerjoin(latest, latest.c.claim_id == ClaimRow.id)
                .outerjoin(ReviewRow, ReviewRow.id == latest.c.review_id)
                .order_by(
                    chosen.c.chosen_at,
                    chosen.c.chosen_document,
                    chosen.c.chosen_start,
                    chosen.c.chosen_id,
                )
            )
            rows = connection.execute(page).mappings().all()
        return total, [ClaimHit(Claim.from_dict(r["data"]), _review(r)) for r in rows]


#: At most this many claims in a date range are found first and then sorted for a page (see
#: ``find_claims``); more are read in ingest order, as the planner chooses.
SORTED_AT_MOST = 20_000


def _review(row: Any) -> Review | None:
    """The latest review joined to a claim's row, ``None`` for a claim never reviewed."""
    return None if row["id"] is None else Review.from_row(row)


@dataclass(frozen=True, slots=True)
class _Stale:
    """The older extractor versions at one input revision: those newest for no document, and
    the (document, extractor) pairs of the rest."""

    revision: int
    never: list[str]
    rest: list[tuple[str, str]]


# Finding the older versions reads a row per document and extractor (30,000 at 100,000
# claims: a third of a second); they change only when claims are written, which moves the
# store's input revision (``store.runs``), so they are kept per store object and revision.
_stale: WeakKeyDictionary[object, _Stale] = WeakKeyDictionary()


@dataclass(slots=True)
class _Totals:
    """How many claims matched each filter at one input revision (a page's count scans
    tens of thousands of rows; paging through one filter asks it again and again)."""

    revision: int
    counts: dict[ClaimFilter, int]


_totals: WeakKeyDictionary[object, _Totals] = WeakKeyDictionary()
_totals_lock = threading.Lock()  # the server's threads share a store
#: Filters whose totals are kept per store object, the latest; all go when the revision moves.
TOTALS_KEPT = 256


def _total(owner: object, revision: int, where: ClaimFilter) -> int | None:
    with _totals_lock:
        known = _totals.get(owner)
        if known is None or known.revision != revision:
            return None
        return known.counts.get(where)


def _remember_total(owner: object, revision: int, where: ClaimFilter, total: int) -> None:
    """Keep ``total`` for ``where`` at ``revision``. Every write of claims or reviews moves
    the store's input revision (``store.runs``), in whichever process it happens, and each
    search reads the revision first: a total is never used once a write is committed."""
    with _totals_lock:
        known = _totals.get(owner)
        if known is None or known.revision != revision:
            if known is not None and known.revision > revision:
                return  # a slower request's older count
            known = _Totals(revision, {})
            _totals[owner] = known
        counts = known.counts
        while len(counts) >= TOTALS_KEPT:
            del counts[next(iter(counts))]
        counts[where] = total


def _stale_versions(owner: object, connection: Connection) -> tuple[int, list[ColumnElement[bool]]]:
    """The input revision, and conditions leaving out the claims of each document's older
    extractor versions (as ``Store.claims(latest_only=True)``): a version newest nowhere by
    name, the rest by pair."""
    revision = int(connection.scalar(select(StoreStateRow.revision)) or 0)
    known = _stale.get(owner)
    if known is None or known.revision != revision:
        query = select(
            ClaimRow.document_id, ClaimRow.extractor, func.max(ClaimRow.created_at).label("at")
        ).group_by(ClaimRow.document_id, ClaimRow.extractor)
        pairs = [(r.document_id, r.extractor, r.at) for r in connection.execute(query)]
        newest = newest_extractors(pairs)
        winners = set(newest.values())
        stale = [(doc, extractor) for doc, extractor, _ in pairs if newest[doc] != extractor]
        never = sorted({extractor for _, extractor in stale} - winners)
        rest = [pair for pair in stale if pair[1] not in never]
        known = _Stale(revision, never, rest)
        _stale[owner] = known
    never, rest = known.never, known.rest
    out: list[ColumnElement[bool]] = []
    if never:
        out.append(ClaimRow.extractor.not_in(never))
    if rest:
        out.append(tuple_(ClaimRow.document_id, ClaimRow.extractor).not_in(rest))
    return revision, out


def _conditions(where: ClaimFilter, connection: Connection) -> list[ColumnElement[bool]]:
    data = ClaimRow.data
    out: list[ColumnElement[bool]] = []
    if where.document_id is not None:
        out.append(ClaimRow.document_id == where.document_id)
    if where.outcome is not None:
        out.append(ClaimRow.outcome == where.outcome)
    if where.victim_group is not None:
        out.append(ClaimRow.victims_group == where.victim_group)
    if where.claimant:
        out.append(
            or_(
                ClaimRow.claimant_name.icontains(where.claimant, autoescape=True),
                ClaimRow.claimant_text.icontains(where.claimant, autoescape=True),
            )
        )
    if where.place:
        words = ClaimRow.place_name.icontains(where.place, autoescape=True)
        code = where.place.strip()
        out.append(
            or_(ClaimRow.country == code.upper(), words)
            if len(code) == 2 and code.isalpha()
            else words
        )
    postgres = connection.dialect.name == "postgresql"
    if postgres and where.start is not None and where.end is not None:
        out += _period_span(where.start, where.end)
    if where.start is not None:
        out.append(func.coalesce(ClaimRow.period_end, ClaimRow.period_start) >= where.start)
    if where.end is not None:
        out.append(func.coalesce(ClaimRow.period_start, ClaimRow.period_end) <= where.end)
    if where.hedge is not None:
        out.append(dialect.json_array_has(data, "hedges", where.hedge, connection.dialect))
    if where.text:
        out.append(ClaimRow.sentence.icontains(where.text, autoescape=True))
    if where.violation:
        out.append(
            dialect.json_objects_have(
                data, "violations", "type", where.violation, connection.dialect
            )
        )
    if where.perpetrator_kind:
        out.append(data[("perpetrator", "kind")].as_string() == where.perpetrator_kind)
    if where.victim:
        victim = where.victim
        out.append(
            or_(
                *(
                    data[("victim_identity", key)].as_string().icontains(victim, autoescape=True)
                    for key in ("text", "community", "occupation", "status", "age_sex")
                )
            )
        )
    return out


def _period_span(start: date, end: date) -> list[ColumnElement[bool]]:
    """On PostgreSQL, the claims whose period as a range of dates overlaps ``start``..``end``,
    as the GiST index of migration ``0013`` holds them (its expression and predicate): more
    than the exact conditions keep, never fewer, so that the index finds the candidates."""
    begins = func.coalesce(ClaimRow.period_start, ClaimRow.period_end)
    reaches = func.coalesce(ClaimRow.period_end, ClaimRow.period_start)
    span = func.daterange(func.least(begins, reaches), func.greatest(begins, reaches), "[]")
    wanted = func.daterange(start, end, "[]")
    return [begins.is_not(None), span.op("&&")(wanted)]


def _state_condition(state: str | None, latest: Any) -> list[ColumnElement[bool]]:
    if state is None:
        return []
    if state == "unreviewed":
        return [latest.c.review_id.is_(None)]
    action = {v: k for k, v in _STATE_OF_ACTION.items()}[state]
    chosen = select(ReviewRow.id).where(ReviewRow.action == action)
    return [latest.c.review_id.in_(chosen)]
