"""Estimation of the undocumented dead from overlapping lists (multiple systems estimation).

Pure: no file, network or database. ``captures`` turns capture histories into the incomplete
contingency table; ``loglinear`` fits hierarchical log-linear models with pairwise
interactions (Poisson GLMs, AIC/BIC selection, profile-likelihood intervals); ``lcmcr`` the
Bayesian latent-class model (Manrique-Vallier 2016; its Gibbs sampler, compiled by numba, in
``gibbs``, imported only when a chain runs); ``strata`` estimates per stratum and across linkage
thresholds. See docs/ESTIMATION.md.
"""

from __future__ import annotations

from warmonitor.estimate.captures import (
    MIN_LISTS,
    CaptureTable,
    Stratum,
    merge_strata,
    parse_captures,
    tables_from_persons,
)
from warmonitor.estimate.lcmcr import LcmcrSettings, effective_size, estimate_lcmcr, sample_lcmcr
from warmonitor.estimate.loglinear import (
    Criterion,
    LoglinearFit,
    estimate_loglinear,
    fit_model,
    profile_interval,
    rank_models,
)
from warmonitor.estimate.result import Estimate
from warmonitor.estimate.strata import (
    METHODS,
    Method,
    Plan,
    StratumEstimate,
    ThresholdEstimate,
    estimate_strata,
    sensitivity,
    total,
)

__all__ = [
    "METHODS",
    "MIN_LISTS",
    "CaptureTable",
    "Criterion",
    "Estimate",
    "LcmcrSettings",
    "LoglinearFit",
    "Method",
    "Plan",
    "Stratum",
    "StratumEstimate",
    "ThresholdEstimate",
    "effective_size",
    "estimate_lcmcr",
    "estimate_loglinear",
    "estimate_strata",
    "fit_model",
    "merge_strata",
    "parse_captures",
    "profile_interval",
    "rank_models",
    "sample_lcmcr",
    "sensitivity",
    "tables_from_persons",
    "total",
]
