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
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from warmonitor.display import neutralise_bidi
from warmonitor.errors import ConfigurationError, WarmonitorError
from warmonitor.settings import load_settings
from warmonitor.store import Store
from warmonitor.violation_filters import ViolationFilter

__all__ = [
    "AnalystOption",
    "DbOption",
    "PerpetratorKindOption",
    "VictimOption",
    "ViolationOption",
    "analyst_name",
    "app",
    "err",
    "main",
    "open_store",
    "out",
    "parse_published",
    "violation_filter",
]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn war reports into sourced casualty claims.",
)


class _Console(Console):
    """A console that shows stored text's bidirectional controls as U+FFFD (see
    :mod:`warmonitor.display`): every string printed, or set in a table, passes here."""

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(neutralise_bidi(text), **options)


out = _Console(soft_wrap=True)
err = _Console(stderr=True, soft_wrap=True)

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


ViolationOption = Annotated[
    str | None,
    typer.Option(
        "--violation", metavar="TYPE", help="Only those showing this violation type "
        "(air_strike, shelling, summary_execution …: docs/VIOLATIONS.md)."
    ),
]  # fmt: skip
PerpetratorKindOption = Annotated[
    str | None,
    typer.Option(
        "--perpetrator-kind", metavar="KIND",
        help="Only those whose perpetrator is of this kind: state, state_allied, non_state, "
        "transnational, unknown.",
    ),
]  # fmt: skip
VictimOption = Annotated[
    str | None,
    typer.Option(
        "--victim", metavar="WORDS",
        help="Only those whose victims' identity has these words (journalists, Shiite, …).",
    ),
]  # fmt: skip


def violation_filter(
    violation: str | None, perpetrator_kind: str | None, victim: str | None
) -> ViolationFilter:
    """The filter of the ``--violation``, ``--perpetrator-kind`` and ``--victim`` options;
    :class:`ConfigurationError` naming an unknown type or kind."""
    try:
        return ViolationFilter(violation, perpetrator_kind, victim).check()
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from None


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
