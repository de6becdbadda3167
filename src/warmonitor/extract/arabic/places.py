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

from warmonitor.extract.arabic.countries import LEAD_WEIGHT, Focus, country_hints, weight_at
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
        "الكائن", "الأبيض", "وأن", "الخبر", "السلطات", "الأمل", "كشفت", "الجوي", "سلام",
        "جزيرة", "حرجة", "المصدر", "شفت", "المصادر", "الأمان", "بأمان", "أمان", "بيان",
        "البيضاء", "البيان", "قبلة", "سجن", "السجن",
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
# What names a common word a place: "مدينة الباب"، "قرية النصر".
_SETTLEMENT_CUE = re.compile(
    word("مدينة", "بلدة", "قرية", "حي", "مخيم", "ناحية", "مدينتي", "بلدتي", "قريتي") + r"\s*$"
)
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
# Places whose names alone, without "مدينة" or "قرية" before them, tell the report's country
# (capitals and first-level seats and areas), and those that tell it after "في" or "ب" or as a
# hashtag (second-level seats and areas: many are also common words, "السلطات"، "الخبر").
_MAJOR = frozenset({"PPLC", "PPLA", "ADM1"})
_NOTABLE = frozenset({"PPLA2", "PPLA3", "PPLA4", "ADM2", "ADM3"}) | _MAJOR
# A name named as where: after "في" or a preposition written on it, or as a hashtag.
_AT = re.compile(
    r"(?:#|(?<!\w)[وف]?[ب]|"
    + word("في", "داخل", "قرب", "بالقرب من", "محيط", "أطراف", "شمال", "جنوب", "شرق", "غرب")
    + r"\s*)$"
)
_HASH = re.compile(r"#[\w]*$")


def _vote(codes: set[str], cued: bool, located: bool, weight: int) -> int:
    """A place's vote for its country: two for a town or an area after "قرية"، "مدينة"، "ريف"
    (half that for a village: small places share their names across borders), one for a town named
    after "في"، "ب" or as a hashtag; a capital or a first-level seat or area named bare votes
    only where the report tells its incident (a page's menus name capitals by the dozen)."""
    if cued:
        return weight * 2 if codes & _NOTABLE else max(1, weight // 2)
    if located and codes & _NOTABLE:
        return weight
    if codes & _MAJOR and weight > 1:
        return weight
    return 0


def _hashtag(text: str, at: int) -> bool:
    """Whether the token at ``at`` is (part of) a hashtag: "#ريف_حلب"، "#دارةعزة"."""
    return bool(_HASH.search(text, max(0, at - 30), at))


def _joined(names: ArabicNames, token: str) -> tuple[int, ...]:
    """A name of two words written as one, as hashtags and hasty posts do ("جسرالشغور"):
    the first split of ``token`` (each side three letters or more) that names a place."""
    for i in range(3, len(token) - 2):
        ids = names.lookup(token[:i] + " " + token[i:])
        if ids:
            return ids
    return ()


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
        focus: Focus = (),
    ) -> None:
        """``focus``: weighted spans of the folded text, where it tells its incident
        (``countries.Focus``): a page capture's menus and other stories weigh less. The report's
        country is the one with most votes, those of its lead (weight ``LEAD_WEIGHT``) counted
        twice, then with most places: votes of its places, of the country names it writes as where
        ("في سوريا") and of the actors it names (``countries.country_hints``)."""
        gaz = gazetteer or Gazetteer.default()
        names = ArabicNames.default()
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        countries: Counter[str] = Counter()
        lead: Counter[str] = Counter()
        for country, vote in country_hints(text, focus):
            countries[country] += vote
            lead[country] += vote if vote >= LEAD_WEIGHT else 0
        raw: list[tuple[int, int, tuple[int, ...], bool, bool, bool]] = []
        i = 0
        while i < len(tokens):
            hit = None
            for n in range(min(names.longest, 4, len(tokens) - i), 0, -1):
                words = [t[2] for t in tokens[i : i + n]]
                if n > 1 and tokens[i + n - 1][0] - tokens[i][1] > 2 * n + 20:
                    continue
                for first in _forms(words[0]):
                    key = " ".join([first, *words[1:]])
                    if n == 1 and (
                        len(key) < 3
                        or (
                            key in _COMMON
                            and not _SETTLEMENT_CUE.search(
                                text,
                                max(0, tokens[i][0] - 12),
                                tokens[i][0] + len(words[0]) - len(first),
                            )
                        )
                    ):
                        continue  # a common word, unless "مدينة" or "قرية" names it a place
                    if (
                        key in COUNTRY_NAMES
                        and n <= 2
                        and _LOCATIVE.search(
                            text,
                            max(0, tokens[i][0] - 8),
                            tokens[i][0] + len(words[0]) - len(first),
                        )
                    ):
                        vote = 2 * weight_at(tokens[i][0], focus)
                        countries[COUNTRY_NAMES[key]] += vote
                        lead[COUNTRY_NAMES[key]] += vote if vote >= LEAD_WEIGHT else 0
                    ids = names.lookup(key)
                    if not ids and n == 1 and len(key) >= 6:
                        at = tokens[i][0]
                        if _hashtag(text, at) or _DESIGNATOR.search(text, max(0, at - 12), at):
                            ids = _joined(names, key)
                    if ids:
                        hit = (n, ids, len(words[0]) - len(first))
                        break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            n, ids, clitic = hit
            start, end = tokens[i][0], tokens[i + n - 1][1]
            before = text[max(0, start - 12) : start + clitic].replace("_", " ")  # "#ريف_حلب"
            cued = bool(_DESIGNATOR.search(before))
            located = cued or bool(_AT.search(before)) or _hashtag(text, start)
            raw.append((start, end, ids, cued, bool(_AREA_CUE.search(before)), located))
            i += n
        entries = gaz.entries({g for r in raw for g in r[2]})
        votes: dict[tuple[int, ...], tuple[str, int]] = {}  # a place votes once, at its best
        for start, _e, ids, cued, _area, located in raw:
            cands = [entries[g] for g in ids if g in entries]
            found = {e.country for e in cands}
            if len(found) == 1:
                codes = {e.feature_code for e in cands}
                vote = _vote(codes, cued, located, weight_at(start, focus))
                if vote > votes.get(ids, ("", 0))[1]:
                    votes[ids] = (found.pop(), vote)
        for country, vote in votes.values():
            countries[country] += vote
            lead[country] += vote if vote >= LEAD_WEIGHT else 0
        places = Counter(country for country, _ in votes.values())
        self.countries = countries

        # the most votes, those of its lead counted twice; then the most places
        top = max(countries, key=lambda c: (countries[c] + lead[c], places[c]), default=None)
        self.country: str | None = top if top and countries[top] > 0 else None
        self.mentions: list[ArabicMention] = []
        for start, end, ids, cued, area, located in raw:
            cands = [entries[g] for g in ids if g in entries]
            if not cands:
                continue
            best = min(cands, key=lambda e: _rank(e, self.country, area))
            if best.country != self.country and (
                (self.country is not None or not cued)
                and (best.feature_code not in ("PPLC", "ADM1") or not located)
            ):
                continue  # a place of another country: more likely a word or a namesake
            self.mentions.append(ArabicMention(start, end, best, cued))
        self._gaz = gaz

    def in_span(
        self, start: int, end: int, original: str, offsets: tuple[int, ...]
    ) -> Place | None:
        """The most specific place named in ``[start, end)`` of the folded text."""
        inside = [m for m in self.mentions if start <= m.start < end]
        if not inside:
            return None
        best = min(
            inside,
            key=lambda m: (
                m.entry.country != self.country,
                _specificity(m.entry),
                -m.cued,
                m.start,
            ),
        )
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
