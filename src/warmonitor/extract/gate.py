"""A cheap test that a pattern cannot match a text: the beginnings it needs.

A cue pattern opens with a word boundary and can only match where the text, from the start
of a word, reads one of a few beginnings ("protes", "demons", "went o"). ``Gate`` reads those
beginnings (up to ``DEPTH`` characters) from the compiled pattern once; ``Words`` holds the
text's beginnings (lower-cased, from each word's start); a pattern whose gate shares none
with the text is not run, and one that is runs only where the text reads one of them
(``Gate.finditer``; ``Gates`` reads many patterns' gates at once). A pattern that opens with
a few words of any kind before such a part (``Lead``) is searched from the words before each
place of that part (a gate and a lead hold their pattern: a gate is never asked about a pattern
it was not read from). The gate only ever skips what cannot match: a pattern that does not open
with a word boundary, or whose start it cannot enumerate (``\\w``, a capital-letter class), has
no gate and always runs everywhere.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

_c: Any
_p: Any
_cases: dict[int, tuple[int, ...]]
try:  # the standard parser of regular expressions (private, stable in 3.11 and 3.12)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
    _cases = importlib.import_module("re._casefix")._EXTRA_CASES
except (ImportError, AttributeError):  # pragma: no cover - another Python: every pattern runs
    _c = _p = None
    _cases = {}

__all__ = ["DEPTH", "Gate", "Gates", "Lead", "Words", "gate"]

#: How many characters from a word's start a gate reads.
DEPTH = 6
# at each word's start, its first 1 to ``DEPTH`` characters (fewer at the text's end), read
# in one pass: group 1 holds ``DEPTH`` of them, the last group one
_BEGINNINGS = re.compile(r"(?s)\b(?=" + "(" * DEPTH + r"\w)" + r".?)" * (DEPTH - 1) + ")")
# Characters that match, case aside, one whose lower case is another ("ı" matches "i", "ſ"
# matches "s"): a pattern that reads one of these has no gate; a text that holds one that
# such a match reads in place of an ASCII letter is searched whole.
_FOLDS = frozenset(chr(c) for k, v in _cases.items() for c in (k, *v) if c > 127)
_FOLDED = re.compile(
    "[" + "".join(chr(c) for k, v in _cases.items() if k < 128 for c in v if c > 127) + "]"
    if _cases
    else r"(?!)"  # matches nothing
)
_LARGE_CLASS = 8  # a character class wider than this ends the beginning read so far


class _Open(Exception):
    """The pattern can start with something no beginning of letters describes."""


class Words:
    """The text's beginnings: 1 to ``DEPTH`` characters from each word's start, lower-cased.

    A text's ``Words`` serve any stretch of it (``within``): its beginnings are a superset of
    the stretch's, and ``low`` (the lower-cased text, where lower-casing keeps every character
    in its place, else ``None``) is read from the stretch's ``offset``."""

    __slots__ = ("beginnings", "low", "memo", "offset")

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.beginnings = frozenset(chain.from_iterable(_BEGINNINGS.findall(low)))
        aligned = len(low) == len(text) and not _FOLDED.search(text)
        self.low: str | None = low if aligned else None
        self.offset = 0
        # what a gate read of these beginnings, kept for every stretch of the text
        self.memo: dict[object, Any] = {}

    def within(self, start: int) -> Words:
        """The words of the stretch of this text from ``start``."""
        view = Words.__new__(Words)
        view.beginnings, view.low, view.memo = self.beginnings, self.low, self.memo
        view.offset = self.offset + start
        return view


class Gate:
    """Whether ``pattern`` may match a text: ``None`` beginnings mean it always may (made by
    :func:`gate`)."""

    __slots__ = ("beginnings", "pattern")

    def __init__(self, pattern: re.Pattern[str], beginnings: frozenset[str] | None) -> None:
        self.pattern = pattern
        self.beginnings = beginnings

    def open(self, words: Words) -> bool:
        return self.beginnings is None or not self.beginnings.isdisjoint(words.beginnings)

    def starts(self, words: Words, pos: int, endpos: int) -> list[int] | None:
        """Every place in ``[pos, endpos)`` of the words' text where a match may start, in
        order (a superset: where the text reads one of the beginnings); ``None`` where the
        gate cannot tell."""
        low = words.low
        if self.beginnings is None or low is None:
            return None
        lo, hi = words.offset + pos, words.offset + endpos
        # a stretch of the text may begin inside one of its words: there its beginning is new
        found = {0} if pos == 0 < words.offset else set()
        read = words.memo.get(self)
        if read is None:
            read = words.memo[self] = self.beginnings & words.beginnings
        for beginning in read:
            at = low.find(beginning, lo, hi)
            while at >= 0:
                found.add(at - words.offset)
                at = low.find(beginning, at + 1, hi)
        return sorted(found)

    def finditer(
        self, text: str, words: Words | None, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``, the pattern tried only where a match may
        start; ``words``: the text's (or a text's that holds it at ``words.offset``)."""
        end, starts = _stretch(self, text, words, pos, endpos)
        if starts is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        done = pos
        for at in starts:
            if at < done:
                continue
            m = self.pattern.match(text, at, end)
            if m is not None:
                yield m
                done = m.end()

    def search(
        self, text: str, words: Words | None, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        """``pattern.search(text, pos, endpos)``, as ``finditer`` looks."""
        return next(self.finditer(text, words, pos, endpos), None)


def _stretch(
    g: Gate, text: str, words: Words | None, pos: int, endpos: int | None
) -> tuple[int, list[int] | None]:
    """The end of the stretch ``[pos, endpos)`` of ``text``, and where in it ``g`` says a match
    may start (``None``: anywhere, or no ``words`` to tell)."""
    end = len(text) if endpos is None else min(endpos, len(text))
    return end, g.starts(words, pos, end) if words is not None else None


class Gates:
    """The gates of many patterns read together: which may match a text, in their order."""

    __slots__ = ("_always", "_beginnings", "_by_beginning", "gates")

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.gates = [gate(p) for p in patterns]
        by_beginning: dict[str, list[int]] = {}
        for i, g in enumerate(self.gates):
            for beginning in g.beginnings or ():
                by_beginning.setdefault(beginning, []).append(i)
        self._by_beginning = by_beginning
        self._beginnings = frozenset(by_beginning)
        self._always = [i for i, g in enumerate(self.gates) if g.beginnings is None]

    def open(self, words: Words) -> tuple[int, ...]:
        """The indices of the patterns that may match the words' text, in order."""
        opened: tuple[int, ...] | None = words.memo.get(self)
        if opened is None:
            read: dict[int, set[str]] = {}
            for beginning in self._beginnings & words.beginnings:
                for i in self._by_beginning[beginning]:
                    read.setdefault(i, set()).add(beginning)
            for i, beginnings in read.items():  # what each gate reads (``Gate.starts``)
                words.memo[self.gates[i]] = frozenset(beginnings)
            opened = words.memo[self] = tuple(sorted([*self._always, *read]))
        return opened


class Lead:
    """Where ``pattern``, up to ``before`` words and then a part read by ``tail``, may match.

    For a pattern whose every match starts at most ``before`` words (runs of non-space, each
    with the space after it) before a place where ``tail`` (that part, from a word boundary)
    matches: the places of ``tail``, found through its gate, say where to search (a search
    ends by the place where the pattern matches wherever ``tail`` does, its words optional)."""

    __slots__ = ("_back", "_gate", "pattern", "tail")

    def __init__(self, pattern: re.Pattern[str], tail: re.Pattern[str], before: int) -> None:
        self.pattern = pattern
        self.tail = tail
        self._gate = gate(tail)
        self._back = re.compile(rf"(?:\s+\S+){{0,{before}}}")

    def open(self, words: Words) -> bool:
        """Whether ``tail``'s gate is open to the words' text."""
        return self._gate.open(words)

    def finditer(
        self, text: str, words: Words | None, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``, each search started where the words before
        the next place of ``tail`` may begin (``Gate.finditer``'s ``words``)."""
        end, starts = _stretch(self._gate, text, words, pos, endpos)
        if starts is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        places = [at for at in starts if self.tail.match(text, at, end)]
        if not places:
            return
        # the earliest place a match may start, from each place of the tail on
        reverse, n = text[::-1], len(text)
        reach = [n - _end(self._back.match(reverse, n - at)) for at in places]
        for i in range(len(reach) - 2, -1, -1):
            reach[i] = min(reach[i], reach[i + 1])
        while True:
            i = bisect_left(places, pos)
            if i == len(places):
                return
            m = self.pattern.search(text, max(pos, reach[i]), end)
            if m is None:
                return
            yield m
            pos = max(m.end(), m.start() + 1)


def _end(m: re.Match[str] | None) -> int:
    assert m is not None  # a pattern that may match nothing always matches
    return m.end()


def gate(pattern: re.Pattern[str]) -> Gate:
    """The gate of a compiled pattern (an open one where its start cannot be read)."""
    if _p is None:  # pragma: no cover
        return Gate(pattern, None)
    try:
        states = _bounded(list(_p.parse(pattern.pattern, pattern.flags)))
    except (_Open, RecursionError, TypeError, ValueError):
        return Gate(pattern, None)
    found = frozenset(s for s, _ in states)
    if "" in found or not found or len(found) > 1000:
        return Gate(pattern, None)
    return Gate(pattern, found)


_State = tuple[str, bool]  # (the characters read, whether more may be read)


def _bounded(items: list[tuple[object, object]]) -> set[_State]:
    """What a pattern's items read from a word's start: they open with a word boundary, or
    with a group or a choice each of whose ways does (a union of such patterns); else
    ``_Open`` (a match may start inside a word)."""
    if not items:
        raise _Open
    op, av = items[0]
    if op is _c.AT and av is _c.AT_BOUNDARY:
        return _walk(items[1:], {("", True)})
    if op is _c.SUBPATTERN:
        assert isinstance(av, tuple)
        return _bounded([*av[-1], *items[1:]])
    if op is _c.BRANCH:
        assert isinstance(av, tuple)
        out: set[_State] = set()
        for alternative in av[1]:
            out |= _bounded([*alternative, *items[1:]])
        return out
    raise _Open


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
            if ch in _FOLDS or (not s and not ch.isalnum()):
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
