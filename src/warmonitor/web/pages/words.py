"""The desk's fixed words: the navigation (with its access keys) and flags in plain words."""

from __future__ import annotations

__all__ = ["FLAG_WORDS", "NAV", "PRECISION_WORDS"]

#: (path, label, access key): Alt+key (Alt+Shift+key in Firefox) opens the page.
NAV: tuple[tuple[str, str, str], ...] = (
    ("/", "Overview", "o"),
    ("/map", "Map", "m"),
    ("/incidents", "Incidents", "i"),
    ("/documents", "Documents", "d"),
    ("/actors", "Actors", "a"),
    ("/review", "Review", "r"),
)

#: What each kind of failed check means, for a reader who does not know the checks.
FLAG_WORDS: dict[str, str] = {
    "conflict": "Claimants disagree",
    "parts": "The parts do not add up to the total",
    "subset": "A group counts more victims than the group it belongs to",
    "revision": "A claimant revised its figure down",
}

#: How precisely a place is known, from the gazetteer's precision names.
PRECISION_WORDS: dict[str, str] = {
    "point": "exact spot",
    "neighbourhood": "neighbourhood",
    "city": "town or city",
    "district": "district",
    "admin1": "province (admin-1)",
    "region": "region",
    "country": "country only",
}
