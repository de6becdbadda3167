"""The exceptions warmonitor raises, one hierarchy for every face to map once.

WarmonitorError
├── InputError          a file or record that cannot be read (names the path and the reason)
├── StoreError          the database cannot be opened, migrated or written
│   └── ConflictError   a write that clashes with what is stored (a user name taken)
├── NotFoundError       an id that names nothing in the store
├── ConfigurationError  a setting or option with an invalid value
└── AccessError         a login refused: wrong name or password, a disabled user, or too many
    └── ThrottledError  failed attempts of one user from one client (``retry_after`` seconds)
"""

from __future__ import annotations

__all__ = [
    "AccessError",
    "ConfigurationError",
    "ConflictError",
    "InputError",
    "NotFoundError",
    "StoreError",
    "ThrottledError",
    "WarmonitorError",
]


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


class ConflictError(StoreError):
    """A write that clashes with what is stored (a user name already taken)."""


class AccessError(WarmonitorError):
    """A login refused: wrong name or password, or a disabled user (one message for all)."""


class ThrottledError(AccessError):
    """Too many failed logins of one user from one client: try again in ``retry_after`` s."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
