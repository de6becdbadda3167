"""Finding gazetteer names in running text.

The text is cut into word tokens; runs of capitalised tokens, with lower-case connectors inside
("Sant Julià de Lòria", "Deir ez-Zor", "Trinidad and Tobago"), give n-grams of up to
:data:`MAX_TOKENS` tokens whose name keys are looked up in one batch. Leftmost-longest matches
win; stop-lists (:mod:`warmonitor.gazetteer.stoplist`) block common words, titles and given names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple

from warmonitor.gazetteer.entries import CODE, DEMONYM, GazetteerEntry, PlaceMention, rank
from warmonitor.gazetteer.normalise import (
    ARTICLES,
    MIN_SIMILARITY,
    canonical_article,
    consonants,
    fold,
    similarity,
    skeleton_key,
    words,
)
from warmonitor.gazetteer.stoplist import (
    COMMON_WORDS,
    GIVEN_NAMES,
    STOP_PHRASES,
    STOP_WORDS,
    TITLES,
)

if TYPE_CHECKING:
    from warmonitor.gazetteer.core import Gazetteer

__all__ = ["CONNECTORS", "MAX_TOKENS", "scan"]

MAX_TOKENS = 5
#: Lower-case words allowed inside a name ("Sant Julià de Lòria", "Bosnia and Herzegovina").
CONNECTORS = words("""
    de del della dei di da do dos das du des la le les el al il ul ad an ar as at az ash
    ath ez es ed en et er of the upon on am im der den sur y bin ibn bani beni wa and van
    von zu aux
""")
_LETTER = r"[^\W\d_]"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"  # with the lower-case letters of Latin Extended, sorted out later
_WORD_TAIL = rf"{_LETTER}*(?:['’‘ʿʾ`\-]{_LETTER}+)*"
_TOKEN = re.compile(
    rf"(?<![\w'’‘ʿʾ`\-.])(?:"
    rf"(?:[A-Z]\.){{2,}}|(?:St|Ste|Mt|Ft)\."  # U.S., St. Petersburg
    rf"|(?:[{_UPPER}]|[a-z]+-[{_UPPER}]){_WORD_TAIL}"  # Homs, al-Bab
    rf"|(?:{'|'.join(sorted(CONNECTORS, key=len, reverse=True))})(?![\w'’\-]))"
)
_BLOCKING = TITLES | GIVEN_NAMES
_PROMINENT = frozenset({"PCLI", "PPLC", "ADM1"})
_SENTENCE_END = frozenset(".!?:;\n\r•–—|")
_OPENERS = frozenset(" \t\xa0\"'“‘«([")


class _Token:
    __slots__ = ("cap", "end", "initial", "key", "linked", "start")

    def __init__(self, start: int, end: int, key: str, cap: bool, initial: bool) -> None:
        self.start, self.end, self.key, self.cap, self.initial = start, end, key, cap, initial
        self.linked = False  # the next token follows with only blanks between


def _is_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence (or the text)."""
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END


def _tokens(text: str) -> list[_Token]:
    """Capitalised words and connectors, in order. Other words are skipped by the pattern; the
    text between two tokens tells whether they are linked (blanks only)."""
    out: list[_Token] = []
    prev: _Token | None = None
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        connector = word in CONNECTORS
        if not connector and not word[0].isupper() and not word.rsplit("-", 1)[-1][:1].isupper():
            continue  # a lower-case letter of Latin Extended, matched only to be looked at
        if word[-1] == "s" and len(word) > 3 and word[-2] in "'’":
            end, word = end - 2, word[:-2]  # possessive: "Nigeria's"
        if prev is not None:
            gap = text[prev.end : start]
            prev.linked = gap == " " or (bool(gap) and not gap.strip(" \t\xa0"))
        prev = _Token(
            start, end, fold(word), not connector, not connector and _is_initial(text, start)
        )
        out.append(prev)
    return out


def _ngrams(toks: list[_Token]) -> dict[int, list[tuple[int, str]]]:
    """For each capitalised token, the n-grams starting there: ``(last index, key)``, longest
    first. An n-gram ends on a capitalised token and has only connectors between."""
    out: dict[int, list[tuple[int, str]]] = {}
    for i, tok in enumerate(toks):
        if not tok.cap or not tok.key:
            continue
        found = []
        parts = [tok.key]
        j = i
        while True:
            if toks[j].cap:
                found.append((j, canonical_article(" ".join(parts))))
            if j - i + 1 >= MAX_TOKENS or not toks[j].linked:
                break
            j += 1
            nxt = toks[j]
            parts.append(nxt.key)
        found.reverse()
        out[i] = found
    return out


class _Found(NamedTuple):
    first: int  # token indexes
    last: int
    ids: tuple[int, ...]
    demonym: bool
    exact: bool


def _greedy(
    toks: list[_Token],
    grams: dict[int, list[tuple[int, str]]],
    exact: dict[str, tuple[tuple[int, int], ...]],
    fuzzy: dict[str, tuple[int, ...]],
    demonyms: bool,
    seats: Callable[[str, list[int]], Iterable[int]],
) -> list[_Found]:
    """Leftmost-longest matches; stop-lists block, exact keys before fuzzy ones."""
    out: list[_Found] = []
    i, n = 0, len(toks)
    while i < n:
        nxt = i + 1
        for j, key in grams.get(i, ()):
            single = i == j
            if key in STOP_PHRASES or (single and (key in STOP_WORDS or key in ARTICLES)):
                nxt = j + 1
                if single and key in _BLOCKING:  # "President Assad", "Ahmed Hassan"
                    while nxt < n and toks[nxt - 1].linked and toks[nxt].cap:
                        nxt += 1
                break
            if single and toks[i].initial and key in COMMON_WORDS:
                break
            hits = [
                (g, kind)
                for g, kind in exact.get(key, ())
                if kind != CODE and (demonyms or kind != DEMONYM)
            ]
            if hits:
                ids = tuple(seats(key, [g for g, _ in hits]))
                out.append(_Found(i, j, ids, all(k == DEMONYM for _, k in hits), True))
                nxt = j + 1
                break
            if key in fuzzy:
                out.append(_Found(i, j, fuzzy[key], False, False))
                nxt = j + 1
                break
        i = nxt
    return out


def _weights(
    found: list[_Found], entries: dict[int, GazetteerEntry]
) -> dict[tuple[int, int], tuple[str, int]]:
    """What each mention says of the text's country: a country (or demonym) counts 10, a place
    found in only one country 1."""
    own: dict[tuple[int, int], tuple[str, int]] = {}
    for f in found:
        located = [entries[g] for g in f.ids if g in entries]
        if any(e.precision == "country" for e in located):
            own[(f.first, f.last)] = (rank(located)[0].country, 10)
        elif len({e.country for e in located}) == 1:
            own[(f.first, f.last)] = (located[0].country, 1)
    return own


def _fuzzy_hits(
    gaz: Gazetteer,
    toks: list[_Token],
    grams: dict[int, list[tuple[int, str]]],
    exact: dict[str, tuple[tuple[int, int], ...]],
    hint: dict[str, int],
) -> tuple[dict[str, tuple[int, ...]], dict[int, GazetteerEntry]]:
    """Skeleton matches of n-grams with no exact match, kept where plausible (see :func:`scan`),
    and their entries."""
    wanted = {}
    for i, grams_at in grams.items():
        for j, key in grams_at:
            if exact[key] or len(key) < 5 or key in STOP_WORDS or key in STOP_PHRASES:
                continue
            if i == j and toks[i].initial:
                continue
            skel = skeleton_key(key)
            if consonants(skel) >= 3:
                wanted[key] = skel
    skel_hits = gaz.skeleton_hits(set(wanted.values()))
    entries = gaz.entries({g for s in skel_hits.values() for g in s})

    def plausible(key: str, e: GazetteerEntry) -> bool:
        where = e.country in hint if hint else e.feature_code in _PROMINENT
        return where and similarity(key, e.ascii_name) >= MIN_SIMILARITY

    hits = {}
    for key, skel in wanted.items():
        ids = tuple(g for g in skel_hits[skel] if g in entries and plausible(key, entries[g]))
        if ids:
            hits[key] = ids
    return hits, entries


def scan(
    gaz: Gazetteer,
    text: str,
    *,
    countries: Collection[str] | None = None,
    fuzzy: bool = True,
    demonyms: bool = True,
    context: bool = True,
    max_candidates: int = 10,
) -> list[PlaceMention]:
    """Every gazetteer name in ``text``, in order, with ranked candidates.

    ``countries`` (ISO2 codes) rank places there first; with ``context`` so do the countries
    the text itself names, or names a place of no other country in ("Kano" in a report on
    Nigeria, "Ariha" in one on Saraqib). ``demonyms`` reports "Syrian" and the like as mentions
    of their country. ``fuzzy`` lets a name of three consonants or more, not a sentence's first
    word, match by skeleton key ("Jebleh", "Deir Ezzor"), but only a place in those countries
    or, when there are none, a country, capital or first-level area, spelt at least half alike.
    """
    toks = _tokens(text)
    grams = _ngrams(toks)
    exact = gaz.name_hits({key for found in grams.values() for _, key in found})
    found = _greedy(toks, grams, exact, {}, demonyms, gaz.with_seats)
    entries = gaz.entries({g for f in found for g in f.ids})
    hint: dict[str, int] = dict.fromkeys((c.upper() for c in countries or ()), 1000)
    own = _weights(found, entries) if context else {}
    for country, weight in own.values():
        hint[country] = hint.get(country, 0) + weight
    if fuzzy:
        fuzzy_hits, fuzzy_entries = _fuzzy_hits(gaz, toks, grams, exact, hint)
        if fuzzy_hits:
            found = _greedy(toks, grams, exact, fuzzy_hits, demonyms, gaz.with_seats)
            entries.update(fuzzy_entries)
    keys = {(i, j): key for i, found_at in grams.items() for j, key in found_at}
    out = []
    for f in found:
        weights = hint
        if (f.first, f.last) in own:  # a mention is no context for itself
            country, weight = own[(f.first, f.last)]
            weights = {**hint, country: hint[country] - weight}
        similar_to = None if f.exact else keys[(f.first, f.last)]
        ranked = rank((entries[g] for g in f.ids if g in entries), weights, similar_to)
        if ranked:
            start, end = toks[f.first].start, toks[f.last].end
            kind: Literal["name", "demonym"] = "demonym" if f.demonym else "name"
            candidates = tuple(ranked[:max_candidates])
            out.append(PlaceMention(start, end, text[start:end], candidates, kind, f.exact))
    return out
