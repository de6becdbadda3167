"""Parts of a figure in one sentence: "including six civilians", "six people, two of them
children", "six civilians were among 22 people killed", "the dead included …".

Sets ``Figure.part_of`` (a total of the same sentence) or ``part_of_previous`` (a total of an
earlier one) and gives a part its total's outcome. Pure string code, used by ``sentence.py``.
"""

from __future__ import annotations

import re

from warmonitor.extract.figures.figure import Figure
from warmonitor.extract.outcomes import bind_right, find_triggers
from warmonitor.extract.victims import VictimPhrase, group_of

__all__ = [
    "AGENT_BEFORE",
    "BARE_COMMA",
    "COORD",
    "PARTS_SENTENCE",
    "PART_AFTER",
    "PART_CUE",
    "SPEAKER_AFTER",
    "find_parts",
]


PART_CUE = re.compile(
    r"(?:\bincluding|\bincluded|\binclude|\bamong(?:st)? (?:them|whom|those|the (?:dead|victims|"
    r"killed|wounded|injured|casualties))|\bof (?:whom|them)|\bmost of them|\bmostly|"
    r"\bcomprising|\bconsisting of|\bbreakdown|\bthey (?:were|are)|\bnamely)\W*"
    r"(?:(?!were\b|was\b|killed\b|wounded\b|injured\b|died\b)\w+\W+){0,3}$",
    re.I,
)


PARTS_SENTENCE = re.compile(
    r"^\W*(?:the|those|these|that)?\s*(?:casualties|dead|victims|fatalities|deaths|killed|"
    r"those killed|toll|wounded|injured|death toll)\s+(?:included?|were|comprised|consisted|"
    r"includes)\b",
    re.I,
)


_AMONG_AFTER = re.compile(
    r"\b(?:were|was|are|is)?\s*(?:also\s+)?among\s+(?:the\s+|those\s+)?$", re.I
)


COORD = re.compile(r"^\s*(?:,|and|as well as|plus|,\s*and|and another|along with)\s*$", re.I)


_OF_THEM_WERE = re.compile(
    r"^\s*(?:of (?:them|whom)\s+)?(?:were|are|was)\s+"
    r"((?:[a-z\-]+\s+){0,2}[a-z\-]+)",
    re.I,
)


BARE_COMMA = re.compile(r"\s*,\s*$")
# "… wounded five others, two security sources told Reuters": the count is the speaker.
SPEAKER_AFTER = re.compile(
    r"\s*(?:(?:have|has|had)\s+)?(?:told|said|say|says|saying|reported|confirmed|added)\b", re.I
)
# "hacked to death by two assailants …, and his wife was injured": the agent is no victim.
AGENT_BEFORE = re.compile(r"\bby\s+$", re.I)
# "two of them children": a part of the figure before
PART_AFTER = re.compile(r"\s*(?:of (?:them|whom)|among them)\b", re.I)


# "one security officer among them were killed": a part; not "68 others, among them 15 …",
# where the figure after "among them" is the part.
_AMONG_THEM = re.compile(
    r"\s*(?:were\s+|was\s+)?among\s+(?:them|those|the dead|the victims)\b"
    r"(?!\s*,?\s*(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|dozens))",
    re.I,
)


def _apposed_parts(sentence: str, figures: list[Figure]) -> None:
    """ "Six people, two Turkish nationals and four Somalis, were killed": a list in apposition
    to a total, whose counts add up to it, is its parts."""
    for i, total in enumerate(figures):
        t, n = total.trigger, total.count
        if t is None or n.high != n.low or total.part_of is not None:
            continue
        j, parts, dashed = i + 1, list[Figure](), False
        while j < len(figures) and figures[j].trigger is t:
            sep = sentence[(parts[-1] if parts else total).victims.end : figures[j].mention.start]
            if not parts and _DASH.fullmatch(sep):
                dashed = True
            elif not (BARE_COMMA.match(sep) if not parts else COORD.match(sep)):
                break
            parts.append(figures[j])
            j += 1
        # "98 people – 36 men, 16 children and 46 women – were": between dashes, a list that
        # may leave some out (the sum at most the total); between commas, one that adds up.
        closing = sentence[parts[-1].victims.end : t.start].lstrip() if parts else ""
        if (
            len(parts) > 1
            and t.start > parts[-1].victims.end
            and closing.startswith(("–", "—", "-") if dashed else (",",))
            and all(p.count.high == p.count.low for p in parts)
            and (
                sum(p.count.low for p in parts) <= n.low
                if dashed
                else sum(p.count.low for p in parts) == n.low
            )
        ):
            for p in parts:
                p.part_of = i


_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")


# "11 injured, four seriously": a count whose only words are a degree is part of the last.
_DEGREE = re.compile(r"(?:of them\s+)?(?:seriously|critically|severely|badly|gravely)", re.I)
_DEGREE_END = re.compile(r"\s*(?:[,;:.)]|and\b|$)", re.I)
_DEGREE_GAP = re.compile(r"[^,;.()]{0,40},\s*")


def _degree_parts(sentence: str, figures: list[Figure]) -> None:
    """ "14 injured, three seriously": the degree's count is part of the figure before it."""
    for i in range(1, len(figures)):
        fig, total = figures[i], figures[i - 1]
        if (
            total.outcome
            and _DEGREE.fullmatch(fig.victims.text.strip())
            and _DEGREE_END.match(sentence, fig.victims.end)
            and _DEGREE_GAP.fullmatch(sentence, total.mention.end, fig.mention.start)
        ):
            fig.part_of, fig.outcome, fig.trigger = i - 1, total.outcome, total.trigger


def find_parts(sentence: str, figures: list[Figure]) -> None:
    """Mark the parts of the sentence's totals ("including six civilians", "two of them
    children", "six civilians were among 22 people killed") and bind the parts of a total."""
    _degree_parts(sentence, figures)
    _apposed_parts(sentence, figures)
    parts_sentence = bool(PARTS_SENTENCE.match(sentence))
    for i, fig in enumerate(figures):
        if fig.part_of is not None:
            continue
        before = sentence[figures[i - 1].victims.end if i else 0 : fig.mention.start]
        after_cue = _AMONG_THEM.match(sentence, fig.victims.end) or (
            before.rstrip().endswith((",", "-", "–", "—"))
            and PART_AFTER.match(sentence, fig.mention.end)
        )
        if i and (PART_CUE.search(before) or after_cue) and figures[i - 1].outcome:
            total_idx = _total_before(figures, i)
            if total_idx is not None:
                total = figures[total_idx]
                fig.part_of = total_idx
                if fig.outcome is None or (fig.trigger is total.trigger):
                    fig.outcome, fig.trigger = total.outcome, total.trigger
                continue
        total_of_prev = figures[i - 1].part_of if i else None
        if (
            total_of_prev is not None
            and COORD.match(gap := sentence[figures[i - 1].victims.end : fig.mention.start])
            and (
                fig.outcome is None
                or (fig.trigger is figures[total_of_prev].trigger and not BARE_COMMA.match(gap))
            )
        ):
            fig.part_of, fig.outcome = figures[i - 1].part_of, figures[i - 1].outcome
            continue
        if (
            fig.outcome is None
            and i + 1 < len(figures)
            and _AMONG_AFTER.search(sentence[fig.victims.end : figures[i + 1].mention.start])
        ):
            fig.part_of = i + 1
            fig.outcome = figures[i + 1].outcome
            if fig.outcome is None:
                _bind_late(sentence, figures, i + 1)
                fig.outcome = figures[i + 1].outcome
            continue
        if parts_sentence and fig.outcome is None:
            fig.part_of_previous = True
            fig.outcome = _parts_outcome(sentence)
        if fig.victims.group == "people":
            m = _OF_THEM_WERE.match(sentence[fig.victims.end :])
            if m and group_of(m.group(1)) != "people":
                fig.victims = VictimPhrase(
                    m.group(1), fig.victims.end, group_of(m.group(1)), fig.victims.side
                )
                if fig.outcome is None and i:
                    total_idx = _total_before(figures, i)
                    if total_idx is not None:
                        fig.part_of = total_idx
                        fig.outcome = figures[total_idx].outcome
                elif fig.outcome is None:
                    fig.part_of_previous = True
                    fig.outcome = "killed"


def _bind_late(sentence: str, figures: list[Figure], i: int) -> None:
    fig = figures[i]
    triggers = find_triggers(sentence[fig.victims.end :])
    if (
        triggers
        and triggers[0].role in ("both", "before")
        and bind_right(sentence[fig.victims.end : fig.victims.end + triggers[0].start])
    ):
        fig.outcome = triggers[0].outcome


def _total_before(figures: list[Figure], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if figures[j].outcome and figures[j].part_of is None:
            return j
    return None


_HURT = re.compile(r"\b(?:wounded|injured)\b")


def _parts_outcome(sentence: str) -> str:
    low = sentence.lower()
    if _HURT.search(low[:40]):
        return "injured"
    return "killed"
