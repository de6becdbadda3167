"""Building the SQLAlchemy engine for a store URL.

The default URL comes from :func:`warmonitor.settings.load_settings`: ``WARMONITOR_DB``, else the
SQLite file ``warmonitor.db`` in the data directory (``$WARMONITOR_DATA_DIR``, else
``$XDG_DATA_HOME/warmonitor``, else ``~/.local/share/warmonitor``). PostgreSQL needs a driver,
e.g. ``pip install 'psycopg[binary]'`` and ``postgresql+psycopg://user:pass@host/db``.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from warmonitor.errors import StoreError
from warmonitor.settings import load_settings
from warmonitor.store import dialect

__all__ = ["default_url", "make_engine", "parse_url"]


def default_url() -> str:
    """The store URL the settings name (see the module docstring)."""
    return load_settings().database_url


def parse_url(url: str | URL) -> URL:
    """Parse and check ``url``; :class:`StoreError` if it is malformed or not supported."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        shown = "<hidden>" if "@" in str(url) else str(url)  # may hold a password
        raise StoreError(
            f"not a database URL: {shown!r} (expected sqlite:///path or postgresql://user@host/db)"
        ) from exc
    dialect.check_backend(parsed)
    return parsed


def make_engine(url: str | URL | None = None) -> Engine:
    """An engine for ``url`` (default :func:`default_url`) with the dialect's settings installed.

    Nothing is connected yet; for SQLite the file's directory is created. A database error
    never shows its statement's parameters (names, password and token hashes), in a message,
    a log or a traceback.
    """
    parsed = parse_url(default_url() if url is None else url)
    dialect.prepare(parsed)
    try:
        engine = create_engine(parsed, hide_parameters=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no database driver for {parsed.drivername!r}: {exc}") from exc
    dialect.configure_engine(engine)
    return engine
