"""Figures in one sentence: which counts are casualty figures, their outcome, victims and parts.

A *figure* is a count bound to an outcome trigger ("at least 200 … were killed", "killing 5")
or joined to a bound figure by coordination ("three soldiers and two civilians were killed") or
by a parts frame ("including 745 civilians", "the casualties included …", "six civilians were
among 22 people killed"). Pure string code on one sentence; ``claims.py`` assembles documents.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.counts import CountMention, find_counts
from warmonitor.extract.figures.conjuncts import (
    and_one,
    companion_chain,
    object_chain,
    subject_chain,
)
from warmonitor.extract.figures.figure import Figure
from warmonitor.extract.figures.named import mask_notes
from warmonitor.extract.figures.parts import (
    AGENT_BEFORE,
    BARE_COMMA,
    COORD,
    PART_AFTER,
    PART_CUE,
    PARTS_SENTENCE,
    SPEAKER_AFTER,
    find_parts,
)
from warmonitor.extract.figures.singulars import ANIMALS, find_singulars
from warmonitor.extract.figures.statuses import killed_them, relative_kills, then_killed
from warmonitor.extract.gate import Words
from warmonitor.extract.outcomes import (
    Trigger,
    bind_left,
    bind_right,
    bind_toll,
    find_triggers,
)
from warmonitor.extract.victims import VictimPhrase, group_of, victim_phrase

__all__ = ["Figure", "find_figures"]


_AUX = re.compile(r"\b(?:were|was|are|is|been|be|being|got|get)\b", re.I)
# Patterns of the passes below, compiled once.
_ANIMALS_OF = re.compile(r"\s*(?:heads? )?of (?:their |the )?(?:\w+ )?" + ANIMALS.pattern, re.I)
_DIGIT = re.compile(r"\d")
_ENDS_OF_FROM = re.compile(r"\s(?:of|from)$", re.I)
_WAS = re.compile(r"\b(?:was|has been|is)\b")


_OBJECT_AFTER = re.compile(
    r"^\s*(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|as many as)\b"
    r"(?!\s+(?:the|a|an|this|that|its|their)\b)|"
    r"dozens|scores|hundreds|thousands|several|\d|the\b|a\b|an\b|his\b|her\b|their\b|its\b|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|one\b|"
    r"civilians|people|soldiers|members|police|troops|villagers|residents|children|women|"
    r"fighters|militants|rebels|insurgents)",
    re.I,
)


_CUMULATIVE = re.compile(
    r"(?:\b(?:toll|tally|number of (?:dead|deaths|people killed|victims)|deaths?)\b[^.;]{0,40}"
    r"\b(?:rose|risen|rising|climbed|increased|jumped|reached|has hit|hit|now stands|stands|"
    r"stood|mounted|topped|passed|surpassed|revised|raised|adjusted|updated)\b|"
    r"\b(?:rose|risen|climbed|increased|jumped|raised|revised(?: up)?) to|"
    r"\bbringing (?:the|to)\b[^.;]{0,30})[^.;]{0,25}$",
    re.I,
)
_CUMULATIVE_ANY = Caseless(_CUMULATIVE)


def find_figures(
    sentence: str, previous: Figure | None = None, words: Words | None = None
) -> list[Figure]:
    """The casualty figures of one sentence, in order of appearance. ``previous`` is the
    figure just before the sentence, whose outcome a revision of it takes ("… said 500 had
    died. It then revised that number to 471") and which "the same estimate" repeats;
    ``words``: the sentence's (``extract.caseless``)."""
    triggers = find_triggers(sentence, words)
    revises = previous is not None and _REVISION_ANY.start(sentence) is not None
    same = _same_figure(sentence) if previous is not None else None
    if (
        not triggers
        and not revises
        and not same
        and not PARTS_SENTENCE.match(sentence)
        and not _AMONG_DEAD.search(sentence)
    ):
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
    _combined(sentence, figures)
    figures = _qualifying_counts(sentence, figures)
    figures = then_killed(sentence, figures, triggers)
    killed_them(sentence, figures, triggers)
    figures = _long_passive(sentence, figures, triggers)
    figures = relative_kills(sentence, figures, triggers)
    figures = find_singulars(sentence, triggers, figures)
    _coordinate(sentence, figures)
    _place_list(sentence, figures)
    _among_the_dead(sentence, figures)
    _updates(sentence, figures)
    _toll_victims(sentence, figures)
    if revises and previous is not None and previous.outcome:
        _revisions(sentence, figures, previous.outcome)
    if same is not None and previous is not None and not figures:
        figures.append(_repeated(previous, same.start(1), same.end(1), same[1]))
    masked = mask_notes(sentence)  # "a [local?] elder", "a party (GP) official"
    figures = and_one(masked, figures)
    figures = object_chain(masked, figures)
    figures = subject_chain(masked, figures, triggers)
    figures = companion_chain(masked, figures, triggers)
    find_parts(sentence, figures)
    _total_apposition(sentence, figures)
    for fig in figures:
        if fig.outcome and not fig.cumulative:
            before = sentence[max(0, fig.mention.start - 80) : fig.mention.start]
            fig.cumulative = _CUMULATIVE_ANY.start(before) is not None
    seen: set[tuple[int, str | None]] = set()
    keep = []
    for f in figures:
        key = (f.mention.start, f.outcome)
        if (
            f.outcome is not None
            and key not in seen
            and not _animals(f.victims.text, sentence[f.victims.end : f.victims.end + 40])
            and _DENIED_ANY.start(sentence[: f.mention.start], max(0, f.mention.start - 30)) is None
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


# "there are not 200 dead, but a few dozen": a figure the sentence denies ("not more than 20"
# is a qualifier, read into the count itself).
_DENIED = re.compile(r"\b(?:(?:is|are|was|were)\s+not|(?:is|are|was|were)n[’']t)\s+$", re.I)
# The sentence-wide and look-back searches go through caseless forms (``extract.caseless``);
# a search up to an offset is the search of the text cut there.
_DENIED_ANY = Caseless(_DENIED)


# Things counted beside the victims: "six houses burnt", "three vehicles destroyed".
_THINGS = re.compile(
    r"(?:houses?|homes?|huts?|buildings?|shops?|stores?|vehicles?|cars?|trucks?|tents?|"
    r"villages?|churches|mosques?|schools?|structures?|propert(?:y|ies)|farms?|markets?|"
    r"motorcycles?|boats?|tanks?|explosions|blasts|bombs|shells|rockets|missiles|"
    r"airstrikes|incidents|gunshot|bullet|stab|shrapnel)",
    re.I,
)


def _animals(text: str, after: str = "") -> bool:
    """True when a victim phrase's head noun is an animal ("a dozen of their livestock",
    "25 heads of cattle") or a thing ("six houses burnt")."""
    words = text.split()
    if words and (
        ANIMALS.fullmatch(words[-1].strip(".,").lower())
        or _THINGS.fullmatch(words[-1].strip(".,").lower())
    ):
        return True
    return bool(_ANIMALS_OF.match(after))


def _next_after(starts: list[int], pos: int) -> int | None:
    for s in starts:
        if s >= pos:
            return s
    return None


# "57 Civilians killed 150 Injured": a headline's pair of figures, not a verb and its object.
_HEADLINE_PAIR = re.compile(r"\s*\d[\d,]*\s+(?:others?\s+)?(?:injured|wounded|hurt)\b", re.I)


_TOLL_LIKE = re.compile(r"\btoll|\bnumber of\b", re.I)
# "the number of (bodies of) civilians killed …": the trigger heads a toll
_NUMBER_OF = re.compile(
    r"\b(?:number|count|tally)\s+of\s+(?:(?:bodies|deaths)\s+of\s+)?(?P<victims>(?:[\w\-]+\s+){1,3})$",
    re.I,
)


_NUMBER_OF_ANY = Caseless(_NUMBER_OF)


def _number_of(sentence: str, end: int) -> re.Match[str] | None:
    """``_NUMBER_OF`` searched in the 50 characters before ``end``."""
    at = _NUMBER_OF_ANY.start(sentence[:end], max(0, end - 50))
    return None if at is None else _NUMBER_OF.search(sentence, at, end)


def _toll_victims(sentence: str, figures: list[Figure]) -> None:
    """ "The number of civilians killed … has risen to 52": the victims named before."""
    for fig in figures:
        t = fig.trigger
        if t is None or fig.victims.text or t.start > fig.mention.start:
            continue
        m = _number_of(sentence, t.start)
        if m is not None:
            words = m["victims"].strip()
            fig.victims = VictimPhrase(words, fig.victims.end, group_of(words), fig.victims.side)


_STATUSES = frozenset({"kidnapped", "detained", "missing", "displaced"})


def _bind(sentence: str, fig: Figure, triggers: list[Trigger], next_start: int) -> None:
    """Bind a figure to the trigger it is the subject (right) or the object (left) of.

    A killing verb before its object wins over a status that the object's own words give:
    "executed 15 men who had been kidnapped", "killed six captured soldiers".
    """
    right = _right_trigger(sentence, fig, triggers, next_start)
    if right is not None and right.outcome not in _STATUSES:
        fig.outcome, fig.trigger = right.outcome, right
        return
    left = _left_trigger(sentence, fig, triggers)
    chosen = left if left is not None and (right is None or left.outcome == "killed") else right
    if chosen is not None:
        fig.outcome, fig.trigger = chosen.outcome, chosen


def _right_trigger(
    sentence: str, fig: Figure, triggers: list[Trigger], next_start: int
) -> Trigger | None:
    """ "5 people were killed", "12 dead", "30 deaths": the trigger after the figure."""
    vp = fig.victims
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
                and not _FOUND_BEFORE.search(
                    sentence, max(0, fig.mention.start - 40), fig.mention.start
                )
            ):
                return t
        break
    return None


# "police found 40 murdered civilians": the object of a finding, so the participle after the
# count describes it ("40 murdered civilians") and is no verb of its own.
_FOUND_BEFORE = re.compile(
    r"\b(?:found|discovered|recovered|counted|identified|documented|recorded|registered|"
    r"exhumed|buried|saw|seen)\s+(?:(?:at least|more than|over|some|about|nearly|almost)\s+)?$",
    re.I,
)


def _left_trigger(sentence: str, fig: Figure, triggers: list[Trigger]) -> Trigger | None:
    """ "killing 5", "killed 5 people", "death toll rose to 12": the trigger before it."""
    m = fig.mention
    for t in reversed(triggers):
        if t.end > m.start:
            continue
        between = sentence[t.end : m.start]
        if t.role == "both" and _passive_comma(sentence, t, between):
            return None  # "six were killed, about a dozen women raped": a clause of its own
        toll = _TOLL_LIKE.search(t.text) is not None or _number_of(sentence, t.start)
        if t.role in ("after", "both") and (bind_left(between) or (toll and bind_toll(between))):
            return t
        return None
    return None


_PASSIVE_BEFORE = re.compile(
    r"\b(?:were|was|are|is|been|be|being)\s+(?:(?:\w+ly|also|all)\s+)?$", re.I
)


def _passive_comma(sentence: str, t: Trigger, between: str) -> bool:
    """True for a passive participle whose next figure stands after a bare comma or dash: the
    figure starts a clause of its own ("were killed, six houses burnt")."""
    return (
        bool(between.strip())
        and not between.strip(" ,;—–-")
        and _PASSIVE_BEFORE.search(sentence, max(0, t.start - 40), t.start) is not None
    )


_PASSIVE_END = re.compile(
    r"\b(?:were|was|(?:have|has|had)(?: \w+ly| also| now| since)? been|are|are being|"
    r"were being|be|got)\s+"
    r"(?:(?:reportedly|allegedly|also|all|later|yesterday|today|early|late|on|last|this|"
    r"\w+day|night|morning|afternoon|evening|overnight|subsequently|eventually|feared|"
    r"believed|confirmed|said|to|have|been|be|weekend|\w+ed and|\w+ly|<b>)\s+){0,5}$",
    re.I,
)


_LONG_REACH = 220
_INCLUDING_DIED = re.compile(
    r"\s*,?\s*(?:including|among them)\s+(?:an?|one|two|three|his|her|their)\b[^,;:.]{0,60}?"
    r"(?:\s+(?:later|also|reportedly|all|have|had|has))*\s*$",
    re.I,
)


_SINGULAR_ONLY = re.compile(r"(?:was|has been)\b", re.I)


def _long_passive(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> list[Figure]:
    """ "Ten residents of X, including the police chief, have been killed": a long subject.

    A count that qualifies the figure before it ("Nine people of one clan") is no subject;
    it is dropped when its head is bound.
    """
    qualifiers = {
        id(b)
        for a, b in itertools.pairwise(figures)
        if a.victims.text and _qualifies(sentence, a, b)
    }
    dropped: set[int] = set()
    for i, fig in enumerate(figures):
        if fig.outcome is not None or id(fig) in qualifiers:
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
            if f.mention.start < nxt.start
            and not _bracketed(sentence, f.mention.start)
            and id(f) not in qualifiers
        ]
        if not _all_parts(sentence, fig, later):
            continue
        fig.outcome, fig.trigger = nxt.outcome, nxt
        if i + 1 < len(figures) and id(figures[i + 1]) in qualifiers:
            dropped.add(id(figures[i + 1]))
    return [f for f in figures if id(f) not in dropped] if dropped else figures


def _all_parts(sentence: str, fig: Figure, later: list[Figure]) -> bool:
    """True when every figure inside a long subject is a part of it ("68 others, among them
    15 police and 12 soldiers"): the first after a part cue, the rest coordinated with it."""
    previous: Figure | None = None
    for f in later:
        if previous is None:
            if not (
                PART_CUE.search(sentence[fig.victims.end : f.mention.start])
                or _DASH_GAP.fullmatch(sentence, fig.victims.end, f.mention.start)
                or PART_AFTER.match(sentence, f.mention.end)
            ):
                return False
        elif not COORD.match(sentence[previous.victims.end : f.mention.start]):
            return False
        previous = f
    return True


_DASH_GAP = re.compile(r"\s*[–—]\s*|\s+-\s+")


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


# "revised that number to 471", "raised the figure slightly to 60": a figure of the sentence
# before, revised; the words name no outcome of their own
_REVISION = re.compile(
    r"\b(?:revised|raised|lowered|updated|adjusted|increased|corrected|cut|reduced)\s+"
    r"(?:(?:that|this|the|its|their|his|her)\s+)(?:number|figure|toll|tally|count|estimate)"
    r"(?:\s+\w+ly)?(?:\s+(?:up|down|upwards|downwards))?\s+to\b",
    re.I,
)


# "later gave the same estimate": the figure before, said again by this sentence's voice
_SAME_FIGURE = re.compile(
    r"\b(?:gave|give|gives|giving|cited|cites|reported|reports|confirmed|confirms|repeated|"
    r"repeats|put forward|announced|offered|published)\s+(?:\w+\s+)?"
    r"((?:the|a)\s+same\s+(?:estimate|figure|toll|death toll|number|count|tally))\b",
    re.I,
)


_REVISION_ANY = Caseless(_REVISION)
_SAME_FIGURE_ANY = Caseless(_SAME_FIGURE)


def _same_figure(sentence: str) -> re.Match[str] | None:
    at = _SAME_FIGURE_ANY.start(sentence)
    return None if at is None else _SAME_FIGURE.search(sentence, at)


def _repeated(previous: Figure, start: int, end: int, words: str) -> Figure:
    """The figure before, as this sentence's words for it ("the same estimate") state it."""
    count = replace(previous.mention.count, text=words)
    mention = CountMention(start, end, count, start, end, "count")
    victims = VictimPhrase(previous.victims.text, end, previous.victims.group)
    return Figure(mention, victims, previous.outcome, None, cumulative=previous.cumulative)


def _revisions(sentence: str, figures: list[Figure], previous: str) -> None:
    """A figure that revises the one before the sentence takes its outcome, as a toll."""
    for m in _REVISION.finditer(sentence):
        for fig in figures:
            gap = sentence[m.end() : fig.mention.start]
            if fig.outcome is None and 0 <= len(gap) <= 12 and not _DIGIT.search(gap):
                fig.outcome, fig.cumulative = previous, True


def _updates(sentence: str, figures: list[Figure]) -> None:
    """ "Seven were killed -- total later raised to 10 --", "nine [later 10]": a toll update."""
    for i, fig in enumerate(figures):
        if fig.outcome is not None or not i:
            continue
        before = sentence[max(0, fig.mention.start - 30) : fig.mention.start]
        prev = figures[i - 1]
        if prev.outcome and _UPDATE.search(before):
            fig.outcome, fig.trigger, fig.cumulative = prev.outcome, prev.trigger, True


# "20 children under the age of 12 and 40 adults": an age phrase closes the first conjunct.
_AGE_TAIL = re.compile(
    r"^\s*,?\s*(?:(?:aged\s+)?(?:under|over|below|above|younger than|older than)\s+"
    r"(?:the\s+age\s+of\s+)?\d{1,3}|aged\s+(?:between\s+)?\d{1,3}"
    r"(?:\s*(?:-|–|to|and)\s*\d{1,3})?)(?:\s+years?(?:\s+old)?)?(?=\s*(?:,|and\b|as well))",
    re.I,
)


def _gap(sentence: str, a: Figure, b: Figure) -> str:
    """The words between conjunct ``a`` and ``b``, without an age phrase closing ``a``."""
    gap = sentence[a.victims.end : b.mention.start]
    age = _AGE_TAIL.match(gap)
    return gap[age.end() :] if age else gap


def _coordinate(sentence: str, figures: list[Figure]) -> None:
    """ "three soldiers and two civilians were killed": the first shares the second's trigger.

    A bare comma joins conjuncts only before a later "and" ("three soldiers, two civilians and
    four children were killed"); "six of his guards, five civilians were wounded" is two
    clauses, and "six people, two of them children, were killed" a total and its part.
    """
    linked = False
    for i in range(len(figures) - 2, -1, -1):
        a, b = figures[i], figures[i + 1]
        if (
            a.outcome is None
            and b.trigger
            and b.trigger.start > b.mention.start
            and COORD.match(_gap(sentence, a, b))
            and not _own_predicate(sentence, a)
            and not AGENT_BEFORE.search(sentence, max(0, a.mention.start - 12), a.mention.start)
            and (linked or not BARE_COMMA.match(_gap(sentence, a, b)))
            and not PART_AFTER.match(sentence, b.mention.end)
        ):
            a.outcome, a.trigger = b.outcome, b.trigger
            linked = True
        else:
            linked = False
    for i in range(1, len(figures)):
        a, b = figures[i - 1], figures[i]
        if (
            b.outcome is None
            and a.trigger
            and a.trigger.end <= a.mention.start
            and COORD.match(sentence[a.victims.end : b.mention.start])
            and not _own_predicate(sentence, b)
            and not SPEAKER_AFTER.match(sentence, b.victims.end)
        ):
            b.outcome, b.trigger = a.outcome, a.trigger


# "12 were killed in Aleppo, 8 in Homs and 5 in Hama": a place, then the list's separator.
_PLACE_ITEM = re.compile(
    r"(?:\s+(?i:in|at|near|from)\s+(?:the\s+)?[A-Z][^,;:()\[\]]{0,40}?)?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
)
_AT_PLACE = re.compile(r"\s+(?i:in|at|near|from)\s+(?:the\s+)?[A-Z]")
_PLACE_NEXT = re.compile(r"\s+(?i:in|at|near|from)\s+(?:the\s+)?[A-Z]|\s*(?:[,;.]|and\b|$)")


def _place_list(sentence: str, figures: list[Figure]) -> None:
    """ "140 people were killed in Alpha, 100 in Beta, 63 in Gamma including 16 women": the
    bare counts listed after a figure of one place, each before a place of its own (or a
    name), share the figure's outcome. A part ("including 16 women") is left to the parts."""
    for i, fig in enumerate(figures):
        t = fig.trigger
        if t is None or fig.outcome is None:
            continue
        anchor = t.end if t.start >= fig.victims.end else fig.victims.end
        if not _AT_PLACE.match(sentence, anchor):
            continue
        in_parts = False
        for nxt in figures[i + 1 :]:
            if nxt.outcome is not None:
                break
            gap = sentence[anchor : nxt.mention.start]
            if PART_CUE.search(gap):
                in_parts = True  # "including 16 women and 30 children": parts, not places
            elif not _PLACE_ITEM.fullmatch(gap):
                break
            elif in_parts and "," not in gap:
                pass  # "… and 30 children": still the parts
            else:
                in_parts = False
                text = nxt.victims.text
                if text and not (text[:1].isupper() and nxt.victims.group == "people"):
                    break
                if not text and not _PLACE_NEXT.match(sentence, nxt.victims.end):
                    break
                nxt.outcome, nxt.trigger = fig.outcome, t
            anchor = nxt.victims.end


# "Some 49 children and 34 women were among the known victims": parts of an earlier total.
_AMONG_DEAD_AFTER = re.compile(
    r"\s*,?\s*(?:were|was|are|is)\s+(?:also\s+)?(?:among|amongst)\s+(?:the|those)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?P<w>dead|victims|killed|fatalities|wounded|injured)\b",
    re.I,
)
_AMONG_DEAD = re.compile(
    r"\bamong(?:st)?\s+(?:the|those)\s+(?:[\w\-]+\s+){0,2}?(?:dead|victims|killed|fatalities|"
    r"wounded|injured)\b",
    re.I,
)
# "Among those killed in the raid were four children", "Among the dead were also 12 children"
_AMONG_DEAD_BEFORE = re.compile(
    r"^\W*(?:also\s+)?(?:among|amongst)\s+(?:the|those)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?P<w>dead|victims|killed|fatalities|wounded|injured)\b[^,.;:]{0,60}?\b"
    r"(?:were|was|are|is)\s+(?:also\s+)?(?:at least\s+|some\s+)?$",
    re.I,
)


def _among_the_dead(sentence: str, figures: list[Figure]) -> None:
    """Counts said to be among the dead (or the wounded) of a total told before: they take
    its outcome, and the counts coordinated with them too."""
    for i, fig in enumerate(figures):
        if fig.outcome is not None:
            continue
        after = _AMONG_DEAD_AFTER.match(sentence, fig.victims.end)
        before = None if i else _AMONG_DEAD_BEFORE.match(sentence[: fig.mention.start])
        cue = before or after
        if cue is None or (
            before is None and i + 1 < len(figures) and figures[i + 1].mention.start < cue.end()
        ):
            continue  # "12 were among 40 killed": the total follows, for the parts
        word = cue.group("w").lower()
        outcome = "injured" if word in ("wounded", "injured") else "killed"
        chain = [fig]
        if after is not None:
            for prev in reversed(figures[:i]):
                if prev.outcome is not None or not COORD.match(
                    sentence[prev.victims.end : chain[-1].mention.start]
                ):
                    break
                chain.append(prev)
        else:
            for nxt in figures[i + 1 :]:
                if nxt.outcome is not None or not COORD.match(
                    sentence[chain[-1].victims.end : nxt.mention.start]
                ):
                    break
                chain.append(nxt)
        for f in chain:
            f.outcome, f.part_of_previous = outcome, True


# A participle of the figure's own that is no casualty: "a dozen women raped", "houses burnt".
_OWN_PREDICATE = re.compile(
    r"\s*(?:(?:were|was|have been|had been|also)\s+)*(?:raped|burnt|burned|torched|razed|"
    r"looted|destroyed|damaged|set (?:ablaze|on fire)|rescued|released|freed|evacuated|"
    r"treated|discharged)\b(?!\s+(?:and|or)\s)",
    re.I,
)


def _own_predicate(sentence: str, fig: Figure) -> bool:
    """True when a participle of its own follows the figure's victims ("women raped")."""
    return _OWN_PREDICATE.match(sentence, fig.victims.end) is not None


_OF_FROM = re.compile(r"\s*(?:of|from)\s*$", re.I)


def _qualifies(sentence: str, a: Figure, b: Figure) -> bool:
    """True when count ``b`` follows the victims of ``a`` after "of" or "from" ("Nine
    people of one clan", "five members of one clan": "of" may end ``a``'s phrase)."""
    gap = sentence[a.victims.end : b.mention.start]
    return bool(
        _OF_FROM.fullmatch(gap) or (not gap.strip() and _ENDS_OF_FROM.search(a.victims.text))
    )


# Counts of groups, not of people: "members from two rival groups", "of six nationalities".
_COLLECTIVE = re.compile(
    r"(?:groups?|factions?|tribes?|clans?|communities|villages?|nationalities|countries|"
    r"states|districts|provinces|towns|neighbou?rhoods)$",
    re.I,
)
_FINITE = re.compile(r"\b(?:were|was|are|is|have|has|had|and|but|while)\b", re.I)
_MODIFIER_GAP = re.compile(r"[^,;:()\[\]]{0,80}?\b(?:of|from|in)\s*$", re.I)


def _qualifying_counts(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "37 foreigners of eight nationalities were killed", "12 men from three villages": the
    second count qualifies the victims of the first, which takes its outcome; it is dropped."""
    dropped: set[int] = set()
    for a, b in itertools.pairwise(figures):
        if (
            a.victims.text
            and b.outcome is not None
            and b.trigger is not None
            and b.trigger.start > b.mention.start
            and (
                _qualifies(sentence, a, b)
                or (
                    a.outcome is None
                    and _COLLECTIVE.search(b.victims.text)
                    and _MODIFIER_GAP.fullmatch(sentence, a.victims.end, b.mention.start)
                    and not _FINITE.search(sentence, a.victims.end, b.mention.start)
                )
            )
        ):
            if a.outcome is None:
                a.outcome, a.trigger = b.outcome, b.trigger
            dropped.add(id(b))
    return [f for f in figures if id(f) not in dropped] if dropped else figures


# "300 dead and wounded", "killed or injured": one figure of both outcomes, neither alone.
_AND_INJURED = re.compile(r"\s*(?:and|or|&|and/or)\s+(?:wounded|injured|hurt)\b", re.I)
_INJURED_AND = re.compile(r"\b(?:wounded|injured)\s+(?:and|or|&)\s+$", re.I)


def _combined(sentence: str, figures: list[Figure]) -> None:
    """Unbind a figure whose trigger joins the dead and the wounded ("300 dead and wounded",
    "causing dozens of dead and injured"): a count of casualties, not of the killed."""
    for fig in figures:
        t = fig.trigger
        if (
            t is not None
            and t.outcome == "killed"
            and (
                _AND_INJURED.match(sentence, t.end)
                or _INJURED_AND.search(sentence, max(0, t.start - 20), t.start)
            )
        ):
            fig.outcome, fig.trigger = None, None


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
            and _WAS.search(sentence[fig.victims.end : t.start])
        ):
            fig.outcome, fig.trigger = None, None


_TOTAL_CUE = re.compile(r",\s*(?:a total of|in all|altogether|in total)\s*$", re.I)
# Between the objects before such a total: "and", a comma, an uncounted "his entire family".
_TOTAL_GAP = re.compile(
    r"\s*(?:,\s*)?(?:and\s+)?(?:(?:his|her|their|its)\s+[\w\- ]{1,30}?)?\s*", re.I
)


def _total_apposition(sentence: str, figures: list[Figure]) -> None:
    """ "killed him and his entire family, a total of six people": the apposed count is the
    total of the objects before it, which become its parts."""
    for i, total in enumerate(figures):
        cue = _TOTAL_CUE.search(sentence, 0, total.mention.start)
        if total.outcome is not None or cue is None or not i:
            continue
        chain: list[Figure] = []
        end = cue.start()
        for f in reversed(figures[:i]):
            t = f.trigger
            if t is None or t.end > f.mention.start or f.part_of is not None:
                break
            if not _TOTAL_GAP.fullmatch(sentence, f.victims.end, end):
                break
            if chain and chain[-1].trigger is not t:
                break
            chain.append(f)
            end = f.mention.start
        if not chain or sum(f.count.low for f in chain) > total.count.low:
            continue
        t = chain[0].trigger
        total.outcome, total.trigger = t.outcome if t else None, t
        for f in chain:
            f.part_of = i
