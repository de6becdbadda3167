"""Ministries named by portfolio and place: "Gaza's health ministry", "the Ministry of Health in
Gaza", "the Hamas-run health ministry", "Russia's Defence Ministry"."""

from __future__ import annotations

from dataclasses import dataclass

from warmonitor.actors.places import Place, find_places

__all__ = ["PORTFOLIOS", "MinistryMention", "read_ministry"]

#: Normalised portfolio words → the portfolio they name.
PORTFOLIOS: dict[str, str] = {
    "health": "health",
    "public health": "health",
    "interior": "interior",
    "internal affairs": "interior",
    "home affairs": "interior",
    "defence": "defence",
    "national defence": "defence",
    "foreign": "foreign",
    "foreign affairs": "foreign",
    "emergencies": "emergency",
    "emergency": "emergency",
    "emergency situations": "emergency",
}
_MINISTRY = frozenset({"ministry", "ministries"})


@dataclass(frozen=True, slots=True)
class MinistryMention:
    """A mention read as a ministry: its ``portfolio`` and the ``places`` it names (territories
    first; empty for a bare "the health ministry")."""

    portfolio: str
    places: tuple[Place, ...]


def read_ministry(key: str) -> MinistryMention | None:
    """Read a normalised mention as a ministry, or ``None`` when it names none.

    >>> m = read_ministry("ministry of health in gaza")
    >>> m.portfolio, [p.key for p in m.places]
    ('health', ['gaza'])
    """
    tokens = key.split()
    if not _MINISTRY & set(tokens):
        return None
    portfolio = None
    for i in range(len(tokens)):
        pair = " ".join(tokens[i : i + 2])
        portfolio = PORTFOLIOS.get(pair) or PORTFOLIOS.get(tokens[i])
        if portfolio:
            break
    if portfolio is None:
        return None
    return MinistryMention(portfolio, tuple(find_places(tokens)))
