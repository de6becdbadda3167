"""`warmonitor estimate` end to end: JSON and table output, strata, chart, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from capture_factory import simulate, write_csv

EXE = str(Path(sys.executable).with_name("warmonitor"))
GROUPS = [(2.0, (0.5, 0.4, 0.45, 0.35)), (1.0, (0.15, 0.2, 0.1, 0.2))]
SHORT = ["--burnin", "300", "--samples", "100", "--thin", "3", "--K", "5"]


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([EXE, "estimate", *args], capture_output=True, text=True, timeout=300)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def as_json(*args: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(run(*args, "--format", "json").stdout)
    return found


def test_lcmcr_json_gives_the_median_interval_and_documented(tmp_path: Path) -> None:
    path = tmp_path / "captures.csv"
    write_csv(path, {(): simulate(1_200, GROUPS, seed=1)})
    found = as_json("--captures", str(path), "--method", "lcmcr", "--seed", "4", *SHORT)
    assert found["method"] == "lcmcr"
    assert found["lists"] == ["A", "B", "C", "D"]
    assert found["documented"] < found["low"] < found["estimate"] < found["high"]
    assert found["level"] == 0.95
    assert found["settings"] | {"K": 5, "seed": 4, "burnin": 300} == found["settings"]
    assert found["strata"] == []
    again = as_json("--captures", str(path), "--method", "lcmcr", "--seed", "4", *SHORT)
    assert again["estimate"] == found["estimate"] and again["high"] == found["high"]


def test_loglinear_json_names_the_selected_model(tmp_path: Path) -> None:
    path = tmp_path / "captures.csv"
    write_csv(path, {(): simulate(1_200, GROUPS, seed=2)})
    found = as_json("--captures", str(path), "--method", "loglinear", "--criterion", "bic")
    assert found["method"] == "loglinear"
    assert found["details"]["criterion"] == "bic"
    assert found["details"]["interval"] == "profile likelihood"
    assert found["details"]["models_fitted"] == 64
    assert found["low"] < found["estimate"] < found["high"]


def test_strata_table_and_chart(tmp_path: Path) -> None:
    path = tmp_path / "captures.csv"
    tables = {("north",): simulate(900, GROUPS, 3), ("south",): simulate(600, GROUPS, 4)}
    write_csv(path, tables, ["place"])
    chart = tmp_path / "estimate.png"
    args = ["--captures", str(path), "--stratify", "place", *SHORT]
    result = run(*args, "--chart", str(chart))
    for word in ("north", "south", "total", "documented", "LCMCR posterior median"):
        assert word in result.stdout
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    found = as_json(*args)
    assert [s["stratum"] for s in found["strata"]] == [{"place": "north"}, {"place": "south"}]
    assert found["documented"] == sum(s["documented"] for s in found["strata"])


def test_a_bad_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text("A,B\n1,0\n", encoding="utf-8")
    result = run("--captures", str(path), ok=False)
    assert result.returncode == 1
    assert str(path) in result.stderr and "at least 3 lists" in result.stderr


def test_without_captures_the_store_says_it_has_no_linked_lists(tmp_path: Path) -> None:
    result = run("--db", f"sqlite:///{tmp_path / 'store.db'}", ok=False)
    assert result.returncode == 1
    assert "no linked victim lists are stored yet" in result.stderr


def test_sensitivity_across_thresholds(tmp_path: Path) -> None:
    linked = simulate(1_200, GROUPS, seed=5)
    loose = linked.counts.copy()
    loose[1] += 100  # linked at a lower threshold: fewer joins, more single-list persons
    strict, low = tmp_path / "t90.csv", tmp_path / "t50.csv"
    write_csv(strict, {(): linked})
    write_csv(low, {(): type(linked)(linked.lists, loose)})
    args = ["--sensitivity", f"0.9={strict}", "--sensitivity", f"0.5={low}", *SHORT]
    found = json.loads(run(*args, "--format", "json").stdout)["sensitivity"]
    assert [r["threshold"] for r in found] == [0.5, 0.9]
    assert found[0]["documented"] == found[1]["documented"] + 100
    table = run(*args).stdout
    assert "threshold" in table and "0.9" in table
    bad = run("--sensitivity", "strict", ok=False)
    assert bad.returncode == 1 and "THRESHOLD=FILE" in bad.stderr
    one = run("--sensitivity", "0.9", "--db", f"sqlite:///{tmp_path / 's.db'}", ok=False)
    assert one.returncode == 1 and "two thresholds or more" in one.stderr
