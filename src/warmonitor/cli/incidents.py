"""The incident commands of the CLI, registered on ``warmonitor.cli.app.app``:

    warmonitor reconcile [--policy NAME] [--ranking KINDS]
    warmonitor incidents [--format table|json|csv] [--policy NAME] [--violation TYPE]
                         [--perpetrator-kind KIND] [--victim WORDS]
    warmonitor incident ID [--chart out.png]     (the same as `incident show ID`)
    warmonitor incident ID --follow-up KIND --date YYYY-MM-DD [--source S] [--note N]
    warmonitor incident merge ID ID [ID …]
    warmonitor incident split ID --claims CLAIM_ID [--claims CLAIM_ID …]
    warmonitor incident move CLAIM_ID --to ID
    warmonitor export --format csv|json|geojson|ucdp|acled|parquet --output FILE

Each command opens the store, calls one verb of ``reconcile_service`` or ``export`` and renders.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from warmonitor.cli.app import (
    AnalystOption,
    DbOption,
    PerpetratorKindOption,
    VictimOption,
    ViolationOption,
    analyst_name,
    app,
    err,
    open_store,
    out,
    violation_filter,
)
from warmonitor.cli.tolls import aside_lines, series_lines, write_chart
from warmonitor.errors import ConfigurationError
from warmonitor.export import EXPORT_FORMATS, TALLY_COLUMNS, export_incidents, tally_rows
from warmonitor.follow_up_service import FOLLOW_UP_KINDS, follow_ups_of, record_follow_up
from warmonitor.reconcile import DEFAULT_POLICY, DEFAULT_RANKING, POLICIES, Incident, Tally
from warmonitor.reconcile.wording import figure_text, group_label, number
from warmonitor.reconcile_service import (
    Reconciliation,
    merge_incidents,
    move_claim,
    reconcile_incidents,
    split_incident,
    stored_incidents,
)
from warmonitor.store.follow_ups import FollowUp
from warmonitor.victim_incidents import named_victims
from warmonitor.victims.incidents import Named

__all__ = ["incident_app"]


class _ShowByDefault(TyperGroup):
    """``warmonitor incident ID`` runs ``incident show ID``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


incident_app = typer.Typer(
    cls=_ShowByDefault,
    no_args_is_help=True,
    help="Show one incident (`warmonitor incident ID`), or merge, split and move.",
)
app.add_typer(incident_app, name="incident")


class IncidentFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    geojson = "geojson"
    ucdp = "ucdp"
    acled = "acled"
    parquet = "parquet"


assert tuple(ExportFormat) == EXPORT_FORMATS


class PolicyName(StrEnum):
    conservative = "conservative"
    median = "median"
    ranked = "ranked"


assert tuple(PolicyName) == POLICIES
_DEFAULT_POLICY = PolicyName(DEFAULT_POLICY)

PolicyOption = Annotated[
    PolicyName,
    typer.Option("--policy", "-p", help="How best is chosen (docs/RECONCILE.md)."),
]
RankingOption = Annotated[
    str | None,
    typer.Option(
        help="For --policy ranked: claimant kinds (or names), most trusted first, comma-"
        f"separated. Default: {','.join(DEFAULT_RANKING)}."
    ),
]
NoteOption = Annotated[str | None, typer.Option(help="Why, for the record.")]


def _ranking(value: str | None) -> tuple[str, ...]:
    if not value:
        return DEFAULT_RANKING
    return tuple(word.strip() for word in value.split(",") if word.strip())


# -- rendering ----------------------------------------------------------------------------------


def _range(tally: Tally) -> str:
    low, best, high = tally.low, tally.best, tally.high
    top = f"{number(high.value)}{'+' if high.open else ''}"
    if low.value == best.value == high.value and not high.open:
        return number(best.value)
    return f"{number(best.value)} ({number(low.value)}–{top})"


def _total_cell(incident: Incident, outcome: str) -> str:
    total = incident.total(outcome)
    if total is None:
        return ""
    top = f"{number(total.high)}{'+' if total.open else ''}"
    if total.low == total.best == total.high and not total.open:
        return number(total.best)
    return f"{number(total.best)} ({number(total.low)}–{top})"


def incidents_table(incidents: Sequence[Incident]) -> Table:
    """Incidents as a rich table: place, dates, killed and injured, claimants, flags."""
    table = Table(title=f"{len(incidents)} incident(s)")
    for column in ("id", "place", "dates", "killed", "injured", "claimants", "flags", "hedged"):
        table.add_column(column, overflow="fold")
    for i in incidents:
        dates = i.start.isoformat() if i.start else ""
        if i.end and i.end != i.start:
            dates += f"…{i.end.isoformat()}"
        table.add_row(
            i.id,
            escape(i.place.name) if i.place else "",
            dates,
            _total_cell(i, "killed"),
            _total_cell(i, "injured"),
            str(len(i.claimants)),
            str(len(i.flags)),
            "yes" if i.hedges else "",
        )
    return table


def _csv(incidents: list[Incident]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TALLY_COLUMNS)
    writer.writeheader()
    for row in tally_rows(incidents):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()


def _say(text: str, style: str | None = None) -> None:
    out.print(text, style=style, markup=False, highlight=False)


def _show(result: Reconciliation, incident: Incident) -> None:
    """Each tally's figures one under the other, each with its evidence sentence."""
    _say(f"Incident {incident.id}: {incident.label}", "bold")
    _say(
        f"places: {', '.join(incident.places) or '-'}; outlets: "
        f"{', '.join(incident.outlets) or '-'}; {len(incident.document_ids)} document(s), "
        f"{len(incident.claim_ids)} claim(s); policy {incident.policy}"
    )
    basis = {"people": "all victims", "groups": "sum of the groups", "both": "they agree"}
    for total in incident.totals:
        cell = _total_cell(incident, total.outcome)
        _say(f"{total.outcome}: {cell}, {basis.get(total.basis, total.basis)}")
    for tally in incident.tallies:
        _say("")
        _say(
            f"{group_label(tally.group)} {tally.outcome}: low {tally.low.text}, best "
            f"{tally.best.text}, high {tally.high.text}",
            "bold",
        )
        for source in tally.sources:
            status = "current" if source.used else "vague, not used"
            rows = [(cid, status if n == 0 else "repeat") for n, cid in enumerate(source.claim_ids)]
            rows += [(cid, "superseded") for cid in source.superseded]
            for claim_id, state in rows:
                claim = result.claims[claim_id]
                when = claim.said_on or result.as_of(claim)
                hedges = f" [{', '.join(claim.hedges)}]" if claim.hedges else ""
                _say(
                    f"  {source.claimant} ({source.kind}): {figure_text(claim.count)}, as of "
                    f"{when or 'unknown'}, via {claim.reported_by or '-'}{hedges}; {state}; "
                    f"claim {claim_id}"
                )
                _say(f"      \u201c{claim.evidence.sentence}\u201d", "dim")
    if incident.checks:
        _say("")
    for check in incident.checks:
        _say(
            f"{'ok' if check.ok else 'FLAG'} {check.kind}: {check.message}",
            None if check.ok else "red",
        )
    if incident.timeline:
        _say("")
        _say("Tolls over time (each claimant's figures; the last is its figure):", "bold")
        for line in series_lines(incident):
            _say(line)
    asides = aside_lines(incident)
    if asides:
        _say("")
        _say("Parts of the event and projections (not in the tallies):", "bold")
        for line in asides:
            _say(line)
    if incident.copies:
        sets = "; ".join(", ".join(d[:12] for d in c) for c in incident.copies)
        _say(f"copies of one report, counted once: {sets}")
    if incident.decisions:
        _say(f"shaped by analyst decision(s) {', '.join(map(str, incident.decisions))}")
    summary = incident.violations
    if summary.types:
        _say("")
        _say("What was done, by whom, to whom (reports stating it):", "bold")
        _say("  " + ", ".join(f"{t.type} ({t.reports})" for t in summary.types))
        if summary.perpetrators:
            _say("  by " + "; ".join(
                f"{p.name or p.text} [{p.kind}{', own claim' if p.own_claim else ''}] "
                f"({p.reports})" for p in summary.perpetrators
            ))  # fmt: skip
        if summary.victim_identity:
            _say("  to " + "; ".join(f"{v.text} ({v.reports})" for v in summary.victim_identity))


def _follow_up_lines(follow_ups: list[FollowUp]) -> list[str]:
    """One line per follow-up: day, what happened, source, note, who recorded it."""
    lines = []
    for f in follow_ups:
        about = f" ({f.violation})" if f.violation else ""
        source = f", source: {f.source}" if f.source else ""
        note = f"; {f.note}" if f.note else ""
        lines.append(
            f"  {f.happened_on.isoformat()} {f.kind.replace('_', ' ')}{about}{source}{note} "
            f"[recorded by {f.analyst}, #{f.id}]"
        )
    return lines


def _named_line(incident: Incident, named: Named | None) -> str:
    """ "claimed 745, named 312 in 2 lists": the toll beside the victims the lists name."""
    total = incident.total("killed")
    claimed = f"claimed {number(total.best)}" if total is not None else "no killed toll claimed"
    if named is None:
        return f"{claimed}; no named victims in the stored lists"
    lists = ", ".join(named.lists)
    return (
        f"{claimed}, named {number(named.persons)} ({number(len(named.records))} record(s) "
        f"in {lists})"
    )


# -- commands -----------------------------------------------------------------------------------


@app.command("reconcile")
def reconcile_command(
    policy: PolicyOption = _DEFAULT_POLICY,
    ranking: RankingOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Reconcile even when no input changed.")
    ] = False,
    full: Annotated[
        bool,
        typer.Option("--full", help="Compute every incident, not only those whose inputs changed."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Group the stored claims into incidents, reconcile them and store the result (at once
    when nothing changed since the stored run; --force: reconcile all the same). Incremental:
    only the incidents whose inputs changed are computed again (--full: every incident; the
    result is the same)."""
    with open_store(db) as store:
        result = reconcile_incidents(
            store, policy.value, ranking=_ranking(ranking), force=force, full=full
        )
        flags = result.flag_count()  # while the store is open: kept incidents are not read
    kept = f", {result.kept} kept as stored" if result.kept else ""
    out.print(
        f"{len(result.incidents)} incident(s) from {len(result.claims)} claim(s) stored "
        f"(policy {result.policy}{kept}); {flags} flag(s)"
    )


@app.command("incidents")
def incidents_command(
    format: Annotated[IncidentFormat, typer.Option("--format", "-f")] = IncidentFormat.table,
    policy: PolicyOption = _DEFAULT_POLICY,
    ranking: RankingOption = None,
    violation: ViolationOption = None,
    perpetrator_kind: PerpetratorKindOption = None,
    victim: VictimOption = None,
    db: DbOption = None,
) -> None:
    """List the incidents with their low / best / high tallies (JSON: docs/RECONCILE.md)."""
    wanted = violation_filter(violation, perpetrator_kind, victim)
    with open_store(db) as store:
        result = stored_incidents(store, policy.value, ranking=_ranking(ranking), claims=False)
    incidents = [i for i in result.incidents if wanted.matches_incident(i)]
    if format is IncidentFormat.json:
        sys.stdout.write(
            json.dumps([i.to_dict() for i in incidents], ensure_ascii=False, indent=2) + "\n"
        )
    elif format is IncidentFormat.csv:
        sys.stdout.write(_csv(incidents))
    else:
        out.print(incidents_table(incidents))


@incident_app.command("show")
def show_command(
    incident_id: Annotated[str, typer.Argument(metavar="ID", help="Incident id or prefix.")],
    format: Annotated[IncidentFormat, typer.Option("--format", "-f")] = IncidentFormat.table,
    policy: PolicyOption = _DEFAULT_POLICY,
    ranking: RankingOption = None,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart", metavar="PNG", help="Also plot each claimant's toll over time to a PNG."
        ),
    ] = None,
    follow_up: Annotated[
        str | None,
        typer.Option(
            "--follow-up",
            metavar="KIND",
            help="Record what happened next: " + ", ".join(FOLLOW_UP_KINDS) + ".",
        ),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="When it happened.")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Who or what says so (a URL, a document).")
    ] = None,
    note: NoteOption = None,
    violation: Annotated[
        str | None,
        typer.Option(metavar="TYPE", help="The incident's violation type it concerns, if one."),
    ] = None,
    analyst: AnalystOption = None,
    db: DbOption = None,
) -> None:
    """One incident: figures side by side with their evidence sentences, checks and flags,
    each claimant's toll over time (--chart out.png plots it), what was done and what
    happened next (--follow-up KIND --date … records it)."""
    with open_store(db) as store:
        if follow_up is not None:
            recorded = record_follow_up(
                store,
                incident_id,
                follow_up,
                _follow_up_date(on),
                analyst=analyst_name(analyst),
                source=source,
                note=note,
                violation=violation,
                policy=policy.value,
            )
            err.print(
                f"follow-up #{recorded.id} recorded: {recorded.kind} on {recorded.happened_on}",
                markup=False,
                highlight=False,
            )
        elif on or source or violation:
            raise ConfigurationError("--date, --source and --violation go with --follow-up KIND")
        result = stored_incidents(store, policy.value, ranking=_ranking(ranking))
        incident = result.find(incident_id)
        named = named_victims(store, result.incidents).get(incident.id)
        follow_ups = follow_ups_of(store, incident)
    if chart is not None:
        lines = write_chart(incident, chart)
        err.print(f"chart of {lines} series written to {chart}", markup=False, highlight=False)
    if format is IncidentFormat.table:
        _show(result, incident)
        _say("")
        _say(_named_line(incident, named))
        if follow_ups:
            _say("")
            _say("What happened next:", "bold")
            for line in _follow_up_lines(follow_ups):
                _say(line)
        return
    if format is IncidentFormat.csv:
        sys.stdout.write(_csv([incident]))
        return
    data: dict[str, Any] = incident.to_dict()
    data["claims_detail"] = {c: result.claims[c].to_dict() for c in incident.claim_ids}
    data["named_victims"] = named.to_dict() if named else None
    data["follow_ups"] = [f.to_dict() for f in follow_ups]
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _follow_up_date(value: str | None) -> date:
    """The ``--date`` of a follow-up; :class:`ConfigurationError` unless YYYY-MM-DD."""
    if value is None:
        raise ConfigurationError("--follow-up needs --date YYYY-MM-DD: when it happened")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigurationError(f"--date must be a date as YYYY-MM-DD, got {value!r}") from None


@incident_app.command("merge")
def merge_command(
    incident_ids: Annotated[list[str], typer.Argument(metavar="ID ID...", help="Incidents.")],
    analyst: AnalystOption = None,
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Merge incidents into one; the decision is stored and kept by every reconciliation."""
    with open_store(db) as store:
        result = merge_incidents(store, incident_ids, analyst=analyst_name(analyst), note=note)
    assert result.decision is not None
    merged = result.incident_of(result.decision.claim_ids[0])
    out.print(
        f"decision {result.decision.id}: merged {', '.join(result.decision.incident_ids)} "
        f"into incident {merged.id} ({len(merged.claim_ids)} claims)"
    )


@incident_app.command("split")
def split_command(
    incident_id: Annotated[str, typer.Argument(metavar="ID", help="Incident to split.")],
    claims: Annotated[
        list[str], typer.Option("--claims", "-c", help="Claims (ids or prefixes) to take out.")
    ],
    analyst: AnalystOption = None,
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Take claims out of an incident into a new one; the decision is stored and kept."""
    with open_store(db) as store:
        result = split_incident(
            store, incident_id, claims, analyst=analyst_name(analyst), note=note
        )
    assert result.decision is not None
    new = result.incident_of(result.decision.claim_ids[0])
    out.print(
        f"decision {result.decision.id}: split {len(result.decision.claim_ids)} claim(s) out of "
        f"{result.decision.incident_ids[0]} into incident {new.id}"
    )


@incident_app.command("move")
def move_command(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="Claim id or prefix.")],
    to: Annotated[str, typer.Option("--to", help="Incident to move it to.")],
    analyst: AnalystOption = None,
    note: NoteOption = None,
    db: DbOption = None,
) -> None:
    """Move a claim into another incident; the decision is stored and kept."""
    with open_store(db) as store:
        result = move_claim(store, claim_id, to, analyst=analyst_name(analyst), note=note)
    assert result.decision is not None
    target = result.incident_of(result.decision.claim_ids[0])
    out.print(
        f"decision {result.decision.id}: moved claim {result.decision.claim_ids[0]} into "
        f"incident {target.id}"
    )


@app.command("export")
def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="docs/EXPORTS.md")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    policy: PolicyOption = _DEFAULT_POLICY,
    ranking: RankingOption = None,
    violation: ViolationOption = None,
    perpetrator_kind: PerpetratorKindOption = None,
    victim: VictimOption = None,
    db: DbOption = None,
) -> None:
    """Export the reconciled incidents: CSV, JSON, GeoJSON, UCDP GED-like, ACLED-like, Parquet."""
    wanted = violation_filter(violation, perpetrator_kind, victim)
    with open_store(db) as store:
        written = export_incidents(
            store,
            format.value,
            output,
            policy=policy.value,
            ranking=_ranking(ranking),
            wanted=wanted,
        )
    out.print(f"{written} row(s) written to {output} ({format.value})")
