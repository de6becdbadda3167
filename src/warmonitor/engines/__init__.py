"""Engines that run the pipeline's work elsewhere than in this machine's processes.

Each engine is a face-level module, imported only when it is asked for (``--engine spark``):
the domain core and the pipeline know nothing of them. :mod:`warmonitor.engines.spark` runs
batch extraction and victim linkage on Apache Spark (docs/SPARK.md).
"""
