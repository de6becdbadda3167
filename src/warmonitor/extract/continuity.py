"""Who speaks for a figure whose own sentence names no source: quotations, sentences that
point back, continuations, and figures the report repeats with a source elsewhere.

``extract_claims`` first gives each figure the voice of its own sentence; these passes then
read across sentences of one report (``attribute_across_sentences``), in this order:
quotations that run over sentences, sentences that point back ("This is reported by X"),
continuations ("Of these, …"), and repeats (a headline's figure stated with a source in the
body). Each gives a figure a voice only when one voice is in question. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.figures import Figure
from warmonitor.model import Claimant

__all__ = ["Statement", "attribute_across_sentences"]


class Statement(Protocol):
    """A figure being extracted, as these passes read and give it a voice."""

    figure: Figure
    sentence_index: int
    claimant: Claimant
    attributed: bool
    hedges: list[str]
    restated: bool


def attribute_across_sentences(
    drafts: Sequence[Statement],
    text: str,
    sentences: Sequence[tuple[int, int]],
    voices: dict[int, list[tuple[int, Claimant]]],
    credits: dict[int, list[tuple[int, Claimant]]] | None = None,
) -> None:
    """Give the figures without a voice of their own the voice the report gives them across
    sentences; ``voices`` holds each sentence's named sources with their offsets in ``text``,
    ``credits`` those credited with figures ("the figures provided by X")."""
    _attribute_quotes(drafts, text, sentences, voices)
    _attribute_split_sentences(drafts, text, sentences, voices)
    _attribute_pointers(drafts, text, sentences, voices)
    _attribute_continuations(drafts, text, sentences, voices)
    _attribute_repeats(drafts)
    _attribute_restatements(drafts, sentences, credits or {})
    _attribute_between(drafts, sentences, voices)


def _one_voice(claimants: Iterable[Claimant]) -> Claimant | None:
    """The one voice among ``claimants`` (one name), ``None`` for none or several."""
    named = {c.name: c for c in claimants}
    return next(iter(named.values())) if len(named) == 1 else None


def _attribute_quotes(
    drafts: Sequence[Statement],
    text: str,
    sentences: Sequence[tuple[int, int]],
    voices: dict[int, list[tuple[int, Claimant]]],
) -> None:
    """A figure inside a quotation is the quoted source's: the one voice named outside the
    quotation marks where it opens or closes ("'… 40 were killed. We buried them,' the mayor
    said"), within one paragraph; a quotation that opens a paragraph and names no one is the
    voice of the paragraph before ("…, the mayor said.¶'We have 40 dead.'") or, failing that,
    of the sentence after it."""
    paragraph = _paragraph_starts(text, sentences)

    def outside(i: int, pos: int) -> bool:
        return text.count('"', sentences[paragraph[i]][0], pos) % 2 == 0

    def speaker(index: int, depth: int = 0) -> Claimant | None:
        first, last = _quotation(text, sentences, index) or (index, index)
        named = [
            c for i in range(first, last + 1) for pos, c in voices.get(i, ()) if outside(i, pos)
        ]
        one = _one_voice(named)
        if one is not None:
            return one
        if named or depth > 1 or paragraph[first] != first:
            return None
        if not text[sentences[first][0] : sentences[first][1]].lstrip().startswith('"'):
            return None
        if first > 0:
            before = speaker(first - 1, depth + 1)
            if before is not None:
                return before
        after = last + 1
        if depth == 0 and after < len(sentences) and paragraph[after] == after:
            return _one_voice(c for pos, c in voices.get(after, ()) if outside(after, pos))
        return None

    for d in drafts:
        if d.attributed and d.claimant.name is not None:  # not a pronoun nobody was named for
            continue
        quoted = _quotation(text, sentences, d.sentence_index) is not None
        a, b = sentences[d.sentence_index]
        if not quoted and '"' not in text[a:b]:
            continue
        found = speaker(d.sentence_index)
        if found is not None:
            d.claimant, d.attributed = found, True


def _paragraph_starts(text: str, sentences: Sequence[tuple[int, int]]) -> list[int]:
    """The first sentence of each sentence's paragraph."""
    starts: list[int] = []
    for i in range(len(sentences)):
        new = i == 0 or "\n" in text[sentences[i - 1][1] : sentences[i][0]]
        starts.append(i if new else starts[-1])
    return starts


def _quotation(
    text: str, sentences: Sequence[tuple[int, int]], index: int
) -> tuple[int, int] | None:
    """The sentences (first, last) of a quotation open over sentence ``index``, or ``None``
    when it is not inside one that reaches another sentence of its paragraph."""

    def quotes(i: int) -> int:
        a, b = sentences[i]
        return text.count('"', a, b)

    def same_paragraph(i: int, j: int) -> bool:
        return "\n" not in text[sentences[i][1] : sentences[j][0]]

    open_before = 0  # quotation marks from the paragraph's start to this sentence
    first = index
    while first > 0 and same_paragraph(first - 1, first):
        first -= 1
    for i in range(first, index):
        open_before += quotes(i)
    inside = open_before % 2 == 1
    opens = (open_before + quotes(index)) % 2 == 1
    if not inside and not opens:
        return None
    start = index
    if inside:  # back to the sentence that opened it
        count = open_before
        while start > first:
            start -= 1
            count -= quotes(start)
            if count % 2 == 0:
                break
    end = index
    if opens:  # on to the sentence that closes it
        count = open_before + quotes(index)
        while end + 1 < len(sentences) and same_paragraph(end, end + 1) and count % 2 == 1:
            end += 1
            count += quotes(end)
    return (start, end) if (start, end) != (index, index) else None


# a sentence that points back at what came before and names its source: "This is reported by
# X", "X told about this", "X confirmed this"
_POINTER = re.compile(
    r"^\W*(?:this|that|these|it|the (?:figures?|data|numbers?|toll))\s+(?:is|was|were|are|has been|"
    r"have been)\s+(?:reported|announced|stated|confirmed|said|disclosed|published)\s+by\b|"
    r"\b(?:told|reported|informed|spoke|wrote|said)\s+(?:(?:journalists|reporters)\s+)?"
    r"(?:about|of)\s+(?:this|it|that)\b|\b(?:reported|announced|confirmed|said)\s+(?:this|that)"
    r"\s*[.!]?\s*$",
    re.I,
)
_POINTER_ANY = Caseless(_POINTER)  # searched through its caseless form (``extract.caseless``)
# a sentence that goes on with the figures of the sentence before: "Of these, …", "Among them
# …", or an agentless hearsay ("N are said to be in critical condition")
_CONTINUATION = re.compile(
    r"^\W*(?:of (?:these|them|those|this number|the dead|the victims|the total)|among (?:them|"
    r"these|those|the dead|the victims|the killed|the injured|the wounded))\b|"
    r"\b(?:is|are|was|were)\s+(?:said|reported|believed|thought)\s+to\b",
    re.I,
)


def _attribute_pointers(
    drafts: Sequence[Statement],
    text: str,
    sentences: Sequence[tuple[int, int]],
    voices: dict[int, list[tuple[int, Claimant]]],
) -> None:
    """Figures without a source before a sentence that points back at them and names one
    voice ("… 40 were killed. This is reported by the regional police.") are that voice's:
    back to the last figure that has a source of its own."""
    for index, (a, b) in enumerate(sentences):
        voice = _one_voice(c for _, c in voices.get(index, ()))
        if voice is None or _POINTER_ANY.start(text[a:b]) is None:
            continue
        if any(d.sentence_index == index for d in drafts):
            continue
        for d in reversed([d for d in drafts if d.sentence_index < index]):
            if d.attributed:
                break
            d.claimant, d.attributed = voice, True


def _attribute_continuations(
    drafts: Sequence[Statement],
    text: str,
    sentences: Sequence[tuple[int, int]],
    voices: dict[int, list[tuple[int, Claimant]]],
) -> None:
    """A figure without a source in a sentence that goes on with the one before ("Of these,
    …", "Among them …", "N are said to be …") is the voice of that sentence's figures, when
    they have one voice."""
    for d in drafts:
        if d.attributed or voices.get(d.sentence_index):
            continue
        a, b = sentences[d.sentence_index]
        if not _CONTINUATION.search(text[a:b]):
            continue
        before = [e for e in drafts if e.sentence_index == d.sentence_index - 1]
        named = {e.claimant.name for e in before}
        if before and len(named) == 1 and all(e.attributed for e in before):
            d.claimant, d.attributed = before[0].claimant, True
            d.hedges.extend(h for h in before[0].hedges if h not in d.hedges)


#: The sentences of a report's opening: its headline and lead, which state the same news.
_OPENING = 3


def _attribute_repeats(drafts: Sequence[Statement]) -> None:
    """A figure the report states without a source (a headline, a lead) and elsewhere with one
    ("52 killed …" then "52 people were killed, officials said") is that source's: the same
    outcome and count said by one claimant only, or, for a headline's figure that several
    sources give, the one the lead gives it. Hedges of the attributed statement follow."""
    sources: dict[tuple[str, int, int | None], set[str]] = {}
    said: dict[tuple[str, int, int | None], Statement] = {}
    for d in drafts:
        if d.attributed and d.figure.outcome:
            count = d.figure.mention.count  # ``Figure.count`` differs from it only by ``stated``
            key = (d.figure.outcome, count.low, count.high)
            sources.setdefault(key, set()).add(d.claimant.name or d.claimant.text)
            said.setdefault(key, d)
    for d in drafts:
        if d.attributed or not d.figure.outcome:
            continue
        count = d.figure.mention.count
        key = (d.figure.outcome, count.low, count.high)
        first = said.get(key)
        lead = first is not None and d.sentence_index == 0 and 0 < first.sentence_index < _OPENING
        if len(sources.get(key, ())) == 1 or lead:
            source = said[key]
            d.claimant, d.attributed = source.claimant, True
            d.hedges.extend(h for h in source.hedges if h not in d.hedges)


#: How many sentences back a restated figure looks for the source credited with figures.
_CREDIT_REACH = 2


def _attribute_restatements(
    drafts: Sequence[Statement],
    sentences: Sequence[tuple[int, int]],
    credits: dict[int, list[tuple[int, Claimant]]],
) -> None:
    """A figure a sentence restates as another voice's ("HRW believes the reported numbers of
    471 dead …"), still without a source after the repeats, is the voice the report last
    credited with figures ("the casualty figures provided by the ministry"), at most
    :data:`_CREDIT_REACH` sentences back, when one voice is credited there."""
    for d in drafts:
        if d.attributed or not d.restated:
            continue
        at = sentences[d.sentence_index][0] + d.figure.mention.start
        for index in range(d.sentence_index, d.sentence_index - _CREDIT_REACH - 1, -1):
            named = [c for pos, c in credits.get(index, ()) if pos < at]
            if named:  # the nearest credit decides: one voice, or several and none
                voice = _one_voice(named)
                if voice is not None:
                    d.claimant, d.attributed = voice, True
                break


def _attribute_split_sentences(
    drafts: Sequence[Statement],
    text: str,
    sentences: Sequence[tuple[int, int]],
    voices: dict[int, list[tuple[int, Claimant]]],
) -> None:
    """A sentence that starts in lower case goes on with the one before (a stray full stop cut
    it: "… killing at least 52 in an attack on a crowd. by women and children …, officials
    said."): its one voice is the voice of the figures before it that have none."""
    for index in range(1, len(sentences)):
        a, b = sentences[index]
        opening = text[a:b].lstrip(" \"'“‘(")
        if not opening[:1].islower() or "\n" in text[sentences[index - 1][1] : a]:
            continue
        voice = _one_voice(c for _, c in voices.get(index, ()))
        if voice is None:
            continue
        for d in drafts:
            if d.sentence_index == index - 1 and not d.attributed:
                d.claimant, d.attributed = voice, True


#: How many sentences a voice's account may run past a figure on either side.
_ACCOUNT_REACH = 2


def _attribute_between(
    drafts: Sequence[Statement],
    sentences: Sequence[tuple[int, int]],
    voices: dict[int, list[tuple[int, Claimant]]],
) -> None:
    """A figure without a source inside one voice's account (that voice named in a sentence
    just before it and referred back to just after it by a pronoun or a surname, no other voice
    between) is that voice's: "According to him, 420 bodies were found in the town. In one
    day, officers took 48 bodies to the morgues. Speaking of identification, he noted …"."""
    for d in drafts:
        if d.attributed or voices.get(d.sentence_index):
            continue  # its own sentence names a voice, and does not give it the figure
        i = d.sentence_index
        before = [voices.get(j, []) for j in range(max(0, i - _ACCOUNT_REACH), i)]
        after = [
            voices.get(j, []) for j in range(i + 1, min(len(sentences), i + 1 + _ACCOUNT_REACH))
        ]
        last = next((v for v in reversed(before) if v), None)
        first = next((v for v in after if v), None)
        if not last or not first:
            continue
        names = {c.name for _, c in last} | {c.name for _, c in first}
        going_on = all(len(c.text.split()) == 1 for _, c in first)  # "he noted", "Lund said"
        if len(names) == 1 and going_on:
            d.claimant, d.attributed = last[0][1], True
