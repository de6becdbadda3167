"""A text without any of a pattern's words has no match of the pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract.headline import background, splits
from warmonitor.extract.literals import Literals

WORDS = (
    "Protested protesting DEMONSTRATED to demonstrate Rallied marched gathered took to the "
    "streets riot Riots broke out rioted held a an protest rally vigil sit-in staged Staged "
    "split Spread divided distributed equally across among between 2 events fatalities coded "
    "Coded in under Kano event the . ; , İ ſplit K 12"
).split()
# Whole cues and notes, to be met with the words around them.
PHRASES = [
    "held a vigil",
    "HELD AN emergency rally",
    "staged a sit-in",
    "riots broke out",
    "Fatalities coded to the Kano event",
    "deaths were coded in Kano raid event",
    "spread across 3 locations",
    "took to the streets",
]
TEXTS = st.lists(st.sampled_from(WORDS + PHRASES), max_size=12).map(" ".join)

PAIRS = [
    (background._PROTEST, background._PROTEST_WORDS),
    (splits._NOTE, splits._NOTE_WORDS),
    (splits._ELSEWHERE, splits._NOTE_WORDS),
]


@pytest.mark.parametrize(("pattern", "words"), PAIRS)
@given(text=TEXTS)
def test_a_text_without_the_words_has_no_match(
    pattern: re.Pattern[str], words: Literals, text: str
) -> None:
    if words.absent(text):
        assert pattern.search(text) is None


def test_a_text_that_is_not_ascii_is_left_to_the_pattern() -> None:
    assert not splits._NOTE_WORDS.absent("Fatalities ſplit between 2 events.")
    assert splits._NOTE_WORDS.absent("Fatalities split between 2 events.".replace("split", "x"))


def test_the_words_are_lowercase_ascii() -> None:
    with pytest.raises(ValueError):
        Literals("Split")
    with pytest.raises(ValueError):
        Literals("ſplit")


def test_a_protest_cue_before_the_figure_still_makes_it_background() -> None:
    assert background._no_protest("Two people were killed in the raid.")
    assert not background._no_protest("Residents PROTESTED over the killing of 2 people.")


@pytest.mark.parametrize("phrase", [*PHRASES, "rioted", "Residents protested", "they marched"])
def test_each_cue_alone_holds_the_words(phrase: str) -> None:
    for pattern, words in PAIRS:
        if pattern.search(phrase):
            assert not words.absent(phrase), (pattern.pattern[:30], phrase)
