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
    "TRAINING_RULES",
    "Level",
    "explain",
    "features",
    "level_weights",
    "linkage_settings",
    "reference_years",
]

_JW = 0.88


@dataclass(frozen=True, slots=True)
class Level:
    """One comparison level: its SQL over ``_l`` / ``_r`` columns and its label."""

    label: str
    sql: str
    tf_column: str | None = None


def _null(column: str) -> Level:
    return Level("missing", f'"{column}_l" IS NULL OR "{column}_r" IS NULL')


def _part(column: str, tf: bool, inside: bool) -> list[Level]:
    levels = [
        _null(column),
        Level("same", f'"{column}_l" = "{column}_r"', column if tf else None),
    ]
    if inside:
        levels.append(
            Level(
                "found among the other's parts",
                f'list_contains("tokens_r", "{column}_l") OR '
                f'list_contains("tokens_l", "{column}_r")',
            )
        )
        levels.append(
            Level(
                "written inside the other's name",
                f'(length("{column}_l") >= 3 AND contains("name_text_r", "{column}_l")) OR '
                f'(length("{column}_r") >= 3 AND contains("name_text_l", "{column}_r"))',
            )
        )
    levels.append(
        Level(
            f"alike (Jaro-Winkler ≥ {_JW})",
            f'jaro_winkler_similarity("{column}_l", "{column}_r") >= {_JW}',
        )
    )
    levels.append(Level("different", "ELSE"))
    return levels


# Comparison name → its levels, most alike first; "missing" is the null level.
COMPARISONS: dict[str, list[Level]] = {
    "first": _part("first", tf=True, inside=False),
    "father": _part("second", tf=False, inside=True),
    "family": _part("last", tf=True, inside=True),
    "middle": [
        _null("middle"),
        Level("the same", '"middle_l" = "middle_r"'),
        Level("one shared", 'len(list_intersect("middle_l", "middle_r")) >= 1'),
        Level("none shared", "ELSE"),
    ],
    "birth_year": [
        _null("birth_year"),
        Level("same year", '"birth_year_l" = "birth_year_r"'),
        Level("1 year apart", 'abs("birth_year_l" - "birth_year_r") <= 1'),
        Level("2-3 years apart", 'abs("birth_year_l" - "birth_year_r") <= 3'),
        Level("4-10 years apart", 'abs("birth_year_l" - "birth_year_r") <= 10'),
        Level("further apart", "ELSE"),
    ],
    "sex": [_null("sex"), Level("same", '"sex_l" = "sex_r"'), Level("different", "ELSE")],
    "death_date": [
        _null("death_date"),
        Level("same day", '"death_date_l" = "death_date_r"'),
        Level(
            "within 7 days",
            'abs(date_diff(\'day\', CAST("death_date_l" AS DATE), CAST("death_date_r" AS DATE)))'
            " <= 7",
        ),
        Level("further apart", "ELSE"),
    ],
}

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
DETERMINISTIC_RULES: list[str] = [
    'l."name_key" = r."name_key" AND l."birth_year" = r."birth_year"',
    'l."name_key" = r."name_key" AND l."birth_year" IS NULL',
]


def _sql_rule(columns: list[str]) -> str:
    return " AND ".join(f'l."{c}" = r."{c}"' for c in columns)


def linkage_settings(link_type: str = "link_and_dedupe") -> dict[str, Any]:
    """The Splink settings: ``unique_id``, ``source_dataset``, blocking rules, comparisons."""
    comparisons = []
    for name, levels in COMPARISONS.items():
        out_levels: list[dict[str, Any]] = []
        for i, level in enumerate(levels):
            entry: dict[str, Any] = {"sql_condition": level.sql, "label_for_charts": level.label}
            if i == 0:
                entry["is_null_level"] = True
            if level.tf_column:
                entry["tf_adjustment_column"] = level.tf_column
                entry["tf_adjustment_weight"] = 1.0
            out_levels.append(entry)
        comparisons.append({"output_column_name": name, "comparison_levels": out_levels})
    return {
        "link_type": link_type,
        "unique_id_column_name": "unique_id",
        "source_dataset_column_name": "source_dataset",
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": _sql_rule(rule)} for rule in BLOCKING_RULES
        ],
        "comparisons": comparisons,
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
