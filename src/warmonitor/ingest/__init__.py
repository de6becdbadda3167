"""Readers: files (plain text, Markdown, HTML, RSS/Atom, JSON Lines) into :class:`Document`\\ s.

A bad file never raises: it comes back as a :class:`ReadFailure` naming the file (or the record
of it) and the reason, and the good files and records are still read.

Metadata precedence, one rule for every format. ``published``, ``publisher`` and ``url`` given
by the caller are defaults: they fill what a document does not state. A document's own date,
publisher and URL (an HTML page's metadata, a feed entry's, a JSON Lines record's fields) win.
Plain text states nothing, so it takes all three from the caller.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from warmonitor.errors import InputError
from warmonitor.ingest.base import Defaults, ReadFailure, ReadResult, failed
from warmonitor.ingest.feeds import read_feed
from warmonitor.ingest.files import (
    EXTENSIONS,
    SNIFF_BYTES,
    Format,
    check_binary,
    check_file,
    declared_charset,
    decode,
    detect_format,
    read_bytes,
)
from warmonitor.ingest.html import read_html
from warmonitor.ingest.jsonl import stream_jsonl
from warmonitor.ingest.text import read_text
from warmonitor.settings import DEFAULT_MAX_BYTES

__all__ = [
    "ReadFailure",
    "ReadResult",
    "iter_files",
    "read_path",
    "read_path_parts",
    "read_paths",
    "stream_paths",
]

_MARKDOWN = frozenset({".md", ".markdown"})


def read_path(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> ReadResult:
    """Read one file into documents; every problem is a failure in the result, never raised.

    The format comes from the extension (``.txt .md`` text, ``.html .htm`` HTML, ``.xml .rss
    .atom`` feed, ``.jsonl .ndjson`` JSON Lines), else from the content. ``published``,
    ``publisher`` and ``url`` are defaults for the documents that state none (see the module
    docstring). :func:`read_path_parts` gives the same in parts, in bounded memory.
    """
    parts = list(
        read_path_parts(
            path, max_bytes=max_bytes, published=published, publisher=publisher, url=url
        )
    )
    if len(parts) == 1:
        return parts[0]
    return ReadResult(
        [d for part in parts for d in part.documents],
        [f for part in parts for f in part.failures],
    )


def read_path_parts(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> Iterator[ReadResult]:
    """:func:`read_path` in parts: a JSON Lines file is streamed, a result per batch of
    records, in bounded memory whatever its length (``max_bytes`` limits each line, not the
    file); any other file is read whole (at most ``max_bytes``) into one result."""
    path = Path(path)
    source = str(path)
    if isinstance(published, datetime):
        published = published.date()
    defaults = Defaults(published=published, publisher=publisher or None, url=url or None)
    try:
        fmt = detect_format(path, b"") if path.suffix.lower() in EXTENSIONS else None
        if fmt in (None, "jsonl"):
            check_file(path)
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
                check_binary(source, head, whole=False)
                fmt = detect_format(path, head)
                if fmt == "jsonl":
                    handle.seek(0)
                    yield from stream_jsonl(source, handle, defaults, max_bytes)
                    return
        data = read_bytes(path, max_bytes)
        check_binary(source, data)
        text = decode(source, data, declared_charset(data, fmt))
    except InputError as exc:
        yield failed(exc.source, exc.reason)
        return
    except OSError as exc:
        yield failed(source, f"unreadable file ({exc.strerror or type(exc).__name__})")
        return
    yield _read_text(source, text, fmt, defaults, markdown=path.suffix.lower() in _MARKDOWN)


def _read_text(
    source: str, text: str, fmt: Format, defaults: Defaults, *, markdown: bool
) -> ReadResult:
    if not text.strip():
        return failed(source, "empty file (only whitespace)")
    try:
        if fmt == "html":
            return read_html(source, text, defaults)
        if fmt == "feed":
            return read_feed(source, text, defaults)
        return read_text(source, text, defaults, markdown=markdown)
    except Exception as exc:  # a parser choking on odd input must not stop a batch
        return failed(source, f"could not read {fmt} file ({type(exc).__name__}: {exc})")


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to read: directories expanded recursively, in sorted order, without hidden
    files and folders (names starting with "."); other paths as given, even when missing, so
    that :func:`read_paths` reports them. Symbolic links to folders are not followed."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path]:
    found: list[Path] = []
    unreadable: list[Path] = []

    def note_error(error: OSError) -> None:
        unreadable.append(Path(error.filename) if error.filename else root)

    for folder, dirnames, filenames in os.walk(root, onerror=note_error):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found.extend(Path(folder, name) for name in filenames if not name.startswith("."))
    yield from sorted(found + unreadable)


def read_paths(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> Iterator[tuple[Path, ReadResult]]:
    """Each file of :func:`iter_files` with its :class:`ReadResult`; never raises for a bad file."""
    for path in iter_files(paths):
        yield (
            path,
            read_path(path, max_bytes=max_bytes, published=published, publisher=publisher, url=url),
        )


def stream_paths(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> Iterator[tuple[Path, ReadResult]]:
    """Each file of :func:`iter_files` with each part of its :func:`read_path_parts` (a file
    comes once per part, in order): what ``ingest`` reads, in bounded memory."""
    for path in iter_files(paths):
        for part in read_path_parts(
            path, max_bytes=max_bytes, published=published, publisher=publisher, url=url
        ):
            yield path, part
