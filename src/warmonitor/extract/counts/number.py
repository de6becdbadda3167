"""One number being read (:class:`Num`) and its arithmetic: plain digit groups and scales."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

from warmonitor.extract.counts.patterns import LEADING_INT, R_SCALE
from warmonitor.extract.numbers import SCALE_WORDS, parse_digits

__all__ = [
    "COUNT_KINDS",
    "CountKind",
    "Num",
    "apply_scale_word",
    "is_year",
    "lead_int",
    "plain_number",
    "scale_number",
    "to_int",
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


@dataclass(slots=True)
class Num:
    """A number expression while it is read: the number's span, its interval and its kind."""

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


def to_int(value: Decimal | None) -> int | None:
    """The value as an ``int`` when it is whole, else ``None``."""
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def lead_int(s: str) -> int:
    """The first run of digits in ``s`` (commas dropped), or 0."""
    m = LEADING_INT.search(s.replace(",", ""))
    return int(m.group()) if m else 0


def is_year(raw: str, value: int) -> bool:
    """Four plain digits from 1900 to 2099."""
    return len(raw) == 4 and raw.isdigit() and 1900 <= value <= 2099


def plain_number(raw: str, start: int, end: int) -> Num:
    """A bare digit group: a count candidate, or "other" for a number that is not whole."""
    dec = parse_digits(raw)
    value = to_int(dec)
    if value is None:
        low = int(dec) if dec is not None else 0
        return Num(start, end, low, low, kind="other", raw=raw, dec=dec, scalable=True)
    if len(raw) > 1 and raw[0] == "0" and raw.isdigit():
        return Num(start, end, value, value, kind="other", raw=raw)  # 0944…: a phone, an id
    return Num(start, end, value, value, raw=raw, scalable=True, year_like=is_year(raw, value))


def scale_number(num: Num, mult: int, end: int) -> None:
    """Multiply a number (both ends of a range) by a scale; a whole result becomes a count."""
    dec = parse_digits(num.raw, scaled=True) if num.raw else num.dec
    value = to_int((dec if dec is not None else Decimal(num.low)) * mult)
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


def apply_scale_word(text: str, num: Num) -> None:
    """ "3 million", "2.5 thousand": multiply by a scale word right after the number."""
    if num.scalable and (s := R_SCALE.match(text, num.end)) is not None:
        scale_number(num, SCALE_WORDS[s.group("w").lower()], s.end())
