"""The exceptions warmonitor raises, one hierarchy for every face to map once.

WarmonitorError
├── InputError          a file or record that cannot be read (names the path and the reason)
├── StoreError          the database cannot be opened, migrated or written
├── NotFoundError       an id that names nothing in the store
└── ConfigurationError  a setting or option with an invalid value
"""

from __future__ import annotations

__all__ = ["ConfigurationError", "InputError", "NotFoundError", "StoreError", "WarmonitorError"]


class WarmonitorError(Exception):
    """Base class of every error warmonitor raises on purpose."""


class InputError(WarmonitorError):
    """A file or record that cannot be read; ``source`` names it, ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(WarmonitorError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(WarmonitorError):
    """An id that names nothing in the store."""


class ConfigurationError(WarmonitorError):
    """A setting or option with an invalid value."""
