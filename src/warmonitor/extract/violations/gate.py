"""A cheap test that a pattern cannot match a text: the beginnings it needs.

A cue pattern opens with a word boundary and can only match where the text, from the start
of a word, reads one of a few beginnings ("protes", "demons", "went o"). ``Gate`` reads those
beginnings (up to ``DEPTH`` characters) from the compiled pattern once; ``Words`` holds the
text's beginnings (lower-cased, from each word's start); a pattern whose gate shares none
with the text is not run. The gate only ever skips patterns that cannot match: a pattern that
does not open with a word boundary, or whose start it cannot enumerate (``\\w``, a
capital-letter class), has no gate and always runs.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

_c: Any
_p: Any
try:  # the standard parser of regular expressions (private, stable in 3.11 and 3.12)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python: every pattern runs
    _c = _p = None

__all__ = ["DEPTH", "Gate", "Words", "gate"]

#: How many characters from a word's start a gate reads.
DEPTH = 6
_WORD_START = re.compile(r"\b\w")
_LARGE_CLASS = 8  # a character class wider than this ends the beginning read so far


class _Open(Exception):
    """The pattern can start with something no beginning of letters describes."""


class Words:
    """The text's beginnings: 1 to ``DEPTH`` characters from each word's start, lower-cased."""

    __slots__ = ("beginnings",)

    def __init__(self, text: str) -> None:
        low = text.lower()
        starts = {low[m.start() : m.start() + DEPTH] for m in _WORD_START.finditer(low)}
        self.beginnings = frozenset(w[:i] for w in starts for i in range(1, len(w) + 1))


class Gate:
    """Whether a pattern may match a text: ``None`` beginnings mean it always may."""

    __slots__ = ("beginnings",)

    def __init__(self, beginnings: frozenset[str] | None) -> None:
        self.beginnings = beginnings

    def open(self, words: Words) -> bool:
        return self.beginnings is None or not self.beginnings.isdisjoint(words.beginnings)


def gate(pattern: re.Pattern[str]) -> Gate:
    """The gate of a compiled pattern (an open one where its start cannot be read)."""
    if _p is None:  # pragma: no cover
        return Gate(None)
    try:
        parsed = list(_p.parse(pattern.pattern, pattern.flags))
        if not parsed or parsed[0] != (_c.AT, _c.AT_BOUNDARY):
            return Gate(None)  # a match may start inside a word
        states = _walk(parsed[1:], {("", True)})
    except (_Open, RecursionError, TypeError, ValueError):
        return Gate(None)
    found = frozenset(s for s, _ in states)
    if "" in found or not found or len(found) > 400:
        return Gate(None)
    return Gate(found)


_State = tuple[str, bool]  # (the characters read, whether more may be read)


def _walk(items: Iterable[tuple[object, object]], states: set[_State]) -> set[_State]:
    for op, av in items:
        if not any(growing for _, growing in states):
            return states
        states = _step(op, av, states)
    return states


def _close(states: set[_State]) -> set[_State]:
    out = set()
    for s, growing in states:
        if growing and not s:
            raise _Open
        out.add((s, False))
    return out


def _extend(states: set[_State], chars: Iterable[str]) -> set[_State]:
    out: set[_State] = set()
    chars = list(chars)
    for s, growing in states:
        if not growing:
            out.add((s, growing))
            continue
        for ch in chars:
            if not s and not ch.isalnum():
                raise _Open  # a match starts at a word's start, with a letter or digit
            t = s + ch
            out.add((t, len(t) < DEPTH))
    return out


def _step(op: object, av: object, states: set[_State]) -> set[_State]:
    if op is _c.LITERAL:
        assert isinstance(av, int)
        return _extend(states, {chr(av).lower()})
    if op is _c.IN:
        chars = _class_chars(av)
        return _extend(states, chars) if chars is not None else _close(states)
    if op is _c.BRANCH:
        assert isinstance(av, tuple)
        out: set[_State] = set()
        for alternative in av[1]:
            out |= _walk(list(alternative), states)
        return out
    if op is _c.SUBPATTERN:
        assert isinstance(av, tuple)
        return _walk(list(av[-1]), states)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        assert isinstance(av, tuple)
        low, high, sub = av
        out = set(states) if low == 0 else set()
        current = states
        for i in range(1, min(high, DEPTH) + 1):
            current = _walk(list(sub), current)
            if i >= low:
                out |= current
        return out if low <= DEPTH else _close(states)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return states  # reads nothing: a beginning read past it is still one to look for
    return _close(states)


def _class_chars(av: object) -> set[str] | None:
    """The characters of a small class, lower-cased; ``None`` for a wide one."""
    chars: set[str] = set()
    assert isinstance(av, list)
    for op, value in av:
        if op is _c.LITERAL:
            chars.add(chr(value).lower())
        elif op is _c.RANGE and value[1] - value[0] < _LARGE_CLASS:
            chars.update(chr(c).lower() for c in range(value[0], value[1] + 1))
        else:
            return None
        if len(chars) > _LARGE_CLASS:
            return None
    return chars
