"""A case-insensitive pattern searched as a case-sensitive one over the lowercased text.

Python's ``re`` tries a case-insensitive pattern's letters one way or the other at every
position; the same pattern without ``re.IGNORECASE`` over the lowercased text skips most
positions at a glance (two to three times faster for the long unions of ``extract.prefilter``).
The two find the same matches at the same offsets when the text is ASCII (``str.lower`` then
changes only A-Z, and keeps every offset) and the pattern writes no capital letter of its own
(a literal "A" would match "a" only one way); a text that is not ASCII is searched with the
pattern itself. Only where a match starts is given (its text is cut from the caller's string),
or the pattern's own matches over the text, searched from there.

Given the text's words (``extract.gate.Words``, of the text or of a document that holds it),
a pattern whose gate reads the beginnings of its matches is tried only where the text reads
one (no search at all where it reads none); ``CaselessUnion`` searches a list of patterns as
two unions, the gated ones through their gate and the rest plainly. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from warmonitor.extract.gate import Words, gate
from warmonitor.extract.prefilter import union

__all__ = ["Caseless", "CaselessUnion"]

# What may not appear in a pattern searched over lowercased text: a capital letter that is not
# a class escape (\S, \W, \B, \D, \A, \Z keep their meaning), a character written by its code
# (\x41 is "A"), or an inline flag (``(?-i:…)`` turns case back on).
_CASED = re.compile(r"(?<!\\)(?:\\\\)*(?:[A-Z]|\\[xuUN0-7]|\(\?[a-zA-Z-](?<!\(\?P))")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


class Caseless:
    """Where a case-insensitive ``pattern`` first matches, found over the lowercased text
    where that gives the same offsets (see the module). ``ValueError`` for a pattern without
    ``re.IGNORECASE``, with a letter or flag of its own whose case counts, or referring back
    to a named group; a named group is searched as a plain one (``finditer`` gives the
    pattern's own matches, groups and all).

    ``words``: the text's (``Words``; a document's, ``within`` the text's offset), which let
    a gated pattern be tried only where a match may start."""

    __slots__ = ("_gate", "_lower", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive pattern: {pattern.pattern!r}")
        if "(?P=" in pattern.pattern:
            raise ValueError(f"a pattern that refers back to a group: {pattern.pattern!r}")
        # a group's name changes nothing of where the pattern matches (and writes a capital P)
        plain = _NAMED_GROUP.sub("(?:", pattern.pattern)
        if _CASED.search(plain):
            raise ValueError(f"a pattern with a cased letter of its own: {pattern.pattern!r}")
        self.pattern = pattern
        self._lower = re.compile(plain, pattern.flags & ~re.IGNORECASE)
        self._gate = gate(pattern)

    def start(self, text: str, pos: int = 0, words: Words | None = None) -> int | None:
        """Where ``pattern.search(text, pos)`` matches, or ``None``."""
        places = None if words is None else self._gate.starts(words, pos, len(text))
        if places is not None:
            if places:
                pattern, subject = self._subject(text)
                for at in places:
                    if pattern.match(subject, at):
                        return at
            return None
        if text.isascii():
            found = self._lower.search(text.lower(), pos)
        else:
            found = self.pattern.search(text, pos)
        return None if found is None else found.start()

    def starts(self, text: str, words: Words | None = None) -> list[int]:
        """Every offset where ``pattern.search`` from the offset after the last one finds a
        match, in order: where a match may start, overlapping ones too."""
        pattern, subject = self._subject(text)
        places = None if words is None else self._gate.starts(words, 0, len(text))
        if places is not None:  # the gate's places hold every place where a match starts
            return [at for at in places if pattern.match(subject, at)]
        out = []
        found = pattern.search(subject)
        while found is not None:
            out.append(found.start())
            found = pattern.search(subject, found.start() + 1)
        return out

    def finditer(self, text: str, words: Words | None = None) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, searched from where the first starts (a
        search from an offset still sees the text before it, for lookbehinds and ``\\b``)."""
        start = self.start(text, 0, words)
        return iter(()) if start is None else self.pattern.finditer(text, start)

    def _subject(self, text: str) -> tuple[re.Pattern[str], str]:
        """The pattern to match and the text to match it on: lowercased where that is ASCII."""
        return (self._lower, text.lower()) if text.isascii() else (self.pattern, text)


class CaselessUnion:
    """Where any of case-insensitive ``patterns`` (sharing their flags) matches: ``pattern``,
    their union, searched as two, the patterns whose gate reads the beginnings of their
    matches and the rest (a union's gate reads nothing where one of them has none)."""

    __slots__ = ("_parts", "pattern")

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        listed = list(patterns)
        self.pattern = union(listed)
        gated = [p for p in listed if gate(p).beginnings is not None]
        rest = [p for p in listed if gate(p).beginnings is None]
        self._parts = tuple(Caseless(union(part)) for part in (gated, rest) if part)

    def start(self, text: str, pos: int = 0, words: Words | None = None) -> int | None:
        """Where ``pattern.search(text, pos)`` matches, or ``None``: the first of the parts'."""
        found = [part.start(text, pos, words) for part in self._parts]
        return min((at for at in found if at is not None), default=None)

    def starts(self, text: str, words: Words | None = None) -> list[int]:
        """Every offset where ``pattern`` matches (``Caseless.starts``): the parts'."""
        if len(self._parts) == 1:
            return self._parts[0].starts(text, words)
        return sorted({at for part in self._parts for at in part.starts(text, words)})
