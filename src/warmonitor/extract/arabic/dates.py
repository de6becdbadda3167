"""Dates of Arabic reports: month names of both series, weekdays, "أمس" and "اليوم".

"7 آب 2021"، "السابع من أيلول"، "15 تشرين الأول/أكتوبر 2022"، "2022-10-15"، "15/10/2022";
a weekday ("يوم الثلاثاء"، "مساء السبت") or "أمس"/"اليوم" is resolved against the publication
date (the latest such day on or before it). Reads folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from warmonitor.extract.arabic.lexicon import word
from warmonitor.gazetteer.arabic import fold
from warmonitor.model import Period

__all__ = ["ArabicDate", "find_dates"]

# Levantine (Syriac) and Egyptian (Latin) month names, 1-12; "كانون الثاني" before "كانون".
_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("كانون الثاني", "يناير", "جانفي"),
        ("شباط", "فبراير", "فيفري"),
        ("آذار", "مارس"),
        ("نيسان", "أبريل", "ابريل", "افريل"),
        ("أيار", "مايو", "ماي"),
        ("حزيران", "يونيو", "يونيه", "جوان"),
        ("تموز", "يوليو", "يوليه", "جويلية"),
        ("آب", "أغسطس", "اغسطس", "أوت"),
        ("أيلول", "سبتمبر"),
        ("تشرين الأول", "أكتوبر"),
        ("تشرين الثاني", "نوفمبر"),
        ("كانون الأول", "ديسمبر"),
    ),
    start=1,
):
    for _n in _names:
        _MONTHS[fold(_n)] = _i
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WEEKDAYS = {
    fold(n): i
    for i, n in enumerate(("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"))
}
_WEEKDAY = "|".join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True))
_ORDINALS = {
    fold(w): i
    for i, w in enumerate(
        (
            "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
            "التاسع", "العاشر",
        ),
        start=1,
    )
}  # fmt: skip
_ORDINAL = "|".join(sorted(map(re.escape, _ORDINALS), key=len, reverse=True))

_DAY_MONTH = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}}|{_ORDINAL})\s*(?:من\s+)?(?:شهر\s+)?"
    rf"(?P<month>{_MONTH})(?!\w)(?:\s*[/\-(]\s*(?:{_MONTH})\)?)?"
    rf"(?:\s*(?:من\s+)?(?:عام\s+|سنه\s+)?(?P<year>(?:19|20)\d\d))?"
)
_ISO = re.compile(r"(?<!\d)(?P<year>20\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>20\d\d)(?!\d)")
_RELATIVE = re.compile(
    rf"(?P<yesterday>{word('أمس', 'البارحة', prefix=False)})"
    rf"|(?P<today>{word('اليوم', 'الليلة', prefix=False)})"
    rf"|(?<!\w)(?:[وفب])?(?:يوم\s+|مساء\s+|صباح\s+|فجر\s+|ليل\s+|ليله\s+|ظهر\s+|عصر\s+)?"
    rf"(?P<weekday>{_WEEKDAY})(?!\w)"
)


@dataclass(frozen=True, slots=True)
class ArabicDate:
    """A date found in folded text: its span and the day it names."""

    start: int
    end: int
    day: date
    explicit: bool  # a written date, not a weekday or "yesterday"

    def period(self, text: str) -> Period:
        return Period(self.day, self.day, text)


def find_dates(text: str, published: date | None) -> list[ArabicDate]:
    """Every date of a folded text, in order."""
    found: list[ArabicDate] = []
    for rx in (_ISO, _DMY):
        for m in rx.finditer(text):
            day = _date(int(m["year"]), int(m["month"]), int(m["day"]))
            if day is not None:
                found.append(ArabicDate(m.start(), m.end(), day, True))
    for m in _DAY_MONTH.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        raw = m["day"]
        dd = int(raw) if raw.isdigit() else _ORDINALS[raw]
        month = _MONTHS[m["month"]]
        year = int(m["year"]) if m["year"] else _year_for(month, dd, published)
        day = _date(year, month, dd) if year else None
        if day is not None:
            found.append(ArabicDate(m.start(), m.end(), day, True))
    if published is not None:
        for m in _RELATIVE.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            if m["yesterday"]:
                day = published - timedelta(days=1)
            elif m["today"]:
                day = published
            else:
                back = (published.weekday() - _WEEKDAYS[m["weekday"]]) % 7
                day = published - timedelta(days=back)
            found.append(ArabicDate(m.start(), m.end(), day, False))
    return sorted(found, key=lambda d: d.start)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """A date written without its year: the latest such date on or before publication."""
    if published is None:
        return None
    year = published.year
    candidate = _date(year, month, day)
    if candidate is not None and candidate > published:
        year -= 1
    return year
