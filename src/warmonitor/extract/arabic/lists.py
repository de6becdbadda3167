"""Victims named one by one: a list under a header ("أسماء الشهداء:"، "استشهاد الأبطال:")
whose lines are counted, each name once, when the header gives no count of its own.

Posts name the dead and wounded line by line ("1- ..."، "- ..."، "• النقيب ..."), often with no
total. An item's own outcome word ("... شهيدة"، "... إصابة") is its outcome, else the header's;
a military rank opening the line makes the victim a soldier, a combatant word just after the
list ("جميعهم عناصر في ...") makes them all combatants. Reads folded text; spans are offsets in
it. Names are counted, never kept apart from the document's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmonitor.extract.arabic.lexicon import GROUP_WORDS, OUTCOME_AFTER, OUTCOME_BEFORE, word
from warmonitor.gazetteer.arabic import ARABIC_LETTER

__all__ = ["NamedList", "find_lists"]


@dataclass(frozen=True, slots=True)
class NamedList:
    """A list of named victims: its outcome, its count and group, and its spans."""

    outcome: str
    count: int
    group: str
    start: int  # the header's start
    end: int  # the last item's end
    items: tuple[int, int]  # first item's start, last item's end
    trigger: tuple[int, int]  # the header's outcome word


_LINE = re.compile(r"[^\n]+")
_MARKER = re.compile(r"\s*(?:[-–•*▪●]+|\d{1,2}\s*[-_ـ.)/]+|\d{1,2}\s+(?=\D))\s*")
_RANK = re.compile(
    r"\s*(?:[-–•*▪●]+\s*)?"
    + word(
        "النقيب", "الرائد", "الملازم", "العقيد", "المقدم", "العميد", "الرقيب", "المساعد",
        "العريف", "المجند", "الجندي", "الشرطي", "نقيب", "رائد", "ملازم", "عقيد", "مقدم",
        "عميد", "رقيب", "مساعد", "عريف", "مجند",
    )
)  # fmt: skip
_KILLED = re.compile(OUTCOME_BEFORE["killed"] + "|" + OUTCOME_AFTER["killed"])
_INJURED = re.compile(OUTCOME_BEFORE["injured"] + "|" + OUTCOME_AFTER["injured"])
# A header announces names: it ends with a colon or "وهم"، or says "أسماء".
_HEADER = re.compile(r"[:：]\W*$|(?<!\w)و?هم\W*$|" + word("أسماء", "أسماؤهم", "اسماء"))
# Digits an item may hold: an age ("٥ سنوات").
_AGE = re.compile(r"\d+\s*" + word("سنوات", "سنة", "عاما", "عام", "سنين", "أشهر", "شهرا"))
_COMBATANT = re.compile(GROUP_WORDS["combatants"] + "|" + GROUP_WORDS["security_forces"])
_DIGIT = re.compile(r"\d")
_LINK = re.compile(r"(?:pic\.twitter\.com|https?://|www\.)\S*")
_MAX_WORDS = 16  # an item is a name, a place and a few words, not a sentence
_GAP = 600  # characters of page furniture between two items of one list


def find_lists(text: str) -> list[NamedList]:
    """The lists of named victims of a folded text, in order."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    out: list[NamedList] = []
    i = 0
    while i < len(lines):
        header = lines[i]
        head = text[header[0] : header[1]]
        killed, injured = _KILLED.search(head), _INJURED.search(head)
        trig = killed or injured
        if (
            trig is None
            or not _HEADER.search(head)
            or _DIGIT.search(_strip_marker(head))
            or _item(text, header) is not None
        ):
            i += 1
            continue
        items, j = _items(text, lines, i + 1)
        if len(items) >= 2 or (items and _RANK.match(text, items[0][0])):
            out.extend(_counted(text, lines, j, header, items, trig, bool(killed)))
            i = j
        else:
            i += 1
    return out


def _strip_marker(line: str) -> str:
    return line[_MARKER.match(line).end() :] if _MARKER.match(line) else line  # type: ignore[union-attr]


def _item(text: str, line: tuple[int, int]) -> str | None:
    """The item a line is (its words after the marker), else ``None``."""
    body = text[line[0] : line[1]]
    marker = _MARKER.match(body)
    rank = _RANK.match(body)
    if not (marker and marker.end() > 0) and not rank:
        return None
    rest = _LINK.sub(" ", body[marker.end() :] if marker else body)
    if (
        not ARABIC_LETTER.search(rest)
        or len(rest.split()) > _MAX_WORDS
        or _DIGIT.search(_AGE.sub("", rest))
        or rest.rstrip().endswith(("...", "…"))  # a preview cut short: the full list follows
    ):
        return None
    return " ".join(rest.split())


def _items(text: str, lines: list[tuple[int, int]], j: int) -> tuple[list[tuple[int, int]], int]:
    """The items from line ``j`` on (page furniture between them skipped, within ``_GAP``)."""
    items: list[tuple[int, int]] = []
    while j < len(lines):
        if _item(text, lines[j]) is not None:
            items.append(lines[j])
            j += 1
            continue
        nxt = next((k for k in range(j, len(lines)) if _item(text, lines[k]) is not None), None)
        if not items or nxt is None or lines[nxt][0] - items[-1][1] > _GAP:
            break
        if _KILLED.search(text, lines[j][0], lines[j][1]) and not _RANK.match(text, lines[nxt][0]):
            break  # another report's header
        j = nxt
    return items, j


def _counted(
    text: str,
    lines: list[tuple[int, int]],
    j: int,
    header: tuple[int, int],
    items: list[tuple[int, int]],
    trig: re.Match[str],
    killed: bool,
) -> list[NamedList]:
    """The list's figures: its distinct names by outcome (an item's own word, else the
    header's), with the group the ranks or the lines after the list tell."""
    seen: dict[str, str] = {}
    # the header's outcome for items that name none, when it names one only
    head = text[header[0] : header[1]]
    both = bool(_KILLED.search(head)) and bool(_INJURED.search(head))
    default = None if both else "killed" if killed else "injured"
    for a, b in items:
        name = _item(text, (a, b)) or ""
        body = text[a:b]
        own = "killed" if _KILLED.search(body) else "injured" if _INJURED.search(body) else None
        key = _INJURED.sub("", _KILLED.sub("", name)).strip()
        outcome = own or default
        if outcome:
            seen.setdefault(key, outcome)
    after = text[items[-1][1] : lines[j][1] if j < len(lines) else len(text)][:200]
    ranks = all(_RANK.match(text, a) for a, _ in items)
    group = "security_forces" if ranks else "combatants" if _COMBATANT.search(after) else "people"
    out = []
    for outcome in ("killed", "injured"):
        n = sum(1 for o in seen.values() if o == outcome)
        if n:
            out.append(
                NamedList(
                    outcome, n, group, header[0], items[-1][1], (items[0][0], items[-1][1]),
                    (header[0] + trig.start(), header[0] + trig.end()),
                )
            )  # fmt: skip
    return out
