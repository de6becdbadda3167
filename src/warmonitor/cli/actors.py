"""``warmonitor actors`` and ``warmonitor actor alias|merge|rename``: claimants as actors."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from warmonitor.actor_service import correct_actor, list_actors
from warmonitor.cli.app import AnalystOption, DbOption, analyst_name, app, open_store, out

actor_app = typer.Typer(no_args_is_help=True, help="Correct an actor: alias, merge, rename.")
app.add_typer(actor_app, name="actor")


class ActorsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("actors")
def actors_command(
    output: Annotated[ActorsFormat, typer.Option("--format", "-f")] = ActorsFormat.table,
    db: DbOption = None,
) -> None:
    """List the claimants of the store as actors: name, kind, words used, latest figures."""
    with open_store(db) as store:
        actors = list_actors(store)
    if output == ActorsFormat.json:
        sys.stdout.write(json.dumps([a.to_dict() for a in actors], ensure_ascii=False) + "\n")
        return
    table = Table("actor", "kind", "claims", "words in reports", "latest figures")
    for a in actors:
        words = "; ".join(a.words[:4]) + (" …" if len(a.words) > 4 else "")
        latest = "; ".join(
            f"{o} {g}: {f}" + (f" ({d.isoformat()})" if d else "") for o, g, f, d in a.latest[:3]
        )
        name = a.name + (f" [{a.id}]" if a.id else "")
        table.add_row(escape(name), a.kind, str(a.claims), escape(words), escape(latest))
    out.print(table)


ActorArgument = Annotated[str, typer.Argument(help="The actor: its id or one of its names.")]


def _correct(action: str, actor: str, value: str, analyst: str | None, db: str | None) -> None:
    with open_store(db) as store:
        correct_actor(store, action, actor, value, analyst=analyst_name(analyst))


@actor_app.command("alias")
def alias_command(
    actor: ActorArgument,
    words: Annotated[str, typer.Argument(help="Words that name this actor.")],
    analyst: AnalystOption = None,
    db: DbOption = None,
) -> None:
    """Make WORDS name ACTOR in every report (an unknown name becomes a new actor)."""
    _correct("alias", actor, words, analyst, db)
    out.print(f"{escape(words)!r} now names {escape(actor)}")


@actor_app.command("merge")
def merge_command(
    actor: ActorArgument,
    other: Annotated[str, typer.Argument(help="The actor that is the same one.")],
    analyst: AnalystOption = None,
    db: DbOption = None,
) -> None:
    """Make OTHER one actor with ACTOR: its names become ACTOR's."""
    _correct("merge", actor, other, analyst, db)
    out.print(f"{escape(other)} merged into {escape(actor)}")


@actor_app.command("rename")
def rename_command(
    actor: ActorArgument,
    name: Annotated[str, typer.Argument(help="The name to show.")],
    analyst: AnalystOption = None,
    db: DbOption = None,
) -> None:
    """Call ACTOR by NAME everywhere (the old name stays an alias)."""
    _correct("rename", actor, name, analyst, db)
    out.print(f"{escape(actor)} is now shown as {escape(name)}")
