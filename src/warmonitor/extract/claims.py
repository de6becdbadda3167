"""From a document's sentences to its claims: figures, claimants, hedges, places, periods, parts.

``extract_claims`` is the extractor's core, free of spaCy and of I/O: it takes the text, the
sentence boundaries (and, when a model found them, entity spans) and returns immutable
:class:`~warmonitor.model.Claim`s. The spaCy component in ``component.py`` is a thin adapter.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from warmonitor.extract.actors import as_actor
from warmonitor.extract.caseless import Caseless
from warmonitor.extract.claimants import Attribution, ClaimantRegistry, find_attributions
from warmonitor.extract.continuity import attribute_across_sentences
from warmonitor.extract.dates import TimeMention, find_time_expressions, resolve_period
from warmonitor.extract.figures import Figure, find_figures
from warmonitor.extract.gate import Words
from warmonitor.extract.headline.event import report_event
from warmonitor.extract.hedges import document_hedges, sentence_hedges
from warmonitor.extract.lexicon import AGENCIES
from warmonitor.extract.places import PlaceIndex
from warmonitor.extract.violations import Profile, annotate, describe
from warmonitor.model import Claim, Claimant, Evidence, Period, Place, ReportEvent, Victims

__all__ = ["Extraction", "ExtractionInput", "extract_claims"]

# A date opening the sentence just before the claimant: "On October 17, the ministry said";
# "Late on Tuesday the army said" (not "killed 12 on Monday, the monitor said").
_OPENING = re.compile(r"^\W*(?:(?:on|late|early|earlier|later|by|at)\s+)*$", re.IGNORECASE)
_SAID_BEFORE = re.compile(r"^\s*,?\s*$")

# A statement the sentence itself marks as earlier than the report: "initially", "had first
# said", "hours earlier", "within an hour of the blast" (the whole clause), or "an earlier
# toll of", "rose to 52 from" (just the figure that follows).
_EARLIER_CLAUSE = re.compile(
    r"\b(?:initially|originally|at first|first (?:said|reported|put|gave|estimated|announced)|"
    r"had (?:first|initially|originally|earlier) (?:said|reported|put|given|estimated)|"
    r"(?:hours|minutes|days) earlier|"
    r"within (?:just |only )?(?:over |under |less than |about )?"
    r"(?:an?|one|two|three|a few|several|\d+) (?:hours?|minutes?) (?:of|after))\b"
    r"|^\W*earlier\b",
    re.IGNORECASE,
)
_EARLIER_BEFORE = re.compile(
    r"(?:\b(?:an?|the|its|their) (?:earlier|previous|initial|first|original|prior) "
    r"(?:(?:death|casualty) )?(?:toll|figure|estimate|count|tally)s? "
    r"(?:of|at|was|had been|stood at|put at)|"
    r"\b(?:up|down|rising|rose|risen|grew|grown|increased|revised|raised|jumped)\b"
    r"[^.;]{0,40}\bfrom(?: an?| the)?(?: earlier| previous| initial)?)\W*$",
    re.IGNORECASE,
)
# Words that turn from the earlier statement to a newer one within a sentence.
_LATER_TURN = re.compile(
    r"\b(?:then|later|since|now|but|revised|raised|updated|rose|climbed)\b", re.IGNORECASE
)


# Searched through their caseless forms (``extract.caseless``).
_EARLIER_CLAUSE_ANY = Caseless(_EARLIER_CLAUSE)
_EARLIER_BEFORE_ANY = Caseless(_EARLIER_BEFORE)
_LATER_TURN_ANY = Caseless(_LATER_TURN)  # its matches are words: every start is a match's


def _earlier_statement(sentence: str, position: int) -> bool:
    """Whether the figure at ``position`` is one the sentence marks as said earlier than the
    report ("initially", "an earlier toll of"): its clause up to a turn to a newer statement."""
    if _EARLIER_BEFORE_ANY.start(sentence[max(0, position - 80) : position]) is not None:
        return True
    for a, b in itertools.pairwise(_turns(sentence)):
        if a <= position < b:
            return _EARLIER_CLAUSE_ANY.start(sentence[a:b]) is not None
    return False


@lru_cache(maxsize=64)
def _turns(sentence: str) -> tuple[int, ...]:
    """Where the sentence's clauses start, a turn to a newer statement opening each after the
    first, and its end: asked for each of its figures."""
    return (0, *_LATER_TURN_ANY.starts(sentence), len(sentence))


_SAID_GAP = re.compile(
    r"^\W*(?:(?:in a statement|in a (?:video|post|report)|reporters|"
    r"journalists|Reuters|AFP|AP|the [A-Z]\w+|on|late|early|earlier|"
    r"later|in|at|this|last)\s+){0,4}$"
)
# Typographic quotes and spaces read as their plain forms (one character for one, so offsets
# hold): "Rehman’s driver", “dozens”.
_TYPOGRAPHIC = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2009": " "}
)
_DOCUMENT_HEDGE_REACH = 3
_OWN_RANKS = re.compile(
    r"\b(?:their|its|our)\s+(?:own\s+)?(?:members|comrades|colleagues|"
    r"fighters|men|personnel|ranks|soldiers|troops|officers)\b",
    re.I,
)
_RANKS_GROUP = {
    "military": "security_forces",
    "government": "security_forces",
    "armed_group": "armed_group",
}  # sentences a figure-less disclaimer reaches back


@dataclass(frozen=True, slots=True)
class ExtractionInput:
    """What the extractor needs of a document: its text, sentences and publication facts."""

    text: str
    sentences: Sequence[tuple[int, int]]
    document_id: str
    published: date | None = None
    publisher: str | None = None
    entities: Sequence[tuple[int, int, str]] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """A document's claims, with the report's main place and first event period."""

    claims: list[Claim]
    main_place: Place | None
    event_period: Period | None
    lead: str = ""  # the report's first sentence: what the report is about
    event: ReportEvent | None = None  # what tells the report's main event from others
    violations: Profile | None = None  # what was done, by whom, to whom (docs/VIOLATIONS.md)


@dataclass(slots=True)
class _Draft:
    figure: Figure
    sentence_index: int
    sent_start: int
    sent_end: int
    claimant: Claimant
    attributed: bool
    hedges: list[str]
    place: Place | None
    period: Period | None
    said_on: date | None
    id: str = ""
    part_of: str | None = None
    earlier: bool = False
    restated: bool = False  # "the reported numbers of 471 dead": another voice's figure


def extract_claims(
    source: ExtractionInput, *, places: PlaceIndex | None, extractor: str, event: bool = True
) -> Extraction:
    """Every casualty claim of a document, in order of appearance; with ``event`` false the
    report's event is left out (``Extraction.event`` is ``None``: a prediction has none)."""
    text = source.text
    registry = ClaimantRegistry()
    reported_by = source.publisher or _agency(text)
    outlet = Claimant(reported_by, "", "media")
    drafts: list[_Draft] = []
    country = places.country if places else None
    event_period: Period | None = None
    plain = text.translate(_TYPOGRAPHIC)  # same offsets: evidence is cut from ``text``
    voices: dict[int, list[tuple[int, Claimant]]] = {}  # each sentence's named sources, by offset
    credits: dict[int, list[tuple[int, Claimant]]] = {}  # "figures provided by X": X, by offset
    document_voice: tuple[int, Claimant] | None = None  # whose text the report reproduces
    report_words = Words(plain)  # where the sentences' patterns may match, and the profile's
    for index, (a, b) in enumerate(source.sentences):
        sentence = plain[a:b]
        words = report_words.within(a)
        attributions = find_attributions(sentence, words)
        resolved = [(att, registry.resolve(att.text, att.descriptor)) for att in attributions]
        named = [(att, as_actor(c, outlet, country=country)) for att, c in resolved]
        voices[index] = [
            (a + min(att.start, att.verb_start), c)
            for att, c in named
            if c is not outlet and c.name
        ]
        credits[index] = [
            (a + att.verb_start, c)
            for att, c in named
            if c is not outlet and c.name and _CREDITS.match(sentence, att.verb_start)
        ]
        times = (
            find_time_expressions(sentence, source.published) if _has_time_hint(sentence) else []
        )
        said_on, periods = _said_and_periods(sentence, times, attributions)
        if event_period is None and periods and periods[0][1].start is not None:
            event_period = periods[0][1]
        before = drafts[-1] if drafts and index - drafts[-1].sentence_index <= 1 else None
        figures = find_figures(sentence, before.figure if before else None, words)
        if index <= 1 and document_voice is None:
            following = _FOLLOWING.search(sentence)
            if following:  # "The following are excerpts of an assessment by X": X's words
                voice = as_actor(registry.resolve(following.group(1)), outlet, country=country)
                document_voice = (index, voice) if voice is not outlet else None
        if not figures:
            labels = document_hedges(sentence, words)
            if labels:
                _hedge_back(drafts, index, labels)
            continue
        hedges = list(sentence_hedges(sentence, words))
        local: list[_Draft] = []
        for fig in figures:
            claimant, attributed = _claimant_for(fig, named, outlet, sentence)
            place = places.in_span(a, b) if places else None
            period = _nearest(periods, fig.mention.start)
            draft = _Draft(
                fig, index, a, b, claimant, attributed, list(hedges), place, period, said_on
            )
            draft.id = _claim_id(
                source.document_id, extractor, a + fig.mention.start, fig.outcome or ""
            )
            draft.earlier = _earlier_statement(sentence, fig.mention.start)
            if _RESTATED.search(sentence, max(0, fig.mention.start - 50), fig.mention.start):
                draft.claimant, draft.attributed, draft.restated = outlet, False, True
            local.append(draft)
        for prev, draft in itertools.pairwise(local):
            gap = sentence[prev.figure.victims.end : draft.figure.mention.start]
            if prev.restated and _JOINED.match(gap):  # "the reported 471 dead and 342 injured"
                draft.claimant, draft.attributed, draft.restated = outlet, False, True
        for draft in local:
            fig = draft.figure
            if fig.part_of is not None:
                draft.part_of = local[fig.part_of].id
            elif fig.part_of_previous:
                total = _previous_total(drafts, draft)
                if total is not None:
                    draft.part_of = total.id
                    if not draft.attributed:
                        draft.claimant, draft.attributed = total.claimant, total.attributed
                    for h in total.hedges:
                        if h not in draft.hedges:
                            draft.hedges.append(h)
                    draft.period = draft.period or total.period
                    draft.said_on = draft.said_on or total.said_on
                    draft.place = draft.place or total.place
        drafts.extend(local)
    _carry_places(drafts)
    _named_later(drafts, registry, outlet, country)
    attribute_across_sentences(drafts, plain, source.sentences, voices, credits)
    if document_voice is not None:
        for d in drafts:
            if not d.attributed and d.sentence_index > document_voice[0]:
                d.claimant, d.attributed = document_voice[1], True
    main_place = places.main if places else None
    claims = [_claim(d, source, extractor, reported_by, main_place, event_period) for d in drafts]
    profile = describe(plain, source.sentences, country=country, words=report_words)
    claims = annotate(claims, plain, profile, country=country)
    lead = text[slice(*source.sentences[0])] if source.sentences else ""
    found = (
        report_event(
            source.document_id,
            plain,
            source.sentences,
            source.entities,
            places,
            published=source.published,
            period=event_period,
        )
        if event
        else None
    )
    return Extraction(claims, main_place, event_period, lead, found, profile)


_TIME_HINT = re.compile(
    r"\d|day|night|week|month|year|yesterday|today|tonight|overnight|"
    r"January|February|March|April|May|June|July|August|September|"
    r"October|November|December|hours|past|since"
)


def _has_time_hint(sentence: str) -> bool:
    return _TIME_HINT.search(sentence) is not None


def _said_and_periods(
    sentence: str, times: list[TimeMention], attributions: list[Attribution]
) -> tuple[date | None, list[tuple[int, Period]]]:
    """The date of the statement ("said on Saturday") and the other periods, by position.

    Durations ("two days of clashes") end on the statement date when there is one.
    """
    said_on: date | None = None
    rest: list[TimeMention] = []
    for tm in times:
        p = tm.period
        if p is None:
            continue
        if (
            said_on is None
            and p.start
            and p.start == p.end
            and any(
                (att.verb_end <= tm.start and _SAID_GAP.match(sentence[att.verb_end : tm.start]))
                or (
                    tm.end <= min(att.start, att.verb_start)
                    and _OPENING.match(sentence[: tm.start])
                    and _SAID_BEFORE.match(sentence[tm.end : min(att.start, att.verb_start)])
                )
                for att in attributions
            )
        ):
            said_on = p.start
            continue
        rest.append(tm)
    periods: list[tuple[int, Period]] = []
    for tm in rest:
        p = tm.period
        if p is None:
            continue
        if tm.kind == "duration" and said_on is not None:
            p = resolve_period(tm.text, said_on) or p
        periods.append((tm.start, p))
    return said_on, periods


def _nearest(periods: list[tuple[int, Period]], position: int) -> Period | None:
    if not periods:
        return None
    return min(periods, key=lambda sp: abs(sp[0] - position))[1]


def _claimant_for(
    fig: Figure, named: list[tuple[Attribution, Claimant]], outlet: Claimant, sentence: str
) -> tuple[Claimant, bool]:
    """The voice of a figure: the attribution nearest to it among those that name someone
    (a piece of a sentence is no one). An outlet that relays another voice ("the ministry said
    …, Reuters reported"; "CNN reported that opposition groups said …") is not the source:
    the inner voice is. A figure in a clause of its own that marks it as hearsay ("a missile,
    which reportedly killed dozens, came from X, the ministry said") is nobody's there."""
    voiced = [(att, c) for att, c in named if c is not outlet]
    if not voiced:
        return outlet, False
    inner = [(att, c) for att, c in voiced if c.kind != "media"]
    pos = fig.mention.start
    for att, c in inner:  # "the nearly 500 deaths that X described": X's, whatever is nearer
        if att.antecedent is not None and 0 <= att.antecedent - fig.mention.end <= 20:
            return c, True
    best = min(inner or voiced, key=lambda ac: abs(ac[0].verb_start - pos))
    clause = _hearsay_clause(sentence, fig)
    if clause is not None and not clause[0] <= best[0].verb_start < clause[1]:
        return outlet, False
    return best[1], True


# a clause set off from the rest of its sentence: ", which …", ", as …", ", while …"
_CLAUSE_OPEN = re.compile(r"(?:,|;|—|–)\s+(?:which|that|as|while|who)\b", re.I)
_CLAUSE_CLOSE = re.compile(r"[,;—–]")
_HEARSAY = re.compile(
    r"\b(?:reportedly|allegedly|(?:is|are|was|were|had been|have been)\s+(?:also\s+)?"
    r"(?:reported|said|believed|thought)(?:\s+to\s+(?:be|have\s+been))?)\b",
    re.I,
)


def _hearsay_clause(sentence: str, fig: Figure) -> tuple[int, int] | None:
    """The span of the set-off clause holding ``fig`` when it marks its own hearsay
    ("reportedly", "were also reported"), else ``None``."""
    opens = [m for m in _CLAUSE_OPEN.finditer(sentence, 0, fig.mention.start)]
    if not opens:
        return None
    start = opens[-1].start()
    close = _CLAUSE_CLOSE.search(sentence, fig.victims.end)
    end = close.start() if close else len(sentence)
    return (start, end) if _HEARSAY.search(sentence, start, end) else None


# a figure the sentence restates as another voice's: "the reported numbers of 471 dead",
# "disputed the claimed toll of 500", "the official figure of 40"
_RESTATED = re.compile(
    r"\b(?:the|these|those|its|their)\s+(?:reported|claimed|announced|alleged|official|"
    r"published|stated|given)\s+(?:(?:death|casualty)\s+)?(?:numbers?|figures?|tolls?|"
    r"tally|count)?\s*(?:of\s+)?(?:(?:at least|more than|about|some|nearly)\s+)?$",
    re.I,
)
# a report that reproduces another's text: "The following are excerpts of an assessment by
# the Narnian defence ministry of …", "Following is the text of a statement from X"
_FOLLOWING = re.compile(
    r"\b(?:the\s+)?following\s+(?:are|is)\s+(?:the\s+)?(?:(?:full\s+)?text|excerpts?|extracts?|"
    r"highlights|a\s+summary|key\s+points)\s+(?:of|from)\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:by|from|of|issued\s+by|released\s+by)\s+"
    r"((?:the\s+)?[A-Z][\w\-'’]*(?:\s+(?:of|for|the|and|[A-Z][\w\-'’]*|[a-z]+'s|[a-z]+’s)){0,8}?)"
    r"(?=\s+of\s+(?:an?|the|its|their)\s+[a-z]|\s+(?:on|about|in|into|over|at)\s|[,.;:]|\s*$)",
)
_ARTICLE_WORD = re.compile(r"^(?:the|an?|this|that)\s+")
_JOINED = re.compile(r"^\s*(?:[a-z]+\s*)?(?:,|and|,\s*and)\s*$")
# an attribution that credits a source with figures: "the casualty figures provided by X"
_CREDITS = re.compile(
    r"(?:(?:casualty|death)\s+)?(?:figures|numbers|data|statistics|a toll|the toll|a tally)\b",
    re.I,
)


def _named_later(
    drafts: list[_Draft], registry: ClaimantRegistry, outlet: Claimant, country: str | None
) -> None:
    """Voices the whole document names better than the sentence did: a role described before
    its person is named ("the regional police chief said" … "NAME, the head of the regional
    police") is that person; a document named alone ("Investigation suggests 600 died") is the
    author it is named with elsewhere ("an Associated Press investigation")."""
    for d in drafts:
        name = d.claimant.name
        if not name:
            continue
        if d.attributed and name == name.lower():
            person = registry.person_described(name)
            if person is not None:
                said = Claimant(person.name, d.claimant.text, person.kind)
                d.claimant = as_actor(said, outlet, country=country)
                continue
        author = registry.authored.get(_ARTICLE_WORD.sub("", name.lower()))
        if author is not None and name != author.name:
            d.claimant = Claimant(author.name, d.claimant.text, author.kind)


#: How many sentences back a figure whose sentence names no place looks for one.
_PLACE_REACH = 2


def _carry_places(drafts: list[_Draft]) -> None:
    """A figure whose sentence names no place is where the figures just before it are ("the
    toll in the town rose to 52. In total, 98 were taken to hospital, he said"), not the
    report's main place, which a stray headline may name: the place of the last figure that
    named one, at most :data:`_PLACE_REACH` sentences back."""
    last: _Draft | None = None
    for d in drafts:
        if d.place is not None:
            last = d
        elif last is not None and d.sentence_index - last.sentence_index <= _PLACE_REACH:
            d.place = last.place


def _previous_total(drafts: list[_Draft], part: _Draft) -> _Draft | None:
    for d in reversed(drafts):
        if part.sentence_index - d.sentence_index > 3:
            return None
        if (
            d.part_of is None
            and d.figure.outcome == part.figure.outcome
            and (d.figure.count.high is None or d.figure.count.low > part.figure.count.low)
        ):
            return d
    return None


def _hedge_back(drafts: list[_Draft], index: int, labels: tuple[str, ...]) -> None:
    recent = [d for d in drafts if index - d.sentence_index <= _DOCUMENT_HEDGE_REACH]
    attributed = [d for d in recent if d.attributed]
    if not attributed:
        return
    voice = attributed[-1].claimant.name
    for d in attributed:
        if d.claimant.name == voice:
            for label in labels:
                if label not in d.hedges:
                    d.hedges.append(label)


def _claim(
    d: _Draft,
    source: ExtractionInput,
    extractor: str,
    reported_by: str | None,
    main_place: Place | None,
    event_period: Period | None,
) -> Claim:
    fig = d.figure
    vp = fig.victims
    sentence = source.text[d.sent_start : d.sent_end]
    group = vp.group
    if (
        _OWN_RANKS.search(vp.text)
        and d.claimant.kind in _RANKS_GROUP
        and group in ("people", "civilians")
    ):
        group = _RANKS_GROUP[d.claimant.kind]  # "their members", said by security sources
    return Claim(
        id=d.id,
        document_id=source.document_id,
        outcome=fig.outcome or "killed",
        count=fig.count,
        victims=Victims(group, vp.text, vp.side),
        claimant=d.claimant,
        evidence=Evidence(
            sentence,
            d.sent_start,
            d.sent_end,
            (d.sent_start + fig.mention.start, d.sent_start + fig.mention.end),
            (d.sent_start + fig.trigger.start, d.sent_start + fig.trigger.end)
            if fig.trigger
            else None,
        ),
        extractor=extractor,
        reported_by=reported_by,
        hedges=tuple(d.hedges),
        place=_specific(d.place, main_place),
        period=d.period or event_period,
        said_on=d.said_on,
        earlier=d.earlier,
        part_of=d.part_of,
        cumulative=fig.cumulative,
    )


_AREAS = frozenset({"country", "admin1", "district"})
_SETTLEMENTS = frozenset({"city", "neighbourhood", "point"})


def _specific(place: Place | None, main_place: Place | None) -> Place | None:
    """The sentence's place, unless it only names an area that holds the main place: the
    main place's country, or its first-level area or a district of it ("fighting in Borno
    state" in a report whose main place is a town in Borno)."""
    if place is None:
        return main_place
    if (
        main_place is not None
        and place.precision in _AREAS
        and main_place.country == place.country
        and (
            place.precision == "country"
            or (
                main_place.precision in _SETTLEMENTS
                and main_place.admin1 is not None
                and main_place.admin1 == place.admin1
            )
        )
    ):
        return main_place
    return place


def _claim_id(document_id: str, extractor: str, offset: int, outcome: str) -> str:
    raw = f"{document_id}|{extractor}|{offset}|{outcome}".encode()
    return hashlib.sha1(raw).hexdigest()[:24]


# Each agency's marks: "(Reuters)" in a report's head, "- Reuters" or a last word in its tail.
_AGENCY_MARKS = tuple((f"({n})", f"- {n}", f"– {n}", n, name) for n, name in AGENCIES)


def _agency(text: str) -> str | None:
    head, tail = text[:200].lower(), text[-80:].lower()
    end = tail.rstrip()
    for paren, dash, en_dash, needle, name in _AGENCY_MARKS:
        if paren in head or dash in tail or en_dash in tail or end.endswith(needle):
            return name
    return None
