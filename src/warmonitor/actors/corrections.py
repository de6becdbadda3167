"""Analysts' corrections of the registry (alias, merge, rename), replayed oldest first.

A correction names actors by id or by any of their names; a name the registry does not know
becomes a new actor (a local official, a spokesperson's office), so "Pavlo Kyrylenko" can be
given the alias "the Donetsk governor" or merged into another actor. Stored corrections are
replayed over the shipped registry on every reconciliation, so every corrected name holds.

>>> fix = Correction("alias", "sohr", "the UK monitor")
>>> apply_corrections(ActorRegistry.default(), [fix]).resolve("the UK monitor").actor.id
'sohr'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from warmonitor.actors.actor import Actor
from warmonitor.actors.registry import ActorRegistry

__all__ = ["CORRECTIONS", "Correction", "CorrectionAction", "apply_corrections", "find_actor"]

CorrectionAction = Literal["alias", "merge", "rename"]
CORRECTIONS: tuple[str, ...] = get_args(CorrectionAction)


@dataclass(frozen=True, slots=True)
class Correction:
    """``alias``: ``value`` names ``actor``; ``merge``: actor ``value`` is ``actor``;
    ``rename``: ``actor`` is called ``value``."""

    action: str
    actor: str
    value: str

    def __post_init__(self) -> None:
        if self.action not in CORRECTIONS:
            raise ValueError(
                f"actor correction must be one of {', '.join(CORRECTIONS)}, got {self.action!r}"
            )
        if not self.actor.strip() or not self.value.strip():
            raise ValueError("an actor correction needs an actor and a value")


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "actor"


def find_actor(registry: ActorRegistry, ref: str) -> Actor | None:
    """The actor ``ref`` names: an id, else a name or alias the registry resolves exactly."""
    actor = registry.get(ref.strip())
    if actor is not None:
        return actor
    found = registry.resolve(ref)
    if found is not None and found.how in ("exact", "alias", "person", "acronym"):
        return found.actor
    return None


def _ensure(registry: ActorRegistry, ref: str) -> tuple[ActorRegistry, Actor]:
    actor = find_actor(registry, ref)
    if actor is not None:
        return registry, actor
    base, n = _slug(ref), 1
    slug = base
    while slug in registry:
        n += 1
        slug = f"{base}-{n}"
    actor = Actor(slug, ref.strip(), "unnamed")
    return registry.add(actor), actor


def apply_corrections(registry: ActorRegistry, corrections: Iterable[Correction]) -> ActorRegistry:
    """``registry`` with ``corrections`` applied in order."""
    for c in corrections:
        registry, actor = _ensure(registry, c.actor)
        if c.action == "alias":
            registry = registry.with_alias(actor.id, c.value)
        elif c.action == "rename":
            registry = registry.rename(actor.id, c.value)
        else:
            registry, other = _ensure(registry, c.value)
            registry = registry.merge(actor.id, other.id)  # ValueError for the same actor
    return registry
