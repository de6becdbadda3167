"""Plain text and Markdown: the whole file is one document."""

from __future__ import annotations

from warmonitor.ingest.base import Defaults, ReadResult, failed
from warmonitor.ingest.files import normalise_newlines
from warmonitor.model import Document

__all__ = ["read_text"]


def read_text(source: str, text: str, defaults: Defaults, *, markdown: bool = False) -> ReadResult:
    """One document holding the whole text, newlines normalised; metadata from ``defaults``."""
    text = normalise_newlines(text)
    if not text.strip():
        return failed(source, "empty file (only whitespace)")
    return ReadResult(
        [
            Document(
                text=text,
                title=None,
                published=defaults.published,
                publisher=defaults.publisher,
                url=defaults.url,
                source=source,
                media_type="text/markdown" if markdown else "text/plain",
            )
        ],
        [],
    )
