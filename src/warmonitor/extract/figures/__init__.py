"""Figures in one sentence: which counts are casualty figures, their outcome, victims and parts.

The public face is :func:`find_figures` and its :class:`Figure` record. ``sentence`` binds a
sentence's counts to triggers; ``figure`` is the record; ``singulars`` reads single victims,
``conjuncts`` coordinated victims, ``named`` named and titled single victims, ``parts`` parts of
totals and ``statuses`` a status then a death ("were wounded and later died").
"""

from __future__ import annotations

from warmonitor.extract.figures.figure import Figure
from warmonitor.extract.figures.sentence import find_figures

__all__ = ["Figure", "find_figures"]
