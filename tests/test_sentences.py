"""Sentences read without tokenizing the whole text, held to spaCy's tokenizer and sentencizer
on awkward texts of our own; and the stretches around names, held to the whole text's tokens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from warmonitor.extract.component import _WINDOW_ATTRS, _sentence_reader, _stretches
from warmonitor.extract.sentences import SentenceReader, chunk_bounds


def _spacy_sentences(nlp: Language, text: str) -> list[tuple[int, int]]:
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    return [(s.start_char, s.end_char) for s in doc.sents]


@pytest.fixture(scope="module")
def reader(nlp: Language) -> SentenceReader:
    found = _sentence_reader(nlp, nlp.get_pipe("warmonitor_casualties"))
    assert found is not None  # the extraction pipeline: a sentencizer, the model, the extractor
    return found


TEXTS = [
    "",
    "One sentence without an end",
    "Five were killed. Police said so! Was it true? Nobody knew.",
    "U.S. forces and Mr. Smith arrived at 3.30 p.m. on Jan. 5. Then they left.",
    ' "Seven died." Officials said. (They were farmers.) [Three were children.]',
    "Leading and trailing white space.  Two spaces.\n\nA paragraph.\nA line. \t A tab. ",
    "Dots... and more dots. Ellipsis… then?! Both!? e.g. this. i.e. that.",
    "Full stops in other scripts。 Next one！ Another？ Arabic؟ Hindi। done",
    "A URL http://example.org/a.b?c=d. An email a.b@example.org. Done.",
    "Under_score. __ Then. _x. 12.5% rose.3 more. end.Next sentence.",
    "Quotes “closing.” ‘single.’ «guillemets.» — dash. –en. ",
    "\n\nStarts with blank lines. Ends with one.\n",
    "Odd spaces:\u00a0no-break.\u2009Thin. \u3000Ideographic.\u200bZero width. \x1cSeparator.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_are_the_sentencizers(nlp: Language, reader: SentenceReader, text: str) -> None:
    assert reader.spans(text) == _spacy_sentences(nlp, text)


PIECES = [
    "word", "Word", "said", "U.S.", "Mr.", "p.m.", "3.5", "12", "e.g.", "etc.", ".", "!", "?",
    "?!", "...", "…", '"', "“", "”", "'", "’", "(", ")", "[", "]", "-", "—", "_", "__", "a_b",
    "x.y", "end.Next", "It's", "don't", "http://a.org/b.c", "a@b.org", "。", "！", "؟", "।",
    "٣", "Ünïcode.", "naïve", ":)", "%", "$5", "5km.", "No.", "St.", "Gen.", "Jan.", "A.",
]  # fmt: skip
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", " \n", "\n ", "\u00a0", "\u2009", "\x1c", ""]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), max_size=30),
    st.sampled_from(["", " ", "\n", "  "]),
)
def test_any_text_of_awkward_pieces_has_the_sentencizers_sentences(
    nlp: Language, reader: SentenceReader, pieces: list[tuple[str, str]], lead: str
) -> None:
    text = lead + "".join(word + space for word, space in pieces)
    assert reader.spans(text) == _spacy_sentences(nlp, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\"()_\n\t'’。…-3")), max_size=60))
def test_any_text_of_awkward_characters_has_the_sentencizers_sentences(
    nlp: Language, reader: SentenceReader, text: str
) -> None:
    assert reader.spans(text) == _spacy_sentences(nlp, text)


def test_chunks_are_the_runs_of_non_space() -> None:
    assert chunk_bounds("  ab c\n\nd. ") == ([2, 5, 8], [4, 6, 10])
    assert chunk_bounds("") == ([], [])


def _whole_rows(nlp: Language, text: str) -> dict[int, list[int]]:
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    return {row[0]: row for row in doc.to_array(_WINDOW_ATTRS).tolist()}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), min_size=1, max_size=40),
    st.lists(st.integers(min_value=0, max_value=39), min_size=1, max_size=4),
)
def test_a_stretch_has_the_whole_texts_tokens_there(
    nlp: Language,
    reader: SentenceReader,
    pieces: list[tuple[str, str]],
    picks: list[int],
) -> None:
    text = "".join(word + space for word, space in pieces)
    firsts, lasts = chunk_bounds(text)
    if not firsts:
        return
    names = sorted({(firsts[i % len(firsts)], lasts[i % len(firsts)]) for i in picks})
    whole = _whole_rows(nlp, text)
    stretches = _stretches(nlp.tokenizer, text, names, reader.spans(text))
    assert sorted(n for _, inside in stretches for n in inside) == names
    for array, _inside in stretches:
        for row in array.tolist():
            assert whole[row[0]] == row  # offset, length, space, norm, sentence start


def test_a_pipeline_with_other_pipes_before_the_model_reads_whole_documents() -> None:
    import spacy

    from warmonitor.extract.component import extract_without_event
    from warmonitor.model import Document

    blank = spacy.blank("en")  # no sentencizer: sentences split by the extractor's own rule
    blank.add_pipe("warmonitor_casualties")
    assert _sentence_reader(blank, blank.get_pipe("warmonitor_casualties")) is None
    text = "Gunmen killed five people in Kano on Tuesday. Police said 3 more died later."
    (light,) = extract_without_event(blank, [Document(id="d0", text=text)])
    doc = blank.make_doc(text)
    doc._.document_id = "d0"
    full = blank(doc)._.casualty_context
    assert [c.count.low for c in light.claims] == [5, 3]
    assert light.claims == full.claims
