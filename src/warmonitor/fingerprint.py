"""Near-duplicate texts: a small MinHash fingerprint of a text's word shingles.

Copies of one wire report on several sites differ in their headline, a byline, a few words
of boilerplate, sometimes an updated toll; their texts share most runs of five words. A
fingerprint is :data:`HASHES` integers, each the least hash of the text's five-word shingles
under one of :data:`HASHES` fixed hash functions, so that the share of positions at which two
fingerprints agree estimates the share of shingles the two texts have in common (their
Jaccard similarity). It is computed once, when a report is extracted, and stored with the
report's event (``ReportEvent.fingerprint``); reconciliation compares fingerprints only
(``reconcile.copies``). Deterministic: the hash functions come from fixed seeds, never from
Python's salted ``hash``. Pure: no I/O.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

__all__ = ["HASHES", "NEAR_DUPLICATE", "SHINGLE", "fingerprint", "similarity"]

#: Integers in a fingerprint (about 350 characters of JSON per report).
HASHES = 32
#: Words in a shingle.
SHINGLE = 5
#: Estimated share of shared shingles from which two texts are copies of one report. With 32
#: hashes two texts sharing half their shingles reach it about once in 300 pairs, texts
#: sharing nine in ten nearly always.
NEAR_DUPLICATE = 0.75

_PRIME = (1 << 61) - 1
_MASK = (1 << 32) - 1
_WORD = re.compile(r"[^\W_]+")


def _seeded(index: int, salt: str) -> int:
    digest = hashlib.blake2b(f"warmonitor-minhash-{salt}-{index}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big") % _PRIME


_A = tuple(_seeded(i, "a") | 1 for i in range(HASHES))
_B = tuple(_seeded(i, "b") for i in range(HASHES))
# The same numbers as unsigned 64-bit columns, and the halves of ``_A`` (below 2**29, 2**32).
_B64 = np.array(_B, dtype=np.uint64)[:, None]
_A_HI = np.array([a >> 32 for a in _A], dtype=np.uint64)[:, None]
_A_LO = np.array([a & 0xFFFFFFFF for a in _A], dtype=np.uint64)[:, None]
_P64 = np.uint64(_PRIME)
_LOW32 = np.uint64(0xFFFFFFFF)
_LOW29 = np.uint64((1 << 29) - 1)


def _shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    if not words:
        return set()
    width = min(SHINGLE, len(words))
    out = set()
    for i in range(len(words) - width + 1):
        piece = " ".join(words[i : i + width]).encode()
        out.add(int.from_bytes(hashlib.blake2b(piece, digest_size=8).digest(), "big"))
    return out


def fingerprint(text: str) -> tuple[int, ...]:
    """The MinHash of ``text``'s five-word shingles (case and punctuation set aside); empty
    for a text without words."""
    shingles = _shingles(text)
    if not shingles:
        return ()
    hashed = _affine(np.fromiter(shingles, dtype=np.uint64, count=len(shingles)))
    return tuple(int(v) & _MASK for v in hashed.min(axis=1))


def _reduce(s: np.ndarray) -> np.ndarray:
    """``s mod (2**61 - 1)`` for unsigned 64-bit ``s`` (2**61 is 1 modulo the prime)."""
    s = (s & _P64) + (s >> np.uint64(61))
    return np.where(s >= _P64, s - _P64, s)


def _affine(x: np.ndarray) -> np.ndarray:
    """``(a * x + b) mod (2**61 - 1)`` for every hash ``(a, b)`` (rows) and shingle ``x``
    (columns), exactly as Python's integers give it, in 64-bit words: ``a`` and ``x`` cut in
    32-bit halves, and 2**61 read as 1 (2**64 as 8) modulo the prime, so no sum overflows."""
    x = _reduce(x)[None, :]
    x_hi, x_lo = x >> np.uint64(32), x & _LOW32
    high = (_A_HI * x_hi) << np.uint64(3)  # a_hi x_hi 2**64, below 2**61
    mid = _A_HI * x_lo + _A_LO * x_hi  # times 2**32, below 2**62
    mid = (mid >> np.uint64(29)) + ((mid & _LOW29) << np.uint64(32))
    low = _reduce(_A_LO * x_lo)  # below 2**64 before its reduction
    return _reduce(high + mid + low + _B64)


def similarity(left: Sequence[int], right: Sequence[int]) -> float:
    """The estimated share of shingles two texts share: the share of equal positions of their
    fingerprints (0 when either is missing or they were made with other settings)."""
    if not left or len(left) != len(right):
        return 0.0
    return sum(a == b for a, b in zip(left, right, strict=True)) / len(left)
