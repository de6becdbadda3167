"""Reading the number itself: a digit token, number words, a vague quantity or "no one".

:func:`read_core` turns a match of ``counts.patterns.CORE`` into a :class:`Num` with a first
kind; what follows and precedes the number is read by ``counts.kinds``.
"""

from __future__ import annotations

import re

from warmonitor.extract.counts.number import (
    CountKind,
    Num,
    apply_scale_word,
    is_year,
    lead_int,
    plain_number,
    scale_number,
    to_int,
)
from warmonitor.extract.counts.patterns import (
    C_DATE,
    C_DECADE,
    C_HYPHEN,
    C_MONEY,
    C_ORDINAL,
    C_PERCENT,
    C_PLAIN,
    C_PLUS,
    C_RANGE,
    C_SUFFIX,
    C_TILDE,
    C_TIME,
    COUPLE_AFTER,
    LEAD_MARKS,
    MARRIED,
    MEASURE_UNITS,
    R_DATE_MONTH,
    R_JOIN_THOUSANDS,
    R_MILITARY_HOURS,
    R_NEXT_WORD,
    R_PHONE_TAIL,
    R_TIME,
    TRAIL_STRIP,
    WORD_TOKENS,
    prev_tokens,
)
from warmonitor.extract.counts.qualifiers import vague_range
from warmonitor.extract.counts.words import COUNTED_NOUNS, DECADE_AGE_PREV, MONTHS
from warmonitor.extract.numbers import (
    ORDINAL_WORDS,
    SCALE_WORDS,
    SUFFIX_SCALES,
    parse_digits,
    parse_words,
)

__all__ = ["read_core"]

_MEASURE_UNIT = re.compile(MEASURE_UNITS, re.IGNORECASE)


def _join_thousands(text: str, num: Num) -> None:
    """ "12 000": digit groups split by a space, unless a month precedes ("March 12 150")."""
    prev = prev_tokens(text, num.start, 1)
    if prev and prev[0][0].rstrip(".") in MONTHS:
        return
    raw, end = num.raw, num.end
    while (j := R_JOIN_THOUSANDS.match(text, end)) is not None:
        raw, end = raw + j.group(1), j.end()
    if end != num.end:
        num.end, num.raw = end, raw
        num.low = num.high = int(raw)
        num.year_like = False


def _digits_core(text: str, m: re.Match[str]) -> Num | None:
    """Classify one whitespace-delimited token that holds a digit."""
    tok = m.group("digits")
    ms = m.start("digits")
    lead = len(tok) - len(tok.lstrip(LEAD_MARKS))
    if lead:
        ms += lead
        tok = tok[lead:]
    trail = TRAIL_STRIP.search(tok)
    if trail is not None and trail.start() > 0:
        tok = tok[: trail.start()]
    me = ms + len(tok)
    if not tok:
        return None
    first = tok[0]
    if first.isdigit():
        return _numeric_token(text, tok, ms, me)
    if first == "~" and (t := C_TILDE.fullmatch(tok)) is not None:
        num = plain_number(t.group("n"), ms + 1, me)
        num.span_start, num.approx, num.year_like = ms, True, False
        return num
    if (t := C_MONEY.fullmatch(tok)) is not None:
        num = plain_number(t.group("n"), ms + t.start("n"), ms + t.end("n"))
        if t.group("s"):
            scale_number(num, SUFFIX_SCALES.get(t.group("s").lower(), 10**12), me)
        else:
            apply_scale_word(text, num)
        num.kind, num.span_start = "money", ms
        return num
    if first == "+":  # a phone number
        tail = R_PHONE_TAIL.match(text, me)
        value = lead_int(tok)
        return Num(ms, tail.end() if tail else me, value, value, kind="other")
    # Letters or signs before the digits: a model or an id ("AK-47", "Su-24", "B2", "#5").
    value = lead_int(tok)
    return Num(ms, me, value, value, kind="other")


def _numeric_token(text: str, tok: str, ms: int, me: int) -> Num:
    """A token that starts with a digit: "1,000", "10:30", "5%", "1st", "2011-2016", "5km"."""
    if C_PLAIN.fullmatch(tok):
        num = plain_number(tok, ms, me)
        if num.kind == "other" and num.dec is None:  # leading zero: a time or a phone number
            if (
                len(tok) == 4
                and int(tok[:2]) < 24
                and int(tok[2:]) < 60
                and (r := R_TIME.match(text, me) or R_MILITARY_HOURS.match(text, me))
            ):
                num.kind, num.span_end = "time", r.end()  # "0300 GMT", "0300 hours"
            elif (tail := R_PHONE_TAIL.match(text, me)) is not None:
                num.span_end = tail.end()
        elif num.kind == "count" and len(tok) <= 3 and tok.isdigit():
            _join_thousands(text, num)
        return num
    if C_TIME.fullmatch(tok):
        end = me + 1 if tok[-1] in "mM" and text[me : me + 1] == "." else me
        return Num(ms, end, lead_int(tok), lead_int(tok), kind="time")
    if C_DATE.fullmatch(tok):
        return Num(ms, me, lead_int(tok), lead_int(tok), kind="date")
    if (t := C_PERCENT.fullmatch(tok)) is not None:
        value = lead_int(t.group("n"))
        return Num(ms, me, value, value, kind="percent")
    if (t := C_ORDINAL.fullmatch(tok)) is not None:
        value = int(t.group("n"))
        num = Num(ms, me, value, value, kind="ordinal")
        if 1 <= value <= 31 and (d := R_DATE_MONTH.match(text, me)) is not None:
            num.kind, num.span_end = "date", d.end()  # "6th of March"
        return num
    if (t := C_DECADE.fullmatch(tok)) is not None:
        value = int(t.group("n"))
        if len(t.group("n")) == 4:
            return Num(ms, me, value, value, kind="year")
        prev = prev_tokens(text, ms, 1)
        age = bool(prev) and prev[0][0].lower() in DECADE_AGE_PREV
        return Num(ms, me, value, value, kind="age" if age else "year")
    if (t := C_PLUS.fullmatch(tok)) is not None:
        num = plain_number(t.group("n"), ms, ms + t.end("n"))
        num.span_end, num.suffix, num.year_like = me, "at_least", False
        return num
    if (t := C_RANGE.fullmatch(tok)) is not None:
        return _digit_range(t, ms, me)
    if (t := C_HYPHEN.fullmatch(tok)) is not None:
        num = plain_number(t.group("n"), ms, ms + t.end("n"))
        num.year_like = False
        return num  # the suffix ("-year-old", "-day", "-km", "-strong") is read on the right
    if (t := C_SUFFIX.fullmatch(tok)) is not None:
        return _suffixed(text, t, ms, me)
    value = lead_int(tok)
    return Num(ms, me, value, value, kind="other")


def _digit_range(t: re.Match[str], ms: int, me: int) -> Num:
    a_raw, b_raw = t.group("a"), t.group("b")
    a, b = to_int(parse_digits(a_raw)), to_int(parse_digits(b_raw))
    if a is None or b is None:
        return Num(ms, me, lead_int(a_raw), lead_int(a_raw), kind="other")
    if is_year(a_raw, a) and is_year(b_raw, b) and b >= a:
        return Num(ms, me, a, b, kind="year")  # "2011-2016"
    if is_year(a_raw, a) and len(b_raw) == 2 and b_raw.isdigit():
        return Num(ms, me, a, max(a, a // 100 * 100 + b), kind="year")  # "2013-14"
    if b <= a:
        return Num(ms, me, a, a, kind="other")  # "3-1": a score, not a range
    return Num(ms, me, a, b, raw=a_raw, scalable=True, is_range=True)


def _suffixed(text: str, t: re.Match[str], ms: int, me: int) -> Num:
    """Digits with letters glued after: "1.5m", "2bn", "5km", "155mm", "24h"."""
    raw, unit = t.group("n"), t.group("w").lower()
    if unit in SUFFIX_SCALES:
        num = plain_number(raw, ms, me)
        num.year_like = False
        mult = SUFFIX_SCALES[unit]
        if unit == "m" and "." not in raw:  # "5m people" is millions, "within 500m" metres
            nxt = R_NEXT_WORD.match(text, me)
            if nxt is None or nxt.group(1) not in COUNTED_NOUNS:
                num.kind = "measure"
                return num
        scale_number(num, mult, me)
        return num
    value = to_int(parse_digits(raw)) or lead_int(raw)
    if _MEASURE_UNIT.fullmatch(unit):
        return Num(ms, me, value, value, kind="measure")
    if unit in ("h", "hr", "hrs", "min", "mins", "sec", "secs", "d", "yr", "yrs"):
        return Num(ms, me, value, value, kind="duration")
    return Num(ms, me, value, value, kind="other")


def _words_core(m: re.Match[str]) -> Num | None:
    ws = m.start("words")
    toks = [
        (t.group().lower(), ws + t.start(), ws + t.end())
        for t in WORD_TOKENS.finditer(m.group("words"))
    ]
    parsed = parse_words([t[0] for t in toks])
    if parsed is None:
        return None
    value, used = parsed
    if used < len(toks) and toks[used][0] in ORDINAL_WORDS:
        # "twenty-first" is an ordinal; "one-third" a fraction
        kind: CountKind = "other" if value < 10 and toks[used][0] != "first" else "ordinal"
        return Num(ws, toks[used][2], value, value, kind=kind)
    num = Num(ws, toks[used - 1][2], value, value)
    last = toks[used - 1][0]
    if last in SCALE_WORDS and last != "dozen" and used > 1:
        num.mult = SCALE_WORDS[last]
    num.scalable = num.mult == 1 and last not in SCALE_WORDS
    num.word_one = used == 1 and last == "one"
    return num


def read_core(text: str, m: re.Match[str]) -> Num | None:
    """The number a match of ``CORE`` holds, or ``None`` for words that are no number."""
    group = m.lastgroup
    if group == "zero":
        return Num(m.start(), m.end(), 0, 0)
    if group == "vague":
        if MARRIED.fullmatch(m.group("vague")) and COUPLE_AFTER.match(text, m.end()):
            return Num(m.start(), m.end(), 2, 2)  # "a couple and their son"
        low, high = vague_range(m.group("vague"))
        return Num(m.start(), m.end(), low, high, vague=True)
    if group == "words":
        return _words_core(m)
    return _digits_core(text, m)
