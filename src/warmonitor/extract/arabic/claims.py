"""From an Arabic document to its claims: the same contract as English extraction.

Pure (no I/O beyond the packaged gazetteer and actor registry). Offsets and evidence point into
the document's own text; the grammar reads its folded copy (``text.Folded``).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import date

from warmonitor.extract.arabic.claimants import find_voice, short_names
from warmonitor.extract.arabic.countries import LEAD_WEIGHT, Focus
from warmonitor.extract.arabic.dates import ArabicDate, find_dates
from warmonitor.extract.arabic.figures import ArabicFigure, find_figures
from warmonitor.extract.arabic.lexicon import ATTRIBUTION, HEDGES, word
from warmonitor.extract.arabic.lists import find_lists
from warmonitor.extract.arabic.places import ArabicPlaces
from warmonitor.extract.arabic.text import Folded, split_sentences
from warmonitor.extract.claims import Extraction
from warmonitor.fingerprint import fingerprint
from warmonitor.model import Claim, Claimant, Count, Evidence, Period, Place, ReportEvent, Victims

__all__ = ["extract_arabic"]

_PLACE_REACH = 2  # sentences back a figure without a place of its own looks for one
_DATE_REACH = 2
_SITES = tuple(
    (kind, re.compile(word(*forms)))
    for kind, forms in (
        ("hospital", ("مستشفى", "مشفى", "مستوصف", "مركز طبي", "نقطة طبية", "مشافي")),
        ("mosque", ("مسجد", "جامع")),
        ("school", ("مدرسة", "مدارس", "جامعة", "روضة")),
        ("market", ("سوق", "أسواق", "السوق الشعبي")),
        ("bread", ("فرن", "مخبز", "أفران")),
        ("camp", ("مخيم", "مخيمات")),
        ("massacre", ("مجزرة", "مجازر")),
        ("air", ("غارة", "غارات", "الطيران", "طائرة", "طائرات", "مسيرة", "مسيرات", "الحربي")),
        ("missile", ("صاروخ", "صواريخ", "صاروخية")),
        ("shelling", ("قصف مدفعي", "مدفعية", "قذائف", "قذيفة", "هاون")),
        ("car bomb", ("سيارة مفخخة", "مفخخة", "عبوة ناسفة", "انتحاري")),
    )
)


@dataclass(slots=True)
class _Draft:
    figure: ArabicFigure
    index: int  # sentence index
    start: int  # folded sentence start in the folded text
    end: int
    id: str
    claimant: Claimant
    hedges: tuple[str, ...]
    place: Place | None
    period: Period | None


def extract_arabic(
    text: str,
    *,
    document_id: str,
    published: date | None,
    publisher: str | None,
    extractor: str,
) -> Extraction:
    """Every casualty claim of an Arabic document, its main place and first event period."""
    folded = Folded.of(text)
    f = folded.text
    sentences = split_sentences(f)
    found = [find_figures(f[a:b]) for a, b in sentences]
    focus = _focus(sentences, found, f)
    places = ArabicPlaces(f, focus=focus)
    dates = find_dates(f, published)
    outlet = Claimant(publisher, "", "media")
    short = short_names(f)
    drafts: list[_Draft] = []
    for index, (a, b) in enumerate(sentences):
        sentence = f[a:b]
        figures = found[index]
        if not figures:
            continue
        hedges = tuple(label for label, rx in HEDGES.items() if rx.search(sentence))
        place = places.in_span(a, b, text, folded.offsets)
        local: list[_Draft] = []
        for fig in figures:
            voice = (
                _as_written(find_voice(sentence, fig.mention[0], short), sentence, a, text, folded)
                or outlet
            )
            start, _ = folded.original(a + fig.mention[0], a + fig.mention[1])
            draft_id = _claim_id(document_id, extractor, start, fig.outcome)
            period = _period(dates, a + fig.mention[0], a, b, text, folded)
            local.append(_Draft(fig, index, a, b, draft_id, voice, hedges, place, period))
        drafts.extend(local)
    drafts.extend(
        _listed(f, sentences, drafts, places, dates, text, folded, outlet, document_id, extractor)
    )
    drafts.sort(key=lambda d: (d.start, d.figure.mention[0]))
    _carry(drafts, sentences)
    lead_end = sentences[min(2, len(sentences) - 1)][1] if sentences else 0
    main_place = places.main(text, folded.offsets, upto=_first_claim_end(drafts, lead_end))
    event_period = _event_period(drafts, dates, text, folded)
    claims = [
        _claim(d, drafts, text, folded, document_id, extractor, publisher, main_place, event_period)
        for d in drafts
    ]
    lead = text[slice(*folded.original(*sentences[0]))] if sentences else ""
    event = _event(document_id, f, places, main_place, published, event_period, lead_end, text)
    return Extraction(claims, main_place, event_period, lead, event)


def _focus(sentences: list[tuple[int, int]], found: list[list[ArabicFigure]], f: str) -> Focus:
    """Where the report tells its incident, weighted: its lead (its first sentence with a
    figure, the two sentences of some words before it, a dateline or a title, and the two
    after it), then its other sentences with figures (a page capture's other stories also have
    figures). With no figure, the lead is around its first sentence of some length that tells
    of a strike or quotes a source (a page capture's menus are lists of words)."""
    at = [i for i, figures in enumerate(found) if figures]
    if at:
        first = at[0]
    else:  # the first sentence of some length that tells of a strike or quotes a source
        long = [i for i, (a, b) in enumerate(sentences) if len(f[a:b].split()) >= _LONG]
        news = (i for i in long if _NEWS.search(f, *sentences[i]))
        first = next(news, long[0] if long else 0)
    if not sentences:
        return []
    start, before = first, 0
    while start > 0 and before < 2:
        start -= 1
        a, b = sentences[start]
        before += len(f[a:b].split()) >= 3
    end = sentences[min(first + 2, len(sentences) - 1)][1]
    lead = (sentences[start][0], end, LEAD_WEIGHT)
    return [lead, *((sentences[i][0], sentences[i][1], 2) for i in at[1:])]


_LONG = 8  # words of a sentence that is no menu line
_NEWS = re.compile(
    ATTRIBUTION.pattern + "|" + "|".join(rx.pattern for kind, rx in _SITES if kind != "massacre")
)


def _listed(
    f: str,
    sentences: list[tuple[int, int]],
    drafts: list[_Draft],
    places: ArabicPlaces,
    dates: list[ArabicDate],
    text: str,
    folded: Folded,
    outlet: Claimant,
    document_id: str,
    extractor: str,
) -> list[_Draft]:
    """The figures of lists of named victims whose header states no figure of their own."""
    out: list[_Draft] = []
    for found in find_lists(f):
        if any(
            d.start <= found.start < d.end and d.figure.outcome == found.outcome for d in drafts
        ):
            continue
        a = found.start
        items = (found.items[0] - a, found.items[1] - a)
        trigger = (found.trigger[0] - a, found.trigger[1] - a)
        count = Count(found.count, found.count, "")
        # the figure is the header's outcome word ("الشهداء"), the victims the names
        fig = ArabicFigure(found.outcome, count, found.group, trigger, items, trigger)
        index = next((i for i, (x, y) in enumerate(sentences) if x <= a < y), 0)
        start, _ = folded.original(found.trigger[0], found.trigger[1])
        draft_id = _claim_id(document_id, extractor, start, found.outcome)
        place = places.in_span(a, found.end, text, folded.offsets)
        period = _period(dates, a, a, found.end, text, folded)
        out.append(_Draft(fig, index, a, found.end, draft_id, outlet, (), place, period))
    return out


def _as_written(
    voice: Claimant | None, sentence: str, a: int, text: str, folded: Folded
) -> Claimant | None:
    """The voice with its words as the report writes them (found in the folded sentence); an
    unnamed source is named by them."""
    if voice is None or not voice.text:
        return voice
    at = sentence.find(voice.text)
    if at < 0:
        return voice
    words = text[slice(*folded.original(a + at, a + at + len(voice.text)))]
    name = words if voice.kind == "unnamed" else voice.name
    return Claimant(name, words, voice.kind)


def _first_claim_end(drafts: list[_Draft], default: int) -> int:
    return drafts[0].end if drafts else default


def _period(
    dates: list[ArabicDate], at: int, a: int, b: int, text: str, folded: Folded
) -> Period | None:
    inside = [d for d in dates if a <= d.start < b]
    if not inside:
        return None
    best = min(inside, key=lambda d: (not d.explicit, abs(d.start - at)))
    return best.period(text[slice(*folded.original(best.start, best.end))])


def _carry(drafts: list[_Draft], sentences: list[tuple[int, int]]) -> None:
    """A figure whose sentence names no place or date takes those of the figures just before."""
    last_place: _Draft | None = None
    last_period: _Draft | None = None
    for d in drafts:
        if d.place is not None:
            last_place = d
        elif last_place is not None and d.index - last_place.index <= _PLACE_REACH:
            d.place = last_place.place
        if d.period is not None:
            last_period = d
        elif last_period is not None and d.index - last_period.index <= _DATE_REACH:
            d.period = last_period.period


def _event_period(
    drafts: list[_Draft], dates: list[ArabicDate], text: str, folded: Folded
) -> Period | None:
    """The report's first event date: the first figure's, else the first date of the text."""
    for d in drafts:
        if d.period is not None:
            return d.period
    if dates:
        first = next((d for d in dates if d.explicit), dates[0])
        return first.period(text[slice(*folded.original(first.start, first.end))])
    return None


def _claim(
    d: _Draft,
    drafts: list[_Draft],
    text: str,
    folded: Folded,
    document_id: str,
    extractor: str,
    publisher: str | None,
    main_place: Place | None,
    event_period: Period | None,
) -> Claim:
    fig = d.figure
    sa, sb = folded.original(d.start, d.end)
    ma, mb = folded.original(d.start + fig.mention[0], d.start + fig.mention[1])
    va, vb = folded.original(d.start + fig.victims[0], d.start + fig.victims[1])
    trigger = (
        folded.original(d.start + fig.trigger[0], d.start + fig.trigger[1]) if fig.trigger else None
    )
    part_of = None
    if fig.part_of is not None:
        siblings = [x for x in drafts if x.start == d.start]
        if 0 <= fig.part_of < len(siblings):
            part_of = siblings[fig.part_of].id
    c = fig.count
    count = Count(c.low, c.high, text[ma:mb], c.approximate, c.stated)
    return Claim(
        id=d.id,
        document_id=document_id,
        outcome=fig.outcome,
        count=count,
        victims=Victims(fig.group, text[va:vb]),
        claimant=d.claimant,
        evidence=Evidence(text[sa:sb], sa, sb, (ma, mb), trigger),
        extractor=extractor,
        reported_by=publisher,
        hedges=d.hedges,
        place=d.place or main_place,
        period=d.period or event_period,
        part_of=part_of,
        cumulative=fig.cumulative,
    )


def _event(
    document_id: str,
    f: str,
    places: ArabicPlaces,
    main_place: Place | None,
    published: date | None,
    period: Period | None,
    lead_end: int,
    text: str,
) -> ReportEvent:
    """The report's main event as reconciliation reads it: its places (as ``@id`` terms, the
    same in every language), the kinds of attack and sites it names, its day and country."""
    counts: dict[str, int] = {}
    kinds: list[str] = []
    for kind, rx in _SITES:
        for m in rx.finditer(f):
            counts["#" + kind] = counts.get("#" + kind, 0) + (2 if m.start() < lead_end else 1)
            if m.start() < lead_end and kind not in kinds:
                kinds.append(kind)
    located: list[Place] = [main_place] if main_place and main_place.geonames_id else []
    for mention in places.mentions:
        if mention.entry.country == places.country:
            key = f"@{mention.entry.geonames_id}"
            counts[key] = counts.get(key, 0) + (2 if mention.start < lead_end else 1)
            gid = mention.entry.geonames_id
            if len(located) < 3 and all(p.geonames_id != gid for p in located):
                located.append(mention.entry.to_place())
    terms = tuple(sorted((t, round(1 + math.log(n), 4)) for t, n in counts.items()))
    return ReportEvent(
        document_id=document_id,
        published=published,
        day=period.start if period else None,
        country=places.country,
        places=tuple(located),
        kinds=tuple(kinds),
        terms=terms,
        fingerprint=fingerprint(text),
        countries=tuple(c for c, _ in places.countries.most_common(3)),
    )


def _claim_id(document_id: str, extractor: str, offset: int, outcome: str) -> str:
    """The claim id, as English extraction makes it (document, extractor, offset, outcome)."""
    raw = f"{document_id}|{extractor}|{offset}|{outcome}".encode()
    return hashlib.sha1(raw).hexdigest()[:24]
