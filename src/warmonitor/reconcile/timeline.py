"""The timeline of an incident: each claimant's figures over time, per outcome and group.

A point is a figure as of its claimant's statement date (else its publication date), with the
reports (documents and outlets) that give it; outlets repeating the same figure on the same day
are one point with several claims, and a copy of a report repeating the original's figure
stands as of the original (``copies``). The last point is the claimant's current figure, as in
the tallies. The summary is the sentence an analyst writes: "SOHR's figure for people killed
rose from 340 to 1,383".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from warmonitor.model import Claim
from warmonitor.reconcile.copies import NO_COPIES, Copies
from warmonitor.reconcile.scope import marks
from warmonitor.reconcile.sources import Claimants
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


def _order(figure: tuple[date, int, int | None, int]) -> tuple[date, int, float, int]:
    when, low, high, best = figure
    return (when, best, float("inf") if high is None else high, low)


def timeline(
    claims: Iterable[Claim],
    claimants: Claimants,
    published: Mapping[str, date | None],
    copies: Copies = NO_COPIES,
) -> list[Series]:
    """The series of figures by claimant, outcome and group, oldest figure first (on one day
    the smaller first, so that the last is the current figure)."""
    grouped: dict[tuple[str, str, str], dict[tuple[date, int, int | None, int], list[Claim]]] = {}
    for c in claims:
        when = copies.as_of(c, published)
        key = (c.outcome, c.victims.group, copies.key(c, claimants))
        figure = (when.key, c.count.low, c.count.high, c.count.best)
        grouped.setdefault(key, {}).setdefault(figure, []).append(c)
    out = []
    for (outcome, group, who), figures in sorted(
        grouped.items(), key=lambda item: (*tally_order(item[0][:2]), item[0][2])
    ):
        points = []
        for figure in sorted(figures, key=_order):
            mine = sorted(figures[figure], key=lambda c: published.get(c.document_id) or date.max)
            first = mine[0]
            when = copies.as_of(first, published)
            vague = is_vague(first.count)
            points.append(
                SeriesPoint(
                    as_of=when.day,
                    basis=when.basis,
                    value=first.count.low if vague else first.count.best,
                    text=figure_text(first.count, vague=vague),
                    claim_ids=tuple(c.id for c in mine),
                    documents=tuple(dict.fromkeys(c.document_id for c in mine)),
                    outlets=tuple(dict.fromkeys(c.reported_by for c in mine if c.reported_by)),
                    marks=tuple(dict.fromkeys(m for c in mine for m in marks(c.hedges))),
                )
            )
        name = claimants.label(who)
        out.append(
            Series(
                outcome, group, name, tuple(points), _summary(name, topic(outcome, group), points)
            )
        )
    return out
