"""The registry of actors: the shipped list (``data/actors.json``) plus run-time corrections.

A registry is immutable: :meth:`ActorRegistry.with_alias`, :meth:`~ActorRegistry.add`,
:meth:`~ActorRegistry.merge` and :meth:`~ActorRegistry.rename` return a new one, so the cached
:meth:`ActorRegistry.default` is safe to share. :meth:`~ActorRegistry.to_dict` and
:meth:`~ActorRegistry.from_dict` carry a registry, corrections included, as plain data.

>>> registry = ActorRegistry.default()
>>> registry.resolve("the Britain-based Syrian Observatory").actor.id
'sohr'
>>> registry.resolve("the ministry of health in the Gaza Strip").how
'ministry'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from warmonitor.actors.actor import Actor, Resolution
from warmonitor.actors.matching import NameIndex
from warmonitor.actors.names import normalise_name

__all__ = ["FORMAT_VERSION", "ActorRegistry"]

#: The version of the plain-data form (``to_dict``), written into it.
FORMAT_VERSION = 1


class ActorRegistry:
    """A set of :class:`Actor` by id, with ``redirects`` from merged-away ids to the kept ones."""

    def __init__(
        self, actors: Iterable[Actor] = (), *, redirects: Mapping[str, str] | None = None
    ) -> None:
        self._actors: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in self._actors:
                raise ValueError(f"actor id {actor.id!r} appears twice; ids must be unique")
            self._actors[actor.id] = actor
        self._redirects = dict(redirects or {})

    # -- loading and saving ----------------------------------------------------------------

    @classmethod
    def default(cls) -> ActorRegistry:
        """The registry shipped with warmonitor (read once, then shared)."""
        return _shipped()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActorRegistry:
        """A registry from its plain-data form (see :meth:`to_dict`)."""
        version = data.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise ValueError(f"actor registry format {version!r} is not {FORMAT_VERSION}")
        actors = (Actor.from_dict(a) for a in data.get("actors", ()))
        return cls(actors, redirects=data.get("redirects") or {})

    def to_dict(self) -> dict[str, Any]:
        """``{"version": 1, "actors": [...], "redirects": {...}}``, as JSON can hold it."""
        out: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "actors": [a.to_dict() for a in self._actors.values()],
        }
        if self._redirects:
            out["redirects"] = dict(self._redirects)
        return out

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return isinstance(actor_id, str) and self.canonical_id(actor_id) in self._actors

    def __getitem__(self, actor_id: str) -> Actor:
        actor = self.get(actor_id)
        if actor is None:
            raise KeyError(f"no actor {actor_id!r} in the registry")
        return actor

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id (following merges), or ``None``."""
        return self._actors.get(self.canonical_id(actor_id))

    def canonical_id(self, actor_id: str) -> str:
        """The id an actor has now: a merged-away id leads to the actor it was merged into."""
        seen = set()
        while actor_id in self._redirects and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self._redirects[actor_id]
        return actor_id

    def armed(self) -> tuple[Actor, ...]:
        """The armed groups and forces the perpetrator search finds (those with ``armed``), in
        the registry's order: where two patterns meet at one place, the first wins."""
        return tuple(a for a in self._actors.values() if a.armed is not None)

    @cached_property
    def _index(self) -> NameIndex:
        return NameIndex(self._actors.values())

    def resolve(self, text: str, *, country: str | None = None) -> Resolution | None:
        """The actor a claimant mention names, or ``None`` for a description that names no one.

        ``country`` (ISO alpha-2, the report's country) lets a bare "the health ministry" or
        "the army" name that country's ministry or army.

        >>> ActorRegistry.default().resolve("the health ministry", country="PS").actor.name
        'Gaza Health Ministry'
        """
        return self._index.resolve(text, country)

    def is_outlet(self, text: str) -> bool:
        """True when a mention names a news organisation of the registry ("Reuters")."""
        found = self.resolve(text)
        return found is not None and found.actor.kind == "media"

    def collisions(self) -> dict[str, list[str]]:
        """Names and aliases (as keys) that more than one actor claims; empty for good data."""
        return self._index.collisions()

    # -- corrections -----------------------------------------------------------------------

    def add(self, actor: Actor) -> ActorRegistry:
        """A registry with a new actor (its id must be new)."""
        if actor.id in self._actors or actor.id in self._redirects:
            raise ValueError(f"actor id {actor.id!r} is taken; pick another or use with_alias")
        return ActorRegistry([*self._actors.values(), actor], redirects=self._redirects)

    def with_alias(self, actor_id: str, alias: str) -> ActorRegistry:
        """A registry where ``alias`` names ``actor_id``; taken from any other actor's aliases,
        since an alias names one actor."""
        return self._with_name(actor_id, alias, "aliases")

    def with_person(self, actor_id: str, person: str) -> ActorRegistry:
        """A registry where ``person`` speaks for ``actor_id`` (moved from any other actor)."""
        return self._with_name(actor_id, person, "people")

    def _with_name(self, actor_id: str, text: str, field: str) -> ActorRegistry:
        target = self[actor_id]
        key = normalise_name(text)
        if not key:
            raise ValueError(f"{text!r} is not a name: nothing is left of it once normalised")
        actors = []
        for actor in self._actors.values():
            kept = tuple(n for n in getattr(actor, field) if normalise_name(n) != key)
            if actor.id == target.id:
                kept = (*kept, text.strip())
            if field == "aliases":
                actors.append(replace(actor, aliases=kept))
            else:
                actors.append(replace(actor, people=kept))
        return ActorRegistry(actors, redirects=self._redirects)

    def rename(self, actor_id: str, name: str) -> ActorRegistry:
        """A registry where ``actor_id`` is called ``name``; the old name becomes an alias, and
        an armed actor's perpetrator name is the new name too."""
        actor = self[actor_id]
        aliases = tuple(a for a in actor.aliases if normalise_name(a) != normalise_name(name))
        if normalise_name(actor.name) != normalise_name(name):
            aliases = (*aliases, actor.name)
        armed = replace(actor.armed, label=None) if actor.armed is not None else None
        renamed = replace(actor, name=name.strip(), aliases=aliases, armed=armed)
        return self._replaced(renamed)

    def merge(self, keep_id: str, other_id: str) -> ActorRegistry:
        """A registry where ``other_id`` is one actor with ``keep_id``: its name, aliases,
        people and other-language names join the kept actor (and its ``armed`` where the kept
        one has none), and its id redirects there."""
        keep, other = self[keep_id], self[other_id]
        if keep.id == other.id:
            raise ValueError(f"cannot merge actor {keep.id!r} into itself")
        known = {normalise_name(n) for n in keep.names}
        aliases = list(keep.aliases)
        for name in (other.name, *other.aliases):
            if normalise_name(name) not in known:
                known.add(normalise_name(name))
                aliases.append(name)
        people = list(keep.people)
        people += [p for p in other.people if normalise_name(p) not in map(normalise_name, people)]
        languages = list(keep.languages)
        languages += [pair for pair in other.languages if pair not in languages]
        merged = replace(
            keep,
            aliases=tuple(aliases),
            people=tuple(people),
            languages=tuple(languages),
            armed=keep.armed or other.armed,
        )
        actors = [
            merged if a.id == keep.id else a for a in self._actors.values() if a.id != other.id
        ]
        redirects = {k: (keep.id if v == other.id else v) for k, v in self._redirects.items()}
        redirects[other.id] = keep.id
        return ActorRegistry(actors, redirects=redirects)

    def _replaced(self, actor: Actor) -> ActorRegistry:
        actors = [actor if a.id == actor.id else a for a in self._actors.values()]
        return ActorRegistry(actors, redirects=self._redirects)


@cache
def _shipped() -> ActorRegistry:
    text = files("warmonitor.actors").joinpath("data", "actors.json").read_text(encoding="utf-8")
    return ActorRegistry.from_dict(json.loads(text))
