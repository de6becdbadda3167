"""News organisations: an outlet quoting a claimant is not the claimant."""

from __future__ import annotations

import re

from warmonitor.actors.names import normalise_name
from warmonitor.actors.registry import ActorRegistry

__all__ = ["is_outlet"]

# A description of an outlet, named or not ("state media", "a local news agency").
_OUTLET_WORDS = re.compile(
    r"\b(?:news agency|news agencies|newspaper|daily|broadcaster|television|tv|channel|radio|"
    r"news outlet|media outlet|news site|news website|state media|local media|media)$"
)


def is_outlet(text: str, registry: ActorRegistry | None = None) -> bool:
    """True for a news organisation: one of the registry's media actors ("Reuters", "the AP",
    "Syria's state news agency SANA") or a mention whose head is an outlet word ("state media").

    >>> is_outlet("Agence France-Presse"), is_outlet("the war monitor")
    (True, False)
    """
    if (registry or ActorRegistry.default()).is_outlet(text):
        return True
    return bool(_OUTLET_WORDS.search(normalise_name(text)))
