"""The Alembic environment of the store, run from code by ``warmonitor.store.migrator``.

Online runs use the connection the caller put in ``config.attributes["connection"]`` (already in
a transaction), else a fresh engine for ``sqlalchemy.url``; ``--sql`` (offline) runs render SQL for
``sqlalchemy.url``'s dialect.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from warmonitor.store import dialect
from warmonitor.store.engine import make_engine, parse_url
from warmonitor.store.schema import Base, in_models

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=in_models,
        **dialect.migration_options(connection.dialect),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    url = parse_url(config.get_main_option("sqlalchemy.url") or "")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as fresh:
            _run(fresh)
            fresh.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
