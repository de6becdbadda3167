"""``warmonitor estimate --chart out.png``: documented against estimated persons per stratum,
the estimate's interval as an error bar (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

from warmonitor.estimate import Estimate
from warmonitor.estimate_service import EstimationReport

__all__ = ["write_chart"]


def write_chart(report: EstimationReport, path: Path) -> int:
    """Draw one row per stratum (and the total) to a PNG at ``path``; returns the rows drawn."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows: list[tuple[str, Estimate]] = []
    if report.strata_columns:
        rows = [(" / ".join(s.stratum), s.estimate) for s in report.strata]
    rows.append(("total" if report.strata_columns else "all", report.total))
    figure = Figure(figsize=(8, 1.2 + 0.45 * len(rows)))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    places = list(range(len(rows)))[::-1]
    axes.barh(places, [e.documented for _, e in rows], color="#9bb7d4", label="documented")
    for place, (_, e) in zip(places, rows, strict=True):
        low = e.estimate - e.low if e.low == e.low else 0.0
        high = e.high - e.estimate if e.high == e.high and e.high != float("inf") else 0.0
        axes.errorbar(
            [e.estimate], [place], xerr=[[low], [high]], fmt="o", color="#b2182b", capsize=4
        )
    axes.plot([], [], "o", color="#b2182b", label=f"estimated ({report.total.level:.0%} interval)")
    axes.set_yticks(places, [name for name, _ in rows])
    axes.set_xlabel("persons")
    axes.set_xlim(left=0)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2, fontsize="small", frameon=False)
    axes.set_title(f"{report.plan.method}", loc="right", fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    return len(rows)
