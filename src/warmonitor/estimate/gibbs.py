"""The LCMCR Gibbs sampler on cells, compiled by numba (``cache=True``) and seeded: the model and
its steps are described in :mod:`warmonitor.estimate.lcmcr`, which imports this module only when
a chain runs (numba's import costs every command's start-up a fifth of a second).
"""

from __future__ import annotations

import numba
import numpy as np
import numpy.typing as npt

__all__ = ["chain"]


@numba.njit(cache=True)
def _multinomial(
    n: int,
    probs: npt.NDArray[np.float64],
    order: npt.NDArray[np.int64],
    out: npt.NDArray[np.int64],
) -> None:
    """``out`` ← a Multinomial(n, probs) draw by sequential binomials taken in ``order`` (the
    likeliest classes first, so that small cells are placed after one or two draws)."""
    rest = 1.0
    left = n
    for i in range(len(order)):
        k = order[i]
        if left == 0 or rest <= 0.0:
            out[k] = 0
            continue
        p = probs[k] / rest
        if i == len(order) - 1 or p >= 1.0:
            out[k] = left
        elif p <= 0.0:
            out[k] = 0
        else:
            out[k] = np.random.binomial(left, p)
        left -= out[k]
        rest -= probs[k]


@numba.njit(cache=True)
def chain(
    counts: npt.NDArray[np.int64],
    patterns: npt.NDArray[np.int64],
    K: int,
    a: float,
    b: float,
    burnin: int,
    samples: int,
    thin: int,
    seed: int,
) -> npt.NDArray[np.float64]:
    np.random.seed(seed)
    cells, J = patterns.shape
    n = counts.sum()
    occupied = np.array([c for c in range(cells) if c == 0 or counts[c] > 0])  # the rest stay 0
    lam = np.empty((J, K))
    for j in range(J):
        for k in range(K):
            lam[j, k] = np.random.beta(1.0, 1.0)
    alpha = a / b
    log_pi = np.empty(K)
    log_v = np.empty(K)
    log_1mv = np.empty(K)
    _stick(np.full(K, n / K), alpha, log_pi, log_v, log_1mv)
    n0 = n
    lp = np.empty((cells, K))
    delta = np.empty((J, K))
    highest = np.zeros(cells, dtype=np.int64)  # each cell's highest list
    for c in range(1, cells):
        while (1 << (highest[c] + 1)) <= c:
            highest[c] += 1
    probs = np.empty(K)
    row = np.empty(K, dtype=np.int64)
    classes = np.zeros((cells, K), dtype=np.int64)
    sizes = np.empty(K)
    hits = np.empty((J, K))
    draws = np.empty(samples)
    total = burnin + samples * thin
    for it in range(total):
        # log P(pattern c, class k) for every cell: the cell without its highest list, plus
        # that list's log odds (one addition per cell and class)
        for k in range(K):
            base = log_pi[k]
            for j in range(J):
                miss = np.log1p(-lam[j, k])
                delta[j, k] = np.log(lam[j, k]) - miss
                base += miss
            lp[0, k] = base
        for c in range(1, cells):
            high = highest[c]
            rest = c - (1 << high)
            for k in range(K):
                lp[c, k] = lp[rest, k] + delta[high, k]
        order = np.argsort(-log_pi)
        # the persons on no list: N0 ~ NegBin(n, 1 - pi0), then their classes
        top = lp[0].max()
        pi0 = 0.0
        for k in range(K):
            probs[k] = np.exp(lp[0, k] - top)
            pi0 += probs[k]
        scale = pi0
        pi0 = pi0 * np.exp(top)
        if pi0 >= 1.0:
            pi0 = 1.0 - 1e-12
        n0 = np.random.negative_binomial(n, 1.0 - pi0) if pi0 > 0.0 else 0
        for c in occupied:
            size = n0 if c == 0 else counts[c]
            if c > 0:
                top = lp[c].max()
                scale = 0.0
                for k in range(K):
                    probs[k] = np.exp(lp[c, k] - top)
                    scale += probs[k]
            for k in range(K):
                probs[k] /= scale
            _multinomial(size, probs, order, row)
            classes[c] = row
        # lambdas given the classes of everyone, listed or not
        for k in range(K):
            sizes[k] = 0.0
            for j in range(J):
                hits[j, k] = 0.0
        for c in occupied:
            for k in range(K):
                m = classes[c, k]
                sizes[k] += m
                for j in range(J):
                    if patterns[c, j]:
                        hits[j, k] += m
        for j in range(J):
            for k in range(K):
                if sizes[k] == 0.0:  # Beta(1, 1): a uniform draw, cheaper
                    lam[j, k] = np.random.random()
                else:
                    lam[j, k] = np.random.beta(1.0 + hits[j, k], 1.0 + sizes[k] - hits[j, k])
                if lam[j, k] <= 0.0:
                    lam[j, k] = 1e-300
                elif lam[j, k] >= 1.0:
                    lam[j, k] = 1.0 - 1e-16
        # the stick-breaking weights and their concentration
        _stick(sizes, alpha, log_pi, log_v, log_1mv)
        rate = b
        for k in range(K - 1):
            rate -= log_1mv[k]
        alpha = np.random.gamma(a + K - 1, 1.0 / rate)
        if alpha < 1e-300:
            alpha = 1e-300
        if it >= burnin and (it - burnin) % thin == thin - 1:
            draws[(it - burnin) // thin] = n + n0
    return draws


@numba.njit(cache=True)
def _stick(
    sizes: npt.NDArray[np.float64],
    alpha: float,
    log_pi: npt.NDArray[np.float64],
    log_v: npt.NDArray[np.float64],
    log_1mv: npt.NDArray[np.float64],
) -> None:
    """Draw V_k ~ Beta(1 + m_k, alpha + sum of m beyond k), V_K = 1; log weights from them."""
    K = len(sizes)
    tail = 0.0
    for k in range(K - 1, -1, -1):
        if k == K - 1:
            log_v[k] = 0.0
            log_1mv[k] = -np.inf
        else:
            if sizes[k] == 0.0:  # Beta(1, c) by inversion: 1 - U^(1/c)
                v = -np.expm1(np.log1p(-np.random.random()) / (alpha + tail))
            else:
                v = np.random.beta(1.0 + sizes[k], alpha + tail)
            if v >= 1.0:
                v = 1.0 - 1e-16
            log_v[k] = np.log(v) if v > 0.0 else -745.0
            log_1mv[k] = np.log1p(-v)
        tail += sizes[k]
    acc = 0.0
    for k in range(K):
        log_pi[k] = log_v[k] + acc
        acc += log_1mv[k]
