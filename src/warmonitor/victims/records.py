"""A victim list's rows as records: fields, the column mapping, and what makes a row bad.

Pure: :func:`parse_rows` takes rows already read (line number and a column → text mapping) and
returns the records and the problems, each naming its line; reading files is the service's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

__all__ = [
    "DEFAULT_COLUMNS",
    "FIELDS",
    "RowProblem",
    "VictimRecord",
    "column_mapping",
    "parse_rows",
]

FIELDS: tuple[str, ...] = (
    "record_id",
    "name",
    "alt_name",
    "sex",
    "age",
    "birth_date",
    "death_date",
    "place",
    "cause",
    "incident",
)

# Column names read as a field without a --map (lower-cased header → field).
DEFAULT_COLUMNS: dict[str, str] = {
    **{f: f for f in FIELDS},
    "id": "record_id",
    "full_name": "name",
    "name_ar": "name",
    "name_en": "alt_name",
    "gender": "sex",
    "age_years": "age",
    "dob": "birth_date",
    "date_of_birth": "birth_date",
    "date_of_death": "death_date",
    "dod": "death_date",
    "place_of_death": "place",
    "incident_id": "incident",
}

_MALE = {"m", "male", "man", "boy", "ذكر", "رجل"}
_FEMALE = {"f", "female", "woman", "girl", "انثى", "أنثى", "امرأة"}
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")


@dataclass(frozen=True, slots=True)
class VictimRecord:
    """One row of one list: who, and where it came from (``list_name``, ``line``)."""

    list_name: str
    line: int
    key: str
    record_id: str | None
    name: str
    alt_name: str | None = None
    sex: str | None = None
    age: float | None = None
    birth_date: date | None = None
    death_date: date | None = None
    place: str | None = None
    cause: str | None = None
    incident: str | None = None


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row left out: its line and why."""

    line: int
    reason: str


def column_mapping(header: Iterable[str], overrides: Mapping[str, str]) -> dict[str, str]:
    """Column → field for a header: ``overrides`` (column → field) first, then the defaults.

    :class:`ValueError` for an override naming an unknown field or a column not in the header.
    """
    columns = list(header)
    mapping: dict[str, str] = {}
    for column, field in overrides.items():
        if field not in FIELDS:
            raise ValueError(f"unknown field {field!r} (fields: {', '.join(FIELDS)})")
        if column not in columns:
            raise ValueError(f"no column {column!r} in the header")
        mapping[column] = field
    taken = set(mapping.values())
    for column in columns:
        default = DEFAULT_COLUMNS.get(column.strip().lower())
        if column not in mapping and default is not None and default not in taken:
            mapping[column] = default
            taken.add(default)
    if "name" not in taken:
        if "alt_name" not in taken:
            raise ValueError("no column is mapped to name")
        alt = next(c for c, f in mapping.items() if f == "alt_name")
        mapping[alt] = "name"
    return mapping


def parse_rows(
    list_name: str, rows: Iterable[tuple[int, Mapping[str, str]]], mapping: Mapping[str, str]
) -> tuple[list[VictimRecord], list[RowProblem]]:
    """The rows' records and the problems of the rows left out (by line)."""
    records: list[VictimRecord] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        values = {f: (row.get(c) or "").strip() for c, f in mapping.items()}
        try:
            record = _record(list_name, line, values)
        except ValueError as exc:
            problems.append(RowProblem(line, str(exc)))
            continue
        if record.key in seen:
            problems.append(RowProblem(line, f"same record as line {seen[record.key]}"))
            continue
        seen[record.key] = line
        records.append(record)
    return records, problems


def _record(list_name: str, line: int, values: Mapping[str, str]) -> VictimRecord:
    name = values.get("name", "")
    alt = values.get("alt_name") or None
    if not name and alt:
        name, alt = alt, None
    if not name:
        raise ValueError("no name")
    record_id = values.get("record_id") or None
    birth = _date(values.get("birth_date", ""), "birth date")
    death = _date(values.get("death_date", ""), "death date")
    if birth and death and birth > death:
        raise ValueError("born after death")
    fields = {
        "record_id": record_id,
        "name": name,
        "alt_name": alt,
        "sex": _sex(values.get("sex", "")),
        "age": _age(values.get("age", "")),
        "birth_date": birth,
        "death_date": death,
        "place": values.get("place") or None,
        "cause": values.get("cause") or None,
        "incident": values.get("incident") or None,
    }
    key = record_id or _content_key(fields)
    return VictimRecord(list_name=list_name, line=line, key=key, **fields)  # type: ignore[arg-type]


def _content_key(fields: Mapping[str, object]) -> str:
    text = "\x1f".join("" if fields[f] is None else str(fields[f]) for f in FIELDS)
    return "row:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _sex(text: str) -> str | None:
    low = text.lower()
    if not low:
        return None
    if low in _MALE:
        return "m"
    if low in _FEMALE:
        return "f"
    raise ValueError("sex is neither male nor female")  # the value is not shown: a shifted
    # row puts a name here, and problems are printed


def _age(text: str) -> float | None:
    if not text:
        return None
    try:
        age = float(text.replace(",", "."))
    except ValueError:
        raise ValueError("age is not a number") from None
    if not 0 <= age <= 130:
        raise ValueError("age is out of range (0 to 130)")
    return age


def _date(text: str, what: str) -> date | None:
    if not text:
        return None
    text = text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text) else text
    try:
        if m := _DATE.match(text):
            return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        pass
    raise ValueError(f"{what} is not a date (YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)")
