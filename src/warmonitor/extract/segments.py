"""Long documents in pieces: where to cut a text, and a piece's claims in the whole's coordinates.

spaCy refuses a text longer than ``nlp.max_length`` (error E088) and its memory grows with the
text, so a long document is extracted in segments of at most :data:`SEGMENT_CHARS` characters,
cut at a paragraph break, else a line break, else a sentence end, else a space (a hard cut only
for a run with none of them). :func:`shift_claims` moves a segment's claims into the document's
coordinates: evidence offsets (sentence, figure, trigger) and ids, which are derived from the
whole-document offset of the figure exactly as :func:`~warmonitor.extract.claims.extract_claims`
derives them, so a claim has the same id whichever segment it was read in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from warmonitor.extract.claims import _claim_id
from warmonitor.extract.violations.profile import shift as shift_words
from warmonitor.model import Claim, Evidence

__all__ = ["SEGMENT_CHARS", "segment_spans", "shift_claims"]

#: The longest segment: well under spaCy's default ``max_length`` (1,000,000), small enough to
#: keep a parse's memory bounded.
SEGMENT_CHARS = 100_000

# Where a segment may end, best first: a blank line, a line break, a sentence end, a space.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?])[\"'”’)\]]?\s+"),
    re.compile(r"\s+"),
)


def segment_spans(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` in order, each at most ``size`` characters.

    A text of ``size`` characters or fewer is one span. Otherwise each segment ends at the last
    paragraph break in its window that leaves it at least half full, else the last line break,
    sentence end or space so placed; whitespace at a cut goes with the segment before it.
    """
    if size < 2:
        raise ValueError(f"segment size must be at least 2, got {size}")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        end = start + size  # a hard cut when the window has no place to cut
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() >= size // 2]
            if ends:
                end = start + ends[-1]
                break
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def shift_claims(claims: Sequence[Claim], offset: int) -> list[Claim]:
    """The claims of a segment starting at ``offset``, in the whole document's coordinates.

    Evidence offsets move by ``offset``; each id is derived again from the whole-document offset
    of its figure, and ``part_of`` follows its total's new id.
    """
    if offset == 0:
        return list(claims)
    renamed: dict[str, str] = {}
    moved: list[Claim] = []
    for claim in claims:
        evidence = claim.evidence
        figure = _move(evidence.figure, offset)
        trigger = _move(evidence.trigger, offset)
        at = figure[0] if figure is not None else evidence.start + offset
        new_id = _claim_id(claim.document_id, claim.extractor, at, claim.outcome)
        renamed[claim.id] = new_id
        shifted = Evidence(
            evidence.sentence, evidence.start + offset, evidence.end + offset, figure, trigger
        )
        moved.append(shift_words(replace(claim, id=new_id, evidence=shifted), offset))
    return [
        replace(claim, part_of=renamed.get(claim.part_of, claim.part_of))
        if claim.part_of
        else claim
        for claim in moved
    ]


def _move(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + offset, span[1] + offset)
