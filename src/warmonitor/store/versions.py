"""The order of extractor versions ("warmonitor 0.10.0"): which claims of a document are newest."""

from __future__ import annotations

import re

__all__ = ["version_key"]

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
