"""Consistency checks of an incident: parts against totals (stated parts against their total,
the figures of days and places of the event against its toll), subsets against sets,
claimants that disagree, and figures revised down. Each gives a :class:`Check` with a sentence
a person can read; a failed one (``ok`` false) is a flag, never averaged away.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import combinations

from warmonitor.model import Claim
from warmonitor.reconcile.sources import Claimants
from warmonitor.reconcile.tallies import ancestors
from warmonitor.reconcile.types import Aside, Check, Series, SourceFigure, Tally
from warmonitor.reconcile.wording import figure_text, group_label, number, says, topic

__all__ = ["conflicts", "parts", "revisions", "scoped_parts", "subsets"]

APPROXIMATE_MARGIN = 0.1  # "about 50" reads as 45 to 55 when comparing claimants


def parts(claims: Sequence[Claim], claimants: Claimants) -> list[Check]:
    """Each total with parts (``part_of``): do the parts fit it? Parts that exceed the total
    fail; parts that fall short pass, with what is not broken down. A part inside another part
    (children among the civilians listed) is not added twice."""
    by_id = {c.id: c for c in claims}
    children: dict[str, list[Claim]] = {}
    for c in claims:
        if c.part_of in by_id and c.part_of != c.id:
            children.setdefault(c.part_of, []).append(c)
    out = []
    for total_id, members in children.items():
        total = by_id[total_id]
        groups = {m.victims.group for m in members}
        summed = [m for m in members if not any(a in groups for a in ancestors(m.victims.group))]
        low = sum(m.count.low for m in summed)
        value = sum(m.count.best for m in summed)
        highs = [m.count.high for m in summed]
        high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
        who = claimants.label(claimants.key(total))
        subject = topic(total.outcome, total.victims.group)
        listed = " + ".join(number(m.count.best) for m in summed)
        stated = figure_text(total.count)
        sums = f"{listed} = {number(value)}" if len(summed) > 1 else number(value)
        ids = (total.id, *(m.id for m in members))
        detail = (("parts_sum", value), ("total", total.count.best), ("total_text", stated))
        if total.count.high is not None and low > total.count.high:
            message = f"{subject}: the parts {who} gives ({sums}) exceed its total of {stated}"
            out.append(
                Check("parts", False, message, ids, total.outcome, total.victims.group, detail)
            )
        elif high is not None and high < total.count.low:
            rest = total.count.best - value
            message = (
                f"{subject}: the parts {who} gives ({sums}) account for {number(value)} of "
                f"{stated}; {number(rest)} not broken down"
            )
            out.append(
                Check(
                    "parts",
                    True,
                    message,
                    ids,
                    total.outcome,
                    total.victims.group,
                    (*detail, ("not_broken_down", rest)),
                )
            )
        else:
            message = (
                f"{subject}: the parts {who} gives ({sums}) are consistent with its total "
                f"of {stated}"
            )
            out.append(
                Check("parts", True, message, ids, total.outcome, total.victims.group, detail)
            )
    return out


def scoped_parts(asides: Sequence[Aside], tallies: Sequence[Tally]) -> list[Check]:
    """The figures of days or places of the event that no report states as parts of a total
    (``scope``) against the event's toll of the same outcome and group: each day or place
    once, at the lowest current figure its claimants give; their sum above the toll's highest
    bounded figure is a flag, else they are consistent with it."""
    index = {(t.outcome, t.group): t for t in tallies}
    sets: dict[tuple[str, str, str], dict[str, list[Aside]]] = {}
    for a in asides:
        if a.role == "part" and not a.stated and a.scope in ("day", "place") and a.where:
            key = (a.outcome, a.group, a.scope)
            sets.setdefault(key, {}).setdefault(a.where, []).append(a)
    out = []
    for (outcome, group, scope), by_where in sets.items():
        tally = index.get((outcome, group))
        if tally is None:
            continue
        chosen = {w: min(mine, key=lambda a: a.source.count.low) for w, mine in by_where.items()}
        order = sorted(chosen)
        low = sum(chosen[w].source.count.low for w in order)
        listed = " + ".join(f"{w} {number(chosen[w].source.count.low)}" for w in order)
        sums = f"{listed} = {number(low)}" if len(order) > 1 else listed
        what = "days" if scope == "day" else "places"
        subject = topic(outcome, group)
        ids = (*(i for w in order for i in chosen[w].source.claim_ids), *tally.high.claim_ids)
        detail = (
            ("scope", scope),
            ("parts_sum", low),
            ("total", tally.high.value),
            ("total_text", tally.high.text),
        )
        top = f"{tally.high.text} ({', '.join(tally.high.claimants)})"
        if not tally.high.open and low > tally.high.value:
            message = (
                f"{subject}: the figures for {what} of the event ({sums}) exceed its toll of {top}"
            )
            out.append(Check("parts", False, message, ids, outcome, group, detail))
        else:
            message = (
                f"{subject}: the figures for {what} of the event ({sums}) are consistent with "
                f"its toll of {top}"
            )
            out.append(Check("parts", True, message, ids, outcome, group, detail))
    return out


def _interval(source: SourceFigure) -> tuple[float, float]:
    count = source.count
    low, high = float(count.best if count.high is None else count.low), float(source.upper)
    if source.vague or count.high is None:
        high = math.inf  # "at least 200", and "dozens" do not deny more
    if count.approximate:
        low = math.floor(low * (1 - APPROXIMATE_MARGIN))
        high = math.ceil(high * (1 + APPROXIMATE_MARGIN)) if high != math.inf else high
    return low, high


def conflicts(tallies: Sequence[Tally]) -> list[Check]:
    """Claimants whose figures for one outcome and group cannot both be true."""
    out = []
    for tally in tallies:
        used = [s for s in tally.sources if s.used]
        clashing: dict[int, SourceFigure] = {}
        for a, b in combinations(used, 2):
            (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
            if a_high < b_low or b_high < a_low:
                clashing[id(a)], clashing[id(b)] = a, b
        if not clashing:
            continue
        involved = sorted(clashing.values(), key=lambda s: (s.value, s.upper, s.claimant))
        said = ", ".join(
            f"{says(s.claimant)} {figure_text(s.count, vague=s.vague)}" for s in involved
        )
        ids = tuple(i for s in involved for i in s.claim_ids)
        figures = [
            {"claimant": s.claimant, "value": s.value, "text": figure_text(s.count)}
            for s in involved
        ]
        out.append(
            Check(
                "conflict",
                False,
                f"{topic(tally.outcome, tally.group)}: {said}",
                ids,
                tally.outcome,
                tally.group,
                (("figures", figures),),
            )
        )
    return out


def subsets(tallies: Sequence[Tally]) -> list[Check]:
    """A subset larger than its set: children killed beyond the civilians killed, by one
    claimant's own figures or by the lowest credible subset against the highest credible set."""
    index: Mapping[tuple[str, str], Tally] = {(t.outcome, t.group): t for t in tallies}
    out = []
    for tally in tallies:
        for parent in ancestors(tally.group):
            whole = index.get((tally.outcome, parent))
            if whole is None:
                continue
            sub_topic, set_topic = topic(tally.outcome, tally.group), group_label(parent)
            same = False
            for part in (s for s in tally.sources if s.used):
                for full in (s for s in whole.sources if s.used and s.claimant == part.claimant):
                    if full.count.high is not None and part.count.low > full.count.high:
                        same = True
                        message = (
                            f"{sub_topic}: {says(part.claimant)} {figure_text(part.count)}, "
                            f"more than its own {figure_text(full.count)} {set_topic}"
                        )
                        out.append(
                            Check(
                                "subset",
                                False,
                                message,
                                (*part.claim_ids, *full.claim_ids),
                                tally.outcome,
                                tally.group,
                                (("set", parent),),
                            )
                        )
            if not same and not whole.high.open and tally.low.value > whole.high.value:
                message = (
                    f"{sub_topic}: at least {number(tally.low.value)} "
                    f"({', '.join(tally.low.claimants)}), more than the highest count of "
                    f"{set_topic} {tally.outcome}, {number(whole.high.value)} "
                    f"({', '.join(whole.high.claimants)})"
                )
                ids = (*tally.low.claim_ids, *whole.high.claim_ids)
                out.append(
                    Check(
                        "subset",
                        False,
                        message,
                        ids,
                        tally.outcome,
                        tally.group,
                        (("set", parent),),
                    )
                )
    return out


def revisions(timeline: Sequence[Series]) -> list[Check]:
    """A claimant whose later figure is lower than its figure before (tolls only ever rise):
    "people killed: SOHR revised its toll down from 30 to 25 on 2024-05-09 (30 as of
    2024-05-07)". Figures of one day, or without a date, are not a revision."""
    out = []
    for series in timeline:
        for before, after in zip(series.points, series.points[1:], strict=False):
            if before.as_of is None or after.as_of is None or before.as_of == after.as_of:
                continue
            if after.value < before.value:
                message = (
                    f"{topic(series.outcome, series.group)}: {series.claimant} revised its "
                    f"toll down from {before.text} to {after.text} on {after.as_of} "
                    f"({before.text} as of {before.as_of})"
                )
                detail = (
                    ("claimant", series.claimant),
                    ("from", before.value),
                    ("to", after.value),
                    ("from_as_of", before.as_of.isoformat()),
                    ("on", after.as_of.isoformat()),
                    ("documents", list(dict.fromkeys((*before.documents, *after.documents)))),
                )
                out.append(
                    Check(
                        "revision",
                        False,
                        message,
                        (*before.claim_ids, *after.claim_ids),
                        series.outcome,
                        series.group,
                        detail,
                    )
                )
    return out
