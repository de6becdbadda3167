"""The armed actors of the registry of actors: named groups and forces, spellings, kind, home.

The groups are the actors of ``warmonitor.actors`` (``data/actors.json``) that carry ``armed``
(their perpetrator kind, home and pattern), read once at import. Each :class:`ArmedGroup` has one
canonical name (``Actor.perpetrator_name``) and the ways news writes it (``pattern``):
"Islamic State", "ISIS", "ISIL", "Daesh" and "IS militants" are one group. The canonical
name follows one convention (``docs/VIOLATIONS.md``, *The registry of armed actors*): the
group's commonest English name in the wire copy of the years monitored (AP, Reuters, AFP,
BBC), with the abbreviation it is as well known by in brackets, as the Global Terrorism
Database and UCDP write them ("Allied Democratic Forces (ADF)"). Where a name is a community's
("Fulani", "Houthi"), it is the community's own name.

``home`` names the countries (alpha-2) a group operates in as a domestic group; acting
elsewhere it is ``transnational``. Kinds are those of ``perpetrators.PerpetratorKind``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warmonitor.actors import ActorRegistry

__all__ = ["ARMED_GROUPS", "ArmedGroup", "canonical", "group_of"]


@dataclass(frozen=True, slots=True)
class ArmedGroup:
    """One armed actor: its canonical ``name``, the pattern of its spellings, its kind, and the
    ``actor`` id it is in the registry of actors."""

    name: str
    pattern: str
    kind: str = "non_state"
    home: tuple[str, ...] = ()  # alpha-2 codes; none: at home nowhere
    actor: str | None = None


def _from_registry() -> tuple[ArmedGroup, ...]:
    """The registry's armed actors as groups, in its order (the most specific first where
    patterns overlap)."""
    return tuple(
        ArmedGroup(a.perpetrator_name, a.armed.pattern, a.armed.kind, tuple(a.armed.home), a.id)
        for a in ActorRegistry.default().armed()
        if a.armed is not None
    )  # fmt: skip


#: Named armed groups and forces: the actors of the registry with ``armed`` (read once).
ARMED_GROUPS: tuple[ArmedGroup, ...] = _from_registry()


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("A|B(?:c|d)": "A", "B(?:c|d)")."""
    out, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _any_case(pattern: str) -> str:
    """A pattern whose spelled-out names match in any case ("Boko haram", "al qaeda"), its
    acronyms and names that open with one ("IS fighters") as written (an acronym in lower
    case is most often a word: "has", "let")."""
    return "|".join(f"(?i:{alt})" if _spelled(alt) else alt for alt in _alternatives(pattern))


# First words of names that are English words too ("an Islamic state", "a new people's army"):
# such a name matches as capitalised.
_ENGLISH = re.compile(
    r"^(?:Islamic|Allied|Lord's|March|Democratic|New|Popular|Rapid|Revolutionary|Civilian|"
    r"Indigenous|United|National|Movement|White|Kurdistan)\b"
)


def _spelled(alt: str) -> bool:
    """Whether an alternative spells a name out (not an acronym, no English first word)."""
    return bool(
        re.search(r"[a-z]{2}", alt)
        and not re.match(r"[A-Z]{2,}\b", alt)
        and not _ENGLISH.match(alt)
    )


# A group's name ends a word, or goes on in a compound of its followers ("al-Qaeda-linked").
_AFTER_NAME = r"(?:(?![\w-])|(?=-(?:linked|affiliated|allied|aligned|backed|inspired)\b))"
_COMPILED = tuple(
    re.compile(r"\b(?:" + _any_case(g.pattern) + r")" + _AFTER_NAME) for g in ARMED_GROUPS
)


def patterns() -> tuple[tuple[re.Pattern[str], ArmedGroup], ...]:
    """Each group's compiled pattern (a match starts a word and ends one), with the group."""
    return tuple(zip(_COMPILED, ARMED_GROUPS, strict=True))


@lru_cache(maxsize=2048)
def group_of(name: str) -> ArmedGroup | None:
    """The group whose spelling ``name`` is ("ISIL": Islamic State), else ``None``."""
    for pattern, group in zip(_COMPILED, ARMED_GROUPS, strict=True):
        m = pattern.search(name)
        if m is not None and m.start() == 0 and m.end() == len(name):
            return group
    return None


def canonical(name: str) -> str:
    """The registry's name for ``name`` where it is a spelling of a group, else ``name``."""
    group = group_of(name)
    return group.name if group is not None else name
