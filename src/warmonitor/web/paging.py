"""The query parameters of every paged list: ``limit`` (1 to 500) and ``offset``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

__all__ = ["MAX_LIMIT", "Limit", "Offset"]

MAX_LIMIT = 500
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items at most.")]
Offset = Annotated[int, Query(ge=0, description="How many items to skip.")]
