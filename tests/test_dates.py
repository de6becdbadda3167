"""Time expressions: find_time_expressions, resolve_period and the conventions of docs/COUNTS.md."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warmonitor.extract.dates import (
    TIME_KINDS,
    TimeMention,
    find_time_expressions,
    resolve_period,
)
from warmonitor.model import Period

SUNDAY = date(2025, 3, 9)  # the founding article's report date: Sunday 9 March 2025
SATURDAY = date(2025, 3, 8)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def span(text: str, anchor: date | None = SUNDAY) -> tuple[date | None, date | None] | None:
    period = resolve_period(text, anchor)
    return None if period is None else (period.start, period.end)


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def one(text: str, anchor: date | None = SUNDAY) -> TimeMention:
    found = find_time_expressions(text, anchor)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------------------
# The founding article (anchor Sunday 9 March 2025)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("on Saturday", "2025-03-08", "2025-03-08"),
        ("on Thursday", "2025-03-06", "2025-03-06"),
        ("late on Friday", "2025-03-07", "2025-03-07"),
        ("on Sunday", "2025-03-09", "2025-03-09"),
        ("on Friday night", "2025-03-07", "2025-03-07"),
        ("early on Friday", "2025-03-07", "2025-03-07"),
        ("Thursday's attack", "2025-03-06", "2025-03-06"),
        ("last Friday", "2025-03-07", "2025-03-07"),
        ("last Sunday", "2025-03-02", "2025-03-02"),
        ("next Monday", "2025-03-10", "2025-03-10"),
        ("since Thursday", "2025-03-06", "2025-03-09"),
        ("today", "2025-03-09", "2025-03-09"),
        ("yesterday", "2025-03-08", "2025-03-08"),
        ("the day before yesterday", "2025-03-07", "2025-03-07"),
        ("overnight", "2025-03-08", "2025-03-09"),
        ("last night", "2025-03-08", "2025-03-09"),
        ("last week", "2025-03-02", "2025-03-08"),
        ("this week", "2025-03-03", "2025-03-09"),
        ("earlier this week", "2025-03-03", "2025-03-09"),
        ("last month", "2025-02-01", "2025-02-28"),
        ("this month", "2025-03-01", "2025-03-09"),
        ("earlier this month", "2025-03-01", "2025-03-09"),
        ("last year", "2024-01-01", "2024-12-31"),
        ("this year", "2025-01-01", "2025-03-09"),
        ("at the weekend", "2025-03-08", "2025-03-09"),
        ("last weekend", "2025-03-01", "2025-03-02"),
        ("March 6", "2025-03-06", "2025-03-06"),
        ("6 March", "2025-03-06", "2025-03-06"),
        ("the 6th of March", "2025-03-06", "2025-03-06"),
        ("March 6th", "2025-03-06", "2025-03-06"),
        ("Mar. 6", "2025-03-06", "2025-03-06"),
        ("March 6, 2025", "2025-03-06", "2025-03-06"),
        ("6 March 2024", "2024-03-06", "2024-03-06"),
        ("on Thursday, March 6", "2025-03-06", "2025-03-06"),
        ("Thursday 6 March 2025", "2025-03-06", "2025-03-06"),
        ("2025-03-06", "2025-03-06", "2025-03-06"),
        ("6.3.2025", "2025-03-06", "2025-03-06"),
        ("13/3/2025", "2025-03-13", "2025-03-13"),
        ("3/13/2025", "2025-03-13", "2025-03-13"),
        ("6/3/2025", "2025-03-06", "2025-03-06"),  # 3 June would be after the anchor
        ("6-8 March", "2025-03-06", "2025-03-08"),
        ("between 6 and 8 March", "2025-03-06", "2025-03-08"),
        ("March 6-8", "2025-03-06", "2025-03-08"),
        ("since March 6", "2025-03-06", "2025-03-09"),
        ("in March 2025", "2025-03-01", "2025-03-31"),
        ("in March", "2025-03-01", "2025-03-09"),
        ("in May", "2024-05-01", "2024-05-31"),
        ("last March", "2024-03-01", "2024-03-31"),
        ("in February", "2025-02-01", "2025-02-28"),
        ("since February", "2025-02-01", "2025-03-09"),
        ("early March", "2025-03-01", "2025-03-10"),
        ("mid-February", "2025-02-11", "2025-02-20"),
        ("late February", "2025-02-21", "2025-02-28"),
        ("in 2013", "2013-01-01", "2013-12-31"),
        ("since 2011", "2011-01-01", "2025-03-09"),
        ("2011-2016", "2011-01-01", "2016-12-31"),
        ("between 2011 and 2016", "2011-01-01", "2016-12-31"),
        ("in two days of clashes", "2025-03-08", "2025-03-09"),
        ("over the past 24 hours", "2025-03-08", "2025-03-09"),
        ("in the past three days", "2025-03-07", "2025-03-09"),
        ("the last 48 hours", "2025-03-07", "2025-03-09"),
        ("the past week", "2025-03-03", "2025-03-09"),
        ("for two weeks", "2025-02-24", "2025-03-09"),
        ("three weeks of fighting", "2025-02-17", "2025-03-09"),
        ("the past two months", "2025-01-10", "2025-03-09"),
        ("three days ago", "2025-03-06", "2025-03-06"),
        ("a week ago", "2025-03-02", "2025-03-02"),
        ("March the 6th", "2025-03-06", "2025-03-06"),  # read by dateparser
        ("6-Mar-25", "2025-03-06", "2025-03-06"),  # read by dateparser
    ],
)
def test_founding_article_anchor(text: str, start: str, end: str) -> None:
    assert span(text) == (d(start), d(end))


def test_two_days_of_fighting_said_on_saturday() -> None:
    m = one("He said two days of fighting had left 1,000 dead.", SATURDAY)
    assert m.kind == "duration"
    assert m.text == "two days of fighting"
    assert m.period == Period(d("2025-03-07"), d("2025-03-08"), "two days of fighting")
    # the caller re-resolves a duration against the date of the statement
    assert resolve_period(m.text, SATURDAY) == m.period


def test_mentions_offsets_and_kinds() -> None:
    text = (
        "More than 1,000 people have been killed in two days of clashes, a war monitor said "
        "on Saturday, after fighting broke out on Thursday."
    )
    found = find_time_expressions(text, SUNDAY)
    assert [(m.text, m.kind) for m in found] == [
        ("in two days of clashes", "duration"),
        ("on Saturday", "day"),
        ("on Thursday", "day"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.period is not None and m.period.text == m.text
    assert {m.kind for m in found} <= set(TIME_KINDS)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("on Thursday", "day"),
        ("yesterday", "day"),
        ("6 March", "day"),
        ("last week", "range"),
        ("since Thursday", "range"),
        ("6-8 March", "range"),
        ("in March 2025", "month"),
        ("last month", "month"),
        ("in 2013", "year"),
        ("last year", "year"),
        ("the past 24 hours", "duration"),
        ("two days of fighting", "duration"),
        ("two days later", "relative"),
        ("in recent days", "relative"),
        ("recently", "relative"),
    ],
)
def test_kinds(text: str, kind: str) -> None:
    assert one(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "two days later",
        "in recent days",
        "recently",
        "within 24 hours of the attack",
        "a day earlier",
    ],
)
def test_relative_expressions_have_no_period(text: str) -> None:
    assert span(text) is None


# --------------------------------------------------------------------------------------------
# Years inferred from the anchor, never in its future


def test_year_from_anchor_never_in_the_future() -> None:
    assert span("December 30", d("2025-01-02")) == (d("2024-12-30"), d("2024-12-30"))
    assert span("on 30 December", d("2025-01-02")) == (d("2024-12-30"), d("2024-12-30"))
    assert span("in December", d("2025-01-02")) == (d("2024-12-01"), d("2024-12-31"))
    assert span("January 3", d("2025-01-02")) == (d("2025-01-03"), d("2025-01-03"))  # one day
    assert span("January 4", d("2025-01-02")) == (d("2024-01-04"), d("2024-01-04"))
    assert span("29 February", SUNDAY) == (d("2024-02-29"), d("2024-02-29"))


def test_without_anchor() -> None:
    assert span("on Thursday", None) is None
    assert span("March 6", None) is None
    assert span("two days of fighting", None) is None
    assert span("6/3/2025", None) is None  # day or month first? unknown without an anchor
    assert span("March 6, 2025", None) == (d("2025-03-06"), d("2025-03-06"))
    assert span("2025-03-06", None) == (d("2025-03-06"), d("2025-03-06"))
    assert span("in 2013", None) == (d("2013-01-01"), d("2013-12-31"))
    assert one("on Thursday", None).kind == "day"


def test_datetime_anchor_is_a_date() -> None:
    assert span("yesterday", datetime(2025, 3, 9, 23, 30)) == (SATURDAY, SATURDAY)


# --------------------------------------------------------------------------------------------
# Words that are not dates


@pytest.mark.parametrize(
    "text",
    [
        "a march on the capital",
        "they may have died",
        "May have died, officials said",
        "March on the capital, they urged",
        "the Sunday Times reported",
        "2000 people were killed",
        "between 2000 and 3000 people were killed",
        "in 2000 people fled",  # ambiguous: read as a year (see below)
        "clashes left 200 dead",
        "the deadliest day",
        "two days",
    ],
)
def test_not_dates(text: str) -> None:
    found = find_time_expressions(text, SUNDAY)
    if text == "in 2000 people fled":
        assert [m.text for m in found] == ["in 2000"]
    else:
        assert found == [], found


def test_empty() -> None:
    assert find_time_expressions("", SUNDAY) == []
    assert resolve_period("", SUNDAY) is None


# --------------------------------------------------------------------------------------------
# Properties

anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


@given(anchors, st.sampled_from(WEEKDAYS), st.sampled_from(["on ", "", "late on ", "early on "]))
def test_weekday_within_the_week_ending_at_the_anchor(anchor: date, name: str, lead: str) -> None:
    period = resolve_period(f"{lead}{name}", anchor)
    assert period is not None and period.start == period.end and period.start is not None
    assert 0 <= (anchor - period.start).days <= 6
    assert period.start.weekday() == WEEKDAYS.index(name)


@given(anchors, st.sampled_from(WEEKDAYS))
def test_last_weekday_is_strictly_before_the_anchor(anchor: date, name: str) -> None:
    period = resolve_period(f"last {name}", anchor)
    assert period is not None and period.start is not None
    assert 1 <= (anchor - period.start).days <= 7
    assert period.start.weekday() == WEEKDAYS.index(name)


@given(anchors, st.dates(min_value=date(2000, 1, 1), max_value=date(2000, 12, 31)), st.booleans())
def test_day_and_month_never_after_the_anchor(anchor: date, day: date, month_first: bool) -> None:
    month = day.strftime("%B")
    text = f"{month} {day.day}" if month_first else f"{day.day} {month}"
    period = resolve_period(text, anchor)
    assert period is not None and period.start is not None
    got = period.start
    assert (got.month, got.day) == (day.month, day.day)
    assert got <= anchor + timedelta(days=1)
    assert (anchor - got).days < 366 * (8 if (day.month, day.day) == (2, 29) else 1)


@given(anchors, st.integers(1, 400), st.sampled_from(["days of fighting", "days of clashes"]))
def test_durations_end_on_the_anchor(anchor: date, n: int, tail: str) -> None:
    period = resolve_period(f"{n} {tail}", anchor)
    assert period == Period(anchor - timedelta(days=n - 1), anchor, f"{n} {tail}")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_explicit_dates_round_trip(day: date) -> None:
    for text in (day.isoformat(), f"{day.day} {day:%B %Y}", f"{day:%B} {day.day}, {day.year}"):
        assert span(text, None) == (day, day), text
