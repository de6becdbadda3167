"""Places of a document: gazetteer mentions resolved together, and the document's main place.

``PlaceIndex.build`` scans a whole document once and resolves every name jointly
(:func:`warmonitor.gazetteer.resolve.resolve`: importance, containment, the text's countries).
The document's country is the one its names vote for. A name locates something when it is a
place of that country, or a foreign place the text puts something in ("in Aleppo") that is
well known or supported by containment; demonyms and weak matches only vote ("the Libyan
capital" names the capital). A claim takes the most specific located place of its sentence,
the document's country first (a capital standing for its government, a dateline or an end of
a route, "the Kano-Zaria highway", is weak);
else the main place: the most specific place of the first sentence that locates one in the
document's country, else that country (rules in ``docs/HEADLINE.md``).

The English model's entity labels are a hint against a name (:data:`NER_PENALTY`), read only
where they can tell something (:func:`reads_label`): not for a demonym, nor for a name the
text itself calls a place ("Bama town", "the district of Gwoza": its designator) or puts
something in ("killed in Bama": a locative), nor for one of whose readings is a country or a
well-known place (:data:`WELL_KNOWN`). The small model's labels on those are mostly wrong
("Cameroon" an organisation, "Sanaa" a person); it is on the names that are only small places,
spelt like a person's or a group's name ("Musa", "Kaya"), and that nothing else calls a place,
that the label helps.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from warmonitor.gazetteer import Gazetteer, GazetteerEntry, PlaceMention
from warmonitor.gazetteer.cues import locative
from warmonitor.gazetteer.resolve import Resolved, resolve
from warmonitor.model import PRECISION_RANK, Place

__all__ = ["UNDATED", "WELL_KNOWN", "PlaceIndex", "ResolvedMention", "names_in", "reads_label"]

_RANK = PRECISION_RANK
_NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
UNDATED = frozenset({"DATE", "TIME"})  # these labels say little of a span with no digit
_DIGIT = re.compile(r"\d")
_OTHER_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})
NER_PENALTY = 0.5
#: The importance (``GazetteerEntry.importance``) from which a place is well known: every
#: country, a capital of 10,000 people, a province or its seat of 100,000, a district seat of
#: a million, any place of ten million.
WELL_KNOWN = 7.0
FOREIGN_SCORE = 6.0  # a foreign place needs this (or containment) and a locative word
_IN = re.compile(r"\b(?=[ia])(?:in|at|inside)\s+(?:the\s+)?(?:[a-z-]+\s+)?$", re.I)
# "south of Basra", "50 km from Homs", "from Hama": a point of reference, not the place
_REFERENCE = re.compile(  # (?=…): the first letters, so that most places are passed over at once
    r"\b(?=[nsewfk])"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"\s+of|from|km\s+(?:\w+\s+)?(?:from|of))\s+(?:the\s+)?(?:(?:city|town|capital)\s*,?\s+)?"
    r"(?:of\s+)?$",
    re.I,
)
# "the Bama-Gwoza highway", "Hangu road": an end of a route, not where on it
_ROUTE = re.compile(
    r"(?:[-–][A-Z][\w'’]*)*[ \t\xa0]+(?:road|highway|motorway|junction|axis|route)\b"
)  # lower-case: "Lenwood Road" is a street

_CAPITAL_AFTER = re.compile(r"(?:['’]s)?\s+capital\b(?!\s+of\b)", re.I)
_CAPITAL_BEFORE = re.compile(r"\bcapital\s+(?:city\s+)?of\s+(?:the\s+)?$", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
_AGENT = re.compile(r"\b(?:by|to|with|against|towards?)\s+$", re.I)
_DATELINE = re.compile(r"\s*(?:\(|,|[-–—:])")


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A place name in the text and the gazetteer entry chosen for it.

    ``located`` is false for a name that only tells the country (a demonym), has no
    coordinates, or is too weak or too foreign to be where something happened; ``tier`` says
    how much to trust it against other names of its sentence.
    """

    start: int
    end: int
    entry: GazetteerEntry
    place: Place
    score: float = 0.0
    sentence: int = 0
    located: bool = True
    tier: int = 0  # 0 supported by containment, 1 a plain name, 2 weaker or a reference, 3 no
    inside: bool = False  # "in X", "at X": where, not near where
    reference: bool = False  # "south of X", "from X": a point of reference


class PlaceIndex:
    """The resolved places of one document, by position, and the votes for its country."""

    def __init__(self, mentions: Sequence[ResolvedMention], countries: Mapping[str, float]) -> None:
        self.mentions = list(mentions)
        self.countries = dict(countries)

    @classmethod
    def build(
        cls,
        text: str,
        entities: Sequence[tuple[int, int, str]] = (),
        gazetteer: Gazetteer | None = None,
        sentences: Sequence[tuple[int, int]] | None = None,
        names: Sequence[PlaceMention] | None = None,
    ) -> PlaceIndex:
        """Scan ``text`` and resolve every place name in it; ``sentences`` are the caller's
        sentence spans, so that the lead is the same sentence as the claims' (default: the
        gazetteer's own cut at sentence punctuation); ``names`` the scan of :func:`names_in`
        when the caller has it already."""
        gaz = gazetteer or Gazetteer.default()
        raw = list(names) if names is not None else names_in(text, gaz)
        where = [locative(text, m.start) for m in raw]
        labels = [
            _labels(m.start, m.end, entities, text) if _reads_label(m, put) else set()
            for m, put in zip(raw, where, strict=True)
        ]
        kept = [i for i, found in enumerate(labels) if _maybe_place(found)]
        raw = [raw[i] for i in kept]
        penalty = [_penalty(labels[i]) for i in kept]
        found = resolve(text, raw, penalty, sentences, [where[i] for i in kept])
        mentions = []
        for r in found.mentions:
            mentions.append(_resolved(text, r, found.country))
            capital = _capital(text, mentions[-1], gaz)
            if capital is not None:
                mentions.append(capital)
        return cls(mentions, found.votes)

    @property
    def country(self) -> str | None:
        """The country the document is most about (most votes)."""
        if not self.countries:
            return None
        return max(self.countries, key=lambda c: self.countries[c])

    @property
    def main(self) -> Place | None:
        """The document's main place: the most specific place of the first sentence that
        locates one in the document's country, else the country itself."""
        country = self.country
        home = [m for m in self.mentions if m.located and m.entry.country == country]
        specific = [m for m in home if m.place.precision != "country"]
        if specific:
            first = min(specific, key=lambda m: (m.tier > 1, m.sentence)).sentence
            return _most_specific([m for m in specific if m.sentence == first])
        national = [m for m in self.mentions if m.entry.country == country]
        for m in national:
            if m.place.precision == "country":
                return m.place
        located = [m for m in self.mentions if m.located]
        return located[0].place if located else None

    def in_span(self, start: int, end: int) -> Place | None:
        """The most specific place located between ``start`` and ``end`` (a sentence), one of
        the document's country first."""
        inside = [m for m in self.mentions if m.located and start <= m.start and m.end <= end]
        home = [m for m in inside if m.entry.country == self.country]
        if home and all(m.reference for m in home):
            return None  # "a town north of the capital, Mogadishu": the report's main place
        return _most_specific(home or inside)


def names_in(text: str, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every name of ``text`` the gazetteer has candidates for, in order: what may be a place."""
    gaz = gazetteer or Gazetteer.default()
    return [m for m in gaz.scan(text, max_candidates=None) if m.candidates]


def reads_label(mention: PlaceMention, text: str) -> bool:
    """Whether the model's entity labels over a name of ``text`` are read (see the module
    docstring): not for a demonym, a name the text calls a place or puts something in, or a
    name one of whose readings is well known (:data:`WELL_KNOWN`)."""
    if mention.kind == "demonym" or mention.designator is not None:
        return False
    return _reads_label(mention, locative(text, mention.start))


def _reads_label(mention: PlaceMention, put: bool) -> bool:
    """:func:`reads_label`, ``put`` telling whether the words before the name put something
    there (:func:`~warmonitor.gazetteer.cues.locative`)."""
    if mention.kind == "demonym" or mention.designator is not None or put:
        return False
    return all(entry.importance < WELL_KNOWN for entry in mention.candidates)


def _resolved(text: str, r: Resolved, country: str | None) -> ResolvedMention:
    m = r.mention
    inside = bool(_IN.search(text, max(0, m.start - 30), m.start))
    reference = bool(_REFERENCE.search(text, max(0, m.start - 40), m.start))
    reference = reference or bool(_ROUTE.match(text, m.end))
    # "backed by Khartoum", "heading to Ottawa", "KABUL (Reuters) -": a capital that stands for
    # its government, a destination or the newsroom
    metonym = r.entry.feature_code == "PPLC" and _metonym(text, m.start, m.end)
    tier = min(_tier(r) + (reference or metonym), 3)
    if _dateline(text, m.start, m.end):
        tier = 3  # the newsroom: any place the text puts the news in comes first
    place = r.entry.to_place(m.text)
    located = _locates(r, country)
    return ResolvedMention(
        m.start, m.end, r.entry, place, r.score, r.sentence, located, tier, inside, reference
    )


def _capital(text: str, m: ResolvedMention, gaz: Gazetteer) -> ResolvedMention | None:
    """The capital that a country's name or demonym stands for in "the Libyan capital",
    "Somalia's capital", "the capital of Somalia", where the name is and as sure as it."""
    if m.entry.precision != "country":
        return None
    after = _CAPITAL_AFTER.match(text, m.end)
    before = _CAPITAL_BEFORE.search(text, max(0, m.start - 30), m.start)
    if not (after or (before and not _POSSESSIVE.match(text, m.end))):
        return None  # not "the capital of Iraq's Kurdistan region"
    entry = gaz.capital(m.entry.country)
    if entry is None or entry.lat is None:
        return None
    place = entry.to_place(text[m.start : m.end])
    return replace(m, entry=entry, place=place, located=True, tier=min(m.tier, 2))


# what may stand before a dateline: quotes, a date stamp ("2022-03-26", "date 2022-03-26")
_BEFORE_DATELINE = re.compile(r"[\s\"'“]*(?:(?:date|updated|published)\b:?\s*)?[\d\-/.: ]*")


# a wire's dateline after the place: ", Ukraine (AP) —", " (Reuters) -"
_WIRE_AFTER = re.compile(r"(?:,\s*[A-Z][\w .'’-]{1,30})?\s*\([A-Z][\w.&' ]{0,30}\)\s*(?:--|[—–:-])")


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether a place opens the text or a paragraph as a wire story's dateline ("LVIV,
    Ukraine: …", "Kyiv, Ukraine (AP) — …"): where the newsroom is, not where the news happened.
    A place in capitals, or one followed by a wire's name in brackets."""
    line = text.rfind("\n", 0, start) + 1
    if _BEFORE_DATELINE.fullmatch(text, line, start) is None:
        return False
    if text[start:end].isupper():
        return bool(_DATELINE.match(text, end))
    return bool(_WIRE_AFTER.match(text, end))


def _metonym(text: str, start: int, end: int) -> bool:
    """Whether a capital named at ``start:end`` stands for its government ("backed by
    Khartoum"), is where someone goes ("heading to Ottawa") or heads a wire story's dateline."""
    if _AGENT.search(text, max(0, start - 20), start):
        return True
    return not text[:start].strip(" \t\n\"'“") and bool(_DATELINE.match(text, end))


def _most_specific(mentions: Sequence[ResolvedMention]) -> Place | None:
    if not mentions:
        return None
    return min(
        mentions,
        key=lambda m: (m.tier, _specificity(m.entry), not m.inside, m.start),
    ).place


def _specificity(e: GazetteerEntry) -> int:
    """How specific a place is, 0 (a point) to 6 (a country); a district with no place of its
    own in the data is located at its region's seat, so only as specific as the region."""
    if e.feature_code == "ADM2" and e.seat_id is None:
        return _RANK["admin1"]
    return _RANK.get(e.precision, 9)


def _tier(r: Resolved) -> int:
    """0 supported by containment, 1 a plain name, 2 a weaker one, 3 contradicted."""
    m = r.mention
    if r.contradicted:
        return 3
    if r.anchored:
        return 0
    plain = m.exact and not (m.common or m.partial)
    return 1 if plain else 2


def _locates(r: Resolved, country: str | None) -> bool:
    """Whether a resolved name can be where something happened (see the module docstring)."""
    if r.mention.kind == "demonym" or r.entry.lat is None:
        return False
    if r.entry.country == country:
        return True
    return r.locative and (r.anchored or r.score >= FOREIGN_SCORE)


def _labels(
    start: int, end: int, entities: Sequence[tuple[int, int, str]], text: str = ""
) -> set[str]:
    """The labels of the named entities that overlap ``start:end``; not a date or time with
    no digit (spaCy's small model calls "south-eastern Niger" a date)."""
    return {
        label
        for a, b, label in entities
        if a < end and start < b and not (label in UNDATED and not _DIGIT.search(text, a, b))
    }


def _maybe_place(labels: set[str]) -> bool:
    """False for a name inside a date, time or number (and in no place entity)."""
    return bool(labels & _PLACE_LABELS) or not labels & _NOT_PLACES


def _penalty(labels: set[str]) -> float:
    """How much the entity labels speak against a name being a place (spaCy's small model
    often calls a foreign town a person: a hint, not a veto)."""
    if labels & _PLACE_LABELS:
        return 0.0
    return NER_PENALTY if labels & _OTHER_LABELS else 0.0
