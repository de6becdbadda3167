"""Who says a figure and as of when: claimant identity (independence) and as-of dates.

Independence is decided by claimant, never by outlet: the same monitor quoted by three outlets
is one source. Claimants are the same when their canonical names match after normalising case,
a leading "the" and punctuation, or when one is the acronym of the other ("SOHR" and "Syrian
Observatory for Human Rights"). Unnamed claimants are told apart by their words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from warmonitor.model import Claim

__all__ = ["AsOf", "Claimants", "as_of"]

_SMALL_WORDS = frozenset({"for", "of", "the", "and", "on", "in", "de", "des", "du", "la", "le"})
_PUNCT = re.compile(r"[^\w\s-]+")


@dataclass(frozen=True, slots=True)
class AsOf:
    """When a claim's figure stood: the claimant's statement date, else the publication date."""

    day: date | None
    basis: str  # "said_on" | "published" | "unknown"

    @property
    def key(self) -> date:
        """For ordering: an unknown date sorts before every known one."""
        return self.day or date.min


def as_of(claim: Claim, published: Mapping[str, date | None]) -> AsOf:
    """The as-of date of ``claim``: ``said_on``, else its document's publication date."""
    if claim.said_on is not None:
        return AsOf(claim.said_on, "said_on")
    day = published.get(claim.document_id)
    return AsOf(day, "published") if day is not None else AsOf(None, "unknown")


def _normal(text: str) -> str:
    words = _PUNCT.sub(" ", text).casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _acronym(name: str) -> str | None:
    words = [w for w in _PUNCT.sub(" ", name).split() if w.casefold() not in _SMALL_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).casefold()


def _raw_key(claim: Claim) -> str:
    c = claim.claimant
    if c.name:
        return _normal(c.name)
    return "~" + (_normal(c.text) or c.kind)


class Claimants:
    """The claimants of a set of claims: a key per claim (same key, same source) and labels."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        claims = list(claims)
        raw = {c.id: _raw_key(c) for c in claims}
        acronyms: dict[str, str] = {}
        for c in claims:
            short = _acronym(c.claimant.name or "")
            if short is not None:
                acronyms.setdefault(short, raw[c.id])
        self._key = {cid: acronyms.get(key, key) for cid, key in raw.items()}
        names: dict[str, Counter[str]] = {}
        for c in claims:
            shown = c.claimant.name or c.claimant.text or c.claimant.kind
            names.setdefault(self._key[c.id], Counter())[shown] += 1
        # the longest form wins ("Syrian Observatory for Human Rights" over "SOHR"), then the
        # most frequent
        self._label = {
            key: max(counter, key=lambda s: (len(s.split()) > 1, counter[s], len(s)))
            for key, counter in names.items()
        }
        self._kind = {self._key[c.id]: c.claimant.kind for c in claims}

    def key(self, claim: Claim) -> str:
        """The identity of the claim's claimant: claims with one key are one source."""
        return self._key[claim.id]

    def label(self, key: str) -> str:
        """The name to show for a claimant key."""
        return self._label.get(key, key)

    def kind(self, key: str) -> str:
        """The claimant kind of a claimant key (monitor, government …)."""
        return self._kind.get(key, "unnamed")
