"""``warmonitor estimate``: the population size from overlapping lists (multiple systems
estimation), from a CSV of capture histories or the store's linked victim lists:

    warmonitor estimate --captures FILE.csv [--method lcmcr|loglinear] [--seed N]
        [--format table|json] [--stratify COLUMN …] [--chart out.png]
        [--K 10 --a 0.25 --b 0.25 --burnin 10000 --samples 1000 --thin 100]
        [--criterion aic|bic] [--level 0.95]
    warmonitor estimate --sensitivity 0.8=linked80.csv --sensitivity 0.9=linked90.csv …
    warmonitor estimate --sensitivity 0.5 --sensitivity 0.7 --sensitivity 0.9   (the store's lists)
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from warmonitor.cli.app import DbOption, app, open_store, out
from warmonitor.errors import ConfigurationError

if TYPE_CHECKING:
    from warmonitor.estimate import Estimate, ThresholdEstimate
    from warmonitor.estimate_service import EstimationReport

__all__ = ["estimate_command"]


class EstimateMethod(StrEnum):
    lcmcr = "lcmcr"
    loglinear = "loglinear"


class EstimateFormat(StrEnum):
    table = "table"
    json = "json"


class CriterionChoice(StrEnum):
    aic = "aic"
    bic = "bic"


@app.command("estimate")
def estimate_command(
    captures: Annotated[
        Path | None,
        typer.Option(help="CSV: one row per documented person, one 0/1 column per list."),
    ] = None,
    method: Annotated[EstimateMethod, typer.Option()] = EstimateMethod.lcmcr,
    seed: Annotated[int, typer.Option(help="Seed of the LCMCR sampler.")] = 0,
    output: Annotated[EstimateFormat, typer.Option("--format", "-f")] = EstimateFormat.table,
    stratify: Annotated[
        list[str] | None,
        typer.Option(
            help="A column to estimate within (repeatable); from the store: place, year, month."
        ),
    ] = None,
    chart: Annotated[
        Path | None, typer.Option(help="PNG: documented against estimated per stratum.")
    ] = None,
    k: Annotated[int, typer.Option("--K", help="LCMCR: latent classes.")] = 10,
    a: Annotated[float, typer.Option("--a", help="LCMCR: Gamma shape of alpha.")] = 0.25,
    b: Annotated[float, typer.Option("--b", help="LCMCR: Gamma rate of alpha.")] = 0.25,
    burnin: Annotated[int, typer.Option(help="LCMCR: iterations discarded.")] = 10_000,
    samples: Annotated[int, typer.Option(help="LCMCR: draws kept.")] = 1_000,
    thin: Annotated[int, typer.Option(help="LCMCR: iterations per draw kept.")] = 100,
    criterion: Annotated[
        CriterionChoice, typer.Option(help="Log-linear: model selection.")
    ] = CriterionChoice.aic,
    level: Annotated[float, typer.Option(help="The interval's probability.")] = 0.95,
    sensitivity: Annotated[
        list[str] | None,
        typer.Option(
            help="THRESHOLD (the store's lists linked at it, from the stored pairs) or "
            "THRESHOLD=FILE (captures linked at it): one row per threshold (repeat)."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Estimate how many were killed, documented or not, from three or more overlapping lists."""
    # the estimation stack (numpy) is imported when the command runs, not by every command
    from warmonitor.estimate import LcmcrSettings, Plan
    from warmonitor.estimate_service import (
        estimate_captures,
        estimate_sensitivity,
        read_captures,
        stored_captures,
        stored_sensitivity,
    )

    lcmcr = LcmcrSettings(K=k, a=a, b=b, burnin=burnin, samples=samples, thin=thin, seed=seed)
    plan = Plan(method=method.value, lcmcr=lcmcr, criterion=criterion.value, level=level)
    if sensitivity:
        if all("=" not in value for value in sensitivity):
            with open_store(db) as store:
                rows = stored_sensitivity(store, _thresholds(sensitivity), plan)
        else:
            rows = estimate_sensitivity(_threshold_files(sensitivity), plan)
        _print_sensitivity(rows, output)
        return
    columns = tuple(stratify or ())
    if captures is None:
        with open_store(db) as store:
            stored = stored_captures(store, columns)
        tables = stored.tables
        source = f"the store's linked victim lists (threshold {stored.threshold:g})"
    else:
        tables = read_captures(captures, columns)
        source = str(captures)
    report = estimate_captures(tables, plan, source, columns)
    if chart is not None:
        from warmonitor.cli.estimate_chart import write_chart

        write_chart(report, chart)
    if output == EstimateFormat.json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False) + "\n")
        return
    _print_table(report)
    if chart is not None:
        out.print(f"chart written to {escape(str(chart))}")


def _thresholds(values: list[str]) -> list[float]:
    try:
        return [float(v) for v in values]
    except ValueError:
        raise ConfigurationError(
            f"--sensitivity takes THRESHOLD (from the store) or THRESHOLD=FILE, got {values!r}"
        ) from None


def _threshold_files(values: list[str]) -> dict[float, Path]:
    files: dict[float, Path] = {}
    for value in values:
        threshold, sep, path = value.partition("=")
        try:
            files[float(threshold)] = Path(path)
        except ValueError:
            sep = ""
        if not sep or not path:
            raise ConfigurationError(f"--sensitivity takes THRESHOLD=FILE, got {value!r}")
    return files


def _print_sensitivity(rows: list[ThresholdEstimate], output: EstimateFormat) -> None:
    if output == EstimateFormat.json:
        body = [{"threshold": r.threshold} | r.estimate.as_dict() for r in rows]
        sys.stdout.write(json.dumps({"sensitivity": body}, ensure_ascii=False) + "\n")
        return
    level = f"{rows[0].estimate.level:.0%}"
    table = Table("threshold", "documented", "estimate", f"{level} low", f"{level} high")
    for r in rows:
        e = r.estimate
        table.add_row(
            f"{r.threshold:g}",
            f"{e.documented:,}",
            _number(e.estimate),
            _number(e.low),
            _number(e.high),
        )
    out.print(table)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == value and value != float("inf") else "-"


def _print_table(report: EstimationReport) -> None:
    level = f"{report.total.level:.0%}"
    table = Table("stratum", "documented", "estimate", f"{level} low", f"{level} high")
    rows: list[tuple[str, Estimate]] = [
        (" / ".join(s.stratum), s.estimate) for s in report.strata if report.strata_columns
    ]
    rows.append(("total" if report.strata_columns else "all", report.total))
    for name, e in rows:
        table.add_row(
            escape(name), f"{e.documented:,}", _number(e.estimate), _number(e.low), _number(e.high)
        )
    out.print(table)
    out.print(escape(_describe(report)), highlight=False)


def _describe(report: EstimationReport) -> str:
    plan = report.plan
    lists = ", ".join(report.total.lists)
    if plan.method == "lcmcr":
        s = plan.lcmcr
        how = (
            f"LCMCR posterior median and equal-tailed interval; K={s.K}, a={s.a}, b={s.b}, "
            f"burn-in {s.burnin}, {s.samples} draws thinned by {s.thin}, seed {s.seed}"
        )
        if not report.strata_columns:
            how += f"; about {report.total.details['effective_draws']:.0f} effective draws"

    else:
        model = report.strata[0].estimate.details.get("model", {})
        terms = ", ".join(model.get("terms", [])) or "independence"
        how = (
            f"log-linear model selected by {plan.criterion.upper()}, profile-likelihood "
            f"interval" + ("" if report.strata_columns else f"; interactions: {terms}")
        )
    return f"{how}. Lists: {lists}. Source: {report.source}. {report.seconds:.2f} s."
