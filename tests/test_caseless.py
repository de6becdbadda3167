"""A case-insensitive pattern searched over the lowercased text finds what the pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract import hedges, outcomes
from warmonitor.extract.caseless import Caseless

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
