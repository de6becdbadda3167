"""A claim's evidence for the terminal: the figure and the outcome word highlighted, Arabic set
right to left.

Terminals that implement the Unicode bidirectional algorithm lay out an Arabic sentence right
to left once it is isolated as one (RLI … PDI); the line is also right-aligned. Offsets come from
the claim's evidence, so the highlighted spans are exactly the figure and trigger it records.
"""

from __future__ import annotations

from rich.text import Text

from warmonitor.display import neutralise_bidi
from warmonitor.gazetteer.arabic import right_to_left
from warmonitor.model import Claim

__all__ = ["evidence_text"]

_RLI, _PDI = "\u2067", "\u2069"


def evidence_text(claim: Claim) -> Text:
    """The evidence sentence with its figure (bold, reversed) and trigger (underlined)."""
    ev = claim.evidence
    text = Text(neutralise_bidi(ev.sentence))  # the sentence's own controls shown as U+FFFD
    for span, style in ((ev.figure, "bold reverse"), (ev.trigger, "bold underline")):
        if span is not None:
            a, b = span[0] - ev.start, span[1] - ev.start
            if 0 <= a < b <= len(ev.sentence):
                text.stylize(style, a, b)
    if right_to_left(ev.sentence):
        text = Text(_RLI) + text + Text(_PDI)
        text.justify = "right"
    return text
