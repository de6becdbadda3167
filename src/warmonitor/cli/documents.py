"""The document commands of the CLI, registered on ``warmonitor.cli.app.app``:
``warmonitor ingest|claims|extract|demo|version``.

Each command parses its options, calls one function of ``pipeline`` (or the store) and renders
the result; errors of the core are mapped in :func:`warmonitor.cli.app.main`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warmonitor import __version__
from warmonitor.cli.app import (
    DbOption,
    PerpetratorKindOption,
    VictimOption,
    ViolationOption,
    app,
    err,
    open_store,
    out,
    parse_published,
    violation_filter,
)
from warmonitor.cli.rtl import evidence_text
from warmonitor.gazetteer.arabic import latin
from warmonitor.model import Claim
from warmonitor.settings import load_settings
from warmonitor.store import Store

__all__ = ["ClaimFormat", "CountingChoice", "claims_csv", "claims_table", "render_claims"]


class ClaimFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class CountingChoice(StrEnum):
    """What a prediction's killed figure counts (``docs/HEADLINE.md``)."""

    all = "all"
    non_combatant = "non-combatant"


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.")],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD for documents that do not state one "
            "(a document's own date wins)."
        ),
    ] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Publisher for documents that do not name one.")
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="URL for documents that do not state one.")
    ] = None,
    workers: Annotated[int | None, typer.Option(help="Processes (default: 2 cores).")] = None,
    db: DbOption = None,
) -> None:
    """Read reports (text, HTML, RSS/Atom, JSON Lines, directories) and store their claims."""
    from warmonitor.pipeline import ingest_paths

    when = parse_published(published)
    with open_store(db) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=0)
        documents = 0

        def found(n: int) -> None:  # the total grows as each file's documents are read
            nonlocal documents
            documents += n
            bar.update(task, total=documents)

        report = ingest_paths(
            paths,
            store,
            published=when,
            publisher=publisher,
            url=url,
            max_bytes=load_settings().max_bytes,
            progress=lambda n: bar.advance(task, n),
            found=found,
            workers=workers,
        )
    for failure in report.failures:
        err.print(f"[red]error[/red] {failure.source}: {failure.reason}", highlight=False)
    out.print(
        f"{report.documents_new} new document(s), {report.documents_seen} already stored, "
        f"{report.claims_added} claim(s) added, {len(report.failures)} failure(s)"
    )
    if report.failures:
        raise typer.Exit(1)


@app.command()
def claims(
    format: Annotated[ClaimFormat, typer.Option("--format", "-f")] = ClaimFormat.table,
    document: Annotated[str | None, typer.Option(help="Only this document's claims.")] = None,
    evidence: Annotated[
        bool,
        typer.Option(
            "--evidence",
            help="Table: each claim's sentence after it, the figure highlighted (Arabic right "
            "to left).",
        ),
    ] = False,
    violation: ViolationOption = None,
    perpetrator_kind: PerpetratorKindOption = None,
    victim: VictimOption = None,
    db: DbOption = None,
) -> None:
    """Print the stored claims (JSON follows the claim contract in docs/CLAIMS.md)."""
    wanted = violation_filter(violation, perpetrator_kind, victim)
    with open_store(db) as store:
        rows = store.claims(document_id=document)
    if wanted.active:
        rows = [c for c in rows if wanted.matches_claim(c)]
    render_claims(rows, format)
    if evidence and format is ClaimFormat.table:
        for c in rows:
            out.print(f"[dim]{c.id[:8]}[/dim]", evidence_text(c))


def render_claims(rows: list[Claim], format: ClaimFormat) -> None:
    """Print claims in one of the formats."""
    if format is ClaimFormat.json:
        out.print_json(json.dumps([c.to_dict() for c in rows], ensure_ascii=False))
    elif format is ClaimFormat.jsonl:
        for c in rows:
            sys.stdout.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    elif format is ClaimFormat.csv:
        sys.stdout.write(claims_csv(rows))
    else:
        out.print(claims_table(rows))


CSV_COLUMNS = [
    "id",
    "document_id",
    "outcome",
    "low",
    "high",
    "count_text",
    "approximate",
    "victims_group",
    "victims_text",
    "claimant",
    "claimant_kind",
    "reported_by",
    "hedges",
    "place",
    "country",
    "lat",
    "lon",
    "period_start",
    "period_end",
    "said_on",
    "part_of",
    "cumulative",
    "evidence",
    "evidence_start",
    "extractor",
    "claimant_latin",
    "victims_text_latin",
    "place_text",
    "place_text_latin",
]


def claims_csv(rows: list[Claim]) -> str:
    """Claims as CSV, one flat row each."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for c in rows:
        p, t = c.place, c.period
        writer.writerow(
            [
                c.id,
                c.document_id,
                c.outcome,
                c.count.low,
                c.count.high,
                c.count.text,
                c.count.approximate,
                c.victims.group,
                c.victims.text,
                c.claimant.name or "",
                c.claimant.kind,
                c.reported_by or "",
                ";".join(c.hedges),
                p.name if p else "",
                p.country if p else "",
                p.lat if p else "",
                p.lon if p else "",
                t.start if t and t.start else "",
                t.end if t and t.end else "",
                c.said_on or "",
                c.part_of or "",
                c.cumulative,
                c.evidence.sentence,
                c.evidence.start,
                c.extractor,
                latin(c.claimant.name or ""),
                latin(c.victims.text),
                p.text if p else "",
                latin(p.text) if p else "",
            ]
        )
    return buf.getvalue()


def claims_table(rows: list[Claim]) -> Table:
    """Claims as a rich table for the terminal."""
    table = Table(title=f"{len(rows)} claim(s)", show_lines=False)
    for col in (
        "id",
        "outcome",
        "count",
        "victims",
        "claimant",
        "hedges",
        "place",
        "period",
        "part of",
    ):
        table.add_column(col, overflow="fold")
    for c in rows:
        count = (
            f"{c.count.low}"
            if c.count.high == c.count.low
            else (f"{c.count.low}–{c.count.high}" if c.count.high else f"≥{c.count.low}")
        )
        period = ""
        if c.period and c.period.start:
            period = c.period.start.isoformat()
            if c.period.end and c.period.end != c.period.start:
                period += f"…{c.period.end.isoformat()}"
        table.add_row(
            c.id[:8],
            c.outcome,
            f"{count} ({c.count.text})",
            f"{c.victims.group}",
            c.claimant.name or c.claimant.text or "—",
            ", ".join(c.hedges),
            c.place.name if c.place else "",
            period,
            (c.part_of or "")[:8],
        )
    return table


class Engine(StrEnum):
    """Where ``extract`` runs: processes of this machine, or Apache Spark."""

    local = "local"
    spark = "spark"


@app.command()
def extract(
    input: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines records (id, text, title, published), a report file or a directory."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write predictions.")],
    workers: Annotated[
        int | None,
        typer.Option(help="Processes (default: 2 cores); with --engine spark: local[N]."),
    ] = None,
    counting: Annotated[
        CountingChoice,
        typer.Option(help="What the killed figure counts: every death, or the non-combatant dead."),
    ] = CountingChoice.all,
    engine: Annotated[
        Engine,
        typer.Option(help="Run on this machine's processes, or on Apache Spark (docs/SPARK.md)."),
    ] = Engine.local,
    master: Annotated[
        str | None,
        typer.Option(
            help="With --engine spark: the Spark master URL (default: local[N], N = --workers)."
        ),
    ] = None,
) -> None:
    """Predict the headline figures and claims of each record, without touching the store."""
    from warmonitor.pipeline import predict_file

    if master is not None and engine is not Engine.spark:
        raise typer.BadParameter("--master is for --engine spark", param_hint="--master")
    if not input.exists():
        raise typer.BadParameter(f"{input}: no such file or directory", param_hint="INPUT")
    with _engine(engine, master, workers) as runner, _progress() as bar:
        task = bar.add_task("extracting", total=None)
        written, failures = predict_file(
            input,
            output,
            workers=workers,
            progress=lambda n: bar.advance(task, n),
            found=lambda n: bar.update(task, total=n),
            counting=counting.value,
            runner=runner,
        )
    for failure in failures:
        err.print(f"[red]error[/red] {failure.source}: {failure.reason}", highlight=False)
    err.print(f"{written} prediction(s) written to {output}")
    if failures:
        raise typer.Exit(1)


@contextmanager
def _engine(engine: Engine, master: str | None, workers: int | None) -> Iterator[Any]:
    """The chunk runner of ``engine`` (None: the local one); Spark is imported only here."""
    if engine is Engine.local:
        yield None
        return
    from warmonitor.engines.spark import SparkEngine

    with SparkEngine(master, workers=workers) as spark:
        yield spark.predict


@app.command()
def demo(
    db: Annotated[Path, typer.Option(help="SQLite file for the demo store (recreated).")] = Path(
        "warmonitor-demo.db"
    ),
) -> None:
    """Ingest the bundled demo corpus into a fresh local store and show what it holds."""
    from warmonitor.cli.incidents import incidents_table
    from warmonitor.demo import demo_corpus
    from warmonitor.pipeline import ingest_paths
    from warmonitor.reconcile_service import reconcile_incidents

    if db.exists():
        db.unlink()
    url = f"sqlite:///{db}"
    with demo_corpus() as corpus, Store.open(url) as store:
        report = ingest_paths([corpus], store, published=None)
        rows = store.claims()
        incidents = list(reconcile_incidents(store).incidents)  # read while the store is open
    out.print(claims_table(rows))
    out.print(incidents_table(incidents))
    outcomes: dict[str, int] = {}
    for c in rows:
        outcomes[c.outcome] = outcomes.get(c.outcome, 0) + 1
    claimants = sorted({c.claimant.name for c in rows if c.claimant.name})
    out.print(
        f"[bold]{report.documents_new}[/bold] reports, [bold]{len(rows)}[/bold] claims "
        f"({', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))}) from "
        f"{len(claimants)} claimants; hedged: {sum(1 for c in rows if c.hedges)}; "
        f"parts of a total: {sum(1 for c in rows if c.part_of)}."
    )
    out.print(
        f"{len(incidents)} incidents. Store: {db} — try `warmonitor incidents --db {url}`, "
        f"`warmonitor incident ID --db {url}` or `warmonitor claims --db {url} --format json`"
    )
    if report.failures:
        for failure in report.failures:
            err.print(f"[red]error[/red] {failure.source}: {failure.reason}")
        raise typer.Exit(1)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(f"warmonitor {__version__}")
