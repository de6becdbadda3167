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
    check_binary,
    declared_charset,
    decode,
    detect_format,
    read_bytes,
)
from warmonitor.ingest.html import read_html
from warmonitor.ingest.jsonl import read_jsonl
from warmonitor.ingest.text import read_text
from warmonitor.settings import DEFAULT_MAX_BYTES

__all__ = ["ReadFailure", "ReadResult", "iter_files", "read_path", "read_paths"]

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
    docstring).
    """
    path = Path(path)
    source = str(path)
    if isinstance(published, datetime):
        published = published.date()
    defaults = Defaults(published=published, publisher=publisher or None, url=url or None)
    try:
        data = read_bytes(path, max_bytes)
        check_binary(source, data)
        fmt = detect_format(path, data)
        text = decode(source, data, declared_charset(data, fmt))
    except InputError as exc:
        return failed(exc.source, exc.reason)
    if not text.strip():
        return failed(source, "empty file (only whitespace)")
    try:
        if fmt == "html":
            return read_html(source, text, defaults)
        if fmt == "feed":
            return read_feed(source, text, defaults)
        if fmt == "jsonl":
            return read_jsonl(source, text, defaults)
        return read_text(source, text, defaults, markdown=path.suffix.lower() in _MARKDOWN)
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
