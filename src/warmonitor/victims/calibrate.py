"""The chance that two records match, per pair of lists, and probabilities from it.

Splink learns one prior (the chance that two random records match) for every pair it scores.
Two lists of one war's dead overlap far more than two records within one list, so one prior
under-rates the pairs across lists and over-rates those within. :func:`pair_priors` re-estimates
it for each pair of lists (and each list with itself), holding the comparison weights fixed: the
expected number of matches among the pairs scored, divided by the number of possible pairs, to a
fixed point (expectation maximisation of the prior alone).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["logit2", "pair_priors", "probability"]

_ITERATIONS = 200
_FLOOR = 1e-12


def logit2(prior: float) -> float:
    """The prior as a match weight: log2 of its odds."""
    prior = min(max(prior, _FLOOR), 1 - _FLOOR)
    return math.log2(prior / (1 - prior))


def probability(evidence: float, prior: float) -> float:
    """The match probability of a pair whose comparisons weigh ``evidence`` (log2 Bayes
    factor) when the prior is ``prior``."""
    weight = evidence + logit2(prior)
    if weight > 60:
        return 1.0
    return 1.0 / (1.0 + 2.0 ** (-weight))


def _possible(a: str, b: str, sizes: Mapping[str, int]) -> int:
    if a == b:
        return sizes[a] * (sizes[a] - 1) // 2
    return sizes[a] * sizes[b]


def pair_priors(
    evidence: Mapping[tuple[str, str], Sequence[float] | np.ndarray],
    sizes: Mapping[str, int],
    start: float,
) -> dict[tuple[str, str], float]:
    """For each (list, list) key: the prior at which the expected matches among its scored
    pairs (``evidence``: their log2 Bayes factors) equal prior x possible pairs."""
    import numpy as np  # here, not at import: the store imports this package for its records

    priors: dict[tuple[str, str], float] = {}
    for key, weights in evidence.items():
        possible = _possible(key[0], key[1], sizes)
        values = np.asarray(weights, dtype=float)
        if possible <= 0 or values.size == 0:
            priors[key] = start
            continue
        prior = start
        for _ in range(_ITERATIONS):
            odds = np.exp2(np.clip(values + logit2(prior), -60.0, 60.0))
            expected = float(np.sum(odds / (1.0 + odds)))
            new = min(max(expected / possible, _FLOOR), 0.5)
            converged = abs(new - prior) <= 1e-4 * prior
            prior = new
            if converged:
                break
        priors[key] = prior
    return priors
