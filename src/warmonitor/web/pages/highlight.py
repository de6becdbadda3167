"""A document's text cut into paragraphs and runs, each run knowing the claims whose evidence
covers it, so that the document page can highlight every claim at its evidence span.

Pure: offsets are the claims' (``Evidence.start``/``end``, ``figure``), in the document's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["Run", "Span", "runs"]

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True, slots=True)
class Span:
    """One claim's evidence in the text: its sentence and, inside it, its figure."""

    claim_id: str
    start: int
    end: int
    figure: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text; ``claims`` the ids of the claims whose sentence covers it, ``figure``
    true when it is inside one of their figures."""

    text: str
    claims: tuple[str, ...] = ()
    figure: bool = False


def runs(text: str, spans: Sequence[Span]) -> list[list[Run]]:
    """The paragraphs of ``text`` (split at blank lines), each a list of runs."""
    size = len(text)
    clipped = [
        Span(s.claim_id, max(0, s.start), min(size, s.end), s.figure)
        for s in spans
        if 0 <= s.start < s.end
    ]
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    cuts = {0, size}
    for s in clipped:
        cuts.update((s.start, s.end))
        if s.figure:
            cuts.update((max(0, s.figure[0]), min(size, s.figure[1])))
    for a, b in breaks:
        cuts.update((a, b))
    ordered = sorted(c for c in cuts if 0 <= c <= size)
    paragraphs: list[list[Run]] = [[]]
    gaps = set(breaks)
    for a, b in pairwise(ordered):
        if (a, b) in gaps:
            paragraphs.append([])
            continue
        covering = tuple(s.claim_id for s in clipped if s.start <= a and b <= s.end)
        figure = any(
            s.figure is not None and s.figure[0] <= a and b <= s.figure[1] for s in clipped
        )
        paragraphs[-1].append(Run(text[a:b], tuple(dict.fromkeys(covering)), figure))
    return [p for p in paragraphs if p]
