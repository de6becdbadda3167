"""Name keys: how place names are folded so that spelling variants meet.

Two keys, both used by the build script and at run time (they must stay in step):

* :func:`name_key` – lowercase ASCII, diacritics, apostrophes and ʿ/ʾ dropped, hyphens and
  punctuation as single spaces, a leading Arabic article ("al-", "ar-", "el-", "ash-" …) written
  as ``al``: "Al-Raqqah", "Ar Raqqah" and "ar-Raqqah" all give ``"al raqqah"``.
* :func:`skeleton_key` – a fuzzier key made from a name key: articles dropped (also fused ones,
  "Ezzor"), spaces removed, a few transliteration digraphs merged, every run of vowels (and of
  ``w``/``y`` after the first letter) written ``a`` and doubled letters single, so that "Jableh",
  "Jablah", "Jebleh" and "Jeble" all give ``"jabla"``, and "Deir ez-Zor" and "Dayr az Zawr" give
  ``"darzar"``.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = [
    "AREA_WORDS",
    "ARTICLES",
    "MIN_SIMILARITY",
    "fold",
    "name_key",
    "similar",
    "similarity",
    "skeleton_key",
    "strip_possessive",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The blank-separated words of ``text``, as a set (for word lists in source)."""
    return frozenset(text.split())


#: Arabic definite articles as transliterated (sun-letter forms included), folded.
ARTICLES = words("""
    al el il ul ad ed an en ar er as es at et az ez ash esh ath eth adh edh
""")
#: Words that name a kind of admin area ("Kano State", "Idlib province").
AREA_WORDS = words("""
    governorate province district region state oblast prefecture county department
    municipality territory raion rayon subdistrict wilayah emirate canton parish
""")
#: How alike (0..1, see :func:`similarity`) a fuzzy match must be spelt.
MIN_SIMILARITY = 0.5
_AUTOJUNK = 200  # SequenceMatcher's automatic junk begins at a second sequence this long
_SUN_LETTERS = frozenset("tdrzsln")
_VOWELS = frozenset("aeiou")

# Letters that NFKD does not decompose into ASCII.
_SPECIAL: dict[int, str] = {
    ord(k): v
    for k, v in {
        **dict(zip("ıøØđĐłŁðÐħĦŀĸſəƏ", "ioOdDlLdDhHlkseE", strict=True)),
        **{"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "Þ": "TH", "ŋ": "ng"},
    }.items()
}
# Apostrophes, ʿayn and hamza marks vanish: "Dar'a" -> "dara", "Ma‘arrat" -> "maarrat".
_DROP = re.compile(r"['`´‘’ʼʻʿʾ′ˈ\"“”]")
# "U.S." -> "us", "D.C." -> "dc": a dot after a lone letter joins it to the next.
_INITIAL_DOT = re.compile(r"(?<![a-z])([a-z])\.")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_DIGRAPHS = (
    ("dj", "j"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase ASCII words separated by single spaces; no article handling."""
    if not text.isascii():  # ASCII has nothing to decompose
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", text.lower())
    text = _INITIAL_DOT.sub(r"\1", text)
    text = text.encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text).strip()


def canonical_article(folded: str) -> str:
    """A folded name with its leading Arabic article, if any, written ``al``."""
    head, sep, rest = folded.partition(" ")
    if sep and rest and head in ARTICLES and head != "al":
        return "al " + rest
    return folded


def name_key(text: str) -> str:
    """The exact-match key of a name: ``name_key("Deir ez-Zor") == "deir ez zor"``."""
    return canonical_article(fold(text))


def strip_possessive(text: str) -> str:
    """ "Nigeria's" -> "Nigeria", "Idlib’s" -> "Idlib"."""
    return _POSSESSIVE.sub("", text.rstrip())


@lru_cache(maxsize=65536)
def skeleton_key(key: str) -> str:
    """The fuzzy key of a name key (see the module docstring); ``""`` for an empty key."""
    tokens = key.split()
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in ARTICLES] or tokens
    out = []
    for tok in tokens:
        # A fused sun-letter article: "ezzor" -> "zor", "arraqqa" -> "raqqa".
        if len(tok) >= 5 and tok[0] in "ae" and tok[1] == tok[2] and tok[1] in _SUN_LETTERS:
            tok = tok[2:]
        if len(tok) > 2 and tok[-1] == "h" and tok[-2] in _VOWELS:
            tok = tok[:-1]
        out.append(tok)
    word = "".join(out)
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    chars: list[str] = []
    for i, ch in enumerate(word):
        if ch in _VOWELS or (i and ch in "wy"):
            ch = "a"
        if not chars or chars[-1] != ch:
            chars.append(ch)
    return "".join(chars)


def consonants(skeleton: str) -> int:
    """How many consonant letters a skeleton has (short skeletons match too much)."""
    if skeleton.isalpha():  # no digit to leave out
        return len(skeleton) - skeleton.count("a")
    return sum(1 for ch in skeleton if ch != "a" and not ch.isdigit())


@lru_cache(maxsize=65536)  # the same names are compared in report after report
def similarity(key: str, name: str) -> float:
    """How alike a name key and a name are spelt, 0..1, articles and spaces aside; ``name`` is cut
    to as many words as ``key`` has, so "Jableh District" is as close to "jebleh" as "Jableh"."""
    a, b = _compared(key, name)
    if len(b) >= _AUTOJUNK:
        return SequenceMatcher(None, a, b).ratio()
    total = len(a) + len(b)
    return 2.0 * _matching(a, b) / total if total else 1.0


def _matching(a: str, b: str) -> int:
    """How many characters of ``a`` and ``b`` :class:`~difflib.SequenceMatcher` matches (no
    junk, ``b`` too short for its automatic junk): the longest common block, the first in
    ``a`` then in ``b`` of the longest, and so on either side of it; the same count, found
    by string search rather than its table of positions."""
    total = 0
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        size, i, j = min(ahi - alo, bhi - blo), 0, -1
        while size:
            for i in range(alo, ahi - size + 1):
                j = b.find(a[i : i + size], blo, bhi)
                if j >= 0:
                    break
            if j >= 0:
                break
            size -= 1
        if not size:
            continue
        total += size
        if alo < i and blo < j:
            todo.append((alo, i, blo, j))
        if i + size < ahi and j + size < bhi:
            todo.append((i + size, ahi, j + size, bhi))
    return total


def similar(key: str, name: str, least: float) -> bool:
    """``similarity(key, name) >= least``, told without comparing the spellings where their
    lengths alone rule it out (the similarity is at most ``2 * shorter / (both together)``)."""
    a, b = _compared(key, name)
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < least:
        return False
    return similarity(key, name) >= least


@lru_cache(maxsize=65536)
def _compared(key: str, name: str) -> tuple[str, str]:
    """What :func:`similarity` compares: both without articles and spaces, ``name`` cut."""
    a = [t for t in key.split() if t not in ARTICLES]
    b = [t for t in fold(name).split() if t not in ARTICLES][: max(len(a), 1)]
    return "".join(a), "".join(b)
