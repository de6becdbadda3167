"""JSON Lines: one report per line, ``{"id", "text", "title", "published", "publisher", "url"}``."""

from __future__ import annotations

import json
from typing import Any

from warmonitor.ingest.base import Defaults, ReadFailure, ReadResult, failed
from warmonitor.ingest.dates import parse_date
from warmonitor.ingest.files import normalise_newlines
from warmonitor.model import Document

__all__ = ["MEDIA_TYPE", "read_jsonl"]

MEDIA_TYPE = "application/jsonl"


def read_jsonl(source: str, text: str, defaults: Defaults) -> ReadResult:
    """One document per record; a bad line is a failure named ``source:LINE``, the rest are kept.

    ``Document.source`` is the record's ``id`` when it has one (how predictions are matched back
    to gold records), else ``source:LINE``. The record's own fields win over ``defaults``, which
    fill only what a record leaves out or gives as null; ``published`` is an ISO date or
    datetime (other absolute forms are read leniently, an unreadable one is ``None``).
    """
    result = ReadResult()
    # Split on "\n" only: U+2028 and friends may stand unescaped inside JSON strings.
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            if not result.documents and not result.failures and _whole_json(text, lines):
                return failed(
                    source, "a single JSON document, not JSON Lines (expected one object per line)"
                )
            reason = f"malformed JSON on line {number}: {exc.msg} (column {exc.colno})"
            result.failures.append(ReadFailure(where, reason))
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__.replace("dict", "object").replace("list", "array")
            reason = f"line {number} is not a JSON object (got {kind})"
            result.failures.append(ReadFailure(where, reason))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            reason = f'record on line {number} has no text (needs a non-empty "text" string)'
            result.failures.append(ReadFailure(where, reason))
            continue
        record_id = _scalar(record.get("id"))
        result.documents.append(
            Document(
                text=normalise_newlines(body),
                title=_scalar(record.get("title")),
                published=parse_date(record.get("published")) or defaults.published,
                publisher=_scalar(record.get("publisher")) or defaults.publisher,
                url=_scalar(record.get("url")) or defaults.url,
                source=record_id or where,
                media_type=MEDIA_TYPE,
            )
        )
    return result


def _whole_json(text: str, lines: list[str]) -> bool:
    """True when ``text`` is one JSON value spread over several lines (pretty-printed JSON)."""
    if sum(1 for line in lines if line.strip()) < 2:
        return False
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _scalar(value: Any) -> str | None:
    """A string field: strings stripped, numbers as text, anything else (or empty) ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None
