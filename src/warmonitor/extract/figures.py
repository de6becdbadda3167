"""Figures in one sentence: which counts are casualty figures, their outcome, victims and parts.

A *figure* is a count bound to an outcome trigger ("at least 200 … were killed", "killing 5")
or joined to a bound figure by coordination ("three soldiers and two civilians were killed") or
by a parts frame ("including 745 civilians", "the casualties included …", "six civilians were
among 22 people killed"). Pure string code on one sentence; ``claims.py`` assembles documents.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from warmonitor.extract.counts import CountMention, find_counts
from warmonitor.extract.lexicon import PERSON_NOUNS
from warmonitor.extract.numbers import parse_number
from warmonitor.extract.outcomes import (
    Trigger,
    bind_left,
    bind_right,
    bind_toll,
    find_triggers,
)
from warmonitor.extract.victims import VictimPhrase, group_of, victim_phrase
from warmonitor.model import Count

__all__ = ["Figure", "find_figures"]


@dataclass(slots=True)
class Figure:
    """A casualty figure found in a sentence (offsets relative to the sentence)."""

    mention: CountMention
    victims: VictimPhrase
    outcome: str | None = None
    trigger: Trigger | None = None
    part_of: int | None = None  # index of the total figure in the same sentence
    part_of_previous: bool = False  # a part of a total stated in an earlier sentence
    cumulative: bool = False

    @property
    def count(self) -> Count:
        """The figure's interval, with the number as written when it differs from ``low``."""
        c = self.mention.count
        if c.high is None or c.approximate:
            m = self.mention
            stated = parse_number(m.count.text[m.number_start - m.start : m.number_end - m.start])
            if stated is not None and stated != c.low:
                return replace(c, stated=stated)
        return c


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
    figures = _then_killed(sentence, figures, triggers)
    _killed_them(sentence, figures, triggers)
    _long_passive(sentence, figures, triggers)
    figures = _singulars(sentence, triggers, figures)
    _coordinate(sentence, figures)
    _updates(sentence, figures)
    figures = _and_one(sentence, figures)
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


_ANIMALS = re.compile(
    r"\b(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|dogs?|donkeys?|horses?|"
    r"chickens?|poultry|pigs?|birds?|fish|herds?)\b",
    re.I,
)


def _animals(text: str, after: str = "") -> bool:
    """True when a victim phrase's head noun is an animal ("a dozen of their livestock",
    "25 heads of cattle")."""
    words = text.split()
    if words and _ANIMALS.fullmatch(words[-1].strip(".,").lower()):
        return True
    return bool(
        re.match(r"\s*(?:heads? )?of (?:their |the )?(?:\w+ )?" + _ANIMALS.pattern, after, re.I)
    )


def _next_after(starts: list[int], pos: int) -> int | None:
    for s in starts:
        if s >= pos:
            return s
    return None


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
        if not aux or (fig.count.low > 1 and _SINGULAR_ONLY.match(aux.group(0))):
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


_SINGULAR_AUX = re.compile(
    r"\b(?:was|has been|had been|is|got|has also been|was also)\s*>?\s*"
    r"(?:(?:\w+ly|later|also|then|yesterday|today|on|last|this|early|"
    r"late|\w+day|night|morning|evening|afternoon|weekend|\w+ed and|"
    r"<b>)\s+){0,4}$",
    re.I,
)
_DETERMINER = re.compile(r"\b(?:a|an|one|the|his|her|their|its)\s+", re.I)
_ARTICLE_AFTER = re.compile(
    r"\s*(?:(?:also|reportedly|allegedly)\s+)?(?:an?|one|the|his|her|"
    r"their|its)\s+",
    re.I,
)
_WHO_WAS = re.compile(r"\bwho\s+(?:was|had been|has been)\s+(?:\w+ly\s+)?$", re.I)
_NAME_BEFORE = re.compile(r"(?:^|[^\w.])((?:[A-Z][\w'\-]+\s+){0,2}[A-Z][\w'\-]+)\s*$")
_OBJECT_NAME = re.compile(
    r"\s*(?:</b>\s*)?((?:him|her)\b|(?:[A-Z][\w'\-]+\s+){1,3}"
    r"[A-Z][\w'\-]+(?!\s+(?:province|state|city|district|region)))"
)
# A killing verb (not a bare noun like "massacres") may take a name as its object.
_VERBAL = re.compile(r"(?:ed|ing|dead|down|of|death)$", re.I)
# "57 Civilians killed 150 Injured": a headline's pair of figures, not a verb and its object.
_HEADLINE_PAIR = re.compile(r"\s*\d[\d,]*\s+(?:others?\s+)?(?:injured|wounded|hurt)\b", re.I)
_CAPITAL_AFTER = re.compile(r"\s*(?:</b>\s*)?([A-Z])")
_AND_ONE = re.compile(
    r"\s*,?\s*(?:and|as well as)\s+(an?|his|her|their|one of (?:his|her|their|its))\s+", re.I
)
_NOT_NAMES = frozenset("He She It They This That There Police Army Government He's".split())
_NP_WORD = re.compile(r"[\w\-']+")


def _person_np_end(text: str, start: int) -> int | None:
    """End of "[det] adj* person-noun" starting at ``start`` (up to four words), else None."""
    pos = start
    for _ in range(5):
        m = _NP_WORD.match(text, pos)
        if m is None:
            return None
        if m.group(0).lower() in PERSON_NOUNS:
            return m.end()
        pos = m.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
    return None


def _singulars(sentence: str, triggers: list[Trigger], figures: list[Figure]) -> list[Figure]:
    """Figures of one: "a policeman was killed", "killed a priest", "X was shot dead"."""
    bound = {id(f.trigger) for f in figures if f.trigger is not None}
    extra: list[Figure] = []
    for t in triggers:
        if id(t) in bound or t.outcome == "displaced":
            continue
        before = sentence[: t.start]
        if t.role in ("both", "before") and _SINGULAR_AUX.search(before):
            aux = _SINGULAR_AUX.search(before)
            head = before[: aux.start()] if aux else before
            subject = (
                _one_of(head)
                or _pronoun(head)
                or _subject_np(head)
                or _named(head)
                or _who(before)
                or _indefinite(head)
            )
            if subject is not None:
                extra.append(_one(sentence, subject[0], subject[1], t))
                continue
        if t.role in ("both", "before"):  # "a soldier and a militant were killed"
            aux = _PLURAL_AUX.search(before)
            pair = _coordinated_ones(before[: aux.start()]) if aux else None
            if pair:
                extra.extend(_one(sentence, a, b, t) for a, b in pair)
                continue
        if t.role == "before" and t.outcome == "killed":  # "a tribal leader lost his life"
            subject = _subject_np(before)
            if subject is not None and not before[subject[1] :].strip():
                extra.append(_one(sentence, subject[0], subject[1], t))
                continue
        if t.role in ("after", "both"):
            m = _ARTICLE_AFTER.match(sentence, t.end)
            end = _person_np_end(sentence, m.end()) if m else None
            if m and end is None and t.outcome == "killed":
                end = _object_np_end(sentence, m.end())  # you kill people: "a cattle thief"
            if m and end:
                a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                extra.append(_one(sentence, a, end, t))
                continue
            c = _CAPITAL_AFTER.match(sentence, t.end)
            end = _person_np_end(sentence, c.start(1)) if c else None
            if c and end:
                extra.append(_one(sentence, c.start(1), end, t))
                continue
            n = _OBJECT_NAME.match(sentence, t.end) if _VERBAL.search(t.text) else None
            if n and n.group(1).split()[0] not in _NOT_NAMES:
                extra.append(_one(sentence, n.start(1), n.end(1), t))
    if not extra:
        return figures
    return sorted(figures + extra, key=lambda f: f.mention.start)


def _named(text: str) -> tuple[int, int] | None:
    """A capitalised name right before the auxiliary: "Voinitski was killed"."""
    m = _NAME_BEFORE.search(text.rstrip(", "))
    if m and m.group(1).split()[0] not in _NOT_NAMES and m.start(1) > 0:
        return m.start(1), m.end(1)
    return None


_INDEFINITE = re.compile(r"\b(?:A|An|a|an)\s+[\w\-']+")
_NOT_PEOPLE = frozenset(
    "bomb car vehicle attack blast explosion building house shell rocket missile device "
    "convoy truck bus mine drone fire raid strike clash market mosque church school".split()
)


def _indefinite(text: str) -> tuple[int, int] | None:
    """ "An ustaz, or Islamic religious teacher, was killed": a singular subject of a killing."""
    for m in _INDEFINITE.finditer(text):
        if m.group(0).split()[-1].lower() not in _NOT_PEOPLE:
            return m.start(), m.end()
    return None


_ONE_OF = re.compile(
    r"\b(?:one|One) of (?:the|its|their|his|her|our)\s+(?:[\w\-']+\s+){0,2}"
    r"[\w\-']+s\s*,?\s*$"
)


_PLURAL_AUX = re.compile(
    r"\b(?:were|have been|had been|are)\s+(?:(?:\w+ly|also|both|later|then|reportedly)\s+)?$",
    re.I,
)


def _coordinated_ones(text: str) -> list[tuple[int, int]] | None:
    """ "a government soldier and a suspected militant" (ending ``text``): one and one."""
    spans = []
    for m in _DETERMINER.finditer(text):
        if m.group(0).split()[0].lower() not in ("a", "an"):
            continue
        end = _person_np_end(text, m.end())
        if end is not None:
            spans.append((m.start(), end))
    if len(spans) < 2:
        return None
    last = spans[-1][1]
    if text[last:].strip(" ,"):
        return None  # the pair must be the subject right before the auxiliary
    between = [text[a[1] : b[0]].strip(" ,").lower() for a, b in itertools.pairwise(spans)]
    if not between or not between[-1].endswith("and") or len(between[-1].split()) > 6:
        return None  # "a leader of the militia and a village administrator"
    if between[-1] != "and" or any(w not in ("", "and") for w in between):
        return spans[-2:]
    return spans


def _one_of(text: str) -> tuple[int, int] | None:
    """ "one of its lawmakers was killed"."""
    m = _ONE_OF.search(text)
    return (m.start(), m.start() + len(m.group(0).rstrip(" ,"))) if m else None


_PRONOUN = re.compile(r"\b(?:he|she)\s*,?\s*$", re.I)


def _pronoun(text: str) -> tuple[int, int] | None:
    """ "He was killed in the incident": one person."""
    m = _PRONOUN.search(text)
    return (m.start(), m.start() + len(m.group(0).rstrip(" ,"))) if m else None


def _who(text: str) -> tuple[int, int] | None:
    """ "… who was murdered": the relative pronoun stands for one person."""
    m = _WHO_WAS.search(text)
    return (m.start(), m.start() + 3) if m else None


def _and_one(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "killing him, two of his brothers and a bodyguard": the last one counts too."""
    extra = []
    for fig in figures:
        if fig.trigger is not None and fig.trigger.end <= fig.mention.start:
            m = _AND_ONE.match(sentence, fig.victims.end)
            end = _person_np_end(sentence, m.end()) if m else None
            if m and end is None and m.group(1).lower().startswith("one of"):
                word = _NP_WORD.match(sentence, m.end())  # "and one of his companions"
                end = word.end() if word else None
            if m and end:
                extra.append(_one(sentence, m.end() - len(m.group(1)) - 1, end, fig.trigger))
        if fig.trigger is not None and fig.trigger.start >= fig.victims.end:
            m = _ONE_AND.search(sentence, max(0, fig.mention.start - 60), fig.mention.start)
            end = _person_np_end(sentence, m.start(1)) if m else None
            if m and end is not None and end <= m.end():  # "the driver and two other men"
                extra.append(_one(sentence, m.start(), end, fig.trigger))
    return sorted(figures + extra, key=lambda f: f.mention.start) if extra else figures


_ONE_AND = re.compile(r"\b(?:the|an?|his|her)\s+((?:[\w\-']+\s+){0,2}[\w\-']+)\s+and\s+$", re.I)


_OBJECT_STOP = frozenset(
    "in at on and or , . during near who whom which that with by from after as when while "
    "before inside outside along across for to of".split()
)


def _object_np_end(text: str, start: int) -> int | None:
    """End of the singular noun phrase a killing verb takes as its object ("a cattle thief").

    Up to four words before a preposition or a clause boundary; not an object that is no
    person ("a bomb", "a number", livestock).
    """
    pos, end, last = start, None, ""
    for _ in range(4):
        m = _NP_WORD.match(text, pos)
        if m is None or m.group(0).lower() in _OBJECT_STOP:
            break
        end, last = m.end(), m.group(0).lower()
        pos = m.end()
        if pos < len(text) and text[pos] != " ":
            break
        pos += 1
    if end is None or not last.isalpha() or (last.endswith("s") and not last.endswith("ss")):
        return None
    if last in _NOT_PEOPLE or last in ("number", "total", "few", "lot") or _ANIMALS.search(last):
        return None
    return end


def _subject_np(text: str) -> tuple[int, int] | None:
    """The last determiner noun phrase naming a person in ``text`` (the passive's subject)."""
    best: tuple[int, int] | None = None
    for m in _DETERMINER.finditer(text):
        end = _person_np_end(text, m.end())
        if end is not None:
            best = (m.start(), end)
    return best


def _one(sentence: str, start: int, end: int, trigger: Trigger) -> Figure:
    text = sentence[start:end]
    mention = CountMention(start, end, Count(1, 1, text), start, end, "count")
    words = text.split(maxsplit=1)
    victims = VictimPhrase(text, end, group_of(words[-1]) if len(words) > 1 else "people")
    return Figure(mention, victims, trigger.outcome, trigger)
