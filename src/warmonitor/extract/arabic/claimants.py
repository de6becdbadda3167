"""Who speaks in an Arabic report: a registry actor named by its Arabic names, an unnamed
source ("مصادر محلية"، "مصدر طبي"), or the outlet itself.

The actor registry's Arabic names (``languages.ar``) are folded and found in the sentence; the
one nearest an attribution word ("بحسب"، "وفق"، "قال"، "وثق") is the figure's voice, so "بحسب
المرصد السوري لحقوق الإنسان" and "the Syrian Observatory said" name one actor.
"""

from __future__ import annotations

import functools
import re

from warmonitor.actors import ActorRegistry
from warmonitor.extract.arabic.lexicon import ATTRIBUTION, word
from warmonitor.gazetteer.arabic import ARABIC_LETTER, fold
from warmonitor.model import Claimant

__all__ = ["find_voice", "short_names"]

_UNNAMED = re.compile(
    word(
        "مصادر محلية", "مصدر محلي", "مصادر طبية", "مصدر طبي", "مصادر أهلية", "مصادر ميدانية",
        "مصدر عسكري", "مصادر عسكرية", "مصادر خاصة", "مصدر خاص", "ناشطون", "ناشطين", "شهود عيان",
        "مصادر إعلامية", "مصادر مطلعة", "مصدر مطلع", "مصادر محلية متطابقة",
    )
)  # fmt: skip
_REACH = 60  # characters between an attribution word and the voice it introduces


@functools.cache
def _actor_names() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(folded Arabic name pattern, canonical name, kind), longest names first."""
    found: list[tuple[str, str, str]] = []
    for actor in ActorRegistry.default():
        for name in actor.names:
            if ARABIC_LETTER.search(name):
                found.append((fold(name), actor.name, actor.kind))
    found.sort(key=lambda t: -len(t[0]))
    return tuple((re.compile(word(n)), canonical, kind) for n, canonical, kind in found)


def short_names(text: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """Within one document, an actor it names in full is also its name's head ("المرصد" after
    "المرصد السوري لحقوق الإنسان", "الدفاع المدني" after "الدفاع المدني السوري")."""
    out = []
    for rx, canonical, kind in _actor_names():
        m = rx.search(text)
        if m is None:
            continue
        words = m.group().split()
        head = words[0] if words[0].startswith("ال") and len(words) > 1 else None
        if len(words) > 2 and words[1].startswith("ال"):
            head = " ".join(words[:2])
        if head:
            out.append((re.compile(word(head)), canonical, kind))
    return tuple(out)


def find_voice(
    sentence: str, position: int, short: tuple[tuple[re.Pattern[str], str, str], ...] = ()
) -> Claimant | None:
    """The voice of a figure at ``position`` of a folded sentence: a named actor or an unnamed
    source the sentence attributes it to, else ``None`` (the outlet's own). ``short``: the
    document's short names of the actors it names in full (:func:`short_names`)."""
    cues = [m.end() for m in ATTRIBUTION.finditer(sentence)]
    if not cues:
        return None
    named: list[tuple[int, Claimant]] = []
    taken: list[tuple[int, int]] = []
    for rx, canonical, kind in (*_actor_names(), *short):
        for m in rx.finditer(sentence):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            if any(0 <= m.start() - c <= _REACH for c in cues):
                named.append((m.start(), Claimant(canonical, sentence[m.start() : m.end()], kind)))
    for m in _UNNAMED.finditer(sentence):
        if any(0 <= m.start() - c <= _REACH for c in cues) or any(
            0 <= c - m.end() <= 20 for c in cues
        ):
            text = m.group().strip()
            named.append((m.start(), Claimant(text, text, "unnamed")))
    if not named:
        return None
    return min(named, key=lambda pc: abs(pc[0] - position))[1]
