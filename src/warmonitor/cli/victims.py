"""``warmonitor victims import|link|pairs|export|weights|review export|review import``: victim
lists."""

from __future__ import annotations

import csv
import json
import math
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from warmonitor.cli.app import AnalystOption, DbOption, analyst_name, app, err, open_store, out
from warmonitor.reconcile import DEFAULT_POLICY
from warmonitor.reconcile_service import stored_incidents
from warmonitor.victim_incidents import VICTIM_COLUMNS, VICTIM_NAME_COLUMNS, victim_rows
from warmonitor.victim_service import (
    DEFAULT_THRESHOLD,
    export_review,
    import_review,
    import_victims,
    link_victims,
    linked_pairs,
)

victims_app = typer.Typer(
    no_args_is_help=True, help="Victim lists: import, link across lists, review, pairs."
)
review_app = typer.Typer(no_args_is_help=True, help="Clerical review of uncertain pairs.")
victims_app.add_typer(review_app, name="review")
app.add_typer(victims_app, name="victims")


class LinkEngine(StrEnum):
    """Where Splink runs: an in-memory DuckDB, or Apache Spark."""

    duckdb = "duckdb"
    spark = "spark"


class PairsFormat(StrEnum):
    csv = "csv"
    table = "table"


@victims_app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="A CSV file with a header row (UTF-8).")],
    list_name: Annotated[str, typer.Option("--list", help="The list's name, e.g. moh-2024.")],
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="column=field (fields: record_id, name, alt_name, sex, age, birth_date, "
            "death_date, place, cause, incident); repeat for each column.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Import a list's records; bad rows are reported by line and left out, the rest stored."""
    with open_store(db) as store:
        report = import_victims(store, path, list_name, mapping or [])
    for problem in report.problems:
        err.print(
            f"{escape(report.path)}:{problem.line}: {escape(problem.reason)}", highlight=False
        )
    out.print(
        f"{escape(report.list_name)}: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.problems)} bad rows left out",
        highlight=False,
    )


@victims_app.command("link")
def link_command(
    threshold: Annotated[
        float, typer.Option(help="Link pairs whose match probability is at least this.")
    ] = DEFAULT_THRESHOLD,
    many: Annotated[
        bool,
        typer.Option(
            "--many", help="Let a record link several records of another list (default: one)."
        ),
    ] = False,
    engine: Annotated[
        LinkEngine,
        typer.Option(help="Run Splink on an in-memory DuckDB, or on Apache Spark (docs/SPARK.md)."),
    ] = LinkEngine.duckdb,
    master: Annotated[
        str | None,
        typer.Option(help="With --engine spark: the Spark master URL (default: local[2])."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Link the stored records within and across lists with Splink; store pairs and persons."""
    if master is not None and engine is not LinkEngine.spark:
        raise typer.BadParameter("--master is for --engine spark", param_hint="--master")
    with open_store(db) as store:
        if engine is LinkEngine.spark:
            from warmonitor.engines.spark import SparkEngine

            with SparkEngine(master) as spark:
                report = link_victims(
                    store, threshold=threshold, one_to_one=not many, backend=spark.linkage()
                )
        else:
            report = link_victims(store, threshold=threshold, one_to_one=not many)
    for name, year in sorted(report.reference_years.items()):
        out.print(f"{escape(name)}: ages read as counted in {year}", highlight=False)
    out.print(
        f"{report.records} records, {report.scored} pairs scored, {report.linked} linked "
        f"({report.cross_pairs} across lists), {report.persons} persons, "
        f"{report.uncertain} uncertain pairs for review (threshold {threshold:g})",
        highlight=False,
    )


@victims_app.command("pairs")
def pairs_command(
    output: Annotated[PairsFormat, typer.Option("--format", "-f")] = PairsFormat.csv,
    db: DbOption = None,
) -> None:
    """The linked pairs across lists as left_id,right_id (the lists' own record ids)."""
    with open_store(db) as store:
        pairs = linked_pairs(store)
    if output == PairsFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["left_id", "right_id"])
        writer.writerows((left, right) for _, left, _, right in pairs)
        return
    table = Table("left list", "left_id", "right list", "right_id")
    for row in pairs:
        table.add_row(*(escape(v) for v in row))
    out.print(table)


class VictimsFormat(StrEnum):
    csv = "csv"
    json = "json"


@victims_app.command("export")
def victims_export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    format: Annotated[VictimsFormat, typer.Option("--format", "-f")] = VictimsFormat.csv,
    names: Annotated[
        bool,
        typer.Option(
            "--names/--no-names", help="Keep the name columns (default) or leave them out."
        ),
    ] = True,
    db: DbOption = None,
) -> None:
    """Every stored record with its linked person, the place as the gazetteer read it and the
    incident it names a victim of; --no-names leaves the names out (docs/VICTIMS.md)."""
    with open_store(db) as store:
        result = stored_incidents(store, DEFAULT_POLICY, claims=False)
        rows = victim_rows(store, result.incidents, names=names)
    columns = VICTIM_COLUMNS + (VICTIM_NAME_COLUMNS if names else [])
    output.parent.mkdir(parents=True, exist_ok=True)
    if format is VictimsFormat.json:
        text = json.dumps(rows, ensure_ascii=False, indent=1)
        output.write_text(text + "\n", encoding="utf-8")
    else:
        with output.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})
    named = sum(1 for r in rows if r["incident_id"])
    err.print(
        f"{len(rows)} record(s) written to {output} ({format.value}), {named} named for an "
        f"incident{'' if names else '; names left out'}",
        markup=False,
        highlight=False,
    )


@victims_app.command("weights")
def weights_command(db: DbOption = None) -> None:
    """The latest model's match weights: each comparison level's m, u and log2(m/u)."""
    with open_store(db) as store:
        run = store.victim_link_run()
    if run is None:
        err.print("no link run yet: run warmonitor victims link")
        raise typer.Exit(1)
    threshold, model = run
    table = Table("comparison", "level", "m", "u", "weight")
    for comparison in model.get("comparisons", []):
        for level in comparison["comparison_levels"]:
            m, u = level.get("m_probability"), level.get("u_probability")
            weight = (
                "0" if level.get("is_null_level") or not m or not u else f"{math.log2(m / u):+.2f}"
            )
            table.add_row(
                comparison["output_column_name"],
                escape(str(level.get("label_for_charts", ""))),
                "" if m is None else f"{m:.4f}",
                "" if u is None else f"{u:.5f}",
                weight,
            )
    out.print(table)
    for prior in model.get("warmonitor_priors", []):
        lists = " × ".join(prior["lists"])
        out.print(
            f"prior {escape(lists)}: {prior['probability_two_random_records_match']:.3g}",
            highlight=False,
        )
    out.print(f"threshold {threshold:g}", highlight=False)


@review_app.command("export")
def review_export_command(
    path: Annotated[Path, typer.Argument(help="The CSV file to write.")],
    low: Annotated[float, typer.Option(help="Least match probability exported.")] = 0.2,
    high: Annotated[
        float, typer.Option(help="Pairs at this probability or above are sure.")
    ] = 0.99,
    db: DbOption = None,
) -> None:
    """Write the undecided pairs scored in [low, high) for review: fill 'decision' with match or
    non-match and import the file back."""
    with open_store(db) as store:
        text = export_review(store, low=low, high=high)
    path.write_text(text, encoding="utf-8")
    out.print(f"{max(text.count(chr(10)) - 1, 0)} pairs written to {escape(str(path))}")


@review_app.command("import")
def review_import_command(
    path: Annotated[Path, typer.Argument(help="A review file with decisions filled in.")],
    analyst: AnalystOption = None,
    db: DbOption = None,
) -> None:
    """Store the decisions of a review file; they are kept and applied by every link run."""
    with open_store(db) as store:
        stored, problems = import_review(store, path, reviewer=analyst_name(analyst))
    for problem in problems:
        err.print(f"{escape(str(path))}:{problem.line}: {escape(problem.reason)}", highlight=False)
    out.print(f"{stored} decisions stored; run warmonitor victims link to apply them")
