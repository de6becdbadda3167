"""Reconciliation: claims grouped into incidents, with low / best / high tallies, consistency
checks and a timeline, every number traceable to its claims. The domain core: no I/O.

    from warmonitor.reconcile import reconcile
    incidents = reconcile(claims, published={document.id: document.published})
    incidents[0].tally("killed", "security_forces").low.value

Modules: ``grouping`` (claims → incidents), ``decisions`` (analysts' merges, splits and moves;
stable ids), ``sources`` (claimant identity, as-of dates), ``tallies`` (supersession,
independence), ``policies`` (conservative, median, ranked), ``consistency`` (parts, subsets,
conflicts, revisions), ``timeline``, ``scope`` (parts of the event, projections), ``copies``
(copies of one report), ``wording`` (how figures read), ``violations`` (what was done, by
whom, to whom, across the claims), ``types``. The rules are
written down in ``docs/RECONCILE.md``.
"""

from warmonitor.reconcile.grouping import GroupingRules
from warmonitor.reconcile.incidents import reconcile
from warmonitor.reconcile.policies import (
    DEFAULT_POLICY,
    DEFAULT_RANKING,
    POLICIES,
    Policy,
    check_policy,
)
from warmonitor.reconcile.types import (
    ACTIONS,
    Action,
    Aside,
    Check,
    Decision,
    Estimate,
    IdentityCount,
    Incident,
    PerpetratorCount,
    Series,
    SeriesPoint,
    SourceFigure,
    Tally,
    Total,
    ViolationCount,
    Violations,
)

__all__ = [
    "ACTIONS",
    "DEFAULT_POLICY",
    "DEFAULT_RANKING",
    "POLICIES",
    "Action",
    "Aside",
    "Check",
    "Decision",
    "Estimate",
    "GroupingRules",
    "IdentityCount",
    "Incident",
    "PerpetratorCount",
    "Policy",
    "Series",
    "SeriesPoint",
    "SourceFigure",
    "Tally",
    "Total",
    "ViolationCount",
    "Violations",
    "check_policy",
    "reconcile",
]
