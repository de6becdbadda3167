"""What surrounds a number: the scale word, range and qualifier after it, and its kind.

The words after a number can make it an age, a percentage, money, a time, a duration, a measure
or a date; the words before it a date, an age, money, an id or a year.
"""

from __future__ import annotations

import re

from warmonitor.extract.counts.cores import read_core
from warmonitor.extract.counts.number import Num, apply_scale_word, scale_number
from warmonitor.extract.counts.patterns import (
    CORE,
    LEAD_MARKS,
    ONE_OF_NEXT,
    R_AGE,
    R_DATE_MONTH,
    R_DURATION,
    R_HYPHEN_WORD,
    R_MEASURE,
    R_MILITARY_HOURS,
    R_MONEY,
    R_NAME_BEFORE,
    R_NEXT_WORD,
    R_PERCENT,
    R_RANGE_SEP,
    R_RATIO,
    R_SUFFIX_QUAL,
    R_TIME,
    R_YEAR_AFTER,
    prev_tokens,
)
from warmonitor.extract.counts.qualifiers import qualifier
from warmonitor.extract.counts.words import (
    AGE_PREV,
    CHILD_WORDS,
    COUNTED_NOUNS,
    CURRENCY_PREV,
    ID_PREV,
    MONTHS,
    ONE_PREV_EXCLUDE,
    PUNCT_END,
    WAR_NOUNS,
    WEEKDAYS,
    YEAR_PREV,
)

__all__ = ["classify_left", "classify_right", "extend_right", "one_excluded"]


def extend_right(text: str, num: Num) -> None:
    """Scale words, the second number of a range and a qualifier after the number."""
    apply_scale_word(text, num)
    if num.kind != "count":
        return
    if not num.is_range and num.span_end < 0:
        _range(text, num)
    q = R_SUFFIX_QUAL.match(text, num.right)
    if q is not None:
        num.suffix = (
            "at_least" if q.group("least") else "approx" if q.group("approx") else "at_most"
        )
        num.span_end = q.end()


def _range(text: str, num: Num) -> None:
    """Ranges: "10 to 15", "between 2 and 3 million", "two or three", "10 - 15"."""
    sep = R_RANGE_SEP.match(text, num.end)
    if sep is None:
        return
    word = sep.group().strip().lower()
    prev = prev_tokens(text, num.start, 1)
    prev_word = prev[0][0].lower() if prev else ""
    if word == "and" and prev_word != "between":
        return
    if word == "to" and prev_word == "from":
        return  # "rose from 200 to 300": two figures, not a range
    m2 = CORE.match(text, sep.end())
    if m2 is None or m2.lastgroup == "zero":
        return
    if word in "-–—" and m2.lastgroup != "digits":
        return
    second = read_core(text, m2)
    if second is None or second.kind != "count" or second.span_end >= 0 or second.is_range:
        return
    apply_scale_word(text, second)
    if num.scalable and second.mult > 1 and num.low * second.mult < second.low:
        scale_number(num, second.mult, num.end)  # "between 2 and 3 million": 2 million
    high = second.high if second.high is not None else second.low
    if high <= num.low:
        return
    if num.year_like and second.year_like:
        num.kind = "year"
    if word == "and":
        num.span_start = prev[0][1]  # "between 20 and 30"
    num.high, num.end = high, second.end
    num.is_range, num.scalable = True, False
    num.vague = num.vague or second.vague


def _unit(num: Num, r: re.Match[str] | None) -> bool:
    """A unit matched after the number; "of" is allowed only after a vague quantity."""
    return r is not None and (num.vague or not r.group("of"))


def classify_right(text: str, num: Num) -> None:
    """Kinds decided by what follows: ages, percentages, money, times, durations, measures."""
    e = num.right
    if (r := R_AGE.match(text, e)) is not None:
        num.kind = "duration" if _war_noun_follows(text, r.end()) else "age"
        num.span_end = r.end()
    elif (r := R_PERCENT.match(text, e)) is not None:
        num.kind, num.span_end = "percent", r.end()
    elif _unit(num, r := R_MONEY.match(text, e)) and r is not None:
        num.kind, num.span_end = "money", r.end()
    elif not num.vague and (r := R_TIME.match(text, e) or _military_hours(text, num)):
        num.kind, num.span_end = "time", r.end()
    elif _unit(num, r := R_DURATION.match(text, e)) and r is not None:
        num.kind, num.span_end = "duration", r.end()
    elif _unit(num, r := R_MEASURE.match(text, e)) and r is not None:
        num.kind, num.span_end = "measure", r.end()
    elif (
        not num.vague
        and not num.is_range
        and 1 <= num.low <= 31
        and num.mult == 1
        and (r := R_DATE_MONTH.match(text, e)) is not None
    ):
        num.kind, num.span_end = "date", r.end()
    elif (
        num.low == 1
        and not num.vague
        and not num.is_range
        and (r := R_RATIO.match(text, e)) is not None
    ):
        num.kind, num.span_end = "other", r.end()  # "one in five children": a ratio
    elif R_HYPHEN_WORD.match(text, e):
        w = R_NEXT_WORD.match(text, e)
        num.kind, num.span_end = "other", (w.end() if w else e)  # "two-state", "300-strong"


def _military_hours(text: str, num: Num) -> re.Match[str] | None:
    """ "0300 hours" is a time of day ("24 hours" is a duration)."""
    if len(num.raw) == 4 and num.raw[0] == "0" and num.raw.isdigit():
        return R_MILITARY_HOURS.match(text, num.right)
    return None


def _war_noun_follows(text: str, pos: int) -> bool:
    """ "a 13-year-old civil conflict": the age of a war is a duration."""
    for _ in range(3):
        w = R_NEXT_WORD.match(text, pos)
        if w is None:
            return False
        if w.group(1).lower() in WAR_NOUNS:
            return True
        pos = w.end()
    return False


def _counted_noun_follows(text: str, pos: int) -> bool:
    w = R_NEXT_WORD.match(text, pos)
    return w is not None and w.group(1) in COUNTED_NOUNS


def classify_left(text: str, num: Num) -> None:
    """Kinds decided by what comes before: dates, ages, money, ids, years."""
    prev = prev_tokens(text, num.start, 3)
    if not prev:
        if num.year_like and not _counted_noun_follows(text, num.end):
            num.kind = "year"
        return
    tok, tok_start = prev[0]
    clean = tok.lstrip(LEAD_MARKS)
    tok_start += len(tok) - len(clean)
    low = clean.lower()
    punct = not clean or clean[-1] in PUNCT_END
    before = [t.lstrip(LEAD_MARKS).lower() for t, _ in prev[1:]]
    day_like = 1 <= num.low <= 31 and (num.high is None or num.high <= 31)
    if (
        not punct
        and clean.rstrip(".") in MONTHS
        and (day_like or num.year_like)
        and not num.vague
        and num.mult == 1
    ):
        num.kind, num.span_start = "date", tok_start  # "March 6", "March 2025"
        if day_like and (y := R_YEAR_AFTER.match(text, num.right)) is not None:
            num.span_end = y.end()
        return
    if num.kind != "count":
        return
    if not punct and low in AGE_PREV:
        num.kind, num.span_start = "age", tok_start  # "aged 25"
    elif _age_after_name(text, num):
        num.kind = "age"  # "killed John Doe, 34, a teacher", "Jane Roe (28)"
    elif not punct and low == "of" and before[:1] == ["age"]:
        num.kind, num.span_start = "age", prev[1][1]  # "under the age of 18"
    elif not punct and low == "between" and before[:1] and before[0] in AGE_PREV:
        num.kind, num.span_start = "age", prev[1][1]  # "aged between 15 and 20"
    elif (
        not punct
        and low in ("under", "over", "below", "above")
        and before[:1]
        and before[0] in CHILD_WORDS
    ):
        num.kind, num.span_start = "age", tok_start  # "children under 5"
    elif not punct and low == "than" and before[:1] and before[0] in ("younger", "older"):
        num.kind, num.span_start = "age", prev[1][1]  # "children younger than 10"
    elif low in CURRENCY_PREV:
        num.kind, num.span_start = "money", tok_start  # "USD 5 million", "$ 300"
    elif (
        (not punct or low.endswith("."))
        and low in ID_PREV
        and not num.vague
        and text[num.start].isdigit()
    ):
        num.kind, num.span_start = "other", tok_start  # "Resolution 2254", "Highway 4"
    elif num.year_like and (
        (low in YEAR_PREV and not punct)
        or (not _counted_noun_follows(text, num.end) and qualifier(text, num.start) is None)
    ):
        num.kind = "year"  # "in 2013"; "2000 people" and "at least 2000" stay counts


def _age_after_name(text: str, num: Num) -> bool:
    """ "John Doe, 34, a teacher", "Jane Roe (28)": a plain number set off right after a
    capitalised name is the person's age."""
    if num.vague or num.is_range or num.mult != 1 or not text[num.start].isdigit():
        return False
    if not 1 <= num.low <= 110 or num.end - num.start > 3:
        return False
    m = R_NAME_BEFORE.search(text, max(0, num.start - 40), num.start)
    if m is None or m.group(1) in MONTHS or m.group(1) in WEEKDAYS:
        return False
    closer = ")" if "(" in m.group(2) else ","
    return text[num.end : num.end + 1] == closer


def one_excluded(text: str, num: Num) -> bool:
    """The word "one" that is not a count: "one of the", "one another", "the one", "one's"."""
    if ONE_OF_NEXT.match(text, num.end):
        return True
    prev = prev_tokens(text, num.start, 1)
    return bool(prev) and prev[0][0].lower() in ONE_PREV_EXCLUDE
