"""What the stored incidents were reconciled from: a watermark of the store's inputs.

Every write of an input of reconciliation (documents, claims, reviews, report events,
analysts' decisions, corrections of actors: every write but storing incidents) adds one to
``store_state.revision`` in its own transaction. A reconciliation records the revision it read,
its policy and ranking; the stored incidents are fresh while the revision has not moved, and
the faces read them instead of reconciling again. :class:`RunStore` is mixed into
:class:`~warmonitor.store.Store`.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, BigInteger, Connection, Integer, String, select, update
from sqlalchemy.orm import Mapped, mapped_column

from warmonitor.store.dialect import UTCDateTime
from warmonitor.store.schema import Base

__all__ = ["ReconcileRun", "RunStore", "StoreStateRow", "bump_revision"]


class StoreStateRow(Base):
    """One row: the inputs' revision, and the revision, policy and ranking of the stored run."""

    __tablename__ = "store_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    revision: Mapped[int] = mapped_column(BigInteger)
    reconciled_revision: Mapped[int | None] = mapped_column(BigInteger)
    policy: Mapped[str | None] = mapped_column(String(16))
    ranking: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    reconciled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


@dataclass(frozen=True, slots=True)
class ReconcileRun:
    """The store's input revision and what the stored incidents were reconciled from."""

    revision: int
    reconciled_revision: int | None = None
    policy: str | None = None
    ranking: tuple[str, ...] | None = None
    reconciled_at: datetime | None = None

    def fresh(self, policy: str, ranking: Sequence[str]) -> bool:
        """Whether the stored incidents are this policy's and ranking's over today's inputs."""
        return (
            self.reconciled_revision == self.revision
            and self.policy == policy
            and self.ranking == tuple(ranking)
        )


def bump_revision(connection: Connection) -> None:
    """Count one more change of the inputs (inside the writer's transaction)."""
    connection.execute(update(StoreStateRow).values(revision=StoreStateRow.revision + 1))


class RunStore:
    """The store's watermark methods (a mixin of :class:`~warmonitor.store.Store`)."""

    if TYPE_CHECKING:

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def reconcile_run(self) -> ReconcileRun:
        """The inputs' revision and the stored run's (``reconciled_revision`` ``None``: the
        stored incidents, if any, describe no known state of the inputs)."""
        with self._reading() as connection:
            row = connection.execute(select(StoreStateRow)).mappings().first()
        return _run(row)


def _run(row: Any) -> ReconcileRun:
    if row is None:
        return ReconcileRun(0)
    ranking = row["ranking"]
    return ReconcileRun(
        int(row["revision"]),
        row["reconciled_revision"],
        row["policy"],
        tuple(ranking) if ranking is not None else None,
        row["reconciled_at"],
    )
