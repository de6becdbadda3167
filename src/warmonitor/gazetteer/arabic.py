"""Arabic names of the gazetteer's places, and the folding that matches them.

``data/arabic_names.tsv`` (built by ``scripts/build_arabic_names.py`` from the same pinned GeoNames
packages as the SQLite file) holds the Arabic alternate names of places in the countries Arabic
reports are about. Names are folded by :func:`fold` (hamza and madda forms of alef to bare alef,
alif maqsura to yaa, taa marbuta to haa, hamza on waw and yaa to the letter, diacritics and
tatweel removed, Arabic-Indic digits to Latin), and each is also kept without its article "ال".
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files

from anyascii import anyascii

__all__ = ["ARABIC_LETTER", "ArabicNames", "fold", "fold_char", "latin", "right_to_left"]

ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ی": "ي",
    "٬": ",",
    "٫": ".",
    "،": "،",
    "\u00a0": " ",
}
_FOLD |= {chr(0x0660 + i): str(i) for i in range(10)}  # Arabic-Indic digits
_FOLD |= {chr(0x06F0 + i): str(i) for i in range(10)}  # Eastern Arabic-Indic digits
_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640", "\u200f", "\u200e"]
)


def fold_char(ch: str) -> str:
    """One character folded: ``""`` when it is dropped (a diacritic, tatweel, a direction mark)."""
    if ch in _DROP:
        return ""
    return _FOLD.get(ch, ch)


def fold(text: str) -> str:
    """``text`` folded for matching (see the module docstring)."""
    return "".join(fold_char(ch) for ch in text)


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def right_to_left(text: str) -> bool:
    """Whether ``text`` (a sentence, a name) is written mostly in Arabic letters."""
    arabic = len(ARABIC_LETTER.findall(text))
    return arabic > 0 and arabic >= len(_LATIN_LETTER.findall(text))


def latin(text: str) -> str:
    """``text`` transliterated to Latin letters (AnyAscii), for exports that show a name in
    Arabic beside its Latin spelling; text without Arabic letters is returned as it is."""
    if not ARABIC_LETTER.search(text):
        return text
    return " ".join(anyascii(text).split())


def _bare(key: str) -> str:
    """A folded name without its article: "الرقه" -> "رقه"."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in key.split())


class ArabicNames:
    """Folded Arabic names (and their article-less forms) to GeoNames ids."""

    def __init__(self, rows: list[tuple[str, int]]) -> None:
        self.ids: dict[str, tuple[int, ...]] = {}
        found: dict[str, set[int]] = {}
        for name, gid in rows:
            key = " ".join(fold(name).split())
            for k in {key, _bare(key)}:
                found.setdefault(k, set()).add(gid)
        self.ids = {k: tuple(sorted(v)) for k, v in found.items()}
        self.longest = max((len(k.split()) for k in self.ids), default=1)

    @classmethod
    @functools.cache
    def default(cls) -> ArabicNames:
        """The names shipped in the package (read once)."""
        text = files("warmonitor.gazetteer").joinpath("data/arabic_names.tsv").read_text("utf-8")
        rows = []
        for line in text.splitlines():
            name, _, gid = line.partition("\t")
            if gid.isdigit():
                rows.append((name, int(gid)))
        return cls(rows)

    def lookup(self, key: str) -> tuple[int, ...]:
        """The places a folded name (with or without its article) names."""
        return self.ids.get(key) or self.ids.get(_bare(key), ())
