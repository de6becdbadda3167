"""Numbers as written in reports, read into integers: "1,000", "1.2 million", "two hundred".

Pure domain code: plain strings in, ``int | None`` out. :func:`parse_number` reads one whole
number expression; :func:`parse_words` reads the longest number at the start of a list of word
tokens (used by :mod:`warmonitor.extract.counts` and ``dates`` to scan sentences).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

__all__ = [
    "CARDINALS",
    "DIGITS_PATTERN",
    "ORDINAL_WORDS",
    "SCALE_WORDS",
    "SUFFIX_SCALES",
    "parse_digits",
    "parse_number",
    "parse_words",
]


def _split(words: str) -> list[str]:
    return words.split()


UNITS: dict[str, int] = {
    w: i for i, w in enumerate(_split("one two three four five six seven eight nine"), start=1)
}
TEENS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        _split("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"),
        start=10,
    )
}
TENS: dict[str, int] = {
    w: 10 * i
    for i, w in enumerate(_split("twenty thirty forty fifty sixty seventy eighty ninety"), start=2)
}
#: Every cardinal word below one hundred that starts a number ("zero" included).
CARDINALS: frozenset[str] = frozenset({"zero", *UNITS, *TEENS, *TENS})
#: Multipliers above one hundred, strictly decreasing in a well-formed number.
BIG_SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
#: Words that multiply the number before them ("two hundred", "3 million", "two dozen").
SCALE_WORDS: dict[str, int] = {"hundred": 100, "dozen": 12, **BIG_SCALES}
#: Abbreviated scales glued to digits ("1.5m", "2bn", "5k").
SUFFIX_SCALES: dict[str, int] = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "b": 10**9,
}
ORDINAL_WORDS: frozenset[str] = frozenset(
    _split(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth
    millionth billionth"""
    )
)

_SPACE_SEP = "[ \u00a0\u2009\u202f]"
#: One run of digits with its separators, as a regex fragment (no scale, no sign).
DIGITS_PATTERN = (
    r"\d{1,2},(?:\d{2},)+\d{3}(?![\d,]\d)"  # 3,50,000 / 1,20,00,000 (Indian grouping)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,000 / 1,234.5
    rf"|\d{{1,3}}(?:{_SPACE_SEP}\d{{3}})+(?![\d,.]\d)"  # 12 000 (space, NBSP, thin space)
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d,.]\d)"  # 2.500.000
    r"|\d+(?:\.\d+)?"  # 1000 / 1.2 / 1.000
)
_NUMBER_RE = re.compile(
    rf"(?P<num>{DIGITS_PATTERN})"
    r"(?:\s*(?P<suffix>k|m|mn|mln|bn|b)|\s+(?P<scale>hundred|thousand|million|billion|trillion"
    r"|dozen))?",
    re.IGNORECASE,
)
_EURO_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_WORD_TOKEN = re.compile(r"[a-z]+|,")
_SPACING = re.compile(r"[\s,\-]")


def parse_digits(digits: str, *, scaled: bool = False) -> Decimal | None:
    """The value of one digit group: "1,000" → 1000, "12 000" → 12000, "1.2" → 1.2.

    A dot followed by groups of exactly three digits ("1.000", "2.500.000") is read as a
    thousands separator, unless ``scaled`` (a scale word follows: "1.500 million" is 1.5 million).
    """
    s = digits.replace(",", "")
    for sep in " \u00a0\u2009\u202f":
        s = s.replace(sep, "")
    if not scaled and _EURO_THOUSANDS.fullmatch(s):
        s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _integral(value: Decimal) -> int | None:
    return int(value) if value == value.to_integral_value() else None


def _below_100(toks: Sequence[str], i: int) -> tuple[int, int] | None:
    """A number below one hundred at ``toks[i]``: (value, next index)."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t in TENS:
        if i + 1 < len(toks) and toks[i + 1] in UNITS:
            return TENS[t] + UNITS[toks[i + 1]], i + 2
        return TENS[t], i + 1
    if t in TEENS:
        return TEENS[t], i + 1
    if t in UNITS:
        return UNITS[t], i + 1
    return None


def _group(toks: Sequence[str], i: int, *, first: bool) -> tuple[int, int] | None:
    """A group below a thousand ("two hundred and five", "a hundred", "twelve hundred")."""
    n = len(toks)
    if first and i + 1 < n and toks[i] in ("a", "an") and toks[i + 1] in SCALE_WORDS:
        if toks[i + 1] != "hundred":
            return 1, i + 1  # "a thousand", "a million", "a dozen": the scale is read above
        hundreds, j = 1, i + 2
    else:
        b = _below_100(toks, i)
        if b is None:
            return None
        value, j = b
        if j < n and toks[j] == "hundred" and value != 10:
            hundreds, j = value, j + 1
        else:
            return value, j
    rest = _below_100(toks, j)
    if rest is not None:
        return hundreds * 100 + rest[0], rest[1]
    if j + 1 < n and toks[j] == "and":
        rest = _below_100(toks, j + 1)
        if rest is not None:
            return hundreds * 100 + rest[0], rest[1]
    return hundreds * 100, j


def parse_words(toks: Sequence[str]) -> tuple[int, int] | None:
    """The longest cardinal at the start of lowercase word ``toks``: (value, tokens used).

    Tokens are words without hyphens or spaces ("twenty-five" is ``["twenty", "five"]``);
    "and" joins a hundred or a scale to what follows; "a"/"an" stand for one before a scale
    ("a hundred", "a dozen"); "half a dozen" is 6, "two dozen" 24. Ordinals are not read.
    """
    n = len(toks)
    if n == 0:
        return None
    if toks[0] == "zero":
        return 0, 1
    if (
        n >= 3
        and toks[0] == "half"
        and toks[1] in ("a", "an")
        and toks[2] in ("dozen", "hundred", "thousand", "million", "billion")
    ):
        return SCALE_WORDS[toks[2]] // 2, 3
    total = 0
    last_scale = 10**15
    i = 0
    used = 0
    while i < n:
        start = i
        if total and toks[i] == "and":  # "two thousand and five"
            i += 1
        g = _group(toks, i, first=start == 0)
        if g is None:
            break
        value, j = g
        if j < n and toks[j] in BIG_SCALES and BIG_SCALES[toks[j]] < last_scale and value < 1000:
            scale = BIG_SCALES[toks[j]]
            total += value * scale
            last_scale = scale
            i = used = j + 1
            continue
        if value >= last_scale:
            break
        total += value
        used = j
        break
    if used == 0:
        return None
    if used < n and toks[used] == "dozen" and total < 100:
        return total * 12, used + 1
    return total, used


def parse_number(text: str) -> int | None:
    """The integer a number expression states, or ``None``.

    Reads digit groups ("1,000", "12 000", "1.000"), decimals with a scale ("1.2 million",
    "2.5 thousand", "1.5m", "2bn"), number words of any size ("one thousand three hundred and
    eighty-three", "a hundred", "a dozen", "half a dozen", "two dozen") and mixtures ("2 million").
    Vague words ("dozens", "a couple", "a few"), ordinals ("second", "1st") and decimals that are
    not whole ("1.2") give ``None``.
    """
    s = text.strip()
    if not s:
        return None
    if any(c.isdigit() for c in s):
        m = _NUMBER_RE.fullmatch(s)
        if m is None:
            return None
        scale_word = (m.group("suffix") or m.group("scale") or "").lower()
        mult = SUFFIX_SCALES.get(scale_word) or SCALE_WORDS.get(scale_word) or 1
        value = parse_digits(m.group("num"), scaled=mult != 1)
        return None if value is None else _integral(value * mult)
    toks = [t for t in _WORD_TOKEN.findall(s.lower().replace("-", " ")) if t != ","]
    if "".join(toks) != _SPACING.sub("", s.lower()):
        return None
    parsed = parse_words(toks)
    if parsed is None or parsed[1] != len(toks):
        return None
    return parsed[0]
