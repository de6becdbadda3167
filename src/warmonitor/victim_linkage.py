"""Splink over victims' records: train the model, score the blocked pairs, explain each score.

Runs Splink (imported only here, and only when called) on an in-memory DuckDB whose automatic
extension downloads are switched off, so nothing is fetched at run time. The model is
:func:`warmonitor.victims.compare.linkage_settings`; training is unsupervised: the chance that two
random records match from deterministic rules, u-probabilities from random pairs,
m-probabilities by expectation maximisation in the sessions of ``TRAINING_RULES``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from warmonitor.victims.calibrate import logit2, pair_priors, probability
from warmonitor.victims.compare import (
    DETERMINISTIC_RULES,
    TRAINING_RULES,
    explain,
    level_weights,
    linkage_settings,
)

__all__ = ["M_FLOOR", "ScoredPair", "SplinkResult", "floor_probabilities", "score_pairs"]

_SEED = 8
M_FLOOR = 0.005
U_PAIRS = 5e6


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two records (their linkage ids) with Splink's probability, weight and its parts."""

    left: str
    right: str
    probability: float
    weight: float
    detail: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class SplinkResult:
    """The pairs scored at or above the floor and the trained model (Splink's settings)."""

    pairs: list[ScoredPair]
    model: dict[str, Any]


def _arrow_table(rows: Sequence[dict[str, Any]]) -> Any:
    import pyarrow as pa

    schema = pa.schema(
        [
            ("unique_id", pa.string()),
            ("source_dataset", pa.string()),
            ("tokens", pa.list_(pa.string())),
            ("name_key", pa.string()),
            ("name_text", pa.string()),
            ("first", pa.string()),
            ("second", pa.string()),
            ("middle", pa.list_(pa.string())),
            ("last", pa.string()),
            ("sex", pa.string()),
            ("birth_year", pa.int64()),
            ("death_date", pa.string()),
        ]
    )
    return pa.Table.from_pylist(list(rows), schema=schema)


def _lists_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def floor_probabilities(model: dict[str, Any], least: float = M_FLOOR) -> dict[str, Any]:
    """The model with every m- and u-probability at least ``least`` (renormalised), so that
    no level EM never saw in a match (or a non-match) rules a pair out or in by itself."""
    for comparison in model.get("comparisons", []):
        for key in ("m_probability", "u_probability"):
            levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
            values = [max(float(lv.get(key) or 0.0), least) for lv in levels]
            total = sum(values)
            for level, value in zip(levels, values, strict=True):
                level[key] = value / total
    return model


def score_pairs(
    rows: Sequence[dict[str, Any]],
    *,
    floor: float,
    threads: int | None = None,
    memory_limit: str | None = None,
    spill_to: str | None = None,
) -> SplinkResult:
    """Score every blocked pair of ``rows`` (from :func:`~warmonitor.victims.compare.features`)
    and keep those whose match probability is at least ``floor``. ``threads``, ``memory_limit``
    (e.g. ``"6GB"``) and ``spill_to`` (a folder) bound DuckDB."""
    import duckdb
    from splink import DuckDBAPI, Linker, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    connection = duckdb.connect(":memory:", config=config)
    if threads:
        connection.execute(f"SET threads TO {int(threads)}")
    if memory_limit:  # DuckDB spills what does not fit to ``spill_to``
        connection.execute("SET memory_limit = ?", [memory_limit])
    if spill_to:
        connection.execute("SET temp_directory = ?", [spill_to])
    db_api = DuckDBAPI(connection=connection)
    by_list: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_list.setdefault(row["source_dataset"], []).append(row)
    lists = sorted(by_list)
    sizes = {name: len(by_list[name]) for name in lists}
    tables = [
        db_api.register(_arrow_table(by_list[name]), table_name=f"victims_{i}")
        for i, name in enumerate(lists)
    ]
    link_type = "dedupe_only" if len(lists) == 1 else "link_and_dedupe"
    inputs = tables if len(tables) > 1 else tables[0]
    linker = Linker(inputs, linkage_settings(link_type), None)
    training = linker.training
    training.estimate_probability_two_random_records_match(
        list[Any](DETERMINISTIC_RULES), recall=0.7
    )
    training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=_SEED)
    for rule in TRAINING_RULES:
        before = linker.misc.save_model_to_json()
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*rule), record_sample_proportion=1.0, max_pairs=2e6
            )
        except ValueError as exc:  # Splink refuses an m that underflows (small lists)
            logging.getLogger(__name__).info("EM session on %s left out: %s", rule, exc)
            linker = Linker(inputs, before, None)  # a failed session leaves comparisons out
    model = floor_probabilities(linker.misc.save_model_to_json())
    linker = Linker(inputs, model, None)
    start = float(model["probability_two_random_records_match"])
    predictions = linker.inference.predict(threshold_match_weight=logit2(start) - 5)
    table = predictions.physical_name
    evidence: dict[tuple[str, str], Any] = {}
    if len(lists) == 1:  # dedupe_only keeps no source columns
        quoted = "'" + lists[0].replace("'", "''") + "'"
        source_l = source_r = quoted
    else:
        source_l, source_r = "source_dataset_l", "source_dataset_r"
    for left, right in connection.execute(
        f"SELECT DISTINCT {source_l}, {source_r} FROM {table}"
    ).fetchall():
        values = connection.execute(
            f"SELECT match_weight FROM {table} WHERE {source_l} = ? AND {source_r} = ?",
            [left, right],
        ).fetchnumpy()["match_weight"]
        key = _lists_key(left, right)
        shifted = values - logit2(start)
        evidence[key] = shifted if key not in evidence else np.concatenate([evidence[key], shifted])
    priors = pair_priors(evidence, sizes, start)
    weights = level_weights(model)
    scored = []
    for (left, right), prior in priors.items():
        least = logit2(floor) - logit2(prior) + logit2(start) if floor > 0 else -1e9
        records = connection.sql(
            f"SELECT * FROM {table} WHERE match_weight >= $1 AND "
            f"(({source_l} = $2 AND {source_r} = $3) OR ({source_l} = $3 AND {source_r} = $2))",
            params=[least, left, right],
        ).to_arrow_table()
        for row in records.to_pylist():
            evidence_of = float(row["match_weight"]) - logit2(start)
            scored.append(
                ScoredPair(
                    left=str(row["unique_id_l"]),
                    right=str(row["unique_id_r"]),
                    probability=probability(evidence_of, prior),
                    weight=evidence_of + logit2(prior),
                    detail=explain(row, weights),
                )
            )
    model["warmonitor_priors"] = [
        {"lists": list(key), "probability_two_random_records_match": value}
        for key, value in sorted(priors.items())
    ]
    connection.close()
    return SplinkResult(scored, model)
