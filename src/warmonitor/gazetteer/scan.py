"""Finding gazetteer names in running text.

The text is cut into word tokens (a hyphenated word of capitalised parts into linked parts,
"Bama-Gwoza"); runs of capitalised tokens, with lower-case connectors inside
("Sant Julià de Lòria", "Deir ez-Zor", "Trinidad and Tobago"), give n-grams of up to
:data:`MAX_TOKENS` tokens whose name keys are looked up in one batch. Leftmost-longest matches
win; stop-lists (:mod:`warmonitor.gazetteer.stoplist`) block common words, titles and given names.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal, NamedTuple

from warmonitor.gazetteer.cues import KIND_WORDS, area_of, designator
from warmonitor.gazetteer.entries import (
    ALT,
    CODE,
    DEMONYM,
    Designator,
    GazetteerEntry,
    PlaceMention,
    rank,
)
from warmonitor.gazetteer.normalise import (
    ARTICLES,
    MIN_SIMILARITY,
    canonical_article,
    consonants,
    fold,
    similar,
    skeleton_key,
    words,
)
from warmonitor.gazetteer.stoplist import (
    COMMON_WORDS,
    FACILITIES,
    GIVEN_NAMES,
    STOP_PHRASES,
    STOP_WORDS,
    TITLES,
)

if TYPE_CHECKING:
    from warmonitor.gazetteer.core import Gazetteer, Hits, Spelling

__all__ = ["CONNECTORS", "MAX_TOKENS", "scan"]

MAX_TOKENS = 5
CLOSE_SIMILARITY = 0.8  # a fuzzy match of a minor place in a text that names no country
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
    rf"|(?:[{_UPPER}]|[a-z]+-[{_UPPER}]){_WORD_TAIL})"  # Homs, al-Bab
)
#: A lower-case word after blanks: a connector if it is one of :data:`CONNECTORS`.
_NEXT_WORD = re.compile(r"[ \t\xa0]+([a-z]+)(?![\w'’\-])")
_ADJECTIVE = re.compile(r"[ \t\xa0]+[^\W\d_]")
_BLOCKING = TITLES | GIVEN_NAMES
_PROMINENT = frozenset({"PCLI", "PPLC", "ADM1"})
_SENTENCE_END = frozenset(".!?:;\n\r•–—|")
_DIRECTIONS = frozenset("north south east west central nord sud est ouest".split())
_SETTLEMENT = frozenset({"city", "neighbourhood", "point"})
_AREAS = frozenset({"ADM1", "ADM2"})
#: Fewer people than this: a place whose name gives way to a region's ("Sinai").
_HAMLET = 1000
_OPENERS = frozenset(" \t\xa0\"'“‘«([")


class _Token:
    __slots__ = ("cap", "end", "initial", "key", "linked", "possessive", "start")

    def __init__(self, start: int, end: int, key: str, cap: bool, initial: bool) -> None:
        self.start, self.end, self.key, self.cap, self.initial = start, end, key, cap, initial
        self.linked = False  # the next token follows with only blanks between
        self.possessive = False  # "'s" was cut off


def _is_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence (or the text)."""
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END


def _tokens(text: str) -> list[_Token]:
    """Capitalised words, and the connectors that a run of them goes on through (linked to the
    token before, only blanks between; any other can join no name), in order. Other words are
    skipped by the pattern; the text between two tokens tells whether they are linked."""
    out: list[_Token] = []
    prev: _Token | None = None
    for m in _TOKEN.finditer(text):
        word = m.group()
        start = m.start()
        if not word[0].isupper() and not word.rsplit("-", 1)[-1][:1].isupper():
            continue  # a lower-case letter of Latin Extended, matched only to be looked at
        end = m.end()
        possessive = word[-1] == "s" and len(word) > 3 and word[-2] in "'’"
        if possessive:
            end, word = end - 2, word[:-2]  # "Nigeria's"
        j = start - 1  # the word begins a sentence (or the text): see _is_initial
        while j >= 0 and text[j] in _OPENERS:
            j -= 1
        initial = j < 0 or text[j] in _SENTENCE_END
        if "-" in word and len(spans := _parts(word, start)) > 1:
            for a, b in spans:
                if prev is not None:
                    prev.linked = _blank(text[prev.end : a])
                prev = _Token(a, b, fold(text[a:b]), True, initial and a == start)
                out.append(prev)
        else:
            if prev is not None:
                gap = text[prev.end : start]
                prev.linked = gap == " " or _blank(gap)
            prev = _Token(start, end, fold(word), True, initial)
            out.append(prev)
        last = out[-1]
        last.possessive = possessive
        while (after := _NEXT_WORD.match(text, last.end)) and after.group(1) in CONNECTORS:
            last.linked = True  # "Bosnia and", "Sant Julià de la"
            last = _Token(after.start(1), after.end(), after.group(1), False, False)
            out.append(last)
        prev = last
    return out


def _blank(gap: str) -> bool:
    """Whether the text between two tokens links them: blanks only, or one hyphen."""
    return gap == " " or gap == "-" or (bool(gap) and not gap.strip(" \t\xa0"))


def _parts(word: str, start: int) -> list[tuple[int, int]]:
    """The spans of the capitalised parts of a hyphenated word, each a token linked to the
    next ("Bama-Gwoza" as "Bama" "Gwoza", so "Guinea-Bissau" is still tried whole), or the
    whole word ("al-Bab", "Al-Raqqa": an article stays on its name)."""
    parts = word.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts) or fold(parts[0]) in ARTICLES:
        return [(start, start + len(word))]
    out = []
    for part in parts:
        out.append((start, start + len(part)))
        start += len(part) + 1
    return out


def _ngrams(toks: list[_Token]) -> dict[int, list[tuple[int, str]]]:
    """For each capitalised token, the n-grams starting there: ``(last index, key)``, longest
    first. An n-gram ends on a capitalised token and has only connectors between; one of two
    words or more that ends in "'s" is also tried with it ("St. George's" before "St. George")."""
    out: dict[int, list[tuple[int, str]]] = {}
    for i, tok in enumerate(toks):
        if not tok.cap or not tok.key:
            continue
        if not tok.linked:  # a word alone
            out[i] = [(i, canonical_article(tok.key))]
            continue
        found = []
        parts = [tok.key]
        j = i
        while True:
            if toks[j].cap:
                key = canonical_article(" ".join(parts))
                found.append((j, key))
                if toks[j].possessive and j > i:
                    found.append((j, key + "s"))
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
    alt: frozenset[int] = frozenset()  # ids named so only by an alternate name
    key: str = ""


def _without_article(gaz: Gazetteer, exact: dict[str, Hits]) -> dict[str, Hits]:
    """``exact``, where a name is nobody's, with the hits of the name without its Arabic
    article ("Al-Manbij" as "Manbij") or a direction after it ("Rakhine-North" as "Rakhine"), or
    of the country it names with a possessive "s" written without the apostrophe ("Libyas")."""
    bare, owner = {}, {}
    for k, hits in exact.items():
        if not hits:
            head, _, tail = k.rpartition(" ")
            if k.startswith("al "):
                bare[k] = k[3:]
            elif tail in _DIRECTIONS and len(head) > 2 and head not in STOP_WORDS:
                bare[k] = head  # "Rakhine-North": a part of Rakhine
            elif len(k) > 4 and k[-1] == "s" and " " not in k:
                owner[k] = k[:-1]
    if bare or owner:
        found = gaz.name_hits({*bare.values(), *owner.values()})
        exact.update({k: found[b] for k, b in bare.items() if found[b]})
        countries = gaz.country_ids
        for k, b in owner.items():
            hits = tuple(h for h in found[b] if h[0] in countries and h[1] != CODE)
            if hits:
                exact[k] = hits
    return _regions(gaz, exact)


def _regions(gaz: Gazetteer, exact: dict[str, Hits]) -> dict[str, Hits]:
    """``exact``, where a name is nobody's own name but a hamlet's (at most an alternate one
    or the name of places of under :data:`_HAMLET` people: "Sinai" for villages in Mexico and
    Ecuador), with the admin areas of one country named by it and a direction ("Darfur":
    North, South, West … Darfur; "Kivu": Nord- and Sud-Kivu; "Sinai"), as alternate names: the
    region they make up is in that country."""
    regions = gaz.regions
    todo = {k: hits for k, hits in exact.items() if k in regions and k not in STOP_WORDS}
    if not todo:
        return exact
    own = {g for hits in todo.values() for g, kind in hits if kind != ALT}
    hamlets = {
        g
        for g, e in gaz.entries(own).items()
        if e.feature_code.startswith("PPL") and e.population < _HAMLET
    }
    for k, hits in todo.items():
        if all(kind == ALT or g in hamlets for g, kind in hits):
            exact[k] = (*hits, *((g, ALT) for g in regions[k]))
    return exact


def _greedy(
    toks: list[_Token],
    grams: dict[int, list[tuple[int, str]]],
    exact: dict[str, tuple[tuple[int, int], ...]],
    fuzzy: dict[str, tuple[int, ...]],
    demonyms: bool,
) -> list[_Found]:
    """Leftmost-longest matches; stop-lists block, exact keys before fuzzy ones. An exact
    match's ids are its name's, without the seats that :func:`_seated` adds."""
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
            named = exact.get(key, ())
            hits = (
                [(g, kind) for g, kind in named if kind != CODE and (demonyms or kind != DEMONYM)]
                if named
                else []
            )
            if hits:
                ids = tuple(g for g, _ in hits)
                alt = frozenset(g for g, kind in hits if kind == ALT) - {
                    g for g, kind in hits if kind != ALT
                }
                demonym = all(k == DEMONYM for _, k in hits)
                out.append(_Found(i, j, ids, demonym, True, alt, key))
                nxt = j + 1
                break
            if key in fuzzy:
                out.append(_Found(i, j, fuzzy[key], False, False, key=key))
                nxt = j + 1
                break
        i = nxt
    return out


def _seated(gaz: Gazetteer, found: list[_Found]) -> list[_Found]:
    """``found`` with the seats that its exact names also name (:meth:`Gazetteer.with_seats`),
    looked up for all names at once."""
    seated = iter(gaz.seats_of([(f.key, f.ids) for f in found if f.exact]))
    return [
        _Found(f.first, f.last, tuple(next(seated)), f.demonym, True, f.alt, f.key)
        if f.exact
        else f
        for f in found
    ]


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
) -> dict[str, tuple[int, ...]]:
    """Skeleton matches of n-grams with no exact match, kept where plausible (see :func:`scan`);
    an n-gram of several words that ends in an article is none ("Mara and El" before "El
    Fasher")."""
    wanted = {}
    covering = set()  # keys of several words over a shorter name: "Maarat al-Numan" ("Numan")
    nearest = {}  # token -> the last token of the shortest exact n-gram starting there
    for k, grams_at in grams.items():
        for j, key in reversed(grams_at):  # shortest first
            if exact[key]:
                nearest[k] = j
                break
    for i, grams_at in grams.items():
        for j, key in grams_at:
            if exact[key] or len(key) < 5 or key in STOP_WORDS or key in STOP_PHRASES:
                continue
            if i == j and toks[i].initial:
                continue
            if i < j and toks[j].key in ARTICLES:
                continue  # "Mara and El": the next name's article ("El Fasher"), not a name
            skel = skeleton_key(key)
            if consonants(skel) >= 3:
                wanted[key] = skel
                if i < j and any(nearest.get(k, j + 1) <= j for k in range(i, j + 1)):
                    covering.add(key)
    skel_hits = gaz.skeleton_spellings(set(wanted.values()))

    def plausible(key: str, spelling: Spelling) -> bool:
        name, country, feature_code = spelling
        if hint and country in hint:
            return similar(key, name, MIN_SIMILARITY)
        prominent = feature_code in _PROMINENT
        if hint and key not in covering:  # "Baluchistan" in any text
            return prominent and similar(key, name, CLOSE_SIMILARITY)
        return similar(key, name, MIN_SIMILARITY if prominent else CLOSE_SIMILARITY)

    hits = {}
    for key, skel in wanted.items():
        ids = tuple(g for g, spelling in skel_hits[skel] if plausible(key, spelling))
        if ids:
            hits[key] = ids
    return hits


def scan(
    gaz: Gazetteer,
    text: str,
    *,
    countries: Collection[str] | None = None,
    fuzzy: bool = True,
    demonyms: bool = True,
    context: bool = True,
    max_candidates: int | None = 10,
) -> list[PlaceMention]:
    """Every gazetteer name in ``text``, in order, with ranked candidates (all when
    ``max_candidates`` is ``None``).

    ``countries`` (ISO2 codes) rank places there first; with ``context`` so do the countries
    the text itself names, or names a place of no other country in ("Kano" in a report on
    Nigeria, "Ariha" in one on Saraqib). ``demonyms`` reports "Syrian" and the like as mentions
    of their country (a word that is also a name, "Somali", only before another word).
    ``fuzzy`` lets a name of three consonants or more, not a sentence's first word, match by
    skeleton key ("Jebleh", "Deir Ezzor"): a place in those countries spelt at least half alike,
    a country, capital or first-level area spelt closely ("Baluchistan"), or, when there are no
    such countries, a country, capital or first-level area spelt half alike or another place
    spelt closely; a name of several words spelt closely alike beats a shorter exact name inside
    it ("Maarat al-Numan", not "Numan" in Nigeria). A name nobody has is also tried without its
    Arabic article ("Al-Manbij") or a direction after it ("Rakhine-North"); a name that is at
    most an alternate one is also the region of the areas it names with a direction ("Darfur",
    "Sinai"); a name ending in "'s" with it ("St. George's").
    A name the text calls an area ("Idlib province") ranks admin areas first, and takes areas
    spelt closely alike when it names none ("Zabol Province": Zabul); one it calls a settlement
    ("the town of Qusayr") populated places (see :func:`~warmonitor.gazetteer.cues.designator`).
    For joint disambiguation take every candidate and see :mod:`warmonitor.gazetteer.resolve`.
    """
    toks = _tokens(text)
    grams = _ngrams(toks)
    exact = _without_article(gaz, gaz.name_hits({k for found in grams.values() for _, k in found}))
    found = _seated(gaz, _greedy(toks, grams, exact, {}, demonyms))
    entries = gaz.entries({g for f in found for g in f.ids})
    hint: dict[str, int] = dict.fromkeys((c.upper() for c in countries or ()), 1000)
    own = _weights(found, entries) if context else {}
    for country, weight in own.values():
        hint[country] = hint.get(country, 0) + weight
    if fuzzy:
        fuzzy_hits = _fuzzy_hits(gaz, toks, grams, exact, hint)
        if fuzzy_hits:  # the names found again: a fuzzy one may free an exact one after it
            found = _seated(gaz, _greedy(toks, grams, exact, fuzzy_hits, demonyms))
            entries.update(gaz.entries({g for f in found for g in f.ids if g not in entries}))
    out = []
    for f in found:
        key = f.key
        if f.exact and not f.demonym and demonyms:
            f = _name_or_demonym(f, exact.get(key, ()), text, toks[f.last].end)
        said = None if f.demonym else designator(text, toks[f.first].start, toks[f.last].end)
        if fuzzy and f.exact and not f.demonym and said == "area":
            f = _area_spelt_alike(gaz, f, entries)
        weights = hint
        if (f.first, f.last) in own:  # a mention is no context for itself
            country, weight = own[(f.first, f.last)]
            weights = {**hint, country: hint[country] - weight}
        ranked = rank(
            (entries[g] for g in f.ids if g in entries), weights, None if f.exact else key
        )
        if ranked:
            out.append(_mention(text, toks, f, ranked, said, max_candidates))
    return out


def _area_spelt_alike(gaz: Gazetteer, f: _Found, entries: dict[int, GazetteerEntry]) -> _Found:
    """``f``, which the text calls an area ("Zabol Province"), and, when none of its places is
    one, the admin areas spelt closely alike ("Zabul"), as alternate names."""
    if any(entries[g].feature_code in _AREAS for g in f.ids if g in entries):
        return f
    key = f.key
    skel = skeleton_key(key)
    if consonants(skel) < 3 or not any(
        code in _AREAS and g not in f.ids and similar(key, name, CLOSE_SIMILARITY)
        for g, (name, _, code) in gaz.skeleton_spellings([skel])[skel]
    ):
        return f  # what Gazetteer.fuzzy would find holds no such area: it need not rank them
    areas = [
        e
        for e in gaz.fuzzy(key)
        if e.feature_code in _AREAS
        and e.geonames_id not in f.ids
        and similar(key, e.ascii_name, CLOSE_SIMILARITY)
    ]
    if not areas:
        return f
    entries.update((e.geonames_id, e) for e in areas)
    extra = tuple(e.geonames_id for e in areas)
    return f._replace(ids=f.ids + extra, alt=f.alt | set(extra))


def _name_or_demonym(f: _Found, hits: tuple[tuple[int, int], ...], text: str, end: int) -> _Found:
    """A word that is a demonym and a name ("Somali"): the demonym before another word ("the
    Somali town of …", "Somali Islamists", "the Somali region of Puntland"), else the name
    ("Jijiga, Somali", "the Somali Region")."""
    nationality = {g for g, kind in hits if kind == DEMONYM}
    if not nationality:
        return f
    if _ADJECTIVE.match(text, end) and (designator(text, end, end) != "area" or area_of(text, end)):
        return f._replace(ids=tuple(g for g in f.ids if g in nationality), demonym=True)
    return f._replace(ids=tuple(g for g in f.ids if g not in nationality))


def _mention(
    text: str,
    toks: list[_Token],
    f: _Found,
    ranked: list[GazetteerEntry],
    said: Designator,
    max_candidates: int | None,
) -> PlaceMention:
    """The mention of ``f``; ``said`` what the text calls it (``None`` for a demonym)."""
    start, end = toks[f.first].start, toks[f.last].end
    kind: Literal["name", "demonym"] = "demonym" if f.demonym else "name"
    if said is not None and said != "feature":
        ranked.sort(key=lambda e: (e.precision in _SETTLEMENT) == (said == "area"))
    before = toks[f.first - 1] if f.first else None
    after = toks[f.last + 1] if f.last + 1 < len(toks) and toks[f.last].linked else None
    partial = (before is not None and before.linked and _unknown(before)) or (
        after is not None and (_unknown(after) or after.key in FACILITIES)
    )
    return PlaceMention(
        start, end, text[start:end], tuple(ranked[:max_candidates]), kind, f.exact,
        f.alt & set(f.ids), said, f.key in COMMON_WORDS, partial,
    )  # fmt: skip


def _unknown(tok: _Token) -> bool:
    """A capitalised word that is no common word, title or kind of area ("Tell *Qirmiz*")."""
    key = tok.key
    return tok.cap and not (
        key in STOP_WORDS or key in COMMON_WORDS or key in KIND_WORDS or key in ARTICLES
    )
