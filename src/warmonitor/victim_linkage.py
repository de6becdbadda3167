"""Splink over victims' records: train the model, score the blocked pairs, explain each score.

Runs Splink (imported only here, and only when called) on a :class:`LinkageBackend`: by default
an in-memory DuckDB whose automatic extension downloads are switched off, so nothing is fetched
at run time; or Spark (``warmonitor.engines.spark.SparkLinkage``), the same model in Spark's
SQL. The model is
:func:`warmonitor.victims.compare.linkage_settings`; training is unsupervised: the chance that two
random records match from deterministic rules, u-probabilities from random pairs,
m-probabilities by expectation maximisation in the sessions of ``TRAINING_RULES``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from warmonitor.victims.calibrate import logit2, pair_priors, probability
from warmonitor.victims.compare import (
    TRAINING_RULES,
    deterministic_rules,
    explain,
    level_weights,
    linkage_settings,
)

__all__ = [
    "M_FLOOR",
    "DuckDBBackend",
    "LinkageBackend",
    "ScoredPair",
    "SplinkResult",
    "floor_probabilities",
    "score_pairs",
]

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


class LinkageBackend(Protocol):
    """Where Splink runs: its database API, the SQL dialect of the comparisons, and the few
    queries scoring needs over Splink's tables (named parameters written by :meth:`param`)."""

    dialect: str
    db_api: Any

    def register(self, rows: Sequence[dict[str, Any]], table_name: str) -> Any:
        """``rows`` (from ``features``) as a table Splink reads."""

    def param(self, name: str) -> str:
        """How a named parameter is written in this backend's SQL."""

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """The rows of ``sql``, each as a dict."""

    def column(self, sql: str, params: dict[str, Any] | None = None) -> np.ndarray:
        """The only column of ``sql`` as floats."""


class DuckDBBackend:
    """Splink on an in-memory DuckDB whose automatic extension downloads are switched off.
    ``threads``, ``memory_limit`` (e.g. ``"6GB"``) and ``spill_to`` (a folder) bound it."""

    dialect = "duckdb"

    def __init__(
        self,
        threads: int | None = None,
        memory_limit: str | None = None,
        spill_to: str | None = None,
    ) -> None:
        import duckdb
        from splink import DuckDBAPI

        config: dict[str, str | bool | int | float | list[str]] = {
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
        }
        self.connection = duckdb.connect(":memory:", config=config)
        if threads:
            self.connection.execute(f"SET threads TO {int(threads)}")
        if memory_limit:  # DuckDB spills what does not fit to ``spill_to``
            self.connection.execute("SET memory_limit = ?", [memory_limit])
        if spill_to:
            self.connection.execute("SET temp_directory = ?", [spill_to])
        self.db_api = DuckDBAPI(connection=self.connection)

    def register(self, rows: Sequence[dict[str, Any]], table_name: str) -> Any:
        return self.db_api.register(_arrow_table(rows), table_name=table_name)

    def param(self, name: str) -> str:
        return f"${name}"

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = (
            self.connection.sql(sql, params=params or {}).to_arrow_table().to_pylist()
        )
        return rows

    def column(self, sql: str, params: dict[str, Any] | None = None) -> np.ndarray:
        found = self.connection.execute(sql, params or {}).fetchnumpy()
        return np.asarray(next(iter(found.values())), dtype=float)

    def close(self) -> None:
        self.connection.close()


def score_pairs(
    rows: Sequence[dict[str, Any]],
    *,
    floor: float,
    threads: int | None = None,
    memory_limit: str | None = None,
    spill_to: str | None = None,
    backend: LinkageBackend | None = None,
) -> SplinkResult:
    """Score every blocked pair of ``rows`` (from :func:`~warmonitor.victims.compare.features`)
    and keep those whose match probability is at least ``floor``. Splink runs on ``backend``
    (left open), by default on a :class:`DuckDBBackend` of ``threads``, ``memory_limit`` and
    ``spill_to``, closed when done."""
    if backend is not None:
        return _score(rows, floor, backend)
    duck = DuckDBBackend(threads, memory_limit, spill_to)
    try:
        return _score(rows, floor, duck)
    finally:
        duck.close()


def _score(rows: Sequence[dict[str, Any]], floor: float, backend: LinkageBackend) -> SplinkResult:
    from splink import Linker, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    by_list: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_list.setdefault(row["source_dataset"], []).append(row)
    lists = sorted(by_list)
    sizes = {name: len(by_list[name]) for name in lists}
    tables = [backend.register(by_list[name], f"victims_{i}") for i, name in enumerate(lists)]
    link_type = "dedupe_only" if len(lists) == 1 else "link_and_dedupe"
    inputs = tables if len(tables) > 1 else tables[0]
    linker = Linker(inputs, linkage_settings(link_type, backend.dialect), None)
    training = linker.training
    training.estimate_probability_two_random_records_match(
        list[Any](deterministic_rules(backend.dialect)), recall=0.7
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
    a, b = backend.param("a"), backend.param("b")
    if len(lists) == 1:  # dedupe_only keeps no source columns
        list_pairs = [(lists[0], lists[0])]
        one_way = both_ways = "TRUE"
    else:
        list_pairs = [
            (str(r["l"]), str(r["r"]))
            for r in backend.query(
                f"SELECT DISTINCT source_dataset_l AS l, source_dataset_r AS r FROM {table}"
            )
        ]
        one_way = f"source_dataset_l = {a} AND source_dataset_r = {b}"
        both_ways = f"(({one_way}) OR (source_dataset_l = {b} AND source_dataset_r = {a}))"
    evidence: dict[tuple[str, str], Any] = {}
    for left, right in sorted(list_pairs):
        values = backend.column(
            f"SELECT match_weight FROM {table} WHERE {one_way}",
            {"a": left, "b": right} if len(lists) > 1 else None,
        )
        key = _lists_key(left, right)
        shifted = values - logit2(start)
        evidence[key] = shifted if key not in evidence else np.concatenate([evidence[key], shifted])
    priors = pair_priors(evidence, sizes, start)
    weights = level_weights(model)
    scored = []
    least_p = backend.param("least")
    for (left, right), prior in priors.items():
        least = logit2(floor) - logit2(prior) + logit2(start) if floor > 0 else -1e9
        params: dict[str, Any] = {"least": least}
        if len(lists) > 1:
            params |= {"a": left, "b": right}
        records = backend.query(
            f"SELECT * FROM {table} WHERE match_weight >= {least_p} AND {both_ways}",
            params,
        )
        for row in records:
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
    return SplinkResult(scored, model)
