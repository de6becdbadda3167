"""The query of a page read leniently: what a form sends (empty fields included) becomes
filters; a value that cannot be read is named in ``problems`` and left out, and the page says
so (status 400) instead of answering an error without the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fastapi import Request

from warmonitor.incident_filters import SORTS, IncidentFilter
from warmonitor.model import OUTCOMES
from warmonitor.reconcile import DEFAULT_POLICY, POLICIES
from warmonitor.reconcile.tallies import GROUPS

__all__ = ["Query", "read_query"]


@dataclass
class Query:
    """A page's query: the raw values (to fill the form again) and the problems found."""

    values: dict[str, str]
    problems: list[str] = field(default_factory=list)

    def text(self, name: str, limit: int = 200) -> str | None:
        value = self.values.get(name, "").strip()
        if len(value) > limit:
            self.problems.append(f"{name} is longer than {limit} characters")
            return None
        return value or None

    def choice(self, name: str, allowed: tuple[str, ...], default: str | None = None) -> str | None:
        value = self.text(name)
        if value is None:
            return default
        if value not in allowed:
            self.problems.append(f"{name} must be one of {', '.join(allowed)}")
            return default
        return value

    def day(self, name: str) -> date | None:
        value = self.text(name)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problems.append(f"{name} must be a date as YYYY-MM-DD, not {value!r}")
            return None

    def whole(self, name: str, default: int, lowest: int = 0, highest: int = 10**9) -> int:
        value = self.text(name)
        if value is None:
            return default
        if not value.isdigit() or not lowest <= int(value) <= highest:
            self.problems.append(f"{name} must be a whole number from {lowest} to {highest}")
            return default
        return int(value)

    def flag(self, name: str) -> bool | None:
        value = self.choice(name, ("yes", "no"))
        return None if value is None else value == "yes"

    def policy(self) -> str:
        return self.choice("policy", POLICIES, DEFAULT_POLICY) or DEFAULT_POLICY

    def incidents(self, *, default_outcome: str | None = None) -> IncidentFilter:
        """The incident filters of the list and the map."""
        country = self.text("country")
        if country and (len(country) != 2 or not country.isalpha()):
            self.problems.append("country is a two-letter code (SY, UA)")
            country = None
        return IncidentFilter(
            flagged=self.flag("flagged"),
            country=country,
            outcome=self.choice("outcome", OUTCOMES, default_outcome),
            group=self.choice("group", GROUPS),
            start=self.day("start"),
            end=self.day("end"),
            q=self.text("q"),
        )

    def sort(self) -> tuple[str, bool]:
        by = self.choice("sort", SORTS, "date") or "date"
        return by, self.choice("order", ("asc", "desc"), "desc") == "desc"

    @property
    def status(self) -> int:
        return 400 if self.problems else 200


def read_query(request: Request) -> Query:
    return Query({k: v for k, v in request.query_params.items()})
