"""Victims whose status (kidnapped, detained) a sentence gives before it tells of their death.

"kidnapped eight men and killed them", "forced seven men outside and killed them", "six men who
were kidnapped last week have been killed": the figure is a killed figure, and the status stays a
claim of its own where the sentence states it. Pure string code, used by ``sentence.py``.
"""

from __future__ import annotations

import re

from warmonitor.extract.figures.figure import Figure
from warmonitor.extract.outcomes import Trigger, bind_left

__all__ = ["killed_them", "relative_kills", "then_killed"]


_THEN_KILLED = re.compile(
    r"[^.;]{0,80}?\b(?:and|before|then|later|after which)\s+(?:(?:then|later|subsequently|"
    r"were|was|had been|have been|all)\s+)*(?:killed|executed|murdered|beheaded|shot dead|"
    r"shot|slain)\b",
    re.I,
)


_STATUS_NOUNS = frozenset({"hostages", "detainees"})
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s")  # a semicolon, a colon or a full stop


_OWN_OBJECT = re.compile(
    r"\s+(?:an?|the|their|his|her|its|\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens|several|scores|hundreds|many|some)\b",
    re.I,
)


_KILLED_THEM = re.compile(
    r"[^.;]{0,120}?\band\s+(?:(?:then|later|have|had|has)\s+)*(?:killed|shot|beat|hacked|"
    r"stabbed|executed|beheaded|murdered)\s+them(?:\s+(?:dead|to death|all))?\b",
    re.I,
)


def killed_them(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> None:
    """ "forced seven men outside and killed them", "took two teachers … and shot them dead"."""
    for fig in figures:
        if fig.outcome is not None:
            continue
        m = _KILLED_THEM.match(sentence, fig.victims.end)
        if m:
            kill = next(
                (
                    t
                    for t in triggers
                    if t.outcome == "killed" and m.start() <= t.start and t.end <= m.end()
                ),
                None,
            )
            if kill is not None:
                fig.outcome, fig.trigger = "killed", kill


def then_killed(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> list[Figure]:
    """ "kidnapped eight men and killed them", "it had killed seven hostages": killed wins.

    A figure bound to a status (kidnapped, detained) whose victims the same sentence then
    kills, or that a killing verb directly governs, is a killed figure; the status of the
    victims ("abducted and killed") stays a claim of its own.
    """
    kept: list[Figure] = []
    for fig in figures:
        t = fig.trigger
        if t is None or fig.outcome not in ("kidnapped", "detained", "missing"):
            continue
        if t.text.lower() in _STATUS_NOUNS:
            for k in reversed(triggers):
                if k.end <= fig.mention.start and k.outcome == "killed" and k.role != "before":
                    if bind_left(sentence[k.end : fig.mention.start]):
                        fig.outcome, fig.trigger = "killed", k
                    break
            continue
        m = _THEN_KILLED.match(sentence, max(t.end, fig.victims.end))
        if m and not _OWN_OBJECT.match(sentence, m.end()):
            kill = next(
                (
                    k
                    for k in triggers
                    if k.outcome == "killed" and k.start >= m.start() and k.end <= m.end() + 1
                ),
                None,
            )
            if kill is not None:
                kept.append(Figure(fig.mention, fig.victims, fig.outcome, fig.trigger))
                fig.outcome, fig.trigger = "killed", kill
    return sorted(figures + kept, key=lambda f: (f.mention.start, f.outcome != "killed"))


_WHO = re.compile(r"(?:\s+(?:from|of|in)\s+[^,;.()]{1,40}?)?\s*,?\s*who\b", re.I)
_MAIN_PASSIVE = re.compile(
    r"\b(?:were|have been|had been|are)\s+(?:(?:\w+ly|later|also|all|then|subsequently|"
    r"since)\s+)*$",
    re.I,
)


def relative_kills(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> list[Figure]:
    """ "six men who were kidnapped last week have been killed": killed, and still kidnapped."""
    kept: list[Figure] = []
    for fig in figures:
        if fig.outcome not in ("kidnapped", "detained", "missing"):
            continue
        kill = _relative_kill(sentence, fig, figures, triggers)
        if kill is not None:
            kept.append(Figure(fig.mention, fig.victims, fig.outcome, fig.trigger))
            fig.outcome, fig.trigger = "killed", kill
    if not kept:
        return figures
    return sorted(figures + kept, key=lambda f: (f.mention.start, f.outcome != "killed"))


def _relative_kill(
    sentence: str, fig: Figure, figures: list[Figure], triggers: list[Trigger]
) -> Trigger | None:
    """The killing of a subject whose status a relative clause gives: "six policemen who were
    kidnapped at the weekend have been killed", "two officials who were abducted were found
    dead"."""
    t = fig.trigger
    if t is None or not _WHO.match(sentence, fig.victims.end):
        return None
    for k in triggers:
        if k.start <= t.end or k.outcome != "killed" or k.role not in ("both", "before"):
            continue
        if k.start - t.end > 200 or _CLAUSE_BREAK.search(sentence[t.end : k.start]):
            return None
        if any(t.end <= f.mention.start < k.start for f in figures):
            return None
        return k if _MAIN_PASSIVE.search(sentence, t.end, k.start) else None
    return None
