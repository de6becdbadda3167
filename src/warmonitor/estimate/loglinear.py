"""Hierarchical log-linear models of the incomplete 2^J table (Fienberg 1972; Bishop,
Fienberg and Holland 1975, ch. 6).

The expected count of each observed cell is ``log mu_c = u + sum_j u_j x_cj + sum_(j,k) u_jk
x_cj x_ck`` over a chosen set of pairwise interactions (main effects always in), fitted as a
Poisson GLM by iteratively reweighted least squares on the 2^J − 1 observed cells. The model
says what the unobserved cell would hold: ``exp(u)``. Candidates are every set of pairwise
interactions (all of them up to five lists, 1,024 models; forward selection beyond), ranked by
AIC or BIC (BIC with the number of documented persons). The interval is the profile
likelihood's (Cormack 1992): the values of N whose multinomial profile log-likelihood, the model
refitted to the table completed with N − n unlisted, lies within chi2(1, level) / 2 of its
maximum.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations
from statistics import NormalDist
from typing import Literal

import numpy as np
import numpy.typing as npt

from warmonitor.errors import ConfigurationError
from warmonitor.estimate.captures import CaptureTable
from warmonitor.estimate.result import Estimate

__all__ = [
    "Criterion",
    "LoglinearFit",
    "estimate_loglinear",
    "fit_model",
    "profile_interval",
    "rank_models",
]

Criterion = Literal["aic", "bic"]
Pair = tuple[int, int]
Array = npt.NDArray[np.float64]

_ENUMERATE_UP_TO = 10  # pairs: every subset up to five lists, forward selection beyond


@dataclass(frozen=True)
class LoglinearFit:
    """One model fitted to the observed cells: its interactions, the unlisted count it implies,
    its log-likelihood and criteria."""

    pairs: tuple[Pair, ...]
    n0: float
    loglik: float
    aic: float
    bic: float
    deviance: float
    df: int
    converged: bool

    def terms(self, lists: tuple[str, ...]) -> list[str]:
        """The interactions by list names, ``["A*B", …]`` (``[]``: lists independent)."""
        return [f"{lists[j]}*{lists[k]}" for j, k in self.pairs]

    def criterion(self, name: Criterion) -> float:
        """The fit's AIC or BIC."""
        return self.aic if name == "aic" else self.bic


def design(patterns: npt.NDArray[np.int64], pairs: tuple[Pair, ...]) -> Array:
    """The design matrix of cells ``patterns``: intercept, main effects, the pairs' products."""
    x = patterns.astype(np.float64)
    columns = [np.ones(len(x)), *x.T, *(x[:, j] * x[:, k] for j, k in pairs)]
    return np.column_stack(columns)


def _irls(
    x: Array, y: Array, beta: Array | None = None, iterations: int = 100
) -> tuple[Array, Array, bool]:
    """A Poisson GLM (log link) by IRLS: coefficients, fitted means, whether it converged."""
    beta = _solve(x, np.log(y + 0.5)) if beta is None else beta
    eta = np.clip(x @ beta, -700.0, 700.0)
    mu = np.exp(eta)
    deviance = math.inf
    for _ in range(iterations):
        w = np.sqrt(mu)
        beta = _solve(x * w[:, None], w * (eta + (y - mu) / mu))
        eta = np.clip(x @ beta, -700.0, 700.0)
        mu = np.exp(eta)
        new = _deviance(y, mu)
        if abs(deviance - new) <= 1e-9 * (1.0 + abs(new)):
            return beta, mu, True
        deviance = new
    return beta, mu, False


def _solve(a: Array, b: Array) -> Array:
    return np.asarray(np.linalg.lstsq(a, b, rcond=None)[0], dtype=np.float64)


def _deviance(y: Array, mu: Array) -> float:
    ratio = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0) / mu), 0.0)
    return float(2.0 * np.sum(ratio - (y - mu)))


def _xlogy(y: Array, mu: Array) -> float:
    return float(np.sum(np.where(y > 0, y * np.log(np.where(mu > 0, mu, 1e-300)), 0.0)))


def fit_model(table: CaptureTable, pairs: tuple[Pair, ...]) -> LoglinearFit:
    """The model with interactions ``pairs`` (main effects always) fitted to the observed cells."""
    y = table.counts[1:].astype(np.float64)
    x = design(table.patterns[1:], pairs)
    beta, mu, converged = _irls(x, y)
    constant = sum(math.lgamma(v + 1.0) for v in y)
    loglik = _xlogy(y, mu) - float(mu.sum()) - constant
    k = x.shape[1]
    return LoglinearFit(
        pairs=pairs,
        n0=float(np.exp(min(beta[0], 700.0))),
        loglik=loglik,
        aic=-2.0 * loglik + 2.0 * k,
        bic=-2.0 * loglik + k * math.log(table.documented),
        deviance=_deviance(y, mu),
        df=len(y) - k,
        converged=converged and bool(np.isfinite(beta).all()),
    )


def _all_pairs(lists: int) -> list[Pair]:
    return list(combinations(range(lists), 2))


def _subsets(pairs: list[Pair]) -> Iterator[tuple[Pair, ...]]:
    for size in range(len(pairs) + 1):
        yield from combinations(pairs, size)


def rank_models(table: CaptureTable, criterion: Criterion = "aic") -> list[LoglinearFit]:
    """The candidate models that converged, best first by ``criterion``.

    Every set of pairwise interactions is fitted up to five lists; with more, models grow from
    independence one interaction at a time while the criterion improves (the path's models)."""
    _check(table)
    pairs = _all_pairs(len(table.lists))
    if len(pairs) <= _ENUMERATE_UP_TO:
        fits = [fit_model(table, chosen) for chosen in _subsets(pairs)]
    else:
        fits = _forward(table, pairs, criterion)
    usable = [f for f in fits if f.converged and math.isfinite(f.n0)]
    if not usable:
        raise ConfigurationError("no log-linear model could be fitted to these captures")
    return sorted(usable, key=lambda f: f.criterion(criterion))


def _forward(table: CaptureTable, pairs: list[Pair], criterion: Criterion) -> list[LoglinearFit]:
    current = fit_model(table, ())
    path = [current]
    while True:
        left = [p for p in pairs if p not in current.pairs]
        trials = [fit_model(table, (*current.pairs, p)) for p in left]
        trials = [t for t in trials if t.converged]
        if not trials:
            return path
        best = min(trials, key=lambda f: f.criterion(criterion))
        if best.criterion(criterion) >= current.criterion(criterion):
            return path
        current = best
        path.append(best)


def _check(table: CaptureTable) -> None:
    empty = [name for name, size in table.list_sizes.items() if size == 0]
    if empty:
        raise ConfigurationError(
            f"list(s) {', '.join(empty)} name nobody here: a log-linear model needs every "
            "list to name someone (leave them out, or estimate without strata)"
        )


def profile_interval(
    table: CaptureTable, pairs: tuple[Pair, ...], level: float = 0.95
) -> tuple[float, float]:
    """The profile-likelihood interval of N under the model with interactions ``pairs``
    (``high`` is ``inf`` where the likelihood never falls far enough)."""
    n = table.documented
    x = design(table.patterns, pairs)
    state: dict[str, Array] = {}

    def loglik(n0: float) -> float:
        y = table.counts.astype(np.float64)
        y[0] = n0
        beta, mu, _ = _irls(x, y, state.get("beta"))
        state["beta"] = beta
        total = n + n0
        return math.lgamma(total + 1.0) - math.lgamma(n0 + 1.0) + _xlogy(y, mu / total)

    start = fit_model(table, pairs).n0
    top, best = _maximise(loglik, 0.0, max(4.0 * start, start + 4.0 * n, 10.0))
    cut = best - NormalDist().inv_cdf(0.5 + level / 2.0) ** 2 / 2.0
    low = 0.0 if loglik(0.0) >= cut else _crossing(loglik, top, 0.0, cut)
    high = top + max(top, 10.0)
    for _ in range(40):
        if loglik(high) < cut:
            return n + low, n + _crossing(loglik, top, high, cut)
        high *= 2.0
    return n + low, math.inf


def _maximise(f: Callable[[float], float], low: float, high: float) -> tuple[float, float]:
    """Golden-section search for the maximum of a unimodal ``f`` on [low, high]."""
    ratio = (math.sqrt(5.0) - 1.0) / 2.0
    a, b = low, high
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = f(c), f(d)
    while b - a > 1e-6 * (1.0 + abs(a)):
        if fc >= fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = f(d)
    x = (a + b) / 2.0
    return x, float(f(x))


def _crossing(f: Callable[[float], float], inside: float, outside: float, cut: float) -> float:
    """Bisection for where ``f`` crosses ``cut`` between a point above it and one below."""
    for _ in range(100):
        mid = (inside + outside) / 2.0
        if f(mid) >= cut:
            inside = mid
        else:
            outside = mid
        if abs(outside - inside) <= 1e-3 * (1.0 + abs(inside)):
            break
    return (inside + outside) / 2.0


def estimate_loglinear(
    table: CaptureTable, criterion: Criterion = "aic", level: float = 0.95
) -> Estimate:
    """The estimate of the model best by ``criterion``, with its profile-likelihood interval;
    the details name the best model by the other criterion and the runners-up."""
    if criterion not in ("aic", "bic"):
        raise ConfigurationError(f"criterion must be aic or bic, got {criterion!r}")
    ranked = rank_models(table, criterion)
    best = ranked[0]
    other: Criterion = "bic" if criterion == "aic" else "aic"
    alternative = min(ranked, key=lambda f: f.criterion(other))
    low, high = profile_interval(table, best.pairs, level)
    n = table.documented

    def summary(fit: LoglinearFit) -> dict[str, object]:
        return {
            "terms": fit.terms(table.lists),
            "estimate": round(n + fit.n0, 1),
            "aic": round(fit.aic, 3),
            "bic": round(fit.bic, 3),
            "deviance": round(fit.deviance, 3),
            "df": fit.df,
        }

    return Estimate(
        method="loglinear",
        lists=table.lists,
        documented=n,
        estimate=n + best.n0,
        low=low,
        high=high,
        level=level,
        details={
            "criterion": criterion,
            "interval": "profile likelihood",
            "model": summary(best),
            f"best_by_{other}": summary(alternative),
            "runners_up": [summary(f) for f in ranked[1:5]],
            "models_fitted": len(ranked),
        },
    )
