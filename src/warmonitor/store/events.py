"""The store's report events: what each report's main event is (a mixin of ``Store``).

A report's event is derived from its text by the extractor; it is written with the document
(``Store.save(document, claims, event=…)``) and replaced when the document is re-extracted.
Reconciliation reads them all at once to join reports of one event.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from warmonitor.model import ReportEvent
from warmonitor.store import dialect
from warmonitor.store.schema import ReportEventRow

__all__ = ["ReportEventStore", "write_report_event"]


def write_report_event(connection: Connection, event: ReportEvent) -> None:
    """Replace the stored event of ``event.document_id`` (inside the caller's transaction)."""
    row: dict[str, Any] = {
        "document_id": event.document_id,
        "country": event.country,
        "day": event.day,
        "data": event.to_dict(),
    }
    statement = dialect.upsert(
        ReportEventRow.__table__,  # type: ignore[arg-type]
        connection.dialect,
        [name for name in row if name != "document_id"],
    )
    connection.execute(statement, [row])


class ReportEventStore:
    """The store's report-event methods (a mixin of :class:`~warmonitor.store.Store`)."""

    if TYPE_CHECKING:

        def _writing(self, what: str) -> AbstractContextManager[Connection]: ...

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def report_events(self) -> dict[str, ReportEvent]:
        """Every stored report's event, by document id."""
        with self._reading() as connection:
            return {
                row.document_id: ReportEvent.from_dict(row.data)
                for row in connection.execute(
                    select(ReportEventRow.document_id, ReportEventRow.data)
                )
            }
