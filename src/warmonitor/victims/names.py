"""Names of the dead: Arabic normalisation, Latin folding, and one key across scripts.

Three forms of a name (see docs/VICTIMS.md for the rules in full):

* :func:`normalize_arabic` — Arabic letters folded to one form each (alef and hamza forms to
  bare alef, taa marbuta to haa, alif maqsura to yaa, Persian kaf and yaa to Arabic), diacritics
  and tatweel removed, Arabic-Indic digits to ASCII, punctuation to spaces.
* :func:`name_tokens` — the name as parts: "son of" and "daughter of" (بن, ابن, بنت; bin, ibn,
  ben, bint) dropped, the article (ال / al-, el-, ad-, ash- …) cut from each part, and compounds
  joined: "عبد" / "ابو" and the Latin abd-, abdul-, abdel-, abu- forms joined to the part after
  them, "الله" / "الدين" (allah, ullah, eddin, uddin …) to the part before, so "عبد الله" and
  "عبدالله" are one part.
* :func:`skeleton` — each part as its consonants in one Latin alphabet (the scheme in
  :data:`ARABIC_CONSONANTS` and :data:`LATIN_DIGRAPHS`), the same for a name in Arabic or Latin
  script: Arabic script writes no short vowels, so neither side keeps vowels; long vowels and
  ʿayn and hamza are dropped, emphatic consonants merge with plain ones, a final h is dropped
  (taa marbuta, "-ah"); kh and sh are written ``X`` and ``C``. Other scripts go through
  AnyAscii first. "Mahmoud" and "محمود" both give ``mhmd``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = [
    "ARABIC_CONSONANTS",
    "LATIN_DIGRAPHS",
    "has_arabic",
    "name_tokens",
    "normalize_arabic",
    "normalize_latin",
    "skeleton",
    "skeleton_tokens",
]

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ک": "ك",
        "گ": "ك",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ڤ": "ف",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
_NOT_NAME = re.compile(r"[^\w\s'’‘`ʿʾ-]|[\d_]")
_SPACES = re.compile(r"\s+")

# Arabic letters to consonant classes (long vowels, ʿayn and hamza have none).
ARABIC_CONSONANTS: dict[str, str] = {
    "ب": "b",
    "ت": "t",
    "ث": "t",
    "ج": "g",
    "ح": "h",
    "خ": "X",
    "د": "d",
    "ذ": "d",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "C",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "g",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "و": "",
    "ي": "",
    "ا": "",
    "ء": "",
}
_INITIAL_GLIDES = {"و": "w", "ي": "y"}

# Latin spellings to the same classes: digraphs first, then single letters.
LATIN_DIGRAPHS: dict[str, str] = {
    "kh": "X",
    "gh": "g",
    "sh": "C",
    "ch": "C",
    "th": "t",
    "dh": "d",
    "ph": "f",
    "dj": "g",
}
_LATIN_LETTERS = str.maketrans(
    {"q": "k", "c": "k", "j": "g", "p": "b", "v": "f", "x": "ks", "a": "", "e": "", "i": ""}
)
_LATIN_WEAK = str.maketrans({"o": "", "u": "", "w": "", "y": ""})
_DIGRAPH = re.compile("|".join(LATIN_DIGRAPHS))

_SON_OF = {"بن", "ابن", "بنت", "bin", "ibn", "ben", "bint", "binti"}
_JOIN_NEXT_AR = {"عبد", "ابو", "ابي", "ابا"}
_JOIN_PREV_AR = {"الله", "الدين", "لله"}
_JOIN_NEXT_LAT = re.compile(r"^(abd|abdul|abdel|abdal|abdol|abdil|abu|abou|abo|abi)$")
_JOIN_PREV_LAT = re.compile(
    r"^((a|e|u|ou)?[ld]{0,2}-?)?(allah|ullah|ulla|illah|eddin|uddin|iddin|addin|din|deen)$"
)
_LATIN_ARTICLE = re.compile(r"^(al|el|ul|il|a[dnrstz]|a[sd]h|e[dnrstz]|e[sd]h)-(?=\w\w)")
_LATIN_ARTICLE_WORDS = {"al", "el", "ul", "il"}


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds any Arabic letter."""
    return _ARABIC.search(text) is not None


def normalize_arabic(text: str) -> str:
    """Arabic letters folded, diacritics and tatweel removed, punctuation to spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).translate(_FOLD)
    return _SPACES.sub(" ", _NOT_NAME.sub(" ", text)).strip()


def normalize_latin(text: str) -> str:
    """A name in any non-Arabic script as lower-case ASCII (AnyAscii), marks of ʿayn removed."""
    text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    text = re.sub(r"['`’‘ʿʾ]", "", text)
    text = re.sub(r"[^a-z\s-]", " ", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return _SPACES.sub(" ", text).strip(" -")


def _arabic_parts(text: str) -> list[str]:
    parts = [p for p in normalize_arabic(text).split() if p not in _SON_OF]
    joined: list[str] = []
    for part in parts:
        if joined and (part in _JOIN_PREV_AR or joined[-1] in _JOIN_NEXT_AR):
            joined[-1] += part
        else:
            joined.append(part)
    if joined and joined[-1] in _JOIN_NEXT_AR and len(joined) > 1:
        last = joined.pop()  # popped first: ``joined[-2] += joined.pop()`` indexes after the pop
        joined[-1] += last
    return [_cut_arabic_article(p) for p in joined]


def _cut_arabic_article(part: str) -> str:
    if part.startswith("ال") and len(part) > 3:
        return part[2:]
    return part


def _latin_parts(text: str) -> list[str]:
    words: list[str] = []
    for word in normalize_latin(text).split():
        if word in _SON_OF:
            continue
        words.extend(w for w in _split_latin_compound(word) if w)
    joined: list[str] = []
    for word in words:
        if word in _LATIN_ARTICLE_WORDS:
            continue
        if joined and (_JOIN_PREV_LAT.match(word) or _JOIN_NEXT_LAT.match(joined[-1])):
            joined[-1] += word
        else:
            joined.append(word)
    return [_LATIN_ARTICLE.sub("", p).replace("-", "") for p in joined]


def _split_latin_compound(word: str) -> list[str]:
    """``al-hassan`` stays one part (article cut later); ``abd-al-rahman`` is joined."""
    pieces = word.split("-")
    if len(pieces) == 1:
        return pieces
    if _JOIN_NEXT_LAT.match(pieces[0]) or any(_JOIN_PREV_LAT.match(p) for p in pieces[1:]):
        return ["".join(p for p in pieces if p not in _LATIN_ARTICLE_WORDS)]
    return [word]


def name_tokens(text: str) -> list[str]:
    """The parts of a name, normalised in its own script (Arabic letters stay Arabic)."""
    if has_arabic(text):
        return _arabic_parts(text)
    return _latin_parts(text)


def _collapse(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def _skeleton_arabic(part: str) -> str:
    head = _INITIAL_GLIDES.get(part[:1], "")
    rest = part[1:] if head else part
    key = head + "".join(ARABIC_CONSONANTS.get(ch, "") for ch in rest)
    return key


def _skeleton_latin(part: str) -> str:
    part = _DIGRAPH.sub(lambda m: LATIN_DIGRAPHS[m.group(0)], part)
    head = part[0] if part[:1] in ("w", "y") else ""
    rest = part[1:] if head else part
    return head + rest.translate(_LATIN_WEAK).translate(_LATIN_LETTERS)


@lru_cache(maxsize=1 << 16)
def skeleton(part: str) -> str:
    """One name part (from :func:`name_tokens`) as its consonant key, whatever its script."""
    key = _skeleton_arabic(part) if has_arabic(part) else _skeleton_latin(part)
    key = _collapse(key)
    if len(key) > 1 and key.endswith("h"):
        key = key[:-1]
    return key


def skeleton_tokens(text: str) -> list[str]:
    """The consonant keys of a name's parts, empty ones left out."""
    return [k for k in (skeleton(p) for p in name_tokens(text)) if k]
