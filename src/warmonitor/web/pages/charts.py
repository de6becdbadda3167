"""Charts drawn on the server as inline SVG: totals by period as bars, each claimant's toll
over time as lines. No script and no styles from elsewhere; each chart names itself for
screen readers (``role="img"`` with a title), and the pages print the same numbers as a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from warmonitor.web.pages.render import number

__all__ = ["PALETTE", "Line", "bar_chart", "line_chart"]

#: Okabe and Ito's colours, told apart with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
_W, _H = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 16, 16, 40


def _ticks(top: int) -> list[int]:
    """Round values for the y axis from 0 to at least ``top``."""
    if top <= 0:
        return [0, 1]
    raw = top / 4
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, top + step, step))


def _frame(title: str, ticks: list[int], y: object) -> list[str]:
    out = [
        f'<svg class="chart" viewBox="0 0 {_W} {_H}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for t in ticks:
        at = y(t)  # type: ignore[operator]
        out.append(
            f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{at:.1f}" y2="{at:.1f}" class="grid"/>'
        )
        out.append(
            f'<text x="{_LEFT - 6}" y="{at + 4:.1f}" text-anchor="end" class="tick">'
            f"{number(t)}</text>"
        )
    return out


def bar_chart(rows: Sequence[tuple[str, int]], title: str) -> Markup:
    """Bars of ``(label, value)``, labels below (thinned when many), values in tooltips."""
    if not rows:
        return Markup("")
    ticks = _ticks(max(v for _, v in rows))
    top = ticks[-1] or 1
    inner_h = _H - _TOP - _BOTTOM

    def y(value: int) -> float:
        return _TOP + inner_h * (1 - value / top)

    out = _frame(title, ticks, y)
    width = (_W - _LEFT - _RIGHT) / len(rows)
    every = max(1, len(rows) // 8)
    for i, (label, value) in enumerate(rows):
        x = _LEFT + i * width
        out.append(
            f'<rect x="{x + width * 0.1:.1f}" y="{y(value):.1f}" width="{width * 0.8:.1f}" '
            f'height="{_TOP + inner_h - y(value):.1f}" class="bar">'
            f"<title>{escape(label)}: {number(value)}</title></rect>"
        )
        if i % every == 0:
            out.append(
                f'<text x="{x + width / 2:.1f}" y="{_H - _BOTTOM + 16}" text-anchor="middle" '
                f'class="tick">{escape(label)}</text>'
            )
    out.append("</svg>")
    return Markup("".join(out))


@dataclass(frozen=True, slots=True)
class Line:
    """One claimant's figures: ``points`` of (as-of date, value, the figure as written)."""

    name: str
    points: tuple[tuple[date, int, str], ...]


def line_chart(lines: Sequence[Line], title: str) -> Markup:
    """Each line a claimant's figures over time (steps: a figure stands until the next),
    dots at the figures with their words and dates in tooltips, a legend below."""
    dated = [line for line in lines if line.points]
    if not dated:
        return Markup("")
    days = sorted({p[0] for line in dated for p in line.points})
    first, last = days[0], days[-1]
    span = max(1, (last - first).days)
    ticks = _ticks(max(p[1] for line in dated for p in line.points))
    top = ticks[-1] or 1
    inner_w = _W - _LEFT - _RIGHT - 20
    inner_h = _H - _TOP - _BOTTOM - 18 * ((len(dated) + 2) // 3)

    def x(day: date) -> float:
        if first == last:
            return _LEFT + 10 + inner_w / 2
        return _LEFT + 10 + inner_w * (day - first).days / span

    def y(value: int) -> float:
        return _TOP + inner_h * (1 - value / top)

    out = _frame(title, ticks, y)
    for day in (first, last) if first != last else (first,):
        anchor = "start" if day == first and first != last else "end"
        if first == last:
            anchor = "middle"
        out.append(
            f'<text x="{x(day):.1f}" y="{_TOP + inner_h + 16:.1f}" text-anchor="{anchor}" '
            f'class="tick">{day.isoformat()}</text>'
        )
    for n, line in enumerate(dated):
        colour = PALETTE[n % len(PALETTE)]
        path: list[str] = []
        for i, (day, value, _text) in enumerate(line.points):
            if i:
                path.append(f"H{x(day):.1f}")
                path.append(f"V{y(value):.1f}")
            else:
                path.append(f"M{x(day):.1f},{y(value):.1f}")
        end_x = x(last) if len(days) > 1 else x(line.points[-1][0])
        path.append(f"H{end_x:.1f}")
        out.append(f'<path d="{" ".join(path)}" stroke="{colour}" class="line"/>')
        for day, value, text in line.points:
            out.append(
                f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="4" fill="{colour}">'
                f"<title>{escape(line.name)}: {escape(text)} ({day.isoformat()})</title></circle>"
            )
        lx = _LEFT + (n % 3) * (_W - _LEFT) / 3
        ly = _TOP + inner_h + 34 + 18 * (n // 3)
        out.append(f'<rect x="{lx:.1f}" y="{ly - 9:.1f}" width="10" height="10" fill="{colour}"/>')
        label = line.name if len(line.name) <= 30 else line.name[:29] + "…"
        out.append(f'<text x="{lx + 14:.1f}" y="{ly:.1f}" class="legend">{escape(label)}</text>')
    out.append("</svg>")
    return Markup("".join(out))
