"""Capture histories into tables, and the errors of a bad captures file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from warmonitor.errors import InputError
from warmonitor.estimate import CaptureTable, merge_strata, parse_captures
from warmonitor.estimate_service import read_captures


def test_histories_fill_the_cells_by_their_lists_bits() -> None:
    table = CaptureTable.from_histories([[1, 0, 0], [1, 1, 0], [1, 1, 0], [0, 0, 1]], "ABC")
    assert table.counts.tolist() == [0, 1, 0, 2, 1, 0, 0, 0]
    assert table.documented == 4
    assert table.list_sizes == {"A": 3, "B": 2, "C": 1}
    assert table.observed == {"A": 1, "A+B": 2, "C": 1}


def test_csv_rows_become_one_table_per_stratum() -> None:
    text = ["place,x,y,z", "north,1,0,0", "north,1,1,0", "south,0,0,1", ""]
    tables = parse_captures(text, "t.csv", ["place"])
    assert sorted(tables) == [("north",), ("south",)]
    assert tables[("north",)].lists == ("x", "y", "z")
    assert tables[("north",)].documented == 2
    assert merge_strata(tables).documented == 3


def test_quoted_values_as_r_writes_them_are_read() -> None:
    tables = parse_captures(['"A","B","C"', '"1","0","1"'], "r.csv")
    assert tables[()].observed == {"A+C": 1}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("A,B,C\n", "no rows"),
        ("A,B\n1,0\n", "2 list column(s) (A, B); estimation needs at least 3 lists"),
        ("A,B,C\n1,0,0\n1,2,0\n", "line 3, column 'B': '2' is not 0 or 1"),
        ("A,B,C\n1,0,yes\n", "line 2, column 'C': 'yes' is not 0 or 1"),
        ("A,B,C\n0,0,0\n", "line 2: the person is on no list"),
        ("A,B,C\n1,0\n", "line 2: 2 fields, the header has 3"),
    ],
)
def test_a_bad_file_is_named_with_its_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "lists.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_captures(path)
    assert caught.value.source == str(path)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")


def test_a_missing_stratum_column_or_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "lists.csv"
    path.write_text("A,B,C\n1,0,0\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'place' to stratify by"):
        read_captures(path, ["place"])
    with pytest.raises(InputError, match="no such file"):
        read_captures(tmp_path / "absent.csv")


def test_a_table_keeps_its_cells_consistent() -> None:
    with pytest.raises(ValueError, match="cell 0"):
        CaptureTable(("A", "B", "C"), np.array([1, 0, 0, 0, 0, 0, 0, 0]))
    with pytest.raises(ValueError, match="at least one list"):
        CaptureTable.from_histories([[0, 0, 0]], "ABC")
