"""One typed settings object, loaded once from the environment.

``WARMONITOR_DB``        database URL (default: SQLite file ``warmonitor.db`` in the data directory)
``WARMONITOR_DATA_DIR``  data directory (default: ``$XDG_DATA_HOME/warmonitor`` or
                         ``~/.local/share/warmonitor``)
``WARMONITOR_MAX_BYTES`` largest input file read, in bytes (default 20 MB)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from warmonitor.errors import ConfigurationError

__all__ = ["DEFAULT_MAX_BYTES", "Settings", "load_settings"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """Where warmonitor keeps its data and how much it reads at once."""

    data_dir: Path
    database_url: str
    max_bytes: int = DEFAULT_MAX_BYTES


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "warmonitor"


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Read the settings from ``environ`` (default: the process environment)."""
    env = dict(os.environ if environ is None else environ)
    data_dir = (
        Path(env["WARMONITOR_DATA_DIR"])
        if env.get("WARMONITOR_DATA_DIR")
        else (_default_data_dir())
    )
    url = env.get("WARMONITOR_DB") or f"sqlite:///{data_dir / 'warmonitor.db'}"
    raw_max = env.get("WARMONITOR_MAX_BYTES", str(DEFAULT_MAX_BYTES))
    try:
        max_bytes = int(raw_max)
    except ValueError:
        raise ConfigurationError(
            f"WARMONITOR_MAX_BYTES must be a whole number of bytes, got {raw_max!r}"
        ) from None
    if max_bytes <= 0:
        raise ConfigurationError(f"WARMONITOR_MAX_BYTES must be positive, got {max_bytes}")
    return Settings(data_dir=data_dir, database_url=url, max_bytes=max_bytes)
