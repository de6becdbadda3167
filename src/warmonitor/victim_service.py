"""Victim lists: import a CSV file, link the stored records, the linked pairs, clerical review.

Joins the CSV files, the domain (:mod:`warmonitor.victims`), Splink
(:mod:`warmonitor.victim_linkage`) and the store. A run of :func:`link_victims`:

1. features of every stored record (the year a list's ages were counted at estimated where
   it gives neither dates of death nor of birth);
2. Splink scores the blocked pairs, within and across lists (pairs under ``REVIEW_FLOOR`` are
   not kept);
3. analysts' decisions replace the score of the pairs they name (``match`` links, ``non-match``
   never does);
4. a pair is linked at ``threshold`` or above; across two lists each record keeps only its most
   probable partner (a list names a person once; decided matches are kept first);
5. persons are the connected records; pairs, persons and the model are stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warmonitor.errors import ConfigurationError, InputError
from warmonitor.ingest.files import check_binary, decode
from warmonitor.store import Store
from warmonitor.store.victims import PairReview, StoredLink, StoredVictim
from warmonitor.victims import (
    RowProblem,
    VictimRecord,
    column_mapping,
    features,
    parse_rows,
    reference_years,
)

if TYPE_CHECKING:
    from warmonitor.victim_linkage import LinkageBackend

__all__ = [
    "DEFAULT_THRESHOLD",
    "REVIEW_FLOOR",
    "ImportReport",
    "LinkReport",
    "export_review",
    "import_review",
    "import_victims",
    "link_victims",
    "linked_pairs",
    "persons_at",
    "read_victim_csv",
]

DEFAULT_THRESHOLD = 0.7
REVIEW_FLOOR = 0.05
REVIEW_COLUMNS = (
    "left_list",
    "left_key",
    "right_list",
    "right_key",
    "probability",
    "match_weight",
    "why",
    "left_name",
    "right_name",
    "left_alt_name",
    "right_alt_name",
    "left_sex",
    "right_sex",
    "left_age",
    "right_age",
    "left_birth_date",
    "right_birth_date",
    "left_death_date",
    "right_death_date",
    "decision",
    "note",
)
_DECISIONS = {
    "match": "match",
    "yes": "match",
    "y": "match",
    "same": "match",
    "non-match": "non-match",
    "nonmatch": "non-match",
    "no": "non-match",
    "n": "non-match",
    "different": "non-match",
}


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, and the rows left out (file, line, reason)."""

    path: str
    list_name: str
    added: int
    updated: int
    unchanged: int
    problems: list[RowProblem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What a link run found."""

    records: int
    scored: int
    linked: int
    cross_pairs: int
    persons: int
    uncertain: int
    reference_years: dict[str, int]


def _parse_overrides(mapping: Iterable[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for item in mapping:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise ConfigurationError(f"--map takes column=field, got {item!r}")
        overrides[column.strip()] = target.strip()
    return overrides


def _csv_reader(path: Path) -> csv.DictReader[str]:
    """The rows of a UTF-8 CSV file by its header (:class:`InputError` naming it if unreadable,
    binary, with NUL bytes, which no store keeps, or not UTF-8), checked as ``ingest`` checks
    a report."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or type(exc).__name__}") from exc
    check_binary(str(path), data)
    return csv.DictReader(io.StringIO(decode(str(path), data), newline=""))


def read_victim_csv(
    path: Path, list_name: str, mapping: Iterable[str] = ()
) -> tuple[list[VictimRecord], list[RowProblem]]:
    """The records of a CSV file (UTF-8, a header row) and its bad rows by line."""
    if not list_name.strip():
        raise ConfigurationError("a list needs a name (--list)")
    overrides = _parse_overrides(mapping)
    reader = _csv_reader(path)
    if not reader.fieldnames:
        raise InputError(str(path), "no header row")
    try:
        columns = column_mapping(reader.fieldnames, overrides)
    except ValueError as exc:
        raise InputError(str(path), str(exc)) from exc
    width = len(reader.fieldnames)
    shaped: list[tuple[int, Mapping[str, str]]] = []
    problems: list[RowProblem] = []
    try:
        for row in reader:
            extra = row.pop(None, None)
            missing = sum(1 for v in row.values() if v is None)
            if extra or missing:
                count = width + len(extra or []) - missing
                problems.append(
                    RowProblem(reader.line_num, f"{count} fields, the header has {width}")
                )
            else:
                shaped.append((reader.line_num, row))
    except csv.Error as exc:
        raise InputError(str(path), f"line {reader.line_num}: {exc}") from exc
    records, bad = parse_rows(list_name.strip(), shaped, columns)
    return records, sorted(problems + bad, key=lambda p: p.line)


def import_victims(
    store: Store, path: Path, list_name: str, mapping: Iterable[str] = ()
) -> ImportReport:
    """Read a list's CSV file and store its good rows (idempotent: a record is its list and
    its own id, else the hash of its fields)."""
    records, problems = read_victim_csv(path, list_name, mapping)
    counts = store.save_victim_records(records)
    return ImportReport(
        str(path), list_name.strip(), counts.added, counts.updated, counts.unchanged, problems
    )


def _side(stored: StoredVictim) -> tuple[str, str]:
    return (stored.record.list_name, stored.record.key)


def _pair_key(a: tuple[str, str], b: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((a, b)))


def latest_decisions(reviews: Iterable[PairReview]) -> dict[tuple[tuple[str, str], ...], str]:
    """Each reviewed pair's latest decision."""
    return {_pair_key(r.left, r.right): r.decision for r in reviews}


def link_victims(
    store: Store,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    one_to_one: bool = True,
    threads: int | None = None,
    backend: LinkageBackend | None = None,
) -> LinkReport:
    """Link the stored records (within and across lists) and store pairs and persons. Splink
    runs on ``backend`` (e.g. Spark, ``warmonitor.engines.spark``), by default on DuckDB."""
    from warmonitor.victim_linkage import score_pairs

    if not 0.0 < threshold <= 1.0:
        raise ConfigurationError(f"the threshold is a probability in (0, 1], got {threshold}")
    stored = store.victim_records()
    by_pk = {s.pk: s for s in stored}
    years = reference_years(s.record for s in stored)
    rows = [features(str(s.pk), s.record, years.get(s.record.list_name)) for s in stored]
    scored: dict[tuple[int, int], StoredLink] = {}
    model: dict[str, Any] = {}
    if len(rows) >= 2:
        result = score_pairs(
            rows, floor=min(REVIEW_FLOOR, threshold), threads=threads, backend=backend
        )
        model = result.model
        for pair in result.pairs:
            a, b = sorted((int(pair.left), int(pair.right)))
            scored[(a, b)] = StoredLink(a, b, pair.probability, pair.weight, pair.detail, False)
    decided = _decided(store, stored, scored)
    linked = _choose(scored, decided, by_pk, threshold, one_to_one)
    links = [
        StoredLink(k[0], k[1], s.probability, s.weight, s.detail, k in linked)
        for k, s in scored.items()
    ]
    persons = _persons(by_pk, linked)
    store.save_victim_linkage(threshold=threshold, model=model, links=links, persons=persons)
    cross = sum(1 for a, b in linked if by_pk[a].record.list_name != by_pk[b].record.list_name)
    uncertain = sum(
        1 for k, s in scored.items() if k not in decided and REVIEW_FLOOR <= s.probability < 0.99
    )
    return LinkReport(
        len(stored), len(scored), len(linked), cross, len(set(persons.values())), uncertain, years
    )


def _decided(
    store: Store, stored: Sequence[StoredVictim], scored: dict[tuple[int, int], StoredLink]
) -> dict[tuple[int, int], str]:
    """Analysts' latest decisions by pair of record row ids; a decided pair Splink did not
    score is added to ``scored`` (a match at probability 1, a non-match at 0)."""
    by_side = {_side(s): s.pk for s in stored}
    decided: dict[tuple[int, int], str] = {}
    for (x, y), decision in latest_decisions(store.victim_reviews()).items():
        if x in by_side and y in by_side and by_side[x] != by_side[y]:
            a, b = sorted((by_side[x], by_side[y]))
            decided[(a, b)] = decision
            if (a, b) not in scored:
                detail = [{"comparison": "review", "level": decision, "weight": 0.0}]
                scored[(a, b)] = StoredLink(
                    a, b, 1.0 if decision == "match" else 0.0, 0.0, detail, False
                )
    return decided


def persons_at(store: Store, threshold: float, *, one_to_one: bool = True) -> dict[int, int]:
    """Record row id → person, had the latest run linked at ``threshold``: its stored pairs and
    the analysts' decisions chosen again, nothing stored and Splink not run (for a threshold
    sensitivity table). Pairs under ``REVIEW_FLOOR`` are not kept, so neither is a threshold
    under it."""
    if not REVIEW_FLOOR <= threshold <= 1.0:
        raise ConfigurationError(
            f"a threshold from the stored pairs is a probability in [{REVIEW_FLOOR}, 1], "
            f"got {threshold:g} (pairs under {REVIEW_FLOOR} are not kept)"
        )
    stored = store.victim_records()
    by_pk = {s.pk: s for s in stored}
    scored = {
        (min(link.left, link.right), max(link.left, link.right)): link
        for link in store.victim_links()
        if link.left in by_pk and link.right in by_pk
    }
    decided = _decided(store, stored, scored)
    return _persons(by_pk, _choose(scored, decided, by_pk, threshold, one_to_one))


def _choose(
    scored: Mapping[tuple[int, int], StoredLink],
    decided: Mapping[tuple[int, int], str],
    by_pk: Mapping[int, StoredVictim],
    threshold: float,
    one_to_one: bool,
) -> set[tuple[int, int]]:
    """The linked pairs: decided matches, then pairs at the threshold, most probable first;
    across lists each record keeps one partner per other list when ``one_to_one``."""

    def rank(key: tuple[int, int]) -> tuple[int, float, tuple[int, int]]:
        return (0 if decided.get(key) == "match" else 1, -scored[key].probability, key)

    linked: set[tuple[int, int]] = set()
    partner: set[tuple[int, str]] = set()
    for key in sorted(scored, key=rank):
        decision = decided.get(key)
        if decision == "non-match":
            continue
        if decision != "match" and scored[key].probability < threshold:
            continue
        a, b = key
        list_a, list_b = by_pk[a].record.list_name, by_pk[b].record.list_name
        if one_to_one and list_a != list_b:
            if (a, list_b) in partner or (b, list_a) in partner:
                continue
            partner.update({(a, list_b), (b, list_a)})
        linked.add(key)
    return linked


def _persons(
    by_pk: Mapping[int, StoredVictim], linked: Iterable[tuple[int, int]]
) -> dict[int, int]:
    """Record → person: the smallest record row id of its connected records."""
    parent = {pk: pk for pk in by_pk}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in linked:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {pk: root(pk) for pk in by_pk}


def _list_order(stored: Sequence[StoredVictim]) -> dict[str, int]:
    """Lists in the order they were first imported (the left list first)."""
    order: dict[str, int] = {}
    for s in sorted(stored, key=lambda s: s.pk):
        order.setdefault(s.record.list_name, len(order))
    return order


def linked_pairs(store: Store) -> list[tuple[str, str, str, str]]:
    """The linked pairs across lists: (left list, left record id, right list, right record
    id), the earlier-imported list on the left; a record's id is the list's own, else its key.
    These are the pairwise links (a decision on each pair), not every pair of a person's
    records: persons join records through links within lists too."""
    stored = store.victim_records()
    by_pk = {s.pk: s for s in stored}
    order = _list_order(stored)
    pairs: list[tuple[str, str, str, str]] = []
    for link in store.victim_links(linked=True):
        x, y = by_pk.get(link.left), by_pk.get(link.right)
        if x is None or y is None or x.record.list_name == y.record.list_name:
            continue
        if order[x.record.list_name] > order[y.record.list_name]:
            x, y = y, x
        pairs.append(_pair_ids(x, y))
    pairs.sort(key=lambda p: (order[p[0]], order[p[2]], p[1], p[3]))
    return pairs


def _pair_ids(x: StoredVictim, y: StoredVictim) -> tuple[str, str, str, str]:
    return (
        x.record.list_name,
        x.record.record_id or x.record.key,
        y.record.list_name,
        y.record.record_id or y.record.key,
    )


def _why(detail: Sequence[Mapping[str, Any]]) -> str:
    return "; ".join(
        f"{d['comparison']}: {d['level']} ({float(d.get('weight', 0.0)):+.1f})" for d in detail
    )


def export_review(store: Store, *, low: float = 0.2, high: float = 0.99) -> str:
    """The undecided pairs scored in [low, high) as CSV for clerical review (a blank
    ``decision`` column to fill with ``match`` or ``non-match``), least certain first."""
    stored = {s.pk: s for s in store.victim_records()}
    decided = latest_decisions(store.victim_reviews())
    rows = []
    for link in store.victim_links():
        x, y = stored.get(link.left), stored.get(link.right)
        if x is None or y is None or not low <= link.probability < high:
            continue
        if _pair_key(_side(x), _side(y)) in decided:
            continue
        rows.append((abs(link.probability - 0.5), link, x, y))
    rows.sort(key=lambda r: (r[0], r[1].left, r[1].right))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    for _, link, x, y in rows:
        a, b = x.record, y.record
        writer.writerow(
            [
                a.list_name,
                a.key,
                b.list_name,
                b.key,
                f"{link.probability:.4f}",
                f"{link.weight:.2f}",
                _why(link.detail),
                a.name,
                b.name,
                a.alt_name or "",
                b.alt_name or "",
                a.sex or "",
                b.sex or "",
                "" if a.age is None else f"{a.age:g}",
                "" if b.age is None else f"{b.age:g}",
                a.birth_date.isoformat() if a.birth_date else "",
                b.birth_date.isoformat() if b.birth_date else "",
                a.death_date.isoformat() if a.death_date else "",
                b.death_date.isoformat() if b.death_date else "",
                "",
                "",
            ]
        )
    return buffer.getvalue()


def import_review(store: Store, path: Path, *, reviewer: str) -> tuple[int, list[RowProblem]]:
    """Store the decisions of a filled review file (rows with a blank decision are skipped);
    returns how many were stored and the bad rows by line. Decisions are kept across runs."""
    if not reviewer.strip():
        raise ConfigurationError("a review needs a reviewer")
    reader = _csv_reader(path)
    needed = {"left_list", "left_key", "right_list", "right_key", "decision"}
    if not reader.fieldnames or not needed <= set(reader.fieldnames):
        raise InputError(str(path), f"the header needs {', '.join(sorted(needed))}")
    known = {_side(s) for s in store.victim_records()}
    reviews: list[PairReview] = []
    problems: list[RowProblem] = []
    for row in reader:
        line = reader.line_num
        raw = (row.get("decision") or "").strip().lower()
        if not raw:
            continue
        decision = _DECISIONS.get(raw)
        left = ((row.get("left_list") or "").strip(), (row.get("left_key") or "").strip())
        right = ((row.get("right_list") or "").strip(), (row.get("right_key") or "").strip())
        if decision is None:
            problems.append(RowProblem(line, f"decision {raw!r} is neither match nor non-match"))
        elif left not in known or right not in known:
            problems.append(RowProblem(line, "names a record that is not stored"))
        elif left == right:
            problems.append(RowProblem(line, "a record paired with itself"))
        else:
            note = (row.get("note") or "").strip() or None
            reviews.append(PairReview(left, right, decision, reviewer.strip(), note))
    return store.add_victim_reviews(reviews), problems
