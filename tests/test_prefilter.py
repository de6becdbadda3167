"""The pre-filter: the model read only around names that may be places, triggers looked for
only where their union finds one, and extraction the same with it as without. Texts are ours."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from warmonitor.extract import hedges, outcomes
from warmonitor.extract.gate import Words
from warmonitor.extract.places import WELL_KNOWN, names_in, reads_label
from warmonitor.extract.prefilter import AFTER, REACH, model_windows, union
from warmonitor.model import Document
from warmonitor.pipeline import _extractions

# --- windows ------------------------------------------------------------------------------------


def test_no_names_no_windows() -> None:
    assert model_windows([0, 4, 9], []) == []
    assert model_windows([], [(0, 3)]) == []


def test_a_window_reaches_either_side_and_stops_at_the_ends() -> None:
    starts = list(range(0, 200, 5))  # forty tokens of four letters and a space
    assert model_windows(starts, [(100, 104)], reach=3) == [(17, 24)]
    assert model_windows(starts, [(0, 4)], reach=3) == [(0, 4)]
    assert model_windows(starts, [(195, 199)], reach=3) == [(36, 40)]


def test_a_name_of_several_tokens_and_a_name_inside_a_token() -> None:
    starts = list(range(0, 200, 5))
    assert model_windows(starts, [(50, 64)], reach=2) == [(8, 15)]  # tokens 10 to 12
    assert model_windows(starts, [(52, 53)], reach=0) == [(10, 11)]


def test_windows_that_overlap_or_touch_are_one() -> None:
    starts = list(range(0, 200, 5))
    assert model_windows(starts, [(100, 104), (60, 64)], reach=2) == [(10, 15), (18, 23)]
    assert model_windows(starts, [(50, 54), (75, 79)], reach=2) == [(8, 18)]  # touch
    assert model_windows(starts, [(50, 54), (70, 74)], reach=2) == [(8, 17)]  # overlap


def test_a_window_ends_after_tokens_past_its_last_name_merged_as_with_its_reach() -> None:
    starts = list(range(0, 200, 5))
    assert model_windows(starts, [(100, 104)], reach=3, after=1) == [(17, 22)]
    assert model_windows(starts, [(195, 199)], reach=3, after=1) == [(36, 40)]  # the end
    # touching at reach 2 (tokens 8-13 and 13-18): one window, cut 1 token after the second
    assert model_windows(starts, [(50, 54), (75, 79)], reach=2, after=1) == [(8, 17)]
    # a cut never reaches further than the reach
    assert model_windows(starts, [(100, 104)], reach=2, after=5) == [(18, 23)]


# --- which sentences need the model -------------------------------------------------------------


def _covered(text: str, nlp: Language) -> set[int]:
    """The character offsets of the tokens the model reads."""
    doc = nlp.make_doc(text)
    starts = [t.idx for t in doc]
    names = [(m.start, m.end) for m in names_in(text) if reads_label(m, text)]
    return {doc[i].idx for a, b in model_windows(starts, names) for i in range(a, b)}


def test_a_sentence_far_from_any_place_name_is_not_read_by_the_model(nlp: Language) -> None:
    far = (
        "The statement was read out by a spokesman who would not take questions from the "
        "crowd of reporters waiting at the gate for more than an hour that afternoon."
    )
    text = f"Seven people were killed when gunmen attacked Rutshuru on Tuesday. {far}"
    covered = _covered(text, nlp)
    start = text.index(far)
    assert any(i < start for i in covered)  # Rutshuru and its window
    late = text.index("waiting")
    assert not any(i >= late for i in covered)


def test_a_report_without_place_names_needs_no_model(nlp: Language) -> None:
    text = "Dozens were wounded when the roof fell in, and three of them died later, he said."
    assert names_in(text) == []
    assert _covered(text, nlp) == set()


def test_every_name_whose_label_is_read_is_inside_a_window(nlp: Language) -> None:
    text = (
        "Fighting spread from Bama to Rutshuru on Sunday. Officials said Gwoza was calm. "
        "Konduga mourned 12 civilians, and a convoy leaving Damboa was hit."
    )
    names = [m for m in names_in(text) if reads_label(m, text)]
    assert {m.text for m in names} >= {"Bama", "Rutshuru", "Gwoza", "Konduga", "Damboa"}
    covered = _covered(text, nlp)
    for m in names:
        assert m.start in covered


def _read(text: str) -> dict[str, bool]:
    return {m.text: reads_label(m, text) for m in names_in(text)}


def test_the_label_of_a_well_known_place_or_a_demonym_is_not_read() -> None:
    read = _read("Syrian troops and Nigeria's army met in Kabul, Aleppo and Maiduguri.")
    assert read == {
        "Syrian": False,  # a demonym
        "Nigeria": False,  # a country
        "Kabul": False,  # a capital
        "Aleppo": False,  # a regional seat of millions
        "Maiduguri": False,
    }


def test_the_label_of_a_small_place_spelt_like_a_name_is_read() -> None:
    read = _read("Musa Hilal met the elders of Bama.")
    assert read["Musa"] and read["Bama"]
    for m in names_in("Musa Hilal met the elders of Bama."):
        assert all(entry.importance < WELL_KNOWN for entry in m.candidates)


def test_the_label_of_a_name_the_text_calls_a_place_is_not_read() -> None:
    assert _read("Gunmen attacked Bama.") == {"Bama": True}
    assert _read("Gunmen attacked Bama town.") == {"Bama": False}
    assert _read("Gunmen attacked Gwoza district.") == {"Gwoza": False}
    assert _read("Gunmen attacked the town of Bama.") == {"Bama": False}


def test_the_label_of_a_name_the_text_puts_something_in_is_not_read() -> None:
    assert _read("Seven people were killed in Bama.") == {"Bama": False}
    assert _read("Bama said seven people were killed.") == {"Bama": True}


def test_a_report_naming_only_well_known_places_needs_no_model(nlp: Language) -> None:
    text = "Nigerian soldiers killed 12 insurgents near Maiduguri, the army said in Abuja."
    assert names_in(text)
    assert _covered(text, nlp) == set()


# --- triggers -----------------------------------------------------------------------------------

SENTENCES = [
    "Five people were killed in the attack.",
    "The army said it had shot dead two gunmen near the bridge.",
    "Nobody was hurt, the mayor said.",
    "The meeting ended late on Tuesday without a statement.",
    "Rebels beat a suspected informer to death in the square.",
    "Hundreds were displaced by the floods and dozens were arrested.",
    "The death toll rose to 52, officials said.",
    "He was sentenced to death in absentia.",
    "Talks resumed in the capital after a pause of two weeks.",
    "Gunmen abducted four aid workers and later released one of them.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_union_gate_finds_what_every_pattern_finds(sentence: str) -> None:
    assert outcomes._find(sentence) == outcomes._scan(sentence)
    assert outcomes._find(sentence, Words(sentence)) == outcomes._scan(sentence)


def test_sentences_without_an_outcome_word_skip_the_patterns() -> None:
    for sentence in (SENTENCES[3], SENTENCES[8]):
        assert outcomes._ANY_PATTERN.search(sentence) is None
        assert outcomes._scan(sentence) == []
    assert outcomes._ANY_PATTERN.search(SENTENCES[0]) is not None


WORDS = (
    "the five two people were killed wounded died in at near town said police army "
    "market 12 dozens and hurt abducted beat to death displaced executed was a of"
).split()


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join))
def test_the_union_gate_is_sure(sentence: str) -> None:
    assert outcomes._find(sentence) == outcomes._scan(sentence)
    report = f"Earlier, {sentence}"  # the sentence's words read from a report that holds it
    assert outcomes._find(sentence, Words(report).within(9)) == outcomes._scan(sentence)


# --- unions of patterns ------------------------------------------------------------------------


def test_a_union_matches_where_any_pattern_does() -> None:
    patterns = [re.compile(r"\bshot\b", re.I), re.compile(r"wound(?:ed|s)", re.I)]
    either = union(patterns)
    assert either.search("Two were WOUNDED.") and either.search("He was shot.")
    assert either.search("The shotgun was found.") is None


def test_a_union_refuses_mixed_flags_and_group_references() -> None:
    with pytest.raises(ValueError, match="flags"):
        union([re.compile("a", re.I), re.compile("b")])
    with pytest.raises(ValueError, match="group"):
        union([re.compile(r"(a)\1")])
    with pytest.raises(ValueError, match="group"):
        union([re.compile(r"(?P<x>a)(?P=x)")])


def _hedges_by_every_pattern(sentence: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    text = hedges._NOT_A_HEDGE.sub(" ", sentence)
    own = tuple(dict.fromkeys(label for p, label in hedges._SENTENCE if p.search(text)))
    back = tuple(dict.fromkeys(label for p, label in hedges._DOCUMENT if p.search(sentence)))
    return own, back


HEDGED = [
    "The figures could not be independently verified.",
    "Twelve people were reportedly killed, according to residents.",
    "The toll is expected to rise, officials said.",
    "Police said 5 died.",
    "The claim could not be confirmed by Reuters.",
    "The group claimed responsibility for the attack that killed 9.",
]


@pytest.mark.parametrize("sentence", HEDGED + SENTENCES)
def test_the_hedge_gates_find_what_every_pattern_finds(sentence: str) -> None:
    assert (hedges.sentence_hedges(sentence), hedges.document_hedges(sentence)) == (
        _hedges_by_every_pattern(sentence)
    )


HEDGE_WORDS = (
    "could not be independently verified confirmed reportedly according to residents toll "
    "expected rise officials said police unconfirmed allegedly claimed responsibility the "
    "figures were killed five"
).split()


@given(st.lists(st.sampled_from(HEDGE_WORDS), min_size=1, max_size=20).map(" ".join))
def test_the_hedge_gates_are_sure(sentence: str) -> None:
    assert (hedges.sentence_hedges(sentence), hedges.document_hedges(sentence)) == (
        _hedges_by_every_pattern(sentence)
    )


# --- extraction with the pre-filter and without it ----------------------------------------------

TEXTS = [
    "Seven people were killed when gunmen attacked a market in Kano on Tuesday, police said.",
    "KABUL (Reuters) - A suicide bomber killed 14 worshippers at a mosque in Kunduz province, "
    "a provincial official said. The Taliban denied involvement. Jordan, a local elder, said "
    "the dead included three children.",
    "Fighting spread from Aleppo to Idlib on Sunday. Officials in Damascus said nothing. "
    "In Homs, 12 civilians died, and a convoy near Hama was hit, wounding five.",
    "The statement was read out by a spokesman. Dozens were wounded when the roof fell in, "
    "and three of them died later, he said.",
    "On May 3, soldiers shot dead two men near Maiduguri, the capital of Borno state. The "
    "Nigerian army said they were insurgents; residents of Bama said they were farmers.",
    "The toll from Monday's strike on the Libyan capital rose to 31, the health ministry in "
    "Tripoli said, after 4 of the 60 wounded died in hospital in Misrata.",
    "Paris, Texas and Paris, France were both mentioned. A man named Chad Georgia was "
    "arrested in Georgia after a shooting that killed one person in Jackson.",
    "Gunmen abducted four aid workers on the road between Goma and Rutshuru in North Kivu "
    "province.\n\nTwo of them were later found dead, the UN mission in Congo said.",
    "Fighters loyal to Musa Hilal attacked Gwoza and Konduga at dawn, killing 23 villagers, "
    "a vigilante leader in Bama said.",
]


def _without_event(nlp: Language, texts: list[str], event: bool) -> list[object]:
    documents = [Document(id=f"d{i}", text=t, source=f"d{i}") for i, t in enumerate(texts)]
    out = []
    for _document, extraction in _extractions(nlp, documents, event=event):
        assert not isinstance(extraction, Exception)
        out.append(replace(extraction, event=None))
    return out


def test_extraction_is_the_same_with_the_prefilter(nlp: Language) -> None:
    assert _without_event(nlp, TEXTS, False) == _without_event(nlp, TEXTS, True)


def test_the_prefilter_leaves_the_event_out(nlp: Language) -> None:
    documents = [Document(id="d0", text=TEXTS[0], source="d0")]
    (_, full), (_, light) = (
        next(_extractions(nlp, documents)),
        next(_extractions(nlp, documents, event=False)),
    )
    assert not isinstance(full, Exception) and not isinstance(light, Exception)
    assert full.event is not None and light.event is None
    assert light.claims == full.claims and light.claims


def test_windows_reach_far_enough_for_the_model_labels(nlp: Language) -> None:
    assert REACH >= AFTER + 1  # the encoder's reach, and the token before a name read whole


def test_windows_see_four_tokens_after_a_name() -> None:
    assert AFTER == 4  # the encoder's reach: a name's labels need no more after it


def _name_labels(nlp: Language, text: str, after: int | None) -> list[set[str]]:
    """The labels of the entities over each name of ``text``, its windows cut ``after``."""
    from warmonitor.extract.component import _WINDOW_ATTRS, _window

    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    array = doc.to_array(_WINDOW_ATTRS)
    starts = array[:, 0].tolist()
    names = [(m.start, m.end) for m in names_in(text)]
    out: list[set[str]] = [set() for _ in names]
    for a, b in model_windows(starts, names, after=after):
        window = nlp.get_pipe("ner")(_window(doc.vocab, text, array[a:b]))
        offset = starts[a]
        for e in window.ents:
            for k, (start, end) in enumerate(names):
                if start < offset + e.end_char and offset + e.start_char < end:
                    out[k].add(e.label_)
    return out


def test_a_name_has_the_same_labels_in_a_cut_window(nlp: Language) -> None:
    for text in TEXTS:
        assert _name_labels(nlp, text, AFTER) == _name_labels(nlp, text, None)


def test_a_date_over_a_name_that_goes_on_is_read_again(nlp: Language) -> None:
    from spacy.tokens import Span

    from warmonitor.extract.component import _runs_past

    text = "Clashes since Easter Sunday 2021 in Kano left 12 dead"
    found = [m for m in names_in(text) if text[m.start : m.end] == "Kano"]
    assert found
    window = nlp.make_doc(text)
    kano = next(t.i for t in window if t.text == "Kano")
    window.ents = [Span(window, kano, kano + 2, label="DATE")]  # "Kano left": past the name
    assert _runs_past(window, 0, found)
    window.ents = [Span(window, kano, kano + 1, label="DATE")]  # ends with the name
    assert not _runs_past(window, 0, found)
    window.ents = [Span(window, kano, kano + 2, label="GPE")]  # its end is not read
    assert not _runs_past(window, 0, found)
    assert not _runs_past(window, 100, found)  # the window is elsewhere in the text


PIECES = [s for text in TEXTS for s in text.replace("\n\n", " ").split(". ")]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
def test_any_report_of_our_sentences_is_extracted_alike(nlp: Language, pieces: list[str]) -> None:
    text = ". ".join(pieces)
    assert _without_event(nlp, [text], False) == _without_event(nlp, [text], True)
