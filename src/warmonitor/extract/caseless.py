"""A case-insensitive pattern searched as a case-sensitive one over the lowercased text.

Python's ``re`` tries a case-insensitive pattern's letters one way or the other at every
position; the same pattern without ``re.IGNORECASE`` over the lowercased text skips most
positions at a glance (two to three times faster for the long unions of ``extract.prefilter``).
The two find the same matches at the same offsets when the text is ASCII (``str.lower`` then
changes only A-Z, and keeps every offset) and the pattern writes no capital letter of its own
(a literal "A" would match "a" only one way); a text that is not ASCII is searched with the
pattern itself. Only where a match starts is given (its text is cut from the caller's string),
or the pattern's own matches over the text, searched from there.
Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Caseless"]

# What may not appear in a pattern searched over lowercased text: a capital letter that is not
# a class escape (\S, \W, \B, \D, \A, \Z keep their meaning), a character written by its code
# (\x41 is "A"), or an inline flag (``(?-i:…)`` turns case back on).
_CASED = re.compile(r"(?<!\\)(?:\\\\)*(?:[A-Z]|\\[xuUN0-7]|\(\?[a-zA-Z-](?<!\(\?P))")


class Caseless:
    """Where a case-insensitive ``pattern`` first matches, found over the lowercased text
    where that gives the same offsets (see the module). ``ValueError`` for a pattern without
    ``re.IGNORECASE`` or with a letter or flag of its own whose case counts."""

    __slots__ = ("_lower", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-insensitive pattern: {pattern.pattern!r}")
        if _CASED.search(pattern.pattern):
            raise ValueError(f"a pattern with a cased letter of its own: {pattern.pattern!r}")
        self.pattern = pattern
        self._lower = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def start(self, text: str, pos: int = 0) -> int | None:
        """Where ``pattern.search(text, pos)`` matches, or ``None``."""
        if text.isascii():
            found = self._lower.search(text.lower(), pos)
        else:
            found = self.pattern.search(text, pos)
        return None if found is None else found.start()

    def starts(self, text: str) -> list[int]:
        """Every offset where ``pattern.search`` from the offset after the last one finds a
        match, in order: where a match may start, overlapping ones too."""
        pattern, subject = (self._lower, text.lower()) if text.isascii() else (self.pattern, text)
        out = []
        found = pattern.search(subject)
        while found is not None:
            out.append(found.start())
            found = pattern.search(subject, found.start() + 1)
        return out

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, searched from where the first starts (a
        search from an offset still sees the text before it, for lookbehinds and ``\\b``)."""
        start = self.start(text)
        return iter(()) if start is None else self.pattern.finditer(text, start)
