"""What linkage compares: each record's features, Splink's blocking rules and comparison levels.

Pure data and arithmetic: :func:`features` turns a record into the columns Splink reads,
:func:`linkage_settings` is the Splink model (blocking rules, comparisons and their levels, in
Splink's settings form), :func:`explain` turns one scored pair into words. Running Splink is the
job of :mod:`warmonitor.victim_linkage`. docs/VICTIMS.md states the rules.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from warmonitor.victims.names import has_arabic, skeleton_tokens
from warmonitor.victims.records import VictimRecord

__all__ = [
    "BLOCKING_RULES",
    "COMPARISONS",
    "DETERMINISTIC_RULES",
    "DIALECTS",
    "TRAINING_RULES",
    "Level",
    "comparisons",
    "deterministic_rules",
    "explain",
    "features",
    "level_weights",
    "linkage_settings",
    "reference_years",
]

_JW = 0.88

# The SQL dialects the comparisons are written in: Splink on DuckDB and on Spark.
DIALECTS = ("duckdb", "spark")


@dataclass(frozen=True, slots=True)
class _Sql:
    """How a dialect writes what the comparisons need."""

    quote: str  # around an identifier
    jaro_winkler: str  # the function name (Spark: the UDF of Splink's jar)
    list_contains: str  # (list, item)
    list_overlap: str  # a template over {a} and {b}: the lists share an item
    days_apart: str  # a template over {a} and {b}: days between two ISO dates


_SQL: dict[str, _Sql] = {
    "duckdb": _Sql(
        '"',
        "jaro_winkler_similarity",
        "list_contains",
        "len(list_intersect({a}, {b})) >= 1",
        "abs(date_diff('day', CAST({a} AS DATE), CAST({b} AS DATE)))",
    ),
    "spark": _Sql(
        "`",
        "jaro_winkler",
        "array_contains",
        "size(array_intersect({a}, {b})) >= 1",
        "abs(datediff(CAST({b} AS DATE), CAST({a} AS DATE)))",
    ),
}


def _dialect(name: str) -> _Sql:
    if name not in _SQL:
        raise ValueError(f"unknown SQL dialect {name!r} (known: {', '.join(DIALECTS)})")
    return _SQL[name]


@dataclass(frozen=True, slots=True)
class Level:
    """One comparison level: its SQL over ``_l`` / ``_r`` columns and its label."""

    label: str
    sql: str
    tf_column: str | None = None


def _null(d: _Sql, column: str) -> Level:
    q = d.quote
    return Level("missing", f"{q}{column}_l{q} IS NULL OR {q}{column}_r{q} IS NULL")


def _part(d: _Sql, column: str, tf: bool, inside: bool) -> list[Level]:
    q = d.quote
    left, right = f"{q}{column}_l{q}", f"{q}{column}_r{q}"
    levels = [_null(d, column), Level("same", f"{left} = {right}", column if tf else None)]
    if inside:
        levels.append(
            Level(
                "found among the other's parts",
                f"{d.list_contains}({q}tokens_r{q}, {left}) OR "
                f"{d.list_contains}({q}tokens_l{q}, {right})",
            )
        )
        levels.append(
            Level(
                "written inside the other's name",
                f"(length({left}) >= 3 AND contains({q}name_text_r{q}, {left})) OR "
                f"(length({right}) >= 3 AND contains({q}name_text_l{q}, {right}))",
            )
        )
    levels.append(
        Level(f"alike (Jaro-Winkler ≥ {_JW})", f"{d.jaro_winkler}({left}, {right}) >= {_JW}")
    )
    levels.append(Level("different", "ELSE"))
    return levels


def comparisons(dialect: str = "duckdb") -> dict[str, list[Level]]:
    """Comparison name → its levels, most alike first ("missing" is the null level), in the
    SQL of ``dialect`` (``duckdb`` or ``spark``): the same levels, the same meaning."""
    d = _dialect(dialect)
    q = d.quote

    def col(name: str) -> str:
        return f"{q}{name}{q}"

    return {
        "first": _part(d, "first", tf=True, inside=False),
        "father": _part(d, "second", tf=False, inside=True),
        "family": _part(d, "last", tf=True, inside=True),
        "middle": [
            _null(d, "middle"),
            Level("the same", f"{col('middle_l')} = {col('middle_r')}"),
            Level("one shared", d.list_overlap.format(a=col("middle_l"), b=col("middle_r"))),
            Level("none shared", "ELSE"),
        ],
        "birth_year": [
            _null(d, "birth_year"),
            Level("same year", f"{col('birth_year_l')} = {col('birth_year_r')}"),
            Level("1 year apart", f"abs({col('birth_year_l')} - {col('birth_year_r')}) <= 1"),
            Level("2-3 years apart", f"abs({col('birth_year_l')} - {col('birth_year_r')}) <= 3"),
            Level("4-10 years apart", f"abs({col('birth_year_l')} - {col('birth_year_r')}) <= 10"),
            Level("further apart", "ELSE"),
        ],
        "sex": [
            _null(d, "sex"),
            Level("same", f"{col('sex_l')} = {col('sex_r')}"),
            Level("different", "ELSE"),
        ],
        "death_date": [
            _null(d, "death_date"),
            Level("same day", f"{col('death_date_l')} = {col('death_date_r')}"),
            Level(
                "within 7 days",
                d.days_apart.format(a=col("death_date_l"), b=col("death_date_r")) + " <= 7",
            ),
            Level("further apart", "ELSE"),
        ],
    }


# The comparisons in DuckDB's SQL (Splink's default backend here).
COMPARISONS: dict[str, list[Level]] = comparisons("duckdb")

# Pairs compared: those agreeing on one of these (an OR of rules, each pair scored once).
BLOCKING_RULES: list[list[str]] = [
    ["first", "last"],
    ["first", "second"],
    ["second", "last"],
    ["first", "birth_year"],
    ["last", "birth_year"],
]
# Expectation maximisation sessions: each leaves its own columns' parameters untrained.
TRAINING_RULES: list[list[str]] = [
    ["first", "birth_year"],
    ["last", "birth_year", "sex"],
    ["name_key"],
]
# Pairs taken as the same person to estimate how likely two random records are to match.
_DETERMINISTIC = (
    "l.{q}name_key{q} = r.{q}name_key{q} AND l.{q}birth_year{q} = r.{q}birth_year{q}",
    "l.{q}name_key{q} = r.{q}name_key{q} AND l.{q}birth_year{q} IS NULL",
)


def deterministic_rules(dialect: str = "duckdb") -> list[str]:
    """The rules of pairs taken as the same person, in the SQL of ``dialect``."""
    q = _dialect(dialect).quote
    return [rule.format(q=q) for rule in _DETERMINISTIC]


DETERMINISTIC_RULES: list[str] = deterministic_rules("duckdb")


def _sql_rule(columns: list[str], quote: str) -> str:
    return " AND ".join(f"l.{quote}{c}{quote} = r.{quote}{c}{quote}" for c in columns)


def linkage_settings(link_type: str = "link_and_dedupe", dialect: str = "duckdb") -> dict[str, Any]:
    """The Splink settings: ``unique_id``, ``source_dataset``, blocking rules, comparisons,
    their SQL in ``dialect`` (``duckdb`` or ``spark``)."""
    quote = _dialect(dialect).quote
    settings_comparisons = []
    for name, levels in comparisons(dialect).items():
        out_levels: list[dict[str, Any]] = []
        for i, level in enumerate(levels):
            entry: dict[str, Any] = {"sql_condition": level.sql, "label_for_charts": level.label}
            if i == 0:
                entry["is_null_level"] = True
            if level.tf_column:
                entry["tf_adjustment_column"] = level.tf_column
                entry["tf_adjustment_weight"] = 1.0
            out_levels.append(entry)
        settings_comparisons.append({"output_column_name": name, "comparison_levels": out_levels})
    return {
        "link_type": link_type,
        "unique_id_column_name": "unique_id",
        "source_dataset_column_name": "source_dataset",
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": _sql_rule(rule, quote)} for rule in BLOCKING_RULES
        ],
        "comparisons": settings_comparisons,
        "retain_intermediate_calculation_columns": True,
        "max_iterations": 25,
        "retain_matching_columns": False,
    }


def level_weights(model: Mapping[str, Any]) -> dict[str, list[tuple[str, float]]]:
    """Each comparison's levels as (label, match weight = log2 m/u) from a trained Splink
    model (its settings dict); the null level weighs 0."""
    weights: dict[str, list[tuple[str, float]]] = {}
    for comparison in model.get("comparisons", []):
        levels = []
        for level in comparison["comparison_levels"]:
            m = level.get("m_probability")
            u = level.get("u_probability")
            known = m and u and not level.get("is_null_level")
            weight = math.log2(m / u) if known else 0.0
            levels.append((str(level.get("label_for_charts", "")), weight))
        weights[comparison["output_column_name"]] = levels
    return weights


def explain(
    row: Mapping[str, Any], weights: Mapping[str, list[tuple[str, float]]]
) -> list[dict[str, Any]]:
    """A scored pair's comparisons: the level (found by its weight ``mw_<name>``), the weight
    with its term-frequency adjustment, in the model's order."""
    parts = []
    for name, levels in weights.items():
        mw = row.get(f"mw_{name}")
        if mw is None:
            continue
        label = min(levels, key=lambda lw: abs(lw[1] - float(mw)))[0] if levels else ""
        weight = float(mw) + float(row.get(f"mw_tf_adj_{name}") or 0.0)
        parts.append({"comparison": name, "level": label, "weight": round(weight, 2)})
    return parts


def reference_years(records: Iterable[VictimRecord]) -> dict[str, int]:
    """For each list whose ages have neither a date of death nor a birth date: the year its ages
    were counted at, estimated from its records whose name (all parts) is unique in it and in
    one other list that gives birth years: the most common birth year + age, when it holds for
    at least half of these names."""
    by_list: dict[str, list[VictimRecord]] = defaultdict(list)
    for record in records:
        by_list[record.list_name].append(record)
    if not any(_needs_reference(r) for items in by_list.values() for r in items):
        return {}
    unique: dict[str, dict[str, VictimRecord]] = {}
    for name, items in by_list.items():
        keyed = [(_name_key(r), r) for r in items]
        counts = Counter(k for k, _ in keyed)
        unique[name] = {k: r for k, r in keyed if k and counts[k] == 1}
    found: dict[str, int] = {}
    for name, mine in unique.items():
        ages = {k: r.age for k, r in mine.items() if _needs_reference(r)}
        if not ages:
            continue
        sums: Counter[int] = Counter()
        for other, theirs in unique.items():
            if other == name:
                continue
            for key, age in ages.items():
                match = theirs.get(key)
                if match is not None and match.birth_date is not None and age is not None:
                    sums[match.birth_date.year + int(age)] += 1
        if sums:
            year, count = sums.most_common(1)[0]
            if count * 2 >= sum(sums.values()):
                found[name] = year
    return found


def _needs_reference(record: VictimRecord) -> bool:
    return record.age is not None and record.birth_date is None and record.death_date is None


def _name_key(record: VictimRecord) -> str:
    return " ".join(skeleton_tokens(_primary_name(record)))


def _primary_name(record: VictimRecord) -> str:
    """The Arabic spelling where the record has one (Arabic lists are the common ground)."""
    if record.alt_name and has_arabic(record.alt_name) and not has_arabic(record.name):
        return record.alt_name
    return record.name


def features(uid: str, record: VictimRecord, reference_year: int | None) -> dict[str, Any]:
    """The columns Splink compares for one record (``uid`` its id in the linkage)."""
    tokens = skeleton_tokens(_primary_name(record))
    other = skeleton_tokens(record.alt_name) if record.alt_name else []
    if not tokens:
        tokens, other = other, []
    every = tokens + [t for t in other if t not in tokens]
    birth_year: int | None = None
    if record.birth_date is not None:
        birth_year = record.birth_date.year
    elif record.age is not None:
        counted = record.death_date.year if record.death_date else reference_year
        if counted is not None:
            birth_year = counted - int(record.age)
    return {
        "unique_id": uid,
        "source_dataset": record.list_name,
        "tokens": every or None,
        "name_key": " ".join(tokens) or None,
        "name_text": " ".join(every) or None,
        "first": tokens[0] if tokens else None,
        "second": tokens[1] if len(tokens) > 2 else None,
        "middle": tokens[2:-1] or None,
        "last": tokens[-1] if len(tokens) > 1 else None,
        "sex": record.sex,
        "birth_year": birth_year,
        "death_date": record.death_date.isoformat() if record.death_date else None,
    }
