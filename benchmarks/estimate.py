#!/usr/bin/env python3
"""Estimation speed: the LCMCR sampler and the log-linear search, in seconds.

    .venv/bin/python benchmarks/estimate.py                 # 3 repeats of each
    .venv/bin/python benchmarks/estimate.py --repeats 5

The LCMCR run is the reference's: K=10, a=b=0.25, 10,000 burn-in iterations and 1,000 draws
thinned by 100 (110,000 iterations), on the Kosovo four-list captures when ``../shared`` holds
them (R's LCMCR takes 1.5 s on it on the project's machine), and on simulated captures of the
same size otherwise and beside it: 4 lists and 4,400 documented, and 8 lists (255 observed
cells). The sampler's compilation (once per install, cached by numba) is timed apart. Each
figure is the best of the repeats, wall clock and CPU.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from warmonitor.estimate import (
    CaptureTable,
    LcmcrSettings,
    estimate_lcmcr,
    estimate_loglinear,
    sample_lcmcr,
)
from warmonitor.estimate_service import read_captures

ROOT = Path(__file__).resolve().parent.parent
KOSOVO = ROOT.parent / "shared" / "gold" / "mse" / "kosovo_aggregate.csv"


def simulated(lists: int, population: int, seed: int = 8) -> CaptureTable:
    """Two latent groups, the second harder to document on every list."""
    rng = np.random.default_rng(seed)
    hard = rng.random(population) < 1 / 3
    probs = np.where(hard[:, None], rng.uniform(0.05, 0.2, lists), rng.uniform(0.2, 0.5, lists))
    caught = (rng.random((population, lists)) < probs).astype(int)
    names = [f"L{j + 1}" for j in range(lists)]
    return CaptureTable.from_histories(caught[caught.any(axis=1)], names)


def best_of(repeats: int, work: Callable[[], object]) -> tuple[float, float]:
    """The fastest wall and CPU seconds of ``repeats`` runs."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    tables = {}
    if KOSOVO.exists():
        tables["kosovo (4 lists)"] = read_captures(KOSOVO)[()]
    tables["simulated, 4 lists"] = simulated(4, 10_000)
    tables["simulated, 8 lists"] = simulated(8, 10_000)
    start = time.perf_counter()
    sample_lcmcr(next(iter(tables.values())), LcmcrSettings(burnin=10, samples=2, thin=1))
    print(f"LCMCR compile or cache load: {time.perf_counter() - start:.2f} s")
    settings = LcmcrSettings(K=10, a=0.25, b=0.25, burnin=10_000, samples=1_000, thin=100)
    print("captures              documented  method     estimate  wall s  cpu s")
    for name, table in tables.items():
        for method, run in (
            ("lcmcr", lambda t=table: estimate_lcmcr(t, settings)),
            ("loglinear", lambda t=table: estimate_loglinear(t, "aic")),
        ):
            estimate = run()
            wall, cpu = best_of(args.repeats, run)
            print(
                f"{name:<20}  {table.documented:>10,}  {method:<9}  {estimate.estimate:>8,.0f}  "
                f"{wall:>6.2f}  {cpu:>5.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
