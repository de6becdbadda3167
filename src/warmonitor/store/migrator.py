"""Alembic, run from code: the store's schema is created and upgraded only by its migrations.

The migrations ship inside the package (``migrations/``); no ``alembic.ini`` is needed.
:func:`upgrade` brings a database to head (``Store.open`` calls it). For developers::

    python -m warmonitor.store revision "add claims.said_on" [--autogenerate]
    python -m warmonitor.store upgrade|current [--url URL]
    python -m warmonitor.store heads

``revision`` writes ``migrations/versions/NNNN_<slug>.py`` with the next number; with
``--autogenerate`` it diffs ``schema.py`` against a scratch SQLite database at head (or ``--url``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from warmonitor.errors import StoreError
from warmonitor.store import dialect
from warmonitor.store.engine import make_engine

__all__ = [
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "head_revision",
    "new_revision",
    "upgrade",
]

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """An Alembic config for the package's migrations, on ``url`` or an open ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the store has no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _reason(exc: BaseException) -> str:
    return str(exc.orig) if isinstance(exc, DBAPIError) else str(exc)


def upgrade(engine: Engine) -> str:
    """Bring the database to head in one transaction and return the head revision.

    :class:`StoreError` when the database cannot be reached or migrated, or is at a revision
    this code does not know (written by a newer warmonitor).
    """
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            connection.execution_options(**dialect.WRITE)
            with connection.begin():
                dialect.lock_for_migration(connection)
                current = MigrationContext.configure(connection).get_current_heads()
                unknown = sorted(set(current) - known)
                if unknown:
                    raise StoreError(
                        f"the store at {where} has schema revision {', '.join(unknown)}, newer "
                        f"than this warmonitor knows (head {head}): upgrade warmonitor"
                    )
                if tuple(current) != (head,):
                    command.upgrade(alembic_config(connection=connection), "head")
    except (SQLAlchemyError, CommandError, OSError) as exc:
        raise StoreError(f"cannot open the store at {where}: {_reason(exc)}") from exc
    assert head is not None
    return head


def _next_revision_id(script: ScriptDirectory) -> str:
    numbers = [int(rev.revision) for rev in script.walk_revisions() if rev.revision.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


def new_revision(message: str, *, autogenerate: bool = False, url: str | None = None) -> Path:
    """Write the next migration file and return its path (see the module docstring)."""
    config = alembic_config()
    rev_id = _next_revision_id(ScriptDirectory.from_config(config))
    if not autogenerate:
        script = command.revision(config, message, rev_id=rev_id)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            engine = make_engine(url or f"sqlite:///{Path(scratch) / 'head.db'}")
            try:
                upgrade(engine)
                with engine.begin() as connection:
                    script = command.revision(
                        alembic_config(connection=connection),
                        message,
                        autogenerate=True,
                        rev_id=rev_id,
                    )
            finally:
                engine.dispose()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)
