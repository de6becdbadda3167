"""``warmonitor user add|list|disable|token``: the server's users, from the command line.

The first admin is made here (``warmonitor user add ana --role admin``); every change is
written to the audit log as done by ``cli:<your user name>``.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from warmonitor.cli.app import DbOption, analyst_name, app, open_store, out
from warmonitor.errors import ConfigurationError
from warmonitor.user_service import add_user, new_token, revoke_token, set_disabled

user_app = typer.Typer(no_args_is_help=True, help="The server's users: add, list, disable, token.")
app.add_typer(user_app, name="user")


class Role(StrEnum):
    viewer = "viewer"
    analyst = "analyst"
    admin = "admin"


class UsersFormat(StrEnum):
    table = "table"
    json = "json"


NameArgument = Annotated[str, typer.Argument(help="The user's name (letters, digits, . _ @ -).")]


def _by() -> str:
    return f"cli:{analyst_name(None)}"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ConfigurationError("no password on standard input")
        return password
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return value


@user_app.command("add")
def add_command(
    name: NameArgument,
    role: Annotated[Role, typer.Option("--role", "-r", help="viewer < analyst < admin.")] = (
        Role.viewer
    ),
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Add a user; the password (at least 10 characters) is asked twice, or read from stdin."""
    password = _password(password_stdin)
    with open_store(db) as store:
        user = add_user(store, name, role.value, password, by=_by())
    out.print(f"added {escape(user.name)} ({user.role})")


@user_app.command("list")
def list_command(
    output: Annotated[UsersFormat, typer.Option("--format", "-f")] = UsersFormat.table,
    db: DbOption = None,
) -> None:
    """List the users: name, role, whether disabled, when added, live tokens."""
    with open_store(db) as store:
        users = store.users()
        tokens = store.tokens()
    live: dict[str, int] = {}
    for token in tokens:
        if token.revoked_at is None:
            live[token.user] = live.get(token.user, 0) + 1
    if output == UsersFormat.json:
        rows = [
            {
                "name": u.name,
                "role": u.role,
                "disabled": u.disabled,
                "created_at": u.created_at.isoformat(),
                "tokens": live.get(u.name, 0),
            }
            for u in users
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    table = Table("user", "role", "disabled", "added", "tokens")
    for u in users:
        table.add_row(
            escape(u.name),
            u.role,
            "yes" if u.disabled else "",
            u.created_at.strftime("%Y-%m-%d %H:%M"),
            str(live.get(u.name, 0)),
        )
    out.print(table)


@user_app.command("disable")
def disable_command(
    name: NameArgument,
    enable: Annotated[bool, typer.Option("--enable", help="Enable the user again.")] = False,
    db: DbOption = None,
) -> None:
    """Disable a user: their logins, sessions and tokens are refused from now on."""
    with open_store(db) as store:
        set_disabled(store, name, not enable, by=_by())
    out.print(f"{escape(name)} {'enabled' if enable else 'disabled'}")


@user_app.command("token")
def token_command(
    name: NameArgument,
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    revoke: Annotated[
        int | None, typer.Option(help="Revoke the token with this id instead (see --list).")
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the user's tokens.")] = False,
    db: DbOption = None,
) -> None:
    """Make a bearer token for the API and print it (once: only its hash is kept); or list
    the user's tokens, or revoke one."""
    with open_store(db) as store:
        if list_:
            store.user(name)
            table = Table("id", "label", "made", "revoked")
            for t in store.tokens(name):
                revoked = t.revoked_at.strftime("%Y-%m-%d %H:%M") if t.revoked_at else ""
                made = t.created_at.strftime("%Y-%m-%d %H:%M")
                table.add_row(str(t.id), escape(t.label or ""), made, revoked)
            out.print(table)
            return
        if revoke is not None:
            revoke_token(store, name, revoke, by=_by())
            out.print(f"token {revoke} of {escape(name)} revoked")
            return
        token, _record = new_token(store, name, label=label, by=_by())
    sys.stdout.write(token + "\n")
