"""Arabic numbers as written: digits (Latin or Arabic-Indic, folded to Latin before this) and
number words in their gender and case forms ("ثلاثة"، "ثلاث"، "اثنين"، "خمسة وعشرين"، "مئتي").

Everything here reads folded text (``warmonitor.gazetteer.arabic.fold``): taa marbuta is haa,
alif maqsura is yaa, hamza forms of alef are bare alef.
"""

from __future__ import annotations

import re

from warmonitor.gazetteer.arabic import fold

__all__ = ["NUMBER", "NUMBER_WORD", "parse_number"]

_UNITS = {
    "واحد": 1, "واحدة": 1, "احد": 1, "احدى": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    "عشر": 10, "عشرة": 10,
}  # fmt: skip
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
_HUNDREDS = {"مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200}
_HUNDREDS |= {"مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200}
for _unit, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8)):
    for _h in ("مئة", "مائة"):
        _HUNDREDS[_unit + _h] = _v * 100
_HUNDREDS["تسعمئة"] = _HUNDREDS["تسعمائة"] = 900
_THOUSANDS = {"الف": 1000, "الاف": 1000, "آلاف": 1000, "ألف": 1000, "الفين": 2000, "الفان": 2000}

_VALUES: dict[str, int] = {}
for table in (_UNITS, _TENS, _HUNDREDS, _THOUSANDS):
    for word, value in table.items():
        _VALUES[fold(word)] = value
_SCALE = {fold(w) for w in ("الف", "الاف", "آلاف", "ألف")}
_HUNDRED_WORDS = {fold(w) for w in ("مئة", "مائة")}
_TEN_WORDS = {fold(w) for w in ("عشر", "عشرة")}

_WORD = "|".join(sorted((re.escape(w) for w in _VALUES), key=len, reverse=True))
NUMBER_WORD = _WORD  # one number word, folded
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
#: A number: digits, or number words joined by spaces and "و" ("خمسة وعشرين").
NUMBER = re.compile(
    rf"(?:{_DIGITS})(?:\s+(?:{fold('ألف')}|{fold('آلاف')}))?"
    rf"|(?<!\w)(?:{_WORD})(?!\w)(?:\s+و?(?:{_WORD})(?!\w))*"
)


def parse_number(text: str) -> int | None:
    """The value of a :data:`NUMBER` match ("25"، "1,200"، "خمسة وعشرين"، "ثلاثة آلاف")."""
    text = text.strip()
    words = text.split()
    if words and words[0].replace(",", "").isdigit():
        value = int(words[0].replace(",", ""))
        return value * 1000 if len(words) > 1 and words[1] in _SCALE else value
    total, group = 0, 0
    for i, raw in enumerate(words):
        word = raw[1:] if raw.startswith("و") and raw[1:] in _VALUES else raw
        if word not in _VALUES:
            return None
        value = _VALUES[word]
        if word in _SCALE:  # "ثلاثة آلاف": the group so far is multiplied
            total += max(group, 1) * (value if value > 1000 else 1000)
            group = 0
        elif word in _HUNDRED_WORDS and group and group < 10:  # "ثلاث مئة"
            group *= 100
        elif word in _TEN_WORDS and i > 0 and group and group < 10:  # "خمسة عشر"
            group += 10
        else:
            group += value
    return total + group
