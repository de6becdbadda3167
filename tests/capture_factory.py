"""Simulated capture histories for the estimation tests: a known population, lists that
capture independently or with heterogeneity between latent groups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from warmonitor.estimate import CaptureTable


def simulate(
    population: int,
    groups: Sequence[tuple[float, Sequence[float]]],
    seed: int,
) -> CaptureTable:
    """Persons split among ``groups`` (share, each list's capture probability), captured
    independently within their group; those on no list dropped."""
    rng = np.random.default_rng(seed)
    shares = np.array([share for share, _ in groups])
    probs = np.array([list(p) for _, p in groups])
    group = rng.choice(len(groups), size=population, p=shares / shares.sum())
    caught = rng.random((population, probs.shape[1])) < probs[group]
    seen = caught[caught.any(axis=1)].astype(int)
    names = [chr(ord("A") + j) for j in range(probs.shape[1])]
    return CaptureTable.from_histories(seen, names)


def write_csv(
    path: Path, tables: Mapping[tuple[str, ...], CaptureTable], columns: Sequence[str] = ()
) -> None:
    """One row per documented person of each stratum's table, its values under ``columns``."""
    first = next(iter(tables.values()))
    lines = [",".join([*columns, *first.lists])]
    for stratum, table in tables.items():
        for row, count in zip(table.patterns, table.counts, strict=True):
            lines += [",".join([*stratum, *map(str, row)])] * int(count)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
