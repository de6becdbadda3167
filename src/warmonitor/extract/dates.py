"""Time expressions in a sentence, resolved to periods against an anchor date.

"on Thursday", "yesterday", "last week", "March 6", "6 March 2025", "in March 2025", "two days
of fighting", "over the past 24 hours", "since Thursday": :func:`find_time_expressions` finds
them and resolves each against ``anchor`` (the date of the report or of the statement). The
conventions are written in ``docs/COUNTS.md``; in short, nothing resolves into the future of the
anchor except "next …", a weekday is the most recent one on or before the anchor, and a duration
ends on the anchor, both days included.

Pure domain code: precompiled regexes, date arithmetic; ``dateparser`` is called only on the
substring of a date-like pattern the regexes do not read themselves.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, Literal

from warmonitor.extract.numbers import CARDINALS, parse_words
from warmonitor.model import Period

__all__ = ["TIME_KINDS", "TimeKind", "TimeMention", "find_time_expressions", "resolve_period"]

TimeKind = Literal["day", "range", "month", "year", "duration", "relative"]
TIME_KINDS: tuple[str, ...] = ("day", "range", "month", "year", "duration", "relative")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression: ``text == sentence[start:end]``, its ``period`` and ``kind``.

    ``period`` is ``None`` when the expression cannot be fixed (no anchor for a relative
    expression, a year that cannot be inferred, "two days later", "recently"). ``kind``:
    "day" (one date), "range" (several days: "last week", "since Thursday", "6-8 March"),
    "month", "year", "duration" (a stretch that ends on the anchor: "two days of fighting",
    "the past 24 hours") or "relative" (a time relative to something unknown: "two days later").
    """

    start: int
    end: int
    text: str
    period: Period | None
    kind: TimeKind


# --------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_MONTH_NUMBERS: dict[str, int] = {}
for _i, _name in enumerate(_MONTH_NAMES.split(), start=1):
    _MONTH_NUMBERS[_name] = _i
    _MONTH_NUMBERS[_name[:3]] = _i
_MONTH_NUMBERS["Sept"] = 9
_WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
_WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_NAMES.split())}

_MONTH_FULL = _MONTH_NAMES.replace(" ", "|")
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = _WEEKDAY_NAMES.replace(" ", "|")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUM_WORDS = "|".join(sorted(CARDINALS - {"zero"}, key=len, reverse=True))
_LEAD = rf"(?:(?i:on)\s+)?(?:(?:{_WEEKDAY}),?\s+)?(?:(?i:the)\s+)?"

_PATTERNS = (
    r"(?P<iso>\b(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})\b)",
    r"(?P<num>\b(?P<num_a>\d{1,2})(?P<num_sep>[/.])(?P<num_b>\d{1,2})(?P=num_sep)"
    r"(?P<num_y>\d{4}|\d{2})\b(?![/.]\d))",
    rf"(?P<dr>(?:(?i:between|from)\s+)?\b(?P<dr_a>\d{{1,2}}){_ORD}\s*(?:-|–|(?i:to|and))\s*"
    rf"(?P<dr_b>\d{{1,2}}){_ORD}\s+(?:(?i:of)\s+)?(?P<dr_m>{_MONTH})(?!\w)"
    rf"(?:,?\s+(?P<dr_y>{_YEAR})\b)?)",
    rf"(?P<mr>(?:(?i:between|from)\s+)?\b(?P<mr_m>{_MONTH})\s+(?P<mr_a>\d{{1,2}}){_ORD}\s*"
    rf"(?:-|–|(?i:to|and))\s*(?P<mr_b>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<mr_y>{_YEAR})\b)?)",
    rf"(?P<dm>{_LEAD}\b(?P<dm_d>\d{{1,2}}){_ORD}\s+(?:(?i:of)\s+)?(?P<dm_m>{_MONTH})(?!\w)"
    rf"(?:,?\s+(?P<dm_y>{_YEAR})\b)?)",
    rf"(?P<md>{_LEAD}\b(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}}){_ORD}\b(?![.,:]?\d)"
    rf"(?:,?\s+(?P<md_y>{_YEAR})\b)?)",
    rf"(?P<loose>\b(?:{_MONTH}\s+(?i:the)\s+\d{{1,2}}{_ORD}(?:,?\s+{_YEAR})?"
    r"|\d{1,2}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?:\d{4}|\d{2}))\b)",
    r"(?P<pt>\b(?P<pt_w>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    rf"|the\s+middle\s+of|end|beginning))[\s-]+(?P<pt_m>{_MONTH_FULL})\b"
    rf"(?:,?\s+(?P<pt_y>{_YEAR})\b)?)",
    r"(?P<my>(?:(?P<my_p>(?i:since|in|during|until|till|by|from|through|throughout|of))\s+)?"
    rf"\b(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR})\b)",
    r"(?P<pm>\b(?P<pm_p>(?i:in|since|during|until|till|by|from|through|throughout|last|this"
    rf"|before|after|early|late|mid))\s+(?:-\s*)?(?P<pm_m>{_MONTH_FULL})\b(?!\s*\d))",
    rf"(?P<yr>\b(?P<yr_p>(?i:between|from|in|during)\s+)?(?P<yr_a>{_YEAR})\s*"
    rf"(?P<yr_sep>-|–|(?i:to|and|until|through))\s*(?P<yr_b>{_YEAR}|\d\d)\b(?![,.]?\d))",
    r"(?P<py>\b(?P<py_p>(?i:in|since|during|until|till|by|from|through|throughout|before|after"
    rf"|early|late|mid|of))[\s-]+(?P<py_y>{_YEAR})\b(?![,.]?\d))",
    r"(?P<rel>\b(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight"
    r"|this\s+(?:morning|afternoon|evening)|last\s+night|overnight|earlier\s+today"
    r"|earlier\s+in\s+the\s+day|earlier\s+this\s+(?:week|month|year)"
    r"|(?:last|this|the\s+past|the\s+previous|previous|past)\s+(?:week|month|year|weekend"
    r"|fortnight)|(?:at|over|during)\s+the\s+weekend|(?:in\s+)?recent\s+(?:days|weeks|months)"
    r"|recently)\b)",
    r"(?P<dur>\b(?:(?P<dur_p>(?i:in|over|during|for|within|throughout|after))\s+)?"
    r"(?:(?i:the)\s+)?(?:(?P<dur_past>(?i:past|last|previous|first|next))\s+)?"
    rf"(?P<dur_n>\d{{1,3}}|(?i:(?:{_NUM_WORDS})(?:[\s-](?:{_NUM_WORDS}))?|an?|a\s+few|several"
    r"|a\s+couple\s+of|few))\s+(?:(?i:more|full|long|consecutive|straight|successive)\s+)?"
    r"(?P<dur_u>(?i:hours?|days?|nights?|weeks?|months?|years?))\b"
    r"(?:\s+(?P<dur_tail>(?i:ago|later|earlier|before|after"
    r"|of\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those)\b)[a-z]+)))?)",
    rf"(?P<wd>\b(?:(?P<wd_mod>(?i:last|this|next|since|until|till|by|from|on|early\s+on"
    rf"|late\s+on|early|late))\s+)?(?P<wd_d>{_WEEKDAY})(?:['’]s)?"
    r"(?:\s+(?P<wd_part>(?i:night|morning|afternoon|evening)))?\b)",
)
# The words a time expression can start with: the regex tries its patterns only there.
_START_WORDS = (
    "on|the|between|from|early|mid|late|end|beginning|since|in|during|until|till|by|through"
    "|throughout|last|this|next|before|after|of|yesterday|today|tonight|overnight|earlier"
    f"|previous|past|at|over|recent|recently|for|within|a|an|several|few|{_NUM_WORDS}"
)
_STARTS = rf"(?<!\w)(?=\d|[A-Z][a-z]|(?i:{_START_WORDS})\b)"
# The plain union: what a text is searched with in effect (``_search_for`` narrows it).
_TIME_RE = re.compile(_STARTS + "(?:" + "|".join(_PATTERNS) + ")")

# What a text must hold for a pattern to match anywhere in it (read off the pattern: every match
# holds it), and how a match of the pattern can begin: a digit, a capital (a month, a weekday,
# "First"), or one of its words, all of them start words. A text is searched with the patterns
# its holdings allow, in their order, tried only where one of those can begin: the leftmost
# match at a place is the plain union's, and no other pattern could match anywhere.
_DIGIT, _MONTH_HELD, _WEEKDAY_HELD, _WHEN_HELD, _YEAR_HELD, _UNIT_HELD = 1, 2, 4, 8, 16, 32
_CAPITAL = "[A-Z][a-z]"
_FROM = "since|in|during|until|till|by|from|through|throughout"
_OPENINGS: tuple[tuple[int, str, str], ...] = (
    (_DIGIT, r"\d", ""),  # iso
    (_DIGIT, r"\d", ""),  # num
    (_DIGIT | _MONTH_HELD, r"\d", "between|from"),  # dr
    (_DIGIT | _MONTH_HELD, _CAPITAL, "between|from"),  # mr
    (_DIGIT | _MONTH_HELD, rf"\d {_CAPITAL}", "on|the"),  # dm
    (_DIGIT | _MONTH_HELD, _CAPITAL, "on|the"),  # md
    (_DIGIT | _MONTH_HELD, rf"\d {_CAPITAL}", ""),  # loose
    (_MONTH_HELD, "", "early|mid|late|the|end|beginning"),  # pt
    (_YEAR_HELD | _MONTH_HELD, _CAPITAL, f"{_FROM}|of"),  # my
    (_MONTH_HELD, "", f"{_FROM}|last|this|before|after|early|late|mid"),  # pm
    (_YEAR_HELD, r"\d", "between|from|in|during"),  # yr
    (_YEAR_HELD, "", f"{_FROM}|before|after|early|late|mid|of"),  # py
    (
        _WHEN_HELD,
        "",
        "the|yesterday|today|tonight|this|last|overnight|earlier|previous|past|at|over|during"
        "|in|recent|recently",
    ),  # rel
    (
        _UNIT_HELD,
        rf"\d {_CAPITAL}",  # "First three days": "first" is no start word, "First" a capital
        "in|over|during|for|within|throughout|after|the|past|last|previous|next|a|an|several"
        f"|few|{_NUM_WORDS}",
    ),  # dur
    (_WEEKDAY_HELD, _CAPITAL, "last|this|next|since|until|till|by|from|on|early|late"),  # wd
)
_HOLDS_DIGIT = re.compile(r"\d")
_HOLDS_YEAR = re.compile(_YEAR)
_HOLDS_MONTH = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_HOLDS_WEEKDAY = re.compile(_WEEKDAY)
# The words "yesterday", "two days", "the past week", "recently" turn on, each opening a word.
_WHEN_WORDS = (
    "hour|day|night|week|month|year|fortnight|recent|morning|afternoon|evening|yesterday|today"
    "|tonight|overnight"
)
_HOLDS_WHEN = re.compile(rf"\b(?i:{_WHEN_WORDS})")
_HOLDS_WHEN_LOWER = re.compile(rf"\b(?:{_WHEN_WORDS})")  # an ASCII text lowercased: quicker
# A duration's unit, after a space: "two days", "24 hours".
_UNITS = "hour|day|night|week|month|year"
_HOLDS_UNIT = re.compile(rf"\s(?i:{_UNITS})")
_HOLDS_UNIT_LOWER = re.compile(rf"\s(?:{_UNITS})")


def _holdings(text: str) -> int:
    """What of ``_OPENINGS``' holdings ``text`` holds, as flags."""
    held = 0
    if _HOLDS_DIGIT.search(text) is not None:
        held |= _DIGIT
        if _HOLDS_YEAR.search(text) is not None:
            held |= _YEAR_HELD
    if _HOLDS_MONTH.search(text) is not None:
        held |= _MONTH_HELD
    if _HOLDS_WEEKDAY.search(text) is not None:
        held |= _WEEKDAY_HELD
    if text.isascii():
        low = text.lower()
        when, unit = _HOLDS_WHEN_LOWER.search(low), _HOLDS_UNIT_LOWER.search(low)
    else:
        when, unit = _HOLDS_WHEN.search(text), _HOLDS_UNIT.search(text)
    if when is not None:
        held |= _WHEN_HELD
    if unit is not None:
        held |= _UNIT_HELD
    return held


# The holdings a narrowed union is compiled for, cheapest first: a text is searched with the
# first that covers its own (compiling one for every mix would cost more than it saves), or
# with the plain union. The mixes of a news sentence: digits, a weekday or both; words of time,
# then units besides, with a weekday and with digits; month names; all but a year's digits;
# a full date ("5 March 2020"), with words of time or without.
_COVERS = (
    _DIGIT,
    _WEEKDAY_HELD,
    _DIGIT | _WEEKDAY_HELD,
    _WEEKDAY_HELD | _WHEN_HELD,
    _DIGIT | _WEEKDAY_HELD | _WHEN_HELD,
    _WEEKDAY_HELD | _WHEN_HELD | _UNIT_HELD,
    _DIGIT | _WEEKDAY_HELD | _WHEN_HELD | _UNIT_HELD,
    _DIGIT | _MONTH_HELD | _WEEKDAY_HELD,
    _DIGIT | _MONTH_HELD | _WEEKDAY_HELD | _WHEN_HELD | _UNIT_HELD,
    _DIGIT | _MONTH_HELD | _YEAR_HELD,
    _DIGIT | _MONTH_HELD | _YEAR_HELD | _WHEN_HELD | _UNIT_HELD,
)


@cache
def _search_for(held: int) -> re.Pattern[str] | None:
    """What a text with holdings ``held`` is searched with: the narrowed union of the first of
    ``_COVERS`` that holds ``held``, or the plain union; ``None`` when no pattern can match."""
    if not any(needs & held == needs for needs, _, _ in _OPENINGS):
        return None
    for cover in _COVERS:
        if held & ~cover == 0:
            return _narrowed(cover)
    return _TIME_RE


@cache
def _narrowed(held: int) -> re.Pattern[str]:
    """The union of the patterns a text with holdings ``held`` can match, tried only where one
    of them can begin."""
    chosen = [i for i, (needs, _, _) in enumerate(_OPENINGS) if needs & held == needs]
    heads = {h for i in chosen for h in _OPENINGS[i][1].split()}
    words = dict.fromkeys(w for i in chosen for w in _OPENINGS[i][2].split("|") if w)
    starts = [h for h in (r"\d", _CAPITAL) if h in heads]
    if words:
        starts.append("(?i:" + "|".join(words) + r")\b")
    union = "|".join(_PATTERNS[i] for i in chosen)
    return re.compile(r"(?<!\w)(?=" + "|".join(starts) + ")(?:" + union + ")")


_SINCE_BEFORE = re.compile(r"(?i:\bsince\s+)$")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_HAS_YEAR = re.compile(r"\d{4}|-\d{2}\b")
_COUNTED = frozenset(
    {
        "people",
        "persons",
        "civilians",
        "soldiers",
        "troops",
        "fighters",
        "children",
        "dead",
        "killed",
        "deaths",
        "refugees",
        "others",
        "more",
    }
)

# --------------------------------------------------------------------------------------------
# Date arithmetic


def _last_weekday(anchor: date, weekday: int, *, strict: bool = False) -> date:
    """The most recent ``weekday`` on or before ``anchor`` (strictly before when ``strict``)."""
    delta = (anchor.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _next_weekday(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_day(month: int, day: int, anchor: date | None) -> date | None:
    """A day and month without a year: the latest such date at most one day after the anchor."""
    if anchor is None:
        return None
    limit = anchor + timedelta(days=1)
    for year in range(anchor.year, anchor.year - 9, -1):  # 29 February: back to a leap year
        d = _safe_date(year, month, day)
        if d is not None and d <= limit:
            return d
    return None


def _year_of(raw: str | None) -> int | None:
    if raw is None:
        return None
    y = int(raw)
    if len(raw) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _day(month: int, day: int, year: int | None, anchor: date | None) -> date | None:
    return _safe_date(year, month, day) if year is not None else _infer_day(month, day, anchor)


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".")]


def _duration(n: int, unit: str, anchor: date) -> tuple[date, date]:
    """A stretch of ``n`` units ending on ``anchor``, both ends included."""
    u = unit.lower().rstrip("s")
    if u == "hour":
        return anchor - timedelta(days=-(-n // 24)), anchor
    if u in ("day", "night"):
        return anchor - timedelta(days=max(n, 1) - 1), anchor
    if u == "week":
        return anchor - timedelta(days=7 * n - 1), anchor
    if u == "fortnight":
        return anchor - timedelta(days=14 * n - 1), anchor
    if u == "month":
        return _add_months(anchor, -n) + timedelta(days=1), anchor
    return _add_months(anchor, -12 * n) + timedelta(days=1), anchor


def _ago(n: int, unit: str, anchor: date) -> date:
    u = unit.lower().rstrip("s")
    if u == "hour":
        return anchor - timedelta(days=n // 24)
    if u in ("day", "night"):
        return anchor - timedelta(days=n)
    if u == "week":
        return anchor - timedelta(days=7 * n)
    if u == "month":
        return _add_months(anchor, -n)
    return _add_months(anchor, -12 * n)


# --------------------------------------------------------------------------------------------
# Resolution of one match

_Resolved = tuple[date | None, date | None, TimeKind]  # (start, end, kind)


def _resolve(m: re.Match[str], anchor: date | None) -> _Resolved:
    """(start, end, kind) for one match; start is ``None`` when it cannot be fixed."""
    g = m.group
    kind = m.lastgroup
    if kind == "iso":
        d = _safe_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return d, d, "day"
    if kind == "num":
        d = _numeric_date(
            int(g("num_a")), int(g("num_b")), _year_of(g("num_y")) or 0, g("num_sep") == ".", anchor
        )
        return d, d, "day"
    if kind == "dr" or kind == "mr":
        p = kind
        month = _month_number(g(f"{p}_m"))
        year = _year_of(g(f"{p}_y"))
        a, b = int(g(f"{p}_a")), int(g(f"{p}_b"))
        end = _day(month, b, year, anchor)
        start = _safe_date(end.year, month, a) if end is not None else None
        if start is None or end is None or start > end:
            return None, None, "range"
        return start, end, "range"
    if kind == "dm" or kind == "md":
        d = _day(
            _month_number(g(f"{kind}_m")), int(g(f"{kind}_d")), _year_of(g(f"{kind}_y")), anchor
        )
        return d, d, "day"
    if kind == "loose":
        d = _dateparser_day(g("loose"), anchor)
        return d, d, "day"
    if kind == "pt":
        return _month_part(g("pt_w"), _month_number(g("pt_m")), _year_of(g("pt_y")), anchor)
    if kind == "my":
        start, end = _month_span(int(g("my_y")), _month_number(g("my_m")))
        if (g("my_p") or "").lower() == "since":
            return start, anchor, "range"
        return start, end, "month"
    if kind == "pm":
        return _prep_month(g("pm_p").lower(), _month_number(g("pm_m")), anchor)
    if kind == "yr":
        a = int(g("yr_a"))
        b_raw = g("yr_b")
        b = int(b_raw) if len(b_raw) == 4 else a // 100 * 100 + int(b_raw)
        if b < a:
            return None, None, "range"
        return date(a, 1, 1), date(b, 12, 31), "range"
    if kind == "py":
        y = int(g("py_y"))
        if g("py_p").lower() == "since":
            return date(y, 1, 1), anchor, "range"
        return date(y, 1, 1), date(y, 12, 31), "year"
    if kind == "rel":
        return _relative(" ".join(g("rel").lower().split()), anchor)
    if kind == "dur":
        return _resolve_duration(m, anchor)
    return _weekday(m, anchor)


def _numeric_date(a: int, b: int, year: int, dotted: bool, anchor: date | None) -> date | None:
    """ "6/3/2025": day first when only that reading is valid, or dotted ("6.3.2025"); when both
    readings are valid, the one nearest the anchor and not after it (``None`` without anchor)."""
    dmy, mdy = _safe_date(year, b, a), _safe_date(year, a, b)
    if dotted or mdy is None or dmy == mdy:
        return dmy
    if dmy is None:
        return mdy
    if anchor is None:
        return None
    limit = anchor + timedelta(days=1)
    past = [d for d in (dmy, mdy) if d <= limit]
    if past:
        return max(past)
    return min((dmy, mdy), key=lambda d: d - anchor)


def _month_part(word: str, month: int, year: int | None, anchor: date | None) -> _Resolved:
    w = " ".join(word.lower().split())
    if w in ("early", "the beginning of", "the start of", "beginning"):
        first, last = 1, 10
    elif w in ("mid", "the middle of"):
        first, last = 11, 20
    else:
        first, last = 21, 31
    if year is None:
        if anchor is None:
            return None, None, "range"
        year = anchor.year
        if date(year, month, first) > anchor + timedelta(days=1):
            year -= 1
    last = min(last, monthrange(year, month)[1])
    return date(year, month, first), date(year, month, last), "range"


def _prep_month(prep: str, month: int, anchor: date | None) -> _Resolved:
    """ "in March", "since March", "last March": the most recent such month (clipped to the
    anchor); "last March" in March is the March of the year before."""
    if anchor is None:
        return None, None, "month"
    year = anchor.year if month <= anchor.month else anchor.year - 1
    if prep == "last" and month == anchor.month:
        year -= 1
    start, end = _month_span(year, month)
    if prep == "since":
        return start, anchor, "range"
    if prep in ("early", "late", "mid"):
        return _month_part(prep, month, year, anchor)
    return start, min(end, anchor), "month"


def _relative(w: str, anchor: date | None) -> _Resolved:
    kind: TimeKind = _RELATIVE_KIND.get(w, "range")
    if anchor is None or w.startswith(("recent", "in recent")):
        return None, None, kind
    a = anchor
    if w in (
        "today",
        "tonight",
        "earlier today",
        "earlier in the day",
        "this morning",
        "this afternoon",
        "this evening",
    ):
        return a, a, "day"
    if w == "yesterday":
        return a - timedelta(days=1), a - timedelta(days=1), "day"
    if w == "the day before yesterday":
        return a - timedelta(days=2), a - timedelta(days=2), "day"
    if w in ("last night", "overnight"):
        return a - timedelta(days=1), a, "range"
    if w in ("last week", "previous week", "the previous week"):
        return a - timedelta(days=7), a - timedelta(days=1), "range"
    if w in ("last fortnight", "previous fortnight", "the previous fortnight"):
        return a - timedelta(days=14), a - timedelta(days=1), "range"
    if w.startswith(("the past ", "past ")):
        start, end = _duration(1, w.split()[-1], a)
        return start, end, "duration"
    if w in ("earlier this week", "this week"):
        return a - timedelta(days=a.weekday()), a, "range"
    if w in ("earlier this fortnight", "this fortnight"):
        return a - timedelta(days=13), a, "range"
    if w in ("earlier this month", "this month"):
        return a.replace(day=1), a, "range" if w.startswith("earlier") else "month"
    if w in ("earlier this year", "this year"):
        return date(a.year, 1, 1), a, "range" if w.startswith("earlier") else "year"
    if w in ("last month", "previous month", "the previous month"):
        start, end = _month_span(*_prev_month(a))
        return start, end, "month"
    if w in ("last year", "previous year", "the previous year"):
        return date(a.year - 1, 1, 1), date(a.year - 1, 12, 31), "year"
    if w.endswith("weekend"):
        return _weekend(w, a)
    return None, None, "relative"


_RELATIVE_KIND: dict[str, TimeKind] = {
    "today": "day",
    "tonight": "day",
    "yesterday": "day",
    "the day before yesterday": "day",
    "earlier today": "day",
    "earlier in the day": "day",
    "this morning": "day",
    "this afternoon": "day",
    "this evening": "day",
    "last month": "month",
    "previous month": "month",
    "the previous month": "month",
    "this month": "month",
    "last year": "year",
    "previous year": "year",
    "the previous year": "year",
    "this year": "year",
    "the past week": "duration",
    "past week": "duration",
    "the past month": "duration",
    "past month": "duration",
    "the past year": "duration",
    "past year": "duration",
    "the past fortnight": "duration",
    "past fortnight": "duration",
    "recently": "relative",
    "recent days": "relative",
    "recent weeks": "relative",
    "recent months": "relative",
    "in recent days": "relative",
    "in recent weeks": "relative",
    "in recent months": "relative",
}


def _prev_month(a: date) -> tuple[int, int]:
    return (a.year, a.month - 1) if a.month > 1 else (a.year - 1, 12)


def _weekend(w: str, a: date) -> _Resolved:
    """ "the weekend": the one the anchor is in (up to the anchor) or else the last one;
    "last weekend": the last weekend that ended before the anchor's own."""
    if w.endswith("the weekend") or w == "this weekend":
        if a.weekday() == 5:
            return a, a, "range"
        if a.weekday() == 6:
            return a - timedelta(days=1), a, "range"
    sunday = _last_weekday(a, 6, strict=True)
    return sunday - timedelta(days=1), sunday, "range"


def _number(raw: str) -> int | None:
    """The count of a duration: digits, number words, "a"/"an" (vague words give ``None``)."""
    s = raw.lower()
    if s.isdigit():
        return int(s)
    if s in ("a", "an"):
        return 1
    parsed = parse_words(s.replace("-", " ").split())
    if parsed is None or parsed[1] != len(s.replace("-", " ").split()):
        return None
    return parsed[0]


def _resolve_duration(m: re.Match[str], anchor: date | None) -> _Resolved:
    """ "two days of fighting", "the past 24 hours" (a stretch ending on the anchor);
    "three days ago" (a day); "two days later" (relative to something else)."""
    prep = (m.group("dur_p") or "").lower()
    past = (m.group("dur_past") or "").lower()
    tail = " ".join((m.group("dur_tail") or "").lower().split())
    n = _number(m.group("dur_n"))
    unit = m.group("dur_u")
    if tail == "ago":
        if n is None or anchor is None:
            return None, None, "day"
        d = _ago(n, unit, anchor)
        return d, d, "day"
    of_noun = tail.startswith("of ")
    ends_on_anchor = (
        past in ("past", "last", "previous")
        or (of_noun and past == "")
        or (prep in ("over", "during", "for", "throughout") and not tail and past == "")
    )
    if not ends_on_anchor or n is None or anchor is None:
        return None, None, "duration" if ends_on_anchor else "relative"
    start, end = _duration(n, unit, anchor)
    return start, end, "duration"


def _weekday(m: re.Match[str], anchor: date | None) -> _Resolved:
    mod = " ".join((m.group("wd_mod") or "").lower().split())
    wd = _WEEKDAYS[m.group("wd_d")]
    if anchor is None:
        return None, None, "range" if mod == "since" else "day"
    if mod == "next":
        d = _next_weekday(anchor, wd)
    else:
        d = _last_weekday(anchor, wd, strict=mod == "last")
    if mod == "since":
        return d, anchor, "range"
    return d, d, "day"


_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month"],
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _dateparser_day(text: str, anchor: date | None) -> date | None:
    """An explicit date the regexes do not read ("March the 6th", "6-Mar-25"), by dateparser,
    on that substring only; without a year it needs the anchor."""
    import dateparser  # imported here: only these rare forms need it

    has_year = _HAS_YEAR.search(text) is not None
    if anchor is None and not has_year:
        return None
    base = anchor or date.today()
    settings = dict(_DATEPARSER_SETTINGS, RELATIVE_BASE=datetime(base.year, base.month, base.day))
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    d = parsed.date()
    if not has_year and anchor is not None and d > anchor + timedelta(days=1):
        d = _infer_day(d.month, d.day, anchor) or d
    return d


# --------------------------------------------------------------------------------------------
# Public API


def _skip(m: re.Match[str], text: str) -> bool:
    """Matches that are not time expressions after all."""
    kind = m.lastgroup
    if kind == "yr":  # "between 2000 and 3000 people": counts, not years
        sep = m.group("yr_sep").lower()
        if sep == "and" and (m.group("yr_p") or "").strip().lower() != "between":
            return True
        nxt = _NEXT_WORD.match(text[m.end() : m.end() + 20])
        return nxt is not None and nxt.group(1) in _COUNTED
    if kind == "py":
        nxt = _NEXT_WORD.match(text[m.end() : m.end() + 20])
        return nxt is not None and nxt.group(1) in _COUNTED and m.group("py_p").lower() != "in"
    if kind == "wd":
        # "the Sunday Times": a name, not a day
        before = text[max(0, m.start() - 4) : m.start()].lower()
        if m.group("wd_mod") or before != "the ":
            return False
        after = text[m.end() : m.end() + 2]
        return len(after) == 2 and after[0] == " " and after[1].isupper()
    if kind == "dur":
        # a bare "two days" with neither preposition, "past" nor tail says nothing of when
        return not (m.group("dur_p") or m.group("dur_past") or m.group("dur_tail"))
    return False


def find_time_expressions(text: str, anchor: date | None) -> list[TimeMention]:
    """Every time expression of ``text``, left to right, resolved against ``anchor``.

    ``anchor`` is the date the text speaks from (the report's or the statement's date); without
    it only explicit dates with a year resolve.
    """
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    search = _search_for(_holdings(text))
    if search is None:
        return []
    out: list[TimeMention] = []
    for m in search.finditer(text):
        if _skip(m, text):
            continue
        start, end = m.span()
        begin, finish, kind = _resolve(m, anchor)
        since = _SINCE_BEFORE.search(text, max(0, start - 8), start)
        if since is not None and kind in ("day", "month", "year") and begin is not None:
            start, finish, kind = since.start(), anchor, "range"
        span = text[start:end]
        period = Period(begin, finish, span) if begin is not None else None
        out.append(TimeMention(start, end, span, period, kind))
    return out


def resolve_period(text: str, anchor: date | None) -> Period | None:
    """The period of one time phrase ("on Thursday", "two days of fighting"), or ``None``."""
    for mention in find_time_expressions(text, anchor):
        if mention.period is not None:
            return mention.period
    return None
