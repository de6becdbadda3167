"""The types reconciliation gives back: incidents, their tallies, checks and timeline.

Plain, frozen and typed like ``warmonitor.model``; ``to_dict`` is the JSON of
``warmonitor incidents --format json`` and of the JSON export (``docs/RECONCILE.md``). Every
number carries the ids of the claims behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, get_args

from warmonitor.model import Count, Place

__all__ = [
    "ACTIONS",
    "CHECK_KINDS",
    "Action",
    "Aside",
    "Check",
    "CheckKind",
    "Decision",
    "Estimate",
    "IdentityCount",
    "Incident",
    "PerpetratorCount",
    "Series",
    "SeriesPoint",
    "SourceFigure",
    "Tally",
    "Total",
    "ViolationCount",
    "Violations",
]

Action = Literal["merge", "split", "move"]
ACTIONS: tuple[str, ...] = get_args(Action)

CheckKind = Literal["parts", "subset", "conflict", "revision"]
CHECK_KINDS: tuple[str, ...] = get_args(CheckKind)
_MARKS = ("projection", "estimate")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's decision, stated in claims so that it survives re-grouping.

    * ``merge``: the ``claim_ids`` (every claim of the incidents merged) belong together.
    * ``split``: the ``claim_ids`` leave their incident and form one of their own.
    * ``move``: the ``claim_ids`` (usually one) join the incident holding ``target_claim_ids``.
    """

    action: Action
    claim_ids: tuple[str, ...]
    target_claim_ids: tuple[str, ...] = ()
    id: int | None = None
    analyst: str | None = None
    created_at: datetime | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"decision action must be one of {', '.join(ACTIONS)}")
        if not self.claim_ids:
            raise ValueError("a decision needs at least one claim")
        if self.action == "move" and not self.target_claim_ids:
            raise ValueError("a move needs the claims of its target incident")


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One independent claimant's current figure for an outcome and victim group.

    ``claim_ids`` are the claim that states it and every repetition of the same figure by the
    same claimant (other outlets, other days); ``superseded`` are the claimant's other figures.
    """

    claimant: str
    kind: str
    count: Count
    as_of: date | None
    claim_ids: tuple[str, ...]
    superseded: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    vague: bool = False
    used: bool = True

    @property
    def value(self) -> int:
        """The point value: the number as written, the lower bound of a vague word."""
        return self.count.low if self.vague else self.count.best

    @property
    def upper(self) -> int:
        """The highest value the figure states (its point value when it has no bound)."""
        return self.count.high if self.count.high is not None else self.value

    @property
    def marks(self) -> tuple[str, ...]:
        """``projection`` ("could exceed 1,000"), ``estimate`` ("an estimated 300")."""
        return tuple(h for h in _MARKS if h in self.hedges)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimant": self.claimant,
            "kind": self.kind,
            "value": self.value,
            "count": self.count.to_dict(),
            "as_of": _iso(self.as_of),
            "claims": list(self.claim_ids),
            "superseded": list(self.superseded),
            "outlets": list(self.outlets),
            "hedges": list(self.hedges),
            "marks": list(self.marks),
            "vague": self.vague,
            "used": self.used,
        }


@dataclass(frozen=True, slots=True)
class Aside:
    """A figure of an incident that is not its toll, kept beside the tallies and never in them.

    ``role`` ``part``: a part of the event, by ``scope``: ``share`` (a part the report states
    of a total of the same victims), ``place`` (a town's figure inside a province's), ``day``
    (one day's figure inside a longer period's) or ``aggregate`` (a country's or a whole war's
    running total, wider than the event), ``where`` naming the place or the day and
    ``total`` the claim of the figure it is a part of. ``role`` ``projection``: a toll foreseen
    ("could exceed 1,000"). ``source`` is the claimant's latest such figure, as in a tally.
    """

    role: str  # "part" | "projection"
    outcome: str
    group: str
    source: SourceFigure
    scope: str | None = None  # "share" | "place" | "day" | "aggregate"
    where: str | None = None
    total: str | None = None
    stated: bool = False  # the report itself states it as a part of its total (part_of)

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "outcome": self.outcome,
            "group": self.group,
            "scope": self.scope,
            "where": self.where,
            "total": self.total,
            "stated": self.stated,
            **self.source.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Estimate:
    """One of low / best / high: a value, how it reads, and the claims and claimants behind it.

    ``open`` is true when the figure is a lower bound ("at least 200").
    """

    value: int
    text: str
    claim_ids: tuple[str, ...]
    claimants: tuple[str, ...]
    open: bool = False
    hedges: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "text": self.text,
            "open": self.open,
            "claimants": list(self.claimants),
            "claims": list(self.claim_ids),
            "hedges": list(self.hedges),
        }


@dataclass(frozen=True, slots=True)
class Tally:
    """Low / best / high for one outcome and victim group of an incident, with its sources."""

    outcome: str
    group: str
    low: Estimate
    best: Estimate
    high: Estimate
    sources: tuple[SourceFigure, ...]
    policy: str

    @property
    def claim_ids(self) -> tuple[str, ...]:
        """Every claim of this outcome and group, superseded ones included."""
        ids = [i for s in self.sources for i in (*s.claim_ids, *s.superseded)]
        return tuple(dict.fromkeys(ids))

    @property
    def hedged(self) -> bool:
        return any(s.hedges for s in self.sources if s.used)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "group": self.group,
            "policy": self.policy,
            "low": self.low.to_dict(),
            "best": self.best.to_dict(),
            "high": self.high.to_dict(),
            "hedged": self.hedged,
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class Total:
    """All victims of one outcome: the ``people`` tally or the sum of the groups, the larger.

    ``basis`` says which ("people", "groups": the groups' sum, "both": they agree).
    """

    outcome: str
    low: int
    best: int
    high: int
    open: bool
    basis: str
    claim_ids: tuple[str, ...]
    by_group: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "open": self.open,
            "basis": self.basis,
            "by_group": dict(self.by_group),
            "claims": list(self.claim_ids),
        }


@dataclass(frozen=True, slots=True)
class Check:
    """The result of one consistency check; ``ok`` false makes it a flag for an analyst."""

    kind: CheckKind
    ok: bool
    message: str
    claim_ids: tuple[str, ...]
    outcome: str | None = None
    group: str | None = None
    detail: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ok": self.ok,
            "message": self.message,
            "outcome": self.outcome,
            "group": self.group,
            "claims": list(self.claim_ids),
            **dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """A figure a claimant gave as of a date (its statement date, else its publication date)."""

    as_of: date | None
    basis: str  # "said_on" | "published" | "earlier" | "unknown"
    value: int
    text: str
    claim_ids: tuple[str, ...]
    documents: tuple[str, ...] = ()  # the reports that give it
    outlets: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()  # "estimate"

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": _iso(self.as_of),
            "basis": self.basis,
            "value": self.value,
            "text": self.text,
            "claims": list(self.claim_ids),
            "documents": list(self.documents),
            "outlets": list(self.outlets),
            "marks": list(self.marks),
        }


@dataclass(frozen=True, slots=True)
class Series:
    """One claimant's figures for one outcome and group over time, oldest first."""

    outcome: str
    group: str
    claimant: str
    points: tuple[SeriesPoint, ...]
    summary: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "group": self.group,
            "claimant": self.claimant,
            "summary": self.summary,
            "points": [p.to_dict() for p in self.points],
        }


@dataclass(frozen=True, slots=True)
class ViolationCount:
    """A violation type of an incident: how many of its reports state it, and the words of
    the first (``docs/VIOLATIONS.md``)."""

    type: str
    reports: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "reports": self.reports, "text": self.text}


@dataclass(frozen=True, slots=True)
class PerpetratorCount:
    """A perpetrator as the incident's reports state it, with its kind and how many state it."""

    name: str | None
    text: str
    kind: str
    reports: int
    actor: str | None = None
    own_claim: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "text": self.text,
            "kind": self.kind,
            "reports": self.reports,
            "actor": self.actor,
            "own_claim": self.own_claim,
        }


@dataclass(frozen=True, slots=True)
class IdentityCount:
    """The victims' identity as the incident's reports state it, and how many state it."""

    text: str
    reports: int
    community: str | None = None
    occupation: str | None = None
    status: str | None = None
    age_sex: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "reports": self.reports,
            "community": self.community,
            "occupation": self.occupation,
            "status": self.status,
            "age_sex": self.age_sex,
        }


@dataclass(frozen=True, slots=True)
class Violations:
    """What was done, by whom, to whom across an incident's claims, the most stated first."""

    types: tuple[ViolationCount, ...] = ()
    perpetrators: tuple[PerpetratorCount, ...] = ()
    victim_identity: tuple[IdentityCount, ...] = ()

    @property
    def main(self) -> str | None:
        """The type most reports state."""
        return self.types[0].type if self.types else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "types": [t.to_dict() for t in self.types],
            "perpetrators": [p.to_dict() for p in self.perpetrators],
            "victim_identity": [v.to_dict() for v in self.victim_identity],
        }


@dataclass(frozen=True, slots=True)
class Incident:
    """Claims from one or more documents about one event, reconciled.

    Derived data: recomputed from the claims and the analysts' decisions by every
    reconciliation, its ``id`` kept from one run to the next by overlap of claims.
    """

    id: str
    claim_ids: tuple[str, ...]
    document_ids: tuple[str, ...]
    place: Place | None
    places: tuple[str, ...]
    start: date | None
    end: date | None
    policy: str
    tallies: tuple[Tally, ...] = ()
    totals: tuple[Total, ...] = ()
    checks: tuple[Check, ...] = ()
    timeline: tuple[Series, ...] = ()
    outlets: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    decisions: tuple[int, ...] = field(default=())
    reports: tuple[str, ...] = ()  # documents whose main event this incident is
    voices: tuple[tuple[str, str], ...] = ()  # (claim id, its claimant as this incident names it)
    parts: tuple[Aside, ...] = ()  # figures of parts of the event (a day, a town, a share)
    projections: tuple[Aside, ...] = ()  # tolls foreseen, not counted
    copies: tuple[tuple[str, ...], ...] = ()  # documents that are copies of one report
    violations: Violations = Violations()  # what was done, by whom, to whom (its claims')

    @property
    def flags(self) -> tuple[Check, ...]:
        """The checks that failed: what an analyst should look at."""
        return tuple(c for c in self.checks if not c.ok)

    @property
    def hedges(self) -> dict[str, tuple[str, ...]]:
        """The hedges on the claimants' current figures, by claimant."""
        out: dict[str, list[str]] = {}
        for tally in self.tallies:
            for source in tally.sources:
                for hedge in source.hedges:
                    out.setdefault(source.claimant, [])
                    if hedge not in out[source.claimant]:
                        out[source.claimant].append(hedge)
        return {name: tuple(words) for name, words in out.items()}

    def tally(self, outcome: str, group: str) -> Tally | None:
        """The tally of ``outcome`` and ``group``, if any claim gives one."""
        for t in self.tallies:
            if t.outcome == outcome and t.group == group:
                return t
        return None

    def total(self, outcome: str) -> Total | None:
        """All victims of ``outcome``, if any claim counts them."""
        for t in self.totals:
            if t.outcome == outcome:
                return t
        return None

    @property
    def label(self) -> str:
        """A short human name: place and dates."""
        where = self.place.name if self.place else "unknown place"
        if self.start and self.end and self.start != self.end:
            return f"{where}, {self.start.isoformat()} to {self.end.isoformat()}"
        when = self.start or self.end
        return f"{where}, {when.isoformat()}" if when else where

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "policy": self.policy,
            "place": self.place.to_dict() if self.place else None,
            "places": list(self.places),
            "start": _iso(self.start),
            "end": _iso(self.end),
            "totals": [t.to_dict() for t in self.totals],
            "tallies": [t.to_dict() for t in self.tallies],
            "flags": [c.to_dict() for c in self.flags],
            "checks": [c.to_dict() for c in self.checks],
            "hedges": {k: list(v) for k, v in self.hedges.items()},
            "timeline": [s.to_dict() for s in self.timeline],
            "parts": [a.to_dict() for a in self.parts],
            "projections": [a.to_dict() for a in self.projections],
            "copies": [list(c) for c in self.copies],
            "claimants": list(self.claimants),
            "outlets": list(self.outlets),
            "documents": list(self.document_ids),
            "reports": list(self.reports),
            "voices": dict(self.voices),
            "claims": list(self.claim_ids),
            "decisions": list(self.decisions),
            "violations": self.violations.to_dict(),
        }
