"""The bundled demo corpus: short reports written for warmonitor, about invented events.

The reports are the project's own words (Apache-2.0, like the code); the places are real, the
events, outlets and monitors are invented to show every feature: a toll rising over days, two
claimants disagreeing, one monitor repeated by several outlets, parts under a total, hedges, and
every reader (plain text, HTML, RSS, JSON Lines).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["demo_corpus"]


@contextmanager
def demo_corpus() -> Iterator[Path]:
    """The folder of demo reports, as a real path for the time of the ``with`` block."""
    with as_file(files(__package__) / "corpus") as path:
        yield Path(path)
