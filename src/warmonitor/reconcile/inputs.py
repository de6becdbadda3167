"""What one incident's figures are computed from, and its digest.

Reconciliation has two stages. The first is global: reports joined into events (word weights
by rarity across the whole archive), the rest grouped claim by claim, analysts' decisions
replayed, ids kept, claimant keys and their labels (acronyms, persons, the names used most
across all claims), copies of one report, a total's hedges carried to its parts. The second
is per incident: tallies, totals, checks, the timeline, parts and projections, violations.

:class:`IncidentInputs` is everything the second stage reads for one incident, the first
stage's results cut down to that incident: its claims, and for them (and for the claims of
earlier copies they repeat) their claimant keys, the labels and kinds of those keys, their
publication dates, hedges, copies, decisions, the main place of its reports' events, the
reports whose main event it is, the policy and the ranking. ``incidents.build`` reads nothing
else, so equal inputs give an equal incident, and :func:`digest` (a hash of the inputs) tells
whether a stored incident still stands (``incremental``). Pure: no I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from warmonitor.model import Claim
from warmonitor.reconcile.policies import Policy

__all__ = ["IncidentInputs", "digest"]


@dataclass(frozen=True, slots=True)
class IncidentInputs:
    """One incident's inputs to ``incidents.build`` (pairs are (key, value), in a fixed order)."""

    id: str
    claims: tuple[Claim, ...]  # its claims, in the order of the claims given to reconcile
    policy: Policy
    ranking: tuple[str, ...]
    published: tuple[tuple[str, date | None], ...]  # documents of its claims and repeated ones
    keys: tuple[tuple[str, str], ...]  # claim id → claimant key (its claims, repeated ones)
    labels: tuple[tuple[str, str], ...]  # claimant key → label, for the keys above
    kinds: tuple[tuple[str, str], ...]  # claimant key → kind, for the keys above
    repeats: tuple[tuple[str, Claim], ...]  # claim id → the earlier copy's claim it repeats
    originals: tuple[tuple[str, str], ...]  # its document → the original of its copies
    hedges: tuple[tuple[str, tuple[str, ...]], ...]  # claim id → its hedges and its total's
    home: tuple[str, ...]  # the main places its reports' events give most (casefolded)
    decisions: tuple[tuple[str, tuple[int, ...]], ...]  # claim id → decisions that placed it
    reports: tuple[str, ...]  # documents whose main event it is


def digest(inputs: IncidentInputs, salt: str = "") -> str:
    """A hash of ``inputs`` (and ``salt``: the code that computes incidents): equal digests,
    equal inputs. Every field is a frozen dataclass, tuple, text, number, date or ``None``,
    whose ``repr`` shows its whole value."""
    text = f"{salt}\0{inputs!r}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
