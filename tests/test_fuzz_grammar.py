"""Fuzzing the count grammar (``extract.counts``, ``extract.numbers``, ``extract.figures``):
any text, and sentences built from the grammar's own words, never crash it, and what it
returns is well-formed (spans inside the text, intervals with ``low <= high``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fuzzing import fuzz
from warmonitor.extract.counts import COUNT_KINDS, find_counts
from warmonitor.extract.counts.words import CHILD_WORDS, MONTHS, QUALIFIERS, STARTS
from warmonitor.extract.figures import find_figures
from warmonitor.extract.numbers import SCALE_WORDS, parse_number

_QUALIFIER_WORDS = sorted(" ".join(key) for key in QUALIFIERS)
_TRIGGERS = [
    *("killed", "dead", "died", "wounded", "injured", "missing", "kidnapped", "bodies"),
    *("death toll", "were killed", "among them", "including", "of whom", "at least", "people"),
    *("civilians", "children", "women", "soldiers", "fighters", "the toll rose to", "revised"),
]
_DIGITS = st.one_of(
    st.integers(min_value=0, max_value=10**15).map(str),
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**6, places=2).map(str),
    st.from_regex(r"[0-9][0-9,. ]{0,12}[0-9]", fullmatch=True),
    st.sampled_from(["½", "1/2", "10-20", "5–7", "1e9", "٣٤", "１２", "2,", ",000", "1..2"]),
)
_WORD = st.one_of(
    st.sampled_from(sorted(STARTS)),
    st.sampled_from(sorted(SCALE_WORDS)),
    st.sampled_from(_QUALIFIER_WORDS),
    st.sampled_from(sorted(MONTHS)),
    st.sampled_from(sorted(CHILD_WORDS)),
    st.sampled_from(_TRIGGERS),
    _DIGITS,
    st.sampled_from([",", ".", "-", "–", "(", ")", "%", "$", "and", "or", "to", "of", "aged"]),
    st.text(max_size=6),
)
GRAMMAR_TEXT = st.lists(_WORD, max_size=24).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=200), GRAMMAR_TEXT)


@fuzz(3000)
@given(ANY_TEXT)
def test_find_counts_is_well_formed(text: str) -> None:
    mentions = find_counts(text)
    end = 0
    for m in mentions:
        assert end <= m.start <= m.number_start < m.number_end <= m.end <= len(text)
        assert m.count.text == text[m.start : m.end]
        assert m.kind in COUNT_KINDS
        assert m.count.low >= 0
        assert m.count.high is None or m.count.high >= m.count.low
        end = m.start  # left to right


@fuzz(3000)
@given(st.one_of(st.text(max_size=60), st.lists(_WORD, max_size=8).map(" ".join)))
def test_parse_number_never_crashes(text: str) -> None:
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)


@fuzz(2000)
@given(ANY_TEXT, st.booleans())
def test_find_figures_is_well_formed(sentence: str, with_previous: bool) -> None:
    previous = None
    if with_previous:
        earlier = find_figures("At least 12 civilians were killed.")
        previous = earlier[0] if earlier else None
    figures = find_figures(sentence, previous)
    for n, figure in enumerate(figures):
        m = figure.mention
        assert 0 <= m.start <= m.number_start <= m.number_end <= m.end <= len(sentence)
        assert figure.count.low >= 0
        assert figure.count.high is None or figure.count.high >= figure.count.low
        assert figure.part_of is None or (
            0 <= figure.part_of < len(figures) and figure.part_of != n
        )
