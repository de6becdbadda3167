"""Tallies: per outcome and victim group, each independent claimant's latest figure, reconciled.

* **Supersession.** Tolls are cumulative: a claimant's figure as of the latest date (its
  ``said_on``, else its document's publication date) replaces its earlier ones; on the same day
  the higher figure is the later; vague words that restate an earlier number ("dozens" after
  "98") do not replace it. Earlier figures stay listed as ``superseded``.
* **Independence.** Claims of one claimant (see ``sources``) are one source however many
  outlets repeat them; every repetition of the current figure is a claim behind it. A claim of
  a copy of a report that repeats the original's figure (``copies``) is the original's source
  as of the original's date, whoever the copy's site names as its voice.
* **Precision first.** Vague words ("dozens", "hundreds") count only when no claimant gives a
  number for that outcome and group; they stay listed, with ``used`` false.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from warmonitor.model import OUTCOMES, Claim
from warmonitor.reconcile.copies import NO_COPIES, Copies
from warmonitor.reconcile.policies import DEFAULT_POLICY, DEFAULT_RANKING, Policy, estimates
from warmonitor.reconcile.sources import Claimants
from warmonitor.reconcile.types import SourceFigure, Tally, Total
from warmonitor.reconcile.wording import is_vague

__all__ = ["GROUPS", "PARENT_GROUP", "Tallier", "ancestors", "tally_order", "totals"]

#: The order groups are shown in.
GROUPS: tuple[str, ...] = (
    "people",
    "civilians",
    "children",
    "women",
    "men",
    "combatants",
    "security_forces",
    "armed_group",
    "detainees",
    "other",
)

#: Each group's nearest larger group: children are civilians, civilians are people.
PARENT_GROUP: dict[str, str] = {
    "civilians": "people",
    "children": "civilians",
    "women": "civilians",
    "men": "civilians",
    "combatants": "people",
    "security_forces": "combatants",
    "armed_group": "combatants",
    "detainees": "people",
    "other": "people",
}


def _within(vague: Claim, precise: Claim) -> bool:
    low, high = vague.count.low, vague.count.high
    top = precise.count.high if precise.count.high is not None else precise.count.low
    return precise.count.low >= low and (high is None or top <= high)


def _current(claims: Sequence[Claim], recency: Callable[[Claim], Any]) -> Claim:
    """A claimant's current figure: its latest; but vague words that restate an earlier
    number ("dozens wounded" after "98 wounded") do not replace the number."""
    latest = max(claims, key=recency)
    if not is_vague(latest.count):
        return latest
    precise = [c for c in claims if not is_vague(c.count) and _within(latest, c)]
    return max(precise, key=recency) if precise else latest


def ancestors(group: str) -> list[str]:
    """The groups that contain ``group``, nearest first (``people`` last)."""
    out = []
    while group in PARENT_GROUP:
        group = PARENT_GROUP[group]
        out.append(group)
    if not out and group != "people":
        out.append("people")
    return out


def tally_order(key: tuple[str, str]) -> tuple[int, int, str]:
    outcome, group = key
    o = OUTCOMES.index(outcome) if outcome in OUTCOMES else len(OUTCOMES)
    g = GROUPS.index(group) if group in GROUPS else len(GROUPS)
    return (o, g, f"{outcome}/{group}")


@dataclass(frozen=True, slots=True)
class Tallier:
    """Builds the tallies of one incident's claims; needs publication dates and claimants."""

    published: Mapping[str, date | None]
    claimants: Claimants
    hedges: Mapping[str, tuple[str, ...]]  # claim id → its hedges and its total's
    policy: Policy = DEFAULT_POLICY
    ranking: Sequence[str] = DEFAULT_RANKING
    copies: Copies = NO_COPIES

    def sources(self, claims: Iterable[Claim]) -> list[SourceFigure]:
        """Each claimant's current figure among ``claims`` (one outcome and group): the figure
        as of its latest date; on one day the larger, then the later in the text."""
        by_claimant: dict[str, list[Claim]] = {}
        for c in claims:
            by_claimant.setdefault(self.copies.key(c, self.claimants), []).append(c)
        out = []
        for key, mine in by_claimant.items():
            latest = _current(mine, self._recency)
            figure = (latest.count.low, latest.count.high, latest.count.best)
            same = sorted(
                (c for c in mine if (c.count.low, c.count.high, c.count.best) == figure),
                key=self._recency,
                reverse=True,
            )
            out.append(
                SourceFigure(
                    claimant=self.claimants.label(key),
                    kind=self.claimants.kind(key),
                    count=latest.count,
                    as_of=self.copies.as_of(latest, self.published).day,
                    claim_ids=tuple(c.id for c in same),
                    superseded=tuple(
                        c.id for c in sorted(mine, key=self._recency) if c not in same
                    ),
                    outlets=tuple(dict.fromkeys(c.reported_by for c in same if c.reported_by)),
                    hedges=tuple(dict.fromkeys(h for c in same for h in self.hedges[c.id])),
                    vague=is_vague(latest.count),
                )
            )
        precise = any(not s.vague for s in out)
        out = [replace(s, used=False) if precise and s.vague else s for s in out]
        return sorted(out, key=lambda s: (not s.used, s.value, s.upper, s.claimant))

    def _recency(self, claim: Claim) -> tuple[date, int, float, int]:
        high = claim.count.high if claim.count.high is not None else float("inf")
        when = self.copies.as_of(claim, self.published).key
        return (when, claim.count.best, high, claim.evidence.start)

    def tallies(self, claims: Iterable[Claim]) -> list[Tally]:
        """One tally per outcome and victim group among ``claims``."""
        groups: dict[tuple[str, str], list[Claim]] = {}
        for c in claims:
            groups.setdefault((c.outcome, c.victims.group), []).append(c)
        out = []
        for key in sorted(groups, key=tally_order):
            sources = self.sources(groups[key])
            low, best, high = estimates([s for s in sources if s.used], self.policy, self.ranking)
            out.append(Tally(key[0], key[1], low, best, high, tuple(sources), self.policy))
        return out


@dataclass(frozen=True, slots=True)
class _Sum:
    basis: str
    tallies: tuple[Tally, ...]

    @property
    def low(self) -> int:
        return sum(t.low.value for t in self.tallies)

    @property
    def best(self) -> int:
        return sum(t.best.value for t in self.tallies)

    @property
    def high(self) -> tuple[int, bool]:
        return sum(t.high.value for t in self.tallies), any(t.high.open for t in self.tallies)


def totals(tallies: Sequence[Tally]) -> list[Total]:
    """Per outcome, all victims: the ``people`` tally or the sum of the groups, whichever is
    larger (parts are never added to a total). A group is summed only when no larger group
    but ``people`` has a tally, so that children are not added to the civilians they are in."""
    out = []
    for outcome in dict.fromkeys(t.outcome for t in tallies):
        mine = {t.group: t for t in tallies if t.outcome == outcome}
        summed = tuple(
            t
            for g, t in mine.items()
            if g != "people" and not any(a in mine for a in ancestors(g) if a != "people")
        )
        candidates = [_Sum("people", (mine["people"],))] if "people" in mine else []
        if summed:
            candidates.append(_Sum("groups", summed))
        best = max(candidates, key=lambda c: c.best)  # people first when they agree
        high, is_open = max(c.high for c in candidates)
        agree = len(candidates) == 2 and candidates[0].best == candidates[1].best
        out.append(
            Total(
                outcome=outcome,
                low=max(c.low for c in candidates),
                best=best.best,
                high=high,
                open=is_open,
                basis="both" if agree else best.basis,
                claim_ids=tuple(dict.fromkeys(i for t in best.tallies for i in t.best.claim_ids)),
                by_group=tuple((t.group, t.best.value) for t in summed),
            )
        )
    return out
