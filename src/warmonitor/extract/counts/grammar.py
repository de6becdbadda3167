"""Count phrases in a sentence: "More than 1,000", "at least two hundred", "dozens", "no one".

:func:`find_counts` returns every number expression of a sentence as a :class:`CountMention`
with a ``kind``: only ``kind == "count"`` is a figure of people or things; the other kinds
(years, dates, times, ages, percentages, money, durations, ordinals, measures, ids) are returned
so that the caller can see why a number is not a count. The conventions (which interval each
phrase gives) are written in ``docs/COUNTS.md``.

The grammar is split by what each part holds (modules of this package): ``words``
(vocabulary), ``patterns`` (regexes), ``number`` (the number being read), ``cores`` (reading the
number itself), ``kinds`` (what surrounds it and the kind that gives), ``qualifiers`` (intervals).

Pure domain code: plain strings in, typed values out; regexes are compiled once at import.
"""

from __future__ import annotations

from dataclasses import dataclass

from warmonitor.extract.counts.cores import read_core
from warmonitor.extract.counts.kinds import (
    classify_left,
    classify_right,
    extend_right,
    one_excluded,
)
from warmonitor.extract.counts.number import COUNT_KINDS, CountKind, Num
from warmonitor.extract.counts.patterns import CANDIDATE, CORE
from warmonitor.extract.counts.qualifiers import qualifier, qualify
from warmonitor.extract.counts.words import STARTS
from warmonitor.model import Count

__all__ = [
    "ARTICLE_ONE",
    "COUNT_KINDS",
    "CountKind",
    "CountMention",
    "article_count",
    "find_counts",
]

#: Articles that state a count of one before a singular noun ("a policeman was killed").
#: :func:`find_counts` does not emit them; a caller that knows the noun uses :func:`article_count`.
ARTICLE_ONE: frozenset[str] = frozenset({"a", "an"})


@dataclass(frozen=True, slots=True)
class CountMention:
    """One number expression in a sentence.

    ``start``/``end`` cover the whole expression with its qualifiers ("More than 1,000") and, for
    the other kinds, the words that decide the kind ("aged 25", "two days", "$5 million");
    ``count.text`` is ``text[start:end]``. ``number_start``/``number_end`` cover the number alone
    ("1,000"). ``count`` is only a figure of something when ``kind == "count"``; for the other
    kinds it holds the (first) integer read, for information.
    """

    start: int
    end: int
    count: Count
    number_start: int
    number_end: int
    kind: CountKind = "count"

    @property
    def text(self) -> str:
        return self.count.text

    @property
    def is_count(self) -> bool:
        return self.kind == "count"


def article_count(word: str) -> Count | None:
    """``Count(1, 1, word)`` for an article in :data:`ARTICLE_ONE`, else ``None``."""
    return Count(1, 1, word) if word.lower() in ARTICLE_ONE else None


def _finish(text: str, num: Num) -> CountMention:
    start = num.span_start if num.span_start >= 0 else num.start
    end = num.right
    low, high, approx = num.low, num.high, num.approx
    if num.kind == "count":
        if num.suffix == "at_least":
            high = None
        elif num.suffix == "approx":
            approx = True
        elif num.suffix == "at_most":
            low, high = 0, (high if high is not None else low)
        q = qualifier(text, start)
        if q is not None:
            effect, start = q
            low, high, approx = qualify(effect, low, high, approx, num.vague or num.is_range)
    return CountMention(
        start, end, Count(low, high, text[start:end], approx), num.start, num.end, num.kind
    )


def find_counts(text: str) -> list[CountMention]:
    """Every number expression of ``text``, left to right, each with its ``kind``.

    Only mentions with ``kind == "count"`` are figures of something; ``docs/COUNTS.md`` gives
    the interval of each phrase ("at least N" → [N, open), "more than N" → [N+1, open),
    "about N" → N approximate, "dozens" → [24, 99] …). Articles ("a soldier") are never
    emitted: see :data:`ARTICLE_ONE`.
    """
    out: list[CountMention] = []
    pos = 0
    for cand in CANDIDATE.finditer(text.lower()):
        if cand.start() < pos or not (cand.group()[-1].isdigit() or cand.group() in STARTS):
            continue
        m = CORE.match(text, cand.start())
        if m is None:
            continue
        num = read_core(text, m)
        if num is None:
            pos = m.end()
            continue
        if num.kind == "count" or num.dec is not None:
            extend_right(text, num)
        if num.kind == "count":
            classify_right(text, num)
        if num.kind in ("count", "ordinal"):
            classify_left(text, num)
        if num.kind == "count" and num.word_one and one_excluded(text, num):
            pos = num.end
            continue
        mention = _finish(text, num)
        out.append(mention)
        pos = max(mention.end, m.end() if m.lastgroup == "digits" else mention.end)
    return out
