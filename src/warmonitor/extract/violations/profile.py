"""A report's violations as one record, and each claim's share of it.

``describe`` reads a document once: its violation types with their words (the main first),
PITF's weapon, the perpetrator and the victims' identity. ``annotate`` gives each claim what its
own sentence shows (so a claim is the same whichever segment of a long document read it);
``shift`` moves a claim's words into the whole document's offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from warmonitor.actors import ActorRegistry
from warmonitor.extract.gate import Words
from warmonitor.extract.violations.armed_groups import group_of
from warmonitor.extract.violations.classify import Reading, classify
from warmonitor.extract.violations.cues import Cue, find_cues
from warmonitor.extract.violations.identity import find_identity
from warmonitor.extract.violations.perpetrators import find_perpetrator
from warmonitor.model import Claim, Perpetrator, VictimIdentity, Violation

__all__ = ["Profile", "annotate", "describe", "shift"]


@dataclass(frozen=True, slots=True)
class Profile:
    """What was done, by whom, to whom, in one report (``docs/VIOLATIONS.md``)."""

    violations: tuple[Violation, ...] = ()  # the main type first
    weapon: str | None = None  # PITF's weapon label
    weapon_text: str | None = None
    perpetrator: Perpetrator | None = None
    victim_identity: VictimIdentity | None = None
    # every cue of the report, in order: what ``annotate`` reads each claim's sentence from
    cues: tuple[Cue, ...] = field(default=(), repr=False, compare=False)
    # the report's words (``gate.Words``): where a pattern may match it, or a sentence of it
    words: Words | None = field(default=None, repr=False, compare=False)

    @property
    def main(self) -> str | None:
        return self.violations[0].type if self.violations else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "violations": [v.to_dict() for v in self.violations],
            "weapon": self.weapon,
            "weapon_text": self.weapon_text,
            "perpetrator": self.perpetrator.to_dict() if self.perpetrator else None,
            "victim_identity": self.victim_identity.to_dict() if self.victim_identity else None,
        }


def describe(
    text: str,
    sentences: Sequence[tuple[int, int]] = (),
    *,
    country: str | None = None,
    words: Words | None = None,
) -> Profile:
    """The violations of a whole report; ``sentences`` mark its lead; ``words``: its words,
    where the caller has them."""
    words = Words(text) if words is None else words
    cues = find_cues(text, words=words)
    reading = classify(text, sentences, cues=cues, words=words)
    lead_end = _lead_end(sentences, len(text))
    perpetrator = find_perpetrator(text, country=country, words=words)
    return Profile(
        _violations(reading, 0),
        reading.weapon,
        reading.weapon_cue.text if reading.weapon_cue else None,
        _with_actor(perpetrator, country),
        find_identity(text, lead_end, doer=perpetrator.text if perpetrator else None, words=words),
        tuple(cues),
        words,
    )


_Share = tuple[tuple[Violation, ...], Perpetrator | None, VictimIdentity | None]


def annotate(
    claims: Sequence[Claim], text: str, profile: Profile, *, country: str | None = None
) -> list[Claim]:
    """Each claim with the violations, perpetrator and victim identity of its sentence.

    A sentence is read once whatever the number of its claims, from the report's cues
    (``profile.cues``, found once) where ``describe`` found them; one with no cue shows no
    violation and is not classified."""
    out: list[Claim] = []
    shares: dict[tuple[int, int], _Share] = {}
    cues = profile.cues or None
    for claim in claims:
        start, end = claim.evidence.start, claim.evidence.end
        share = shares.get((start, end))
        if share is None:
            share = shares[(start, end)] = _share(text, start, end, cues, country, profile.words)
        violations, perpetrator, sentence_identity = share
        identity = find_identity(claim.victims.text) if claim.victims.text else None
        if identity is not None:
            identity = _located(identity, text, start, end)
        else:
            identity = sentence_identity
        out.append(
            claim.with_(violations=violations, perpetrator=perpetrator, victim_identity=identity)
        )
    return out


def _share(
    text: str,
    start: int,
    end: int,
    cues: Sequence[Cue] | None,
    country: str | None,
    report_words: Words | None,
) -> _Share:
    """The violations, perpetrator and victim identity of the sentence at ``[start, end)``;
    the report's words serve its patterns (``Words.within``)."""
    sentence = text[start:end]
    words = report_words.within(start) if report_words else Words(sentence)
    if cues is None:
        own = find_cues(sentence, words=words)
    else:
        own = [Cue(c.type, c.start - start, c.end - start, c.text)
               for c in cues if start <= c.start and c.end <= end]  # fmt: skip
    violations = _violations(classify(sentence, cues=own, words=words), start) if own else ()
    found = find_perpetrator(sentence, country=country, words=words)
    perpetrator = _shifted(found, start)
    doer = found.text if found is not None else None
    identity = _shifted_identity(find_identity(sentence, doer=doer, words=words), start)
    return violations, _with_actor(perpetrator, country), identity


def shift(claim: Claim, offset: int) -> Claim:
    """A claim's violations, perpetrator and identity moved by ``offset`` characters."""
    if offset == 0:
        return claim
    identity = claim.victim_identity
    if identity is not None and identity.start >= 0:
        identity = _shifted_identity(identity, offset)
    perpetrator = claim.perpetrator
    if perpetrator is not None and perpetrator.start >= 0:
        perpetrator = _shifted(perpetrator, offset)
    return claim.with_(
        violations=tuple(
            Violation(v.type, v.text, v.start + offset, v.end + offset) for v in claim.violations
        ),
        perpetrator=perpetrator,
        victim_identity=identity,
    )


def _lead_end(sentences: Sequence[tuple[int, int]], length: int) -> int:
    if not sentences:
        return length
    end = sentences[0][1]
    if end - sentences[0][0] < 60 and len(sentences) > 1:
        end = sentences[1][1]
    return end


def _violations(reading: Reading, offset: int) -> tuple[Violation, ...]:
    return tuple(Violation(c.type, c.text, c.start + offset, c.end + offset) for c in reading.cues)


def _shifted(p: Perpetrator | None, offset: int) -> Perpetrator | None:
    if p is None:
        return None
    return Perpetrator(p.name, p.text, p.kind, p.own_claim, p.actor, p.start + offset,
                       p.end + offset)  # fmt: skip


def _shifted_identity(v: VictimIdentity | None, offset: int) -> VictimIdentity | None:
    if v is None:
        return None
    return VictimIdentity(v.text, v.community, v.occupation, v.status, v.age_sex,
                          v.start + offset, v.end + offset)  # fmt: skip


def _located(v: VictimIdentity, text: str, a: int, b: int) -> VictimIdentity:
    at = text.find(v.text, a, b)
    if at < 0:
        return VictimIdentity(v.text, v.community, v.occupation, v.status, v.age_sex)
    return VictimIdentity(v.text, v.community, v.occupation, v.status, v.age_sex, at,
                          at + len(v.text))  # fmt: skip


@lru_cache(maxsize=4096)
def _actor_id(name: str, country: str | None) -> str | None:
    group = group_of(name)  # a named group's spelling: that armed actor of the registry
    if group is not None and group.actor is not None:
        return group.actor
    found = ActorRegistry.default().resolve(name, country=country)
    return found.actor.id if found is not None and found.confidence >= 0.85 else None


def _with_actor(p: Perpetrator | None, country: str | None) -> Perpetrator | None:
    """The perpetrator with its actor in the registry, where its name resolves to one."""
    if p is None or not p.name:
        return p
    actor = _actor_id(p.name, country)
    if actor is None:
        return p
    return Perpetrator(p.name, p.text, p.kind, p.own_claim, actor, p.start, p.end)
