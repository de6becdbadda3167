"""The compiled regexes of the count grammar, and the look-back over a sentence's tokens.

``CORE`` reads the number itself (digits, number words, vague quantities, "no one");
``C_*`` classify a digit token as a whole; ``R_*`` match what follows (or precedes) a number.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from warmonitor.extract.counts.words import MONTH_RE
from warmonitor.extract.numbers import CARDINALS, DIGITS_PATTERN, ORDINAL_WORDS

__all__ = [
    "CANDIDATE",
    "CORE",
    "COUPLE_AFTER",
    "C_DATE",
    "C_DECADE",
    "C_HYPHEN",
    "C_MONEY",
    "C_ORDINAL",
    "C_PERCENT",
    "C_PLAIN",
    "C_PLUS",
    "C_RANGE",
    "C_SUFFIX",
    "C_TILDE",
    "C_TIME",
    "LEADING_INT",
    "LEAD_MARKS",
    "LEAD_STRIP",
    "MARRIED",
    "MEASURE_UNITS",
    "ONE_OF_NEXT",
    "R_AGE",
    "R_DATE_MONTH",
    "R_DURATION",
    "R_HYPHEN_WORD",
    "R_JOIN_THOUSANDS",
    "R_MEASURE",
    "R_MILITARY_HOURS",
    "R_MONEY",
    "R_NAME_BEFORE",
    "R_NEXT_WORD",
    "R_PERCENT",
    "R_PHONE_TAIL",
    "R_RANGE_SEP",
    "R_RATIO",
    "R_SCALE",
    "R_SUFFIX_QUAL",
    "R_TIME",
    "R_YEAR_AFTER",
    "TRAIL_STRIP",
    "WORD_TOKENS",
    "prev_tokens",
]

ONE_OF_NEXT = re.compile(
    r"\s+(?:another\b|of\s+(?:the|those|these|them|its|his|her|their|our|your|my|whom|which"
    r"|us|you|it|this|that|two|both|several|many)\b|['’]s\b)",
    re.IGNORECASE,
)

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
CORE = re.compile(
    r"(?P<zero>\b(?i:no[\s-]one|nobody|none)\b)"
    rf"|(?P<vague>\b(?i:{_VAGUE}))"
    rf"|(?P<words>\b(?i:{_WORD_NUM}))"
    r"|(?P<digits>(?<!\S)[^\s\d]{0,8}\d(?:[^\s,]|,(?![^\W\d_]))*)"  # "21,police": no space
)


# Where a number can start: a token with a digit, or a word that starts a number phrase
# (``counts.words.STARTS``). Testing these first (in Python sets) is faster than searching
# ``CORE`` everywhere.
CANDIDATE = re.compile(r"(?<!\S)[^\s\d]{0,8}\d|[a-z]+")

_NUM = DIGITS_PATTERN
# Quote marks as reports write them, the double prime (″) and low quotes („) among them.
LEAD_STRIP = re.compile(r"^[(\[{\"'“‘«„‹″]+")
LEAD_MARKS = "([{\"'“‘«„‹″"  # what ``LEAD_STRIP`` strips, for ``str.lstrip`` (quicker)
TRAIL_STRIP = re.compile(r"(?:['’]s)?[)\]}\"'”’»›″,;:!?.]*$")
C_PLAIN = re.compile(_NUM)
C_TIME = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|\d{1,2}(?:[.:]\d{2})?[ap]\.?m\.?|\d{1,2}h\d{2}",
    re.IGNORECASE,
)
C_DATE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4}"
)
C_PERCENT = re.compile(rf"(?P<n>{_NUM})%")
C_MONEY = re.compile(
    rf"(?:[A-Z]{{1,3}})?[$€£¥₹₽₴₪₺](?P<n>{_NUM})(?P<s>k|m|mn|bn|b|tn)?", re.IGNORECASE
)
C_ORDINAL = re.compile(r"(?P<n>\d+)(?:st|nd|rd|th)", re.IGNORECASE)
C_DECADE = re.compile(r"(?P<n>\d{4}|\d{2})['’]?s")
C_PLUS = re.compile(rf"(?P<n>{_NUM})(?:\+|-?plus)", re.IGNORECASE)
C_TILDE = re.compile(rf"~(?P<n>{_NUM})")
C_RANGE = re.compile(rf"(?P<a>{_NUM})[-–—](?P<b>{_NUM})")
C_HYPHEN = re.compile(rf"(?P<n>{_NUM})[-–](?P<w>[A-Za-z][A-Za-z-]*)")
C_SUFFIX = re.compile(rf"(?P<n>{_NUM})(?P<w>[A-Za-z°²][A-Za-z°²/]*)")

_TIME_UNITS = (
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?"
    r"|months?|years?|yrs?|decades?|centuries|century"
)
MEASURE_UNITS = (
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
R_SCALE = re.compile(
    r"[ \t\u00a0]+(?P<w>hundred|thousand|million|billion|trillion|dozen)\b", re.IGNORECASE
)
R_AGE = re.compile(
    r"(?:\s*-\s*|\s+)(?:years?|yrs?|months?|weeks?|days?)(?:\s*-\s*|\s+)olds?\b"
    r"|\s+years?\s+of\s+age\b",
    re.IGNORECASE,
)
R_PERCENT = re.compile(
    r"\s*(?:%|per\s*cent\b|percent\b|pct\b|percentage\s+points?\b)", re.IGNORECASE
)
R_MONEY = re.compile(rf"{_OF}\s+(?:(?:[A-Z][a-z]+|US|U\.S\.)\s+)?(?i:{_MONEY_WORDS})\b")
R_TIME = re.compile(
    r"\s*(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b|o['’]clock\b|GMT\b|UTC\b|local\s+time\b"
    r"|hours\s+(?:GMT|UTC|local)\b)",
    re.IGNORECASE,
)
R_MILITARY_HOURS = re.compile(r"\s+hours\b")
R_DURATION = re.compile(
    rf"{_OF}(?:\s*-\s*|\s+)(?:(?:long|full|whole|consecutive|straight|successive|more"
    r"|additional|further|separate|different)\s+)?"
    rf"(?:{_TIME_UNITS})\b(?:-long)?",
    re.IGNORECASE,
)
R_MEASURE = re.compile(rf"{_OF}(?:\s*-\s*|\s+)(?:{MEASURE_UNITS})(?!\w)", re.IGNORECASE)
R_DATE_MONTH = re.compile(
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?!\w)(?:,?\s+(?:19|20)\d\d\b)?"
)
R_YEAR_AFTER = re.compile(r",?\s+(?:19|20)\d\d\b")
R_RANGE_SEP = re.compile(r"\s*[-–—]\s*|\s+(?:to|or|and)\s+", re.IGNORECASE)
R_SUFFIX_QUAL = re.compile(
    r"(?P<least>\s+or\s+(?:more|above|over|upwards)\b|\s+and\s+(?:more|above|upwards|counting)\b"
    r"|-plus\b|\s+plus\b(?=\s+[a-z]))"
    r"|(?P<approx>\s+or\s+so\b|[\s-]odd\b|\s+or\s+thereabouts\b|\s+(?:more\s+or\s+less"
    r"|give\s+or\s+take)\b)"
    r"|(?P<most>\s+or\s+(?:fewer|less|under)\b)",
    re.IGNORECASE,
)
R_RATIO = re.compile(
    r"\s+in\s+(?:every\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred"
    r"|a\s+thousand)\b(?![\s-]+(?:hours?|days?|nights?|weeks?|months?|years?)\b)",
    re.IGNORECASE,
)
R_HYPHEN_WORD = re.compile(r"-[A-Za-z\d]")
R_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z][A-Za-z-]*)")
R_JOIN_THOUSANDS = re.compile(r"[ \u00a0\u2009\u202f](\d{3})(?![\d,.]?\d)")
R_PHONE_TAIL = re.compile(r"(?:[\s-]+\(?\d[\d)-]*)+")
_PREV_TOKEN = re.compile(r"\S+")
WORD_TOKENS = re.compile(r"[A-Za-z]+")
LEADING_INT = re.compile(r"\d+")
R_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z'’\-]+)(,\s+|\s+\()$")

# "a couple" that is two people, not a few: "a couple and their daughter", "a couple were".
MARRIED = re.compile(r"an?\s+(?:\w+\s+)?couple", re.I)
COUPLE_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:and\s+(?:their|his|her)\b|were\b|was\b|who\b|in\s+their\b|,\s*aged\b)",
    re.I,
)


_token_cache: tuple[str, list[int], list[int]] = ("", [], [])


def prev_tokens(text: str, pos: int, k: int) -> list[tuple[str, int]]:
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
