"""Coders' notes that share one toll among several coded events.

Event datasets code one row per place and day, so a note may say that a report's toll is split:
"40 fatalities split between 6 events", "Unclear fatalities coded as 10 and split between 2
locations", "split over 2 days and 2 locations", "split across the six locations as follows: 2 X,
1 Y", "split between both locations, 5 each", "27 fatalities split across 4 events coded as 6".
:func:`find_split` reads such a note; :meth:`Split.share` is this event's part of the toll.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.literals import Literals
from warmonitor.extract.numbers import parse_number

__all__ = ["Split", "find_split"]

_NUM = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|both)"
)
_UNIT = r"(?:events?|locations?|days?|places?|areas?|villages?|towns?|incidents?|dates?|sites?)"
_NOTE = re.compile(
    r"\b(?:split|spread|divided|distributed)\s+(?:equally\s+|evenly\s+)?"
    r"(?:across|among|between|over|into)\s+(?P<body>[^.;\]]*)",
    re.I,
)
_PIECE = re.compile(rf"\b(?:the\s+)?(?P<n>{_NUM})\s+(?:\w+\s+)?{_UNIT}\b", re.I)
_TOTAL = re.compile(
    rf"(?:\b(?P<n>\d[\d,]*|{_NUM})\s+(?:total\s+|reported\s+)?(?:fatalit(?:y|ies)|deaths?)\b|"
    r"\bcoded\s+(?:as|to)\s+(?P<c>\d[\d,]*))",
    re.I,
)
_ELSEWHERE = re.compile(
    r"\b(?:fatalities|deaths|casualties|the dead)\s+(?:are\s+|were\s+)?coded\s+(?:to|in|under)\s+"
    r"(?:the\s+)?(?P<name>[^()\[\].;,]{2,60}?)\s+event\b",
    re.I,
)


# Searched from where their caseless forms first find them (``extract.caseless``).
_NOTE_ANY = Caseless(_NOTE)
# Every note of a split or of a toll coded elsewhere holds one of these (``extract.literals``).
_NOTE_WORDS = Literals("split", "spread", "divided", "distributed", "coded")
_ELSEWHERE_ANY = Caseless(_ELSEWHERE)
_TOLL_WORD = re.compile(r"\b(?:fatalit(?:y|ies)|deaths?|dead|killed|coded)\b", re.I)
_CODED = re.compile(r"\bcoded\s+(?:as|to)\s+(?P<n>\d[\d,]*)", re.I)
_EACH = re.compile(r"\b(?P<n>\d[\d,]*)\s+(?:fatalities\s+)?each\b", re.I)
_FOLLOWS = re.compile(r"\bas follows\s*:?\s*(?P<list>.*)$", re.I)
_ALLOCATION = re.compile(
    r"(?P<n>\d[\d,]*)\s+(?:in\s+|at\s+)?(?P<name>[A-Z][^,;()\d]*?)\s*(?=,|\band\b|$)"
)


@dataclass(frozen=True, slots=True)
class Split:
    """A note that an event's toll is shared with other coded events."""

    total: int | None  # the toll being split, when the note states it
    parts: int | None  # how many events share it ("2 days and 2 locations": 4)
    each: int | None = None  # "5 each"
    coded: int | None = None  # "coded as 6" after the split: this event's own figure
    allocation: tuple[tuple[str, int], ...] = ()  # "as follows: 2 Bir Arab, 1 Sawan"
    elsewhere: str | None = None  # "fatalities coded to X event": the toll is X's

    def share(self, total: int | None, lead: str = "") -> int | None:
        """This event's part of the toll (``total`` when the note names none).

        A toll coded to another event is that event's, none of this one's (the lead names the
        event's place). An allocation by place is read for the place the lead names first;
        otherwise the toll is shared out with the remainder going to the first events, so this
        event's part is the quotient rounded up, and none when there are fewer deaths than
        events.
        """
        if self.elsewhere is not None and lead:
            if f" {_fold(self.elsewhere)} " not in f" {_fold(lead)} ":
                return 0
            return total
        if self.coded is not None:
            return self.coded
        if self.each is not None:
            return self.each
        if self.allocation and lead:
            folded = f" {_fold(lead)} "
            found = [
                (folded.find(f" {key} "), n)
                for name, n in self.allocation
                if (key := _fold(name)) and f" {key} " in folded
            ]
            if found:
                return min(found)[1]
        toll = self.total if self.total is not None else total
        if toll is None or not self.parts or self.parts < 2:
            return toll
        if toll < self.parts:
            return 0
        return math.ceil(toll / self.parts)


def find_split(text: str) -> Split | None:
    """The first split note of ``text``, or ``None``."""
    if _NOTE_WORDS.absent(text):
        return None
    at = _ELSEWHERE_ANY.start(text)
    elsewhere = None if at is None else _ELSEWHERE.search(text, at)
    if elsewhere is not None:
        return Split(total=None, parts=None, elsewhere=elsewhere.group("name").strip())
    at = _NOTE_ANY.start(text)
    for m in _NOTE.finditer(text, at) if at is not None else ():
        body = m.group("body")
        head = text[max(text.rfind(c, 0, m.start()) for c in ".;[]") + 1 : m.start()]
        follows = _FOLLOWS.search(body)
        listed = follows.group("list") if follows else ""
        body_counted = _strip_brackets(body[: follows.start()] if follows else body)
        parts = _parts(body_counted)
        allocation = tuple(
            (a.group("name").strip(), n)
            for a in _ALLOCATION.finditer(listed)
            if (n := _int(a.group("n"))) is not None
        )
        each = _EACH.search(body_counted)
        coded = _CODED.search(body_counted)
        if parts is None and not allocation and each is None:
            continue
        if not _TOLL_WORD.search(head + body):
            continue
        totals = list(_TOTAL.finditer(head))
        total = None
        if totals:
            last = totals[-1]
            total = _int(last.group("c") or last.group("n"))
        return Split(
            total=total,
            parts=parts,
            each=_int(each.group("n")) if each else None,
            coded=_int(coded.group("n")) if coded else None,
            allocation=allocation,
        )
    return None


def _parts(body: str) -> int | None:
    """How many events a split names: the product of its counts ("2 days and 2 locations")."""
    pieces = [_int(p.group("n")) for p in _PIECE.finditer(body)]
    known = [p for p in pieces if p]
    if not known:
        return None
    return math.prod(known)


def _int(word: str) -> int | None:
    w = word.lower().replace(",", "")
    if w == "both":
        return 2
    return int(w) if w.isdigit() else parse_number(w)


def _strip_brackets(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", text)


def _fold(name: str) -> str:
    """Lower case without accents or punctuation, for matching a listed name in the lead."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()
