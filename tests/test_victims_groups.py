"""A victim phrase's group, read only at the runs of words that end a group phrase, is the
group every run looked up gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract import victims
from warmonitor.extract.lexicon import VICTIM_GROUP_WORDS

# Whole group phrases and their words, and words around them, run together.
EXTRA = ["their", "own", "Alawite", "civilian", "of", "the", "Forces.", "MEN", "unknown"]
PIECES = [*sorted(VICTIM_GROUP_WORDS), *sorted({w for k in VICTIM_GROUP_WORDS for w in k.split()})]


def _plain_group(words: list[str]) -> str:
    lowered = [w.lower().rstrip(".") for w in words]
    for size in (5, 4, 3, 2, 1):
        for i in range(len(lowered) - size, -1, -1):
            key = " ".join(lowered[i : i + size])
            if key in VICTIM_GROUP_WORDS:
                group = VICTIM_GROUP_WORDS[key]
                if group == "people" and i + size < len(lowered):
                    continue
                if group == "men" and i > 0 and lowered[i - 1] in victims._OWN:
                    return "people"
                if group == "men" and victims._COMMUNITY.intersection(lowered[:i]):
                    return "civilians"
                return group
    return "people"


@given(st.lists(st.sampled_from(PIECES + EXTRA), max_size=5))
def test_the_group_is_the_one_every_run_gives(pieces: list[str]) -> None:
    words = " ".join(pieces).split()[:9]
    assert victims._group_from_words(words) == _plain_group(words)


def test_a_long_phrase_still_names_its_group() -> None:
    assert victims.group_of("members of the security forces") == "security_forces"
    assert victims.group_of("their men") == "people"
