"""Capture histories and the incomplete contingency table they make.

A capture history is one documented person's row: 1 for each list that names them, 0 for the
others. With J lists the persons fall into the 2^J − 1 observed cells; cell ``c`` holds those
whose lists are the bits of ``c`` (list ``j`` is bit ``j``), and cell 0, the persons on no list,
is what estimation is for. :func:`parse_captures` reads CSV text (no file is opened here: the
caller hands the lines and names their source for the errors).
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from warmonitor.errors import InputError

__all__ = [
    "MIN_LISTS",
    "CaptureTable",
    "Stratum",
    "merge_strata",
    "parse_captures",
    "tables_from_persons",
]

MIN_LISTS = 3

Stratum = tuple[str, ...]
"""A stratum's values of the stratifying columns, in their order (``()`` when unstratified)."""


@dataclass(frozen=True)
class CaptureTable:
    """Counts of documented persons per capture pattern: ``counts[c]`` for the pattern whose
    lists are the bits of ``c``; ``counts[0]`` (no list) is always 0."""

    lists: tuple[str, ...]
    counts: npt.NDArray[np.int64]

    def __post_init__(self) -> None:
        if len(self.counts) != 2 ** len(self.lists):
            raise ValueError(f"{len(self.lists)} lists need {2 ** len(self.lists)} cells")
        if self.counts[0] != 0 or (self.counts < 0).any():
            raise ValueError("cell 0 (on no list) must be 0 and no count negative")

    @classmethod
    def from_histories(cls, histories: npt.ArrayLike, lists: Sequence[str]) -> CaptureTable:
        """The table of an (n, J) array of 0/1 capture histories, one row per person.

        >>> CaptureTable.from_histories([[1, 0, 0], [1, 1, 0]], ["A", "B", "C"]).observed
        {'A': 1, 'A+B': 1}
        """
        rows = np.asarray(histories, dtype=np.int64).reshape(-1, len(lists))
        if ((rows != 0) & (rows != 1)).any():
            raise ValueError("capture histories must be 0 or 1")
        if (rows.sum(axis=1) == 0).any():
            raise ValueError("a documented person must be on at least one list")
        cells = rows @ (1 << np.arange(len(lists), dtype=np.int64))
        counts = np.bincount(cells, minlength=2 ** len(lists)).astype(np.int64)
        return cls(tuple(lists), counts)

    @property
    def documented(self) -> int:
        """The number of documented persons (on at least one list)."""
        return int(self.counts.sum())

    @property
    def patterns(self) -> npt.NDArray[np.int64]:
        """The (2^J, J) 0/1 matrix of every cell's lists."""
        cells = np.arange(len(self.counts), dtype=np.int64)[:, None]
        return (cells >> np.arange(len(self.lists), dtype=np.int64)) & 1

    @property
    def list_sizes(self) -> dict[str, int]:
        """How many documented persons each list names."""
        sizes = self.patterns.T @ self.counts
        return {name: int(size) for name, size in zip(self.lists, sizes, strict=True)}

    @property
    def observed(self) -> dict[str, int]:
        """The non-empty observed cells by their lists joined with ``+``."""
        return {
            "+".join(n for n, bit in zip(self.lists, row, strict=True) if bit): int(count)
            for row, count in zip(self.patterns[1:], self.counts[1:], strict=True)
            if count
        }


def parse_captures(
    lines: Iterable[str], source: str, strata: Sequence[str] = ()
) -> dict[Stratum, CaptureTable]:
    """Capture tables per stratum from CSV text: a header naming the lists (and the stratifying
    columns ``strata``), then one row per documented person with 0 or 1 under each list.

    Raises :class:`~warmonitor.errors.InputError` naming ``source`` and the problem: an empty
    file, a missing stratum column, fewer than three lists, a value other than 0 or 1, a row of
    the wrong length or on no list.
    """
    reader = csv.reader(lines)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise InputError(source, "empty: a header naming the lists is needed")
    names = [h.strip() for h in header]
    missing = [s for s in strata if s not in names]
    if missing:
        raise InputError(source, f"no column {', '.join(map(repr, missing))} to stratify by")
    list_columns = [i for i, name in enumerate(names) if name not in strata]
    strata_columns = [names.index(s) for s in strata]
    lists = tuple(names[i] for i in list_columns)
    if len(lists) < MIN_LISTS:
        raise InputError(
            source,
            f"{len(lists)} list column(s) ({', '.join(lists) or 'none'}); "
            f"estimation needs at least {MIN_LISTS} lists",
        )
    histories: dict[Stratum, list[list[int]]] = {}
    for row in reader:
        line = reader.line_num
        if not row or all(not v.strip() for v in row):
            continue
        if len(row) != len(names):
            raise InputError(source, f"line {line}: {len(row)} fields, the header has {len(names)}")
        history = [_bit(row[i], source, line, names[i]) for i in list_columns]
        if not any(history):
            raise InputError(source, f"line {line}: the person is on no list (no 1 in the row)")
        key = tuple(row[i].strip() for i in strata_columns)
        histories.setdefault(key, []).append(history)
    if not histories:
        raise InputError(source, "no rows: one row per documented person is needed")
    return {key: CaptureTable.from_histories(rows, lists) for key, rows in histories.items()}


def _bit(value: str, source: str, line: int, column: str) -> int:
    text = value.strip()
    if text not in ("0", "1"):
        raise InputError(source, f"line {line}, column {column!r}: {value!r} is not 0 or 1")
    return int(text)


def merge_strata(tables: Mapping[Stratum, CaptureTable]) -> CaptureTable:
    """All strata's persons in one table (their lists must be the same)."""
    first = next(iter(tables.values()))
    total = sum((t.counts for t in tables.values()), np.zeros_like(first.counts))
    return CaptureTable(first.lists, total)


def tables_from_persons(
    persons: Iterable[tuple[Stratum, Collection[str]]], lists: Sequence[str]
) -> dict[Stratum, CaptureTable]:
    """Capture tables per stratum from linked persons: each its stratum and the lists that
    name it (lists not in ``lists`` ignored; a person on none of them left out)."""
    column = {name: j for j, name in enumerate(lists)}
    histories: dict[Stratum, list[list[int]]] = {}
    for stratum, named in persons:
        row = [0] * len(lists)
        for name in named:
            if name in column:
                row[column[name]] = 1
        if any(row):
            histories.setdefault(stratum, []).append(row)
    return {key: CaptureTable.from_histories(rows, lists) for key, rows in histories.items()}
