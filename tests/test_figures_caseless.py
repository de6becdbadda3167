"""The figure grammar's searches through caseless forms, and its cheap pre-tests, find what
the plain patterns find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract.caseless import Caseless
from warmonitor.extract.figures import conjuncts, named, sentence, singulars
from warmonitor.extract.outcomes import Trigger

WORDS = (
    "The the toll Toll death number Number of bodies deaths civilians count tally rose ROSE "
    "risen to reached bringing was were Was WERE not n't wasn't weren’t is are has have had been "
    "also later reportedly Tuesday night revised Revised raised that this figure estimate up "
    "down gave cited the same Same estimate along with Along WITH together alongside his her "
    "their wife driver and , . ; : [local] [anti-] (GP) (Green Party) ( ) [ ] X Jane Roe 12 "
    "two killed İ ſame K ı"
).split()
TEXTS = st.lists(st.sampled_from(WORDS), max_size=20).map(" ".join)

STARTS = [
    (sentence._CUMULATIVE, sentence._CUMULATIVE_ANY),
    (sentence._DENIED, sentence._DENIED_ANY),
    (sentence._REVISION, sentence._REVISION_ANY),
    (sentence._SAME_FIGURE, sentence._SAME_FIGURE_ANY),
    (sentence._NUMBER_OF, sentence._NUMBER_OF_ANY),
    (singulars._SINGULAR_AUX, singulars._SINGULAR_AUX_ANY),
    (singulars._PLURAL_AUX, singulars._PLURAL_AUX_ANY),
    (conjuncts._PLURAL_AUX, conjuncts._PLURAL_AUX_ANY),
    (conjuncts._FRONT, conjuncts._FRONT_ANY),
]


def _groups(m: re.Match[str] | None) -> tuple[object, ...] | None:
    return None if m is None else (m.span(), m.groups())


@pytest.mark.parametrize(("pattern", "caseless"), STARTS)
@given(text=TEXTS, pos=st.integers(0, 60), cut=st.integers(0, 200))
def test_the_caseless_form_starts_where_the_pattern_does(
    pattern: re.Pattern[str], caseless: Caseless, text: str, pos: int, cut: int
) -> None:
    found = pattern.search(text, pos, cut)
    assert caseless.start(text[:cut], pos) == (found.start() if found else None)


@given(TEXTS, st.integers(0, 200))
def test_the_number_of_before_a_trigger_is_the_patterns(text: str, end: int) -> None:
    plain = sentence._NUMBER_OF.search(text, max(0, end - 50), end)
    assert _groups(sentence._number_of(text, end)) == _groups(plain)


@given(TEXTS)
def test_the_same_figure_is_the_patterns(text: str) -> None:
    assert _groups(sentence._same_figure(text)) == _groups(sentence._SAME_FIGURE.search(text))


@given(TEXTS)
def test_a_text_without_brackets_has_no_notes(text: str) -> None:
    masked = named.mask_notes(text)
    assert masked == named._NOTE.sub(lambda m: " " * len(m.group(0)), text)
    assert len(masked) == len(text)


@given(TEXTS, st.integers(0, 120))
def test_companions_are_sought_only_where_their_words_are(text: str, end: int) -> None:
    trigger = Trigger(max(0, end - 6), end, "killed", "both", "killed")
    assert named.companions_at(text, [], trigger) == _plain_companions(text, end)


def _plain_companions(text: str, end: int) -> int | None:
    m = named._COMPANION.match(text, end)
    if m is None or named._GAP_CLAUSE.search(m.group(1)):
        return None
    if named._BY.search(m.group(1)) and not m.group(2):
        return None
    return m.end()


def test_a_companion_after_the_verb_is_still_found() -> None:
    text = "A judge was killed along with his driver."
    end = text.index("killed") + len("killed")
    trigger = Trigger(text.index("killed"), end, "killed", "both", "killed")
    assert named.companions_at(text, [], trigger) == text.index("his")


def test_notes_of_either_bracket_are_masked() -> None:
    assert named.mask_notes("a Green Party (GP) official") == "a Green Party      official"
    assert named.mask_notes("a [local?] elder") == "a          elder"


def test_a_companion_alongside_is_found() -> None:
    text = "The mayor was killed alongside two guards."
    end = text.index("killed") + len("killed")
    trigger = Trigger(text.index("killed"), end, "killed", "both", "killed")
    assert named.companions_at(text, [], trigger) == text.index("two")


def test_the_number_of_ends_at_the_trigger() -> None:
    text = "The number of civilians killed has risen to 52."
    m = sentence._number_of(text, text.index("killed"))
    assert m is not None and m["victims"] == "civilians "
