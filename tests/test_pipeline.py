"""The verbs of ``pipeline``: long documents in segments, failures that never stop a batch,
progress by document, extraction on worker processes, corrected metadata. Texts are our own."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

import warmonitor.pipeline as pipeline
from warmonitor.extract.component import CasualtyExtractor
from warmonitor.extract.segments import segment_spans, shift_claims
from warmonitor.model import Document
from warmonitor.pipeline import correct_document, extract_document, ingest_paths, predict_file
from warmonitor.store import ClaimChanges, Store

PARAGRAPH = (
    "Paragraph {i}. Gunmen killed {killed} villagers near the old ford on Tuesday, the district "
    "commissioner said. Another {hurt} people were wounded and taken to the mission hospital."
)


def long_text(paragraphs: int) -> str:
    return "\n\n".join(
        PARAGRAPH.format(i=i, killed=i % 40 + 2, hurt=i % 6 + 1) for i in range(paragraphs)
    )


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store.open(f"sqlite:///{tmp_path / '.db' / 'store.db'}") as opened:  # hidden: not read
        yield opened


# --- segments -----------------------------------------------------------------------------------


def test_segments_cover_the_text_and_cut_at_paragraphs() -> None:
    text = long_text(40)
    spans = segment_spans(text, 1_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(
        a == previous_end for (a, _), (_, previous_end) in zip(spans[1:], spans, strict=False)
    )
    assert all(0 < b - a <= 1_000 for a, b in spans)
    assert all(text[a:].startswith("Paragraph ") for a, _ in spans)  # cut at a paragraph
    assert segment_spans("Short.", 1_000) == [(0, 6)]


def test_segments_fall_back_to_sentences_then_a_hard_cut() -> None:
    one_paragraph = " ".join(f"Sentence {i} is here." for i in range(200))
    spans = segment_spans(one_paragraph, 500)
    assert all(one_paragraph[:b].rstrip().endswith(".") for _, b in spans[:-1])
    no_space = "x" * 1_050
    assert segment_spans(no_space, 500) == [(0, 500), (500, 1000), (1000, 1050)]


def test_a_long_document_is_read_in_segments_as_if_whole(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document(long_text(30), publisher="Ford Wire")
    whole = extract_document(document, nlp)
    monkeypatch.setattr(pipeline, "SEGMENT_CHARS", 1_500)
    assert len(segment_spans(document.text, 1_500)) > 3
    pieces = extract_document(document, nlp)
    # the same claims, ids from whole-document offsets, evidence in the document's coordinates
    assert pieces == whole
    for claim in pieces:
        evidence = claim.evidence
        assert document.text[evidence.start : evidence.end] == evidence.sentence
        assert evidence.figure is not None and evidence.trigger is not None
        assert document.text[slice(*evidence.trigger)] in ("killed", "wounded")


def test_shift_claims_keeps_part_of_pointing_at_the_total(nlp: Language) -> None:
    text = "Nine people were killed, four of them children, the mayor said."
    claims = extract_document(Document(text), nlp)
    total, part = claims[0], next(c for c in claims if c.part_of)
    moved = shift_claims(claims, 1_000)
    assert moved[0].evidence.start == total.evidence.start + 1_000
    assert moved[0].id != total.id
    assert next(c for c in moved if c.part_of).part_of == moved[0].id
    assert part.part_of == total.id


def test_a_text_over_spacys_max_length_is_ingested_with_the_files_after_it(
    nlp: Language, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small max_length stands for spaCy's 1,000,000: the 20 MB limit of a file is far above it.
    monkeypatch.setattr(nlp, "max_length", 5_000)
    monkeypatch.setattr(pipeline, "SEGMENT_CHARS", 2_000)
    (tmp_path / "a-long.txt").write_text(long_text(60), encoding="utf-8")
    (tmp_path / "b-short.txt").write_text("Two guards were killed at the gate.", encoding="utf-8")
    report = ingest_paths([tmp_path], store, nlp=nlp)
    assert report.failures == []
    assert report.documents_new == 2
    assert report.claims_added == 121  # 60 × (killed, wounded) + the guards


# --- failures never stop a batch ---------------------------------------------------------------


@pytest.fixture
def exploding(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor raises on any text with "EXPLODE" in it, as a bug would."""
    extract = CasualtyExtractor.extract  # every extraction, of a whole doc or not, ends here

    def fragile(self: CasualtyExtractor, source: Any, **options: Any) -> Any:
        if "EXPLODE" in source.text:
            raise RuntimeError("the extractor broke")
        return extract(self, source, **options)

    monkeypatch.setattr(CasualtyExtractor, "extract", fragile)


@pytest.mark.usefixtures("exploding")
def test_a_document_that_breaks_the_extractor_is_a_failure_and_the_rest_go_on(
    nlp: Language, store: Store, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("Three soldiers were killed.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("EXPLODE: five were killed.", encoding="utf-8")
    records = [
        {"id": "r1", "text": "Six fishermen are missing."},
        {"id": "r2", "text": "EXPLODE four were hurt."},
        {"id": "r3", "text": "Eight people were detained."},
    ]
    (tmp_path / "c.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    report = ingest_paths([tmp_path], store, nlp=nlp)
    assert [(f.source, f.reason) for f in report.failures] == [
        (str(tmp_path / "b.txt"), "could not extract claims (RuntimeError: the extractor broke)"),
        (
            f"{tmp_path / 'c.jsonl'} (record r2)",
            "could not extract claims (RuntimeError: the extractor broke)",
        ),
    ]
    assert report.documents_new == 3
    assert sorted(c.outcome for c in store.claims()) == ["detained", "killed", "missing"]


@pytest.mark.usefixtures("exploding")
def test_predict_file_reports_a_broken_record_and_writes_the_others(tmp_path: Path) -> None:
    records = [
        {"id": "r1", "text": "Six fishermen are missing."},
        {"id": "r2", "text": "EXPLODE four were hurt."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    written, failures = predict_file(source, tmp_path / "out.jsonl", workers=1)
    assert written == 1
    assert [f.source for f in failures] == [f"{source} (record r2)"]
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["r1"]


# --- progress by document, extraction on worker processes --------------------------------------


def _records(n: int) -> str:
    return "".join(
        json.dumps(
            {"id": f"r{i}", "text": f"Militants killed {i + 2} herders near Kuri on day {i}."}
        )
        + "\n"
        for i in range(n)
    )


def test_progress_counts_documents_not_files(nlp: Language, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(_records(40), encoding="utf-8")
    found: list[int] = []
    done: list[int] = []
    ingest_paths([path], store, nlp=nlp, found=found.append, progress=done.append)
    assert found == [40]
    assert sum(done) == 40 and len(done) == 40  # one step per document
    done.clear()
    ingest_paths([path], store, nlp=nlp, found=found.append, progress=done.append)
    assert sum(done) == 40  # already stored: done at once


def test_ingest_extracts_on_worker_processes_and_stores_in_order(
    nlp: Language, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(_records(40), encoding="utf-8")
    report = ingest_paths([path], store, workers=2)  # 3 chunks: the 2nd and 3rd on a pool
    assert (report.documents_new, report.failures) == (40, [])
    stored = [d.document.source for d in store.documents()]
    assert stored == [f"r{i}" for i in range(40)]  # one transaction each, in reading order
    by_process = [c for d in store.documents() for c in extract_document(d.document, nlp)]
    assert store.claims() == by_process


# --- the headline of an HTML page --------------------------------------------------------------


def test_an_html_headline_repeating_the_lead_is_not_a_second_claim(
    nlp: Language, store: Store, tmp_path: Path
) -> None:
    page = """<html><head><title>Eleven killed and twenty wounded as rockets hit Palmgate
    fuel depot</title></head><body><article>
    <h1>Eleven killed and twenty wounded as rockets hit Palmgate fuel depot</h1>
    <p>Eleven people were killed when rockets struck the fuel depot in Palmgate on Thursday
    night, the fire brigade said. Twenty more were wounded.</p></article></body></html>"""
    (tmp_path / "depot.html").write_text(page, encoding="utf-8")
    ingest_paths([tmp_path], store, nlp=nlp)
    figures = sorted((c.outcome, c.count.low) for c in store.claims())
    assert figures == [("injured", 20), ("killed", 11)]


def test_headline_counts_a_figure_in_title_line_and_lead_once(tmp_path: Path) -> None:
    text = (
        "Eleven killed and twenty wounded as rockets hit Palmgate fuel depot\n"
        "Eleven people were killed when rockets struck the fuel depot in Palmgate on Thursday "
        "night, the fire brigade said. Twenty more were wounded."
    )
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "p", "text": text}) + "\n", encoding="utf-8")
    predict_file(source, tmp_path / "out.jsonl", workers=1)
    prediction = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert (prediction["killed"], prediction["injured"]) == (11, 20)


# --- corrected metadata ------------------------------------------------------------------------


def test_a_corrected_date_reextracts_the_claims_with_the_same_ids(
    nlp: Language, store: Store, tmp_path: Path
) -> None:
    (tmp_path / "note.txt").write_text(
        "Nine people were killed in a raid on Sunday, the police said.", encoding="utf-8"
    )
    ingest_paths([tmp_path], store, nlp=nlp)
    (before,) = store.claims()
    assert before.period is None or before.period.start is None  # no date to resolve against
    review = store.add_review(before.id, "accept", reviewer="ana")

    document, changes = correct_document(
        store, before.document_id, published=date(2024, 6, 11), publisher="Hill Radio", nlp=nlp
    )
    assert changes == ClaimChanges(rewritten=1)
    assert (document.published, document.publisher) == (date(2024, 6, 11), "Hill Radio")
    assert store.document(before.document_id) == document
    (after,) = store.claims()
    assert after.id == before.id
    assert after.period is not None and after.period.start == date(2024, 6, 9)  # that Sunday
    assert after.reported_by == "Hill Radio"
    assert store.reviews(after.id) == [review]
    event = store.report_events()[before.document_id]  # the report's event follows too
    assert (event.published, event.day) == (date(2024, 6, 11), date(2024, 6, 9))


def test_correcting_needs_something_to_correct(store: Store) -> None:
    from warmonitor.errors import ConfigurationError, NotFoundError

    with pytest.raises(ConfigurationError):
        correct_document(store, "0" * 32)
    with pytest.raises(NotFoundError):
        correct_document(store, "0" * 32, publisher="X")


def test_the_pipeline_tokenizes_with_the_models_own_rules(nlp: Language) -> None:
    from warmonitor.pipeline import _UNUSED_PIPES, MODEL_NAMES

    for name in MODEL_NAMES:  # the model as spaCy loads it, with the language's tokenizer first
        try:
            plain = spacy.load(name, exclude=list(_UNUSED_PIPES))
        except OSError:
            continue
        break
    ours: Any = nlp.tokenizer
    theirs: Any = plain.tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
    text = "U.S. troops didn't fire at 3.30 p.m., officials said (e.g. Mr. Smith's unit)."
    assert [(t.text, t.norm_) for t in ours(text)] == [(t.text, t.norm_) for t in theirs(text)]


def _worker_state() -> tuple[int, int]:
    import gc

    return gc.get_freeze_count(), pipeline.load_nlp.cache_info().currsize


def _fresh_worker_start() -> None:
    pipeline.load_nlp.cache_clear()  # nothing inherited from this process: the start loads it
    pipeline._start_worker()


def test_a_prediction_worker_starts_with_the_pipeline_set_apart_from_the_collector() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, initializer=_fresh_worker_start) as pool:
        frozen, loaded = pool.submit(_worker_state).result()
    assert loaded == 1  # the pipeline, loaded before the first chunk
    assert frozen > 100_000  # the model's objects and everything else loaded by then
