"""The query parameters of every paged list: ``limit`` (1 to 500) and ``offset`` (0 to
:data:`MAX_OFFSET`, which every database takes: a larger one was a 500 on SQLite)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

__all__ = ["MAX_ID", "MAX_LIMIT", "MAX_OFFSET", "Limit", "Offset"]

MAX_LIMIT = 500
MAX_OFFSET = 10**9
MAX_ID = 2**63 - 1  # the largest integer id a database holds
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items at most.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many items to skip.")]
