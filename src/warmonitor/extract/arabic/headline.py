"""The main incident of an Arabic report: its civilian and military dead and its injured.

The same reading as English (``extract.headline``, ``docs/HEADLINE.md``): the main incident is
that of the first sentence stating a killed figure (the title, in a page capture), running
tolls of a period or campaign ("منذ بداية العام") aside; its totals by group, parts never added;
a toll said to have risen ("ارتفعت الحصيلة إلى") supersedes it when higher; an unspecified toll
with no combatant named counts as civilian. The injured are the first injured figures of the
incident's sentence, else the first after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from warmonitor.extract.arabic.lexicon import COMBATANT_GROUPS, RUNNING_TOTAL
from warmonitor.gazetteer.arabic import fold
from warmonitor.model import Claim, Period, Place

__all__ = ["arabic_headline"]

_CIVILIAN = frozenset({"civilians", "children", "women", "men"})
_REACH = 600  # characters after the lead within which the incident's other figures lie


def _running(c: Claim) -> bool:
    return bool(RUNNING_TOTAL.search(fold(c.evidence.sentence)))


def _told_apart(claims: Sequence[Claim], total: Claim) -> tuple[int, int] | None:
    """(civilians, combatants) of a total of unnamed people whose parts tell who they were:
    "40 قتيلاً، هم: 30 من التنظيم و8 من الأسايش و2 مدنيين" (the combatants named, the rest
    civilians), "5 أشخاص من بينهم مدني" (a civilian named among them: the rest were not)."""
    parts = [c for c in claims if c.part_of == total.id]
    whole = total.count.best
    com = sum(c.count.best for c in parts if c.victims.group in COMBATANT_GROUPS)
    civ = sum(c.count.best for c in parts if c.victims.group in _CIVILIAN)
    if 0 < com <= whole:
        return whole - com, com
    if any(c.victims.group == "civilians" for c in parts) and 0 < civ < whole:
        return civ, whole - civ
    return None


def _split(claims: Sequence[Claim]) -> tuple[int | None, int | None, int | None]:
    """(civilians, combatants, all) of one sentence's totals."""
    totals = [c for c in claims if c.part_of is None]
    civ = sum(c.count.best for c in totals if c.victims.group in _CIVILIAN)
    com = sum(c.count.best for c in totals if c.victims.group in COMBATANT_GROUPS)
    people = 0
    for c in totals:
        if c.victims.group in _CIVILIAN | COMBATANT_GROUPS:
            continue
        told = _told_apart(claims, c)
        if told is None:
            people += c.count.best
        else:
            civ, com = civ + told[0], com + told[1]
    if not any(c.victims.group in _CIVILIAN for c in totals):
        parts = [c for c in claims if c.part_of is not None and c.victims.group in _CIVILIAN]
        if parts and not com:
            civ = 0
    if not com:
        civ += people
    total = civ + com + (people if com else 0)
    return (civ or None), (com or None), (total or None)


def _main(claims: list[Claim]) -> list[Claim]:
    """The claims of the main incident's sentence."""
    if not claims:
        return []
    candidates = [c for c in claims if not _running(c)] or claims
    first = candidates[0].evidence.start
    lead = [c for c in candidates if c.evidence.start == first]
    if all(_vague(c) for c in lead if c.part_of is None):
        # "مقتل عدد من المدنيين … مقتل 2 من المدنيين": the precise figure stated just after
        later = [
            c
            for c in candidates
            if first < c.evidence.start <= first + _REACH and c.part_of is None and not _vague(c)
        ]
        if later:
            at = later[0].evidence.start
            lead = [c for c in candidates if c.evidence.start == at]
    return lead


def _vague(c: Claim) -> bool:
    """ "عشرات"، "عدد من": an interval wider than one number, no number written."""
    return c.count.high is not None and c.count.high > c.count.low and c.count.stated is None


def arabic_headline(
    claims: Sequence[Claim],
    *,
    published: date | None,
    fallback_place: Place | None,
    fallback_period: Period | None,
) -> dict[str, Any]:
    """The document-level prediction of an Arabic report (the fields ``score.py`` reads)."""
    killed = sorted((c for c in claims if c.outcome == "killed"), key=lambda c: c.evidence.start)
    wounded = sorted((c for c in claims if c.outcome == "injured"), key=lambda c: c.evidence.start)
    lead = _main(killed)
    civ, com, total = _split(lead)
    unsplit = com is None and all(c.victims.group not in _CIVILIAN for c in lead)
    if lead:
        start = lead[0].evidence.start
        if com is None and civ is not None:  # the combatants of the incident, told apart
            others = [
                c
                for c in killed
                if start < c.evidence.start <= start + _REACH
                and not _running(c)
                and c.part_of is None
                and c.victims.group in COMBATANT_GROUPS
            ]
            if others:
                com = others[0].count.best
        for c in killed:
            if c.evidence.start < start:
                continue
            told = _told_apart(killed, c)
            # the lead's toll of unnamed people restated with its parts told apart ("50
            # قتيلا" in the title, "50 قتيلا، هم: 30 من التنظيم … و5 مدنيين" in the body)
            restated = (
                told is not None
                and unsplit
                and c.part_of is None
                and c.count.best == total
                and (c.cumulative or c.evidence.start <= start + _REACH)
            )
            if restated or (c.cumulative and c.count.best > (total or 0)):
                if told is not None:  # "ارتفعت الحصيلة إلى 40، هم: 30 من … و2 مدنيين"
                    civ, com = told[0] or None, told[1] or None
                elif c.victims.group in COMBATANT_GROUPS:
                    com = c.count.best
                else:
                    civ = c.count.best
                total = (civ or 0) + (com or 0)
    anchor = lead[0].evidence.start if lead else 0
    hurt = [c for c in wounded if c.evidence.start >= anchor and not _running(c)] or wounded
    injured = civ_injured = None
    if hurt:
        first = hurt[0].evidence.start
        same = [c for c in hurt if c.evidence.start == first and c.part_of is None]
        injured = sum(c.count.best for c in same) or None
        civ_injured = sum(c.count.best for c in same if c.victims.group not in COMBATANT_GROUPS)
        civ_injured = civ_injured or None
    main = lead[0] if lead else (claims[0] if claims else None)
    when = main.period.start if main is not None and main.period is not None else None
    if when is None and fallback_period is not None:
        when = fallback_period.start
    place = main.place if main is not None and main.place is not None else fallback_place
    day = when or published
    return {
        "killed": total,
        "injured": injured,
        "date": day.isoformat() if day else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "civilians_killed": civ,
        "combatants_killed": com,
        "military_killed": com,
        "civilians_injured": civ_injured,
    }
