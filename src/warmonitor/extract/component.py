"""The spaCy pipeline component: ``nlp.add_pipe("warmonitor_casualties")``.

Reads ``doc._.published`` / ``doc._.publisher`` / ``doc._.document_id`` when the caller set them,
uses sentence boundaries (any of parser, senter or sentencizer; blank lines always split) and
entities when the pipeline has them, and writes:

- ``doc._.casualty_claims``: the :class:`~warmonitor.model.Claim`s of the document;
- ``doc._.casualty_context``: the :class:`~warmonitor.extract.claims.Extraction` (claims, the
  report's main place and first event period);
- ``doc.spans["casualty_figures"]``: one span per figure, labelled with its outcome.

It never touches ``doc.ents``. Example::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("warmonitor_casualties")
    doc = nlp("Five people were killed in Kano on Tuesday, police said.")
    doc._.casualty_claims[0].count.low  # 5
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from spacy.attrs import IDX, LENGTH, NORM, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from warmonitor import EXTRACTOR_VERSION
from warmonitor.extract.claims import Extraction, ExtractionInput, extract_claims
from warmonitor.extract.places import UNDATED, PlaceIndex, names_in, reads_label
from warmonitor.extract.prefilter import AFTER, model_windows
from warmonitor.gazetteer import PlaceMention
from warmonitor.model import document_id_for

__all__ = [
    "CasualtyExtractor",
    "extract_without_event",
    "make_casualty_extractor",
    "sentence_spans",
]

for _name, _default in (
    ("published", None),
    ("publisher", None),
    ("document_id", None),
    ("casualty_claims", None),
    ("casualty_context", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")


class CasualtyExtractor:
    """Finds every casualty claim of a document; results on ``doc._.casualty_claims``."""

    def __init__(
        self, nlp: Language, name: str, *, spans_key: str = "casualty_figures", geocode: bool = True
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.geocode = geocode

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(
        self,
        doc: Doc,
        *,
        text: str | None = None,
        entities: Sequence[tuple[int, int, str]] | None = None,
        names: Sequence[PlaceMention] | None = None,
        event: bool = True,
    ) -> Extraction:
        """The claims of ``doc`` and its main place and period (no annotation written).

        ``text`` stands for ``doc.text``, ``entities`` (start, end, label) for ``doc.ents``,
        ``names`` for the gazetteer's scan of the text, where the caller has them; ``event``
        false leaves the report's event out."""
        text = doc.text if text is None else text
        if entities is None:
            entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        source = ExtractionInput(
            text=text,
            sentences=sentence_spans(doc, text),
            document_id=doc._.document_id or document_id_for(text),
            published=doc._.published,
            publisher=doc._.publisher,
            entities=entities,
        )
        places = (
            PlaceIndex.build(text, entities, sentences=source.sentences, names=names)
            if self.geocode
            else None
        )
        return extract_claims(source, places=places, extractor=EXTRACTOR_VERSION, event=event)

    def set_annotations(self, doc: Doc, extraction: Extraction) -> None:
        claims = extraction.claims
        doc._.casualty_claims = claims
        doc._.casualty_context = extraction
        spans = []
        for claim in claims:
            start = claim.evidence.start + claim.evidence.sentence.find(claim.count.text)
            span = doc.char_span(
                start, start + len(claim.count.text), label=claim.outcome, alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans


def extract_without_event(
    nlp: Language, docs: Sequence[Doc], texts: Sequence[str] | None = None, batch_size: int = 64
) -> list[Extraction]:
    """Each doc's extraction, its event left out, with the model read only where a place can
    be (``extract.prefilter``): the windows around the gazetteer's names whose labels are
    read, all docs' windows parsed in batches. ``docs`` have been through the pipes before
    ``ner`` (tokens, sentences) and no further; ``texts`` are their texts where the caller has
    them."""
    extractor = nlp.get_pipe("warmonitor_casualties")
    assert isinstance(extractor, CasualtyExtractor)
    ner: Any = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
    texts = list(texts) if texts is not None else [doc.text for doc in docs]
    vocab = nlp.vocab
    names = [names_in(text) if extractor.geocode else [] for text in texts]
    pieces: list[tuple[int, int]] = []  # (doc, first character) of each window
    windows: list[Doc] = []
    uncut: list[tuple[Any, int, int]] = []  # each window's document array and uncut span
    if ner is not None:
        for k, (doc, text, found) in enumerate(zip(docs, texts, names, strict=True)):
            spans = [(m.start, m.end) for m in found if reads_label(m, text)]
            if not spans:
                continue
            array = doc.to_array(_WINDOW_ATTRS)
            starts = array[:, 0].tolist()
            whole = model_windows(starts, spans)
            for (a, b), (_, end) in zip(
                model_windows(starts, spans, after=AFTER), whole, strict=True
            ):
                pieces.append((k, starts[a]))
                windows.append(_window(doc.vocab, text, array[a:b]))
                uncut.append((array, a, end))
    entities: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    if ner is not None:
        parsed = list(ner.pipe(windows, batch_size=batch_size))
        again = [
            i
            for i, (window, (array, a, end)) in enumerate(zip(parsed, uncut, strict=True))
            if a + len(window) < end and _runs_past(window, pieces[i][1], names[pieces[i][0]])
        ]
        if again:  # read whole: where a date over a name ends may be past the cut
            rows = [(texts[pieces[i][0]], uncut[i]) for i in again]
            whole_windows = [_window(vocab, text, array[a:end]) for text, (array, a, end) in rows]
            redone = ner.pipe(whole_windows, batch_size=batch_size)
            for i, window in zip(again, redone, strict=True):
                parsed[i] = window
        for (k, offset), window in zip(pieces, parsed, strict=True):
            entities[k].extend(
                (offset + e.start_char, offset + e.end_char, e.label_) for e in window.ents
            )
    return [
        extractor.match(doc, text=text, entities=found_entities, names=found, event=False)
        for doc, text, found_entities, found in zip(docs, texts, entities, names, strict=True)
    ]


def _runs_past(window: Doc, offset: int, found: Sequence[PlaceMention]) -> bool:
    """Whether a date or time over a name (``found``) goes on past it: where such an entity
    ends is read (``places``: does it hold a digit), and past a name a cut window may end it
    elsewhere than the whole one."""
    for e in window.ents:
        if e.label_ not in UNDATED:
            continue
        a, b = offset + e.start_char, offset + e.end_char
        if any(m.start < b and a < m.end and b > m.end for m in found):
            return True
    return False


# What a window copies of its document's tokens: offset, length and trailing space (its words),
# and what the model reads beyond the words themselves: norms (a tokenizer exception's) and
# sentence starts.
_WINDOW_ATTRS = [IDX, LENGTH, SPACY, NORM, SENT_START]


def _window(vocab: Any, text: str, rows: Any) -> Doc:
    """A document of the tokens of ``rows`` (``_WINDOW_ATTRS`` of consecutive tokens)."""
    words = [text[i : i + n] for i, n in rows[:, :2].tolist()]
    window = Doc(vocab, words=words, spaces=[bool(x) for x in rows[:, 2].tolist()])
    window.from_array([NORM, SENT_START], rows[:, 3:])
    return window


def sentence_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Sentence character spans: the pipeline's sentences, also split at line breaks
    (``text``: ``doc.text``, where the caller has it)."""
    text = doc.text if text is None else text
    if doc.has_annotation("SENT_START"):
        coarse = [(s.start_char, s.end_char) for s in doc.sents]
    else:  # no sentence boundaries in this pipeline: split after . ! ? before a capital
        cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
        coarse = list(itertools.pairwise(cuts))
    out: list[tuple[int, int]] = []
    for a, b in coarse:
        start = a
        for m in _line_breaks(text[a:b]):
            piece_end = a + m
            if text[start:piece_end].strip():
                out.append(_trim(text, start, piece_end))
            start = piece_end
        if text[start:b].strip():
            out.append(_trim(text, start, b))
    return out


def _line_breaks(chunk: str) -> list[int]:
    """Offsets in ``chunk`` where a line break ends a sentence or a heading."""
    cuts: list[int] = []
    pos = 0
    for line in chunk.split("\n")[:-1]:
        pos += len(line) + 1
        stripped = line.strip()
        nxt = chunk[pos : pos + 1]
        if not stripped or stripped[-1] in '.!?:"”]' or len(stripped) < 40 or nxt == "\n":
            cuts.append(pos)
    return cuts


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@Language.factory(
    "warmonitor_casualties",
    assigns=["doc._.casualty_claims", "doc.spans"],
    default_config={"spans_key": "casualty_figures", "geocode": True},
)
def make_casualty_extractor(
    nlp: Language, name: str, spans_key: str, geocode: bool
) -> CasualtyExtractor:
    """spaCy factory of :class:`CasualtyExtractor`."""
    return CasualtyExtractor(nlp, name, spans_key=spans_key, geocode=geocode)
