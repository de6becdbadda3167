"""The words every match of a case-insensitive pattern holds, as a cheap pre-test.

A text that holds none of them, in any case, has no match: ``str.lower`` and ``in`` tell that
at C speed where a regular expression would try the pattern at every position. Only ASCII text
is told (``str.lower`` keeps the offsets and the letters ``re.IGNORECASE`` matches there);
other text is left to the pattern. Pure: no I/O.
"""

from __future__ import annotations

__all__ = ["Literals"]


class Literals:
    """The words (lowercase) of which every match of a pattern holds one."""

    __slots__ = ("words",)

    def __init__(self, *words: str) -> None:
        if any(w != w.lower() or not w.isascii() or not w for w in words):
            raise ValueError(f"words must be lowercase ASCII: {words!r}")
        self.words = words

    def absent(self, text: str) -> bool:
        """True when ``text`` is ASCII and holds none of the words: the pattern cannot match."""
        if not text.isascii():
            return False
        low = text.lower()
        return not any(w in low for w in self.words)
