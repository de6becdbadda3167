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
    "area_of",
    "beside",
    "designator",
    "follows",
    "locative",
    "names_place",
    "within",
]

_AREA_KINDS = (
    "governorate|province|district|region|state|oblast|prefecture|county|department|"
    "municipality|territory|raion|rayon|sub-?district|wilayah?|emirate|canton|parish|lga|"
    "local government area|local government|sub-?county|payam|division|tehsil|woreda|commune|"
    "rural municipality|agency|locality"
)
_PLACE_KINDS = "city|town|village|hamlet|neighbou?rhood|suburb"
_AREAS_PLURAL = "governorates|provinces|districts|regions|states|counties|departments"
_PLACES_PLURAL = "cities|towns|villages|hamlets|neighbou?rhoods|suburbs"
#: Words that say what kind of place a name is ("district", "local government area", "town").
KIND_WORDS = AREA_WORDS | words("""
    division lga local government area sub county payam tehsil woreda commune rural agency city
    town village hamlet neighbourhood neighborhood suburb locality
""")
_AREA_AFTER = re.compile(rf"[ \t\xa0]+(?i:{_AREA_KINDS}|{_AREAS_PLURAL})\b")
_PLACE_NOUN = re.compile(
    r"(?:['’]s)?[ \t\xa0]+(?:[a-z]+[ \t\xa0]+)?(?:capital|city|cities|towns?|villages?|hamlets?|"
    r"regions?|provinces?|territory|soil|countryside|coast|side)\b"
)
_AREA_OF = re.compile(rf"[ \t\xa0]+(?:(?i:{_AREA_KINDS}) of\b|territory\b)")
_AREA_END = re.compile(rf"[ \-](?i:{_AREA_KINDS})$")
# "Kaya village", "Njaba and Kaya villages"; not "the Mali city of Konna"
_PLACE_AFTER = re.compile(rf"[ \t\xa0]+(?:{_PLACE_KINDS}|{_PLACES_PLURAL})\b(?!\s+of\b)")
_VILLAGE = re.compile(r"village|hamlet")
_AREA_BEFORE = re.compile(rf"\b(?:{_AREA_KINDS}) of (?:the )?$")
_NAMED_AREA_BEFORE = re.compile(rf"[A-Z][\w'’-]*[ \t\xa0]+(?i:{_AREA_KINDS}) of (?:the )?$")
_PLACE_BEFORE = re.compile(rf"\b(?:{_PLACE_KINDS}) of (?:the )?$")
_FEATURE_BEFORE = re.compile(r"\b(?:Lake|Mount|Mt\.?|River|Gulf of|Sea of|Bay of|Strait of) $")
_FEATURE_AFTER = re.compile(
    r"[ \t\xa0]+(?:River|Lake|Sea|Mountains?|Hills|Valley|Desert|Strait|Gulf|Bay|Canal|"
    r"Peninsula|Forest|National Park|Delta)\b"
)
_LOCATIVE = re.compile(  # (?=…): the first letters, so that most places are passed over at once
    r"\b(?=[ainotcvpr])(?:in|at|near|inside|outside|across|throughout|around|into|outskirts of|"
    r"city of|town of|village of|province of|region of|country of)\s+(?:the\s+)?"
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
_KIND_OF_END = re.compile(rf"{_KIND_OF}$")
_COUNTRY_BEFORE = re.compile(
    rf"(?:['’]s)?\s+(?:[a-z-]+\s+){{0,3}}{_KIND_OF}|['’]s\s+(?:[a-z-]+\s+){{0,3}}(?:{_KIND_OF})?"
)
_FOLLOWS = re.compile(
    rf"(?:[ \t\xa0]+(?:{_AREA_KINDS}))?\s*[,(]\s*"
    r"|\s+(?:(?!(?:north|south|east|west)\w*\s)[A-Za-z]+\s+){0,3}of\s+(?:the\s+)?",
    re.I,
)  # "Manbij, Aleppo", "El Salam locality, South Darfur"; not "Ghazni province south of Kabul"
_B = r"[ \t\xa0]+"  # blanks within a line
_WITHIN = re.compile(
    rf"{_B}(?:[A-Za-z]+{_B})?(?:area{_B})?(?:of|in){_B}(?:the{_B})?"
    rf"(?:(?:north|south|east|west|central)\w*{_B}"
    rf"|(?:[a-z-]+{_B}){{0,2}}(?:north|south|east|west)\w*{_B}of{_B}(?:the{_B})?)?"
)  # "Aden Square in northern", "Kamango village in the restive east of the"
_APPOSED_CHARS = 25


def designator(text: str, start: int, end: int) -> Designator:
    """What the words around ``text[start:end]`` call it: an admin area ("Idlib province",
    "Kano State", "the state of Georgia"), a settlement ("the town of Qusayr", "Raqqa city"),
    a natural feature ("Lake Victoria", "Mount Kenya", "Jordan River"), or nothing; a settlement
    called a village ("Bam village", "the village of Bam") is a ``"village"``."""
    if _AREA_AFTER.match(text, end) or _AREA_END.search(text, start, end):
        return "area"
    if _FEATURE_AFTER.match(text, end) or _FEATURE_BEFORE.search(text, max(0, start - 10), start):
        return "feature"
    said = _PLACE_AFTER.match(text, end)
    if said is None:
        before = text[max(0, start - 30) : start]
        if _AREA_BEFORE.search(before) and not _NAMED_AREA_BEFORE.search(before):
            return "area"  # "the province of Idlib", not "the Xinjiang province of China"
        said = _PLACE_BEFORE.search(before)
    if said is None:
        return None
    return "village" if _VILLAGE.search(said.group()) else "place"


def names_place(text: str, end: int) -> bool:
    """Whether a place noun follows a country's name or demonym ending at ``end``: "the Somali
    capital", "a Kenyan coastal town", "Nigeria's capital", "on Afghan soil"."""
    return bool(_PLACE_NOUN.match(text, end))


def area_of(text: str, end: int) -> bool:
    """Whether a kind of area and "of" follow ``end`` ("the Somali region *of* Puntland", where
    the name before qualifies the area named after), or "territory" ("Chadian territory")."""
    return bool(_AREA_OF.match(text, end))


def locative(text: str, start: int) -> bool:
    """Whether the words before ``start`` put something there ("in", "near the town of"),
    and not as a topic ("the war in")."""
    begin = max(0, start - 40)
    return bool(_LOCATIVE.search(text, begin, start)) and not _TOPIC.search(text, begin, start)


def adjectival(text: str, m: PlaceMention) -> bool:
    """Whether a name qualifies the noun after it ("US dollar", "Russia's" aside)."""
    after = _NEXT_WORD.match(text, m.end)
    return after is not None and after.group(1) not in _FUNCTION_WORDS


def beside(text: str, country: PlaceMention, m: PlaceMention, strict: bool = False) -> bool:
    """Whether a country's name or demonym places ``m`` in it: "Kano, Nigeria", "Kano
    (Nigeria)", "Kano in northern Nigeria", "Nigeria's main city of Kano", "the Kenyan coastal
    town of Garissa". ``strict``: no preposition or verb between ("Saudi jets *in* the city of
    Saada" is no Saudi city)."""
    if m.end <= country.start:
        return country.kind == "name" and bool(_COUNTRY_AFTER.fullmatch(text, m.end, country.start))
    if country.end > m.start or not _COUNTRY_BEFORE.fullmatch(text, country.end, m.start):
        return False
    if not strict:
        return True
    gap = _KIND_OF_END.sub("", text[country.end : m.start])
    return not any(w in _FUNCTION_WORDS for w in gap.lower().split())


def apposed(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """Whether ``b`` follows ``a`` closely after a bracket or a comma ("Goma (Goma, …)")."""
    gap = text[a.end : b.start]
    return len(gap) <= _APPOSED_CHARS and ("(" in gap or "," in gap)


def within(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """Whether ``b`` comes right after ``a`` as the place that holds it: "Aden Square in
    northern Baghdad", "Bodo town in northern Cameroon", "the Johar Town area of Islamabad"."""
    return bool(_WITHIN.fullmatch(text, a.end, b.start))


def follows(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """Whether ``b`` comes right after ``a`` as an area does after its place: "Manbij,
    Aleppo", "Goma (Nord-Kivu)", "the X area of the Y district"."""
    return bool(_FOLLOWS.fullmatch(text, a.end, b.start))
