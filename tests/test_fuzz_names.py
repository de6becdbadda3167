"""Fuzzing the name normalisers (``victims.names`` for victims, ``gazetteer.normalise`` for
places): any text, in any script, gives keys without crashing, and the keys are what their
docstrings promise (lowercase ASCII for Latin keys, similarity within 0..1)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from fuzzing import fuzz
from warmonitor.gazetteer.normalise import fold, name_key, similar, similarity, skeleton_key
from warmonitor.victims.names import name_tokens, normalize_latin, skeleton, skeleton_tokens

# Names as they come: Latin with diacritics and articles, Arabic with diacritics and tatweel,
# other scripts, joiners, bidirectional controls, digits and punctuation.
_PIECES = st.sampled_from(
    [
        *("al-", "Al ", "el-", "Abd ", "abu ", "bin ", "ibn ", "bint ", "'", "ʿ", "ʾ", "-", " "),
        *("Ḥasan", "Muḥammad", "Zoë", "Łódź", "ß", "ﬁ", "İ", "ı", "Ⅻ", "١٢", "１２"),
        *("عبد ", "ال", "محمّد", "أبو ", "بن ", "ـ", "ة", "ى", "ﷲ", "ﻻ", "\u064b", "\u0670"),
        *("\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200d", "\u200b", "\ufeff"),
        *("Иван", "Ωμέγα", "李", "ק", "\u0301", "\x00", "\t", "\n", "..", "(", ")"),
    ]
)
NAMES = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=16).map("".join),
)
_LATIN_KEY = re.compile(r"^[a-z -]*$")


@fuzz(3000)
@given(NAMES)
def test_victim_name_keys(name: str) -> None:
    latin = normalize_latin(name)
    assert _LATIN_KEY.match(latin), latin
    tokens = name_tokens(name)
    assert all(token and not token.isspace() for token in tokens)
    keys = skeleton_tokens(name)
    assert all(keys)
    assert all(skeleton(token) == skeleton(token) for token in tokens)


@fuzz(3000)
@given(NAMES, NAMES)
def test_place_name_keys(name: str, other: str) -> None:
    folded = fold(name)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", folded), folded
    key = name_key(name)
    assert name_key(key) == key  # a key is its own key
    assert re.fullmatch(r"[a-z0-9]*", skeleton_key(key))
    assert 0.0 <= similarity(key, other) <= 1.0


@fuzz(3000)
@given(NAMES, NAMES, st.sampled_from([0.0, 0.5, 0.7, 0.8, 1.0]))
def test_a_similarity_floor_is_told_as_the_similarity_tells_it(
    name: str, other: str, least: float
) -> None:
    key = name_key(name)
    assert similar(key, other, least) == (similarity(key, other) >= least)


def test_spellings_of_very_different_lengths_are_not_similar() -> None:
    assert similar("aleppo", "Aleppo Governorate", 0.8)  # the name cut to the key's one word
    assert similar("jebleh", "Jableh District", 0.6)
    assert not similar("ab", "Abcdefghij", 0.5)
