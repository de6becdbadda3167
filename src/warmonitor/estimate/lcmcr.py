"""A Bayesian latent-class model of capture histories in the manner of LCMCR (Manrique-Vallier
2016, "Bayesian population size estimation using Dirichlet process mixtures", Biometrics 72).

Each person, listed or not, belongs to one of ``K`` latent classes; within a class the lists
capture independently, list ``j`` with probability ``lambda[j, k]``. Class weights come from a
stick-breaking process truncated at ``K`` with concentration ``alpha ~ Gamma(a, b)``; the
capture probabilities have Beta(1, 1) priors and the population size the prior p(N) ∝ 1/N.
The Gibbs sampler augments the data with the persons on no list and works on cells, not
persons: the persons of one capture pattern are exchangeable, so their classes are one
multinomial draw, and the unlisted count is a negative binomial draw. It is compiled by numba
(``cache=True``: the first call in a fresh install compiles it, a few seconds) and seeded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numba
import numpy as np
import numpy.typing as npt

from warmonitor.errors import ConfigurationError
from warmonitor.estimate.captures import CaptureTable
from warmonitor.estimate.result import Estimate

__all__ = ["LcmcrSettings", "effective_size", "estimate_lcmcr", "sample_lcmcr"]


@dataclass(frozen=True)
class LcmcrSettings:
    """The model's truncation and prior, and the chain's length: ``burnin`` iterations thrown
    away, then ``samples`` draws kept, one every ``thin`` iterations."""

    K: int = 10
    a: float = 0.25
    b: float = 0.25
    burnin: int = 10_000
    samples: int = 1_000
    thin: int = 100
    seed: int = 0

    def check(self) -> None:
        """:class:`ConfigurationError` for a setting out of its range."""
        if self.K < 1:
            raise ConfigurationError(f"K must be at least 1, got {self.K}")
        if self.a <= 0 or self.b <= 0:
            raise ConfigurationError(f"a and b must be positive, got a={self.a}, b={self.b}")
        if self.burnin < 0 or self.samples < 1 or self.thin < 1:
            raise ConfigurationError(
                f"burnin >= 0, samples >= 1 and thin >= 1 are needed, got "
                f"{self.burnin}, {self.samples}, {self.thin}"
            )
        if not 0 <= self.seed < 2**32:
            raise ConfigurationError(f"the seed must be in [0, 2^32), got {self.seed}")


def sample_lcmcr(table: CaptureTable, settings: LcmcrSettings) -> npt.NDArray[np.float64]:
    """``settings.samples`` posterior draws of the population size N."""
    settings.check()
    if table.documented == 0:
        raise ConfigurationError("no documented person to estimate from")
    patterns = table.patterns.astype(np.int64)
    return _chain(
        table.counts.astype(np.int64),
        patterns,
        settings.K,
        float(settings.a),
        float(settings.b),
        settings.burnin,
        settings.samples,
        settings.thin,
        settings.seed,
    )


def estimate_lcmcr(
    table: CaptureTable, settings: LcmcrSettings | None = None, level: float = 0.95
) -> Estimate:
    """The posterior median of N and its equal-tailed ``level`` interval."""
    settings = settings or LcmcrSettings()
    draws = sample_lcmcr(table, settings)
    tail = (1 - level) / 2
    low, median, high = np.quantile(draws, [tail, 0.5, 1 - tail])
    return Estimate(
        method="lcmcr",
        lists=table.lists,
        documented=table.documented,
        estimate=float(median),
        low=float(low),
        high=float(high),
        level=level,
        details={
            "settings": asdict(settings),
            "mean": float(draws.mean()),
            "effective_draws": round(effective_size(draws), 1),
        },
        draws=draws,
    )


def effective_size(draws: npt.NDArray[np.float64]) -> float:
    """The effective number of independent draws in an autocorrelated chain (Geyer's initial
    positive sequence: autocorrelations summed in pairs while a pair's sum is positive)."""
    count = len(draws)
    centred = draws - draws.mean()
    variance = float(centred @ centred)
    if count < 4 or variance == 0.0:
        return float(count)
    spectrum = np.fft.rfft(centred, 2 * count)
    rho = np.fft.irfft(spectrum * np.conj(spectrum))[:count] / variance
    total = 0.0
    for lag in range(0, count - 1, 2):
        pair = rho[lag] + rho[lag + 1]
        if pair <= 0.0:
            break
        total += pair
    return float(min(count, count / max(2.0 * total - 1.0, 1e-12)))


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
def _chain(
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
