"""A case-insensitive pattern searched over the lowercased text finds what the pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract import claimants, hedges, outcomes
from warmonitor.extract.caseless import Caseless, CaselessUnion
from warmonitor.extract.gate import Words

PATTERN = re.compile(r"\b(?:shot (?:dead|down)|kill(?:ed|ing)?|[a-z]+ to death)\b|\S+ly\b", re.I)
WORDS = "Shot SHOT shot dead DEAD Down killed KILLING Killed beaten to DEATH Sadly the a, . 12"


@given(st.lists(st.sampled_from(WORDS.split()), max_size=20).map(" ".join), st.integers(0, 30))
def test_it_finds_where_the_pattern_finds(text: str, pos: int) -> None:
    found = PATTERN.search(text, pos)
    assert Caseless(PATTERN).start(text, pos) == (found.start() if found else None)


@given(st.lists(st.sampled_from(WORDS.split()), max_size=20).map(" ".join))
def test_its_matches_are_the_patterns(text: str) -> None:
    found = [m.span() for m in Caseless(PATTERN).finditer(text)]
    assert found == [m.span() for m in PATTERN.finditer(text)]


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    out, found = [], pattern.search(text)
    while found is not None:
        out.append(found.start())
        found = pattern.search(text, found.start() + 1)
    return out


@given(st.lists(st.sampled_from([*WORDS.split(), "İ"]), max_size=20).map(" ".join))
def test_it_finds_every_start_the_pattern_finds(text: str) -> None:
    assert Caseless(PATTERN).starts(text) == _starts(PATTERN, text)


def test_a_text_that_is_not_ascii_is_searched_as_it_is() -> None:
    # "İ" lowercases to two characters: offsets after it would shift
    text = "İİ The convoy was SHOT DOWN."
    assert Caseless(PATTERN).start(text) == text.index("SHOT")


def test_the_unions_of_the_extractor_are_caseless() -> None:
    sentence = "REUTERS could NOT independently Verify that 12 were Killed."
    found = outcomes._ANY_PATTERN.search(sentence)
    assert found is not None
    assert outcomes._ANY_CASELESS.start(sentence) == found.start()
    assert hedges.sentence_hedges(sentence) == ("unverified",)


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile("killed"),  # case counts
        re.compile("Killed", re.I),  # a capital of its own
        re.compile(r"\x4billed", re.I),  # a letter by its code
        re.compile(r"(?-i:k)illed", re.I),  # case turned back on
    ],
)
def test_a_pattern_whose_case_counts_is_refused(pattern: re.Pattern[str]) -> None:
    with pytest.raises(ValueError):
        Caseless(pattern)


def test_class_escapes_are_not_capitals() -> None:
    pattern = re.compile(r"\S+\W\B\D", re.I)
    assert Caseless(pattern).start("AB, C") == 0
    assert Caseless(pattern).start("AB C") is None


# words of reports, cased any way, and pieces that are not ASCII or read as other letters
GATED_WORDS = (
    "Troops shot dead KILLED killed Killing clubbed beaten to DEATH death could not "
    "couldn't independently verify unconfirmed Reports reports of according To per "
    "reportedly said the a an of in 12 , . ; - ( ) ' \n İ é \u017fhot \u212aILLED"
).split(" ")
_STRETCHES = st.tuples(
    st.lists(st.sampled_from(GATED_WORDS), max_size=6).map(" ".join),
    st.lists(st.sampled_from(GATED_WORDS), max_size=24).map(" ".join),
    st.sampled_from(["", " ", "x", "A "]),
)


def _report(parts: tuple[str, str, str]) -> tuple[str, int, int]:
    """A report and where in it the middle part lies (glued to the part before, at times)."""
    before, text, after = parts
    return before + text + after, len(before), len(before) + len(text)


@given(_STRETCHES)
def test_the_words_of_a_report_find_every_start_in_a_stretch_of_it(
    parts: tuple[str, str, str],
) -> None:
    report, a, b = _report(parts)
    text, words = report[a:b], Words(report).within(a)
    unions = [outcomes._ANY_CASELESS, hedges._ANY_SENTENCE, hedges._ANY_DOCUMENT]
    for union in unions:
        assert union.starts(text, words) == _starts(union.pattern, text)
        assert union.starts(text, words) == union.starts(text)
    assert outcomes._ANY_CASELESS.starts(text, words) == _starts(outcomes._ANY_PATTERN, text)
    for pattern in [claimants._ACCORDING, claimants._REPORTS_OF]:
        caseless = Caseless(pattern)
        for pos in (0, 3):
            found = pattern.search(text, pos)
            assert caseless.start(text, pos, words) == (found.start() if found else None)
        spans = [m.span() for m in caseless.finditer(text, words)]
        assert spans == [m.span() for m in pattern.finditer(text)]


def test_a_union_searches_apart_the_patterns_no_gate_reads() -> None:
    union = CaselessUnion([re.compile(r"could ?n[o']t verify", re.I), PATTERN])
    text = "They couldn't verify it. Troops SHOT dead two; others were beaten to death."
    words = Words(text)
    assert union.starts(text, words) == _starts(union.pattern, text)
    assert union.start(text, 0, words) == text.index("couldn't")
    for pos in range(len(text)):
        found = union.pattern.search(text, pos)
        assert union.start(text, pos, words) == (found.start() if found else None)


REPORT_WORDS = (
    "Police said SAID told Reuters according to officials reportedly unconfirmed reports of "
    "could not be independently verified the toll 12 people were killed Killed shot dead "
    "beaten to death spokesman claimed responsibility added , . ; İ \u017faid \n"
).split(" ")


@given(
    st.lists(st.sampled_from(REPORT_WORDS), max_size=5).map(" ".join),
    st.lists(st.sampled_from(REPORT_WORDS), max_size=30).map(" ".join),
)
def test_a_reports_words_give_what_its_sentence_alone_gives(before: str, sentence: str) -> None:
    words = Words(before + sentence).within(len(before))
    assert claimants.find_attributions(sentence, words) == claimants.find_attributions(sentence)
    assert hedges.sentence_hedges(sentence, words) == hedges.sentence_hedges(sentence)
    assert hedges.document_hedges(sentence, words) == hedges.document_hedges(sentence)
    assert outcomes.find_triggers(sentence, words) == outcomes.find_triggers(sentence)


def test_a_pattern_that_names_its_groups_starts_where_it_does() -> None:
    pattern = re.compile(r"\b(?P<n>\d+)\s+(?P<who>people|civilians)\b", re.I)
    caseless = Caseless(pattern)
    text = "Officials said 12 CIVILIANS died."
    assert caseless.start(text) == text.index("12")
    found = next(caseless.finditer(text))
    assert found["who"] == "CIVILIANS"  # the pattern's own match, its groups named
    with pytest.raises(ValueError):
        Caseless(re.compile(r"(?P<w>\w+) (?P=w)", re.I))  # a reference back
