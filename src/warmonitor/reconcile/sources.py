"""Who says a figure and as of when: claimant identity (independence) and as-of dates.

Independence is decided by claimant, never by outlet: the same monitor quoted by three outlets
is one source. Claimants are the same when they are one actor of the registry, when their names
match after normalising case, a leading "the" and punctuation, when one is the acronym of the
other ("SOHR", "Syrian Observatory for Human Rights") or a shorter part of a person's full name;
plain descriptions of one kind of voice in one country are one ("activists", "Syrian
activists"); an outlet's own figure is "unattributed". :meth:`Claimants.unify` then names the
voices of each incident as one: aliases its reports teach, an office or a one-person role the
incident names, one name spelt two ways (rules in ``docs/RECONCILE.md``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from warmonitor.actors import Actor, ActorRegistry, describe, same_role
from warmonitor.model import Claim
from warmonitor.reconcile.voices import (
    TOWNS,
    UN_BODY,
    UNATTRIBUTED,
    cut_first_letter,
    head_of,
    institution_of,
    is_local_government,
    level_of,
    local_rank,
    normal,
    officials_of,
    role_of,
    same_bodies,
    skeleton,
    words_of,
)

__all__ = ["UNATTRIBUTED", "AsOf", "Claimants", "as_of"]

_SMALL_WORDS = frozenset({"for", "of", "the", "and", "on", "in", "de", "des", "du", "la", "le"})
_PUNCT = re.compile(r"[^\w\s-]+")


@dataclass(frozen=True, slots=True)
class AsOf:
    """When a claim's figure stood: the claimant's statement date, else the publication date."""

    day: date | None
    basis: str  # "said_on" | "published" | "earlier" | "unknown"

    @property
    def key(self) -> date:
        """For ordering: an unknown date sorts before every known one."""
        return self.day or date.min


def as_of(claim: Claim, published: Mapping[str, date | None]) -> AsOf:
    """The as-of date of ``claim``: ``said_on``, else its document's publication date; a
    statement its report marks as earlier ("initially said") without a date stood before every
    dated one (no date is invented: its day is unknown)."""
    if claim.said_on is not None:
        return AsOf(claim.said_on, "said_on")
    if claim.earlier:
        return AsOf(None, "earlier")
    day = published.get(claim.document_id)
    return AsOf(day, "published") if day is not None else AsOf(None, "unknown")


def _acronym(name: str) -> str | None:
    words = [w for w in _PUNCT.sub(" ", name).split() if w.casefold() not in _SMALL_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).casefold()


def _own_voice(claim: Claim) -> bool:
    """An outlet's own figure: no one is credited with it."""
    c = claim.claimant
    return c.kind == "media" and not c.text


# Words that leave a description the same source: "Syrian activists", "opposition activists"
# and "activists" in one event are one unnamed voice; "local" or "city" officials are another.
_SAME_VOICE = frozenset({"opposition", "rebel", "rebels", "the", "some", "several"})
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ish|ese|an|i)$")


def _description_key(name: str, claim: Claim) -> str | None:
    """One key for the plain descriptions of one kind of voice in one country ("activists",
    "Syrian activists"), ``None`` for a name or a description with a place or level in it."""
    found = describe(name)
    if found is None:
        return None
    head = set(found.head.split())
    for word in re.findall(r"[\w'-]+", name):
        if word.casefold() in head or word.casefold() in _SAME_VOICE or _DEMONYM.match(word):
            continue
        return None
    country = claim.place.country if claim.place else None
    return f"~{found.kind}:{found.head}:{country or ''}"


def _raw_key(
    claim: Claim,
    actor_of: Callable[[str], str | None],
    outlet_actor: Callable[[str], tuple[str, str] | None],
) -> str:
    c = claim.claimant
    if _own_voice(claim):
        # a body's own publication (a ministry's statement, a charity's press release) is its
        # claim; a newspaper's own figure is no one's
        body = outlet_actor(c.name) if c.name else None
        return "@" + body[0] if body else "~" + UNATTRIBUTED
    if c.name:
        actor = actor_of(c.name)
        if actor:
            return "@" + actor
        publisher = _publishing_body(claim, outlet_actor)
        if publisher:
            return "@" + publisher
        return _description_key(c.name, claim) or normal(c.name)
    return "~" + (normal(c.text) or c.kind)


def _publishing_body(
    claim: Claim, outlet_actor: Callable[[str], tuple[str, str] | None]
) -> str | None:
    """The body whose own publication relays a description of its own kind: in a medical
    charity's press release, "three hospitals it supports" report to it, and the figure is the
    charity's; in a monitor's report, "its researchers" are the monitor."""
    if not claim.reported_by:
        return None
    body = outlet_actor(claim.reported_by)
    found = describe(claim.claimant.name or "")
    if body is None or found is None:
        return None
    actor, kind = body
    return actor if kind == found.kind else None


def _person_keys(names: Mapping[str, str]) -> dict[str, str]:
    """Shorter names that are a longer one's words ("Kyrylenko", "Pavlo Kyrylenko" in "Pavlo
    Kyrylenko, the governor") mapped to the longer name's key: one voice in one incident.
    ``names`` maps each key to the normalised name its claims give."""
    plain = [k for k in names if k and k[0] not in "~@"]
    longer_first = sorted(names, key=lambda k: -len(names[k].split()))
    out: dict[str, str] = {}
    for short in plain:
        words = names[short].split()
        for longer in longer_first:
            long_words = names[longer].split()
            if longer == short or longer.startswith("~") or len(long_words) <= len(words):
                continue
            surname = len(words) == 1 and len(words[0]) > 3 and words[0] in long_words
            if surname or (len(words) >= 2 and f" {names[short]} " in f" {names[longer]} "):
                out[short] = out.get(longer, longer)
                break
    return out


def _distinctive(claim: Claim) -> bool:
    """A figure precise enough to tell whose it is: stated exactly (or as a floor), not round."""
    count = claim.count
    return count.high in (None, count.low) and count.low >= 10 and count.low % 10 != 0


# The people a plain description ends in: "local authorities", "Syrian activists" relay a body's
# count; "the Idlib health directorate" is a body of its own, whatever figure it gives.
_COLLECTIVE = frozenset(
    "officials authorities activists sources medics doctors rescuers monitors workers staff "
    "hospitals".split()
)


def _collective(words: str) -> bool:
    """A plain description of people: its last word is a plural of officials, activists …"""
    last = re.findall(r"[\w'-]+", words.casefold())[-1:]
    return bool(last) and last[0] in _COLLECTIVE


def _may_speak_for(kind: str, actor: Actor) -> bool:
    """A description of ``kind`` may name ``actor``: the same kind of voice, or "officials"
    and "authorities" of a country's own bodies (its ministries, its forces)."""
    if kind == actor.kind:
        return True
    return kind == "government" and actor.country is not None and actor.kind in _STATE_KINDS


_STATE_KINDS = frozenset({"government", "medical", "military"})


class Claimants:
    """The claimants of a set of claims: a key per claim (same key, same source) and labels.

    A claimant the registry of ``actors`` knows is that actor, whatever its words; an outlet's
    own figure is "unattributed"; a shorter name that is part of a person's full name is them.
    """

    def __init__(self, claims: Iterable[Claim], actors: ActorRegistry | None = None) -> None:
        claims = list(claims)
        registry = actors or ActorRegistry.default()
        memo: dict[str, str | None] = {}

        def actor_of(name: str) -> str | None:
            if name not in memo:
                found = registry.resolve(name)
                if found is None and UN_BODY.search(name):
                    found = registry.resolve("United Nations")
                memo[name] = found.actor.id if found else None
            return memo[name]

        bodies: dict[str, tuple[str, str] | None] = {}

        def outlet_actor(name: str) -> tuple[str, str] | None:
            if name not in bodies:
                found = registry.resolve(name)
                ok = found is not None and found.actor.kind != "media"
                bodies[name] = (found.actor.id, found.actor.kind) if found and ok else None
            return bodies[name]

        raw = {c.id: _raw_key(c, actor_of, outlet_actor) for c in claims}
        acronyms: dict[str, str] = {}
        for c in claims:
            short = _acronym(c.claimant.name or "")
            if short is not None:
                acronyms.setdefault(short, raw[c.id])
        spoken: dict[str, str] = {}
        for c in claims:
            spoken.setdefault(raw[c.id], normal(c.claimant.name or c.claimant.text))
        persons = _person_keys(spoken)
        self._key = {cid: acronyms.get(key, persons.get(key, key)) for cid, key in raw.items()}
        self._registry = registry
        self._claims = claims
        self._labels()

    @classmethod
    def fixed(
        cls, keys: Mapping[str, str], labels: Mapping[str, str], kinds: Mapping[str, str]
    ) -> Claimants:
        """Claimants decided already (one incident's, ``inputs.IncidentInputs``): each claim
        id's key, and each key's label and kind; nothing is resolved or unified again."""
        out = cls.__new__(cls)
        out._key = dict(keys)
        out._label = dict(labels)
        out._kind = dict(kinds)
        out._claims = []
        return out

    def _labels(self) -> None:
        names: dict[str, Counter[str]] = {}
        for c in self._claims:
            key = self._key[c.id]
            if key.startswith("@"):
                shown = self._registry[key[1:]].name
            elif key == "~" + UNATTRIBUTED:
                shown = UNATTRIBUTED
            else:
                shown = c.claimant.name or c.claimant.text or c.claimant.kind
            names.setdefault(key, Counter())[shown] += 1
        # a name over a description ("Hadi Marouf" over "local governor"), the longest form
        # ("Syrian Observatory for Human Rights" over "SOHR"), the words the key was made of
        # ("state railway company" over "rail company"), then the most frequent
        self._label = {
            key: max(
                counter,
                key=lambda s: (
                    any(w[:1].isupper() for w in s.split()),
                    len(s.split()) > 1,
                    normal(s) == key,
                    counter[s],
                    len(s),
                ),
            )
            for key, counter in names.items()
        }
        kinds: dict[str, str] = {}
        for c in self._claims:
            kinds.setdefault(self._key[c.id], c.claimant.kind)
        self._kind = kinds

    def unify(
        self,
        incidents: Iterable[Sequence[Claim]],
        learned: Callable[[str], Iterable[tuple[str, str]]] | None = None,
    ) -> None:
        """Within each incident, a name its reports teach is the source they teach it of
        (``learned`` gives a document's (name, alias) pairs: "X, a Raqqa-based monitor", "its
        director, NAME"), a plain description is the one voice of the incident it describes
        ("the local governor" when one named claimant's words call them governor), and
        descriptions of one kind of voice are one ("activists", "Syrian activists")."""
        for members in incidents:
            if learned is not None:
                self._learn(members, learned)
            sample: dict[str, Claim] = {}  # one claim of each key
            for c in members:
                sample.setdefault(self._key[c.id], c)
            size = Counter(self._key[c.id] for c in members)
            keys = set(sample)
            words: dict[str, set[str]] = {}
            for c in members:
                key = self._key[c.id]
                if not key.startswith("~"):
                    text = f"{c.claimant.text} {c.claimant.name or ''}".casefold()
                    words.setdefault(key, set()).update(re.findall(r"[\w'-]+", text))
            heads: dict[str, str] = {}
            for key in keys:
                head = head_of(key, sample[key])
                if head is not None:
                    heads[key] = head
            remap: dict[str, str] = {}
            persons = [k for k in words if k not in heads and skeleton(k) is not None]
            for key in heads:
                role = role_of(sample[key])
                if role is None:
                    continue
                role_words = same_role(role)
                named = [k for k in persons if role_words & words[k]]
                if len(named) == 1:
                    remap[key] = named[0]
            actors = {
                k: set(self._registry[k[1:]].name.casefold().split()) for k in keys if k[:1] == "@"
            }
            for key in keys:
                noun = institution_of(key, sample[key])
                if noun is None or key in remap:
                    continue
                named = [k for k, name in actors.items() if noun in name]
                if len(named) == 1:
                    remap[key] = named[0]
            countries = {c.place.country for c in members if c.place is not None}
            for key in keys:
                word = officials_of(key, sample[key])
                if word is None or key in remap:
                    continue
                named = [k for k, name in actors.items() if word in name]
                if len(named) > 1:  # "health": the country's ministry, not the world body
                    named = [k for k in named if self._registry[k[1:]].country in countries]
                if len(named) == 1:
                    remap[key] = named[0]
            towns = frozenset(
                c.place.name.casefold()
                for c in members
                if c.place is not None and c.place.precision in TOWNS
            )
            local = [
                k
                for k in keys
                if k not in remap
                and k != "~" + UNATTRIBUTED
                and is_local_government(sample[k], towns)
            ]
            if len(local) > 1:
                kept = max(local, key=lambda k: local_rank(sample[k], towns, size[k]))
                remap.update({k: kept for k in local if k != kept})
            self._same_figures(members, heads, remap, sample)
            by_head: dict[tuple[str, frozenset[str]], list[str]] = {}
            for key, head in heads.items():
                if key not in remap:
                    level = level_of(sample[key])
                    by_head.setdefault((head, level), []).append(key)
            for same in by_head.values():
                kept = max(same, key=lambda k: size[k])
                remap.update({k: kept for k in same if k != kept})
            plain = {
                k: sample[k].claimant.name or ""
                for k in keys
                if not k.startswith(("~", "@")) and k not in remap and k not in heads
            }
            for short, long in same_bodies(plain).items():
                remap.setdefault(short, long)
            spelt: dict[str, str] = {}
            for c in members:
                key = self._key[c.id]
                if key.startswith(("~", "@")) or key in remap:
                    continue
                letters = skeleton(key)
                if letters is not None:
                    remap.setdefault(key, spelt.setdefault(letters, key))
            for key in keys:
                if key.startswith(("~", "@")) or remap.get(key, key) != key:
                    continue
                whole = cut_first_letter(key, (k for k in keys if k != key))
                if whole is not None:
                    remap[key] = remap.get(whole, whole)
            for c in members:
                self._key[c.id] = remap.get(self._key[c.id], self._key[c.id])
        self._labels()

    def _same_figures(
        self,
        members: Sequence[Claim],
        heads: Mapping[str, str],
        remap: Mapping[str, str],
        sample: Mapping[str, Claim],
    ) -> None:
        """A figure relayed under a description ("local authorities", "Palestinian officials")
        that one named body of its kind gives in the incident, distinctive enough to tell whose
        it is, is that body's: 471 killed is the ministry's count, whoever relays it."""
        givers: dict[tuple[str, str, int, int | None], set[str]] = {}
        for c in members:
            key = self._key[c.id]
            if key.startswith("@") and _distinctive(c):
                figure = (c.outcome, c.victims.group, c.count.low, c.count.high)
                givers.setdefault(figure, set()).add(key)
        if not givers:
            return
        for c in members:
            key = self._key[c.id]
            if key not in heads or key in remap or not _distinctive(c):
                continue
            spoken = words_of(sample[key])
            found = describe(spoken) if _collective(spoken) else None
            figure = (c.outcome, c.victims.group, c.count.low, c.count.high)
            bodies = [
                body
                for body in givers.get(figure, ())
                if found is not None and _may_speak_for(found.kind, self._registry[body[1:]])
            ]
            if len(bodies) == 1:
                self._key[c.id] = bodies[0]

    def _learn(
        self, members: Sequence[Claim], learned: Callable[[str], Iterable[tuple[str, str]]]
    ) -> None:
        """Claims whose source is named by a name the incident's reports teach of another
        source ("the Raqqa-based monitoring group", the director's name) are that source's."""
        taught: dict[str, str] = {}
        for document in dict.fromkeys(c.document_id for c in members):
            for name, alias in learned(document):
                taught.setdefault(normal(alias), normal(name))
        if not taught:
            return
        by_name: dict[str, str] = {}
        for c in members:
            key = self._key[c.id]
            for words in (c.claimant.name, c.claimant.text):
                if words:
                    by_name.setdefault(normal(words), key)
            if key.startswith("@"):
                by_name.setdefault(normal(self._registry[key[1:]].name), key)
        for c in members:
            key = self._key[c.id]
            if key.startswith("@") or key == "~" + UNATTRIBUTED:
                continue
            spoken = normal(c.claimant.name or c.claimant.text)
            source = taught.get(spoken)
            if source is None:
                continue
            target = by_name.get(source)
            if target is None:
                found = self._registry.resolve(source)
                target = "@" + found.actor.id if found else source
            if target != key:
                self._key[c.id] = target

    def key(self, claim: Claim) -> str:
        """The identity of the claim's claimant: claims with one key are one source."""
        return self._key[claim.id]

    def label(self, key: str) -> str:
        """The name to show for a claimant key."""
        return self._label.get(key, key)

    def kind(self, key: str) -> str:
        """The claimant kind of a claimant key (monitor, government …)."""
        return self._kind.get(key, "unnamed")
