"""Coordinated victims that share a figure's trigger: "killing him, two of his brothers and a
bodyguard", "the driver and two other men were killed". Used by ``figures.py``."""

from __future__ import annotations

import re

from warmonitor.extract.figure import Figure, one_figure
from warmonitor.extract.outcomes import Trigger
from warmonitor.extract.singulars import person_np_end

__all__ = ["and_one", "object_chain", "subject_chain"]


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
    r"\s*,\s*(?:(?P<and1>and\s+(?:also\s+)?|as well as\s+|along with\s+|together with\s+))?|"
    r"\s+(?P<and2>and(?:\s+also)?|as well as|along with|together with)\s+",
    re.I,
)
# After a conjunct, before the separator: a name or a quoted title in apposition ("the chief
# imam, Malam Abba along with", "one rebel 'General' and").
_APPOSITION = re.compile(
    r"""\s*(?:['"‘“][^'"’”]{1,30}['"’”]|,\s*(?:[A-Z][\w'\-.]*\s*){1,4}(?=,|\s+(?:and|along)\b)|"""
    r"(?:of|from|in)\s+(?:the\s+|an?\s+)?(?:[\w\-'/]+\s+){0,3}?[\w\-'/]+"
    r"(?=,?\s+(?:and|along with|as well as)\s))"
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


def object_chain(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "killed a driver and his co-driver", "killing a policeman, his wife and three children":
    the conjuncts after a trigger's object share its trigger (a figure each)."""
    by_start = {f.mention.start: f for f in figures}
    extra: list[Figure] = []
    for fig in list(figures):
        t = fig.trigger
        if t is None or t.end > fig.mention.start or fig.part_of is not None:
            continue
        items: list[tuple[Figure, int, bool]] = []
        pos = fig.victims.end
        while len(items) < 8:
            app = _APPOSITION.match(sentence, pos)
            sep = _SEP.match(sentence, app.end() if app else pos)
            if sep is None:
                break
            conj = _conjunct(sentence, sep.end(), by_start, t)
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
        while items and not items[-1][2]:
            items.pop()  # a list ends in "and": "killed a man, a police officer said"
        if items and _CLAUSE_VERB.match(sentence, items[-1][1]):
            items.pop()
            while items and not items[-1][2]:
                items.pop()
        for conj_fig, _, _ in items:
            if conj_fig.outcome is None:
                conj_fig.outcome, conj_fig.trigger = t.outcome, t
            if conj_fig.mention.start not in by_start:
                by_start[conj_fig.mention.start] = conj_fig
                extra.append(conj_fig)
    return sorted(figures + extra, key=lambda f: f.mention.start) if extra else figures


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
_PLURAL_AUX = re.compile(
    r"\b(?:were|have been|had been|are)\s+(?:(?:\w+ly|also|both|later|then|reportedly|"
    r"""["“]?[\w\-]+ly["”]?)\s+)*$""",
    re.I,
)


def subject_chain(sentence: str, figures: list[Figure], triggers: list[Trigger]) -> list[Figure]:
    """ "a magistrate and his assistant were killed", "1 official and her 2 sons were shot",
    "three children, a woman and a man were killed": every conjunct of a subject counts."""
    extra: list[Figure] = []
    for t in triggers:
        if t.role not in ("before", "both") or t.outcome not in ("killed", "injured"):
            continue  # the subjects of other outcomes are left to the plain binding
        last = [f for f in figures if f.trigger is t and f.mention.start < t.start]
        final: Figure | None = max(last, key=lambda f: f.mention.start) if last else None
        aux = _PLURAL_AUX.search(sentence, max(0, t.start - 60), t.start)
        np = _last_np(sentence, aux.start(), t) if aux else None
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


def _last_np(sentence: str, end: int, t: Trigger) -> Figure | None:
    """The person noun phrase that ends right at ``end`` (before a plural auxiliary)."""
    head = sentence[:end].rstrip()
    for m in _SINGLE_AT.finditer(head, max(0, len(head) - 60)):
        np_end = person_np_end(head, m.end())
        if np_end == len(head):
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
    if not chain or not _CLAUSE_START.search(sentence, 0, start):
        return None
    return chain


def _conjunct_before(
    sentence: str, end: int, figures: list[Figure], t: Trigger, after_and: bool
) -> Figure | None:
    """The nearest conjunct ending before ``end`` whose modifiers reach ``end`` cleanly."""
    reach = 90 if after_and else 40
    best: Figure | None = None
    best_end = -1
    for f in figures:
        if (
            f.victims.text
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
    if gap.strip() and not _MODIFIER_START.match(gap):
        return None  # "35 villages burned to ashes, and 53 civilians": a clause, not a phrase
    return best
