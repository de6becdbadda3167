"""``estimate_captures`` and ``read_captures``: the estimation verb of the faces, joining the
capture files (or, later, the store's linked victim lists) to the pure ``estimate`` package.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from warmonitor.errors import InputError, NotFoundError
from warmonitor.estimate import (
    CaptureTable,
    Estimate,
    Plan,
    Stratum,
    StratumEstimate,
    estimate_strata,
    parse_captures,
    total,
)
from warmonitor.store import Store

__all__ = ["EstimationReport", "estimate_captures", "read_captures", "stored_captures"]


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


def stored_captures(store: Store, strata: Sequence[str] = ()) -> dict[Stratum, CaptureTable]:
    """The capture tables of the store's linked victim lists.

    The store keeps no linked victim lists yet (issue 11, parts 1-3): this raises
    :class:`NotFoundError` saying so until it does."""
    del store, strata
    raise NotFoundError(
        "no linked victim lists are stored yet: import and link lists first, or give the "
        "captures as a CSV file with --captures FILE (one row per person, one 0/1 column per list)"
    )


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
