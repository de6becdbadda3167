"""Claimants as actors: a claimant's words resolved to an actor of the registry.

After a report's own coreference (``claimants.ClaimantRegistry``), each claimant is looked up
in the registry of actors (``warmonitor.actors``): a known actor gives its canonical name and
kind whatever the words ("the Britain-based monitor" → Syrian Observatory for Human Rights;
"the health ministry" in a report from Gaza → Gaza Health Ministry). Words that are a piece of
a sentence ("as", "denied targeting civilians and") never become a claimant: the figure is the
outlet's own, unattributed. Trailing times ("the ministry on Friday") are cut. No I/O beyond the
registry's own data.
"""

from __future__ import annotations

import re

from warmonitor.actors import ActorRegistry, is_fragment
from warmonitor.model import Claimant

__all__ = ["as_actor"]

_TRAILING_TIME = re.compile(
    r"(?:\s+(?:on|late|early|earlier|later|this|last|on\s+the)\b.*|\s+(?:today|tonight|"
    r"yesterday|overnight))$",
    re.I,
)
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
# a document or inquiry as the voice: "an unclassified intelligence report", "an investigation by …"
_DOCUMENT_VOICE = re.compile(
    r"^(?:the|a|an)\s+(?:[\w.\-'’]+\s+){0,5}(?:report|investigation|assessment|inquiry|review|"
    r"analysis|study)(?:\s+by\s+(?:[\w.\-'’]+\s*){1,6})?$",
    re.I,
)
# A country's single institution may be named by its office alone ("the health ministry",
# "the army" in a report from that country); "the authorities" or "officials" name no one.
_INSTITUTION = re.compile(r"\b(?:ministry|army|military|armed forces|police)\b", re.I)
_PRONOUN = frozenset({"he", "she", "they", "it", "we", "i", "the group"})


def _clean(words: str) -> str:
    return _TRAILING_TIME.sub("", words.strip().strip("\"'“”‘’,;:")).strip()


def as_actor(
    claimant: Claimant,
    outlet: Claimant,
    *,
    country: str | None = None,
    registry: ActorRegistry | None = None,
) -> Claimant:
    """The claimant as an actor of the registry where one is named; a fragment of a sentence
    is the ``outlet``'s own voice; a pronoun nobody was named for stays unnamed."""
    if claimant.kind == "media" and not claimant.text:
        return claimant  # the outlet in its own voice
    registry = registry or ActorRegistry.default()
    text = claimant.text or claimant.name or ""
    for words in dict.fromkeys(w for w in (claimant.name, _clean(text), text) if w):
        found = registry.resolve(words, country=country)
        if found is not None and (found.how != "hint" or _INSTITUTION.search(words)):
            return Claimant(found.actor.name, claimant.text, found.actor.kind)
    if claimant.name is None and text.casefold() in _PRONOUN:
        return claimant
    name = _clean(claimant.name or "")
    document = _DOCUMENT_VOICE.match(name) or _DOCUMENT_VOICE.match(_clean(text))
    if not name or (is_fragment(name) and not document):
        return outlet
    if name != claimant.name:
        name = _LEADING.sub("", name)
    return Claimant(name, claimant.text, claimant.kind)
