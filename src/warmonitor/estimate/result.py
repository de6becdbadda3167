"""One population estimate, whatever the method: the documented count, the point estimate and
its interval, with what the method wants to say about how it got there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Estimate"]


@dataclass(frozen=True)
class Estimate:
    """``estimate`` (a posterior median, or a fitted model's N) and the ``level`` interval
    ``[low, high]`` of a population of which ``documented`` persons are on some list."""

    method: str
    lists: tuple[str, ...]
    documented: int
    estimate: float
    low: float
    high: float
    level: float = 0.95
    details: Mapping[str, Any] = field(default_factory=dict)
    draws: npt.NDArray[np.float64] | None = field(default=None, repr=False, compare=False)

    @property
    def undocumented(self) -> float:
        """The estimated persons on no list."""
        return self.estimate - self.documented

    def as_dict(self) -> dict[str, Any]:
        """The estimate as JSON-ready values (the draws left out)."""
        return {
            "method": self.method,
            "lists": list(self.lists),
            "documented": self.documented,
            "estimate": _round(self.estimate),
            "low": _round(self.low),
            "high": _round(self.high),
            "level": self.level,
            "details": dict(self.details),
        }


def _round(value: float) -> float | int | None:
    if not np.isfinite(value):
        return None
    return round(float(value), 1)
