"""Apache Spark as an engine: batch extraction and victim linkage on a Spark cluster.

Imported only for ``--engine spark``; pyspark is an optional dependency (``warmonitor[spark]``)
and Spark needs Java 17 or newer. What runs on Spark is what runs locally (docs/SPARK.md):

* extraction: the driver reads the corpus and cuts it into the pipeline's chunks
  (:data:`warmonitor.pipeline.PREDICT_CHUNK`); Spark distributes the chunks, each executor's
  Python worker loads the spaCy pipeline once (cached for the worker's life, reused across its
  tasks) and runs :func:`warmonitor.pipeline.predict_chunk` on each chunk of its partition; the
  predictions come back in order and the driver writes them, so the file is the local engine's.
* linkage: Splink's Spark backend (:class:`SparkLinkage`) with the same model, its SQL in
  Spark's dialect; Jaro-Winkler is the UDF of the jar shipped inside the Splink wheel.

Nothing is fetched: no Spark packages are requested, the UI is off, the only jar is Splink's
local file, and a ``local[N]`` master binds to the loopback interface.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from types import TracebackType
from typing import Any

import numpy as np

from warmonitor.errors import ConfigurationError, WarmonitorError
from warmonitor.extract.headline import Counting
from warmonitor.model import Document
from warmonitor.pipeline import Prediction, load_nlp, predict_chunk

__all__ = ["MIN_JAVA", "SparkEngine", "SparkLinkage", "java_version", "spark_session"]

MIN_JAVA = 17
# Chunks in one Spark partition at most (a task: 16 x 32 documents).
_CHUNKS_PER_PARTITION = 16
_LOCAL = re.compile(r"local(\[(\d+|\*)(,\d+)?\])?$")


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = os.path.join(home, "bin", "java")
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("java")


def java_version() -> int | None:
    """The major version of the Java that Spark would start (None: no Java found)."""
    java = _java()
    if java is None:
        return None
    try:
        shown = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, check=False
        ).stderr
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', shown)
    if not found:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def _require() -> None:
    """A clear error when pyspark or Java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ConfigurationError(
            "--engine spark needs pyspark: install it with `pip install 'warmonitor[spark]'` "
            f"(or the pinned requirements-dev.lock) ({exc})"
        ) from None
    version = java_version()
    if version is None:
        raise ConfigurationError(
            "--engine spark needs Java (17 or newer): none found on PATH or in JAVA_HOME; "
            "install a JRE, e.g. `apt-get install default-jre-headless`"
        )
    if version < MIN_JAVA:
        raise ConfigurationError(
            f"--engine spark needs Java {MIN_JAVA} or newer; the Java found is {version}"
        )


def local_cores(master: str) -> int | None:
    """The cores of a ``local[N]`` master (``local``: 1, ``local[*]``: this machine's);
    None for a cluster's URL."""
    found = _LOCAL.match(master)
    if not found:
        return None
    if not found.group(2):
        return 1
    if found.group(2) == "*":
        return os.cpu_count() or 1
    return int(found.group(2))


def spark_session(master: str, app_name: str = "warmonitor") -> Any:
    """A Spark session on ``master`` that reaches no network of its own: no UI, no packages,
    Splink's similarity jar from its wheel; a ``local[N]`` one binds to loopback and runs its
    Python workers with this interpreter (on a cluster, the executors' own Python, with
    warmonitor installed, runs them: docs/SPARK.md)."""
    _require()
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.session.timeZone", "UTC")
    )
    cores = local_cores(master)
    if cores is not None:
        # the RDD API starts its workers with $PYSPARK_PYTHON (default: python3 on PATH)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (
            builder.config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.pyspark.python", sys.executable)
            .config("spark.pyspark.driver.python", sys.executable)
            .config("spark.sql.shuffle.partitions", str(max(2, 2 * cores)))
        )
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # the JVM did not start, or the master cannot be reached
        raise ConfigurationError(
            f"could not start Spark on {master} ({type(exc).__name__}: {exc})"
        ) from None
    session.sparkContext.setLogLevel("ERROR")
    return session


def _predict_partition(chunks: Iterable[list[Document]], counting: Counting) -> Iterator[Any]:
    """One partition's predictions, a list per chunk: runs on an executor's Python worker,
    which loads the spaCy pipeline once (``load_nlp`` is cached for the worker's life)."""
    nlp = load_nlp()
    for chunk in chunks:
        yield predict_chunk(chunk, counting, nlp)


_PYTHON_ERROR = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit): .*$", re.MULTILINE)


def _cause(exc: BaseException) -> str:
    """The Python error a failed task ended with (the last line of the worker's traceback
    that Spark wraps), else the first line of what Spark said."""
    text = str(exc)
    found = [m for m in _PYTHON_ERROR.findall(text) if not m.startswith(("org.", "java."))]
    if found:
        return found[-1].strip()
    return next((line.strip() for line in text.splitlines() if line.strip()), type(exc).__name__)


class SparkEngine:
    """Extraction (a :data:`warmonitor.pipeline.ChunkRunner`: :meth:`predict`) and linkage
    (:meth:`linkage`) on Spark. ``master`` defaults to ``local[N]`` with ``N = workers``
    (default: every core, at most 2); ``session`` reuses a running Spark session (not stopped
    on close); otherwise one is started here and stopped on close."""

    def __init__(
        self, master: str | None = None, *, workers: int | None = None, session: Any = None
    ) -> None:
        if session is not None:
            self.session, self._owned = session, False
        else:
            cores = workers or min(2, os.cpu_count() or 1)
            self.session, self._owned = spark_session(master or f"local[{cores}]"), True

    def predict(
        self, chunks: Sequence[list[Document]], counting: Counting
    ) -> Iterator[list[Prediction]]:
        """The predictions of each chunk, in order. A partition is a Spark job of its own,
        ``2 x defaultParallelism`` of them in flight, their results taken in order, so the
        driver holds only the predictions of the partitions in flight."""
        if not chunks:
            return
        context = self.session.sparkContext
        parallel = max(1, int(context.defaultParallelism))
        slices = min(len(chunks), max(parallel, math.ceil(len(chunks) / _CHUNKS_PER_PARTITION)))
        rdd = context.parallelize(list(chunks), slices)
        job = partial(_predict_partition, counting=counting)
        window = 2 * parallel
        pending: deque[Future[list[list[Prediction]]]] = deque()
        submitted = 0
        with ThreadPoolExecutor(max_workers=window) as pool:
            try:
                while pending or submitted < slices:
                    while submitted < slices and len(pending) < window:
                        pending.append(pool.submit(context.runJob, rdd, job, [submitted]))
                        submitted += 1
                    try:
                        done = pending.popleft().result()
                    except Exception as exc:  # a task failed on every try: say why, briefly
                        raise WarmonitorError(f"a Spark job failed: {_cause(exc)}") from None
                    yield from done
            except BaseException:  # a failure, or the caller stopped reading: stop the rest
                context.cancelAllJobs()
                raise

    def linkage(self) -> SparkLinkage:
        """Splink's Spark backend on this engine's session, for ``link_victims``."""
        return SparkLinkage(self.session)

    def close(self) -> None:
        if self._owned:
            self.session.stop()

    def __enter__(self) -> SparkEngine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _schema() -> Any:
    """The linkage features as a Spark schema (``victims.compare.features``)."""
    from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

    text = StringType()
    return StructType(
        [
            StructField("unique_id", text, False),
            StructField("source_dataset", text, False),
            StructField("tokens", ArrayType(text), True),
            StructField("name_key", text, True),
            StructField("name_text", text, True),
            StructField("first", text, True),
            StructField("second", text, True),
            StructField("middle", ArrayType(text), True),
            StructField("last", text, True),
            StructField("sex", text, True),
            StructField("birth_year", LongType(), True),
            StructField("death_date", text, True),
        ]
    )


class SparkLinkage:
    """A :class:`warmonitor.victim_linkage.LinkageBackend` on Spark: Splink's ``SparkAPI``
    (its similarity UDFs registered from the jar of the Splink wheel), intermediate tables
    persisted in the cluster's memory and disks (no checkpoint folder needed)."""

    dialect = "spark"

    def __init__(self, session: Any) -> None:
        from splink.backends.spark import SparkAPI

        self.session = session
        self.db_api = SparkAPI(spark_session=session, break_lineage_method="persist")

    def register(self, rows: Sequence[dict[str, Any]], table_name: str) -> Any:
        schema = _schema()
        names = schema.fieldNames()
        frame = self.session.createDataFrame(
            [tuple(row.get(name) for name in names) for row in rows], schema=schema
        )
        return self.db_api.register(frame, table_name=table_name)

    def param(self, name: str) -> str:
        return f":{name}"

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return [row.asDict(recursive=True) for row in self.session.sql(sql, args=params).collect()]

    def column(self, sql: str, params: dict[str, Any] | None = None) -> np.ndarray:
        values = [row[0] for row in self.session.sql(sql, args=params).collect()]
        return np.asarray(values, dtype=float)
