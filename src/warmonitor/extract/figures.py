"""Figures in one sentence: which counts are casualty figures, their outcome, victims and parts.

A *figure* is a count bound to an outcome trigger ("at least 200 … were killed", "killing 5")
or joined to a bound figure by coordination ("three soldiers and two civilians were killed") or
by a parts frame ("including 745 civilians", "the casualties included …", "six civilians were
among 22 people killed"). Pure string code on one sentence; ``claims.py`` assembles documents.
"""

from __future__ import annotations

import re

from warmonitor.extract.conjuncts import and_one, object_chain, subject_chain
from warmonitor.extract.counts import find_counts
from warmonitor.extract.figure import Figure
from warmonitor.extract.outcomes import (
    Trigger,
    bind_left,
    bind_right,
    bind_toll,
    find_triggers,
)
from warmonitor.extract.singulars import ANIMALS, find_singulars
from warmonitor.extract.victims import VictimPhrase, group_of, victim_phrase

__all__ = ["Figure", "find_figures"]


_AUX = re.compile(r"\b(?:were|was|are|is|been|be|being|got|get)\b", re.I)


_OBJECT_AFTER = re.compile(
    r"^\s*(?:at least|more than|over|some|about|around|nearly|almost|up to|as many as|"
    r"dozens|scores|hundreds|thousands|several|\d|the\b|a\b|an\b|his\b|her\b|their\b|its\b|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|one\b|"
    r"civilians|people|soldiers|members|police|troops|villagers|residents|children|women|"
    r"fighters|militants|rebels|insurgents)",
    re.I,
)


_PART_CUE = re.compile(
    r"(?:\bincluding|\bincluded|\binclude|\bamong (?:them|whom|those|the (?:dead|victims|"
    r"killed|wounded|injured|casualties))|\bof (?:whom|them)|\bmost of them|\bmostly|"
    r"\bcomprising|\bconsisting of|\bbreakdown|\bthey (?:were|are)|\bnamely)\W*"
    r"(?:(?!were\b|was\b|killed\b|wounded\b|injured\b|died\b)\w+\W+){0,3}$",
    re.I,
)


_PARTS_SENTENCE = re.compile(
    r"^\W*(?:the|those|these|that)?\s*(?:casualties|dead|victims|fatalities|deaths|killed|"
    r"those killed|toll|wounded|injured|death toll)\s+(?:included?|were|comprised|consisted|"
    r"includes)\b",
    re.I,
)


_AMONG_AFTER = re.compile(
    r"\b(?:were|was|are|is)?\s*(?:also\s+)?among\s+(?:the\s+|those\s+)?$", re.I
)


_COORD = re.compile(r"^\s*(?:,|and|as well as|plus|,\s*and|and another|along with)\s*$", re.I)


_CUMULATIVE = re.compile(
    r"(?:\b(?:toll|tally|number of (?:dead|deaths|people killed|victims)|deaths?)\b[^.;]{0,40}"
    r"\b(?:rose|risen|rising|climbed|increased|jumped|reached|has hit|hit|now stands|stands|"
    r"stood|mounted|topped|passed|surpassed|revised|raised|adjusted|updated)\b|"
    r"\b(?:rose|risen|climbed|increased|jumped|raised|revised(?: up)?) to|"
    r"\bbringing (?:the|to)\b[^.;]{0,30})[^.;]{0,25}$",
    re.I,
)


_OF_THEM_WERE = re.compile(
    r"^\s*(?:of (?:them|whom)\s+)?(?:were|are|was)\s+"
    r"((?:[a-z\-]+\s+){0,2}[a-z\-]+)",
    re.I,
)


def find_figures(sentence: str) -> list[Figure]:
    """The casualty figures of one sentence, in order of appearance."""
    triggers = find_triggers(sentence)
    if not triggers and not _PARTS_SENTENCE.match(sentence):
        return []
    mentions = [m for m in find_counts(sentence) if m.kind == "count"]
    starts = sorted([t.start for t in triggers] + [m.start for m in mentions])
    figures = [
        Figure(m, victim_phrase(sentence, m.end, _next_after(starts, m.end))) for m in mentions
    ]
    for i, fig in enumerate(figures):
        _bind(
            sentence,
            fig,
            triggers,
            figures[i + 1].mention.start if i + 1 < len(figures) else len(sentence),
        )
    _head_of(sentence, figures)
    figures = _then_killed(sentence, figures, triggers)
    _killed_them(sentence, figures, triggers)
    _long_passive(sentence, figures, triggers)
    figures = find_singulars(sentence, triggers, figures)
    _coordinate(sentence, figures)
    _updates(sentence, figures)
    figures = and_one(sentence, figures)
    figures = object_chain(sentence, figures)
    figures = subject_chain(sentence, figures, triggers)
    _parts(sentence, figures)
    for fig in figures:
        if fig.outcome and not fig.cumulative:
            before = sentence[max(0, fig.mention.start - 80) : fig.mention.start]
            fig.cumulative = bool(_CUMULATIVE.search(before))
    seen: set[tuple[int, str | None]] = set()
    keep = []
    for f in figures:
        key = (f.mention.start, f.outcome)
        if (
            f.outcome is not None
            and key not in seen
            and not _animals(f.victims.text, sentence[f.victims.end : f.victims.end + 40])
        ):
            seen.add(key)
            keep.append(f)
    # re-index part_of after filtering
    index = {id(f): k for k, f in enumerate(keep)}
    for f in keep:
        if f.part_of is not None:
            total = figures[f.part_of]
            f.part_of = index.get(id(total))
    return keep


_THEN_KILLED = re.compile(
    r"[^.;]{0,80}?\b(?:and|before|then|later|after which)\s+(?:(?:then|later|subsequently|"
    r"were|was|had been|have been|all)\s+)*(?:killed|executed|murdered|beheaded|shot dead|"
    r"shot|slain)\b",
    re.I,
)


_STATUS_NOUNS = frozenset({"hostages", "detainees"})


_OWN_OBJECT = re.compile(
    r"\s+(?:an?|the|their|his|her|its|\d|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens|several|scores|hundreds|many|some)\b",
    re.I,
)


_KILLED_THEM = re.compile(
    r"[^.;]{0,120}?\band\s+(?:(?:then|later|have|had|has)\s+)*(?:killed|shot|beat|hacked|"
    r"stabbed|executed|beheaded|murdered)\s+them(?:\s+(?:dead|to death|all))?\b",
    re.I,
)


def _killed_them(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> None:
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


def _then_killed(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> list[Figure]:
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


def _animals(text: str, after: str = "") -> bool:
    """True when a victim phrase's head noun is an animal ("a dozen of their livestock",
    "25 heads of cattle")."""
    words = text.split()
    if words and ANIMALS.fullmatch(words[-1].strip(".,").lower()):
        return True
    return bool(
        re.match(r"\s*(?:heads? )?of (?:their |the )?(?:\w+ )?" + ANIMALS.pattern, after, re.I)
    )


def _next_after(starts: list[int], pos: int) -> int | None:
    for s in starts:
        if s >= pos:
            return s
    return None


# "57 Civilians killed 150 Injured": a headline's pair of figures, not a verb and its object.
_HEADLINE_PAIR = re.compile(r"\s*\d[\d,]*\s+(?:others?\s+)?(?:injured|wounded|hurt)\b", re.I)


def _bind(sentence: str, fig: Figure, triggers: list[Trigger], next_start: int) -> None:
    m, vp = fig.mention, fig.victims
    # right: "5 people were killed", "12 dead", "30 deaths"
    for t in triggers:
        if t.start < vp.end:
            continue
        if t.start > next_start:
            break  # another figure stands between
        if t.role in ("before", "both"):
            between = sentence[vp.end : t.start]
            if bind_right(between) and not (
                t.role == "both"
                and not _AUX.search(between)
                and _OBJECT_AFTER.match(sentence[t.end :])
                and not _HEADLINE_PAIR.match(sentence, t.end)
            ):
                fig.outcome, fig.trigger = t.outcome, t
                return
        break
    # left: "killing 5", "killed 5 people", "death toll rose to 12"
    for t in reversed(triggers):
        if t.end > m.start:
            continue
        between = sentence[t.end : m.start]
        if t.role in ("after", "both") and (
            bind_left(between) or ("toll" in t.text.lower() and bind_toll(between))
        ):
            fig.outcome, fig.trigger = t.outcome, t
        return


_PASSIVE_END = re.compile(
    r"\b(?:were|was|(?:have|has|had)(?: \w+ly| also| now| since)? been|are|are being|"
    r"were being|be|got)\s+"
    r"(?:(?:reportedly|allegedly|also|all|later|yesterday|today|early|late|on|last|this|"
    r"\w+day|night|morning|afternoon|evening|overnight|subsequently|eventually|feared|"
    r"believed|confirmed|said|to|have|been|be|weekend|\w+ed and|<b>)\s+){0,5}$",
    re.I,
)


_LONG_REACH = 220
_INCLUDING_DIED = re.compile(
    r"\s*,?\s*(?:including|among them)\s+(?:an?|one|two|three|his|her|their)\b[^,;:.]{0,60}?"
    r"(?:\s+(?:later|also|reportedly|all|have|had|has))*\s*$",
    re.I,
)


_SINGULAR_ONLY = re.compile(r"(?:was|has been)\b", re.I)


def _long_passive(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> None:
    """ "Ten residents of X, including the police chief, have been killed": a long subject."""
    for i, fig in enumerate(figures):
        if fig.outcome is not None:
            continue
        nxt = next((t for t in triggers if t.start >= fig.victims.end), None)
        if (
            nxt is None
            or nxt.role not in ("both", "before")
            or (nxt.start - fig.victims.end > _LONG_REACH)
        ):
            continue
        between = sentence[fig.victims.end : nxt.start]
        aux = _PASSIVE_END.search(between)
        if nxt.role == "before" and _INCLUDING_DIED.match(between):
            pass  # "three civilians including a child died": no auxiliary to a death verb
        elif not aux or (fig.count.low > 1 and _SINGULAR_ONLY.match(aux.group(0))):
            continue  # "hundreds of people, including a vendor who was killed": not theirs
        later = [
            f
            for f in figures[i + 1 :]
            if f.mention.start < nxt.start and not _bracketed(sentence, f.mention.start)
        ]
        if not _all_parts(sentence, fig, later):
            continue
        fig.outcome, fig.trigger = nxt.outcome, nxt


def _all_parts(sentence: str, fig: Figure, later: list[Figure]) -> bool:
    """True when every figure inside a long subject is a part of it ("68 others, among them
    15 police and 12 soldiers"): the first after a part cue, the rest coordinated with it."""
    previous: Figure | None = None
    for f in later:
        if previous is None:
            if not _PART_CUE.search(sentence[fig.victims.end : f.mention.start]):
                return False
        elif not _COORD.match(sentence[previous.victims.end : f.mention.start]):
            return False
        previous = f
    return True


def _bracketed(sentence: str, pos: int) -> bool:
    """True inside an aside: "(also a lower estimate of 16)", "[later 10]"."""
    opened = max(sentence.rfind("(", 0, pos), sentence.rfind("[", 0, pos))
    closed = max(sentence.rfind(")", 0, pos), sentence.rfind("]", 0, pos))
    return opened > closed


_UPDATE = re.compile(
    r"(?:\blater|\b(?:raised|revised|adjusted|updated|risen|rose|increased|climbed)"
    r"(?:\s+up)?\s+to|\bupdated)\s*(?:at least\s*)?$",
    re.I,
)


def _updates(sentence: str, figures: list[Figure]) -> None:
    """ "Seven were killed -- total later raised to 10 --", "nine [later 10]": a toll update."""
    for i, fig in enumerate(figures):
        if fig.outcome is not None or not i:
            continue
        before = sentence[max(0, fig.mention.start - 30) : fig.mention.start]
        prev = figures[i - 1]
        if prev.outcome and _UPDATE.search(before):
            fig.outcome, fig.trigger, fig.cumulative = prev.outcome, prev.trigger, True


def _coordinate(sentence: str, figures: list[Figure]) -> None:
    """ "three soldiers and two civilians were killed": the first shares the second's trigger."""
    for i in range(len(figures) - 2, -1, -1):
        a, b = figures[i], figures[i + 1]
        if (
            a.outcome is None
            and b.trigger
            and b.trigger.start > b.mention.start
            and _COORD.match(sentence[a.victims.end : b.mention.start])
        ):
            a.outcome, a.trigger = b.outcome, b.trigger
    for i in range(1, len(figures)):
        a, b = figures[i - 1], figures[i]
        if (
            b.outcome is None
            and a.trigger
            and a.trigger.end <= a.mention.start
            and _COORD.match(sentence[a.victims.end : b.mention.start])
        ):
            b.outcome, b.trigger = a.outcome, a.trigger


# "one security officer among them were killed": a part; not "68 others, among them 15 …",
# where the figure after "among them" is the part.
_AMONG_THEM = re.compile(
    r"\s*(?:were\s+|was\s+)?among\s+(?:them|those|the dead|the victims)\b"
    r"(?!\s*,?\s*(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|dozens))",
    re.I,
)


def _parts(sentence: str, figures: list[Figure]) -> None:
    parts_sentence = bool(_PARTS_SENTENCE.match(sentence))
    for i, fig in enumerate(figures):
        before = sentence[figures[i - 1].victims.end if i else 0 : fig.mention.start]
        after_cue = _AMONG_THEM.match(sentence, fig.victims.end)
        if i and (_PART_CUE.search(before) or after_cue) and figures[i - 1].outcome:
            total_idx = _total_before(figures, i)
            if total_idx is not None:
                total = figures[total_idx]
                fig.part_of = total_idx
                if fig.outcome is None or (fig.trigger is total.trigger):
                    fig.outcome, fig.trigger = total.outcome, total.trigger
                continue
        if (
            i
            and fig.outcome is None
            and figures[i - 1].part_of is not None
            and _COORD.match(sentence[figures[i - 1].victims.end : fig.mention.start])
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


def _parts_outcome(sentence: str) -> str:
    low = sentence.lower()
    if re.search(r"\b(?:wounded|injured)\b", low[:40]):
        return "injured"
    return "killed"


# "the head of 100 households was shot dead": the count qualifies one person, the victim.
_HEAD_OF = re.compile(
    r"\b(?:the|a|an)\s+(?:head|leader|chief|chairman|mother|father|owner|commander|"
    r"president)\s+of\s+(?:some\s+|about\s+|over\s+)?$",
    re.I,
)


def _head_of(sentence: str, figures: list[Figure]) -> None:
    """Unbind a count that only qualifies the singular person noun before it."""
    for fig in figures:
        t = fig.trigger
        if (
            t is not None
            and t.start >= fig.victims.end
            and _HEAD_OF.search(sentence, max(0, fig.mention.start - 40), fig.mention.start)
            and re.search(r"\b(?:was|has been|is)\b", sentence[fig.victims.end : t.start])
        ):
            fig.outcome, fig.trigger = None, None
