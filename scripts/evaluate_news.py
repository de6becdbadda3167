"""Score cross-report reconciliation on the annotated news set (`../shared/gold/news`).

    .venv/bin/python scripts/evaluate_news.py                     # figures, then failure causes
    .venv/bin/python scripts/evaluate_news.py --check benchmarks/news_floor.json
    .venv/bin/python scripts/evaluate_news.py --write-floor benchmarks/news_floor.json

Every report is ingested into a fresh SQLite store with its `published` date, `outlet` and `url`
(as a user would: `warmonitor ingest FILE --published … --publisher … --url …`), the store is
reconciled, and the predictions are written in the scorer's format and scored by the set's own
`score_incidents.py`. Failure causes are printed as counts only, never texts: the gold texts are
third-party and stay out of logs and the repository.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from warmonitor.model import Claim
from warmonitor.pipeline import ingest_paths
from warmonitor.reconcile_service import Reconciliation, reconcile_incidents
from warmonitor.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "gold" / "news"
METRICS = (
    "clustering_b3_f1",
    "claims_recall",
    "claims_precision",
    "claimant_exact",
    "claimant_one_name",
    "latest_exact",
)
TOLERANCE = 0.02


def _scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_incidents", folder / "score_incidents.py")
    if spec is None or spec.loader is None:
        sys.exit(f"{folder}: no score_incidents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _index(folder: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("index*.jsonl")):
        with path.open(encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def _ingest(folder: Path, store: Store, index: list[dict[str, Any]]) -> dict[str, str]:
    """Ingest every report with its metadata; the document id of each file."""
    ids: dict[str, str] = {}
    for row in index:
        path = folder / row["file"]
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        report = ingest_paths(
            [path], store, published=published, publisher=row.get("outlet"), url=row.get("url")
        )
        for failure in report.failures:
            print(f"  {row['file']}: {failure.reason}", file=sys.stderr)
    for stored in store.documents():
        source = Path(stored.document.source or "").name
        if source:
            ids[source] = stored.id
    return ids


def _claimant_names(result: Reconciliation) -> dict[str, str]:
    """The claimant each claim shows in its incident: its claimant as an actor, resolved across
    the incident's reports (``Incident.voices``)."""
    return {cid: name for incident in result.incidents for cid, name in incident.voices}


def _figures(claims: list[Claim], names: dict[str, str]) -> list[dict[str, Any]]:
    """The figures a report states: its claims, a figure its claimant repeats (in the
    headline, the lead and the body) once, as the set's annotators count them."""
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for c in claims:
        figure = {
            "outcome": c.outcome,
            "group": c.victims.group,
            "low": c.count.low,
            "high": c.count.high,
            "claimant": names.get(c.id) or c.claimant.name or c.claimant.text or "unattributed",
        }
        out.setdefault(tuple(figure.values()), figure)
    return list(out.values())


def predictions(folder: Path) -> list[dict[str, Any]]:
    """Ingest, reconcile and return the prediction lines of the scorer's format."""
    index = _index(folder)
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/news.db") as store:
        ids = _ingest(folder, store, index)
        result = reconcile_incidents(store)
    names = _claimant_names(result)
    by_document: dict[str, list[Claim]] = {}
    for c in sorted(result.claims.values(), key=lambda c: c.evidence.start):
        by_document.setdefault(c.document_id, []).append(c)
    lines: list[dict[str, Any]] = []
    for row in index:
        doc_id = ids.get(row["file"])
        claims = by_document.get(doc_id, []) if doc_id else []
        incident = result.main_incident(doc_id) if doc_id else None
        lines.append(
            {
                "file": row["file"],
                "incident": incident.id if incident else None,
                "claims": _figures(claims, names),
            }
        )
    for incident in result.incidents:
        latest = []
        for tally in incident.tallies:
            for source in tally.sources:
                latest.append(
                    {
                        "claimant": source.claimant,
                        "outcome": tally.outcome,
                        "group": tally.group,
                        "low": source.count.low,
                        "high": source.count.high,
                        "as_of": source.as_of.isoformat() if source.as_of else None,
                    }
                )
        lines.append({"incident": incident.id, "latest": latest})
    return lines


def _latest_causes(
    index: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    events: list[dict[str, Any]],
    resolve: Any,
    scorer: ModuleType,
) -> Counter[str]:
    """Why a claimant's latest figure is not the event's incident's, as counts."""
    incident_of: dict[str, Any] = {}
    for event in {r["event"] for r in index}:
        votes = Counter(
            p.get("incident")
            for p in lines
            if "file" in p and p["file"] in {r["file"] for r in index if r["event"] == event}
        )
        incident_of[event] = votes.most_common(1)[0][0] if votes else None
    latest_of = {p["incident"]: p.get("latest") or [] for p in lines if "file" not in p}
    out: Counter[str] = Counter()
    for event in events:
        shown = latest_of.get(incident_of.get(event["event"]), [])
        for g in event.get("latest") or []:
            mine = [p for p in shown if resolve(event["event"], p.get("claimant")) == g["claimant"]]
            same = [p for p in mine if (p["outcome"], p["group"]) == (g["outcome"], g["group"])]
            if any(scorer.same_count(g, p) for p in same):
                continue
            if not mine:
                out["the claimant gives no figure in the event's incident"] += 1
            elif not same:
                out["the claimant gives no figure of that outcome and group"] += 1
            else:
                out["another figure is the claimant's latest"] += 1
    return out


def _causes(folder: Path, lines: list[dict[str, Any]], scorer: ModuleType) -> None:
    """Why figures were missed or added, as counts (never texts)."""
    index = _index(folder)
    by_file = {p["file"]: p for p in lines if "file" in p}
    events = scorer.load_jsonl(sorted(folder.glob("events*.jsonl")))
    resolve = scorer.resolver(events)
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    wrong_claimant: Counter[str] = Counter()
    for row in index:
        got = list(by_file.get(row["file"], {}).get("claims") or [])
        for g in row["claims"]:
            hit = next((p for p in got if scorer.same_count(g, p)), None)
            if hit is None:
                near = [p for p in got if p["outcome"] == g["outcome"] and p["low"] == g["low"]]
                why = "high differs" if near else f"scope {g.get('scope')}"
                missed[f"{why}, {g['outcome']}"] += 1
                continue
            got.remove(hit)
            if resolve(row["event"], hit.get("claimant")) != g["claimant"]:
                wrong_claimant[
                    "unattributed in gold" if g["claimant"] == "unattributed" else "named in gold"
                ] += 1
        for p in got:
            extra[p["outcome"]] += 1
    latest = _latest_causes(index, lines, events, resolve, scorer)
    for title, counter in (
        ("missed figures (by gold scope, outcome)", missed),
        ("extra figures (by outcome)", extra),
        ("wrong claimant", wrong_claimant),
        ("latest figures missed", latest),
    ):
        print(f"\n{title}: {sum(counter.values())}")
        for key, n in counter.most_common(12):
            print(f"  {n:4}  {key}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--check", type=Path, help="fail on a drop below this floor file")
    parser.add_argument("--write-floor", type=Path, help="write the figures as the new floor")
    parser.add_argument("--predictions", type=Path, help="also keep the predictions here")
    parser.add_argument("--quiet", action="store_true", help="figures only, no failure causes")
    args = parser.parse_args()
    folder: Path = args.folder
    if not (folder / "score_incidents.py").exists():
        print(f"{folder}: not found; the news gold set sits in ../shared/gold/news")
        return 2
    scorer = _scorer(folder)
    lines = predictions(folder)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.predictions or Path(tmp) / "predictions.jsonl")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            for line in lines:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        figures = scorer.score(str(folder), str(path))
    for key, value in figures.items():
        print(f"{key:28} {value}")
    if not args.quiet:
        _causes(folder, lines, scorer)
    if args.write_floor:
        floor = {k: figures[k] for k in METRICS}
        args.write_floor.write_text(json.dumps(floor, indent=2) + "\n", encoding="utf-8")
    if args.check:
        floor = json.loads(args.check.read_text(encoding="utf-8"))
        drops = [
            f"{k}: {figures[k]} < floor {v} - {TOLERANCE}"
            for k, v in floor.items()
            if figures.get(k, 0.0) < v - TOLERANCE
        ]
        for drop in drops:
            print(f"REGRESSION {drop}")
        return 1 if drops else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
