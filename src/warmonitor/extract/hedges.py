"""Hedges: words that qualify a figure ("reportedly", "could not independently verify").

Two scopes: a hedge in a claim's own sentence qualifies that claim; a sentence of its own that
carries no figure ("Reuters could not independently verify the reports.") qualifies the figures
of the claimant just quoted before it (see ``docs/CLAIMS.md``).
"""

from __future__ import annotations

import re

from warmonitor.extract.caseless import CaselessUnion
from warmonitor.extract.gate import Words
from warmonitor.extract.lexicon import DOCUMENT_HEDGES, SENTENCE_HEDGES

__all__ = ["document_hedges", "sentence_hedges"]

_SENTENCE = [(re.compile(rx, re.I), label) for rx, label in SENTENCE_HEDGES]
_DOCUMENT = [(re.compile(rx, re.I), label) for rx, label in DOCUMENT_HEDGES]
# each list at once: most sentences carry no hedge, and one search tells it
_ANY_SENTENCE = CaselessUnion(p for p, _ in _SENTENCE)
_ANY_DOCUMENT = CaselessUnion(p for p, _ in _DOCUMENT)
_NOT_A_HEDGE = re.compile(r"claimed responsibility|claim(?:ed)? (?:the )?li(?:ves|fe)", re.I)


def sentence_hedges(sentence: str, words: Words | None = None) -> tuple[str, ...]:
    """The hedge labels a sentence carries, in a stable order, without repeats; ``words``:
    the sentence's (``extract.caseless``)."""
    text = _NOT_A_HEDGE.sub(" ", sentence)
    start = _ANY_SENTENCE.start(text, 0, words if text == sentence else None)
    if start is None:
        return ()
    labels: list[str] = []
    for pattern, label in _SENTENCE:  # none matches before the union's first match
        if label not in labels and pattern.search(text, start):
            labels.append(label)
    return tuple(labels)


def document_hedges(sentence: str, words: Words | None = None) -> tuple[str, ...]:
    """The hedges a figure-less sentence casts back on the figures just reported before it;
    ``words``: the sentence's (``extract.caseless``)."""
    start = _ANY_DOCUMENT.start(sentence, 0, words)
    if start is None:
        return ()
    labels: list[str] = []
    for pattern, label in _DOCUMENT:
        if label not in labels and pattern.search(sentence, start):
            labels.append(label)
    return tuple(labels)
