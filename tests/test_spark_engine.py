"""``--engine spark``: extraction on Spark (local[2]) writes the local engine's predictions byte
for byte; victim linkage on Splink's Spark backend links the pairs DuckDB links; clear errors
when pyspark or Java is missing. One Spark session for the module (starting one takes long)."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warmonitor.engines.spark import SparkEngine, java_version, local_cores
from warmonitor.errors import WarmonitorError
from warmonitor.model import Document
from warmonitor.pipeline import PREDICT_CHUNK, predict_file
from warmonitor.store import Store
from warmonitor.victim_service import import_victims, link_victims, linked_pairs
from warmonitor.victims.synthetic import population, two_lists

EXE = str(Path(sys.executable).with_name("warmonitor"))
HAS_JAVA = (java_version() or 0) >= 17
# PySpark leaves the socket a job's results come through to the garbage collector
# (pyspark.util._load_from_socket): a ResourceWarning of PySpark's, not ours, on each job.
pytestmark = [
    pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning"),
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning"
    ),
]
needs_java = pytest.mark.skipif(not HAS_JAVA, reason="Spark needs Java 17+ (.ci/run installs it)")

TOWNS = ("Aleppo", "Mosul", "Kharkiv", "Khartoum", "Kano", "Idlib", "Raqqa", "Donetsk")
WHO = ("the health ministry", "a local official", "medics", "the civil defence")


def report(rng: random.Random, n: int) -> dict[str, object]:
    """An invented report: a figure or none, a town, a claimant."""
    town, who = rng.choice(TOWNS), rng.choice(WHO)
    killed, wounded = rng.randint(2, 60), rng.randint(0, 90)
    lines = [
        f"An air strike hit a market in {town} on Monday.",
        f"At least {killed} people were killed and {wounded} wounded, {who} said.",
        "Residents said the area had been quiet for weeks.",
    ]
    if n % 5 == 0:
        lines = ["The road to the city reopened after the holiday."]
    if n % 7 == 0:
        lines.append(f"Earlier, {rng.randint(2, 9)} children were killed in {rng.choice(TOWNS)}.")
    return {"id": f"r{n}", "text": " ".join(lines), "published": "2024-03-0" + str(1 + n % 9)}


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkEngine]:
    if not HAS_JAVA:
        pytest.skip("Spark needs Java 17+ (.ci/run installs it)")
    with SparkEngine("local[2]") as engine:
        yield engine


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(12)
    path = tmp_path_factory.mktemp("corpus") / "records.jsonl"
    rows = [report(rng, n) for n in range(5 * PREDICT_CHUNK + 7)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@needs_java
def test_spark_writes_the_local_predictions_byte_for_byte(
    spark: SparkEngine, corpus: Path, tmp_path: Path
) -> None:
    local, distributed = tmp_path / "local.jsonl", tmp_path / "spark.jsonl"
    for counting in ("all", "non-combatant"):
        written, failures = predict_file(corpus, local, workers=2, counting=counting)
        seen: list[int] = []
        on_spark = predict_file(
            corpus, distributed, runner=spark.predict, counting=counting, progress=seen.append
        )
        assert on_spark == (written, failures) and written == 5 * PREDICT_CHUNK + 7
        assert distributed.read_bytes() == local.read_bytes()
        assert sum(seen) == written and len(seen) == 6  # a progress step per chunk, in order
    predictions = [json.loads(line) for line in local.read_text().splitlines()]
    assert sum(1 for p in predictions if p["killed"]) >= 100  # not an empty comparison


@needs_java
def test_a_failed_spark_job_is_a_clear_error(spark: SparkEngine) -> None:
    good = Document("Two people were killed in Idlib on Monday.", id="d1")
    broken: list[Any] = [good, "not a document"]  # fails on the executor, outside any guard
    with pytest.raises(WarmonitorError, match="a Spark job failed: AttributeError: 'str'"):
        list(spark.predict([[good], broken], "all"))
    assert [len(c) for c in spark.predict([[good]], "all")] == [1]  # the session goes on


@needs_java
def test_extract_command_on_spark_reads_a_directory(
    spark: SparkEngine, corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    lines = corpus.read_text(encoding="utf-8").splitlines()
    (folder / "a.jsonl").write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(str(json.loads(lines[41])["text"]), encoding="utf-8")
    (folder / "c.jsonl").write_text("{broken\n" + lines[42] + "\n", encoding="utf-8")
    local = tmp_path / "local.jsonl"
    written, failures = predict_file(folder, local, workers=1)
    assert written == 42 and len(failures) == 1
    out = tmp_path / "spark.jsonl"
    result = subprocess.run(
        [EXE, "extract", str(folder), "-o", str(out), "--engine", "spark", "--master", "local[2]"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 1, result.stderr  # the broken line is reported, the rest written
    assert f"{folder / 'c.jsonl'}" in result.stderr and "42 prediction(s) written" in result.stderr
    assert out.read_bytes() == local.read_bytes()


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@needs_java
def test_linkage_on_spark_links_the_pairs_duckdb_links(spark: SparkEngine, tmp_path: Path) -> None:
    left, right, truth = two_lists(population(200, seed=5), overlap=0.6, seed=5)
    lists = _write(tmp_path / "left.csv", left), _write(tmp_path / "right.csv", right)
    found = {}
    for engine in ("duckdb", "spark"):
        with Store.open(f"sqlite:///{tmp_path / engine}.db") as store:
            import_victims(store, lists[0], "ministry")
            import_victims(store, lists[1], "monitor")
            backend = spark.linkage() if engine == "spark" else None
            report = link_victims(store, threshold=0.9, backend=backend)
            links = {(x.left, x.right): x for x in store.victim_links()}
            found[engine] = (report, set(linked_pairs(store)), links, store.victim_link_run())
    duck, on_spark = found["duckdb"], found["spark"]
    assert on_spark[0] == duck[0]  # records, pairs scored and linked, persons, for review
    assert on_spark[1] == duck[1]  # the same pairs linked across the lists
    hits = {(a, b) for _, a, _, b in duck[1]} & set(truth)
    assert len(hits) >= 0.9 * len(truth)
    assert on_spark[2].keys() == duck[2].keys()
    for key, link in duck[2].items():  # Splink estimates u on pairs its database's hash picks
        assert abs(on_spark[2][key].probability - link.probability) <= 0.1, key
        assert [d["level"] for d in on_spark[2][key].detail] == [d["level"] for d in link.detail]
    model, spark_model = duck[3][1], on_spark[3][1]
    assert spark_model["probability_two_random_records_match"] == pytest.approx(
        model["probability_two_random_records_match"], rel=1e-9
    )
    for comparison, other in zip(model["comparisons"], spark_model["comparisons"], strict=True):
        for level, same in zip(
            comparison["comparison_levels"], other["comparison_levels"], strict=True
        ):
            if level.get("m_probability") is not None:  # EM: the same up to float sums
                assert same["m_probability"] == pytest.approx(level["m_probability"], abs=1e-5)


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300, env=env)


def test_master_is_only_for_the_spark_engine(corpus: Path, tmp_path: Path) -> None:
    result = _cli("extract", str(corpus), "-o", str(tmp_path / "p.jsonl"), "--master", "local[2]")
    assert result.returncode == 2 and "--master is for --engine spark" in result.stderr
    result = _cli("victims", "link", "--master", "local[2]", "--db", f"sqlite:///{tmp_path}/s.db")
    assert result.returncode == 2 and "--master is for --engine spark" in result.stderr


def test_no_java_is_a_clear_error(corpus: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env["PATH"] = str(Path(sys.executable).parent)  # the venv's commands, no java
    out = tmp_path / "p.jsonl"
    result = _cli("extract", str(corpus), "-o", str(out), "--engine", "spark", env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--engine spark needs Java (17 or newer)" in result.stderr
    assert not out.exists()


def test_no_pyspark_is_a_clear_error(corpus: Path, tmp_path: Path) -> None:
    hide = (
        "import sys; sys.modules['pyspark'] = None; sys.argv = sys.argv[1:]; "
        "from warmonitor.cli import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", hide, "warmonitor", "extract", str(corpus), "-o",
         str(tmp_path / "p.jsonl"), "--engine", "spark"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--engine spark needs pyspark" in result.stderr
    assert "warmonitor[spark]" in result.stderr


def test_local_masters_and_cluster_urls() -> None:
    assert local_cores("local") == 1 and local_cores("local[3]") == 3
    assert local_cores("local[2,4]") == 2 and local_cores("local[*]") == (os.cpu_count() or 1)
    assert local_cores("spark://head:7077") is None and local_cores("yarn") is None
