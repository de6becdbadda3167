"""Joint disambiguation of the names :func:`~warmonitor.gazetteer.scan.scan` found in one text.

Each candidate of a name is scored by

* its own importance, less for an alternate or fuzzy name and the like, and by what the
  words around call the name (:func:`~warmonitor.gazetteer.scoring.prior`);
* containment: another name of the text that is its first- or second-level area ("Goma
  (Nord-Kivu)", "Granada, Andalucia") or its country named beside it ("Kano, Nigeria"),
  worth more in the same sentence (:func:`~warmonitor.gazetteer.scoring.support`);
* the text's country votes, the other names' only ("a name is no evidence for itself").

Votes: a country name (less when only named in passing, "Russia's invasion of Ukraine", or
qualifying a noun, "a US envoy", unless a place noun, "the Somali capital") or demonym, less
each time its country recurs; a place by how sure its choice is, more with containment or
called an area ("Borno State"), and more as the first place the lead puts something in (news
leads with the event). Votes in the lead count double. A name that the words beside it place
in another country votes nothing (:func:`_denied`). Names are chosen twice: with the
demonyms' votes, then with everyone's; a name written twice takes one country. The text's
country is the one with the most votes: a country named in passing is outvoted by places that
support each other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from warmonitor.gazetteer.cues import (
    adjectival,
    beside,
    follows,
    locative,
    names_place,
    within,
)
from warmonitor.gazetteer.entries import GazetteerEntry, PlaceMention
from warmonitor.gazetteer.normalise import fold
from warmonitor.gazetteer.scoring import AREAS, prior, support

__all__ = ["Resolution", "Resolved", "resolve"]

DOC_BONUS = 3.0  # times the country's votes over the most votes (VOTE_FLOOR at least)
VOTE_FLOOR = 6.0
NAME_VOTE, DEMONYM_VOTE, PLACE_VOTE, ANCHOR_VOTE, FIRST_VOTE = 3.0, 1.0, 3.0, 3.0, 2.0
AREA_VOTE = 3.0
PASSING_NAME = 0.3  # share of a country name's vote when nothing is put there
SURE_FROM = 1.0  # a place scoring this votes nothing, five more a full vote
LEAD_FACTOR = 2.0  # votes in the lead's first LEAD_CHARS; half as much more after them
LEAD_CHARS = 150
DISTRUST = 1 / 3  # a mention's votes lose this share per point of its penalty
_SEATS = frozenset({"ADM1", "ADM2", "PPLC", "PPLA", "PPLA2", "PPLG"})
_HOLDERS = _SEATS | {"PCLI"}  # what a place may be said to lie in ("Aden Square in Baghdad")
_BRACKET = re.compile(r"\s*\(\s*")
_SENTENCE_END = re.compile(r"[.!?;:\n](?=\s|$)")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention and its chosen entry; ``anchored`` when containment supports the choice,
    ``contradicted`` when the areas written right after it ("X, Luhansk") do not hold it,
    ``locative`` when the words before put something there ("in Aleppo")."""

    mention: PlaceMention
    entry: GazetteerEntry
    score: float
    anchored: bool
    sentence: int  # index of the sentence the mention is in
    contradicted: bool = False
    locative: bool = False


@dataclass(frozen=True, slots=True)
class Resolution:
    """The mentions of a text resolved together, and the votes for the text's country."""

    mentions: list[Resolved]
    votes: dict[str, float]

    @property
    def country(self) -> str | None:
        """The country with the most votes (ties: the first named)."""
        if not self.votes:
            return None
        return max(self.votes, key=lambda c: self.votes[c])


def resolve(
    text: str,
    mentions: Sequence[PlaceMention],
    penalty: Sequence[float] | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    where: Sequence[bool] | None = None,
) -> Resolution:
    """Choose one candidate per mention (mentions need all their candidates, see above);
    ``penalty`` lowers each mention's scores and votes (what else speaks against it).
    ``sentences`` are the text's sentence spans, in order (default: cut after . ! ? ; : and
    line breaks); ``where`` whether the words before each mention put something there, for a
    caller that has it already (default: :func:`~warmonitor.gazetteer.cues.locative`)."""
    if sentences:
        ends = [b for _, b in sentences[:-1]]
    else:
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    sentence = [bisect_right(ends, m.start) for m in mentions]
    keys = [fold(m.text) for m in mentions]
    cost = list(penalty) if penalty else [0.0] * len(mentions)
    rows = support(text, mentions, sentence, keys)
    base = [
        [prior(m, e) + s - cost[i] for e, s in zip(m.candidates, row, strict=True)]
        for i, (m, row) in enumerate(zip(mentions, rows, strict=True))
    ]
    where = list(where) if where is not None else [locative(text, m.start) for m in mentions]
    voter = _Voter(text, mentions, sentence, cost, where)
    ballot = _Ballot(keys)
    for i, m in enumerate(mentions):
        if m.kind == "demonym":
            ballot.add(i, m.candidates[0].country, DEMONYM_VOTE * voter.factor[i])
    choice = [0] * len(mentions)
    for _ in range(2):
        _choose(mentions, keys, base, ballot, choice)
        ballot = voter.vote(_Ballot(keys), choice, base, rows)
    out = []
    for i, m in enumerate(mentions):
        j = choice[i]
        score = ballot.scores(i, base[i], m.candidates)[j]
        against = _contradicted(mentions, choice, i, voter.denied[i], voter.follow)
        out.append(
            Resolved(m, m.candidates[j], score, rows[i][j] > 0, sentence[i], against, where[i])
        )
    return Resolution(out, dict(ballot.total))


def _choose(
    mentions: Sequence[PlaceMention],
    keys: list[str],
    base: list[list[float]],
    ballot: _Ballot,
    choice: list[int],
) -> None:
    """Set ``choice`` to each mention's best candidate; a name written more than once takes
    one country, the one of its best-scoring reading ("Merida state (coded to Merida,
    Merida)")."""
    scored: dict[int, list[float]] = {}
    best: dict[str, tuple[float, str]] = {}
    for i, m in enumerate(mentions):
        if m.kind == "demonym":
            continue
        scores = scored[i] = ballot.scores(i, base[i], m.candidates)
        j = scores.index(max(scores))  # the first best
        choice[i] = j
        if keys[i] not in best or scores[j] > best[keys[i]][0]:
            best[keys[i]] = (scores[j], m.candidates[j].country)
    for i, scores in scored.items():
        country = best[keys[i]][1]
        cands = mentions[i].candidates
        if cands[choice[i]].country != country:
            same = [j for j, e in enumerate(cands) if e.country == country]
            if same:
                choice[i] = max(same, key=scores.__getitem__)


class _Ballot:
    """Votes for countries, kept by name too: a name is no evidence for itself."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.total: dict[str, float] = defaultdict(float)
        self.by_key: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.top: float | None = None  # the most votes, VOTE_FLOOR at least: once asked for

    def add(self, i: int, country: str, weight: float) -> None:
        self.total[country] += weight
        self.by_key[self.keys[i]][country] += weight
        self.top = None

    def scores(
        self, i: int, base: list[float], candidates: Sequence[GazetteerEntry]
    ) -> list[float]:
        """``base`` plus each candidate's share of the votes of the other names."""
        votes = self.total.get
        own = self.by_key.get(self.keys[i], {}).get
        top = self.top
        if top is None:
            top = self.top = max(max(self.total.values(), default=0.0), VOTE_FLOOR)
        return [
            s + DOC_BONUS * (votes(e.country, 0.0) - own(e.country, 0.0)) / top
            for s, e in zip(base, candidates, strict=True)
        ]


class _Voter:
    """How much each mention's vote weighs (see the module docstring)."""

    def __init__(
        self,
        text: str,
        mentions: Sequence[PlaceMention],
        sentence: list[int],
        cost: list[float],
        where: list[bool],
    ) -> None:
        self.text = text
        self.mentions = mentions
        self.where = where
        self.factor = [
            _lead(s, m.start) * (1.0 - min(c * DISTRUST, 0.9))
            for s, m, c in zip(sentence, mentions, cost, strict=True)
        ]
        n = len(mentions)
        # read only for a mention that may vote as a country's name or demonym
        national = [
            m.kind == "demonym" or any(e.precision == "country" for e in m.candidates)
            for m in mentions
        ]
        self.adjectival = [national[i] and adjectival(text, m) for i, m in enumerate(mentions)]
        self.places = [  # "the Somali capital"
            national[i] and names_place(text, m.end) for i, m in enumerate(mentions)
        ]
        self.describes = [  # "the Kenyan town of Garissa", "Kabul, Afghanistan"
            national[i]
            and (
                (i + 1 < n and beside(text, m, mentions[i + 1]))
                or (i > 0 and beside(text, m, mentions[i - 1]))
            )
            for i, m in enumerate(mentions)
        ]
        self.denied = [False] * n  # _denied of each mention, as of the last vote
        self.follow = _follow(text, mentions)

    def vote(
        self, ballot: _Ballot, choice: list[int], base: list[list[float]], rows: list[list[float]]
    ) -> _Ballot:
        first = True
        named: dict[str, int] = defaultdict(int)
        n = len(self.mentions)
        self.denied = [_denied(self.text, self.mentions, choice, i, self.follow) for i in range(n)]
        denied = {ballot.keys[i] for i in range(n) if self.denied[i]}
        for i, m in enumerate(self.mentions):
            j = choice[i]
            e = m.candidates[j]
            if m.kind == "demonym" or e.precision == "country":
                weak = (m.kind == "demonym" or self.adjectival[i]) and not self.describes[i]
                weak = weak and not self.places[i]  # "the Somali capital"
                weak = weak or m.designator == "feature" or m.partial  # "Lake Chad", "Niger Bridge"
                weight = DEMONYM_VOTE if weak else NAME_VOTE
                if not (weak or self.where[i] or self.describes[i] or self.places[i]):
                    weight *= PASSING_NAME  # "the invasion of Ukraine", "talks with Chad"
                weight /= 1 + named[e.country]
                named[e.country] += 1
            elif ballot.keys[i] in denied:
                continue  # "Giza, … of Nasarawa State": Giza, Egypt, is not meant
            else:
                sure = _sure(base[i], m.candidates, j)
                weight = PLACE_VOTE * sure + (ANCHOR_VOTE if rows[i][j] > 0 else 0.0)
                if _named_area(m, e):
                    weight += AREA_VOTE * sure  # "Borno State", "Zabul province"
                plain = m.exact and not (m.partial or m.common)
                if first and plain and self.where[i] and self.factor[i] >= LEAD_FACTOR:
                    weight += FIRST_VOTE * sure
                    first = False
            ballot.add(i, e.country, weight * self.factor[i])
        return ballot


def _sure(scores: list[float], candidates: Sequence[GazetteerEntry], j: int) -> float:
    """How sure the choice of candidate ``j`` is, 0..1: by its score, and by its lead over the
    best candidate of another country."""
    country = candidates[j].country
    rival = max(
        (s for s, d in zip(scores, candidates, strict=True) if d.country != country), default=None
    )
    sure = _clip((scores[j] - SURE_FROM) / 5.0)
    return sure if rival is None else sure * _clip((scores[j] - rival) / 3.0)


def _contradicted(
    mentions: Sequence[PlaceMention],
    choice: list[int],
    i: int,
    denied: bool,
    follow: Sequence[bool],
) -> bool:
    """Whether the admin areas written right after mention ``i`` ("Manbij, Aleppo", "Goma
    (Goma, Nord-Kivu)"), of its country or called areas, do not hold its chosen entry, or the
    words beside it put it in another country (``denied``: :func:`_denied` of the choice).
    ``follow[k]``: whether mention ``k`` follows mention ``k - 1`` (:func:`_follow`)."""
    e = mentions[i].candidates[choice[i]]
    if e.precision == "country" or mentions[i].kind == "demonym":
        return False
    if denied:
        return True
    against = False
    k = i + 1
    while k < len(mentions) and follow[k]:
        chosen = mentions[k].candidates[choice[k]]
        areas = [d for d in mentions[k].candidates if d.feature_code in AREAS]
        areas = [d for d in areas if d.country == e.country]
        if areas and chosen.feature_code in _SEATS:
            if any(d.geonames_id in (e.admin1_id, e.admin2_id) for d in areas):
                return False
            against = True
        k += 1
    return against


def _follow(text: str, mentions: Sequence[PlaceMention]) -> list[bool]:
    """For each mention, whether it follows the one before as an area does its place
    (:func:`~warmonitor.gazetteer.cues.follows`; false for the first)."""
    return [False] + [follows(text, a, b) for a, b in pairwise(mentions)]


def _denied(
    text: str,
    mentions: Sequence[PlaceMention],
    choice: list[int],
    i: int,
    follow: Sequence[bool],
) -> bool:
    """Whether the words beside mention ``i`` put it in another country than its chosen
    entry's: a country named right by it ("Iraq's Kurdistan region", "Bam, Nigeria") where it
    has no namesake, or an area so called that follows it ("Giza, headquarters of Giza
    Development Area of Nasarawa State"). Such a name casts no vote. ``follow`` as for
    :func:`_contradicted`."""
    m = mentions[i]
    e = m.candidates[choice[i]]
    if e.precision == "country" or m.kind == "demonym":
        return False
    for k in (i - 1, i + 1):
        if not 0 <= k < len(mentions):
            continue
        other = mentions[k]
        named = other.candidates[choice[k]]
        if (
            named.precision == "country"
            and named.country != e.country
            and other.kind == "name"
            and beside(text, other, m, strict=True)
            and all(d.country != named.country for d in m.candidates)
            and not any(_holds(d, c) for d in other.candidates for c in m.candidates)
        ):
            return True
    if i + 1 < len(mentions):
        other = mentions[i + 1]
        named = other.candidates[choice[i + 1]]
        if (
            named.country != e.country
            and named.feature_code in _HOLDERS
            and other.exact
            and not (other.partial or other.common)
            and all(d.country != named.country for d in m.candidates)
            and within(text, m, other)
        ):
            return True  # "Aden Square in northern Baghdad": not Aden, Yemen
    k = i + 1
    while k < len(mentions) and follow[k]:
        other = mentions[k]
        named = other.candidates[choice[k]]
        if named.country != e.country and (
            _named_area(other, named, alone=True)
            or (
                _BRACKET.fullmatch(text, mentions[k - 1].end, other.start)
                and _area_of(other, named)
            )
        ):
            return not any(_holds(d, c) for d in other.candidates for c in m.candidates)
        k += 1
    return False


def _area_of(m: PlaceMention, e: GazetteerEntry) -> bool:
    """Whether ``e`` is an admin area or its seat, and ``m`` names an area of ``e``'s country."""
    return e.feature_code in _SEATS and any(
        d.feature_code in AREAS and d.country == e.country for d in m.candidates
    )


def _holds(area: GazetteerEntry, e: GazetteerEntry) -> bool:
    return area.feature_code in AREAS and area.geonames_id in (e.admin1_id, e.admin2_id)


def _named_area(m: PlaceMention, e: GazetteerEntry, alone: bool = False) -> bool:
    """Whether ``e`` is an admin area that ``m`` calls so by its main name ("Borno State");
    with ``alone``, also a first-level area that is all ``m`` can name ("Cabo Delgado")."""
    only = alone and all(d.feature_code == "ADM1" and d.country == e.country for d in m.candidates)
    return (
        (m.designator == "area" or only)
        and e.feature_code in AREAS
        and m.exact
        and (e.geonames_id not in m.alt or fold(m.text).startswith(fold(e.ascii_name)))
        and not (m.partial or m.common)
    )


def _lead(sentence: int, start: int) -> float:
    """How much a mention's votes count by where it is: ``LEAD_FACTOR`` early in the first
    sentence, less later in it, 1 after."""
    if sentence:
        return 1.0
    return 1.0 + (LEAD_FACTOR - 1.0) * (1.0 if start < LEAD_CHARS else 0.5)


def _clip(x: float) -> float:
    return 0.0 if x < 0.0 else 1.0 if x > 1.0 else x
