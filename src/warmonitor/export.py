"""Exports of reconciled incidents: CSV, JSON, GeoJSON, UCDP GED-like and ACLED-like columns,
and Parquet. The mappings and what each loses are written down in ``docs/EXPORTS.md``.

    with Store.open(url) as store:
        export_incidents(store, "geojson", Path("incidents.geojson"))

The row builders (``tally_rows``, ``ucdp_rows``, ``acled_rows``, ``geojson``) are pure; only
:func:`write_export` and :func:`export_incidents` write.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from warmonitor.errors import ConfigurationError
from warmonitor.extract.violations import kind
from warmonitor.gazetteer.arabic import latin
from warmonitor.reconcile import DEFAULT_POLICY, DEFAULT_RANKING, Incident
from warmonitor.reconcile.tallies import ancestors
from warmonitor.reconcile.types import Tally, Total
from warmonitor.reconcile.wording import group_label, number
from warmonitor.reconcile_service import Reconciliation, stored_incidents
from warmonitor.store import Store
from warmonitor.store.follow_ups import FollowUp
from warmonitor.store.incidents import DocumentSource
from warmonitor.victim_incidents import named_victims
from warmonitor.violation_filters import ViolationFilter

__all__ = [
    "ACLED_COLUMNS",
    "ALL_VICTIMS",
    "EXPORT_FORMATS",
    "TALLY_COLUMNS",
    "UCDP_COLUMNS",
    "acled_rows",
    "export_incidents",
    "geojson",
    "tally_rows",
    "ucdp_rows",
    "write_export",
]

EXPORT_FORMATS: tuple[str, ...] = ("csv", "json", "geojson", "ucdp", "acled", "parquet")

TALLY_COLUMNS = [
    "incident_id",
    "label",
    "place",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "where_precision",
    "date_start",
    "date_end",
    "outcome",
    "victims_group",
    "row_kind",
    "part_of",
    "total_basis",
    "policy",
    "low",
    "best",
    "high",
    "high_open",
    "low_claimants",
    "best_claimants",
    "high_claimants",
    "low_claims",
    "best_claims",
    "high_claims",
    "sources",
    "hedges",
    "flags",
    "claims",
    "named_victims",
    "source_urls",
    "label_latin",
    "place_latin",
    "sources_latin",
    "violations",
    "perpetrators",
    "latest_follow_up",
]

UCDP_COLUMNS = [
    "id",
    "year",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "type_of_violence",
    "side_a",
    "side_b",
    "warmonitor_violations",
    "warmonitor_high_open",
    "warmonitor_flags",
    "warmonitor_claims",
]

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "civilian_targeting",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "warmonitor_incident_id",
    "warmonitor_claims",
]

_UCDP_WHERE = {"point": 1, "neighbourhood": 1, "city": 1, "district": 3, "admin1": 4}
_UCDP_WHERE.update({"region": 5, "country": 6})
_ACLED_GEO = {"point": 1, "neighbourhood": 1, "city": 1, "district": 2}


def _join(items: Sequence[object]) -> str:
    return "; ".join(str(i) for i in items if i not in (None, ""))


def _days(incident: Incident) -> int | None:
    if incident.start is None or incident.end is None:
        return None
    return (incident.end - incident.start).days + 1


def _where(incident: Incident) -> tuple[str, str, str, float | None, float | None, str]:
    p = incident.place
    if p is None:
        return "", "", "", None, None, ""
    return p.name, p.country or "", p.admin1 or "", p.lat, p.lon, p.precision


#: ``victims_group`` of a ``total`` row, and ``part_of`` of a part directly in the total.
ALL_VICTIMS = "all"


def _follow_up_text(follow_up: FollowUp | None) -> str:
    """ "referred_to_inquiry 2024-03-20: source": the latest follow-up in one cell."""
    if follow_up is None:
        return ""
    text = f"{follow_up.kind} {follow_up.happened_on.isoformat()}"
    return f"{text}: {follow_up.source}" if follow_up.source else text


def tally_rows(
    incidents: Sequence[Incident],
    named: Mapping[str, int] | None = None,
    sources: Mapping[str, DocumentSource] | None = None,
    follow_ups: Mapping[str, Sequence[FollowUp]] | None = None,
) -> list[dict[str, Any]]:
    """Flat rows for CSV and Parquet: per incident and outcome, the incident's total, then one
    row per victim group (a tally).

    ``row_kind`` tells them apart so that a sum never counts a victim twice: ``total`` is the
    incident's total of the outcome (``victims_group`` "all"; ``total_basis`` says whether it is
    the ``people`` figure, the sum of the groups, or both agreeing); ``whole`` is the ``people``
    tally, all victims as claimants counted them together, one of the two readings the total
    chose from; ``part`` is a victim group's tally, and ``part_of`` names the group it is
    counted in: the nearest larger group with a row (``civilians`` for ``children``), else
    "all", the total. ``named_victims`` (the persons the victim lists name for the incident,
    from ``named``) stands on the total row of ``killed`` only, empty elsewhere;
    ``source_urls`` are the addresses of the incident's documents (from ``sources``), else
    their titles, on every row; so are its ``violations`` and ``perpetrators`` (the most
    stated first) and its ``latest_follow_up`` (from ``follow_ups``, each incident's in order).
    """
    named = named or {}
    follow_ups = follow_ups or {}
    rows = []
    for incident in incidents:
        place, country, admin1, lat, lon, precision = _where(incident)
        common = {
            "incident_id": incident.id,
            "label": incident.label,
            "place": place,
            "country": country,
            "admin1": admin1,
            "latitude": lat,
            "longitude": lon,
            "where_precision": precision,
            "date_start": incident.start.isoformat() if incident.start else "",
            "date_end": incident.end.isoformat() if incident.end else "",
            "policy": incident.policy,
            "flags": " | ".join(f.message for f in incident.flags),
            "source_urls": _join(
                [d.url or d.title or d.source for d in _sources(incident, sources or {})]
            ),
            "label_latin": latin(incident.label),
            "place_latin": latin(place),
            "violations": _join([t.type for t in incident.violations.types]),
            "perpetrators": _join(
                [f"{p.name or p.text} ({p.kind})" for p in incident.violations.perpetrators]
            ),
            "latest_follow_up": _follow_up_text(
                follow_ups[incident.id][-1] if follow_ups.get(incident.id) else None
            ),
        }
        for outcome in dict.fromkeys(t.outcome for t in incident.tallies):
            tallies = [t for t in incident.tallies if t.outcome == outcome]
            total = incident.total(outcome)
            if total is not None:
                row = {**common, **_total_row(total)}
                if outcome == "killed":
                    row["named_victims"] = named.get(incident.id, 0)
                rows.append(_with_latin(row))
            groups = {t.group for t in tallies}
            for t in tallies:
                rows.append(_with_latin({**common, **_tally_row(t, groups)}))
    return rows


def _with_latin(row: dict[str, Any]) -> dict[str, Any]:
    """``sources_latin``: the row's sources with Arabic words transliterated beside them."""
    row["sources_latin"] = latin(row["sources"])
    return row


def _total_row(total: Total) -> dict[str, Any]:
    claims = _join(total.claim_ids)
    return {
        "outcome": total.outcome,
        "victims_group": ALL_VICTIMS,
        "row_kind": "total",
        "part_of": "",
        "total_basis": total.basis,
        "low": total.low,
        "best": total.best,
        "high": total.high,
        "high_open": total.open,
        "low_claimants": "",
        "best_claimants": "",
        "high_claimants": "",
        "low_claims": "",
        "best_claims": claims,
        "high_claims": "",
        "sources": _join([f"{group}: {number(value)}" for group, value in total.by_group]),
        "hedges": "",
        "claims": claims,
    }


def _tally_row(t: Tally, groups: set[str]) -> dict[str, Any]:
    if t.group == "people":
        kind, part_of = "whole", ""
    else:
        kind = "part"
        part_of = next((g for g in ancestors(t.group) if g in groups and g != "people"), "")
        part_of = part_of or ALL_VICTIMS
    return {
        "outcome": t.outcome,
        "victims_group": t.group,
        "row_kind": kind,
        "part_of": part_of,
        "total_basis": "",
        "policy": t.policy,
        "low": t.low.value,
        "best": t.best.value,
        "high": t.high.value,
        "high_open": t.high.open,
        "low_claimants": _join(t.low.claimants),
        "best_claimants": _join(t.best.claimants),
        "high_claimants": _join(t.high.claimants),
        "low_claims": _join(t.low.claim_ids),
        "best_claims": _join(t.best.claim_ids),
        "high_claims": _join(t.high.claim_ids),
        "sources": _join(
            [
                f"{s.claimant}: {s.count.text or number(s.value)}"
                + (f" ({s.as_of.isoformat()})" if s.as_of else "")
                + ("" if s.used else " [not used: vague]")
                for s in t.sources
            ]
        ),
        "hedges": _join([f"{s.claimant}: {', '.join(s.hedges)}" for s in t.sources if s.hedges]),
        "claims": _join(t.claim_ids),
    }


def _sources(incident: Incident, sources: Mapping[str, DocumentSource]) -> list[DocumentSource]:
    return [sources[d] for d in incident.document_ids if d in sources]


def _killed(incident: Incident) -> dict[str, int]:
    """UCDP deaths by side: side A the state's forces, side B armed groups."""

    def best(group: str) -> int:
        t = incident.tally("killed", group)
        return t.best.value if t else 0

    civilians = best("civilians") or best("children") + best("women")
    return {"a": best("security_forces"), "b": best("armed_group"), "civilians": civilians}


def _date_prec(incident: Incident) -> int | str:
    days = _days(incident)
    if days is None:
        return ""
    return 1 if days == 1 else 2 if days <= 6 else 3 if days <= 8 else 4 if days <= 31 else 5


# UCDP's type of violence: 1 state-based (a state's forces fight), 2 non-state (organised or
# communal groups fight each other), 3 one-sided (an organised actor against civilians).
_BATTLES = ("Battles",)
_STATE_KINDS = ("state", "transnational")


def _perpetrator_label(incident: Incident, country: str) -> str:
    first = incident.violations.perpetrators[0] if incident.violations.perpetrators else None
    if first is None:
        return ""
    if first.name:
        return first.name
    suffix = f" ({country})" if country else ""
    return f"Unidentified armed group{suffix}"


def _type_of_violence(incident: Incident) -> int | str:
    """UCDP's type of violence from the incident's main violation type and perpetrators:
    fighting with a state's forces 1, fighting between groups or a mob 2, the rest of the
    violence (attacks, bombings, executions, strikes) 3; protests and non-violent
    developments fall outside UCDP's scope ("")."""
    main = incident.violations.main
    if main is None:
        return ""
    k = kind(main)
    state = any(p.kind in _STATE_KINDS for p in incident.violations.perpetrators)
    armed_dead = {"security_forces", "armed_group"}
    dead = {t.group for t in incident.tallies if t.outcome == "killed" and t.best.value}
    if k.acled_event in _BATTLES:
        return 1 if state or "security_forces" in dead else 2
    if main == "mob_violence":
        return 2
    if k.acled_event in ("Violence against civilians", "Explosions/Remote violence"):
        return 1 if dead and dead <= armed_dead and "security_forces" in dead else 3
    return ""


def ucdp_rows(
    incidents: Sequence[Incident], sources: Mapping[str, DocumentSource]
) -> list[dict[str, Any]]:
    """One UCDP GED-like row per incident with a count of the killed."""
    rows = []
    for incident in incidents:
        total = incident.total("killed")
        if total is None:
            continue
        place, country, admin1, lat, lon, precision = _where(incident)
        docs = _sources(incident, sources)
        deaths = _killed(incident)
        known = deaths["a"] + deaths["b"] + deaths["civilians"]
        where_prec = _UCDP_WHERE.get(precision, "")
        if where_prec == 1 and len(incident.places) > 1:
            where_prec = 2
        rows.append(
            {
                "id": incident.id,
                "year": incident.start.year if incident.start else "",
                "where_prec": where_prec,
                "where_coordinates": place,
                "where_description": _join(incident.places),
                "adm_1": admin1,
                "adm_2": "",
                "latitude": lat,
                "longitude": lon,
                "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else "",
                "country": country,
                "date_prec": _date_prec(incident),
                "date_start": incident.start.isoformat() if incident.start else "",
                "date_end": incident.end.isoformat() if incident.end else "",
                "deaths_a": deaths["a"],
                "deaths_b": deaths["b"],
                "deaths_civilians": deaths["civilians"],
                "deaths_unknown": max(0, total.best - known),
                "best": total.best,
                "high": total.high,
                "low": total.low,
                "number_of_sources": len(incident.document_ids),
                "source_article": _join([d.url or d.title or d.source for d in docs]),
                "source_office": _join(list(incident.outlets)),
                "source_date": _join(
                    [d.published.isoformat() for d in docs if d.published is not None]
                ),
                "source_headline": _join([d.title for d in docs]),
                "source_original": _join(list(incident.claimants)),
                "type_of_violence": _type_of_violence(incident),
                "side_a": _perpetrator_label(incident, country),
                "side_b": "Civilians" if _type_of_violence(incident) == 3 else "",
                "warmonitor_violations": _join([t.type for t in incident.violations.types]),
                "warmonitor_high_open": total.open,
                "warmonitor_flags": " | ".join(f.message for f in incident.flags),
                "warmonitor_claims": _join(list(incident.claim_ids)),
            }
        )
    return rows


def _notes(incident: Incident) -> str:
    parts = []
    for total in incident.totals:
        high = f"{number(total.high)}{'+' if total.open else ''}"
        parts.append(
            f"{total.outcome}: {number(total.best)} (low {number(total.low)}, high {high})"
        )
    parts.extend(f.message for f in incident.flags)
    hedged = [f"{who}: {', '.join(words)}" for who, words in incident.hedges.items()]
    if hedged:
        parts.append(f"hedged ({'; '.join(hedged)})")
    return f"{incident.label}. " + ". ".join(parts)


def _victim_actors(incident: Incident, country: str) -> list[str]:
    groups = sorted(
        (t for t in incident.tallies if t.outcome == "killed" and t.group != "people"),
        key=lambda t: -t.best.value,
    )
    suffix = f" ({country})" if country else ""
    return [f"{group_label(t.group).capitalize()}{suffix}" for t in groups]


def _time_precision(incident: Incident) -> int | str:
    days = _days(incident)
    return "" if days is None else 1 if days == 1 else 2 if days <= 7 else 3


def _disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event type (mob violence is political violence)."""
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def acled_rows(
    incidents: Sequence[Incident], sources: Mapping[str, DocumentSource]
) -> list[dict[str, Any]]:
    """One ACLED-like row per incident: one conservative fatality figure, the rest in notes."""
    rows = []
    for incident in incidents:
        place, country, admin1, lat, lon, precision = _where(incident)
        killed = incident.total("killed")
        actors = _victim_actors(incident, country)
        civilians = incident.tally("killed", "civilians") or incident.tally("killed", "children")
        tags = sorted({h for words in incident.hedges.values() for h in words})
        main = kind(incident.violations.main) if incident.violations.main else None
        doers = [p.name for p in incident.violations.perpetrators[1:] if p.name]
        rows.append(
            {
                "event_id_cnty": f"{country}{incident.id}",
                "event_date": incident.start.isoformat() if incident.start else "",
                "year": incident.start.year if incident.start else "",
                "time_precision": _time_precision(incident),
                "disorder_type": (
                    _disorder_type(main.acled_event, main.acled_sub_event) if main else ""
                ),
                "event_type": main.acled_event if main else "",
                "sub_event_type": main.acled_sub_event if main else "",
                "actor1": _perpetrator_label(incident, country),
                "assoc_actor_1": _join(doers),
                "actor2": actors[0] if actors else "",
                "assoc_actor_2": _join(actors[1:]),
                "civilian_targeting": "Civilian targeting" if civilians else "",
                "country": country,
                "admin1": admin1,
                "admin2": "",
                "admin3": "",
                "location": place,
                "latitude": lat,
                "longitude": lon,
                "geo_precision": _ACLED_GEO.get(precision, 3) if precision else "",
                "source": _join(list(incident.outlets)),
                "source_scale": "",
                "notes": _notes(incident),
                "fatalities": killed.low if killed else 0,
                "tags": _join(tags),
                "warmonitor_incident_id": incident.id,
                "warmonitor_claims": _join(list(incident.claim_ids)),
            }
        )
    return rows


def geojson(incidents: Sequence[Incident]) -> dict[str, Any]:
    """A FeatureCollection, one Point per incident ([lon, lat]), flat properties; an incident
    without coordinates has a null geometry."""
    features = []
    for incident in incidents:
        place, country, admin1, lat, lon, precision = _where(incident)
        properties: dict[str, Any] = {
            "id": incident.id,
            "label": incident.label,
            "place": place,
            "country": country,
            "admin1": admin1,
            "where_precision": precision,
            "date_start": incident.start.isoformat() if incident.start else None,
            "date_end": incident.end.isoformat() if incident.end else None,
            "policy": incident.policy,
        }
        for total in incident.totals:
            properties[f"{total.outcome}_low"] = total.low
            properties[f"{total.outcome}_best"] = total.best
            properties[f"{total.outcome}_high"] = total.high
            properties[f"{total.outcome}_high_open"] = total.open
        for t in incident.tallies:
            properties[f"{t.outcome}_{t.group}_best"] = t.best.value
        properties.update(
            {
                "flags": len(incident.flags),
                "flag_messages": " | ".join(f.message for f in incident.flags),
                "hedged": bool(incident.hedges),
                "claimants": _join(list(incident.claimants)),
                "outlets": _join(list(incident.outlets)),
                "documents": len(incident.document_ids),
                "claims": _join(list(incident.claim_ids)),
                "violations": _join([t.type for t in incident.violations.types]),
            }
        )
        geometry = (
            {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
            if lat is not None and lon is not None
            else None
        )
        features.append(
            {"type": "Feature", "id": incident.id, "geometry": geometry, "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def _csv(path: Path, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in columns})


def _parquet(path: Path, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigurationError(
            "writing Parquet needs pyarrow, which is not installed: `pip install pyarrow`, "
            "or export --format csv"
        ) from None
    data = {c: [row.get(c) for row in rows] for c in columns}
    pq.write_table(pa.table(data), path)


def _default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_export(
    result: Reconciliation,
    sources: Mapping[str, DocumentSource],
    format: str,
    output: Path,
    named: Mapping[str, int] | None = None,
    follow_ups: Mapping[str, Sequence[FollowUp]] | None = None,
) -> int:
    """Write ``result`` to ``output`` in ``format``; returns how many rows or features.
    ``named`` gives the named victims of each incident (CSV and Parquet: ``named_victims``),
    ``follow_ups`` each incident's follow-ups in order (JSON: all, under the incident's
    ``follow_ups``; CSV and Parquet: the latest, ``latest_follow_up``)."""
    follow_ups = follow_ups or {}
    if format not in EXPORT_FORMATS:
        raise ConfigurationError(
            f"unknown export format {format!r}: choose one of {', '.join(EXPORT_FORMATS)}"
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    incidents = result.incidents
    if format in ("json", "geojson"):
        if format == "json":
            used = {c for i in incidents for c in i.claim_ids}
            document: dict[str, Any] = {
                "policy": result.policy,
                "incidents": [
                    {**i.to_dict(), "follow_ups": [f.to_dict() for f in follow_ups.get(i.id, ())]}
                    for i in incidents
                ],
                "claims": {k: c.to_dict() for k, c in result.claims.items() if k in used},
            }
            document["named_victims"] = dict(named or {})
        else:
            document = geojson(incidents)
            for feature in document["features"]:
                incident_id = feature["id"]
                feature["properties"]["named_victims"] = (named or {}).get(incident_id, 0)
        text = json.dumps(document, ensure_ascii=False, indent=1, default=_default)
        output.write_text(text + "\n", encoding="utf-8")
        return len(incidents)
    if format == "ucdp":
        columns, rows = UCDP_COLUMNS, ucdp_rows(incidents, sources)
    elif format == "acled":
        columns, rows = ACLED_COLUMNS, acled_rows(incidents, sources)
    else:
        columns, rows = TALLY_COLUMNS, tally_rows(incidents, named, sources, follow_ups)
    if format == "parquet":
        _parquet(output, columns, rows)
    else:
        _csv(output, columns, rows)
    return len(rows)


def export_incidents(
    store: Store,
    format: str,
    output: Path,
    *,
    policy: str = DEFAULT_POLICY,
    ranking: Sequence[str] = DEFAULT_RANKING,
    wanted: ViolationFilter | None = None,
) -> int:
    """Write the store's incidents to ``output``: the stored run's, reconciled again first
    when an input changed since (``reconcile_service.stored_incidents``), with the named victims
    the stored lists give for each (``victim_incidents.named_victims``); ``wanted`` keeps those
    of a violation type, perpetrator kind or victims' identity."""
    if format not in EXPORT_FORMATS:
        raise ConfigurationError(
            f"unknown export format {format!r}: choose one of {', '.join(EXPORT_FORMATS)}"
        )
    result = stored_incidents(store, policy, ranking=ranking)
    if wanted is not None and wanted.active:
        result = replace(
            result, incidents=[i for i in result.incidents if wanted.matches_incident(i)]
        )
    named = {k: n.persons for k, n in named_victims(store, result.incidents).items()}
    follow_ups: dict[str, list[FollowUp]] = {}
    for follow_up in store.follow_ups():
        follow_ups.setdefault(follow_up.incident_id, []).append(follow_up)
    return write_export(result, store.document_sources(), format, output, named, follow_ups)
