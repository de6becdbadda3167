"""The figures of one Arabic sentence: a count bound to an outcome and a victim group.

Arabic reports put the outcome first ("مقتل 4 أطفال"، "أصيب ستة مدنيين بجروح"، "استشهد طفل")
or name it after the number ("5 قتلى و10 جرحى"). A noun alone after an outcome word is one
victim, its dual two ("مقتل طفلين"). "بينهم"/"منهم" opens the parts of the figure before it;
"و" joins another figure of the same outcome ("مقتل 3 أطفال وامرأة"); "ارتفعت حصيلة القتلى إلى
10" is a running toll. Offsets are in the folded sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warmonitor.extract.arabic.lexicon import (
    ARMED_SIDE,
    COMBATANT_GROUPS,
    DUALS,
    GOVERNMENT_SIDE,
    GROUP_WORDS,
    LONE_OUTCOMES,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    PARTS,
    QUALIFIERS,
    RISING,
    SINGULARS,
    VAGUE,
    VAGUE_RE,
    word,
)
from warmonitor.extract.arabic.numbers import NUMBER, NUMBER_WORD, parse_number
from warmonitor.gazetteer.arabic import fold
from warmonitor.model import Count

__all__ = ["ArabicFigure", "find_figures"]


@dataclass(slots=True)
class ArabicFigure:
    """One figure of a sentence; spans are ``(start, end)`` in the folded sentence."""

    outcome: str
    count: Count
    group: str
    mention: tuple[int, int]  # the count with its qualifier
    victims: tuple[int, int]  # the victims' noun (or the count when none)
    trigger: tuple[int, int] | None
    part_of: int | None = None  # index of its total among the sentence's figures
    cumulative: bool = False


@dataclass(slots=True)
class _Number:
    start: int
    end: int
    count: Count
    singular: bool = False  # a noun alone, or a dual: the count is in the noun


_QUALIFIER_RES = {kind: re.compile(rf"(?:{rx})\s*$") for kind, rx in QUALIFIERS.items()}
_AT_LEAST_AFTER = re.compile(r"\s*(?:\S+\s+)?" + word("على الأقل", prefix=False))
_GROUP_RES = {g: re.compile(rx) for g, rx in GROUP_WORDS.items()}
_AFTER_RES = {o: re.compile(rx) for o, rx in OUTCOME_AFTER.items()}
_BEFORE_RES = {o: re.compile(rx) for o, rx in OUTCOME_BEFORE.items()}
_FROM = re.compile(word("من", "من بين", prefix=False))
# Words that may stand between an outcome word and its count.
_FILLER = re.compile(
    r"(?:[\s,،:()]|"
    + word(
        "اليوم", "أمس", "مساء", "صباح", "فجر", "ليل", "ليلة", "ظهر", "عصر", "السبت", "الأحد",
        "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "عن", "إلى", "بحياة", "حياة",
        "أيضا", "كذلك", "جراء ذلك", "فيها", "فيه", "به", "بها", "وقد", "قد", "إثرها", "نتيجة",
        "حتفه", "حتفهم", "حتفها", "حتفهما", "على إثرها",
    )
    + r")*"
)  # fmt: skip
# What a count of victims may be followed by when it names no group ("مقتل 4 في قصف").
_OPEN_AFTER = re.compile(
    r"\s*(?:$|[,،.:؛\-–)]|"
    + word(
        "في", "من", "جراء", "إثر", "بسبب", "خلال", "على", "إلى", "بعد", "برصاص", "بقصف", "بغارة",
        "بانفجار", "نتيجة", "ضمن", "حتى", "اليوم", "أمس", "بجروح", "بينهم", "منهم", "وإصابة",
        "وجرح", "و", "آخرين", "بنيران", "بهجوم", "بضربة", "بعضهم", "بعضها", "حتفهم", "حتفهما",
    )
    + ")"
)  # fmt: skip
# A number that is no count of people: a date, a time, a distance, a weapon, a year.
_NOT_PEOPLE = re.compile(
    r"\s*(?:[/:.\-]\s*\d|%|"
    + word(
        "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
        "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
        "أكتوبر", "نوفمبر", "ديسمبر", "عام", "سنة", "سنوات", "أعوام", "عاما", "ساعة", "ساعات",
        "دقيقة", "دقائق", "يوم", "أيام", "يوما", "أسبوع", "أسابيع", "شهر", "أشهر", "شهرا", "كم",
        "كيلومتر", "كيلومترات", "متر", "أمتار", "صاروخ", "صواريخ", "قذيفة", "قذائف", "غارة",
        "غارات", "طائرة", "طائرات", "منزل", "منازل", "قرية", "قرى", "بلدة", "بلدات", "مرة", "مرات",
        "دولار", "ليرة", "بالمئة", "بالمائة", "في المئة", "في المائة", "آليات", "آلية", "مسيرة",
        "مسيرات", "نقطة", "نقاط", "موقع", "مواقع", "مدينة", "مدن", "مجزرة", "مجازر", "هجمات",
        "هجوم", "ضربة", "ضربات", "عبوة", "عبوات", "سيارة", "سيارات", "مستشفى", "مشاف",
    )
    + ")"
)  # fmt: skip
_OTHERS = re.compile(word("آخرين", "آخرون", "آخر", "آخران", "أخرى", "اخريات"))
# A noun no list holds after an outcome word's count is taken for people ("ثلاثة صيادين"):
# a plural of persons (-ين، -ون) that names no thing the count could be of.
_PEOPLE_NOUN = re.compile(r"\s+(?:ال)?[\u0621-\u064a]{3,}(?:ين|ون)(?!\w)")
_AND_NUMBER = re.compile(rf"(?<!\w)و(?=\d|(?:{NUMBER_WORD})(?!\w))")
_KILLED_AND_HURT = re.compile(
    r"\s*(?:" + OUTCOME_BEFORE["injured"] + "|" + OUTCOME_BEFORE["killed"] + r")"
)
_TOLL_TRIGGER = re.compile(word("حصيلة", "عدد") + r"[^.،,]{0,30}?")
_TO = re.compile(r"\s*" + word("إلى", "الى", prefix=False) + r"\s*")
_TO_END = re.compile(_TO.pattern + r"[(\s]*$")
_INJURY_TOLL = re.compile(word("الجرحى", "المصابين", "الإصابات", "المصابين"))


def _triggers(sentence: str) -> list[tuple[int, int, str, str]]:
    found: list[tuple[int, int, str, str]] = []
    for outcome, rx in _BEFORE_RES.items():
        found += [(m.start(), m.end(), outcome, "before") for m in rx.finditer(sentence)]
    for outcome, rx in _AFTER_RES.items():
        found += [(m.start(), m.end(), outcome, "after") for m in rx.finditer(sentence)]
    return sorted(found)


def _numbers(sentence: str) -> list[_Number]:
    """Counts of the sentence: numbers and vague quantities with their qualifiers."""
    out: list[_Number] = []
    spans: list[tuple[int, int, int, int, bool]] = []
    scan = _AND_NUMBER.sub(" ", sentence)  # "وثلاثة": the number after its "و" (same length)
    for m in NUMBER.finditer(scan):
        value = parse_number(m.group())
        if value is None or _NOT_PEOPLE.match(scan, m.end()):
            continue
        if scan[m.start() - 1 : m.start()] == "+" or scan[m.end() : m.end() + 1] == "+":
            continue  # "+18", "18+": an age rating or a dialling code, no count of people
        if re.fullmatch(r"(?:19|20)\d\d", m.group()):
            continue  # a year
        spans.append((m.start(), m.end(), value, value, False))
    for m in VAGUE_RE.finditer(sentence):
        if any(a <= m.start() < b for a, b, *_ in spans) or _NOT_PEOPLE.match(sentence, m.end()):
            continue
        key = m.group().lstrip("وب") if m.group().lstrip("وب") in VAGUE else m.group()
        low, high = VAGUE.get(key, (3, 9))
        spans.append((m.start(), m.end(), low, high, True))
    for start, end, low, high, vague in sorted(spans):
        before = sentence[max(0, start - 30) : start]
        qualified_start, kind = start, None
        for k, rx in _QUALIFIER_RES.items():
            q = rx.search(before)
            if q:
                qualified_start, kind = start - (len(before) - q.start()), k
                break
        after = _AT_LEAST_AFTER.match(sentence, end)
        if kind is None and after:
            kind = "at_least"
        out.append(
            _Number(
                qualified_start, end, _count(sentence, qualified_start, end, low, high, kind, vague)
            )
        )
    return out


def _count(
    sentence: str, start: int, end: int, low: int, high: int | None, kind: str | None, vague: bool
) -> Count:
    text = sentence[start:end]
    if kind == "at_least":
        return Count(low, None, text)
    if kind == "more_than":
        return Count(low if vague else low + 1, None, text)
    if kind == "about":
        return Count(low, high, text, approximate=True)
    if kind == "fewer_than":
        return Count(0, max(0, low - 1), text)
    return Count(low, high, text)


def _group_after(sentence: str, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The victims' group named just after a count (its noun, or "من" + a noun or a quoted
    name: "7 من "قسد""); people of a group named after "من" are of that group ("شخصين من
    المدنيين"، "3 أشخاص من عناصر النظام")."""
    group, span = _group_at(sentence, end)
    if group == "people" and span is not None:
        of, of_span = _group_at(sentence, span[1], of_only=True)
        if of not in (None, "people") and of_span is not None:
            return of, (span[0], of_span[1])
    return group, span


_OF = re.compile(r"[\s()]*(?:" + _FROM.pattern + r"[\s\"“”«»']*)?")
_OF_ONLY = re.compile(r"\s*" + _FROM.pattern + r"[\s\"“”«»']*")


def _group_at(
    sentence: str, end: int, *, of_only: bool = False
) -> tuple[str | None, tuple[int, int] | None]:
    m = (_OF_ONLY if of_only else _OF).match(sentence, end)
    if of_only and m is None:
        return None, None
    at = m.end() if m else end
    for group, rx in _GROUP_RES.items():
        g = rx.match(sentence, at)
        if g:
            return group, (g.start(), g.end())
    return None, None


def _side(sentence: str, group: str, end: int) -> str:
    if group != "combatants":
        return group
    window = sentence[end : end + 50]
    if GOVERNMENT_SIDE.search(window):
        return "security_forces"
    if ARMED_SIDE.search(window):
        return "armed_group"
    return group


_QUOTED_NAME = re.compile(r"[\"“«][^\"”»\d]{3,40}[\"”»]")
_PLURAL_THEN_NUMBER = re.compile(
    r"(?P<noun>\S+)\s+(?P<number>"
    + "|".join(map(re.escape, (fold(w) for w in ("اثنين", "اثنان", "اثنتين", "اثنتان"))))
    + r")(?!\w)"
)


def _noun_count(sentence: str, at: int) -> _Number | None:
    """A noun alone after an outcome word: one victim, or two for a dual ("طفلين"); a name in
    quotes is one victim ("مقتل "فلان""); "مدنيين اثنين" is two."""
    quoted = _QUOTED_NAME.match(sentence, at)
    if quoted:
        return _Number(at, quoted.end(), Count(1, 1, quoted.group()), True)
    pair = _PLURAL_THEN_NUMBER.match(sentence, at)
    if pair and any(rx.match(sentence, at) for rx in _GROUP_RES.values()):
        return _Number(at, pair.end(), Count(2, 2, pair.group()), True)
    dual = DUALS.match(sentence, at)
    if dual:
        return _Number(
            dual.start(), dual.end(), Count(2, 2, sentence[dual.start() : dual.end()]), True
        )
    single = SINGULARS.match(sentence, at)
    if single:
        text = sentence[single.start() : single.end()]
        return _Number(single.start(), single.end(), Count(1, 1, text), True)
    return None


def find_figures(sentence: str) -> list[ArabicFigure]:
    """Every figure of a folded sentence, in order."""
    triggers = _triggers(sentence)
    if not triggers:
        return []
    numbers = _numbers(sentence)
    figures: list[ArabicFigure] = []
    used: set[int] = set()
    rising = RISING.search(sentence)
    for n in numbers:
        # "5 قتلى"، "3 مدنيين قتلوا": the outcome named after the count
        bound = _after_trigger(sentence, n, triggers)
        if bound is not None:
            outcome, trig, group, vspan = bound
            figures.append(_figure(sentence, n, outcome, group, vspan, trig))
            used.add(n.start)
            continue
    for start, end, outcome, where in triggers:
        if where != "before" or _KILLED_AND_HURT.match(sentence, end):
            continue
        found = _first_after(sentence, end, numbers, used)
        if found is None:
            found = _co_subject(sentence, start, end)
        if found is None:
            continue
        n = found
        used.add(n.start)
        group, vspan = _counted_group(sentence, n)
        if (
            group is None
            and not _OPEN_AFTER.match(sentence, n.end)
            and not _PEOPLE_NOUN.match(sentence, n.end)
        ):
            continue
        figures.append(_figure(sentence, n, outcome, group or "people", vspan, (start, end)))
    if rising:
        _rising(sentence, rising, numbers, used, figures)
    _toll(sentence, figures, numbers, used)
    _lone(sentence, figures, numbers)
    figures.sort(key=lambda f: f.mention[0])
    _conjuncts_and_parts(sentence, figures, numbers, used)
    _besides(sentence, figures, numbers, used, triggers)
    figures.sort(key=lambda f: f.mention[0])
    return _link_parts(sentence, figures)


# "بالإضافة إلى"، "فضلا عن": another figure of the outcome before it, however far the names
# of the victims before it run ("مقتل الطفلين فلان (9 سنوات) وفلان، إضافة إلى عنصر في الشرطة").
_BESIDES = re.compile(word("إضافة إلى", "إضافة الى", "فضلا عن", "علاوة على"))
_BESIDES_REACH = 150  # characters from the end of the figure before to the conjunction


def _besides(
    sentence: str,
    figures: list[ArabicFigure],
    numbers: list[_Number],
    used: set[int],
    triggers: list[tuple[int, int, str, str]],
) -> None:
    for m in _BESIDES.finditer(sentence):
        ends = [(_end(f), f) for f in figures if _end(f) <= m.start()]
        if not ends:
            continue
        end, before = max(ends, key=lambda e: e[0])
        if m.start() - end > _BESIDES_REACH or any(end <= t[0] < m.start() for t in triggers):
            continue  # too far, or another outcome said between them
        n = _item(sentence, m.end(), numbers, used, joined=False)
        if n is None:
            continue
        group, vspan = _counted_group(sentence, n)
        if group is None:
            continue
        used.add(n.start)
        figures.append(_figure(sentence, n, before.outcome, group, vspan, before.trigger))


def _end(f: ArabicFigure) -> int:
    return max(f.mention[1], f.victims[1], f.trigger[1] if f.trigger else 0)


_TOLL = re.compile(
    word("حصيلة", "عدد", "إجمالي")
    + r"\s+(?:\S+\s+){0,2}?(?P<noun>"
    + word("القتلى", "الضحايا", "الشهداء", "الوفيات", "الجرحى", "المصابين", "الإصابات", "القتيل")
    + r")(?:\s+(?:\S+\s+){0,3}?)??[\s:،,]*"
    + r"(?:(?:بلغ|بلغت|وصل|وصلت|ارتفع|ارتفعت|هو|الى|إلى|الي)\s*)*$"
)


def _toll(
    sentence: str, figures: list[ArabicFigure], numbers: list[_Number], used: set[int]
) -> None:
    """ "عدد الضحايا ١٣"، "حصيلة القتلى: 5": the toll's figure, of the outcome it names."""
    for n in numbers:
        if n.start in used:
            continue
        m = _TOLL.search(sentence, max(0, n.start - 60), n.start)
        if m is None:
            continue
        outcome = "injured" if _INJURY_TOLL.match(sentence, m.start("noun")) else "killed"
        group, vspan = _group_after(sentence, n.end)
        if group in (None, "people"):
            group, vspan = _toll_group(sentence, m.start("noun"), n.start) or (group, vspan)
        figure = _figure(sentence, n, outcome, group, vspan, (m.start("noun"), m.end("noun")))
        figure.cumulative = bool(RISING.search(sentence, max(0, m.start() - 30), n.start))
        figures.append(figure)
        used.add(n.start)


# The dead a toll counts, named by its noun's construct or after "من" / "في صفوف": "حصيلة
# قتلى فصيل X"، "عدد القتلى من عناصر النظام"، "عدد الضحايا في صفوف المدنيين".
_TOLL_NOUN = re.compile(word("قتلى", "ضحايا", "شهداء", "خسائر", "الخسائر البشرية"))
_TOLL_OF = re.compile(r"\s*(?:" + word("من", "في صفوف", "بين", prefix=False) + r")?[\s\"“”«»']*")


def _toll_group(sentence: str, a: int, b: int) -> tuple[str, tuple[int, int]] | None:
    """The group whose dead a toll counts, named between ``a`` and ``b`` (the toll's count)."""
    for m in _TOLL_NOUN.finditer(sentence, a, b):
        at = _TOLL_OF.match(sentence, m.end())
        start = at.end() if at else m.end()
        for group, rx in _GROUP_RES.items():
            g = rx.match(sentence, start)
            if g and g.end() <= b and group != "people":
                return _side(sentence, group, g.end()), (g.start(), g.end())
    return None


_LONE = re.compile(
    r"(?<!\w)[وف]?(?P<noun>"
    + "|".join(sorted(map(re.escape, LONE_OUTCOMES), key=len, reverse=True))
    + r")(?!\w)"
)


def _lone(sentence: str, figures: list[ArabicFigure], numbers: list[_Number]) -> None:
    """An outcome noun standing for its figure, without a number: "شهيدة"، "قتيلان"."""
    for m in _LONE.finditer(sentence):
        at = m.start("noun")
        if any(f.mention[0] <= at < max(f.victims[1], f.mention[1]) for f in figures):
            continue
        if any(0 <= at - n.end <= 2 for n in numbers):
            continue  # "5 قتلى": the number's own noun
        outcome, value, group = LONE_OUTCOMES[m.group("noun")]
        text = m.group("noun")
        count = Count(value, value, text)
        figures.append(
            ArabicFigure(outcome, count, group, (at, m.end()), (at, m.end()), (at, m.end()))
        )


def _counted_group(sentence: str, n: _Number) -> tuple[str | None, tuple[int, int] | None]:
    """The group of the people counted by ``n`` and the words that name it: the noun's own
    for a noun that is its count ("طفلين"), else the group named after the count (``None``
    where none is)."""
    if n.singular:
        return _group_of(sentence, n.start, n.end), (n.start, n.end)
    return _group_after(sentence, n.end)


def _group_of(sentence: str, start: int, end: int) -> str:
    """The group of a noun that is its own count ("طفلين"); "شخصين من المدنيين" are civilians."""
    for group, rx in _GROUP_RES.items():
        if rx.match(sentence, start):
            if group == "people":
                of, span = _group_at(sentence, end, of_only=True)
                if of not in (None, "people") and span is not None:
                    return _side(sentence, of, span[1])
            return _side(sentence, group, end)
    return "people"


def _figure(
    sentence: str,
    n: _Number,
    outcome: str,
    group: str | None,
    vspan: tuple[int, int] | None,
    trig: tuple[int, int] | None,
) -> ArabicFigure:
    g = group or "people"
    if vspan is not None:
        g = _side(sentence, g, vspan[1])
    return ArabicFigure(outcome, n.count, g, (n.start, n.end), vspan or (n.start, n.end), trig)


def _first_after(sentence: str, end: int, numbers: list[_Number], used: set[int]) -> _Number | None:
    """The count an outcome word governs: the first after it, with only fillers between; or
    a noun alone (one victim) or a dual (two)."""
    for n in numbers:
        if n.start < end or n.start in used:
            continue
        if n.start - end > 60 or _filler_end(sentence, end) != n.start:
            break
        return n
    at = _filler_end(sentence, end)
    if at < len(sentence) and any(n.start == at for n in numbers):
        return None
    if sentence.startswith("و", at):
        return None  # "إصابات وشهيد": a word joined by "و" is no object of the outcome
    return _noun_count(sentence, at)


# A verb of the outcome whose subject stands before it, a second subject after a comma:
# "عائلة من أربعة أفراد قتلت، ومقاتل من الفصيل" (the fighter was killed too).
_VERB = re.compile(
    word(
        "قتل", "قتلت", "قتلوا", "قتلا", "استشهد", "استشهدت", "استشهدوا", "توفي", "توفيت",
        "أصيب", "أصيبت", "أصيبوا", "جرح", "جرحت", "جرحوا",
    )
)  # fmt: skip
_AND_AFTER_COMMA = re.compile(r"\s*[،,]\s*(?=و)")


def _co_subject(sentence: str, start: int, end: int) -> _Number | None:
    """One victim (or two) of a group named after the verb's comma and "و"."""
    if not _VERB.fullmatch(sentence, start, end):
        return None
    m = _AND_AFTER_COMMA.match(sentence, end)
    if m is None or any(rx.match(sentence, m.end()) for rx in _BEFORE_RES.values()):
        return None
    n = _noun_count(sentence, m.end())
    if n is None or _group_of(sentence, n.start, n.end) == "people":
        return None
    return n


def _filler_end(sentence: str, at: int) -> int:
    m = _FILLER.match(sentence, at)
    return m.end() if m else at


def _after_trigger(
    sentence: str, n: _Number, triggers: list[tuple[int, int, str, str]]
) -> tuple[str, tuple[int, int], str | None, tuple[int, int] | None] | None:
    """The outcome noun (or verb) just after a count: "5 قتلى"، "(5) شهداء"، "ثلاثة مدنيين
    قتلوا". A word joined by "و" or a verbal noun ("وإصابة"، "إصابة 3") opens a figure of its
    own instead."""
    group, vspan = _group_after(sentence, n.end)
    for start, end, outcome, where in triggers:
        if (
            where != "after"
            or sentence[start] in "وف"
            or _VERBAL_NOUN.fullmatch(sentence, start, end)
        ):
            continue
        gap = sentence[n.end : start]
        if start >= n.end and not gap.strip(" ()"):
            own = _group_of(sentence, start, end)
            return outcome, (start, end), own if own != "people" else None, (start, end)
        if vspan is not None and start >= vspan[1] and not sentence[vspan[1] : start].strip():
            return outcome, (start, end), group, vspan
        if (  # "4 عسكريين، لم تعرف هوياتهم بعد، قتلوا": the verb after an aside
            vspan is not None
            and group is not None
            and 0 < start - vspan[1] <= _ASIDE
            and _AFTER_VERB.fullmatch(sentence, start, end)
            and not _COUNT_OR_OUTCOME.search(sentence, vspan[1], start)
        ):
            return outcome, (start, end), group, vspan
    return None


_ASIDE = 60  # characters between the victims' noun and the verb that says what befell them
_AFTER_VERB = re.compile(word("قتلوا", "قتلا", "استشهدوا", "لقوا", "قضوا", "أصيبوا", "جرحوا"))


_VERBAL_NOUN = re.compile(word("إصابة", "إصابتين"))
_COUNT_OR_OUTCOME = re.compile(
    r"\d|" + "|".join(rx for rx in (*OUTCOME_BEFORE.values(), *OUTCOME_AFTER.values()))
)


def _rising(
    sentence: str,
    rising: re.Match[str],
    numbers: list[_Number],
    used: set[int],
    figures: list[ArabicFigure],
) -> None:
    """ "ارتفعت حصيلة القتلى إلى 10": a running toll of the outcome the toll names."""
    for n in numbers:
        if n.start < rising.end() or n.start - rising.end() > 60:
            continue
        between = sentence[rising.start() : n.start]
        if not _TO_END.search(between):
            continue
        if n.start in used:  # "ارتفعت الحصيلة إلى 10 قتلى": the figure already read is the toll
            for fig in figures:
                if fig.mention[0] == n.start and fig.outcome == "killed":
                    fig.cumulative = True
            return
        outcome = "injured" if _INJURY_TOLL.search(between) else "killed"
        group, vspan = _group_after(sentence, n.end)
        if group in (None, "people"):
            group, vspan = _toll_group(sentence, rising.start(), n.start) or (group, vspan)
        figure = _figure(sentence, n, outcome, group, vspan, (rising.start(), rising.end()))
        figure.cumulative = True
        figures.append(figure)
        used.add(n.start)
        return


def _conjuncts_and_parts(
    sentence: str, figures: list[ArabicFigure], numbers: list[_Number], used: set[int]
) -> None:
    """Figures joined to one before by "و" (same outcome) or opened by "بينهم" (its parts)."""
    for fig in list(figures):
        at = max(fig.victims[1], fig.mention[1])  # a toll's victims may precede its count
        parts = _PARTS_OPEN.match(sentence, _skip_space(sentence, _skip_comma(sentence, at)))
        total = fig if parts else None
        if fig.part_of == -1:
            total = _PART_TOTAL.get(id(fig))
        n = _item(sentence, parts.end(), numbers, used, joined=False) if parts else None
        if parts and n is None:
            continue
        while True:
            if n is None:
                n = _item(sentence, at, numbers, used, joined=True)
                skip = _TO_NEXT_COUNT.match(sentence, at) if n is None else None
                if skip:  # "30 من عناصر التنظيم و8 من الأسايش": past the rest of the group's name
                    n = _item(sentence, skip.end(), numbers, used, joined=True)
                if n is None:
                    break
            group, vspan = _counted_group(sentence, n)
            if group is None and not _OPEN_AFTER.match(sentence, n.end):
                break
            used.add(n.start)
            new = _figure(sentence, n, fig.outcome, group, vspan, fig.trigger)
            if total is not None:
                new.part_of = -1  # resolved to its total's index by _link_parts
                _PART_TOTAL[id(new)] = total
            figures.append(new)
            at, n = new.victims[1], None


def _item(
    sentence: str, at: int, numbers: list[_Number], used: set[int], *, joined: bool
) -> _Number | None:
    """The count or lone noun at ``at`` (after "و" when ``joined``), unless an outcome word
    starts there (a figure of its own)."""
    at = _skip_space(sentence, at)
    if joined:
        if not sentence.startswith("و", at):
            return None
        if any(rx.match(sentence, at) for rx in _BEFORE_RES.values()):
            return None
        after = _skip_space(sentence, at + 1)
        n = next((x for x in numbers if x.start == after and x.start not in used), None)
        if n is None and _LONE.match(sentence, at):
            return None  # "4 إصابات وشهيد": an outcome of its own
        return n or _noun_count(sentence, at)
    if any(rx.match(sentence, at) for rx in _BEFORE_RES.values()):
        return None
    n = next((x for x in numbers if x.start == at and x.start not in used), None)
    return n or _noun_count(sentence, at)


_PART_TOTAL: dict[int, ArabicFigure] = {}
_TO_NEXT_COUNT = re.compile(r"(?:\s+[^\s\d،,.:()]+){1,4}?\s+(?=و\d)")
# What opens the parts of a total: "بينهم"، "منهم"، a bracket ("3 أشخاص (طفلان ورجل)"), "هم:".
_PARTS_OPEN = re.compile(rf"(?:{PARTS.pattern}|\(|(?<!\w)و?هم\s*:)\s*")


def _skip_space(sentence: str, at: int) -> int:
    while at < len(sentence) and sentence[at] in " \t\u200f":
        at += 1
    return at


def _skip_comma(sentence: str, at: int) -> int:
    at = _skip_space(sentence, at)
    return at + 1 if at < len(sentence) and sentence[at] in ",،" else at


def _link_parts(sentence: str, figures: list[ArabicFigure]) -> list[ArabicFigure]:
    index = {id(f): i for i, f in enumerate(figures)}
    for f in figures:
        if f.part_of == -1:
            total = _PART_TOTAL.pop(id(f), None)
            f.part_of = index.get(id(total)) if total is not None else None
    return figures


def fold_sentence(text: str) -> str:
    """``text`` folded (for tests and callers that hold original text)."""
    return fold(text)


COMBATANTS = COMBATANT_GROUPS
