"""The headline of a document: the figures of the main incident it reports.

A report can carry many figures: the incident's own toll, its parts, earlier incidents,
running totals of a whole war. ``headline`` picks one killed and one injured figure, the way an
analyst coding the event would (rules in ``docs/HEADLINE.md``):

1. The main incident is the one of the first sentence that states a killed figure (news leads
   with the event); its figure is the first total stated there, precise before vague; one
   trigger's figures and figures the report says add up ("five more died") are summed, parts
   under a stated total never.
2. A later sentence of the incident's paragraph adds its dead when it says so ("another
   woman died later") or names another side's dead; a coder's note splitting the toll among
   events leaves this event its share (``headline/splits.py``).
3. A later cumulative figure ("the toll rose to N", "total later raised to N") supersedes the
   lead when higher; running totals of a campaign ("since January") never do; a coder's
   summary ("Fatalities coded as 7", split across events) is the total.
4. A killing named as the cause of a protest, a rally or a memorial is background, not the
   reported event.
5. Civilians and combatants killed are the main incident's figures of those groups; an
   unspecified toll with no combatant named counts as civilian (the FA-KES convention).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.headline.background import (
    background,
    cause_of_arrest,
    cause_of_protest,
    protest_report,
)
from warmonitor.extract.headline.splits import find_split
from warmonitor.extract.lexicon import COMBATANT_GROUPS
from warmonitor.model import Claim, Period, Place

__all__ = ["Counting", "Headline", "headline"]

# What the killed figure counts: every death, or (the convention of atrocity datasets such as
# PITF's World Atrocities Dataset) the non-combatant dead when a report names both.
Counting = Literal["all", "non-combatant"]

_CIVILIAN_GROUPS = frozenset({"civilians", "children", "women", "men"})
# Groups the headline counts as their parent: "12 men" are 12 civilians, as before men had a group.
_AS_PARENT = {"men": "civilians"}
_RUNNING_TOTAL = re.compile(
    r"\b(?:since (?:the start|the beginning|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|20\d\d|19\d\d|last)|this year|so far this|"
    r"in (?:the )?(?:past|last) (?:year|decade|\w+ years)|since the (?:conflict|war|uprising)|"
    r"over the past (?:year|decade|\w+ years|\w+ months)|in recent (?:months|years)|"
    r"a total of|overall|altogether|in all|more than \w+ years)\b",
    re.I,
)
_RUNNING_TOTAL_ANY = Caseless(_RUNNING_TOTAL)


@dataclass(frozen=True, slots=True)
class Headline:
    """The document-level prediction (the shape ``score.py`` reads)."""

    killed: int | None
    injured: int | None
    civilians_killed: int | None
    combatants_killed: int | None
    date: date | None
    place: Place | None

    def to_dict(self, record_id: str) -> dict[str, object]:
        p = self.place
        return {
            "id": record_id,
            "killed": self.killed,
            "injured": self.injured,
            "date": self.date.isoformat() if self.date else None,
            "country": p.country if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "civilians_killed": self.civilians_killed,
            "combatants_killed": self.combatants_killed,
        }


def headline(
    claims: Sequence[Claim],
    *,
    published: date | None = None,
    fallback_place: Place | None = None,
    fallback_period: Period | None = None,
    lead: str = "",
    text: str = "",
    counting: Counting = "all",
) -> Headline:
    """The main incident's figures among a document's claims.

    ``lead`` is the report's first sentence: when it reports a protest, a vigil or a blockade,
    killings named as its cause anywhere in the report are background, not the event.
    ``text`` is the whole report: a coder's note that splits the toll among several coded
    events ("40 fatalities split between 6 events") leaves this event its share.
    ``counting="non-combatant"`` reports the civilian dead as the killed figure when the
    report counts civilians and combatants apart ("103 civilians and 14 soldiers": 103).
    """
    protest = protest_report(lead, text)
    claims = [
        c for c in claims if not (protest and cause_of_protest(c)) and not cause_of_arrest(c, lead)
    ]
    killed_claims = [c for c in claims if c.outcome == "killed"]
    events: list[list[Claim]] = []
    main_killed, main_claims = _main_figure(killed_claims, events=events)
    split = find_split(text) if text else None
    if split is not None:
        main_killed = split.share(main_killed, lead)
    wounded = [c for c in claims if c.outcome == "injured"]
    injured, _ = _main_figure(wounded, additions=False)
    if len(events) > 1:
        # a toll added up from several attacks: their wounded add up the same way
        paired = _paired_injured(events, killed_claims, wounded)
        if paired is not None and (injured is None or paired > injured):
            injured = paired
    civilians, combatants = _groups(killed_claims, main_claims, main_killed)
    if counting == "non-combatant" and civilians is not None and combatants:
        main_killed = civilians
    anchor = main_claims[0] if main_claims else (claims[0] if claims else None)
    when = None
    if anchor is not None and anchor.period is not None:
        when = anchor.period.start
    if when is None and fallback_period is not None:
        when = fallback_period.start
    place = anchor.place if anchor is not None and anchor.place else fallback_place
    return Headline(main_killed, injured, civilians, combatants, when or published, place)


def _main_figure(
    claims: list[Claim], *, additions: bool = True, events: list[list[Claim]] | None = None
) -> tuple[int | None, list[Claim]]:
    """The main incident's figure and its claims; ``events`` receives the figures added up,
    one list per attack (one trigger's figures are one attack)."""
    events = [] if events is None else events
    if not claims:
        return None, []
    claims = [c for c in claims if not background(c)]
    if not claims:
        return None, []
    summaries = [c for c in claims if _summary(c)]
    if summaries:
        return summaries[-1].count.best, [summaries[-1]]
    candidates = [c for c in claims if not _running_total(c)] or claims
    first = candidates[0].evidence.start
    lead = [c for c in candidates if c.evidence.start == first]
    totals = [c for c in lead if c.part_of is None]
    precise = [c for c in totals if not _vague(c)]
    if totals and not precise:
        # "Dozens of civilians have been killed … killing at least 12 people": the report's
        # own precise figure, stated just after a vague lead, is the incident's
        later = [
            c
            for c in candidates
            if c.evidence.start > first and c.part_of is None and not _vague(c)
        ]
        if later and _sentences_apart(candidates, first, later[0].evidence.start) <= 2:
            first = later[0].evidence.start
            lead = [c for c in candidates if c.evidence.start == first]
            totals = [c for c in lead if c.part_of is None]
            precise = [c for c in totals if not _vague(c)]
    totals = precise or totals
    ids = {c.id for c in totals}
    parts_under_total = [c for c in lead if c.part_of in ids]
    value = _lead_value(totals or lead, bool(parts_under_total), events)
    if additions:
        value += _later_additions(candidates, first, lead, value, events)
    for c in candidates:
        if (
            c.evidence.start >= first
            and _rising(c)
            and not _running_total(c)
            and c.part_of is None
            and (c.count.best > value)
        ):
            value = c.count.best
            events[:] = [[c]]
    # the same figure restated later ("22 dead" in a title, "at least 22 people" in the text)
    # is the same incident: its parts are the incident's parts
    restated = [
        c
        for c in candidates
        if c.evidence.start > first and c.part_of is None and c.count.best == value
    ]
    return value, lead + restated


_LATER_CUE = re.compile(
    r"\b(?:another|additional|as well(?! as)|an? (?:second|third|further)|"
    r"(?:an hour|hours|minutes|moments|shortly) (?:later|after))\b|"
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten) more\b(?! than)",
    re.I,
)
# after the figure: "were killed as well", "a neighbour was also killed"
_AS_WELL = re.compile(
    r"\b(?:as well(?! as)|too|also (?:been )?(?:killed|died|dead|slain|shot|murdered))\b",
    re.I,
)
# before the figure: "… and also killed one of the group's bodyguards"
_ALSO_KILLED = re.compile(
    r"\balso\s+(?:\w+\s+)?(?:killed|killing|shot dead|shot|murdered|beheaded)\s+$", re.I
)
_SEPARATE = re.compile(
    r"\b(?:separate(?:ly)?|elsewhere|earlier|previous(?:ly)?|last (?:week|month|year)|"
    r"in (?:a|another) (?:similar|different|second|related) \w+|meanwhile|in other|since|"
    r"other (?:reports?|sources?|accounts?))\b",
    re.I,
)
_LATER_REACH = 400  # characters from the lead sentence: the incident's own paragraph
_SIDES = {"civilians": "c", "children": "c", "women": "c", "men": "c", "security_forces": "s"}
_SIDES |= {"armed_group": "a", "combatants": "a"}


def _later_additions(
    candidates: list[Claim], first: int, lead: list[Claim], value: int, events: list[list[Claim]]
) -> int:
    """Deaths a later sentence adds to the lead's incident: "Nine militants were killed" after
    "six soldiers were killed" (another side), "another woman died later" (an additive cue).

    A figure of a separate or earlier event, a part, a restatement or a vague figure adds
    nothing."""
    sides = {_SIDES.get(c.victims.group) for c in lead}
    stated = {c.count.best for c in lead} | {value}
    seen: set[tuple[int, str]] = set()
    added = 0
    for c in candidates:
        if c.evidence.start <= first or c.part_of is not None or c.cumulative or _vague(c):
            continue
        if c.evidence.start - first > _LATER_REACH:
            break
        sentence = c.evidence.sentence
        if _SEPARATE.search(sentence) or not _same_place(c, lead):
            continue
        figure = c.evidence.figure
        at = figure[0] - c.evidence.start if figure else len(sentence)
        end = figure[1] - c.evidence.start if figure else len(sentence)
        # the cue may stand before the figure, in it or just after it ("another woman",
        # "20 more lives", "a neighbour was also killed")
        cue = (
            _LATER_CUE.search(sentence[: end + 12])
            or _AS_WELL.search(sentence[at : at + 60])
            or _ALSO_KILLED.search(sentence[:at])
        )
        key = (c.count.best, _headline_group(c))
        side = _SIDES.get(c.victims.group)
        if cue or (
            side is not None
            and None not in sides
            and side not in sides
            and c.count.best not in stated
            and key not in seen
        ):
            added += c.count.best
            seen.add(key)
            events.append([c])
            sides.add(side)
    return added


def _same_place(claim: Claim, lead: list[Claim]) -> bool:
    """False when ``claim`` is placed somewhere the lead's figures are not."""
    places = {c.place.name for c in lead if c.place is not None}
    return claim.place is None or not places or claim.place.name in places


_ADDITIVE = re.compile(
    r"\b(?:more|another|other|others|also|additional|further|as well|separately)\b", re.I
)


def _lead_value(totals: list[Claim], has_parts: bool, events: list[list[Claim]]) -> int:
    """The lead sentence's figure: the first trigger's figures added up, later ones added when
    the report says so ("five more died", "and killed three men"). An update within the
    sentence ("nine [later 10]") is no part: the rising-toll rule weighs it."""
    totals = [c for c in totals if not c.cumulative and not _aside(c)] or totals[:1]
    groups: list[list[Claim]] = []
    for c in totals:
        trigger = c.evidence.trigger
        if groups and trigger is not None and groups[-1][0].evidence.trigger == trigger:
            groups[-1].append(c)
        else:
            groups.append([c])
    values = [
        sum(c.count.best for c in g)
        if len(g) > 1 and not has_parts
        else max(c.count.best for c in g)
        for g in groups
    ]
    # The first figure stated is the lead; a later one of the sentence adds to it only when
    # the report says so, and never when it repeats a figure (a title run into the text).
    value = values[0]
    events.append(groups[0])
    for i in range(1, len(groups)):
        if values[i] not in values[:i] and _additive(groups[i - 1][-1], groups[i][0]):
            value += values[i]
            events.append(groups[i])
    return value


def _paired_injured(
    events: list[list[Claim]], killed: list[Claim], wounded: list[Claim]
) -> int | None:
    """The wounded of each attack added up: the injured figure stated right after an attack's
    dead ("killing four people and wounding seven"), before the sentence's next dead."""
    total, found = 0, 0
    for event in events:
        last = event[-1]
        if last.evidence.figure is None:
            continue
        start = last.evidence.figure[1]
        stops = [
            k.evidence.figure[0]
            for k in killed
            if k.evidence.start == last.evidence.start
            and k.evidence.figure is not None
            and k.evidence.figure[0] > start
        ]
        end = min(stops, default=last.evidence.start + len(last.evidence.sentence))
        mine = [
            w
            for w in wounded
            if w.evidence.figure is not None
            and start <= w.evidence.figure[0] < end
            and w.part_of is None
            and not _vague(w)
        ]
        if mine:
            total += mine[0].count.best
            found += 1
    return total if found > 1 else None


def _aside(claim: Claim) -> bool:
    """A figure in brackets: another source's estimate ("five people (locals report 10)")."""
    figure = claim.evidence.figure
    if figure is None:
        return False
    before = claim.evidence.sentence[: figure[0] - claim.evidence.start]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")


# "… and killed three men", "… and later shot dead two": a clause joined to the lead's.
_AND_CLAUSE = re.compile(r"\band\s+(?:\S+\s+){0,3}$", re.I)
_ANOTHER_AGENT = re.compile(r"\b(?:another|other|second|third|separate)\b", re.I)
_CONTRAST = re.compile(r"\b(?:while|whereas|meanwhile|separately|elsewhere)\b", re.I)


def _additive(before: Claim, after: Claim) -> bool:
    """True when ``after`` adds to ``before`` in one sentence rather than restating it."""
    sentence, base = after.evidence.sentence, after.evidence.start
    if before.evidence.figure is None or after.evidence.figure is None:
        return False
    gap = sentence[before.evidence.figure[1] - base : after.evidence.figure[0] - base]
    own = f"{after.count.text} {after.victims.text}"
    if _ADDITIVE.search(gap[-40:]) or _ADDITIVE.search(own.split()[-1] if own.strip() else ""):
        return True
    trigger = after.evidence.trigger
    if trigger is not None and before.evidence.figure[1] <= trigger[0] < after.evidence.figure[0]:
        between = sentence[before.evidence.figure[1] - base : trigger[0] - base]
        if _ANOTHER_AGENT.search(between.rsplit(",", 1)[-1]):
            return True  # "…, while another bomb in the south killed six"
        return bool(_AND_CLAUSE.search(between)) and not _CONTRAST.search(between)
    return False


def _vague(claim: Claim) -> bool:
    """ "dozens", "scores", "several": a closed interval wider than one number."""
    count = claim.count
    return count.high is not None and count.high > count.low and count.stated is None


def _sentences_apart(claims: list[Claim], a: int, b: int) -> int:
    """How many distinct claim sentences lie between offsets ``a`` and ``b`` (inclusive of b)."""
    return len({c.evidence.start for c in claims if a < c.evidence.start <= b})


# A coder's summary figure: "Fatalities coded as 7.", "13 fatalities." (ACLED-style notes).
_SUMMARY = re.compile(r"^\W*\d[\d,]*\s+(?:total\s+)?(?:fatalities|deaths)\W*$", re.I)


def _summary(claim: Claim) -> bool:
    """The figure a coder states as the event's total ("Fatalities coded as 7")."""
    trigger = claim.evidence.trigger
    if trigger is not None:
        base = claim.evidence.start
        words = claim.evidence.sentence[trigger[0] - base : trigger[1] - base]
        if "coded" in words.lower():
            return True
    return _summary_sentence(claim.evidence.sentence)


# A sentence's own tests, asked for each of its claims: kept for the last sentences seen.
@lru_cache(maxsize=256)
def _summary_sentence(sentence: str) -> bool:
    return bool(_SUMMARY.match(sentence) or find_split(sentence) is not None)


# "raising the death toll to 17", "bringing the toll to 14", "raising toll to 14 dead"
_RAISING = re.compile(
    r"\b(?:rais|bring|push|tak|lift)(?:ing|es|ed|s)?\s+(?:the\s+)?(?:(?:overall|total|death|"
    r"day's|final)\s+)*(?:toll|number of (?:dead|deaths|fatalities))\s+(?:\w+\s+){0,3}?to\s*$",
    re.I,
)


def _rising(claim: Claim) -> bool:
    """A figure the report gives as the toll risen to ("the toll rose to 19", "raising the
    death toll to 17")."""
    if claim.cumulative:
        return True
    figure = claim.evidence.figure
    if figure is None:
        return False
    before = claim.evidence.sentence[: figure[0] - claim.evidence.start]
    return bool(_RAISING.search(before[-80:]))


def _running_total(claim: Claim) -> bool:
    return _running_total_sentence(claim.evidence.sentence)


@lru_cache(maxsize=256)
def _running_total_sentence(sentence: str) -> bool:
    return _RUNNING_TOTAL_ANY.start(sentence) is not None


def _groups(
    killed: list[Claim], lead: list[Claim], total: int | None
) -> tuple[int | None, int | None]:
    if not lead:
        return None, None
    first = lead[0].evidence.start
    ids = {c.id for c in lead}
    own = [c for c in lead if c.evidence.start == first]
    parts = [c for c in killed if c.part_of in ids]
    family = own + parts
    if not any(c.victims.group in _CIVILIAN_GROUPS | COMBATANT_GROUPS for c in family):
        family = family + [c for c in lead if c.evidence.start != first][:1]
    civ = _sum_distinct(c for c in family if _headline_group(c) == "civilians")
    if civ is None:
        civ = _sum_distinct(c for c in family if c.victims.group in _CIVILIAN_GROUPS)
    com = _sum_distinct(c for c in family if c.victims.group in COMBATANT_GROUPS)
    if civ is None and com is None and total:
        # an unspecified toll with no combatant named is counted as civilian (the coding
        # convention of FA-KES and of monitors that report combatant deaths by side)
        return total, None
    if (
        com is None
        and total
        and civ is not None
        and civ < total
        and not any(c.victims.group in ("civilians", "people") for c in parts)
        and all(c.victims.group in _KIN_GROUPS for c in family if c.part_of in ids)
    ):
        # "48 killed, including ten children": the children are among the dead, who are
        # civilians by the convention above, not the civilian toll themselves
        return total, None
    return civ, com


_KIN_GROUPS = frozenset({"children", "women", "men"})


def _headline_group(claim: Claim) -> str:
    return _AS_PARENT.get(claim.victims.group, claim.victims.group)


def _sum_distinct(claims: Iterable[Claim]) -> int | None:
    """Sum of figures, each (group, value) once: a restated part is not a second part."""
    seen: set[tuple[str, int]] = set()
    total = None
    for c in claims:
        key = (_headline_group(c), c.count.best)
        if key not in seen:
            seen.add(key)
            total = (total or 0) + c.count.best
    return total
