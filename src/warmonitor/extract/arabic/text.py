"""Arabic text folded for matching, with the way back to the original offsets.

Evidence and offsets always point into the document's own text; the grammar reads a folded
copy (``warmonitor.gazetteer.arabic.fold``: letter forms unified, diacritics and tatweel dropped,
Arabic-Indic digits as Latin, a space between a count and the word written against it).
:class:`Folded` keeps, for every folded character, the offset of the character it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmonitor.gazetteer.arabic import fold_char

__all__ = ["Folded", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and, per folded character, its offset in the original (plus its end)."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Folded:
        chars: list[str] = []
        offsets: list[int] = []
        cut = {i for m in _BROKEN.finditer(original) for i in range(m.start(), m.end())}
        glued = {m.end() for m in _GLUED.finditer(original) if m.group(1) is None}
        for i, ch in enumerate(original):
            if i in cut:
                continue
            out = fold_char(ch)
            if i in glued:
                out = " " + out  # "3قتلى": a count written against its noun is read apart
            for c in out:
                chars.append(c)
                offsets.append(i)
        offsets.append(len(original))
        return cls("".join(chars), tuple(offsets))

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``[start, end)``."""
        if end <= start:
            at = self.offsets[start]
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


# Digits written against a word; those that start a line number a list ("2فلان الفلاني …").
_GLUED = re.compile(r"(?m)(^[ \t]*)?[0-9\u0660-\u0669\u06f0-\u06f9]+(?=[\u0621-\u064a])")
# A word broken by tatweel and a dot, as posts write the words filters look for ("قصـ.ـف"،
# "جـ .ـرحى"): the break is read as nothing.
_BROKEN = re.compile(
    r"(?<=[\u0621-\u064a])\u0640*\s?\.\s?\u0640+(?=[\u0621-\u064a])"
    r"|(?<=[\u0621-\u064a])\u0640+\s?\.\s?(?=[\u0621-\u064a])"
)

# A sentence ends at . ! ? ؟ ؛ or a line break (posts and page captures break lines often).
_BREAK = re.compile(r"(?<!\d)[.!?؟؛](?!\d)|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a (folded or original) text, trimmed of spaces."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        _add(text, start, m.end() if m.group().strip() in ".!?؟؛" else m.start(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))
