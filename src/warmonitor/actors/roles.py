"""Words for one person's role: "the police chief" is "the head of the police"."""

from __future__ import annotations

__all__ = ["same_role"]

_SAME: dict[str, frozenset[str]] = {
    word: frozenset(words)
    for words in (
        ("chief", "head"),
        ("spokesman", "spokeswoman", "spokesperson"),
        ("adviser", "advisor"),
    )
    for word in words
}


def same_role(word: str) -> frozenset[str]:
    """The words that name the role ``word`` names ("chief" → {"chief", "head"}).

    >>> sorted(same_role("head")), sorted(same_role("mayor"))
    (['chief', 'head'], ['mayor'])
    """
    return _SAME.get(word, frozenset({word}))
