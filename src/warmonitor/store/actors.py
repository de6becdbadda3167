"""The store's corrections of the registry of actors (a mixin of ``Store``).

Corrections are records, never edits of the shipped registry: ``actor_registry()`` replays
them, oldest first, over ``ActorRegistry.default()``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select

from warmonitor.actors import ActorRegistry, Correction, apply_corrections
from warmonitor.errors import StoreError
from warmonitor.store.schema import ActorCorrectionRow

__all__ = ["ActorStore"]


class ActorStore:
    """The store's actor-correction methods (a mixin of :class:`~warmonitor.store.Store`)."""

    if TYPE_CHECKING:

        def _writing(self, what: str) -> AbstractContextManager[Connection]: ...

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def add_actor_correction(self, correction: Correction, *, analyst: str) -> None:
        """Record an analyst's correction of the registry (checked by replaying it first)."""
        if not analyst.strip():
            raise StoreError("an actor correction needs an analyst")
        try:
            apply_corrections(self.actor_registry(), [correction])
        except (KeyError, ValueError) as exc:
            raise StoreError(f"cannot {correction.action} {correction.actor!r}: {exc}") from exc
        row = {
            "action": correction.action,
            "actor": correction.actor,
            "value": correction.value,
            "analyst": analyst,
            "created_at": datetime.now(UTC),
        }
        with self._writing(f"{correction.action} actor {correction.actor!r}") as connection:
            connection.execute(insert(ActorCorrectionRow), [row])

    def actor_corrections(self) -> list[Correction]:
        """The stored corrections, oldest first."""
        columns = (ActorCorrectionRow.action, ActorCorrectionRow.actor, ActorCorrectionRow.value)
        with self._reading() as connection:
            rows = connection.execute(select(*columns).order_by(ActorCorrectionRow.id))
            return [Correction(r.action, r.actor, r.value) for r in rows]

    def actor_registry(self) -> ActorRegistry:
        """The shipped registry with the stored corrections replayed."""
        return apply_corrections(ActorRegistry.default(), self.actor_corrections())
