"""Caseless forms of patterns that name their groups.

``extract.caseless`` refuses a pattern that writes a capital, and ``(?P<name>…)`` writes one;
the groups' names change nothing of where the pattern matches, so the caseless form of the
pattern with its groups unnamed starts where the pattern does. A caller that needs the groups
searches the pattern itself from that start. Pure: no I/O.
"""

from __future__ import annotations

import re

from warmonitor.extract.caseless import Caseless

__all__ = ["caseless_unnamed"]

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def caseless_unnamed(pattern: re.Pattern[str]) -> Caseless:
    """The caseless form of ``pattern`` with its named groups made plain groups; ``ValueError``
    for a pattern that refers back to a named group or that ``Caseless`` refuses."""
    if "(?P=" in pattern.pattern:
        raise ValueError(f"a pattern that refers back to a group: {pattern.pattern!r}")
    return Caseless(re.compile(_NAMED_GROUP.sub("(?:", pattern.pattern), pattern.flags))
