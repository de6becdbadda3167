"""Count phrases: the grammar that reads "more than 1,000", "dozens", "no one" into a ``Count``.

The public face is :func:`find_counts` and its :class:`CountMention` (``grammar``); the other
modules are the grammar's parts: ``words`` (vocabulary), ``patterns`` (regexes), ``number`` (the
number being read), ``cores`` (reading the number itself), ``kinds`` (what surrounds it and the
kind that gives) and ``qualifiers`` (the interval of qualifiers and vague quantities). Numbers
as written ("1.2 million", "two hundred") are read by :mod:`warmonitor.extract.numbers`, which
dates and figures share. The conventions are written in ``docs/COUNTS.md``.
"""

from __future__ import annotations

from warmonitor.extract.counts.grammar import (
    ARTICLE_ONE,
    COUNT_KINDS,
    CountKind,
    CountMention,
    article_count,
    find_counts,
)

__all__ = [
    "ARTICLE_ONE",
    "COUNT_KINDS",
    "CountKind",
    "CountMention",
    "article_count",
    "find_counts",
]
