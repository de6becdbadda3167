"""The domain types of warmonitor: plain, typed, immutable, no I/O.

A :class:`Claim` is one figure asserted in one sentence; its JSON form (``Claim.to_dict``) is the
export and API contract written in ``docs/CLAIMS.md``. Every other type here is a part of a claim
or of the document it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, get_args

__all__ = [
    "OUTCOMES",
    "PERPETRATOR_KINDS",
    "PRECISION_RANK",
    "Claim",
    "Claimant",
    "ClaimantKind",
    "Count",
    "Document",
    "Evidence",
    "Outcome",
    "Period",
    "Perpetrator",
    "PerpetratorKind",
    "Place",
    "Precision",
    "ReportEvent",
    "VictimIdentity",
    "Victims",
    "Violation",
    "document_id_for",
]

Outcome = Literal["killed", "injured", "missing", "detained", "kidnapped", "displaced"]
OUTCOMES: tuple[str, ...] = get_args(Outcome)

ClaimantKind = Literal[
    "monitor",
    "government",
    "military",
    "medical",
    "media",
    "armed_group",
    "witness",
    "international",
    "unnamed",
]
CLAIMANT_KINDS: tuple[str, ...] = get_args(ClaimantKind)

#: Who a perpetrator is (``docs/VIOLATIONS.md``): a state's forces, a militia allied to one, a
#: non-state armed group, a force or group acting outside its home, or no one named.
PerpetratorKind = Literal["state", "state_allied", "non_state", "transnational", "unknown"]
PERPETRATOR_KINDS: tuple[str, ...] = get_args(PerpetratorKind)

Precision = Literal["point", "neighbourhood", "city", "district", "admin1", "region", "country"]
#: Place precisions from the most specific (0) to the coarsest.
PRECISION_RANK: dict[str, int] = {name: i for i, name in enumerate(get_args(Precision))}


@dataclass(frozen=True, slots=True)
class Count:
    """A figure as an interval ``[low, high]``; ``high`` is ``None`` when the interval is open.

    ``text`` keeps the words of the report ("More than 1,000"); ``approximate`` is true for
    "about", "nearly", "some" and the like, where ``low == high`` is only the stated figure.
    """

    low: int
    high: int | None
    text: str
    approximate: bool = False
    stated: int | None = None  # the number as written: 1000 in "more than 1,000"

    def __post_init__(self) -> None:
        if self.low < 0:
            raise ValueError(f"count low must be >= 0, got {self.low}")
        if self.high is not None and self.high < self.low:
            raise ValueError(f"count high {self.high} is below low {self.low}")

    @property
    def exact(self) -> bool:
        """True when the report states one number without qualifier or vagueness."""
        return self.high == self.low and not self.approximate

    @property
    def open(self) -> bool:
        """True for "at least N", "more than N": no upper bound."""
        return self.high is None

    @property
    def best(self) -> int:
        """One point value: the number as written ("more than 20" → 20), else the lower bound.

        This is how analysts code a single figure (ACLED, the WAD and FA-KES coders alike).
        """
        return self.stated if self.stated is not None else self.low

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "low": self.low,
            "high": self.high,
            "text": self.text,
            "approximate": self.approximate,
        }
        if self.stated is not None:
            out["stated"] = self.stated
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Count:
        stated = data.get("stated")
        return cls(
            int(data["low"]),
            None if data.get("high") is None else int(data["high"]),
            str(data.get("text", "")),
            bool(data.get("approximate", False)),
            None if stated is None else int(stated),
        )


@dataclass(frozen=True, slots=True)
class Victims:
    """Who was hit: a normalised ``group`` and the words of the report."""

    group: str
    text: str
    side: str | None = None  # "pro-Assad", "government" … when the report names an allegiance

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"group": self.group, "text": self.text}
        if self.side:
            out["side"] = self.side
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Victims:
        return cls(str(data["group"]), str(data.get("text", "")), data.get("side"))


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who makes the claim: a canonical ``name``, the words used here, and a ``kind``.

    ``name`` is ``None`` for an unnamed source ("a security source"); the outlet speaking in its
    own voice has ``kind == "media"`` and its own name when known.
    """

    name: str | None
    text: str
    kind: str = "unnamed"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claimant:
        return cls(data.get("name"), str(data.get("text", "")), str(data.get("kind", "unnamed")))


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place; ``geonames_id`` is ``None`` for a region the gazetteer does not hold."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    admin1: str | None = None
    precision: str = "city"
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonames_id": self.geonames_id,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(
            name=str(data["name"]),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            geonames_id=data.get("geonames_id"),
            admin1=data.get("admin1"),
            precision=str(data.get("precision", "city")),
            text=str(data.get("text", "")),
        )


@dataclass(frozen=True, slots=True)
class Period:
    """When it happened: ``start``/``end`` dates (inclusive) and the words that said so."""

    start: date | None
    end: date | None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Period:
        start, end = data.get("start"), data.get("end")
        return cls(
            date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None,
            str(data.get("text", "")),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a claim came from, with its character offsets in the document text."""

    sentence: str
    start: int
    end: int
    figure: tuple[int, int] | None = None  # the count's offsets in the document text
    trigger: tuple[int, int] | None = None  # the outcome word's offsets ("killed")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sentence": self.sentence, "start": self.start, "end": self.end}
        if self.figure is not None:
            out["figure"] = list(self.figure)
        if self.trigger is not None:
            out["trigger"] = list(self.trigger)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        figure, trigger = data.get("figure"), data.get("trigger")
        return cls(
            str(data["sentence"]),
            int(data["start"]),
            int(data["end"]),
            (int(figure[0]), int(figure[1])) if figure else None,
            (int(trigger[0]), int(trigger[1])) if trigger else None,
        )


@dataclass(frozen=True, slots=True)
class Violation:
    """One violation type (``docs/VIOLATIONS.md``) and the words of the report that show it."""

    type: str  # summary_execution, massacre, shelling, air_strike, abduction …
    text: str
    start: int = -1  # the words' offsets in the document text (-1 when not located)
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Violation:
        start, end = int(data.get("start", -1)), int(data.get("end", -1))
        return cls(str(data["type"]), str(data.get("text", "")), start, end)


@dataclass(frozen=True, slots=True)
class Perpetrator:
    """Who did it as the report states it (``text``), its name as a label and its ``kind``:
    ``state``, ``state_allied``, ``non_state``, ``transnational`` or ``unknown``. ``own_claim``
    marks a perpetrator's own statement about its victims ("30 terrorists were neutralised").
    ``actor`` is the registry's actor id where the name resolves to one."""

    name: str | None
    text: str
    kind: str = "unknown"
    own_claim: bool = False
    actor: str | None = None
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "text": self.text,
            "kind": self.kind,
            "own_claim": self.own_claim,
            "actor": self.actor,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Perpetrator:
        return cls(
            data.get("name"),
            str(data.get("text", "")),
            str(data.get("kind", "unknown")),
            bool(data.get("own_claim", False)),
            data.get("actor"),
            int(data.get("start", -1)),
            int(data.get("end", -1)),
        )


@dataclass(frozen=True, slots=True)
class VictimIdentity:
    """Who the victims were beyond their number, as stated: the words (``text``) and what they
    tell: community (religion, sect, ethnicity), occupation, status, age and sex."""

    text: str
    community: str | None = None
    occupation: str | None = None
    status: str | None = None
    age_sex: str | None = None
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "community": self.community,
            "occupation": self.occupation,
            "status": self.status,
            "age_sex": self.age_sex,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VictimIdentity:
        return cls(
            str(data.get("text", "")),
            data.get("community"),
            data.get("occupation"),
            data.get("status"),
            data.get("age_sex"),
            int(data.get("start", -1)),
            int(data.get("end", -1)),
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure asserted in one sentence: the unit of record. Never overwritten once stored."""

    id: str
    document_id: str
    outcome: str
    count: Count
    victims: Victims
    claimant: Claimant
    evidence: Evidence
    extractor: str
    reported_by: str | None = None
    hedges: tuple[str, ...] = ()
    place: Place | None = None
    period: Period | None = None
    said_on: date | None = None
    part_of: str | None = None
    cumulative: bool = False
    earlier: bool = False  # a statement the report marks as earlier ("initially said")
    # What was done, by whom, to whom (docs/VIOLATIONS.md); the main type first.
    violations: tuple[Violation, ...] = ()
    perpetrator: Perpetrator | None = None
    victim_identity: VictimIdentity | None = None

    def with_(self, **changes: Any) -> Claim:
        """A copy with some fields changed (claims are immutable)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The claim as the JSON contract of ``docs/CLAIMS.md``."""
        return {
            "id": self.id,
            "document_id": self.document_id,
            "outcome": self.outcome,
            "count": self.count.to_dict(),
            "victims": self.victims.to_dict(),
            "claimant": self.claimant.to_dict(),
            "reported_by": self.reported_by,
            "hedges": list(self.hedges),
            "place": self.place.to_dict() if self.place else None,
            "period": self.period.to_dict() if self.period else None,
            "said_on": self.said_on.isoformat() if self.said_on else None,
            "part_of": self.part_of,
            "cumulative": self.cumulative,
            "earlier": self.earlier,
            "violations": [v.to_dict() for v in self.violations],
            "perpetrator": self.perpetrator.to_dict() if self.perpetrator else None,
            "victim_identity": self.victim_identity.to_dict() if self.victim_identity else None,
            "evidence": self.evidence.to_dict(),
            "extractor": self.extractor,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        said_on = data.get("said_on")
        return cls(
            id=str(data["id"]),
            document_id=str(data["document_id"]),
            outcome=str(data["outcome"]),
            count=Count.from_dict(data["count"]),
            victims=Victims.from_dict(data["victims"]),
            claimant=Claimant.from_dict(data["claimant"]),
            evidence=Evidence.from_dict(data["evidence"]),
            extractor=str(data["extractor"]),
            reported_by=data.get("reported_by"),
            hedges=tuple(data.get("hedges") or ()),
            place=Place.from_dict(data["place"]) if data.get("place") else None,
            period=Period.from_dict(data["period"]) if data.get("period") else None,
            said_on=date.fromisoformat(said_on) if said_on else None,
            part_of=data.get("part_of"),
            cumulative=bool(data.get("cumulative", False)),
            earlier=bool(data.get("earlier", False)),
            violations=tuple(Violation.from_dict(v) for v in data.get("violations") or ()),
            perpetrator=(
                Perpetrator.from_dict(data["perpetrator"]) if data.get("perpetrator") else None
            ),
            victim_identity=(
                VictimIdentity.from_dict(data["victim_identity"])
                if data.get("victim_identity")
                else None
            ),
        )


def document_id_for(text: str) -> str:
    """The content hash that identifies a document: same text, same id, stored once."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Document:
    """A report as read: its text and what is known of where and when it was published."""

    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None
    source: str | None = None  # the path or record id it was read from
    media_type: str = "text/plain"
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", document_id_for(self.text))

    @property
    def full_text(self) -> str:
        """The text claims are extracted from and their offsets point into."""
        return self.text


@dataclass(frozen=True, slots=True)
class ReportEvent:
    """What a report's main event is, as far as telling it apart from others needs.

    Read from one report when it is extracted (``extract.headline.event``) and kept beside its
    claims; reconciliation joins reports whose events match (``reconcile.events``). ``terms``
    are the report's distinctive words with their weights (names, sites, kinds of attack; the
    title and lead count more); ``places`` are its located places, most salient first;
    ``day`` is when the event happened as far as the report says, else ``None``;
    ``countries`` are the countries the report names about as often as its ``country`` (a
    report from Washington about Syria names both); ``aliases`` are what the report teaches
    of its sources' names: (name, alias) pairs such as ("Euphrates Rights Observatory",
    "Raqqa-based monitoring group") or (its name, its director's name);
    ``fingerprint`` is the MinHash of the report's text (``warmonitor.fingerprint``), which
    tells copies of one wire report on several sites apart from reports of their own.
    """

    document_id: str
    published: date | None = None
    day: date | None = None
    country: str | None = None
    places: tuple[Place, ...] = ()
    kinds: tuple[str, ...] = ()
    terms: tuple[tuple[str, float], ...] = ()
    fingerprint: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()

    @property
    def place(self) -> Place | None:
        """The most salient place of the event, if any."""
        return self.places[0] if self.places else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "published": self.published.isoformat() if self.published else None,
            "day": self.day.isoformat() if self.day else None,
            "country": self.country,
            "places": [p.to_dict() for p in self.places],
            "kinds": list(self.kinds),
            "terms": [[t, round(w, 4)] for t, w in self.terms],
            "fingerprint": list(self.fingerprint),
            "countries": list(self.countries),
            "aliases": [list(pair) for pair in self.aliases],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportEvent:
        published, day = data.get("published"), data.get("day")
        return cls(
            document_id=str(data["document_id"]),
            published=date.fromisoformat(published) if published else None,
            day=date.fromisoformat(day) if day else None,
            country=data.get("country"),
            places=tuple(Place.from_dict(p) for p in data.get("places") or ()),
            kinds=tuple(str(k) for k in data.get("kinds") or ()),
            terms=tuple((str(t), float(w)) for t, w in data.get("terms") or ()),
            fingerprint=tuple(int(h) for h in data.get("fingerprint") or ()),
            countries=tuple(str(c) for c in data.get("countries") or ()),
            aliases=tuple((str(n), str(a)) for n, a in data.get("aliases") or ()),
        )
