"""Qualifiers and vague quantities: the interval each phrase gives (see ``docs/COUNTS.md``)."""

from __future__ import annotations

from warmonitor.extract.counts.patterns import LEAD_MARKS, prev_tokens
from warmonitor.extract.counts.words import DOTTED_QUALIFIERS, PUNCT_END, QUALIFIERS
from warmonitor.extract.numbers import SCALE_WORDS

__all__ = ["qualifier", "qualify", "vague_range"]

_VAGUE_BASE: dict[str, tuple[int, int]] = {
    "a couple": (2, 3),
    "a couple of": (2, 3),
    "a few": (2, 5),
    "quite a few": (3, 9),
    "several": (3, 9),
    "a handful": (2, 5),
    "a handful of": (2, 5),
    "many": (2, 9),
}
_VAGUE_PLURAL: dict[str, tuple[int, int]] = {
    "tens": (20, 99),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2 * 10**6, 10**7 - 1),
    "billions": (2 * 10**9, 10**10 - 1),
}
_PLURAL_SCALE = {"thousands": 1000, "millions": 10**6, "billions": 10**9}


def vague_range(words: str) -> tuple[int, int]:
    """The interval of a vague quantity ("dozens", "several hundred", "tens of thousands")."""
    w = " ".join(words.lower().split())
    if w in _VAGUE_PLURAL:
        return _VAGUE_PLURAL[w]
    if w in _VAGUE_BASE:
        return _VAGUE_BASE[w]
    head, sep, tail = w.partition(" of ")
    if sep and head in _VAGUE_PLURAL and tail in _PLURAL_SCALE:  # tens of thousands
        a, b = _VAGUE_PLURAL[head]
        s = _PLURAL_SCALE[tail]
        return a * s, (b + 1) * s - 1
    toks = w.split()
    scales: list[int] = []
    while toks and toks[-1].rstrip("s") in SCALE_WORDS:
        scales.insert(0, SCALE_WORDS[toks.pop().rstrip("s")])
    low, high = _VAGUE_BASE.get(" ".join(toks), (2, 9))
    for i, s in enumerate(scales):
        low, high = low * s, (high + 1) * s - 1
        if i == 0 and s == 12:
            high = min(high, 99)  # dozens stay below a hundred
    return low, high


def qualifier(text: str, pos: int) -> tuple[str, int] | None:
    """The longest qualifier phrase right before ``pos``: (effect, start)."""
    best: tuple[str, int] | None = None
    words: list[str] = []
    for tok, tok_start in prev_tokens(text, pos, 4):
        lead = len(tok) - len(tok.lstrip(LEAD_MARKS))
        w = tok[lead:].lower()
        if not w or w[-1] in PUNCT_END or (w[-1] == "." and w not in DOTTED_QUALIFIERS):
            break
        words.insert(0, w)
        effect = QUALIFIERS.get(tuple(words))
        if effect is not None:
            best = (effect, tok_start + lead)
        if lead:
            break
    return best


def qualify(
    effect: str, low: int, high: int | None, approx: bool, interval: bool
) -> tuple[int, int | None, bool]:
    """The interval a qualifier before the number gives (see docs/COUNTS.md)."""
    if effect == "at_least":
        return low, None, approx
    if effect == "more_than":
        return (low if interval else low + 1), None, approx
    if effect == "approx":
        return low, high, True
    if effect == "up_to":
        if interval:
            return low, high, True
        top = high if high is not None else low
        return top, top, True
    return 0, max(0, low - 1), approx  # "fewer than N": [0, N - 1]
