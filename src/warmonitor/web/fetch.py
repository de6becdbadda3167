"""Fetching the addresses an analyst gives to ``POST /api/ingest/urls``: http and https only,
at most ``max_bytes`` read (a larger body is refused, not cut), ``timeout`` seconds for the
whole fetch (connecting, each read, and all of them together), redirects followed by urllib
(at most its default 10). Each body is written to a file whose extension follows the
Content-Type, so that the readers of ``warmonitor.ingest`` pick the format (HTML, feed, JSON
Lines, text) as they do for files.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warmonitor import __version__

__all__ = ["FetchLimits", "Fetched", "fetch"]

_CHUNK = 64 * 1024
_SUFFIX = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How much the server reads from one address or uploaded file, and how long it waits
    for an address; ``max_upload_bytes`` limits a whole upload request (``web.limits``)."""

    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 20.0
    max_upload_bytes: int = 100 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """What came of one address: the file it was written to, or why it failed."""

    url: str
    path: Path | None = None
    problem: str | None = None


def fetch(url: str, folder: Path, name: str, limits: FetchLimits) -> Fetched:
    """Fetch ``url`` into ``folder`` as ``name`` plus the suffix its Content-Type gives."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Fetched(url, problem="not an http or https address")
    request = urllib.request.Request(url, headers={"User-Agent": f"warmonitor/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=limits.timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                return Fetched(url, problem=_too_big(limits.max_bytes))
            body = _read(response, limits)
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        return Fetched(url, problem=f"the server answered {exc.code} {exc.reason}")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:  # timeouts too
        reason = getattr(exc, "reason", exc)
        return Fetched(url, problem=f"could not fetch it ({reason})")
    if len(body) > limits.max_bytes:
        return Fetched(url, problem=_too_big(limits.max_bytes))
    path = folder / f"{name}{_SUFFIX.get(kind, '')}"
    path.write_bytes(body)
    return Fetched(url, path)


def _read(response: Any, limits: FetchLimits) -> bytes:
    """The body, up to one byte past the limit; ``TimeoutError`` past the deadline."""
    deadline = time.monotonic() + limits.timeout
    chunks: list[bytes] = []
    size = 0
    while size <= limits.max_bytes:
        chunk = response.read(min(_CHUNK, limits.max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {limits.timeout:g} s")
    return b"".join(chunks)


def _too_big(limit: int) -> str:
    return f"larger than the limit of {limit} bytes"
