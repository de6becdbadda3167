"""An earlier statement and a wire agency, read through caseless searches and kept clauses,
are what the plain patterns read."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract import claims, continuity
from warmonitor.extract.lexicon import AGENCIES

WORDS = (
    "Initially INITIALLY at first had first said reported hours earlier Earlier within an hour "
    "of after the an earlier previous toll Toll figure of rose Rose to from then Then later "
    "since now but revised raised updated climbed 52 12 people killed , . İ ſince ſaid K - –"
).split()
TEXTS = st.lists(st.sampled_from(WORDS), max_size=24).map(" ".join)

# The clause pattern as it was written before its caseless form ("Earlier" with a capital).
_CLAUSE = re.compile(claims._EARLIER_CLAUSE.pattern.replace(r"^\W*earlier", r"^\W*Earlier"), re.I)


def _plain_earlier(sentence: str, position: int) -> bool:
    if claims._EARLIER_BEFORE.search(sentence[max(0, position - 80) : position]):
        return True
    turns = [0, *(m.start() for m in claims._LATER_TURN.finditer(sentence)), len(sentence)]
    for a, b in itertools.pairwise(turns):
        if a <= position < b:
            return bool(_CLAUSE.search(sentence[a:b] if a else sentence[:b]))
    return False


@given(TEXTS, st.integers(0, 200))
def test_an_earlier_statement_is_read_as_the_plain_patterns_read_it(
    sentence: str, position: int
) -> None:
    assert claims._earlier_statement(sentence, position) == _plain_earlier(sentence, position)


def test_a_clause_opening_with_earlier_in_any_case_is_earlier() -> None:
    for opening in ("Earlier", "earlier", "EARLIER"):
        sentence = f"{opening}, officials said 12 people were killed, but later 20."
        assert claims._earlier_statement(sentence, sentence.index("12"))
        assert not claims._earlier_statement(sentence, sentence.index("20"))


def _plain_agency(text: str) -> str | None:
    head, tail = text[:200].lower(), text[-80:].lower()
    for needle, name in AGENCIES:
        if (
            f"({needle})" in head
            or f"- {needle}" in tail
            or f"– {needle}" in tail
            or (tail.rstrip().endswith(needle))
        ):
            return name
    return None


MARKS = ["(Reuters)", "(AP)", "- AFP", "– Xinhua", "EFE", "dpa ", "the", "Tass", "x" * 90, " "]


@given(st.lists(st.sampled_from(MARKS), max_size=12).map(" ".join))
def test_the_agency_is_the_one_its_marks_name(text: str) -> None:
    assert claims._agency(text) == _plain_agency(text)


POINTER_WORDS = (
    "This THIS is was reported Reported by BY the figures Toll told journalists about it that "
    "said . ! İ ſaid K , Reuters"
).split()


@given(st.lists(st.sampled_from(POINTER_WORDS), max_size=14).map(" ".join))
def test_a_pointer_back_is_found_where_the_pattern_finds_it(sentence: str) -> None:
    found = continuity._POINTER.search(sentence)
    assert continuity._POINTER_ANY.start(sentence) == (found.start() if found else None)
