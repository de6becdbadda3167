"""How a claimant's words describe a voice, as reconciliation unifies voices in an incident.

A description's head ("officials"), the one-person role it ends in ("the local governor"), its
level ("local", "city"), the institution it names by office alone ("the ministry"), what its
officials are of ("Gaza officials"), a town's government, a person's name as a skeleton of its
spellings, two descriptions of one body, a name cut at its first letter. Used by
:class:`warmonitor.reconcile.sources.Claimants`. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from warmonitor.actors import describe
from warmonitor.model import Claim

__all__ = [
    "TOWNS",
    "UNATTRIBUTED",
    "UN_BODY",
    "cut_first_letter",
    "head_of",
    "institution_of",
    "is_local_government",
    "level_of",
    "local_rank",
    "normal",
    "officials_of",
    "role_of",
    "same_bodies",
    "skeleton",
    "words_of",
]

#: The name an outlet's own figure (no one credited) is shown under.
UNATTRIBUTED = "unattributed"
_PUNCT = re.compile(r"[^\w\s-]+")


def normal(text: str) -> str:
    """A name casefolded, without punctuation or a leading "the"."""
    words = _PUNCT.sub(" ", text).casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def words_of(claim: Claim) -> str:
    return claim.claimant.name or claim.claimant.text or ""


def head_of(key: str, claim: Claim) -> str | None:
    """The head of a description key ("officials", "activists"), ``None`` for a name or the
    unattributed; ``claim`` is one claim of the key."""
    if key.startswith("@") or key == "~" + UNATTRIBUTED:
        return None
    if key.startswith("~") and key.count(":") == 2:
        return key.split(":")[1]
    words = words_of(claim)
    if not key.startswith("~") and any(w[:1].isupper() for w in words.split()[1:]):
        return None  # a name ("Pavlo Kyrylenko"), not a description ("local governor")
    found = describe(words)
    return found.head if found else None


# Roles that name one person: "the local governor" is the governor the incident names.
_ROLES = frozenset(
    "governor mayor spokesman spokeswoman spokesperson chief head director commander minister "
    "president prosecutor ombudsman commissioner adviser advisor envoy coordinator".split()
)


def role_of(claim: Claim) -> str | None:
    """The role a description of one person ends in ("the local governor" → governor)."""
    words = re.findall(r"[\w'-]+", words_of(claim).casefold())
    return words[-1] if words and words[-1] in _ROLES else None


# A body of the United Nations the registry does not list by name (a mission, a team, an
# inquiry) speaks for the UN: "the UN observer mission", "a U.N. report".
UN_BODY = re.compile(r"(?<![\w.])(?:U\.N\.|UN|United Nations)(?![\w.])")


# Words that set a level of government or a service apart: "local authorities" and "Ukrainian
# authorities" are two voices.
_LEVELS = frozenset(
    "local city municipal town village regional provincial district national state federal "
    "military police health security".split()
)


def level_of(claim: Claim) -> frozenset[str]:
    """The level words of a description ("local", "city"), empty for none."""
    return frozenset(w for w in words_of(claim).casefold().split() if w in _LEVELS)


# Institutions a report names by their office alone once it has named them: "the ministry"
# after "the Gaza Health Ministry", "the council" after "the Mariupol city council".
_INSTITUTIONS = frozenset(
    "ministry council committee commission office mission army police agency administration "
    "observatory network directorate department".split()
)


def institution_of(key: str, claim: Claim) -> str | None:
    """The institution noun of an unnamed claimant with no name of its own ("ministry" in "the
    ministry in the enclave"), ``None`` for a name or another description."""
    if key.startswith("@") or key == "~" + UNATTRIBUTED:
        return None
    words = re.split(r"\s(?:in|of|for)\s", words_of(claim), maxsplit=1)[0]  # "in Hamas-run …"
    if any(w[:1].isupper() for w in words.split()[1:]):
        return None
    found = [w for w in re.findall(r"[\w'-]+", words.casefold()) if w in _INSTITUTIONS]
    return found[0] if len(found) == 1 else None


# People of a body, described by what they are of: "Gaza officials", "health authorities in
# the enclave" are the one named body of the incident that word names ("Gaza Health Ministry").
_PEOPLE_OF = frozenset("officials authorities".split())
_PLACE_LEVELS = frozenset("regional provincial district national state federal".split())


def officials_of(key: str, claim: Claim) -> str | None:
    """The word just before "officials"/"authorities" in an unnamed claimant's words ("gaza"
    in "Gaza officials", "health" in "health authorities in the enclave"), ``None`` else."""
    if key.startswith("@") or key == "~" + UNATTRIBUTED:
        return None
    words = re.findall(r"[\w'-]+", words_of(claim).casefold())
    for i, w in enumerate(words[1:], 1):
        if w in _PEOPLE_OF:
            before = words[i - 1].removesuffix("'s")
            return None if before in _PLACE_LEVELS or before in _LOCAL_MARKS else before
    return None


# A town's government, however a report names it: "Mariupol city hall", "the city council",
# "local officials", "Mariupol officials", "city authorities" are one voice in an incident.
_LOCAL_MARKS = frozenset("city local municipal town village".split())
_LOCAL_BODIES = frozenset(
    "officials authorities council hall administration government office".split()
)


def is_local_government(claim: Claim, towns: frozenset[str]) -> bool:
    """True when the claimant is the government of a town of the incident (``towns``:
    casefolded names) or of "the city": a level mark or the town's name, then a body."""
    words = [
        w
        for w in re.findall(r"[\w-]+", words_of(claim).casefold().replace("’", "'"))
        if w not in ("the", "a", "an", "s")
    ]
    marked = [w for w in words if w in _LOCAL_MARKS or w in towns]
    rest = [w for w in words if w not in _LOCAL_MARKS and w not in towns]
    return bool(marked) and bool(rest) and all(w in _LOCAL_BODIES for w in rest)


def local_rank(claim: Claim, towns: frozenset[str], size: int) -> tuple[bool, bool, int]:
    """Which name of a town's government to show: the town's name, an institution ("city
    hall", "council") over its people ("officials"), then the most quoted."""
    words = set(re.findall(r"[\w-]+", words_of(claim).casefold()))
    return bool(words & towns), bool(words & _INSTITUTION_BODIES), size


_INSTITUTION_BODIES = frozenset("council hall administration government office".split())
_VOWELS = re.compile(r"[aeiouy]+")
TOWNS = frozenset({"city", "neighbourhood", "point"})


def skeleton(name: str) -> str | None:
    """A person's name as its words' first two letters and consonants ("Andriy Nebytov",
    "Andrii Nebitov": one person spelt two ways), ``None`` for one word or short words."""
    words = name.split()
    if len(words) < 2 or any(len(w) < 3 for w in words):
        return None
    out = []
    for w in words:
        rest = re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", w[2:]))
        out.append(w[:2] + rest)
    return " ".join(out)


def same_bodies(keys: Mapping[str, str]) -> dict[str, str]:
    """Lowercase descriptions of one body that no registry or description knows ("rail
    company", "the state railway company"): same head noun, each qualifier of the shorter the
    start of one of the longer's ("rail", "railway"), and level words ("state") on one side at
    most. ``keys`` maps each such key to its words; the result maps a key to the longer one."""
    parts: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {}
    for key, words in keys.items():
        tokens = [w for w in normal(words).split() if w not in ("a", "an")]
        if len(tokens) < 2 or words != words.casefold():
            continue
        qualifiers = frozenset(w for w in tokens[:-1] if w not in _LEVELS)
        level = frozenset(w for w in tokens[:-1] if w in _LEVELS)
        if qualifiers:
            parts[key] = (tokens[-1], qualifiers, level)
    out: dict[str, str] = {}
    for short, (head, quals, level) in parts.items():
        matches = [
            long
            for long, (h, q, lv) in parts.items()
            if long != short
            and h == head
            and (len(q), len(lv)) > (len(quals), len(level))
            and (not level or not lv or level == lv)
            and all(any(w.startswith(x) for w in q) for x in quals)
        ]
        if len(matches) == 1:
            out[short] = matches[0]
    return out


def cut_first_letter(key: str, others: Iterable[str]) -> str | None:
    """The name ``key`` is with its first letter lost ("ndriy Nebytov" for "Andriy Nebytov")."""
    words = key.split()
    for other in others:
        them = other.split()
        if (
            len(them) == len(words) >= 2
            and len(words[0]) >= 4
            and them[0][1:] == words[0]
            and them[1:] == words[1:]
        ):
            return other
    return None
