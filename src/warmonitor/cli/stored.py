"""The stored-document commands of the CLI, registered on ``warmonitor.cli.app.app``:
``warmonitor documents`` (list them) and ``warmonitor document ID`` (show one, or correct its
publication date, publisher or URL and re-extract its claims).

Each command parses its options, calls the store or one function of ``pipeline`` and renders
the result; errors of the core are mapped in :func:`warmonitor.cli.app.main`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from warmonitor.cli.app import DbOption, app, open_store, out, parse_published
from warmonitor.store import StoredDocument

__all__ = ["DOCUMENT_COLUMNS", "DocumentFormat", "document_rows"]


class DocumentFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


DOCUMENT_COLUMNS = [
    "id",
    "source",
    "title",
    "published",
    "publisher",
    "url",
    "claims",
    "ingested_at",
]


def document_rows(documents: list[StoredDocument], claims: dict[str, int]) -> list[dict[str, Any]]:
    """One flat row per stored document; ``claims`` counts the version ``claims`` shows."""
    return [
        {
            "id": stored.id,
            "source": stored.document.source,
            "title": stored.document.title,
            "published": stored.document.published.isoformat()
            if stored.document.published
            else None,
            "publisher": stored.document.publisher,
            "url": stored.document.url,
            "claims": claims.get(stored.id, 0),
            "ingested_at": stored.ingested_at.isoformat(),
        }
        for stored in documents
    ]


@app.command("documents")
def documents_command(
    format: Annotated[DocumentFormat, typer.Option("--format", "-f")] = DocumentFormat.table,
    db: DbOption = None,
) -> None:
    """List the stored documents: id, source, publication date, publisher, URL, claims."""
    with open_store(db) as store:
        rows = document_rows(store.documents(), store.claim_counts())
    if format is DocumentFormat.json:
        out.print_json(json.dumps(rows, ensure_ascii=False))
    elif format is DocumentFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=DOCUMENT_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
        sys.stdout.write(buffer.getvalue())
    else:
        out.print(_table(rows))


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} document(s)")
    for column in ("id", "source", "published", "publisher", "url", "claims"):
        table.add_column(
            column,
            overflow="fold",
            no_wrap=column == "id",
            justify="right" if column == "claims" else "left",
        )
    for row in rows:
        table.add_row(
            row["id"],
            row["source"] or "",
            row["published"] or "—",
            row["publisher"] or "—",
            row["url"] or "",
            str(row["claims"]),
        )
    return table


@app.command("document")
def document_command(
    document_id: Annotated[str, typer.Argument(metavar="ID", help="The document's id.")],
    published: Annotated[
        str | None, typer.Option(help="Correct the publication date (YYYY-MM-DD).")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Correct the publisher.")] = None,
    url: Annotated[str | None, typer.Option(help="Correct the URL.")] = None,
    db: DbOption = None,
) -> None:
    """Show a stored document's metadata, or correct its publication date, publisher or URL and
    re-extract its claims with them (dates in the text are read against the publication date).
    The id stays; claims keep their ids, so reviews and incident decisions still hold."""
    when = parse_published(published)
    with open_store(db) as store:
        if when is None and publisher is None and url is None:
            document = store.document(document_id)
            count = store.claim_counts().get(document_id, 0)
            for name, value in (
                ("id", document.id),
                ("source", document.source),
                ("title", document.title),
                ("published", document.published.isoformat() if document.published else None),
                ("publisher", document.publisher),
                ("url", document.url),
                ("claims", count),
            ):
                out.print(f"{name}: {'—' if value is None else value}", highlight=False)
            return
        from warmonitor.pipeline import correct_document

        document, changes = correct_document(
            store, document_id, published=when, publisher=publisher, url=url
        )
    stated = ", ".join(
        f"{name} {value}"
        for name, value in (
            ("published", document.published.isoformat() if document.published else "—"),
            ("publisher", document.publisher or "—"),
            ("url", document.url or "—"),
        )
    )
    out.print(f"document {document.id}: {stated}", highlight=False)
    kept = f", {changes.kept} kept for their reviews" if changes.kept else ""
    out.print(
        f"claims re-extracted: {changes.rewritten} rewritten, {changes.added} added, "
        f"{changes.deleted} deleted{kept}",
        highlight=False,
    )
