"""Reconciling at scale: the pruned look-up of candidate events joins reports exactly as
looking at every event that shares a word would."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from reconcile_factory import ALEPPO, IDLIB, KHARKIV, MOSUL
from warmonitor.model import ReportEvent
from warmonitor.reconcile import events
from warmonitor.reconcile.events import cluster_reports

COMMON = ("killed", "attack", "people", "wounded", "toll", "civilians")


def _archive(reports: int, seed: int = 8) -> list[ReportEvent]:
    """Events told by 1 to 8 reports with their own words, every report with common words."""
    rng = random.Random(seed)
    out: list[ReportEvent] = []
    n = 0
    while len(out) < reports:
        n += 1
        place = rng.choice((IDLIB, ALEPPO, KHARKIV, MOSUL))
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(120))
        words = [f"e{n}w{k}" for k in range(rng.randint(2, 5))]
        for _ in range(rng.randint(1, 8)):
            terms = [(w, 1.5) for w in words if rng.random() < 0.7]
            terms += [(w, 0.6) for w in rng.sample(COMMON, 3)]
            terms += [(f"noise{rng.randrange(400)}", 0.8)]
            published = day + timedelta(days=rng.randrange(10))
            out.append(
                ReportEvent(
                    f"d{len(out):05d}", published, day, place.country, (place,),
                    ("air strike",), tuple(terms),
                )
            )  # fmt: skip
    return out


def _every_sharer(
    vector: dict[str, float], rare: list[str], index: dict[str, set[int]], lowest: float
) -> set[int]:
    return {g for t in rare for g in index.get(t, ())}


def test_pruned_candidates_join_reports_as_every_sharer_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reports = _archive(600)
    pruned = cluster_reports(reports)
    monkeypatch.setattr(events, "_candidates", _every_sharer)
    assert pruned == cluster_reports(reports)
    assert 1 < len(pruned) < len(reports)  # reports did join, and not all into one
