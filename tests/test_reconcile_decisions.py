"""Analysts' merges, splits and moves, replayed by every reconciliation; stable incident ids.
Pure: decisions are plain data, the previous run's membership a mapping."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reconcile_factory import ALEPPO, IDLIB, KHARKIV, claim
from warmonitor.model import Claim
from warmonitor.reconcile import Decision, Incident, reconcile
from warmonitor.reconcile.decisions import apply_decisions, assign_ids, fresh_id

PUBLISHED = {f"doc-{d}": date(2024, 5, d) for d in range(1, 31)}


def at(minute: int) -> datetime:
    return datetime(2024, 6, 1, 12, minute, tzinfo=UTC)


def membership(incidents: list[Incident]) -> dict[str, frozenset[str]]:
    return {i.id: frozenset(i.claim_ids) for i in incidents}


def home(incidents: list[Incident], claim_id: str) -> Incident:
    (found,) = [i for i in incidents if claim_id in i.claim_ids]
    return found


@pytest.fixture
def two_cities() -> list[Claim]:
    return [
        claim(5, place=IDLIB, doc="doc-6"),
        claim(7, place=IDLIB, doc="doc-7"),
        claim(9, place=ALEPPO, doc="doc-7"),
    ]


def test_a_manual_merge_survives_re_reconciliation(two_cities: list[Claim]) -> None:
    first = reconcile(two_cities, PUBLISHED)
    assert len(first) == 2
    merge = Decision(
        "merge", tuple(c.id for c in two_cities), id=1, analyst="ana", created_at=at(0)
    )
    merged = reconcile(two_cities, PUBLISHED, decisions=[merge], previous=membership(first))
    assert len(merged) == 1 and merged[0].decisions == (1,)
    assert merged[0].id in {i.id for i in first}  # the larger overlap keeps its id
    # a later run, with a new report about Aleppo that groups with the Aleppo claim
    later = [*two_cities, claim(11, place=ALEPPO, doc="doc-8")]
    again = reconcile(later, PUBLISHED, decisions=[merge], previous=membership(merged))
    assert len(again) == 1
    assert again[0].id == merged[0].id
    assert set(again[0].claim_ids) == {c.id for c in later}


def test_a_split_takes_claims_out_and_stays_out(two_cities: list[Claim]) -> None:
    idlib = two_cities[:2]
    first = reconcile(idlib, PUBLISHED)
    split = Decision("split", (idlib[1].id,), id=2, created_at=at(1))
    after = reconcile(idlib, PUBLISHED, decisions=[split], previous=membership(first))
    assert len(after) == 2
    assert home(after, idlib[0].id).id == first[0].id  # the rest keeps the id
    assert home(after, idlib[1].id).decisions == (2,)
    again = reconcile(idlib, PUBLISHED, decisions=[split], previous=membership(after))
    assert membership(again) == membership(after)


def test_a_move_puts_one_claim_in_another_incident(two_cities: list[Claim]) -> None:
    idlib_a, idlib_b, aleppo = two_cities
    move = Decision("move", (idlib_b.id,), target_claim_ids=(aleppo.id,), id=3)
    after = reconcile(two_cities, PUBLISHED, decisions=[move])
    assert set(home(after, aleppo.id).claim_ids) == {idlib_b.id, aleppo.id}
    assert home(after, idlib_a.id).claim_ids == (idlib_a.id,)


def test_later_decisions_win(two_cities: list[Claim]) -> None:
    ids = tuple(c.id for c in two_cities)
    merge = Decision("merge", ids, id=1, created_at=at(0))
    split = Decision("split", (two_cities[2].id,), id=2, created_at=at(5))
    after = reconcile(two_cities, PUBLISHED, decisions=[split, merge])  # given out of order
    assert sorted(len(i.claim_ids) for i in after) == [1, 2]


def test_decisions_about_claims_that_are_gone_are_ignored(two_cities: list[Claim]) -> None:
    gone = Decision("merge", ("no-such-claim", "another"), id=4)
    assert len(reconcile(two_cities, PUBLISHED, decisions=[gone])) == 2
    lost_target = Decision("move", (two_cities[0].id,), target_claim_ids=("gone",), id=5)
    after = reconcile(two_cities, PUBLISHED, decisions=[lost_target])
    assert home(after, two_cities[0].id).claim_ids == (two_cities[0].id,)


def test_a_decision_must_name_claims() -> None:
    with pytest.raises(ValueError, match="at least one claim"):
        Decision("merge", ())
    with pytest.raises(ValueError, match="target"):
        Decision("move", ("c1",))
    with pytest.raises(ValueError, match="merge, split, move"):
        Decision("delete", ("c1",))  # type: ignore[arg-type]


def test_apply_decisions_on_a_partition() -> None:
    groups, placed = apply_decisions(
        [["a", "b"], ["c"], ["d"]],
        [Decision("merge", ("a", "c"), id=1), Decision("split", ("b",), id=2)],
    )
    assert groups == [["a", "c"], ["d"], ["b"]]
    assert placed == {"a": (1,), "b": (1, 2), "c": (1,)}


def test_ids_are_kept_by_overlap_and_fresh_ones_never_collide() -> None:
    previous = {"old-1": frozenset({"a", "b", "c"}), "old-2": frozenset({"d"})}
    ids = assign_ids([["a", "b"], ["c", "d"], ["e"]], previous)
    assert ids[:2] == ["old-1", "old-2"]
    assert ids[2] == fresh_id(["e"], set(previous))
    assert fresh_id(["e"], {fresh_id(["e"], set())}) != fresh_id(["e"], set())


def test_ids_are_stable_when_new_reports_arrive() -> None:
    claims = [claim(5, doc="doc-6"), claim(3, place=KHARKIV, doc="doc-6")]
    first = reconcile(claims, PUBLISHED)
    more = [*claims, claim(8, doc="doc-7")]
    again = reconcile(more, PUBLISHED, previous=membership(first))
    assert {i.id for i in again} == {i.id for i in first}
    # without the previous run, ids are still deterministic
    assert [i.id for i in reconcile(claims, PUBLISHED)] == [i.id for i in first]
