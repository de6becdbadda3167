"""Incremental reconciliation: recompute only the incidents whose inputs changed.

    inputs = plan(claims, published, events=…, decisions=…, previous=…)   # global stage
    todo = refresh(inputs, stored_digests, salt=code_digest)
    kept = {…}                    # the caller reads the stored incidents of todo.keep
    incidents = todo.finish(kept)  # equal to reconcile(...) with the same arguments

The global stage (``incidents.plan``) runs whole every time: reports' word weights depend on
the whole archive, claimant labels on every claim, copies on every report, so a new report
may move any incident's membership, id, claimant keys or copies. What it gives each incident
(:class:`~warmonitor.reconcile.inputs.IncidentInputs`) is all ``incidents.build`` reads; an
incident whose inputs have the digest stored with it (and the same ``salt``: the code) is the
stored incident, and only the others are built. Pure: no I/O; the caller keeps the digests
and the incidents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from warmonitor.reconcile.incidents import build, incident_order
from warmonitor.reconcile.inputs import IncidentInputs, digest
from warmonitor.reconcile.types import Incident

__all__ = ["Refresh", "refresh"]


@dataclass(frozen=True, slots=True)
class Refresh:
    """What a run keeps and what it computes: every incident's inputs and their digests, and
    the ids whose stored incident stands (``keep``)."""

    inputs: tuple[IncidentInputs, ...]
    digests: Mapping[str, str]  # incident id → digest of its inputs
    keep: frozenset[str]

    @property
    def compute(self) -> list[IncidentInputs]:
        """The incidents to build: new ones, and those whose inputs changed."""
        return [i for i in self.inputs if i.id not in self.keep]

    def finish(self, kept: Mapping[str, Incident]) -> list[Incident]:
        """Every incident, in ``reconcile``'s order: ``kept`` (the stored incidents of
        ``keep``, by id) as they are, the rest built. One of ``keep`` missing from ``kept``
        is built too."""
        out = [kept[i.id] if i.id in self.keep and i.id in kept else build(i) for i in self.inputs]
        return sorted(out, key=incident_order)


def refresh(
    inputs: Sequence[IncidentInputs], stored: Mapping[str, str], *, salt: str = ""
) -> Refresh:
    """Which of ``inputs`` to build: ``stored`` maps the stored incidents' ids to the digests
    of the inputs they were built from (with ``salt``); an incident keeps its stored result
    when the digests are equal."""
    digests = {i.id: digest(i, salt) for i in inputs}
    keep = frozenset(i for i, d in digests.items() if stored.get(i) == d)
    return Refresh(tuple(inputs), digests, keep)
