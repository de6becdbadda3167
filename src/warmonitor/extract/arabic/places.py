"""Places of an Arabic report through the gazetteer's Arabic names.

Names are read from folded text (hamza, taa marbuta and alif maqsura forms unified), with or
without the article "ال" and the clitics written on them ("بريف"، "وإدلب"، "لمدينة"). A name
after "ريف" or "محافظة" is the governorate ("ريف حماة الغربي": Hama, admin1); a village the
gazetteer does not hold leaves its sentence with the district or governorate the text names,
whose precision says so. Among places of one name, the report's main country wins.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from warmonitor.extract.arabic.lexicon import word
from warmonitor.gazetteer import Gazetteer
from warmonitor.gazetteer.arabic import ArabicNames, fold
from warmonitor.gazetteer.entries import GazetteerEntry
from warmonitor.model import Place

__all__ = ["COUNTRY_NAMES", "ArabicPlaces"]

# Arabic country names (hand-written; the packaged country table holds Latin names only). Nouns
# only: "الطائرات الروسية" names who struck, not where.
COUNTRY_NAMES: dict[str, str] = {
    fold(n): iso
    for iso, names in {
        "SY": ("سوريا", "سورية"),
        "IQ": ("العراق",),
        "LB": ("لبنان",),
        "JO": ("الأردن",),
        "TR": ("تركيا",),
        "IR": ("إيران",),
        "PS": ("فلسطين", "قطاع غزة", "الضفة الغربية"),
        "IL": ("إسرائيل",),
        "YE": ("اليمن",),
        "LY": ("ليبيا",),
        "EG": ("مصر",),
        "SD": ("السودان",),
        "SA": ("السعودية",),
        "RU": ("روسيا",),
        "US": ("أمريكا", "الولايات المتحدة"),
    }.items()
    for n in names
}
# Words that are names of places but far more often something else.
_COMMON = frozenset(
    fold(w)
    for w in (
        "الباب", "النصر", "السلام", "الحرية", "المدينة", "الشام", "الجيش", "الحرب", "الثورة",
        "المركز", "البلد", "الوسط", "القرية", "الشمال", "الجنوب", "الغرب", "الشرق", "العين",
        "الحارة", "الجسر", "البيت", "البحر", "النهر", "الجبل", "السوق", "الدولة", "الأمن", "عين",
        "بيت", "تل", "دير", "كفر", "جسر", "سوق", "حي", "باب", "العمر", "المزرعة", "الجامع",
        "الخير", "النور", "الرحمة", "البلدة", "الحي", "القصر", "قصر", "الهدى", "الفرقان", "الهلال",
        "الساحل", "الخليج", "المعارضة", "الطيبة", "الجديدة", "الزيارة", "الشهداء", "المحطة",
        "الحرس", "القوات", "قوات", "محمد", "أحمد", "علي", "عمر", "خالد", "حسن", "حسين", "مصطفى",
        "محمود", "إبراهيم", "عبد", "أبو", "ابو", "يوسف", "سعيد", "جميل", "كريم", "سلمان", "عيسى",
        "موسى", "نبي", "الحسن", "الحسين", "الصالحية", "رأس", "ام", "أم", "ابن", "بن", "الفاروق",
        "تموز", "آب", "نيسان", "أيار", "آذار", "شباط", "حزيران", "تشرين", "كانون", "أيلول", "مارس",
        "مايو", "يونيو", "يوليو", "السبت", "الأحد", "الجمعة", "الخميس", "الأربعاء", "الثلاثاء",
        "الاثنين", "اليوم", "أمس", "منذ", "بعد", "قبل", "خلال", "بين", "حول", "عند", "نحو",
        "إلى", "على", "في", "من", "عن", "مع", "الآن", "الان", "جوي", "جوية", "مدينة", "بلدة",
        "قرية", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "أشار",
        "أشارت", "الجزيرة", "الأمان", "البلاد", "جديدة", "الجديد", "أيضا", "حيث", "كان", "كانت",
        "منطقة", "المنطقة", "محافظة", "ناحية", "مخيم", "ريف", "الريف", "أحياء", "الأحياء", "حي",
        "العربية", "عربي", "مصدر", "مصادر", "الحدود", "الطريق", "طريق", "المطار", "مطار",
        "العاصمة", "الساحة", "الحديقة", "الرئيسي", "الرئيسية", "الكبير", "الكبرى", "الصغير",
        "الغربي", "الشرقي", "الشمالي", "الجنوبي", "الغربية", "الشرقية", "الشمالية", "الجنوبية",
        "وفي", "أدى", "الفرات", "الوادي", "الأوسط", "الأعلى", "العليا", "السفلى", "الجولان",
        "البادية", "الضفة", "قاعدة", "القاعدة", "الصحراء", "الهيئة", "الجمهورية", "الوطني",
        "الإسلامية", "الإسلامي", "الحر", "الشهيد", "المستشفى", "مستشفى", "المشفى", "الكنيسة",
        "سيدة", "الضيعة", "الرحمن", "الله", "عبدالله", "العسكري", "العسكرية", "الشعبي",
        "عنصر", "ظهر", "الظهر", "بحيرة", "وقف", "هجرة", "الهجرة", "عبور", "قنب",
        "وادي", "الوادي", "مساكن", "الزهور", "فتح", "بلد", "أحد", "بؤر", "المنازل", "منازل",
    )
)  # fmt: skip
_DESIGNATOR = re.compile(
    word(
        "مدينة", "بلدة", "قرية", "ريف", "محافظة", "منطقة", "حي", "مخيم", "ناحية", "قضاء", "بلدات",
        "قرى", "مدن", "مدينتي", "بلدتي", "قريتي", "أطراف", "محيط", "أحياء", "مزرعة", "مزارع",
        "مخيمات", "بلدات", "منطقتي", "شمالي", "جنوبي", "شرقي", "غربي",
    )
    + r"\s*$"
)  # fmt: skip
_AREA_CUE = re.compile(word("ريف", "محافظة", "محافظات", "ريفي", "ريفا") + r"\s*$")
_TOKEN = re.compile(r"[\u0621-\u064a]+")
_CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ب", "ل", "ف", "ك")
_SETTLEMENT = frozenset({"city", "neighbourhood", "point"})
# A country named as where, not who: "في سوريا"، "بسوريا"، "شمال غرب سوريا"، "#سوريا".
_LOCATIVE = re.compile(
    r"(?:#|(?<!\w)[وف]?[ب]|"
    + word("في", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي")
    + r"\s*)$"
)
# Places whose names alone, without "مدينة" or "قرية" before them, tell the report's country.
_NOTABLE = frozenset({"PPLC", "PPLA", "PPLA2", "ADM1", "ADM2"})


@dataclass(frozen=True, slots=True)
class ArabicMention:
    """A place named in the folded text."""

    start: int
    end: int
    entry: GazetteerEntry
    cued: bool  # after a designator ("قرية"، "مدينة"، "ريف")


def _forms(tok: str) -> list[str]:
    out = [tok]
    if tok.startswith("لل") and len(tok) > 4:
        out.append("ال" + tok[2:])
    for c in _CLITICS:
        if tok.startswith(c) and len(tok) - len(c) >= 3:
            out.append(tok[len(c) :])
    return out


class ArabicPlaces:
    """The places of one Arabic document, and its main country and place."""

    def __init__(
        self,
        text: str,
        gazetteer: Gazetteer | None = None,
        hints: Counter[str] | None = None,
    ) -> None:
        """``hints``: countries the report is tied to otherwise (the actors it names)."""
        gaz = gazetteer or Gazetteer.default()
        names = ArabicNames.default()
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        countries: Counter[str] = Counter(hints or {})
        raw: list[tuple[int, int, tuple[int, ...], bool, bool]] = []
        i = 0
        while i < len(tokens):
            hit = None
            for n in range(min(names.longest, 4, len(tokens) - i), 0, -1):
                words = [t[2] for t in tokens[i : i + n]]
                if n > 1 and tokens[i + n - 1][0] - tokens[i][1] > 2 * n + 20:
                    continue
                for first in _forms(words[0]):
                    key = " ".join([first, *words[1:]])
                    if n == 1 and (key in _COMMON or len(key) < 3):
                        continue
                    if (
                        key in COUNTRY_NAMES
                        and n <= 2
                        and _LOCATIVE.search(
                            text,
                            max(0, tokens[i][0] - 8),
                            tokens[i][0] + len(words[0]) - len(first),
                        )
                    ):
                        countries[COUNTRY_NAMES[key]] += 1
                    ids = names.lookup(key)
                    if ids:
                        hit = (n, ids)
                        break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            n, ids = hit
            start, end = tokens[i][0], tokens[i + n - 1][1]
            before = text[
                max(0, start - 12) : start + (len(tokens[i][2]) - len(_forms(tokens[i][2])[-1]))
            ]
            raw.append(
                (start, end, ids, bool(_DESIGNATOR.search(before)), bool(_AREA_CUE.search(before)))
            )
            i += n
        entries = gaz.entries(
            {g for *_, ids, _c, _a in ((r[0], r[1], r[2], r[3], r[4]) for r in raw) for g in ids}
        )
        for _s, _e, ids, cued, _area in raw:
            found = {entries[g].country for g in ids if g in entries}
            strong = cued or any(g in entries and entries[g].feature_code in _NOTABLE for g in ids)
            if len(found) == 1 and strong:
                countries[found.pop()] += 2 if cued else 1
        self.countries = countries
        self.country: str | None = countries.most_common(1)[0][0] if countries else None
        self.mentions: list[ArabicMention] = []
        for start, end, ids, cued, area in raw:
            cands = [entries[g] for g in ids if g in entries]
            if not cands:
                continue
            best = min(cands, key=lambda e: _rank(e, self.country, area))
            if (
                (self.country is not None or not cued)
                and best.country != self.country
                and best.feature_code not in ("PPLC", "ADM1")
            ):
                continue  # a village of another country: more likely a word or a namesake
            self.mentions.append(ArabicMention(start, end, best, cued))
        self._gaz = gaz

    def in_span(
        self, start: int, end: int, original: str, offsets: tuple[int, ...]
    ) -> Place | None:
        """The most specific place named in ``[start, end)`` of the folded text."""
        inside = [m for m in self.mentions if start <= m.start < end]
        if not inside:
            return None
        best = min(inside, key=lambda m: (_specificity(m.entry), -m.cued, m.start))
        return _place(best, original, offsets)

    def main(
        self, original: str, offsets: tuple[int, ...], upto: int | None = None
    ) -> Place | None:
        """The report's main place: its first specific place in its main country (within the
        first ``upto`` folded characters when given), else the country."""
        own = [m for m in self.mentions if m.entry.country == self.country]
        early = [m for m in own if upto is None or m.start < upto] or own
        for m in early:
            if m.entry.precision in _SETTLEMENT:
                return _place(m, original, offsets)
        if early:
            best = min(early, key=lambda m: (_specificity(m.entry), m.start))
            return _place(best, original, offsets)
        if self.country:
            country = self._gaz.country_by_code(self.country)
            if country is not None:
                return country.to_place()
        return None


def _rank(e: GazetteerEntry, country: str | None, area: bool) -> tuple[int, int, float]:
    return (
        0 if e.country == country else 1,
        0 if (area and e.feature_code == "ADM1") else 1,
        -e.importance,
    )


def _specificity(e: GazetteerEntry) -> int:
    return {"neighbourhood": 0, "point": 0, "city": 1, "district": 2, "admin1": 3}.get(
        e.precision, 4
    )


def _place(m: ArabicMention, original: str, offsets: tuple[int, ...]) -> Place:
    a, b = offsets[m.start], offsets[m.end - 1] + 1
    return m.entry.to_place(original[a:b])
