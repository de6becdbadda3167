"""``estimate_captures``, ``read_captures`` and ``stored_captures``: the estimation verb of the
faces, joining capture files and the store's linked victim lists to the pure ``estimate``
package.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from warmonitor.errors import ConfigurationError, InputError, NotFoundError
from warmonitor.estimate import (
    MIN_LISTS,
    CaptureTable,
    Estimate,
    Plan,
    Stratum,
    StratumEstimate,
    ThresholdEstimate,
    estimate_strata,
    merge_strata,
    parse_captures,
    sensitivity,
    tables_from_persons,
    total,
)
from warmonitor.store import Store
from warmonitor.victims.records import VictimRecord

__all__ = [
    "STORED_STRATA",
    "EstimationReport",
    "StoredCaptures",
    "estimate_captures",
    "estimate_sensitivity",
    "read_captures",
    "stored_captures",
    "stored_sensitivity",
]


@dataclass(frozen=True)
class EstimationReport:
    """The estimate of every stratum and of their total, from one source and plan."""

    source: str
    strata_columns: tuple[str, ...]
    plan: Plan
    strata: list[StratumEstimate]
    total: Estimate
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the total's fields at the top, then each stratum's."""
        settings: dict[str, Any] = {"level": self.plan.level}
        if self.plan.method == "lcmcr":
            settings |= asdict(self.plan.lcmcr)
        else:
            settings["criterion"] = self.plan.criterion
        return {
            "source": self.source,
            **self.total.as_dict(),
            "settings": settings,
            "strata": [
                {"stratum": dict(zip(self.strata_columns, s.stratum, strict=True))}
                | s.estimate.as_dict()
                for s in self.strata
            ]
            if self.strata_columns
            else [],
            "seconds": round(self.seconds, 3),
        }


def read_captures(path: Path, strata: Sequence[str] = ()) -> dict[Stratum, CaptureTable]:
    """The capture tables of a CSV file, per stratum (:class:`InputError` naming the file)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    return parse_captures(text.splitlines(), str(path), strata)


STORED_STRATA = ("place", "year", "month")
"""What the store's persons can be stratified by: place of death, year or month of death."""


def stored_captures(
    store: Store, strata: Sequence[str] = (), *, threshold: float | None = None
) -> StoredCaptures:
    """The capture tables of the store's linked victim lists, one person per linked group of
    records, per stratum of ``STORED_STRATA`` (a person's value: the most frequent among its
    records, ``unknown`` when none gives one); with ``threshold``, the persons the latest
    run's stored pairs give at that threshold (``victim_service.persons_at``).

    :class:`NotFoundError` when no lists are imported and linked yet;
    :class:`ConfigurationError` for records imported since the last link, fewer than three
    lists, or a stratum the store cannot give."""
    unknown = [s for s in strata if s not in STORED_STRATA]
    if unknown:
        raise ConfigurationError(
            f"the store's persons stratify by {', '.join(STORED_STRATA)}, "
            f"not {', '.join(map(repr, unknown))}"
        )
    run = store.victim_link_run()
    records = store.victim_records()
    if run is None or not records:
        raise NotFoundError(
            "no linked victim lists are stored yet: import them with `warmonitor victims "
            "import` and link them with `warmonitor victims link`, or give the captures as a "
            "CSV file with --captures FILE (one row per person, one 0/1 column per list)"
        )
    person_of = store.victim_persons()
    if threshold is not None and person_of:
        from warmonitor.victim_service import persons_at

        person_of = persons_at(store, threshold)
    stale = sum(1 for s in records if s.pk not in person_of)
    if stale:
        raise ConfigurationError(
            f"{stale} record(s) imported since the last link: run `warmonitor victims link` again"
        )
    lists = sorted({s.record.list_name for s in records})
    if len(lists) < MIN_LISTS:
        raise ConfigurationError(
            f"the store holds {len(lists)} list(s) ({', '.join(lists)}); estimation needs at "
            f"least {MIN_LISTS} linked lists"
        )
    members: dict[int, list[VictimRecord]] = {}
    for s in records:
        members.setdefault(person_of[s.pk], []).append(s.record)
    persons = [
        (tuple(_stratum_value(group, name) for name in strata), {r.list_name for r in group})
        for group in members.values()
    ]
    return StoredCaptures(
        tables_from_persons(persons, lists), run[0] if threshold is None else threshold
    )


@dataclass(frozen=True)
class StoredCaptures:
    """The store's capture tables per stratum and the threshold they were linked at."""

    tables: dict[Stratum, CaptureTable]
    threshold: float


def _stratum_value(records: list[VictimRecord], name: str) -> str:
    values: list[str] = []
    for r in records:
        if name == "place" and r.place:
            values.append(r.place.strip())
        elif name in ("year", "month") and r.death_date:
            values.append(r.death_date.isoformat()[: 4 if name == "year" else 7])
    if not values:
        return "unknown"
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def estimate_captures(
    tables: Mapping[Stratum, CaptureTable],
    plan: Plan,
    source: str,
    strata_columns: Sequence[str] = (),
) -> EstimationReport:
    """Estimate every stratum of ``tables`` by ``plan`` and add them up, timed."""
    start = time.perf_counter()
    strata = estimate_strata(tables, plan)
    summed = strata[0].estimate if len(strata) == 1 else total([s.estimate for s in strata])
    return EstimationReport(
        source=source,
        strata_columns=tuple(strata_columns),
        plan=plan,
        strata=strata,
        total=summed,
        seconds=time.perf_counter() - start,
    )


def estimate_sensitivity(files: Mapping[float, Path], plan: Plan) -> list[ThresholdEstimate]:
    """The same estimate on the captures of lists linked at each threshold, one CSV file per
    threshold (strata, if any, added together), lowest threshold first."""
    if len(files) < 2:
        raise ConfigurationError("a sensitivity table needs captures at two thresholds or more")
    tables = {t: merge_strata(read_captures(path)) for t, path in files.items()}
    return sensitivity(tables, plan)


def stored_sensitivity(
    store: Store, thresholds: Sequence[float], plan: Plan
) -> list[ThresholdEstimate]:
    """The same estimate on the store's lists linked at each threshold, from the latest run's
    stored pairs and the analysts' decisions (Splink is not run again), lowest first."""
    if len(set(thresholds)) < 2:
        raise ConfigurationError("a sensitivity table needs two thresholds or more")
    tables = {t: merge_strata(stored_captures(store, threshold=t).tables) for t in set(thresholds)}
    return sensitivity(tables, plan)
