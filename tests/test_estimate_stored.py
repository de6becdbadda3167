"""Estimates from the store's linked victim lists: persons into capture tables, strata, and the
command without --captures (records written through the store's own methods)."""

from __future__ import annotations

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
