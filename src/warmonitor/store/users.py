"""Users, their API tokens and the server's secrets in the store (migration ``0006``).

The store keeps only hashes: a password's argon2 hash (made by ``user_service``) and a token's
SHA-256 (a token is 32 random bytes, so a fast hash is enough). A user is disabled, never
deleted, so that the audit log and reviews keep naming someone. :class:`UserStore` is mixed
into :class:`~warmonitor.store.Store`; none of its writes moves the reconciliation revision.
"""

from __future__ import annotations

import secrets
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Connection,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, mapped_column

from warmonitor.errors import ConflictError, NotFoundError
from warmonitor.store import dialect
from warmonitor.store.dialect import UTCDateTime
from warmonitor.store.schema import Base

__all__ = [
    "ROLES",
    "ApiTokenRow",
    "ServerSecretRow",
    "TokenRecord",
    "UserRecord",
    "UserRow",
    "UserStore",
]

ROLES: tuple[str, ...] = ("viewer", "analyst", "admin")
"""The roles, each allowed what the ones before it are."""

USER_NAME_LENGTH = 64
TOKEN_HASH_LENGTH = 64


class UserRow(Base):
    """A person who may log in: a unique name, a role and a password hash."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('viewer', 'analyst', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(USER_NAME_LENGTH), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    disabled: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ApiTokenRow(Base):
    """A bearer token of a user, stored as the SHA-256 of the token."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(TOKEN_HASH_LENGTH), unique=True)
    label: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ServerSecretRow(Base):
    """A secret the server makes once and keeps (the key that signs session cookies)."""

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A stored user (the password hash stays in the store unless asked for)."""

    id: int
    name: str
    role: str
    disabled: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TokenRecord:
    """A stored token (never the token itself)."""

    id: int
    user: str
    label: str | None
    created_at: datetime
    revoked_at: datetime | None = None


class UserStore:
    """The store's user, token and secret methods (a mixin of ``Store``)."""

    if TYPE_CHECKING:

        def _writing(
            self, what: str, *, inputs: bool = True
        ) -> AbstractContextManager[Connection]: ...

        def _reading(self) -> AbstractContextManager[Connection]: ...

    def add_user(self, name: str, role: str, password_hash: str) -> UserRecord:
        """Store a new user; :class:`ConflictError` when the name is taken."""
        now = datetime.now(UTC)
        row = {
            "name": name,
            "role": role,
            "password_hash": password_hash,
            "disabled": False,
            "created_at": now,
        }
        with self._writing(f"add user {name!r}", inputs=False) as connection:
            if connection.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
                raise ConflictError(f"a user named {name!r} exists")
            key = connection.execute(insert(UserRow).values(**row)).inserted_primary_key
            assert key is not None
        return UserRecord(int(key[0]), name, role, False, now)

    def user(self, name: str) -> UserRecord:
        """The user named ``name``; :class:`NotFoundError` if none."""
        found = self.password_hash(name)
        if found is None:
            raise NotFoundError(f"no user {name!r}")
        return found[0]

    def user_by_id(self, user_id: int) -> UserRecord | None:
        """The user with id ``user_id``, if any."""
        with self._reading() as connection:
            row = (
                connection.execute(select(UserRow).where(UserRow.id == user_id)).mappings().first()
            )
        return None if row is None else _user(row)

    def password_hash(self, name: str) -> tuple[UserRecord, str] | None:
        """The user named ``name`` and their password hash, if there is such a user."""
        with self._reading() as connection:
            row = connection.execute(select(UserRow).where(UserRow.name == name)).mappings().first()
        return None if row is None else (_user(row), row["password_hash"])

    def users(self) -> list[UserRecord]:
        """Every user, by name."""
        with self._reading() as connection:
            rows = connection.execute(select(UserRow).order_by(UserRow.name)).mappings()
            return [_user(row) for row in rows]

    def update_user(
        self,
        name: str,
        *,
        role: str | None = None,
        disabled: bool | None = None,
        password_hash: str | None = None,
    ) -> UserRecord:
        """Change a user's role, disabled flag or password hash (those given)."""
        values: dict[str, Any] = {
            key: value
            for key, value in (
                ("role", role),
                ("disabled", disabled),
                ("password_hash", password_hash),
            )
            if value is not None
        }
        with self._writing(f"update user {name!r}", inputs=False) as connection:
            found = connection.execute(
                update(UserRow).where(UserRow.name == name).values(**values)
            ).rowcount
            if found != 1:
                raise NotFoundError(f"no user {name!r}")
        return self.user(name)

    def add_token(self, user_id: int, token_hash: str, label: str | None) -> TokenRecord:
        """Store the hash of a new token of user ``user_id``."""
        now = datetime.now(UTC)
        with self._writing("add a token", inputs=False) as connection:
            name = connection.scalar(select(UserRow.name).where(UserRow.id == user_id))
            if name is None:
                raise NotFoundError(f"no user with id {user_id}")
            key = connection.execute(
                insert(ApiTokenRow).values(
                    user_id=user_id, token_hash=token_hash, label=label, created_at=now
                )
            ).inserted_primary_key
            assert key is not None
        return TokenRecord(int(key[0]), name, label, now)

    def tokens(self, name: str | None = None) -> list[TokenRecord]:
        """The tokens of user ``name`` (or everyone's), oldest first."""
        query = (
            select(ApiTokenRow, UserRow.name)
            .join(UserRow, UserRow.id == ApiTokenRow.user_id)
            .order_by(ApiTokenRow.id)
        )
        if name is not None:
            query = query.where(UserRow.name == name)
        with self._reading() as connection:
            return [
                TokenRecord(r["id"], r["name"], r["label"], r["created_at"], r["revoked_at"])
                for r in connection.execute(query).mappings()
            ]

    def revoke_token(self, token_id: int) -> None:
        """Revoke a token for good; :class:`NotFoundError` if there is no such live token."""
        now = datetime.now(UTC)
        with self._writing(f"revoke token {token_id}", inputs=False) as connection:
            found = connection.execute(
                update(ApiTokenRow)
                .where(ApiTokenRow.id == token_id, ApiTokenRow.revoked_at.is_(None))
                .values(revoked_at=now)
            ).rowcount
            if found != 1:
                raise NotFoundError(f"no live token {token_id}")

    def user_for_token(self, token_hash: str) -> UserRecord | None:
        """The user a live token (by its hash) belongs to, if any."""
        query = (
            select(UserRow)
            .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
            .where(ApiTokenRow.token_hash == token_hash, ApiTokenRow.revoked_at.is_(None))
        )
        with self._reading() as connection:
            row = connection.execute(query).mappings().first()
        return None if row is None else _user(row)

    def server_secret(self, name: str) -> str:
        """The secret named ``name``, made (32 random bytes, hex) and kept on first use; two
        servers asking at once get the same one."""
        with self._reading() as connection:
            value = connection.scalar(
                select(ServerSecretRow.value).where(ServerSecretRow.name == name)
            )
        if value is not None:
            return str(value)
        row = {"name": name, "value": secrets.token_hex(32), "created_at": datetime.now(UTC)}
        with self._writing(f"make secret {name!r}", inputs=False) as connection:
            table = ServerSecretRow.__table__
            assert isinstance(table, Table)
            connection.execute(dialect.insert_ignore(table, connection.dialect), row)
            stored = connection.scalar(
                select(ServerSecretRow.value).where(ServerSecretRow.name == name)
            )
        return str(stored)


def _user(row: Any) -> UserRecord:
    return UserRecord(row["id"], row["name"], row["role"], bool(row["disabled"]), row["created_at"])
