"""Killings a report names that are not the event it reports.

A protest over a killing, riots after an execution, a toll the coder put in another event:
the killing is background to the reported event and gives no headline figure
(``docs/HEADLINE.md``, rule 4).
"""

from __future__ import annotations

import re
from functools import lru_cache

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.literals import Literals
from warmonitor.model import Claim

__all__ = ["background", "cause_of_arrest", "cause_of_protest", "protest_report"]

_PROTEST = re.compile(
    r"\b(?:protested|protesting|demonstrated|demonstrating|to demonstrate|to protest|rallied|"
    r"marched|gathered|took to the streets|riots? broke out|rioted|"
    r"held an? (?:\w+ )?(?:protest|rally|memorial|vigil|march|sit-in)|staged an? \w+)\b",
    re.I,
)
# Verbs whose object is the killing itself: "to condemn the murder of a child".
_PROTEST_OBJECT = re.compile(
    r"\b(?:to (?:condemn|denounce)|demand(?:ed|ing)? justice for|call(?:ed|ing)? for justice for|"
    r"(?:accused|convicted|charged|suspected|tried|sentenced) (?:of|for|over) (?:the )?)",
    re.I,
)
_CAUSE = re.compile(
    r"\b(?:against|over|after|following|in protest at|to (?:condemn|denounce|protest)|"
    r"justice for)\b",
    re.I,
)


# "riots after the execution of their leader": the killing that set the event off.
_CAUSE_OF_EVENT = re.compile(
    r"\b(?:after|following|over|in (?:retaliation|revenge|response|reprisal) for|to avenge|"
    r"in (?:relation|connection) (?:to|with))\s+"
    r"(?:the\s+)?(?:recent\s+|last \w+'s\s+)?(?:killings?|deaths?|executions?|murders?|"
    r"assassinations?|lynching|beheading|hanging)\s+of\s+$",
    re.I,
)
_ELSEWHERE = re.compile(
    r"[(\[](?:coded|reported|recorded) (?:separately|as a separate event)[)\]]", re.I
)
# The sentence-wide searches go through their caseless forms (``extract.caseless``).
_PROTEST_ANY = Caseless(_PROTEST)
# Every protest cue holds one of these (``extract.literals``).
_PROTEST_WORDS = Literals(
    "protest",
    "demonstrat",
    "rallied",
    "marched",
    "gathered",
    "took to the streets",
    "riot",
    "held a",
    "staged a",
)
_ELSEWHERE_ANY = Caseless(_ELSEWHERE)
_RELATIVE = re.compile(
    r"\b(?:who|whom|where \w+|in which|whose \w+)\s+(?:had\s+)?(?:was|were|been)\b", re.I
)


def background(claim: Claim) -> bool:
    """A killing named as the cause of a protest or a memorial, not the reported event.

    "protested against the killing of a driver", "rallied after a bus collision killed two":
    the report's event is the protest (ACLED codes its fatalities separately).
    """
    sentence = claim.evidence.sentence
    figure = claim.evidence.figure
    offset = (figure[0] - claim.evidence.start) if figure else len(sentence)
    if _elsewhere(sentence):
        return True
    cue = None
    first = None
    if not _no_protest(sentence):
        first = _PROTEST_ANY.start(sentence[:offset])  # the search up to offset, as if it ended
    if first is not None:
        for m in _PROTEST.finditer(sentence, first, offset):
            cue = m
    if cue is not None and _CAUSE.search(sentence, cue.end(), offset):
        return True
    if _PROTEST_OBJECT.search(sentence, max(0, offset - 60), offset):
        return True
    if _CAUSE_OF_EVENT.search(sentence[max(0, offset - 80) : offset]):
        return True
    # "relatives of a man who was shot dead last week held a protest": a relative clause
    trigger = claim.evidence.trigger
    if trigger is not None and _protest(sentence):
        t0 = trigger[0] - claim.evidence.start
        return bool(_RELATIVE.search(sentence[max(0, t0 - 25) : t0]))
    return False


_EVENT = r"(?:protests?|rally|rallies|vigils?|march(?:es)?|sit-ins?|demonstrations?|memorial)"
_PROTEST_LEAD = re.compile(
    r"\b(?:protested|demonstrated|rallied|marched|took to the streets|"
    r"gathered [^.;]{0,120}?(?:to (?:protest|demand|denounce|condemn|call|mourn|commemorate)|"
    rf"for an? (?:\w+ )?{_EVENT})|"
    rf"(?:held|staged|carried out|organi[sz]ed|launched) (?:an? )?(?:\w+ ){{0,3}}?{_EVENT}|"
    rf"during an? (?:\w+ )?{_EVENT}|"
    r"blocked (?:(?:a|the|several|main|\w+) ){0,2}(?:roads?|streets?|highways?|traffic|bridges?)|"
    r"riots? broke out|rioted|burn(?:ed|t) (?:tyres|tires)|erected barricades)\b",
    re.I,
)
# ACLED codes a crowd size only for demonstrations: "[size=no report]", "[size=dozens]".
_CROWD_SIZE = re.compile(r"\[size=", re.I)
_PROTEST_LEAD_ANY = Caseless(_PROTEST_LEAD)
_CAUSE_FRAME = re.compile(
    r"\b(?:death|deaths|killing|killings|murders?|assassination|lynching|shooting) of\b|"
    r"\b(?:who|that) (?:was|were|had been)\b|\b(?:after|following|over|for)\b[^.;]{0,60}$|"
    r"\b(?:demand|call|justice|commemorat|solidarity|mourn|memory|investigat)\w*|"
    r"\b(?:relatives|family|families|family members|friends|parents|widows?|kin) of\b|"
    r"\b(?:where|in which)\s+$",
    re.I,
)
_PRONOUN = re.compile(r"^(?:he|she|him|her|they|them|his|the victims?)$", re.I)


# A sentence's own tests, asked for each of its claims: kept for the last sentences seen.
@lru_cache(maxsize=256)
def _elsewhere(sentence: str) -> bool:
    return _ELSEWHERE_ANY.start(sentence) is not None


@lru_cache(maxsize=256)
def _protest(sentence: str) -> bool:
    return not _no_protest(sentence) and _PROTEST_ANY.start(sentence) is not None


@lru_cache(maxsize=256)
def _no_protest(sentence: str) -> bool:
    """True when no part of ``sentence`` can hold a protest cue (none of its words)."""
    return _PROTEST_WORDS.absent(sentence)


@lru_cache(maxsize=64)
def _arrest_lead(lead: str) -> bool:
    return _ARREST_ANY.start(lead) is not None


def cause_of_protest(claim: Claim) -> bool:
    """In a protest report, a killing named in a cause frame ("the death of a man who…",
    "friends of a man who was shot"), or one told of a pronoun that refers back to it."""
    if _PRONOUN.match(claim.count.text.strip()) and claim.evidence.start > 0:
        return True
    figure = claim.evidence.figure
    base = claim.evidence.start
    end = (figure[0] - base) if figure else len(claim.evidence.sentence)
    return bool(_CAUSE_FRAME.search(claim.evidence.sentence[max(0, end - 80) : end]))


# "the military arrested ten party members after a rival's member was killed": an arrest
# report names the killing it follows up.
_ARREST = re.compile(r"\b(?:arrested|detained|apprehended|rounded up)\b", re.I)
_AFTER = re.compile(r"\b(?:after|following|over)\s+$", re.I)
_ARREST_ANY = Caseless(_ARREST)


def cause_of_arrest(claim: Claim, lead: str) -> bool:
    """In a report that leads with arrests, a killing told as what they followed."""
    if claim.evidence.sentence != lead or not _arrest_lead(lead):
        return False
    figure = claim.evidence.figure
    if figure is None:
        return False
    before = lead[: figure[0] - claim.evidence.start]
    return bool(_ARREST.search(before) and _AFTER.search(before[-12:]))


def protest_report(lead: str, text: str) -> bool:
    """True when the report is of a protest, a vigil or a blockade: its first sentence says so
    or its note gives a crowd size."""
    return _PROTEST_LEAD_ANY.start(lead) is not None or bool(_CROWD_SIZE.search(text))
