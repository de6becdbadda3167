"""The API's request and response bodies (pydantic): what OpenAPI documents.

Claims keep the contract of ``docs/CLAIMS.md`` field for field; incidents are summarised for
lists and given whole (``Incident.to_dict()``) for one incident.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ActorCorrectionIn",
    "ActorOut",
    "AuditEntryOut",
    "BulkReviewIn",
    "ClaimDetail",
    "ClaimItem",
    "ClaimOut",
    "DecisionOut",
    "DocumentCorrected",
    "DocumentOut",
    "DocumentPatch",
    "DocumentSummary",
    "DuplicateOut",
    "ErrorOut",
    "IncidentDetail",
    "IncidentSummary",
    "IngestOut",
    "LoginIn",
    "MergeIn",
    "MoveIn",
    "Page",
    "ReviewIn",
    "ReviewOut",
    "SessionOut",
    "SplitIn",
    "TokenIn",
    "TokenInfo",
    "TokenOut",
    "UrlIngestIn",
    "UserIn",
    "UserOut",
    "UserPatch",
]

T = TypeVar("T")
Role = Literal["viewer", "analyst", "admin"]
ReviewAction = Literal["accept", "reject", "correct"]
Outcome = Literal["killed", "injured", "missing", "detained", "kidnapped", "displaced"]
Policy = Literal["conservative", "median", "ranked"]


class ErrorOut(BaseModel):
    """What every refused request gets: why, in words."""

    detail: str | list[Any]


class Page(BaseModel, Generic[T]):
    """One page of a longer list: ``total`` items match, ``items`` start at ``offset``."""

    total: int
    limit: int
    offset: int
    items: list[T]


# -- access -------------------------------------------------------------------------------------


class UserOut(BaseModel):
    name: str
    role: Role
    disabled: bool
    created_at: datetime


class LoginIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class SessionOut(BaseModel):
    """The logged-in user; ``csrf_token`` goes in the ``X-CSRF-Token`` header of every
    state-changing request made with the session cookie (none with a bearer token)."""

    user: UserOut
    csrf_token: str | None = None


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=64, examples=["ana"])
    role: Role = "viewer"
    password: str = Field(min_length=10, max_length=1024)


class UserPatch(BaseModel):
    role: Role | None = None
    disabled: bool | None = None


class TokenIn(BaseModel):
    label: str | None = Field(default=None, max_length=200, examples=["laptop"])


class TokenOut(BaseModel):
    """A new bearer token: shown this once, only its hash is kept."""

    id: int
    user: str
    label: str | None
    created_at: datetime
    token: str


class TokenInfo(BaseModel):
    """A stored token: its id, whose, what for, when made and revoked."""

    id: int
    user: str
    label: str | None
    created_at: datetime
    revoked_at: datetime | None


class AuditEntryOut(BaseModel):
    id: int
    created_at: datetime
    user: str | None
    action: str
    target: str | None
    status: int | None
    client: str | None
    detail: dict[str, Any]


# -- documents and claims -----------------------------------------------------------------------


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    published: date | None
    publisher: str | None
    url: str | None
    source: str | None
    media_type: str
    ingested_at: datetime
    claims: int


class DocumentOut(DocumentSummary):
    text: str


class CountOut(BaseModel):
    low: int
    high: int | None
    text: str
    approximate: bool = False
    stated: int | None = None


class VictimsOut(BaseModel):
    group: str
    text: str
    side: str | None = None


class ClaimantOut(BaseModel):
    name: str | None
    text: str
    kind: str


class PlaceOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str = "city"
    text: str = ""


class PeriodOut(BaseModel):
    start: date | None
    end: date | None
    text: str = ""


class EvidenceOut(BaseModel):
    sentence: str
    start: int
    end: int
    figure: list[int] | None = None
    trigger: list[int] | None = None


class ClaimOut(BaseModel):
    """One claim, as the contract of docs/CLAIMS.md."""

    id: str
    document_id: str
    outcome: str
    count: CountOut
    victims: VictimsOut
    claimant: ClaimantOut
    reported_by: str | None = None
    hedges: list[str] = []
    place: PlaceOut | None = None
    period: PeriodOut | None = None
    said_on: date | None = None
    part_of: str | None = None
    cumulative: bool = False
    earlier: bool = False
    evidence: EvidenceOut
    extractor: str


class ReviewIn(BaseModel):
    """An analyst's judgement of a claim: why is required; ``correction`` (for 'correct'
    only) holds the corrected fields of the claim contract, e.g. ``{"count": {"low": 12,
    "high": 12, "text": "12"}}`` or ``{"outcome": "injured"}``."""

    action: ReviewAction
    reason: str = Field(min_length=1, max_length=4000)
    correction: dict[str, Any] | None = None


class BulkReviewIn(BaseModel):
    """One judgement of many claims (the review queue's bulk action): accept or reject, one
    reason; corrections are made one claim at a time."""

    claims: list[str] = Field(min_length=1, max_length=500)
    action: Literal["accept", "reject"]
    reason: str = Field(min_length=1, max_length=4000)


class ReviewOut(BaseModel):
    """A review: who, when, what (action, correction), why (reason)."""

    id: int
    claim_id: str
    action: ReviewAction
    reviewer: str
    created_at: datetime
    reason: str | None
    correction: dict[str, Any] | None


ReviewState = Literal["unreviewed", "accepted", "rejected", "corrected"]


class ClaimItem(BaseModel):
    """A claim as the machine read it, with its review state and latest review."""

    claim: ClaimOut
    review_state: ReviewState
    review: ReviewOut | None


class ClaimDetail(ClaimItem):
    """One claim: the machine's reading, the reviewed one (the latest correction applied;
    ``null`` when rejected) and every review, oldest first."""

    reviewed: ClaimOut | None
    reviews: list[ReviewOut]


# -- incidents and actors -----------------------------------------------------------------------


class TotalOut(BaseModel):
    outcome: str
    low: int
    best: int
    high: int
    open: bool


class FlagOut(BaseModel):
    kind: str
    message: str
    claims: list[str]


class SeriesPointOut(BaseModel):
    as_of: date | None
    basis: str
    value: int
    text: str
    claims: list[str]


class SeriesOut(BaseModel):
    """One claimant's figures for one outcome and group over time, oldest first."""

    outcome: str
    group: str
    claimant: str
    summary: str
    points: list[SeriesPointOut]


class ReviewCounts(BaseModel):
    """How many of the claims behind a figure analysts reviewed: tallies use the reviewed
    values (rejected claims are left out, so they are not counted here)."""

    accepted: int = 0
    corrected: int = 0


class IncidentSummary(BaseModel):
    id: str
    label: str
    policy: str
    place: PlaceOut | None
    start: date | None
    end: date | None
    totals: list[TotalOut]
    flags: list[FlagOut]
    claimants: list[str]
    series: list[SeriesOut]
    documents: int
    claims: int
    reviewed: ReviewCounts


class DuplicateOut(BaseModel):
    """Two incidents that may be one event (same place, near dates, a figure in common),
    proposed for an analyst to merge or leave apart; never merged by the machine."""

    incidents: list[IncidentSummary]
    reasons: list[str]


class IncidentDetail(IncidentSummary):
    """One incident: the summary, the whole reconciled incident (tallies with their sources,
    checks, parts, projections: ``Incident.to_dict()``) and its claims as reconciled."""

    incident: dict[str, Any]
    claim_list: list[ClaimOut]


class ActorLatest(BaseModel):
    outcome: str
    group: str
    figure: str
    as_of: date | None


class ActorOut(BaseModel):
    name: str
    id: str | None
    kind: str
    words: list[str]
    claims: int
    latest: list[ActorLatest]


# -- ingest -------------------------------------------------------------------------------------


class UrlIngestIn(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=50, examples=[["https://example.org/a"]])
    published: date | None = None
    publisher: str | None = Field(default=None, max_length=200)


class FailureOut(BaseModel):
    source: str
    reason: str


class IngestOut(BaseModel):
    """What an ingest did; a file or address that failed is named with the reason."""

    files: int
    documents_new: int
    documents_seen: int
    claims_added: int
    failures: list[FailureOut]


# -- analysts' corrections ----------------------------------------------------------------------

Reason = Field(min_length=1, max_length=4000, description="Why, for the record.")


class MergeIn(BaseModel):
    """Incidents (ids or their first characters) that are one event."""

    incidents: list[str] = Field(min_length=2, max_length=50)
    reason: str = Reason


class SplitIn(BaseModel):
    """Claims (ids or their first characters) to take out of the incident into a new one."""

    claims: list[str] = Field(min_length=1, max_length=500)
    reason: str = Reason


class MoveIn(BaseModel):
    """The incident (id or its first characters) the claim belongs to."""

    incident: str = Field(min_length=1, max_length=64)
    reason: str = Reason


class DecisionOut(BaseModel):
    """An analyst's merge, split or move, recorded and replayed by every reconciliation, with
    the incidents that now hold its claims."""

    id: int
    action: str
    analyst: str
    created_at: datetime
    reason: str | None
    claims: list[str]
    incidents: list[IncidentSummary]


FollowUpKind = Literal[
    "referred_to_court",
    "referred_to_inquiry",
    "referred_to_committee",
    "acknowledged",
    "denied",
    "compensated",
]


class FollowUpIn(BaseModel):
    """What happened next to the incident, on which day, who says so (``store.follow_ups``)."""

    model_config = ConfigDict(extra="forbid")

    kind: FollowUpKind
    date: date
    source: str | None = Field(default=None, max_length=4000)
    note: str | None = Field(default=None, max_length=4000)
    violation: str | None = Field(default=None, max_length=32)


class FollowUpOut(BaseModel):
    """A recorded follow-up of an incident."""

    id: int
    incident_id: str
    kind: str
    violation: str | None
    date: date
    source: str | None
    note: str | None
    analyst: str
    created_at: datetime


class ActorCorrectionIn(BaseModel):
    """``alias``: ``value`` names ``actor``; ``merge``: actor ``value`` is ``actor``;
    ``rename``: ``actor`` is called ``value``."""

    action: Literal["alias", "merge", "rename"]
    actor: str = Field(min_length=1, max_length=200, pattern=r"\S")
    value: str = Field(min_length=1, max_length=200, pattern=r"\S")
    reason: str = Reason


class DocumentPatch(BaseModel):
    """A document's metadata corrected (those given); its claims are extracted again."""

    published: date | None = None
    publisher: str | None = Field(default=None, min_length=1, max_length=200)
    url: str | None = Field(default=None, min_length=1, max_length=2000)
    reason: str = Reason


class DocumentCorrected(BaseModel):
    document: DocumentOut
    claims_rewritten: int
    claims_added: int
    claims_deleted: int
    claims_kept: int
