"""Victim lists, pure: records and their rows' problems, names across scripts, what linkage
compares and how its scores are calibrated. No I/O: the service reads files, the store keeps
records, :mod:`warmonitor.victim_linkage` runs Splink. See docs/VICTIMS.md."""

from warmonitor.victims.calibrate import logit2, pair_priors, probability
from warmonitor.victims.compare import (
    BLOCKING_RULES,
    COMPARISONS,
    DETERMINISTIC_RULES,
    DIALECTS,
    TRAINING_RULES,
    comparisons,
    deterministic_rules,
    explain,
    features,
    level_weights,
    linkage_settings,
    reference_years,
)
from warmonitor.victims.names import (
    has_arabic,
    name_tokens,
    normalize_arabic,
    normalize_latin,
    skeleton,
    skeleton_tokens,
)
from warmonitor.victims.records import (
    FIELDS,
    RowProblem,
    VictimRecord,
    column_mapping,
    parse_rows,
)

__all__ = [
    "BLOCKING_RULES",
    "COMPARISONS",
    "DETERMINISTIC_RULES",
    "DIALECTS",
    "FIELDS",
    "TRAINING_RULES",
    "RowProblem",
    "VictimRecord",
    "column_mapping",
    "comparisons",
    "deterministic_rules",
    "explain",
    "features",
    "has_arabic",
    "level_weights",
    "linkage_settings",
    "logit2",
    "name_tokens",
    "normalize_arabic",
    "normalize_latin",
    "pair_priors",
    "parse_rows",
    "probability",
    "reference_years",
    "skeleton",
    "skeleton_tokens",
]
