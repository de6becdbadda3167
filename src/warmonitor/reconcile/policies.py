"""Low / best / high from independent claimants' current figures, under a named policy.

``low`` is the lowest credible figure and ``high`` the highest (open when that figure is a lower
bound, "at least 200"); they do not depend on the policy. ``best`` does:

* ``conservative``: the lowest credible figure, as ACLED codes fatalities.
* ``median``: the median of the independent claimants' figures; with an even number of them,
  the lower of the two middle figures, so that best is always a figure someone stated.
* ``ranked``: the figure of the claimant ranked first by kind (``DEFAULT_RANKING``, or the
  analyst's own ranking, which may also name claimants); among equals, the lowest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, get_args

from warmonitor.errors import ConfigurationError
from warmonitor.reconcile.types import Estimate, SourceFigure
from warmonitor.reconcile.wording import figure_text

__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_RANKING",
    "POLICIES",
    "Policy",
    "check_policy",
    "estimates",
]

Policy = Literal["conservative", "median", "ranked"]
POLICIES: tuple[str, ...] = get_args(Policy)
DEFAULT_POLICY: Policy = "conservative"

#: Claimant kinds from most to least relied on: those who document casualties for a living,
#: then the wounded's carers, the press, the authorities and the parties to the fighting.
DEFAULT_RANKING: tuple[str, ...] = (
    "monitor",
    "international",
    "medical",
    "media",
    "government",
    "military",
    "armed_group",
    "witness",
    "unnamed",
)


def check_policy(name: str) -> Policy:
    """``name`` as a :data:`Policy`; :class:`ConfigurationError` naming the choices if unknown."""
    if name not in POLICIES:
        raise ConfigurationError(
            f"unknown reconciliation policy {name!r}: choose one of {', '.join(POLICIES)}"
        )
    return name  # type: ignore[return-value]


def _estimate(chosen: Sequence[SourceFigure], value: int, *, high: bool = False) -> Estimate:
    ids = tuple(dict.fromkeys(i for s in chosen for i in s.claim_ids))
    hedges = tuple(dict.fromkeys(h for s in chosen for h in s.hedges))
    first = chosen[0]
    is_open = high and any(s.count.high is None for s in chosen)
    return Estimate(
        value=value,
        text=figure_text(first.count, vague=first.vague),
        claim_ids=ids,
        claimants=tuple(dict.fromkeys(s.claimant for s in chosen)),
        open=is_open,
        hedges=hedges,
    )


def _rank(source: SourceFigure, ranking: Sequence[str]) -> int:
    names = [r.casefold() for r in ranking]
    for i, entry in enumerate(names):
        if entry in (source.kind.casefold(), source.claimant.casefold()):
            return i
    return len(names)


def _best(sources: Sequence[SourceFigure], policy: Policy, ranking: Sequence[str]) -> int:
    values = sorted(s.value for s in sources)
    if policy == "conservative":
        return values[0]
    if policy == "median":
        return values[(len(values) - 1) // 2]
    top = min(_rank(s, ranking) for s in sources)
    return min(s.value for s in sources if _rank(s, ranking) == top)


def estimates(
    sources: Sequence[SourceFigure],
    policy: Policy = DEFAULT_POLICY,
    ranking: Sequence[str] = DEFAULT_RANKING,
) -> tuple[Estimate, Estimate, Estimate]:
    """Low, best and high of the sources in use (at least one)."""
    if not sources:
        raise ValueError("estimates need at least one source")
    low = min(s.value for s in sources)
    best = _best(sources, check_policy(policy), ranking)
    high = max(s.upper for s in sources)
    if policy == "ranked":
        top = min(_rank(s, ranking) for s in sources)
        best_from = [s for s in sources if s.value == best and _rank(s, ranking) == top]
    else:
        best_from = [s for s in sources if s.value == best]
    # an open figure whose stated value is the highest makes high open ("at least 200")
    high_from = [s for s in sources if s.upper == high]
    return (
        _estimate([s for s in sources if s.value == low], low),
        _estimate(best_from, best),
        _estimate(high_from, high, high=True),
    )
