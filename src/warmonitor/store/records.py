"""What the store gives back besides the domain types: stored documents and reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from warmonitor.model import Document

__all__ = ["Review", "ReviewAction", "StoredDocument"]

ReviewAction = Literal["accept", "reject", "correct"]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document and when it was first stored (UTC)."""

    document: Document
    ingested_at: datetime

    @property
    def id(self) -> str:
        return self.document.id


@dataclass(frozen=True, slots=True)
class Review:
    """A human judgement of one claim; ``correction`` holds the corrected fields for 'correct'."""

    id: int
    claim_id: str
    action: str
    reviewer: str
    created_at: datetime
    correction: dict[str, Any] | None = None
    note: str | None = None

    @classmethod
    def from_row(cls, row: Any) -> Review:
        """The review of a ``reviews`` row (a mapping with the table's column names)."""
        return cls(
            row["id"],
            row["claim_id"],
            row["action"],
            row["reviewer"],
            row["created_at"],
            row["correction"],
            row["note"],
        )
