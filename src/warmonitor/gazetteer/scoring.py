"""Scores of a name's candidates before the text's countries are counted (see ``resolve``).

:func:`prior` is what a candidate is worth on its own and by what the words around call it;
:func:`support` is what the text's other names add by containment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from warmonitor.gazetteer.cues import apposed, beside
from warmonitor.gazetteer.entries import GazetteerEntry, PlaceMention
from warmonitor.gazetteer.normalise import AREA_WORDS, fold

__all__ = ["AREAS", "prior", "support"]

AREAS = frozenset({"ADM1", "ADM2"})
COUNTRY_PRIOR = 11.0  # above any city (a capital of ten million scores about 10)
ALT_PENALTY = 2.5  # 1 for one of ALT_KNOWN importance where no other is called so by its name
ALT_KNOWN = 6.0
FUZZY_PENALTY = 2.0
COMMON_PENALTY = 2.0  # twice for a word of three capitals or fewer ("FIFA", "UNDP")
PARTIAL_PENALTY = 1.5
BARE_PENALTY = 1.0
COUNTRY_AREA_PENALTY = 3.0
KIND_BONUS = 3.0  # an area called an area ("Idlib province"); half for a settlement so called
CONTAINED = 4.0  # an area of the candidate named in the same sentence (half elsewhere)
CONTAINS = 2.0  # a place of the area candidate named in the same sentence (half elsewhere)
BESIDE = 3.0  # the candidate's country named beside it ("Kano, Nigeria")
SUPPORT_CAP = 6.0
TOWN = 50_000  # people: no village has so many


def prior(m: PlaceMention, e: GazetteerEntry) -> float:
    """A candidate's own score: its importance (countries above all), less for an alternate or
    fuzzy name, a common word or acronym, an unknown word joined to it ("*Tell* Qirmiz"), an
    area named like its country ("southern Mexico") or by its bare name ("Orange" for "Orange
    County"); more or less by what the words around call the name (a town of ``TOWN`` people
    or more is no village)."""
    area = e.feature_code in AREAS
    country = e.precision == "country"
    p = COUNTRY_PRIOR if country else e.importance - (0.05 if area else 0.0)
    if e.geonames_id in m.alt:
        p -= ALT_PENALTY if e.importance < ALT_KNOWN or _has_main(m) else ALT_PENALTY / 2.5
    if not m.exact:
        p -= FUZZY_PENALTY
    if m.common:
        p -= COMMON_PENALTY
    if not country:
        letters = m.text.replace(".", "")
        if len(letters) <= 5 and letters.isupper() and m.start > 0:
            p -= COMMON_PENALTY * (2 if len(letters) <= 3 else 1)
        if m.partial:
            p -= PARTIAL_PENALTY
    if area and not m.designator and _names_country(m, e.country):
        p -= COUNTRY_AREA_PENALTY
    if m.designator == "area":
        p += KIND_BONUS if area else (-2 * KIND_BONUS if country else 0.0)
    elif m.designator in ("place", "village"):
        p += KIND_BONUS / 2 if not (area or country) else (-2 * KIND_BONUS if country else -1.5)
        if m.designator == "village" and e.rank_population >= TOWN:
            p -= KIND_BONUS
    elif m.designator == "feature":
        p -= 2 * KIND_BONUS if country else KIND_BONUS
    elif area and _bare(m.text, e.ascii_name):
        p -= BARE_PENALTY
    return p


def _names_country(m: PlaceMention, country: str) -> bool:
    return any(d.precision == "country" and d.country == country for d in m.candidates)


def _has_main(m: PlaceMention) -> bool:
    """Whether some candidate of ``m`` is called so by its own name."""
    return len(m.alt) < len(m.candidates)


def _bare(said: str, name: str) -> bool:
    """Whether an area's name ends in a kind of area ("Orange County") that the text omits."""
    kind = fold(name).rpartition(" ")[2]
    return kind in AREA_WORDS and not fold(said).endswith(kind)


def support(
    text: str, mentions: Sequence[PlaceMention], sentence: Sequence[int], keys: Sequence[str]
) -> list[list[float]]:
    """Containment support of each candidate from the text's other names (any of their
    candidates): its first- or second-level area, or its country named beside it; for an area,
    a place in it. ``sentence`` and ``keys`` are each mention's sentence and folded text."""
    areas: dict[int, list[int]] = defaultdict(list)  # area id -> mentions that may name it
    inside: dict[int, list[int]] = defaultdict(list)  # area id -> mentions that may lie in it
    countries: dict[str, list[int]] = defaultdict(list)  # country -> mentions naming it
    for k, m in enumerate(mentions):
        for d in m.candidates:
            if d.feature_code in AREAS:
                areas[d.geonames_id].append(k)
            elif d.precision == "country":
                countries[d.country].append(k)
            for area_id in (d.admin1_id, d.admin2_id):
                if area_id is not None and area_id != d.geonames_id:
                    inside[area_id].append(k)

    def share(others: Sequence[int], i: int, weight: float) -> float:
        """``weight`` for another name in ``i``'s sentence, half for one elsewhere; the same
        name again only when it follows in brackets or after a comma ("Goma (Goma, …)")."""
        best = 0.0
        for k in others:
            if keys[k] != keys[i]:
                if sentence[k] == sentence[i]:
                    return weight
                best = weight / 2
            elif k != i and apposed(text, mentions[min(i, k)], mentions[max(i, k)]):
                return weight
        return best

    out = []
    for i, m in enumerate(mentions):
        row = []
        for e in m.candidates:
            s = 0.0
            for area_id in (e.admin1_id, e.admin2_id):
                if area_id is not None and area_id != e.geonames_id:
                    s += share(areas.get(area_id, ()), i, CONTAINED)
            if e.feature_code in AREAS:
                s += share(inside.get(e.geonames_id, ()), i, CONTAINS)
            if e.precision != "country":
                named = countries.get(e.country)
                if named and any(beside(text, mentions[k], m) for k in named):
                    s += BESIDE
            row.append(min(s, SUPPORT_CAP))
        out.append(row)
    return out
