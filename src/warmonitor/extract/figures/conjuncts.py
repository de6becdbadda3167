"""Coordinated victims that share a figure's trigger: "killing him, two of his brothers and a
bodyguard", "the driver and two other men were killed". Used by ``sentence.py``."""

from __future__ import annotations

import re

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.figures.figure import Figure, one_figure
from warmonitor.extract.figures.named import companions_at
from warmonitor.extract.figures.singulars import front_subject, person_np_end
from warmonitor.extract.outcomes import Trigger

__all__ = ["and_one", "companion_chain", "object_chain", "subject_chain"]


def and_one(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "the driver and two other men were killed": the one before the counted figure too."""
    extra = []
    for fig in figures:
        if fig.trigger is not None and fig.trigger.start >= fig.victims.end:
            m = _ONE_AND.search(sentence, max(0, fig.mention.start - 60), fig.mention.start)
            end = person_np_end(sentence, m.start(1)) if m else None
            if (
                m and end is not None and _NAME_AND.fullmatch(sentence, end, m.end())
            ):  # "the driver and two other men", not "a doctor was killed and seven others"
                extra.append(one_figure(sentence, m.start(), end, fig.trigger))
    return sorted(figures + extra, key=lambda f: f.mention.start) if extra else figures


# After the noun: a name in apposition at most, then "and" ("the lawyer Jane Roe and").
_NAME_AND = re.compile(r"(?:\s+[A-Z][\w'\-]+){0,3}\s+and\s+")
_ONE_AND = re.compile(r"\b(?:the|an?|his|her)\s+((?:[\w\-']+\s+){0,2}[\w\-']+)\s+and\s+$", re.I)


# Between two conjuncts: "A, B and C", "A and also B", "A as well as B", "A along with B".
_SEP = re.compile(
    r"\s*,\s*(?:(?P<and1>and\s+(?:also\s+)?|as well as\s+|along with\s+|together with\s+|"
    r"alongside\s+))?|"
    r"\s+(?P<and2>and(?:\s+also)?|as well as|along with|together with|alongside)\s+",
    re.I,
)
# After a conjunct, before the separator: a name or a quoted title in apposition ("the chief
# imam, Malam Abba along with", "one rebel 'General' and").
_APPOSITION = re.compile(
    r"""\s*(?:['"‘“][^'"’”]{1,30}['"’”]|,?\s*(?:[A-Z][\w'\-.]*\s*){1,4}(?=,|\s+(?:and|along)\b)|"""
    r"(?:of|from|in)\s+(?:the\s+|an?\s+)?(?:[\w\-'/]+\s+){0,4}?[\w\-'/]+"
    r"(?=,?\s+(?:and|along with|as well as)\s|,\s*(?-i:[A-Z]))|"
    r"(?:of|from|in)\s+[^,;:.()]{1,90}?(?=,?\s+(?:along with|together with|alongside)\s))"
)
_ONE_OF_THEM = re.compile(
    r"(?:at least\s+)?one of (?:them\b|(?:the|his|her|their|its)\s+(?:[\w\-']+\s+){0,2}?"
    r"[\w\-']+s\b)",
    re.I,
)
_SINGLE = re.compile(r"(?:an?|another|his|her|their|its|the|one)\s+", re.I)
_COUNT_DET = re.compile(r"(?:another|his|her|their|its|the)\s+", re.I)
# A conjunct followed by a finite verb is the subject of a new clause: "killing a soldier and a
# civilian was wounded".
_CLAUSE_VERB = re.compile(
    r"\s*(?:was|were|is|are|has|have|had|died|said|says|told|remains?)\b", re.I
)


# "the border from rival rebel groups": the person noun modifies a plural head.
_PLURAL_AFTER = re.compile(r"\s+(?!(?:was|has|is|his|its|this|as|us)\b)[a-z]+s\b")
# "Osman X, a former party member, and his daughter": an apposition after a name.
_NAME_END = re.compile(r"[A-Z][\w'\-]+\s*$")


def _conjunct(
    sentence: str, pos: int, by_start: dict[int, Figure], trigger: Trigger
) -> tuple[Figure, int] | None:
    """The conjunct at ``pos``: a counted figure ("two of his brothers") or one person."""
    det = _COUNT_DET.match(sentence, pos)
    fig = by_start.get(det.end() if det else pos) or by_start.get(pos)
    if fig is not None:
        if fig.outcome is not None and fig.trigger is not trigger:
            return None  # bound to its own trigger: "… and three were wounded"
        return fig, fig.victims.end
    m = _ONE_OF_THEM.match(sentence, pos)
    if m:
        return one_figure(sentence, m.start(), m.end(), trigger), m.end()
    m = _SINGLE.match(sentence, pos)
    end = person_np_end(sentence, m.end()) if m else None
    if m and end is not None and not _PLURAL_AFTER.match(sentence, end):
        return one_figure(sentence, pos, end, trigger), end
    return None


# "killing a mayor, the likely target, and …": an apposition naming no person.
_OTHER_APPOSITION = re.compile(
    r"\s*,\s*(?:his|her|their|its|the|an?)\s+[\w\-'’ ]{1,40}?(?=,\s*and\s)", re.I
)
_POSSESSIVE = re.compile(r"(?:his|her|their|its)\s", re.I)
_BARE_PREVIOUS = re.compile(r"(?:his|her|their|its|an?|the)\s", re.I)
_BARE_END = re.compile(
    r"\s*(?:[,.;:]|$|\b(?:and|in|at|on|near|while|as|who|working|from|of|some|this|last|"
    r"yesterday|today|tonight|\w+day|early|late|after|before|during|when|outside|inside)\b)",
    re.I,
)


def _bare_after(sentence: str, pos: int, previous: Figure, trigger: Trigger) -> Figure | None:
    """ "their driver and guard", "a cook, guard and driver": a bare person noun after
    a conjunct with a determiner (after "and" only a possessive's: "the president and
    director of X" is one person)."""
    end = person_np_end(sentence, pos)
    if (
        end is None
        or not _BARE_PREVIOUS.match(previous.victims.text)
        or not _BARE_END.match(sentence, end)
        or len(sentence[pos:end].split()) > 2
    ):
        return None
    return one_figure(sentence, pos, end, trigger)


def object_chain(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "killed a driver and his co-driver", "killing a policeman, his wife and three children":
    the conjuncts after a trigger's object share its trigger (a figure each)."""
    by_start = {f.mention.start: f for f in figures}
    extra: list[Figure] = []
    for fig in list(figures):
        t = fig.trigger
        if t is None or t.end > fig.mention.start or fig.part_of is not None:
            continue
        _adopt(_chain_from(sentence, fig, by_start, t), t, by_start, extra)
    return sorted(figures + extra, key=lambda f: f.mention.start) if extra else figures


def companion_chain(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> list[Figure]:
    """ "X was killed in Y along with two other people", "was shot dead with his wife and two
    children", "X, a lawmaker, along with his partner, died": the companions of a subject
    share its death verb (and so does a subject that only the companions' frame shows)."""
    by_start = {f.mention.start: f for f in figures}
    extra: list[Figure] = []
    for t in triggers:
        if t.role not in ("before", "both") or t.outcome not in ("killed", "injured"):
            continue
        found = _front_companions(sentence, by_start, t)
        if not found and not any(f.trigger is t and f.mention.start < t.start for f in figures):
            continue  # no counted subject: "killed by gunmen along with …" is no companion
        pos = companions_at(sentence, figures, t)
        first = _conjunct(sentence, pos, by_start, t) if pos is not None else None
        if first is not None:
            found += [first[0], *_chain_from(sentence, first[0], by_start, t)]
        _adopt(found, t, by_start, extra)
    return sorted(figures + extra, key=lambda f: f.mention.start) if extra else figures


def _adopt(
    found: list[Figure], t: Trigger, by_start: dict[int, Figure], extra: list[Figure]
) -> None:
    """Give conjuncts the trigger they share and keep the new ones."""
    for conj_fig in found:
        if conj_fig.outcome is None:
            conj_fig.outcome, conj_fig.trigger = t.outcome, t
        if conj_fig.mention.start not in by_start:
            by_start[conj_fig.mention.start] = conj_fig
            extra.append(conj_fig)


# "X, a lawmaker, along with his partner, died": companions between a subject and its verb.
_FRONT = re.compile(
    r"(?:,\s*|\s+)(?:along with|together with|alongside)\s+([^;:.]{1,100}?),?\s*"
    r"(?P<aux>(?:(?:has|have|had|was|were|been|also|later|both|reportedly)\s+)*)$",
    re.I,
)
_FRONT_ANY = Caseless(_FRONT)  # where it starts
_PASSIVE = re.compile(r"\b(?:was|were|been)\b", re.I)
_NAME_TAIL = re.compile(r"(?:\s+(?-i:[A-Z])[\w'’\-]*){0,3}\s*")


def _front_companions(sentence: str, by_start: dict[int, Figure], t: Trigger) -> list[Figure]:
    """The subject and companions of "X, along with his wife and two daughters, died"."""
    at = _FRONT_ANY.start(sentence[: t.start], max(0, t.start - 160))
    m = None if at is None else _FRONT.search(sentence, at, t.start)
    if m is None or (t.role == "both" and not _PASSIVE.search(m.group("aux"))):
        return []  # "the army alongside a militia has killed 70": the killers
    if any(m.end(1) <= f.mention.start < t.start for f in by_start.values()):
        return []
    counted = any(f.trigger is t and f.mention.start < m.start() for f in by_start.values())
    first = _conjunct(sentence, m.start(1), by_start, t)
    if first is None:
        return []
    found = [first[0], *_chain_from(sentence, first[0], by_start, t, subject=True)]
    if not _NAME_TAIL.fullmatch(sentence, found[-1].victims.end, m.end(1)):
        return []  # the companions must fill the frame: no clause of their own
    subject = None if counted else front_subject(sentence[: m.start()])
    if subject is not None and subject[0] not in by_start:
        found.insert(0, one_figure(sentence, subject[0], subject[1], t))
    return found


def _chain_from(
    sentence: str, fig: Figure, by_start: dict[int, Figure], t: Trigger, subject: bool = False
) -> list[Figure]:
    """The conjuncts that follow ``fig`` ("…, his wife and three children"); a verb may follow
    the last one when they are a ``subject``."""
    items: list[tuple[Figure, int, bool]] = []
    pos = fig.victims.end
    previous = fig
    skipped = listed = False
    while len(items) < 8:
        app = _APPOSITION.match(sentence, pos)
        if app is not None:  # "the head of X, Dr Y and …": a phrase, then a name
            app = _APPOSITION.match(sentence, app.end()) or app
        sep = _SEP.match(sentence, app.end() if app else pos)
        if sep is None:
            break
        conj = _conjunct(sentence, sep.end(), by_start, t)
        joined = bool(sep.group("and1") or sep.group("and2"))
        if conj is None and (not joined or listed or _POSSESSIVE.match(previous.victims.text)):
            bare = _bare_after(sentence, sep.end(), previous, t)
            listed = listed or not joined  # "a cook, guard and driver": a list
            conj = (bare, bare.victims.end) if bare is not None else None
        if conj is None and not skipped:
            other = _OTHER_APPOSITION.match(sentence, pos)
            if other is not None:
                pos, skipped = other.end(), True
                continue
        if conj is None:
            break
        if (
            not (sep.group("and1") or sep.group("and2"))
            and conj[0].mention.start not in by_start
            and sentence[sep.end()].lower() == "a"
            and _NAME_END.search(sentence, 0, sep.start())
        ):
            pos = conj[1]  # "Osman X, a former party member, and …": an apposition
            continue
        items.append((conj[0], conj[1], bool(sep.group("and1") or sep.group("and2"))))
        pos = conj[1]
        if _BARE_PREVIOUS.match(conj[0].victims.text):
            previous = conj[0]  # the determiner that bare nouns after it share
    while items and not items[-1][2]:
        items.pop()  # a list ends in "and": "killed a man, a police officer said"
    if items and not subject and _CLAUSE_VERB.match(sentence, items[-1][1]):
        items.pop()
        while items and not items[-1][2]:
            items.pop()
    return [f for f, _, _ in items]


_SEP_BEFORE = re.compile(r"(?:(?P<and>,?\s*\band|\bas well as)|,)\s*$", re.I)
_DET_BEFORE = re.compile(r"\b(?:another|his|her|their|its|the)\s+$", re.I)
# a determiner, or a name's possessive ("Rehman's office assistant")
_SINGLE_AT = re.compile(
    r"\b(?:an?|another|his|her|their|its|the|one|(?-i:[A-Z])[\w\-]+['’]s)\s+", re.I
)
# Words that end a noun phrase's modifiers: a verb or a clause of its own.
_CLAUSE_WORD = re.compile(
    r"[;:]|\.\s|\b(?:was|were|is|are|has|have|had|said|says|told|who|which|that|when|while|"
    r"after|before|and|but|or|killed|died|including)\b",
    re.I,
)
_CLAUSE_START = re.compile(
    r"""(?:^|[,;:(\[—–"“]|\b(?:and|but|when|after|as|that|which|where|while|whom|said|says|"""
    r"reported|yesterday|today|\w+day))\s*$",
    re.I,
)
_MODIFIER_START = re.compile(
    r"\s*(?:,\s*)?(?:of|from|in|at|with|on|near|inside|for|attached to|working|aged|known as|"
    r"named|identified as|[(\[])",
    re.I,
)
# The attacker is no victim of the attack: "six passengers and a suicide bomber were killed".
_PERPETRATOR = re.compile(r"\b(?:bomber|attacker|assailant|gunman)\b", re.I)
# "The lawyer Jane Roe and …": a name in apposition after a conjunct.
_COUPLE = re.compile(r"an?\s+(?:\w+\s+)?couple", re.I)  # "a couple and their children"
_NAME_GAP = re.compile(r"(?:\s+(?-i:[A-Z])[\w'’\-.]*){1,6}\s*", re.I)
_PLURAL_AUX = re.compile(
    r"\b(?:were|have been|had been|are)\s+(?:(?:\w+ly|also|both|later|then|reportedly|"
    r"today|yesterday|tonight|\w+day|"
    r"""["“]?[\w\-]+ly["”]?)\s+)*$""",
    re.I,
)


_PLURAL_AUX_ANY = Caseless(_PLURAL_AUX)


def subject_chain(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> list[Figure]:
    """ "a magistrate and his assistant were killed", "1 official and her 2 sons were shot",
    "three children, a woman and a man were killed": every conjunct of a subject counts."""
    extra: list[Figure] = []
    for t in triggers:
        if t.role not in ("before", "both") or t.outcome not in ("killed", "injured"):
            continue  # the subjects of other outcomes are left to the plain binding
        last = [f for f in figures if f.trigger is t and f.mention.start < t.start]
        final: Figure | None = max(last, key=lambda f: f.mention.start) if last else None
        at = _PLURAL_AUX_ANY.start(sentence[: t.start], max(0, t.start - 60))
        np = _last_np(sentence, at, t) if at is not None else None
        if np is not None and _PERPETRATOR.search(np.victims.text):
            np = None
        if np is not None and (final is None or final.victims.end < np.mention.start):
            final = np
        if final is None:
            continue
        chain = _chain_before(sentence, final, figures, t)
        if chain is None:
            continue
        if final.mention.start not in {f.mention.start for f in figures + extra}:
            extra.append(final)
        for f in chain:
            if f.outcome is None:
                f.outcome, f.trigger = t.outcome, t
            if all(f is not g for g in figures):
                extra.append(f)
    return sorted(figures + extra, key=lambda f: f.mention.start) if extra else figures


# "a judge from X District (were killed)", "his driver, members of X (were killed)": a short
# prepositional phrase or a plural apposition after the last conjunct.
_SHORT_MODIFIER = re.compile(
    r"(?:\s+(?:of|from|in|at|with)\s+[^,;:.()]{1,40}|"
    r"\s*,\s*(?:members|employees|workers|activists|supporters|residents|both)\s+"
    r"(?:of|from|in|at)\s+[^,;:.()]{1,70},?)$",
    re.I,
)


def _last_np(sentence: str, end: int, t: Trigger) -> Figure | None:
    """The person noun phrase that ends at ``end`` (before a plural auxiliary), or a short
    prepositional phrase before it."""
    head = sentence[:end].rstrip()
    for m in _SINGLE_AT.finditer(head, max(0, len(head) - 140)):
        np_end = person_np_end(head, m.end())
        if np_end is not None and _CLAUSE_WORD.search(head, m.end(), np_end):
            continue  # "the village council and his wife": two phrases
        if np_end is not None and (
            np_end == len(head)
            or (_SHORT_MODIFIER.fullmatch(head, np_end) and not _CLAUSE_WORD.search(head, np_end))
        ):
            return one_figure(sentence, m.start(), np_end, t)
    return None


def _chain_before(
    sentence: str, final: Figure, figures: list[Figure], t: Trigger
) -> list[Figure] | None:
    """The conjuncts before ``final`` ("A, B and" final), or None when it has none."""
    start = final.mention.start
    det = _DET_BEFORE.search(sentence, max(0, start - 12), start)
    start = det.start() if det else start
    chain: list[Figure] = []
    while len(chain) < 8:
        sep = _SEP_BEFORE.search(sentence, max(0, start - 20), start)
        if sep is None or (not chain and not sep.group("and")):
            break
        found = _conjunct_before(sentence, sep.start(), figures, t, bool(sep.group("and")))
        if found is None:
            break
        chain.append(found)
        start = found.mention.start
        det = _DET_BEFORE.search(sentence, max(0, start - 12), start)
        start = det.start() if det else start
    title = _TITLE_BEFORE.search(sentence, max(0, start - 8), start)
    start = title.start() if title else start
    if not chain or not _CLAUSE_START.search(sentence, 0, start):
        return None
    return chain


# "Mr. Rehman's office assistant and a visitor were wounded": a title before the first name.
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Capt|Lt|Maj)\.?\s+$")


def _conjunct_before(
    sentence: str, end: int, figures: list[Figure], t: Trigger, after_and: bool
) -> Figure | None:
    """The nearest conjunct ending before ``end`` whose modifiers reach ``end`` cleanly."""
    reach = 90 if after_and else 40
    best: Figure | None = None
    best_end = -1
    for f in figures:
        if (
            (f.victims.text or _COUPLE.fullmatch(f.mention.count.text))
            and f.victims.end <= end
            and (f.outcome is None or f.trigger is t)
            and f.victims.end > best_end
        ):
            best, best_end = f, f.victims.end
    lo = max(0, end - reach - 40)
    for m in _SINGLE_AT.finditer(sentence, lo, end):
        np_end = person_np_end(sentence, m.end())
        if np_end is not None and best_end < np_end <= end:
            best, best_end = one_figure(sentence, m.start(), np_end, t), np_end
    if best is None or _PERPETRATOR.search(best.victims.text):
        return None
    gap = sentence[best_end:end]
    if len(gap) > reach or _CLAUSE_WORD.search(gap) or (not after_and and "," in gap):
        return None
    if gap.strip() and not _MODIFIER_START.match(gap) and not _NAME_GAP.fullmatch(gap):
        return None  # "35 villages burned to ashes, and 53 civilians": a clause, not a phrase
    return best
