"""The timeline of an incident: each claimant's figures over time, per outcome and group.

A point is a figure as of its claimant's statement date (else its publication date); outlets
repeating the same figure on the same day are one point with several claims. The summary is
the sentence an analyst writes: "SOHR's figure for people killed rose from 340 to 1,383".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from warmonitor.model import Claim
from warmonitor.reconcile.sources import Claimants, as_of
from warmonitor.reconcile.tallies import tally_order
from warmonitor.reconcile.types import Series, SeriesPoint
from warmonitor.reconcile.wording import figure_text, is_vague, possessive, topic

__all__ = ["timeline"]


def _summary(claimant: str, subject: str, points: list[SeriesPoint]) -> str:
    first, last = points[0], points[-1]
    when = f"({first.as_of or 'undated'} to {last.as_of or 'undated'})"
    if len(points) == 1:
        return f"{claimant}: {subject} {first.text} ({first.as_of or 'undated'})"
    whose = f"{possessive(claimant)} figure for {subject}"
    if last.value > first.value:
        return f"{whose} rose from {first.text} to {last.text} {when}"
    if last.value < first.value:
        return f"{whose} fell from {first.text} to {last.text} {when}"
    return f"{whose} stayed at {last.text} {when}"


def timeline(
    claims: Iterable[Claim], claimants: Claimants, published: Mapping[str, date | None]
) -> list[Series]:
    """The series of figures by claimant, outcome and group, oldest figure first."""
    grouped: dict[tuple[str, str, str], dict[tuple[date, int, int | None, int], list[Claim]]] = {}
    for c in claims:
        when = as_of(c, published)
        key = (c.outcome, c.victims.group, claimants.key(c))
        figure = (when.key, c.count.low, c.count.high, c.count.best)
        grouped.setdefault(key, {}).setdefault(figure, []).append(c)
    out = []
    for (outcome, group, who), figures in sorted(
        grouped.items(), key=lambda item: (*tally_order(item[0][:2]), item[0][2])
    ):
        points = []
        for figure in sorted(figures, key=lambda f: (f[0], f[3], f[1])):
            mine = figures[figure]
            first = mine[0]
            when = as_of(first, published)
            vague = is_vague(first.count)
            points.append(
                SeriesPoint(
                    as_of=when.day,
                    basis=when.basis,
                    value=first.count.low if vague else first.count.best,
                    text=figure_text(first.count, vague=vague),
                    claim_ids=tuple(c.id for c in mine),
                )
            )
        name = claimants.label(who)
        out.append(
            Series(
                outcome, group, name, tuple(points), _summary(name, topic(outcome, group), points)
            )
        )
    return out
