"""The actor verbs: the claimants of the store as actors, and analysts' corrections.

    with Store.open(url) as store:
        for actor in list_actors(store): print(actor.name, actor.claims)
        correct_actor(store, "alias", "sohr", "the UK monitor", analyst="ana")

Faces (CLI, later the API) call these and render the result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from warmonitor.actors import Correction
from warmonitor.errors import ConfigurationError, NotFoundError
from warmonitor.model import Claim
from warmonitor.reconcile.sources import Claimants, as_of
from warmonitor.reconcile_service import stored_claims
from warmonitor.store import Store

__all__ = ["ActorFigures", "ActorSummary", "actor_figures", "correct_actor", "list_actors"]


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """One claimant of the store as an actor: its name, the words reports use for it, how
    many figures it gave and its latest figure per outcome and victim group."""

    name: str
    id: str | None  # the registry's id; None for a claimant the registry does not know
    kind: str
    words: tuple[str, ...]
    claims: int
    latest: tuple[tuple[str, str, str, date | None], ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "id": self.id,
            "kind": self.kind,
            "words": list(self.words),
            "claims": self.claims,
            "latest": [
                {"outcome": o, "group": g, "figure": f, "as_of": d.isoformat() if d else None}
                for o, g, f, d in self.latest
            ],
        }


@dataclass(frozen=True, slots=True)
class ActorFigures:
    """One actor and every figure it gave (reviewed claims, oldest first), each with the day
    it stood as of (``published``: the documents' publication dates, by id)."""

    actor: ActorSummary
    claims: tuple[Claim, ...]
    as_of: tuple[date | None, ...]


def _by_actor(store: Store) -> tuple[Claimants, dict[str, list[Claim]], dict[str, date | None]]:
    claims = stored_claims(store)
    published = store.publication_dates()
    claimants = Claimants(claims, store.actor_registry())
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_key[claimants.key(c)].append(c)
    return claimants, by_key, published


def _summary(
    claimants: Claimants, key: str, members: list[Claim], published: dict[str, date | None]
) -> ActorSummary:
    words = tuple(dict.fromkeys(c.claimant.text for c in members if c.claimant.text))
    latest: dict[tuple[str, str], Claim] = {}
    for c in _oldest_first(members, published):
        latest[(c.outcome, c.victims.group)] = c
    return ActorSummary(
        name=claimants.label(key),
        id=key[1:] if key.startswith("@") else None,
        kind=claimants.kind(key),
        words=words,
        claims=len(members),
        latest=tuple(
            (o, g, c.count.text, as_of(c, published).day) for (o, g), c in sorted(latest.items())
        ),
    )


def _oldest_first(claims: list[Claim], published: dict[str, date | None]) -> list[Claim]:
    return sorted(claims, key=lambda c: (as_of(c, published).key, c.evidence.start))


def list_actors(store: Store) -> list[ActorSummary]:
    """Every claimant of the stored claims as an actor, most figures first."""
    claimants, by_key, published = _by_actor(store)
    out = [_summary(claimants, key, members, published) for key, members in by_key.items()]
    return sorted(out, key=lambda a: (-a.claims, a.name))


def actor_figures(store: Store, ref: str) -> ActorFigures:
    """The actor whose registry id or name is ``ref`` (ignoring case), with every figure it
    gave; :class:`NotFoundError` if no claimant of the store is that actor."""
    claimants, by_key, published = _by_actor(store)
    wanted = ref.strip().casefold()
    for key, members in by_key.items():
        summary = _summary(claimants, key, members, published)
        if wanted in {summary.name.casefold(), (summary.id or "").casefold()}:
            ordered = _oldest_first(members, published)
            days = tuple(as_of(c, published).day for c in ordered)
            return ActorFigures(summary, tuple(ordered), days)
    raise NotFoundError(f"no actor {ref!r} among the claimants; see `warmonitor actors`")


def correct_actor(store: Store, action: str, actor: str, value: str, *, analyst: str) -> None:
    """Record an alias, merge or rename of an actor; every reconciliation replays it. A
    correction the domain refuses (an unknown action, a blank actor or value, whatever a
    caller's own checks let through) is a ``ConfigurationError``."""
    try:
        correction = Correction(action, actor, value)
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from exc
    store.add_actor_correction(correction, analyst=analyst)
