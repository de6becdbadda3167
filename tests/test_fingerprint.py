"""The MinHash fingerprint computed in 64-bit words equals the exact integer formula."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from warmonitor import fingerprint as fp

WORDS = "the a killed village army said police town shelling 12 three hundred men women".split()


def exact(text: str) -> tuple[int, ...]:
    """The definition: Python's unbounded integers, no shortcut."""
    shingles = fp._shingles(text)
    if not shingles:
        return ()
    return tuple(
        min((a * x + b) % fp._PRIME for x in shingles) & fp._MASK
        for a, b in zip(fp._A, fp._B, strict=True)
    )


@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
def test_fingerprint_equals_the_integer_formula(text: str) -> None:
    assert fp.fingerprint(text) == exact(text)


def test_extreme_shingle_hashes() -> None:
    values = [0, 1, 2**61 - 2, 2**61 - 1, 2**61, 2**63, 2**64 - 1]
    got = fp._affine(np.array(values, dtype=np.uint64))
    for j, x in enumerate(values):
        for i, (a, b) in enumerate(zip(fp._A, fp._B, strict=True)):
            assert int(got[i, j]) == (a * x + b) % fp._PRIME


def test_empty_and_short_texts() -> None:
    assert fp.fingerprint("") == ()
    assert fp.fingerprint("...") == ()
    assert fp.fingerprint("three killed") == exact("three killed")
