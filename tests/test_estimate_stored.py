"""Estimates from the store's linked victim lists: persons into capture tables, strata, and the
command without --captures (records written through the store's own methods)."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from capture_factory import simulate
from warmonitor.errors import ConfigurationError, NotFoundError
from warmonitor.estimate_service import stored_captures
from warmonitor.store import Store
from warmonitor.store.victims import PairReview, StoredLink
from warmonitor.victim_service import persons_at
from warmonitor.victims.records import VictimRecord

EXE = str(Path(sys.executable).with_name("warmonitor"))
GROUPS = [(2.0, (0.5, 0.4, 0.45)), (1.0, (0.15, 0.2, 0.1))]


def fill(store: Store, seed: int = 1) -> dict[int, int]:
    """Invented persons of a simulated table: one record per list naming them, linked into
    one person each; odd persons died in 2024 in Town A, even ones in 2025 (no place)."""
    table = simulate(600, GROUPS, seed=seed)
    records, owner = [], []
    person = 0
    for row, count in zip(table.patterns, table.counts, strict=True):
        for _ in range(int(count)):
            person += 1
            for j, name in enumerate(("ministry", "monitor", "families")):
                if row[j]:
                    odd = person % 2 == 1
                    records.append(
                        VictimRecord(
                            list_name=name,
                            line=len(records) + 2,
                            key=f"{name}-{person}",
                            record_id=f"{name}-{person}",
                            name=f"Invented Person {person}",
                            death_date=date(2024 if odd else 2025, 3, 1),
                            place="Town A" if odd else None,
                        )
                    )
                    owner.append(person)
    store.save_victim_records(records)
    stored = store.victim_records()
    by_key = {s.record.key: s.pk for s in stored}
    persons = {by_key[r.key]: who for r, who in zip(records, owner, strict=True)}
    store.save_victim_linkage(threshold=0.9, model={}, links=[], persons=persons)
    return {int(c): int(n) for c, n in enumerate(table.counts)}


def test_linked_persons_become_the_capture_table(store_url: str) -> None:
    with Store.open(store_url) as store:
        counts = fill(store)
        found = stored_captures(store)
        by_year = stored_captures(store, ["year", "place"])
    table = found.tables[()]
    assert found.threshold == 0.9
    assert table.lists == ("families", "ministry", "monitor")
    # the store's lists are sorted: families (was list 2), ministry (0), monitor (1)
    reorder = {c: ((c >> 2) & 1) | ((c & 1) << 1) | (((c >> 1) & 1) << 2) for c in range(8)}
    assert {reorder[c]: n for c, n in counts.items()} == dict(enumerate(table.counts.tolist()))
    assert sorted(by_year.tables) == [("2024", "Town A"), ("2025", "unknown")]
    assert sum(t.documented for t in by_year.tables.values()) == table.documented


def test_an_empty_store_says_no_linked_lists_are_stored(store_url: str) -> None:
    with Store.open(store_url) as store, pytest.raises(NotFoundError, match="no linked victim"):
        stored_captures(store)


def test_records_imported_since_the_link_are_refused(store_url: str) -> None:
    late = VictimRecord(list_name="monitor", line=2, key="late", record_id="late", name="Late")
    with Store.open(store_url) as store:
        fill(store)
        store.save_victim_records([late])
        with pytest.raises(ConfigurationError, match=r"1 record\(s\) imported since the last"):
            stored_captures(store)


def test_fewer_than_three_lists_are_refused(store_url: str) -> None:
    records = [
        VictimRecord(list_name=name, line=2, key="p1", record_id="p1", name="Invented Person")
        for name in ("ministry", "monitor")
    ]
    with Store.open(store_url) as store:
        store.save_victim_records(records)
        persons = {s.pk: 1 for s in store.victim_records()}
        store.save_victim_linkage(threshold=0.9, model={}, links=[], persons=persons)
        with pytest.raises(ConfigurationError, match=r"2 list\(s\) .*at least 3 linked"):
            stored_captures(store)


def test_a_stratum_the_store_cannot_give_is_refused(store_url: str) -> None:
    with Store.open(store_url) as store, pytest.raises(ConfigurationError, match="'sex'"):
        stored_captures(store, ["sex"])


def test_the_command_estimates_from_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with Store.open(url) as store:
        fill(store, seed=2)
    result = subprocess.run(
        [EXE, "estimate", "--db", url, "--method", "loglinear", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["source"] == "the store's linked victim lists (threshold 0.9)"
    assert found["lists"] == ["families", "ministry", "monitor"]
    assert found["documented"] < found["estimate"]


def linked_fill(store: Store, seed: int = 3) -> None:
    """As :func:`fill`, but the records of one person are stored as scored pairs: the pairs of
    every third person at probability 0.8, the others at 0.97, all linked at 0.7."""
    fill(store, seed=seed)
    stored = store.victim_records()
    persons = store.victim_persons()
    members: dict[int, list[int]] = {}
    for s in stored:
        members.setdefault(persons[s.pk], []).append(s.pk)
    links = []
    for who, pks in members.items():
        probability = 0.8 if who % 3 == 0 else 0.97
        for a, b in itertools.pairwise(pks):
            links.append(StoredLink(a, b, probability, 3.0, [], True))
    store.save_victim_linkage(threshold=0.7, model={}, links=links, persons=persons)


def test_persons_at_another_threshold_come_from_the_stored_pairs(store_url: str) -> None:
    with Store.open(store_url) as store:
        linked_fill(store)
        at_run = store.victim_persons()
        low = persons_at(store, 0.7)
        high = persons_at(store, 0.9)
        # a reviewed non-match splits a pair at any threshold
        (a, b) = next((x.left, x.right) for x in store.victim_links() if x.probability > 0.9)
        by_pk = {s.pk: s.record for s in store.victim_records()}
        store.add_victim_reviews(
            [
                PairReview(
                    (by_pk[a].list_name, by_pk[a].key),
                    (by_pk[b].list_name, by_pk[b].key),
                    "non-match",
                    "analyst",
                    "not the same person",
                )
            ]
        )
        reviewed = persons_at(store, 0.7)
        with pytest.raises(ConfigurationError, match="not kept"):
            persons_at(store, 0.01)
        assert store.victim_persons() == at_run  # nothing stored
    assert len(set(low.values())) == len(set(at_run.values()))
    assert len(set(high.values())) > len(set(low.values()))
    assert reviewed[a] != reviewed[b]


def test_the_command_reports_the_estimate_at_each_threshold_from_the_store(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with Store.open(url) as store:
        linked_fill(store)
    thresholds = ["--sensitivity", "0.9", "--sensitivity", "0.7"]
    result = subprocess.run(
        [EXE, "estimate", "--db", url, "--method", "loglinear", "--format", "json", *thresholds],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["sensitivity"]
    assert [r["threshold"] for r in rows] == [0.7, 0.9]
    assert rows[0]["documented"] < rows[1]["documented"]  # fewer links, more persons
