"""Sentences and token stretches of a text as spaCy's tokenizer and sentencizer give them,
without tokenizing the whole text.

The sentencizer starts a sentence at the first token that is neither punctuation nor one of
its sentence-ending characters (``punct_chars``: ".", "!", "?" and their kin in other
scripts) after a token that is one of those characters. A token is never longer than the
run of non-space characters (a *chunk*) it comes from, and the tokenizer splits each chunk
on its own. So only a chunk that holds a sentence-ending character, and what follows one,
needs tokenizing; each chunk's tokens are kept (chunks repeat: "said.", "Tuesday."), and a
chunk of letters and digits alone is one token that is not punctuation.

Between chunks, one space belongs to the token before it; any other run of white space is a
token of its own (not punctuation), as is white space at the start of a text.

``SentenceReader.spans`` gives the sentences' character spans (``doc.sents``' ``start_char``
and ``end_char``); ``chunk_bounds`` the chunks, from which ``extract.component`` cuts the
stretches of text it tokenizes for the model. ``tests/test_sentences.py`` holds both to
spaCy's own tokens and sentences on texts made to be awkward.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["SentenceReader", "chunk_bounds"]

# a token's kind for the sentencizer: a word, punctuation, or a sentence-ending character
_WORD, _PUNCT, _ENDS = 0, 1, 2
_CHUNK = re.compile(r"\S+")
_SPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S*")
# a chunk of letters and digits only: one token, a word (``_`` is punctuation to spaCy)
_PLAIN = re.compile(r"[^\W_]+")
# how many chunks' tokens are kept before the memo starts again
_MEMO_LIMIT = 50_000


class SentenceReader:
    """Reads a text's sentence starts as ``tokenizer`` and a sentencizer with ``punct_chars``
    would (``tokenizer``: a spaCy tokenizer, text to ``Doc``)."""

    def __init__(self, tokenizer: Callable[[str], Any], punct_chars: Iterable[str]) -> None:
        self.tokenizer = tokenizer
        self.punct_chars = frozenset(punct_chars)
        marks = "".join(re.escape(c) for c in sorted(self.punct_chars))
        self._ender = re.compile(f"[{marks}]") if marks else re.compile(r"(?!)")
        self._memo: dict[str, tuple[tuple[int, int], ...]] = {}

    def _tokens(self, chunk: str) -> tuple[tuple[int, int], ...]:
        """``(offset, kind)`` of each token of a chunk."""
        found = self._memo.get(chunk)
        if found is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            ends = self.punct_chars
            found = self._memo[chunk] = tuple(
                (t.idx, _ENDS if t.text in ends else _PUNCT if t.is_punct else _WORD)
                for t in self.tokenizer(chunk)
            )
        return found

    def _next_word(self, text: str, pos: int, end: int) -> int | None:
        """Where the first token of ``text[pos:end]`` that is not punctuation starts (``pos``
        right after a chunk), or ``None``."""
        while pos < end:
            space = _SPACE.match(text, pos, end)
            if space is not None:
                run = space.group()
                if run != " ":  # a token of white space (a first space is the chunk's)
                    return pos + 1 if run[0] == " " else pos
                pos = space.end()
                continue
            chunk = _CHUNK.match(text, pos, end)
            assert chunk is not None
            if _PLAIN.fullmatch(chunk.group()):
                return pos
            for offset, kind in self._tokens(chunk.group()):
                if kind == _WORD:
                    return pos + offset
            pos = chunk.end()
        return None

    def starts(self, text: str) -> list[int]:
        """Where each sentence of ``text`` starts, in order (``[]`` for an empty text)."""
        if not text:
            return []
        starts = [0]
        seen = False  # a sentence-ending token since the last start
        done = 0  # the text is read up to here
        for m in self._ender.finditer(text):
            at = m.start()
            if at < done:  # in a chunk already read
                continue
            first = at
            while first > 0 and not text[first - 1].isspace():
                first -= 1
            tail = _NON_SPACE.match(text, at)  # always matches
            last = tail.end() if tail is not None else at
            if seen:
                word = self._next_word(text, done, first)
                if word is not None:
                    starts.append(word)
                    seen = False
            for offset, kind in self._tokens(text[first:last]):
                if kind == _ENDS:
                    seen = True
                elif kind == _WORD and seen:
                    starts.append(first + offset)
                    seen = False
            done = last
        if seen:
            word = self._next_word(text, done, len(text))
            if word is not None:
                starts.append(word)
        return starts

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Each sentence's ``(start, end)``: from its first token's start to its last token's
        end, as ``doc.sents`` gives them."""
        starts = self.starts(text)
        if not starts:
            return []
        return [
            (a, _token_end(text, b)) for a, b in zip(starts, [*starts[1:], len(text)], strict=True)
        ]


def _token_end(text: str, pos: int) -> int:
    """Where the token before the one at ``pos`` (or before the end) ends: a space right after
    a chunk belongs to the chunk's last token, which ends before it."""
    if pos >= 2 and text[pos - 1] == " " and not text[pos - 2].isspace():
        return pos - 1
    return pos


def chunk_bounds(text: str) -> tuple[list[int], list[int]]:
    """The start and the end of each chunk (run of non-space characters) of ``text``."""
    starts: list[int] = []
    ends: list[int] = []
    for m in _CHUNK.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends
