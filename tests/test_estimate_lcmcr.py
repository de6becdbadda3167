"""The LCMCR sampler on simulated captures: coverage, seeds, strata, thresholds (short chains)."""

from __future__ import annotations

import numpy as np
import pytest

from capture_factory import simulate
from warmonitor.errors import ConfigurationError
from warmonitor.estimate import (
    LcmcrSettings,
    Plan,
    effective_size,
    estimate_lcmcr,
    estimate_strata,
    fit_model,
    profile_interval,
    sample_lcmcr,
    sensitivity,
    total,
)

SHORT = LcmcrSettings(K=10, burnin=2_000, samples=500, thin=20, seed=11)
# two latent groups: a third of the dead are harder to document on every list
HETEROGENEOUS = [(2.0, (0.5, 0.4, 0.45, 0.35, 0.5)), (1.0, (0.15, 0.2, 0.1, 0.2, 0.15))]


def test_the_posterior_interval_covers_a_heterogeneous_population() -> None:
    table = simulate(3_000, HETEROGENEOUS, seed=2)
    e = estimate_lcmcr(table, SHORT)
    assert e.low <= 3_000 <= e.high, (e.low, e.estimate, e.high)
    assert e.documented < e.low < e.estimate < e.high
    assert e.draws is not None and len(e.draws) == 500


def test_independent_lists_are_covered_too() -> None:
    table = simulate(2_000, [(1.0, (0.3, 0.25, 0.2, 0.35))], seed=7)
    e = estimate_lcmcr(table, SHORT)
    assert e.low <= 2_000 <= e.high, (e.low, e.estimate, e.high)


def test_a_seed_reproduces_its_draws_and_another_differs() -> None:
    table = simulate(1_000, HETEROGENEOUS, seed=1)
    settings = LcmcrSettings(K=4, burnin=50, samples=40, thin=2, seed=5)
    first = sample_lcmcr(table, settings)
    assert np.array_equal(first, sample_lcmcr(table, settings))
    other = sample_lcmcr(table, LcmcrSettings(K=4, burnin=50, samples=40, thin=2, seed=6))
    assert not np.array_equal(first, other)
    assert (first >= table.documented).all()


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        (LcmcrSettings(K=0), "K must be at least 1"),
        (LcmcrSettings(a=0), "a and b must be positive"),
        (LcmcrSettings(thin=0), "thin >= 1"),
        (LcmcrSettings(seed=-1), "seed"),
    ],
)
def test_settings_out_of_range_are_refused(settings: LcmcrSettings, problem: str) -> None:
    table = simulate(300, HETEROGENEOUS, seed=1)
    with pytest.raises(ConfigurationError, match=problem):
        sample_lcmcr(table, settings)


def test_strata_are_estimated_apart_and_their_draws_added() -> None:
    tables = {
        ("north",): simulate(1_500, HETEROGENEOUS, seed=3),
        ("south",): simulate(800, HETEROGENEOUS, seed=4),
    }
    strata = estimate_strata(tables, Plan("lcmcr", SHORT))
    assert [s.stratum for s in strata] == [("north",), ("south",)]
    summed = total([s.estimate for s in strata])
    assert summed.documented == sum(t.documented for t in tables.values())
    parts = sum(s.estimate.estimate for s in strata)
    assert summed.low < summed.estimate < summed.high
    assert summed.estimate == pytest.approx(parts, rel=0.05)
    assert summed.estimate == pytest.approx(2_300, rel=0.1)
    widths = [s.estimate.high - s.estimate.low for s in strata]
    assert max(widths) < summed.high - summed.low < sum(widths)


def test_log_linear_strata_add_up_without_an_interval() -> None:
    tables = {("a",): simulate(900, HETEROGENEOUS, seed=5), ("b",): simulate(700, HETEROGENEOUS, 6)}
    strata = estimate_strata(tables, Plan("loglinear"))
    summed = total([s.estimate for s in strata])
    assert summed.estimate == pytest.approx(sum(s.estimate.estimate for s in strata))
    assert np.isnan(summed.low) and np.isnan(summed.high)


def test_sensitivity_orders_thresholds_and_follows_the_captures() -> None:
    linked = simulate(2_000, HETEROGENEOUS, seed=8)
    loose = np.array(linked.counts)
    loose[1] += 150  # a lower threshold links less: persons fall apart into single-list cells
    tables = {0.9: linked, 0.5: type(linked)(linked.lists, loose)}
    rows = sensitivity(tables, Plan("lcmcr", SHORT))
    assert [r.threshold for r in rows] == [0.5, 0.9]
    assert rows[0].estimate.documented == rows[1].estimate.documented + 150
    assert rows[0].estimate.estimate > rows[1].estimate.estimate


def test_one_class_is_the_independence_model() -> None:
    """With K = 1 the latent-class model is independence with flat priors: its posterior sits
    on the log-linear independence model's estimate and profile interval."""
    table = simulate(2_000, [(1.0, (0.3, 0.25, 0.2, 0.35))], seed=3)
    fit = fit_model(table, ())
    low, high = profile_interval(table, ())
    e = estimate_lcmcr(table, LcmcrSettings(K=1, burnin=1_000, samples=2_000, thin=5, seed=3))
    assert e.estimate == pytest.approx(table.documented + fit.n0, rel=0.01)
    assert e.low == pytest.approx(low, rel=0.01)
    assert e.high == pytest.approx(high, rel=0.01)


def test_effective_draws_count_what_autocorrelation_leaves() -> None:
    rng = np.random.default_rng(2)
    assert effective_size(rng.normal(size=2_000)) == pytest.approx(2_000, rel=0.15)
    chain = np.zeros(50_000)
    shocks = rng.normal(size=len(chain))
    for i in range(1, len(chain)):
        chain[i] = 0.9 * chain[i - 1] + shocks[i]
    assert effective_size(chain) == pytest.approx(len(chain) * 0.1 / 1.9, rel=0.2)
    e = estimate_lcmcr(simulate(800, HETEROGENEOUS, seed=1), SHORT)
    assert 1 < e.details["effective_draws"] <= SHORT.samples
