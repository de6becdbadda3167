"""The result types every reader returns, and the caller's defaults for missing metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from warmonitor.errors import InputError
from warmonitor.model import Document

__all__ = ["Defaults", "ReadFailure", "ReadResult"]


@dataclass(frozen=True)
class ReadFailure:
    """A file, or one record of a file, that could not be read.

    ``source`` is the path, ``path:LINE`` for a JSON Lines record or ``path#N`` for the N-th
    (1-based) entry of a feed; ``reason`` says why, in words meant for the user.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    def as_error(self) -> InputError:
        """The failure as the :class:`~warmonitor.errors.InputError` a caller may raise."""
        return InputError(self.source, self.reason)


@dataclass(frozen=True)
class ReadResult:
    """What one file gave: the documents read and the failures met on the way."""

    documents: list[Document] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failures


@dataclass(frozen=True)
class Defaults:
    """What the caller knows of a file (``--published``, ``--publisher``, ``--url``).

    They fill the fields a document does not state itself, in every format; a document's own
    date, publisher and URL win.
    """

    published: date | None = None
    publisher: str | None = None
    url: str | None = None


def failed(source: str, reason: str) -> ReadResult:
    """A result with no documents and one failure."""
    return ReadResult([], [ReadFailure(source, reason)])
