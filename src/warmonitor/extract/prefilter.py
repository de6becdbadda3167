"""Where a report needs the model, and where a list of patterns needs running.

The model: the token windows around the names that may be places.

The extractor reads figures, claimants, hedges and dates with its own grammar; the English
model's named entities serve two things only: whether a gazetteer name is a place, a person or
part of a date (``places``), and the names of a report's event (``headline.event``). A
prediction (``warmonitor extract``) has no event, so the model is needed only where a place
can be: around each name the gazetteer knows (the gazetteer's scan is exact and cheap) whose
label the place reader reads (``places.reads_label``: not a country, a demonym, a well-known
place or a name the text calls a place or puts something in). Every other token is read
without it.

A window reaches :data:`REACH` tokens either side of a name, past sentence breaks as the
whole document's parse does: the model's token encoder sees four tokens either side and its
entity parser looks a token or two further back, so the labels it gives a name inside its
window are those it gives it in the whole document (not a proof: the parser's state runs from
the start of its input; on the development sets every prediction is the same, byte for byte).
Windows that touch are one.

After a name, a window needs less: every label the model gives a token is decided at that
token, from the encoder's vectors of it and of tokens before it (the entity parser's features
are the next token, the first token of the open entity and the token before), and the vector of
a token reads :data:`AFTER` tokens either side; an action's validity looks one token ahead.
So with the left part of a window as before, the labels of a name's tokens are the same with
:data:`AFTER` tokens after it as with :data:`REACH` (windows are still merged where their
:data:`REACH` would touch, so every name keeps the context on its left it had). What the cut
can change is where an entity over a name ends once past it: the extractor reads that end for
a date or time (whether it holds a digit), so a window where a date or time over a name goes
on past the name is read again whole (``extract.component``).

The patterns: a sentence in which no pattern of a list can match is told by one search of
their union (:func:`union`), so the list is run only on the few sentences that may hold one
(outcome triggers, hedges). Pure: no spaCy, no I/O.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

__all__ = ["AFTER", "REACH", "model_windows", "union"]

#: Tokens of context either side of a name the model reads: the encoder's reach (4) and one,
#: so that the token before a name, which the entity parser reads, has its whole context too
#: (at 4, 5 and 6 the development sets' predictions are those of the whole parse).
REACH = 5
#: Tokens after a name the model must read for the name's labels: the reach of the encoder of
#: ``en_core_web_sm``'s NER (four layers of one token either side), which covers the parser's
#: one token of look-ahead.
AFTER = 4


def model_windows(
    token_starts: Sequence[int],
    names: Sequence[tuple[int, int]],
    reach: int = REACH,
    after: int | None = None,
) -> list[tuple[int, int]]:
    """Token windows ``[first, last)`` for the model: ``reach`` tokens either side of each
    name's tokens, windows that overlap or touch merged, in order; with ``after``, each window
    then ends ``after`` tokens past its last name (merged as with ``reach`` all the same).

    ``token_starts`` are the tokens' character offsets, ascending; ``names`` character spans
    (``start``, ``end``). No names, no windows."""
    count = len(token_starts)
    if not count or not names:
        return []
    tail = reach if after is None else min(after, reach)
    spans = []
    for start, end in names:
        first = max(bisect.bisect_right(token_starts, start) - 1, 0)  # the token holding start
        last = max(bisect.bisect_left(token_starts, end), first + 1)  # the first after end
        spans.append((max(first - reach, 0), min(last + reach, count), min(last + tail, count)))
    spans.sort()
    merged = [list(spans[0])]
    for a, b, cut in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
            merged[-1][2] = max(merged[-1][2], cut)
        else:
            merged.append([a, b, cut])
    return [(a, cut) for a, _b, cut in merged]


_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P[<=]")


def union(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` matches (each a non-capturing
    alternative): where it finds nothing, none of them would. The patterns share their flags
    and refer to no group (numbers would shift in the union): else ``ValueError``."""
    listed = list(patterns)
    flags = {p.flags for p in listed}
    if len(flags) > 1:
        raise ValueError("patterns with different flags have no union")
    for p in listed:
        if _GROUP_REFERENCE.search(p.pattern):
            raise ValueError(f"a pattern that refers to a group has no union: {p.pattern!r}")
    return re.compile("|".join(f"(?:{p.pattern})" for p in listed), flags.pop() if flags else 0)
