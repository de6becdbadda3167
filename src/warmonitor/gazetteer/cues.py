"""What the words around a place name say about it, read with a few regular expressions.

* :func:`designator` – what kind of thing the text calls it: an area ("Idlib province"), a
  settlement ("the town of Qusayr") or a natural feature ("Lake Victoria");
* :func:`locative` – whether something is put there ("in Aleppo", "near the town of"), not
  named as a topic ("the war in Yemen");
* :func:`adjectival` – whether a country name qualifies the noun after it ("a US envoy");
* :func:`beside` – whether a country's name or demonym places a name in it ("Kano, Nigeria",
  "the Kenyan town of Garissa");
* :func:`apposed` / :func:`follows` – whether one name comes right after another, as an area
  after its place does ("Goma (Nord-Kivu)", "Manbij, Aleppo", "the X area of the Y district").
"""

from __future__ import annotations

import re

from warmonitor.gazetteer.entries import Designator, PlaceMention
from warmonitor.gazetteer.normalise import AREA_WORDS, words

__all__ = [
    "KIND_WORDS",
    "adjectival",
    "apposed",
    "beside",
    "designator",
    "follows",
    "locative",
]

_AREA_KINDS = (
    "governorate|province|district|region|state|oblast|prefecture|county|department|"
    "municipality|territory|raion|rayon|sub-?district|wilayah?|emirate|canton|parish|lga|"
    "local government area|local government|sub-?county|payam|division|tehsil|woreda|commune|"
    "rural municipality|agency"
)
_PLACE_KINDS = "city|town|village|hamlet|neighbou?rhood|suburb"
#: Words that say what kind of place a name is ("district", "local government area", "town").
KIND_WORDS = AREA_WORDS | words("""
    division lga local government area sub county payam tehsil woreda commune rural agency city
    town village hamlet neighbourhood neighborhood suburb
""")
_AREA_AFTER = re.compile(rf"[ \t\xa0]+(?i:{_AREA_KINDS})\b")
_AREA_END = re.compile(rf"[ \-](?i:{_AREA_KINDS})$")
_PLACE_AFTER = re.compile(rf"[ \t\xa0]+(?:{_PLACE_KINDS})\b")
_AREA_BEFORE = re.compile(rf"\b(?:{_AREA_KINDS}) of (?:the )?$")
_PLACE_BEFORE = re.compile(rf"\b(?:{_PLACE_KINDS}) of (?:the )?$")
_FEATURE_BEFORE = re.compile(r"\b(?:Lake|Mount|Mt\.?|River|Gulf of|Sea of|Bay of|Strait of) $")
_FEATURE_AFTER = re.compile(
    r"[ \t\xa0]+(?:River|Lake|Sea|Mountains?|Hills|Valley|Desert|Strait|Gulf|Bay|Canal|"
    r"Peninsula|Forest|National Park|Delta)\b"
)
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|outside|across|throughout|around|into|outskirts of|city of|"
    r"town of|village of|province of|region of|country of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|"
    r"southeast|southwest|neighbouring|neighboring|rural|restive|volatile)\s+)?$",
    re.I,
)
_TOPIC = re.compile(
    r"\b(?:war|conflict|crisis|invasion|aggression|intervention|situation|peace)\s+"
    r"(?:in|on|against)\s+(?:the\s+)?$",
    re.I,
)
_NEXT_WORD = re.compile(r"[ \t\xa0]+([a-z]+)\b")
_FUNCTION_WORDS = words("""
    and or in on at to of for from with by near into as than while where which that since
    after before during under until via over across along between said says say has have had
    is was were are will would could can did does do added told reported
""")
_COUNTRY_AFTER = re.compile(r"\s*[,(]\s*|\s+in\s+(?:the\s+)?(?:[a-z-]+\s+)?")
_KIND_OF = (
    r"(?:town|city|village|capital|province|region|state|district|county|port|country)\s+of\s+"
    r"(?:the\s+)?"
)
_COUNTRY_BEFORE = re.compile(
    rf"(?:['’]s)?\s+(?:[a-z-]+\s+){{0,3}}{_KIND_OF}|['’]s\s+(?:[a-z-]+\s+){{0,3}}(?:{_KIND_OF})?"
)
_FOLLOWS = re.compile(r"\s*[,(]\s*|\s+(?:[A-Za-z]+\s+){0,3}of\s+(?:the\s+)?")
_APPOSED_CHARS = 25


def designator(text: str, start: int, end: int) -> Designator:
    """What the words around ``text[start:end]`` call it: an admin area ("Idlib province",
    "Kano State", "the state of Georgia"), a settlement ("the town of Qusayr", "Raqqa city"),
    a natural feature ("Lake Victoria", "Mount Kenya", "Jordan River"), or nothing."""
    if _AREA_AFTER.match(text, end) or _AREA_END.search(text, start, end):
        return "area"
    if _FEATURE_AFTER.match(text, end) or _FEATURE_BEFORE.search(text, max(0, start - 10), start):
        return "feature"
    if _PLACE_AFTER.match(text, end):
        return "place"
    before = text[max(0, start - 30) : start]
    if _AREA_BEFORE.search(before):
        return "area"
    if _PLACE_BEFORE.search(before):
        return "place"
    return None


def locative(text: str, start: int) -> bool:
    """Whether the words before ``start`` put something there ("in", "near the town of"),
    and not as a topic ("the war in")."""
    begin = max(0, start - 40)
    return bool(_LOCATIVE.search(text, begin, start)) and not _TOPIC.search(text, begin, start)


def adjectival(text: str, m: PlaceMention) -> bool:
    """Whether a name qualifies the noun after it ("US dollar", "Russia's" aside)."""
    after = _NEXT_WORD.match(text, m.end)
    return after is not None and after.group(1) not in _FUNCTION_WORDS


def beside(text: str, country: PlaceMention, m: PlaceMention) -> bool:
    """Whether a country's name or demonym places ``m`` in it: "Kano, Nigeria", "Kano
    (Nigeria)", "Kano in northern Nigeria", "Nigeria's main city of Kano", "the Kenyan coastal
    town of Garissa"."""
    if m.end <= country.start:
        return country.kind == "name" and bool(_COUNTRY_AFTER.fullmatch(text, m.end, country.start))
    return country.end <= m.start and bool(_COUNTRY_BEFORE.fullmatch(text, country.end, m.start))


def apposed(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """Whether ``b`` follows ``a`` closely after a bracket or a comma ("Goma (Goma, …)")."""
    gap = text[a.end : b.start]
    return len(gap) <= _APPOSED_CHARS and ("(" in gap or "," in gap)


def follows(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """Whether ``b`` comes right after ``a`` as an area does after its place: "Manbij,
    Aleppo", "Goma (Nord-Kivu)", "the X area of the Y district"."""
    return bool(_FOLLOWS.fullmatch(text, a.end, b.start))
