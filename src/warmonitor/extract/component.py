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

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from spacy.attrs import IDX, LENGTH, NORM, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from warmonitor import EXTRACTOR_VERSION
from warmonitor.extract.claims import Extraction, ExtractionInput, extract_claims
from warmonitor.extract.places import UNDATED, PlaceIndex, names_in, reads_label
from warmonitor.extract.prefilter import AFTER, REACH, model_windows
from warmonitor.extract.sentences import SentenceReader, chunk_bounds
from warmonitor.gazetteer import PlaceMention
from warmonitor.model import Document, document_id_for

__all__ = [
    "CasualtyExtractor",
    "extract_without_event",
    "make_casualty_extractor",
    "sentence_spans",
    "split_lines",
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
        self.reader: SentenceReader | None = None  # see ``extract_without_event``

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
        return self.extract(source, names=names, event=event)

    def extract(
        self,
        source: ExtractionInput,
        *,
        names: Sequence[PlaceMention] | None = None,
        event: bool = True,
    ) -> Extraction:
        """The claims of a text read already (its sentences and entities: ``source``), and its
        main place and period; ``names`` and ``event`` as for :meth:`match`."""
        places = (
            PlaceIndex.build(source.text, source.entities, sentences=source.sentences, names=names)
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
    nlp: Language, documents: Sequence[Document], batch_size: int = 64
) -> list[Extraction]:
    """Each document's extraction, its event left out, with the model read only where a place
    can be (``extract.prefilter``): the windows around the gazetteer's names whose labels are
    read, all documents' windows parsed in batches.

    A pipeline whose only pipe before ``ner`` is the sentencizer never tokenizes a whole text:
    its sentences are read as the sentencizer would draw them and only the stretches of text
    around the windows are tokenized (``extract.sentences``); any other pipeline runs its
    pipes before ``ner`` on whole documents."""
    extractor = nlp.get_pipe("warmonitor_casualties")
    assert isinstance(extractor, CasualtyExtractor)
    ner: Any = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
    texts = [document.text for document in documents]
    reader = _sentence_reader(nlp, extractor)
    if reader is None:  # whole documents through the pipes before the model
        later = [name for name in _LATER_PIPES if name in nlp.pipe_names]
        made = (nlp.make_doc(text) for text in texts)
        docs = list(nlp.pipe(made, batch_size=batch_size, disable=later))
        coarse = [_doc_sentences(doc) for doc in docs]
    else:
        docs = []
        coarse = [reader.spans(text) for text in texts]
    vocab = nlp.vocab
    names = [names_in(text) if extractor.geocode else [] for text in texts]
    pieces: list[tuple[int, int]] = []  # (document, first character) of each window
    windows: list[Doc] = []
    uncut: list[tuple[Any, int, int]] = []  # each window's rows and uncut span
    if ner is not None:
        for k, (text, found) in enumerate(zip(texts, names, strict=True)):
            spans = [(m.start, m.end) for m in found if reads_label(m, text)]
            if not spans:
                continue
            if reader is None:
                stretches = [(docs[k].to_array(_WINDOW_ATTRS), spans)]
            else:
                stretches = _stretches(nlp.tokenizer, text, spans, coarse[k])
            for array, inside in stretches:
                starts = array[:, 0].tolist()
                whole = model_windows(starts, inside)
                for (a, b), (_, end) in zip(
                    model_windows(starts, inside, after=AFTER), whole, strict=True
                ):
                    pieces.append((k, starts[a]))
                    windows.append(_window(vocab, text, array[a:b]))
                    uncut.append((array, a, end))
    entities: list[list[tuple[int, int, str]]] = [[] for _ in texts]
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
        extractor.extract(
            ExtractionInput(
                text=text,
                sentences=split_lines(text, sentences),
                document_id=document.id or document_id_for(text),
                published=document.published,
                publisher=document.publisher,
                entities=found_entities,
            ),
            names=found,
            event=False,
        )
        for document, text, sentences, found_entities, found in zip(
            documents, texts, coarse, entities, names, strict=True
        )
    ]


# The pipes an extraction without event runs on whole documents, where it does: ``ner`` reads
# windows only.
_LATER_PIPES = ("ner", "warmonitor_casualties")


def _sentence_reader(nlp: Language, extractor: CasualtyExtractor) -> SentenceReader | None:
    """The reader of the sentences of ``nlp``'s sentencizer, when that is the only pipe before
    the model (else ``None``: the pipes run)."""
    earlier = [name for name in nlp.pipe_names if name not in _LATER_PIPES]
    if earlier != ["sentencizer"]:
        return None
    sentencizer: Any = nlp.get_pipe("sentencizer")
    # the pipeline's extractor keeps its reader (and the chunks' tokens from text to text)
    reader = extractor.reader
    if (
        reader is None
        or reader.tokenizer is not nlp.tokenizer
        or reader.punct_chars != frozenset(sentencizer.punct_chars)
    ):
        reader = extractor.reader = SentenceReader(nlp.tokenizer, sentencizer.punct_chars)
    return reader


def _stretches(
    tokenizer: Any, text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]]
) -> list[tuple[Any, list[tuple[int, int]]]]:
    """The stretches of ``text`` the windows around names (``spans``) lie in, each with its
    tokens' ``_WINDOW_ATTRS`` (offsets in the text) and the names in it.

    A stretch reaches :data:`_STRETCH_CHUNKS` chunks either side of its names (a chunk holds a
    token or more), so a window, which reaches ``REACH`` tokens, lies inside it; stretches
    closer than that are one, so that windows of two stretches could never have touched. Its
    tokens are those of the whole text there: the tokenizer splits each chunk on its own."""
    firsts, lasts = chunk_bounds(text)
    count = len(firsts)
    reach = []
    for start, end in spans:
        first = max(bisect.bisect_right(firsts, start) - 1, 0)
        last = max(bisect.bisect_left(firsts, end) - 1, first)
        reach.append((max(first - _STRETCH_CHUNKS, 0), min(last + _STRETCH_CHUNKS, count - 1)))
    order = sorted(range(len(spans)), key=lambda i: reach[i])
    groups: list[list[int]] = []  # (first chunk, last chunk, names...) of each stretch
    for i in order:
        a, b = reach[i]
        if groups and a <= groups[-1][1] + 1:
            groups[-1][1] = max(groups[-1][1], b)
            groups[-1].append(i)
        else:
            groups.append([a, b, i])
    starts = np.array([a for a, _ in sentences], dtype=np.uint64)
    out = []
    for a, b, *inside in groups:
        begin = firsts[a] if a > 0 else 0  # white space before the first chunk is a token
        finish = lasts[b] if b < count - 1 else len(text)
        array = tokenizer(text[begin:finish]).to_array(_WINDOW_ATTRS)
        array[:, 0] += begin
        if finish < len(text) and text[finish] == " ":  # the space is the last token's
            array[-1, 2] = 1
        array[:, 4] = np.where(np.isin(array[:, 0], starts), 1, _NOT_START)
        out.append((array, sorted(spans[i] for i in inside)))
    return out


# Chunks either side of a name that a stretch holds: more than ``REACH`` tokens, so that two
# names in different stretches are more than two reaches apart.
_STRETCH_CHUNKS = REACH + 1
# ``SENT_START`` of a token that starts no sentence, as ``Doc.to_array`` writes it
_NOT_START = np.uint64(2**64 - 1)


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
    return split_lines(text, _doc_sentences(doc, text))


def _doc_sentences(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """The pipeline's sentences of ``doc``; without sentence boundaries, the text split after
    . ! ? before a capital."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    text = doc.text if text is None else text
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    return list(itertools.pairwise(cuts))


def split_lines(text: str, coarse: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences (``coarse``) also split at line breaks that end a sentence or a heading, each
    trimmed of white space; empty ones left out."""
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
