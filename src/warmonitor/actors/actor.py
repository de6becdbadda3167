"""The records of the actor registry: an :class:`Actor` (with :class:`Armed` where it acts as a
perpetrator), a :class:`Resolution` of a mention to one, and a :class:`Description` of a mention
that names no one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from warmonitor.model import CLAIMANT_KINDS, PERPETRATOR_KINDS

__all__ = ["MATCH_HOWS", "Actor", "Armed", "Description", "MatchHow", "Resolution"]

#: How a mention met its actor, from the surest to the loosest.
MatchHow = Literal["exact", "alias", "person", "acronym", "ministry", "contained", "hint"]
MATCH_HOWS: tuple[str, ...] = get_args(MatchHow)

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Armed:
    """How an armed group or force is found as a perpetrator (``docs/VIOLATIONS.md``).

    ``kind`` is its perpetrator kind (:data:`warmonitor.model.PERPETRATOR_KINDS` but
    ``unknown``); ``home`` the countries (alpha-2) it is at home in, acting elsewhere it is
    ``transnational`` (none: at home nowhere); ``pattern`` the regular expression of the ways
    news writes it ("ISIS|ISIL|Daesh|..."); ``label`` its name as a perpetrator where the
    naming convention of armed actors gives another than the actor's name.
    """

    kind: str
    pattern: str
    home: tuple[str, ...] = ()
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "home": list(self.home)}
        if self.label:
            out["label"] = self.label
        out["pattern"] = self.pattern
        return out


@dataclass(frozen=True, slots=True)
class Actor:
    """One organisation, body or group that speaks in reports.

    ``name`` is the canonical English name; ``aliases`` are other words that name this actor and
    no other ("SOHR", "the Britain-based monitor"); ``people`` are those whose quote is the actor
    speaking (directors, spokespeople); ``languages`` holds ``(language, name)`` pairs
    (``("ar", "المرصد السوري لحقوق الإنسان")``). ``country`` is ISO 3166 alpha-2, ``None`` for
    international bodies; ``kind`` is a :data:`warmonitor.model.ClaimantKind` value. ``armed``
    is set for an armed group or force that the perpetrator search finds (``Armed``).
    """

    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    languages: tuple[tuple[str, str], ...] = field(default=())
    armed: Armed | None = None

    def __post_init__(self) -> None:
        if not _SLUG.match(self.id):
            raise ValueError(
                f"actor id must be a lowercase slug like 'syrian-army', got {self.id!r}"
            )
        if not self.name.strip():
            raise ValueError(f"actor {self.id!r} has an empty name")
        if self.kind not in CLAIMANT_KINDS:
            kinds = ", ".join(CLAIMANT_KINDS)
            raise ValueError(f"actor {self.id!r} has kind {self.kind!r}; expected one of {kinds}")
        if self.country is not None and not _COUNTRY.match(self.country):
            raise ValueError(
                f"actor {self.id!r} has country {self.country!r}; expected ISO alpha-2 like 'SY'"
            )
        if self.armed is not None:
            self._check_armed(self.armed)

    def _check_armed(self, armed: Armed) -> None:
        kinds = [k for k in PERPETRATOR_KINDS if k != "unknown"]
        if armed.kind not in kinds:
            raise ValueError(
                f"actor {self.id!r} has perpetrator kind {armed.kind!r}; "
                f"expected one of {', '.join(kinds)}"
            )
        for code in armed.home:
            if not _COUNTRY.match(code):
                raise ValueError(
                    f"actor {self.id!r} has home country {code!r}; expected ISO alpha-2 like 'SY'"
                )
        if not armed.pattern:
            raise ValueError(f"actor {self.id!r} has an empty pattern")
        try:
            re.compile(armed.pattern)
        except re.error as exc:
            raise ValueError(
                f"actor {self.id!r} has a pattern that does not compile: {exc}"
            ) from exc

    @property
    def perpetrator_name(self) -> str:
        """The actor's name as a perpetrator: ``armed.label`` where set, else its name."""
        if self.armed is not None and self.armed.label:
            return self.armed.label
        return self.name

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the actor: canonical, aliases and names in other languages."""
        return (self.name, *self.aliases, *(n for _, n in self.languages))

    def to_dict(self) -> dict[str, Any]:
        """A plain dict, the registry's JSON form (empty lists left out)."""
        out: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind}
        out["country"] = self.country
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.people:
            out["people"] = list(self.people)
        if self.languages:
            langs: dict[str, list[str]] = {}
            for lang, name in self.languages:
                langs.setdefault(lang, []).append(name)
            out["languages"] = langs
        if self.armed is not None:
            out["armed"] = self.armed.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        """The inverse of :meth:`to_dict`."""
        langs = data.get("languages") or {}
        armed = data.get("armed")
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=str(data["kind"]),
            country=data.get("country"),
            aliases=tuple(str(a) for a in data.get("aliases") or ()),
            people=tuple(str(p) for p in data.get("people") or ()),
            languages=tuple((str(k), str(n)) for k, names in langs.items() for n in names),
            armed=_armed(data, armed) if armed is not None else None,
        )


def _armed(actor: dict[str, Any], data: dict[str, Any]) -> Armed:
    """The ``armed`` part of an actor's JSON; without a ``pattern``, its names as written."""
    pattern = data.get("pattern")
    if pattern is None:
        names = (actor["name"], *(actor.get("aliases") or ()))
        pattern = "|".join(re.escape(str(n)) for n in sorted(names, key=len, reverse=True))
    label = data.get("label")
    return Armed(
        kind=str(data.get("kind", "")),
        pattern=str(pattern),
        home=tuple(str(c) for c in data.get("home") or ()),
        label=str(label) if label else None,
    )


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention matched to an actor: ``how`` it matched, ``matched`` (the registry's words that
    met it) and a ``confidence`` in (0, 1]."""

    actor: Actor
    how: MatchHow
    confidence: float
    text: str
    matched: str


@dataclass(frozen=True, slots=True)
class Description:
    """A mention that names no one but says what kind of source speaks ("the war monitor").

    ``words`` is the normalised mention; ``head`` the cue that decided the kind ("monitor").
    """

    kind: str
    words: str
    head: str
