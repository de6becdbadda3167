"""The desk's pure parts: highlighting evidence spans, numbers and dates as pages print them,
the SVG charts, and the incident filters, sorting and totals shared with the API."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from warmonitor.incident_filters import IncidentFilter, sort_incidents, totals_by_period
from warmonitor.model import Place
from warmonitor.reconcile import Incident
from warmonitor.reconcile.types import Total
from warmonitor.web.pages.charts import Line, bar_chart, line_chart
from warmonitor.web.pages.highlight import Span, runs
from warmonitor.web.pages.render import iso, number
from warmonitor.web.pages.session import safe_next


def test_runs_cover_the_text_once_and_mark_overlapping_claims() -> None:
    text = "First line here.\n\nTwo sentences: 12 killed. Then 30 hurt."
    a = text.index("Two")
    b = text.index("Then")
    spans = [
        Span("c1", a, len(text), (text.index("12"), text.index("12") + 2)),
        Span("c2", b, len(text), (text.index("30"), text.index("30") + 2)),
    ]
    paragraphs = runs(text, spans)
    assert ["".join(r.text for r in p) for p in paragraphs] == [
        "First line here.",
        "Two sentences: 12 killed. Then 30 hurt.",
    ]
    second = paragraphs[1]
    assert [r.text for r in second if r.figure] == ["12", "30"]
    assert next(r for r in second if r.text == "30").claims == ("c1", "c2")
    assert next(r for r in second if r.text == "12").claims == ("c1",)
    assert runs("short", [Span("x", 3, 99), Span("y", 4, 2)])[0][-1].claims == ("x",)


def test_numbers_and_dates_as_pages_print_them() -> None:
    assert number(1234567) == "1,234,567" and number(None) == "—" and number(2.5) == "2.50"
    assert iso(date(2024, 3, 4)) == "2024-03-04"
    assert iso(datetime(2024, 3, 4, 9, 5)) == "2024-03-04 09:05 UTC"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("/incidents?x=1", "/incidents?x=1"), ("//evil.example", "/"), ("http://x", "/"), ("", "/")],
)
def test_only_local_paths_follow_a_login(given: str, expected: str) -> None:
    assert safe_next(given) == expected


def test_charts_are_svg_with_titles_and_escaped_words() -> None:
    bars = str(bar_chart([("2024-01", 1500), ("2024-02", 20)], "Killed <by month>"))
    assert bars.startswith('<svg class="chart"') and "Killed &lt;by month&gt;" in bars
    assert "<title>2024-01: 1,500</title>" in bars and bars.count("<rect") == 2
    points = ((date(2024, 3, 4), 14, "14"), (date(2024, 3, 5), 19, "19"))
    lines = str(line_chart([Line("SOHR", points), Line("<council>", ())], "Tolls"))
    assert lines.count("<circle") == 2 and "&lt;council&gt;" not in lines  # no points, no line
    assert "2024-03-04" in lines and "2024-03-05" in lines
    assert str(bar_chart([], "x")) == "" and str(line_chart([], "x")) == ""


def _incident(n: str, day: date | None, best: int | None, country: str = "SY") -> Incident:
    totals = (Total("killed", best, best, best, False, "people", ()),) if best is not None else ()
    place = Place(f"Town {n}", country, 35.0, 36.0)
    return Incident(n, (), (), place, (), day, day, "conservative", totals=totals)


def test_filters_sorting_and_totals_by_period() -> None:
    incidents = [
        _incident("a", date(2024, 3, 4), 19),
        _incident("b", date(2024, 3, 20), 1250, "UA"),
        _incident("c", date(2024, 4, 1), None),
        _incident("d", None, 5),
    ]
    assert [i.id for i in IncidentFilter(country="ua").apply(incidents)] == ["b"]
    assert [i.id for i in IncidentFilter(outcome="killed").apply(incidents)] == ["a", "b", "d"]
    later = IncidentFilter(start=date(2024, 3, 10)).apply(incidents)
    assert [i.id for i in later] == ["b", "c"]  # an undated incident meets no date range
    assert [i.id for i in sort_incidents(incidents, "best", descending=True)] == [
        "b",
        "a",
        "d",
        "c",
    ]
    assert [i.id for i in sort_incidents(incidents, "date")] == ["a", "b", "c", "d"]
    assert totals_by_period(incidents, "killed", "month") == [("2024-03", 1269, 2)]
    assert totals_by_period(incidents, "killed", "week") == [
        ("2024-W10", 19, 1),
        ("2024-W12", 1250, 1),
    ]
    with pytest.raises(ValueError, match="sort by"):
        sort_incidents(incidents, "size")
