"""Named and titled victims of one: "X, who was on the list, was gunned down", "killed lawyer
X", and the companions a death verb adds ("was killed along with his driver").

A name is a run of capitalised words (with particles such as "al-" or "bin"); a title is a
person noun with its modifiers ("veteran radio reporter"). Pure string code on one sentence,
used by ``singulars.py`` and ``sentence.py``.
"""

from __future__ import annotations

import re

from warmonitor.extract.figures.figure import Figure
from warmonitor.extract.lexicon import PERSON_NOUNS
from warmonitor.extract.outcomes import Trigger

__all__ = [
    "apposed_subject",
    "bare_object",
    "companions_at",
    "counted_before",
    "lead_end",
    "mask_notes",
    "named_start",
    "titled_name",
]


# An editorial note inside a phrase: "a [local?] village elder", "the [anti-]drug unit", or an
# acronym in brackets: "a Green Party (GP) district chairman".
_NOTE = re.compile(r"\[[^\[\]]{0,40}\]|\((?-i:[A-Z][A-Za-z\-&]{1,5}(?: [A-Z][a-z]+)?)\)")


def mask_notes(sentence: str) -> str:
    """``sentence`` with short bracketed notes blanked (offsets kept)."""
    if "[" not in sentence and "(" not in sentence:
        return sentence  # no note can open
    return _NOTE.sub(lambda m: " " * len(m.group(0)), sentence)


_NAME_WORD = r"(?:[A-Z][\w'’\-.]*|(?:al|el|ul|bin|ibn|bint|de|van|von|da|abu)\b-?[\w'’\-]*)"
# A name ending a text: "Jane Roe", "Omar al-Rashid" (its first word capitalised).
_NAME_END = re.compile(rf"(?<![\w\-'’])([A-Z][\w'’\-.]*(?:\s+{_NAME_WORD}){{0,4}})\s*$")
_NAME_ONLY = re.compile(rf"\s*([A-Z][\w'’\-.]*(?:\s+{_NAME_WORD}){{0,4}})\s*")
_NAME_AFTER = re.compile(rf"\s+([A-Z][\w'’\-.]*(?:\s+{_NAME_WORD}){{0,4}})")
_NAME_TOKEN = re.compile(r"[\w\-'’]+")
_TITLE_WORDS = re.compile(r"(?:[\w\-'’]+\s+){0,3}[\w\-'’]+\s*$")
_TITLE_START = re.compile(r"(?:^|[,;]\s*|\b(?:the|a|an|and)\s+)(?:[\w\-'’]+\s+){0,3}$", re.I)
_PARENTHESIS_OPENING = re.compile(r"\s*(?:who\b|an?\s|the\s|his\s|her\s|[a-z]|\d{1,3}\s*$)")
# Capitalised words that are no person's name.
_NOT_NAME = frozenset(
    """he she it they this that there these those police army government military the a an
    his her their its many several some others other both all most few each security forces
    state group party council ministry office department province district city town village
    region county area court university hospital school police's army's islamic united
    national federal provincial local boko haram taliban shabaab al-shabaab isis daesh hamas
    hezbollah who which according""".split()
)
# Days, months and places' kinds: capitalised, but not names.
_NOT_NAME_END = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Province|State|City|"
    r"District|Region|County|Area|Village|Town|Street|Road|Council|Party|Department|"
    r"Ministry|Office|Court|University|Hospital|School|Assembly|Commission|Police|Army|"
    r"Forces?|Group|Movement|Front|Agency|Company|Bank|Mosque|Church|Market|Camp|Station)$"
)


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        bool(words)
        and not any(w.lower().strip(".,'’") in _NOT_NAME for w in words)
        and not _NOT_NAME_END.search(text)
    )


def _title_end(text: str) -> int | None:
    """Start of the title-and-name or name that ends ``text``: "radio reporter Jane Roe",
    "Judge Omar Said", "Omar al-Rashid"."""
    m = _NAME_END.search(text)
    if m is None or not _is_name(m.group(1)):
        return None
    start = m.start(1)
    words = _NAME_TOKEN.findall(text[:start])
    if words and words[-1].lower() in PERSON_NOUNS:  # "lawyer X"
        title = _TITLE_WORDS.search(text[:start])
        if title is not None:
            start = title.start()
    return start


# Between the subject and its auxiliary: one parenthesis between commas ("X, who ran for the
# council," / "X, the party's candidate for mayor,").
_PARENTHESIS = re.compile(r",([^,;:()]{2,160}),\s*$")
_CLAUSE_START = re.compile(
    r"""(?:^|[;:(\[—–"“]|\b(?:and|but|when|after|that|while|said|says|reported|\w+day)\s)\s*$"""
)


def apposed_subject(head: str) -> tuple[int, int] | None:
    """The named or titled subject before a parenthesis that ends ``head`` (the words before a
    passive auxiliary): "Omar Said, who ran for mayor, (was killed)", "The head of the
    department, Dr Jane Roe, (was killed)", "X, a chief, (was killed)"."""
    m = _PARENTHESIS.search(head)
    if m is None:
        return None
    inner = m.group(1)
    only = _NAME_ONLY.fullmatch(inner)
    if (
        only is not None and len(only.group(1).split()) > 1 and _is_name(only.group(1))
    ):  # the title stands before: "The head of the department, Dr Jane Roe,"
        return m.start(1) + only.start(1), m.start(1) + only.end(1)
    if not _PARENTHESIS_OPENING.match(inner):
        return None  # a relative clause, an apposition or an age: "X, 46,"
    before = head[: m.start()]
    start = _title_end(before)
    if start is None:
        return None
    if not _CLAUSE_START.search(before[:start]) and not _title_start(before[:start]):
        return None
    return start, len(before.rstrip())


def _title_start(text: str) -> bool:
    """True when ``text`` ends with the start of a title phrase: "The", "veteran radio"."""
    return bool(_TITLE_START.search(text))


_PERFECT = re.compile(r"(?:\s+(?:has|had|have|later|reportedly|also|then|subsequently))*\s*$")


def titled_name(before: str) -> tuple[int, int] | None:
    """The title and name heading the clause that ends ``before`` (an intransitive death
    verb's subject): "town mayor Jan Novak (has died)"."""
    head = before[: _PERFECT.search(before).start()]  # type: ignore[union-attr]
    name = _NAME_END.search(head)
    start = _title_end(head)
    if start is None or name is None or start == name.start(1):
        return None  # a bare capitalised word: "No casualties", "Black Lives Matter"
    if not (_CLAUSE_START.search(head[:start]) or _title_start(head[:start])):
        return None
    return start, len(head)


def named_start(text: str) -> tuple[int, int] | None:
    """A name of two or more words that opens the sentence, as a passive's subject ("Judge
    Omar Said (was killed)"); a single word there may be any capitalised word."""
    m = _NAME_ONLY.fullmatch(text)
    if m is None or len(m.group(1).split()) < 2 or not _is_name(m.group(1)):
        return None
    start = m.start(1)
    words = m.group(1).split()
    if words[0].lower() not in PERSON_NOUNS and len(words) < 2:
        return None
    return start, m.end(1)


# A killing verb's bare object: a title without article and a name ("killed lawyer X"), or a
# title ending at a clause boundary ("shot and killed respected village teacher inside …").
_BARE_WORD = re.compile(r"[\w\-'’]+")
_BARE_STOP = frozenset(
    """a an the his her their its one two three four five six seven eight nine ten this that
    these those by in at on of for from with to and or but as after before during near while
    when who whom which was were is are has have had been being him them it himself herself
    themselves people some many several dozens scores hundreds thousands others another
    said says told yesterday today tonight""".split()
)
_AFTER_BARE = re.compile(
    r"\s*(?:[,.;:]|$|(?:of|from|in|at|on|inside|outside|near|while|as|after|who)\b)"
)
_LEAD = re.compile(
    r"\s*(?:(?:on\s+\w+day|yesterday|today|tonight|last\s+night|in\s+[A-Z][\w\-]+)\s+)+"
)


def lead_end(sentence: str, pos: int) -> int | None:
    """End of the time or place adverbials between a verb and its object ("shot dead on
    Monday a politician", "shot dead in Springfield a court clerk"), else None."""
    m = _LEAD.match(sentence, pos)
    return m.end() if m else None


def bare_object(sentence: str, t: Trigger) -> tuple[int, int] | None:
    """The article-less title (and name) a killing verb takes as its object, else None."""
    pos = lead_end(sentence, t.end) or t.end
    while sentence[pos : pos + 1] == " ":
        pos += 1
    start, head_end = pos, None
    for _ in range(4):
        m = _BARE_WORD.match(sentence, pos)
        if m is None or m.group(0).lower() in _BARE_STOP:
            break
        if m.group(0).lower() in PERSON_NOUNS:
            head_end = m.end()
            nxt = _BARE_WORD.match(sentence, m.end() + 1)
            if not (nxt and nxt.group(0).lower() in PERSON_NOUNS):
                break
        pos = m.end()
        if sentence[pos : pos + 1] != " ":
            break
        pos += 1
    if head_end is None:
        return None
    name = _NAME_AFTER.match(sentence[head_end:])
    if name is not None and _is_name(name.group(1)):
        return start, head_end + name.end(1)
    if _AFTER_BARE.match(sentence, head_end):
        return start, head_end
    return None


def counted_before(obj: str, t: Trigger, figures: list[Figure]) -> bool:
    """True for "him"/"her" after a killing the sentence counted already ("killing four of his
    colleagues before police shot him dead"): the pronoun is that killer, or a victim again."""
    return obj.lower() in ("him", "her") and any(
        f.outcome == "killed" and f.mention.start < t.start for f in figures
    )


# "was killed along with his driver", "was killed with his wife and two children".
_COMPANION = re.compile(
    r"([^,;:.()]{0,70}?)(,?)\s*\b"
    r"(?:along with|together with|alongside|with(?=\s+(?:his|her|their)\s))\s+",
    re.I,
)
_GAP_CLAUSE = re.compile(r"\b(?:was|were|is|are|has|have|had|and|who|which|said|says|told)\b", re.I)
_BY = re.compile(r"\bby\b", re.I)  # "killed by gunmen along with …": whose companions?


def companions_at(sentence: str, figures: list[Figure], t: Trigger) -> int | None:
    """Where the companions of a passive death verb's subject start ("killed in X along with
    two other people"), else None."""
    rest = sentence[t.end :]
    if rest.isascii() and "with" not in (low := rest.lower()) and "alongside" not in low:
        return None  # every companion's word holds "with" or "alongside"
    m = _COMPANION.match(sentence, t.end)
    if m is None or _GAP_CLAUSE.search(m.group(1)):
        return None
    if _BY.search(m.group(1)) and not m.group(2):
        return None
    if any(t.end <= f.mention.start < m.end() for f in figures):
        return None
    return m.end()
