"""The order of extractor versions ("warmonitor 0.10.0"): which claims of a document are newest."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["newest_extractors", "version_key"]

_VERSION = re.compile(r"[vV]?(\d+(?:\.\d+)*)(.*)")
_PRERELEASE = re.compile(r"[.\-_]?(a|b|c|rc|alpha|beta|pre|preview|dev)\d*", re.IGNORECASE)


def version_key(extractor: str) -> tuple[tuple[int, ...], int]:
    """An ordering key for the version at the end of ``extractor`` ("warmonitor 0.10.0"):
    numeric by release, a pre-release before its release, a post/local release after it."""
    words = extractor.split()
    match = _VERSION.fullmatch(words[-1]) if words else None
    if match is None:
        return ((), 0)
    release = [int(part) for part in match.group(1).split(".")]
    while len(release) > 1 and release[-1] == 0:
        release.pop()
    suffix = match.group(2)
    rank = 1 if not suffix else 0 if _PRERELEASE.match(suffix) else 2
    return (tuple(release), rank)


def newest_extractors(rows: Iterable[tuple[str, str, Any]]) -> dict[str, str]:
    """The newest extractor version of each document, from ``(document id, extractor, when
    claims of it were stored)`` rows: by version number (:func:`version_key`), then by when its
    claims were stored, then by name."""
    newest: dict[str, tuple[Any, ...]] = {}
    for document_id, extractor, stored_at in rows:
        key = (version_key(extractor), stored_at, extractor)
        newest[document_id] = max(newest.get(document_id, key), key)
    return {document_id: key[2] for document_id, key in newest.items()}
