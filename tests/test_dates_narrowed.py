"""The time expressions searched with the union a text's holdings allow are the plain union's."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract import dates

# Words of every pattern, capitals, digits, signs, and letters that match others caselessly
# ("ſ" is an "s", "K" a "k", "ı" an "i"): texts made of them meet every pattern and its edges.
WORDS = (
    "on On the The between from early mid late end beginning of since in During until by "
    "through throughout last this next before after yesterday Today tonight overnight earlier "
    "previous past at over recent recently for within a An several few couple two Twenty one "
    "first First more consecutive hours day days night weeks month Months year fortnight "
    "weekend morning afternoon evening ago later Monday Tuesday Sunday's Sundays Friday "
    "March Mar. May Sept Sep Jan Dec December 3 12 6th 21st 2025 1999 2024-03-06 6/3/2025 "
    "6.3.25 3-Mar-25 8-9 - – to and , . : ; ( ) people killed Gaza Reuters ſince nıght "
    "yeſterday TODAY WEEK Kilo 7:30"
).split()
# Whole expressions, each beginning as one pattern can, to be met with the words around them.
PHRASES = (
    "First three days of",
    "the beginning of March",
    "The end of May 2024",
    "in - April",
    "Between 8 and 9 March",
    "from Dec. 3 to 5",
    "On Monday, the 3rd of March",
    "March the 6th, 2025",
    "within a couple of hours",
    "throughout the previous twenty-one straight days",
    "several weeks later",
    "at the weekend",
    "earlier in the day",
    "early on Sunday morning",
    "since 2024",
    "between 1999 and 2001",
    "in recent days",
    "the day before yesterday",
    "beginning April",
    "overnight",
    "throughout the past two days",
    "mid-2020",
    "mid-March",
    "until last Sunday's",
    "the Sunday Times",
    "by 2024",
    "during 2001-02",
    "this evening",
    "over the past fortnight",
    "for two nights",
    "over the past 24 hours",
    "in 1999",
    "a year ago",
    "the summer of 2024",
)
TEXTS = st.lists(st.sampled_from(WORDS + list(PHRASES)), max_size=14).map(" ".join)
GLUED = st.lists(st.sampled_from(WORDS), max_size=10).map("".join)  # words run together


def _found(pattern: re.Pattern[str] | None, text: str) -> list[tuple[object, ...]]:
    if pattern is None:
        return []
    return [
        (m.span(), m.lastgroup, {k: v for k, v in m.groupdict().items() if v is not None})
        for m in pattern.finditer(text)
    ]


def _same(text: str) -> None:
    narrowed = dates._search_for(dates._holdings(text))
    assert _found(narrowed, text) == _found(dates._TIME_RE, text), text


@given(st.one_of(TEXTS, GLUED))
def test_the_narrowed_union_finds_what_the_plain_union_finds(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("phrase", PHRASES)
def test_each_expression_is_found_in_every_case(phrase: str) -> None:
    for written in (phrase, phrase.lower(), phrase.capitalize(), phrase.upper(), phrase.title()):
        for text in (written, f"Shelling went on {written}, they said.", f"({written})"):
            _same(text)


def test_every_opening_word_is_a_start_word() -> None:
    # the narrowed union tries a pattern nowhere the plain union does not
    start_words = set(dates._START_WORDS.split("|"))
    assert len(dates._OPENINGS) == len(dates._PATTERNS)
    for _, _, words in dates._OPENINGS:
        assert set(filter(None, words.split("|"))) <= start_words


def test_a_text_holding_none_of_the_words_is_not_searched() -> None:
    assert dates._search_for(dates._holdings("Shelling hit the camp, witnesses said.")) is None
    assert dates.find_time_expressions("Shelling hit the camp.", None) == []


def test_a_capital_the_start_words_lack_still_opens_a_duration() -> None:
    text = "First three days of shelling left the town empty."
    found = dates._search_for(dates._holdings(text))
    assert found is not None
    assert _found(found, text) == _found(dates._TIME_RE, text)
    assert [m.start for m in dates.find_time_expressions(text, None)] == [0]


def test_a_weekday_alone_is_found_without_digits_or_months() -> None:
    (mention,) = dates.find_time_expressions("The convoy was hit on Tuesday night.", None)
    assert mention.text == "on Tuesday night"
    assert dates._holdings("The convoy was hit on Tuesday night.") & dates._DIGIT == 0


def test_a_text_that_is_not_ascii_is_read_caselessly_as_it_is() -> None:
    # "ſ" is an "s" to a caseless pattern but not to str.lower: the holdings keep it
    text = "İ Since the paſt WEEK, nothing."
    assert _found(dates._search_for(dates._holdings(text)), text) == _found(dates._TIME_RE, text)
    assert dates._holdings(text) & dates._WHEN_HELD


def test_a_unit_of_a_text_that_is_not_ascii_is_read_caselessly() -> None:
    text = "İ For two DAYS, nothing."
    assert dates._holdings(text) & dates._UNIT_HELD
    assert _found(dates._search_for(dates._holdings(text)), text) == _found(dates._TIME_RE, text)


def test_every_mix_of_holdings_is_searched_with_a_union_of_all_it_can_match() -> None:
    for held in range(64):
        search = dates._search_for(held)
        needed = [i for i, (needs, _, _) in enumerate(dates._OPENINGS) if needs & held == needs]
        if search is None:
            assert not needed
            continue
        names = set(search.groupindex)
        assert all(dates._PATTERNS[i][4 : dates._PATTERNS[i].index(">")] in names for i in needed)
