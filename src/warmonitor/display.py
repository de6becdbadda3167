"""Text shown to people, safe from bidirectional spoofing.

Stored text keeps every character as its source wrote it (it is evidence). The explicit
bidirectional controls — embeddings and overrides (U+202A–U+202E) and isolates
(U+2066–U+2069) — can make a display read otherwise than the text ("killed ‮21‬" shown as
"killed 12", words of a sentence shown in reverse order: the "Trojan Source" trick), so
every human display (the CLI's consoles, the desk's pages) shows each as U+FFFD, one
character for one, which keeps the offsets of evidence spans. Machine outputs (JSON, CSV,
the API) carry the text as stored. The marks U+200E/U+200F/U+061C are ordinary strong
characters and are kept.
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "neutralise_bidi"]

#: LRE RLE PDF LRO RLO, LRI RLI FSI PDI.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A search, not str.translate: translate maps character by character in Python's slow path
# once a text holds anything but ASCII (a page's JSON of thousands of names: tens of ms).
_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralise_bidi(text: str) -> str:
    """``text`` with each explicit bidirectional control as U+FFFD (same length)."""
    return _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text
