"""Copies of one report: a wire story on several sites counts once.

Two reports are copies when their texts' fingerprints (``ReportEvent.fingerprint``, a MinHash
of five-word shingles: ``warmonitor.fingerprint``) agree at :data:`~warmonitor.fingerprint.
NEAR_DUPLICATE` of their positions or more; copies of copies are copies. The **original** of a
set of copies is the one published first (then the smallest document id).

A claim of a copy that states the figure of a claim of an earlier copy (same outcome, victim
group and count, and the same claimant, or each the outlet's own unattributed voice: the site
that republishes a wire speaks in its own name) **repeats** it: it is the same source as the
claim it repeats and stands as of that claim's date, so a copy republished days later never
makes an old figure look new. A copy's figure that differs (an updated wire story) is a figure
of its own. Candidates are found by bands of the fingerprint (locality-sensitive hashing), so
the cost grows with the reports, not with their pairs. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from warmonitor.fingerprint import NEAR_DUPLICATE, similarity
from warmonitor.model import Claim, ReportEvent
from warmonitor.reconcile.sources import AsOf, Claimants, as_of

__all__ = ["NO_COPIES", "Copies", "copy_groups", "copy_sets", "find_copies"]

_BANDS = 8


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def copy_groups(
    events: Mapping[str, ReportEvent],
    published: Mapping[str, date | None],
    *,
    threshold: float = NEAR_DUPLICATE,
) -> dict[str, str]:
    """Each document that has copies → the original of its copies (itself for the original).
    Documents without a copy are left out."""
    parent = {d: d for d, e in events.items() if e.fingerprint}
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = {}
    for d in sorted(parent):
        prints = events[d].fingerprint
        width = max(1, len(prints) // _BANDS)
        for band in range(0, len(prints), width):
            buckets.setdefault((band, tuple(prints[band : band + width])), []).append(d)
    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        for i, left in enumerate(members):
            for right in members[i + 1 :]:
                if (left, right) in checked:
                    continue
                checked.add((left, right))
                a, b = _find(parent, left), _find(parent, right)
                if a == b:
                    continue
                if similarity(events[left].fingerprint, events[right].fingerprint) >= threshold:
                    parent[max(a, b)] = min(a, b)
    sets: dict[str, list[str]] = {}
    for d in parent:
        sets.setdefault(_find(parent, d), []).append(d)
    out = {}
    for members in sets.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda d: (published.get(d) or date.max, d))
        out.update({d: original for d in members})
    return out


def _speaker(claim: Claim, claimants: Claimants) -> str:
    c = claim.claimant
    if c.kind == "media" and not c.text and (not c.name or c.name == claim.reported_by):
        return "\0outlet"  # the site's own voice: each copy names its own site
    return claimants.key(claim)


@dataclass(frozen=True, slots=True)
class Copies:
    """Which documents are copies of which, and the claims that repeat an earlier copy's."""

    original: Mapping[str, str] = field(default_factory=dict)  # document → its original
    repeats: Mapping[str, Claim] = field(default_factory=dict)  # claim id → claim it repeats

    def key(self, claim: Claim, claimants: Claimants) -> str:
        """The claimant key of ``claim``: that of the claim it repeats, if any."""
        return claimants.key(self.repeats.get(claim.id, claim))

    def as_of(self, claim: Claim, published: Mapping[str, date | None]) -> AsOf:
        """When ``claim``'s figure stood: as of the claim it repeats, if any."""
        return as_of(self.repeats.get(claim.id, claim), published)


NO_COPIES = Copies()


def find_copies(
    claims: Iterable[Claim],
    events: Mapping[str, ReportEvent],
    published: Mapping[str, date | None],
    claimants: Claimants,
    *,
    threshold: float = NEAR_DUPLICATE,
) -> Copies:
    """The copies among the reports of ``events`` and the claims of later copies that repeat
    a figure of an earlier one."""
    original = copy_groups(events, published, threshold=threshold)
    if not original:
        return NO_COPIES
    order = {d: (published.get(d) or date.max, d != original[d], d) for d in original}
    by_set: dict[str, list[Claim]] = {}
    for c in claims:
        if c.document_id in original:
            by_set.setdefault(original[c.document_id], []).append(c)
    repeats: dict[str, Claim] = {}
    for mine in by_set.values():
        first: dict[tuple[object, ...], Claim] = {}
        for c in sorted(mine, key=lambda c: (order[c.document_id], c.evidence.start)):
            count = c.count
            signature = (
                c.outcome,
                c.victims.group,
                count.low,
                count.high,
                count.best,
                _speaker(c, claimants),
            )
            origin = first.setdefault(signature, c)
            if origin.document_id != c.document_id:
                repeats[c.id] = origin
    return Copies(original, repeats)


def copy_sets(copies: Copies, documents: Sequence[str]) -> list[tuple[str, ...]]:
    """The documents among ``documents`` grouped into sets of copies, originals first; only
    sets of two or more."""
    sets: dict[str, list[str]] = {}
    for d in documents:
        if d in copies.original:
            sets.setdefault(copies.original[d], []).append(d)
    return [tuple(sorted(s, key=lambda d: d != o)) for o, s in sets.items() if len(s) > 1]
