"""Every difference between SQLite and PostgreSQL that the store cares about, in one place.

* URLs: only ``sqlite`` and ``postgresql`` are supported; a SQLite file's directory is created.
* SQLite connections: foreign keys ON, WAL journal for files, and SQLAlchemy (not the ``sqlite3``
  module) emits ``BEGIN``, so every transaction, DDL included, is atomic; writers ask for
  ``BEGIN IMMEDIATE`` (:data:`WRITE`) so that concurrent writers wait instead of failing.
* Insert-or-ignore: ``INSERT … ON CONFLICT DO NOTHING`` from each dialect's own ``insert``.
* Migrations: PostgreSQL takes an advisory lock so that two first opens do not race (SQLite gets
  the same from ``BEGIN IMMEDIATE``); SQLite renders ``ALTER`` as batch (copy-and-move) operations.
* JSON arrays: whether ``data[key]`` holds a value is ``json_each`` on SQLite and ``@>`` on a
  ``jsonb`` cast on PostgreSQL (:func:`json_array_has`); whether an array of objects holds one
  with a field's value likewise (:func:`json_objects_have`); how many items it holds is
  ``json_array_length`` on SQLite and ``jsonb_array_length`` on PostgreSQL
  (:func:`json_array_length`).
* Timestamps: SQLite keeps no time zone; :class:`UTCDateTime` stores UTC and always gives back
  aware UTC datetimes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Dialect,
    Engine,
    Table,
    cast,
    event,
    exists,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection
from sqlalchemy.sql.dml import Insert
from sqlalchemy.types import TypeDecorator

from warmonitor.errors import StoreError

__all__ = [
    "SUPPORTED_BACKENDS",
    "WRITE",
    "UTCDateTime",
    "check_backend",
    "configure_engine",
    "insert_ignore",
    "json_array_has",
    "json_array_length",
    "json_objects_have",
    "lock_for_migration",
    "migration_options",
    "prepare",
    "sqlite_path",
]

SUPPORTED_BACKENDS = ("sqlite", "postgresql")

_BEGIN_OPTION = "warmonitor_sqlite_begin"
WRITE: dict[str, Any] = {_BEGIN_OPTION: "IMMEDIATE"}
"""Execution options for a write transaction (``BEGIN IMMEDIATE`` on SQLite, nothing elsewhere)."""

_MIGRATION_LOCK = 0x5741524D  # "WARM": the PostgreSQL advisory lock key held while migrating


def check_backend(url: URL) -> None:
    """Raise :class:`StoreError` unless ``url`` names a supported database."""
    if url.get_backend_name() not in SUPPORTED_BACKENDS:
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}: "
            f"use a sqlite:/// or postgresql:// URL"
        )


def sqlite_path(url: URL) -> Path | None:
    """The file a SQLite URL names, or ``None`` (not SQLite, in memory, or a ``file:`` URI)."""
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:") or url.query.get("uri"):
        return None
    return Path(database)


def prepare(url: URL) -> None:
    """Make what must exist before connecting: the directory of a SQLite file."""
    path = sqlite_path(url)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the directory for the store {path}: {exc.strerror or exc}"
        ) from exc


def configure_engine(engine: Engine) -> None:
    """Install the per-connection settings of the engine's dialect."""
    if engine.dialect.name != "sqlite":
        return
    wal = sqlite_path(engine.url) is not None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            if wal:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def insert_ignore(table: Table, dialect: Dialect) -> Insert:
    """``INSERT INTO table … ON CONFLICT (primary key) DO NOTHING`` for ``dialect``, whose
    ``rowcount`` tells whether the row was inserted (psycopg loses it unless preserved)."""
    keys = [column.name for column in table.primary_key]
    make = postgresql.insert if dialect.name == "postgresql" else sqlite.insert
    statement = make(table).on_conflict_do_nothing(index_elements=keys)
    return statement.execution_options(preserve_rowcount=True)


def upsert(table: Table, dialect: Dialect, columns: Sequence[str]) -> Insert:
    """``INSERT INTO table … ON CONFLICT (primary key) DO UPDATE SET columns``: one statement,
    so that two writers of one row never race between a delete and an insert."""
    keys = [column.name for column in table.primary_key]
    make = postgresql.insert if dialect.name == "postgresql" else sqlite.insert
    statement = make(table)
    return statement.on_conflict_do_update(
        index_elements=keys, set_={name: statement.excluded[name] for name in columns}
    )


def json_array_has(column: Any, key: str, value: str, dialect: Dialect) -> ColumnElement[bool]:
    """Whether the JSON array at ``column[key]`` holds the string ``value``."""
    if dialect.name == "postgresql":
        return cast(column, postgresql.JSONB)[key].contains([value])
    items = func.json_each(column, f"$.{key}").table_valued("value")
    return exists(select(items.c.value).where(items.c.value == value))


def json_array_length(column: Any, key: str, dialect: Dialect) -> ColumnElement[int]:
    """How many items the JSON array at ``column[key]`` holds (``NULL`` where there is none)."""
    if dialect.name == "postgresql":
        return func.jsonb_array_length(cast(column, postgresql.JSONB)[key])
    return func.json_array_length(column, f"$.{key}")


def json_objects_have(
    column: Any, key: str, field: str, value: str, dialect: Dialect
) -> ColumnElement[bool]:
    """Whether the JSON array of objects at ``column[key]`` holds one whose ``field`` is the
    string ``value`` (``[{"type": "air_strike", …}]``)."""
    if dialect.name == "postgresql":
        return cast(column, postgresql.JSONB)[key].contains([{field: value}])
    items = func.json_each(column, f"$.{key}").table_valued("value")
    return exists(
        select(items.c.value).where(func.json_extract(items.c.value, f"$.{field}") == value)
    )


def lock_for_migration(connection: Connection) -> None:
    """Serialise migrations within the current transaction (PostgreSQL; SQLite is serialised by
    ``BEGIN IMMEDIATE``)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")


def migration_options(dialect: Dialect) -> dict[str, Any]:
    """Extra ``context.configure`` options for Alembic on ``dialect``."""
    if dialect.name == "sqlite":
        return {"render_as_batch": True, "transactional_ddl": True}
    return {}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and read back as an aware UTC datetime on every dialect."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"timestamp {value.isoformat()} has no time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
