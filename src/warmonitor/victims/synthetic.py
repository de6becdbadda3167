"""Invented victim lists for tests and benchmarks: no real name, only generated ones.

Name parts are made of generated syllables (a consonant and a vowel), each written in Latin and
in Arabic letters; their frequencies follow a Zipf law, as given names do. A person has a first
name, a father's and a grandfather's (drawn from the male first names) and a family name, a sex
and an age. :func:`two_lists` draws a population and writes two lists of it that overlap, the
second with the noise lists have (a part left out, a letter changed, the name in Latin letters,
ages in place of birth dates).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Person", "population", "two_lists"]

_CONSONANTS: tuple[tuple[str, str], ...] = (
    ("b", "ب"),
    ("t", "ت"),
    ("d", "د"),
    ("r", "ر"),
    ("z", "ز"),
    ("s", "س"),
    ("sh", "ش"),
    ("f", "ف"),
    ("q", "ق"),
    ("k", "ك"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "ن"),
    ("h", "ه"),
    ("j", "ج"),
    ("kh", "خ"),
)
# (Latin, Arabic): short vowels are not written in Arabic script.
_VOWELS: tuple[tuple[str, str], ...] = (
    ("a", ""),
    ("i", ""),
    ("u", ""),
    ("aa", "ا"),
    ("ou", "و"),
    ("ee", "ي"),
)
_WAR_DAY = date(2024, 1, 1)


@dataclass(frozen=True, slots=True)
class Person:
    """An invented person: name parts as (Latin, Arabic), sex, birth date, death date."""

    parts: tuple[tuple[str, str], ...]
    sex: str
    birth: date
    death: date

    def name(self, script: str, drop_third: bool = False) -> str:
        """The name in ``latin`` or ``arabic`` letters, the grandfather's left out if asked."""
        index = 0 if script == "latin" else 1
        parts = [p for i, p in enumerate(self.parts) if not (drop_third and i == 2)]
        words = [p[index] for p in parts]
        return " ".join(w.capitalize() if index == 0 else w for w in words)

    @property
    def age(self) -> int:
        """Whole years at death."""
        years = self.death.year - self.birth.year
        return years - ((self.death.month, self.death.day) < (self.birth.month, self.birth.day))


def _part(rng: random.Random, syllables: int) -> tuple[str, str]:
    latin, arabic = [], []
    for i in range(syllables):
        c_lat, c_ar = rng.choice(_CONSONANTS)
        v_lat, v_ar = rng.choice(_VOWELS if i else _VOWELS[3:])
        latin.append(c_lat + v_lat)
        arabic.append(c_ar + v_ar)
    return "".join(latin), "".join(arabic)


def _vocabulary(rng: random.Random, size: int) -> list[tuple[str, str]]:
    seen: dict[str, tuple[str, str]] = {}
    while len(seen) < size:
        part = _part(rng, rng.choice((2, 2, 3)))
        seen.setdefault(part[1], part)
    return list(seen.values())


def _zipf_cumulative(size: int, exponent: float) -> list[float]:
    total = 0.0
    cumulative = []
    for rank in range(1, size + 1):
        total += 1.0 / (rank**exponent)
        cumulative.append(total)
    return cumulative


def population(
    size: int, *, seed: int = 8, vocabulary: int = 2000, exponent: float = 0.9
) -> list[Person]:
    """``size`` invented persons (name parts drawn from Zipf-weighted generated parts; ages:
    two in five children)."""
    rng = random.Random(seed)
    male = _vocabulary(rng, vocabulary)
    female = _vocabulary(rng, vocabulary)
    family = _vocabulary(rng, vocabulary)
    cumulative = _zipf_cumulative(vocabulary, exponent)
    people = []
    for _ in range(size):
        sex = rng.choice("mf")
        first = rng.choices(female if sex == "f" else male, cum_weights=cumulative)[0]
        father, grandfather = rng.choices(male, cum_weights=cumulative, k=2)
        age = rng.randint(0, 17) if rng.random() < 0.4 else rng.randint(18, 85)
        death = _WAR_DAY + timedelta(days=rng.randint(0, 400))
        birth = death - timedelta(days=age * 365 + rng.randint(0, 364))
        parts = (first, father, grandfather, rng.choices(family, cum_weights=cumulative)[0])
        people.append(Person(parts, sex, birth, death))
    return people


def _typo(rng: random.Random, text: str) -> str:
    letters = list(text)
    spots = [i for i, ch in enumerate(letters) if ch != " "]
    i = rng.choice(spots)
    j = rng.choice(spots)
    letters[i], letters[j] = letters[j], letters[i]
    return "".join(letters)


def two_lists(
    people: Sequence[Person], *, overlap: float = 0.7, seed: int = 8, latin_share: float = 0.3
) -> tuple[list[dict[str, str]], list[dict[str, str]], list[tuple[str, str]]]:
    """Two lists of ``people``: the first every person with an Arabic name and a birth date,
    the second a share ``overlap`` of them with noise (ages, a part dropped, a letter moved,
    some names in Latin letters with the Arabic beside); and the true pairs by record id."""
    rng = random.Random(seed)
    left = [
        {
            "record_id": f"a{i}",
            "name": p.name("arabic"),
            "sex": p.sex,
            "dob": p.birth.isoformat(),
        }
        for i, p in enumerate(people)
    ]
    right: list[dict[str, str]] = []
    truth: list[tuple[str, str]] = []
    chosen = [i for i in range(len(people)) if rng.random() < overlap]
    rng.shuffle(chosen)
    for n, i in enumerate(chosen):
        p = people[i]
        drop = rng.random() < 0.4
        arabic = p.name("arabic", drop_third=drop)
        if rng.random() < 0.05:
            arabic = _typo(rng, arabic)
        latin = p.name("latin", drop_third=drop) if rng.random() < latin_share else ""
        right.append(
            {
                "record_id": f"b{n}",
                "name": arabic,
                "alt_name": latin,
                "sex": p.sex if rng.random() > 0.03 else "",
                "age": str(p.age) if rng.random() > 0.2 else "",
                "death_date": p.death.isoformat(),
            }
        )
        truth.append((f"a{i}", f"b{n}"))
    return left, right, truth
