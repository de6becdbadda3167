"""IncidentList: a reconciliation's incidents in order, those not at hand loaded when first
read, once, and equal to the list of the same incidents."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from datetime import date
from typing import Any

import pytest

from reconcile_factory import IDLIB, claim
from warmonitor.incident_filters import FILTERS_KEPT, IncidentFilter
from warmonitor.incident_list import IncidentList
from warmonitor.reconcile import Incident, reconcile


def _incidents() -> list[Incident]:
    claims = [
        claim(12, id="c1", doc="d1", place=IDLIB, day=date(2024, 3, 1)),
        claim(40, id="c2", doc="d2", place=IDLIB, day=date(2024, 6, 9)),
        claim(7, id="c3", doc="d3", place=IDLIB, day=date(2024, 9, 20)),
    ]
    found = reconcile(claims, {})
    assert len(found) == 3
    return found


class Loader:
    """Loads from a dict and records what it was asked for."""

    def __init__(self, incidents: Mapping[str, Incident]) -> None:
        self.incidents = dict(incidents)
        self.asked: list[list[str]] = []

    def __call__(self, ids: Collection[str]) -> dict[str, Incident]:
        self.asked.append(sorted(ids))
        return {i: self.incidents[i] for i in ids if i in self.incidents}


def test_ids_and_length_load_nothing_and_one_lookup_loads_one() -> None:
    incidents = _incidents()
    load = Loader({i.id: i for i in incidents})
    lazy = IncidentList([i.id for i in incidents], {incidents[0].id: incidents[0]}, load)
    assert len(lazy) == 3
    assert lazy.ids == tuple(i.id for i in incidents)
    assert lazy.pending == {incidents[1].id, incidents[2].id}
    assert load.asked == []
    assert lazy.get(incidents[2].id) == incidents[2]
    assert load.asked == [[incidents[2].id]]
    assert lazy[0] == incidents[0]  # at hand
    assert len(load.asked) == 1


def test_reading_them_all_loads_the_rest_once_in_order() -> None:
    incidents = _incidents()
    load = Loader({i.id: i for i in incidents})
    lazy = IncidentList([i.id for i in incidents], {}, load)
    assert list(lazy) == incidents
    assert lazy == incidents and incidents == lazy
    assert lazy[1:] == incidents[1:]
    assert load.asked == [sorted(i.id for i in incidents)]
    assert not lazy.pending
    assert lazy != list(reversed(incidents))


def test_flags_of_incidents_not_at_hand_are_counted_without_loading_them() -> None:
    incidents = _incidents()
    load = Loader({i.id: i for i in incidents})
    counted: list[set[str]] = []

    def flags(ids: Collection[str]) -> int:
        counted.append(set(ids))
        return sum(len(i.flags) for i in incidents if i.id in ids)

    lazy = IncidentList(
        [i.id for i in incidents], {incidents[0].id: incidents[0]}, load, flags=flags
    )
    assert lazy.flag_count() == sum(len(i.flags) for i in incidents)
    assert counted == [{incidents[1].id, incidents[2].id}]
    assert load.asked == []
    plain = IncidentList([i.id for i in incidents], {}, load)  # no counter: loads them
    assert plain.flag_count() == sum(len(i.flags) for i in incidents)
    assert load.asked


def test_an_incident_the_loader_does_not_give_is_an_error() -> None:
    incidents = _incidents()
    lazy = IncidentList([i.id for i in incidents], {}, Loader({}))
    with pytest.raises(LookupError, match="could not be loaded"):
        list(lazy)
    with pytest.raises(KeyError):
        lazy.get("no-such-incident")
    with pytest.raises(ValueError, match="needs every incident"):
        IncidentList([i.id for i in incidents], {})


def test_a_filter_kept_per_run_gives_what_it_gives_fresh_and_keeps_the_latest() -> None:
    """``IncidentFilter.apply_kept``: the same incidents as ``apply``, the list kept in the
    run's ``derived`` and given again; at most ``FILTERS_KEPT`` filters are kept, the
    oldest dropped first, and other things kept there are left alone."""
    incidents = _incidents()
    kept: dict[Hashable, Any] = {"something else": 1}
    spring = IncidentFilter(end=date(2024, 6, 30))
    first = spring.apply_kept(incidents, kept)
    assert first == spring.apply(incidents) == incidents[:2]
    assert spring.apply_kept(incidents, kept) is first  # kept, not filtered again
    assert IncidentFilter().apply_kept(incidents, kept) == incidents
    for n in range(FILTERS_KEPT + 5):
        IncidentFilter(q=f"word {n}").apply_kept(incidents, kept)
    filters = [k for k in kept if isinstance(k, tuple) and k[0] == "filtered"]
    assert len(filters) == FILTERS_KEPT
    assert ("filtered", spring) not in kept and kept["something else"] == 1
    assert ("filtered", IncidentFilter(q=f"word {FILTERS_KEPT + 4}")) in kept
    assert spring.apply_kept(incidents, None) == incidents[:2]  # nothing to keep in
