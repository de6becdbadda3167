"""Sentence fragments caught where a claimant's name was expected.

A would-be name like "and the monitor", "the Observatory, which", "Conflicting" or "officials
denied" is a piece of a sentence, not a name or a description. :func:`is_fragment` tells them
apart with general rules: function words at the edges, a finite verb inside, clause punctuation,
a single capitalised word that is no name, or too many words. Pronouns ("he", "they") are not
fragments: they are left to coreference.
"""

from __future__ import annotations

import re

__all__ = ["MAX_WORDS", "is_fragment"]

#: More words than this is a clause, not a name ("the Syrian Observatory for Human Rights, a
#: Britain-based war monitor" is eleven).
MAX_WORDS = 12


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that cannot open a name or description.
_OPENERS = _words("""
    and or but nor yet so as for of to that which who whom whose when where while if because
    although though since with by from than then after before until unless whether into onto
    upon about against among between during including despite without within via per
    in on at also still just even only however meanwhile said says is was were are
""")
# Words that cannot close one.
_CLOSERS = _words("""
    the a an and or but nor of for to in on at by with from as that which who whom whose its
    their his her our this these those is was were are be been being has have had will would
    could should can may might must said says told than into onto about over under via per
""")
# Finite verbs and verb forms that make a clause of the words around them.
_VERBS = _words("""
    said say says told tell tells added adds denied denies deny claimed stated confirmed
    confirms announced announces accused accuses blamed blames warned warns insisted insists
    wrote tweeted posted reported showed estimated believes believed thinks thought is are was
    were has have had did does will would could should can may might must shall been being
    according including killed kills targeting targeted attacked launched fired shelled bombed
    struck died dies says noted urged called gave published released recorded documented
""")
# Words ending in -ed or -ing that do belong to names and descriptions.
_PARTICIPLES = _words("""
    based led backed controlled affiliated armed allied aligned linked funded appointed
    elected unnamed unidentified named retired informed trusted embedded specialised
    specialized united related associated concerned displaced injured wounded detained
    hundred kindred red bed interested limited advanced organised organized
    monitoring leading ruling governing opposing building housing meeting briefing
    morning evening wing king ring thing spring string policing training nursing
    engineering fighting
""")
# Capitalised single words that open sentences rather than name anyone.
_NOT_NAMES = _words("""
    however meanwhile earlier later separately also elsewhere still yet overall both some
    many several others those these this that there here but and so then now today
    yesterday according conflicting initial preliminary further other another such
""")
_RELATIVES = _words("who which that whose whom where when")
_PRONOUNS = _words("he she they it we i you one")
_PLACES_IN_ING = _words("beijing kunming nanjing chongqing xining taiping")
_CLAUSE_MARKS = re.compile(r"[;:!?\"“”]|,\s*$|^\s*,|\.\s+\S")
_TOKEN = re.compile(r"[^\W_][\w'’\-.]*")


def is_fragment(text: str) -> bool:
    """True when ``text`` is a piece of a sentence rather than a name or description.

    >>> [is_fragment(t) for t in ("the war monitor", "and the", "Conflicting", "officials denied")]
    [False, True, True, True]
    """
    if _CLAUSE_MARKS.search(text):
        return True
    tokens = _TOKEN.findall(text)
    if not tokens:
        return True
    if len(tokens) > MAX_WORDS:
        return True
    lower = [t.lower().rstrip(".") for t in tokens]
    if len(tokens) == 1 and lower[0] in _PRONOUNS:
        return False
    if lower[0] in _OPENERS or lower[-1] in _CLOSERS:
        return True
    if len(tokens) == 1 and tokens[0][0].isupper() and _not_a_name(lower[0]):
        return True
    if any(t[0].islower() and low in _RELATIVES for t, low in zip(tokens, lower, strict=True)):
        return True
    return any(_verb(token, low) for token, low in zip(tokens, lower, strict=True))


def _not_a_name(word: str) -> bool:
    if word in _NOT_NAMES:
        return True
    if word in _PLACES_IN_ING:
        return False
    return len(word) > 4 and word.endswith(("ing", "ed", "ly"))


def _verb(token: str, low: str) -> bool:
    """A lowercase word that is a finite verb or a bare -ed/-ing form ("targeting")."""
    if token[0].isupper() or "-" in token:
        return False
    if low in _VERBS:
        return True
    if low in _PARTICIPLES or len(low) <= 4 or low.endswith("eed"):
        return False
    return low.endswith(("ed", "ing"))
