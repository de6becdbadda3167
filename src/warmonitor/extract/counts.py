"""Count phrases in a sentence: "More than 1,000", "at least two hundred", "dozens", "no one".

:func:`find_counts` returns every number expression of a sentence as a :class:`CountMention`
with a ``kind``: only ``kind == "count"`` is a figure of people or things; the other kinds
(years, dates, times, ages, percentages, money, durations, ordinals, measures, ids) are returned
so that the caller can see why a number is not a count. The conventions (which interval each
phrase gives) are written in ``docs/COUNTS.md``.

Pure domain code: plain strings in, typed values out; regexes are compiled once at import.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

from warmonitor.extract.numbers import (
    CARDINALS,
    DIGITS_PATTERN,
    ORDINAL_WORDS,
    SCALE_WORDS,
    SUFFIX_SCALES,
    parse_digits,
    parse_words,
)
from warmonitor.model import Count

__all__ = [
    "ARTICLE_ONE",
    "COUNT_KINDS",
    "CountKind",
    "CountMention",
    "article_count",
    "find_counts",
]

CountKind = Literal[
    "count",
    "year",
    "date",
    "time",
    "age",
    "percent",
    "money",
    "duration",
    "ordinal",
    "measure",
    "other",
]
COUNT_KINDS: tuple[str, ...] = get_args(CountKind)

#: Articles that state a count of one before a singular noun ("a policeman was killed").
#: :func:`find_counts` does not emit them; a caller that knows the noun uses :func:`article_count`.
ARTICLE_ONE: frozenset[str] = frozenset({"a", "an"})


@dataclass(frozen=True, slots=True)
class CountMention:
    """One number expression in a sentence.

    ``start``/``end`` cover the whole expression with its qualifiers ("More than 1,000") and, for
    the other kinds, the words that decide the kind ("aged 25", "two days", "$5 million");
    ``count.text`` is ``text[start:end]``. ``number_start``/``number_end`` cover the number alone
    ("1,000"). ``count`` is only a figure of something when ``kind == "count"``; for the other
    kinds it holds the (first) integer read, for information.
    """

    start: int
    end: int
    count: Count
    number_start: int
    number_end: int
    kind: CountKind = "count"

    @property
    def text(self) -> str:
        return self.count.text

    @property
    def is_count(self) -> bool:
        return self.kind == "count"


def article_count(word: str) -> Count | None:
    """``Count(1, 1, word)`` for an article in :data:`ARTICLE_ONE`, else ``None``."""
    return Count(1, 1, word) if word.lower() in ARTICLE_ONE else None


# --------------------------------------------------------------------------------------------
# Vocabulary


def _words(words: str) -> frozenset[str]:
    """A vocabulary written as whitespace-separated words."""
    return frozenset(words.split())


def _phrases(phrases: str) -> tuple[tuple[str, ...], ...]:
    """Phrases separated by "|", each as a tuple of lowercase words."""
    return tuple(tuple(p.split()) for p in phrases.split("|"))


_MONTHS = _words("""
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""")
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

# Qualifiers before the number (lowercase word tuples) → their effect, see ``_qualify``.
_QUALIFIERS: dict[tuple[str, ...], str] = {
    phrase: effect
    for effect, phrases in {
        "at_least": """at least | no fewer than | no less than | not fewer than | not less than
            | a minimum of | at the very least | at the least | at a minimum""",
        "more_than": """more than | over | upwards of | upward of | in excess of | above
            | greater than | well over | well above | well in excess of | far more than
            | many more than | more then | north of""",
        "approx": """about | around | some | roughly | approximately | approx. | approx
            | an estimated | estimated | nearly | almost | close to | just under | just over
            | just below | just above | slightly more than | slightly over | slightly less than
            | slightly fewer than | a little over | a little more than | a little under
            | a little less than | approaching | circa | ca. | c. | in the region of
            | on the order of | of the order of | more or less | an approximate | roughly some
            | almost exactly | just about | somewhere around""",
        "up_to": """up to | as many as | as much as | at most | no more than | not more than
            | a maximum of | at the most | as high as | at the maximum""",
        "fewer": "fewer than | less than | under | below | fewer then | less then",
    }.items()
    for phrase in _phrases(phrases)
}

_YEAR_PREV = _words("""
    in since until till by from during before after of early late mid mid- summer spring
    autumn fall winter year the to and between through throughout circa around for election
    elections
""")
# Words after a four-digit number that make it a count ("2000 people"), not a year.
_COUNTED_NOUNS = _words("""
    people persons civilians residents refugees children women men soldiers troops fighters
    militants rebels members police policemen officers protesters demonstrators deaths dead
    casualties victims bodies killed wounded injured others more prisoners detainees migrants
    families households homes houses buildings displaced inhabitants individuals combatants
    insurgents jihadists youths students workers journalists doctors patients pilgrims
    worshippers villagers passengers personnel servicemen recruits gunmen attackers died have
    were are had lives Syrians Palestinians Ukrainians Iraqis Afghans Yemenis Sudanese Israelis
    Russians Kurds
""")
_CHILD_WORDS = _words(
    "children child boys girls kids minors youths teenagers those anyone people aged"
)
_AGE_PREV = _words("aged age ages ageing aging")
_ID_PREV = _words("""
    resolution resolutions decree law article articles chapter section clause paragraph no.
    no nos. number # flight route highway road motorway brigade division battalion regiment
    squadron unit corps gate building block sector zone camp checkpoint station platform room
    apartment flat floor level phase stage version model page pages p. pp. line bus channel
    district hill height heights unscr protocol annex item vol. volume tower kilometre
    kilometer km mile junction exit track lane terminal resolution's grade class category type
    mark mk covid sars
""")
_CURRENCY_PREV = _words("""
    $ us$ usd eur € £ gbp syp iqd lbp uah rub rs rs. inr sar aed try ils nis irr yer sdg cad
    aud ¥ ₴ ₽ ₪ ₺ chf egp jod afn pkr ngn kes etb mmk
""")
# Nouns after "N-year-old" that make it the age of a war (a duration), not of a person.
_WAR_NOUNS = _words("""
    conflict war civil crisis insurgency uprising revolution siege blockade occupation struggle
    campaign dispute truce ceasefire cease-fire rule regime standoff stand-off feud stalemate
    fighting violence rebellion intifada embargo insurrection revolt unrest military armed
    offensive operation invasion bombardment deadlock peace agreement accord mandate presence
    government dictatorship
""")
_ONE_PREV_EXCLUDE = _words("""
    the this that which what whichever every any each another no someone everyone anyone last
    either neither
""")
_ONE_OF_NEXT = re.compile(
    r"\s+(?:another\b|of\s+(?:the|those|these|them|its|his|her|their|our|your|my|whom|which"
    r"|us|you|it|this|that|two|both|several|many)\b|['’]s\b)",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Regexes

_CARD_ALT = "|".join(sorted(CARDINALS, key=len, reverse=True))
_SCALE_ALT = "hundred|thousand|million|billion|trillion|dozen"
_ORD_ALT = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_WORD_NUM = (
    rf"(?:(?:half\s+)?an?\s+(?:{_SCALE_ALT})|(?:{_CARD_ALT}))\b"
    rf"(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{_CARD_ALT}|{_SCALE_ALT}|{_ORD_ALT})\b)*"
)
_VAGUE_MULT = (
    r"a\s+couple(?:\s+of)?|quite\s+a\s+few|a\s+few|several|a\s+handful\s+of|many|a\s+handful"
)
_VAGUE = (
    r"(?:tens|hundreds|dozens|scores)\s+of\s+(?:thousands|millions|billions)\b"
    rf"|(?:{_VAGUE_MULT})\s+(?:hundreds?|thousands?|millions?|billions?|dozens?)"
    r"(?:\s+(?:thousand|million))?\b"
    r"|(?:tens|scores)(?=\s+of\b)|(?:dozens|hundreds|thousands|millions|billions)\b"
    r"|(?:a\s+couple|quite\s+a\s+few|a\s+few|several|a\s+handful)\b"
)
_CORE = re.compile(
    r"(?P<zero>\b(?i:no[\s-]one|nobody|none)\b)"
    rf"|(?P<vague>\b(?i:{_VAGUE}))"
    rf"|(?P<words>\b(?i:{_WORD_NUM}))"
    r"|(?P<digits>(?<!\S)[^\s\d]{0,8}\d(?:[^\s,]|,(?![^\W\d_]))*)"  # "21,police": no space
)


# Where a number can start: a token with a digit, or a word that starts a number phrase.
# Testing these first (in Python sets) is faster than searching ``_CORE`` everywhere.
_CANDIDATE = re.compile(r"(?<!\S)[^\s\d]{0,8}\d|[a-z]+")
_STARTS = CARDINALS | _words("""
    a an half no nobody none tens hundreds dozens thousands millions billions scores several
    many quite
""")

_NUM = DIGITS_PATTERN
_LEAD_STRIP = re.compile(r"^[(\[{\"'“‘«]+")
_TRAIL_STRIP = re.compile(r"(?:['’]s)?[)\]}\"'”’»,;:!?.]*$")
_C_PLAIN = re.compile(_NUM)
_C_TIME = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|\d{1,2}(?:[.:]\d{2})?[ap]\.?m\.?|\d{1,2}h\d{2}",
    re.IGNORECASE,
)
_C_DATE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4}"
)
_C_PERCENT = re.compile(rf"(?P<n>{_NUM})%")
_C_MONEY = re.compile(
    rf"(?:[A-Z]{{1,3}})?[$€£¥₹₽₴₪₺](?P<n>{_NUM})(?P<s>k|m|mn|bn|b|tn)?", re.IGNORECASE
)
_C_ORDINAL = re.compile(r"(?P<n>\d+)(?:st|nd|rd|th)", re.IGNORECASE)
_C_DECADE = re.compile(r"(?P<n>\d{4}|\d{2})['’]?s")
_C_PLUS = re.compile(rf"(?P<n>{_NUM})(?:\+|-?plus)", re.IGNORECASE)
_C_TILDE = re.compile(rf"~(?P<n>{_NUM})")
_C_RANGE = re.compile(rf"(?P<a>{_NUM})[-–—](?P<b>{_NUM})")
_C_HYPHEN = re.compile(rf"(?P<n>{_NUM})[-–](?P<w>[A-Za-z][A-Za-z-]*)")
_C_SUFFIX = re.compile(rf"(?P<n>{_NUM})(?P<w>[A-Za-z°²][A-Za-z°²/]*)")

_TIME_UNITS = (
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?"
    r"|months?|years?|yrs?|decades?|centuries|century"
)
_MEASURE_UNITS = (
    r"km[²2]?|kms|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m[²2]?|cm|mm|millimet(?:re|er)s?"
    r"|centimet(?:re|er)s?|feet|foot|ft|yards?|inch(?:es)?|kg|kgs|kilos?|kilograms?|grams?"
    r"|tonnes?|tons?|lbs?|litres?|liters?|gallons?|barrels?|bpd|hectares?|acres?"
    r"|dunams?|dunums?|donums?|sq|square|cubic|degrees?|°[CF]?|kph|mph|km/h|knots?"
    r"|calib(?:re|er)|megawatts?|mw|kw|gw|watts?|volts?|kv|mhz|ghz|kilotons?|kt|nautical"
    r"|storeys?|stories"
)
_MONEY_WORDS = (
    r"dollars?|euros?|pounds?|sterling|lira|liras|lire|rubles?|roubles?|dinars?|riyals?|rials?"
    r"|dirhams?|yuan|yen|hryvnias?|shekels?|francs?|cents?|rupees?|pesos?|afghanis?|birr|naira"
    r"|shillings?|kyats?|taka|bucks|usd|eur|gbp|syp|iqd|lbp|uah|rub|ils|nis|irr|sdg"
)
_OF = r"(?P<of>\s+of)?"  # "hundreds of kilometres": only after a vague quantity
_R_SCALE = re.compile(
    r"[ \t\u00a0]+(?P<w>hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE
)
_R_AGE = re.compile(
    r"(?:\s*-\s*|\s+)(?:years?|yrs?|months?|weeks?|days?)(?:\s*-\s*|\s+)olds?\b"
    r"|\s+years?\s+of\s+age\b",
    re.IGNORECASE,
)
_R_PERCENT = re.compile(
    r"\s*(?:%|per\s*cent\b|percent\b|pct\b|percentage\s+points?\b)", re.IGNORECASE
)
_R_MONEY = re.compile(rf"{_OF}\s+(?:(?:[A-Z][a-z]+|US|U\.S\.)\s+)?(?i:{_MONEY_WORDS})\b")
_R_TIME = re.compile(
    r"\s*(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b|o['’]clock\b|GMT\b|UTC\b|local\s+time\b"
    r"|hours\s+(?:GMT|UTC|local)\b)",
    re.IGNORECASE,
)
_R_MILITARY_HOURS = re.compile(r"\s+hours\b")
_R_DURATION = re.compile(
    rf"{_OF}(?:\s*-\s*|\s+)(?:(?:long|full|whole|consecutive|straight|successive|more"
    r"|additional|further|separate|different)\s+)?"
    rf"(?:{_TIME_UNITS})\b(?:-long)?",
    re.IGNORECASE,
)
_R_MEASURE = re.compile(rf"{_OF}(?:\s*-\s*|\s+)(?:{_MEASURE_UNITS})(?!\w)", re.IGNORECASE)
_R_DATE_MONTH = re.compile(
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?!\w)(?:,?\s+(?:19|20)\d\d\b)?"
)
_R_YEAR_AFTER = re.compile(r",?\s+(?:19|20)\d\d\b")
_R_RANGE_SEP = re.compile(r"\s*[-–—]\s*|\s+(?:to|or|and)\s+", re.IGNORECASE)
_R_SUFFIX_QUAL = re.compile(
    r"(?P<least>\s+or\s+(?:more|above|over|upwards)\b|\s+and\s+(?:more|above|upwards|counting)\b"
    r"|-plus\b|\s+plus\b(?=\s+[a-z]))"
    r"|(?P<approx>\s+or\s+so\b|[\s-]odd\b|\s+or\s+thereabouts\b|\s+(?:more\s+or\s+less"
    r"|give\s+or\s+take)\b)"
    r"|(?P<most>\s+or\s+(?:fewer|less|under)\b)",
    re.IGNORECASE,
)
_R_RATIO = re.compile(
    r"\s+in\s+(?:every\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred"
    r"|a\s+thousand)\b(?![\s-]+(?:hours?|days?|nights?|weeks?|months?|years?)\b)",
    re.IGNORECASE,
)
_R_HYPHEN_WORD = re.compile(r"-[A-Za-z\d]")
_R_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z][A-Za-z-]*)")
_R_JOIN_THOUSANDS = re.compile(r"[ \u00a0\u2009\u202f](\d{3})(?![\d,.]?\d)")
_R_PHONE_TAIL = re.compile(r"(?:[\s-]+\(?\d[\d)-]*)+")
_PREV_TOKEN = re.compile(r"\S+")
_WORD_TOKENS = re.compile(r"[A-Za-z]+")
_LEADING_INT = re.compile(r"\d+")
_DOTTED_QUALIFIERS = frozenset({"approx.", "ca.", "c."})
_PUNCT_END = frozenset(",;:!?)]}\"”'’")
_DECADE_AGE_PREV = frozenset({"his", "her", "their", "early", "mid", "mid-", "late", "its"})

_VAGUE_BASE: dict[str, tuple[int, int]] = {
    "a couple": (2, 3),
    "a couple of": (2, 3),
    "a few": (2, 5),
    "quite a few": (3, 9),
    "several": (3, 9),
    "a handful": (2, 5),
    "a handful of": (2, 5),
    "many": (2, 9),
}
_VAGUE_PLURAL: dict[str, tuple[int, int]] = {
    "tens": (20, 99),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2 * 10**6, 10**7 - 1),
    "billions": (2 * 10**9, 10**10 - 1),
}
_PLURAL_SCALE = {"thousands": 1000, "millions": 10**6, "billions": 10**9}


# --------------------------------------------------------------------------------------------
# One number being read


@dataclass(slots=True)
class _Num:
    start: int  # the number itself
    end: int
    low: int
    high: int | None
    kind: CountKind = "count"
    vague: bool = False
    approx: bool = False
    raw: str = ""  # the digits as written, to rescale ("1.000 million")
    dec: Decimal | None = None  # a value that is not whole ("1.2") until a scale makes it so
    scalable: bool = False  # a bare number that a following scale word may multiply
    mult: int = 1  # the scale applied ("3 million": 10**6)
    year_like: bool = False  # four plain digits 1900..2099
    word_one: bool = False  # the word "one" alone
    is_range: bool = False
    span_start: int = -1  # the mention, when wider than the number ("aged 25", "two days")
    span_end: int = -1
    suffix: str | None = None  # "at_least" / "approx" / "at_most" after the number

    @property
    def right(self) -> int:
        return max(self.end, self.span_end)


def _int(value: Decimal | None) -> int | None:
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def _lead_int(s: str) -> int:
    m = _LEADING_INT.search(s.replace(",", ""))
    return int(m.group()) if m else 0


def _year_like(raw: str, value: int) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1900 <= value <= 2099


def _vague_range(words: str) -> tuple[int, int]:
    """The interval of a vague quantity ("dozens", "several hundred", "tens of thousands")."""
    w = " ".join(words.lower().split())
    if w in _VAGUE_PLURAL:
        return _VAGUE_PLURAL[w]
    if w in _VAGUE_BASE:
        return _VAGUE_BASE[w]
    head, sep, tail = w.partition(" of ")
    if sep and head in _VAGUE_PLURAL and tail in _PLURAL_SCALE:  # tens of thousands
        a, b = _VAGUE_PLURAL[head]
        s = _PLURAL_SCALE[tail]
        return a * s, (b + 1) * s - 1
    toks = w.split()
    scales: list[int] = []
    while toks and toks[-1].rstrip("s") in SCALE_WORDS:
        scales.insert(0, SCALE_WORDS[toks.pop().rstrip("s")])
    low, high = _VAGUE_BASE.get(" ".join(toks), (2, 9))
    for i, s in enumerate(scales):
        low, high = low * s, (high + 1) * s - 1
        if i == 0 and s == 12:
            high = min(high, 99)  # dozens stay below a hundred
    return low, high


def _plain(raw: str, start: int, end: int) -> _Num:
    """A bare digit group: a count candidate, or "other" for a number that is not whole."""
    dec = parse_digits(raw)
    value = _int(dec)
    if value is None:
        low = int(dec) if dec is not None else 0
        return _Num(start, end, low, low, kind="other", raw=raw, dec=dec, scalable=True)
    if len(raw) > 1 and raw[0] == "0" and raw.isdigit():
        return _Num(start, end, value, value, kind="other", raw=raw)  # 0944…: a phone, an id
    return _Num(start, end, value, value, raw=raw, scalable=True, year_like=_year_like(raw, value))


def _scale(num: _Num, mult: int, end: int) -> None:
    """Multiply a number (both ends of a range) by a scale; a whole result becomes a count."""
    dec = parse_digits(num.raw, scaled=True) if num.raw else num.dec
    value = _int((dec if dec is not None else Decimal(num.low)) * mult)
    if value is None:
        num.kind = "other"
        return
    if num.is_range and num.high is not None:
        num.high *= mult
    else:
        num.high = value
    num.low = value
    if num.kind == "other" and num.dec is not None:
        num.kind = "count"
    num.end, num.mult = end, mult
    num.scalable = num.year_like = False
    num.dec = None


def _apply_scale_word(text: str, num: _Num) -> None:
    if num.scalable and (s := _R_SCALE.match(text, num.end)) is not None:
        _scale(num, SCALE_WORDS[s.group("w").lower()], s.end())


def _join_thousands(text: str, num: _Num) -> None:
    """ "12 000": digit groups split by a space, unless a month precedes ("March 12 150")."""
    prev = _prev_tokens(text, num.start, 1)
    if prev and prev[0][0].rstrip(".") in _MONTHS:
        return
    raw, end = num.raw, num.end
    while (j := _R_JOIN_THOUSANDS.match(text, end)) is not None:
        raw, end = raw + j.group(1), j.end()
    if end != num.end:
        num.end, num.raw = end, raw
        num.low = num.high = int(raw)
        num.year_like = False


def _digits_core(text: str, m: re.Match[str]) -> _Num | None:
    """Classify one whitespace-delimited token that holds a digit."""
    tok = m.group("digits")
    ms = m.start("digits")
    lead = _LEAD_STRIP.match(tok)
    if lead:
        ms += lead.end()
        tok = tok[lead.end() :]
    trail = _TRAIL_STRIP.search(tok)
    if trail is not None and trail.start() > 0:
        tok = tok[: trail.start()]
    me = ms + len(tok)
    if not tok:
        return None
    first = tok[0]
    if first.isdigit():
        return _numeric_token(text, tok, ms, me)
    if first == "~" and (t := _C_TILDE.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms + 1, me)
        num.span_start, num.approx, num.year_like = ms, True, False
        return num
    if (t := _C_MONEY.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms + t.start("n"), ms + t.end("n"))
        if t.group("s"):
            _scale(num, SUFFIX_SCALES.get(t.group("s").lower(), 10**12), me)
        else:
            _apply_scale_word(text, num)
        num.kind, num.span_start = "money", ms
        return num
    if first == "+":  # a phone number
        tail = _R_PHONE_TAIL.match(text, me)
        value = _lead_int(tok)
        return _Num(ms, tail.end() if tail else me, value, value, kind="other")
    # Letters or signs before the digits: a model or an id ("AK-47", "Su-24", "B2", "#5").
    value = _lead_int(tok)
    return _Num(ms, me, value, value, kind="other")


def _numeric_token(text: str, tok: str, ms: int, me: int) -> _Num:
    """A token that starts with a digit: "1,000", "10:30", "5%", "1st", "2011-2016", "5km"."""
    if _C_PLAIN.fullmatch(tok):
        num = _plain(tok, ms, me)
        if num.kind == "other" and num.dec is None:  # leading zero: a time or a phone number
            if (
                len(tok) == 4
                and int(tok[:2]) < 24
                and int(tok[2:]) < 60
                and (r := _R_TIME.match(text, me) or _R_MILITARY_HOURS.match(text, me))
            ):
                num.kind, num.span_end = "time", r.end()  # "0300 GMT", "0300 hours"
            elif (tail := _R_PHONE_TAIL.match(text, me)) is not None:
                num.span_end = tail.end()
        elif num.kind == "count" and len(tok) <= 3 and tok.isdigit():
            _join_thousands(text, num)
        return num
    if _C_TIME.fullmatch(tok):
        end = me + 1 if tok[-1] in "mM" and text[me : me + 1] == "." else me
        return _Num(ms, end, _lead_int(tok), _lead_int(tok), kind="time")
    if _C_DATE.fullmatch(tok):
        return _Num(ms, me, _lead_int(tok), _lead_int(tok), kind="date")
    if (t := _C_PERCENT.fullmatch(tok)) is not None:
        value = _lead_int(t.group("n"))
        return _Num(ms, me, value, value, kind="percent")
    if (t := _C_ORDINAL.fullmatch(tok)) is not None:
        value = int(t.group("n"))
        num = _Num(ms, me, value, value, kind="ordinal")
        if 1 <= value <= 31 and (d := _R_DATE_MONTH.match(text, me)) is not None:
            num.kind, num.span_end = "date", d.end()  # "6th of March"
        return num
    if (t := _C_DECADE.fullmatch(tok)) is not None:
        value = int(t.group("n"))
        if len(t.group("n")) == 4:
            return _Num(ms, me, value, value, kind="year")
        prev = _prev_tokens(text, ms, 1)
        age = bool(prev) and prev[0][0].lower() in _DECADE_AGE_PREV
        return _Num(ms, me, value, value, kind="age" if age else "year")
    if (t := _C_PLUS.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms, ms + t.end("n"))
        num.span_end, num.suffix, num.year_like = me, "at_least", False
        return num
    if (t := _C_RANGE.fullmatch(tok)) is not None:
        return _digit_range(t, ms, me)
    if (t := _C_HYPHEN.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms, ms + t.end("n"))
        num.year_like = False
        return num  # the suffix ("-year-old", "-day", "-km", "-strong") is read on the right
    if (t := _C_SUFFIX.fullmatch(tok)) is not None:
        return _suffixed(text, t, ms, me)
    value = _lead_int(tok)
    return _Num(ms, me, value, value, kind="other")


def _digit_range(t: re.Match[str], ms: int, me: int) -> _Num:
    a_raw, b_raw = t.group("a"), t.group("b")
    a, b = _int(parse_digits(a_raw)), _int(parse_digits(b_raw))
    if a is None or b is None:
        return _Num(ms, me, _lead_int(a_raw), _lead_int(a_raw), kind="other")
    if _year_like(a_raw, a) and _year_like(b_raw, b) and b >= a:
        return _Num(ms, me, a, b, kind="year")  # "2011-2016"
    if _year_like(a_raw, a) and len(b_raw) == 2 and b_raw.isdigit():
        return _Num(ms, me, a, max(a, a // 100 * 100 + b), kind="year")  # "2013-14"
    if b <= a:
        return _Num(ms, me, a, a, kind="other")  # "3-1": a score, not a range
    return _Num(ms, me, a, b, raw=a_raw, scalable=True, is_range=True)


def _suffixed(text: str, t: re.Match[str], ms: int, me: int) -> _Num:
    """Digits with letters glued after: "1.5m", "2bn", "5km", "155mm", "24h"."""
    raw, unit = t.group("n"), t.group("w").lower()
    if unit in SUFFIX_SCALES:
        num = _plain(raw, ms, me)
        num.year_like = False
        mult = SUFFIX_SCALES[unit]
        if unit == "m" and "." not in raw:  # "5m people" is millions, "within 500m" metres
            nxt = _R_NEXT_WORD.match(text, me)
            if nxt is None or nxt.group(1) not in _COUNTED_NOUNS:
                num.kind = "measure"
                return num
        _scale(num, mult, me)
        return num
    value = _int(parse_digits(raw)) or _lead_int(raw)
    if re.fullmatch(_MEASURE_UNITS, unit, re.IGNORECASE):
        return _Num(ms, me, value, value, kind="measure")
    if unit in ("h", "hr", "hrs", "min", "mins", "sec", "secs", "d", "yr", "yrs"):
        return _Num(ms, me, value, value, kind="duration")
    return _Num(ms, me, value, value, kind="other")


def _words_core(m: re.Match[str]) -> _Num | None:
    ws = m.start("words")
    toks = [
        (t.group().lower(), ws + t.start(), ws + t.end())
        for t in _WORD_TOKENS.finditer(m.group("words"))
    ]
    parsed = parse_words([t[0] for t in toks])
    if parsed is None:
        return None
    value, used = parsed
    if used < len(toks) and toks[used][0] in ORDINAL_WORDS:
        # "twenty-first" is an ordinal; "one-third" a fraction
        kind: CountKind = "other" if value < 10 and toks[used][0] != "first" else "ordinal"
        return _Num(ws, toks[used][2], value, value, kind=kind)
    num = _Num(ws, toks[used - 1][2], value, value)
    last = toks[used - 1][0]
    if last in SCALE_WORDS and last != "dozen" and used > 1:
        num.mult = SCALE_WORDS[last]
    num.scalable = num.mult == 1 and last not in SCALE_WORDS
    num.word_one = used == 1 and last == "one"
    return num


# "a couple" that is two people, not a few: "a couple and their daughter", "a couple were".
_MARRIED = re.compile(r"an?\s+(?:\w+\s+)?couple", re.I)
_COUPLE_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:and\s+(?:their|his|her)\b|were\b|was\b|who\b|in\s+their\b|,\s*aged\b)",
    re.I,
)


def _read_core(text: str, m: re.Match[str]) -> _Num | None:
    group = m.lastgroup
    if group == "zero":
        return _Num(m.start(), m.end(), 0, 0)
    if group == "vague":
        if _MARRIED.fullmatch(m.group("vague")) and _COUPLE_AFTER.match(text, m.end()):
            return _Num(m.start(), m.end(), 2, 2)  # "a couple and their son"
        low, high = _vague_range(m.group("vague"))
        return _Num(m.start(), m.end(), low, high, vague=True)
    if group == "words":
        return _words_core(m)
    return _digits_core(text, m)


# --------------------------------------------------------------------------------------------
# Context


_token_cache: tuple[str, list[int], list[int]] = ("", [], [])


def _prev_tokens(text: str, pos: int, k: int) -> list[tuple[str, int]]:
    """Up to ``k`` whitespace-separated tokens before ``pos``, nearest first: (token, start).

    A token that ``pos`` cuts ("$5" before "5") counts up to ``pos``. The token offsets of the
    last text seen are kept, as every mention of a sentence asks again.
    """
    global _token_cache
    cache = _token_cache
    if cache[0] is not text:
        spans = [t.span() for t in _PREV_TOKEN.finditer(text)]
        cache = (text, [a for a, _ in spans], [b for _, b in spans])
        _token_cache = cache
    starts = cache[1]
    i = bisect_left(starts, pos) - 1  # the last token that starts before pos
    out: list[tuple[str, int]] = []
    while i >= 0 and len(out) < k:
        a = starts[i]
        out.append((text[a : min(cache[2][i], pos)], a))
        i -= 1
    return out


def _qualifier(text: str, pos: int) -> tuple[str, int] | None:
    """The longest qualifier phrase right before ``pos``: (effect, start)."""
    best: tuple[str, int] | None = None
    words: list[str] = []
    for tok, tok_start in _prev_tokens(text, pos, 4):
        lead = len(tok) - len(_LEAD_STRIP.sub("", tok))
        w = tok[lead:].lower()
        if not w or w[-1] in _PUNCT_END or (w[-1] == "." and w not in _DOTTED_QUALIFIERS):
            break
        words.insert(0, w)
        effect = _QUALIFIERS.get(tuple(words))
        if effect is not None:
            best = (effect, tok_start + lead)
        if lead:
            break
    return best


def _extend_right(text: str, num: _Num) -> None:
    """Scale words, the second number of a range and a qualifier after the number."""
    _apply_scale_word(text, num)
    if num.kind != "count":
        return
    if not num.is_range and num.span_end < 0:
        _range(text, num)
    q = _R_SUFFIX_QUAL.match(text, num.right)
    if q is not None:
        num.suffix = (
            "at_least" if q.group("least") else "approx" if q.group("approx") else "at_most"
        )
        num.span_end = q.end()


def _range(text: str, num: _Num) -> None:
    """Ranges: "10 to 15", "between 2 and 3 million", "two or three", "10 - 15"."""
    sep = _R_RANGE_SEP.match(text, num.end)
    if sep is None:
        return
    word = sep.group().strip().lower()
    prev = _prev_tokens(text, num.start, 1)
    prev_word = prev[0][0].lower() if prev else ""
    if word == "and" and prev_word != "between":
        return
    if word == "to" and prev_word == "from":
        return  # "rose from 200 to 300": two figures, not a range
    m2 = _CORE.match(text, sep.end())
    if m2 is None or m2.lastgroup == "zero":
        return
    if word in "-–—" and m2.lastgroup != "digits":
        return
    second = _read_core(text, m2)
    if second is None or second.kind != "count" or second.span_end >= 0 or second.is_range:
        return
    _apply_scale_word(text, second)
    if num.scalable and second.mult > 1 and num.low * second.mult < second.low:
        _scale(num, second.mult, num.end)  # "between 2 and 3 million": 2 million
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


def _unit(num: _Num, r: re.Match[str] | None) -> bool:
    """A unit matched after the number; "of" is allowed only after a vague quantity."""
    return r is not None and (num.vague or not r.group("of"))


def _classify_right(text: str, num: _Num) -> None:
    """Kinds decided by what follows: ages, percentages, money, times, durations, measures."""
    e = num.right
    if (r := _R_AGE.match(text, e)) is not None:
        num.kind = "duration" if _war_noun_follows(text, r.end()) else "age"
        num.span_end = r.end()
    elif (r := _R_PERCENT.match(text, e)) is not None:
        num.kind, num.span_end = "percent", r.end()
    elif _unit(num, r := _R_MONEY.match(text, e)) and r is not None:
        num.kind, num.span_end = "money", r.end()
    elif not num.vague and (r := _R_TIME.match(text, e) or _military_hours(text, num)):
        num.kind, num.span_end = "time", r.end()
    elif _unit(num, r := _R_DURATION.match(text, e)) and r is not None:
        num.kind, num.span_end = "duration", r.end()
    elif _unit(num, r := _R_MEASURE.match(text, e)) and r is not None:
        num.kind, num.span_end = "measure", r.end()
    elif (
        not num.vague
        and not num.is_range
        and 1 <= num.low <= 31
        and num.mult == 1
        and (r := _R_DATE_MONTH.match(text, e)) is not None
    ):
        num.kind, num.span_end = "date", r.end()
    elif (
        num.low == 1
        and not num.vague
        and not num.is_range
        and (r := _R_RATIO.match(text, e)) is not None
    ):
        num.kind, num.span_end = "other", r.end()  # "one in five children": a ratio
    elif _R_HYPHEN_WORD.match(text, e):
        w = _R_NEXT_WORD.match(text, e)
        num.kind, num.span_end = "other", (w.end() if w else e)  # "two-state", "300-strong"


def _military_hours(text: str, num: _Num) -> re.Match[str] | None:
    """ "0300 hours" is a time of day ("24 hours" is a duration)."""
    if len(num.raw) == 4 and num.raw[0] == "0" and num.raw.isdigit():
        return _R_MILITARY_HOURS.match(text, num.right)
    return None


def _war_noun_follows(text: str, pos: int) -> bool:
    """ "a 13-year-old civil conflict": the age of a war is a duration."""
    for _ in range(3):
        w = _R_NEXT_WORD.match(text, pos)
        if w is None:
            return False
        if w.group(1).lower() in _WAR_NOUNS:
            return True
        pos = w.end()
    return False


def _counted_noun_follows(text: str, pos: int) -> bool:
    w = _R_NEXT_WORD.match(text, pos)
    return w is not None and w.group(1) in _COUNTED_NOUNS


def _classify_left(text: str, num: _Num) -> None:
    """Kinds decided by what comes before: dates, ages, money, ids, years."""
    prev = _prev_tokens(text, num.start, 3)
    if not prev:
        if num.year_like and not _counted_noun_follows(text, num.end):
            num.kind = "year"
        return
    tok, tok_start = prev[0]
    clean = _LEAD_STRIP.sub("", tok)
    tok_start += len(tok) - len(clean)
    low = clean.lower()
    punct = not clean or clean[-1] in _PUNCT_END
    before = [_LEAD_STRIP.sub("", t).lower() for t, _ in prev[1:]]
    day_like = 1 <= num.low <= 31 and (num.high is None or num.high <= 31)
    if (
        not punct
        and clean.rstrip(".") in _MONTHS
        and (day_like or num.year_like)
        and not num.vague
        and num.mult == 1
    ):
        num.kind, num.span_start = "date", tok_start  # "March 6", "March 2025"
        if day_like and (y := _R_YEAR_AFTER.match(text, num.right)) is not None:
            num.span_end = y.end()
        return
    if num.kind != "count":
        return
    if not punct and low in _AGE_PREV:
        num.kind, num.span_start = "age", tok_start  # "aged 25"
    elif _age_after_name(text, num):
        num.kind = "age"  # "killed John Doe, 34, a teacher", "Jane Roe (28)"
    elif not punct and low == "of" and before[:1] == ["age"]:
        num.kind, num.span_start = "age", prev[1][1]  # "under the age of 18"
    elif not punct and low == "between" and before[:1] and before[0] in _AGE_PREV:
        num.kind, num.span_start = "age", prev[1][1]  # "aged between 15 and 20"
    elif (
        not punct
        and low in ("under", "over", "below", "above")
        and before[:1]
        and before[0] in _CHILD_WORDS
    ):
        num.kind, num.span_start = "age", tok_start  # "children under 5"
    elif low in _CURRENCY_PREV:
        num.kind, num.span_start = "money", tok_start  # "USD 5 million", "$ 300"
    elif (
        (not punct or low.endswith("."))
        and low in _ID_PREV
        and not num.vague
        and text[num.start].isdigit()
    ):
        num.kind, num.span_start = "other", tok_start  # "Resolution 2254", "Highway 4"
    elif num.year_like and (
        (low in _YEAR_PREV and not punct)
        or (not _counted_noun_follows(text, num.end) and _qualifier(text, num.start) is None)
    ):
        num.kind = "year"  # "in 2013"; "2000 people" and "at least 2000" stay counts


_WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_R_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z'’\-]+)(,\s+|\s+\()$")


def _age_after_name(text: str, num: _Num) -> bool:
    """ "John Doe, 34, a teacher", "Jane Roe (28)": a plain number set off right after a
    capitalised name is the person's age."""
    if num.vague or num.is_range or num.mult != 1 or not text[num.start].isdigit():
        return False
    if not 1 <= num.low <= 110 or num.end - num.start > 3:
        return False
    m = _R_NAME_BEFORE.search(text, max(0, num.start - 40), num.start)
    if m is None or m.group(1) in _MONTHS or m.group(1) in _WEEKDAYS:
        return False
    closer = ")" if "(" in m.group(2) else ","
    return text[num.end : num.end + 1] == closer


def _one_excluded(text: str, num: _Num) -> bool:
    """The word "one" that is not a count: "one of the", "one another", "the one", "one's"."""
    if _ONE_OF_NEXT.match(text, num.end):
        return True
    prev = _prev_tokens(text, num.start, 1)
    return bool(prev) and prev[0][0].lower() in _ONE_PREV_EXCLUDE


def _qualify(
    effect: str, low: int, high: int | None, approx: bool, interval: bool
) -> tuple[int, int | None, bool]:
    """The interval a qualifier before the number gives (see docs/COUNTS.md)."""
    if effect == "at_least":
        return low, None, approx
    if effect == "more_than":
        return (low if interval else low + 1), None, approx
    if effect == "approx":
        return low, high, True
    if effect == "up_to":
        if interval:
            return low, high, True
        top = high if high is not None else low
        return top, top, True
    return 0, max(0, low - 1), approx  # "fewer than N": [0, N - 1]


def _finish(text: str, num: _Num) -> CountMention:
    start = num.span_start if num.span_start >= 0 else num.start
    end = num.right
    low, high, approx = num.low, num.high, num.approx
    if num.kind == "count":
        if num.suffix == "at_least":
            high = None
        elif num.suffix == "approx":
            approx = True
        elif num.suffix == "at_most":
            low, high = 0, (high if high is not None else low)
        q = _qualifier(text, start)
        if q is not None:
            effect, start = q
            low, high, approx = _qualify(effect, low, high, approx, num.vague or num.is_range)
    return CountMention(
        start, end, Count(low, high, text[start:end], approx), num.start, num.end, num.kind
    )


def find_counts(text: str) -> list[CountMention]:
    """Every number expression of ``text``, left to right, each with its ``kind``.

    Only mentions with ``kind == "count"`` are figures of something; ``docs/COUNTS.md`` gives
    the interval of each phrase ("at least N" → [N, open), "more than N" → [N+1, open),
    "about N" → N approximate, "dozens" → [24, 99] …). Articles ("a soldier") are never
    emitted: see :data:`ARTICLE_ONE`.
    """
    out: list[CountMention] = []
    pos = 0
    for cand in _CANDIDATE.finditer(text.lower()):
        if cand.start() < pos or not (cand.group()[-1].isdigit() or cand.group() in _STARTS):
            continue
        m = _CORE.match(text, cand.start())
        if m is None:
            continue
        num = _read_core(text, m)
        if num is None:
            pos = m.end()
            continue
        if num.kind == "count" or num.dec is not None:
            _extend_right(text, num)
        if num.kind == "count":
            _classify_right(text, num)
        if num.kind in ("count", "ordinal"):
            _classify_left(text, num)
        if num.kind == "count" and num.word_one and _one_excluded(text, num):
            pos = num.end
            continue
        mention = _finish(text, num)
        out.append(mention)
        pos = max(mention.end, m.end() if m.lastgroup == "digits" else mention.end)
    return out
