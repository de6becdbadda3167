"""A reconciliation's incidents in order, some read only when first asked for.

    incidents = IncidentList(ids, known={...}, load=fetch)   # fetch(ids) -> {id: Incident}
    len(incidents); incidents.ids                              # nothing is loaded
    incidents.get("3f9c…")                                     # loads that one
    for incident in incidents: ...                             # loads the rest, at once

An incremental run keeps most incidents as stored; decoding them (a JSON parse and the codec)
costs more than computing the few that changed. The run's result holds those by id and
decodes them when a face first reads them; a count or an id lookup decodes nothing (or one).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import overload

from warmonitor.reconcile import Incident

__all__ = ["IncidentList"]

Loader = Callable[[Collection[str]], Mapping[str, Incident]]
Counter = Callable[[Collection[str]], int]


class IncidentList(Sequence[Incident]):
    """Incidents in a fixed order: those of ``known`` at hand, the others loaded by ``load``
    (every id asked for must come back) the first time they are read; ``flags`` counts the
    failed checks of incidents not at hand without loading them. Equal to any sequence of the
    same incidents in the same order. Safe to share between threads."""

    __slots__ = ("_flags", "_ids", "_known", "_load", "_lock")

    def __init__(
        self,
        ids: Sequence[str],
        known: Mapping[str, Incident],
        load: Loader | None = None,
        *,
        flags: Counter | None = None,
    ) -> None:
        self._ids = tuple(ids)
        self._known = {i: known[i] for i in self._ids if i in known}
        self._load = load
        self._flags = flags
        self._lock = threading.Lock()
        if load is None and len(self._known) < len(self._ids):
            raise ValueError("an incident list without a loader needs every incident")

    @classmethod
    def of(cls, incidents: Sequence[Incident]) -> IncidentList:
        """A list of incidents all at hand."""
        return cls([i.id for i in incidents], {i.id: i for i in incidents})

    @property
    def ids(self) -> tuple[str, ...]:
        """Every incident's id, in order; loads nothing."""
        return self._ids

    @property
    def pending(self) -> frozenset[str]:
        """The ids not loaded yet."""
        return frozenset(self._ids) - self._known.keys()

    def at_hand(self) -> dict[str, Incident]:
        """The incidents loaded so far, by id."""
        return dict(self._known)

    def load(self) -> IncidentList:
        """Load every incident not at hand now (while what they are loaded from is open);
        the list itself."""
        self._all()
        return self

    def flag_count(self) -> int:
        """How many failed checks the incidents have in all (``Incident.flags``)."""
        if self._flags is None:
            return sum(len(i.flags) for i in self._all())
        with self._lock:
            known = list(self._known.values())
        pending = frozenset(self._ids) - {i.id for i in known}
        return sum(len(i.flags) for i in known) + (self._flags(pending) if pending else 0)

    def get(self, incident_id: str) -> Incident:
        """The incident ``incident_id`` (loaded alone if it is not at hand); ``KeyError`` if
        it is not in the list."""
        found = self._known.get(incident_id)
        if found is None:
            if incident_id not in self._ids:
                raise KeyError(incident_id)
            self._fetch([incident_id])
            found = self._known[incident_id]
        return found

    def _fetch(self, ids: Collection[str]) -> None:
        with self._lock:
            wanted = [i for i in ids if i not in self._known]
            if not wanted:
                return
            assert self._load is not None
            loaded = self._load(wanted)
            missing = [i for i in wanted if i not in loaded]
            if missing:
                raise LookupError(f"incident {missing[0]} could not be loaded")
            self._known.update((i, loaded[i]) for i in wanted)

    def _all(self) -> list[Incident]:
        if len(self._known) < len(self._ids):
            self._fetch(self._ids)
        return [self._known[i] for i in self._ids]

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> Incident: ...

    @overload
    def __getitem__(self, index: slice) -> list[Incident]: ...

    def __getitem__(self, index: int | slice) -> Incident | list[Incident]:
        if isinstance(index, slice):
            return [self.get(i) for i in self._ids[index]]
        return self.get(self._ids[index])

    def __iter__(self) -> Iterator[Incident]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return isinstance(value, Incident) and value.id in self._ids and self.get(value.id) == value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IncidentList) and other._ids != self._ids:
            return False
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return self._all() == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"IncidentList({len(self._ids)} incidents, {len(self.pending)} not loaded)"
