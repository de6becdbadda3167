"""The country an Arabic report is about, before its places are read: the actors it names.

A short post may name no place the gazetteer holds ("#قرية" of a few houses) but name who
struck or who counted: "قوات النظام"، "ميليشيات الأسد"، "قسد"، "هيئة تحرير الشام" tie it to
Syria as surely as a town would. Two sources, each counted once per report:

* the actor registry's actors tied to one country, by their Arabic names; not outlets (an
  outlet's home is not where its stories happen) and not one-word names with the article
  ("الجزيرة"، "المسيرة": also common words);
* :data:`COUNTRY_CUES`: the phrases of the armed forces and authorities of the countries Arabic
  reports are mostly about, which the registry does not hold as actors of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from warmonitor.actors import ActorRegistry
from warmonitor.extract.arabic.lexicon import word
from warmonitor.gazetteer.arabic import ARABIC_LETTER, fold

__all__ = ["COUNTRY_CUES", "LEAD_WEIGHT", "Focus", "country_hints", "weight_at"]

#: Spans of a folded text with the weight of what is named in them: ``(start, end, weight)``.
Focus = Sequence[tuple[int, int, int]]
#: The weight of the sentences around a report's first figure (its dateline, title and lead).
LEAD_WEIGHT = 6


def weight_at(at: int, focus: Focus) -> int:
    """The weight of a name at ``at``: that of the heaviest span holding it, else one."""
    return max((w for a, b, w in focus if a <= at < b), default=1)


COUNTRY_CUES: dict[str, tuple[str, ...]] = {
    "SY": (
        "قوات النظام", "جيش النظام", "النظام السوري", "نظام الأسد", "بشار الأسد", "قوات الأسد",
        "ميليشيات الأسد", "ميليشيا الأسد", "ميليشيا أسد", "مليشيات الأسد", "عصابات الأسد",
        "جيش الأسد", "طيران الأسد", "الجيش الوطني السوري", "هيئة الجولاني", "تحرير الشام",
        "قسد", "الدفاع المدني السوري", "الخوذ البيضاء", "المعارضة السورية", "الثورة السورية",
        "الشمال السوري", "الشمال الغربي السوري", "الشمال الشرقي السوري", "الجنوب السوري",
        "البادية السورية", "الأراضي السورية", "خفض التصعيد", "الفرقة الرابعة", "الأسايش",
        "الإدارة الذاتية", "درع الفرات", "غصن الزيتون", "نبع السلام", "الليرة السورية",
    ),
    "IQ": ("الحشد الشعبي", "إقليم كردستان", "الجيش العراقي", "القوات العراقية", "الأراضي العراقية"),
    "LB": ("الجيش اللبناني", "الأراضي اللبنانية", "الجنوب اللبناني"),
    "YE": ("الحوثي", "الحوثيين", "جماعة الحوثي", "الأراضي اليمنية", "الجيش اليمني"),
    "LY": ("الجيش الليبي", "قوات حفتر", "الأراضي الليبية"),
    "SD": ("الدعم السريع", "الجيش السوداني"),
}  # fmt: skip


@functools.cache
def _cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(folded phrase pattern, country) of the cues and of the registry's own-country actors."""
    found: dict[str, str] = {}
    for country, phrases in COUNTRY_CUES.items():
        for phrase in phrases:
            found[fold(phrase)] = country
    for actor in ActorRegistry.default():
        if not actor.country or actor.kind == "media":
            continue
        for name in actor.names:
            key = fold(name)
            if not ARABIC_LETTER.search(key) or (" " not in key and key.startswith("ال")):
                continue
            found.setdefault(key, actor.country)
    return tuple((re.compile(word(name)), country) for name, country in found.items())


def country_hints(text: str, focus: Focus = ()) -> list[tuple[str, int]]:
    """The votes of the actors and cues a folded text names, each once, at the weight of its
    heaviest place in ``focus`` (:func:`weight_at`): ``(country, vote)``."""
    out: list[tuple[str, int]] = []
    for rx, country in _cues():
        weights = [weight_at(m.start(), focus) for m in rx.finditer(text)]
        if weights:
            out.append((country, max(weights)))
    return out
