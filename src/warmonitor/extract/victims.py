"""Victim groups: the noun phrase after a figure ("125 members of the Syrian security forces").

``victim_phrase`` reads the words after a figure up to the first word that cannot belong to the
phrase (a verb, a clause boundary, an outcome trigger) and maps it to a group of the contract:
civilians, security_forces, armed_group, combatants, children, women, men, detainees, other or
people (docs/CLAIMS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmonitor.extract.lexicon import PERSON_NOUNS, VICTIM_GROUP_WORDS

__all__ = ["NP_WORD", "VictimPhrase", "group_of", "is_person", "person_np_end", "victim_phrase"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-\.]*|\d+")

# Words that end a victim noun phrase (verbs, clause and preposition boundaries).
_STOP = frozenset(
    """were was are is be been being have has had will would could may might said say says
    told and or but when while after before during as in on at by from with into near since
    until who which that whose where killed dead died wounded injured missing arrested
    detained kidnapped abducted displaced deaths death fatalities bodies casualties lives
    injuries including included among against for across inside outside amid following
    over under about than per to were, reportedly allegedly also all later, loyal allied
    linked affiliated belonging lost sustained suffered left leaving remain remained went
    raped burnt burned torched razed looted destroyed damaged rescued released freed
    evacuated treated discharged""".split()
)
# "of" continues a phrase only in these frames: "members of the X", "dozens of youths".
_OF_HEADS = frozenset(
    "members member dozens hundreds thousands scores number group groups families".split()
)
_MAX_WORDS = 9
# "women and children", "men, women and children": civilians of every kind, not the first one.
_KIN_GROUPS = frozenset({"women", "children", "men"})
_MORE_KIN = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    r"(?:women|children|men|girls|boys|babies|infants|elderly(?:\s+people)?|old people)\b",
    re.I,
)
# "75 murdered civilians", "15 dead soldiers": the outcome word comes before the noun.
_TRIGGER_FIRST = re.compile(r"\s*(?:[A-Za-z]+ed|dead|slain)\s+(?=[A-Za-z])", re.I)
# "fighters loyal to Assad": the side named after the phrase.
_ALLEGIANCE = re.compile(
    r"\s*(?:loyal to|allied (?:to|with)|linked to|affiliated with)\s+"
    r"((?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)"
)
# "their men", "its own men": a force's own ranks (claims.py names them by the claimant)
_OWN = frozenset({"their", "its", "our", "own"})
# "Alawite men", "civilian men": men named by their community (or as civilians) are civilians
_COMMUNITY = frozenset(
    """civilian alawite alawi christian muslim shiite shia sunni druze kurdish yazidi jewish
    ismaili assyrian armenian rohingya""".split()
)


@dataclass(frozen=True, slots=True)
class VictimPhrase:
    """The words naming the victims after a figure, their end offset, group and side."""

    text: str
    end: int
    group: str
    side: str | None = None


def victim_phrase(sentence: str, start: int, limit: int | None = None) -> VictimPhrase:
    """Read the victim noun phrase that starts at ``start`` (just after a figure).

    The phrase never reaches ``limit`` (the next outcome trigger or figure).
    """
    words: list[re.Match[str]] = []
    pos = start
    stop_at = len(sentence) if limit is None else limit
    while len(words) < _MAX_WORDS:
        m = _WORD.search(sentence, pos)
        if m is None or m.start() >= stop_at:
            break
        gap = sentence[pos : m.start()]
        if gap.strip() not in ("", "-", "/") or (gap == "/" and not words):
            break  # punctuation ends the phrase (commas, quotes), not "Mai-Mai FPP/AP"
        low = m.group(0).lower().rstrip(".")
        if low in _STOP and _acronym(sentence, m):
            low = ""  # "17 IS Sahel militants": the group's acronym, not the verb
        if low == "of":
            nxt = _WORD.search(sentence, m.end())
            leading = not words and nxt is not None
            if not leading and (not words or words[-1].group(0).lower() not in _OF_HEADS):
                break
        elif low in _STOP or m.group(0)[0].isdigit():
            break
        words.append(m)
        pos = m.end()
        if m.group(0).endswith("."):
            break
    # "fighters loyal to Assad": keep the allegiance with the phrase
    side = None
    tail = sentence[pos : pos + 60]
    sm = _ALLEGIANCE.match(tail)
    if sm:
        side = f"pro-{sm.group(1).removeprefix('the ').strip()}"
        pos += sm.end()
    if not words:
        after = _after_trigger(sentence, start, stop_at) if limit is not None else None
        return after or VictimPhrase("", start, "people", side)
    group = _group_from_words([w.group(0) for w in words])
    if group in _KIN_GROUPS and side is None and _kin_words(words) == 1:
        more = _MORE_KIN.match(sentence, pos)
        while more is not None and more.end() <= stop_at:
            group, pos = "civilians", more.end()
            more = _MORE_KIN.match(sentence, pos)
    first = words[1] if words[0].group(0).lower() == "of" and len(words) > 1 else words[0]
    text = sentence[first.start() : pos].strip()
    return VictimPhrase(text, pos, group, side)


def _kin_words(words: list[re.Match[str]]) -> int:
    """How many words name a kin group: a list run together ("women children") is not read on."""
    return sum(VICTIM_GROUP_WORDS.get(w.group(0).lower()) in _KIN_GROUPS for w in words)


def _after_trigger(sentence: str, start: int, trigger: int) -> VictimPhrase | None:
    """The group named after an outcome word that follows the figure at once: "75 murdered
    civilians", "15 dead soldiers". The phrase keeps the figure's end (the outcome word
    stays the figure's trigger); None when the words after it name no group."""
    if sentence[start:trigger].strip():
        return None
    m = _TRIGGER_FIRST.match(sentence, start)
    if m is None:
        return None
    after = victim_phrase(sentence, m.end())
    if after.group == "people":
        return None
    return VictimPhrase(after.text, start, after.group, after.side)


def _acronym(sentence: str, m: re.Match[str]) -> bool:
    """True for a capitalised stop word that names a group ("IS") in a sentence in lower case."""
    word = m.group(0)
    return (
        len(word) > 1
        and word.isupper()
        and sentence[m.end() : m.end() + 2].strip()[:1].isupper()
        and any(w.islower() for w in sentence.split())
    )


def group_of(text: str) -> str:
    """The victim group named by a phrase such as "Syrian soldiers" or "women and children"."""
    return _group_from_words(_WORD.findall(text))


# The last word of each group phrase, by its number of words: a run of words that does not end
# with one is no phrase of that size, and is not joined to be looked up.
_PHRASE_ENDS: dict[int, frozenset[str]] = {
    size: frozenset(key.split(" ")[-1] for key in VICTIM_GROUP_WORDS if len(key.split(" ")) == size)
    for size in (5, 4, 3, 2, 1)
}


def _group_from_words(words: list[str]) -> str:
    lowered = [w.lower().rstrip(".") for w in words]
    # longest suffix first: "members of the security forces", "security forces", "forces"
    for size in (5, 4, 3, 2, 1):
        ends = _PHRASE_ENDS[size]
        for i in range(len(lowered) - size, -1, -1):
            if lowered[i + size - 1] not in ends:
                continue
            key = " ".join(lowered[i : i + size])
            if key in VICTIM_GROUP_WORDS:
                group = VICTIM_GROUP_WORDS[key]
                if group == "people" and i + size < len(lowered):
                    continue  # "members of the security forces": keep looking right
                if group == "men" and i > 0 and lowered[i - 1] in _OWN:
                    return "people"  # "their men": whose men, the claimant says
                if group == "men" and _COMMUNITY.intersection(lowered[:i]):
                    return "civilians"
                return group
    return "people"


# Person noun phrases: "a deputy provincial governor", "the Chief Imam".
NP_WORD = re.compile(r"[\w\-']+")


_PREFIXED = re.compile(r"(?:co|ex|vice|step|grand|great)-")  # "co-driver", "ex-chairman"


def person_np_end(text: str, start: int) -> int | None:
    """End of "[det] adj* person-noun" starting at ``start`` (up to four words), else None."""
    pos = start
    for _ in range(5):
        m = NP_WORD.match(text, pos)
        if m is None:
            return None
        word = m.group(0).lower()
        if is_person(word):
            return _compound_end(text, m.end())
        pos = m.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
    return None


def is_person(word: str) -> bool:
    """True for a singular person noun ("driver"), also a prefixed one ("co-driver")."""
    return word in PERSON_NOUNS or bool(
        _PREFIXED.match(word) and word.split("-", 1)[1] in PERSON_NOUNS
    )


_NEXT_WORD = re.compile(r" ([A-Za-z][\w\-']*)")
_FUNCTION = frozenset(
    "and or of in at on with by from who whom which that was were is are has had have near "
    "during after before for to as when while".split()
)


def _compound_end(text: str, end: int) -> int:
    """End of a compound person noun: "deputy governor", "deputy provincial governor"."""
    if text[end : end + 1] == "/":  # "the local chief/district head"
        alt = person_np_end(text, end + 1)
        if alt is not None:
            return alt
    one = _NEXT_WORD.match(text, end)
    if one is None or one.group(1).lower() in _FUNCTION:
        return end
    if is_person(one.group(1).lower()):
        return one.end()  # "deputy governor", "the Chief Imam"
    two = _NEXT_WORD.match(text, one.end())
    if (
        two is not None
        and is_person(two.group(1).lower())
        and not one.group(1).endswith(("ed", "ing"))
    ):
        return two.end()
    return end
