"""Tolls over time, as ``warmonitor incident ID`` shows them: each claimant's series point by
point with its reports, the parts of the event and the projections beside them, and
``--chart out.png``: the series plotted over time (matplotlib, Agg backend: no display
needed). Rendering only; the series come from ``warmonitor.reconcile``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from warmonitor.errors import NotFoundError
from warmonitor.reconcile import Aside, Incident, Series, SeriesPoint
from warmonitor.reconcile.wording import figure_text, group_label

__all__ = ["aside_lines", "series_lines", "write_chart"]

_BASIS = {"said_on": "said", "published": "published", "unknown": "undated"}


def _point(point: SeriesPoint) -> str:
    when = point.as_of.isoformat() if point.as_of else "undated"
    reports = ", ".join(d[:12] for d in point.documents) or "-"
    marks = f" [{', '.join(point.marks)}]" if point.marks else ""
    return (
        f"    {when} ({_BASIS.get(point.basis, point.basis)})  {point.text}{marks}  via "
        f"{', '.join(point.outlets) or '-'}; report(s) {reports}"
    )


def series_lines(incident: Incident) -> list[str]:
    """Each claimant's toll per outcome and group, oldest first; the last is its figure."""
    lines = []
    for series in incident.timeline:
        lines.append(f"  {series.summary}")
        lines.extend(_point(p) for p in series.points)
    return lines


def _aside(aside: Aside) -> str:
    source = aside.source
    when = source.as_of.isoformat() if source.as_of else "undated"
    subject = f"{group_label(aside.group)} {aside.outcome}"
    if aside.role == "projection":
        head = f"  projection, not counted: {subject}"
    else:
        scope = {"day": "on", "place": "in"}.get(aside.scope or "", "")
        where = f" {scope} {aside.where}" if aside.where else ""
        head = f"  part{where}: {subject}"
    words = source.count.text if aside.role == "projection" else ""
    words = words or figure_text(source.count, vague=source.vague)
    total = f" (a part of claim {aside.total})" if aside.total else ""
    outlets = ", ".join(source.outlets) or "-"
    return f"{head}, {source.claimant} {words} as of {when}, via {outlets}{total}"


def aside_lines(incident: Incident) -> list[str]:
    """The parts of the event and the projections, one line each."""
    return [_aside(a) for a in (*incident.parts, *incident.projections)]


def _label(series: Series) -> str:
    return f"{series.claimant}: {group_label(series.group)} {series.outcome}"


def _day(day: date | None) -> float:
    from matplotlib import dates as mdates

    assert day is not None
    return float(mdates.date2num(day))


def write_chart(incident: Incident, path: Path) -> int:
    """Plot each claimant's series of ``incident`` (one line per claimant, outcome and group,
    a step to each new figure, a marker per report) and its projections (hollow markers) to a
    PNG at ``path``. Returns the number of series drawn; :class:`NotFoundError` when no
    figure of the incident has a date."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    drawn = [
        (s, [p for p in s.points if p.as_of is not None])
        for s in incident.timeline
        if any(p.as_of for p in s.points)
    ]
    projected = [a for a in incident.projections if a.source.as_of is not None]
    if not drawn and not projected:
        raise NotFoundError(f"incident {incident.id} has no dated figure to chart")
    figure = Figure(figsize=(10, 5.5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days: list[float] = []
    for series, points in drawn:
        x = [_day(p.as_of) for p in points]
        y = [p.value for p in points]
        days.extend(x)
        (line,) = axes.step(x, y, where="post", marker="o", label=_label(series))
        last = points[-1]
        axes.annotate(
            last.text,
            (x[-1], last.value),
            textcoords="offset points",
            xytext=(4, 4),
            fontsize=8,
            color=line.get_color(),
        )
    for aside in projected:
        source = aside.source
        days.append(_day(source.as_of))
        axes.plot(
            [days[-1]],
            [source.value],
            marker="^",
            linestyle="none",
            markerfacecolor="none",
            label=f"{source.claimant}: {group_label(aside.group)} {aside.outcome} (projection)",
        )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if len(set(days)) == 1:
        axes.set_xlim(days[0] - 1, days[0] + 1)
    axes.set_ylim(bottom=0)
    axes.set_xlabel("as of (statement date, else publication date)")
    axes.set_ylabel("toll")
    axes.set_title(f"Incident {incident.id}: {incident.label}", fontsize=10)
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize=8, loc="upper left")
    figure.tight_layout()
    figure.savefig(path, format="png")
    return len(drawn) + len(projected)
