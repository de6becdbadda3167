"""Estimates per stratum (place, period) and across linkage thresholds.

Lists rarely capture alike everywhere and always, so estimates are made within strata and
added up. For LCMCR the total's posterior is the sum of the strata's independent draws (each
stratum's chain seeded apart); for log-linear models the total is the sum of the strata's
estimates, without an interval. The sensitivity table repeats one estimate on the captures of
lists linked at several thresholds: if the estimate moves with the threshold, linkage errors
and not the lists drive it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from warmonitor.errors import ConfigurationError
from warmonitor.estimate.captures import CaptureTable, Stratum
from warmonitor.estimate.lcmcr import LcmcrSettings, estimate_lcmcr
from warmonitor.estimate.loglinear import Criterion, estimate_loglinear
from warmonitor.estimate.result import Estimate

__all__ = [
    "METHODS",
    "Method",
    "Plan",
    "StratumEstimate",
    "ThresholdEstimate",
    "estimate_strata",
    "sensitivity",
    "total",
]

Method = Literal["lcmcr", "loglinear"]
METHODS: tuple[Method, ...] = ("lcmcr", "loglinear")


@dataclass(frozen=True)
class Plan:
    """How to estimate one table: the method, its settings and the interval's level."""

    method: Method = "lcmcr"
    lcmcr: LcmcrSettings = field(default_factory=LcmcrSettings)
    criterion: Criterion = "aic"
    level: float = 0.95

    def run(self, table: CaptureTable, stream: int = 0) -> Estimate:
        """The estimate of ``table``; ``stream`` shifts the LCMCR seed (one per stratum)."""
        if not 0 < self.level < 1:
            raise ConfigurationError(f"the level must be between 0 and 1, got {self.level}")
        if self.method == "lcmcr":
            seed = (self.lcmcr.seed + stream) % 2**32
            return estimate_lcmcr(table, replace(self.lcmcr, seed=seed), self.level)
        if self.method == "loglinear":
            return estimate_loglinear(table, self.criterion, self.level)
        raise ConfigurationError(f"method must be one of {', '.join(METHODS)}, got {self.method!r}")


@dataclass(frozen=True)
class StratumEstimate:
    """One stratum's estimate; ``stratum`` holds its values of the stratifying columns."""

    stratum: Stratum
    estimate: Estimate


@dataclass(frozen=True)
class ThresholdEstimate:
    """The estimate from the lists as linked at one threshold."""

    threshold: float
    estimate: Estimate


def estimate_strata(tables: Mapping[Stratum, CaptureTable], plan: Plan) -> list[StratumEstimate]:
    """Each stratum's estimate, strata in sorted order (seeds shifted by the stratum's rank)."""
    return [
        StratumEstimate(stratum, plan.run(tables[stratum], stream))
        for stream, stratum in enumerate(sorted(tables))
    ]


def total(estimates: list[Estimate]) -> Estimate:
    """The strata's estimates added up: summed posterior draws (median and equal-tailed
    interval of the sum) where every estimate has draws, else the sum of the point estimates
    with no interval (``nan``)."""
    if not estimates:
        raise ConfigurationError("no estimate to add up")
    first = estimates[0]
    documented = sum(e.documented for e in estimates)
    draws = [e.draws for e in estimates]
    if all(d is not None for d in draws):
        summed = np.sum(np.vstack(draws), axis=0)  # type: ignore[arg-type]
        tail = (1 - first.level) / 2
        low, median, high = np.quantile(summed, [tail, 0.5, 1 - tail])
        values = (float(median), float(low), float(high))
        how = "sum of the strata's posterior draws"
    else:
        values = (sum(e.estimate for e in estimates), float("nan"), float("nan"))
        how = "sum of the strata's estimates (no interval)"
    return Estimate(
        method=first.method,
        lists=first.lists,
        documented=documented,
        estimate=values[0],
        low=values[1],
        high=values[2],
        level=first.level,
        details={"strata": len(estimates), "total": how},
    )


def sensitivity(tables: Mapping[float, CaptureTable], plan: Plan) -> list[ThresholdEstimate]:
    """The same estimate on the captures of lists linked at each threshold, lowest first
    (every threshold's chain with the plan's own seed, so that only the captures differ)."""
    return [ThresholdEstimate(t, plan.run(tables[t])) for t in sorted(tables)]
