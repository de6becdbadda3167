"""The headline's sentence-wide searches, made through their caseless forms, find what the
patterns find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.headline import background, lead, splits

WORDS = (
    "protested Protesting DEMONSTRATED to demonstrate Rallied marched gathered took the streets "
    "riot riots broke out rioted held a an protest rally vigil sit-in staged Staged split Spread "
    "divided distributed equally across among between 2 two events locations fatalities Deaths "
    "casualties dead are were coded Coded in under Kano event (coded separately) [reported as "
    "a separate event] arrested detained apprehended rounded up since Since start this year so "
    "far all overall total of ſince ſplit İ K . ; , 12"
).split()
TEXTS = st.lists(st.sampled_from(WORDS), max_size=16).map(" ".join)

SEARCHES = [
    (background._PROTEST, background._PROTEST_ANY),
    (background._ELSEWHERE, background._ELSEWHERE_ANY),
    (background._PROTEST_LEAD, background._PROTEST_LEAD_ANY),
    (background._ARREST, background._ARREST_ANY),
    (lead._RUNNING_TOTAL, lead._RUNNING_TOTAL_ANY),
    (splits._NOTE, splits._NOTE_ANY),
    (splits._ELSEWHERE, splits._ELSEWHERE_ANY),
]


@pytest.mark.parametrize(("pattern", "caseless"), SEARCHES)
@given(text=TEXTS)
def test_the_caseless_search_starts_where_the_pattern_does(
    pattern: re.Pattern[str], caseless: Caseless, text: str
) -> None:
    found = pattern.search(text)
    assert caseless.start(text) == (found.start() if found else None)


@given(TEXTS, st.integers(0, 120))
def test_the_last_protest_before_a_figure_is_the_patterns(text: str, offset: int) -> None:
    plain = [m.span() for m in background._PROTEST.finditer(text, 0, offset)]
    first = background._PROTEST_ANY.start(text[:offset])
    found = [] if first is None else list(background._PROTEST.finditer(text, first, offset))
    assert [m.span() for m in found] == plain


def test_a_split_note_keeps_its_groups() -> None:
    note = "Unclear FATALITIES split between 2 Locations; 10 deaths."
    split = splits.find_split("12 fatalities Split Between 3 events.")
    assert split is not None and (split.total, split.parts) == (12, 3)
    assert splits.find_split(note) is not None
    moved = splits.find_split("Fatalities Coded to the Kano raid event.")
    assert moved is not None and moved.elsewhere == "Kano raid"


def test_a_sentence_asked_again_answers_the_same() -> None:
    sentence = "So far this year 40 people have been killed in the region."
    assert lead._running_total_sentence(sentence)
    assert lead._running_total_sentence(sentence)  # from the cache
    assert not lead._running_total_sentence("Four people were killed on Monday.")
