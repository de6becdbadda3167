"""The audit log (migration ``0006``): every change, login, failed login, export and refused
access, one row each, never changed or deleted.

It also holds the login throttle's memory: the failed logins of one user name from one
client since their last success, counted by :meth:`AuditStore.failed_logins`, so that every
server process on one store sees the same count and a restart forgets nothing.
:class:`AuditStore` is mixed into :class:`~warmonitor.store.Store`; its writes do not move the
reconciliation revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Connection, Index, Integer, String, Text, func, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from warmonitor.store.dialect import UTCDateTime
from warmonitor.store.schema import Base

__all__ = ["LOGIN", "LOGIN_FAILED", "AuditEntry", "AuditRow", "AuditStore"]

LOGIN = "login"
LOGIN_FAILED = "login_failed"


class AuditRow(Base):
    """One audited event: who (a user name, or the name tried), what, on what, from where."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_action_user_name_created_at", "action", "user_name", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    user_name: Mapped[str | None] = mapped_column(String)
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str | None] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    client: Mapped[str | None] = mapped_column(String)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One row of the audit log."""

    id: int
    created_at: datetime
    user: str | None
    action: str
    target: str | None = None
    status: int | None = None
    client: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "user": self.user,
            "action": self.action,
            "target": self.target,
            "status": self.status,
            "client": self.client,
            "detail": self.detail,
        }


class AuditStore:
    """The store's audit-log methods (a mixin of ``Store``)."""

    if TYPE_CHECKING:

        def _writing(
            self, what: str, *, inputs: bool = True
        ) -> AbstractContextManager[Connection]: ...

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def audit(
        self,
        action: str,
        *,
        user: str | None,
        target: str | None = None,
        status: int | None = None,
        client: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> None:
        """Append one entry to the audit log."""
        row = {
            "created_at": datetime.now(UTC),
            "user_name": user,
            "action": action[:32],
            "target": target,
            "status": status,
            "client": client,
            "detail": dict(detail) if detail else None,
        }
        with self._writing(f"audit {action}", inputs=False) as connection:
            connection.execute(insert(AuditRow), [row])

    def audit_entries(
        self,
        *,
        limit: int | None = 100,
        offset: int = 0,
        action: str | None = None,
        user: str | None = None,
        since: datetime | None = None,
    ) -> tuple[int, list[AuditEntry]]:
        """How many entries match, and ``limit`` of them from ``offset``, newest first."""
        where = []
        if action is not None:
            where.append(AuditRow.action == action)
        if user is not None:
            where.append(AuditRow.user_name == user)
        if since is not None:
            where.append(AuditRow.created_at >= since)
        query = select(AuditRow).where(*where).order_by(AuditRow.id.desc()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._reading() as connection:
            total = connection.scalar(select(func.count()).select_from(AuditRow).where(*where))
            rows = connection.execute(query).mappings().all()
        return int(total or 0), [_entry(row) for row in rows]

    def failed_logins(self, user: str, client: str | None, since: datetime) -> list[datetime]:
        """When ``user`` failed to log in from ``client`` since ``since`` and since their last
        login from it, oldest first."""
        pair = (AuditRow.user_name == user, AuditRow.client == client)
        with self._reading() as connection:
            last = connection.scalar(
                select(func.max(AuditRow.id)).where(AuditRow.action == LOGIN, *pair)
            )
            query = select(AuditRow.created_at).where(
                AuditRow.action == LOGIN_FAILED, AuditRow.created_at >= since, *pair
            )
            if last is not None:
                query = query.where(AuditRow.id > last)
            return list(connection.scalars(query.order_by(AuditRow.id)))


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        row["id"],
        row["created_at"],
        row["user_name"],
        row["action"],
        row["target"],
        row["status"],
        row["client"],
        row["detail"] or {},
    )
