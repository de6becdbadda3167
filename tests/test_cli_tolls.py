"""Tolls over time in the CLI: `warmonitor incident ID` shows each claimant's series with its
dates and reports, and `--chart out.png` writes a real PNG (matplotlib, Agg backend)."""

from __future__ import annotations

import struct
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from reconcile_factory import ARIHA, IDLIB_PROVINCE, claim
from warmonitor.cli.tolls import aside_lines, series_lines, write_chart
from warmonitor.errors import NotFoundError
from warmonitor.reconcile import Incident, reconcile

EXE = str(Path(sys.executable).with_name("warmonitor"))
FIXTURES = Path(__file__).parent / "fixtures" / "incidents"
PNG = b"\x89PNG\r\n\x1a\n"
PUBLISHED = {"doc-a": date(2024, 5, 6), "doc-b": date(2024, 5, 7), "doc-c": date(2024, 5, 9)}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def incident() -> Incident:
    claims = [
        claim(30, doc="doc-a", outlet="Reuters"),
        claim(45, doc="doc-b", outlet="AFP", cumulative=True),
        claim(52, doc="doc-c", outlet="AP", cumulative=True),
        claim(20, doc="doc-b", claimant="local doctors", kind="medical"),
        claim(40, doc="doc-c", claimant="local doctors", kind="medical"),
        claim((500, None), doc="doc-c", text="could reach 500", hedges=("projection",)),
        claim(60, doc="doc-c", place=IDLIB_PROVINCE, claimant="governor", kind="government"),
        claim(
            15,
            doc="doc-c",
            place=replace(ARIHA, text="Ariha"),
            sentence="Fifteen of them were killed in Ariha, the governor said.",
            claimant="governor",
            kind="government",
        ),
    ]
    (found,) = reconcile(claims, PUBLISHED)
    return found


def test_series_lines_give_each_point_its_date_and_reports() -> None:
    lines = series_lines(incident())
    assert (
        "  Syrian Observatory for Human Rights' figure for people killed rose from 30 to 52 "
        "(2024-05-06 to 2024-05-09)"
    ) in lines
    assert "    2024-05-07 (published)  45  via AFP; report(s) doc-b" in lines
    asides = aside_lines(incident())
    assert any(a.startswith("  part in Ariha: people killed, governor 15") for a in asides)
    assert any("projection, not counted" in a and "could reach 500" in a for a in asides)


def test_the_chart_is_a_real_png(tmp_path: Path) -> None:
    out = tmp_path / "tolls.png"
    assert write_chart(incident(), out) == 4  # three claimants' series and a projection
    assert png_size(out) == (1000, 550)
    assert 15_000 < out.stat().st_size < 500_000


def test_no_dated_figure_no_chart(tmp_path: Path) -> None:
    (undated,) = reconcile([claim(5, doc="doc-x", day=None)], {})
    with pytest.raises(NotFoundError, match="no dated figure"):
        write_chart(undated, tmp_path / "none.png")
    assert not (tmp_path / "none.png").exists()


def test_incident_shows_the_series_and_writes_the_chart(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([EXE, *args, "--db", db], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done

    run("ingest", str(FIXTURES / "market-strike.jsonl"))
    table = run("incidents", "--format", "csv").stdout
    market = next(line.split(",")[0] for line in table.splitlines()[1:] if "Idlib" in line)
    chart = tmp_path / "market.png"
    shown = run("incident", market, "--chart", str(chart))
    assert "Tolls over time" in shown.stdout
    assert "rose from at least 12 to 27" in shown.stdout
    assert "via " in shown.stdout and "report(s) " in shown.stdout
    assert f"written to {chart}" in shown.stderr
    assert png_size(chart) == (1000, 550) and chart.stat().st_size > 15_000
