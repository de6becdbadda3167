"""Log-linear models on simulated captures: the fitted unlisted cell, selection, intervals."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest

from capture_factory import simulate
from warmonitor.errors import ConfigurationError
from warmonitor.estimate import CaptureTable, estimate_loglinear, fit_model, rank_models

PROBS = (0.3, 0.25, 0.2, 0.35)


def expected_table(population: int, probs: tuple[float, ...]) -> CaptureTable:
    """Independent lists' expected counts, rounded: the model's own world."""
    counts = np.zeros(2 ** len(probs), dtype=np.int64)
    for bits in product((0, 1), repeat=len(probs)):
        cell = sum(b << j for j, b in enumerate(bits))
        p = np.prod([q if b else 1 - q for q, b in zip(probs, bits, strict=True)])
        counts[cell] = round(population * p) if cell else 0
    return CaptureTable(tuple("ABCD"[: len(probs)]), counts)


def test_independence_recovers_the_unlisted_of_its_own_world() -> None:
    table = expected_table(1_000_000, PROBS)
    fit = fit_model(table, ())
    unlisted = 1_000_000 * np.prod([1 - p for p in PROBS])
    assert fit.n0 == pytest.approx(unlisted, rel=1e-3)
    assert fit.df == 15 - 5


def test_every_pairwise_model_of_four_lists_is_ranked() -> None:
    table = simulate(2_000, [(1.0, PROBS)], seed=3)
    ranked = rank_models(table, "bic")
    assert len(ranked) == 64
    assert [f.bic for f in ranked] == sorted(f.bic for f in ranked)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_independent_lists_population_within_the_interval(seed: int) -> None:
    table = simulate(2_000, [(1.0, PROBS)], seed=seed)
    for criterion in ("aic", "bic"):
        e = estimate_loglinear(table, criterion)  # type: ignore[arg-type]
        assert e.low < e.estimate < e.high
        assert e.low <= 2_000 <= e.high, (criterion, e.low, e.estimate, e.high)
        assert e.details["criterion"] == criterion


def test_a_dependence_between_two_lists_is_selected() -> None:
    rng = np.random.default_rng(5)
    a = rng.random(3_000) < 0.3
    b = np.where(a, rng.random(3_000) < 0.7, rng.random(3_000) < 0.1)  # B follows A
    c, d = (rng.random(3_000) < 0.3 for _ in range(2))
    rows = np.column_stack([a, b, c, d]).astype(int)
    table = CaptureTable.from_histories(rows[rows.any(axis=1)], "ABCD")
    e = estimate_loglinear(table, "bic")
    assert "A*B" in e.details["model"]["terms"]
    assert e.low <= 3_000 <= e.high


def test_more_than_five_lists_grow_models_forward() -> None:
    table = simulate(1_500, [(1.0, (0.3, 0.3, 0.25, 0.2, 0.3, 0.35))], seed=4)
    e = estimate_loglinear(table, "aic")
    assert e.details["models_fitted"] < 2**15
    assert e.low <= 1_500 <= e.high


def test_a_list_that_names_nobody_is_refused() -> None:
    table = CaptureTable.from_histories([[1, 0, 0], [1, 1, 0]], "ABC")
    with pytest.raises(ConfigurationError, match="list\\(s\\) C name nobody"):
        estimate_loglinear(table)
