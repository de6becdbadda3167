"""Places of a document: gazetteer mentions, disambiguated by the document's own countries.

``PlaceIndex.build`` scans a whole document once against the offline gazetteer. Countries named
in the text (and places that exist in one country only) form the document's country context;
each ambiguous name is resolved inside that context first, then by importance and population.
A claim takes the most specific place of its own sentence, else the document's main place: the
first specific place of the report's opening (rules in ``docs/HEADLINE.md``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from warmonitor.gazetteer import Gazetteer, GazetteerEntry
from warmonitor.model import Place

__all__ = ["PlaceIndex", "ResolvedMention"]

_RANK = {
    "point": 0,
    "neighbourhood": 1,
    "city": 2,
    "district": 3,
    "admin1": 4,
    "region": 5,
    "country": 6,
}
_NOT_PLACES = frozenset(
    {
        "PERSON",
        "DATE",
        "TIME",
        "MONEY",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "PERCENT",
        "WORK_OF_ART",
        "EVENT",
        "LAW",
        "PRODUCT",
        "LANGUAGE",
    }
)
_OPENING = 400  # characters of a report's opening where its main place is stated


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A place name in the text and the gazetteer entry chosen for it."""

    start: int
    end: int
    entry: GazetteerEntry
    place: Place


class PlaceIndex:
    """The resolved places of one document, by position."""

    def __init__(self, mentions: Sequence[ResolvedMention], countries: Counter[str]) -> None:
        self.mentions = list(mentions)
        self.countries = countries

    @classmethod
    def build(
        cls,
        text: str,
        entities: Sequence[tuple[int, int, str]] = (),
        gazetteer: Gazetteer | None = None,
    ) -> PlaceIndex:
        """Scan ``text`` and resolve every place name in it."""
        gaz = gazetteer or Gazetteer.default()
        raw = [
            m
            for m in gaz.scan(text)
            if m.candidates and not _inside_non_place(m.start, m.end, entities)
        ]
        context: Counter[str] = Counter()
        for m in raw:
            top = m.candidates[0]
            if top.precision == "country" and top.country:
                context[top.country] += 2
            elif len({c.country for c in m.candidates}) == 1 and top.country:
                context[top.country] += 1
        resolved = []
        for m in raw:
            entry = _choose(m.candidates, context)
            resolved.append(ResolvedMention(m.start, m.end, entry, entry.to_place(m.text)))
        return cls(resolved, context)

    @property
    def country(self) -> str | None:
        """The country the document is most about."""
        return self.countries.most_common(1)[0][0] if self.countries else None

    @property
    def main(self) -> Place | None:
        """The document's main place: the first specific place of its opening."""
        if not self.mentions:
            return None
        main_country = self.country
        opening = [m for m in self.mentions if m.start < _OPENING] or self.mentions
        specific = [
            m
            for m in opening
            if m.place.precision != "country"
            and (main_country is None or m.place.country == main_country)
        ]
        if specific:
            return specific[0].place
        countries = [m for m in self.mentions if m.place.precision == "country"]
        return (countries[0] if countries else self.mentions[0]).place

    def in_span(self, start: int, end: int) -> Place | None:
        """The most specific place named between ``start`` and ``end`` (a sentence)."""
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        if not inside:
            return None
        best = min(inside, key=lambda m: (_RANK.get(m.place.precision, 9), m.start))
        return best.place


def _inside_non_place(start: int, end: int, entities: Sequence[tuple[int, int, str]]) -> bool:
    place_like = False
    other = False
    for a, b, label in entities:
        if a < end and start < b:
            if label in ("GPE", "LOC", "FAC"):
                place_like = True
            elif label in _NOT_PLACES:
                other = True
    return other and not place_like


def _choose(candidates: Sequence[GazetteerEntry], context: Counter[str]) -> GazetteerEntry:
    if context:
        in_context = [c for c in candidates if c.country in context]
        if in_context:
            return max(
                in_context, key=lambda c: (context[c.country or ""] > 0, -candidates.index(c))
            )
    return candidates[0]
