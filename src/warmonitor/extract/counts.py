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
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

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
    "count", "year", "date", "time", "age", "percent", "money", "duration", "ordinal",
    "measure", "other",
]
COUNT_KINDS: tuple[str, ...] = (
    "count", "year", "date", "time", "age", "percent", "money", "duration", "ordinal",
    "measure", "other",
)

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

_MONTHS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
})
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

# Qualifiers before the number, as lowercase word tuples → effect.
_QUALIFIERS: dict[tuple[str, ...], str] = {}
for _effect, _phrases in {
    "at_least": (
        "at least", "no fewer than", "no less than", "not fewer than", "not less than",
        "a minimum of", "at the very least", "at the least", "at a minimum",
    ),
    "more_than": (
        "more than", "over", "upwards of", "upward of", "in excess of", "above", "greater than",
        "well over", "well above", "well in excess of", "far more than", "many more than",
        "more then", "north of",
    ),
    "approx": (
        "about", "around", "some", "roughly", "approximately", "approx.", "approx", "an estimated",
        "estimated", "nearly", "almost", "close to", "just under", "just over", "just below",
        "just above", "slightly more than", "slightly over", "slightly less than",
        "slightly fewer than", "a little over", "a little more than", "a little under",
        "a little less than", "approaching", "circa", "ca.", "c.", "in the region of",
        "on the order of", "of the order of", "more or less", "an approximate", "roughly some",
        "almost exactly", "just about", "somewhere around",
    ),
    "up_to": (
        "up to", "as many as", "as much as", "at most", "no more than", "not more than",
        "a maximum of", "at the most", "as high as", "at the maximum",
    ),
    "fewer": ("fewer than", "less than", "under", "below", "fewer then", "less then"),
}.items():
    for _p in _phrases:
        _QUALIFIERS[tuple(_p.split())] = _effect

_YEAR_PREV = frozenset({
    "in", "since", "until", "till", "by", "from", "during", "before", "after", "of", "early",
    "late", "mid", "mid-", "summer", "spring", "autumn", "fall", "winter", "year", "the", "to",
    "and", "between", "through", "throughout", "circa", "around", "for", "until", "election",
    "elections",
})
_COUNTED_NOUNS = frozenset({
    "people", "persons", "civilians", "residents", "refugees", "children", "women", "men",
    "soldiers", "troops", "fighters", "militants", "rebels", "members", "police", "policemen",
    "officers", "protesters", "demonstrators", "deaths", "dead", "casualties", "victims",
    "bodies", "killed", "wounded", "injured", "others", "more", "prisoners", "detainees",
    "migrants", "families", "households", "homes", "houses", "buildings", "displaced",
    "inhabitants", "individuals", "combatants", "insurgents", "jihadists", "youths",
    "students", "workers", "journalists", "doctors", "patients", "pilgrims", "worshippers",
    "villagers", "passengers", "personnel", "servicemen", "recruits", "gunmen", "attackers",
    "died", "have", "were", "are", "had", "lives", "Syrians", "Palestinians", "Ukrainians",
    "Iraqis", "Afghans", "Yemenis", "Sudanese", "Israelis", "Russians", "Kurds",
})
_CHILD_WORDS = frozenset({
    "children", "child", "boys", "girls", "kids", "minors", "youths", "teenagers", "those",
    "anyone", "people", "aged",
})
_AGE_PREV = frozenset({"aged", "age", "ages", "ageing", "aging"})
_ID_PREV = frozenset({
    "resolution", "resolutions", "decree", "law", "article", "articles", "chapter", "section",
    "clause", "paragraph", "no.", "no", "nos.", "number", "#", "flight", "route", "highway",
    "road", "motorway", "brigade", "division", "battalion", "regiment", "squadron", "unit",
    "corps", "gate", "building", "block", "sector", "zone", "camp", "checkpoint", "station",
    "platform", "room", "apartment", "flat", "floor", "level", "phase", "stage", "version",
    "model", "page", "pages", "p.", "pp.", "line", "bus", "channel", "district", "hill",
    "height", "heights", "unscr", "protocol", "annex", "item", "vol.", "volume", "tower",
    "kilometre", "kilometer", "km", "mile", "junction", "exit", "track", "lane", "terminal",
    "resolution's", "grade", "class", "category", "type", "mark", "mk", "covid", "sars",
})
_CURRENCY_PREV = frozenset({
    "$", "us$", "usd", "eur", "€", "£", "gbp", "syp", "iqd", "lbp", "uah", "rub", "rs", "rs.",
    "inr", "sar", "aed", "try", "ils", "nis", "irr", "yer", "sdg", "cad", "aud", "¥", "₴", "₽",
    "₪", "₺", "chf", "egp", "jod", "afn", "pkr", "ngn", "kes", "etb", "mmk",
})
_WAR_NOUNS = frozenset({
    "conflict", "war", "civil", "crisis", "insurgency", "uprising", "revolution", "siege",
    "blockade", "occupation", "struggle", "campaign", "dispute", "truce", "ceasefire",
    "cease-fire", "rule", "regime", "standoff", "stand-off", "feud", "stalemate", "fighting",
    "violence", "rebellion", "intifada", "embargo", "insurrection", "revolt", "unrest",
    "military", "armed", "offensive", "operation", "invasion", "bombardment", "deadlock",
    "peace", "agreement", "accord", "mandate", "presence", "government", "dictatorship",
})
_ONE_PREV_EXCLUDE = frozenset({
    "the", "this", "that", "which", "what", "whichever", "every", "any", "each", "another",
    "no", "someone", "everyone", "anyone", "last", "either", "neither", "which",
})
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
    r"|(?P<digits>(?<!\S)[^\s\d]{0,8}\d\S*)"
)

_NUM = DIGITS_PATTERN
_LEAD_STRIP = re.compile(r"^[(\[{\"'“‘«]+")
_TRAIL_STRIP = re.compile(r"(?:['’]s)?[)\]}\"'”’»,;:!?.]*$")
_C_PLAIN = re.compile(rf"(?P<n>{_NUM})")
_C_TIME = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|\d{1,2}(?:[.:]\d{2})?[ap]\.?m\.?|\d{1,2}h\d{2}",
    re.IGNORECASE,
)
_C_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4}")
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
_C_SUFFIX = re.compile(rf"(?P<n>{_NUM})(?P<w>[A-Za-z°²]+[A-Za-z°²/]*)")

_TIME_UNITS = (
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?"
    r"|months?|years?|yrs?|decades?|centuries|century"
)
_MEASURE_UNITS = (
    r"km[²2]?|kms|kilomet(?:re|er)s?|miles?|mi|met(?:re|er)s?|m[²2]?|cm|mm|millimet(?:re|er)s?"
    r"|centimet(?:re|er)s?|feet|foot|ft|yards?|inch(?:es)?|kg|kgs|kilos?|kilograms?|grams?"
    r"|g|tonnes?|tons?|t|lbs?|litres?|liters?|gallons?|barrels?|bpd|hectares?|ha|acres?"
    r"|dunams?|dunums?|donums?|sq|square|cubic|degrees?|°[CF]?|kph|mph|km/h|knots?|calib(?:re|er)"
    r"|megawatts?|mw|kw|gw|watts?|volts?|kv|mhz|ghz|kilotons?|kt|nautical|storeys?|stories"
)
_MONEY_WORDS = (
    r"dollars?|euros?|pounds?|sterling|lira|liras|lire|rubles?|roubles?|dinars?|riyals?|rials?"
    r"|dirhams?|yuan|yen|hryvnias?|shekels?|francs?|cents?|rupees?|pesos?|afghanis?|birr|naira"
    r"|shillings?|kyats?|taka|bucks|usd|eur|gbp|syp|iqd|lbp|uah|rub|ils|nis|try|irr|sdg"
)
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
_R_MONEY = re.compile(
    rf"(?:\s+of)?\s+(?:(?:[A-Z][a-z]+|US|U\.S\.)\s+)?(?i:{_MONEY_WORDS})\b"
)
_R_TIME = re.compile(
    r"\s*(?:[ap]\.m\.|[ap]m\b|[ap]\.m\b|o['’]clock\b|GMT\b|UTC\b|local\s+time\b|hrs\b|hours\s+"
    r"(?:GMT|UTC|local)\b)",
    re.IGNORECASE,
)
_R_MILITARY_HOURS = re.compile(r"\s+hours\b")
_R_DURATION = re.compile(
    r"(?:\s+of)?(?:\s*-\s*|\s+)(?:(?:long|full|whole|consecutive|straight|successive|more"
    r"|additional|other|further|previous|past|last|first|next|separate|different)\s+)?"
    rf"(?:{_TIME_UNITS})\b(?:-(?:long|old))?",
    re.IGNORECASE,
)
_R_MEASURE = re.compile(
    rf"(?:\s+of)?(?:\s*-\s*|\s+)(?:{_MEASURE_UNITS})(?![\w])", re.IGNORECASE
)
_R_DATE_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(?:19|20)\d\d\b)?")
_R_YEAR_AFTER = re.compile(r",?\s+(?:19|20)\d\d\b")
_R_RANGE_SEP = re.compile(r"\s*(?:-|–|—)\s*|\s+(?:to|or|and)\s+", re.IGNORECASE)
_R_SUFFIX_QUAL = re.compile(
    r"(?P<least>\s+or\s+(?:more|above|over|upwards)\b|\s+and\s+(?:more|above|upwards|counting)\b"
    r"|\s*\+|-?\s?plus\b)"
    r"|(?P<approx>\s+or\s+so\b|[\s-]odd\b|\s+or\s+thereabouts\b|\s+(?:more\s+or\s+less|give\s+or"
    r"\s+take)\b)"
    r"|(?P<most>\s+or\s+(?:fewer|less|under)\b)",
    re.IGNORECASE,
)
_R_HYPHEN_WORD = re.compile(r"-[A-Za-z]")
_R_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z][A-Za-z-]*)")
_R_JOIN_THOUSANDS = re.compile(r"[ \u00a0\u2009\u202f](\d{3})(?![\d,.]?\d)")
_R_PHONE_TAIL = re.compile(r"(?:[\s-]+\(?\d[\d)-]*)+")
_PREV_TOKEN = re.compile(r"\S+")
_DOTTED_QUALIFIERS = frozenset({"approx.", "ca.", "c."})
_PUNCT_END = frozenset(",;:!?)]}\"”'’")
_WORD_TOKENS = re.compile(r"[A-Za-z]+")

_VAGUE_BASE: dict[str, tuple[int, int]] = {
    "a couple": (2, 3), "a couple of": (2, 3), "a few": (2, 5), "quite a few": (3, 9),
    "several": (3, 9), "a handful": (2, 5), "a handful of": (2, 5), "many": (2, 9),
}
_VAGUE_PLURAL: dict[str, tuple[int, int]] = {
    "tens": (20, 99), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2000, 9999), "millions": (2 * 10**6, 10**7 - 1),
    "billions": (2 * 10**9, 10**10 - 1),
}
_PLURAL_SCALE = {"thousands": 1000, "millions": 10**6, "billions": 10**9}


# --------------------------------------------------------------------------------------------
# Internal state of one mention


@dataclass(slots=True)
class _Num:
    start: int
    end: int
    low: int
    high: int | None
    kind: str = "count"
    vague: bool = False
    approx: bool = False
    raw: str = ""  # the digits as written, for rescaling ("1.000 million")
    dec: Decimal | None = None  # a value that is not whole ("1.2") until a scale makes it so
    scalable: bool = False  # a bare number that a following scale word multiplies
    year_like: bool = False  # four plain digits 1900..2099
    word_one: bool = False  # the word "one" alone
    span_start: int = -1
    span_end: int = -1
    suffix: str | None = None  # "at_least" / "approx" / "at_most" after the number
    is_range: bool = False


def _year_like(raw: str, value: int) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1900 <= value <= 2099


def _vague_range(words: str) -> tuple[int, int]:
    w = " ".join(words.lower().split())
    if w in _VAGUE_PLURAL:
        return _VAGUE_PLURAL[w]
    if w in _VAGUE_BASE:
        return _VAGUE_BASE[w]
    parts = w.split(" of ")
    if len(parts) == 2 and parts[0] in _VAGUE_PLURAL:  # tens of thousands
        a, b = _VAGUE_PLURAL[parts[0]]
        if parts[0] == "dozens":
            a, b = 24, 99
        s = _PLURAL_SCALE[parts[1]]
        return a * s, (b + 1) * s - 1
    toks = w.split()
    scales: list[int] = []
    while toks and toks[-1].rstrip("s") in SCALE_WORDS:
        scales.insert(0, SCALE_WORDS[toks.pop().rstrip("s")])
    a, b = _VAGUE_BASE.get(" ".join(toks), (2, 9))
    low, high = a, b
    for i, s in enumerate(scales):
        low, high = low * s, (high + 1) * s - 1
        if i == 0 and s == 12:
            high = min(high, 99)
    return low, high


def _int(value: Decimal | None) -> int | None:
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def _plain(raw: str, start: int, end: int) -> _Num:
    """A bare digit group: a count candidate (or "other" for a number that is not whole)."""
    dec = parse_digits(raw)
    value = _int(dec)
    if value is None:
        low = int(dec) if dec is not None else 0
        return _Num(start, end, low, low, kind="other", raw=raw, dec=dec, scalable=True)
    if len(raw) > 1 and raw[0] == "0" and raw.isdigit():
        return _Num(start, end, value, value, kind="other", raw=raw)  # 0944…: phone, id
    return _Num(start, end, value, value, raw=raw, scalable=True,
                year_like=_year_like(raw, value))


def _lead_int(s: str) -> int:
    m = re.match(r"\d+", s.replace(",", ""))
    return int(m.group()) if m else 0


def _digits_core(text: str, m: re.Match[str]) -> _Num | None:
    """Classify one whitespace-delimited token that holds a digit."""
    tok = m.group("digits")
    ms, me = m.span("digits")
    lead = _LEAD_STRIP.match(tok)
    if lead:
        ms += lead.end()
        tok = tok[lead.end():]
    trail = _TRAIL_STRIP.search(tok)
    if trail and trail.start() > 0:
        tok = tok[: trail.start()]
    me = ms + len(tok)
    if not tok or not tok[0].isdigit() and tok[0] not in "$€£¥₹₽₴₪₺~+" and not tok[0].isalpha():
        return None
    if (t := _C_TIME.fullmatch(tok)) is not None:
        end = me + 1 if tok[-1:] in "mM" and text[me:me + 1] == "." else me
        return _Num(ms, end, _lead_int(tok), _lead_int(tok), kind="time")
    if _C_DATE.fullmatch(tok):
        return _Num(ms, me, _lead_int(tok), _lead_int(tok), kind="date")
    if (t := _C_PLAIN.fullmatch(tok)) is not None:
        num = _plain(tok, ms, me)
        if num.scalable and num.kind == "count" and len(tok) <= 3 and tok.isdigit():
            _join_thousands(text, num)
        return num
    if (t := _C_PERCENT.fullmatch(tok)) is not None:
        v = _lead_int(t.group("n"))
        return _Num(ms, me, v, v, kind="percent")
    if (t := _C_MONEY.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms + t.start("n"), ms + t.end("n"))
        if t.group("s"):
            _scale(num, SUFFIX_SCALES.get(t.group("s").lower(), 10**12), me)
        else:
            _apply_scale_word(text, num)
        num.start, num.kind, num.span_start = ms + t.start("n"), "money", ms
        return num
    if (t := _C_ORDINAL.fullmatch(tok)) is not None:
        v = int(t.group("n"))
        return _Num(ms, me, v, v, kind="ordinal")
    if (t := _C_DECADE.fullmatch(tok)) is not None:
        v = int(t.group("n"))
        return _Num(ms, me, v, v, kind="year" if len(t.group("n")) == 4 else "age")
    if (t := _C_PLUS.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms, ms + t.end("n"))
        num.span_end, num.suffix, num.year_like = me, "at_least", False
        return num
    if (t := _C_TILDE.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms + 1, me)
        num.span_start, num.approx, num.year_like = ms, True, False
        return num
    if (t := _C_RANGE.fullmatch(tok)) is not None:
        return _digit_range(t, ms, me)
    if (t := _C_HYPHEN.fullmatch(tok)) is not None:
        num = _plain(t.group("n"), ms, ms + t.end("n"))
        num.year_like = False
        return num  # the suffix ("-year-old", "-day", "-km", "-strong") is read on the right
    if (t := _C_SUFFIX.fullmatch(tok)) is not None:
        return _suffixed(text, t, ms, me)
    if tok[0] == "+" or tok[0].isdigit():
        tail = _R_PHONE_TAIL.match(text, me) if tok[0] == "+" else None
        end = tail.end() if tail else me
        return _Num(ms, end, _lead_int(tok.lstrip("+")), _lead_int(tok.lstrip("+")),
                    kind="other")
    # Letters before the digits: a model or an id ("AK-47", "Su-24", "B2", "COVID-19").
    return _Num(ms, me, _lead_int(re.sub(r"^\D+", "", tok)),
                _lead_int(re.sub(r"^\D+", "", tok)), kind="other")


def _join_thousands(text: str, num: _Num) -> None:
    """ "12 000": digit groups split by a space, unless a month name precedes ("March 12 150")."""
    prev = _prev_tokens(text, num.start, 1)
    if prev and prev[0][0].rstrip(".") in _MONTHS:
        return
    raw, end = num.raw, num.end
    while (j := _R_JOIN_THOUSANDS.match(text, end)) is not None:
        raw += j.group(1)
        end = j.end()
    if end != num.end:
        num.end, num.raw = end, raw
        num.low = num.high = int(raw)
        num.year_like = False


def _digit_range(t: re.Match[str], ms: int, me: int) -> _Num:
    a_raw, b_raw = t.group("a"), t.group("b")
    a, b = _int(parse_digits(a_raw)), _int(parse_digits(b_raw))
    if a is None or b is None:
        return _Num(ms, me, _lead_int(a_raw), _lead_int(a_raw), kind="other")
    if _year_like(a_raw, a) and (_year_like(b_raw, b) or (len(b_raw) == 2 and b_raw.isdigit())):
        return _Num(ms, me, a, a, kind="year")
    if b <= a:
        return _Num(ms, me, a, a, kind="other")  # "3-1": a score, not a range
    return _Num(ms, me, a, b, raw=a_raw, scalable=True, is_range=True)


def _suffixed(text: str, t: re.Match[str], ms: int, me: int) -> _Num:
    """Digits with letters glued after: "1.5m", "2bn", "5km", "155mm", "24h", "B2"-like ids."""
    raw, w = t.group("n"), t.group("w")
    wl = w.lower()
    if wl in SUFFIX_SCALES:
        num = _plain(raw, ms, me)
        num.year_like = False
        is_million = wl in ("m", "mn", "mln")
        if wl == "m" and "." not in raw:
            nxt = _R_NEXT_WORD.match(text, me)
            is_million = nxt is not None and nxt.group(1) in _COUNTED_NOUNS
            if not is_million:
                num.kind = "measure"
                return num
        _scale(num, 10**6 if is_million else SUFFIX_SCALES[wl], me)
        return num
    value = _int(parse_digits(raw)) or 0
    if re.fullmatch(_MEASURE_UNITS, wl, re.IGNORECASE):
        return _Num(ms, me, value, value, kind="measure")
    if re.fullmatch(r"h|hrs?|mins?|secs?|d|yrs?|s", wl):
        return _Num(ms, me, value, value, kind="duration")
    return _Num(ms, me, value, value, kind="other")


def _scale(num: _Num, mult: int, end: int) -> None:
    """Multiply a number (and a range's low end) by a scale; a whole result becomes a count."""
    dec = parse_digits(num.raw, scaled=True) if num.raw else num.dec
    if dec is None:
        dec = Decimal(num.low)
    value = _int(dec * mult)
    if value is None:
        num.kind = "other"
        return
    if num.is_range:
        num.high = (num.high or 0) * mult
        num.low = value
    else:
        num.low = num.high = value
    if num.kind == "other" and num.dec is not None:
        num.kind = "count"
    num.end = end
    num.scalable = num.year_like = False
    num.dec = None


def _apply_scale_word(text: str, num: _Num) -> bool:
    if not num.scalable:
        return False
    s = _R_SCALE.match(text, num.end)
    if s is None:
        return False
    _scale(num, SCALE_WORDS[s.group("w").lower()], s.end())
    return True


def _words_core(text: str, m: re.Match[str]) -> _Num | None:
    ws = m.start("words")
    toks = [(t.group().lower(), ws + t.start(), ws + t.end())
            for t in _WORD_TOKENS.finditer(m.group("words"))]
    parsed = parse_words([t[0] for t in toks])
    if parsed is None:
        return None
    value, used = parsed
    end = toks[used - 1][2]
    if used < len(toks) and toks[used][0] in ORDINAL_WORDS:
        return _Num(ws, toks[used][2], value, value, kind="ordinal")
    num = _Num(ws, end, value, value)
    num.word_one = used == 1 and toks[0][0] == "one"
    # "two million" is read whole; a bare "two" may still be scaled by nothing more.
    return num


def _vague_core(m: re.Match[str]) -> _Num:
    low, high = _vague_range(m.group("vague"))
    return _Num(m.start("vague"), m.end("vague"), low, high, vague=True)


def _read_core(text: str, m: re.Match[str]) -> _Num | None:
    group = m.lastgroup
    if group == "zero":
        return _Num(m.start(), m.end(), 0, 0)
    if group == "vague":
        return _vague_core(m)
    if group == "words":
        return _words_core(text, m)
    return _digits_core(text, m)


# --------------------------------------------------------------------------------------------
# Context


def _prev_tokens(text: str, pos: int, k: int) -> list[tuple[str, int]]:
    """Up to ``k`` whitespace tokens before ``pos``, nearest first, as (token, start)."""
    lo = max(0, pos - 16 * k)
    toks = [(t.group(), lo + t.start()) for t in _PREV_TOKEN.finditer(text, lo, pos)]
    if lo > 0 and toks and toks[0][1] == lo and not text[lo - 1].isspace():
        toks = toks[1:]
    return toks[::-1][:k]


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


def _extend_right(text: str, num: _Num, allow_range: bool = True) -> None:
    """Read scale words, a second number of a range and suffix qualifiers after ``num``."""
    if num.kind in ("count", "other") and num.dec is not None or num.kind == "count":
        _apply_scale_word(text, num)
    if num.kind != "count":
        return
    if allow_range and not num.is_range and num.span_end < 0:
        _range(text, num)
    q = _R_SUFFIX_QUAL.match(text, num.end if num.span_end < 0 else num.span_end)
    if q is not None and not (q.group("least") and q.group().strip() == "plus"
                              and _R_NEXT_WORD.match(text, q.end()) is None):
        num.suffix = "at_least" if q.group("least") else "approx" if q.group("approx") \
            else "at_most"
        num.span_end = q.end()


def _range(text: str, num: _Num) -> None:
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
    second = _read_core(text, m2)
    if second is None or second.kind != "count" or second.span_end >= 0:
        return
    if word in ("-", "–", "—") and (num.vague or second.vague or m2.lastgroup == "words"):
        return
    _apply_scale_word(text, second)
    second_high = second.high if second.high is not None else second.low
    if num.scalable and not second.scalable and second.raw and not second.vague:
        # "between 2 and 3 million": the scale of the second number applies to the first
        pre = parse_digits(second.raw, scaled=True)
        if pre is not None and num.low < pre and pre > 0:
            _scale(num, second.low // int(pre) if int(pre) else 1, num.end)
    elif num.scalable and not second.scalable and m2.lastgroup == "words" and not num.vague:
        pass
    if second.low <= num.low:
        return
    if num.year_like and second.year_like:
        num.kind = "year"
    num.high = second_high
    num.end = second.end
    num.is_range = True
    num.vague = num.vague or second.vague
    num.scalable = False


def _classify_right(text: str, num: _Num) -> None:
    """Kinds decided by what follows: ages, percentages, money, times, durations, measures."""
    e = num.end if num.span_end < 0 else num.span_end
    if (r := _R_AGE.match(text, e)) is not None:
        num.kind = "duration" if _war_noun_follows(text, r.end()) else "age"
        num.span_end = r.end()
        return
    if (r := _R_PERCENT.match(text, e)) is not None:
        num.kind, num.span_end = "percent", r.end()
        return
    if (r := _R_MONEY.match(text, e)) is not None and (num.vague or " of " not in r.group()):
        num.kind, num.span_end = "money", r.end()
        return
    if (r := _R_TIME.match(text, e)) is not None and not num.vague:
        num.kind, num.span_end = "time", r.end()
        return
    if len(num.raw) == 4 and num.raw.isdigit() and num.raw[0] in "012" \
            and (r := _R_MILITARY_HOURS.match(text, e)) is not None and num.raw[0] == "0":
        num.kind, num.span_end = "time", r.end()
        return
    if (r := _R_DURATION.match(text, e)) is not None and (num.vague or " of" not in
                                                            r.group()[:4].lower()):
        num.kind, num.span_end = "duration", r.end()
        return
    if (r := _R_MEASURE.match(text, e)) is not None and (num.vague or " of" not in
                                                           r.group()[:4].lower()):
        num.kind, num.span_end = "measure", r.end()
        return
    if not num.vague and not num.is_range and 1 <= num.low <= 31 \
            and (r := _R_DATE_MONTH.match(text, e)) is not None:
        num.kind, num.span_end = "date", r.end()
        return
    if _R_HYPHEN_WORD.match(text, e):
        num.kind = "other"  # "two-state", "300-strong", "five-member"
        w = _R_NEXT_WORD.match(text, e)
        num.span_end = w.end() if w else e


def _war_noun_follows(text: str, pos: int) -> bool:
    for _ in range(3):
        w = _R_NEXT_WORD.match(text, pos)
        if w is None:
            return False
        if w.group(1).lower() in _WAR_NOUNS:
            return True
        pos = w.end()
    return False


def _classify_left(text: str, num: _Num) -> None:
    """Kinds decided by what comes before: dates, ages, money, ids, years."""
    prev = _prev_tokens(text, num.start, 3)
    if not prev:
        if num.year_like and not _counted_noun_follows(text, num):
            num.kind = "year"
        return
    tok, tok_start = prev[0]
    clean = _LEAD_STRIP.sub("", tok)
    low = clean.lower()
    punct = bool(clean) and clean[-1] in _PUNCT_END
    if not punct and clean.rstrip(".") in _MONTHS and (
            (not num.is_range and (1 <= num.low <= 31 or num.year_like)) or num.is_range):
        num.kind = "date"
        num.span_start = tok_start + len(tok) - len(clean)
        if num.low <= 31 and (y := _R_YEAR_AFTER.match(text, num.end)) is not None:
            num.span_end = max(num.span_end, y.end())
        return
    prev2 = [_LEAD_STRIP.sub("", t).lower() for t, _ in prev[1:3]]
    if not punct and (low in _AGE_PREV or (low == "of" and prev2[:1] == ["age"])
                      or (low == "between" and prev2[:1] and prev2[0] in _AGE_PREV)):
        num.kind = "age"
        num.span_start = tok_start if low != "between" else prev[1][1]
        return
    if not punct and low in ("under", "over", "below", "above") and prev2[:1] \
            and prev2[0] in _CHILD_WORDS:
        num.kind = "age"
        num.span_start = tok_start
        return
    if low in _CURRENCY_PREV:
        num.kind = "money"
        num.span_start = tok_start
        return
    if not punct and (low in _ID_PREV or low.rstrip(".") in _ID_PREV) and not num.vague \
            and m_is_digits(text, num):
        num.kind = "other"
        num.span_start = tok_start
        return
    if num.year_like and num.kind == "count":
        if low in _YEAR_PREV and not punct:
            num.kind = "year"
        elif not _counted_noun_follows(text, num) and _qualifier(text, num.start) is None:
            num.kind = "year"


def m_is_digits(text: str, num: _Num) -> bool:
    return text[num.start:num.start + 1].isdigit()


def _counted_noun_follows(text: str, num: _Num) -> bool:
    w = _R_NEXT_WORD.match(text, num.end)
    return w is not None and w.group(1) in _COUNTED_NOUNS


def _one_excluded(text: str, num: _Num) -> bool:
    """The word "one" that is not a count: "one of the", "one another", "the one", "one's"."""
    if _ONE_OF_NEXT.match(text, num.end):
        return True
    prev = _prev_tokens(text, num.start, 1)
    return bool(prev) and prev[0][0].lower() in _ONE_PREV_EXCLUDE


def _finish(text: str, num: _Num) -> CountMention:
    start = num.span_start if num.span_start >= 0 else num.start
    end = max(num.end, num.span_end)
    low, high, approx = num.low, num.high, num.approx
    if num.kind == "count":
        if num.suffix == "at_least":
            high = None
        elif num.suffix == "approx":
            approx = True
        elif num.suffix == "at_most":
            low, high = 0, high if high is not None else low
        q = _qualifier(text, start)
        if q is not None:
            effect, start = q
            low, high, approx = _qualify(effect, low, high, approx, num.vague or num.is_range)
    kind: CountKind = num.kind if num.kind in COUNT_KINDS else "other"  # type: ignore[assignment]
    count = Count(low, high, text[start:end], approx)
    return CountMention(start, end, count, num.number_start if False else num.start,
                        num.end, kind)


def _qualify(effect: str, low: int, high: int | None, approx: bool,
             interval: bool) -> tuple[int, int | None, bool]:
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
    # fewer than N: [0, N - 1]
    return 0, max(0, low - 1), approx


def find_counts(text: str) -> list[CountMention]:
    """Every number expression of ``text``, left to right, each with its ``kind``.

    Only mentions with ``kind == "count"`` are figures; see ``docs/COUNTS.md`` for the interval
    each phrase gives ("at least N" → [N, open), "more than N" → [N+1, open), "dozens" →
    [24, 99] …). "a"/"an" are never emitted (see :data:`ARTICLE_ONE`).
    """
    out: list[CountMention] = []
    pos = 0
    while (m := _CORE.search(text, pos)) is not None:
        num = _read_core(text, m)
        if num is None:
            pos = m.end()
            continue
        if num.kind == "count" or num.dec is not None:
            _extend_right(text, num)
        if num.kind == "count":
            _classify_right(text, num)
        if num.kind == "count":
            _classify_left(text, num)
        if num.kind == "count" and num.word_one and _one_excluded(text, num):
            pos = num.end
            continue
        if num.kind == "other" and num.dec is not None and num.span_end < 0:
            pos = max(num.end, m.end())
            out.append(_finish(text, num))
            continue
        mention = _finish(text, num)
        out.append(mention)
        pos = max(mention.end, m.end() if m.lastgroup == "digits" else num.end)
    return out
