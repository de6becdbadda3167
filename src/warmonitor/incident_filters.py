"""Choosing, ordering and adding up reconciled incidents, as the faces show them.

    chosen = IncidentFilter(country="SY", outcome="killed", start=date(2024, 3, 1)).apply(incidents)
    ordered = sort_incidents(chosen, "best", outcome="killed", descending=True)
    months = totals_by_period(chosen, "killed", "month")   # [("2024-03", 33, 2), ...]

Pure functions over :class:`~warmonitor.reconcile.Incident` (from
``reconcile_service.stored_incidents``): the API's incident list and the desk's pages (list,
map, overview) filter, sort and add up with these, so that they agree.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from typing import Any, Literal, get_args

from warmonitor.reconcile import Incident
from warmonitor.violation_filters import ViolationFilter

__all__ = [
    "FILTERS_KEPT",
    "PERIODS",
    "SORTS",
    "IncidentFilter",
    "Period",
    "Sort",
    "best_of",
    "sort_incidents",
    "totals_by_period",
]

Sort = Literal["date", "place", "best", "claims", "documents", "flags"]
SORTS: tuple[str, ...] = get_args(Sort)
Period = Literal["year", "month", "week", "day"]
PERIODS: tuple[str, ...] = get_args(Period)
#: How many filters' results :meth:`IncidentFilter.apply_kept` keeps per stored run.
FILTERS_KEPT = 64


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What to keep; every field given narrows the choice.

    ``outcome`` keeps incidents with a total of that outcome, ``group`` those with a tally of
    that victim group (of ``outcome`` when given); ``start``/``end`` keep incidents whose dates
    meet that range; ``q`` matches words of the label (place and dates), ignoring case;
    ``violation``, ``perpetrator_kind`` and ``victim`` choose by what was done, by whom, to
    whom (``violation_filters.ViolationFilter``).
    """

    flagged: bool | None = None
    country: str | None = None
    outcome: str | None = None
    group: str | None = None
    start: date | None = None
    end: date | None = None
    q: str | None = None
    violation: str | None = None
    perpetrator_kind: str | None = None
    victim: str | None = None

    def matches(self, incident: Incident) -> bool:
        test = self.test()
        return test is None or test(incident)

    def apply(self, incidents: Iterable[Incident]) -> list[Incident]:
        """The incidents that match, in their order."""
        test = self.test()  # built once: a list of thousands is filtered per request
        return list(incidents) if test is None else list(filter(test, incidents))

    def apply_kept(
        self, incidents: Sequence[Incident], kept: MutableMapping[Hashable, Any] | None
    ) -> list[Incident]:
        """:meth:`apply`, its result kept in ``kept`` (a stored run's
        ``Reconciliation.derived``, which lives as long as the run's incidents) for the next
        ask of the same filter: a list is paged through and asked for again and again, and
        filtering thousands of incidents costs more than the page. The latest
        :data:`FILTERS_KEPT` filters are kept; the caller must not change the list."""
        if kept is None:
            return self.apply(incidents)
        key = ("filtered", self)
        found: list[Incident] | None = kept.get(key)
        if found is None:
            found = self.apply(incidents)
            older = [k for k in kept if isinstance(k, tuple) and k and k[0] == "filtered"]
            for stale in older[: max(0, len(older) - FILTERS_KEPT + 1)]:
                kept.pop(stale, None)  # another thread may have taken it already
            kept[key] = found
        return found

    def test(self) -> Callable[[Incident], bool] | None:
        """One predicate of every field given (``None``: every incident matches)."""
        tests = self._tests()
        return reduce(_both, tests) if tests else None

    def _tests(self) -> list[Callable[[Incident], bool]]:
        """One predicate per field given, cheapest first."""
        tests: list[Callable[[Incident], bool]] = []
        if self.country:
            country = self.country.upper()
            tests.append(lambda i: i.place is not None and i.place.country == country)
        if self.start:
            start = self.start
            tests.append(lambda i: (i.end or i.start or date.min) >= start)
        if self.end:
            end = self.end
            tests.append(lambda i: (i.start or i.end or date.max) <= end)
        if self.flagged is not None:
            flagged = self.flagged
            tests.append(lambda i: any(not c.ok for c in i.checks) == flagged)
        if self.outcome:
            outcome = self.outcome
            tests.append(lambda i: any(t.outcome == outcome for t in i.totals))
        if self.group:
            group, of = self.group, self.outcome
            tests.append(
                lambda i: any(t.group == group and (not of or t.outcome == of) for t in i.tallies)
            )
        if self.q:
            words = self.q.casefold()
            tests.append(lambda i: words in i.label.casefold())
        wanted = ViolationFilter(self.violation, self.perpetrator_kind, self.victim)
        if wanted.active:
            tests.append(wanted.matches_incident)
        return tests


def _both(
    first: Callable[[Incident], bool], second: Callable[[Incident], bool]
) -> Callable[[Incident], bool]:
    return lambda incident: first(incident) and second(incident)


def best_of(incident: Incident, outcome: str = "killed", group: str | None = None) -> int | None:
    """The best estimate of ``outcome`` (of ``group`` when given, else the total), if any."""
    if group:
        tally = incident.tally(outcome, group)
        return tally.best.value if tally else None
    total = incident.total(outcome)
    return total.best if total else None


def sort_incidents(
    incidents: Sequence[Incident],
    by: str = "date",
    *,
    outcome: str = "killed",
    group: str | None = None,
    descending: bool = False,
) -> list[Incident]:
    """The incidents ordered by ``by`` (one of :data:`SORTS`); ties and missing values keep
    date order, missing values last either way."""
    if by not in SORTS:
        raise ValueError(f"sort by one of {', '.join(SORTS)}, not {by!r}")
    by_date = sorted(incidents, key=lambda i: (i.start or i.end or date.max, i.id))
    if by == "date":
        return by_date[::-1] if descending else by_date
    keys: dict[str, Callable[[Incident], Any]] = {
        "place": lambda i: i.place.name.casefold() if i.place else None,
        "best": lambda i: best_of(i, outcome, group),
        "claims": lambda i: len(i.claim_ids),
        "documents": lambda i: len(i.document_ids),
        "flags": lambda i: len(i.flags),
    }
    key = keys[by]
    keyed = [(key(i), i) for i in by_date]  # each key once: a list is thousands
    present = [pair for pair in keyed if pair[0] is not None]
    present.sort(key=lambda pair: pair[0], reverse=descending)  # stable: ties keep date order
    return [i for _, i in present] + [i for k, i in keyed if k is None]


def _period_of(day: date, period: str) -> str:
    if period == "year":
        return f"{day.year:04d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def totals_by_period(
    incidents: Iterable[Incident], outcome: str = "killed", period: str = "month"
) -> list[tuple[str, int, int]]:
    """The sum of best estimates of ``outcome`` and how many incidents, per period of their
    start (ISO: ``2024``, ``2024-03``, ``2024-W10``, ``2024-03-04``), oldest first; undated
    incidents are left out."""
    if period not in PERIODS:
        raise ValueError(f"period is one of {', '.join(PERIODS)}, not {period!r}")
    sums: dict[str, list[int]] = {}
    for incident in incidents:
        day = incident.start or incident.end
        best = best_of(incident, outcome)
        if day is None or best is None:
            continue
        cell = sums.setdefault(_period_of(day, period), [0, 0])
        cell[0] += best
        cell[1] += 1
    return [(key, value, count) for key, (value, count) in sorted(sums.items())]
