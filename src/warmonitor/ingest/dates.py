"""Lenient date parsing for metadata: a date that cannot be read is ``None``, never an error."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["parse_date"]

# Absolute dates only: "yesterday" or a bare number in a metadata field is no publication date.
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_MIN_YEAR = 1900


def parse_date(value: object) -> date | None:
    """The calendar date ``value`` states, or ``None``.

    Accepts a :class:`date`/:class:`datetime`, or a string in ISO 8601, RFC 822 (RSS) or, failing
    those, any absolute form ``dateparser`` reads ("4 March 2024", "le 4 mars 2024"). A datetime
    with a UTC offset keeps its local date (the day the publisher printed), not the UTC one.
    """
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return None
    return _plausible(_parse_string(text))


def _parse_string(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if re.search(r"[A-Za-z]{3}", text) and re.search(r"\d{4}", text):
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    import dateparser  # slow to import; only needed for the odd format

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None


def _plausible(value: date | None) -> date | None:
    return value if value is not None and value.year >= _MIN_YEAR else None
