"""Analysts' decisions replayed over the automatic grouping, and incident ids kept stable.

Decisions are stated in claims, not incident ids, so that they hold however the automatic
grouping changes when new reports arrive. They are replayed oldest first; a later decision
wins over an earlier one. Claims a decision names that are no longer present are ignored.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from warmonitor.reconcile.types import Decision

__all__ = ["apply_decisions", "assign_ids", "fresh_id"]


def _find(groups: list[list[str]], claim_id: str) -> int | None:
    for i, group in enumerate(groups):
        if claim_id in group:
            return i
    return None


def _apply(groups: list[list[str]], decision: Decision, present: set[str]) -> set[str]:
    """Apply one decision in place; returns the claims it placed."""
    chosen = [c for c in dict.fromkeys(decision.claim_ids) if c in present]
    if not chosen:
        return set()
    if decision.action == "merge":
        indexes = sorted({i for c in chosen if (i := _find(groups, c)) is not None})
        merged = [c for i in indexes for c in groups[i]]
        for i in reversed(indexes):
            del groups[i]
        groups.insert(indexes[0], merged)
        return set(merged)
    for group in groups:
        group[:] = [c for c in group if c not in chosen]
    if decision.action == "split":
        groups.append(chosen)
        return set(chosen)
    targets = [c for c in decision.target_claim_ids if c in present and c not in chosen]
    counts: dict[int, int] = {}
    for c in targets:
        i = _find(groups, c)
        if i is not None:
            counts[i] = counts.get(i, 0) + 1
    if counts:
        best = max(sorted(counts), key=lambda i: counts[i])
        groups[best].extend(chosen)
    else:  # the target incident is gone: the claims stand alone
        groups.append(chosen)
    return set(chosen)


def apply_decisions(
    groups: Sequence[Sequence[str]], decisions: Sequence[Decision]
) -> tuple[list[list[str]], dict[str, tuple[int, ...]]]:
    """Replay ``decisions`` on a partition of claim ids.

    Returns the new partition (no empty groups) and, per claim, the ids of the decisions that
    placed it.
    """
    out = [list(g) for g in groups]
    present = {c for g in out for c in g}
    placed: dict[str, list[int]] = {}
    ordered = sorted(
        enumerate(decisions),
        key=lambda d: (d[1].created_at is None, d[1].created_at or 0, d[1].id or 0, d[0]),
    )
    for _, decision in ordered:
        for claim_id in _apply(out, decision, present):
            if decision.id is not None:
                placed.setdefault(claim_id, []).append(decision.id)
        out = [g for g in out if g]
    return out, {c: tuple(ids) for c, ids in placed.items()}


def fresh_id(claim_ids: Sequence[str], taken: set[str]) -> str:
    """A new incident id: a hash of its claims, never one in ``taken``."""
    seed = "|".join(sorted(claim_ids))
    salt = 0
    while True:
        text = seed if salt == 0 else f"{seed}#{salt}"
        candidate = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        if candidate not in taken:
            return candidate
        salt += 1


def assign_ids(
    groups: Sequence[Sequence[str]], previous: Mapping[str, frozenset[str]] | None = None
) -> list[str]:
    """An id per group: the previous incident sharing the most claims with it keeps its id
    (each previous id goes to one group), the rest get fresh ones."""
    previous = previous or {}
    owners: dict[str, list[str]] = {}  # claim -> the previous incidents holding it
    for old, claims in previous.items():
        for claim in claims:
            owners.setdefault(claim, []).append(old)
    pairs: list[tuple[int, int, str, int]] = []
    for i, group in enumerate(groups):  # each group meets only the incidents it shares with
        shared = Counter(old for claim in set(group) for old in owners.get(claim, ()))
        pairs.extend((-n, -len(group), old, i) for old, n in shared.items())
    pairs.sort()
    ids: list[str | None] = [None] * len(groups)
    used: set[str] = set()
    for _overlap, _size, old, i in pairs:
        if ids[i] is None and old not in used:
            ids[i] = old
            used.add(old)
    taken = used | set(previous)
    out = []
    for i, group in enumerate(groups):
        chosen = ids[i]
        if chosen is None:
            chosen = fresh_id(group, taken)
            taken.add(chosen)
        out.append(chosen)
    return out
