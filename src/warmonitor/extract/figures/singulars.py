"""Figures of one person: "a policeman was killed", "killed a priest", "X was shot dead".

A singular victim has no count to bind; these rules find the noun phrase, name or pronoun
that a trigger with no counted figure takes as its subject or object and make it a figure of
one. Pure string code on one sentence, used by ``sentence.py``.
"""

from __future__ import annotations

import itertools
import re

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.figures.figure import Figure, one_figure
from warmonitor.extract.figures.named import (
    apposed_subject,
    bare_object,
    counted_before,
    lead_end,
    mask_notes,
    named_start,
    titled_name,
)
from warmonitor.extract.outcomes import Trigger
from warmonitor.extract.victims import NP_WORD, person_np_end

__all__ = ["ANIMALS", "NP_WORD", "find_singulars", "front_subject", "person_np_end"]


ANIMALS = re.compile(
    r"\b(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|dogs?|donkeys?|horses?|"
    r"chickens?|poultry|pigs?|birds?|fish|herds?)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s")  # a semicolon, a colon or a full stop


_SINGULAR_AUX = re.compile(
    r"\b(?:was|has been|had been|is|got|has also been|was also|"
    r"(?:is|was|has been) (?:reported|said|believed|thought|feared) to have been)\s*>?\s*"
    r"(?:(?:\w+ly|later|also|then|yesterday|today|on|last|this|early|found|reported|"
    r"late|\w+day|night|morning|evening|afternoon|week|weekend|\w+ed and|"
    r"<b>)[\s,]+){0,4}$",
    re.I,
)
# Where the auxiliary ending a text starts, found by its caseless form (``extract.caseless``).
_SINGULAR_AUX_ANY = Caseless(_SINGULAR_AUX)


# A determiner, or a name's possessive ("John Roe's mother").
_DETERMINER = re.compile(r"\b(?:a|an|one|the|his|her|their|its|(?-i:[A-Z])[\w\-]+['’]s)\s+", re.I)


_ARTICLE_AFTER = re.compile(
    r"\s*(?:(?:also|reportedly|allegedly|seriously|critically|badly)\s+)?(?:an?|one|the|his|"
    r"her|their|its|another)\s+",
    re.I,
)


_WHO_WAS = re.compile(r"\bwho\s+(?:was|had been|has been)\s+(?:\w+ly\s+)?$", re.I)


_NAME_BEFORE = re.compile(r"(?:^|[^\w.])((?:[A-Z][\w'\-]+\s+){0,2}[A-Z][\w'\-]+)\s*$")


_OBJECT_NAME = re.compile(
    r"\s*(?:</b>\s*)?((?:him|her)\b|(?:[A-Z][\w'\-]*\.?\s+){1,3}"
    r"[A-Z][\w'\-]+(?!\s+(?:province|state|city|district|region)))"
)


# A killing verb (not a bare noun like "massacres") may take a name as its object.
_VERBAL = re.compile(r"(?:ed|ing|dead|down|of|death|shot)$", re.I)


_CAPITAL_AFTER = re.compile(r"\s*(?:</b>\s*)?([A-Z])")


_NOT_NAMES = frozenset("He She It They This That There Police Army Government He's".split())


def _relative_of_figure(sentence: str, start: int, figures: list[Figure]) -> bool:
    """True when "who" at ``start`` refers to a counted figure right before it."""
    return sentence[start : start + 4].lower().startswith("who") and any(
        f.victims.end <= start and not sentence[f.victims.end : start].strip(" ,") for f in figures
    )


_ACTIVE_INJURY = ("sustained", "suffered", "received")


def find_singulars(sentence: str, triggers: list[Trigger], figures: list[Figure]) -> list[Figure]:
    """Figures of one: "a policeman was killed", "killed a priest", "X was shot dead".

    Short bracketed notes are read as blanks: "A [local?] village elder was shot dead".
    """
    bound = {id(f.trigger) for f in figures if f.trigger is not None}
    extra: list[Figure] = []
    original, sentence = sentence, mask_notes(sentence)
    for t in triggers:
        if id(t) in bound or t.outcome == "displaced":
            continue
        before = sentence[: t.start]
        at = _SINGULAR_AUX_ANY.start(before) if t.role in ("both", "before") else None
        if at is not None:
            head = before[:at]
            subject = (
                _one_of(head)
                or _another(head)
                or _pronoun(head)
                or apposed_subject(head)
                or _subject_np(head)
                or _named(head)
                or named_start(head)
                or _who(before)
                or _indefinite(head)
            )
            if subject is not None and _relative_of_figure(sentence, subject[0], figures):
                continue  # "15 men who had been kidnapped": the figure's own clause
            if subject is not None:
                extra.append(one_figure(original, subject[0], subject[1], t))
                continue
        if t.role == "both":  # "A was killed and another (villager) seriously wounded"
            subject = _elliptic_subject(before)
            if subject is not None:
                extra.append(one_figure(original, subject[0], subject[1], t))
                continue
        if t.role in ("both", "before"):  # "a soldier and a militant were killed"
            at = _PLURAL_AUX_ANY.start(before)
            pair = _coordinated_ones(before[:at]) if at is not None else None
            if pair:
                extra.extend(one_figure(original, a, b, t) for a, b in pair)
                continue
        if t.outcome == "injured" and t.text.lower().startswith(_ACTIVE_INJURY):
            subject = _intransitive_subject(before)  # "his bodyguard sustained injuries"
            if subject is not None:
                extra.append(one_figure(original, subject[0], subject[1], t))
                continue
        if t.role == "before" and t.outcome == "killed":  # "a tribal leader lost his life"
            subject = _subject_np(before)
            if subject is not None and not before[subject[1] :].strip():
                extra.append(one_figure(original, subject[0], subject[1], t))
                continue
            subject = _intransitive_subject(before) or titled_name(before)
            if subject is not None:  # "a man from X died", "He died later", "mayor X died"
                extra.append(one_figure(original, subject[0], subject[1], t))
                continue
        if t.role in ("both", "before") and t.outcome == "killed":
            shared = _shared_subject(before, figures)
            if isinstance(shared, Figure):
                shared.outcome, shared.trigger = t.outcome, t
                continue
            if shared is not None:  # "a man was taken away and later found dead"
                extra.append(one_figure(original, shared[0], shared[1], t))
                continue
        if t.role in ("after", "both"):
            verb = t.outcome == "killed" and not t.text.lower().endswith("of")
            one = _ONE_OF_THEM.match(sentence, t.end) if verb else None
            if one is not None:  # "killing at least one of them", "killed one of his guards"
                extra.append(one_figure(original, one.start(1), one.end(), t))
                continue
            m = _ARTICLE_AFTER.match(sentence, t.end)
            lead = lead_end(sentence, t.end) if m is None and verb else None
            m = _ARTICLE_AFTER.match(sentence, lead) if lead is not None else m
            end = person_np_end(sentence, m.end()) if m else None
            if m and end is None and t.outcome == "killed":
                end = _object_np_end(sentence, m.end())  # you kill people: "a cattle thief"
            if m and end:
                a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                extra.append(one_figure(original, a, end, t))
                continue
            e = _ELLIPTIC_OBJECT.match(sentence, t.end) if _VERBAL.search(t.text) else None
            if e is not None:  # "killed five men and wounded a sixth", "wounded another"
                extra.append(one_figure(original, e.start(1), e.end(1), t))
                continue
            c = _CAPITAL_AFTER.match(sentence, t.end)
            end = person_np_end(sentence, c.start(1)) if c else None
            if c and end:
                extra.append(one_figure(original, c.start(1), end, t))
                continue
            n = _OBJECT_NAME.match(sentence, t.end) if _VERBAL.search(t.text) else None
            if n and n.group(1).split()[0] not in _NOT_NAMES:
                if not counted_before(n.group(1), t, figures + extra):
                    extra.append(one_figure(original, n.start(1), n.end(1), t))
                continue
            bare = bare_object(sentence, t) if verb and _VERBAL.search(t.text) else None
            if bare is not None:  # "killed lawyer X", "shot dead respected teacher inside …"
                extra.append(one_figure(original, bare[0], bare[1], t))
    if not extra:
        return figures
    return sorted(figures + extra, key=lambda f: f.mention.start)


_ANOTHER = re.compile(r"(?:^\W*|(?:[,;]|\b(?:and|while|but|whereas))\s+)(another)\b", re.I)


def _another(head: str) -> tuple[int, int] | None:
    """ "… and another was injured", "… while another man was wounded": one more person."""
    m = None
    for found in _ANOTHER.finditer(head, max(0, len(head) - 80)):
        m = found
    if m is None:
        return None
    rest = head[m.end(1) :]
    if not rest.strip(" ,"):
        return m.start(1), m.end(1)
    end = person_np_end(head, m.end(1) + len(rest) - len(rest.lstrip()))
    if end is not None and not head[end:].strip(" ,"):
        return m.start(1), end
    return None


# "A was killed and another villager seriously wounded", "and her colleague wounded": a
# participle with its auxiliary left out, after an earlier passive of the sentence.
_ELLIPTIC = re.compile(
    r"\band\s+((?:another|his|her|their|its|an?|one|the)\b"
    r"(?:(?!\s(?:and|were|was)\b)[^,;:.]){0,40}?)\s+"
    r"(?:(?:\w+ly|also|later)\s+)?$",
    re.I,
)
_EARLIER_PASSIVE = re.compile(r"\b(?:was|were|has been|had been|have been)[\s>]+\w+", re.I)


def _elliptic_subject(before: str) -> tuple[int, int] | None:
    """The subject of a participle whose auxiliary an earlier passive gives."""
    m = _ELLIPTIC.search(before, max(0, len(before) - 60))
    if m is None or not _EARLIER_PASSIVE.search(before, max(0, m.start() - 120), m.start()):
        return None
    a, np = m.start(1), m.group(1)
    if np.lower() == "another" or _ORDINAL_ONE.fullmatch(np):
        return a, m.end(1)
    words = np.split(maxsplit=1)
    end = person_np_end(before, a + len(words[0]) + 1) if len(words) > 1 else None
    if end is not None and end == m.end(1):
        return a, end
    return None


_ORDINAL_ONE = re.compile(
    r"an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", re.I
)
_ELLIPTIC_OBJECT = re.compile(
    r"\s*(another|an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b"
    r"(?=\s*(?:[,.;]|$|\b(?:and|in|on|at|who|with|when|while|as|during|near)\b))",
    re.I,
)


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


_ONE_OF_THEM = re.compile(
    r"\s*(?:(?:also|reportedly|allegedly)\s+)?(?:at least\s+)?(one of (?:them\b|"
    r"(?:the|his|her|their|its)\s+(?:[\w\-']+\s+){0,2}?[\w\-']+s\b))",
    re.I,
)
_ONE_OF = re.compile(
    r"\b(?:one|One) of (?:the|its|their|his|her|our)\s+(?:[\w\-']+\s+){0,2}"
    r"[\w\-']+s\s*,?\s*$"
)


_PLURAL_AUX = re.compile(
    r"\b(?:were|have been|had been|are)\s+(?:(?:\w+ly|also|both|later|then|reportedly)\s+)?$",
    re.I,
)


_PLURAL_AUX_ANY = Caseless(_PLURAL_AUX)


def _coordinated_ones(text: str) -> list[tuple[int, int]] | None:
    """ "a government soldier and a suspected militant" (ending ``text``): one and one."""
    spans = []
    for m in _DETERMINER.finditer(text):
        if m.group(0).split()[0].lower() not in ("a", "an"):
            continue
        end = person_np_end(text, m.end())
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
        m = NP_WORD.match(text, pos)
        if m is None or m.group(0).lower() in _OBJECT_STOP:
            break
        end, last = m.end(), m.group(0).lower()
        pos = m.end()
        if pos < len(text) and text[pos] != " ":
            break
        pos += 1
    if end is None or not last.isalpha() or (last.endswith("s") and not last.endswith("ss")):
        return None
    if last in _NOT_PEOPLE or last in ("number", "total", "few", "lot") or ANIMALS.search(last):
        return None
    return end


def _subject_np(text: str) -> tuple[int, int] | None:
    """The last determiner noun phrase naming a person in ``text`` (the passive's subject)."""
    best: tuple[int, int] | None = None
    for m in _DETERMINER.finditer(text):
        end = person_np_end(text, m.end())
        if end is not None:
            best = (m.start(), end)
    return best


# What may stand between a subject and its intransitive death verb: a prepositional phrase
# ("a man from X", "a member of the Y force"), a parenthesis between commas ("a villager,
# arrested for Z,"), and adverbs or a perfect auxiliary ("has", "later", "reportedly").
_POSTMODIFIER = re.compile(
    r"(?:\s+(?:of|from|in|at|with|on|near|inside)\s+[^,;:.()\[\]]{1,70}?|"
    r"\s*,\s*(?:[^,;:.]{1,80}?),)?"
    r"(?:\s+(?:later|reportedly|allegedly|also|then|subsequently|eventually|has|had|have|"
    r"reported to have|said to have|who))*\s*$",
    re.I,
)
_CLAUSE_WORDS = re.compile(
    r"\b(?:was|were|is|are|said|says|told|and|but|which|that|when|while|killed|killing)\b", re.I
)
_CLAUSE_BEFORE = re.compile(
    r"""(?:^|[,;:(\[—–"“]|\b(?:and|but|when|after|as|that|where|while|whom|said|says|"""
    r"reported|yesterday|today|\w+day))\s*$",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\band\s+|\bbut\s+)[\"“]?(?P<p>[Hh]e|[Ss]he)\s+"
    r"(?:(?:later|reportedly|also|then|subsequently|eventually|has|had)\s+)*$"
)


def _intransitive_subject(before: str) -> tuple[int, int] | None:
    """The singular subject of "died": "a man from X died", "He died later", with the
    phrase at the head of its clause."""
    p = _PRONOUN_SUBJECT.search(before)
    if p is not None:
        return p.start("p"), p.end("p")
    lo = max(0, len(before) - 160)
    for m in _DETERMINER.finditer(before, lo):
        end = person_np_end(before, m.end())
        if end is None or not _CLAUSE_BEFORE.search(before, 0, m.start()):
            continue
        gap = before[end:]
        inner = gap.split(",")[0] + (gap.split(",")[-1] if "," in gap else "")
        if _POSTMODIFIER.match(gap) and not _CLAUSE_WORDS.search(inner):
            return m.start(), end
    return None


# "X was taken away … and later found dead", "a body was found …, killed by gunmen": the
# participle shares the subject of an earlier passive in the sentence.
_SHARED = re.compile(
    r"(?:\band|,)\s+(?:(?:later|then|subsequently|eventually|finally|was|were|allegedly|"
    r"reportedly)\s+)*$",
    re.I,
)
_EARLIER_AUX = re.compile(r"\b(?:was|were|had been|has been|have been)\s+", re.I)


def _shared_subject(before: str, figures: list[Figure]) -> Figure | tuple[int, int] | None:
    """The subject an earlier passive of the sentence gives a participle or "died"."""
    if not _SHARED.search(before):
        return None
    lo = max(0, len(before) - 220)
    aux = None
    for m in _EARLIER_AUX.finditer(before, lo):
        aux = m
    if aux is None or _CLAUSE_BREAK.search(before[aux.end() :]):
        return None
    head = before[: aux.start()]
    for f in figures:
        if (
            f.outcome is None
            and f.victims.text
            and f.victims.end <= len(head)
            and not head[f.victims.end :].strip(" ,")
        ):
            return f  # "six villagers were set on fire and killed"
    if aux.group(0).lower().startswith("were"):
        return None
    apposed = apposed_subject(head)
    if apposed is not None:  # "X, the party's candidate for …, was shot … and died"
        return apposed
    subject = _one_of(head) or _pronoun(head) or _subject_np(head)
    if (
        subject is not None
        and head[subject[1] :].strip(" ,")
        and not _POSTMODIFIER.match(head[subject[1] :])
    ):
        return None
    return subject


def front_subject(head: str) -> tuple[int, int] | None:
    """The subject that ends ``head`` before "along with …": "X, a lawmaker", "the mayor"."""
    apposed = apposed_subject(head + ",")
    if apposed is not None:
        return apposed
    subject = _subject_np(head) or _named(head)
    return subject if subject is not None and not head[subject[1] :].strip() else None
