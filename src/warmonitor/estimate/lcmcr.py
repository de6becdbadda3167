"""A Bayesian latent-class model of capture histories in the manner of LCMCR (Manrique-Vallier
2016, "Bayesian population size estimation using Dirichlet process mixtures", Biometrics 72).

Each person, listed or not, belongs to one of ``K`` latent classes; within a class the lists
capture independently, list ``j`` with probability ``lambda[j, k]``. Class weights come from a
stick-breaking process truncated at ``K`` with concentration ``alpha ~ Gamma(a, b)``; the
capture probabilities have Beta(1, 1) priors and the population size the prior p(N) ∝ 1/N.
The Gibbs sampler augments the data with the persons on no list and works on cells, not
persons: the persons of one capture pattern are exchangeable, so their classes are one
multinomial draw, and the unlisted count is a negative binomial draw. It is compiled by numba
(:mod:`warmonitor.estimate.gibbs`, imported only when a chain runs, so that numba stays out of
every command's start-up; ``cache=True``: the first call in a fresh install compiles it, a few
seconds) and seeded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

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
    from warmonitor.estimate.gibbs import chain  # numba, imported when a chain runs

    patterns = table.patterns.astype(np.int64)
    return chain(
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
