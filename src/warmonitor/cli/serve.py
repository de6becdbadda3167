"""``warmonitor serve``: the API over the store, with uvicorn (docs/API.md)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from warmonitor.cli.app import DbOption, app, err
from warmonitor.settings import load_settings


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
    workers: Annotated[
        int,
        typer.Option(
            help="Server processes: more than one uses more cores (each keeps its own "
            "connections and its own decoded incidents).",
            min=1,
            max=64,
        ),
    ] = 1,
) -> None:
    """Serve the API (JSON under /api, GET /health open to all) until interrupted."""
    import uvicorn  # imported here: the other commands start without the server's stack

    from warmonitor.web import create_app

    url = db or load_settings().database_url
    web = create_app(url)  # migrates the store and makes the session key once, here
    if not web.state.store.users():
        err.print("no users yet: add one with `warmonitor user add NAME --role admin`")
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(
            f"listening on {host}: put it behind TLS, the session cookie and tokens travel in clear"
        )
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="info", proxy_headers=False)
        return
    web.state.store.close()
    os.environ["WARMONITOR_DB"] = url  # each worker process builds the app over this store
    uvicorn.run(
        "warmonitor.web:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        proxy_headers=False,
    )
