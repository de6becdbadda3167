"""JSON Lines: one report per line, ``{"id", "text", "title", "published", "publisher", "url"}``.

The file is streamed, never held whole: memory stays bounded however many lines it has, and
the size limit (``WARMONITOR_MAX_BYTES``) applies to each line, not to the file.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

from warmonitor.ingest.base import Defaults, ReadFailure, ReadResult, failed
from warmonitor.ingest.dates import parse_date
from warmonitor.ingest.files import format_size, normalise_newlines, replace_invalid
from warmonitor.model import Document

__all__ = ["BATCH", "MEDIA_TYPE", "stream_jsonl"]

MEDIA_TYPE = "application/jsonl"
BATCH = 1000  # records per result of stream_jsonl
_CHUNK = 1 << 16


def stream_jsonl(
    source: str, handle: IO[bytes], defaults: Defaults, max_bytes: int, *, batch: int = BATCH
) -> Iterator[ReadResult]:
    """The records of a JSON Lines file open for reading (binary), ``batch`` lines at a time.

    One document per record; a bad line is a failure named ``source:LINE`` and the rest are
    kept: malformed JSON, not an object, no text, not UTF-8, a NUL byte, longer than
    ``max_bytes``. ``Document.source`` is the record's ``id`` when it has one (how predictions
    are matched back to gold records), else ``source:LINE``. The record's own fields win over
    ``defaults``, which fill only what a record leaves out or gives as null; ``published`` is
    an ISO date or datetime (other absolute forms are read leniently, an unreadable one is
    ``None``). A pretty-printed JSON document (one value over several lines) is one failure
    naming the file. Nothing but blank lines is "empty file (only whitespace)".
    """
    result = ReadResult()
    read_any = False
    for number, line, too_long in _lines(handle, max_bytes):
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        where = f"{source}:{number}"
        if too_long:
            reason = f"line {number} is over {format_size(max_bytes)} (WARMONITOR_MAX_BYTES)"
            result.failures.append(ReadFailure(where, reason))
        elif line.strip():
            item = _record(where, number, line, defaults)
            if not read_any and isinstance(item, ReadFailure) and _whole_json(handle, max_bytes):
                yield failed(
                    source, "a single JSON document, not JSON Lines (expected one object per line)"
                )
                return
            read_any = True
            (result.documents if isinstance(item, Document) else result.failures).append(item)  # type: ignore[arg-type]
        if len(result.documents) + len(result.failures) >= batch:
            yield result
            result = ReadResult()
    if not read_any and not result.failures:
        yield failed(source, "empty file (only whitespace)")
        return
    if result.documents or result.failures:
        yield result


def _lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes, bool]]:
    """(number, line without its end, whether it was over ``max_bytes``) for each line; a long
    line is skipped in chunks, never held."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        too_long = len(line.rstrip(b"\r\n")) > max_bytes
        if too_long and not line.endswith(b"\n"):
            while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
        yield number, line.rstrip(b"\n").removesuffix(b"\r"), too_long


def _record(where: str, number: int, raw: bytes, defaults: Defaults) -> Document | ReadFailure:
    if b"\x00" in raw:
        return ReadFailure(where, f"line {number} holds a NUL byte (binary content)")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = f"0x{raw[exc.start]:02x} at column {exc.start + 1}"
        return ReadFailure(where, f"line {number} is not UTF-8 text (invalid byte {bad})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadFailure(
            where, f"malformed JSON on line {number}: {exc.msg} (column {exc.colno})"
        )
    except (ValueError, RecursionError) as exc:  # a number of over 4,300 digits, deep nesting
        why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return ReadFailure(where, f"malformed JSON on line {number}: {why}")
    if not isinstance(record, dict):
        kind = type(record).__name__.replace("dict", "object").replace("list", "array")
        return ReadFailure(where, f"line {number} is not a JSON object (got {kind})")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return ReadFailure(
            where, f'record on line {number} has no text (needs a non-empty "text" string)'
        )
    record_id = _scalar(record.get("id"))
    return Document(
        text=normalise_newlines(replace_invalid(body)),
        title=_scalar(record.get("title")),
        published=parse_date(record.get("published")) or defaults.published,
        publisher=_scalar(record.get("publisher")) or defaults.publisher,
        url=_scalar(record.get("url")) or defaults.url,
        source=record_id or where,
        media_type=MEDIA_TYPE,
    )


def _whole_json(handle: IO[bytes], max_bytes: int) -> bool:
    """True when the file is one JSON value spread over several lines (pretty-printed JSON);
    only a file within ``max_bytes`` is read whole to tell."""
    position = handle.tell()
    try:
        handle.seek(0)
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            return False
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
        if sum(1 for line in text.split("\n") if line.strip()) < 2:
            return False
        json.loads(text)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError included
        return False
    finally:
        handle.seek(position)
    return True


def _scalar(value: Any) -> str | None:
    """A string field: strings stripped, numbers as text, anything else (or empty) ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return replace_invalid(value).strip() or None
    return None
