"""The Typer app every command registers on, the options and consoles they share, and ``main``.

Command modules (``documents``, ``incidents``) import :data:`app` from here and register their
commands at import; ``warmonitor.cli`` imports them. Errors of the core
(:class:`~warmonitor.errors.WarmonitorError`) are mapped once, in :func:`main`, to a message on
stderr and exit status 1.
"""

from __future__ import annotations

import getpass
import os
import sys
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from warmonitor.errors import ConfigurationError, WarmonitorError
from warmonitor.settings import load_settings
from warmonitor.store import Store

__all__ = [
    "AnalystOption",
    "DbOption",
    "analyst_name",
    "app",
    "err",
    "main",
    "open_store",
    "out",
    "parse_published",
]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn war reports into sourced casualty claims.",
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (default: $WARMONITOR_DB, else a SQLite file in the data dir)."
    ),
]

AnalystOption = Annotated[
    str | None,
    typer.Option(help="Who decides (default: $WARMONITOR_ANALYST, else your user name)."),
]


def analyst_name(value: str | None) -> str:
    """Who decides: ``--analyst``, else ``$WARMONITOR_ANALYST``, else the user name."""
    if value or os.environ.get("WARMONITOR_ANALYST"):
        return value or os.environ["WARMONITOR_ANALYST"]
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "analyst"


def open_store(db: str | None) -> Store:
    """The store at ``--db``, else the configured one."""
    return Store.open(db or load_settings().database_url)


def parse_published(value: str | None) -> date | None:
    """The ``--published`` option as a date; :class:`ConfigurationError` unless YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigurationError(
            f"--published must be a date as YYYY-MM-DD, got {value!r}"
        ) from None


def main() -> None:
    """Entry point: run the app, mapping warmonitor's own errors to a clear message."""
    try:
        app()
    except WarmonitorError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
        sys.exit(1)
